// A bar chart as server-rendered SVG: no script and no chart library, a few lines of geometry.
// Accessible as one image (role="img" named by its <title> and <desc>, which sum it up in a
// sentence); the page puts a data table with the same numbers beside it (WCAG 1.1.1). Colours
// come from the stylesheet's theme variables through classes, so it follows dark mode; the
// presentation attributes are a readable fallback without CSS. No inline styles (the CSP has no
// 'unsafe-inline').
import { html } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import type { ChartModel } from '../../../present/stats.ts';

const WIDTH = 720;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 24, bottom: 36, left: 52 };
const X_LABELS = 6;

const round = (n: number) => Math.round(n * 10) / 10;

/** Axis ticks at 1, 2 or 5 × 10ⁿ steps with the top at or just above the largest value. */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const normalized = rough / magnitude;
  const step = Math.max(1, (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude);
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

/** Indexes of the bars whose dates label the x axis: a few, evenly spread, first and last included. */
function labelled(count: number): number[] {
  if (count <= X_LABELS) return Array.from({ length: count }, (_, i) => i);
  return [...new Set(Array.from({ length: X_LABELS }, (_, k) => Math.round((k * (count - 1)) / (X_LABELS - 1))))];
}

export function barChart(chart: ChartModel): SafeHtml {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const ticks = niceTicks(Math.max(0, ...chart.bars.map((b) => b.value)));
  const top = Math.max(1, ticks[ticks.length - 1]!);
  const y = (value: number) => round(MARGIN.top + plotHeight - (value / top) * plotHeight);
  const slot = plotWidth / Math.max(1, chart.bars.length);
  const barWidth = round(Math.max(1, slot * 0.8));
  const centre = (i: number) => round(MARGIN.left + i * slot + slot / 2);

  const grid = ticks.map(
    (tick) => html`<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="currentColor" stroke-opacity="0.25"/>
<text class="axis-label" x="${MARGIN.left - 8}" y="${y(tick) + 4}" text-anchor="end" fill="currentColor">${tick.toLocaleString('en-US')}</text>`,
  );
  const bars = chart.bars.map((bar, i) => {
    if (bar.value <= 0) return html``;
    const unit = bar.value === 1 ? chart.unit.one : chart.unit.many;
    return html`<rect class="bar" x="${round(centre(i) - barWidth / 2)}" y="${y(bar.value)}" width="${barWidth}" height="${round(y(0) - y(bar.value))}" fill="currentColor"><title>${bar.label}: ${bar.value.toLocaleString('en-US')} ${unit}</title></rect>`;
  });
  const xLabels = labelled(chart.bars.length).map(
    (i) => html`<text class="axis-label" x="${centre(i)}" y="${HEIGHT - MARGIN.bottom + 20}" text-anchor="middle" fill="currentColor">${chart.bars[i]!.shortLabel}</text>`,
  );
  return html`<svg class="chart" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" preserveAspectRatio="xMidYMid meet" focusable="false">
<title id="${chart.id}-title">${chart.title}</title>
<desc id="${chart.id}-desc">${chart.description}</desc>
${grid}
${bars}
<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(0)}" y2="${y(0)}" stroke="currentColor"/>
${xLabels}
</svg>`;
}
