// The engine's metrics as a product team reads them (their names in the catalogue,
// `lab.metric.NAME`), and the lab's number formatting (every number through Intl.NumberFormat;
// money from its decimal string, so no digit is lost).
import { isDecimal, percentOf, shift } from '../decimal.js';
import { formatter } from '../format.js';
import { has, t } from '../i18n.js';

/** Money metrics, in the engine's order. */
export const MONEY_METRICS = ['budgets', 'viewer_spend', 'tax', 'store_fees', 'payment_fees', 'creator_payouts', 'agency', 'platform_margin', 'unspent_coins_value', 'gifted_value', 'blocked_spend', 'blocked_gifts', 'withdrawn', 'withdrawal_fees', 'unwithdrawn', 'arpu', 'arppu'];

/** Count metrics, in the engine's order. */
export const COUNT_METRICS = ['viewers', 'spenders', 'payers', 'purchases', 'gifts', 'coins_bought', 'coins_gifted', 'unspent_coins', 'diamonds', 'creators_with_gifts', 'creators_paid', 'warnings', 'channel_switches'];

/** Ratio metrics (6 decimals in the answer), in the engine's order. */
export const RATIO_METRICS = ['payer_share', 'purchases_per_payer', 'top_1pct_revenue_share', 'top_10pct_revenue_share', 'top_20pct_viewers_revenue_share'];

/** Figures whose rise is good news for viewers, creators and the business alike. */
const GOOD_WHEN_HIGHER = new Set(['viewer_spend', 'creator_payouts', 'platform_margin', 'gifted_value', 'withdrawn', 'arpu', 'arppu', 'payers', 'payer_share', 'purchases', 'purchases_per_payer', 'gifts', 'coins_bought', 'coins_gifted', 'diamonds', 'creators_with_gifts', 'creators_paid', 'spenders', 'viewers']);
/** Figures whose rise is bad news: money the rules stopped, warnings, fees and stranded money. */
const BAD_WHEN_HIGHER = new Set(['blocked_spend', 'blocked_gifts', 'warnings', 'store_fees', 'payment_fees', 'withdrawal_fees', 'unwithdrawn', 'unspent_coins_value', 'unspent_coins']);

/** Whether a change of `metric` up (or down) is good, bad or neither (taxes, budgets, shares). */
export function tone(metric, up) {
  if (GOOD_WHEN_HIGHER.has(metric)) return up ? 'good' : 'bad';
  if (BAD_WHEN_HIGHER.has(metric)) return up ? 'bad' : 'good';
  return 'neutral';
}

/** A metric's name as people read it (the engine's id for one the catalogue does not know). */
export const metricName = (m) => (has(`lab.metric.${m}`) ? t(`lab.metric.${m}`) : String(m));

/** A name inside a sentence: "Platform margin" → "platform margin" in a language that writes
 * nouns in lower case there (the catalogue's `lab.case.in_sentence` says "lower"); "ARPU" stays. */
export const inSentence = (text) => (t('lab.case.in_sentence') === 'lower' && /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text);

/** `[metric, name]` of each metric of a list, for a select. */
export const metricOptions = (metrics) => metrics.map((m) => [m, metricName(m)]);

/** A metric's unit in an answer: money, count or ratio. */
export const unitOf = (m) => (MONEY_METRICS.includes(m) ? 'money' : RATIO_METRICS.includes(m) ? 'ratio' : 'count');

/** Whether a ratio metric is a share, shown as a percentage (purchases per payer is a number). */
export const isShare = (m) => RATIO_METRICS.includes(m) && m !== 'purchases_per_payer';

/** Where every cent of viewer spend goes: [metric, colour (theme.css --gs-flow-*)], each part
 * named `lab.split.METRIC`. The parts add up to viewer spend in each run. */
export const SPLIT = [
  ['tax', 'tax'],
  ['store_fees', 'store_fee'],
  ['payment_fees', 'payment_fee'],
  ['creator_payouts', 'creator'],
  ['agency', 'agency'],
  ['platform_margin', 'platform'],
  ['unspent_coins_value', 'unspent_coins'],
];

/** The money metrics an A/B chart shows, most asked-about first. */
export const AB_METRICS = ['viewer_spend', 'creator_payouts', 'platform_margin', 'store_fees', 'payment_fees', 'unspent_coins_value', 'blocked_spend', 'blocked_gifts', 'gifted_value', 'unwithdrawn'];

/** The calculator's formatter plus what the lab needs: compact axes and signed changes. */
export function labFormatter(locale, currency) {
  const base = formatter(locale, currency);
  const compactMoney = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  const compactCount = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const signedMoney = new Intl.NumberFormat(locale, { style: 'currency', currency, signDisplay: 'exceptZero' });
  const signedCount = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
  const signedPercent = new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 2 });
  const progress = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const tick = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const signedPoints = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const labRatio = (name, v) => {
    if (v == null || !isDecimal(String(v))) return '—';
    return name === 'purchases_per_payer' ? base.decimal(percentOf(String(v), '100')) : base.percent(percentOf(String(v), '1'));
  };
  return {
    ...base,
    compactMoney: (v) => compactMoney.format(v),
    compactCount: (v) => compactCount.format(v),
    /** "-553.81" → "−$553.81", "+$1.00". */
    signedMoney: (s) => (s == null ? '—' : signedMoney.format(String(s))),
    signedCount: (s) => (s == null ? '—' : signedCount.format(String(s))),
    /** The engine's percent figure ("-0.48") as "−0.48%", exactly. */
    signedPercent: (s) => (s == null || !isDecimal(s) ? '—' : signedPercent.format(shift(s, -2))),
    /** `part` of `whole` (exact decimals) as a percentage, rounded as the engine rounds one. */
    share: (part, whole) => base.percent(percentOf(part, whole)),
    seconds: (ms) => seconds.format(ms / 1000),
    /** How far a run is (a fraction of the work, not a figure of the answer): "42%". */
    progress: (fraction) => progress.format(fraction),
    /** A chart axis's tick (a number the chart chose, not a figure), to four places at most. */
    tick: (n) => tick.format(n),
    /** A parameter value ("1.10") in the locale's digits, every digit shown. */
    value: (s) => (isDecimal(s) ? base.decimal(String(s)) : String(s)),
    /** A ratio of the engine ("0.019000"): a share as a percentage with two places ("1.90%"),
     * purchases per payer as a number with two ("2.29"), rounded as the engine rounds. */
    ratio: labRatio,
    /** A metric's value: money, a count or a ratio (`name` says which ratio). */
    metric: (unit, v, name) => (unit === 'money' ? base.money(v) : unit === 'ratio' ? labRatio(name, v) : base.count(v)),
    signedMetric: (unit, v, name) => {
      if (v == null) return '—';
      if (unit === 'ratio') {
        // A share's difference in percentage points; purchases per payer as a number.
        const figure = name === 'purchases_per_payer' ? percentOf(String(v), '100') : percentOf(String(v), '1');
        return figure == null ? '—' : name === 'purchases_per_payer' ? signedPoints.format(figure) : t('lab.points', { points: signedPoints.format(figure) });
      }
      return unit === 'money' ? signedMoney.format(String(v)) : signedCount.format(String(v));
    },
  };
}

/** A sweep parameter's short name, for table heads and legends ("cap:13-to-17/monthly" → "Cap 13-to-17/monthly"). */
export function parameterShortName(p) {
  if (has(`lab.short.${p}`)) return t(`lab.short.${p}`);
  if (p.startsWith('price_multiplier:')) return t('lab.short.price_multiplier_of', { card: p.slice('price_multiplier:'.length) });
  if (p.startsWith('cap:')) return t('lab.short.cap', { cap: p.slice(4) });
  const bundle = bundleParameter(p);
  if (bundle) return t(bundle.field === 'price' ? 'lab.short.bundle_price' : 'lab.short.bundle_coins', { coins: bundle.coins, card: bundle.card });
  return p;
}

/** An A/B variant's name (its own, or "Variant 1"), the base being A. */
export function variantName(v, i) {
  return typeof v?.name === 'string' && v.name ? v.name : t('lab.variant.unnamed', { n: i + 1 });
}

/** An A/B variant as the lab names it: "Variant B: iOS +10 %". */
export function variantTitle(v, i) {
  return t('lab.variant.title', { letter: variantLetter(i), name: variantName(v, i) });
}

/** The letter of the i-th variant, the base being A. */
export const variantLetter = (i) => String.fromCharCode(66 + (i % 25));

/** `bundle:CARD/COINS/price` (or `/coins`) → { card, coins, field }, or null. */
export function bundleParameter(p) {
  const m = /^bundle:([^/]+)\/(\d+)\/(price|coins)$/.exec(String(p));
  return m ? { card: m[1], coins: m[2], field: m[3] } : null;
}
