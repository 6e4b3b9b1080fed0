// The lab's charts, drawn by the vendored Chart.js (../../vendor, loaded on first use). Colours
// come from CSS custom properties (theme.css, lab.css), so a theme restyles them. Each chart has
// its figures in a table beside it; the charts themselves are images to assistive technology.
import { isDecimal } from '../decimal.js';

let library = null;

/** Chart.js, loaded once. */
export function chartLibrary() {
  library ??= import('../../vendor/chart.umd.min.js').then(() => globalThis.Chart);
  return library;
}

export function cssVar(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** A colour with an alpha, from a #rrggbb custom property. */
export function withAlpha(hex, alpha) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgb(${parseInt(m[1], 16)} ${parseInt(m[2], 16)} ${parseInt(m[3], 16)} / ${alpha})`;
}

const live = new Set();

/** Destroys every chart (before results are redrawn). */
export function destroyCharts() {
  for (const c of live) c.destroy();
  live.clear();
}

function theme() {
  return { text: cssVar('--gs-text', '#1b1d24'), muted: cssVar('--gs-muted', '#555b66'), grid: cssVar('--gs-border', '#d5d9e0') };
}

async function make(canvas, config) {
  const Chart = await chartLibrary();
  if (!canvas.isConnected) return null;
  const chart = new Chart(canvas, config);
  live.add(chart);
  return chart;
}

function baseOptions(fmt, { money = true, indexAxis = 'x' } = {}) {
  const t = theme();
  const valueAxis = { ticks: { color: t.muted, callback: (v) => (money ? fmt.compactMoney(v) : fmt.compactCount(v)) }, grid: { color: t.grid } };
  const categoryAxis = { ticks: { color: t.muted, autoSkip: true, maxRotation: 0 }, grid: { display: false } };
  return {
    indexAxis,
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    scales: indexAxis === 'y' ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    plugins: { legend: { position: 'bottom', labels: { color: t.text, boxWidth: 14, usePointStyle: true } } },
  };
}

/**
 * Lines with P5–P95 bands: `series` = [{ label, colour, p5: [], p50: [], p95: [] }] over
 * `labels` (days).
 */
export function bandChart(canvas, { labels, series }, fmt) {
  const datasets = [];
  for (const s of series) {
    datasets.push(
      { label: `${s.label} P95`, data: s.p95, borderWidth: 0, pointRadius: 0, fill: '+1', backgroundColor: withAlpha(s.colour, 0.18), band: true },
      { label: `${s.label} P5`, data: s.p5, borderWidth: 0, pointRadius: 0, fill: false, band: true },
      { label: s.label, data: s.p50, borderColor: s.colour, backgroundColor: s.colour, borderWidth: 2, pointRadius: 0, pointHoverRadius: 4, fill: false, tension: 0.2 },
    );
  }
  const options = baseOptions(fmt);
  options.plugins.legend.labels.filter = (item, data) => !data.datasets[item.datasetIndex].band;
  options.plugins.tooltip = {
    filter: (item) => !item.dataset.band,
    callbacks: {
      label: (ctx) => {
        const s = series[Math.floor(ctx.datasetIndex / 3)];
        return `${s.label}: ${fmt.money(s.p50[ctx.dataIndex])} (P5–P95 ${fmt.money(s.p5[ctx.dataIndex])} – ${fmt.money(s.p95[ctx.dataIndex])})`;
      },
    },
  };
  return make(canvas, { type: 'line', data: { labels, datasets: datasets.map((d) => ({ ...d, data: d.data.map(Number) })) }, options });
}

/** One horizontal bar split into parts: `parts` = [{ label, colour, value }]. */
export function splitChart(canvas, { label, parts }, fmt) {
  const options = baseOptions(fmt, { indexAxis: 'y' });
  options.scales.x.stacked = true;
  options.scales.y.stacked = true;
  options.scales.y.ticks.display = false;
  options.scales.x.max = parts.reduce((sum, p) => sum + Number(p.value), 0);
  options.interaction = { mode: 'nearest', intersect: true };
  options.plugins.tooltip = { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${fmt.money(parts[ctx.datasetIndex].value)}` } };
  const border = cssVar('--gs-surface', '#fff');
  return make(canvas, {
    type: 'bar',
    data: {
      labels: [label],
      datasets: parts.map((p) => ({ label: p.label, data: [Number(p.value)], backgroundColor: p.colour, borderColor: border, borderWidth: 1, barPercentage: 1, categoryPercentage: 0.9 })),
    },
    options,
  });
}

/**
 * Lines over a parameter's values: `lines` = [{ label, colour, values: [] }] at `xs` (decimal
 * strings: drawn to scale when they are all numbers), labelled by `labels`.
 */
export function linesChart(canvas, { xs, labels, lines, money, xTitle }, fmt) {
  const options = baseOptions(fmt, { money });
  const numeric = xs.every((x) => isDecimal(String(x)));
  options.scales.x.title = { display: Boolean(xTitle), text: xTitle, color: theme().muted };
  if (numeric) {
    options.scales.x.type = 'linear';
    options.scales.x.ticks.callback = (v) => fmt.tick(v);
    options.scales.x.grid = { color: theme().grid };
    options.interaction = { mode: 'nearest', intersect: false, axis: 'x' };
  }
  const point = (l, i) => (numeric ? { x: Number(xs[i]), y: l.values[i] == null ? null : Number(l.values[i]) } : l.values[i] == null ? null : Number(l.values[i]));
  options.plugins.tooltip = {
    callbacks: {
      title: (items) => (items[0] ? `${xTitle}: ${labels[items[0].dataIndex]}` : ''),
      label: (ctx) => {
        const v = lines[ctx.datasetIndex].values[ctx.dataIndex];
        return `${ctx.dataset.label}: ${money ? fmt.money(v) : fmt.count(Number(v))}`;
      },
    },
  };
  return make(canvas, {
    type: 'line',
    data: {
      labels: numeric ? undefined : labels,
      datasets: lines.map((l) => ({ label: l.label, data: xs.map((_, i) => point(l, i)), borderColor: l.colour, backgroundColor: l.colour, borderWidth: 2, pointRadius: 4, pointHoverRadius: 6, tension: 0, spanGaps: false })),
    },
    options,
  });
}

/** Draws each bar's P5–P95 range as a whisker (bars carry `whiskers: [[p5, p95]]`). */
const whiskers = {
  id: 'giftsimWhiskers',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const scale = horizontal ? chart.scales.x : chart.scales.y;
    ctx.save();
    ctx.strokeStyle = cssVar('--gs-text', '#1b1d24');
    ctx.lineWidth = 1.5;
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden || !dataset.whiskers) return;
      meta.data.forEach((bar, j) => {
        const range = dataset.whiskers[j];
        if (!range) return;
        const [a, b] = range.map((v) => scale.getPixelForValue(Number(v)));
        const at = horizontal ? bar.y : bar.x;
        const half = Math.min(6, (horizontal ? bar.height : bar.width) / 3 || 4);
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(a, at); ctx.lineTo(b, at);
          ctx.moveTo(a, at - half); ctx.lineTo(a, at + half);
          ctx.moveTo(b, at - half); ctx.lineTo(b, at + half);
        } else {
          ctx.moveTo(at, a); ctx.lineTo(at, b);
          ctx.moveTo(at - half, a); ctx.lineTo(at + half, a);
          ctx.moveTo(at - half, b); ctx.lineTo(at + half, b);
        }
        ctx.stroke();
      });
    });
    ctx.restore();
  },
};

/**
 * Mean differences from the base as horizontal bars with P5–P95 whiskers, one group per
 * metric and one colour per variant; bars that do not stand out from the noise are pale.
 * `variants` = [{ label, colour, values: [], ranges: [[p5, p95]], significant: [] }].
 */
export function differenceChart(canvas, { labels, variants }, fmt) {
  const options = baseOptions(fmt, { indexAxis: 'y' });
  options.interaction = { mode: 'nearest', intersect: true, axis: 'y' };
  options.scales.y.ticks.autoSkip = false;
  options.plugins.legend.display = variants.length > 1;
  // The whiskers must fit: the axis spans every P5 and P95, not only the means.
  const ends = variants.flatMap((v) => v.ranges.flat().filter((x) => x != null).map(Number)).concat(0);
  options.scales.x.suggestedMin = Math.min(...ends);
  options.scales.x.suggestedMax = Math.max(...ends);
  options.scales.y.ticks.color = theme().text;
  options.plugins.tooltip = {
    callbacks: {
      label: (ctx) => {
        const v = variants[ctx.datasetIndex];
        const [p5, p95] = v.ranges[ctx.dataIndex];
        return `${v.label}: ${fmt.signedMoney(v.values[ctx.dataIndex])} (P5–P95 ${fmt.signedMoney(p5)} to ${fmt.signedMoney(p95)})${v.significant[ctx.dataIndex] ? '' : ', within the noise'}`;
      },
    },
  };
  return make(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: variants.map((v) => ({
        label: v.label,
        data: v.values.map(Number),
        whiskers: v.ranges,
        backgroundColor: v.significant.map((s) => (s ? v.colour : withAlpha(v.colour, 0.3))),
        borderColor: v.colour,
        borderWidth: 1,
        barPercentage: 0.8,
        categoryPercentage: 0.85,
      })),
    },
    options,
    plugins: [whiskers],
  });
}
