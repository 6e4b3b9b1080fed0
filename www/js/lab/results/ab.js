// An A/B test's answer: for each variant, how each figure differs from the base run by run —
// the mean difference as a bar, its P5–P95 as a whisker — and the engine's judgement of
// whether it stands out from the noise; and a way to plan the real test of each change.
import { h, replace } from '../../dom.js';
import { t, tParts } from '../../i18n.js';
import { differenceChart } from '../charts.js';
import { AB_METRICS, metricName, unitOf } from '../metrics.js';
import { judgement, seriesColour, table } from './common.js';
import { groupMetricPicker, groupTable } from './groups.js';

/** The verdict's lines, each `lab.ab.sentence.METRIC` ("Viewers pay +$1.00 (+0.48%) — higher"). */
const SENTENCES = ['viewer_spend', 'creator_payouts', 'platform_margin', 'blocked_spend'];

export function renderAb(answer, fmt, { onPlan } = {}) {
  const rows = answer.rows;
  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    rows.map((row, i) =>
      h(
        'div',
        { class: 'lab-verdict' },
        h('p', { class: 'lab-verdict-title' }, tParts('lab.ab.against_base', { name: h('strong', { text: row.name }) })),
        h(
          'ul',
          { class: 'lab-verdict-list' },
          SENTENCES.map((m) => {
            const d = row.vs_base.find((x) => x.metric === m);
            if (!d) return null;
            const change = d.percent == null ? fmt.signedMoney(d.mean_difference) : t('lab.ab.change_percent', { change: fmt.signedMoney(d.mean_difference), percent: fmt.signedPercent(d.percent) });
            return h(
              'li',
              { 'data-testid': `verdict-${m}` },
              tParts('lab.ab.verdict', { lead: t(`lab.ab.sentence.${m}`, { change }), judgement: judgement(d, m) }),
              d.significant ? '' : h('span', { class: 'muted', text: t('lab.ab.within_noise') }),
            );
          }),
        ),
        onPlan
          ? h('p', { class: 'lab-verdict-plan' }, h('button', { type: 'button', class: 'button button--small', text: t('lab.ab.plan_change'), 'aria-label': t('lab.ab.plan_change_label', { name: row.name }), onclick: () => onPlan(i) }), h('span', { class: 'muted', text: t('lab.ab.plan_change_why') }))
          : null,
      ),
    ),
  );

  const canvas = h('canvas', { role: 'img', 'aria-label': t('lab.ab.chart') });
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
      head: [t('lab.figure'), t('lab.head.base'), t('lab.head.variant'), t('lab.head.difference'), t('lab.head.p5_to_p95'), t('lab.head.judgement')],
      rows: metrics.map((d) => {
        const unit = d.unit ?? unitOf(d.metric);
        return {
          className: d.significant ? null : 'lab-is-noise',
          cells: [
            d.label ?? metricName(d.metric),
            fmt.metric(unit, d.base, d.metric),
            fmt.metric(unit, d.value, d.metric),
            h('span', null, fmt.signedMetric(unit, d.mean_difference, d.metric), d.percent == null ? null : h('span', { class: 'lab-sub', text: fmt.signedPercent(d.percent) })),
            h('span', { class: 'lab-range' }, t('lab.range.to', { from: fmt.signedMetric(unit, d.difference_p5, d.metric), to: fmt.signedMetric(unit, d.difference_p95, d.metric) })),
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
      h('summary', { text: t('lab.groups.summary', { name: row.name }) }),
      h('div', { class: 'field lab-field--inline' }, h('label', { for: id, text: t('lab.figure') }), picker),
      holder,
    );
  };
  const tables = rows.map((row) => [
    tableOf(row, AB_METRICS.map((m) => row.vs_base.find((d) => d.metric === m)).filter(Boolean), t('lab.ab.caption', { name: row.name })),
    h('details', { class: 'lab-figures' }, h('summary', { text: t('lab.ab.every_figure', { name: row.name }) }), tableOf(row, row.vs_base, t('lab.ab.every_caption', { name: row.name }))),
    groupDetails(row),
  ]);

  return [
    summary,
    h(
      'section',
      { class: 'lab-result-panel', 'aria-labelledby': 'result-ab-title' },
      h('h3', { id: 'result-ab-title', text: t('lab.ab.differences') }),
      h('p', { class: 'lab-panel-intro', 'data-testid': 'significance', text: t('lab.ab.significance') }),
      h('div', { class: `lab-chart lab-chart--ab${rows.length > 1 ? ' lab-is-tall' : ''}` }, canvas),
      tables,
    ),
  ];
}
