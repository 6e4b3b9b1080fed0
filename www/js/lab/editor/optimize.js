// What an optimization searches (decision variables: a parameter and the values it may take —
// a range and a step, a store's price points, or a list), what it aims for (one money figure,
// or a weighted sum of them, as high or as low as possible) and the limits every answer must
// keep (a figure at most or at least a value, for everyone, an age group or a segment; prices
// per coin that fall as packs grow; gifts bought without coins left over).
import { h } from '../../dom.js';
import { bound, button, group } from '../controls.js';
import { COUNT_METRICS, MONEY_METRICS, RATIO_METRICS, bundleParameter } from '../metrics.js';
import { cardLabel, cardsOfScenario } from './channels.js';
import { parameters, parseValues } from './experiment.js';

/** Most decision variables the engine takes. */
const MAX_VARIABLES = 6;
/** Most constraints the lab offers to add (the engine takes more). */
const MAX_CONSTRAINTS = 12;

/** The stores' price points the engine knows, for a bundle's price. */
const PRICE_POINTS = [
  ['apple-us', 'Apple’s US price points'],
  ['google-play-us', 'Google Play’s US price points'],
];

/** The parameters an optimization can vary in this scenario: a sweep's, plus each pack of each
 * card (its price, its coins): [name, label]. */
export function variableParameters(app) {
  const list = parameters(app);
  const seen = new Set();
  for (const card of cardsOfScenario(app)) {
    if (seen.has(card.id) || !Array.isArray(card.bundles)) continue;
    seen.add(card.id);
    for (const b of card.bundles) {
      if (b == null || typeof b !== 'object') continue;
      const coins = app.fmt.count(Number(b.coins));
      list.push([`bundle:${card.id}/${b.coins}/price`, `Price of the ${coins}-coin pack, ${cardLabel(card)} (now ${app.fmt.money(String(b.price))})`]);
    }
    for (const b of card.bundles) {
      if (b == null || typeof b !== 'object') continue;
      list.push([`bundle:${card.id}/${b.coins}/coins`, `Coins in the ${app.fmt.money(String(b.price))} pack, ${cardLabel(card)} (now ${app.fmt.count(Number(b.coins))})`]);
    }
  }
  return list;
}

/** Where a variable's search starts when its parameter is picked: a range around today's value. */
function freshVariable(app, parameter) {
  const bundle = bundleParameter(parameter);
  if (bundle) {
    const card = cardsOfScenario(app).find((c) => c.id === bundle.card);
    const b = card?.bundles?.find((x) => String(x?.coins) === bundle.coins);
    if (bundle.field === 'coins') {
      const coins = Number(bundle.coins);
      const step = niceStep(coins * 0.05, true);
      return { parameter, min: String(roundTo(coins * 0.8, step)), max: String(roundTo(coins * 1.2, step)), step: String(step) };
    }
    const price = Number(b?.price ?? 10);
    const range = { parameter, min: (price * 0.8).toFixed(2), max: (price * 1.25).toFixed(2) };
    const store = { ios: 'apple-us', android: 'google-play-us' }[card?.channel];
    if (store && card?.currency === 'USD') return { ...range, price_points: store };
    return { ...range, step: niceStep(price * 0.05).toFixed(2) };
  }
  const cap = /^cap:([^/]+)\/(.+)$/.exec(parameter);
  if (cap) {
    const rules = app.library.ruleSet(app.doc.scenario.rule_set ?? 'none');
    const limit = Number(rules?.brackets?.find((x) => x?.id === cap[1])?.caps?.find((c) => c?.id === cap[2])?.limit ?? 50);
    const step = niceStep(limit * 0.1);
    return { parameter, min: roundTo(limit * 0.5, step).toFixed(2), max: roundTo(limit * 2, step).toFixed(2), step: step.toFixed(2) };
  }
  const ranges = {
    price_multiplier: ['0.8', '1.5', '0.05'],
    cap_multiplier: ['0.5', '2', '0.25'],
    elasticity: ['-1.5', '0', '0.25'],
    creator_share: ['0.3', '0.7', '0.05'],
    diamond_value: ['0.004', '0.006', '0.0005'],
    store_fee_rate: ['0.15', '0.30', '0.05'],
    payment_fee_rate: ['0.02', '0.04', '0.005'],
    guardian_approval_rate: ['0', '1', '0.1'],
  };
  const [min, max, step] = ranges[parameter.split(':')[0]] ?? ['0', '1', '0.1'];
  return { parameter, min, max, step };
}

/** 1, 2 or 5 times a power of ten, near `x` (whole when `whole`). */
function niceStep(x, whole = false) {
  if (!(x > 0)) return whole ? 1 : 0.01;
  const power = 10 ** Math.floor(Math.log10(x));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= x) ?? 10 * power;
  return whole ? Math.max(1, Math.round(step)) : Math.max(0.01, step);
}

const roundTo = (x, step) => Math.round(x / step) * step;

/** How a variable's values are given: 'step', a store's price points, or 'list'. */
function valuesKind(v) {
  if (Array.isArray(v?.values)) return 'list';
  if (typeof v?.price_points === 'string') return v.price_points;
  return 'step';
}

/** The variable `v` with its values given the `kind` way, keeping its range where it can. */
function withKind(app, v, kind) {
  const { parameter } = v;
  const min = v.min ?? v.values?.[0];
  const max = v.max ?? v.values?.at(-1);
  if (kind === 'list') return { parameter, values: Array.isArray(v.values) ? v.values : [min, max].filter((x) => x !== undefined) };
  if (kind === 'step') return { parameter, min, max, step: freshVariable(app, parameter).step ?? niceStep((Number(max) - Number(min)) / 10).toFixed(2) };
  return { parameter, min, max, price_points: kind };
}

/** The number of values a variable takes, when the lab can tell without the engine. */
function valueCount(v) {
  if (Array.isArray(v?.values)) return v.values.length;
  if (v?.price_points !== undefined) return null;
  const [min, max, step] = [v?.min, v?.max, v?.step].map(Number);
  if (![min, max, step].every(Number.isFinite) || step <= 0 || max < min) return null;
  return Math.floor((max - min) / step + 1e-9) + 1;
}

/** Registers a control bound elsewhere for the engine's errors at another `path` too. */
function alsoAt(app, el, path) {
  const control = el.querySelector('select, input, button');
  const error = el.querySelector('.field-error');
  if (control && error) app.fields.register('*', path, { control, error });
  return el;
}

/** Figures a limit can be put on, grouped as the engine's answer groups them. */
const CONSTRAINT_METRICS = [...Object.entries(MONEY_METRICS), ...Object.entries(RATIO_METRICS), ...Object.entries(COUNT_METRICS)];

const CONSTRAINT_KINDS = [
  ['at_least', 'A figure must be at least'],
  ['at_most', 'A figure must be at most'],
  ['price_per_coin', 'Bigger packs never cost more per coin'],
  ['reachable_gifts', 'Gifts can be bought with no coins left over'],
];

function constraintKind(c) {
  if (c?.price_per_coin !== undefined) return 'price_per_coin';
  if (Array.isArray(c?.reachable_gifts)) return 'reachable_gifts';
  return c?.at_most !== undefined ? 'at_most' : 'at_least';
}

/** The age groups of the scenario, by the ids the engine gives them ("13-to-15"). */
function ageGroupIds(scenario) {
  const ages = Array.isArray(scenario.ages) ? scenario.ages : [];
  return ages.map((a) => (typeof a?.id === 'string' ? a.id : `${a?.min_age}-to-${Number(a?.max_age) - 1}`));
}

export function optimizeGroup(app) {
  const o = app.doc.optimization ?? {};
  const variables = Array.isArray(o.variables) ? o.variables : [];
  const constraints = Array.isArray(o.constraints) ? o.constraints : [];
  const objective = o.objective && typeof o.objective === 'object' ? o.objective : {};
  const options = variableParameters(app);
  const s = app.doc.scenario;
  const size = h('p', { class: 'field-hint', 'data-testid': 'optimize-size' });
  const showSize = () => {
    const counts = variables.map(valueCount);
    const known = counts.every((n) => n !== null);
    const combinations = counts.reduce((n, c) => n * (c ?? 1), 1);
    const cap = Number(app.doc.optimization?.max_evaluations ?? 80);
    const each = `${app.fmt.count(Number(s.viewers) || 0)} viewers × ${app.fmt.count(Number(s.runs) || 1)} runs`;
    const many = known ? app.fmt.count(combinations) : 'Many';
    const most = Number.isFinite(cap) ? app.fmt.count(cap) : 'the limit';
    if (!variables.length) size.textContent = 'Add a setting to change.';
    else if (known && combinations <= cap) size.textContent = `${many} combinations: every one is simulated (${each} each).`;
    else size.textContent = `${many} combinations: the search simulates at most ${most} of them (${each} each), homing in on the best.`;
  };
  showSize();

  const g = group(
    'group-optimize',
    'Optimize: find the best values',
    'The lab tries values of the settings below, simulating the scenario at each with the same seed, and keeps the one that does best on your aim while keeping every limit. With more combinations than simulations allowed, it searches coarse first, then closer around the best.',
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: 'What the lab may change' }),
      variables.map((v, i) => variableBlock(app, v, i, variables.length, options)),
      alsoAt(
        app,
        h(
          'div',
          { class: 'field' },
          h(
            'div',
            { class: 'button-row' },
            variables.length < MAX_VARIABLES
              ? button('Add a setting to change', () => {
                  const used = new Set(variables.map((v) => v?.parameter));
                  const next = options.find(([p]) => !used.has(p))?.[0] ?? 'price_multiplier';
                  app.edit(`optimization.variables[${variables.length}]`, freshVariable(app, next), { rebuild: true, focus: `optimization.variables[${variables.length}].min` });
                })
              : null,
          ),
          h('p', { class: 'field-error', hidden: true }),
        ),
        'optimization.variables',
      ),
    ),
    objectiveBlock(app, objective),
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: 'Limits every answer must keep' }),
      constraints.length ? null : h('p', { class: 'field-hint', text: 'None: the best value of your aim wins, whatever it does to anything else.' }),
      constraints.map((c, i) => constraintBlock(app, c, i)),
      h(
        'div',
        { class: 'button-row' },
        constraints.length < MAX_CONSTRAINTS
          ? button('Add a limit', () => {
              const at = `optimization.constraints[${constraints.length}]`;
              app.edit(at, { metric: 'payer_share', at_least: '0.05' }, { rebuild: true, focus: `${at}.at_least` });
            })
          : null,
      ),
    ),
    bound(app, 'optimization.max_evaluations', { kind: 'int', label: 'At most this many simulations', optional: true, placeholder: '80' }),
    size,
  );
  g.addEventListener('input', showSize);
  return g;
}

function variableBlock(app, v, i, count, options) {
  const base = `optimization.variables[${i}]`;
  const kind = valuesKind(v);
  const bundle = bundleParameter(v?.parameter);
  const kinds = [['step', 'In steps'], ...(bundle?.field === 'price' || PRICE_POINTS.some(([id]) => id === kind) ? PRICE_POINTS : []), ['list', 'Only these values']];
  const where = count === 2 ? (i === 0 ? ' (across the chart)' : ' (up the chart)') : count === 1 ? ' (across the chart)' : '';
  const head = h(
    'div',
    { class: 'lab-optimize-head' },
    bound(app, `${base}.parameter`, {
      kind: 'select',
      label: 'Setting',
      options,
      write: (p) => app.edit(base, freshVariable(app, p), { rebuild: true, focus: `${base}.parameter` }),
    }),
    count > 1 ? button('×', () => app.removeAt(base), { label: `Remove setting ${i + 1}`, kind: 'button--small button--quiet' }) : null,
  );
  const how = bound(app, `${base}.price_points`, {
    kind: 'select',
    label: 'Values tried',
    options: kinds,
    value: kind,
    write: (k) => app.edit(base, withKind(app, v, k), { rebuild: true, focus: `${base}.price_points` }),
  });
  let fields;
  if (kind === 'list') {
    fields = [
      bound(app, `${base}.values`, {
        kind: 'text',
        label: 'Values',
        hint: 'separated by spaces',
        value: (Array.isArray(v.values) ? v.values : []).map((x) => String(x).replace('.', app.fmt.decimalSeparator)).join(' '),
        write: (text) => app.edit(`${base}.values`, parseValues(text, app.fmt.decimalSeparator)),
      }),
    ];
  } else {
    fields = [
      bound(app, `${base}.min`, { label: 'From' }),
      bound(app, `${base}.max`, { label: 'To' }),
      kind === 'step' ? bound(app, `${base}.step`, { label: 'Step' }) : null,
    ];
  }
  return h(
    'fieldset',
    { class: 'lab-cap lab-optimize-variable' },
    h('legend', { text: `Setting ${i + 1}${where}` }),
    head,
    h('div', { class: `lab-optimize-values${kind === 'step' ? '' : ' lab-optimize-values--3'}` }, how, fields),
    kind === 'apple-us' || kind === 'google-play-us' ? h('p', { class: 'field-hint', text: 'Only the store’s own price points between these two prices are tried (the engine lists them with their source).' }) : null,
  );
}

/** The figures most often aimed for, first offered when a figure is added to a weighted sum. */
const AIMS = ['platform_margin', 'creator_payouts', 'viewer_spend'];

function objectiveBlock(app, objective) {
  const weighted = objective.weights && typeof objective.weights === 'object' && !Array.isArray(objective.weights);
  const weights = weighted ? Object.entries(objective.weights) : [];
  const money = Object.entries(MONEY_METRICS);
  const write = (next) => app.edit('optimization.objective', next, { rebuild: true });
  const goal = objective.goal === 'minimize' ? 'minimize' : 'maximize';
  const withGoal = (o) => (goal === 'minimize' ? { ...o, goal } : o);
  const figure = bound(app, 'optimization.objective.metric', {
    kind: 'select',
    label: 'Figure',
    options: [...money, ['', 'A weighted sum of several figures']],
    value: weighted ? '' : objective.metric ?? '',
    write: (m) => {
      if (m) return write(withGoal({ metric: m }));
      write(withGoal({ weights: { [objective.metric || 'platform_margin']: '1' } }));
    },
  });
  alsoAt(app, figure, 'optimization.objective');
  alsoAt(app, figure, 'optimization.objective.weights');
  return h(
    'fieldset',
    { class: 'lab-variant' },
    h('legend', { text: 'What to aim for' }),
    h(
      'div',
      { class: 'lab-field-row lab-field-row--2 lab-optimize-aim-row' },
      bound(app, 'optimization.objective.goal', {
        kind: 'select',
        label: 'Aim',
        options: [['maximize', 'As high as possible'], ['minimize', 'As low as possible']],
        value: goal,
        write: (gl) => write(gl === 'minimize' ? { ...objective, goal: 'minimize' } : (({ goal: _, ...rest }) => rest)(objective)),
      }),
      figure,
    ),
    weighted
      ? h(
          'div',
          { class: 'lab-rows', role: 'group', 'aria-label': 'The weighted sum' },
          h('div', { class: 'lab-row lab-row--change lab-row--head', 'aria-hidden': 'true' }, h('span', { text: 'Figure' }), h('span', { text: 'Weight' })),
          weights.map(([m, w], j) =>
            h(
              'div',
              { class: 'lab-row lab-row--change' },
              bound(app, `optimization.objective.weights.${m}`, {
                kind: 'select',
                label: `Weighted figure ${j + 1}`,
                hideLabel: true,
                options: money,
                value: m,
                write: (next) => {
                  if (next === m || Object.hasOwn(objective.weights, next)) return app.rebuild();
                  write({ ...objective, weights: Object.fromEntries(weights.map(([k, x]) => [k === m ? next : k, x])) });
                },
              }),
              bound(app, `optimization.objective.weights.${m}`, { label: `Weight of figure ${j + 1}`, hideLabel: true, value: w }),
              weights.length > 1
                ? button('×', () => write({ ...objective, weights: Object.fromEntries(weights.filter(([k]) => k !== m)) }), { label: `Remove weighted figure ${j + 1}`, kind: 'button--small button--quiet' })
                : null,
            ),
          ),
          h('p', { class: 'field-hint', text: 'Each figure times its weight, added up: platform margin + 0.5 × creator payouts values a dollar to creators at half a dollar to the platform. A weight may be negative.' }),
          h(
            'div',
            { class: 'button-row' },
            button('Add a figure', () => {
              const next = [...AIMS, ...money.map(([m]) => m)].find((m) => !Object.hasOwn(objective.weights, m));
              if (next) write({ ...objective, weights: { ...objective.weights, [next]: '1' } });
            }),
          ),
        )
      : null,
  );
}

function constraintBlock(app, c, i) {
  const base = `optimization.constraints[${i}]`;
  const kind = constraintKind(c);
  const s = app.doc.scenario;
  const cards = [...new Map(cardsOfScenario(app).map((card) => [card.id, card])).values()];
  const onCard = () =>
    bound(app, `${base}.rate_card`, {
      kind: 'select',
      label: 'On',
      options: [['', 'Every channel'], ...cards.map((card) => [card.id, cardLabel(card)])],
      value: c?.rate_card ?? '',
      write: (id) => app.edit(`${base}.rate_card`, id || undefined),
    });
  const kindPicker = bound(app, base, {
    kind: 'select',
    label: 'Kind of limit',
    options: CONSTRAINT_KINDS,
    value: kind,
    write: (k) => {
      if (k === 'price_per_coin') return app.edit(base, { price_per_coin: 'falls' }, { rebuild: true });
      if (k === 'reachable_gifts') return app.edit(base, { reachable_gifts: ['lion'] }, { rebuild: true, focus: `${base}.reachable_gifts` });
      const { at_most: most, at_least: least, ...rest } = c?.metric !== undefined ? c : { metric: 'payer_share' };
      app.edit(base, { ...rest, [k]: most ?? least ?? '0' }, { rebuild: true, focus: `${base}.${k}` });
    },
  });
  let fields;
  if (kind === 'price_per_coin') {
    fields = [onCard()];
  } else if (kind === 'reachable_gifts') {
    const gifts = app.library.giftsOf(cards[0]).slice(0, 6).map((g) => g.id);
    fields = [
      bound(app, `${base}.reachable_gifts`, {
        kind: 'text',
        label: 'Gifts',
        hint: gifts.length ? `ids separated by spaces, e.g. ${gifts.join(' ')}` : 'ids separated by spaces',
        value: (Array.isArray(c.reachable_gifts) ? c.reachable_gifts : []).join(' '),
        write: (text) => app.edit(`${base}.reachable_gifts`, String(text).split(/[\s,;]+/).filter(Boolean)),
      }),
      onCard(),
    ];
  } else {
    const segments = (Array.isArray(s.segments) ? s.segments : []).filter((x) => typeof x?.id === 'string');
    const who = [['', 'Everyone'], ...ageGroupIds(s).map((id) => [`age:${id}`, `Age group ${id}`]), ...segments.map((x) => [`segment:${x.id}`, `Segment: ${x.id}`])];
    const whoValue = c.age_group !== undefined ? `age:${c.age_group}` : c.segment !== undefined ? `segment:${c.segment}` : '';
    const whoPicker = bound(app, `${base}.age_group`, {
      kind: 'select',
      label: 'Of',
      options: who,
      value: whoValue,
      write: (w) => {
        const { age_group: _a, segment: _s, ...rest } = c;
        const [part, id] = [w.slice(0, w.indexOf(':')), w.slice(w.indexOf(':') + 1)];
        app.edit(base, w === '' ? rest : part === 'age' ? { ...rest, age_group: id } : { ...rest, segment: id }, { rebuild: true, focus: `${base}.age_group` });
      },
    });
    alsoAt(app, whoPicker, `${base}.segment`);
    const unit = c.metric in MONEY_METRICS ? `in ${app.currency(app.doc)}` : c.metric in RATIO_METRICS && c.metric !== 'purchases_per_payer' ? 'a share: 0.075 is 7.5\u00a0%' : 'a number';
    fields = [
      bound(app, `${base}.metric`, { kind: 'select', label: 'Figure', options: CONSTRAINT_METRICS, rebuild: true, className: 'lab-optimize-wide' }),
      whoPicker,
      bound(app, `${base}.${kind}`, { label: kind === 'at_most' ? 'At most' : 'At least', hint: unit }),
    ];
  }
  return h(
    'fieldset',
    { class: 'lab-cap lab-optimize-limit' },
    h('legend', { text: `Limit ${i + 1}` }),
    h('div', { class: 'lab-optimize-head' }, kindPicker, button('×', () => app.removeAt(base), { label: `Remove limit ${i + 1}`, kind: 'button--small button--quiet' })),
    h('div', { class: 'lab-optimize-values lab-optimize-values--limit' }, fields),
  );
}
