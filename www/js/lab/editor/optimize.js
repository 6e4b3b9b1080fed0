// What an optimization searches (decision variables: a parameter and the values it may take —
// a range and a step, a store's price points, or a list), what it aims for (one money figure,
// or a weighted sum of them, as high or as low as possible) and the limits every answer must
// keep (a figure at most or at least a value, for everyone, an age group or a segment; prices
// per coin that fall as packs grow; gifts bought without coins left over).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { bound, button, choices, group } from '../controls.js';
import { COUNT_METRICS, MONEY_METRICS, RATIO_METRICS, bundleParameter, isShare, metricOptions } from '../metrics.js';
import { cardLabel, cardsOfScenario } from './channels.js';
import { parameters, parseValues } from './experiment.js';

/** Most decision variables the engine takes. */
const MAX_VARIABLES = 6;
/** Most constraints the lab offers to add (the engine takes more). */
const MAX_CONSTRAINTS = 12;

/** The stores' price points the engine knows, for a bundle's price (`lab.optimize.values.ID`). */
const PRICE_POINTS = ['apple-us', 'google-play-us'];

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
      const plain = t('lab.parameter.bundle_price', { coins: app.fmt.count(Number(b.coins)), card: cardLabel(card) });
      list.push([`bundle:${card.id}/${b.coins}/price`, t('lab.parameter.now', { label: plain, now: app.fmt.money(String(b.price)) }), plain]);
    }
    for (const b of card.bundles) {
      if (b == null || typeof b !== 'object') continue;
      const plain = t('lab.parameter.bundle_coins', { price: app.fmt.money(String(b.price)), card: cardLabel(card) });
      list.push([`bundle:${card.id}/${b.coins}/coins`, t('lab.parameter.now', { label: plain, now: app.fmt.count(Number(b.coins)) }), plain]);
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
const CONSTRAINT_METRICS = [...MONEY_METRICS, ...RATIO_METRICS, ...COUNT_METRICS];

/** The kinds of limit (`lab.optimize.limit_kind.KIND`). */
const CONSTRAINT_KINDS = ['at_least', 'at_most', 'price_per_coin', 'reachable_gifts'];

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
    const each = t('lab.optimize.each', { viewers: app.fmt.count(Number(s.viewers) || 0), runs: app.fmt.count(Number(s.runs) || 1) });
    const many = known ? t('lab.optimize.combinations', { count: combinations, n: app.fmt.count(combinations) }) : t('lab.optimize.many');
    const most = Number.isFinite(cap) ? app.fmt.count(cap) : t('lab.optimize.the_limit');
    if (!variables.length) size.textContent = t('lab.optimize.size_none');
    else if (known && combinations <= cap) size.textContent = t('lab.optimize.size_all', { many, each });
    else size.textContent = t('lab.optimize.size_search', { many, most, each });
  };
  showSize();

  const g = group(
    'group-optimize',
    t('lab.optimize.title'),
    t('lab.optimize.intro'),
    h(
      'fieldset',
      { class: 'lab-variant' },
      h('legend', { text: t('lab.optimize.variables') }),
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
              ? button(t('lab.optimize.add_variable'), () => {
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
      h('legend', { text: t('lab.optimize.limits') }),
      constraints.length ? null : h('p', { class: 'field-hint', text: t('lab.optimize.no_limits') }),
      constraints.map((c, i) => constraintBlock(app, c, i)),
      h(
        'div',
        { class: 'button-row' },
        constraints.length < MAX_CONSTRAINTS
          ? button(t('lab.optimize.add_limit'), () => {
              const at = `optimization.constraints[${constraints.length}]`;
              app.edit(at, { metric: 'payer_share', at_least: '0.05' }, { rebuild: true, focus: `${at}.at_least` });
            })
          : null,
      ),
    ),
    bound(app, 'optimization.max_evaluations', { kind: 'int', label: t('lab.max_evaluations'), optional: true, placeholder: '80' }),
    size,
  );
  g.addEventListener('input', showSize);
  return g;
}

function variableBlock(app, v, i, count, options) {
  const base = `optimization.variables[${i}]`;
  const kind = valuesKind(v);
  const bundle = bundleParameter(v?.parameter);
  const kinds = ['step', ...(bundle?.field === 'price' || PRICE_POINTS.includes(kind) ? PRICE_POINTS : []), 'list'];
  const where = count === 2 ? (i === 0 ? 'lab.optimize.setting_across' : 'lab.optimize.setting_up') : count === 1 ? 'lab.optimize.setting_across' : 'lab.optimize.setting';
  const head = h(
    'div',
    { class: 'lab-optimize-head' },
    bound(app, `${base}.parameter`, {
      kind: 'select',
      label: t('lab.optimize.setting_label'),
      options,
      write: (p) => app.edit(base, freshVariable(app, p), { rebuild: true, focus: `${base}.parameter` }),
    }),
    count > 1 ? button('×', () => app.removeAt(base), { label: t('lab.optimize.remove_setting', { n: i + 1 }), kind: 'button--small button--quiet' }) : null,
  );
  const how = bound(app, `${base}.price_points`, {
    kind: 'select',
    label: t('lab.optimize.values_tried'),
    options: choices('lab.optimize.values', kinds),
    value: kind,
    write: (k) => app.edit(base, withKind(app, v, k), { rebuild: true, focus: `${base}.price_points` }),
  });
  let fields;
  if (kind === 'list') {
    fields = [
      bound(app, `${base}.values`, {
        kind: 'text',
        label: t('lab.optimize.values_label'),
        hint: t('lab.separated_by_spaces'),
        value: (Array.isArray(v.values) ? v.values : []).map((x) => String(x).replace('.', app.fmt.decimalSeparator)).join(' '),
        write: (text) => app.edit(`${base}.values`, parseValues(text, app.fmt.decimalSeparator)),
      }),
    ];
  } else {
    fields = [
      bound(app, `${base}.min`, { label: t('lab.from') }),
      bound(app, `${base}.max`, { label: t('lab.to') }),
      kind === 'step' ? bound(app, `${base}.step`, { label: t('lab.optimize.step') }) : null,
    ];
  }
  return h(
    'fieldset',
    { class: 'lab-cap lab-optimize-variable' },
    h('legend', { text: t(where, { n: i + 1 }) }),
    head,
    h('div', { class: `lab-optimize-values${kind === 'step' ? '' : ' lab-optimize-values--3'}` }, how, fields),
    PRICE_POINTS.includes(kind) ? h('p', { class: 'field-hint', text: t('lab.optimize.price_points_hint') }) : null,
  );
}

/** The figures most often aimed for, first offered when a figure is added to a weighted sum. */
const AIMS = ['platform_margin', 'creator_payouts', 'viewer_spend'];

function objectiveBlock(app, objective) {
  const weighted = objective.weights && typeof objective.weights === 'object' && !Array.isArray(objective.weights);
  const weights = weighted ? Object.entries(objective.weights) : [];
  const money = metricOptions(MONEY_METRICS);
  const write = (next) => app.edit('optimization.objective', next, { rebuild: true });
  const goal = objective.goal === 'minimize' ? 'minimize' : 'maximize';
  const withGoal = (o) => (goal === 'minimize' ? { ...o, goal } : o);
  const figure = bound(app, 'optimization.objective.metric', {
    kind: 'select',
    label: t('lab.figure'),
    options: [...money, ['', t('lab.optimize.weighted')]],
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
    h('legend', { text: t('lab.optimize.aim_legend') }),
    h(
      'div',
      { class: 'lab-field-row lab-field-row--2 lab-optimize-aim-row' },
      bound(app, 'optimization.objective.goal', {
        kind: 'select',
        label: t('lab.optimize.aim'),
        options: choices('lab.optimize.goal', ['maximize', 'minimize']),
        value: goal,
        write: (gl) => write(gl === 'minimize' ? { ...objective, goal: 'minimize' } : (({ goal: _, ...rest }) => rest)(objective)),
      }),
      figure,
    ),
    weighted
      ? h(
          'div',
          { class: 'lab-rows', role: 'group', 'aria-label': t('lab.optimize.weighted_sum') },
          h('div', { class: 'lab-row lab-row--change lab-row--head', 'aria-hidden': 'true' }, h('span', { text: t('lab.figure') }), h('span', { text: t('lab.optimize.weight') })),
          weights.map(([m, w], j) =>
            h(
              'div',
              { class: 'lab-row lab-row--change' },
              bound(app, `optimization.objective.weights.${m}`, {
                kind: 'select',
                label: t('lab.optimize.weighted_figure', { n: j + 1 }),
                hideLabel: true,
                options: money,
                value: m,
                write: (next) => {
                  if (next === m || Object.hasOwn(objective.weights, next)) return app.rebuild();
                  write({ ...objective, weights: Object.fromEntries(weights.map(([k, x]) => [k === m ? next : k, x])) });
                },
              }),
              bound(app, `optimization.objective.weights.${m}`, { label: t('lab.optimize.weight_of', { n: j + 1 }), hideLabel: true, value: w }),
              weights.length > 1
                ? button('×', () => write({ ...objective, weights: Object.fromEntries(weights.filter(([k]) => k !== m)) }), { label: t('lab.optimize.remove_weighted', { n: j + 1 }), kind: 'button--small button--quiet' })
                : null,
            ),
          ),
          h('p', { class: 'field-hint', text: t('lab.optimize.weighted_hint', { half: app.fmt.decimal('0.5') }) }),
          h(
            'div',
            { class: 'button-row' },
            button(t('lab.optimize.add_figure'), () => {
              const next = [...AIMS, ...MONEY_METRICS].find((m) => !Object.hasOwn(objective.weights, m));
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
      label: t('lab.rules.on'),
      options: [['', t('lab.optimize.every_channel')], ...cards.map((card) => [card.id, cardLabel(card)])],
      value: c?.rate_card ?? '',
      write: (id) => app.edit(`${base}.rate_card`, id || undefined),
    });
  const kindPicker = bound(app, base, {
    kind: 'select',
    label: t('lab.optimize.limit_kind_label'),
    options: choices('lab.optimize.limit_kind', CONSTRAINT_KINDS),
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
        label: t('lab.optimize.gifts'),
        hint: gifts.length ? t('lab.optimize.gifts_hint_example', { example: gifts.join(' ') }) : t('lab.optimize.gifts_hint'),
        value: (Array.isArray(c.reachable_gifts) ? c.reachable_gifts : []).join(' '),
        write: (text) => app.edit(`${base}.reachable_gifts`, String(text).split(/[\s,;]+/).filter(Boolean)),
      }),
      onCard(),
    ];
  } else {
    const segments = (Array.isArray(s.segments) ? s.segments : []).filter((x) => typeof x?.id === 'string');
    const who = [['', t('lab.optimize.everyone')], ...ageGroupIds(s).map((id) => [`age:${id}`, t('lab.optimize.age_group', { id })]), ...segments.map((x) => [`segment:${x.id}`, t('lab.segments.legend', { name: x.id })])];
    const whoValue = c.age_group !== undefined ? `age:${c.age_group}` : c.segment !== undefined ? `segment:${c.segment}` : '';
    const whoPicker = bound(app, `${base}.age_group`, {
      kind: 'select',
      label: t('lab.optimize.of'),
      options: who,
      value: whoValue,
      write: (w) => {
        const { age_group: _a, segment: _s, ...rest } = c;
        const [part, id] = [w.slice(0, w.indexOf(':')), w.slice(w.indexOf(':') + 1)];
        app.edit(base, w === '' ? rest : part === 'age' ? { ...rest, age_group: id } : { ...rest, segment: id }, { rebuild: true, focus: `${base}.age_group` });
      },
    });
    alsoAt(app, whoPicker, `${base}.segment`);
    const money = MONEY_METRICS.includes(c.metric);
    const unit = money ? t('lab.optimize.unit_money', { currency: app.currency(app.doc) }) : isShare(c.metric) ? t('lab.optimize.unit_share', { share: app.fmt.decimal('0.075'), percent: app.fmt.rate('0.075') }) : t('lab.optimize.unit_number');
    fields = [
      bound(app, `${base}.metric`, { kind: 'select', label: t('lab.figure'), options: metricOptions(CONSTRAINT_METRICS), rebuild: true, className: 'lab-optimize-wide' }),
      whoPicker,
      bound(app, `${base}.${kind}`, { kind: money ? 'money' : isShare(c.metric) ? 'rate' : 'dec', label: t(kind === 'at_most' ? 'lab.optimize.at_most' : 'lab.optimize.at_least'), hint: unit }),
    ];
  }
  return h(
    'fieldset',
    { class: 'lab-cap lab-optimize-limit' },
    h('legend', { text: t('lab.optimize.limit', { n: i + 1 }) }),
    h('div', { class: 'lab-optimize-head' }, kindPicker, button('×', () => app.removeAt(base), { label: t('lab.optimize.remove_limit', { n: i + 1 }), kind: 'button--small button--quiet' })),
    h('div', { class: 'lab-optimize-values lab-optimize-values--limit' }, fields),
  );
}
