// The chosen rules in words: a rule set's date, where it holds, its minimum ages and its limits
// by age (the person's marked), notes and sources; or the rules where the person lives, each
// with its status today. And, beside the choice, what a parent must know about it: rules of
// another country than the person's, or the rules that hold where they live besides their own.
import { facts, h, replace, sourceList } from '../../dom.js';
import { OWN_LIMITS } from '../../state.js';
import { RegionName, STATUS_WORDS, appliesOn, countryOf, isAuto, regionName, rulesWhereTheyLive, statusOn } from './region.js';
import { agesText, capText } from './verdicts.js';

/** "from 8", "any age", "no one (turned off)". */
function ageText(n) {
  if (n == null || n === 0) return 'any age';
  return n >= 130 ? 'no one' : `from ${n}`;
}

/** The limits of rule set `rs` for each age, the person's (`age`) marked. */
function limitsByAge(rs, age, fmt) {
  return (rs.brackets ?? []).map((b) => {
    const mine = age != null && age >= (b.min_age ?? 0) && (b.max_age == null || age < b.max_age);
    const span = b.max_age == null ? (b.min_age ? `Ages ${b.min_age} and over` : 'Every age') : `Ages ${b.min_age ?? 0} to ${b.max_age - 1}`;
    const rules = [
      ...(b.caps ?? []).map((c) => capText(c, fmt)),
      b.cooldown_minutes ? `${b.cooldown_minutes} ${b.cooldown_minutes === 1 ? 'minute' : 'minutes'} between purchases` : null,
      b.guardian_approval ? 'every purchase needs a guardian’s approval' : null,
    ].filter(Boolean);
    return h(
      'li',
      { class: mine ? 'is-mine' : null },
      h('strong', { text: span }),
      mine ? h('span', { class: 'badge badge--mine', text: 'this person' }) : null,
      `: ${rules.length ? rules.join('; ') : 'no limits'}.`,
    );
  });
}

/** Where and how a rule set holds, in words: "Holds in China: in force since 2019-11". */
function placeText(rs, app, day) {
  const step = statusOn(rs, day);
  const status = step ? STATUS_WORDS[step.status] ?? step.status : null;
  const where = rs.jurisdiction ? `Holds in ${regionName(rs.jurisdiction, app.state.locale)}` : rs.opt_in ? 'A setting a family chooses' : 'Holds everywhere the app is used';
  return status ? `${where}: ${status} (since ${step.from}).` : `${where}.`;
}

/** Draws rule set `rs` for a person of `age` (null when not a whole number) into `el`. */
export function renderRuleSet(el, app, rs, age, day) {
  const fmt = app.format(rs.currency);
  const estimate = (rs.sources ?? []).some((s) => s.estimate);
  const ages = rs.min_age ?? {};
  const regional = (rs.regions ?? []).map((r) => `${regionName(r.region, app.state.locale)}: ${['buy', 'gift', 'receive'].filter((k) => r.min_age?.[k] != null).map((k) => `${{ buy: 'buying', gift: 'gifts', receive: 'receiving' }[k]} from ${r.min_age[k]}`).join(', ')}`);
  const byAge = limitsByAge(rs, age, fmt);
  replace(
    el,
    h(
      'div',
      { class: 'rule-set-card' },
      h('p', { class: 'card-name' }, rs.name, estimate ? [' ', h('span', { class: 'badge badge--estimate', text: 'includes estimates' })] : null),
      h('p', { class: 'muted', dataset: { testid: 'rule-set-date' }, text: `Rules as of ${rs.as_of ?? 'an unstated date'}, version ${rs.version ?? 1}; limits in ${rs.currency}${rs.time_zone ? `, days counted in ${rs.time_zone.replaceAll('_', ' ')}` : ''}. ${placeText(rs, app, day)}` }),
      facts([
        ['May buy coins', ageText(ages.buy)],
        ['May send gifts', ageText(ages.gift)],
        ['May receive gifts', ageText(ages.receive)],
        regional.length ? ['Other ages in', regional.join('; ')] : null,
      ], 'facts facts--compact'),
      byAge.length ? h('ul', { class: 'rule-brackets' }, byAge) : h('p', { class: 'muted', text: 'No spending limits.' }),
      rs.notes ? h('p', { class: 'rule-notes', text: rs.notes }) : null,
      sourceList(rs.sources ?? [], 'No source is recorded for these rules.'),
    ),
  );
}

/**
 * The rules where the person lives ("auto"), each with its status today and what it says for
 * this person; `answer` is the plan's (its `rule_sets` count the events each rule was applied to).
 */
export function renderWhereTheyLive(el, app, age, day, answer) {
  const region = app.state.region;
  const name = regionName(region, app.state.locale);
  const sets = rulesWhereTheyLive(app);
  const applied = new Map((answer?.rule_set?.id === 'auto' ? answer.rule_sets ?? [] : []).map((r) => [r.rule_set.id, r.events]));
  const items = sets.map((rs) => {
    const step = statusOn(rs, day);
    const applies = appliesOn(app, rs, day);
    const fmt = app.format(rs.currency);
    const ages = rs.min_age ?? {};
    const mine = (rs.brackets ?? []).find((b) => age != null && age >= (b.min_age ?? 0) && (b.max_age == null || age < b.max_age));
    const limits = (mine?.caps ?? []).map((c) => capText(c, fmt));
    if (mine?.guardian_approval) limits.push('every purchase needs a guardian’s approval');
    const events = applied.get(rs.id);
    return h(
      'li',
      { class: applies ? 'is-mine' : 'is-idle' },
      h('strong', { text: rs.name }),
      h('span', { class: `badge ${applies ? 'badge--mine' : 'badge--estimate'}`, text: applies ? 'applies today' : step ? STATUS_WORDS[step.status] ?? step.status : 'not yet' }),
      h('span', { class: 'block', text: `Buying coins ${ageText(ages.buy)}, sending gifts ${ageText(ages.gift)}${limits.length ? `; ${agesText(rs, age) ?? ''}: ${limits.join('; ')}` : ''}.` }),
      events ? h('span', { class: 'muted block', text: `Checked on ${events} ${events === 1 ? 'event' : 'events'} of the plan.` }) : null,
      step?.note ? h('span', { class: 'muted block rule-status-note', text: step.note }) : null,
    );
  });
  replace(
    el,
    h(
      'div',
      { class: 'rule-set-card', dataset: { testid: 'rules-where' } },
      h('p', { class: 'card-name', text: region ? `The rules where they live: ${name}` : 'The rules where they live' }),
      !region
        ? h('p', { class: 'muted', text: 'Choose where they live, and the rules there are used.' })
        : sets.length
          ? [
              h('p', { class: 'muted', text: 'Each event is checked against every rule in force on its own date, for this app. Limits in other currencies are converted at the rates typed beside the person.' }),
              h('ul', { class: 'rule-brackets rule-where-list' }, items),
            ]
          : h('p', { class: 'muted', text: `giftsim knows of no spending rules for this app in ${name}. You can set your own limits instead.` }),
    ),
  );
}

/** "China 2024 …, TikTok (global) …", or "none that giftsim knows of". */
function namesWhereTheyLive(app, day) {
  const sets = rulesWhereTheyLive(app).filter((rs) => appliesOn(app, rs, day));
  return sets.length ? sets.map((rs) => rs.name).join('; ') : 'none that giftsim knows of';
}

/**
 * What to say beside the choice of rules, or null: rules of another country than the person's
 * (never applied without a word), rules of one state of their country, and the rules where they
 * live that still hold when the family sets its own limits. `{ text, warn }`.
 */
export function ruleChoiceNote(app, who, day) {
  const region = app.state.region;
  const locale = app.state.locale;
  const lives = `${who ?? 'the young person'} lives in ${regionName(region, locale)}`;
  if (isAuto(app)) return region ? null : { text: 'Choose where they live first: the rules there depend on it.', warn: true };
  if (app.state.rules === OWN_LIMITS) {
    return region ? { text: `Only your own limits are checked here. The rules where ${who ?? 'they'} ${who ? 'lives' : 'live'} still hold in the app: ${namesWhereTheyLive(app, day)}.`, warn: false } : null;
  }
  const rs = app.ruleSet();
  if (!rs?.jurisdiction || !region) return null;
  if (countryOf(rs.jurisdiction) !== countryOf(region)) {
    return { text: `These are the rules of ${regionName(rs.jurisdiction, locale)}, but ${lives}. The rules where they live: ${namesWhereTheyLive(app, day)}.`, warn: true };
  }
  if (rs.jurisdiction !== region && rs.jurisdiction.includes('-') && !region.startsWith(rs.jurisdiction)) {
    return { text: `These rules hold only in ${RegionName(rs.jurisdiction, locale)}, and ${lives}. If they live there, choose it under “Where they live”.`, warn: true };
  }
  return null;
}
