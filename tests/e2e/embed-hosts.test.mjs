// The widget in other people's layouts, in Debian's Chromium: <giftsim-calculator> in a flex row,
// a centred flex column, an auto grid column, inline-block, a float, a table cell and absolute
// positioning (a natural width in each, at desktop and phone widths); on a right-to-left page;
// on a dark page; at the reader's own font size; with its heading level set; with typos in its
// attributes; and the iframe embed's height. Host pages are served from another origin under a
// strict policy, as in embed.test.mjs. Screenshots go to test-results/embed-*.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, harness, plain, results, until } from './browser.mjs';
import { hostSite } from './hosts.mjs';

let h;
let widgetBase;
let site;

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** The widget's width at the default 16px: --gs-min-width 16em, --gs-max-width 45em (simple). */
const MIN = 16 * 16;
const MAX = 45 * 16;

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

/** The widget's box, its frame's box, and the box of its container. */
const boxes = (page, selector = 'giftsim-calculator') =>
  page.locator(selector).evaluate((el) => {
    const rect = (e) => {
      const r = e.getBoundingClientRect();
      return { left: Math.round(r.left), right: Math.round(r.right), width: Math.round(r.width), height: Math.round(r.height) };
    };
    const frame = el.shadowRoot.querySelector('.gs-frame');
    const inside = [...el.shadowRoot.querySelectorAll('.gs-root *')].filter((e) => e.getBoundingClientRect().right > el.getBoundingClientRect().right + 1);
    return { widget: rect(el), frame: rect(frame), container: rect(el.parentElement), sticksOut: inside.map((e) => e.className || e.tagName).slice(0, 5) };
  });

/** WCAG's contrast ratio of two `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (rgb) => {
    const [r, g, bl] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The seven layouts of the issue: host CSS and the markup around one widget. */
const LAYOUTS = {
  'flex-row': {
    css: '.row { display: flex; flex-wrap: wrap; gap: 16px; } .row aside { flex: 1 0 12rem; background: #eef; padding: 8px; }',
    body: '<div class="row"><giftsim-calculator preset="tiktok-web" gift="rose" count="10"></giftsim-calculator><aside>Related articles: buying coins, sending gifts, refunds.</aside></div>',
  },
  'flex-column-centred': {
    css: '.column { display: flex; flex-direction: column; align-items: center; }',
    body: '<div class="column"><p>Centred above.</p><giftsim-calculator preset="tiktok-web" gift="rose" count="10"></giftsim-calculator><p>Centred below.</p></div>',
  },
  'grid-auto-column': {
    css: '.grid { display: grid; grid-template-columns: auto 1fr; gap: 16px; align-items: start; }',
    body: '<div class="grid"><giftsim-calculator preset="tiktok-web" gift="rose" count="10"></giftsim-calculator><p>The second column of the grid: an article’s text beside the calculator, which takes what it needs.</p></div>',
  },
  'inline-block': {
    css: 'giftsim-calculator { display: inline-block; vertical-align: top; }',
    body: '<p>Text before, <giftsim-calculator preset="tiktok-web" gift="rose" count="10"></giftsim-calculator> and after.</p>',
  },
  float: {
    css: 'giftsim-calculator { float: left; margin: 0 16px 8px 0; } .clear { clear: both; }',
    body: '<giftsim-calculator preset="tiktok-web" gift="rose" count="10"></giftsim-calculator><p>The article flows around the calculator on its right, as around a floated figure.</p><div class="clear"></div>',
  },
  'table-cell': {
    css: 'td { vertical-align: top; border: 1px solid #ccc; padding: 8px; }',
    body: '<table><tr><td><giftsim-calculator preset="tiktok-web" gift="rose" count="10"></giftsim-calculator></td><td>A second cell</td></tr></table>',
  },
  absolute: {
    css: '.stage { position: relative; min-height: 900px; } .stage giftsim-calculator { position: absolute; top: 0; left: 0; }',
    body: '<div class="stage"><giftsim-calculator preset="tiktok-web" gift="rose" count="10"></giftsim-calculator></div>',
  },
};

describe('the widget in any host', () => {
  test('has a natural width in each of seven layouts, on a desktop and a phone', async () => {
    const sizes = [];
    for (const [name, layout] of Object.entries(LAYOUTS)) {
      const url = await hostPage(`layout-${name}`, layout);
      for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        const page = await open(url, { viewport });
        await total(page).waitFor();
        assert.equal(plain(await total(page).innerText()), '$0.53', `${name}: ten Roses on the web`);
        const { widget, frame, sticksOut } = await boxes(page);
        const room = viewport.width - 32; // the body's padding
        sizes.push(`${name} ${device} ${widget.width}×${widget.height}`);
        assert.ok(widget.width >= Math.min(MIN, room) && widget.width <= MAX, `${name} (${device}): the widget is ${widget.width}px wide`);
        assert.ok(widget.height > 200 && widget.height < 2000, `${name} (${device}): the widget is ${widget.height}px tall`);
        assert.ok(Math.abs(frame.width - widget.width) <= 1, `${name} (${device}): the drawing fills the element`);
        assert.deepEqual(sticksOut, [], `${name} (${device}): nothing sticks out of the widget`);
        if (device === 'desktop') assert.equal(widget.width, MAX, `${name}: on a wide page it takes its widest`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${name} (${device}): the page scrolls sideways by ${overflow}px`);
        if (device === 'desktop') assert.deepEqual(await axe(page), [], `${name}: axe-core`);
        await page.screenshot({ path: new URL(`embed-layout-${name}-${device}.png`, results).pathname, fullPage: true });
        await page.context().close();
        assert.deepEqual(problemsOf(url), []);
      }
    }
    console.log(`widget sizes (simple mode, CSS px): ${sizes.join('; ')}`);
  });

  test('fills its container up to its widest, and never overflows a narrower one', async () => {
    const url = await hostPage('widths', {
      css: '.wide { width: 1000px; } .narrow { width: 200px; } .themed giftsim-calculator { --gs-max-width: 60em; }',
      body: `<div class="wide"><giftsim-calculator id="a"></giftsim-calculator></div>
        <div class="narrow"><giftsim-calculator id="b"></giftsim-calculator></div>
        <div class="wide themed"><giftsim-calculator id="c"></giftsim-calculator></div>
        <div class="wide"><giftsim-calculator id="d" mode="full"></giftsim-calculator></div>`,
    });
    const page = await open(url);
    await total(page, '#c').waitFor();
    await page.locator('#d [data-testid=gift-total]').waitFor();
    const width = async (id) => (await boxes(page, id)).widget.width;
    assert.equal(await width('#a'), MAX, 'a block is as wide as its container, up to --gs-max-width');
    assert.equal(await width('#b'), 200, 'in a container narrower than the minimum, the container’s width');
    assert.deepEqual((await boxes(page, '#b')).sticksOut, [], 'and nothing sticks out');
    assert.equal(await width('#c'), 960, '--gs-max-width set by the host');
    assert.equal(await width('#d'), 1000, 'the whole calculator is wider (up to 75em)');
    await page.context().close();
    assert.deepEqual(problemsOf(url), []);
  });

  test('keeps its own language and direction on a right-to-left page, numbers isolated', async () => {
    const url = await hostPage('rtl', {
      lang: 'ar',
      dir: 'rtl',
      css: 'body { font-family: system-ui, sans-serif; }',
      body: `<h1>كم تكلف الهدايا؟</h1><p>حاسبة تكلفة الهدايا:</p>
        <giftsim-calculator id="en" preset="tiktok-ios" gift="lion" count="2"></giftsim-calculator>
        <giftsim-calculator id="ar" preset="tiktok-ios" gift="rose" count="100" locale="ar-EG"></giftsim-calculator>`,
    });
    for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const page = await open(url, { viewport });
      await total(page, '#ar').waitFor();
      await total(page, '#en').waitFor();
      for (const id of ['#en', '#ar']) {
        const root = await page.locator(id).evaluate((el) => {
          const frame = el.shadowRoot.querySelector('.gs-frame');
          const label = el.shadowRoot.querySelector('.headline-label');
          return {
            lang: frame.getAttribute('lang'),
            dir: frame.getAttribute('dir'),
            direction: getComputedStyle(el.shadowRoot.querySelector('.gs-root')).direction,
            // English text starts at the left of its card.
            labelAtLeft: Math.abs(label.getBoundingClientRect().left - label.parentElement.getBoundingClientRect().left) < 20,
            langs: [...el.shadowRoot.querySelectorAll('[lang]')].map((e) => e.getAttribute('lang')),
            isolated: el.shadowRoot.querySelector('[data-testid=simple-total] > bdi') !== null,
          };
        });
        assert.deepEqual(root, { lang: 'en', dir: 'ltr', direction: 'ltr', labelAtLeft: true, langs: ['en'], isolated: true }, `${id} (${device})`);
      }
      // Numbers in the reader's locale, in English text: "for Rose × ١٠٠ (١٠٠ Coins)".
      assert.equal(plain(await total(page, '#ar').innerText()), '\u200f١٫٩٨ US$');
      assert.match(await page.locator('#ar .headline-sub').innerText(), /^for Rose × ١٠٠ \(١٠٠ Coins\) on TikTok · iPhone app$/);
      // On a right-to-left page the widget sits at the start of the line: the right.
      const { widget, container } = await boxes(page, '#en');
      assert.ok(Math.abs(widget.right - container.right) <= 1, `the widget is at the right of an RTL page (${device})`);
      assert.deepEqual(await axe(page), []);
      await page.screenshot({ path: new URL(`embed-rtl-${device}.png`, results).pathname, fullPage: true });
      await page.context().close();
    }
    assert.deepEqual(problemsOf(url), []);
  });

  test('is readable on a dark page, loading and failing included', async () => {
    const url = await hostPage('dark', {
      css: 'html { color-scheme: dark; } body { background: #101014; color: #e8e8ee; font-family: system-ui, sans-serif; } a { color: #9cf; }',
      body: `<h1>A dark site</h1><p>Three widgets: light, dark, and as the reader’s system says:</p>
        <giftsim-calculator id="light" preset="tiktok-web" gift="galaxy"></giftsim-calculator>
        <giftsim-calculator id="dark" preset="tiktok-web" gift="galaxy" theme="dark"></giftsim-calculator>
        <giftsim-calculator id="auto" preset="tiktok-web" gift="galaxy" theme="auto"></giftsim-calculator>`,
    });
    const colours = (page, id) =>
      page.locator(id).evaluate((el) => {
        const line = el.shadowRoot.querySelector('.gs-loading');
        const style = getComputedStyle(line);
        return { text: line.textContent, color: style.color, background: style.backgroundColor };
      });

    // The engine held back: the loading line, then the failure, are what the reader sees.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const failing = `${url}?failing`;
    const page = await open(failing, {
      init: (p) => p.route(/\.wasm$/, async (route) => {
        await held;
        await route.abort();
      }),
    });
    for (const id of ['#light', '#dark', '#auto']) {
      await page.locator(`${id} .gs-loading[role=status]`).waitFor();
      const { text, color, background } = await colours(page, id);
      assert.equal(text, 'Loading the gift calculator…');
      assert.ok(contrast(color, background) >= 4.5, `${id} loading: ${color} on ${background}`);
    }
    await page.screenshot({ path: new URL('embed-dark-loading.png', results).pathname, fullPage: true });
    release();
    for (const id of ['#light', '#dark', '#auto']) {
      await page.locator(`${id} .gs-loading[role=alert]`).waitFor();
      const { text, color, background } = await colours(page, id);
      assert.match(text, /^The gift calculator could not start: the engine did not load/);
      assert.ok(contrast(color, background) >= 4.5, `${id} failure: ${color} on ${background}`);
    }
    assert.deepEqual(await axe(page), []);
    await page.context().close();

    for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const shown = await open(url, { viewport });
      for (const id of ['#light', '#dark', '#auto']) await total(shown, id).waitFor();
      assert.deepEqual(await axe(shown), []);
      await shown.screenshot({ path: new URL(`embed-dark-${device}.png`, results).pathname, fullPage: true });
      await shown.context().close();
    }
    assert.deepEqual(problemsOf(url), []);
    // The aborted engine, as the browser reports it.
    assert.deepEqual(problemsOf(failing), ['console error: Failed to load resource: net::ERR_FAILED']);
  });

  test('follows the reader’s font size, whatever the host page’s root size; --gs-font-size overrides it', async () => {
    const url = await hostPage('font-size', {
      css: 'html { font-size: 10px; } body { font-size: 1.4rem; } .big { --gs-font-size: 24px; } article * { font-size: 12px !important; }',
      body: '<article><giftsim-calculator id="reader"></giftsim-calculator><giftsim-calculator id="own" class="big"></giftsim-calculator></article>',
    });
    const sizes = async (page) =>
      page.evaluate(() =>
        ['#reader', '#own'].map((id) => {
          const el = document.querySelector(id);
          return [getComputedStyle(el.shadowRoot.querySelector('.gs-root')).fontSize, Math.round(el.getBoundingClientRect().width)];
        }),
      );
    const page = await open(url, {
      // The reader's setting in the browser: a default font size of 20px.
      init: async (p) => (await p.context().newCDPSession(p)).send('Page.setFontSizes', { fontSizes: { standard: 20, fixed: 16 } }),
    });
    await total(page, '#own').waitFor();
    await total(page, '#reader').waitFor();
    assert.deepEqual(await sizes(page), [['20px', 45 * 20], ['24px', 45 * 24]]);
    await page.context().close();
    const usual = await open(url);
    await total(usual, '#reader').waitFor();
    assert.deepEqual((await sizes(usual))[0], ['16px', MAX], 'the browser’s usual 16px');
    await usual.context().close();
    assert.deepEqual(problemsOf(url), []);
  });

  test('adds no landmark, and takes its heading level from `heading-level`', async () => {
    const url = await hostPage('headings', {
      body: `<main><h1>Gifts</h1><h2>What they cost</h2>
        <giftsim-calculator id="two"></giftsim-calculator>
        <section aria-labelledby="s"><h2 id="s">Section</h2><h3>Sub-section</h3>
        <giftsim-calculator id="four" heading-level="4" preset="tiktok-web"></giftsim-calculator></section>
        <h2>The whole calculator</h2><giftsim-calculator id="full" heading-level="3" mode="full"></giftsim-calculator></main>`,
    });
    const page = await open(url);
    await page.locator('#full [data-testid=gift-total]').waitFor();
    await total(page, '#four').waitFor();
    // Chromium's own accessibility tree: no banner (or other landmark) from the widgets, and
    // their headings at the levels asked for.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const roles = nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: n.name?.value ?? '', level: n.properties?.find((p) => p.name === 'level')?.value.value }));
    const landmarks = roles.filter((n) => ['banner', 'complementary', 'contentinfo', 'form', 'main', 'navigation', 'region', 'search'].includes(n.role));
    assert.deepEqual(landmarks.map((n) => `${n.role} ${n.name}`), ['main ', 'region Section'], 'the host page’s own landmarks only');
    const levels = (name) => roles.filter((n) => n.role === 'heading' && n.name === name).map((n) => n.level);
    assert.deepEqual(levels('What does a gift really cost?'), [2, 4]);
    assert.deepEqual(levels('What a gift really costs'), [3], 'the whole calculator’s sections');
    assert.ok(roles.some((n) => n.role === 'heading' && n.level === 4 && n.name !== 'What does a gift really cost?'), 'and its sub-headings one further down');

    // Changed at run time.
    await page.locator('#two').evaluate((el) => el.setAttribute('heading-level', '3'));
    await until(() => page.locator('#two h2').getAttribute('aria-level'), (v) => v === '3', { what: 'the heading’s level' });
    assert.deepEqual(await axe(page), []);
    await page.context().close();
    assert.deepEqual(problemsOf(url), []);
  });

  test('falls back to the defaults on attribute typos, with a warning for the page’s editor', async () => {
    const url = await hostPage('typos', {
      body: `<giftsim-calculator id="gift" gift="unicorn" count="0"></giftsim-calculator>
        <giftsim-calculator id="many" count="5000"></giftsim-calculator>
        <giftsim-calculator id="rest" preset="tiktok-iso" currency="usd" locale="en_US" mode="ful" theme="drak" heading-level="7"></giftsim-calculator>`,
    });
    const page = await open(url);
    for (const id of ['#gift', '#many', '#rest']) {
      await total(page, id).waitFor();
      // The default question: one Lion bought in the iPhone app.
      assert.equal(plain(await total(page, id).innerText()), '$453.85', id);
      assert.equal(await page.locator(`${id} .notice:not([hidden]), ${id} .field-error:not([hidden]), ${id} .is-stale`).count(), 0, `${id}: no error and no "last good answer"`);
    }
    const firsts = await page.evaluate(() => window.__changes.map((c) => `${c.id} ${c.preset} ${c.gift}×${c.count} ${c.mode} ${c.viewerPays}`));
    assert.deepEqual([...firsts].sort(), ['gift tiktok-ios lion×1 simple 453.85', 'many tiktok-ios lion×1 simple 453.85', 'rest tiktok-ios lion×1 simple 453.85'], 'one answer each, the default one');
    assert.equal(await page.locator('#rest h2').getAttribute('aria-level'), null, 'the default heading level');
    assert.equal(await page.locator('#rest .section').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)', 'the light theme');

    // A typo set at run time too, told once.
    await page.locator('#gift').evaluate((el) => el.setAttribute('count', 'three'));
    await page.locator('#gift').evaluate((el) => el.setAttribute('locale', 'de-DE'));
    await until(() => total(page, '#gift').innerText(), (t) => plain(t) === '453,85 $', { what: 'the German total' });
    await page.context().close();
    assert.deepEqual(problemsOf(url).sort(), [
      'console warning: <giftsim-calculator> count="0" is not a whole number of 1 or more; the default, "1", is used instead.',
      'console warning: <giftsim-calculator> count="5000" is more than the widget can answer (these gifts would need more than 10,000,000 coins, the most one question can ask for); the default, "1", is used instead.',
      'console warning: <giftsim-calculator> count="three" is not a whole number of 1 or more; the default, "1", is used instead.',
      'console warning: <giftsim-calculator> currency="usd" is not a currency with a rate card (USD, GBP, EUR, JPY, KRW); the default, "USD", is used instead.',
      'console warning: <giftsim-calculator> gift="unicorn" is not a gift on tiktok-ios; the default, "lion", is used instead.',
      'console warning: <giftsim-calculator> heading-level="7" is not a heading level (1 to 6); the default, "2", is used instead.',
      'console warning: <giftsim-calculator> locale="en_US" is not a locale this browser formats numbers in (such as en-US); the default, "en-US", is used instead.',
      'console warning: <giftsim-calculator> mode="ful" is not a mode (simple or full); the default, "simple", is used instead.',
      'console warning: <giftsim-calculator> preset="tiktok-iso" is not a rate card’s id (such as tiktok-ios); the default, "tiktok-ios", is used instead.',
      'console warning: <giftsim-calculator> theme="drak" is not a theme (light, dark or auto); the default, "light", is used instead.',
    ]);
  });

  test('the iframe takes its content’s height from the first answer on, and follows it', async () => {
    const frameUrl = (query) => `${widgetBase}embed.html?${query}`;
    const url = await hostPage('frame-height', {
      css: 'iframe { display: block; width: 100%; border: 0; }',
      body: `<h1>Frame</h1><iframe data-giftsim id="f" title="Gift cost calculator" height="420" src="${frameUrl('preset=tiktok-ios&amp;gift=lion&amp;mode=simple')}"></iframe><p>After the frame.</p>`,
    });
    const page = await open(url, {
      viewport: PHONE,
      // Every height the host gives the iframe, from the first.
      init: (p) => p.addInitScript(() => {
        window.__heights = [];
        new MutationObserver(() => {
          const frame = document.getElementById('f');
          if (frame?.style.height) window.__heights.push(parseFloat(frame.style.height));
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'] });
      }),
    });
    const frame = () => page.frame({ url: /embed\.html/ });
    const inner = () => frame().evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const outer = () => page.locator('#f').evaluate((el) => Math.round(el.getBoundingClientRect().height));
    const heights = () => page.evaluate(() => window.__heights);
    await page.frameLocator('#f').locator('[data-testid=simple-total]').waitFor();
    const simple = await until(outer, (v) => v !== 420, { what: 'the iframe’s height' });
    assert.ok(Math.abs(simple - (await inner())) <= 1, `the frame is ${simple}px for ${await inner()}px of content`);
    await page.screenshot({ path: new URL('embed-iframe-phone.png', results).pathname, fullPage: true });

    // A new address (the iframe's attributes): the frame keeps its height while the widget loads,
    // then takes the whole calculator's.
    await page.locator('#f').evaluate((el, src) => el.setAttribute('src', src), frameUrl('preset=tiktok-ios&gift=lion&mode=full'));
    await page.frameLocator('#f').locator('[data-testid=gift-total]').waitFor();
    const full = await until(outer, (v) => v > simple * 2, { what: 'the whole calculator’s height' });
    await until(async () => Math.abs((await outer()) - (await inner())), (d) => d <= 1, { what: 'the difference between frame and content' });
    // And back to a simple question of three gifts, after an input that grows the content.
    await page.locator('#f').evaluate((el, src) => el.setAttribute('src', src), frameUrl('preset=tiktok-web&gift=rose&count=3&mode=simple'));
    await page.frameLocator('#f').locator('[data-testid=simple-total]').waitFor();
    await until(outer, (v) => v < full, { what: 'the simple question’s height' });
    await until(async () => Math.abs((await outer()) - (await inner())), (d) => d <= 1, { what: 'the difference between frame and content' });
    const before = await outer();
    await page.frameLocator('#f').locator('input').first().fill('lots');
    await until(outer, (v) => v > before, { what: 'the grown iframe' });
    await until(async () => Math.abs((await outer()) - (await inner())), (d) => d <= 1, { what: 'the difference between frame and content' });

    const all = await heights();
    assert.ok(Math.min(...all) >= 200, `the host never set the frame below 200px: ${all.join(', ')}`);
    console.log(`iframe heights set by the host (phone width): ${all.join(', ')} px`);
    await page.context().close();
    assert.deepEqual(problemsOf(url), []);
  });

  test('a page with only an iframe (and embed.js to size it) loads neither the widget nor the engine', async () => {
    const url = await hostPage('frame-only', {
      css: 'iframe { display: block; width: 100%; border: 0; }',
      body: `<h1>Frame only</h1><iframe data-giftsim id="f" title="Gift cost calculator" height="420" src="${widgetBase}embed.html?preset=tiktok-android&amp;gift=galaxy"></iframe>`,
    });
    /** What the host page's own document fetched from giftsim, and what the frame fetched. */
    const fetched = { host: [], frame: [] };
    const page = await open(url, {
      init: (p) => p.on('requestfinished', async (r) => {
        if (!r.url().startsWith(widgetBase)) return;
        const { responseBodySize } = await r.sizes();
        fetched[r.frame() === p.mainFrame() ? 'host' : 'frame'].push({ path: new URL(r.url()).pathname, bytes: responseBodySize });
      }),
    });
    await page.frameLocator('#f').locator('[data-testid=simple-total]').waitFor();
    await until(() => page.locator('#f').evaluate((el) => el.style.height), (v) => v !== '', { what: 'the sized frame' });
    const paths = fetched.host.map((r) => r.path).sort();
    // The element's shell and its first words in English (its loading line), nothing more.
    assert.deepEqual(paths, ['/embed.js', '/i18n/widget/en.js', '/js/embed/language.js', '/js/embed/styles.js'], 'the host page fetched the sizing script alone');
    assert.equal(fetched.frame.filter((r) => r.path.endsWith('.wasm')).length, 1, 'the frame fetched the engine once');
    const bytes = (list) => list.reduce((n, r) => n + r.bytes, 0);
    console.log(`iframe-only host page: the host fetched ${paths.length} scripts, ${bytes(fetched.host)} bytes as sent; the frame ${fetched.frame.length} files, ${bytes(fetched.frame)} bytes`);
    await page.context().close();
    assert.deepEqual(problemsOf(url), []);
  });

  test('left no problem unaccounted for', () => {
    assert.deepEqual(site.problems, []);
  });
});
