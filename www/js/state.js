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
});

/** Fields kept as typed (the engine judges them), by name in the state, URL and files. */
const TEXT_FIELDS = ['coins', 'spend', 'cash', 'compare'];
/** Fields chosen from fixed lists, checked by `fromObject`. */
const CHOICE_FIELDS = ['locale', 'currency', 'card', 'flow'];

/** The questions whose money flow can be drawn. */
export const FLOWS = ['gifts', 'coins', 'spend', 'cash'];

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
const CURRENCY = /^[A-Z]{3}$/;
const MAX_TEXT = 40;
const MAX_GIFTS = 50;
const MAX_EDITS = 20_000;

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
  };
  for (const key of TEXT_FIELDS) state[key] = text(src[key], DEFAULTS[key]);
  return state;
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
  const gifts = state.gifts.map((g) => `${g.gift}*${g.count}`).join(',');
  if (gifts !== 'lion*1') q.set('gifts', gifts);
  if (state.edits) q.set('edits', JSON.stringify(state.edits));
  return `?${q}`;
}

/** The state a URL query describes (unknown versions are read as version 1, field by field). */
export function fromQuery(search) {
  const q = new URLSearchParams(search);
  const raw = {};
  for (const key of [...CHOICE_FIELDS, ...TEXT_FIELDS]) {
    if (q.has(key)) raw[key] = q.get(key);
  }
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
