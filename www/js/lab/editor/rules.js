// The spending rules every viewer meets: any preset rule set, with its minimum ages, brackets
// and caps editable (an edited set is sent whole), the guardian approval rate, and the exchange
// rate when the rules count another currency than the cards.
import { h } from '../../dom.js';
import { bound, button, group } from '../controls.js';
import { isObject } from '../document.js';
import { cardsOfScenario } from './channels.js';

const ACTIONS = [['buy', 'Buying coins'], ['gift', 'Sending gifts']];
const WINDOWS = [
  ['transaction', 'Each purchase'],
  ['calendar_day', 'Calendar day'],
  ['calendar_week', 'Calendar week'],
  ['calendar_month', 'Calendar month'],
  ['rolling_24h', 'Rolling 24 hours'],
  ['rolling_7d', 'Rolling 7 days'],
  ['rolling_30d', 'Rolling 30 days'],
];
const ENFORCEMENT = [['hard', 'Block'], ['soft', 'Warn only']];

export function rulesGroup(app) {
  const s = app.doc.scenario;
  const ref = s.rule_set ?? 'none';
  const rules = app.library.ruleSet(ref);
  const preset = rules ? app.library.ruleSetById.get(rules.id) : null;
  const edited = isObject(ref);
  const options = app.library.ruleSets.map((r) => [r.id, `${r.name} — ${r.id}`]);
  if (edited && !preset) options.unshift([rules?.id ?? '', `Your own rules: ${rules?.name ?? rules?.id ?? 'unnamed'}`]);
  const path = 'scenario.rule_set';
  const brackets = Array.isArray(rules?.brackets) ? rules.brackets : [];
  const cardCurrency = cardsOfScenario(app)[0]?.currency;
  const needsRate = rules && cardCurrency && rules.currency && rules.currency !== cardCurrency;

  return group(
    'group-rules',
    'Spending rules',
    'Every top-up and gift is checked against these rules, per viewer and per day. A blocked top-up is money the viewer gives up that day.',
    h(
      'div',
      { class: 'lab-field-row lab-field-row--wide' },
      bound(app, path, { kind: 'select', label: 'Rule set', options, value: rules?.id ?? (typeof ref === 'string' ? ref : ''), rebuild: true }),
    ),
    h(
      'div',
      { class: 'button-row' },
      edited && preset ? h('span', { class: 'badge badge--edited', text: 'edited' }) : null,
      edited && preset ? button('Back to the preset', () => app.edit(path, preset.id, { rebuild: true }), { label: `Back to the preset rule set ${preset.id}` }) : null,
    ),
    rules?.notes ? h('p', { class: 'field-hint', text: rules.notes }) : null,
    rules
      ? h(
          'div',
          { class: 'lab-field-row' },
          ['buy', 'gift', 'receive'].map((action) =>
            bound(app, `${path}.min_age.${action}`, {
              kind: 'int',
              label: { buy: 'Minimum age to buy', gift: 'Minimum age to gift', receive: 'Minimum age to receive' }[action],
              optional: true,
              placeholder: 'none',
            }),
          ),
        )
      : null,
    brackets.map((b, i) => bracket(app, `${path}.brackets[${i}]`, b, i, rules.currency)),
    rules
      ? h(
          'div',
          { class: 'button-row' },
          button('Add an age bracket', () => {
            const last = brackets[brackets.length - 1];
            const from = Number(last?.max_age) || 13;
            app.edit(`${path}.brackets[${brackets.length}]`, { id: `bracket-${brackets.length + 1}`, min_age: from, max_age: from + 5, caps: [] }, { rebuild: true, focus: `${path}.brackets[${brackets.length}].id` });
          }),
        )
      : null,
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, 'scenario.guardian_approval_rate', { label: 'Guardian approves a purchase', optional: true, placeholder: '0.5', hint: 'chance, where a bracket needs approval' }),
      bound(app, 'scenario.region', { kind: 'text', label: 'Viewers’ region', optional: true, placeholder: 'none', hint: 'e.g. KR, for regional ages' }),
      needsRate
        ? bound(app, `scenario.exchange_rates.${cardCurrency}/${rules.currency}`, { label: `1 ${cardCurrency} in ${rules.currency}`, hint: `the rules count ${rules.currency}, the cards ${cardCurrency}: your assumption` })
        : null,
    ),
  );
}

function bracket(app, path, b, i, currency) {
  const caps = Array.isArray(b?.caps) ? b.caps : [];
  const name = typeof b?.id === 'string' && b.id ? b.id : `bracket ${i + 1}`;
  const ages = b?.max_age == null ? `${b?.min_age ?? 0} and over` : `${b?.min_age ?? 0} to ${Number(b.max_age) - 1}`;
  return h(
    'fieldset',
    { class: 'lab-bracket' },
    h('legend', { text: `Ages ${ages} (${name})` }),
    h(
      'div',
      { class: 'lab-field-row lab-field-row--3' },
      bound(app, `${path}.id`, { kind: 'text', label: 'Bracket id', rebuild: true }),
      bound(app, `${path}.min_age`, { kind: 'int', label: 'From age', optional: true, placeholder: '0', rebuild: true }),
      bound(app, `${path}.max_age`, { kind: 'int', label: 'Under age', optional: true, placeholder: 'no limit', rebuild: true }),
    ),
    bound(app, `${path}.guardian_approval`, { kind: 'check', label: 'Every purchase needs a guardian’s approval' }),
    caps.length ? caps.map((c, j) => cap(app, `${path}.caps[${j}]`, c, j, name, currency)) : h('p', { class: 'field-hint', text: 'No caps in this bracket.' }),
    h(
      'div',
      { class: 'button-row' },
      button('Add a cap', () => app.edit(`${path}.caps[${caps.length}]`, { id: `cap-${caps.length + 1}`, action: 'buy', window: 'calendar_month', limit: '50.00' }, { rebuild: true, focus: `${path}.caps[${caps.length}].limit` }), { label: `Add a cap to ${name}` }),
      button('Remove this bracket', () => app.removeAt(path), { label: `Remove this bracket (${name})`, kind: 'button--small button--quiet' }),
    ),
  );
}

function cap(app, at, c, j, bracketName, currency) {
  const id = typeof c?.id === 'string' && c.id ? c.id : `cap ${j + 1}`;
  return h(
    'fieldset',
    { class: 'lab-cap' },
    h('legend', { text: `Cap “${id}” of ${bracketName}` }),
    h(
      'div',
      { class: 'lab-field-row lab-field-row--3' },
      bound(app, `${at}.limit`, { label: `Limit (${currency})` }),
      bound(app, `${at}.window`, { kind: 'select', label: 'Per', options: WINDOWS }),
      bound(app, `${at}.action`, { kind: 'select', label: 'On', options: ACTIONS }),
      bound(app, `${at}.enforcement`, { kind: 'select', label: 'When reached', options: ENFORCEMENT, value: c?.enforcement ?? 'hard' }),
      bound(app, `${at}.id`, { kind: 'text', label: 'Cap id', rebuild: true }),
      h('div', { class: 'field lab-field--button' }, button('Remove', () => app.removeAt(at), { label: `Remove cap ${id} of ${bracketName}`, kind: 'button--small button--quiet' })),
    ),
  );
}
