// The population: how many viewers, their ages, and the spender segments — each with its
// budget distribution, how often it gifts, what it tops up and which gifts it sends — plus
// prices and elasticity.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { bound, button, choices, getAt, group, shareSum } from '../controls.js';
import { giftsOfScenario } from './channels.js';

/** The budgets' shapes ('' never spends). */
const DISTRIBUTIONS = ['', 'fixed', 'uniform', 'lognormal', 'pareto'];

/** The budget fields each distribution uses: [key, kind, optional, placeholder]; each one's label
 * is `lab.budget.DISTRIBUTION.KEY` in the catalogue. */
const BUDGET_FIELDS = {
  fixed: [['amount', 'money']],
  uniform: [['min', 'money'], ['max', 'money']],
  lognormal: [['median', 'money'], ['sigma', 'dec'], ['max', 'money', true, 'lab.none']],
  pareto: [['min', 'money'], ['alpha', 'dec'], ['max', 'money', true, 'lab.none']],
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
  body.insertBefore(shareSum(app, g, () => (app.doc.scenario.ages ?? []).map((a) => a?.share), 'ages'), segmentsTitle);
  body.append(shareSum(app, g, () => (app.doc.scenario.segments ?? []).map((x) => x?.share), 'segments'));
  return g;
}

function populationBody(app) {
  const s = app.doc.scenario;
  const ages = Array.isArray(s.ages) ? s.ages : null;
  const segments = Array.isArray(s.segments) ? s.segments : [];
  return group(
    'group-population',
    t('lab.population.title'),
    t('lab.population.intro'),
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, 'scenario.viewers', { kind: 'int', label: t('lab.population.viewers') }),
      bound(app, 'scenario.represents', { kind: 'int', label: t('lab.population.represents'), optional: true, placeholder: t('lab.population.represents_placeholder'), hint: t('lab.population.represents_hint', { max: 2_000_000_000 }) }),
      bound(app, 'scenario.elasticity', { label: t('lab.population.elasticity'), optional: true, placeholder: '0' }),
      bound(app, 'scenario.price_multiplier', { label: t('lab.population.multiplier'), optional: true, placeholder: '1' }),
    ),
    h('h3', { class: 'lab-subgroup', text: t('lab.ages.title') }),
    ages
      ? h(
          'div',
          { class: 'lab-rows', role: 'group', 'aria-label': t('lab.ages.title') },
          h('div', { class: 'lab-row lab-row--ages lab-row--head', 'aria-hidden': 'true' }, h('span', { text: t('lab.ages.from') }), h('span', { text: t('lab.ages.under') }), h('span', { text: t('lab.ages.share') }), h('span')),
          ages.map((g, i) =>
            h(
              'div',
              { class: 'lab-row lab-row--ages' },
              bound(app, `scenario.ages[${i}].min_age`, { kind: 'int', label: t('lab.ages.from_label', { n: i + 1 }), hideLabel: true }),
              bound(app, `scenario.ages[${i}].max_age`, { kind: 'int', label: t('lab.ages.under_label', { n: i + 1 }), hideLabel: true }),
              bound(app, `scenario.ages[${i}].share`, { kind: 'rate', label: t('lab.ages.share_label', { n: i + 1 }), hideLabel: true }),
              ages.length > 1 ? button('×', () => app.removeAt(`scenario.ages[${i}]`), { label: t('lab.ages.remove', { n: i + 1 }), kind: 'button--small button--quiet' }) : h('span'),
            ),
          ),
        )
      : h('p', { class: 'field-hint', text: t('lab.ages.default') }),
    h(
      'div',
      { class: 'button-row' },
      button(t('lab.ages.add'), () => {
        const list = ages ?? [];
        const last = list[list.length - 1];
        const from = Number(last?.max_age) || 18;
        app.edit(`scenario.ages[${list.length}]`, { min_age: from, max_age: from + 10, share: '0' }, { rebuild: true, focus: `scenario.ages[${list.length}].share` });
      }),
    ),
    h('h3', { class: 'lab-subgroup lab-segments-title', text: t('lab.segments.title') }),
    segments.map((seg, i) => segment(app, seg, i, segments.length)),
    h(
      'div',
      { class: 'button-row' },
      button(t('lab.segments.add'), () => {
        const i = segments.length;
        app.edit(`scenario.segments[${i}]`, { id: `segment-${i + 1}`, share: '0', budget: { distribution: 'lognormal', median: '10.00', sigma: '0.7' }, gifts: [] }, { rebuild: true, focus: `scenario.segments[${i}].share` });
      }),
    ),
  );
}

function segment(app, seg, i, count) {
  const base = `scenario.segments[${i}]`;
  const name = typeof seg?.id === 'string' && seg.id ? seg.id : t('lab.segments.unnamed', { n: i + 1 });
  const budget = seg?.budget;
  const distribution = typeof budget?.distribution === 'string' ? budget.distribution : '';
  const spends = budget != null;
  const gifts = Array.isArray(seg?.gifts) ? seg.gifts : [];
  const catalogue = giftsOfScenario(app);
  const giftOptions = [...catalogue.map((g) => [g.id, `${g.name} (${app.fmt.count(g.coins)})`]), ['#coins', t('lab.gifts.coins_option')]];

  // "Never spends" removes the budget; another shape keeps the figures both shapes use.
  const picker = bound(app, `${base}.budget.distribution`, {
    kind: 'select',
    label: t('lab.budget.label'),
    options: DISTRIBUTIONS.map((d) => [d, t(`lab.budget.shape.${d || 'none'}`)]),
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
    h('legend', { text: t('lab.segments.legend', { name }) }),
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, `${base}.id`, { kind: 'text', label: t('lab.name'), rebuild: true }),
      bound(app, `${base}.share`, { kind: 'rate', label: t('lab.segments.share') }),
      picker,
    ),
    spends
      ? h(
          'div',
          { class: 'lab-field-row' },
          (BUDGET_FIELDS[distribution] ?? []).map(([key, kind, optional, placeholder]) => bound(app, `${base}.budget.${key}`, { kind, label: t(`lab.budget.${distribution}.${key}`), optional, placeholder: placeholder && t(placeholder) })),
        )
      : null,
    spends
      ? h(
          'div',
          { class: 'lab-field-row' },
          bound(app, `${base}.active_days_per_week`, { label: t('lab.segments.active_days'), optional: true, placeholder: '2' }),
          bound(app, `${base}.gifts_per_active_day`, { label: t('lab.segments.gifts_per_day'), optional: true, placeholder: '3' }),
          bound(app, `${base}.top_up`, { kind: 'money', label: t('lab.segments.top_up'), optional: true, placeholder: t('lab.segments.top_up_placeholder'), hint: t('lab.segments.top_up_hint') }),
        )
      : null,
    spends
      ? h(
          'div',
          { class: 'lab-field-row' },
          bound(app, `${base}.value_per_coin.median`, {
            kind: 'money',
            label: t('lab.segments.value_per_coin'),
            optional: true,
            placeholder: t('lab.segments.value_per_coin_placeholder'),
            hint: t('lab.segments.value_per_coin_hint', { example: app.fmt.decimal('0.02') }),
            write: (v) => app.edit(`${base}.value_per_coin`, v === undefined ? undefined : { ...(seg.value_per_coin ?? {}), median: v }),
          }),
          bound(app, `${base}.switching_cost.median`, {
            kind: 'money',
            label: t('lab.segments.switching'),
            optional: true,
            placeholder: t('lab.segments.switching_placeholder'),
            hint: t('lab.segments.switching_hint'),
            write: (v) => app.edit(`${base}.switching_cost`, v === undefined ? undefined : { ...(seg.switching_cost ?? {}), median: v }),
          }),
          bound(app, `${base}.monthly_retention[0]`, { kind: 'rate', label: t('lab.segments.retention'), optional: true, placeholder: t('lab.segments.retention_placeholder'), hint: t('lab.segments.retention_hint', { example: app.fmt.decimal('0.8') }) }),
        )
      : null,
    spends
      ? h(
          'div',
          { class: 'lab-gift-mix' },
          h('p', { class: 'lab-gift-mix-title', id: `gifts-of-${i}`, text: t('lab.gifts.title', { name }) }),
          h(
            'div',
            { class: 'lab-rows', role: 'group', 'aria-labelledby': `gifts-of-${i}` },
            gifts.map((g, j) => giftRow(app, `${base}.gifts[${j}]`, g, name, j, giftOptions)),
          ),
          button(t('lab.gifts.add'), () => {
            const first = catalogue[0];
            app.edit(`${base}.gifts[${gifts.length}]`, first ? { gift: first.id, weight: 1 } : { coins: 100, weight: 1 }, { rebuild: true, focus: `${base}.gifts[${gifts.length}].weight` });
          }, { label: t('lab.gifts.add_label', { name }) }),
        )
      : null,
    count > 1 ? h('div', { class: 'button-row' }, button(t('lab.segments.remove'), () => app.removeAt(base), { label: t('lab.segments.remove_label', { name }), kind: 'button--small button--quiet' })) : null,
  );
}

function giftRow(app, path, g, name, j, giftOptions) {
  const isCoins = g?.gift == null;
  const select = bound(app, `${path}.gift`, {
    kind: 'select',
    label: t('lab.gifts.gift_label', { name, n: j + 1 }),
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
    isCoins ? bound(app, `${path}.coins`, { kind: 'int', label: t('lab.gifts.coins_label', { name, n: j + 1 }), hideLabel: true, placeholder: t('lab.gifts.coins_placeholder') }) : h('span', { class: 'lab-row-spacer' }),
    bound(app, `${path}.weight`, { kind: 'int', label: t('lab.gifts.weight_label', { name, n: j + 1 }), hideLabel: true, placeholder: t('lab.gifts.weight_placeholder') }),
    button('×', () => app.removeAt(path), { label: t('lab.gifts.remove', { name, n: j + 1 }), kind: 'button--small button--quiet' }),
  );
}
