// "What was really spent" on the calculator page, in Debian's Chromium: a family's TikTok data
// export (synthetic, from the documented structure: tests/fixtures/exports/page-*.json), alone or
// in a ZIP, with Google Play's purchase history, read on the device, checked against the spending
// rules, and downloaded as CSV; the files' problems said in plain words; and not one request
// leaving the page (`make test-e2e`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import { axe, harness, plain, results, until } from './browser.mjs';

const fixtures = new URL('../fixtures/exports/', import.meta.url);
const fixture = (name) => readFile(new URL(name, fixtures));

/**
 * A ZIP of `files` (`{ name, data, method = 8, flags = 0 }`): deflated by zlib, or stored, or
 * with any method number and flags (an encrypted entry's bit 0), as a writer would lay it out.
 */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, method = 8, flags = 0 } of files) {
    const packed = method === 8 ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const fields = (header) => {
      header.writeUInt16LE(flags | 0x800, header === local ? 6 : 8);
      header.writeUInt16LE(method, header === local ? 8 : 10);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    fields(central);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

let h;
/** Every request of the pages opened here, with its method. */
const requests = [];
let base;
before(async () => {
  h = await harness();
  base = h.base;
});
after(async () => {
  await h?.close();
});

/** The page in a London-time browser (the export's dates are read in the device's zone). */
async function open(query = '', { viewport = { width: 1280, height: 900 } } = {}) {
  const ctx = await h.browser.newContext({ viewport, acceptDownloads: true, timezoneId: 'Europe/London', locale: 'en-GB' });
  const page = await ctx.newPage();
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  page.on('pageerror', (e) => h.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') h.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('response', (r) => r.status() >= 400 && h.problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(base + query);
  await section(page).locator('input[type=file]').first().waitFor({ state: 'attached', timeout: 15000 });
  return page;
}

const section = (page) => page.locator('#history');
const tiktokInput = (page) => section(page).getByLabel(/^Your TikTok data/);
const playInput = (page) => section(page).getByLabel(/^Google Play purchase history/);
const fileError = (page) => section(page).locator('.field--file .field-error').first();
const spent = async (page) => plain(await section(page).locator('[data-testid=history-spent]').innerText());
const counts = async (page) => plain(await section(page).locator('[data-testid=history-counts]').innerText());
const json = (name, data) => ({ name, mimeType: 'application/json', buffer: Buffer.from(data) });
const zipFile = (name, buffer) => ({ name, mimeType: 'application/zip', buffer });

/** Answers the engine's question about the unit of "Price" with `choice`. */
async function answerUnit(page, choice = /^Coins/) {
  const question = section(page).getByRole('group', { name: 'Are these amounts coins or money?' });
  await question.waitFor();
  await question.getByLabel(choice).check();
  await section(page).getByRole('button', { name: 'Use this answer' }).click();
}

/** Drops files on the drop zone, as a person dragging them from their file manager. */
async function drop(page, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, base64: f.buffer.toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, payload);
  await section(page).locator('.history-drop').dispatchEvent('drop', { dataTransfer: transfer });
}

/** The error next to the file control, once it shows `pattern`. */
async function errorSays(page, pattern) {
  return until(async () => plain(await fileError(page).innerText()), (t) => pattern.test(t), { what: 'the file error' });
}

describe('what was really spent', () => {
  test('a ZIP of the current export, with Google Play’s invoices: asked, checked, downloaded; nothing leaves the page', async () => {
    requests.length = 0;
    // China's 2019 rules for minors' spending in games (CNY caps per top-up and per month), with
    // the example rate of 1 USD = 7.10 CNY: a version 1 link's spending check, emptied.
    const page = await open('?v=1&events=');
    const tiktok = await fixture('page-tiktok-2024.json');
    const archive = zip([
      { name: 'TikTok_Data_1740000000/readme.txt', data: Buffer.from('synthetic example\n'), method: 0 },
      { name: 'TikTok_Data_1740000000/user_data_tiktok.json', data: tiktok },
    ]);
    await tiktokInput(page).setInputFiles(zipFile('TikTok_Data_1740000000.zip', archive));
    // The Price texts do not say their unit: the engine asks, with examples from the file.
    const samples = section(page).locator('.history-samples');
    await samples.waitFor();
    assert.match(await samples.innerText(), /330/);
    await section(page).screenshot({ path: new URL('history-question.png', results).pathname });
    await answerUnit(page);
    await until(() => spent(page), (t) => /\d/.test(t), { what: 'the money spent' });
    const summary = plain(await section(page).locator('[data-testid=history-summary]').innerText());
    console.log(`imported: ${summary.split('\n').slice(0, 4).join(' | ')}`);
    assert.match(summary, /8 coin top-ups/);
    assert.match(summary, /4 gifts sent/);
    assert.match(await counts(page), /blocked/);
    assert.match(plain(await section(page).locator('.history-against').innerText()), /born 2011-02-01/);
    assert.match(await section(page).locator('.history-loaded').innerText(), /user_data_tiktok\.json \(from TikTok_Data_1740000000\.zip\)/);
    // The first breach of each rule: a cap of China's 2019 rules, blocked.
    const breaches = plain(await section(page).locator('.history-breaches').innerText());
    assert.match(breaches, /cap/);
    assert.ok(await section(page).locator('.history-events-table .verdict--block').count() >= 1);
    assert.ok(await section(page).locator('.history-basis--estimate').count() >= 1, 'coins priced from the rate card are marked as estimates');

    // Google Play's purchase history: the Android purchases' real prices.
    await playInput(page).setInputFiles(json('Purchase History.json', await fixture('page-google-purchase-history.json')));
    await until(() => section(page).locator('.history-basis--invoice').count(), (n) => n >= 1, { what: 'amounts from invoices' });
    assert.match(await section(page).locator('.history-loaded').innerText(), /Google Play purchases: Purchase History\.json/);

    // Totals per week as well as per month.
    assert.match(await section(page).locator('.history-totals-table').innerText(), /Feb 2025/);
    await section(page).getByLabel('Per week (from Monday)').check();
    assert.match(await section(page).locator('.history-totals-table').innerText(), /Feb 3, 2025/);

    // The CSV, for a refund request.
    const [download] = await Promise.all([page.waitForEvent('download'), section(page).getByRole('button', { name: 'Download as CSV' }).click()]);
    assert.match(download.suggestedFilename(), /^tiktok-spending-2025-01-20-to-2025-03-02\.csv$/);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'date,what,coins,money,currency,basis,verdict,rule,note');
    assert.equal(lines.length, 13, 'one line per purchase or gift');
    assert.match(lines[1], /^2025-01-20T18:00:00\+00:00,Coins bought,330,[\d.]+,USD,estimate,/);
    assert.ok(lines.some((l) => /,from invoice,/.test(l)), 'an invoice’s amount is marked');
    assert.ok(lines.some((l) => /,blocked,/.test(l)));
    assert.ok(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`) || l.includes(`"Gift to =HYPERLINK(""x"")"`)), 'a name is never a formula');
    console.log(`csv: ${lines[3]}`);

    // Accessible, and nothing went anywhere: every request to the page's own origin, none a POST.
    assert.deepEqual(await axe(page, '#history'), []);
    const origin = new URL(base).origin;
    const away = requests.filter((r) => !r.url.startsWith('blob:') && !r.url.startsWith('data:') && new URL(r.url).origin !== origin);
    assert.deepEqual(away, [], 'no request leaves the page');
    assert.deepEqual(requests.filter((r) => r.method !== 'GET'), [], 'nothing is sent');
    assert.ok(requests.some((r) => r.url.includes('pkg-full/giftsim_bg.wasm')), 'the import engine loaded when the file was picked');
    assert.equal(new URL(page.url()).search.includes('tiktok'), false, 'the history is not in the URL');
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nor in storage');

    await section(page).screenshot({ path: new URL('history-desktop.png', results).pathname });
    await page.context().close();
  });

  test('the engine is not loaded until a file is picked', async () => {
    requests.length = 0;
    const page = await open('');
    await page.waitForTimeout(300);
    assert.equal(requests.filter((r) => r.url.includes('pkg-full')).length, 0);
    await page.context().close();
  });

  test('an old export dropped on the page, with its birth date as Feb-01-2011; empty lists are said so', async () => {
    const page = await open('', { viewport: { width: 390, height: 844 } });
    await drop(page, [json('user_data.json', await fixture('page-tiktok-legacy.json'))]);
    await until(() => spent(page), (t) => /\d/.test(t), { what: 'the money spent' });
    // "330 coins" says its unit: no question.
    assert.equal(await section(page).locator('.history-samples').count(), 0);
    assert.match(plain(await section(page).locator('[data-testid=history-summary]').innerText()), /2 coin top-ups/);
    assert.match(await section(page).locator('.history-loaded').innerText(), /older export/);
    assert.match(plain(await section(page).locator('.history-against').innerText()), /born 2011-02-01/);
    await section(page).screenshot({ path: new URL('history-phone.png', results).pathname });
    assert.deepEqual(await axe(page, '#history'), []);

    await tiktokInput(page).setInputFiles(json('user_data_tiktok.json', await fixture('page-tiktok-null.json')));
    const headline = section(page).locator('[data-testid=history-headline]');
    await headline.waitFor();
    assert.match(await headline.innerText(), /No coin purchases or gifts/);
    await page.context().close();
  });

  test('files that are not what was expected are said so next to the file control; the last result stays, greyed', async () => {
    const page = await open('?v=1&events=');
    const good = await fixture('page-tiktok-2024.json');
    await tiktokInput(page).setInputFiles(json('user_data_tiktok.json', good));
    await answerUnit(page);
    await until(() => spent(page), (t) => /\d/.test(t), { what: 'the money spent' });
    const before = await spent(page);
    const result = section(page).locator('.history-result');
    const stale = async () => {
      assert.equal(await spent(page), before, 'the last result stays');
      assert.ok(await result.evaluate((el) => el.classList.contains('is-stale')), 'greyed as not updated');
    };

    // Another service's export.
    await tiktokInput(page).setInputFiles(json('export.json', await fixture('page-not-tiktok.json')));
    console.log(`another service: ${await errorSays(page, /does not look like a TikTok data file/)}`);
    await stale();

    // A ZIP cut short (a download that did not finish).
    const archive = zip([{ name: 'TikTok_Data/user_data_tiktok.json', data: good }]);
    await tiktokInput(page).setInputFiles(zipFile('TikTok_Data.zip', archive.subarray(0, Math.floor(archive.length * 0.6))));
    console.log(`truncated: ${await errorSays(page, /TikTok_Data\.zip is incomplete or damaged/)}`);
    await stale();

    // A ZIP protected with a password.
    await tiktokInput(page).setInputFiles(zipFile('locked.zip', zip([{ name: 'user_data_tiktok.json', data: good, method: 0, flags: 1 }])));
    await errorSays(page, /locked\.zip is protected with a password.*choose user_data_tiktok\.json instead/);
    await stale();

    // Another compression method.
    await tiktokInput(page).setInputFiles(zipFile('packed.zip', zip([{ name: 'user_data_tiktok.json', data: good, method: 14 }])));
    await errorSays(page, /packed in a way this page cannot unpack \(compression method 14\)/);

    // A ZIP without the TikTok file; the TXT format.
    await tiktokInput(page).setInputFiles(zipFile('photos.zip', zip([{ name: 'a.jpg', data: Buffer.from('x'), method: 0 }])));
    await errorSays(page, /photos\.zip does not hold a TikTok data file \(user_data_tiktok\.json or user_data\.json\).*a\.jpg/);
    await tiktokInput(page).setInputFiles(zipFile('txt.zip', zip([{ name: 'TikTok/user_data_tiktok.txt', data: Buffer.from('Date: x') }])));
    await errorSays(page, /TXT version.*choose “JSON”/);

    // JSON that breaks off, or is wrong in the middle.
    await tiktokInput(page).setInputFiles(json('user_data_tiktok.json', good.subarray(0, 500)));
    await errorSays(page, /user_data_tiktok\.json stops in the middle/);
    await tiktokInput(page).setInputFiles(json('user_data_tiktok.json', '{\n  "Your Activity": {\n    "Purchases": { oops }\n  }\n}'));
    console.log(`bad JSON: ${await errorSays(page, /not readable JSON: something is wrong at line 3, column 20/)}`);

    // A date that does not parse: the purchase named.
    await tiktokInput(page).setInputFiles(json('user_data_tiktok.json', await fixture('page-tiktok-bad-date.json')));
    const unitAsked = await section(page).locator('.history-samples').waitFor({ timeout: 3000 }).then(() => true, () => false);
    if (unitAsked) await answerUnit(page);
    console.log(`bad date: ${await errorSays(page, /coin purchase 2/)}`);
    await stale();

    // Too large: refused before a byte is read.
    await section(page).locator('.history-drop').evaluate((zone) => {
      const file = new File(['{}'], 'huge.zip');
      Object.defineProperty(file, 'size', { value: 301 * 1024 * 1024 });
      const event = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { files: [file] } });
      zone.dispatchEvent(event);
    });
    await errorSays(page, /huge\.zip is 301 MB, more than the 300 MB this page reads/);
    await stale();
    await section(page).screenshot({ path: new URL('history-error.png', results).pathname });
    assert.deepEqual(await axe(page, '#history'), []);

    // Forgetting the files clears everything.
    await section(page).getByRole('button', { name: 'Forget these files' }).click();
    await section(page).locator('[data-testid=history-spent]').waitFor({ state: 'detached' });
    assert.equal(await fileError(page).isVisible(), false);
    await page.context().close();
  });

  test('no page problems', () => {
    assert.deepEqual(h.problems, []);
  });
});
