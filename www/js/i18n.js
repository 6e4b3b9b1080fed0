// The reader's language: which one is chosen, its messages, and `t(id, params)` to write one.
// Messages live in catalogues, flat objects keyed by message id (www/i18n/LANG.js for what every
// page shares, www/i18n/PART/LANG.js for one page's own, e.g. the lab's), loaded on demand: only
// the chosen language's files. English is the reference and the fallback. Figures inside a
// message follow the number locale, which is chosen apart from the text language.

/** The languages that ship, each by its own name (a picker shows them so). */
export const LANGUAGES = Object.freeze({ en: 'English', es: 'Español', de: 'Deutsch', ja: '日本語' });

/** The reference catalogue, and what a key missing from another language falls back to. */
export const FALLBACK = 'en';

/** Where a page keeps the reader's choice (every page of giftsim shares it). */
export const STORAGE_KEY = 'giftsim.language';

/** The number locale a language starts with, until the reader picks another. */
const NUMBER_LOCALES = { en: 'en-US', es: 'es-ES', de: 'de-DE', ja: 'ja-JP' };

/** Languages written right to left (none ships yet; a new one is added here too). */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

import sharedEnglish from '../i18n/en.js';

const folder = new URL('../i18n/', import.meta.url);
/** Parts loaded with every language ('' is the shared catalogue). */
const parts = new Set(['']);
/** `lang/part` → the promise of its messages. */
const files = new Map();
const listeners = new Set();

let current = FALLBACK;
// English is bundled with the code (no round trip before the first word); the other languages
// are fetched when chosen.
files.set(`${FALLBACK}/`, Promise.resolve(sharedEnglish));
let messages = { ...sharedEnglish };
let english = messages;
/** Whether `english` holds every part asked for (else a missing key fetches the rest). */
let englishWhole = false;
let numbers = null;
let asked = 0;

/** The chosen language's code ("en", "ja"). */
export function language() {
  return current;
}

/** The direction a language is written in, for `dir`: "ltr" or "rtl". */
export function dir(lang = current) {
  return RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr';
}

/** The first of `tags` (as navigator.languages gives them, "de-AT", "ja") that ships, or null. */
export function matchLanguage(tags) {
  for (const tag of tags ?? []) {
    const code = String(tag).toLowerCase().split(/[-_]/)[0];
    if (Object.hasOwn(LANGUAGES, code)) return code;
  }
  return null;
}

/** The language to open in: the reader's remembered choice, else the browser's, else English. */
export function preferredLanguage() {
  let stored = null;
  try {
    stored = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage refused (a sandboxed frame): the browser's languages decide.
  }
  return matchLanguage([stored]) ?? matchLanguage(globalThis.navigator?.languages ?? [globalThis.navigator?.language]) ?? FALLBACK;
}

/** Keeps the reader's choice for the next visit (nothing when storage is refused). */
export function rememberLanguage(lang) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not kept: the choice lasts this visit.
  }
}

/**
 * Loads `lang`'s catalogues (the shared one and each part asked for now or before) and makes it
 * the current language; every subscriber is told. A language that does not ship is English.
 */
export async function setLanguage(lang, { parts: more = [] } = {}) {
  for (const part of more) parts.add(part);
  const code = Object.hasOwn(LANGUAGES, lang) ? lang : FALLBACK;
  const ticket = ++asked;
  const loaded = await catalogue(code);
  // A later call won while this one loaded.
  if (ticket !== asked) return current;
  current = code;
  messages = loaded;
  if (code === FALLBACK) {
    english = loaded;
    englishWhole = true;
  }
  for (const listener of listeners) listener(code);
  return code;
}

/**
 * Gives a part's catalogue in one language from code that imported it statically: a page bundles
 * its English this way, so that English readers wait for no file. The part is loaded with every
 * language from now on (`setLanguage` fetches the others).
 */
export function provide(part, lang, catalogue) {
  parts.add(part);
  files.set(`${lang}/${part}`, Promise.resolve(catalogue));
  if (lang === FALLBACK) {
    english = { ...english, ...catalogue };
    if (current === FALLBACK) messages = { ...messages, ...catalogue };
  }
}

/** Calls `listener(lang)` after every change of language; returns a function that stops it. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The number locale ("de-DE"): the one set, else the language's own. */
export function numberLocale() {
  return numbers ?? languageNumberLocale(current);
}

/** The number locale a language starts with ("ja" → "ja-JP"). */
export function languageNumberLocale(lang = current) {
  return NUMBER_LOCALES[lang] ?? 'en-US';
}

/** Sets the locale figures in messages are written in (null: the language's own). */
export function setNumberLocale(locale) {
  numbers = locale || null;
}

/** The locale dates and lists are written in: the text language, in the number locale's region
 * when both are the same language ("en" with en-GB numbers writes 7 December 2026). */
export function textLocale() {
  const locale = numberLocale();
  return locale.split('-')[0] === current ? locale : NUMBER_LOCALES[current] ?? current;
}

/** Whether the current language (or English) has a message `id`. */
export function has(id) {
  return messages[id] !== undefined || english?.[id] !== undefined;
}

/**
 * The message `id` with its `{name}` placeholders filled from `params`: numbers are written in
 * the number locale, anything else as text. A message given as plural forms (`{ one, other }`,
 * or exact counts such as `"0"`) is chosen by `params.count` under the language's plural rules.
 */
export function t(id, params = {}) {
  return pieces(id, params).join('');
}

/**
 * The message `id` as a list of its text and its parameters' values, unjoined: a parameter may
 * be a DOM node (a link, a button) that a view places inside the sentence.
 */
export function tParts(id, params = {}) {
  return pieces(id, params).filter((p) => p !== '');
}

/** "a, b and c" in the current language. */
export function formatList(items, type = 'conjunction') {
  return new Intl.ListFormat(textLocale(), { style: 'long', type }).format(items.map(String));
}

/**
 * Writes a page's own markup in the current language: an element with `data-i18n="id"` gets the
 * message as its text (its children marked `data-i18n-slot="name"` stay, as the `{name}` of
 * the message: a link inside a sentence); `data-i18n-attr="aria-label=id; title=id2"` sets
 * attributes.
 */
export function localize(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const slots = Object.fromEntries([...el.querySelectorAll(':scope > [data-i18n-slot]')].map((s) => [s.dataset.i18nSlot, s]));
    el.replaceChildren(...tParts(el.dataset.i18n, slots));
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [name, id] = pair.split('=').map((s) => s.trim());
      if (name && id) el.setAttribute(name, t(id));
    }
  }
}

function pieces(id, params) {
  let message = messages[id] ?? english?.[id];
  if (message === undefined) message = missing(id);
  if (message !== null && typeof message === 'object') message = plural(message, params.count);
  return String(message)
    .split(/(\{\w+\})/)
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      if (!name || !Object.hasOwn(params, name)) return piece;
      const value = params[name];
      return typeof value === 'number' ? figure(value) : value !== null && typeof value === 'object' ? value : String(value ?? '');
    });
}

const pluralRules = new Map();
function plural(forms, count) {
  const n = Number(count);
  if (Object.hasOwn(forms, String(count))) return forms[String(count)];
  if (!pluralRules.has(current)) pluralRules.set(current, new Intl.PluralRules(current));
  return forms[Number.isFinite(n) ? pluralRules.get(current).select(n) : 'other'] ?? forms.other;
}

const figures = new Map();
function figure(n) {
  const locale = numberLocale();
  if (!figures.has(locale)) figures.set(locale, new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }));
  return figures.get(locale).format(n);
}

/** A key this language lacks: English, loaded once it is needed (the page redraws then). */
const warned = new Set();
function missing(id) {
  if (!warned.has(id)) {
    warned.add(id);
    console.warn(`giftsim: no message "${id}" in "${current}"`);
    if (!englishWhole && current !== FALLBACK) {
      englishWhole = true;
      catalogue(FALLBACK).then((loaded) => {
        english = loaded;
        for (const listener of listeners) listener(current);
      });
    }
  }
  return id;
}

/** Every part of `lang`'s catalogue, merged. */
async function catalogue(lang) {
  const loaded = await Promise.all([...parts].map((part) => file(lang, part)));
  return Object.assign({}, ...loaded);
}

function file(lang, part) {
  const key = `${lang}/${part}`;
  if (!files.has(key)) {
    const url = new URL(`${part ? `${part}/` : ''}${lang}.js`, folder);
    files.set(
      key,
      import(url.href).then(
        (m) => m.default,
        (e) => {
          files.delete(key);
          throw e;
        },
      ),
    );
  }
  return files.get(key);
}
