// Exact decimal strings, as the engine writes money, rates and percentages ("149.995", "-0.27",
// "30.08"): compared, summed, multiplied by whole numbers and shifted by powers of ten in BigInt
// arithmetic, never in binary floating point; and read from what a person typed, in any locale's
// signs. The page's only decimal arithmetic lives here.

const PLAIN = /^(-)?(\d+)(?:\.(\d+))?$/;

/** `{ units, scale }` with value `units / 10^scale`, or null for anything but a plain decimal. */
function parse(text) {
  const m = PLAIN.exec(String(text ?? '').trim());
  if (!m) return null;
  const [, minus, int, frac = ''] = m;
  const units = BigInt(int + frac);
  return { units: minus ? -units : units, scale: frac.length };
}

function write({ units, scale }) {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${whole}` : whole;
}

function rescale(d, scale) {
  return { units: d.units * 10n ** BigInt(scale - d.scale), scale };
}

/** True for a plain decimal string ("12.99", "-3", "0.0106"). */
export function isDecimal(text) {
  return parse(text) !== null;
}

/** Digits after the point ("149.995" → 3, "12" → 0); 0 for anything else. */
export function places(text) {
  return parse(text)?.scale ?? 0;
}

/** -1, 0 or 1; null for anything but a plain decimal. */
export function sign(text) {
  const d = parse(text);
  if (!d) return null;
  return d.units < 0n ? -1 : d.units > 0n ? 1 : 0;
}

/** The same decimal without its sign. */
export function abs(text) {
  const d = parse(text);
  return d ? write({ units: d.units < 0n ? -d.units : d.units, scale: d.scale }) : String(text);
}

/** `a` compared with `b`: -1, 0 or 1 (null when either is not a decimal). */
export function compare(a, b) {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  const scale = Math.max(x.scale, y.scale);
  const [p, q] = [rescale(x, scale).units, rescale(y, scale).units];
  return p < q ? -1 : p > q ? 1 : 0;
}

/** The exact sum of decimals, at the most places any has; null if one is not a decimal. */
export function sum(values) {
  const parsed = values.map(parse);
  if (parsed.some((d) => d === null)) return null;
  const scale = Math.max(0, ...parsed.map((d) => d.scale));
  return write({ units: parsed.reduce((acc, d) => acc + rescale(d, scale).units, 0n), scale });
}

/** `text × count` for a whole `count`, exactly; null for anything but a decimal. */
export function times(text, count) {
  const d = parse(text);
  return d ? write({ units: d.units * BigInt(count), scale: d.scale }) : null;
}

/** `text × 10^power` exactly ("0.3", 2 → "30"; "30.08", -2 → "0.3008"); null for non-decimals. */
export function shift(text, power) {
  const d = parse(text);
  if (!d) return null;
  const scale = d.scale - power;
  return scale >= 0 ? write({ units: d.units, scale }) : write({ units: d.units * 10n ** BigInt(-scale), scale: 0 });
}

/**
 * `part / whole` as a percentage with two places, rounded half away from zero: the engine's
 * `percent` rounding point, for shares the lab shows of a run's exact parts. Null when either is
 * not a decimal or `whole` is zero.
 */
export function percentOf(part, whole) {
  const p = parse(part);
  const w = parse(whole);
  if (!p || !w || w.units === 0n) return null;
  const scale = Math.max(p.scale, w.scale);
  const num = rescale(p, scale).units * 10000n;
  const den = rescale(w, scale).units;
  const negative = num < 0n !== den < 0n;
  const [n, d] = [num < 0n ? -num : num, den < 0n ? -den : den];
  const rounded = (2n * n + d) / (2n * d);
  return write({ units: negative ? -rounded : rounded, scale: 2 });
}

// What people type -------------------------------------------------------------------------------

/** A currency before or after the figure: a sign, maybe with letters ("$", "US$", "R$", "€"), an
 * ISO code ("USD"), or the yen's 円. */
const CURRENCY_BEFORE = /^(?:[A-Za-z]{0,3}\p{Sc}|[A-Za-z]{3}(?=[\s\d.,+\-−]))\s?/u;
const CURRENCY_AFTER = /\s?(?:[A-Za-z]{0,3}\p{Sc}|(?<=[\d.,\s])[A-Za-z]{3}|円)$/u;
const SIGN = /^[-−+]\s?/;
const PERCENT = /\s?%$/;
/** Signs that separate groups of digits: a point, a comma, a space (no-break and thin spaces
 * are spaces once normalized), an apostrophe (Swiss). */
const SEPARATORS = /[.,' ’]/;

/**
 * A number as a person typed it, read exactly (never through a float) with the number locale's
 * `decimal` sign ("." or ",") and `group` sign: `{ value, currency, percent }`, the engine's
 * plain decimal string ("1.000,00" → "1000.00", "０.５" → "0.5", every digit typed kept) and
 * whether a currency ("$20", "20 $", "€ 4,99", "USD 5") or a percent sign ("30 %") came with it;
 * or `{ problem }`: "empty", "ambiguous" (a lone point or comma that could group digits or end
 * them, in a locale where it does neither: "1.000" in French) or "unreadable".
 */
export function readTyped(text, { decimal = '.', group = decimal === ',' ? '.' : ',' } = {}) {
  // NFKC makes full-width digits and signs plain, and no-break and ideographic spaces spaces.
  let s = String(text ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (s === '') return { problem: 'empty' };
  let sign = null;
  let currency = false;
  let percent = false;
  // A sign, a currency and a percent sign, each at most once, in any order around the figure.
  for (let again = true; again; ) {
    again = false;
    const m = sign === null ? SIGN.exec(s) : null;
    if (m) [sign, s, again] = [m[0].trim(), s.slice(m[0].length), true];
    if (!percent && PERCENT.test(s)) [s, percent, again] = [s.replace(PERCENT, ''), true, true];
    for (const re of currency ? [] : [CURRENCY_BEFORE, CURRENCY_AFTER]) {
      const c = re.exec(s);
      if (!c || c[0] === '') continue;
      [s, currency, again] = [c.index === 0 ? s.slice(c[0].length) : s.slice(0, c.index), true, true];
      break;
    }
    s = s.trim();
  }
  const digits = readDigits(s, decimal, group.normalize('NFKC'));
  if (typeof digits === 'string') return { problem: digits };
  const whole = digits.whole.replace(/^0+(?=\d)/, '');
  const value = digits.fraction ? `${whole}.${digits.fraction}` : whole;
  const zero = /^[0.]*$/.test(value);
  return { value: sign !== null && sign !== '+' && !zero ? `-${value}` : value, currency, percent };
}

/** `{ whole, fraction }` of the digits and separators `s`, or why they cannot be read. */
function readDigits(s, decimal, group) {
  if (!/^[\d.,' ’]+$/.test(s) || !/\d/.test(s)) return 'unreadable';
  // ".5" and "5." (a point typed first, or not yet followed by digits).
  if (/^[.,]\d+$/.test(s)) return { whole: '0', fraction: s.slice(1) };
  if (/^\d+[.,]$/.test(s)) return { whole: s.slice(0, -1), fraction: '' };
  const signs = [...new Set(s.replace(/\d/g, ''))];
  if (signs.length === 0) return { whole: s, fraction: '' };
  const last = s.match(/[.,' ’](?=\d+$)/)?.[0];
  if (signs.length === 2) {
    // Both a group sign and a decimal sign: the decimal one is the last, and once.
    const cut = s.lastIndexOf(last);
    const [whole, fraction] = [s.slice(0, cut), s.slice(cut + 1)];
    if (!'.,'.includes(last) || whole.includes(last) || !grouped(whole, signs.find((c) => c !== last))) return 'unreadable';
    return { whole: whole.replace(/\D/g, ''), fraction };
  }
  if (signs.length > 2) return 'unreadable';
  const [sign] = signs;
  const count = s.split(sign).length - 1;
  if (!'.,'.includes(sign) || count > 1) return grouped(s, sign) ? { whole: s.replace(/\D/g, ''), fraction: '' } : 'unreadable';
  const [whole, fraction] = s.split(sign);
  if (sign === decimal) return { whole, fraction };
  if (grouped(s, sign)) return sign === group ? { whole: whole + fraction, fraction: '' } : 'ambiguous';
  return { whole, fraction };
}

/** Whether `s` is digits in groups of three split by `sign` ("1,000,000"), or in the Indian way
 * ("1,00,000": two by two, then three). */
function grouped(s, sign) {
  if (!SEPARATORS.test(sign)) return false;
  const parts = s.split(sign);
  const [first, ...rest] = parts;
  if (!/^[1-9]\d{0,2}$/.test(first) || rest.length === 0) return false;
  const western = rest.every((p) => /^\d{3}$/.test(p));
  const indian = /^\d{3}$/.test(rest.at(-1)) && rest.slice(0, -1).every((p) => /^\d{2}$/.test(p)) && /^[1-9]\d?$/.test(first);
  return western || indian;
}
