// Where the person lives, and which shipped rules hold there: the names of regions, the country
// a rule set's place is in, and the rule sets `"rule_set": "auto"` would consider for the region
// (so the page can say, whatever rules are chosen, which ones hold where the person lives).
import { run } from '../../engine.js';
import { has, language, t } from '../../i18n.js';
import { AUTO_RULES } from '../../state.js';

/** The US states the registry has rules for, by ISO 3166-2 code (Intl has no names for them):
 * each named `calc.region.CODE`. */
const SUBDIVISIONS = ['US-AL', 'US-LA', 'US-TX', 'US-UT'];

/** A status in a rule set's history ("in force", "blocked by a court"), as a person reads it. */
export function statusWords(status) {
  return has(`calc.status.${status}`) ? t(`calc.status.${status}`) : status;
}


const displayNames = new Map();

/** "United States", "Texas (United States)", or the code when the browser has no name; in the
 * language of `locale` (the text's). */
export function regionLabel(code, locale) {
  if (!code) return '';
  if (SUBDIVISIONS.includes(code)) return t('calc.region.subdivision', { name: t(`calc.region.${code}`), country: regionLabel(countryOf(code), locale) });
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: 'region' }));
    } catch {
      displayNames.set(locale, null);
    }
  }
  return displayNames.get(locale)?.of(code) ?? code;
}

/** A region's name inside a sentence: "the United States", "China", "Texas (United States)". */
export function regionName(code, locale) {
  const name = regionLabel(code, locale);
  // English names some countries with "the": "the United States", "the Netherlands".
  return language() === 'en' && /^(United|Netherlands|Philippines)/.test(name) ? `the ${name}` : name;
}

/** A region's name at the start of a sentence. */
export function RegionName(code, locale) {
  const name = regionName(code, locale);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The country of a region or jurisdiction: `US` of `US-TX`. */
export function countryOf(code) {
  return String(code ?? '').split('-')[0];
}

/** A date's status in a rule set's history (`YYYY`, `YYYY-MM` or `YYYY-MM-DD` steps), or null. */
export function statusOn(rs, day) {
  let found = null;
  for (const step of rs.status ?? []) {
    const from = step.from.length === 4 ? `${step.from}-01-01` : step.from.length === 7 ? `${step.from}-01` : step.from;
    if (from <= day) found = step;
  }
  return found;
}

/** Engine answers about the rules where a person lives, by region, card and day. */
const whereCache = new Map();

/**
 * The engine's own answer to which shipped rule sets "auto" considers for a person in `region`
 * buying on the app's card, and which of them apply on `day` (`YYYY-MM-DD`): a `plan` with
 * "auto", no events, asked about that day. `[{ rs, applies }]`, the presets as listed; empty
 * while the engine is loading or when the registry knows nothing of the region then.
 */
function whereTheyLive(app, region, day) {
  if (!region) return [];
  const card = app.card();
  const key = JSON.stringify([region, card.id, card.platform, card.channel, card.currency, day]);
  if (!whereCache.has(key)) {
    const r = run('plan', { rule_set: AUTO_RULES, person: { age: 30, region, time_zone: 'UTC' }, rate_card: app.cardInput(), events: [], now: `${day}T12:00:00Z` });
    if (!r.ok) return [];
    const byId = new Map(app.presets.ruleSets.map((rs) => [rs.id, rs]));
    whereCache.set(key, (r.value.rule_sets ?? []).filter((a) => byId.has(a.rule_set.id)).map((a) => ({ rs: byId.get(a.rule_set.id), applies: a.applies_now })));
  }
  return whereCache.get(key);
}

/** Today, `YYYY-MM-DD`, on this device. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The shipped rule sets "auto" considers for a person in `region` buying on the app's card. */
export function rulesWhereTheyLive(app, region = app.state.region) {
  return whereTheyLive(app, region, today()).map((x) => x.rs);
}

/** True when "auto" applies rule set `rs` on `day` (`YYYY-MM-DD`) where the person lives. */
export function appliesOn(app, rs, day) {
  return whereTheyLive(app, app.state.region, day).some((x) => x.rs === rs && x.applies);
}

/** True when the rules chosen are "the rules where they live". */
export function isAuto(app) {
  return app.state.rules === AUTO_RULES;
}
