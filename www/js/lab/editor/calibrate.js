// What a calibration fits (the scenario's free parameters, each within a range) and what to
// (targets: a KPI, its value and a tolerance, or a shipped target set with its source). The
// engine searches deterministically, every simulation on the scenario's seed.
import { h } from '../../dom.js';
import { bound, button, group } from '../controls.js';
import { MONEY_METRICS, RATIO_METRICS, COUNT_METRICS } from '../metrics.js';

/** The shipped target sets (the engine's `target_set`), with where their figures come from. */
export const TARGET_SETS = [
  ['', 'None: only the targets below'],
  ['swrve-2016-f2p', 'Free-to-play games (Swrve, March 2016): 1.9 % pay, $24.33 each, top 10 % bring 48 %'],
  ['inke-2018-live', 'Live-stream gifting (Inke, 2018): the top 20 % of viewers give 97 %'],
  ['tiktok-bundle-2023', 'TikTok’s 1,321-coin pack brings 25 % of revenue (data.ai, 2023)'],
];

const SEGMENT_FIELDS = [
  ['share', 'share of viewers'],
  ['budget.median', 'budget, median'],
  ['budget.sigma', 'budget, spread (sigma)'],
  ['value_per_coin.median', 'value per coin, median'],
  ['active_days_per_week', 'active days a week'],
  ['gifts_per_active_day', 'gifts per active day'],
  ['top_up', 'top-up'],
];

/** The parameters a calibration can fit in this scenario: [name, label]. */
export function freeParameters(app) {
  const list = [];
  for (const seg of Array.isArray(app.doc.scenario.segments) ? app.doc.scenario.segments : []) {
    if (typeof seg?.id !== 'string') continue;
    for (const [field, label] of SEGMENT_FIELDS) {
      if (field === 'share' || (field.startsWith('budget') && seg.budget) || (field.startsWith('value_per_coin') && seg.value_per_coin) || (!field.includes('.') && seg.budget)) {
        list.push([`segment:${seg.id}/${field}`, `${seg.id}: ${label}`]);
      }
    }
  }
  list.push(['elasticity', 'Elasticity of demand'], ['creators.zipf_exponent', 'Creators’ popularity (Zipf exponent)']);
  return list;
}

const METRICS = [
  ...Object.entries(RATIO_METRICS),
  ...Object.entries(MONEY_METRICS).filter(([m]) => ['arppu', 'arpu', 'viewer_spend', 'creator_payouts', 'platform_margin'].includes(m)),
  ...Object.entries(COUNT_METRICS).filter(([m]) => ['payers', 'purchases', 'gifts'].includes(m)),
];

export function calibrateGroup(app) {
  const c = app.doc.calibration ?? {};
  const free = Array.isArray(c.free) ? c.free : [];
  const targets = Array.isArray(c.targets) ? c.targets : [];
  const options = freeParameters(app);
  return group(
    'group-calibrate',
    'Calibrate: fit the scenario to your numbers',
    'The lab searches the free parameters within their ranges until the scenario’s results meet the targets (within their tolerance), running the scenario again at each step with the same seed. Fitted values are estimates; the answer says which targets were missed.',
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: 'Targets' }),
      bound(app, 'calibration.target_set', { kind: 'select', label: 'A published target set', options: TARGET_SETS, rebuild: true, value: c.target_set ?? '', write: (v) => app.edit('calibration.target_set', v || undefined, { rebuild: true }) }),
      h(
        'div',
        { class: 'lab-rows', role: 'group', 'aria-label': 'Your targets' },
        targets.length ? h('div', { class: 'lab-row lab-row--target lab-row--head', 'aria-hidden': 'true' }, h('span', { text: 'Figure' }), h('span', { text: 'Value' }), h('span', { text: 'Tolerance' })) : null,
        targets.map((t, i) =>
          h(
            'div',
            { class: 'lab-row lab-row--target' },
            bound(app, `calibration.targets[${i}].metric`, { kind: 'select', label: `Target ${i + 1}: figure`, options: METRICS, rebuild: true, hideLabel: true }),
            bound(app, `calibration.targets[${i}].value`, { label: `Target ${i + 1}: value`, hideLabel: true }),
            bound(app, `calibration.targets[${i}].tolerance`, { label: `Target ${i + 1}: tolerance`, optional: true, placeholder: '0.05', hideLabel: true }),
            button('×', () => app.removeAt(`calibration.targets[${i}]`), { label: `Remove target ${i + 1}`, kind: 'button--small button--quiet' }),
          ),
        ),
      ),
      h('p', { class: 'field-hint', text: `Shares as decimals (0.019 is 1.9 %), money in ${app.currency(app.doc)}; a tolerance of 0.05 means within 5 % of the value.` }),
      h('div', { class: 'button-row' }, targets.length < 12 ? button('Add a target', () => app.edit(`calibration.targets[${targets.length}]`, { metric: 'payer_share', value: '0.02', tolerance: '0.05' }, { rebuild: true, focus: `calibration.targets[${targets.length}].value` })) : null),
    ),
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: 'Free parameters' }),
      h(
        'div',
        { class: 'lab-rows', role: 'group', 'aria-label': 'Free parameters' },
        free.length ? h('div', { class: 'lab-row lab-row--free lab-row--head', 'aria-hidden': 'true' }, h('span', { text: 'Parameter' }), h('span', { text: 'From' }), h('span', { text: 'To' })) : null,
        free.map((f, i) =>
          h(
            'div',
            { class: 'lab-row lab-row--free' },
            bound(app, `calibration.free[${i}].parameter`, { kind: 'select', label: `Free parameter ${i + 1}`, options, rebuild: true, hideLabel: true }),
            bound(app, `calibration.free[${i}].min`, { label: `Free parameter ${i + 1}: from`, hideLabel: true }),
            bound(app, `calibration.free[${i}].max`, { label: `Free parameter ${i + 1}: to`, hideLabel: true }),
            button('×', () => app.removeAt(`calibration.free[${i}]`), { label: `Remove free parameter ${i + 1}`, kind: 'button--small button--quiet' }),
          ),
        ),
      ),
      h(
        'div',
        { class: 'button-row' },
        free.length < 12
          ? button('Add a free parameter', () => {
              const used = new Set(free.map((f) => f?.parameter));
              const next = options.find(([p]) => !used.has(p))?.[0] ?? 'elasticity';
              app.edit(`calibration.free[${free.length}]`, { parameter: next, min: '0.001', max: '1' }, { rebuild: true, focus: `calibration.free[${free.length}].min` });
            })
          : null,
      ),
    ),
    bound(app, 'calibration.max_evaluations', { kind: 'int', label: 'At most this many simulations', hint: 'the search stops there, with the closest fit found', optional: true }),
  );
}
