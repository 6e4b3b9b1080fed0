// What a sweep varies (a grid: parameters and their values, every combination a point) and
// what an A/B test changes (named variants). Each point runs with the base's seed, so its
// difference from the base is the effect of the change, not noise.
import { h } from '../../dom.js';
import { moneyInput } from '../../format.js';
import { t } from '../../i18n.js';
import { bound, button, group } from '../controls.js';
import { variantLetter, variantName, variantTitle } from '../metrics.js';
import { cardLabel, cardsOfScenario } from './channels.js';

/** Most points the engine runs in one sweep. */
export const MAX_POINTS = 64;

/** The parameters every scenario has, each named `lab.parameter.NAME`. */
const FIXED = ['elasticity', 'creator_share', 'diamond_value', 'store_fee_rate', 'payment_fee_rate', 'cap_multiplier', 'guardian_approval_rate'];

/**
 * The parameters a sweep or a variant can set, for this scenario: [name, label, plain], the
 * label as a picker shows it ("Cap 13-to-17 / monthly (now 50.00 USD)") and plainly, for a
 * sentence or an axis ("Cap 13-to-17 / monthly").
 */
export function parameters(app) {
  const list = [['price_multiplier', t('lab.parameter.price_multiplier')]];
  for (const card of cardsOfScenario(app)) list.push([`price_multiplier:${card.id}`, t('lab.parameter.price_multiplier_of', { card: cardLabel(card) })]);
  for (const p of FIXED) list.push([p, t(`lab.parameter.${p}`)]);
  const rules = app.library.ruleSet(app.doc.scenario.rule_set ?? 'none');
  for (const b of Array.isArray(rules?.brackets) ? rules.brackets : []) {
    for (const c of Array.isArray(b?.caps) ? b.caps : []) {
      const plain = t('lab.parameter.cap', { bracket: b.id, cap: c.id });
      list.push([`cap:${b.id}/${c.id}`, t('lab.parameter.now', { label: plain, now: `${app.fmt.value(String(c.limit))} ${rules.currency}` }), plain]);
    }
  }
  return list.map(([name, label, plain = label]) => [name, label, plain]);
}

/** "0.9 1.0 1.1" (or separated by semicolons, or commas where the decimal sign is a point). */
export function parseValues(text, decimalSeparator) {
  const separators = decimalSeparator === ',' ? /[\s;]+/ : /[\s;,]+/;
  return String(text)
    .split(separators)
    .filter(Boolean)
    .map((v) => moneyInput(v, decimalSeparator));
}

export function sweepGroup(app) {
  const grid = Array.isArray(app.doc.grid) ? app.doc.grid : [];
  const options = parameters(app);
  const size = h('p', { class: 'field-hint', 'data-testid': 'grid-size' });
  const showSize = () => {
    const points = grid.reduce((n, axis) => n * Math.max(1, Array.isArray(axis?.values) ? axis.values.length : 0), 1);
    const s = app.doc.scenario;
    const work = (points + 1) * (Number(s.viewers) || 0) * (Number(s.runs) || 1);
    size.classList.toggle('notice-error', points > MAX_POINTS);
    const params = { count: points, points: app.fmt.count(points), max: MAX_POINTS, work: app.fmt.count(work) };
    size.textContent = t(points > MAX_POINTS ? 'lab.sweep.size_over' : 'lab.sweep.size', params);
  };
  showSize();
  return group(
    'group-sweep',
    t('lab.sweep.title'),
    t('lab.sweep.intro'),
    grid.map((axis, i) =>
      h(
        'fieldset',
        { class: 'lab-axis' },
        h('legend', { text: t(i === 0 ? 'lab.sweep.parameter_across' : i === 1 ? 'lab.sweep.parameter_lines' : 'lab.sweep.parameter', { n: i + 1 }) }),
        h(
          'div',
          { class: 'lab-field-row lab-field-row--axis' },
          bound(app, `grid[${i}].parameter`, { kind: 'select', label: t('lab.sweep.parameter', { n: i + 1 }), options, rebuild: true }),
          bound(app, `grid[${i}].values`, {
            kind: 'text',
            label: t('lab.sweep.values', { n: i + 1 }),
            hint: t('lab.separated_by_spaces'),
            value: (Array.isArray(axis?.values) ? axis.values : []).map((v) => String(v).replace('.', app.fmt.decimalSeparator)).join(' '),
            write: (text) => {
              app.edit(`grid[${i}].values`, parseValues(text, app.fmt.decimalSeparator));
              showSize();
            },
          }),
          grid.length > 1 ? button('×', () => app.removeAt(`grid[${i}]`), { label: t('lab.sweep.remove', { n: i + 1 }), kind: 'button--small button--quiet' }) : null,
        ),
      ),
    ),
    h(
      'div',
      { class: 'button-row' },
      grid.length < 3
        ? button(t('lab.sweep.add'), () => {
            const used = new Set(grid.map((a) => a?.parameter));
            const next = options.find(([p]) => !used.has(p))?.[0] ?? 'price_multiplier';
            app.edit(`grid[${grid.length}]`, { parameter: next, values: ['1'] }, { rebuild: true, focus: `grid[${grid.length}].values` });
          })
        : null,
    ),
    size,
  );
}

export function abGroup(app) {
  const variants = Array.isArray(app.doc.variants) ? app.doc.variants : [];
  const options = parameters(app);
  return group(
    'group-ab',
    t('lab.ab.title'),
    t('lab.ab.intro'),
    variants.map((v, i) => {
      const changes = v && typeof v.changes === 'object' && !Array.isArray(v.changes) ? Object.entries(v.changes) : [];
      const name = variantName(v, i);
      return h(
        'fieldset',
        { class: 'lab-variant' },
        h('legend', { text: variantTitle(v, i) }),
        bound(app, `variants[${i}].name`, { kind: 'text', label: t('lab.name'), rebuild: true }),
        h(
          'div',
          { class: 'lab-rows', role: 'group', 'aria-label': t('lab.ab.changes_of', { name }) },
          changes.map(([parameter, value], j) =>
            h(
              'div',
              { class: 'lab-row lab-row--change' },
              bound(app, `variants[${i}].changes`, {
                kind: 'select',
                label: t('lab.ab.change_parameter', { name, n: j + 1 }),
                options,
                hideLabel: true,
                value: parameter,
                write: (next) => renameChange(app, i, parameter, next),
              }),
              bound(app, `variants[${i}].changes.${parameter}`, {
                label: t('lab.ab.change_value', { name, n: j + 1 }),
                hideLabel: true,
                value,
                write: (text) => app.setChange(i, parameter, text),
              }),
              button('×', () => app.setChange(i, parameter, undefined, { rebuild: true }), { label: t('lab.ab.remove_change', { name, n: j + 1 }), kind: 'button--small button--quiet' }),
            ),
          ),
        ),
        h(
          'div',
          { class: 'button-row' },
          button(t('lab.ab.add_change'), () => {
            const next = options.find(([p]) => !changes.some(([q]) => q === p))?.[0];
            if (next) app.setChange(i, next, next.startsWith('cap:') ? '10.00' : '1', { rebuild: true });
          }, { label: t('lab.ab.add_change_label', { name }) }),
          variants.length > 1 ? button(t('lab.ab.remove_variant'), () => app.removeAt(`variants[${i}]`), { label: t('lab.ab.remove_variant_label', { name }), kind: 'button--small button--quiet' }) : null,
          button(t('lab.ab.plan'), () => app.planVariant(i), { label: t('lab.ab.plan_label', { name }) }),
        ),
      );
    }),
    h(
      'div',
      { class: 'button-row' },
      variants.length < 8
        ? button(t('lab.ab.add_variant'), () => app.edit(`variants[${variants.length}]`, { name: t('lab.ab.new_variant', { letter: variantLetter(variants.length) }), changes: { price_multiplier: '1.05' } }, { rebuild: true, focus: `variants[${variants.length}].name` }))
        : null,
    ),
  );
}

/** Renames a change's parameter, keeping its place and value. */
function renameChange(app, i, from, to) {
  const changes = app.doc.variants[i].changes;
  if (to === from || Object.hasOwn(changes, to)) return app.rebuild();
  const next = {};
  for (const [k, v] of Object.entries(changes)) next[k === from ? to : k] = v;
  app.edit(`variants[${i}].changes`, next, { rebuild: true });
}
