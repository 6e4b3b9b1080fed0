// The calculator page end to end, in Debian's Chromium driven by playwright-core (no browser
// download): `make test-e2e`. Screenshots land in test-results/ (gitignored).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const require = createRequire(import.meta.url);
const results = new URL('../../test-results/', import.meta.url);
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let server;
let base;
let browser;
/** Every request any page made, and every problem any page reported. */
const requests = [];
const problems = [];

before(async () => {
  ({ server, url: base } = await serve({ port: 0 }));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  await mkdir(results, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh page (its own storage unless a context is given), watched for requests and errors. */
async function open(query = '', { context, viewport = { width: 1280, height: 900 } } = {}) {
  const ctx = context ?? (await browser.newContext({ viewport, acceptDownloads: true }));
  const page = await ctx.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(base + query);
  await page.locator('html[data-first-result-ms]').waitFor({ state: 'attached' });
  return page;
}

/** An answer's text, with the no-break spaces of some locales as plain spaces. */
const text = async (page, testid) => (await page.locator(`[data-testid=${testid}]`).innerText()).replace(/[\u00a0\u202f]/g, ' ');

/** Waits until the element's text satisfies `ok` (answers update on the next microtask). */
async function waitText(page, testid, ok, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await text(page, testid).catch(() => '');
    if (ok(last)) return last;
    await page.waitForTimeout(25);
  }
  assert.fail(`[data-testid=${testid}] stayed "${last}"`);
}

const field = (page, label) => page.getByLabel(label, { exact: true });

describe('the calculator page', () => {
  test('shows its first result on load (the time is reported; `make bench` holds it to 500 ms)', async () => {
    // A warm-up load so the server's first-read cost is not counted, then three measured ones.
    await (await open()).context().close();
    const times = [];
    for (let i = 0; i < 3; i += 1) {
      const page = await open();
      await page.locator('[data-testid=gift-total]').waitFor();
      times.push(Number(await page.evaluate(() => document.documentElement.dataset.firstResultMs)));
      await page.context().close();
    }
    const median = [...times].sort((a, b) => a - b)[1];
    console.log(`time to first result: median ${median} ms after navigation start (loads: ${times.join(', ')} ms)`);
    assert.ok(median > 0, 'the first result was timed');
  });

  test("computes a Lion's cost on iOS and on the web", async () => {
    const page = await open('?v=1&card=tiktok-ios&gifts=lion*1');
    assert.equal(await text(page, 'gift-total'), '$453.85');
    assert.match(await page.locator('#gift-cost').innerText(), /85 ×\s+330 Coins at \$4\.99/);
    await field(page, 'Platform and where coins are bought').selectOption('tiktok-web');
    assert.equal(await waitText(page, 'gift-total', (t) => t !== '$453.85'), '$317.15');
    // The flow adds up: the creator's share of a Lion.
    assert.match(await page.locator('#flow').innerText(), /\$149\.99 reaches the creator/);
    await page.context().close();
  });

  test('shows the simpler way beside the cheapest: fewer purchases for a little more', async () => {
    // A Lion on iOS: the cheapest is 115 purchases ($453.85); 4 purchases cost $1.11 more.
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const page = await open('?v=1&card=tiktok-ios&gifts=lion*1', { viewport });
      assert.equal(await text(page, 'gift-total'), '$453.85');
      assert.equal(await text(page, 'gift-cheapest'), 'Cheapest: 115 purchases');
      const simpler = (await text(page, 'gift-simpler')).replace(/\s+/g, ' ');
      assert.match(simpler, /^Simpler: 4 purchases for \$1\.11 more \(\$454\.96\)/);
      assert.match(simpler, /1 × 16,500 Coins, 2 × 6,607 Coins, 1 × 330 Coins/);
      assert.match(simpler, /45 Coins left over/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
      await page.locator('#gift-cost').screenshot({ path: new URL(`gift-cost-simpler-${name}.png`, results).pathname });

      // On the web: 6 purchases for $317.15, or one custom amount for $0.85 more.
      await field(page, 'Platform and where coins are bought').selectOption('tiktok-web');
      assert.equal(await waitText(page, 'gift-total', (t) => t !== '$453.85'), '$317.15');
      assert.equal(await text(page, 'gift-cheapest'), 'Cheapest: 6 purchases');
      const web = (await waitText(page, 'gift-simpler', (t) => t.includes('1 purchase '))).replace(/\s+/g, ' ');
      assert.match(web, /^Simpler: 1 purchase for \$0\.85 more \(\$318\.00\) A custom amount of 30,000 Coins/);
      if (name === 'phone') await page.locator('#gift-cost').screenshot({ path: new URL('gift-cost-simpler-web-phone.png', results).pathname });

      // The same beside "I want this many coins"; a gift the cheapest buys in one purchase shows none.
      await field(page, 'I want this many Coins').fill('5000');
      await field(page, 'Platform and where coins are bought').selectOption('tiktok-ios');
      await waitText(page, 'coins-total', (t) => t === '$75.72');
      assert.match((await text(page, 'coins-simpler')).replace(/\s+/g, ' '), /^Simpler: 4 purchases for \$0\.24 more \(\$75\.96\)/);
      await page.getByRole('button', { name: 'Remove Lion' }).click();
      await field(page, 'Find a gift').fill('rose');
      await field(page, 'Find a gift').press('Enter');
      await waitText(page, 'gift-total', (t) => t === '$0.99');
      assert.equal(await page.locator('[data-testid=gift-simpler], [data-testid=gift-cheapest]').count(), 0);
      await page.context().close();
    }
  });

  test('adds gifts from the keyboard', async () => {
    const page = await open();
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Enter');
    await field(page, 'Find a gift').focus();
    await page.keyboard.type('rose');
    await page.keyboard.press('Enter');
    await page.getByLabel('How many Rose').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await waitText(page, 'gift-total', (t) => t !== '$453.85');
    assert.match(await page.locator('#gift-cost').innerText(), /Rose × 30/);
    await page.context().close();
  });

  test('shows each figure the same in every section, with the engine\u2019s digits', async () => {
    // A Lion on iOS: the creator earns $149.995 exactly and is credited $149.99; 33.05 % of
    // what the viewer pays reaches them; the app store takes 30.08 % of it (a 30 % rate on the
    // price before tax). Each section once rounded these its own way.
    const page = await open();
    await waitText(page, 'gift-total', (t) => t === '$453.85');
    const section = async (id) => (await page.locator(`#${id}`).innerText()).replace(/\s+/g, ' ');
    const [giftCost, flow, creator] = [await section('gift-cost'), await section('flow'), await section('creator')];
    assert.match(giftCost, /Left over after the gifts 1 Coin, which cost \$0\.02 of what you pay/);
    assert.match(flow, /\$149\.99 reaches the creator \(33\.05%\)/);
    assert.match(flow, /Creator \$149\.99 33\.05%/);
    assert.match(flow, /App store fee \$136\.50 30\.08%/);
    assert.match(flow, /Coins not yet spent \(after tax and fees\) \$0\.01/);
    assert.match(creator, /kept by the creator: 33\.05% of the \$453\.85/);
    assert.match(creator, /Earned, to the fraction of a cent \$149\.995 Credited, rounded down to the cent \$149\.99/);
    await page.context().close();
  });

  test('switches locale and currency', async () => {
    const page = await open();
    await field(page, 'Number format').selectOption('de-DE');
    assert.equal(await waitText(page, 'gift-total', (t) => t.includes(',')), '453,85 $');
    await field(page, 'Currency').selectOption('GBP');
    const total = await waitText(page, 'gift-total', (t) => t.includes('£'));
    assert.match(total, /^\d{1,3}(\.\d{3})*,\d{2} £$/, `a German pound amount: ${total}`);
    assert.equal(await field(page, 'Platform and where coins are bought').inputValue(), 'tiktok-ios-gbp');
    assert.match(page.url(), /locale=de-DE/);
    await page.context().close();
  });

  test('marks a bad value next to its field and keeps the last good result', async () => {
    const page = await open();
    const before = await text(page, 'spend-coins');
    const spend = field(page, 'I want to spend');
    await spend.fill('12,3,4');
    const error = page.locator('#coins-money .field-error:not([hidden])');
    await error.waitFor();
    assert.match(await error.innerText(), /\S/);
    assert.equal(await spend.getAttribute('aria-invalid'), 'true');
    assert.equal(await text(page, 'spend-coins'), before, 'the last good answer stays');
    assert.match(await page.locator('#coins-money .notice').innerText(), /last good answer/);

    // A bad figure on the rate card is marked in the editor; every answer keeps its value.
    const fee = field(page, 'App store fee');
    await fee.fill('thirty');
    const feeError = page.locator('#rate-card .has-error .field-error');
    await feeError.waitFor();
    console.log(`engine message for store_fee_rate="thirty": ${await feeError.innerText()}`);
    assert.equal(await text(page, 'gift-total'), '$453.85');
    await fee.fill('0.15');
    await waitText(page, 'gift-total', (t) => t === '$453.85');
    await page.locator('#rate-card .has-error').waitFor({ state: 'detached' });
    assert.match(await page.locator('#flow').innerText(), /App store fee\s+\$68\.25/);
    await page.context().close();
  });

  test('reproduces the view from its URL', async () => {
    const page = await open();
    await field(page, 'Platform and where coins are bought').selectOption('tiktok-web');
    await field(page, 'Find a gift').fill('galaxy');
    await field(page, 'Find a gift').press('Enter');
    await field(page, 'I want this many Coins').fill('1234');
    await field(page, 'Payment processing rate').fill('0.05');
    await page.getByRole('radio', { name: 'The coins asked for' }).check();
    await waitText(page, 'coins-total', (t) => t.length > 0);
    await page.waitForFunction(() => location.search.includes('edits='));
    const url = page.url();
    const answers = (p) => p.locator('#gift-cost .result, #coins-money, #flow, #creator, #compare, #rate-card').allInnerTexts();
    const snapshot = await answers(page);
    assert.match(url, /[?&]v=2(&|$)/, 'the state is versioned');

    const again = await open(url.slice(base.length));
    assert.deepEqual(await answers(again), snapshot);
    assert.equal(await field(again, 'Payment processing rate').inputValue(), '0.05');
    assert.ok(await again.locator('#rate-card .is-edited').count() >= 1, 'the edited figure is marked');
    assert.ok(await again.locator('#flow-coins').isChecked());
    await page.context().close();
    await again.context().close();
  });

  test('exports a scenario and imports it back', async () => {
    const page = await open('?v=1&card=tiktok-web&gifts=rose*30,lion*2&coins=777');
    const total = await text(page, 'gift-total');
    await field(page, 'Scenario name').fill('Two lions <b>bold</b>');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as a file' }).click()]);
    const file = new URL('scenario-export.json', results);
    await download.saveAs(file.pathname);
    const doc = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(doc.giftsim_scenario, 1);
    assert.equal(doc.state.card, 'tiktok-web');

    await field(page, 'Platform and where coins are bought').selectOption('tiktok-android');
    await waitText(page, 'gift-total', (t) => t !== total);
    await field(page, 'Import a scenario file').setInputFiles(file.pathname);
    assert.equal(await waitText(page, 'gift-total', (t) => t === total), total);
    assert.equal(await field(page, 'Scenario name').inputValue(), 'Two lions <b>bold</b>');
    assert.equal(await page.locator('#scenarios b').count(), 0, 'names are text, never markup');

    // A file that is not a scenario is refused with a reason, and changes nothing.
    const bad = new URL('not-a-scenario.json', results);
    await writeFile(bad, JSON.stringify({ hello: '<img src=x onerror=alert(1)>' }));
    await field(page, 'Import a scenario file').setInputFiles(bad.pathname);
    await page.getByText('is not a giftsim scenario').waitFor();
    assert.equal(await text(page, 'gift-total'), total);
    await page.context().close();
  });

  test('keeps saved scenarios across reloads and reports a damaged store', async () => {
    const page = await open();
    await field(page, 'Scenario name').fill('Saved lion');
    await page.getByRole('button', { name: 'Save in this browser' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Open Saved lion' }).waitFor();

    await page.evaluate(() => localStorage.setItem('giftsim.scenarios.v1', '[{"giftsim_scenario":1,"name":"half'));
    await page.reload();
    const alert = page.locator('#scenarios [role=alert]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not be read/);
    assert.equal(await page.evaluate(() => localStorage.getItem('giftsim.scenarios.v1')), '[{"giftsim_scenario":1,"name":"half', 'kept as it was');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the saved text' }).click()]);
    assert.equal(await readFile(await download.path(), 'utf8'), '[{"giftsim_scenario":1,"name":"half');

    // Saving again moves the damaged text aside, still downloadable.
    await page.getByRole('button', { name: 'Save in this browser' }).click();
    await page.getByText(/moved aside/).waitFor();
    assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('giftsim.scenarios.v1.damaged.'))));
    await page.context().close();
  });

  test('ignores script in the URL', async () => {
    const evil = encodeURIComponent('<img src=x onerror=alert(1)>');
    const page = await open(`?v=1&card=${evil}&gifts=${evil}*1,rose*2&coins=${evil}&edits=${encodeURIComponent('{"__proto__":{"polluted":1},"name":"<script>alert(1)</script>"}')}`);
    assert.equal(await page.locator('#sections img, #sections script').count(), 0);
    assert.equal(await page.evaluate(() => ({}).polluted), undefined);
    assert.match(await page.locator('#coins-money .field-error:not([hidden])').innerText(), /\S/, 'the odd coins value is reported');
    await page.context().close();
  });

  test('has no accessibility violations (axe-core)', async () => {
    const page = await open('?v=1&edits=' + encodeURIComponent('{"store_fee_rate":"0.2"}'));
    await page.locator('#compare canvas').waitFor();
    await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const { violations } = await page.evaluate(() =>
      window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
    );
    const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    assert.deepEqual(summary, []);
    await page.context().close();
  });

  test('takes screenshots at desktop and phone width', async () => {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const page = await open('', { viewport });
      await page.locator('#compare canvas').waitFor();
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
      await page.screenshot({ path: new URL(`calculator-${name}.png`, results).pathname, fullPage: true });
      await page.context().close();
    }
  });

  test('sent no request beyond 127.0.0.1 and logged no error', () => {
    const outside = requests.filter((u) => {
      const { protocol, hostname } = new URL(u);
      return !(protocol === 'blob:' || protocol === 'data:' || hostname === '127.0.0.1');
    });
    assert.deepEqual(outside, []);
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the engine was fetched locally');
    assert.deepEqual(problems, []);
  });
});
