// A calibration's answer: whether the targets were met, each target against what the fitted
// scenario gives, the fitted values (estimates) against where the search started, and a button
// that makes the fitted scenario the lab's scenario.
import { h, table } from '../../dom.js';
import { button } from '../controls.js';
import { metricName, unitOf } from '../metrics.js';

export function renderCalibrate(answer, fmt, { onUse }) {
  const met = answer.missed.length === 0;
  const summary = h(
    'div',
    { class: 'lab-results-summary' },
    h(
      'p',
      { class: 'lab-summary-line', 'data-testid': 'calibration-verdict' },
      met ? 'Every target is met ' : `${fmt.count(answer.missed.length)} of ${fmt.count(answer.targets.length)} targets missed: `,
      met ? null : h('strong', { text: [...new Set(answer.missed)].map(metricName).join(', ') }),
      ` (${fmt.count(answer.evaluations)} simulations${answer.converged ? '' : ', stopped at the limit'}; fit error ${fmt.decimal(answer.fit_error)}, at most 1 when all are met).`,
    ),
    h('p', { class: 'muted', text: met ? 'The fitted values below are estimates: they make this scenario reproduce your numbers with its seed.' : 'The fit below is the closest the search found; the targets may not be reachable together with these free parameters. Free another parameter, widen a range or loosen a tolerance.' }),
    h('div', { class: 'button-row' }, button('Use the fitted scenario', onUse, { kind: 'button--primary' })),
  );
  const show = (t, v) => {
    // A segment's `spend` and `payers`, and any `revenue_share`, are named by the target, not
    // by a metric of the totals.
    const unit = { revenue_share: 'ratio', spend: 'money', payers: 'count' }[t.metric] ?? unitOf(t.metric);
    if (t.metric === 'daily_revenue' || t.metric === 'monthly_revenue') return v;
    // A count achieved is a mean over runs ("12.50"): every digit shown.
    if (unit === 'count') return fmt.decimal(v);
    return fmt.metric(unit, v, t.metric);
  };
  const targets = table({
    caption: 'Each target, and what the fitted scenario gives (mean over runs)',
    head: ['Figure', 'Target', 'Fitted scenario', 'Tolerance', 'Met'],
    rows: answer.targets.map((t) => ({
      className: t.met ? null : 'lab-is-missed',
      cells: [
        `${metricName(t.metric)}${t.segment ? ` (${t.segment})` : ''}${t.purchase ? ` (${t.purchase})` : ''}`,
        show(t, t.target),
        show(t, t.achieved),
        `± ${fmt.rate(t.tolerance)}`,
        t.met ? 'yes' : 'no',
      ],
    })),
    numeric: [1, 2, 3],
  });
  const fitted = table({
    caption: 'The fitted values (estimates), where the search started and the range it searched',
    head: ['Parameter', 'Fitted', 'Started at', 'Range'],
    rows: answer.fitted.map((f) => [parameterName(f.parameter), fmt.value(f.value), fmt.value(f.start), `${fmt.value(f.min)} – ${fmt.value(f.max)}`]),
    numeric: [1, 2],
  });
  const source = answer.target_set
    ? h('p', { class: 'lab-panel-intro' }, `Target set: ${answer.target_set.name}. ${answer.target_set.note} Source: ${answer.target_set.source} (${answer.target_set.as_of}).`)
    : null;
  return [
    summary,
    h('section', { class: 'lab-result-panel', 'aria-labelledby': 'result-targets-title' }, h('h3', { id: 'result-targets-title', text: 'Targets' }), source, targets),
    h('section', { class: 'lab-result-panel', 'aria-labelledby': 'result-fitted-title' }, h('h3', { id: 'result-fitted-title', text: 'Fitted values' }), h('p', { class: 'lab-panel-intro', text: answer.note }), fitted),
  ];
}

/** "segment:minnows/budget.median" → "minnows: budget.median". */
function parameterName(p) {
  const m = /^segment:([^/]+)\/(.+)$/.exec(p);
  return m ? `${m[1]}: ${m[2].replace(/_/g, ' ')}` : p.replace(/_/g, ' ');
}
