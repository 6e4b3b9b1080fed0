// The page's state: what the person asked, on which card, with which edits, in which format.
// It lives in the URL (versioned, so old links keep working or are read as well as possible),
// in saved scenarios and in exported files, always through `fromObject`, which trusts nothing.
import { t } from './i18n.js';

/** The URL format's version (`v`); links of version 1 are read with `DEFAULTS_V1`. */
export const VERSION = 2;
/** The scenario file format's version (a file holds a whole state). */
export const SCENARIO_VERSION = 1;

/** Regions a person may live in: countries, and US states with rules of their own. */
export const REGIONS = ['AU', 'BR', 'CA', 'CN', 'DE', 'ES', 'FR', 'GB', 'HK', 'ID', 'IN', 'IT', 'JP', 'KR', 'MX', 'NL', 'PH', 'PL', 'SA', 'SE', 'SG', 'TH', 'TR', 'TW', 'US', 'US-AL', 'US-LA', 'US-TX', 'US-UT', 'VN', 'ZA'];

/** Rules besides the presets: those where the person lives, and a family's own limits. */
export const AUTO_RULES = 'auto';
export const OWN_LIMITS = 'my-limits';

export const DEFAULTS = Object.freeze({
  locale: 'en-US',
  currency: 'USD',
  card: 'tiktok-ios',
  edits: null,
  gifts: Object.freeze([Object.freeze({ gift: 'lion', count: 1 })]),
  coins: '5000',
  spend: '100.00',
  cash: '100.00',
  compare: '100.00',
  flow: 'gifts',
  // The spending check: a person, the rules and a plan, empty (see `firstVisit`).
  rules: 'tiktok-global',
  who: '',
  age: '15',
  region: '',
  zone: '',
  guardian: false,
  limits: null,
  // Exchange rates by pair, as typed ("USD/CNY": 1 USD = 7.10 CNY); `fx` is older links' one.
  fx: '',
  rates: Object.freeze({}),
  now: '',
  check: false,
  events: Object.freeze([]),
});

/** Version 1 links left out China's 2019 example (examples/plan-cn-games-2019.json). */
export const DEFAULTS_V1 = Object.freeze({
  ...DEFAULTS,
  rules: 'cn-games-2019',
  region: 'CN',
  rates: Object.freeze({ 'USD/CNY': '7.10' }),
  events: Object.freeze([
    ['2026-03-01T10:00', '45.00', 'first top-up of the month'],
    ['2026-03-05T19:30', '45.00'],
    ['2026-03-09T20:00', '50.01', 'one cent over the per-top-up cap'],
    ['2026-03-12T18:00', '45.00'],
    ['2026-03-20T21:00', '45.00'],
    ['2026-03-28T12:00', '45.00', 'the fifth ¥45 top-up would pass ¥200'],
    ['2026-04-01T00:00', '45.00', 'a new calendar month'],
  ].map(([at, amount, note]) => Object.freeze({ ...newEvent('buy', at, 'CNY'), amount, note: note ?? '' }))),
});

/** A first visit's state: the region of the browser's language ("en-US"), its rules and zone. */
export function firstVisit(language = globalThis.navigator?.language, zone = browserZone()) {
  let region = '';
  try {
    region = new Intl.Locale(language).region ?? '';
  } catch {
    region = '';
  }
  if (!REGIONS.includes(region)) region = '';
  const state = fromObject({ region, rules: region ? AUTO_RULES : DEFAULTS.rules });
  if (zone && zone !== 'UTC' && zone !== 'Etc/UTC' && ZONE.test(zone) && zone.length <= 40) state.zone = zone;
  return state;
}

function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

/** Fields kept as typed (the engine judges them), by name in the state, URL and files. */
const TEXT_FIELDS = ['coins', 'spend', 'cash', 'compare', 'who', 'age', 'fx', 'now'];
/** Fields chosen from fixed lists, checked by `fromObject`. */
const CHOICE_FIELDS = ['locale', 'currency', 'card', 'flow', 'rules', 'region', 'zone'];
/** Yes/no fields, `1` in the URL when set. */
const FLAGS = ['guardian', 'check'];

/**
 * The kinds of event in a plan: a top-up of an amount of money, coins bought on the rate card,
 * a gift from the card's catalogue, a tip of an amount of money.
 */
export const EVENT_KINDS = ['buy', 'coins', 'gift', 'tip'];

/** An event of `kind` at a wall-clock time, every field filled so switching kinds keeps them. */
export function newEvent(kind, at, currency) {
  return { at, kind, amount: '10.00', currency, coins: '1000', gift: 'rose', count: '1', approved: false, note: '', repeat: noRepeat() };
}

/** How often an event repeats: never (''), every day, week or month. */
export const REPEATS = ['', 'day', 'week', 'month'];

/** A repeat `{ every, ends: 'times' | 'until', times, until }`: here, none. */
export function noRepeat() {
  return { every: '', ends: 'times', times: '4', until: '' };
}

/** A family's own limits as typed: money per top-up, day, week, month; gifts; warnings (%). */
export function newLimits(currency) {
  return { currency, topUp: '', day: '', week: '', month: '', gifting: true, warn: '50, 80', approval: false };
}

/** The limits a family may set (each optional). */
export const LIMIT_FIELDS = ['topUp', 'day', 'week', 'month'];

/** The questions whose money flow can be drawn. */
export const FLOWS = ['gifts', 'coins', 'spend', 'cash'];

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
const CURRENCY = /^[A-Z]{3}$/;
const MAX_TEXT = 40;
const MAX_GIFTS = 50;
const MAX_EDITS = 20_000;
const MAX_EVENTS = 60;
const MAX_NOTE = 120;
const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// The form of an IANA name (Africa/Porto-Novo, America/Argentina/Buenos_Aires, Etc/GMT+5).
const ZONE = /^(UTC|[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){1,2}|[+-]\d{2}(:\d{2})?)$/;

/**
 * A clean state from untrusted data (URL, file, storage): every field checked, anything odd
 * replaced by its default. Values the engine judges (amounts, counts) are kept as text so a
 * wrong one reaches the engine and is reported next to its field.
 */
export function fromObject(raw, defaults = DEFAULTS) {
  const src = raw && typeof raw === 'object' ? raw : {};
  const text = (v, d) => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, MAX_TEXT) : d);
  const pick = (v, ok, d) => (typeof v === 'string' && ok(v) ? v : d);
  const state = {
    locale: pick(src.locale, (v) => LOCALE.test(v) && Intl.NumberFormat.supportedLocalesOf(v).length > 0, defaults.locale),
    currency: pick(src.currency, (v) => CURRENCY.test(v), defaults.currency),
    card: pick(src.card, (v) => ID.test(v) && v.length <= 64, defaults.card),
    edits: cleanEdits(src.edits),
    gifts: cleanGifts(src.gifts),
    flow: pick(src.flow, (v) => FLOWS.includes(v), defaults.flow),
    rules: pick(src.rules, (v) => ID.test(v) && v.length <= 64, defaults.rules),
    region: pick(src.region, (v) => v === '' || REGION.test(v), defaults.region),
    zone: pick(src.zone, (v) => v === '' || (v.length <= 40 && ZONE.test(v)), defaults.zone),
    events: cleanEvents(src.events, defaults.events),
    // An older link's single rate (`fx`) stands for the card's pair when it brings no `rates`.
    rates: src.rates === undefined && text(src.fx, '') ? {} : cleanRates(src.rates, defaults.rates),
  };
  for (const key of TEXT_FIELDS) state[key] = text(src[key], defaults[key]);
  for (const key of FLAGS) state[key] = src[key] === undefined ? defaults[key] : src[key] === true || src[key] === '1';
  // Own limits stay when other rules are chosen.
  state.limits = src.limits == null ? null : cleanLimits(src.limits, state.currency);
  if (state.rules === OWN_LIMITS && !state.limits) state.limits = newLimits(state.currency);
  return state;
}

/** A family's limits from untrusted data (see `newLimits`); typed amounts stay text. */
export function cleanLimits(limits, currency) {
  if (!limits || typeof limits !== 'object' || Array.isArray(limits)) return newLimits(currency);
  const text = (v, d) => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, MAX_TEXT) : d);
  const base = newLimits(typeof limits.currency === 'string' && CURRENCY.test(limits.currency) ? limits.currency : currency);
  const out = { ...base };
  for (const field of LIMIT_FIELDS) out[field] = text(limits[field], '');
  out.warn = text(limits.warn, base.warn);
  out.gifting = limits.gifting !== false && limits.gifting !== '0';
  out.approval = limits.approval === true || limits.approval === '1';
  return out;
}

/** A repeat from untrusted data (see `noRepeat`). */
function cleanRepeat(repeat) {
  const r = noRepeat();
  if (!repeat || typeof repeat !== 'object') return r;
  if (REPEATS.includes(repeat.every)) r.every = repeat.every;
  if (repeat.ends === 'until' || repeat.ends === 'times') r.ends = repeat.ends;
  if (typeof repeat.times === 'string' || typeof repeat.times === 'number') r.times = String(repeat.times).slice(0, 6);
  if (typeof repeat.until === 'string' && (repeat.until === '' || DAY.test(repeat.until))) r.until = repeat.until;
  return r;
}

/**
 * A plan's events from untrusted data: at most MAX_EVENTS, each with a known kind; typed values
 * stay text (the engine judges them), a currency is three capitals, a gift an id.
 */
function cleanEvents(events, defaults = DEFAULTS.events) {
  if (!Array.isArray(events)) return defaults.map((e) => ({ ...e, repeat: { ...e.repeat } }));
  const text = (v, d, max = MAX_TEXT) => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, max) : d);
  return events
    .slice(0, MAX_EVENTS)
    .filter((e) => e && typeof e === 'object' && EVENT_KINDS.includes(e.kind))
    .map((e) => {
      const base = newEvent(e.kind, '', 'USD');
      return {
        at: text(e.at, ''),
        kind: e.kind,
        amount: text(e.amount, base.amount),
        currency: typeof e.currency === 'string' && CURRENCY.test(e.currency) ? e.currency : base.currency,
        coins: text(e.coins, base.coins),
        gift: typeof e.gift === 'string' && ID.test(e.gift) && e.gift.length <= 64 ? e.gift : base.gift,
        count: text(e.count, base.count),
        approved: e.approved === true,
        note: text(e.note, '', MAX_NOTE),
        repeat: cleanRepeat(e.repeat),
      };
    });
}

/**
 * The events in a URL: events joined by `,`, each `at;kind;value;value;flags;note;repeat` with
 * every part URI-encoded (so no part can hold a separator); the values are the kind's own (an
 * amount and its currency, coins, a gift and its count), `g` in flags marks a guardian's
 * approval; a repeat is `w4` (every week, 4 times) or `d2027-01-31` (every day until then).
 */
export function eventsToText(events) {
  return events
    .map((e) => {
      const values = { buy: [e.amount, e.currency], tip: [e.amount, e.currency], coins: [e.coins, ''], gift: [e.gift, e.count] }[e.kind];
      const r = e.repeat ?? noRepeat();
      const repeat = r.every ? `${r.every[0]}${r.ends === 'until' ? r.until : r.times}` : '';
      const parts = [e.at, e.kind, ...values, e.approved ? 'g' : '', e.note, repeat];
      while (parts.length > 2 && parts[parts.length - 1] === '') parts.pop();
      return parts.map((p) => encodeURIComponent(p)).join(';');
    })
    .join(',');
}

/** The inverse of `eventsToText`, as raw events for `fromObject` to clean. */
export function eventsFromText(text) {
  if (text === '') return [];
  return String(text)
    .split(',')
    .slice(0, MAX_EVENTS)
    .map((item) => {
      let parts;
      try {
        parts = item.split(';').map((p) => decodeURIComponent(p));
      } catch {
        return null;
      }
      const [at, kind, a = '', b = '', flags = '', note = '', repeat = ''] = parts;
      const e = { at, kind, approved: flags.includes('g'), note };
      const every = REPEATS.find((r) => r && r[0] === repeat[0]);
      if (every) {
        const end = repeat.slice(1);
        e.repeat = DAY.test(end) ? { every, ends: 'until', until: end } : { every, ends: 'times', times: end };
      }
      if (kind === 'buy' || kind === 'tip') Object.assign(e, { amount: a, currency: b });
      else if (kind === 'coins') e.coins = a;
      else if (kind === 'gift') Object.assign(e, { gift: a, count: b });
      return e;
    })
    .filter(Boolean);
}

/** Exchange rates by pair, from untrusted data: `XXX/YYY` → short text. */
function cleanRates(rates, defaults = DEFAULTS.rates) {
  if (rates === undefined) return { ...defaults };
  if (!rates || typeof rates !== 'object' || Array.isArray(rates)) return {};
  return Object.fromEntries(
    Object.entries(rates)
      .filter(([pair, v]) => /^[A-Z]{3}\/[A-Z]{3}$/.test(pair) && (typeof v === 'string' || typeof v === 'number'))
      .slice(0, 8)
      .map(([pair, v]) => [pair, String(v).slice(0, MAX_TEXT)]),
  );
}

/** `USD/CNY:7.10,GBP/CNY:9.02` ↔ `{ 'USD/CNY': '7.10', … }` (URL form of `rates`). */
function ratesToText(rates) {
  return Object.entries(rates).map(([c, v]) => `${c}:${encodeURIComponent(v)}`).join(',');
}

function ratesFromText(text) {
  const out = {};
  for (const item of String(text).split(',')) {
    const [c, v = ''] = item.split(':');
    try {
      out[c] = decodeURIComponent(v);
    } catch {
      // A broken part is dropped; the rest is read.
    }
  }
  return out;
}

function cleanGifts(gifts) {
  if (!Array.isArray(gifts)) return DEFAULTS.gifts.map((g) => ({ ...g }));
  return gifts
    .slice(0, MAX_GIFTS)
    .filter((g) => g && typeof g.gift === 'string' && ID.test(g.gift))
    .map((g) => ({ gift: g.gift, count: Number.isSafeInteger(g.count) && g.count >= 0 ? g.count : 1 }));
}

function cleanEdits(edits) {
  if (!edits || typeof edits !== 'object' || Array.isArray(edits)) return null;
  const text = JSON.stringify(edits);
  if (text.length > MAX_EDITS || text === '{}') return null;
  // A JSON round trip leaves plain data only (no functions, no prototypes).
  return JSON.parse(text);
}

/** The URL query for a state: `?v=1&locale=…`, defaults left out to keep links short. */
export function toQuery(state) {
  const q = new URLSearchParams();
  q.set('v', String(VERSION));
  for (const key of [...CHOICE_FIELDS, ...TEXT_FIELDS]) {
    if (state[key] !== DEFAULTS[key]) q.set(key, state[key]);
  }
  for (const key of FLAGS) {
    if (state[key] !== DEFAULTS[key]) q.set(key, state[key] ? '1' : '0');
  }
  const gifts = state.gifts.map((g) => `${g.gift}*${g.count}`).join(',');
  if (gifts !== 'lion*1') q.set('gifts', gifts);
  if (state.edits) q.set('edits', JSON.stringify(state.edits));
  if (ratesToText(state.rates) !== ratesToText(DEFAULTS.rates)) q.set('rates', ratesToText(state.rates));
  const events = eventsToText(state.events);
  if (events !== eventsToText(DEFAULTS.events)) q.set('events', events);
  if (state.limits) q.set('limits', limitsToText(state.limits));
  return `?${q}`;
}

/** Limits in a URL: `currency;top-up;day;week;month;flags;warnings` (flags: `n` no gifts, `a` approval). */
function limitsToText(l) {
  const flags = `${l.gifting ? '' : 'n'}${l.approval ? 'a' : ''}`;
  return [l.currency, l.topUp, l.day, l.week, l.month, flags, l.warn].map((p) => encodeURIComponent(p)).join(';');
}

function limitsFromText(text) {
  let parts;
  try {
    parts = String(text).split(';').map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
  const [currency, topUp = '', day = '', week = '', month = '', flags = '', warn = ''] = parts;
  return { currency, topUp, day, week, month, gifting: !flags.includes('n'), approval: flags.includes('a'), warn };
}

/** The state a URL query describes: empty is a first visit; version 1 (or none) reads as it did. */
export function fromQuery(search) {
  const q = new URLSearchParams(search);
  if ([...q.keys()].length === 0) return firstVisit();
  const raw = {};
  for (const key of [...CHOICE_FIELDS, ...TEXT_FIELDS, ...FLAGS]) {
    if (q.has(key)) raw[key] = q.get(key);
  }
  if (q.has('events')) raw.events = eventsFromText(q.get('events'));
  if (q.has('rates')) raw.rates = ratesFromText(q.get('rates'));
  if (q.has('gifts')) {
    raw.gifts = q
      .get('gifts')
      .split(',')
      .filter(Boolean)
      .map((item) => {
        const [gift, count] = item.split('*');
        return { gift, count: /^\d{1,15}$/.test(count ?? '1') ? Number(count ?? '1') : 1 };
      });
  }
  if (q.has('edits')) {
    try {
      raw.edits = JSON.parse(q.get('edits'));
    } catch {
      raw.edits = null;
    }
  }
  if (q.has('limits')) raw.limits = limitsFromText(q.get('limits'));
  return fromObject(raw, Number(q.get('v')) >= VERSION ? DEFAULTS : DEFAULTS_V1);
}

/** The file format of an exported scenario. */
export function toScenario(state, name) {
  return { giftsim_scenario: SCENARIO_VERSION, name, saved_at: new Date().toISOString(), state };
}

/** Reads a scenario file's parsed JSON; throws an Error saying what is wrong (in the reader's language). */
export function fromScenario(doc) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error(t('calc.scenario.not_object'));
  }
  if (doc.giftsim_scenario !== SCENARIO_VERSION) {
    throw new Error(
      doc.giftsim_scenario === undefined
        ? t('calc.scenario.no_marker')
        : t('calc.scenario.version', { found: String(doc.giftsim_scenario).slice(0, 20), version: String(SCENARIO_VERSION) }),
    );
  }
  if (!doc.state || typeof doc.state !== 'object') throw new Error(t('calc.scenario.no_state'));
  return {
    name: typeof doc.name === 'string' ? doc.name.slice(0, 80) : t('calc.scenario.imported_name'),
    state: fromObject(doc.state),
  };
}
