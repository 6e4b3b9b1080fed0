// A calibration's answer: whether the targets were met, each target against what the fitted
// scenario gives, the fitted values (estimates) against where the search started, and a button
// that makes the fitted scenario the lab's scenario.
import { h } from '../../dom.js';
import { formatList, t, tParts } from '../../i18n.js';
import { button } from '../controls.js';
import { metricName, unitOf } from '../metrics.js';
import { table } from './common.js';

export function renderCalibrate(answer, fmt, { onUse }) {
  const met = answer.missed.length === 0;
  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    h(
      'p',
      { class: 'lab-summary-line', 'data-testid': 'calibration-verdict' },
      tParts(met ? 'lab.calibration.met' : 'lab.calibration.missed', {
        missed: fmt.count(answer.missed.length),
        targets: t('lab.calibration.targets', { count: answer.targets.length, n: fmt.count(answer.targets.length) }),
        which: h('strong', { text: formatList([...new Set(answer.missed)].map(metricName)) }),
        search: t(answer.converged ? 'lab.calibration.search' : 'lab.calibration.search_limit', { simulations: t('lab.optimize.simulations', { count: answer.evaluations, n: fmt.count(answer.evaluations) }), error: fmt.decimal(answer.fit_error) }),
      }),
    ),
    h('p', { class: 'muted', text: t(met ? 'lab.calibration.met_note' : 'lab.calibration.missed_note') }),
    h('div', { class: 'button-row' }, button(t('lab.calibration.use'), onUse, { kind: 'button--primary' })),
  );
  const show = (target, v) => {
    // A segment's `spend` and `payers`, and any `revenue_share`, are named by the target, not
    // by a metric of the totals.
    const unit = { revenue_share: 'ratio', spend: 'money', payers: 'count' }[target.metric] ?? unitOf(target.metric);
    if (target.metric === 'daily_revenue' || target.metric === 'monthly_revenue') return v;
    // A count achieved is a mean over runs ("12.50"): every digit shown.
    if (unit === 'count') return fmt.decimal(v);
    return fmt.metric(unit, v, target.metric);
  };
  const targets = table({
    caption: t('lab.calibration.targets_caption'),
    head: [t('lab.figure'), t('lab.head.target'), t('lab.head.fitted_scenario'), t('lab.calibrate.tolerance'), t('lab.head.met')],
    rows: answer.targets.map((target) => ({
      className: target.met ? null : 'lab-is-missed',
      cells: [
        [metricName(target.metric), target.segment, target.purchase].filter(Boolean).reduce((name, of) => t('lab.calibration.of', { name, of })),
        show(target, target.target),
        show(target, target.achieved),
        t('lab.calibration.tolerance', { tolerance: fmt.rate(target.tolerance) }),
        t(target.met ? 'lab.yes' : 'lab.no'),
      ],
    })),
    numeric: [1, 2, 3],
  });
  const fitted = table({
    caption: t('lab.calibration.fitted_caption'),
    head: [t('lab.calibrate.parameter'), t('lab.head.fitted'), t('lab.head.started_at'), t('lab.head.range')],
    rows: answer.fitted.map((f) => [parameterName(f.parameter), fmt.value(f.value), fmt.value(f.start), t('lab.range', { from: fmt.value(f.min), to: fmt.value(f.max) })]),
    numeric: [1, 2],
  });
  const set = answer.target_set;
  const source = set
    ? h('p', { class: 'lab-panel-intro' }, tParts('lab.calibration.target_set', { name: h('span', { lang: 'en', text: set.name }), note: h('span', { lang: 'en', text: set.note }), source: set.source, date: set.as_of }))
    : null;
  return [
    summary,
    h('section', { class: 'lab-result-panel', 'aria-labelledby': 'result-targets-title' }, h('h3', { id: 'result-targets-title', text: t('lab.calibrate.targets') }), source, targets),
    h('section', { class: 'lab-result-panel', 'aria-labelledby': 'result-fitted-title' }, h('h3', { id: 'result-fitted-title', text: t('lab.calibration.fitted') }), h('p', { class: 'lab-panel-intro', lang: 'en', text: answer.note }), fitted),
  ];
}

/** "segment:minnows/budget.median" → "minnows: budget.median". */
function parameterName(p) {
  const m = /^segment:([^/]+)\/(.+)$/.exec(p);
  return m ? `${m[1]}: ${m[2].replace(/_/g, ' ')}` : p.replace(/_/g, ' ');
}
