// What a calibration fits (the scenario's free parameters, each within a range) and what to
// (targets: a KPI, its value and a tolerance, or a shipped target set with its source). The
// engine searches deterministically, every simulation on the scenario's seed.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { bound, button, group } from '../controls.js';
import { COUNT_METRICS, MONEY_METRICS, RATIO_METRICS, metricName } from '../metrics.js';

/** The shipped target sets (the engine's `target_set`; '' for none), each described in the
 * catalogue with where its figures come from. */
export const TARGET_SETS = ['', 'swrve-2016-f2p', 'inke-2018-live', 'tiktok-bundle-2023'];

/** The fields of a segment a calibration can fit, each named `lab.free.FIELD` in the catalogue. */
const SEGMENT_FIELDS = ['share', 'budget.median', 'budget.sigma', 'value_per_coin.median', 'active_days_per_week', 'gifts_per_active_day', 'top_up'];

/** The parameters a calibration can fit in this scenario: [name, label]. */
export function freeParameters(app) {
  const list = [];
  for (const seg of Array.isArray(app.doc.scenario.segments) ? app.doc.scenario.segments : []) {
    if (typeof seg?.id !== 'string') continue;
    for (const field of SEGMENT_FIELDS) {
      if (field === 'share' || (field.startsWith('budget') && seg.budget) || (field.startsWith('value_per_coin') && seg.value_per_coin) || (!field.includes('.') && seg.budget)) {
        list.push([`segment:${seg.id}/${field}`, t('lab.free.segment_field', { segment: seg.id, field: t(`lab.free.${field}`) })]);
      }
    }
  }
  list.push(['elasticity', t('lab.parameter.elasticity')], ['creators.zipf_exponent', t('lab.free.zipf')]);
  return list;
}

/** The figures a target can name. */
const METRICS = [
  ...RATIO_METRICS,
  ...MONEY_METRICS.filter((m) => ['arppu', 'arpu', 'viewer_spend', 'creator_payouts', 'platform_margin'].includes(m)),
  ...COUNT_METRICS.filter((m) => ['payers', 'purchases', 'gifts'].includes(m)),
];

export function calibrateGroup(app) {
  const c = app.doc.calibration ?? {};
  const free = Array.isArray(c.free) ? c.free : [];
  const targets = Array.isArray(c.targets) ? c.targets : [];
  const options = freeParameters(app);
  return group(
    'group-calibrate',
    t('lab.calibrate.title'),
    t('lab.calibrate.intro'),
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: t('lab.calibrate.targets') }),
      bound(app, 'calibration.target_set', { kind: 'select', label: t('lab.calibrate.target_set'), options: TARGET_SETS.map((id) => [id, t(`lab.target_set.${id || 'none'}`)]), rebuild: true, value: c.target_set ?? '', write: (v) => app.edit('calibration.target_set', v || undefined, { rebuild: true }) }),
      h(
        'div',
        { class: 'lab-rows', role: 'group', 'aria-label': t('lab.calibrate.your_targets') },
        targets.length ? h('div', { class: 'lab-row lab-row--target lab-row--head', 'aria-hidden': 'true' }, h('span', { text: t('lab.figure') }), h('span', { text: t('lab.calibrate.value') }), h('span', { text: t('lab.calibrate.tolerance') })) : null,
        targets.map((_, i) =>
          h(
            'div',
            { class: 'lab-row lab-row--target' },
            bound(app, `calibration.targets[${i}].metric`, { kind: 'select', label: t('lab.calibrate.target_figure', { n: i + 1 }), options: METRICS.map((m) => [m, metricName(m)]), rebuild: true, hideLabel: true }),
            bound(app, `calibration.targets[${i}].value`, { label: t('lab.calibrate.target_value', { n: i + 1 }), hideLabel: true }),
            bound(app, `calibration.targets[${i}].tolerance`, { kind: 'rate', label: t('lab.calibrate.target_tolerance', { n: i + 1 }), optional: true, placeholder: app.fmt.decimal('0.05'), hideLabel: true }),
            button('×', () => app.removeAt(`calibration.targets[${i}]`), { label: t('lab.calibrate.remove_target', { n: i + 1 }), kind: 'button--small button--quiet' }),
          ),
        ),
      ),
      h('p', { class: 'field-hint', text: t('lab.calibrate.hint', { share: app.fmt.decimal('0.019'), percent: app.fmt.rate('0.019'), currency: app.currency(app.doc), tolerance: app.fmt.decimal('0.05'), within: app.fmt.rate('0.05') }) }),
      h('div', { class: 'button-row' }, targets.length < 12 ? button(t('lab.calibrate.add_target'), () => app.edit(`calibration.targets[${targets.length}]`, { metric: 'payer_share', value: '0.02', tolerance: '0.05' }, { rebuild: true, focus: `calibration.targets[${targets.length}].value` })) : null),
    ),
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: t('lab.calibrate.free') }),
      h(
        'div',
        { class: 'lab-rows', role: 'group', 'aria-label': t('lab.calibrate.free') },
        free.length ? h('div', { class: 'lab-row lab-row--free lab-row--head', 'aria-hidden': 'true' }, h('span', { text: t('lab.calibrate.parameter') }), h('span', { text: t('lab.from') }), h('span', { text: t('lab.to') })) : null,
        free.map((f, i) =>
          h(
            'div',
            { class: 'lab-row lab-row--free' },
            bound(app, `calibration.free[${i}].parameter`, { kind: 'select', label: t('lab.calibrate.free_label', { n: i + 1 }), options, rebuild: true, hideLabel: true }),
            bound(app, `calibration.free[${i}].min`, { label: t('lab.calibrate.free_from', { n: i + 1 }), hideLabel: true }),
            bound(app, `calibration.free[${i}].max`, { label: t('lab.calibrate.free_to', { n: i + 1 }), hideLabel: true }),
            button('×', () => app.removeAt(`calibration.free[${i}]`), { label: t('lab.calibrate.remove_free', { n: i + 1 }), kind: 'button--small button--quiet' }),
          ),
        ),
      ),
      h(
        'div',
        { class: 'button-row' },
        free.length < 12
          ? button(t('lab.calibrate.add_free'), () => {
              const used = new Set(free.map((f) => f?.parameter));
              const next = options.find(([p]) => !used.has(p))?.[0] ?? 'elasticity';
              app.edit(`calibration.free[${free.length}]`, { parameter: next, min: '0.001', max: '1' }, { rebuild: true, focus: `calibration.free[${free.length}].min` });
            })
          : null,
      ),
    ),
    bound(app, 'calibration.max_evaluations', { kind: 'int', label: t('lab.max_evaluations'), hint: t('lab.calibrate.max_hint'), optional: true }),
  );
}
