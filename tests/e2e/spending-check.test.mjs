// The spending check on the calculator page, in Debian's Chromium: a young person's dated plan
// of top-ups and gifts checked against the shipped rule sets (`make test-e2e`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { axe, harness, outside, plain, results, until } from './browser.mjs';

let h;
before(async () => {
  h = await harness();
});
after(async () => {
  await h?.close();
});

const section = (page) => page.locator('#spending-check');
const row = (page, i) => section(page).locator('.plan-event').nth(i);
/** A field by its visible label (the fields of an event also name the event, for screen readers). */
const label = (scope, text) => scope.getByLabel(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(, event \\d+)?$`));
const summary = async (page) => plain(await page.locator('[data-testid=plan-headline]').innerText());

describe('the spending check', () => {
  test('an old link still opens its example: a 15-year-old’s month of top-ups under China’s 2019 rules', async () => {
    const page = await h.open('?v=1');
    assert.equal(await summary(page), '2 of 7 events blocked');
    assert.equal(await label(section(page), 'Spending rules').inputValue(), 'cn-games-2019');
    assert.match(await section(page).locator('[data-testid=rule-set-date]').innerText(), /as of 2019-11/);
    // Every preset rule set is offered, by name.
    const offered = await label(section(page), 'Spending rules').locator('option').evaluateAll((os) => os.map((o) => o.value));
    for (const id of ['auto', 'my-limits', 'tiktok-global', 'cn-games-2019', 'cn-live-2022', 'under18-family', 'kr-live', 'youtube-viewer-limits', 'none']) {
      assert.ok(offered.includes(id), `${id} is offered`);
    }
    await page.context().close();
  });

  test('blocks the fifth ¥45 top-up of a month for a 15-year-old under cn-games-2019, and says why', async () => {
    const page = await h.open('?v=1&rules=cn-games-2019&age=15&region=CN&events=');
    assert.equal(await summary(page), 'No events in the plan');
    const add = section(page).getByRole('button', { name: 'Add a top-up' });
    for (let i = 0; i < 5; i += 1) {
      await add.click();
      const r = row(page, i);
      await r.waitFor();
      assert.ok(await label(r, 'When').evaluate((el) => el === el.getRootNode().activeElement), 'the new event’s date has the keyboard');
      if (i === 0) await label(r, 'When').fill('2026-03-01T10:00');
      assert.equal(await label(r, 'When').inputValue(), `2026-03-0${i + 1}T10:00`, 'each new event comes a day after the last');
      await label(r, 'Amount').fill('45.00');
      assert.equal(await label(r, 'Currency').inputValue(), 'CNY');
    }
    await until(() => summary(page), (t) => t === '1 of 5 events blocked', { what: 'the summary' });
    const fifth = row(page, 4);
    assert.match(await fifth.locator('legend').innerText(), /Blocked/i);
    const verdict = plain(await fifth.locator('.event-verdict').innerText());
    assert.match(verdict, /The monthly limit: CN¥200\.00 of top-ups per calendar month/);
    assert.doesNotMatch(verdict, /“monthly”|bracket/, 'no internal ids, no jargon');
    assert.match(verdict, /March 2026/, 'the window, in the person’s time');
    assert.match(verdict, /CN¥180\.00 of CN¥200\.00 used, CN¥20\.00 left/);
    assert.match(verdict, /CN¥45\.00 would bring the total for this calendar month to CN¥225\.00, over the CN¥200\.00 cap/);
    assert.match(verdict, /Mar 1, 2026, 00:00 – Apr 1, 2026, 00:00 \(UTC\+08:00\)/);
    // The fourth warned (80 %), the first three were allowed.
    assert.match(await row(page, 3).locator('legend').innerText(), /Warning/i);
    assert.match(await row(page, 0).locator('legend').innerText(), /Allowed/i);
    const still = plain(await section(page).locator('[data-testid=still-spend]').innerText());
    assert.match(still, /Top-ups\s+Can still spend before being stopped\s+CN¥20\.00/);
    console.log(`the fifth top-up: ${verdict.split('\n').filter(Boolean)[2]}`);
    await page.context().close();
  });

  test('blocks a 17-year-old gifting under tiktok-global, in the plan and in the gift cost', async () => {
    const page = await h.open('?v=1&events=');
    await label(section(page), 'Spending rules').selectOption('tiktok-global');
    await label(section(page), 'Age').fill('17');
    await label(section(page), 'Where they live').selectOption('US');
    await section(page).getByRole('button', { name: 'Add a gift' }).click();
    await label(row(page, 0), 'When').fill('2026-06-01T18:05');
    await label(row(page, 0), 'Gift').selectOption('galaxy');
    await until(() => summary(page), (t) => t === '1 of 1 event blocked', { what: 'the summary' });
    const verdict = plain(await row(page, 0).locator('.event-verdict').innerText());
    assert.match(verdict, /Minimum age/);
    assert.match(verdict, /At 17, gifting is not allowed: the minimum age is 18 in US under TikTok \(global\)/);
    assert.match(plain(await section(page).locator('[data-testid=still-spend]').innerText()), /Gifts and tips\s+Can still spend before being stopped\s+Nothing: not allowed under 18/);

    // The gift-cost section checks its own purchase for the same person.
    await page.locator('#gift-cost').getByLabel(/Check it against spending rules/).check();
    const check = page.locator('[data-testid=gift-check]');
    await check.waitFor();
    assert.match(plain(await check.innerText()), /A 17-year-old in US may not buy these coins under TikTok \(global\)/);
    assert.match(await page.locator('[data-testid=gift-total]').innerText(), /\$453\.85/, 'the cost itself is still shown');
    await page.context().close();
  });

  test('a missing exchange rate is marked at its field; the last good answers stay, greyed and labelled', async () => {
    const page = await h.open('?v=1');
    const before = await summary(page);
    const r = row(page, 0);
    await label(r, 'What').selectOption('coins');
    const fx = label(section(page), 'Exchange rate, 1 USD in CNY');
    await fx.fill('');
    const error = section(page).locator('.has-error .field-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Type how many CNY one USD is worth/);
    assert.equal(await fx.getAttribute('aria-invalid'), 'true');
    assert.equal(await summary(page), before, 'the last good answer stays');
    const result = section(page).locator('.plan-result');
    assert.ok(await result.evaluate((el) => el.classList.contains('is-stale')), 'the last good answer is greyed');
    assert.match(await result.locator('.stale-label').innerText(), /Not updated/);
    assert.match(await section(page).locator('.notice').innerText(), /not updated/);
    await section(page).screenshot({ path: new URL('spending-check-missing-rate.png', results).pathname });

    await fx.fill('7.10');
    await section(page).locator('.has-error').waitFor({ state: 'detached' });
    await result.locator('.stale-label').waitFor({ state: 'detached' });
    const verdict = plain(await r.locator('.event-verdict').innerText());
    assert.match(verdict, /[\d,]+ coins · \$[\d.]+ paid, counted as CN¥[\d.]+ at 1 USD = 7\.10 CNY/, 'the coins’ dollar price, converted into the rules’ yuan at the rate shown');
    assert.match(verdict, /CN¥[\d.]+ is more than the CN¥50\.00 allowed in one transaction/);
    await page.context().close();
  });

  test('an amount keeps its currency when the rules change: $20 top-ups are converted, not relabelled', async () => {
    const page = await h.open('?v=1&rules=none&age=15&region=US&events=');
    await section(page).getByRole('button', { name: 'Add a top-up' }).click();
    await label(row(page, 0), 'When').fill('2026-03-01T10:00');
    await label(row(page, 0), 'Amount').fill('20.00');
    assert.equal(await label(row(page, 0), 'Currency').inputValue(), 'USD');
    await until(() => summary(page), (t) => t === 'All 1 event allowed', { what: 'the summary' });
    await label(section(page), 'Spending rules').selectOption('cn-games-2019');
    // Still $20, now counted in yuan at the stated rate: ¥142, over the ¥50 per top-up.
    assert.equal(await label(row(page, 0), 'Currency').inputValue(), 'USD');
    await until(() => summary(page), (t) => t === '1 of 1 event blocked', { what: 'the summary' });
    const verdict = plain(await row(page, 0).locator('.event-verdict').innerText());
    assert.match(verdict, /\$20\.00 paid, counted as CN¥142\.00 at 1 USD = 7\.10 CNY/);
    assert.match(verdict, /CN¥142\.00 is more than the CN¥50\.00 allowed in one transaction/);
    await page.context().close();
  });

  test('top-ups in the rules’ yuan buy coins on a dollar card, so later gifts are not blocked for want of them', async () => {
    const page = await h.open('?v=1');
    await section(page).getByRole('button', { name: 'Add a gift' }).click();
    const gift = row(page, 7);
    await label(gift, 'Gift').selectOption('rose');
    await until(() => gift.locator('.event-verdict').innerText(), (t) => /Rose|coin/i.test(t), { what: 'the gift’s verdict' });
    const verdict = plain(await gift.locator('.event-verdict').innerText());
    assert.doesNotMatch(verdict, /coins are held|coin is held/);
    assert.match(await gift.locator('legend').innerText(), /Allowed/i);
    // Each ¥45 top-up bought coins at the card's prices, converted at the rate.
    assert.match(plain(await row(page, 0).locator('.event-verdict').innerText()), /[\d,]+ coins · CN¥45\.00/);
    await page.context().close();
  });

  test('after a rule change that fails, the answers are marked stale and the notice leads to the field', async () => {
    const page = await h.open('?v=1&rules=none&age=15&region=US&events=');
    await section(page).getByRole('button', { name: 'Add a top-up' }).click();
    await label(row(page, 0), 'Amount').fill('20.00');
    await until(() => summary(page), (t) => t === 'All 1 event allowed', { what: 'the summary' });
    // Korea's rules count won: no rate from dollars is given yet.
    await label(section(page), 'Spending rules').selectOption('kr-live');
    const fix = section(page).locator('.notice .notice-link');
    await fix.waitFor();
    assert.equal(await summary(page), 'All 1 event allowed', 'the previous rules’ answer is still shown…');
    assert.ok(await section(page).locator('.plan-result').evaluate((el) => el.classList.contains('is-stale')), '…greyed');
    assert.match(await section(page).locator('.plan-result .stale-label').innerText(), /Not updated/, '…and labelled');
    assert.match(await fix.innerText(), /Exchange rate, 1 USD in KRW/);
    await fix.click();
    const focused = await page.evaluate(() => document.activeElement?.dataset.currency);
    assert.equal(focused, 'USD', 'the notice’s link puts the keyboard in the field to fix');
    await page.context().close();
  });

  test('offers every time zone of the engine’s database, and reads the past with its rules', async () => {
    const page = await h.open('?v=1&events=');
    const zone = label(section(page), 'Time zone');
    await page.waitForFunction(() => document.querySelectorAll('#spending-check select option').length > 500);
    const offered = await zone.locator('option').evaluateAll((os) => os.map((o) => o.value));
    for (const z of ['Australia/Perth', 'Australia/Brisbane', 'Asia/Kuala_Lumpur', 'Europe/Athens', 'Europe/Kyiv', 'America/Halifax', 'Africa/Nairobi', 'America/Vancouver']) {
      assert.ok(offered.includes(z), `${z} is offered`);
    }
    await zone.selectOption('America/Vancouver');
    await label(section(page), 'Spending rules').selectOption('under18-family');
    await label(section(page), 'Age').fill('15');
    await section(page).getByRole('button', { name: 'Add a top-up' }).click();
    await label(row(page, 0), 'When').fill('2026-01-31T23:30');
    await label(row(page, 0), 'Amount').fill('5.00');
    await label(row(page, 0), 'Currency').selectOption('USD');
    await row(page, 0).getByLabel('Guardian approved').check();
    const stillAt = section(page).locator('[data-testid=still-at]');
    await until(() => stillAt.innerText(), (t) => /UTC-08:00/.test(t), { what: 'the time asked at, in January’s −08:00' });
    assert.match(plain(await stillAt.innerText()), /Jan 31, 2026, 11:30 PM/);
    assert.match(plain(await row(page, 0).locator('.event-verdict').innerText()), /Jan 31, 2026, 11:30 PM/);
    await page.context().close();
    // A link keeps any zone the page offers, hyphens and all.
    const linked = await h.open('?v=1&zone=America%2FPort-au-Prince');
    await linked.waitForFunction(() => document.querySelectorAll('#spending-check select option').length > 500);
    assert.equal(await label(section(linked), 'Time zone').inputValue(), 'America/Port-au-Prince');
    await linked.context().close();
  });

  test('keeps the whole plan through its URL', async () => {
    const page = await h.open('?v=1');
    await label(section(page), 'Age').fill('16');
    await label(section(page), 'Time zone').selectOption('Asia/Tokyo');
    // A catalogue gift is priced in the card's dollars: the yuan rules need a rate.
    await label(section(page), 'Exchange rate, 1 USD in CNY').fill('7.05');
    await section(page).getByRole('button', { name: 'Add a gift' }).click();
    const added = row(page, 7);
    await label(added, 'Gift').selectOption('lion');
    await label(added, 'How many').fill('2');
    await label(added, 'Note').fill('a;b,c <b>bold</b> ~ 100%');
    await row(page, 1).getByLabel('Guardian approved').check();
    await label(row(page, 2), 'Amount').fill('12.34');
    await page.waitForFunction(() => location.search.includes('events=') && location.search.includes('age=16'));
    await section(page).locator('[data-testid=plan-headline]').waitFor();
    const snapshot = await section(page).innerText();
    const again = await h.open(page.url().slice(h.base.length));
    await section(again).locator('[data-testid=plan-headline]').waitFor();
    assert.equal(await section(again).innerText(), snapshot);
    assert.equal(await label(row(again, 7), 'Note').inputValue(), 'a;b,c <b>bold</b> ~ 100%');
    assert.equal(await section(again).locator('b').count(), 0, 'notes are text, never markup');
    assert.ok(await row(again, 1).getByLabel('Guardian approved').isChecked());
    assert.equal(await label(section(again), 'Time zone').inputValue(), 'Asia/Tokyo');
    assert.equal(await section(again).locator('.has-error').count(), 0);
    await page.context().close();
    await again.context().close();
  });

  test('reads a hostile plan in the URL as data', async () => {
    const evil = encodeURIComponent('<img src=x onerror=alert(1)>');
    const page = await h.open(`?v=1&rules=${evil}&zone=${evil}&region=${evil}&age=${evil}&events=${encodeURIComponent(`${evil};buy;${evil};XSS;g;${evil},2026-01-01T00:00;gift;${evil};1`)}`);
    assert.equal(await section(page).locator('img, script').count(), 0);
    assert.match(await section(page).locator('.field-error:not([hidden])').first().innerText(), /whole years/);
    await page.context().close();
  });

  test('is accessible with errors and checks showing (axe-core)', async () => {
    const page = await h.open('?v=1&check=1&rules=tiktok-global&age=16');
    await page.locator('[data-testid=gift-check]').waitFor();
    await label(row(page, 0), 'What').selectOption('coins');
    await label(section(page), 'Spending rules').selectOption('cn-games-2019');
    await label(section(page), 'Exchange rate, 1 USD in CNY').fill('');
    await section(page).locator('.has-error').first().waitFor();
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });

  test('a first visit starts empty, under the rules where they live (from the browser’s language), with no China example', async () => {
    const page = await h.open('');
    await page.waitForFunction(() => location.search.includes('rules=auto'));
    assert.match(page.url(), /[?&]region=US(&|$)/, 'the region comes from the browser’s en-US');
    assert.equal(await label(section(page), 'Spending rules').inputValue(), 'auto');
    assert.equal(await summary(page), 'No events in the plan');
    // Nothing of China but in the lists to choose from.
    const text = plain(await section(page).evaluate((el) => {
      const copy = el.cloneNode(true);
      copy.querySelectorAll('select').forEach((s) => s.remove());
      return copy.textContent;
    }));
    assert.doesNotMatch(text, /China|CN¥|CNY/, 'no China example');
    assert.match(plain(await section(page).locator('[data-testid=rules-where]').innerText()), /The rules where they live: the United States[\s\S]*TikTok \(global\)[\s\S]*applies today/i);
    assert.equal(await row(page, 0).count(), 0, 'the plan is empty');
    await page.context().close();
  });

  test('choosing the United States never applies China’s rules without a word', async () => {
    // An old link's China example, for a person who lives in the United States.
    const page = await h.open('?v=1&who=Maria');
    await label(section(page), 'Where they live').selectOption('US');
    const note = section(page).locator('[data-testid=rules-note]');
    await until(() => note.innerText(), (t) => /These are the rules of China/.test(t), { what: 'the note beside the rules' });
    assert.match(plain(await note.innerText()), /^These are the rules of China, but Maria lives in the United States\. The rules where they live: TikTok \(global\): Coins and gifts 18\+\.$/);
    assert.ok(await note.evaluate((el) => el.classList.contains('field-hint--warn')), 'said as a warning');
    assert.match(await label(section(page), 'Spending rules').getAttribute('aria-describedby'), new RegExp(await note.getAttribute('id')), 'the choice describes itself with it');
    // The rules where they live: no note, and no China.
    await label(section(page), 'Spending rules').selectOption('auto');
    await until(() => note.innerText(), (t) => !/China/.test(t), { what: 'the note' });
    await until(() => summary(page), (t) => /blocked/.test(t), { what: 'the summary' });
    const where = plain(await section(page).locator('[data-testid=rules-where]').innerText());
    assert.match(where, /TikTok \(global\)/);
    assert.doesNotMatch(where, /China/);
    // Korea's rules for a person in Korea: no note.
    await label(section(page), 'Where they live').selectOption('KR');
    await label(section(page), 'Spending rules').selectOption('kr-live');
    await until(() => note.innerText(), (t) => !/These are the rules of/.test(t), { what: 'the note' });
    await page.context().close();
  });

  /** Own limits of $20 a week for a 15-year-old in the United States, three top-ups in one week. */
  async function ownLimitsPlan() {
    const page = await h.open('?v=2&region=US&age=15&zone=UTC&events=');
    await label(section(page), 'Spending rules').selectOption('my-limits');
    const editor = section(page).locator('[data-testid=own-limits]');
    await editor.waitFor();
    assert.equal(await label(editor, 'Money in').inputValue(), 'USD', 'the card’s currency');
    assert.equal(await label(editor, 'Warn at (percent of a limit)').inputValue(), '50, 80');
    await label(editor, 'At most per week').fill('20');
    for (let i = 0; i < 3; i += 1) {
      await section(page).getByRole('button', { name: 'Add a top-up' }).click();
      if (i === 0) await label(row(page, 0), 'When').fill('2026-03-02T10:00');
    }
    await label(row(page, 2), 'Amount').fill('5.00');
    await until(() => summary(page), (t) => t === '1 of 3 events blocked', { what: 'the summary' });
    return page;
  }

  test('own limits a parent types decide the verdicts', async () => {
    const page = await ownLimitsPlan();
    assert.match(await row(page, 0).locator('legend').innerText(), /Warning/i, '$10 of $20 reaches the 50 % warning');
    assert.match(await row(page, 1).locator('legend').innerText(), /Warning/i, '$20 of $20 reaches the 80 % warning');
    const third = plain(await row(page, 2).locator('.event-verdict').innerText());
    assert.match(third, /The weekly limit: \$20\.00 of top-ups per calendar week/);
    assert.match(third, /the week from Mon, Mar 2, 2026/);
    assert.match(third, /\$20\.00 of \$20\.00 used, \$0\.00 left/);
    assert.match(plain(await section(page).locator('[data-testid=still-spend]').innerText()), /Top-ups\s+Can still spend before being stopped\s+\$0\.00\s+Set by the weekly limit/);
    assert.match(plain(await section(page).locator('[data-testid=rules-note]').innerText()), /Only your own limits are checked here\. The rules where they live still hold in the app: TikTok \(global\)/);
    // Gifts off: a gift is blocked in the family's words.
    await label(section(page).locator('[data-testid=own-limits]'), 'They may send gifts').uncheck();
    await section(page).getByRole('button', { name: 'Add a gift' }).click();
    await until(() => row(page, 3).locator('.event-verdict').innerText(), (t) => /turned off/.test(t), { what: 'the gift’s verdict' });
    assert.match(plain(await row(page, 3).locator('.event-verdict').innerText()), /Sending gifts is turned off in your own limits\./);
    assert.doesNotMatch(plain(await section(page).innerText()), /130|bracket|all-ages|Without a block/, 'no engine stand-ins or jargon');
    await page.context().close();
  });

  test('own limits go through the URL: the same limits and verdicts after a reload', async () => {
    const page = await ownLimitsPlan();
    await page.waitForFunction(() => location.search.includes('limits='));
    const snapshot = await section(page).innerText();
    const again = await h.open(page.url().slice(h.base.length));
    await until(() => summary(again), (t) => t === '1 of 3 events blocked', { what: 'the summary' });
    assert.equal(await label(section(again), 'Spending rules').inputValue(), 'my-limits');
    assert.equal(await label(section(again), 'At most per week').inputValue(), '20');
    assert.equal(await section(again).innerText(), snapshot);
    await page.context().close();
    await again.context().close();
  });

  test('own limits are saved as a rule set file and loaded back; a wrong file is refused', async () => {
    const page = await ownLimitsPlan();
    const editor = section(page).locator('[data-testid=own-limits]');
    await label(editor, 'At most per top-up').fill('8');
    await label(editor, 'Every top-up needs my approval first').check();
    const [download] = await Promise.all([page.waitForEvent('download'), editor.getByRole('button', { name: 'Save these limits' }).click()]);
    const file = new URL('my-limits.json', results).pathname;
    await download.saveAs(file);
    const doc = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(doc.id, 'my-limits');
    assert.equal(doc.opt_in, true);
    assert.equal(doc.currency, 'USD');
    assert.deepEqual(doc.warning_thresholds, ['0.5', '0.8']);
    assert.deepEqual(doc.brackets[0].caps.map((c) => [c.id, c.window, c.limit]), [['per-top-up', 'transaction', '8'], ['week', 'calendar_week', '20']]);
    assert.equal(doc.brackets[0].guardian_approval, true);
    await page.context().close();

    const fresh = await h.open('?v=2&region=US&events=');
    await label(section(fresh), 'Spending rules').selectOption('my-limits');
    await label(section(fresh), 'Load saved limits').setInputFiles(file);
    await until(() => label(section(fresh), 'At most per week').inputValue(), (v) => v === '20', { what: 'the weekly limit' });
    assert.equal(await label(section(fresh), 'At most per top-up').inputValue(), '8');
    assert.ok(await label(section(fresh), 'Every top-up needs my approval first').isChecked());
    assert.match(await section(fresh).locator('.own-limits-status').innerText(), /Loaded the limits from my-limits\.json/);
    const bad = new URL('not-limits.json', results).pathname;
    await writeFile(bad, JSON.stringify({ currency: 'USD', brackets: [{ id: 'a', caps: [{ id: 'x', action: 'gift', window: 'rolling_24h', limit: '5' }] }] }));
    await label(section(fresh), 'Load saved limits').setInputFiles(bad);
    await until(() => section(fresh).locator('.own-limits-status').innerText(), (t) => /Could not load/.test(t), { what: 'the status' });
    assert.match(await section(fresh).locator('.own-limits-status').innerText(), /cannot show/);
    assert.equal(await label(section(fresh), 'At most per week').inputValue(), '20', 'a refused file changes nothing');
    await fresh.context().close();
  });

  test('“$20 every weekend” is one click from a first visit: four Saturdays, four verdicts', async () => {
    const page = await h.open('');
    await section(page).getByRole('button', { name: /every weekend$/ }).click();
    await row(page, 0).waitFor();
    assert.equal(await label(row(page, 0), 'Repeat').inputValue(), 'week');
    assert.equal(await label(row(page, 0), 'Times in all').inputValue(), '4');
    const when = await label(row(page, 0), 'When').inputValue();
    assert.equal(new Date(`${when.slice(0, 10)}T00:00:00Z`).getUTCDay(), 6, 'on a Saturday');
    const repeat = row(page, 0).locator('[data-testid=repeat-summary]');
    await repeat.waitFor();
    // A 15-year-old in the United States: TikTok sells coins from 18.
    assert.match(plain(await repeat.innerText()), /^4 times: 4 blocked — first blocked on Sat/);
    assert.equal(await summary(page), '4 of 4 events blocked');
    // With their own limits of $80 a month, the four fit.
    await label(section(page), 'Spending rules').selectOption('my-limits');
    await label(section(page), 'At most per month').fill('80');
    await until(() => repeat.innerText(), (t) => /^4 times: /.test(t) && !/blocked/.test(t), { what: 'the repeat’s summary' });
    await page.context().close();
  });

  test('a monthly repeat across months: each month’s limit starts again, and the 31st falls on the month’s last day', async () => {
    const events = ['2026-01-31T10:00;buy;20.00;USD;;;m3', '2026-02-10T10:00;buy;15.00;USD'].map(encodeURIComponent).join(',');
    const page = await h.open(`?v=2&region=US&zone=UTC&rules=my-limits&limits=${encodeURIComponent('USD;;;;30;;')}&events=${events}`);
    const repeat = row(page, 0).locator('[data-testid=repeat-summary]');
    await repeat.waitFor();
    assert.equal(plain(await repeat.innerText()), '3 times: 2 allowed, 1 blocked — first blocked on Sat, Feb 28');
    const details = plain(await row(page, 0).locator('.event-verdict').innerText());
    assert.match(details, /The monthly limit: \$30\.00 of top-ups per calendar month/);
    assert.match(details, /February 2026/);
    await row(page, 0).getByText('Every time (3)').click();
    const list = plain(await row(page, 0).locator('.repeat-list').innerText());
    assert.match(list, /Allowed Jan 31, 2026, 10:00 AM[\s\S]*Blocked Feb 28, 2026, 10:00 AM[\s\S]*Allowed Mar 31, 2026, 10:00 AM/i);
    assert.equal(await summary(page), '1 of 4 events blocked');
    await page.context().close();
  });

  test('says what its words mean, and what the phone’s and the app’s controls can and cannot do', async () => {
    const page = await h.open('?v=2&region=US');
    const words = section(page).locator('[data-testid=glossary]');
    await words.getByText('What these words mean').click();
    const text = plain(await words.innerText());
    for (const term of ['Top-up', 'Coins', 'Limit (or cap)', 'Calendar day, week, month', 'Rolling 24 hours', 'Warning', 'Guardian approval']) assert.ok(text.includes(term), term);
    const controlsList = section(page).locator('[data-testid=controls]');
    await controlsList.getByText('Controls on the phone and in the app').click();
    const c = plain(await controlsList.innerText());
    for (const name of ['Apple Ask to Buy', 'Google Play purchase approvals', 'Google Play budget', 'TikTok Family Pairing']) assert.ok(c.includes(name), name);
    assert.match(c, /never blocks a purchase/);
    const links = await controlsList.locator('a').evaluateAll((as) => as.map((a) => a.href));
    assert.ok(links.includes('https://support.apple.com/en-au/HT201089'));
    assert.ok(links.every((l) => l.startsWith('https://')));
    await page.context().close();
  });

  test('prints a family agreement on one page: the limits in money and coins, the gifts, the plan, lines to sign', async () => {
    const events = ['2026-03-07T10:00;buy;20.00;USD;;weekend top-up;w4'].map(encodeURIComponent).join(',');
    const page = await h.open(`?v=2&region=US&who=Maria&rules=my-limits&limits=${encodeURIComponent('USD;10;;20;60;;50, 80')}&events=${events}`, {
      init: 'window.__printed = 0; window.print = () => { window.__printed += 1; };',
    });
    await section(page).getByRole('button', { name: 'Print a family agreement' }).click();
    const sheet = section(page).locator('[data-testid=agreement]');
    await page.waitForFunction(() => window.__printed === 1);
    await until(() => sheet.innerText(), (t) => /about [\d,]+ coins/.test(t), { what: 'the coins of the limits' });
    const text = plain(await sheet.innerText());
    assert.match(text, /Our agreement on spending in TikTok/);
    assert.match(text, /Between Maria \(the young person\) and their parent or guardian/);
    assert.match(text, /The weekly limit\s+\$20\.00\s+about [\d,]+ coins/);
    assert.match(text, /The limit per top-up\s+\$10\.00\s+about [\d,]+ coins/);
    assert.match(text, /A Lion costs \$[\d,.]+ \(29,999 coins\), which is more than the monthly limit \(\$60\.00\): it cannot be bought within these limits\./);
    assert.match(text, /A Rose costs \$0\.0\d \(1 coin\), within every limit\./);
    assert.match(text, /Mar 7, 2026, 10:00 AM: a top-up of \$20\.00, every week, 4 times \(weekend top-up\)/);
    assert.match(text, /A warning when 50 % and 80 % of a limit are used\./);
    for (const line of ['Parent or guardian', 'Young person (Maria)', 'Date']) assert.ok(text.includes(line), line);

    // In print, the sheet alone, on one page of the smaller of A4 and Letter (12 mm margins).
    // (A short window, so the document's height is its content's.)
    await page.setViewportSize({ width: 703, height: 300 });
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '#gift-cost', '.plan-person', '.plan-editor', '.agreement-actions', '.site-footer']) {
      assert.ok(await page.locator(selector).first().isHidden(), `${selector} is not printed`);
    }
    assert.ok(await sheet.isVisible());
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height <= 965, `the printed agreement is ${height}px high, over one Letter page (965px)`);
    await page.screenshot({ path: new URL('spending-check-agreement-print.png', results).pathname, fullPage: true });
    // Where this Chromium can print to PDF (headless), the printout is one page on A4 and on Letter.
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } }).catch(() => null);
      if (pdf) assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, `one ${format} page`);
    }
    await page.emulateMedia({ media: 'screen' });
    await section(page).getByRole('button', { name: 'Close the agreement' }).click();
    assert.ok(await sheet.isHidden());
    await page.context().close();
  });

  test('is accessible with the family’s limits, a repeating event, the words and the agreement open (axe-core)', async () => {
    const events = ['2026-03-07T10:00;buy;20.00;USD;;;w4', '2026-03-08T10:00;gift;rose;1;;;d2026-03-20'].map(encodeURIComponent).join(',');
    const page = await h.open(`?v=2&region=US&rules=my-limits&limits=${encodeURIComponent('USD;;;20;;;50, 80')}&events=${events}`, { init: 'window.print = () => {};' });
    await row(page, 0).locator('[data-testid=repeat-summary]').waitFor();
    await section(page).getByText('What these words mean').click();
    await section(page).getByText('Controls on the phone and in the app').click();
    await section(page).getByRole('button', { name: 'Print a family agreement' }).click();
    await section(page).locator('[data-testid=signatures]').waitFor();
    await label(section(page), 'Warn at (percent of a limit)').fill('fifty');
    await section(page).locator('.has-error').first().waitFor();
    assert.match(await section(page).locator('.has-error .field-error').first().innerText(), /percentages of a limit/);
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });

  test('takes screenshots at desktop and phone width', async () => {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const page = await h.open('?v=1&check=1', { viewport });
      await page.locator('#spending-check .plan-event.is-block').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
      await section(page).screenshot({ path: new URL(`spending-check-${name}.png`, results).pathname });
      await page.context().close();
      const events = ['2026-03-07T10:00;buy;20.00;USD;;weekend top-up;w4'].map(encodeURIComponent).join(',');
      const own = await h.open(`?v=2&region=US&who=Maria&rules=my-limits&limits=${encodeURIComponent('USD;10;;20;60;;50, 80')}&events=${events}`, { viewport, init: 'window.print = () => {};' });
      await row(own, 0).locator('[data-testid=repeat-summary]').waitFor();
      await own.getByRole('button', { name: 'Print a family agreement' }).click();
      await section(own).locator('[data-testid=signatures]').waitFor();
      const wider = await own.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(wider <= 0, `${name}: the page with own limits is ${wider}px wider than the screen`);
      await section(own).screenshot({ path: new URL(`spending-check-parents-${name}.png`, results).pathname });
      await own.context().close();
    }
  });

  test('sent no request beyond 127.0.0.1 and logged no error', () => {
    assert.deepEqual(outside(h.requests), []);
    assert.deepEqual(h.problems, []);
  });
});
