// A sweep's answer: one metric across the grid as lines (the first parameter across, one line
// per value of the second), every point's figures against the base in a table, and the same
// figure by age group and segment.
import { compare } from '../../decimal.js';
import { h } from '../../dom.js';
import { formatList, t, tParts } from '../../i18n.js';
import { linesChart } from '../charts.js';
import { COUNT_METRICS, MONEY_METRICS, RATIO_METRICS, metricName, parameterShortName, unitOf } from '../metrics.js';
import { judgement, seriesColour, table } from './common.js';
import { groupGrid } from './groups.js';
import { stat } from './simulate.js';

const parameterName = (p, labels) => labels.get(p) ?? p;

export function renderSweep(answer, fmt, { metric = 'viewer_spend', onMetric, labels }) {
  const params = answer.parameters;
  const unit = unitOf(metric);
  const valuesOf = (p) => [...new Set(answer.rows.map((r) => r.point[p]))];
  const [across, ...others] = params;
  const xs = valuesOf(across);
  const keyOf = (row) => others.map((p) => t('lab.sweep.line', { parameter: parameterShortName(p), value: fmt.value(row.point[p]) })).join(t('lab.list'));
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
    h('optgroup', { label: t('lab.metrics.money') }, MONEY_METRICS.map((m) => h('option', { value: m, text: metricName(m) }))),
    h('optgroup', { label: t('lab.metrics.counts') }, COUNT_METRICS.map((m) => h('option', { value: m, text: metricName(m) }))),
    h('optgroup', { label: t('lab.metrics.ratios') }, RATIO_METRICS.map((m) => h('option', { value: m, text: metricName(m) }))),
  );
  picker.value = metric;
  picker.addEventListener('change', () => onMetric(picker.value));

  const lineParams = { metric: metricName(metric), across: parameterName(across, labels), lines: formatList(others.map((p) => parameterName(p, labels))) };
  const canvas = h('canvas', { role: 'img', 'aria-label': t(others.length ? 'lab.sweep.chart_lines' : 'lab.sweep.chart', lineParams) });
  queueMicrotask(() => linesChart(canvas, { xs, labels: xs.map((x) => fmt.value(x)), lines, money: unit === 'money', xTitle: parameterName(across, labels) }, fmt));

  const best = [...answer.rows].sort((a, b) => compare(stat(b.totals, metric).p50, stat(a.totals, metric).p50))[0];
  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    h(
      'p',
      { class: 'lab-summary-line' },
      tParts(best ? 'lab.sweep.summary_best' : 'lab.sweep.summary', {
        count: answer.rows.length,
        points: fmt.count(answer.rows.length),
        metric: metricName(metric),
        base: h('strong', { text: fmt.metric(unit, base.p50, metric) }),
        at: best ? params.map((p) => t('lab.sweep.at', { parameter: parameterShortName(p), value: fmt.value(best.point[p]) })).join(t('lab.list')) : '',
        highest: best ? fmt.metric(unit, stat(best.totals, metric).p50, metric) : '',
      }),
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
        h('span', { class: 'lab-range' }, t('lab.range.to', { from: fmt.signedMetric(unit, d?.difference_p5, metric), to: fmt.signedMetric(unit, d?.difference_p95, metric) })),
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
      h('h3', { id: 'result-sweep-title', text: t('lab.sweep.across', { metric: metricName(metric) }) }),
      h('div', { class: 'field lab-field--inline' }, h('label', { for: 'sweep-metric', text: t('lab.head.metric') }), picker),
      h('div', { class: 'lab-chart lab-chart--sweep' }, canvas),
      table({
        caption: t('lab.sweep.caption', { metric: metricName(metric) }),
        head: [...params.map((p) => parameterShortName(p)), t('lab.head.median'), t('lab.head.difference'), t('lab.head.p5_to_p95'), t('lab.head.judgement')],
        rows,
        numeric: [...params.keys(), n, n + 1, n + 2],
        className: 'table lab-table--sweep',
      }),
      h(
        'details',
        { class: 'lab-figures', 'data-testid': 'sweep-groups' },
        h('summary', { text: t('lab.groups.summary', { name: metricName(metric) }) }),
        groupGrid(answer, metric, fmt, (row) => params.map((p) => fmt.value(row.point[p])), params.map((p) => parameterShortName(p))),
      ),
    ),
  ];
}
