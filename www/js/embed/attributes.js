// The widget's attributes, read as data. Each value is checked against what the engine offers;
// one that is not recognised gives way to its documented default (docs/embedding.md), and the
// page's editor is told so in the browser's console. The reader always sees an answer, never an
// error about a typo in the page's markup. These warnings are for the page's editor, in English.
import { LANGUAGES, matchLanguage } from '../i18n.js';
import { DEFAULTS, fromObject } from '../state.js';

const MODES = ['simple', 'full'];
const THEMES = ['light', 'dark', 'auto'];

/**
 * A checker of attributes read by `get(name)` (null when absent) that collects into `problems`
 * each value not recognised: `check(name, ok, fallback, expected)` is the value of attribute
 * `name`, or `fallback` (and a problem) when `ok(value)` is false. A problem is `{ name, value,
 * message }`, the message a sentence for the page's editor naming the attribute, its value and
 * the default used instead.
 */
function checker(get, problems) {
  return (name, ok, fallback, expected) => {
    const value = get(name);
    if (value === null || ok(value)) return value ?? fallback;
    const shown = (v) => JSON.stringify(String(v).slice(0, 64));
    problems.push({ name, value, message: `<giftsim-calculator> ${name}=${shown(value)} is not ${expected}; the default, ${shown(fallback)}, is used instead.` });
    return fallback;
  };
}

/**
 * The language a widget's `lang` asks for: `{ lang, problem }`, `lang` a language that ships
 * ("de" for `de-AT`). Without the attribute, or with one that does not ship (then `problem`
 * says so), it is the language of the page around the widget (`around`, as `lang` gives it)
 * if that one ships, else English.
 */
export function readLanguage(get, around) {
  const problems = [];
  const fallback = matchLanguage([around]) ?? 'en';
  const asked = checker(get, problems)('lang', (v) => matchLanguage([v]) !== null, fallback, `a language the widget is written in (${Object.keys(LANGUAGES).join(', ')})`);
  return { lang: matchLanguage([asked]) ?? fallback, problem: problems[0] ?? null };
}

/**
 * What a widget's attributes ask for: `{ state, mode, headingLevel, problems }`. `get(name)`
 * reads an attribute (null when absent), `presets` are the engine's, `locale` is the number
 * locale without a `locale` attribute (the language's own); `state` is the calculator's state,
 * and `problems` are as `checker` makes them. `lang` is read apart (`readLanguage`): the words
 * load while the engine does.
 */
export function readAttributes(get, presets, { locale: ownLocale = DEFAULTS.locale } = {}) {
  const problems = [];
  const check = checker(get, problems);

  const mode = check('mode', (v) => MODES.includes(v), 'simple', 'a mode (simple or full)');
  check('theme', (v) => THEMES.includes(v), 'light', 'a theme (light, dark or auto)');
  const headingLevel = Number(check('heading-level', (v) => /^[1-6]$/.test(v), '2', 'a heading level (1 to 6)'));

  let card = presets.byId.get(check('preset', (v) => presets.byId.has(v), DEFAULTS.card, 'a rate card’s id (such as tiktok-ios)'));
  const currencies = presets.currencies();
  const currency = check('currency', (v) => currencies.includes(v), card.currency, `a currency with a rate card (${currencies.join(', ')})`);
  // Another card of the same platform when the card asked for is in another currency.
  if (card.currency !== currency) card = presets.counterpart(card, currency);
  const locale = check('locale', (v) => fromObject({ locale: v }).locale === v, ownLocale, 'a locale this browser formats numbers in (such as en-US)');

  // A card without a catalogue (Twitch Bits, Super Chat…) is asked about coins: gift and count
  // are not used, so they are not checked either.
  const catalogue = presets.giftsOf(card);
  const defaultGift = catalogue.some((g) => g.id === DEFAULTS.gifts[0].gift) ? DEFAULTS.gifts[0].gift : catalogue[0]?.id ?? DEFAULTS.gifts[0].gift;
  const gift = catalogue.length ? check('gift', (v) => catalogue.some((g) => g.id === v), defaultGift, `a gift on ${card.id}`) : defaultGift;
  const count = catalogue.length ? Number(check('count', (v) => /^\d{1,9}$/.test(v) && Number(v) >= 1, '1', 'a whole number of 1 or more')) : 1;

  const state = fromObject({ card: card.id, currency, locale, gifts: [{ gift, count }] });
  return { state, mode, headingLevel, problems };
}
