// The population: how many viewers, their ages, and the spender segments — each with its
// budget distribution, how often it gifts, what it tops up and which gifts it sends — plus
// prices and elasticity.
import { h } from '../../dom.js';
import { bound, button, getAt, group, shareSum } from '../controls.js';
import { giftsOfScenario } from './channels.js';

const DISTRIBUTIONS = [
  ['', 'Never spends'],
  ['fixed', 'Fixed amount'],
  ['uniform', 'Uniform between two amounts'],
  ['lognormal', 'Log-normal (median and spread)'],
  ['pareto', 'Pareto (a long tail of big spenders)'],
];

/** The budget fields each distribution uses: [key, label, optional, placeholder]. */
const BUDGET_FIELDS = {
  fixed: [['amount', 'Budget a month']],
  uniform: [['min', 'Smallest budget'], ['max', 'Largest budget']],
  lognormal: [['median', 'Median budget a month'], ['sigma', 'Spread (σ of the logarithm)'], ['max', 'Cap on a budget', true, 'none']],
  pareto: [['min', 'Smallest budget a month'], ['alpha', 'Tail index α (above 1)'], ['max', 'Cap on a budget', true, 'none']],
};

const STARTING_BUDGET = {
  fixed: { amount: '10.00' },
  uniform: { min: '1.00', max: '20.00' },
  lognormal: { median: '10.00', sigma: '0.7' },
  pareto: { min: '100.00', alpha: '1.5' },
};

export function populationGroup(app) {
  const g = populationBody(app);
  const body = g.querySelector('.lab-group-body');
  const segmentsTitle = body.querySelector('.lab-segments-title');
  body.insertBefore(shareSum(app, g, () => (app.doc.scenario.ages ?? []).map((a) => a?.share), 'age group shares'), segmentsTitle);
  body.append(shareSum(app, g, () => (app.doc.scenario.segments ?? []).map((x) => x?.share), 'segment shares'));
  return g;
}

function populationBody(app) {
  const s = app.doc.scenario;
  const ages = Array.isArray(s.ages) ? s.ages : null;
  const segments = Array.isArray(s.segments) ? s.segments : [];
  return group(
    'group-population',
    'Viewers and how they spend',
    'Budgets are monthly and set aside day by day. Give a segment what a coin is worth to its viewers and prices decide who buys and what; without it, budgets follow prices through the elasticity (0: the same coins whatever the price, −1: the same money).',
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, 'scenario.viewers', { kind: 'int', label: 'Viewers' }),
      bound(app, 'scenario.represents', { kind: 'int', label: 'Viewers they stand for', optional: true, placeholder: 'the same', hint: 'totals scaled up (at most 2,000,000,000)' }),
      bound(app, 'scenario.elasticity', { label: 'Elasticity of demand', optional: true, placeholder: '0' }),
      bound(app, 'scenario.price_multiplier', { label: 'Price multiplier, every channel', optional: true, placeholder: '1' }),
    ),
    h('h3', { class: 'lab-subgroup', text: 'Age groups' }),
    ages
      ? h(
          'div',
          { class: 'lab-rows', role: 'group', 'aria-label': 'Age groups' },
          h('div', { class: 'lab-row lab-row--ages lab-row--head', 'aria-hidden': 'true' }, h('span', { text: 'From age' }), h('span', { text: 'Under age' }), h('span', { text: 'Share' }), h('span')),
          ages.map((g, i) =>
            h(
              'div',
              { class: 'lab-row lab-row--ages' },
              bound(app, `scenario.ages[${i}].min_age`, { kind: 'int', label: `Age group ${i + 1}: from age`, hideLabel: true }),
              bound(app, `scenario.ages[${i}].max_age`, { kind: 'int', label: `Age group ${i + 1}: under age`, hideLabel: true }),
              bound(app, `scenario.ages[${i}].share`, { label: `Age group ${i + 1}: share of viewers`, hideLabel: true }),
              ages.length > 1 ? button('×', () => app.removeAt(`scenario.ages[${i}]`), { label: `Remove age group ${i + 1}`, kind: 'button--small button--quiet' }) : h('span'),
            ),
          ),
        )
      : h('p', { class: 'field-hint', text: 'Everyone is 18 to 64 (the engine’s default).' }),
    h(
      'div',
      { class: 'button-row' },
      button('Add an age group', () => {
        const list = ages ?? [];
        const last = list[list.length - 1];
        const from = Number(last?.max_age) || 18;
        app.edit(`scenario.ages[${list.length}]`, { min_age: from, max_age: from + 10, share: '0' }, { rebuild: true, focus: `scenario.ages[${list.length}].share` });
      }),
    ),
    h('h3', { class: 'lab-subgroup lab-segments-title', text: 'Spender segments' }),
    segments.map((seg, i) => segment(app, seg, i, segments.length)),
    h(
      'div',
      { class: 'button-row' },
      button('Add a segment', () => {
        const i = segments.length;
        app.edit(`scenario.segments[${i}]`, { id: `segment-${i + 1}`, share: '0', budget: { distribution: 'lognormal', median: '10.00', sigma: '0.7' }, gifts: [] }, { rebuild: true, focus: `scenario.segments[${i}].share` });
      }),
    ),
  );
}

function segment(app, seg, i, count) {
  const base = `scenario.segments[${i}]`;
  const name = typeof seg?.id === 'string' && seg.id ? seg.id : `segment ${i + 1}`;
  const budget = seg?.budget;
  const distribution = typeof budget?.distribution === 'string' ? budget.distribution : '';
  const spends = budget != null;
  const gifts = Array.isArray(seg?.gifts) ? seg.gifts : [];
  const catalogue = giftsOfScenario(app);
  const giftOptions = [...catalogue.map((g) => [g.id, `${g.name} (${app.fmt.count(g.coins)})`]), ['#coins', 'A number of coins']];

  // "Never spends" removes the budget; another shape keeps the figures both shapes use.
  const picker = bound(app, `${base}.budget.distribution`, {
    kind: 'select',
    label: 'Budget',
    options: DISTRIBUTIONS,
    value: distribution,
    write: (shape) => {
      if (!shape) return app.edit(`${base}.budget`, undefined, { rebuild: true });
      const next = { distribution: shape, ...STARTING_BUDGET[shape] };
      for (const [key] of BUDGET_FIELDS[shape] ?? []) if (budget?.[key] != null) next[key] = budget[key];
      return app.edit(`${base}.budget`, next, { rebuild: true, focus: `${base}.budget.distribution` });
    },
  });

  return h(
    'fieldset',
    { class: 'lab-segment' },
    h('legend', { text: `Segment: ${name}` }),
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, `${base}.id`, { kind: 'text', label: 'Name', rebuild: true }),
      bound(app, `${base}.share`, { label: 'Share of viewers' }),
      picker,
    ),
    spends
      ? h(
          'div',
          { class: 'lab-field-row' },
          (BUDGET_FIELDS[distribution] ?? []).map(([key, label, optional, placeholder]) => bound(app, `${base}.budget.${key}`, { label, optional, placeholder })),
        )
      : null,
    spends
      ? h(
          'div',
          { class: 'lab-field-row' },
          bound(app, `${base}.active_days_per_week`, { label: 'Gifting days a week', optional: true, placeholder: '2' }),
          bound(app, `${base}.gifts_per_active_day`, { label: 'Gifts on such a day', optional: true, placeholder: '3' }),
          bound(app, `${base}.top_up`, { label: 'Each top-up buys', optional: true, placeholder: 'cheapest', hint: 'money, at most' }),
        )
      : null,
    spends
      ? h(
          'div',
          { class: 'lab-field-row' },
          bound(app, `${base}.value_per_coin.median`, {
            label: 'A coin is worth (median)',
            optional: true,
            placeholder: 'any price',
            hint: 'money per coin, e.g. 0.02',
            write: (v) => app.edit(`${base}.value_per_coin`, v === undefined ? undefined : { ...(seg.value_per_coin ?? {}), median: v }),
          }),
          bound(app, `${base}.switching_cost.median`, {
            label: 'Moves to a cheaper channel to save',
            optional: true,
            placeholder: 'never moves',
            hint: 'money per top-up (median)',
            write: (v) => app.edit(`${base}.switching_cost`, v === undefined ? undefined : { ...(seg.switching_cost ?? {}), median: v }),
          }),
          bound(app, `${base}.monthly_retention[0]`, { label: 'Still here a month later', optional: true, placeholder: 'everyone', hint: 'share, e.g. 0.8' }),
        )
      : null,
    spends
      ? h(
          'div',
          { class: 'lab-gift-mix' },
          h('p', { class: 'lab-gift-mix-title', id: `gifts-of-${i}`, text: `Gifts ${name} send (weights are relative)` }),
          h(
            'div',
            { class: 'lab-rows', role: 'group', 'aria-labelledby': `gifts-of-${i}` },
            gifts.map((g, j) => giftRow(app, `${base}.gifts[${j}]`, g, name, j, giftOptions)),
          ),
          button('Add a gift', () => {
            const first = catalogue[0];
            app.edit(`${base}.gifts[${gifts.length}]`, first ? { gift: first.id, weight: 1 } : { coins: 100, weight: 1 }, { rebuild: true, focus: `${base}.gifts[${gifts.length}].weight` });
          }, { label: `Add a gift to ${name}` }),
        )
      : null,
    count > 1 ? h('div', { class: 'button-row' }, button('Remove this segment', () => app.removeAt(base), { label: `Remove this segment (${name})`, kind: 'button--small button--quiet' })) : null,
  );
}

function giftRow(app, path, g, name, j, giftOptions) {
  const isCoins = g?.gift == null;
  const select = bound(app, `${path}.gift`, {
    kind: 'select',
    label: `${name}: gift ${j + 1}`,
    options: giftOptions,
    hideLabel: true,
    value: isCoins ? '#coins' : String(g.gift),
    write: (choice) => {
      const weight = getAt(app.doc, `${path}.weight`) ?? 1;
      app.edit(path, choice === '#coins' ? { coins: 100, weight } : { gift: choice, weight }, { rebuild: true, focus: `${path}.gift` });
    },
  });
  return h(
    'div',
    { class: 'lab-row lab-row--gift' },
    select,
    isCoins ? bound(app, `${path}.coins`, { kind: 'int', label: `${name}: coins of gift ${j + 1}`, hideLabel: true, placeholder: 'coins' }) : h('span', { class: 'lab-row-spacer' }),
    bound(app, `${path}.weight`, { kind: 'int', label: `${name}: weight of gift ${j + 1}`, hideLabel: true, placeholder: 'weight' }),
    button('×', () => app.removeAt(path), { label: `Remove gift ${j + 1} of ${name}`, kind: 'button--small button--quiet' }),
  );
}
