// A sweep's answer: one metric across the grid as lines (the first parameter across, one line
// per value of the second), every point's figures against the base in a table, and the same
// figure by age group and segment.
import { compare } from '../../decimal.js';
import { h, table } from '../../dom.js';
import { linesChart } from '../charts.js';
import { COUNT_METRICS, MONEY_METRICS, RATIO_METRICS, metricName, parameterShortName, unitOf } from '../metrics.js';
import { judgement, seriesColour } from './common.js';
import { groupGrid } from './groups.js';
import { stat } from './simulate.js';

const parameterName = (p, labels) => labels.get(p) ?? p;

export function renderSweep(answer, fmt, { metric = 'viewer_spend', onMetric, labels }) {
  const params = answer.parameters;
  const unit = unitOf(metric);
  const valuesOf = (p) => [...new Set(answer.rows.map((r) => r.point[p]))];
  const [across, ...others] = params;
  const xs = valuesOf(across);
  const keyOf = (row) => others.map((p) => `${parameterShortName(p)} = ${fmt.value(row.point[p])}`).join(', ');
  const lineKeys = [...new Set(answer.rows.map(keyOf))];
  const base = stat(answer.base, metric);
  const lines = lineKeys.map((key, i) => ({
    label: key || metricName(metric),
    colour: seriesColour(i),
    values: xs.map((x) => {
      const row = answer.rows.find((r) => r.point[across] === x && keyOf(r) === key);
      return row ? stat(row.totals, metric)?.p50 : null;
    }),
  }));

  const picker = h(
    'select',
    { id: 'sweep-metric' },
    h('optgroup', { label: 'Money' }, Object.entries(MONEY_METRICS).map(([m, label]) => h('option', { value: m, text: label }))),
    h('optgroup', { label: 'Counts' }, Object.entries(COUNT_METRICS).map(([m, label]) => h('option', { value: m, text: label }))),
    h('optgroup', { label: 'Ratios' }, Object.entries(RATIO_METRICS).map(([m, label]) => h('option', { value: m, text: label }))),
  );
  picker.value = metric;
  picker.addEventListener('change', () => onMetric(picker.value));

  const canvas = h('canvas', { role: 'img', 'aria-label': `${metricName(metric)} (median over runs) across ${parameterName(across, labels)}${others.length ? `, one line per ${others.map((p) => parameterName(p, labels)).join(' and ')}` : ''}; the figures are in the table below.` });
  queueMicrotask(() => linesChart(canvas, { xs, labels: xs.map((x) => fmt.value(x)), lines, money: unit === 'money', xTitle: parameterName(across, labels) }, fmt));

  const best = [...answer.rows].sort((a, b) => compare(stat(b.totals, metric).p50, stat(a.totals, metric).p50))[0];
  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    h(
      'p',
      { class: 'lab-summary-line' },
      `${fmt.count(answer.rows.length)} points. ${metricName(metric)} in the base scenario: `,
      h('strong', { text: fmt.metric(unit, base.p50, metric) }),
      best ? `; highest at ${params.map((p) => `${parameterShortName(p)} ${fmt.value(best.point[p])}`).join(', ')}: ${fmt.metric(unit, stat(best.totals, metric).p50, metric)}.` : '.',
    ),
  );

  const rows = answer.rows.map((row) => {
    const d = row.vs_base.find((x) => x.metric === metric);
    return {
      className: d?.significant ? null : 'lab-is-noise',
      cells: [
        ...params.map((p) => fmt.value(row.point[p])),
        fmt.metric(unit, stat(row.totals, metric).p50, metric),
        h('span', null, fmt.signedMetric(unit, d?.mean_difference, metric), d?.percent == null ? null : h('span', { class: 'lab-sub', text: fmt.signedPercent(d.percent) })),
        h('span', { class: 'lab-range' }, `${fmt.signedMetric(unit, d?.difference_p5, metric)} to`, ' ', fmt.signedMetric(unit, d?.difference_p95, metric)),
        judgement(d),
      ],
    };
  });
  const n = params.length;
  return [
    summary,
    h(
      'section',
      { class: 'lab-result-panel', 'aria-labelledby': 'result-sweep-title' },
      h('h3', { id: 'result-sweep-title', text: `${metricName(metric)} across the grid` }),
      h('div', { class: 'field lab-field--inline' }, h('label', { for: 'sweep-metric', text: 'Metric' }), picker),
      h('div', { class: 'lab-chart lab-chart--sweep' }, canvas),
      table({
        caption: `${metricName(metric)}: median over runs at each point, and its mean difference from the base, run by run`,
        head: [...params.map((p) => parameterShortName(p)), 'Median', 'Difference', 'P5 to P95', 'Judgement'],
        rows,
        numeric: [...params.keys(), n, n + 1, n + 2],
        className: 'table lab-table--sweep',
      }),
      h(
        'details',
        { class: 'lab-figures', 'data-testid': 'sweep-groups' },
        h('summary', { text: `${metricName(metric)} by age group and by segment` }),
        groupGrid(answer, metric, fmt, (row) => params.map((p) => fmt.value(row.point[p])), params.map((p) => parameterShortName(p))),
      ),
    ),
  ];
}
