// Exact decimal strings, as the engine writes money, rates and percentages ("149.995", "-0.27",
// "30.08"): compared, summed, multiplied by whole numbers and shifted by powers of ten in BigInt
// arithmetic, never in binary floating point. The page's only decimal arithmetic lives here.

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
