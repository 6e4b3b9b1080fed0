// The plan of a real A/B test (the engine's `power`): what it should detect — the change of one
// of the A/B variants (its simulated effect) or an effect of a given size —, the users in each
// arm, the days, how often the results are looked at, and the arms' sizes of a test already
// running (the sample-ratio check). The arms are drawn from this scenario's simulated viewers.
import { shift } from '../../decimal.js';
import { h } from '../../dom.js';
import { t, tParts } from '../../i18n.js';
import { bound, button, group } from '../controls.js';
import { isObject, planOf, plannedVariant } from '../document.js';
import { variantTitle } from '../metrics.js';
import { parameters } from './experiment.js';

/** A fraction of the document ("0.05") as the percentage a person types ("5"). */
const asPercent = (fraction) => (fraction == null ? '' : shift(String(fraction), 2) ?? String(fraction));

/** A typed percentage ("5", or "5 %") as the engine's fraction ("0.05"); anything else as typed. */
const asFraction = (percent) => (percent === undefined ? undefined : shift(percent, -2) ?? percent);

/** A field of a fraction, shown and typed as a percentage. */
function percentField(app, path, options) {
  return bound(app, path, {
    kind: 'percent',
    optional: true,
    ...options,
    value: asPercent(app.read(path)),
    write: (v) => app.edit(path, asFraction(v)),
  });
}

/** What the plan detects: `variant:I`, `effect` or `none`. */
function aimOf(app) {
  const plan = planOf(app.doc);
  if (plan.effect !== undefined && plan.effect !== null) return 'effect';
  return plannedVariant(app.doc) ? `variant:${plan.variant}` : 'none';
}

export function planGroup(app) {
  const plan = planOf(app.doc);
  const variants = Array.isArray(app.doc.variants) ? app.doc.variants : [];
  const aim = aimOf(app);
  const labels = new Map(parameters(app).map(([name, , plain]) => [name, plain]));
  const without = (...keys) => Object.fromEntries(Object.entries(plan).filter(([k]) => !keys.includes(k)));
  const pick = bound(app, 'plan.variant', {
    kind: 'select',
    label: t('lab.plan.detect'),
    options: [
      ...variants.map((v, i) => [`variant:${i}`, variantTitle(v, i)]),
      ['effect', t('lab.plan.detect_effect')],
      ['none', t('lab.plan.detect_none')],
    ],
    value: aim,
    write: (choice) => {
      if (choice.startsWith('variant:')) app.edit('plan', { ...without('effect'), variant: Number(choice.slice(8)) }, { rebuild: true, focus: 'plan.variant' });
      else if (choice === 'effect') app.edit('plan', { ...without('variant'), effect: '0.05' }, { rebuild: true, focus: 'plan.effect' });
      else app.edit('plan', without('variant', 'effect'), { rebuild: true, focus: 'plan.variant' });
    },
  });
  const variant = plannedVariant(app.doc);
  const changes = isObject(variant?.changes) ? Object.entries(variant.changes) : [];
  const what =
    aim === 'effect'
      ? percentField(app, 'plan.effect', { label: t('lab.plan.effect'), optional: false, hint: t('lab.plan.effect_hint', { five: app.fmt.decimal('5'), percent: app.fmt.rate('0.05') }) })
      : aim === 'none'
        ? h('p', { class: 'field-hint', text: t('lab.plan.none_hint') })
        : h(
            'div',
            { class: 'lab-plan-change', 'data-testid': 'plan-change' },
            h(
              'p',
              { class: 'field-hint' },
              changes.length
                ? tParts('lab.plan.changes', {
                    changes: changes.map(([p, v], j) => [j ? t('lab.plan.changes_separator') : '', tParts('lab.plan.change', { parameter: h('strong', { text: labels.get(p) ?? p }), value: app.fmt.value(String(v)) })]),
                  })
                : t('lab.plan.changes_nothing'),
            ),
            button(t('lab.plan.edit_variants'), () => app.setMode('ab')),
          );

  const s = app.doc.scenario;
  const maxDays = Number(plan.max_days ?? 56);
  const weeks = Number.isFinite(maxDays) ? Math.floor(maxDays / 7) : 8;
  const work = h('p', { class: 'field-hint', 'data-testid': 'plan-size' });
  const showWork = () => {
    const params = { viewers: app.fmt.count(Number(s.viewers) || 0), days: app.fmt.count(weeks * 7) };
    work.textContent = t(aimOf(app).startsWith('variant:') ? 'lab.plan.work_both' : 'lab.plan.work', params);
  };
  showWork();

  const g = group(
    'group-power',
    t('lab.plan.title'),
    t('lab.plan.intro'),
    h('fieldset', { class: 'lab-variant' }, h('legend', { text: t('lab.plan.change_legend') }), pick, what),
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: t('lab.plan.test_legend') }),
      h(
        'div',
        { class: 'lab-field-row lab-field-row--3 lab-plan-row' },
        bound(app, 'plan.users_per_arm', { kind: 'int', label: t('lab.plan.users'), placeholder: '100000' }),
        bound(app, 'plan.days', { kind: 'int', label: t('lab.plan.days') }),
        bound(app, 'plan.looks', { kind: 'int', label: t('lab.plan.looks'), optional: true, placeholder: t('lab.plan.looks_placeholder') }),
      ),
      h('p', { class: 'field-hint', text: t('lab.plan.looks_hint') }),
    ),
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: t('lab.plan.split_legend') }),
      h('p', { class: 'field-hint', text: t('lab.plan.split_hint') }),
      h(
        'div',
        { class: 'lab-field-row lab-field-row--3 lab-plan-row' },
        bound(app, 'plan.observed.control', { kind: 'int', label: t('lab.plan.control'), optional: true }),
        bound(app, 'plan.observed.treatment', { kind: 'int', label: t('lab.plan.treatment'), optional: true }),
        percentField(app, 'plan.observed.treatment_share', { label: t('lab.plan.treatment_share'), placeholder: '50' }),
      ),
    ),
    h(
      'details',
      { class: 'lab-plan-more' },
      h('summary', { text: t('lab.plan.more') }),
      h(
        'div',
        { class: 'lab-field-row lab-field-row--2 lab-plan-row' },
        percentField(app, 'plan.alpha', { label: t('lab.plan.alpha'), placeholder: '5' }),
        percentField(app, 'plan.power', { label: t('lab.plan.power'), placeholder: '80' }),
        bound(app, 'plan.max_days', { kind: 'int', label: t('lab.plan.max_days'), optional: true, placeholder: '56', rebuild: true }),
        bound(app, 'plan.replicates', { kind: 'int', label: t('lab.plan.replicates'), optional: true, placeholder: '2000' }),
      ),
    ),
    work,
  );
  g.addEventListener('input', showWork);
  return g;
}
