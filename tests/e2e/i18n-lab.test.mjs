// The pricing lab in each language that ships, in Debian's Chromium: the page's language and
// words come from the catalogue, figures follow the number locale, what people type is read in
// it, the engine's refusals are said in the language, the picker switches and remembers, and
// axe-core finds nothing in any language. Screenshots of Japanese and German, at desktop and phone
// width, land in test-results/ (long German words must not break the layout).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, harness, results } from './browser.mjs';
import { setLanguage, setNumberLocale, t } from '../../www/js/i18n.js';

const RUN_TIMEOUT = 120_000;
/** The number locale each language opens with (lab/main.js). */
const NUMBERS = { en: 'en-US', es: 'es-ES', de: 'de-DE', ja: 'ja-JP' };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let h;
before(async () => {
  h = await harness();
});
after(async () => {
  await h?.close();
});

/** The catalogue's words in `lang`, as the page writes them (figures in its number locale). */
async function words(lang) {
  await setLanguage(lang, { parts: ['lab'] });
  setNumberLocale(NUMBERS[lang]);
  return (id, params) => t(id, params);
}

/** The lab in `lang` (remembered from an earlier visit), ready. */
function openIn(lang, options = {}) {
  return h.open('lab.html', { wait: 'html[data-lab-ready]', init: `localStorage.setItem('giftsim.language', ${JSON.stringify(lang)})`, ...options });
}

const runs = (page) => page.evaluate(() => Number(document.documentElement.dataset.runs ?? 0));
async function run(page) {
  const before = await runs(page);
  await page.locator('.lab-button--run').click();
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs ?? 0) > n, before, { timeout: RUN_TIMEOUT });
}

/** The longest run of plain text in a message (its words without the placeholders). */
const fragment = (message) => (typeof message === 'string' ? message : message.other).split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0].trim();

/** How far the page is wider than the screen (0: no sideways scrolling). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the pricing lab in each language', () => {
  for (const lang of ['es', 'de', 'ja']) {
    test(`${lang}: every word from the catalogue, figures and input in ${NUMBERS[lang]}, errors in words, axe-core clean`, async () => {
      const w = await words(lang);
      const page = await openIn(lang);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
      assert.equal(await page.title(), w('lab.page.title'));
      assert.equal(await page.locator('h1').innerText(), w('lab.page.heading'));
      assert.equal(await page.locator('#lab-language').inputValue(), lang);
      assert.equal(await page.locator('.lab-button--run').innerText(), w('lab.run.simulate'));
      assert.equal(await page.getByRole('radio', { name: w('lab.mode.audit') }).count(), 1);
      assert.equal(await page.locator('#lab-locale').inputValue(), NUMBERS[lang], 'the number format follows the language until one is picked');
      assert.equal(await page.locator('[data-testid=empty-results] p').first().innerText(), w('lab.results.empty'));
      assert.equal(await page.locator('#editor').getAttribute('aria-label'), w('lab.editor'));

      // A smaller population, typed as people of this language type numbers.
      const editor = page.locator('#editor');
      const typedViewers = { es: '5000', de: '5.000', ja: '５０００' }[lang];
      await editor.getByLabel(w('lab.population.viewers'), { exact: true }).fill(typedViewers);
      await editor.getByLabel(w('lab.settings.runs'), { exact: true }).fill('4');
      await run(page);
      const summary = await page.locator('[data-testid=summary]').innerText();
      assert.ok(summary.includes(fragment(w('lab.simulate.summary', { count: 5000 }))), summary);
      assert.ok(summary.includes(new Intl.NumberFormat(NUMBERS[lang]).format(5000)), `5000 viewers, written in ${NUMBERS[lang]}: ${summary}`);
      assert.match(await page.locator('[data-testid=run-meta]').innerText(), new RegExp(`^${w('lab.results.mode.simulate')} · `));
      assert.equal(await page.locator('[data-testid=figure-viewer_spend] dt').innerText(), w('lab.headline.viewer_spend'));

      // What cannot be read is said in words of this language, at the field, once typed.
      const topUp = editor.getByLabel(w('lab.segments.top_up'), { exact: true }).first();
      await topUp.fill('??');
      await topUp.press('Tab');
      const money = new Intl.NumberFormat(NUMBERS[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(1000);
      const fieldError = topUp.locator('xpath=..').locator('.field-error');
      assert.equal(await fieldError.innerText(), w('input.money', { example: money }));
      assert.equal(await topUp.getAttribute('aria-invalid'), '');
      await topUp.fill({ es: '4,99 €', de: '4,99 €', ja: '＄４.９９' }[lang]);
      await topUp.press('Tab');
      assert.equal(await fieldError.isHidden(), true, 'a readable amount clears the message');

      // The engine's refusal, from its code and details, in this language.
      const days = editor.getByLabel(w('lab.settings.days'), { exact: true });
      await days.fill('0');
      await page.locator('.lab-button--run').click();
      const error = days.locator('xpath=..').locator('.field-error');
      await error.waitFor();
      assert.equal(await error.innerText(), w('error.out_of_range.between_given', { min: 1, max: 366, given: 0 }));
      assert.match(await page.locator('[data-testid=run-status]').innerText(), new RegExp(fragment(w('lab.error.run_failed', { message: '' })).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await days.fill('30');
      await run(page);
      const shots = lang === 'ja' || lang === 'de';
      if (shots) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: new URL(`i18n-lab-${lang}-desktop.png`, results).pathname });
      }
      await page.locator('#result-all summary').click();
      assert.deepEqual(await axe(page), [], `${lang}: one scenario`);

      // An audit: the most words on one screen.
      await page.getByRole('radio', { name: w('lab.mode.audit') }).check();
      await editor.getByLabel(w('lab.audit.region'), { exact: true }).selectOption('US-TX');
      await editor.getByLabel(w('lab.audit.date'), { exact: true }).fill('2026-12-07');
      await run(page);
      assert.equal(await page.locator('.lab-audit-kicker').textContent(), w('lab.audit.kicker'));
      assert.equal(await page.locator('#audit-gifts-title').innerText(), w('lab.audit.gifts_title'));
      assert.deepEqual(await axe(page), [], `${lang}: audit`);
      if (shots) {
        await page.locator('[data-testid=audit-report]').screenshot({ path: new URL(`i18n-lab-${lang}-audit-report.png`, results).pathname });
        await page.locator('[data-testid=audit-rules]').screenshot({ path: new URL(`i18n-lab-${lang}-audit-rules.png`, results).pathname });
      }
      await page.context().close();
    });
  }

  for (const lang of ['ja', 'de']) {
    test(`${lang}: fits a phone, modes, editor and results, without sideways scrolling`, async () => {
      const w = await words(lang);
      const page = await openIn(lang, { viewport: PHONE });
      assert.ok((await overflow(page)) <= 0, `phone, ${lang}: the page is ${await overflow(page)}px wider than the screen`);
      await page.screenshot({ path: new URL(`i18n-lab-${lang}-phone.png`, results).pathname });
      for (const group of ['#group-population', '#group-settings']) await page.locator(`${group} > summary`).click();
      await page.locator('#editor').getByLabel(w('lab.population.viewers'), { exact: true }).fill('5000');
      await page.locator('#editor').getByLabel(w('lab.settings.runs'), { exact: true }).fill('4');
      await run(page);
      assert.ok((await overflow(page)) <= 0, `phone, ${lang}, results: the page is ${await overflow(page)}px wider than the screen`);
      await page.locator('[data-testid=summary]').screenshot({ path: new URL(`i18n-lab-${lang}-phone-summary.png`, results).pathname });
      await page.locator('#result-payers').screenshot({ path: new URL(`i18n-lab-${lang}-phone-payers.png`, results).pathname });
      await page.locator('#result-split').screenshot({ path: new URL(`i18n-lab-${lang}-phone-split.png`, results).pathname });
      await page.getByRole('radio', { name: w('lab.mode.optimize') }).check();
      assert.ok((await overflow(page)) <= 0, `phone, ${lang}, Optimize: the page is ${await overflow(page)}px wider than the screen`);
      await page.locator('.lab-run-band').screenshot({ path: new URL(`i18n-lab-${lang}-phone-modes.png`, results).pathname });
      await page.locator('#group-optimize').screenshot({ path: new URL(`i18n-lab-${lang}-phone-optimize.png`, results).pathname });
      await page.context().close();
    });
  }

  test('the picker switches the language at once, results too, and the choice is kept', async () => {
    const page = await h.open('lab.html', { wait: 'html[data-lab-ready]' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'an English browser opens in English');
    await page.locator('#editor').getByLabel('Viewers', { exact: true }).fill('5000');
    await page.locator('#editor').getByLabel('Runs', { exact: true }).fill('4');
    await run(page);
    assert.deepEqual(await page.locator('#lab-language option').allInnerTexts(), ['English', 'Español', 'Deutsch', '日本語']);
    assert.deepEqual(await page.locator('#lab-language option').evaluateAll((options) => options.map((o) => o.lang)), ['en', 'es', 'de', 'ja'], 'each name is marked as its own language');
    await page.locator('#lab-language').selectOption('ja');
    const w = await words('ja');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    assert.equal(await page.locator('h1').innerText(), w('lab.page.heading'));
    assert.equal(await page.title(), w('lab.page.title'));
    assert.equal(await page.locator('#results-title').innerText(), w('lab.results.title'), 'the results are drawn again');
    assert.ok((await page.locator('[data-testid=summary]').innerText()).includes(fragment(w('lab.simulate.summary', { count: 5000 }))));
    assert.equal(await page.locator('.lab-button--run').innerText(), w('lab.run.simulate'));
    assert.equal(await page.locator('#lab-locale').inputValue(), 'ja-JP');
    assert.equal(await page.evaluate(() => localStorage.getItem('giftsim.language')), 'ja');
    // The next visit opens in the language chosen.
    await page.reload();
    await page.locator('html[data-lab-ready]').waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    await page.context().close();
  });

  test('a browser set to German opens in German; a number format picked stays with the link', async () => {
    const ctx = await h.browser.newContext({ locale: 'de-DE', viewport: DESKTOP });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => h.problems.push(`page error: ${e.message}`));
    await page.goto(`${h.base}lab.html`);
    await page.locator('html[data-lab-ready]').waitFor({ state: 'attached', timeout: 15000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    assert.equal(await page.locator('#lab-locale').inputValue(), 'de-DE');
    await page.locator('#lab-locale').selectOption('en-GB');
    await page.waitForFunction(() => location.hash.includes('l=en-GB'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de', 'the number format does not change the text language');
    await ctx.close();
  });

  test('sent no request beyond 127.0.0.1 and logged no error or missing message', () => {
    assert.deepEqual(h.problems, []);
  });
});
