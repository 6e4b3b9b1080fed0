// The engine's errors as the page and the lab's workers pass them around: `{ code, path,
// message, details }`. One place turns whatever was thrown into that shape, and one place writes
// an error's words for people from the catalogue (keyed by `code`, the specifics from `details`);
// nothing on the page reads the English message to find facts.
import { isDecimal } from './decimal.js';
import { formatter } from './format.js';
import { formatList, has, numberLocale, t } from './i18n.js';

/** An error of the page's own (a check it makes before asking the engine). A page that words it
 * from the catalogue names the message as `details.message_id` (its other details fill it). */
export function pageError(code, message, path = '', details = {}) {
  return { code, path, message, details };
}

/** What a call into the engine threw, as `{ code, path, message, details }`. */
export function fromThrown(thrown) {
  if (thrown instanceof Error && typeof thrown.code === 'string') {
    const details = thrown.details && typeof thrown.details === 'object' ? thrown.details : {};
    return { code: thrown.code, path: typeof thrown.path === 'string' ? thrown.path : '', message: thrown.message, details };
  }
  // Not an engine error: a trap would mean a bug in the engine, so say so plainly.
  const reason = String(thrown?.message ?? thrown);
  return pageError('internal', `the engine failed unexpectedly: ${reason}`, '', { reason });
}

/**
 * The messages of each code, most specific first: the first whose details are all given (a
 * list, not empty) is used, with its third entry, if any, the detail that chooses a plural
 * form. A code or a set of details not here is said in the engine's words.
 */
const MESSAGES = {
  out_of_range: [
    [['min', 'max', 'given'], 'error.out_of_range.between_given'],
    [['min_exclusive', 'max', 'given'], 'error.out_of_range.above_at_most_given'],
    [['min_exclusive', 'max'], 'error.out_of_range.above_at_most'],
    [['min_exclusive', 'given'], 'error.out_of_range.above_given'],
    [['min_exclusive'], 'error.out_of_range.above'],
    [['min', 'max'], 'error.out_of_range.between'],
    [['min', 'given'], 'error.out_of_range.at_least_given'],
    [['min'], 'error.out_of_range.at_least'],
    [['max', 'given'], 'error.out_of_range.at_most_given'],
    [['max'], 'error.out_of_range.at_most'],
  ],
  // A range of days (the first day a region's rules are known, say).
  'out_of_range:day': [
    [['min', 'max', 'given'], 'error.out_of_range.days_between_given'],
    [['min', 'given'], 'error.out_of_range.from_day_given'],
    [['min'], 'error.out_of_range.from_day'],
    [['max', 'given'], 'error.out_of_range.until_day_given'],
    [['max'], 'error.out_of_range.until_day'],
  ],
  too_large: [
    [['max', 'given'], 'error.too_large.given'],
    [['max'], 'error.too_large.max'],
    [[], 'error.too_large'],
  ],
  invalid_decimal: [
    [['currency', 'decimals'], 'error.invalid_decimal.places', 'decimals'],
    [[], 'error.invalid_decimal'],
  ],
  invalid_json: [
    [['line', 'column'], 'error.invalid_json.at'],
    [[], 'error.invalid_json'],
  ],
  missing_field: [[['field'], 'error.missing_field']],
  unknown_field: [[['field'], 'error.unknown_field']],
  invalid_value: [
    [['zone'], 'error.invalid_value.zone'],
    [['given', 'suggestions'], 'error.invalid_value.suggest'],
    [['min', 'given'], 'error.invalid_value.above_given'],
    [['suggestions'], 'error.invalid_value.choices'],
  ],
  unknown_preset: [
    [['preset'], 'error.unknown_preset'],
    [['given', 'suggestions'], 'error.unknown_preset.suggest'],
  ],
  unknown_gift: [
    [['gift', 'suggestions'], 'error.unknown_gift.suggest'],
    [['gift'], 'error.unknown_gift'],
  ],
  unknown_currency: [
    [['currency', 'suggestions'], 'error.unknown_currency.suggest'],
    [['currency'], 'error.unknown_currency'],
  ],
  unknown_region: [[['region'], 'error.unknown_region']],
  currency_mismatch: [
    [['expected', 'found'], 'error.currency_mismatch.card'],
    [['from', 'to'], 'error.currency_mismatch.rate'],
  ],
  duplicate: [
    [['coins'], 'error.duplicate.bundle'],
    [['region'], 'error.duplicate.region'],
    [['field'], 'error.duplicate.field'],
    [[], 'error.duplicate'],
  ],
  no_solution: [[['needed', 'held'], 'error.no_solution.held']],
  overflow: [[[], 'error.overflow']],
  io: [[[], 'error.io']],
  cancelled: [[[], 'error.cancelled']],
  time_zone_not_loaded: [[['zone'], 'error.time_zone_not_loaded']],
  // Serde's sentence names Rust types ("expected u32"): people get a plain one.
  invalid_type: [[[], 'error.invalid_type']],
  // The pages' own.
  engine_unavailable: [[[], 'error.engine_unavailable']],
  time_zone_unavailable: [[['zone'], 'error.time_zone_unavailable']],
  internal: [[['reason'], 'error.internal']],
  busy: [[[], 'error.busy']],
};

/**
 * An error's words for people, in the reader's language: `{ text, lang }`. `lang` is "en" when
 * the catalogue has no words for the error and the engine's own (English) sentence is shown, so
 * a page can mark it for assistive technology; null otherwise.
 */
export function explain(err) {
  const details = { ...(err?.details ?? {}), field: err?.details?.field ?? fieldOf(err?.path) };
  const own = details.message_id;
  if (typeof own === 'string' && has(own)) return { text: t(own, words(details)), lang: null };
  const present = (key) => details[key] != null && details[key] !== '' && !(Array.isArray(details[key]) && details[key].length === 0);
  const day = err?.code === 'out_of_range' && ['min', 'max'].some((key) => /^\d{4}-\d{2}-\d{2}$/.test(String(details[key])));
  const [, id, counted] = (MESSAGES[day ? 'out_of_range:day' : err?.code] ?? []).find(([keys]) => keys.every(present)) ?? [];
  if (id && has(id)) return { text: t(id, { ...words(details), count: counted ? Number(details[counted]) : undefined }), lang: null };
  // The engine's own sentence, as a sentence ("the range is empty: …" → "The range is empty: ….").
  const message = String(err?.message ?? '').trim();
  return { text: message && `${message[0].toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`, lang: 'en' };
}

/** An error's words for people (see `explain`). */
export function describeError(err) {
  return explain(err).text;
}

/** The last field name of a path ("channels[0].rate_card.creator" → "creator"). */
function fieldOf(path) {
  const m = /([A-Za-z_][\w-]*)(?:\[\d+\])*$/.exec(String(path ?? ''));
  return m ? m[1] : '';
}

/** Details as a message shows them: decimals and counts in the number locale, lists in words;
 * and `example`, a number as the locale writes one. */
function words(details) {
  const locale = numberLocale();
  const fmt = formatter(locale, 'XXX');
  const one = (v) => (typeof v === 'number' ? v : typeof v === 'string' && isDecimal(v) ? fmt.decimal(v) : String(v));
  const example = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(12.99);
  return { example, ...Object.fromEntries(Object.entries(details).map(([k, v]) => [k, Array.isArray(v) ? formatList(v.map(one), 'disjunction') : one(v)])) };
}
