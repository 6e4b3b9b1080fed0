// Who is spending and in which money: the person as the engine takes them, their time zone, and
// the exchange rates between the rules' currency and every other currency the plan uses (the
// rate card's, and any an amount is written in). An amount always keeps its own currency; the
// engine converts it at the rate typed here and names that rate beside each verdict.
import { moneyInput } from '../../format.js';
import { pageError } from '../../errors.js';

/** The time zone the person's wall-clock times are in: theirs, else the rule set's, else UTC. */
export function personZone(app) {
  return app.state.zone || app.ruleSet()?.time_zone || 'UTC';
}

/** The age typed, in whole years, or null when it is not a whole number. */
export function personAge(app) {
  const age = String(app.state.age).trim();
  return /^\d{1,3}$/.test(age) ? Number(age) : null;
}

/** The person as the engine takes it, or a local error for an age that is not a whole number. */
export function personInput(app) {
  const age = personAge(app);
  if (age === null) {
    return { error: pageError('invalid_value', 'Type the age in whole years, like 15.', 'person.age') };
  }
  const person = { age };
  if (app.state.region) person.region = app.state.region;
  if (app.state.zone) person.time_zone = app.state.zone;
  if (app.state.guardian) person.guardian_approved = true;
  return { person };
}

/**
 * The currencies the plan converts into the rules' one, the rate card's first: each needs a
 * rate ("1 USD = 7.10 CNY").
 */
export function foreignCurrencies(app, { events = true } = {}) {
  const rules = app.ruleSet()?.currency;
  const used = [app.card().currency, ...(events ? app.state.events.filter((e) => e.kind === 'buy' || e.kind === 'tip').map((e) => e.currency) : [])];
  return [...new Set(used.filter((c) => c && c !== rules))];
}

/** The rate typed for `currency` into the rules' ("USD/CNY"); an older link's `fx` is the card's. */
export function rateText(app, currency) {
  const pair = `${currency}/${app.ruleSet()?.currency}`;
  if (pair in app.state.rates) return app.state.rates[pair];
  return currency === app.card().currency ? app.state.fx : '';
}

/** The state change that sets the rate of `currency` into the rules' to `text`. */
export function rateChange(app, currency, text) {
  return { rates: { ...app.state.rates, [`${currency}/${app.ruleSet()?.currency}`]: text } };
}

/** `{ "USD/CNY": "7.10", … }` for every foreign currency with a rate typed, or undefined. */
export function exchangeRates(app, options) {
  const rules = app.ruleSet()?.currency;
  const out = {};
  for (const c of foreignCurrencies(app, options)) {
    const rate = moneyInput(rateText(app, c), app.fmt.decimalSeparator);
    if (rate) out[`${c}/${rules}`] = rate;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The currency a `currency_mismatch` is about: the one that is not the rules'. */
function foreignOf(error, app) {
  const rules = app.ruleSet()?.currency;
  const { from, to } = error?.details ?? {};
  return from === rules ? to : from;
}

/**
 * A missing exchange rate belongs to that currency's rate field (`exchange_rates.USD`),
 * wherever the engine met it; a bad typed rate (`exchange_rates.USD/CNY`) too.
 */
export function exchangePath(app) {
  return (path, error) => {
    if (error?.code === 'currency_mismatch' && foreignOf(error, app)) return `exchange_rates.${foreignOf(error, app)}`;
    const pair = /^exchange_rates\.([A-Z]{3})\//.exec(path);
    return pair ? `exchange_rates.${pair[1]}` : path;
  };
}

/** The engine's `currency_mismatch`, said at the rate field in the page's words. */
export function exchangeError(app) {
  return (error) => {
    if (error?.code !== 'currency_mismatch') return error;
    const foreign = foreignOf(error, app);
    const rules = app.ruleSet()?.currency;
    if (!foreign || !rules) return error;
    return { ...error, message: `Type how many ${rules} one ${foreign} is worth: the rules count ${rules}, and amounts in ${foreign} are converted at this rate.` };
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
