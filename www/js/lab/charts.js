// The lab's charts, drawn by the vendored Chart.js (../../vendor, loaded on first use), with two
// small plugins of our own: whiskers on bars, and the cells of a grid. Colours
// come from CSS custom properties (theme.css, lab.css), so a theme restyles them. Each chart has
// its figures in a table beside it; the charts themselves are images to assistive technology.
import { isDecimal } from '../decimal.js';
import { t } from '../i18n.js';

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
  const colours = theme();
  const valueAxis = { ticks: { color: colours.muted, callback: (v) => (money ? fmt.compactMoney(v) : fmt.compactCount(v)) }, grid: { color: colours.grid } };
  const categoryAxis = { ticks: { color: colours.muted, autoSkip: true, maxRotation: 0 }, grid: { display: false } };
  return {
    indexAxis,
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    scales: indexAxis === 'y' ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    plugins: { legend: { position: 'bottom', labels: { color: colours.text, boxWidth: 14, usePointStyle: true } } },
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
        return t('lab.chart.band_tip', { label: s.label, value: fmt.money(s.p50[ctx.dataIndex]), from: fmt.money(s.p5[ctx.dataIndex]), to: fmt.money(s.p95[ctx.dataIndex]) });
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
  options.plugins.tooltip = { callbacks: { label: (ctx) => t('lab.chart.at', { title: ctx.dataset.label, value: fmt.money(parts[ctx.datasetIndex].value) }) } };
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
      title: (items) => (items[0] ? t('lab.chart.at', { title: xTitle, value: labels[items[0].dataIndex] }) : ''),
      label: (ctx) => {
        const v = lines[ctx.datasetIndex].values[ctx.dataIndex];
        return t('lab.chart.at', { title: ctx.dataset.label, value: money ? fmt.money(v) : fmt.count(Number(v)) });
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
        const params = { label: v.label, value: fmt.signedMoney(v.values[ctx.dataIndex]), from: fmt.signedMoney(p5), to: fmt.signedMoney(p95) };
        return t(v.significant[ctx.dataIndex] ? 'lab.chart.difference_tip' : 'lab.chart.difference_tip_noise', params);
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

/** Fills each cell of a grid chart (datasets carrying `cellColours`) to the full width and
 * height of one step of each axis, and outlines the cells of datasets carrying `cellOutline`. */
const cells = {
  id: 'giftsimCells',
  beforeDatasetsDraw(chart) {
    drawCells(chart, (ctx, ds, j, box) => {
      if (!ds.cellColours) return;
      ctx.fillStyle = ds.cellColours[j];
      ctx.fillRect(box.left + 1, box.top + 1, box.width - 2, box.height - 2);
    });
  },
  afterDatasetsDraw(chart) {
    drawCells(chart, (ctx, ds, j, box) => {
      if (!ds.cellOutline) return;
      ctx.strokeStyle = ds.cellOutline;
      ctx.lineWidth = 3;
      ctx.strokeRect(box.left + 1.5, box.top + 1.5, box.width - 3, box.height - 3);
    });
  },
};

/** One step of each axis of a grid chart, in pixels. */
function cellSize(chart) {
  const { x, y } = chart.scales;
  const width = x ? Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) : NaN;
  const height = y ? Math.abs(y.getPixelForValue(1) - y.getPixelForValue(0)) : NaN;
  // Before the first layout the axes have no pixels yet.
  return { width: Number.isFinite(width) ? width : 10, height: Number.isFinite(height) ? height : 10 };
}

function drawCells(chart, draw) {
  const { ctx } = chart;
  const { width, height } = cellSize(chart);
  ctx.save();
  chart.data.datasets.forEach((ds, i) => {
    if (!chart.isDatasetVisible(i)) return;
    ds.data.forEach((p, j) => {
      const cx = chart.scales.x.getPixelForValue(p.x);
      const cy = chart.scales.y.getPixelForValue(p.y);
      draw(ctx, ds, j, { left: cx - width / 2, top: cy - height / 2, width, height });
    });
  });
  ctx.restore();
}

/** An axis over the positions 0 … n−1 of a list of values, each labelled by its value (the
 * library leaves out labels that would overlap). */
function indexAxis(labels, title, colours) {
  const n = labels.length;
  return {
    type: 'linear',
    min: -0.5,
    max: n - 0.5,
    title: { display: Boolean(title), text: title, color: colours.muted },
    grid: { display: false },
    ticks: { color: colours.muted, autoSkip: true, autoSkipPadding: 8, maxRotation: 0, callback: (v) => labels[v] ?? '' },
    afterBuildTicks: (axis) => {
      axis.ticks = labels.map((_, value) => ({ value }));
    },
  };
}

/**
 * A search over two parameters as a grid: one cell per value pair tried, coloured by `colour`
 * (darker is better), pale and crossed where it misses a constraint, the best outlined, and a
 * dot at each pair not tried. `cells` = [{ x, y, feasible, colour, title: [lines] }] with x and
 * y positions in `xLabels` and `yLabels`; `best` = { x, y }; `untried` = [{ x, y }].
 */
export function gridChart(canvas, { xLabels, yLabels, xTitle, yTitle, cells: all, best, untried, legendColour }) {
  const colours = theme();
  const missing = cssVar('--gs-error', '#b42318');
  const kept = all.filter((c) => c.feasible);
  const missed = all.filter((c) => !c.feasible);
  const hit = (ctx) => {
    const { width, height } = cellSize(ctx.chart);
    return Math.max(3, Math.min(width, height) / 2);
  };
  const datasets = [
    { label: t('lab.chart.keeps'), data: kept.map(({ x, y }) => ({ x, y })), cells: kept, cellColours: kept.map((c) => c.colour), backgroundColor: legendColour, borderColor: legendColour, pointStyle: 'rect', pointRadius: 0, pointHoverRadius: 0, pointHitRadius: hit },
    {
      label: t('lab.chart.misses'),
      data: missed.map(({ x, y }) => ({ x, y })),
      cells: missed,
      cellColours: missed.map((c) => withAlpha(c.colour, 0.3)),
      backgroundColor: missing,
      borderColor: missing,
      borderWidth: 2,
      pointStyle: 'crossRot',
      pointRadius: (ctx) => Math.max(3, Math.min(8, hit(ctx) * 0.6)),
      pointHoverRadius: (ctx) => Math.max(3, Math.min(8, hit(ctx) * 0.6)),
      pointHitRadius: hit,
    },
    { label: t('lab.chart.best'), data: best ? [best] : [], cells: best ? [all.find((c) => c.x === best.x && c.y === best.y)] : [], cellOutline: colours.text, backgroundColor: 'transparent', borderColor: colours.text, borderWidth: 2, pointStyle: 'rect', pointRadius: 0, pointHoverRadius: 0, pointHitRadius: 0 },
    { label: t('lab.chart.not_tried'), data: untried, backgroundColor: colours.grid, borderColor: colours.grid, pointStyle: 'circle', pointRadius: 1.5, pointHoverRadius: 1.5, pointHitRadius: 0 },
  ];
  return make(canvas, {
    type: 'scatter',
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: indexAxis(xLabels, xTitle, colours), y: indexAxis(yLabels, yTitle, colours) },
      interaction: { mode: 'nearest', intersect: true },
      plugins: {
        legend: { position: 'bottom', labels: { color: colours.text, usePointStyle: true, boxWidth: 14, filter: (item, data) => data.datasets[item.datasetIndex].data.length > 0 } },
        tooltip: {
          filter: (item) => Boolean(item.dataset.cells),
          callbacks: {
            title: () => '',
            label: (ctx) => ctx.dataset.cells[ctx.dataIndex]?.title ?? [],
          },
        },
      },
    },
    plugins: [cells],
  });
}

/**
 * A search over one parameter (or more, in the order tried) as dots: `points` = [{ x, y,
 * feasible, title: [lines] }] with x a position in `xLabels` (or, without labels, a number), y
 * the money objective; the feasible ones joined by a line when `joined`; `best` = { x, y }.
 */
export function dotChart(canvas, { xLabels, xTitle, yTitle, points, best, joined }, fmt) {
  const colours = theme();
  const accent = cssVar('--lab-series-1', '#4c2fb5');
  const missing = cssVar('--gs-error', '#b42318');
  const kept = points.filter((p) => p.feasible && p.y != null);
  const missed = points.filter((p) => !p.feasible && p.y != null);
  const xy = (list) => list.map(({ x, y }) => ({ x, y: Number(y) }));
  const options = baseOptions(fmt);
  options.scales.x = xLabels ? indexAxis(xLabels, xTitle, colours) : { type: 'linear', title: { display: Boolean(xTitle), text: xTitle, color: colours.muted }, ticks: { color: colours.muted, precision: 0 }, grid: { color: colours.grid } };
  options.scales.y.title = { display: Boolean(yTitle), text: yTitle, color: colours.muted };
  options.interaction = { mode: 'nearest', intersect: true };
  const all = [kept, missed, best ? [best] : []];
  options.plugins.legend.labels.filter = (item, data) => data.datasets[item.datasetIndex].data.length > 0;
  options.plugins.tooltip = {
    callbacks: {
      title: () => '',
      label: (ctx) => all[ctx.datasetIndex][ctx.dataIndex]?.title ?? [],
    },
  };
  return make(canvas, {
    type: 'scatter',
    data: {
      datasets: [
        { label: t('lab.chart.keeps'), data: xy(kept), showLine: joined, borderColor: withAlpha(accent, 0.5), backgroundColor: accent, borderWidth: 1.5, pointRadius: 4, pointHoverRadius: 6 },
        { label: t('lab.chart.misses'), data: xy(missed), pointStyle: 'crossRot', borderColor: missing, backgroundColor: missing, borderWidth: 2, pointRadius: 6, pointHoverRadius: 7 },
        { label: t('lab.chart.best'), data: best ? xy([best]) : [], pointStyle: 'rectRot', borderColor: colours.text, backgroundColor: cssVar('--gs-surface', '#fff'), borderWidth: 2.5, pointRadius: 9, pointHoverRadius: 10 },
      ],
    },
    options,
  });
}

/**
 * Relative figures (fractions: 0.2183 is 21.83 %) over days: `lines` = [{ label, colour,
 * values: [fraction | null], dashed, mark }] at `days`; a solid line's point at the day `mark`
 * is drawn larger (the test's own length).
 */
export function relativeChart(canvas, { days, lines, mark, xTitle, yTitle }, fmt) {
  const colours = theme();
  const percent = new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 });
  const exact = new Intl.NumberFormat(fmt.locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const options = baseOptions(fmt);
  options.scales.x = { type: 'linear', title: { display: true, text: xTitle, color: colours.muted }, ticks: { color: colours.muted, stepSize: 7, precision: 0 }, grid: { color: colours.grid } };
  options.scales.y.ticks.callback = (v) => percent.format(v);
  options.scales.y.title = { display: Boolean(yTitle), text: yTitle, color: colours.muted };
  options.scales.y.beginAtZero = true;
  options.interaction = { mode: 'index', intersect: false };
  // Boxes, not points, in the legend: a dashed line's box is a dashed outline.
  options.plugins.legend.labels = { color: colours.text, usePointStyle: false, boxWidth: 26, boxHeight: 10 };
  options.plugins.tooltip = {
    callbacks: {
      title: (items) => (items[0] ? fmt.days(items[0].parsed.x) : ''),
      label: (ctx) => t('lab.chart.at', { title: ctx.dataset.label, value: percent.format(ctx.parsed.y) === exact.format(ctx.parsed.y) ? percent.format(ctx.parsed.y) : exact.format(ctx.parsed.y) }),
    },
  };
  return make(canvas, {
    type: 'line',
    data: {
      datasets: lines.map((l) => ({
        label: l.label,
        data: days.map((d, i) => ({ x: d, y: l.values[i] == null ? null : Number(l.values[i]) })),
        borderColor: l.colour,
        backgroundColor: l.dashed ? withAlpha(l.colour, 0.08) : l.colour,
        borderWidth: l.dashed ? 2 : 2.5,
        borderDash: l.dashed ? [6, 4] : [],
        pointBackgroundColor: l.colour,
        pointRadius: days.map((d) => (l.dashed ? 0 : d === mark ? 6 : 3)),
        pointHoverRadius: 6,
        tension: 0,
        spanGaps: false,
      })),
    },
    options,
  });
}
