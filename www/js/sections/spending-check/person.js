// Who is spending and in which money: the person as the engine takes them, their time zone, and
// the exchange rates the plan needs. An amount always keeps its own currency; the engine
// converts it at the rate typed here and names that rate beside each verdict.
//
// With one rule set, every other currency is converted into the rules' ("1 USD = 7.10 CNY").
// With the rules where the person lives ("auto"), amounts are counted in the card's currency,
// and each of those rules with limits in another currency needs a rate into it.
import { h } from '../../dom.js';
import { moneyInput } from '../../format.js';
import { pageError } from '../../errors.js';
import { has, t } from '../../i18n.js';
import { isAuto, rulesWhereTheyLive } from './region.js';

/** The time zone the person's wall-clock times are in: theirs, else the rules', else UTC. */
export function personZone(app) {
  return app.state.zone || rulesZone(app);
}

/** The zone the rules count days in for a person who gives none: the rules', else UTC. */
export function rulesZone(app) {
  // "auto" counts days in the first zone of the rules where the person lives, as the engine does.
  if (isAuto(app)) return rulesWhereTheyLive(app).find((rs) => rs.time_zone)?.time_zone ?? 'UTC';
  return app.ruleSet()?.time_zone || 'UTC';
}

/** The age typed, in whole years, or null when it is not a whole number. */
export function personAge(app) {
  const age = String(app.state.age).trim();
  return /^\d{1,3}$/.test(age) ? Number(age) : null;
}

/** The person's first name as typed, or null. */
export function personName(app) {
  const name = String(app.state.who ?? '').trim();
  return name || null;
}

/** The person as the engine takes it, or a local error for an age that is not a whole number. */
export function personInput(app) {
  const age = personAge(app);
  if (age === null) {
    return { error: pageError('invalid_value', t('calc.person.age_whole', { example: 15 }), 'person.age', { message_id: 'calc.person.age_whole', example: 15 }) };
  }
  const person = { age };
  if (app.state.region) person.region = app.state.region;
  if (app.state.zone) person.time_zone = app.state.zone;
  if (app.state.guardian) person.guardian_approved = true;
  return { person };
}

/** The currencies the plan's amounts are in: the card's first, then those typed on events. */
function usedCurrencies(app, events) {
  const typed = events ? app.state.events.filter((e) => e.kind === 'buy' || e.kind === 'tip').map((e) => e.currency) : [];
  return [...new Set([app.card().currency, ...typed].filter(Boolean))];
}

/**
 * The exchange rates the plan needs, as `{ from, to }` pairs ("1 from = ? to"): each currency
 * the plan uses into the one the rules count. `events: false` leaves out the events' own
 * currencies (a purchase on the card alone).
 */
export function ratePairs(app, { events = true } = {}) {
  const used = usedCurrencies(app, events);
  const pairs = [];
  const add = (from, to) => {
    if (from !== to && !pairs.some((p) => p.from === from && p.to === to)) pairs.push({ from, to });
  };
  if (!isAuto(app)) {
    const to = app.ruleSet()?.currency;
    for (const from of used) add(from, to);
    return pairs;
  }
  const card = app.card().currency;
  for (const from of used) add(from, card);
  const capped = rulesWhereTheyLive(app).filter((rs) => (rs.brackets ?? []).some((b) => (b.caps ?? []).length));
  for (const to of new Set(capped.map((rs) => rs.currency))) for (const from of used) add(from, to);
  return pairs;
}

/** `USD/CNY` for a pair. */
export function pairKey({ from, to }) {
  return `${from}/${to}`;
}

/** The rate typed for a pair; an older link's `fx` is the card's rate into the rules'. */
export function rateText(app, pair) {
  const key = pairKey(pair);
  if (key in app.state.rates) return app.state.rates[key];
  return pair.from === app.card().currency && !isAuto(app) && pair.to === app.ruleSet()?.currency ? app.state.fx : '';
}

/** The state change that sets the rate of a pair to `text`. */
export function rateChange(app, pair, text) {
  return { rates: { ...app.state.rates, [pairKey(pair)]: text } };
}

/** `{ "USD/CNY": "7.10", … }` for every pair the plan needs with a rate typed, or undefined. */
export function exchangeRates(app, options) {
  const out = {};
  for (const pair of ratePairs(app, options)) {
    const rate = moneyInput(rateText(app, pair), app.fmt.decimalSeparator);
    if (rate) out[pairKey(pair)] = rate;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The pair a `currency_mismatch` needs, as the page offers it (either way round), or null. */
function pairOf(error, app) {
  const { from, to } = error?.details ?? {};
  if (!from || !to) return null;
  const pairs = ratePairs(app);
  return pairs.find((p) => p.from === from && p.to === to) ?? pairs.find((p) => p.from === to && p.to === from) ?? null;
}

/**
 * A missing exchange rate belongs to its pair's rate field (`exchange_rates.USD/CNY`), wherever
 * the engine met it.
 */
export function exchangePath(app) {
  return (path, error) => {
    const pair = error?.code === 'currency_mismatch' ? pairOf(error, app) : null;
    return pair ? `exchange_rates.${pairKey(pair)}` : path;
  };
}

/** The engine's `currency_mismatch`, said at the rate field in the page's words. */
export function exchangeError(app) {
  return (error) => {
    const pair = error?.code === 'currency_mismatch' ? pairOf(error, app) : null;
    if (!pair) return error;
    return { ...error, details: { ...error.details, message_id: 'calc.person.rate_needed', from: pair.from, to: pair.to } };
  };
}

/** The IANA zones a person may pick, grouped by area (Africa, America…); from the engine. */
export function zoneGroups(app) {
  const groups = new Map();
  for (const zone of app.presets.timeZones) {
    const [area, place] = zone.split('/');
    // Areas of the world only: the database's legacy aliases (US/Eastern, Etc/GMT+5, Japan…)
    // are accepted but not offered.
    if (!place || !/^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)$/.test(area)) continue;
    if (!groups.has(area)) groups.set(area, []);
    groups.get(area).push(zone);
  }
  return groups;
}

/**
 * A zone select's options: `first` (`[value, label]`), then UTC and `chosen` when the lists
 * leave them out (but not those in `skip`), then every zone by area of the world.
 */
export function zoneOptions(app, first, chosen, skip = []) {
  const groups = zoneGroups(app);
  const listed = [...groups.values()].flat();
  const extra = ['UTC', chosen].filter((z) => z && !skip.includes(z) && !listed.includes(z));
  return [
    h('option', { value: first[0], text: first[1] }),
    [...new Set(extra)].map((z) => h('option', { value: z, text: z.replaceAll('_', ' ') })),
    [...groups].map(([area, zones]) =>
      h('optgroup', { label: has(`calc.zone.area.${area}`) ? t(`calc.zone.area.${area}`) : area }, zones.map((z) => h('option', { value: z, text: z.slice(area.length + 1).replaceAll('_', ' ').replaceAll('/', ' / ') }))),
    ),
  ];
}
