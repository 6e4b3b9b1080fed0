// Hardening of the pages (issue "Hardening"): a strict Content-Security-Policy on every page and
// nothing that breaks it; hostile text from files, links and storage stays text; saved scenarios
// of another version are reported and kept; a crashed lab worker leaves the lab usable.
// Chromium through playwright-core: `make test-e2e`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { harness, outside, results } from './browser.mjs';
import { cliPath } from './engines.mjs';
import { execFileSync } from 'node:child_process';

const www = new URL('../../www/', import.meta.url);
/** Would run script if it ever became markup; `__xss` records that it did. */
const PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

let h;
before(async () => {
  h = await harness();
});
after(() => h?.close());

/** Records every CSP violation the page reports, before any of its own script runs. */
const watchCsp = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

/** Script that the payload ran, elements it made, and whether it shows as the text it is. */
async function inert(page) {
  return page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
    return {
      ran: window.__xss ?? null,
      made: roots.reduce((n, r) => n + r.querySelectorAll('img[src=x], body script, [onerror]').length, 0),
      shown: [document.body.textContent, ...[...document.querySelectorAll('input, textarea')].map((e) => e.value)].some((t) => t.includes('<img src=x onerror=')),
    };
  });
}

const field = (page, label) => page.getByLabel(label, { exact: true });

describe('the pages under attack', () => {
  test('every page has a strict Content-Security-Policy, in its markup and from the server', async () => {
    const pages = (await readdir(www)).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length >= 5, `pages: ${pages}`);
    for (const name of pages) {
      const html = await readFile(new URL(name, www), 'utf8');
      const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
      assert.ok(csp, `${name} has a CSP <meta>`);
      const directive = (d) => csp.split(';').map((s) => s.trim()).find((s) => s.startsWith(`${d} `)) ?? '';
      assert.match(directive('script-src'), /^script-src 'self'( 'wasm-unsafe-eval')?$/, `${name}: ${directive('script-src')}`);
      assert.match(directive('style-src'), /^style-src 'self'$/, `${name}: ${directive('style-src')}`);
      assert.match(directive('default-src'), /^default-src 'self'$/, name);
      assert.match(directive('object-src'), /^object-src 'none'$/, name);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*|https?:|data:[^;]*script/, `${name} allows nothing inline or from elsewhere`);
      // Nothing the policy would have to allow: no inline script, style or handler.
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${name} has no inline script`);
      assert.doesNotMatch(html, /<style\b|\sstyle="|\son[a-z]+=/, `${name} has no inline style or handler`);
    }
    const response = await fetch(h.base);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
  });

  test('loading and using each page breaks no rule of its policy', async () => {
    for (const [url, wait] of [
      ['', 'html[data-first-result-ms]'],
      ['?v=1&check=1', 'html[data-first-result-ms]'],
      ['lab.html', 'html[data-lab-ready]'],
      ['embed.html?preset=tiktok-web&mode=simple', '[data-testid=simple-total]'],
      ['embed-demo.html', '[data-testid=simple-total]'],
    ]) {
      const page = await h.open(url, { wait, init: watchCsp });
      await page.waitForTimeout(800); // charts, workers and widgets settle
      assert.deepEqual(await page.evaluate(() => window.__csp), [], `${url || 'index'} reported CSP violations`);
      await page.context().close();
    }
    // The policy is really enforced: inline script is refused (and reported).
    const page = await h.open('', { init: watchCsp });
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__xss = 3';
      document.body.append(s);
    });
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__xss ?? null), null);
    assert.match((await page.evaluate(() => window.__csp)).join(), /script-src/);
    await page.context().close();
  });

  test('the calculator: hostile names in an imported scenario, its plan and its edited card stay text', async () => {
    const page = await h.open('');
    const scenario = {
      giftsim_scenario: 1,
      name: PAYLOAD,
      state: {
        card: 'tiktok-web',
        check: true,
        edits: {
          name: `Card ${PAYLOAD}`,
          coin_name: `Coins ${PAYLOAD}`,
          gifts: [
            { id: 'rose', name: `Rose ${PAYLOAD}`, coins: 1 },
            { id: 'lion', name: `Lion ${PAYLOAD}`, coins: 29999 },
          ],
        },
        gifts: [{ gift: 'lion', count: 2 }],
        events: [{ at: '2026-03-01T10:00', kind: 'buy', amount: '45.00', currency: 'CNY', note: PAYLOAD }],
      },
    };
    const file = new URL('hostile-scenario.json', results).pathname;
    await writeFile(file, JSON.stringify(scenario));
    await field(page, 'Import a scenario file').setInputFiles(file);
    await page.waitForFunction(() => document.body.innerText.includes('Lion <img'), null, { timeout: 8000 });
    await page.waitForTimeout(300);
    assert.deepEqual(await inert(page), { ran: null, made: 0, shown: true });

    // Saved under that name, it shows as text in the list too, after a reload.
    await field(page, 'Scenario name').fill(PAYLOAD.slice(0, 70));
    await page.getByRole('button', { name: 'Save in this browser' }).click();
    await page.reload();
    await page.locator('html[data-first-result-ms]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: /^Open <img src=x/ }).waitFor();
    const after = await inert(page);
    assert.equal(after.ran, null);
    assert.equal(after.made, 0);
    await page.context().close();
  });

  test('the calculator: saved scenarios of another version are reported, kept and downloadable', async () => {
    const good = { giftsim_scenario: 1, name: 'Good one', state: { card: 'tiktok-ios', gifts: [{ gift: 'rose', count: 3 }] } };
    const older = { giftsim_scenario: 0, name: 'From an old page', state: { preset: 'tiktok-ios' } };
    const newer = { giftsim_scenario: 7, name: 'From a newer page', state: {} };
    const store = JSON.stringify([good, older, newer, 'not a scenario']);
    const page = await h.open('', { init: `localStorage.getItem('seeded') || (localStorage.setItem('giftsim.scenarios.v1', ${JSON.stringify(store)}), localStorage.setItem('seeded', '1'))` });
    const list = page.locator('#scenarios');
    await list.getByText('Scenario 2 is damaged').waitFor();
    assert.match(await list.innerText(), /format version 0; this page reads version 1/);
    assert.match(await list.innerText(), /format version 7; this page reads version 1/);
    assert.match(await list.innerText(), /Scenario 4 is damaged/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download damaged scenario 3' }).click()]);
    assert.deepEqual(JSON.parse(await readFile(await download.path(), 'utf8')), newer, 'the damaged entry downloads as it was');

    // The readable one still opens; saving another keeps the unreadable ones, untouched.
    await page.getByRole('button', { name: 'Open Good one' }).click();
    await field(page, 'Scenario name').fill('Another');
    await page.getByRole('button', { name: 'Save in this browser' }).click();
    await page.getByRole('button', { name: 'Open Another' }).waitFor();
    const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('giftsim.scenarios.v1')));
    assert.deepEqual(kept.slice(0, 4), [good, older, newer, 'not a scenario']);
    assert.equal(kept[4].name, 'Another');
    await page.context().close();
  });

  test('the spending check: a hostile note and zone in the link stay text', async () => {
    const event = (...parts) => parts.map((p) => encodeURIComponent(p)).join(';');
    const events = [event('2026-03-01T10:00', 'buy', '45.00', 'CNY', '', PAYLOAD), event('2026-03-02T10:00', 'gift', PAYLOAD, '1', '', 'gift')].join(',');
    const page = await h.open(`?v=1&check=1&zone=${encodeURIComponent(PAYLOAD)}&events=${encodeURIComponent(events)}&age=${encodeURIComponent(PAYLOAD)}`);
    await page.waitForFunction(() => [...document.querySelectorAll('#spending-check input, #spending-check textarea')].some((e) => e.value.includes('<img src=x')));
    await page.waitForTimeout(500);
    const result = await inert(page);
    assert.equal(result.ran, null);
    assert.equal(result.made, 0);
    await page.context().close();
  });

  test('the lab: hostile names in an imported scenario and in a link stay text', async () => {
    const page = await h.open('lab.html', { wait: 'html[data-lab-ready]' });
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scenario' }).click()]);
    const scenario = JSON.parse(await readFile(await file.path(), 'utf8'));
    const presets = JSON.parse(execFileSync(cliPath(), ['presets'], { encoding: 'utf8' }));
    const ref = scenario.channels[0].rate_card;
    const card = structuredClone(typeof ref === 'string' ? presets.rate_cards.find((c) => c.id === ref) : ref);
    scenario.channels[0].rate_card = card;
    card.name = `Card ${PAYLOAD}`;
    card.coin_name = PAYLOAD;
    scenario.rules = scenario.rules && typeof scenario.rules === 'object' ? { ...scenario.rules, name: `Rules ${PAYLOAD}` } : scenario.rules;
    const hostile = new URL('lab-hostile.json', results).pathname;
    await writeFile(hostile, JSON.stringify(scenario));
    await field(page, 'Import scenario…').setInputFiles(hostile);
    await page.locator('[data-testid=run-status]', { hasText: 'Opened lab-hostile.json' }).waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await inert(page), { ran: null, made: 0, shown: true });

    // The same scenario through a link (the lab writes it as the document changes).
    await page.waitForFunction(() => /[zj]=/.test(location.hash));
    await page.waitForTimeout(400);
    const again = await h.open(`lab.html${new URL(page.url()).hash}`, { wait: 'html[data-lab-ready]' });
    await again.waitForFunction(() => [document.body.textContent, ...[...document.querySelectorAll('input')].map((e) => e.value)].some((t) => t.includes('<img src=x onerror=')));
    const linked = await inert(again);
    assert.equal(linked.ran, null);
    assert.equal(linked.made, 0);
    await page.context().close();
    await again.context().close();
  });

  test('the lab: a crashed engine worker is reported, and the next run works', async () => {
    const page = await h.open('lab.html', { wait: 'html[data-lab-ready]' });
    for (const group of ['#group-population', '#group-settings']) {
      if (!(await page.locator(group).evaluate((d) => d.open))) await page.locator(`${group} > summary`).click();
    }
    await field(page, 'Viewers').fill('3000');
    await field(page, 'Runs').fill('4');
    await page.waitForFunction(() => location.hash.length > 0);
    const workers = page.workers();
    assert.ok(workers.length >= 1, 'the lab runs its engine in workers');
    // Every worker now fails on its next job as a broken engine build would.
    for (const w of workers) {
      await w.evaluate(() => {
        self.onmessage = () => {
          throw new Error('the engine worker crashed (test)');
        };
      });
    }
    const status = page.locator('[data-testid=run-status]');
    await page.locator('.lab-button--run').click();
    await status.filter({ hasText: /engine stopped during the run/ }).waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('.lab-button--run').isEnabled(), true, 'the lab is usable again');

    const runs = () => page.evaluate(() => Number(document.documentElement.dataset.runs ?? 0));
    assert.equal(await runs(), 0);
    await page.locator('.lab-button--run').click();
    await page.waitForFunction(() => Number(document.documentElement.dataset.runs ?? 0) === 1, null, { timeout: 60_000 });
    assert.match(await status.innerText(), /Done in/);
    await page.context().close();
  });

  test('sent no request beyond 127.0.0.1 and logged no unexpected error', () => {
    assert.deepEqual(outside(h.requests), []);
    // The inline script the CSP test injects is refused, and Chromium says so on the console.
    const unexpected = h.problems.filter((p) => !/(Refused to execute|Executing) inline script .*violates/.test(p));
    assert.deepEqual(unexpected, []);
  });
});
