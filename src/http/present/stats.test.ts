// The stats pages' view models and their SVG: daily and weekly bars, the sentences that describe
// the charts, sorting links, and escaping in the SVG.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { presentUserStats, presentWorkStats } from './stats.ts';
import { barChart, niceTicks } from '../web/views/components/bar-chart.ts';
import { daysEnding } from '../../domain/stats-days.ts';
import type { WorkStatsReport } from '../../services/stats/work-stats.ts';

function report(period: 30 | 90 | 365, hitsByDay: Record<string, number>): WorkStatsReport {
  const days = daysEnding('2026-11-21', period).map((day) => ({ day, hits: hitsByDay[day] ?? 0, kudos: 0, comments: 0, bookmarks: 0, subscriptions: 0 }));
  const hits = days.reduce((sum, d) => sum + d.hits, 0);
  return {
    work: { id: 7, title: '<b>Tide</b> & "Salt"', wordCount: 100, chapterCount: 1, postedAt: '2026-01-01T00:00:00.000Z', posted: true, hiddenByAdmin: false },
    period,
    days,
    totals: { hits, kudos: 0, comments: 0, bookmarks: 0, subscriptions: 0, words: 100 },
    periodTotals: { hits, kudos: 0, comments: 0, bookmarks: 0, subscriptions: 0 },
  };
}

describe('stats presentation', () => {
  it('keeps a month daily and describes it in a sentence', () => {
    const page = presentWorkStats(report(30, { '2026-11-20': 3, '2026-11-21': 1 }), { login: 'wren' });
    const hits = page.charts.find((c) => c.kind === 'hits')!;
    assert.equal(page.step, 'day');
    assert.equal(hits.bars.length, 30);
    assert.equal(hits.description, 'From 23 Oct 2026 to 21 Nov 2026: 4 hits in all. The most in one day was 3 hits, on 20 Nov 2026.');
    assert.equal(page.charts.find((c) => c.kind === 'kudos')!.description, 'From 23 Oct 2026 to 21 Nov 2026: no kudos in the last 30 days.');
    assert.equal(page.userStatsUrl, '/users/wren/stats');
    assert.deepEqual(page.periods.map((p) => [p.url, p.current]), [['/works/7/stats?days=30', true], ['/works/7/stats?days=90', false], ['/works/7/stats?days=365', false]]);
  });

  it('turns a year into weeks that end today, the oldest one partial', () => {
    const page = presentWorkStats(report(365, { '2026-11-15': 2, '2026-11-21': 5, '2025-11-22': 1 }), { login: null });
    const hits = page.charts.find((c) => c.kind === 'hits')!;
    assert.equal(page.step, 'week');
    assert.equal(hits.bars.length, 53);
    assert.deepEqual(hits.bars[52], { day: '2026-11-15', label: '15–21 Nov 2026', shortLabel: '15 Nov', value: 7 });
    assert.deepEqual(hits.bars[0], { day: '2025-11-22', label: '22 Nov 2025', shortLabel: '22 Nov', value: 1 });
    assert.equal(page.rows.length, 53);
    assert.match(hits.description, /The most in one week was 7 hits, in the week of 15–21 Nov 2026\./);
  });

  it('draws an accessible SVG with escaped text and nice axis ticks', () => {
    assert.deepEqual(niceTicks(0), [0]);
    assert.deepEqual(niceTicks(1), [0, 1]);
    assert.deepEqual(niceTicks(12), [0, 5, 10, 15]);
    assert.deepEqual(niceTicks(1000), [0, 500, 1000]);
    const page = presentWorkStats(report(30, { '2026-11-21': 2 }), { login: null });
    const chart = { ...page.charts[0]!, title: 'Hits <per> day', bars: page.charts[0]!.bars };
    const svg = barChart(chart).value;
    assert.match(svg, /^<svg class="chart" role="img" aria-labelledby="chart-hits-title chart-hits-desc"/);
    assert.match(svg, /<title id="chart-hits-title">Hits &lt;per&gt; day<\/title>/);
    assert.equal((svg.match(/<rect /g) ?? []).length, 1, 'only days with hits get a bar');
    assert.match(svg, /<title>21 Nov 2026: 2 hits<\/title>/);
    assert.doesNotMatch(svg, /style=/);
  });

  it('links every column of the creator page to sort by it, toggling the current one', () => {
    const page = presentUserStats({
      login: 'wren',
      sort: 'hits',
      order: 'desc',
      works: [],
      totals: { hits: 0, kudos: 0, comments: 0, bookmarks: 0, subscriptions: 0, words: 0 },
    });
    const hits = page.columns.find((c) => c.sort === 'hits')!;
    assert.equal(hits.url, '/users/wren/stats?sort=hits&order=asc');
    assert.equal(hits.ariaSort, 'descending');
    assert.equal(page.columns.find((c) => c.sort === 'title')!.url, '/users/wren/stats?sort=title&order=asc');
    assert.equal(page.columns.find((c) => c.sort === 'kudos')!.ariaSort, null);
  });
});
