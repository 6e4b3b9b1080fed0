// The catalogues (www/i18n/) under Node: every language has every English message with the same
// {placeholders} and the plural forms its language uses, no message is left unused or used
// without being in the catalogue, and i18n.js writes messages, plurals and figures as promised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { LANGUAGES, formatList, matchLanguage, setLanguage, setNumberLocale, t, tParts } from '../../www/js/i18n.js';

const www = new URL('../../www/', import.meta.url);
/** The catalogue's parts: '' is the shared one (www/i18n/LANG.js), the others a page's own
 * (www/i18n/PART/LANG.js); a page's part is listed here once the page is converted. */
const PARTS = ['', 'lab', 'calculator', 'widget'];
const OTHERS = Object.keys(LANGUAGES).filter((lang) => lang !== 'en');

const load = async (part, lang) => (await import(new URL(`i18n/${part ? `${part}/` : ''}${lang}.js`, www))).default;
const forms = (message) => (typeof message === 'string' ? [message] : Object.values(message));
const placeholders = (message) => [...new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

test('every language ships every English message, with the same placeholders', async () => {
  for (const part of PARTS) {
    const en = await load(part, 'en');
    for (const lang of OTHERS) {
      const other = await load(part, lang);
      const where = `www/i18n/${part ? `${part}/` : ''}${lang}.js`;
      assert.deepEqual(Object.keys(other).filter((id) => !Object.hasOwn(en, id)), [], `${where}: messages English does not have`);
      assert.deepEqual(Object.keys(en).filter((id) => !Object.hasOwn(other, id)), [], `${where}: English messages it lacks`);
      for (const [id, message] of Object.entries(en)) {
        assert.deepEqual(placeholders(other[id]), placeholders(message), `${where}: ${id} has other placeholders than English`);
        assert.ok(forms(other[id]).every((text) => typeof text === 'string' && text.trim() !== ''), `${where}: ${id} is empty`);
      }
    }
  }
});

test('plural forms are the language’s own categories (or exact counts), with "other" always', async () => {
  for (const part of PARTS) {
    for (const lang of Object.keys(LANGUAGES)) {
      const categories = new Set(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
      for (const [id, message] of Object.entries(await load(part, lang))) {
        if (typeof message === 'string') continue;
        assert.ok(Object.hasOwn(message, 'other'), `${lang}: ${id} has no "other" form`);
        for (const key of Object.keys(message)) assert.ok(categories.has(key) || /^\d+$/.test(key), `${lang}: ${id} has the form "${key}", not a ${lang} plural category`);
      }
    }
  }
});

test('the other languages are translated, not copied', async () => {
  for (const part of PARTS) {
    const en = await load(part, 'en');
    for (const lang of OTHERS) {
      const other = await load(part, lang);
      const same = Object.keys(en).filter((id) => JSON.stringify(en[id]) === JSON.stringify(other[id]));
      // What stays the same is names (TikTok, Texas), codes and layouts ("{from} – {to}").
      assert.ok(same.length / Object.keys(en).length < 0.2, `${lang}${part ? ` (${part})` : ''}: ${same.length} messages are the English ones: ${same.slice(0, 40).join(', ')}`);
    }
  }
  for (const lang of Object.keys(LANGUAGES)) assert.ok(['lower', 'keep'].includes((await load('lab', lang))['lab.case.in_sentence']), `${lang}: lab.case.in_sentence is "lower" or "keep"`);
});

/** Buttons whose accessible name says more than their text: the name starts from the text, in
 * every language (WCAG 2.5.3, "label in name"; axe-core checks the page, this every message). */
const LABEL_IN_NAME = [
  ['lab.start.delete', 'lab.start.delete_label'],
  ['lab.start.load', 'lab.start.load_label'],
  ['lab.start.save_as', 'lab.start.save_as_label'],
  ['lab.back_to_preset', 'lab.channels.back_label'],
  ['lab.back_to_preset', 'lab.rules.back_label'],
  ['lab.remove', 'lab.channels.remove_label'],
  ['lab.remove', 'lab.rules.remove_cap'],
  ['lab.remove', 'lab.uncertain.remove'],
  ['lab.card.add_bundle', 'lab.card.add_bundle_label'],
  ['lab.gifts.add', 'lab.gifts.add_label'],
  ['lab.segments.remove', 'lab.segments.remove_label'],
  ['lab.rules.add_cap', 'lab.rules.add_cap_label'],
  ['lab.rules.remove_bracket', 'lab.rules.remove_bracket_label'],
  ['lab.settings.new_seed', 'lab.settings.new_seed_label'],
  ['lab.ab.add_change', 'lab.ab.add_change_label'],
  ['lab.ab.remove_variant', 'lab.ab.remove_variant_label'],
  ['lab.ab.plan', 'lab.ab.plan_label'],
  ['lab.ab.plan_change', 'lab.ab.plan_change_label'],
];

test('a button’s accessible name holds its visible words, in every language', async () => {
  for (const lang of Object.keys(LANGUAGES)) {
    const lab = await load('lab', lang);
    for (const [text, name] of LABEL_IN_NAME) assert.ok(lab[name].toLowerCase().includes(lab[text].toLowerCase()), `${lang}: “${lab[name]}” (${name}) does not hold “${lab[text]}” (${text})`);
  }
});

/** Every page file that may name a message: www/**.js (but the engine's and vendored code) and www/*.html. */
function sources(dir = www, out = []) {
  for (const name of readdirSync(dir)) {
    const url = new URL(name, dir);
    if (statSync(url).isDirectory()) {
      if (!['pkg', 'pkg-full', 'vendor', 'i18n', 'tz', 'bench'].includes(name)) sources(new URL(`${name}/`, dir), out);
    } else if (/\.(js|html)$/.test(name)) out.push(readFileSync(url, 'utf8'));
  }
  return out;
}

test('every message is used, and every message the pages name is in the catalogue', async () => {
  const en = Object.assign({}, ...(await Promise.all(PARTS.map((part) => load(part, 'en')))));
  const ids = Object.keys(en);
  const namespaces = [...new Set(ids.map((id) => id.split('.')[0]))];
  const code = sources().join('\n');
  // Literal ids ('lab.run.simulate'), ids built in a template (`lab.mode.${mode}`), and a family
  // named by its prefix for a helper to complete (choices('lab.rules.window', …)).
  // Markup names them too: data-i18n-attr="content=lab.page.description".
  const literal = new Set([...code.matchAll(/['"=]([a-z][\w-]*(?:\.[\w-]+)+)(?=['";])/g)].map((m) => m[1]));
  const templates = [...code.matchAll(/`([a-z][\w.-]*\$\{[^`]*)`/g)].map((m) => new RegExp(`^${m[1].replace(/\./g, '\\.').replace(/\$\{[^}]*\}/g, '[\\w.-]+')}$`));
  const used = (id) => literal.has(id) || templates.some((re) => re.test(id)) || [...literal].some((prefix) => id.startsWith(`${prefix}.`));
  assert.deepEqual(ids.filter((id) => !used(id)), [], 'messages no page uses');
  const named = [...literal].filter((id) => namespaces.includes(id.split('.')[0]) && !Object.hasOwn(en, id) && !ids.some((known) => known.startsWith(`${id}.`)));
  assert.deepEqual(named.filter((id) => !/\.(js|html|json|png|svg|css)$/.test(id)), [], 'ids the pages name that no catalogue has');
});

test('t fills placeholders, chooses plural forms, and writes figures in the number locale', async () => {
  await setLanguage('en', { parts: ['lab'] });
  setNumberLocale('en-US');
  assert.equal(t('lab.say.saved', { name: 'Teens' }), 'Saved “Teens” in this browser. It is listed under Start from.');
  assert.equal(t('lab.runs', { count: 1, n: '1' }), '1 run');
  assert.equal(t('lab.runs', { count: 20, n: '20' }), '20 runs');
  assert.equal(t('lab.audit.warnings', { count: 0 }), 'No warnings', 'an exact count before the category');
  assert.equal(t('lab.population.represents_hint', { max: 2_000_000_000 }), 'totals scaled up (at most 2,000,000,000)');
  setNumberLocale('de-DE');
  assert.equal(t('lab.population.represents_hint', { max: 2_000_000_000 }), 'totals scaled up (at most 2.000.000.000)', 'the text language and the number locale are apart');
  setNumberLocale(null);
  assert.deepEqual(tParts('lab.say.done', { time: '1 sec', link: { node: true } }), ['Done in ', '1 sec', '. ', { node: true }, '.']);
  assert.equal(formatList(['a', 'b', 'c']), 'a, b, and c');

  await setLanguage('ja');
  assert.equal(t('lab.runs', { count: 1, n: '1' }), '1 回実行');
  assert.equal(t('lab.audit.warnings', { count: 0 }), '警告なし');
  assert.equal(t('lab.audit.warnings', { count: 3 }), '警告 3 件');
  await setLanguage('de');
  assert.equal(t('lab.runs', { count: 1, n: '1' }), '1 Durchlauf');
  assert.equal(formatList(['a', 'b']), 'a und b');
  await setLanguage('es');
  assert.equal(t('lab.optimize.simulations', { count: 2, n: '2' }), '2 simulaciones');
  // A language that does not ship is English.
  assert.equal(await setLanguage('xx'), 'en');
});

test('the browser’s languages choose the first one that ships', () => {
  assert.equal(matchLanguage(['de-AT', 'en']), 'de');
  assert.equal(matchLanguage(['fr-FR', 'ja']), 'ja');
  assert.equal(matchLanguage(['pt-BR', 'fr']), null);
  assert.equal(matchLanguage(['ES-mx']), 'es');
});
