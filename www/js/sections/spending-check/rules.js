// The chosen rules in words: a rule set's date, where it holds, its minimum ages and its limits
// by age (the person's marked), notes and sources; or the rules where the person lives, each
// with its status today. And, beside the choice, what a parent must know about it: rules of
// another country than the person's, or the rules that hold where they live besides their own.
// Rule set names and their notes are data, shown as the presets give them.
import { facts, h, replace } from '../../dom.js';
import { t, textLocale } from '../../i18n.js';
import { sourceList } from '../../answers.js';
import { OWN_LIMITS } from '../../state.js';
import { RegionName, appliesOn, countryOf, isAuto, regionName, rulesWhereTheyLive, statusOn, statusWords } from './region.js';
import { agesText, capText } from './verdicts.js';

/** "from 8", "any age", "no one (turned off)". */
function ageText(n) {
  if (n == null || n === 0) return t('calc.rules.any_age');
  return n >= 130 ? t('calc.rules.no_one') : t('calc.rules.from_age', { age: n });
}

/** The limits of rule set `rs` for each age, the person's (`age`) marked. */
function limitsByAge(rs, age, fmt) {
  return (rs.brackets ?? []).map((b) => {
    const mine = age != null && age >= (b.min_age ?? 0) && (b.max_age == null || age < b.max_age);
    const span = b.max_age == null ? (b.min_age ? t('calc.rules.ages_over', { min: b.min_age }) : t('calc.rules.every_age')) : t('calc.rules.ages_range', { min: b.min_age ?? 0, max: b.max_age - 1 });
    const rules = [
      ...(b.caps ?? []).map((c) => capText(c, fmt)),
      b.cooldown_minutes ? t('calc.rules.cooldown', { count: b.cooldown_minutes }) : null,
      b.guardian_approval ? t('calc.rules.approval') : null,
    ].filter(Boolean);
    return h(
      'li',
      { class: mine ? 'is-mine' : null },
      h('strong', { text: span }),
      mine ? h('span', { class: 'badge badge--mine', text: t('calc.rules.this_person') }) : null,
      rules.length ? t('calc.rules.limits', { limits: rules.join(t('calc.list.semicolon')) }) : t('calc.rules.no_limits'),
    );
  });
}

/** Where and how a rule set holds, in words: "Holds in China: in force (since 2019-11)." */
function placeText(rs, day) {
  const step = statusOn(rs, day);
  const where = rs.jurisdiction ? 'in' : rs.opt_in ? 'family' : 'everywhere';
  const params = { region: rs.jurisdiction ? regionName(rs.jurisdiction, textLocale()) : '', status: step ? statusWords(step.status) : '', since: step?.from };
  return t(`calc.rules.holds_${where}${step ? '_status' : ''}`, params);
}

/** Draws rule set `rs` for a person of `age` (null when not a whole number) into `el`. */
export function renderRuleSet(el, app, rs, age, day) {
  const fmt = app.format(rs.currency);
  const locale = textLocale();
  const estimate = (rs.sources ?? []).some((s) => s.estimate);
  const ages = rs.min_age ?? {};
  const regional = (rs.regions ?? []).map((r) =>
    t('calc.rules.regional', {
      region: regionName(r.region, locale),
      ages: ['buy', 'gift', 'receive'].filter((k) => r.min_age?.[k] != null).map((k) => t(`calc.rules.regional.${k}`, { age: r.min_age[k] })).join(t('calc.list.separator')),
    }),
  );
  const byAge = limitsByAge(rs, age, fmt);
  const date = t(rs.time_zone ? 'calc.rules.as_of_zone' : 'calc.rules.as_of', { date: rs.as_of ?? t('calc.card.undated'), version: String(rs.version ?? 1), currency: rs.currency, zone: rs.time_zone?.replaceAll('_', ' ') });
  replace(
    el,
    h(
      'div',
      { class: 'rule-set-card' },
      h('p', { class: 'card-name' }, rs.name, estimate ? [' ', h('span', { class: 'badge badge--estimate', text: t('calc.rules.estimates') })] : null),
      h('p', { class: 'muted', dataset: { testid: 'rule-set-date' }, text: `${date} ${placeText(rs, day)}` }),
      facts([
        [t('calc.rules.may_buy'), ageText(ages.buy)],
        [t('calc.rules.may_gift'), ageText(ages.gift)],
        [t('calc.rules.may_receive'), ageText(ages.receive)],
        regional.length ? [t('calc.rules.other_ages'), regional.join(t('calc.list.semicolon'))] : null,
      ], 'facts facts--compact'),
      byAge.length ? h('ul', { class: 'rule-brackets' }, byAge) : h('p', { class: 'muted', text: t('calc.rules.no_spending_limits') }),
      // The presets' notes are written in English (data, not the page's words).
      rs.notes ? h('p', { class: 'rule-notes', lang: 'en', text: rs.notes }) : null,
      sourceList(rs.sources ?? [], t('calc.rules.no_source')),
    ),
  );
}

/**
 * The rules where the person lives ("auto"), each with its status today and what it says for
 * this person; `answer` is the plan's (its `rule_sets` count the events each rule was applied to).
 */
export function renderWhereTheyLive(el, app, age, day, answer) {
  const region = app.state.region;
  const name = regionName(region, textLocale());
  const sets = rulesWhereTheyLive(app);
  const applied = new Map((answer?.rule_set?.id === 'auto' ? answer.rule_sets ?? [] : []).map((r) => [r.rule_set.id, r.events]));
  const items = sets.map((rs) => {
    const step = statusOn(rs, day);
    const applies = appliesOn(app, rs, day);
    const fmt = app.format(rs.currency);
    const ages = rs.min_age ?? {};
    const mine = (rs.brackets ?? []).find((b) => age != null && age >= (b.min_age ?? 0) && (b.max_age == null || age < b.max_age));
    const limits = (mine?.caps ?? []).map((c) => capText(c, fmt));
    if (mine?.guardian_approval) limits.push(t('calc.rules.approval'));
    const events = applied.get(rs.id);
    const params = { buy: ageText(ages.buy), gift: ageText(ages.gift), ages: agesText(rs, age) ?? '', limits: limits.join(t('calc.list.semicolon')) };
    return h(
      'li',
      { class: applies ? 'is-mine' : 'is-idle' },
      h('strong', { text: rs.name }),
      h('span', { class: `badge ${applies ? 'badge--mine' : 'badge--estimate'}`, text: applies ? t('calc.rules.applies_today') : step ? statusWords(step.status) : t('calc.rules.not_yet') }),
      h('span', { class: 'block', text: t(limits.length ? 'calc.rules.where_ages_limits' : 'calc.rules.where_ages', params) }),
      events ? h('span', { class: 'muted block', text: t('calc.rules.checked_on', { count: events }) }) : null,
      step?.note ? h('span', { class: 'muted block rule-status-note', lang: 'en', text: step.note }) : null,
    );
  });
  replace(
    el,
    h(
      'div',
      { class: 'rule-set-card', dataset: { testid: 'rules-where' } },
      h('p', { class: 'card-name', text: region ? t('calc.rules.where_title_in', { region: name }) : t('calc.rules.where_title') }),
      !region
        ? h('p', { class: 'muted', text: t('calc.rules.choose_where') })
        : sets.length
          ? [
              h('p', { class: 'muted', text: t('calc.rules.where_intro') }),
              h('ul', { class: 'rule-brackets rule-where-list' }, items),
            ]
          : h('p', { class: 'muted', text: t('calc.rules.where_none', { region: name }) }),
    ),
  );
}

/** "China 2024 …, TikTok (global) …", or "none that giftsim knows of". */
function namesWhereTheyLive(app, day) {
  const sets = rulesWhereTheyLive(app).filter((rs) => appliesOn(app, rs, day));
  return sets.length ? sets.map((rs) => rs.name).join(t('calc.list.semicolon')) : t('calc.rules.none_known');
}

/**
 * What to say beside the choice of rules, or null: rules of another country than the person's
 * (never applied without a word), rules of one state of their country, and the rules where they
 * live that still hold when the family sets its own limits. `{ text, warn }`.
 */
export function ruleChoiceNote(app, who, day) {
  const region = app.state.region;
  const locale = textLocale();
  if (isAuto(app)) return region ? null : { text: t('calc.rules.choose_first'), warn: true };
  if (app.state.rules === OWN_LIMITS) {
    return region ? { text: t(who ? 'calc.rules.own_only_named' : 'calc.rules.own_only', { name: who, rules: namesWhereTheyLive(app, day) }), warn: false } : null;
  }
  const rs = app.ruleSet();
  if (!rs?.jurisdiction || !region) return null;
  const params = { name: who, region: regionName(region, locale), rules: namesWhereTheyLive(app, day) };
  if (countryOf(rs.jurisdiction) !== countryOf(region)) {
    return { text: t(who ? 'calc.rules.other_country_named' : 'calc.rules.other_country', { ...params, country: regionName(rs.jurisdiction, locale) }), warn: true };
  }
  if (rs.jurisdiction !== region && rs.jurisdiction.includes('-') && !region.startsWith(rs.jurisdiction)) {
    return { text: t(who ? 'calc.rules.other_state_named' : 'calc.rules.other_state', { ...params, state: RegionName(rs.jurisdiction, locale) }), warn: true };
  }
  return null;
}
