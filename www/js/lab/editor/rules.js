// The spending rules every viewer meets: any preset rule set, with its minimum ages, brackets
// and caps editable (an edited set is sent whole), the guardian approval rate, and the exchange
// rate when the rules count another currency than the cards.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { bound, button, choices, group } from '../controls.js';
import { isObject } from '../document.js';
import { cardsOfScenario } from './channels.js';

const ACTIONS = ['buy', 'gift'];
const WINDOWS = ['transaction', 'calendar_day', 'calendar_week', 'calendar_month', 'rolling_24h', 'rolling_7d', 'rolling_30d'];
const ENFORCEMENT = ['hard', 'soft'];

export function rulesGroup(app) {
  const s = app.doc.scenario;
  const ref = s.rule_set ?? 'none';
  const rules = app.library.ruleSet(ref);
  const preset = rules ? app.library.ruleSetById.get(rules.id) : null;
  const edited = isObject(ref);
  const options = app.library.ruleSets.map((r) => [r.id, `${r.name} — ${r.id}`]);
  if (edited && !preset) options.unshift([rules?.id ?? '', t('lab.rules.own', { name: rules?.name ?? rules?.id ?? t('lab.card.unnamed') })]);
  const path = 'scenario.rule_set';
  const brackets = Array.isArray(rules?.brackets) ? rules.brackets : [];
  const cardCurrency = cardsOfScenario(app)[0]?.currency;
  const needsRate = rules && cardCurrency && rules.currency && rules.currency !== cardCurrency;

  return group(
    'group-rules',
    t('lab.rules.title'),
    t('lab.rules.intro'),
    h(
      'div',
      { class: 'lab-field-row lab-field-row--wide' },
      bound(app, path, { kind: 'select', label: t('lab.rules.rule_set'), options, value: rules?.id ?? (typeof ref === 'string' ? ref : ''), rebuild: true }),
    ),
    h(
      'div',
      { class: 'button-row' },
      edited && preset ? h('span', { class: 'badge badge--edited', text: t('lab.edited') }) : null,
      edited && preset ? button(t('lab.back_to_preset'), () => app.edit(path, preset.id, { rebuild: true }), { label: t('lab.rules.back_label', { id: preset.id }) }) : null,
    ),
    rules?.notes ? h('p', { class: 'field-hint', lang: 'en', text: rules.notes }) : null,
    rules
      ? h(
          'div',
          { class: 'lab-field-row' },
          ['buy', 'gift', 'receive'].map((action) =>
            bound(app, `${path}.min_age.${action}`, {
              kind: 'int',
              label: t(`lab.rules.min_age.${action}`),
              optional: true,
              placeholder: t('lab.none'),
            }),
          ),
        )
      : null,
    brackets.map((b, i) => bracket(app, `${path}.brackets[${i}]`, b, i, rules.currency)),
    rules
      ? h(
          'div',
          { class: 'button-row' },
          button(t('lab.rules.add_bracket'), () => {
            const last = brackets[brackets.length - 1];
            const from = Number(last?.max_age) || 13;
            app.edit(`${path}.brackets[${brackets.length}]`, { id: `bracket-${brackets.length + 1}`, min_age: from, max_age: from + 5, caps: [] }, { rebuild: true, focus: `${path}.brackets[${brackets.length}].id` });
          }),
        )
      : null,
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, 'scenario.guardian_approval_rate', { kind: 'rate', label: t('lab.rules.guardian_rate'), optional: true, placeholder: app.fmt.decimal('0.5'), hint: t('lab.rules.guardian_rate_hint') }),
      bound(app, 'scenario.region', { kind: 'text', label: t('lab.rules.region'), optional: true, placeholder: t('lab.none'), hint: t('lab.rules.region_hint') }),
      needsRate
        ? bound(app, `scenario.exchange_rates.${cardCurrency}/${rules.currency}`, { label: t('lab.rules.rate', { from: cardCurrency, to: rules.currency }), hint: t('lab.rules.rate_hint', { from: cardCurrency, to: rules.currency }) })
        : null,
    ),
  );
}

function bracket(app, path, b, i, currency) {
  const caps = Array.isArray(b?.caps) ? b.caps : [];
  const name = typeof b?.id === 'string' && b.id ? b.id : t('lab.rules.bracket_unnamed', { n: i + 1 });
  const from = Number(b?.min_age ?? 0);
  const ages = b?.max_age == null ? t('lab.rules.ages_over', { from }) : t('lab.rules.ages_range', { from, to: Number(b.max_age) - 1 });
  return h(
    'fieldset',
    { class: 'lab-bracket' },
    h('legend', { text: t('lab.rules.bracket_legend', { ages, name }) }),
    h(
      'div',
      { class: 'lab-field-row lab-field-row--3' },
      bound(app, `${path}.id`, { kind: 'text', label: t('lab.rules.bracket_id'), rebuild: true }),
      bound(app, `${path}.min_age`, { kind: 'int', label: t('lab.ages.from'), optional: true, placeholder: '0', rebuild: true }),
      bound(app, `${path}.max_age`, { kind: 'int', label: t('lab.ages.under'), optional: true, placeholder: t('lab.rules.no_limit'), rebuild: true }),
    ),
    bound(app, `${path}.guardian_approval`, { kind: 'check', label: t('lab.rules.guardian') }),
    caps.length ? caps.map((c, j) => cap(app, `${path}.caps[${j}]`, c, j, name, currency)) : h('p', { class: 'field-hint', text: t('lab.rules.no_caps') }),
    h(
      'div',
      { class: 'button-row' },
      button(t('lab.rules.add_cap'), () => app.edit(`${path}.caps[${caps.length}]`, { id: `cap-${caps.length + 1}`, action: 'buy', window: 'calendar_month', limit: '50.00' }, { rebuild: true, focus: `${path}.caps[${caps.length}].limit` }), { label: t('lab.rules.add_cap_label', { name }) }),
      button(t('lab.rules.remove_bracket'), () => app.removeAt(path), { label: t('lab.rules.remove_bracket_label', { name }), kind: 'button--small button--quiet' }),
    ),
  );
}

function cap(app, at, c, j, bracketName, currency) {
  const id = typeof c?.id === 'string' && c.id ? c.id : t('lab.rules.cap_unnamed', { n: j + 1 });
  return h(
    'fieldset',
    { class: 'lab-cap' },
    h('legend', { text: t('lab.rules.cap_legend', { id, bracket: bracketName }) }),
    h(
      'div',
      { class: 'lab-field-row lab-field-row--3' },
      bound(app, `${at}.limit`, { kind: 'money', label: t('lab.rules.limit', { currency }) }),
      bound(app, `${at}.window`, { kind: 'select', label: t('lab.rules.per'), options: choices('lab.rules.window', WINDOWS) }),
      bound(app, `${at}.action`, { kind: 'select', label: t('lab.rules.on'), options: choices('lab.rules.action', ACTIONS) }),
      bound(app, `${at}.enforcement`, { kind: 'select', label: t('lab.rules.when_reached'), options: choices('lab.rules.enforcement', ENFORCEMENT), value: c?.enforcement ?? 'hard' }),
      bound(app, `${at}.id`, { kind: 'text', label: t('lab.rules.cap_id'), rebuild: true }),
      h('div', { class: 'field lab-field--button' }, button(t('lab.remove'), () => app.removeAt(at), { label: t('lab.rules.remove_cap', { id, bracket: bracketName }), kind: 'button--small button--quiet' })),
    ),
  );
}
