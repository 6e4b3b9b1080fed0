// An A/B test's answer: for each variant, how each figure differs from the base run by run —
// the mean difference as a bar, its P5–P95 as a whisker — and the engine's judgement of
// whether it stands out from the noise; and a way to plan the real test of each change.
import { h, replace, table } from '../../dom.js';
import { differenceChart } from '../charts.js';
import { AB_METRICS, metricName, unitOf } from '../metrics.js';
import { judgement, seriesColour } from './common.js';
import { groupMetricPicker, groupTable } from './groups.js';

const SENTENCES = [
  ['viewer_spend', 'Viewers pay'],
  ['creator_payouts', 'Creators receive'],
  ['platform_margin', 'The platform keeps'],
  ['blocked_spend', 'The rules block'],
];

export function renderAb(answer, fmt, { onPlan } = {}) {
  const rows = answer.rows;
  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    rows.map((row, i) =>
      h(
        'div',
        { class: 'lab-verdict' },
        h('p', { class: 'lab-verdict-title' }, h('strong', { text: row.name }), ' against the base:'),
        h(
          'ul',
          { class: 'lab-verdict-list' },
          SENTENCES.map(([m, lead]) => {
            const d = row.vs_base.find((x) => x.metric === m);
            if (!d) return null;
            return h(
              'li',
              { 'data-testid': `verdict-${m}` },
              `${lead} ${fmt.signedMoney(d.mean_difference)}`,
              d.percent == null ? '' : ` (${fmt.signedPercent(d.percent)})`,
              ' — ',
              judgement(d, m),
              d.significant ? '' : h('span', { class: 'muted', text: ' (within the noise)' }),
            );
          }),
        ),
        onPlan
          ? h('p', { class: 'lab-verdict-plan' }, h('button', { type: 'button', class: 'button button--small', text: 'Plan a real test of this change', 'aria-label': `Plan a real test of this change (${row.name})`, onclick: () => onPlan(i) }), h('span', { class: 'muted', text: ' — how many users and days a real A/B test needs to see it.' }))
          : null,
      ),
    ),
  );

  const canvas = h('canvas', { role: 'img', 'aria-label': 'Mean difference from the base for each money figure, with P5–P95 whiskers; pale bars are within the noise. The figures are in the tables below.' });
  const variants = rows.map((row, i) => {
    const ds = AB_METRICS.map((m) => row.vs_base.find((x) => x.metric === m));
    return {
      label: row.name,
      colour: seriesColour(i),
      values: ds.map((d) => d?.mean_difference ?? '0'),
      ranges: ds.map((d) => (d ? [d.difference_p5, d.difference_p95] : null)),
      significant: ds.map((d) => Boolean(d?.significant)),
    };
  });
  queueMicrotask(() => differenceChart(canvas, { labels: AB_METRICS.map((m) => metricName(m)), variants }, fmt));

  const tableOf = (row, metrics, caption) =>
    table({
      caption,
      head: ['Figure', 'Base', 'Variant', 'Difference', 'P5 to P95', 'Judgement'],
      rows: metrics.map((d) => {
        const unit = d.unit ?? unitOf(d.metric);
        return {
          className: d.significant ? null : 'lab-is-noise',
          cells: [
            d.label ?? metricName(d.metric),
            fmt.metric(unit, d.base, d.metric),
            fmt.metric(unit, d.value, d.metric),
            h('span', null, fmt.signedMetric(unit, d.mean_difference, d.metric), d.percent == null ? null : h('span', { class: 'lab-sub', text: fmt.signedPercent(d.percent) })),
            h('span', { class: 'lab-range' }, `${fmt.signedMetric(unit, d.difference_p5, d.metric)} to`, ' ', fmt.signedMetric(unit, d.difference_p95, d.metric)),
            judgement(d, d.metric),
          ],
        };
      }),
      numeric: [1, 2, 3, 4],
      className: 'table lab-table--ab',
    });
  // Every figure but creators' by age group and segment, one figure at a time.
  const groupDetails = (row) => {
    const id = `ab-group-metric-${rows.indexOf(row)}`;
    const holder = h('div', null, groupTable(row, 'viewer_spend', fmt));
    const picker = groupMetricPicker(row, 'viewer_spend', id, (m) => replace(holder, groupTable(row, m, fmt)));
    return h(
      'details',
      { class: 'lab-figures', 'data-testid': 'ab-groups' },
      h('summary', { text: `${row.name} by age group and by segment` }),
      h('div', { class: 'field lab-field--inline' }, h('label', { for: id, text: 'Figure' }), picker),
      holder,
    );
  };
  const tables = rows.map((row) => [
    tableOf(row, AB_METRICS.map((m) => row.vs_base.find((d) => d.metric === m)).filter(Boolean), `${row.name} against the base: medians over runs, differences paired run by run`),
    h('details', { class: 'lab-figures' }, h('summary', { text: `Every figure of ${row.name}` }), tableOf(row, row.vs_base, `${row.name}: every figure against the base`)),
    groupDetails(row),
  ]);

  return [
    summary,
    h(
      'section',
      { class: 'lab-result-panel', 'aria-labelledby': 'result-ab-title' },
      h('h3', { id: 'result-ab-title', text: 'Differences from the base' }),
      h('p', { class: 'lab-panel-intro', 'data-testid': 'significance', text: 'Bars: the mean difference over runs; whiskers: its 5th to 95th percentile. “Higher” and “lower” say a difference stands out from this simulation’s own noise (how its runs vary) — not that a real A/B test would detect it (“Plan a real test” says whether one would): Student’s t over the runs, corrected for the number of figures compared (Holm, 5 %). Pale bars are within the noise; green is good for viewers and creators, red is not.' }),
      h('div', { class: `lab-chart lab-chart--ab${rows.length > 1 ? ' lab-is-tall' : ''}` }, canvas),
      tables,
    ),
  ];
}
