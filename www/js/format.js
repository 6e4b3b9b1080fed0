// Every number on the page goes through Intl.NumberFormat for the chosen locale. Money arrives
// as decimal strings and is formatted from the string, so no digit is lost to floating point.
import { isDecimal, places, readTyped, shift } from './decimal.js';

/** The locales offered for number formatting. */
export const LOCALES = [
  ['en-US', 'English (US)'],
  ['en-GB', 'English (UK)'],
  ['de-DE', 'Deutsch'],
  ['fr-FR', 'Français'],
  ['es-ES', 'Español'],
  ['pt-BR', 'Português (Brasil)'],
  ['ja-JP', '日本語'],
  ['hi-IN', 'हिन्दी (भारत)'],
];

const formatters = new Map();

/** Formatting functions for one locale and one currency (made once: Intl objects are slow to build). */
export function formatter(locale, currency) {
  const key = `${locale}|${currency}`;
  if (!formatters.has(key)) formatters.set(key, makeFormatter(locale, currency));
  return formatters.get(key);
}

/**
 * The page's one way to show a number: every figure the engine gives as a decimal string is
 * shown with exactly the digits it has (Intl formats the string itself, never a float), so the
 * page never rounds a second time — a figure reads the same in every section.
 */
function makeFormatter(locale, code) {
  // An edited card may name any currency: one Intl cannot read is shown as "no currency" (XXX),
  // and the engine reports the code at its field.
  const currency = typeof code === 'string' && /^[A-Za-z]{3}$/.test(code) ? code : 'XXX';
  const minor = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().minimumFractionDigits;
  const cache = new Map();
  /** An Intl format for `digits` places (`style` currency, percent or decimal), made once. */
  const exact = (style, digits, min = digits) => {
    const k = `${style}|${min}|${digits}`;
    if (!cache.has(k)) {
      cache.set(
        k,
        new Intl.NumberFormat(locale, {
          ...(style === 'currency' ? { style, currency } : style === 'percent' ? { style } : {}),
          minimumFractionDigits: min,
          maximumFractionDigits: digits,
        }),
      );
    }
    return cache.get(k);
  };
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const axisMoney = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' });
  const decimalSeparator =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  /** Money: the currency's places, or every place the engine gave (a price per coin). */
  const money = (amount) => {
    if (amount == null || !isDecimal(amount)) return '—';
    return exact('currency', Math.max(minor, places(amount)), minor).format(String(amount));
  };
  return {
    locale,
    currency,
    decimalSeparator,
    /** "12.99" → "$12.99"; "0.015128" → "$0.015128" (exact: never rounded on the page). */
    money,
    count: (n) => (n == null ? '—' : count.format(n)),
    /** A plain decimal, every digit shown as written ("7.10" stays "7.10"). */
    decimal: (s) => (s == null || !isDecimal(s) ? '—' : exact('decimal', places(s)).format(String(s))),
    /** A rate the card states as a fraction ("0.3") as a percentage ("30%"), exactly. */
    rate: (fraction) => {
      const figure = shift(fraction, 2);
      return figure == null ? '—' : exact('percent', places(figure), 0).format(shift(figure, -2));
    },
    /** A percentage the engine computed ("30.08", two places at its Percent rounding point). */
    percent: (figure) => {
      if (figure == null || !isDecimal(figure)) return '—';
      return exact('percent', places(figure)).format(shift(figure, -2));
    },
    days: (n) => days.format(n),
    /** A chart axis's tick (a number the chart chose, not a figure): rounded to the currency. */
    axis: (n) => axisMoney.format(n),
  };
}

const signs = new Map();
/** The signs `locale` writes numbers with: `{ decimal, group }` (en-US: "." and ","). */
export function numberSigns(locale) {
  if (!signs.has(locale)) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    signs.set(locale, { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' });
  }
  return signs.get(locale);
}

/**
 * Money typed by a person, as the engine's decimal string, read in the locale's signs
 * ("1.000,50" → "1000.50", "$20" → "20"; decimal.js `readTyped`); anything unreadable is passed
 * on as typed for the engine to judge.
 */
export function moneyInput(text, decimalSeparator) {
  const read = readTyped(text, { decimal: decimalSeparator });
  return read.value !== undefined && !read.percent ? read.value : String(text).trim();
}

/** Names of the places money goes, as a person reads them. */
export const RECIPIENTS = {
  tax: 'Tax',
  store_fee: 'App store fee',
  payment_fee: 'Payment processing',
  creator: 'Creator',
  agency: 'Agency',
  platform: 'Platform',
  unspent_coins: 'Coins not yet spent (after tax and fees)',
};

/** Channel names as a person reads them. */
export const CHANNELS = {
  web: 'Web',
  ios: 'iPhone app',
  android: 'Android app',
  desktop: 'Desktop',
  mobile: 'Mobile app',
  other: 'Other',
};

/** "1 Coin", "2 Coins": a count with the platform's name for its unit, singular for one. */
export function unitCount(fmt, n, plural = 'coins') {
  const singular = /ux$/.test(plural) ? plural : plural.replace(/s$/, '');
  return `${fmt.count(n)} ${n === 1 ? singular : plural}`;
}
