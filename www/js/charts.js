// Charts of where the money goes, drawn by Chart.js (vendored into ../vendor by `make www`,
// loaded after the first answers so it never delays them). Colours come from the CSS custom
// properties `--gs-flow-<recipient>`, so a theme restyles the charts too. Its words are the
// reader's language's (answers.js, the catalogue).
import { sign } from './decimal.js';
import { RECIPIENTS } from './format.js';
import { recipientName } from './answers.js';
import { t } from './i18n.js';

let library = null;

/** Chart.js, loaded once on first use. */
function chartLibrary() {
  library ??= import('../vendor/chart.umd.min.js').then(() => globalThis.Chart);
  return library;
}

/** A theme colour as the canvas sees it (inside a widget's shadow root too). */
function cssVar(el, name, fallback) {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

const RECIPIENT_ORDER = Object.keys(RECIPIENTS);

/**
 * A horizontal stacked bar chart on `canvas`: one bar per row, one coloured segment per
 * recipient. `update(rows, fmt)` redraws with rows `{ label, flow }`.
 */
export function flowChart(canvas) {
  let chart = null;
  let latest = null;

  async function draw() {
    const Chart = await chartLibrary();
    const { rows, fmt } = latest;
    const present = RECIPIENT_ORDER.filter((to) => rows.some((r) => r.flow.some((e) => e.to === to && sign(e.amount) !== 0)));
    // Bar lengths are numbers; every figure a reader sees is the engine's exact string.
    const exact = present.map((to) => rows.map((r) => r.flow.find((e) => e.to === to)?.amount ?? '0'));
    const label = (ctx) => `${ctx.dataset.label}: ${fmt.money(exact[ctx.datasetIndex]?.[ctx.dataIndex])}`;
    const datasets = present.map((to, i) => ({
      label: recipientName(to),
      data: exact[i].map(Number),
      backgroundColor: cssVar(canvas, `--gs-flow-${to}`, '#888'),
      borderColor: cssVar(canvas, '--gs-surface', '#fff'),
      borderWidth: 1,
      barPercentage: 0.9,
      categoryPercentage: 0.9,
    }));
    const text = cssVar(canvas, '--gs-text', '#1b1f24');
    const grid = cssVar(canvas, '--gs-border', '#d0d7de');
    const data = { labels: rows.map((r) => r.label), datasets };
    if (chart) {
      chart.data = data;
      // The theme may have changed (a widget's theme="dark"): take its colours again.
      chart.options.scales.x.ticks.color = text;
      chart.options.scales.x.grid.color = grid;
      chart.options.scales.y.ticks.color = text;
      chart.options.plugins.legend.labels.color = text;
      chart.options.scales.x.ticks.callback = (v) => fmt.axis(v);
      chart.options.plugins.tooltip.callbacks.label = label;
      chart.update('none');
      return;
    }
    chart = new Chart(canvas, {
      type: 'bar',
      data,
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, ticks: { color: text, callback: (v) => fmt.axis(v) }, grid: { color: grid } },
          y: { stacked: true, ticks: { color: text, autoSkip: false }, grid: { display: false } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { color: text, boxWidth: 14 } },
          tooltip: { callbacks: { label } },
        },
      },
    });
  }

  return {
    update(rows, fmt) {
      latest = { rows, fmt };
      return draw().catch((e) => {
        canvas.replaceWith(Object.assign(document.createElement('p'), { className: 'chart-missing', textContent: t('calc.chart.failed', { reason: e.message }) }));
      });
    },
  };
}
