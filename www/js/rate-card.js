// Rate cards and spending rule sets as the page uses them: the shipped presets, the "what if"
// edits laid over a card, and the sources behind each figure. An edited card (or rule set) is
// sent to the engine whole, in exactly the form `presets` returns it. Platforms and channels are
// named in the reader's language (the shared catalogue's `card.*`), or as the data names them.
import { has, t } from './i18n.js';

/** The presets, looked up the ways the page needs. */
export class Presets {
  constructor(answer) {
    this.cards = answer.rate_cards;
    this.catalogues = new Map(answer.gift_catalogues.map((c) => [c.id, c]));
    this.byId = new Map(this.cards.map((c) => [c.id, c]));
    /** Spending rule sets, in the form `plan` and `quote` accept back as `rule_set`. */
    this.ruleSets = answer.rule_sets ?? [];
    this.ruleSetById = new Map(this.ruleSets.map((r) => [r.id, r]));
    /** Every IANA time zone the engine knows, and its database's version. */
    this.timeZones = answer.time_zones?.zones ?? [];
  }

  /** Currencies with at least one preset, in preset order. */
  currencies() {
    return [...new Set(this.cards.map((c) => c.currency))];
  }

  cardsIn(currency) {
    return this.cards.filter((c) => c.currency === currency);
  }

  /** The gifts a card offers: its catalogue's, its own list, or none. */
  giftsOf(card) {
    if (typeof card?.gifts === 'string') return this.catalogues.get(card.gifts)?.gifts ?? [];
    // An edited card's own list may hold anything; the engine reports what is not a gift.
    return Array.isArray(card?.gifts) ? card.gifts.filter(isObject) : [];
  }

  /** A preset in `currency` on the same platform and channel as `card`, else the first one. */
  counterpart(card, currency) {
    const inCurrency = this.cardsIn(currency);
    return (
      inCurrency.find((c) => c.platform === card?.platform && c.channel === card?.channel) ??
      inCurrency.find((c) => c.platform === card?.platform) ??
      inCurrency[0]
    );
  }
}

/** "TikTok · iPhone app" for a card. */
export function shortName(card) {
  return t('calc.card.short_name', { platform: platformName(card), channel: has(`card.channel.${card.channel}`) ? t(`card.channel.${card.channel}`) : card.channel });
}

/** "TikTok": the platform of a card. */
export function platformName(card) {
  return has(`card.platform.${card.platform}`) ? t(`card.platform.${card.platform}`) : card.platform;
}

const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** A deep copy of plain JSON data. */
export function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * The preset with `edits` laid over it: objects merge key by key, anything else (numbers,
 * strings, arrays, null) replaces. Keys that could reach a prototype are ignored.
 */
export function applyEdits(preset, edits) {
  const merge = (base, patch) => {
    if (!isObject(patch) || !isObject(base)) return clone(patch);
    const out = clone(base);
    for (const [key, value] of Object.entries(patch)) {
      if (UNSAFE_KEYS.has(key)) continue;
      out[key] = key in out ? merge(out[key], value) : clone(value);
    }
    return out;
  };
  return isObject(edits) ? merge(preset, edits) : clone(preset);
}

/** The smallest `edits` that turn `preset` into `card` (the inverse of `applyEdits`). */
export function diffEdits(preset, card) {
  const diff = (base, next) => {
    if (isObject(base) && isObject(next)) {
      const out = {};
      for (const key of Object.keys(next)) {
        if (UNSAFE_KEYS.has(key)) continue;
        const d = key in base ? diff(base[key], next[key]) : clone(next[key]);
        if (d !== undefined) out[key] = d;
      }
      return Object.keys(out).length ? out : undefined;
    }
    return JSON.stringify(base) === JSON.stringify(next) ? undefined : clone(next);
  };
  return diff(preset, card) ?? null;
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Splits "bundles[2].price" into ["bundles", 2, "price"]. */
export function pathParts(path) {
  const parts = [];
  for (const m of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  }
  return parts;
}

/** The value at a path, or undefined. */
export function valueAt(obj, path) {
  let v = obj;
  for (const part of pathParts(path)) {
    if (v == null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, part) ? v[part] : undefined;
  }
  return v;
}

/** A copy of `obj` with the value at `path` set (intermediate objects created). */
export function withValueAt(obj, path, value) {
  const out = clone(obj);
  const parts = pathParts(path);
  let v = out;
  parts.slice(0, -1).forEach((part, i) => {
    if (v[part] == null || typeof v[part] !== 'object') v[part] = typeof parts[i + 1] === 'number' ? [] : {};
    v = v[part];
  });
  const last = parts[parts.length - 1];
  if (UNSAFE_KEYS.has(last)) return out;
  if (value === undefined) delete v[last];
  else v[last] = value;
  return out;
}

/**
 * The sources that speak for the figure at `path`: entries naming the path itself or a part of
 * the card containing it ("payout" covers "payout.fee.rate"), or a figure inside it.
 */
export function sourcesFor(card, path) {
  const covers = (field) =>
    field === path || path.startsWith(`${field}.`) || path.startsWith(`${field}[`) ||
    field.startsWith(`${path}.`) || field.startsWith(`${path}[`);
  return (card?.sources ?? []).filter((s) => (s.fields ?? []).some(covers));
}
