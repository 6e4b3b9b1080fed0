// The calculator page in each language that ships, in Debian's Chromium: the language comes from
// the picker in the header (and is remembered) or from an earlier visit's choice; every word of
// the page is the catalogue's (www/i18n/calculator/), none left in English beside the data
// (gift, card and rule names, the presets' notes); the first answer still computes, what people
// type is read in the language's number format, the reader's inputs survive a change of
// language, and axe-core finds nothing. English arrives with the page's code: no catalogue is
// fetched twice, none of another language is fetched for an English reader. Screenshots in German
// and Japanese at desktop and phone width land in test-results/ (long words must not break the
// layout). The catalogues themselves (keys, placeholders, plurals) are checked in i18n.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { axe, harness, plain, results, until } from './browser.mjs';
import { setLanguage, setNumberLocale, t } from '../../www/js/i18n.js';
import init, { presets } from '../../www/pkg/giftsim.js';

/** The number format each language starts with (i18n.js). */
const NUMBERS = { en: 'en-US', es: 'es-ES', de: 'de-DE', ja: 'ja-JP' };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * Words of the English catalogue that no data of the presets holds (the data's own English,
 * "Coins and gifts 18+", is taken out of the page's text before looking): any of them on a page
 * in another language is a word left untranslated.
 */
const ENGLISH = [
  'You pay', 'Cheapest', 'cheapest', 'Simpler', 'left over', 'Purchases', 'purchases', 'Remove', 'Hide', 'Show', 'Sources',
  'Spending check', 'Allowed', 'allowed', 'Blocked', 'blocked', 'Warning', 'warning', 'withdraw', 'Withdraw', 'Balance',
  'Goes to', 'Amount', 'Share', 'Viewer pays', 'creator', 'What if', 'Every cent', 'Scenario', 'scenario', 'Top-up',
  'top-up', 'Number format', 'Currency', 'Copy', 'Add a', 'Not updated', 'per coin', 'Find a gift', 'Your gifts',
  'How many', 'Save', 'Export', 'Import', 'Print', 'Where they live', 'Time zone', 'the rules', 'What these words mean',
  'Controls on the phone', 'No events', 'The plan', 'Start from', 'First name', 'Age', 'Platform', 'Gift cost',
  'Coins and money', 'Skip to', 'Language', 'Rate card', 'Table', 'Scroll sideways', 'received', 'bought', 'Fans must',
  'Working back', 'When it can', 'Daily limit', 'Minimum', 'Tax', 'fee', 'Bundle', 'Bonus', 'Price', 'Custom amount',
  'Payout', 'Days until', 'edited', 'preset', 'Stacked', 'What was really spent', 'Private:', 'How to get', 'drop the files',
  'TikTok data', 'optional', 'Can still spend', 'each', 'days', 'Day ', 'Checked', 'applies today', 'Holds', 'May buy',
  'May send', 'Other ages', 'includes estimates', 'Rules as of', 'version', 'Source', 'Can', 'Cannot', 'and', 'the',
  'of', 'is', 'for', 'on', 'in', 'to', 'at', 'with',
];
/** Those of them that are words of the language too ("in" is German). */
const ALSO = { de: ['in', 'Export', 'Bonus', 'optional', 'Tax'], es: [], ja: [] };

let h;
/** Strings of the presets' own (names, notes, sources), longest first: data, not the page's words. */
let data;
before(async () => {
  h = await harness();
  await init({ module_or_path: await readFile(new URL('../../www/pkg/giftsim_bg.wasm', import.meta.url)) });
  const p = presets();
  const texts = new Set();
  const add = (v) => typeof v === 'string' && v.trim() && texts.add(v);
  for (const card of p.rate_cards) {
    [card.name, card.notes, card.coin_name, card.diamond_name].forEach(add);
    for (const s of card.sources ?? []) [s.note, s.method, s.source, ...(s.fields ?? [])].forEach(add);
  }
  for (const c of p.gift_catalogues) for (const g of c.gifts) add(g.name);
  for (const rs of p.rule_sets) {
    [rs.name, rs.notes].forEach(add);
    for (const step of rs.status ?? []) add(step.note);
    for (const s of rs.sources ?? []) [s.note, s.method, s.source, ...(s.fields ?? [])].forEach(add);
  }
  data = [...texts].sort((a, b) => b.length - a.length);
});
after(async () => {
  await h?.close();
});

/** The catalogue's words in `lang`, as the page writes them (figures in its number format). */
async function words(lang) {
  await setLanguage(lang, { parts: ['calculator'] });
  setNumberLocale(NUMBERS[lang]);
  return (id, params) => t(id, params);
}

/** The page in `lang`, remembered from an earlier visit (`?query` for a state), all sections drawn. */
async function openIn(lang, query = '', options = {}) {
  const page = await h.open(query, { init: `localStorage.setItem('giftsim.language', ${JSON.stringify(lang)})`, ...options });
  await page.locator('#spending-check .plan-summary').first().waitFor();
  return page;
}

/** The page's visible text (the open sections, menu, header and footer), the presets' data taken out. */
async function pageText(page) {
  const text = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // Lists of choices (a select's options) name cards, rule sets and zones: data.
      if (!el || el.closest('select, script, style, noscript, code, [hidden]')) continue;
      if (el.closest('.sources') && !el.closest('summary')) continue;
      if (!el.checkVisibility?.()) continue;
      out.push(node.textContent);
    }
    return out.join('\n');
  });
  return withoutData(text);
}

/** Text with the presets' data and the names kept as they are (brands, codes) taken out. */
function withoutData(text) {
  let clean = plain(text);
  for (const d of data) clean = clean.replaceAll(d, ' ');
  return clean.replace(/TikTok|YouTube|Twitch|Roblox|Facebook|Instagram|Snapchat|Google Play Store|Google|Apple|iPhone|Android|giftsim|JSON|CSV|ZIP|UTC/g, ' ');
}

/** The English words (whole words) left in `lang`'s text (see ENGLISH). */
function english(text, lang) {
  return ENGLISH.filter((w) => !ALSO[lang].includes(w)).flatMap((w) => {
    const found = new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').exec(text);
    if (!found) return [];
    const i = found.index;
    return [`“${w}” in …${text.slice(Math.max(0, i - 40), i + w.length + 40).replace(/\s+/g, ' ')}…`];
  });
}

/** How far the page is wider than the screen (0: no sideways scrolling). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Buttons whose accessible name says more than their text: the name holds the text, in every
 * language (WCAG 2.5.3, "label in name"). */
const LABEL_IN_NAME = [
  ['calc.gift.remove', 'calc.gift.remove_named'],
  ['calc.card.remove', 'calc.card.remove_bundle'],
  ['calc.event.remove', 'calc.event.remove_number'],
  ['calc.scenarios.delete', 'calc.scenarios.delete_named'],
  ['calc.scenarios.delete', 'calc.scenarios.delete_damaged'],
  ['calc.scenarios.download', 'calc.scenarios.download_damaged'],
  ['calc.scenarios.open', 'calc.scenarios.open_named'],
  ['calc.scenarios.export', 'calc.scenarios.export_named'],
];

test('a button’s accessible name holds its visible words, in every language', async () => {
  for (const lang of Object.keys(NUMBERS)) {
    const catalogue = (await import(`../../www/i18n/calculator/${lang}.js`)).default;
    for (const [text, name] of LABEL_IN_NAME) assert.ok(catalogue[name].toLowerCase().includes(catalogue[text].toLowerCase()), `${lang}: “${catalogue[name]}” (${name}) does not hold “${catalogue[text]}” (${text})`);
  }
});

describe('the calculator page in each language', () => {
  test('English comes with the code: each catalogue is fetched once, no other language at all', async () => {
    const from = h.requests.length;
    const page = await h.open('');
    await page.locator('[data-testid=gift-total]').waitFor();
    const i18n = h.requests.slice(from).filter((u) => u.includes('/i18n/')).map((u) => new URL(u).pathname);
    for (const file of ['/i18n/en.js', '/i18n/calculator/en.js']) assert.ok(i18n.includes(file), `${file} is loaded`);
    assert.deepEqual(i18n.filter((file) => !file.endsWith('/en.js')), [], 'no other language is fetched');
    assert.equal(new Set(i18n).size, i18n.length, `no catalogue is fetched twice: ${i18n.join(', ')}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.locator('#language').inputValue(), 'en');
    await page.context().close();
  });

  for (const lang of ['es', 'de', 'ja']) {
    test(`${lang}: every word from the catalogue, the first answer computed, input in ${NUMBERS[lang]}, axe-core clean`, async () => {
      const w = await words(lang);
      const page = await openIn(lang);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
      assert.equal(await page.title(), w('calc.page.title'));
      assert.equal(await page.locator('h1').innerText(), w('calc.page.heading'));
      assert.equal(await page.locator('#language').inputValue(), lang);
      assert.equal(await page.locator('.skip-link').textContent(), w('calc.page.skip'));
      assert.equal(await page.locator('#section-menu').getAttribute('aria-label'), w('calc.menu.label'));
      assert.deepEqual(
        await page.locator('.page-nav-link').allInnerTexts(),
        ['gift', 'coins', 'flow', 'creator', 'compare', 'check', 'history', 'card', 'scenarios'].map((s) => w(`calc.${s}.nav`)),
      );

      // The first answer, in the language's number format.
      const total = plain(await page.locator('[data-testid=gift-total]').innerText());
      assert.equal(total, plain(new Intl.NumberFormat(NUMBERS[lang], { style: 'currency', currency: 'USD' }).format(453.85)));
      assert.equal(await page.locator('#gift-cost .headline-label').innerText(), w('calc.gift.you_pay'));
      assert.match(await page.locator('#gift-cost h2').innerText(), new RegExp(w('calc.gift.title')));
      assert.match(await page.locator('#flow').textContent(), new RegExp(w('calc.flow.head.to')));
      assert.match(await page.locator('#creator').innerText(), new RegExp(w('calc.creator.withdrawn')));
      assert.equal(await page.locator('[data-testid=plan-headline]').innerText(), w('calc.summary.none'));
      assert.equal(await page.locator('[data-testid=glossary] summary').innerText(), w('calc.glossary.title'));
      assert.ok(await page.getByLabel(w('calc.toolbar.locale'), { exact: true }).isVisible());

      // No English beside the data, in any section (the history asks for files; the rest answers).
      const left = english(await pageText(page), lang);
      assert.deepEqual(left, [], `${lang}: English left on the page`);

      // What people type is read in the language's format; a refusal is said in the language.
      const coins = page.getByLabel(w('calc.coins.want', { coins: w('calc.unit.name.coins', { count: 2 }) }), { exact: true });
      await coins.fill(new Intl.NumberFormat(NUMBERS[lang]).format(1000));
      await until(() => page.locator('#coins-money .headline-sub').first().innerText(), (s) => plain(s).includes(new Intl.NumberFormat(NUMBERS[lang]).format(1000)), { what: 'the coins asked for' });
      assert.equal(await coins.getAttribute('aria-invalid'), null);
      const spend = page.getByLabel(w('calc.coins.spend'), { exact: true });
      await spend.fill('abc');
      const error = page.locator('#coins-money .field-error:not([hidden])');
      await error.waitFor();
      assert.deepEqual(english(await error.innerText(), lang), [], 'the refusal is in the language');
      assert.deepEqual(english(plain(await page.locator('#coins-money .notice').innerText()), lang), [], 'so is the notice');
      await spend.fill('');
      await spend.fill(new Intl.NumberFormat(NUMBERS[lang], { minimumFractionDigits: 2 }).format(25));
      await page.locator('#coins-money .field-error:not([hidden])').waitFor({ state: 'detached' }).catch(() => {});
      await until(() => spend.getAttribute('aria-invalid'), (v) => v === null || v === undefined, { what: 'the spend field’s mark' }).catch(() => {});

      // The spending check worded from its codes: a blocked top-up under China's example rules.
      const cn = await openIn(lang, '?v=1&check=1');
      await cn.locator('#spending-check .plan-event.is-block').first().waitFor();
      assert.match(await cn.locator('#spending-check .plan-event.is-block legend').first().innerText(), new RegExp(w('calc.verdict.block'), 'i'));
      const verdicts = (await cn.locator('#spending-check .event-verdict').allInnerTexts()).join('\n');
      assert.match(verdicts, new RegExp(w('calc.cap.name.buy.calendar_month').slice(1)));
      assert.deepEqual(english(withoutData(verdicts), lang), [], 'the verdicts are in the language');
      await cn.context().close();

      assert.deepEqual(await axe(page), []);
      await page.context().close();
    });
  }

  test('the picker redraws the page in place: the inputs, answers and closed sections stay, the choice is kept', async () => {
    const page = await h.open('');
    const coins = page.getByLabel('I want this many Coins', { exact: true });
    await coins.fill('1234');
    await until(() => page.locator('[data-testid=coins-total]').innerText(), (s) => s.length > 0, { what: 'the coins’ price' });
    const price = await page.locator('[data-testid=coins-total]').innerText();
    await page.locator('#creator .section-toggle').click();
    assert.equal(await page.locator('#creator .section-toggle').getAttribute('aria-expanded'), 'false');

    for (const lang of ['de', 'ja', 'es']) {
      const w = await words(lang);
      await page.locator('#language').selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      assert.equal(await page.locator('h1').innerText(), w('calc.page.heading'));
      assert.equal(await page.locator('#gift-cost .headline-label').innerText(), w('calc.gift.you_pay'));
      const field = page.getByLabel(w('calc.coins.want', { coins: w('calc.unit.name.coins', { count: 2 }) }), { exact: true });
      assert.equal((await field.inputValue()).replace(/\D/g, ''), '1234', `${lang}: the number typed stays (written in the language's format)`);
      // The number format follows the language (none was chosen): the same price, written its way.
      assert.equal(plain(await page.locator('[data-testid=coins-total]').innerText()).replace(/\D/g, ''), price.replace(/\D/g, ''));
      assert.equal(await page.locator('#creator .section-toggle').getAttribute('aria-expanded'), 'false', `${lang}: the closed section stays closed`);
      assert.equal(await page.locator('#creator .section-toggle-word').innerText(), w('calc.section.show'));
      assert.equal(await page.evaluate(() => localStorage.getItem('giftsim.language')), lang);
      assert.doesNotMatch(page.url(), /locale=/, 'the language’s own number format stays out of the link');
    }
    // The next visit opens in the language chosen.
    await page.reload();
    await page.locator('html[data-first-result-ms]').waitFor({ state: 'attached' });
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    assert.equal(await page.locator('#language').inputValue(), 'es');
    await page.context().close();
  });

  test('a number format chosen in the link is kept in every language', async () => {
    const page = await h.open('?v=2&locale=en-GB');
    await page.locator('#language').selectOption('de');
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    assert.equal(plain(await page.locator('[data-testid=gift-total]').innerText()), 'US$453.85');
    assert.match(page.url(), /locale=en-GB/);
    await page.context().close();
  });

  test('the family agreement prints in the language', async () => {
    const w = await words('de');
    const events = ['2026-03-07T10:00;buy;20.00;USD;;;w4'].map(encodeURIComponent).join(',');
    const page = await openIn('de', `?v=2&region=US&who=Maria&rules=my-limits&limits=${encodeURIComponent('USD;10;;20;60;;50, 80')}&events=${events}`, { init: `localStorage.setItem('giftsim.language', 'de'); window.print = () => {};` });
    await page.getByRole('button', { name: w('calc.check.print_agreement') }).click();
    const sheet = page.locator('[data-testid=agreement]');
    await sheet.locator('[data-testid=signatures]').waitFor();
    await until(() => sheet.innerText(), (s) => /etwa [\d.]+ Münzen/.test(plain(s)), { what: 'the coins of the limits' });
    const text = plain(await sheet.innerText());
    assert.match(text, new RegExp(w('calc.agreement.title', { platform: 'TikTok' })));
    assert.match(text, /Zwischen Maria \(der jungen Person\)/);
    assert.match(text, /Das Wochenlimit\s+20,00 \$\s+etwa [\d.]+ Münzen/);
    assert.match(text, /Eine Warnung, wenn 50 % und 80 % eines Limits genutzt sind\./);
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(english(withoutData(text), 'de'), [], 'the printed agreement is in German');
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });

  test('screenshots in German and Japanese at desktop and phone width: nothing wider than the screen', async () => {
    for (const lang of ['de', 'ja']) {
      for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        const page = await openIn(lang, '?v=1&check=1', { viewport });
        await page.locator('#spending-check .plan-event.is-block').first().waitFor();
        assert.ok((await overflow(page)) <= 0, `${lang} ${name}: the page is ${await overflow(page)}px wider than the screen`);
        await page.screenshot({ path: new URL(`i18n-calculator-${lang}-${name}.png`, results).pathname, fullPage: true });
        await page.context().close();
      }
    }
  });

  test('sent no request beyond 127.0.0.1 and logged no error', () => {
    assert.deepEqual(h.problems, []);
  });
});
