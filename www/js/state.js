// The page's state: what the person asked, on which card, with which edits, in which format.
// It lives in the URL (versioned, so old links keep working or are read as well as possible),
// in saved scenarios and in exported files, always through `fromObject`, which trusts nothing.

/** The state format's version, written as `v` in URLs and files. */
export const VERSION = 1;

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
  // The spending check: a person, a rule set and a dated plan (China's 2019 rules for a
  // 15-year-old's month of top-ups, the example of examples/plan-cn-games-2019.json).
  rules: 'cn-games-2019',
  age: '15',
  region: 'CN',
  zone: '',
  guardian: false,
  // Exchange rates by pair, as typed ("USD/CNY": 1 USD = 7.10 CNY): the example's is an
  // example, to replace with today's. (`fx`, a single rate, is how older links wrote one.)
  fx: '',
  rates: Object.freeze({ 'USD/CNY': '7.10' }),
  now: '',
  check: false,
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

/** Fields kept as typed (the engine judges them), by name in the state, URL and files. */
const TEXT_FIELDS = ['coins', 'spend', 'cash', 'compare', 'age', 'fx', 'now'];
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
  return { at, kind, amount: '10.00', currency, coins: '1000', gift: 'rose', count: '1', approved: false, note: '' };
}

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
const REGION = /^[A-Z]{2}$/;
// The form of an IANA name (Africa/Porto-Novo, America/Argentina/Buenos_Aires, Etc/GMT+5).
const ZONE = /^(UTC|[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){1,2}|[+-]\d{2}(:\d{2})?)$/;

/**
 * A clean state from untrusted data (URL, file, storage): every field checked, anything odd
 * replaced by its default. Values the engine judges (amounts, counts) are kept as text so a
 * wrong one reaches the engine and is reported next to its field.
 */
export function fromObject(raw) {
  const src = raw && typeof raw === 'object' ? raw : {};
  const text = (v, d) => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, MAX_TEXT) : d);
  const pick = (v, ok, d) => (typeof v === 'string' && ok(v) ? v : d);
  const state = {
    locale: pick(src.locale, (v) => LOCALE.test(v) && Intl.NumberFormat.supportedLocalesOf(v).length > 0, DEFAULTS.locale),
    currency: pick(src.currency, (v) => CURRENCY.test(v), DEFAULTS.currency),
    card: pick(src.card, (v) => ID.test(v) && v.length <= 64, DEFAULTS.card),
    edits: cleanEdits(src.edits),
    gifts: cleanGifts(src.gifts),
    flow: pick(src.flow, (v) => FLOWS.includes(v), DEFAULTS.flow),
    rules: pick(src.rules, (v) => ID.test(v) && v.length <= 64, DEFAULTS.rules),
    region: pick(src.region, (v) => v === '' || REGION.test(v), DEFAULTS.region),
    zone: pick(src.zone, (v) => v === '' || (v.length <= 40 && ZONE.test(v)), DEFAULTS.zone),
    events: cleanEvents(src.events),
    // An older link's single rate (`fx`) stands for the card's pair when it brings no `rates`.
    rates: src.rates === undefined && text(src.fx, '') ? {} : cleanRates(src.rates),
  };
  for (const key of TEXT_FIELDS) state[key] = text(src[key], DEFAULTS[key]);
  for (const key of FLAGS) state[key] = src[key] === undefined ? DEFAULTS[key] : src[key] === true || src[key] === '1';
  return state;
}

/**
 * A plan's events from untrusted data: at most MAX_EVENTS, each with a known kind; typed values
 * stay text (the engine judges them), a currency is three capitals, a gift an id.
 */
function cleanEvents(events) {
  if (!Array.isArray(events)) return DEFAULTS.events.map((e) => ({ ...e }));
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
      };
    });
}

/**
 * The events in a URL: events joined by `,`, each `at;kind;value;value;flags;note` with every
 * part URI-encoded (so no part can hold a separator); the values are the kind's own (an amount
 * and its currency, coins, a gift and its count), `g` in flags marks a guardian's approval.
 */
export function eventsToText(events) {
  return events
    .map((e) => {
      const values = { buy: [e.amount, e.currency], tip: [e.amount, e.currency], coins: [e.coins, ''], gift: [e.gift, e.count] }[e.kind];
      const parts = [e.at, e.kind, ...values, e.approved ? 'g' : '', e.note];
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
      const [at, kind, a = '', b = '', flags = '', note = ''] = parts;
      const e = { at, kind, approved: flags.includes('g'), note };
      if (kind === 'buy' || kind === 'tip') Object.assign(e, { amount: a, currency: b });
      else if (kind === 'coins') e.coins = a;
      else if (kind === 'gift') Object.assign(e, { gift: a, count: b });
      return e;
    })
    .filter(Boolean);
}

/** Exchange rates by pair, from untrusted data: `XXX/YYY` → short text. */
function cleanRates(rates) {
  if (rates === undefined) return { ...DEFAULTS.rates };
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
  return `?${q}`;
}

/** The state a URL query describes (unknown versions are read as version 1, field by field). */
export function fromQuery(search) {
  const q = new URLSearchParams(search);
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
  return fromObject(raw);
}

/** The file format of an exported scenario. */
export function toScenario(state, name) {
  return { giftsim_scenario: VERSION, name, saved_at: new Date().toISOString(), state };
}

/** Reads a scenario file's parsed JSON; throws an Error saying what is wrong. */
export function fromScenario(doc) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error('this is not a giftsim scenario (expected a JSON object)');
  }
  if (doc.giftsim_scenario !== VERSION) {
    throw new Error(
      doc.giftsim_scenario === undefined
        ? 'this JSON file is not a giftsim scenario (no "giftsim_scenario" field)'
        : `this scenario has format version ${String(doc.giftsim_scenario).slice(0, 20)}; this page reads version ${VERSION}`,
    );
  }
  if (!doc.state || typeof doc.state !== 'object') throw new Error('the scenario has no "state" object');
  return {
    name: typeof doc.name === 'string' ? doc.name.slice(0, 80) : 'Imported scenario',
    state: fromObject(doc.state),
  };
}
