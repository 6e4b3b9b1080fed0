// The plan of a real A/B test (the engine's `power`): what it should detect — the change of one
// of the A/B variants (its simulated effect) or an effect of a given size —, the users in each
// arm, the days, how often the results are looked at, and the arms' sizes of a test already
// running (the sample-ratio check). The arms are drawn from this scenario's simulated viewers.
import { shift } from '../../decimal.js';
import { h } from '../../dom.js';
import { bound, button, group } from '../controls.js';
import { isObject, planOf, plannedVariant } from '../document.js';
import { variantTitle } from '../metrics.js';
import { parameters } from './experiment.js';

/** A fraction of the document ("0.05") as the percentage a person types ("5"). */
const asPercent = (fraction, separator) => (fraction == null ? '' : (shift(String(fraction), 2) ?? String(fraction)).replace('.', separator));

/** A typed percentage ("5") as the engine's fraction ("0.05"); anything else as typed. */
const asFraction = (percent) => (percent === undefined ? undefined : shift(percent, -2) ?? percent);

/** A field of a fraction, shown and typed as a percentage. */
function percentField(app, path, options) {
  return bound(app, path, {
    optional: true,
    ...options,
    value: asPercent(app.read(path), app.fmt.decimalSeparator),
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
  const labels = new Map(parameters(app));
  const without = (...keys) => Object.fromEntries(Object.entries(plan).filter(([k]) => !keys.includes(k)));
  const pick = bound(app, 'plan.variant', {
    kind: 'select',
    label: 'What the test should detect',
    options: [
      ...variants.map((v, i) => [`variant:${i}`, variantTitle(v, i)]),
      ['effect', 'A change of a size I give'],
      ['none', 'Nothing in particular: the smallest change it can detect'],
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
      ? percentField(app, 'plan.effect', { label: 'Size of the change (%)', optional: false, hint: 'A rise or a fall of this much, e.g. 5 for 5 %.' })
      : aim === 'none'
        ? h('p', { class: 'field-hint', text: 'The answer gives the smallest rise and fall the test detects, and how that shrinks as the test runs longer.' })
        : h(
            'div',
            { class: 'lab-plan-change', 'data-testid': 'plan-change' },
            h('p', { class: 'field-hint' }, changes.length ? 'It changes ' : 'It changes nothing yet. ', changes.map(([p, v], j) => [j ? '; ' : '', h('strong', { text: (labels.get(p) ?? p).replace(/ \(now [^)]*\)$/, '') }), ` to ${app.fmt.value(String(v))}`]), changes.length ? '. Its effect is simulated on this scenario: that is the effect the test should detect.' : ''),
            button('Edit the A/B variants', () => app.setMode('ab')),
          );

  const s = app.doc.scenario;
  const maxDays = Number(plan.max_days ?? 56);
  const weeks = Number.isFinite(maxDays) ? Math.floor(maxDays / 7) : 8;
  const work = h('p', { class: 'field-hint', 'data-testid': 'plan-size' });
  const showWork = () => {
    const both = aimOf(app).startsWith('variant:') ? ', with and without the change' : '';
    work.textContent = `The lab simulates the scenario’s ${app.fmt.count(Number(s.viewers) || 0)} viewers once for each length of test — every week up to ${app.fmt.count(weeks * 7)} days${both} — and draws the arms from what they paid.`;
  };
  showWork();

  const g = group(
    'group-power',
    'Plan the real experiment',
    'How many users and days a real A/B test needs to see a change in revenue per user, conversion and revenue per paying user. The two arms are drawn from this scenario’s simulated viewers, so the closer the scenario is to your product (calibrate it first), the better the answer. The scenario’s own days and runs are not used here.',
    h('fieldset', { class: 'lab-variant' }, h('legend', { text: 'The change' }), pick, what),
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: 'The test' }),
      h(
        'div',
        { class: 'lab-field-row lab-field-row--3 lab-plan-row' },
        bound(app, 'plan.users_per_arm', { kind: 'int', label: 'Users in each arm', placeholder: '100000' }),
        bound(app, 'plan.days', { kind: 'int', label: 'Days it runs' }),
        bound(app, 'plan.looks', { kind: 'int', label: 'Looks at the results', optional: true, placeholder: 'weekly' }),
      ),
      h('p', { class: 'field-hint', text: 'Looks: how many times the results will be read, the last at the end. Reading them early and stopping at the first good-looking one raises false alarms; the answer says by how much, and when stopping early is safe.' }),
    ),
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: 'Already running? Check the split' }),
      h('p', { class: 'field-hint', text: 'Users counted in each arm so far. A split far from the one intended (a sample-ratio mismatch) means the assignment or the logging is broken, and no result can be trusted until it is fixed.' }),
      h(
        'div',
        { class: 'lab-field-row lab-field-row--3 lab-plan-row' },
        bound(app, 'plan.observed.control', { kind: 'int', label: 'Users in control', optional: true }),
        bound(app, 'plan.observed.treatment', { kind: 'int', label: 'Users in treatment', optional: true }),
        percentField(app, 'plan.observed.treatment_share', { label: 'Meant for treatment (%)', placeholder: '50' }),
      ),
    ),
    h(
      'details',
      { class: 'lab-plan-more' },
      h('summary', { text: 'Significance, power and more' }),
      h(
        'div',
        { class: 'lab-field-row lab-field-row--2 lab-plan-row' },
        percentField(app, 'plan.alpha', { label: 'Chance of a false alarm (significance, %)', placeholder: '5' }),
        percentField(app, 'plan.power', { label: 'Chance of seeing a real effect (power, %)', placeholder: '80' }),
        bound(app, 'plan.max_days', { kind: 'int', label: 'Longest test considered (days)', optional: true, placeholder: '56', rebuild: true }),
        bound(app, 'plan.replicates', { kind: 'int', label: 'Replicate experiments simulated', optional: true, placeholder: '2000' }),
      ),
    ),
    work,
  );
  g.addEventListener('input', showWork);
  return g;
}
