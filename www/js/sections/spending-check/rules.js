// The chosen rule set in words: its date, minimum ages, caps by age bracket (the person's
// marked), notes and sources.
import { facts, h, replace, sourceList } from '../../dom.js';
import { capText } from './verdicts.js';

/** Draws rule set `rs` for a person of `age` (null when not a whole number) into `el`. */
export function renderRuleSet(el, app, rs, age) {
  const fmt = app.format(rs.currency);
  const estimate = (rs.sources ?? []).some((s) => s.estimate);
  const ages = rs.min_age ?? {};
  const ageText = (n) => (n == null ? 'any age' : `from ${n}`);
  const regional = (rs.regions ?? []).map((r) => `${r.region}: ${['buy', 'gift', 'receive'].filter((k) => r.min_age?.[k] != null).map((k) => `${k} ${r.min_age[k]}`).join(', ')}`);
  const brackets = (rs.brackets ?? []).map((b) => {
    const mine = age != null && age >= (b.min_age ?? 0) && (b.max_age == null || age < b.max_age);
    const span = b.max_age == null ? `${b.min_age ?? 0} and over` : `${b.min_age ?? 0} to ${b.max_age - 1}`;
    const rules = [
      ...(b.caps ?? []).map((c) => capText(c, fmt)),
      b.cooldown_minutes ? `${b.cooldown_minutes} ${b.cooldown_minutes === 1 ? 'minute' : 'minutes'} between purchases` : null,
      b.guardian_approval ? 'every purchase needs a guardian’s approval' : null,
    ].filter(Boolean);
    return h(
      'li',
      { class: mine ? 'is-mine' : null },
      h('strong', { text: `Ages ${span}` }),
      mine ? h('span', { class: 'badge badge--mine', text: 'this person' }) : null,
      `: ${rules.length ? rules.join('; ') : 'no caps'}.`,
    );
  });
  replace(
    el,
    h(
      'div',
      { class: 'rule-set-card' },
      h('p', { class: 'card-name' }, rs.name, estimate ? [' ', h('span', { class: 'badge badge--estimate', text: 'includes estimates' })] : null),
      h('p', { class: 'muted', dataset: { testid: 'rule-set-date' }, text: `Rules as of ${rs.as_of ?? 'an unstated date'}, version ${rs.version ?? 1}; caps in ${rs.currency}${rs.time_zone ? `, days counted in ${rs.time_zone}` : ''}.` }),
      facts([
        ['Minimum age to buy', ageText(ages.buy)],
        ['To send gifts', ageText(ages.gift)],
        ['To receive gifts', ageText(ages.receive)],
        regional.length ? ['Regional exceptions', regional.join('; ')] : null,
      ], 'facts facts--compact'),
      brackets.length ? h('ul', { class: 'rule-brackets' }, brackets) : h('p', { class: 'muted', text: 'No spending caps.' }),
      rs.notes ? h('p', { class: 'rule-notes', text: rs.notes }) : null,
      sourceList(rs.sources ?? [], 'No source is recorded for these rules.'),
    ),
  );
}

