// The creators' stats pages: /works/:id/stats (totals, one bar chart per kind of feedback over
// the chosen period, and the numbers as a table) and /users/:login/stats (every work, sortable
// by any column). Sorting and the period are plain links: no JavaScript.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import type { UserStatsPage, WorkStatsPage } from '../../present/stats.ts';
import { layout } from './layout.ts';
import { barChart } from './components/bar-chart.ts';
import { formatNumber, timeTag } from './components/date.ts';

function totalsList(totals: WorkStatsPage['totals'], period: number): SafeHtml {
  const items = totals.map(
    (t) => html`<dt>${t.label}</dt><dd><span class="total">${formatNumber(t.value)}</span>${t.inPeriod !== null ? html` <span class="in-period">(${formatNumber(t.inPeriod)} in the last ${period} days)</span>` : ''}</dd>`,
  );
  return html`<dl class="stats-totals">${items}</dl>`;
}

function periodNav(page: WorkStatsPage): SafeHtml {
  const links = page.periods.map((p) =>
    p.current ? html`<li><a href="${p.url}" aria-current="page">${p.label}</a></li>` : html`<li><a href="${p.url}">${p.label}</a></li>`,
  );
  return html`<nav class="stats-periods" aria-label="Period"><ul class="actions">${links}</ul></nav>`;
}

function dataTable(page: WorkStatsPage): SafeHtml {
  const head = page.charts.map((c) => html`<th scope="col" class="numeric">${c.unit.many.replace(/^./, (ch) => ch.toUpperCase())}</th>`);
  const rows = page.rows.map(
    (r) => html`<tr><th scope="row"><time datetime="${r.day}">${r.label}</time></th>${r.values.map((v) => html`<td class="numeric">${formatNumber(v)}</td>`)}</tr>`,
  );
  return html`<details class="stats-data">
<summary>The numbers as a table</summary>
<div class="table-wrap" tabindex="0" role="region" aria-label="Stats per ${page.step}">
<table class="stats-table">
<caption>Per ${page.step}, last ${page.period} days</caption>
<thead><tr><th scope="col">${page.step === 'day' ? 'Day' : 'Week'}</th>${head}</tr></thead>
<tbody>${rows}</tbody>
</table>
</div>
</details>`;
}

export function workStatsView(chrome: PageChrome, page: WorkStatsPage): string {
  const charts = page.charts.map(
    (chart) => html`<figure class="stats-chart" aria-labelledby="${chart.id}-caption">
<figcaption id="${chart.id}-caption"><h3>${chart.unit.many.replace(/^./, (ch) => ch.toUpperCase())}</h3></figcaption>
${chart.bars.some((b) => b.value !== 0) ? barChart(chart) : html`<p class="empty">No ${chart.unit.many} in the last ${page.period} days.</p>`}
</figure>`,
  );
  return layout(
    chrome,
    html`<div class="stats-page">
<h1>Stats for <a href="${page.workUrl}">${page.title}</a></h1>
${page.userStatsUrl ? html`<p><a href="${page.userStatsUrl}">All your works’ stats</a></p>` : ''}
${page.posted ? '' : html`<p class="notice">This work is a draft: it gets hits and kudos once it is posted.</p>`}
<h2>Totals</h2>
${totalsList(page.totals, page.period)}
<h2>Over time</h2>
${periodNav(page)}
<p class="hint">Each bar is one ${page.step}. Dates are in UTC.</p>
${charts}
${dataTable(page)}
</div>`,
  );
}

function sortHeader(column: UserStatsPage['columns'][number]): SafeHtml {
  const arrow = column.ariaSort === 'ascending' ? '▲' : column.ariaSort === 'descending' ? '▼' : '';
  return html`<th scope="col"${column.numeric ? html` class="numeric"` : ''}${column.ariaSort ? html` aria-sort="${column.ariaSort}"` : ''}><a href="${column.url}">${column.label}${arrow ? html` <span aria-hidden="true">${arrow}</span>` : ''}</a></th>`;
}

export function userStatsView(chrome: PageChrome, page: UserStatsPage): string {
  const numeric = page.columns.filter((c) => c.numeric);
  const rows = page.works.map(
    (w) => html`<tr>
<th scope="row"><a href="${w.url}">${w.title}</a>${w.hidden ? html` <span class="badge">Hidden by admins</span>` : ''} <a class="work-stats-link" href="${w.statsUrl}">Stats<span class="visually-hidden"> for ${w.title}</span></a></th>
<td>${timeTag(w.postedAt)}</td>
${numeric.map((c) => html`<td class="numeric">${formatNumber(Number(w.values[c.sort]))}</td>`)}
</tr>`,
  );
  const table =
    page.works.length === 0
      ? html`<p class="empty">You have not posted any works yet.</p>`
      : html`<div class="table-wrap" tabindex="0" role="region" aria-label="Your works">
<table class="stats-table">
<caption>Your works. Choose a column heading to sort by it.</caption>
<thead><tr>${page.columns.map(sortHeader)}</tr></thead>
<tbody>${rows}</tbody>
</table>
</div>`;
  return layout(
    chrome,
    html`<div class="stats-page">
<h1>Stats</h1>
<h2>Totals</h2>
<dl class="stats-totals">${page.totals.map((t) => html`<dt>${t.label}</dt><dd>${formatNumber(t.value)}</dd>`)}</dl>
<h2>Works</h2>
${table}
</div>`,
  );
}
