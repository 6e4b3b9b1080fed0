// The history's timeline: money spent on coins per day, week or month (by the history's length),
// each bar split by the rules' verdict — allowed, warning, blocked — in the theme's verdict
// colours. Drawn by the page's Chart.js (../../../vendor, loaded on first use, as charts.js
// does); the same figures are in the totals table below it, so the chart is an image to
// assistive technology.
import { sum } from '../../decimal.js';
import { t } from '../../i18n.js';
import { periodOf, periodsBetween } from './periods.js';

let library = null;

/** Chart.js, loaded once (the same module charts.js loads). */
function chartLibrary() {
  library ??= import('../../../vendor/chart.umd.min.js').then(() => globalThis.Chart);
  return library;
}

function cssVar(el, name, fallback) {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** The verdicts a bar is split by, each named `calc.verdict.LEVEL`. */
const LEVELS = [['ok'], ['warn'], ['block']];

/** Days for a history up to two months, weeks up to two years, months beyond. */
export function bucketFor(rows) {
  const span = (rows.at(-1).ms - rows[0].ms) / 86400000;
  return span <= 62 ? 'day' : span <= 730 ? 'week' : 'month';
}

/**
 * The bars: for each period, the money of the top-ups in `currency` per verdict (exact decimal
 * strings), `{ by, periods, exact: { ok: [...], warn: [...], block: [...] } }`.
 */
export function timeline(rows, currency, amountOf) {
  const buys = rows.filter((r) => r.kind === 'buy' && amountOf(r)?.currency === currency);
  if (!buys.length) return null;
  const by = bucketFor(buys);
  const periods = periodsBetween(buys[0].day, buys.at(-1).day, by);
  const index = new Map(periods.map((p, i) => [p, i]));
  const parts = Object.fromEntries(LEVELS.map(([level]) => [level, periods.map(() => [])]));
  for (const r of buys) parts[r.verdict ?? 'ok']?.[index.get(periodOf(r.day, by))]?.push(amountOf(r).amount);
  const exact = Object.fromEntries(LEVELS.map(([level]) => [level, parts[level].map((amounts) => (amounts.length ? sum(amounts) : '0'))]));
  return { by, periods, exact };
}

/**
 * Draws `data` (from `timeline`) on `canvas`, labels by `label(period)`, money by `fmt`. When the
 * chart cannot be drawn, the canvas gives way to a sentence; the table has the figures.
 */
export async function drawTimeline(canvas, data, { fmt, label }) {
  try {
    const Chart = await chartLibrary();
    if (!canvas.isConnected) return;
    Chart.getChart(canvas)?.destroy();
    const text = cssVar(canvas, '--gs-text', '#1b1f24');
    const grid = cssVar(canvas, '--gs-border', '#d0d7de');
    const colours = {
      ok: cssVar(canvas, '--gs-history-ok', '#1a6b34'),
      warn: cssVar(canvas, '--gs-history-warn', '#d08a12'),
      block: cssVar(canvas, '--gs-history-block', '#b3261e'),
    };
    const present = LEVELS.filter(([level]) => data.exact[level].some((a) => Number(a) !== 0));
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.periods.map(label),
        datasets: present.map(([level]) => ({
          label: t(`calc.verdict.${level}`),
          data: data.exact[level].map(Number),
          backgroundColor: colours[level],
          borderColor: cssVar(canvas, '--gs-surface', '#fff'),
          borderWidth: 1,
          barPercentage: 0.95,
          categoryPercentage: 0.9,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true, ticks: { color: text, autoSkip: true, maxRotation: 0 }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { color: text, callback: (v) => fmt.axis(v) }, grid: { color: grid } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { color: text, boxWidth: 14 } },
          tooltip: {
            filter: (item) => item.parsed.y !== 0,
            callbacks: { label: (ctx) => `${ctx.dataset.label}: ${fmt.money(data.exact[present[ctx.datasetIndex][0]][ctx.dataIndex])}` },
          },
        },
      },
    });
  } catch (e) {
    canvas.replaceWith(Object.assign(document.createElement('p'), { className: 'chart-missing', textContent: t('calc.history.chart_failed', { reason: e.message }) }));
  }
}
