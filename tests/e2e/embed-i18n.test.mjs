// The widget in the reader's language, in Debian's Chromium: <giftsim-calculator lang="…"> in
// Spanish, German and Japanese (its words from www/i18n/widget/, its numbers as `locale` says,
// axe-core clean in each), the page's own language as the default, a German widget on a
// right-to-left Arabic page, the iframe with `lang=ja`, an unknown language falling back with one
// warning, and two widgets asking for different languages (the last one asked for is shown by
// both, as docs/embedding.md says). Host pages are served from another origin under a strict
// policy, as in embed-hosts.test.mjs. Screenshots go to test-results/embed-i18n-*.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, harness, plain, results, until } from './browser.mjs';
import { hostSite } from './hosts.mjs';

let h;
let widgetBase;
let site;

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

before(async () => {
  h = await harness();
  widgetBase = h.base;
  site = await hostSite(h);
});

after(async () => {
  await h?.close();
  await site?.close();
});

/** A host page at `${name}.html` (see hosts.mjs); its URL. */
const hostPage = (name, options) => site.page(name, options);

/** Opens `url` in a fresh context, recording problems and every `giftsim-change` (see hosts.mjs). */
const open = (url, { viewport = DESKTOP, init } = {}) => site.open(url, { viewport, init });
const problemsOf = (url) => site.problemsOf(url);

const total = (page, widget = 'giftsim-calculator') => page.locator(`${widget} [data-testid=simple-total]`);

/** What a simple widget says: its top element's language, its heading, labels and answer. */
const words = (page, widget = 'giftsim-calculator') =>
  page.locator(widget).evaluate((el) => {
    const root = el.shadowRoot;
    const text = (selector) => root.querySelector(selector)?.textContent.replace(/[\u00a0\u202f]/g, ' ').trim();
    const top = root.querySelector('.gs-frame');
    return {
      lang: top.getAttribute('lang'),
      dir: top.getAttribute('dir'),
      heading: text('h2'),
      labels: [...root.querySelectorAll('.simple-question .field:not([hidden]) label')].map((l) => l.textContent),
      youPay: text('.headline-label'),
      sub: text('.headline-sub'),
      facts: [...root.querySelectorAll('.simple-answer dt')].map((dt) => dt.textContent),
      link: text('.simple-foot a'),
      firstOption: root.querySelector('.field--gift select option')?.textContent.replace(/[\u2068\u2069]/g, ''),
    };
  });

/** USD 1.98 (a hundred Roses bought in the iPhone app) as `locale` writes it. */
const roses = (locale) => plain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(1.98));

/** The three languages that ship besides English, with what their simple widget says. */
const LANGUAGES = {
  es: {
    // The page's locale wins over the language's own.
    locale: 'en-US',
    heading: '¿Cuánto cuesta de verdad un regalo?',
    labels: ['Regalo', 'Cantidad', 'Se compra en'],
    youPay: 'Pagas',
    sub: /^por Rose × 100 \(100 monedas\) en TikTok · /,
    facts: ['El creador se queda con', 'Compra de monedas'],
    link: 'Abrir la calculadora completa',
    loading: 'Cargando la calculadora de regalos…',
  },
  de: {
    // No `locale`: German numbers, the language's own.
    locale: null,
    heading: 'Was kostet ein Geschenk wirklich?',
    labels: ['Geschenk', 'Anzahl', 'Gekauft über'],
    youPay: 'Sie zahlen',
    sub: /^für Rose × 100 \(100 Münzen\) über TikTok · /,
    facts: ['Der Creator behält', 'Gekaufte Münzen'],
    link: 'Den vollständigen Rechner öffnen',
    loading: 'Der Geschenkrechner wird geladen …',
  },
  ja: {
    locale: null,
    heading: 'ギフトの本当の値段はいくら？',
    labels: ['ギフト', '個数', '購入場所'],
    youPay: '支払う金額',
    sub: /^TikTok · .+ で Rose × 100（100 コイン）を買う場合$/,
    facts: ['クリエイターの手元に残る額', '購入するコイン'],
    link: '完全版の計算ツールを開く',
    loading: 'ギフト計算ツールを読み込んでいます…',
  },
};
const OWN_LOCALE = { es: 'es-ES', de: 'de-DE', ja: 'ja-JP' };

describe('the widget in the reader’s language', () => {
  test('speaks Spanish, German and Japanese as `lang` asks, numbers as `locale` says, axe-clean', async () => {
    for (const [lang, want] of Object.entries(LANGUAGES)) {
      const url = await hostPage(`lang-${lang}`, {
        body: `<p>An English article.</p><giftsim-calculator lang="${lang}" preset="tiktok-ios" gift="rose" count="100"${want.locale ? ` locale="${want.locale}"` : ''}></giftsim-calculator>`,
      });
      const locale = want.locale ?? OWN_LOCALE[lang];
      for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        const page = await open(url, { viewport });
        await total(page).waitFor();
        assert.equal(plain(await total(page).innerText()), roses(locale), `${lang}: the total in ${locale}`);
        const said = await words(page);
        assert.equal(said.lang, lang, `${lang}: the top element's language`);
        assert.equal(said.dir, 'ltr');
        assert.equal(said.heading, want.heading);
        assert.deepEqual(said.labels, want.labels);
        assert.equal(said.youPay, want.youPay);
        assert.match(said.sub, want.sub);
        assert.deepEqual(said.facts.slice(0, 2), want.facts);
        assert.equal(said.link, want.link);
        const [change] = await page.evaluate(() => window.__changes);
        assert.deepEqual({ lang: change.lang, locale: change.locale }, { lang, locale }, `${lang}: giftsim-change says which language and locale`);
        assert.deepEqual(await axe(page), [], `${lang} (${device}): axe-core`);
        if (lang !== 'es') await page.screenshot({ path: new URL(`embed-i18n-${lang}-${device}.png`, results).pathname, fullPage: true });
        await page.context().close();
      }
      assert.deepEqual(problemsOf(url), [], lang);
    }
  });

  test('reads what the reader types in the number format: "1.000" is a thousand in German', async () => {
    const url = await hostPage('typed-de', { body: '<giftsim-calculator lang="de" preset="tiktok-web" gift="rose"></giftsim-calculator>' });
    const page = await open(url);
    await total(page).waitFor();
    await page.locator('giftsim-calculator .field--count input').fill('1.000');
    const last = await until(() => page.evaluate(() => window.__changes.at(-1)), (c) => c.count === 1000, { what: 'the count read' });
    assert.equal(last.locale, 'de-DE');
    // Not a whole number in German: the field says so, in German, with a German example.
    await page.locator('giftsim-calculator .field--count input').fill('2,5');
    const error = page.locator('giftsim-calculator .field--count .field-error:not([hidden])');
    await error.waitFor();
    assert.match(plain(await error.innerText()), /^Geben Sie eine ganze Zahl wie 1\.000 ein\.$/, 'in German, the example written in German');
    await page.context().close();
    assert.deepEqual(problemsOf(url), []);
  });

  test('shows its loading line in its language, on the page’s language when it has no `lang`', async () => {
    // The engine held back: the loading line is what the reader sees.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const url = await hostPage('loading-ja', { lang: 'ja', body: '<giftsim-calculator id="page"></giftsim-calculator><giftsim-calculator id="austria" lang="ja-JP"></giftsim-calculator>' });
    const page = await open(url, {
      init: (p) => p.route(/\.wasm$/, async (route) => {
        await held;
        await route.continue();
      }),
    });
    for (const id of ['#page', '#austria']) {
      const line = page.locator(`${id} .gs-loading[role=status]`);
      await until(() => line.innerText(), (text) => text === LANGUAGES.ja.loading, { what: `${id}'s loading line` });
      assert.equal(await page.locator(id).evaluate((el) => el.shadowRoot.querySelector('.gs-frame').lang), 'ja');
    }
    await page.screenshot({ path: new URL('embed-i18n-loading-ja.png', results).pathname });
    release();
    await total(page, '#page').waitFor();
    assert.equal((await words(page, '#page')).heading, LANGUAGES.ja.heading, 'the page’s language: Japanese');
    await page.context().close();
    assert.deepEqual(problemsOf(url), []);

    // The page's region tag matches its language; a language that does not ship is English.
    for (const [lang, heading] of [['de-AT', LANGUAGES.de.heading], ['fr', 'What does a gift really cost?']]) {
      const other = await hostPage(`page-${lang}`, { lang, body: '<giftsim-calculator></giftsim-calculator>' });
      const shown = await open(other);
      await total(shown).waitFor();
      assert.equal((await words(shown)).heading, heading, `on a page in ${lang}`);
      await shown.context().close();
      assert.deepEqual(problemsOf(other), [], `no warning on a page in ${lang}`);
    }
  });

  test('a German widget on a right-to-left Arabic page: German, left to right, numbers isolated', async () => {
    const url = await hostPage('rtl-de', {
      lang: 'ar',
      dir: 'rtl',
      css: 'body { font-family: system-ui, sans-serif; }',
      body: '<p>حاسبة تكلفة الهدايا:</p><giftsim-calculator lang="de" preset="tiktok-ios" gift="rose" count="100" locale="ar-EG"></giftsim-calculator>',
    });
    for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const page = await open(url, { viewport });
      await total(page).waitFor();
      const said = await words(page);
      assert.deepEqual([said.lang, said.dir, said.youPay], ['de', 'ltr', 'Sie zahlen'], device);
      const layout = await page.locator('giftsim-calculator').evaluate((el) => {
        const label = el.shadowRoot.querySelector('.headline-label');
        return {
          direction: getComputedStyle(el.shadowRoot.querySelector('.gs-root')).direction,
          labelAtLeft: Math.abs(label.getBoundingClientRect().left - label.parentElement.getBoundingClientRect().left) < 20,
          isolated: el.shadowRoot.querySelector('[data-testid=simple-total] > bdi') !== null,
        };
      });
      assert.deepEqual(layout, { direction: 'ltr', labelAtLeft: true, isolated: true }, device);
      // Arabic numbers in German words.
      assert.equal(plain(await total(page).innerText()), '\u200f١٫٩٨ US$');
      assert.match(said.sub, /^für Rose × ١٠٠ \(١٠٠ Münzen\) über TikTok · /);
      assert.deepEqual(await axe(page), []);
      await page.screenshot({ path: new URL(`embed-i18n-rtl-de-${device}.png`, results).pathname, fullPage: true });
      await page.context().close();
    }
    assert.deepEqual(problemsOf(url), []);
  });

  test('the iframe with lang=ja: the widget and the frame’s page in Japanese', async () => {
    const url = await hostPage('frame-ja', {
      css: 'iframe { display: block; width: 100%; border: 0; }',
      body: `<iframe data-giftsim id="f" title="ギフト費用の計算ツール" height="420" src="${widgetBase}embed.html?preset=tiktok-ios&amp;gift=rose&amp;count=100&amp;lang=ja"></iframe>`,
    });
    const page = await open(url, { viewport: PHONE });
    const frame = page.frameLocator('#f');
    await frame.locator('[data-testid=simple-total]').waitFor();
    assert.equal(plain(await frame.locator('[data-testid=simple-total]').innerText()), roses('ja-JP'));
    const inner = page.frame({ url: /embed\.html/ });
    const said = await inner.evaluate(() => {
      const el = document.querySelector('giftsim-calculator');
      const top = el.shadowRoot.querySelector('.gs-frame');
      return { page: document.documentElement.lang, title: document.title, landmark: document.querySelector('main').getAttribute('aria-label'), lang: top.lang, heading: el.shadowRoot.querySelector('h2').textContent, youPay: el.shadowRoot.querySelector('.headline-label').textContent };
    });
    assert.deepEqual(said, { page: 'ja', title: `${LANGUAGES.ja.heading} — giftsim`, landmark: LANGUAGES.ja.heading, lang: 'ja', heading: LANGUAGES.ja.heading, youPay: LANGUAGES.ja.youPay });
    // axe-core in the frame on its own (run from the host page, it would post into a frame of
    // another origin): the frame's document is part of the host page, whose <h1> it does not see.
    assert.deepEqual((await axe(inner)).filter((v) => !v.startsWith('page-has-heading-one:')), [], 'axe-core in the frame');
    await page.screenshot({ path: new URL('embed-i18n-iframe-ja-phone.png', results).pathname, fullPage: true });
    await page.context().close();
    assert.deepEqual(problemsOf(url), []);
  });

  test('an unknown `lang` falls back to the page’s language, with one warning', async () => {
    const url = await hostPage('lang-typo', { lang: 'de', body: '<giftsim-calculator lang="fr"></giftsim-calculator>' });
    const page = await open(url);
    await total(page).waitFor();
    assert.equal((await words(page)).lang, 'de', 'the page’s language, German');
    // The same value again changes nothing and says nothing more; a region of a language that
    // ships is that language.
    await page.locator('giftsim-calculator').evaluate((el) => el.setAttribute('lang', 'fr'));
    await page.locator('giftsim-calculator').evaluate((el) => el.setAttribute('lang', 'es-MX'));
    await until(() => words(page), (w) => w.lang === 'es' && w.youPay === LANGUAGES.es.youPay, { what: 'the Spanish widget' });
    await page.context().close();
    assert.deepEqual(problemsOf(url), ['console warning: <giftsim-calculator> lang="fr" is not a language the widget is written in (en, es, de, ja); the default, "de", is used instead.']);
  });

  test('two widgets asking for different languages both show the last one asked for', async () => {
    const url = await hostPage('two-languages', {
      body: `<giftsim-calculator id="de" lang="de" preset="tiktok-web" gift="rose"></giftsim-calculator>
        <giftsim-calculator id="ja" lang="ja" preset="tiktok-web" gift="rose" locale="en-US"></giftsim-calculator>`,
    });
    const page = await open(url);
    await total(page, '#de').waitFor();
    await total(page, '#ja').waitFor();
    // The later widget's language, for both; each keeps its own number format (the German one
    // takes the language shown's own, as it has no `locale`).
    await until(() => words(page, '#de'), (w) => w.lang === 'ja' && w.youPay === LANGUAGES.ja.youPay, { what: 'the first widget’s words' });
    assert.equal((await words(page, '#ja')).youPay, LANGUAGES.ja.youPay);
    const locales = async () => Object.fromEntries((await page.evaluate(() => window.__changes)).map((c) => [c.id, c.locale]));
    await until(locales, (l) => l.de === 'ja-JP' && l.ja === 'en-US', { what: 'the widgets’ number formats' });

    // A `lang` changed later is the last asked for: both widgets in Spanish.
    await page.locator('#de').evaluate((el) => el.setAttribute('lang', 'es'));
    for (const id of ['#de', '#ja']) await until(() => words(page, id), (w) => w.lang === 'es' && w.youPay === LANGUAGES.es.youPay, { what: `${id} in Spanish` });
    await until(() => page.evaluate(() => window.__changes.filter((c) => c.lang === 'es').map((c) => c.id)), (ids) => ids.includes('de') && ids.includes('ja'), { what: 'the widgets’ giftsim-change in Spanish' });
    await until(() => total(page, '#de').innerText(), (text) => plain(text) === '0,53 US$', { what: 'the first widget’s total in Spanish numbers' });
    assert.equal(plain(await total(page, '#ja').innerText()), '$0.53', 'the second keeps its `locale`');
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: new URL('embed-i18n-two-languages.png', results).pathname, fullPage: true });
    await page.context().close();
    assert.deepEqual(problemsOf(url).sort(), [
      'console warning: <giftsim-calculator> lang="de" is not shown: the widgets of a page share one language, the last one asked for ("ja").',
      'console warning: <giftsim-calculator> lang="ja" is not shown: the widgets of a page share one language, the last one asked for ("es").',
    ]);
  });

  test('left no problem unaccounted for', () => {
    assert.deepEqual(site.problems, []);
  });
});
