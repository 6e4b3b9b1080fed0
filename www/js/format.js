// Every number on the page goes through Intl.NumberFormat for the chosen locale. Money arrives
// as decimal strings and is formatted from the string, so no digit is lost to floating point.

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

function makeFormatter(locale, code) {
  // An edited card may name any currency: one Intl cannot read is shown as "no currency" (XXX),
  // and the engine reports the code at its field.
  const currency = typeof code === 'string' && /^[A-Za-z]{3}$/.test(code) ? code : 'XXX';
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const fine = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 6,
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' });
  const decimalSeparator =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return {
    locale,
    currency,
    decimalSeparator,
    /** "12.99" → "$12.99" (exact: Intl formats the decimal string itself). */
    money: (amount) => (amount == null ? '—' : money.format(String(amount))),
    /** Amounts finer than a cent: a price per coin, a Diamond's value. */
    fine: (amount) => (amount == null ? '—' : fine.format(String(amount))),
    count: (n) => (n == null ? '—' : count.format(n)),
    decimal: (s) => (s == null ? '—' : decimal.format(String(s))),
    /** A fraction ("0.30") as a percentage. */
    rate: (fraction) => percent.format(Number(fraction)),
    /** A percentage figure ("33.05") as a percentage. */
    percent: (figure) => percent.format(Number(figure) / 100),
    days: (n) => days.format(n),
  };
}

/**
 * Money typed by a person, as the engine's decimal string: a lone locale decimal comma becomes a
 * point ("12,50" → "12.50") and spaces go; anything else is passed on for the engine to judge.
 */
export function moneyInput(text, decimalSeparator) {
  const trimmed = String(text).trim().replace(/[\s\u00a0\u202f]/g, '');
  if (decimalSeparator === ',' && /^\d+,\d+$/.test(trimmed)) return trimmed.replace(',', '.');
  return trimmed;
}

/** Names of the places money goes, as a person reads them. */
export const RECIPIENTS = {
  tax: 'Tax',
  store_fee: 'App store fee',
  payment_fee: 'Payment processing',
  creator: 'Creator',
  agency: 'Agency',
  platform: 'Platform',
  unspent_coins: 'Coins not yet spent',
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
