// What a sweep varies (a grid: parameters and their values, every combination a point) and
// what an A/B test changes (named variants). Each point runs with the base's seed, so its
// difference from the base is the effect of the change, not noise.
import { h } from '../../dom.js';
import { moneyInput } from '../../format.js';
import { bound, button, group } from '../controls.js';
import { variantName, variantTitle } from '../metrics.js';
import { cardLabel, cardsOfScenario } from './channels.js';

/** Most points the engine runs in one sweep. */
export const MAX_POINTS = 64;

/** The parameters a sweep or a variant can set, for this scenario: [name, label]. */
export function parameters(app) {
  const list = [['price_multiplier', 'Price multiplier, every channel']];
  for (const card of cardsOfScenario(app)) list.push([`price_multiplier:${card.id}`, `Price multiplier, ${cardLabel(card)} only`]);
  list.push(
    ['elasticity', 'Elasticity of demand'],
    ['creator_share', 'Creator’s share of net (share-of-net cards)'],
    ['diamond_value', 'Cash value of a Diamond (per-Diamond cards)'],
    ['store_fee_rate', 'App store fee rate, every card'],
    ['payment_fee_rate', 'Payment processing rate, every card'],
    ['cap_multiplier', 'Every cap × this'],
    ['guardian_approval_rate', 'Guardian approval rate'],
  );
  const rules = app.library.ruleSet(app.doc.scenario.rule_set ?? 'none');
  for (const b of Array.isArray(rules?.brackets) ? rules.brackets : []) {
    for (const c of Array.isArray(b?.caps) ? b.caps : []) {
      list.push([`cap:${b.id}/${c.id}`, `Cap ${b.id} / ${c.id} (now ${c.limit} ${rules.currency})`]);
    }
  }
  return list;
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
    size.textContent = `${app.fmt.count(points)} points plus the base${points > MAX_POINTS ? ` — at most ${MAX_POINTS}` : ''}: ${app.fmt.count(work)} viewer-runs.`;
  };
  showSize();
  return group(
    'group-sweep',
    'Sweep: what to vary',
    'Every combination of the values is one point, compared with the base scenario run by run. The chart draws the first parameter across and one line per value of the second.',
    grid.map((axis, i) =>
      h(
        'fieldset',
        { class: 'lab-axis' },
        h('legend', { text: `Parameter ${i + 1}${i === 0 ? ' (across the chart)' : i === 1 ? ' (one line per value)' : ''}` }),
        h(
          'div',
          { class: 'lab-field-row lab-field-row--axis' },
          bound(app, `grid[${i}].parameter`, { kind: 'select', label: `Parameter ${i + 1}`, options, rebuild: true }),
          bound(app, `grid[${i}].values`, {
            kind: 'text',
            label: `Values of parameter ${i + 1}`,
            hint: 'separated by spaces',
            value: (Array.isArray(axis?.values) ? axis.values : []).map((v) => String(v).replace('.', app.fmt.decimalSeparator)).join(' '),
            write: (text) => {
              app.edit(`grid[${i}].values`, parseValues(text, app.fmt.decimalSeparator));
              showSize();
            },
          }),
          grid.length > 1 ? button('×', () => app.removeAt(`grid[${i}]`), { label: `Remove parameter ${i + 1}`, kind: 'button--small button--quiet' }) : null,
        ),
      ),
    ),
    h(
      'div',
      { class: 'button-row' },
      grid.length < 3
        ? button('Add a parameter', () => {
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
    'A/B test: the variants',
    'Each variant changes some parameters of the base scenario; the lab compares it with the base run by run and says whether each difference stands out from the noise (more than twice its standard error).',
    variants.map((v, i) => {
      const changes = v && typeof v.changes === 'object' && !Array.isArray(v.changes) ? Object.entries(v.changes) : [];
      const name = variantName(v, i);
      return h(
        'fieldset',
        { class: 'lab-variant' },
        h('legend', { text: variantTitle(v, i) }),
        bound(app, `variants[${i}].name`, { kind: 'text', label: 'Name', rebuild: true }),
        h(
          'div',
          { class: 'lab-rows', role: 'group', 'aria-label': `Changes of ${name}` },
          changes.map(([parameter, value], j) =>
            h(
              'div',
              { class: 'lab-row lab-row--change' },
              bound(app, `variants[${i}].changes`, {
                kind: 'select',
                label: `${name}: change ${j + 1}, parameter`,
                options,
                hideLabel: true,
                value: parameter,
                write: (next) => renameChange(app, i, parameter, next),
              }),
              bound(app, `variants[${i}].changes.${parameter}`, {
                label: `${name}: change ${j + 1}, value`,
                hideLabel: true,
                value,
                write: (text) => app.setChange(i, parameter, text),
              }),
              button('×', () => app.setChange(i, parameter, undefined, { rebuild: true }), { label: `Remove change ${j + 1} of ${name}`, kind: 'button--small button--quiet' }),
            ),
          ),
        ),
        h(
          'div',
          { class: 'button-row' },
          button('Add a change', () => {
            const next = options.find(([p]) => !changes.some(([q]) => q === p))?.[0];
            if (next) app.setChange(i, next, next.startsWith('cap:') ? '10.00' : '1', { rebuild: true });
          }, { label: `Add a change to ${name}` }),
          variants.length > 1 ? button('Remove this variant', () => app.removeAt(`variants[${i}]`), { label: `Remove this variant (${name})`, kind: 'button--small button--quiet' }) : null,
          button('Plan a real test of it', () => app.planVariant(i), { label: `Plan a real test of it (${name})` }),
        ),
      );
    }),
    h(
      'div',
      { class: 'button-row' },
      variants.length < 8
        ? button('Add a variant', () => app.edit(`variants[${variants.length}]`, { name: `Variant ${String.fromCharCode(66 + variants.length)}`, changes: { price_multiplier: '1.05' } }, { rebuild: true, focus: `variants[${variants.length}].name` }))
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
