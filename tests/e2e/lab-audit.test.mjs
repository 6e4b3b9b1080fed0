// The pricing lab's Audit mode (lab.html, the engine's `audit`) end to end, in Debian's Chromium
// driven by playwright-core: the report of tiktok-ios in Texas (examples/audit-tiktok-ios-us-tx.json),
// the rules on another day, errors next to their field with the last report kept and marked
// stale, the printed report, and screenshots at desktop and phone width and in print (in
// test-results/, gitignored). Documents saved before the audit existed still open.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Library, compact, defaultDocument, engineRequest, expand, fromEngineDocument } from '../../www/js/lab/document.js';
import { toFragment } from '../../www/js/lab/link.js';
import { axe, harness, outside, plain, results } from './browser.mjs';
import { nodeEngine, root } from './engines.mjs';

const EXAMPLE = JSON.parse(readFileSync(`${root}examples/audit-tiktok-ios-us-tx.json`, 'utf8'));
const GOLDEN = JSON.parse(readFileSync(`${root}tests/golden/audit-tiktok-ios-us-tx.json`, 'utf8'));
const GOLDEN_GBP = JSON.parse(readFileSync(`${root}tests/golden/audit-tiktok-ios-gbp.json`, 'utf8'));

let h;
let library;
const workerProblems = [];

before(async () => {
  h = await harness();
  const run = await nodeEngine();
  library = new Library(JSON.parse(run({ op: 'presets', text: '{}' }).text));
});

after(() => h?.close());

/** The lab, ready, at `viewport` (its worker's errors collected too). */
async function openLab(fragment = '', viewport = { width: 1280, height: 900 }) {
  const page = await h.open(`lab.html${fragment}`, { viewport, wait: 'html[data-lab-ready]' });
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && workerProblems.push(`worker console: ${m.text()}`)));
  return page;
}

const runs = (page) => page.evaluate(() => Number(document.documentElement.dataset.runs ?? 0));

/** Presses the run bar's button and waits for the report of that run. */
async function audit(page) {
  const before = await runs(page);
  await page.locator('.lab-button--run').click();
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs ?? 0) > n, before, { timeout: 30_000 });
}

/** Presses the run bar's button for an input the engine refuses; resolves to the error shown. */
async function refused(page) {
  await page.locator('.lab-button--run').click();
  const error = page.locator('.lab-editor .field-error:not([hidden])');
  await error.first().waitFor();
  return error;
}

/** Audit mode, with `card`, region (a known one or typed) and day. */
async function settings(page, { card = 'tiktok-ios', region, typed, date }) {
  await page.getByRole('radio', { name: 'Audit a rate card' }).check();
  await page.getByLabel('Rate card to audit').selectOption(card);
  if (region !== undefined) await page.getByLabel('Region', { exact: true }).selectOption(region);
  if (typed !== undefined) {
    await page.getByLabel('Region', { exact: true }).selectOption('other');
    await page.getByLabel('Region code').fill(typed);
  }
  if (date !== undefined) await page.getByLabel('Date of the rules').fill(date);
}

/** The gift table's row of `gift` as the texts of its cells. */
async function giftRow(page, gift, table = 'audit-gift-table') {
  const row = page.locator(`[data-testid=${table}] tbody tr`).filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${gift}$`) }) });
  return (await row.locator('td').allInnerTexts()).map(plain);
}

describe('the lab’s audit of a rate card', () => {
  test('reports tiktok-ios in Texas: findings, gifts, ladder, rules, other channels, the command', async () => {
    const page = await openLab();
    await page.getByRole('radio', { name: 'Audit a rate card' }).check();
    assert.equal(await page.locator('.lab-button--run').innerText(), 'Audit');
    assert.ok(await page.getByLabel('Also its platform’s other channels').isChecked(), 'the other channels by default');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    assert.equal(await page.getByLabel('Date of the rules').inputValue(), today, 'the day is today by the browser’s clock');
    await settings(page, { region: 'US-TX', date: '2026-12-07' });
    await audit(page);

    const report = page.locator('[data-testid=audit-report]');
    assert.match(await report.locator('.lab-audit-title').innerText(), /TikTok Coins in the iOS app, USD/);
    assert.match(plain(await report.locator('.lab-audit-facts').innerText()), /tiktok-ios, version 1[\s\S]*2024[\s\S]*Texas, United States \(US-TX\)[\s\S]*December 7, 2026/);
    const findings = page.locator('[data-testid=audit-findings] > li');
    assert.equal(await findings.count(), GOLDEN.findings.length);
    const leftover = findings.filter({ hasText: '17 of 23 gifts cannot be bought without Coins left over' });
    assert.equal(await leftover.count(), 1);
    assert.match(await leftover.textContent(), /^⚠ Warning: /, 'a warning says so in words, not only in colour');
    assert.match(await leftover.innerText(), /Principle: EU CPC 2025, principle 3: the exact amount needed can be bought/);
    assert.match(await findings.filter({ hasText: 'conversions stand between' }).textContent(), /^ℹ Note: /);

    const lion = await giftRow(page, 'Lion');
    assert.deepEqual(lion.slice(0, 4), ['Lion', '29,999', '$453.621242', '$453.85']);
    assert.match(lion[4], /^115\n85 × 330, 30 × 65$/);
    assert.deepEqual(lion.slice(5), ['1', '0', '0.05%'], 'one Coin left over, none needed, 0.05 % overspend');
    assert.equal(await page.locator('[data-testid=audit-gift-table] tbody tr').count(), 23);

    // Sorting by overspend: the least first, then the most first (ties in catalogue order).
    const firstGift = () => page.locator('[data-testid=audit-gift-table] tbody tr:first-child td:first-child').innerText();
    await page.locator('[data-testid=audit-gift-table]').getByRole('button', { name: /^Overspend/ }).click();
    assert.equal(await firstGift(), 'TikTok Universe');
    assert.equal(await page.locator('[data-testid=audit-gift-table] th[aria-sort=ascending]').textContent(), 'Overspend ▲');
    await page.locator('[data-testid=audit-gift-table]').getByRole('button', { name: /^Overspend/ }).click();
    assert.equal(await firstGift(), 'Rose');
    assert.equal(await page.locator('[data-testid=audit-gift-table] th[aria-sort=descending]').count(), 1);
    assert.ok(await page.locator('[data-testid=audit-gift-table]').getByRole('button', { name: /^Overspend/ }).evaluate((b) => b === document.activeElement), 'the keyboard stays on the header');

    assert.equal(await page.locator('[data-testid=audit-ladder] [data-testid=ladder-monotone]').innerText(), 'No: a bigger pack is not always cheaper per coin (11 pairs of packs below).');
    assert.equal(await page.locator('[data-testid=audit-ladder] [data-testid=ladder-layers]').innerText(), 'USD → Coins → Diamonds → USD cash');
    assert.match(plain(await page.locator('[data-testid=audit-ladder]').innerText()), /330 Coins for \$4\.99: \$0\.015121 per coin/);
    assert.equal(await page.locator('.lab-table--breaks tbody tr').count(), 11);

    const texas = page.locator('[data-testid=rule-us-tx-asaa-2026]');
    assert.equal(await texas.locator('[data-testid=rule-status]').innerText(), 'Status on this day: in force.');
    assert.equal(await texas.locator('[data-testid=rule-applies]').innerText(), '✓ Applies on this day');
    assert.match(await texas.innerText(), /Ages 0 to 17: a parent or guardian must approve each purchase\./);
    const history = (await texas.locator('[data-testid=rule-history] li').allInnerTexts()).map(plain);
    assert.equal(history.length, 2);
    assert.match(history[0], /^From December 23, 2025: enjoined by a court: blocked, not enforced — due 2026-01-01/);
    assert.match(history[1], /^From June 4, 2026: in force — Fifth Circuit stay/);
    assert.match(await page.locator('[data-testid=rule-tiktok-global]').innerText(), /Status on this day: the platform’s own policy\.[\s\S]*to buy: 18; to send gifts: 18; to receive gifts: 18/);

    const channels = page.locator('[data-testid=audit-channels] details');
    assert.equal(await channels.count(), GOLDEN.channels.length);
    assert.equal(await page.locator('[data-testid=audit-channels] details[open]').count(), 0, 'the other channels start folded');
    assert.deepEqual(GOLDEN.channels.map((c) => c.rate_card.id), ['tiktok-web', 'tiktok-android'], 'the other channels in the card’s currency');
    const web = page.locator('[data-testid=audit-channel-tiktok-web]');
    await web.locator('summary').click();
    assert.match(plain((await giftRow(page, 'Lion', 'audit-gift-table-tiktok-web')).join(' | ')), /\$317\.15/, 'an unfolded channel shows its own gift table');
    assert.deepEqual(await axe(page), [], 'no accessibility violations (axe-core)');

    assert.equal(await page.locator('[data-testid=audit-command]').innerText(), 'giftsim audit audit.json');
    assert.deepEqual(JSON.parse(await page.locator('[data-testid=audit-request]').innerText()), EXAMPLE, 'the request is the example the CLI answers');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save audit.json' }).click()]);
    assert.equal(file.suggestedFilename(), 'audit.json');
    assert.deepEqual(JSON.parse(readFileSync(await file.path(), 'utf8')), EXAMPLE);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Results as JSON' }).click()]);
    assert.equal(json.suggestedFilename(), 'giftsim-audit-tiktok-ios-US-TX-2026-12-07.json');
    const saved = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.deepEqual([saved.rate_card.id, saved.rules.region, saved.rules.date, saved.findings[0]], [GOLDEN.rate_card.id, 'US-TX', '2026-12-07', GOLDEN.findings[0]], 'the engine’s answer, as the CLI gives it');
    assert.equal(await page.locator('[data-testid=audit-footer]').innerText(), 'Computed by giftsim from the card’s published prices; figures as sourced in the presets.');
    await page.context().close();
  });

  test('reads the rules on another day, and marks a bad region or day at its field, keeping the last report stale', async () => {
    const page = await openLab();
    await settings(page, { region: 'US-TX', date: '2026-12-07' });
    await audit(page);
    await page.getByLabel('Date of the rules').fill('2026-01-15');
    assert.ok(await page.locator('[data-testid=stale]').isVisible(), 'an edit marks the report stale');
    await audit(page);
    assert.ok(await page.locator('[data-testid=stale]').isHidden());
    const texas = page.locator('[data-testid=rule-us-tx-asaa-2026]');
    assert.equal(await texas.locator('[data-testid=rule-status]').innerText(), 'Status on this day: enjoined by a court: blocked, not enforced.');
    assert.equal(await texas.locator('[data-testid=rule-applies]').innerText(), '✗ Does not apply on this day');
    assert.match(await page.locator('#audit-rules-title').innerText(), /on January 15, 2026/);

    // A region the engine does not know: the message under the region's field.
    await page.getByLabel('Region', { exact: true }).selectOption('other');
    const code = page.getByLabel('Region code');
    assert.equal(await code.inputValue(), 'US-TX', 'the typed region starts from the one picked');
    await code.fill('ZZ');
    const error = await refused(page);
    assert.equal(await error.count(), 1);
    assert.match(await error.innerText(), /“ZZ” is not a region giftsim knows/);
    assert.equal(await code.getAttribute('aria-invalid'), 'true');
    assert.ok(await code.locator('xpath=..').locator('.field-error').isVisible(), 'the message is next to the region’s field');
    assert.match(await page.locator('[data-testid=run-status]').innerText(), /could not run/);
    assert.match(await page.locator('#lab-notice').innerText(), /unknown_region/);
    assert.ok(await page.locator('[data-testid=stale]').isVisible(), 'the last report stays, marked stale');
    assert.equal(await texas.locator('[data-testid=rule-applies]').innerText(), '✗ Does not apply on this day');

    // A day before the registry: the message under the day's field.
    await code.fill('US-TX');
    assert.equal(await page.locator('.lab-editor .field-error:not([hidden])').count(), 0, 'mending the field clears its message');
    await page.getByLabel('Date of the rules').fill('1990-01-01');
    const early = await refused(page);
    assert.match(await early.innerText(), /^Use a day on or after 2019-01-01 \(not 1990-01-01\)\.$/);
    assert.equal(await page.getByLabel('Date of the rules').getAttribute('aria-invalid'), 'true');
    assert.ok(await page.locator('[data-testid=stale]').isVisible());
    await page.getByLabel('Date of the rules').fill('2026-12-07');
    await audit(page);
    assert.equal(await page.locator('.lab-editor .field-error:not([hidden])').count(), 0);
    assert.equal(await texas.locator('[data-testid=rule-status]').innerText(), 'Status on this day: in force.');
    await page.context().close();
  });

  test('audits the scenario’s first card as edited, and marks a figure the engine refuses at its field', async () => {
    const page = await openLab();
    await page.getByRole('radio', { name: 'Audit a rate card' }).check();
    await page.getByText('Figures of tiktok-ios: bundles, fees, creator terms').click();
    const price = page.getByLabel('Bundle 1 of tiktok-ios: price');
    await price.fill('0.49');
    await audit(page);
    assert.match(await page.locator('[data-testid=run-meta]').innerText(), /^Audit · tiktok-ios v1 \(2024\) \(edited\)/);
    assert.equal((await giftRow(page, 'Rose'))[3], '$0.49', 'the edited price is the one audited');
    await price.fill('a lot');
    await refused(page);
    assert.equal(await price.getAttribute('aria-invalid'), 'true', 'the message is at the card’s figure');
    assert.ok(await page.locator('[data-testid=stale]').isVisible());
    await page.context().close();
  });

  test('reads the golden answer: a limited offer is named apart from the ladder', async () => {
    // The UK card's report drawn from tests/golden/ (the CLI's answer) in the page, as the lab draws it.
    const page = await openLab();
    const texts = await page.evaluate(async (answer) => {
      const { renderAudit } = await import('/js/lab/results/audit.js');
      const { labFormatter } = await import('/js/lab/metrics.js');
      const parts = renderAudit(answer, { request: {}, formatFor: (c) => labFormatter('en-GB', c), library: { ruleSetById: new Map() }, onPrint() {}, onSaveRequest() {} });
      const box = document.createElement('div');
      box.append(...parts);
      document.body.append(box);
      return {
        limited: box.querySelector('[data-testid=audit-ladder] [data-testid=ladder-limited]')?.textContent,
        web: box.querySelectorAll('[data-testid=audit-channel-tiktok-web-gbp] [data-testid=ladder-limited]').length,
      };
    }, GOLDEN_GBP);
    assert.equal(texts.web, 0, 'no limited offer on the UK web card');
    assert.equal(plain(texts.limited), '40 Coins for £0.49 (£0.01225 per coin), once onlyLeft out of the checks above and of the best value, as they cannot be bought at will.');
    await page.context().close();
  });

  test('prints the report alone: no controls, every table whole, the other channels as unfolded', async () => {
    const page = await openLab();
    await settings(page, { region: 'US-TX', date: '2026-12-07' });
    await audit(page);
    await page.locator('[data-testid=audit-channel-tiktok-web] summary').click();
    const printed = await page.evaluate(() => {
      let calls = 0;
      window.print = () => {
        calls += 1;
      };
      document.querySelector('.lab-audit-print').click();
      return calls;
    });
    assert.equal(printed, 1, 'Print report calls window.print()');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.lab-run-band', '.lab-editor', '.site-footer', '.lab-results-head', '.lab-audit-print', '[data-testid=audit-command] ~ .button-row, .lab-audit-panel .button-row']) {
      assert.ok(await page.locator(selector).first().isHidden(), `${selector} is not printed`);
    }
    for (const testid of ['audit-report', 'audit-findings', 'audit-gift-table', 'audit-ladder', 'audit-rules', 'audit-channels', 'audit-footer']) {
      assert.ok(await page.locator(`[data-testid=${testid}]`).isVisible(), `${testid} is printed`);
    }
    for (const id of ['tiktok-web', 'tiktok-android']) {
      assert.ok(await page.locator(`[data-testid=audit-channel-findings-${id}]`).isVisible(), `${id}: its findings are printed`);
    }
    assert.ok(await page.locator('[data-testid=audit-gift-table-tiktok-web] tbody tr').first().isVisible(), 'a channel unfolded on screen prints its gift table');
    assert.ok(await page.locator('[data-testid=audit-gift-table-tiktok-android]').isHidden(), 'a folded one does not');
    assert.ok(await page.locator('.lab-screen-only').first().isHidden(), 'nor does the hint on sorting');
    const clipped = await page.evaluate(() => [...document.querySelectorAll('.lab-audit-panel .table-wrap, .lab-audit-report .table-wrap')].filter((w) => getComputedStyle(w).overflowX !== 'visible').length);
    assert.equal(clipped, 0, 'no scroll box clips a table on paper');
    // The printable width of an A4 page with the report's margins (186 mm at 96 dpi).
    await page.setViewportSize({ width: 703, height: 1017 });
    await page.screenshot({ path: new URL('lab-audit-print.png', results).pathname, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
    await writeFile(new URL('lab-audit-report.pdf', results), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    assert.ok(pages >= 2 && pages <= 8, `the report, with one other channel unfolded, prints on ${pages} A4 pages`);
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });

  test('reads well at desktop and phone width', async () => {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const page = await openLab('', viewport);
      await settings(page, { region: 'US-TX', date: '2026-12-07' });
      await audit(page);
      await page.waitForTimeout(200);
      const shot = (file, options = {}) => page.screenshot({ path: new URL(`lab-audit-${name}${file}.png`, results).pathname, ...options });
      await shot('-full', { fullPage: true });
      await page.evaluate(() => document.querySelector('[data-testid=audit-report]').scrollIntoView({ behavior: 'instant' }));
      await shot('');
      await page.evaluate(() => document.querySelector('[data-testid=audit-gifts]').scrollIntoView({ behavior: 'instant' }));
      await shot('-gifts');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
      const wrap = page.locator('[data-testid=audit-gift-table] .table-wrap');
      const hint = page.locator('[data-testid=audit-gift-table] .lab-scroll-hint');
      if (name === 'phone') {
        assert.equal(await wrap.getAttribute('tabindex'), '0', 'the wide table scrolls, and takes the keyboard');
        assert.ok(await hint.isVisible(), 'with a hint that it scrolls');
        const firstCell = page.locator('[data-testid=audit-gift-table] tbody tr:first-child td:first-child');
        const x = (await firstCell.boundingBox()).x;
        await wrap.evaluate((w) => w.scrollBy(300, 0));
        assert.equal(Math.round((await firstCell.boundingBox()).x), Math.round(x), 'the gift’s name stays in view as the table scrolls');
        await wrap.evaluate((w) => w.scrollTo(0, 0));
      } else {
        assert.ok(await hint.isHidden(), 'no hint where the table fits');
      }
      await page.context().close();
    }
  });

  test('opens a link or a saved scenario from before the audit with the default audit', async () => {
    const old = compact({ ...defaultDocument(), mode: 'sweep' }, library);
    delete old.audit;
    const doc = expand(JSON.parse(JSON.stringify(old)), library);
    assert.equal(doc.audit.all_channels, true);
    assert.match(doc.audit.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(doc.audit.rate_card, undefined, 'the scenario’s first card');
    assert.deepEqual(engineRequest({ ...doc, mode: 'audit' }), { op: 'audit', input: { rate_card: 'tiktok-ios', all_channels: true } });
    // An audit file opens as the Audit mode and exports as it was; a link keeps it.
    const imported = fromEngineDocument(EXAMPLE, defaultDocument());
    assert.equal(imported.mode, 'audit');
    assert.deepEqual(engineRequest(imported), { op: 'audit', input: EXAMPLE });
    assert.deepEqual(expand(JSON.parse(JSON.stringify(compact(imported, library))), library), imported);
    // An edited card of the audit's own travels as the preset's id and the edits.
    const card = { ...library.cardById.get('tiktok-web'), bundles: [{ coins: 70, price: '0.99' }] };
    const own = { ...imported, audit: { ...imported.audit, rate_card: card } };
    assert.deepEqual(compact(own, library).audit.rate_card, { $preset: 'tiktok-web', $edits: { bundles: [[{ coins: 70, price: '0.99' }]] } });
    assert.deepEqual(expand(JSON.parse(JSON.stringify(compact(own, library))), library), own);
    assert.throws(() => expand({ ...compact(own, library), audit: { region: 'AU', when: 'today' } }, library), (e) => e.path === 'audit.when');

    // In the browser: a link without an audit, and a scenario saved in this browser without one.
    const fragment = await toFragment({ ...defaultDocument(), mode: 'sweep', audit: undefined }, library);
    const entry = { name: 'Saved before the audit', saved: '2026-11-01T10:00:00.000Z', doc: old };
    const page = await h.open(`lab.html${fragment}`, {
      wait: 'html[data-lab-ready]',
      init: `localStorage.setItem('giftsim.lab.scenarios.v1', ${JSON.stringify(JSON.stringify([entry]))})`,
    });
    assert.ok(await page.getByRole('radio', { name: 'Sweep' }).isChecked(), 'the link opened');
    await page.getByRole('radio', { name: 'Audit a rate card' }).check();
    assert.match(await page.getByLabel('Rate card to audit').locator('option:checked').innerText(), /^The scenario’s first card: TikTok · iPhone app \(USD\) — tiktok-ios/);
    assert.equal(await page.getByLabel('Region', { exact: true }).inputValue(), '');
    await audit(page);
    assert.equal(await page.locator('[data-testid=audit-rules] .lab-audit-no-rules').count(), 1, 'no region, no rules');
    assert.equal(await page.locator('[data-testid=audit-channels] details').count(), 2);
    await page.locator('#start-from').selectOption(`saved:${entry.name}`);
    await page.getByRole('button', { name: /^Load this starting point/ }).click();
    const replace = page.getByRole('dialog');
    if (await replace.isVisible().catch(() => false)) await replace.getByRole('button', { name: 'Replace' }).click();
    await page.getByRole('radio', { name: 'Sweep' }).waitFor();
    assert.ok(await page.getByRole('radio', { name: 'Sweep' }).isChecked(), 'the saved scenario loaded');
    assert.match(await page.locator('[data-testid=run-status]').innerText(), /Loaded “Saved before the audit”/);
    await page.getByRole('radio', { name: 'Audit a rate card' }).check();
    assert.ok(await page.getByLabel('Also its platform’s other channels').isChecked(), 'with the default audit');
    await page.context().close();
  });

  test('sent no request beyond 127.0.0.1 and logged no error', () => {
    assert.deepEqual(outside(h.requests), []);
    assert.ok(h.requests.some((u) => u.endsWith('/js/lab/results/audit.js')), 'the report’s module was loaded locally');
    assert.ok(h.requests.some((u) => u.endsWith('.wasm')), 'the engine was fetched locally');
    assert.deepEqual([...h.problems, ...workerProblems], []);
  });
});
