// The spending check on the calculator page, in Debian's Chromium: a young person's dated plan
// of top-ups and gifts checked against the shipped rule sets (`make test-e2e`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
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
  test('opens on a meaningful example: a 15-year-old’s month of top-ups under China’s 2019 rules', async () => {
    const page = await h.open('');
    assert.equal(await summary(page), '2 of 7 events blocked');
    assert.equal(await label(section(page), 'Spending rules').inputValue(), 'cn-games-2019');
    assert.match(await section(page).locator('[data-testid=rule-set-date]').innerText(), /as of 2019-11/);
    // Every preset rule set is offered, by name.
    const offered = await label(section(page), 'Spending rules').locator('option').evaluateAll((os) => os.map((o) => o.value));
    for (const id of ['tiktok-global', 'cn-games-2019', 'cn-live-2022', 'under18-family', 'kr-live', 'youtube-viewer-limits', 'none']) {
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
    assert.match(verdict, /“monthly” cap, CN¥200\.00 of top-ups per calendar month/);
    assert.match(verdict, /March 2026/, 'the window, in the person’s time');
    assert.match(verdict, /CN¥180\.00 of CN¥200\.00 used, CN¥20\.00 left/);
    assert.match(verdict, /45\.00 CNY would bring the total for this calendar month to 225\.00 CNY, over the 200\.00 CNY cap/);
    assert.match(verdict, /Mar 1, 2026, 00:00 – Apr 1, 2026, 00:00 \(UTC\+08:00\)/);
    // The fourth warned (80 %), the first three were allowed.
    assert.match(await row(page, 3).locator('legend').innerText(), /Warning/i);
    assert.match(await row(page, 0).locator('legend').innerText(), /Allowed/i);
    const still = plain(await section(page).locator('[data-testid=still-spend]').innerText());
    assert.match(still, /Top-ups\s+Without a block\s+CN¥20\.00/);
    console.log(`the fifth top-up: ${verdict.split('\n').filter(Boolean)[2]}`);
    await page.context().close();
  });

  test('blocks a 17-year-old gifting under tiktok-global, in the plan and in the gift cost', async () => {
    const page = await h.open('?v=1&events=');
    await label(section(page), 'Spending rules').selectOption('tiktok-global');
    await label(section(page), 'Age').fill('17');
    await label(section(page), 'Region').selectOption('US');
    await section(page).getByRole('button', { name: 'Add a gift' }).click();
    await label(row(page, 0), 'When').fill('2026-06-01T18:05');
    await label(row(page, 0), 'Gift').selectOption('galaxy');
    await until(() => summary(page), (t) => t === '1 of 1 event blocked', { what: 'the summary' });
    const verdict = plain(await row(page, 0).locator('.event-verdict').innerText());
    assert.match(verdict, /Minimum age/);
    assert.match(verdict, /At 17, gifting is not allowed: the minimum age is 18 in US under TikTok \(global\)/);
    assert.match(plain(await section(page).locator('[data-testid=still-spend]').innerText()), /Gifts and tips\s+Without a block\s+Not allowed under 18/);

    // The gift-cost section checks its own purchase for the same person.
    await page.locator('#gift-cost').getByLabel(/Check it against spending rules/).check();
    const check = page.locator('[data-testid=gift-check]');
    await check.waitFor();
    assert.match(plain(await check.innerText()), /A 17-year-old in US may not buy these coins under TikTok \(global\)/);
    assert.match(await page.locator('[data-testid=gift-total]').innerText(), /\$453\.85/, 'the cost itself is still shown');
    await page.context().close();
  });

  test('a missing exchange rate is marked at its field; the last good answers stay, greyed and labelled', async () => {
    const page = await h.open('');
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
    assert.match(verdict, /CNY is more than the 50\.00 CNY allowed in one transaction/);
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
    assert.match(verdict, /142\.00 CNY is more than the 50\.00 CNY allowed in one transaction/);
    await page.context().close();
  });

  test('top-ups in the rules’ yuan buy coins on a dollar card, so later gifts are not blocked for want of them', async () => {
    const page = await h.open('');
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
    const page = await h.open('');
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

  test('takes screenshots at desktop and phone width', async () => {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const page = await h.open('?v=1&check=1', { viewport });
      await page.locator('#spending-check .plan-event.is-block').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
      await section(page).screenshot({ path: new URL(`spending-check-${name}.png`, results).pathname });
      await page.context().close();
    }
  });

  test('sent no request beyond 127.0.0.1 and logged no error', () => {
    assert.deepEqual(outside(h.requests), []);
    assert.deepEqual(h.problems, []);
  });
});
