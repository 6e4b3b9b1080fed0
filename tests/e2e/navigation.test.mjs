// Finding one's way on the calculator page: the section menu that stays at the top and marks
// where you are, links to a section, sections that close, the price before the gift buttons on
// a phone, wide tables that say they scroll, and a gift chosen twice. Screenshots land in
// test-results/ (navigation-*.png).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, harness, outside, results, until } from './browser.mjs';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const VIEWPORTS = [['desktop', DESKTOP], ['phone', PHONE]];

let h;
before(async () => {
  h = await harness();
});
after(async () => {
  await h?.close();
});

const shot = (name) => ({ path: new URL(`navigation-${name}.png`, results).pathname });

/** Where section `id`'s heading is against the menu's bottom edge. */
const place = (page, id) =>
  page.evaluate((id) => {
    const heading = document.querySelector(`#${id} h2`).getBoundingClientRect();
    const section = document.getElementById(id).getBoundingClientRect();
    const menu = document.getElementById('section-menu').getBoundingClientRect();
    return { heading: Math.round(heading.top), section: Math.round(section.top), menuTop: Math.round(menu.top), menuBottom: Math.round(menu.bottom) };
  }, id);

/** The section the menu marks as current. */
const current = (page) => page.evaluate(() => document.querySelector('#section-menu [aria-current]')?.getAttribute('href') ?? null);

/** The section sits just under the menu: its heading in view and not covered. */
async function landsOn(page, id) {
  return until(
    () => place(page, id),
    (p) => p.section >= p.menuBottom && p.section <= p.menuBottom + 24 && p.heading > p.menuBottom,
    { what: `#${id}'s place under the menu` },
  );
}

describe('finding your way on the calculator page', () => {
  test('the page heights, with every section open and with all but the first closed', async () => {
    for (const [name, viewport] of VIEWPORTS) {
      const page = await h.open('', { viewport });
      await page.locator('#compare canvas').waitFor();
      await page.waitForTimeout(300);
      const open = await page.evaluate(() => document.documentElement.scrollHeight);
      for (const button of await page.locator('.section:not(.section--gift-cost) .section-toggle').all()) await button.click();
      const closed = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`${name} (${viewport.width} px): ${open} px with every section open, ${closed} px with all but the first closed`);
      assert.ok(closed < open / 2, `${name}: closing the sections makes the page shorter (${open} → ${closed})`);
      await page.context().close();
    }
  });

  test('the menu stays at the top and marks the section in view', async () => {
    for (const [name, viewport] of VIEWPORTS) {
      const page = await h.open('', { viewport });
      const menu = page.locator('#section-menu');
      assert.equal(await menu.getAttribute('aria-label'), 'Sections');
      assert.equal(await menu.getByRole('link').count(), 9);
      // Scrolled by hand (not by a link) to the middle of "Where every cent goes"…
      await page.evaluate(() => {
        const flow = document.getElementById('flow');
        window.scrollTo({ top: flow.getBoundingClientRect().top + window.scrollY - 60, behavior: 'instant' });
      });
      await until(() => current(page), (c) => c === '#flow', { what: `${name}: the current section` });
      const p = await place(page, 'flow');
      assert.equal(p.menuTop, 0, `${name}: the menu stays at the top of the screen`);
      // …and on further down.
      await page.evaluate(() => document.getElementById('creator').scrollIntoView({ behavior: 'instant' }));
      await until(() => current(page), (c) => c === '#creator', { what: `${name}: the current section` });
      const link = menu.getByRole('link', { name: 'Creator' });
      const { height, linkInside } = await page.evaluate(() => {
        const nav = document.getElementById('section-menu');
        const strip = nav.querySelector('ul').getBoundingClientRect();
        const a = nav.querySelector('[aria-current]').getBoundingClientRect();
        return { height: nav.getBoundingClientRect().height, linkInside: a.left >= strip.left - 1 && a.right <= strip.right + 1 };
      });
      assert.ok(height < 64, `${name}: the menu is one row (${height} px), not a wall of links`);
      assert.ok(linkInside, `${name}: the current section's link is in view in the menu`);
      assert.equal(await link.getAttribute('aria-current'), 'true');
      // Moving through the menu with the keyboard leaves the page where it is.
      const y = await page.evaluate(() => window.scrollY);
      await link.focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.scrollY), y, `${name}: the page stays put as the menu takes the focus`);
      // At the foot of the page, the last section is the current one.
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
      await until(() => current(page), (c) => c === '#scenarios', { what: `${name}: the current section at the foot` });
      await page.evaluate(() => document.getElementById('compare').scrollIntoView({ behavior: 'instant' }));
      await page.evaluate(() => window.scrollBy({ top: 250, behavior: 'instant' }));
      await until(() => current(page), (c) => c === '#compare', { what: `${name}: the current section` });
      await page.waitForTimeout(200);
      await page.screenshot(shot(`menu-${name}`));
      if (name === 'phone') {
        const strip = await page.evaluate(() => {
          const ul = document.querySelector('#section-menu ul');
          return { scrolls: ul.scrollWidth > ul.clientWidth, overflowX: getComputedStyle(ul).overflowX };
        });
        assert.deepEqual(strip, { scrolls: true, overflowX: 'auto' }, 'on a phone the menu is a strip that scrolls sideways');
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
      await page.context().close();
    }
  });

  test('a link to a section lands on it once the page has drawn it', async () => {
    for (const [name, viewport] of VIEWPORTS) {
      // The spending check and the history are drawn just after the first answers: the page
      // lands after them, and stays there as they grow.
      for (const id of ['spending-check', 'history', 'rate-card']) {
        const page = await h.open(`?v=2#${id}`, { viewport });
        await landsOn(page, id);
        await page.waitForTimeout(1200);
        await landsOn(page, id);
        assert.equal(await current(page), `#${id}`, `${name}: the menu marks #${id}`);
        assert.ok(page.url().endsWith(`#${id}`), 'the address keeps the section');
        if (id === 'spending-check') await page.screenshot(shot(`link-${name}`));
        await page.context().close();
      }
    }
  });

  test('the menu, links in the page and a changed address go to the section, by mouse and keyboard', async () => {
    const page = await h.open('');
    const menu = page.locator('#section-menu');
    await menu.getByRole('link', { name: 'What if' }).click();
    await landsOn(page, 'rate-card');
    assert.ok(page.url().endsWith('#rate-card'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'rate-card', 'the keyboard carries on from the section');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('section')?.id), 'rate-card');

    // A field reached with Shift+Tab from below stops under the menu, not behind it.
    const spend = page.getByLabel('I want to spend', { exact: true });
    await spend.focus();
    await page.keyboard.press('Tab');
    await spend.evaluate((el) => window.scrollBy({ top: el.getBoundingClientRect().top - 5, behavior: 'instant' }));
    await page.keyboard.press('Shift+Tab');
    assert.ok(await spend.evaluate((el) => document.activeElement === el));
    await until(() => spend.evaluate((el) => el.getBoundingClientRect().top - document.getElementById('section-menu').getBoundingClientRect().bottom), (gap) => gap >= 0, { what: 'the field’s gap under the menu' });

    // The address changed by hand (or Back): the page follows.
    await page.evaluate(() => {
      location.hash = '#flow';
    });
    await landsOn(page, 'flow');
    await page.goBack();
    await landsOn(page, 'rate-card');

    // From the keyboard: Tab to a menu link, Enter.
    await menu.getByRole('link', { name: 'Creator' }).focus();
    await page.keyboard.press('Enter');
    await landsOn(page, 'creator');
    assert.equal(await current(page), '#creator');

    // A link elsewhere on the page ("See the edited figures") goes to its section too, opening
    // it, even when the address already names it.
    await page.getByLabel('Payment processing rate', { exact: true }).fill('0.05');
    await page.locator('#rate-card .section-toggle').click();
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    assert.ok(page.url().endsWith('#creator'));
    await page.getByRole('link', { name: 'See the edited figures' }).click();
    await landsOn(page, 'rate-card');
    assert.equal(await page.locator('#rate-card .section-toggle').getAttribute('aria-expanded'), 'true');
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await page.getByRole('link', { name: 'See the edited figures' }).click();
    await landsOn(page, 'rate-card');
    await page.context().close();
  });

  test('sections close and open; a link opens a closed one; the first answer stays open', async () => {
    for (const [name, viewport] of VIEWPORTS) {
      const page = await h.open('', { viewport });
      const toggle = page.locator('#coins-money .section-toggle');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.equal(await toggle.getAttribute('aria-controls'), 'coins-money-fold');
      const tall = (await page.locator('#coins-money').boundingBox()).height;
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.ok(await page.getByLabel('I want to spend', { exact: true }).isHidden(), 'its fields are out of view');
      const short = (await page.locator('#coins-money').boundingBox()).height;
      assert.ok(short < 120 && short < tall / 3, `${name}: a closed section is its heading (${tall} → ${short} px)`);
      await page.locator('#coins-money').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy({ top: -120, behavior: 'instant' }));
      await page.screenshot(shot(`closed-${name}`));

      // By keyboard too.
      await toggle.focus();
      await page.keyboard.press('Enter');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await page.keyboard.press('Space');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');

      // Remembered in this browser, but never for the first answer.
      await page.locator('#gift-cost .section-toggle').click();
      assert.equal(await page.locator('#gift-cost .section-toggle').getAttribute('aria-expanded'), 'false');
      await page.reload();
      await page.locator('html[data-first-result-ms]').waitFor({ state: 'attached' });
      assert.equal(await page.locator('#coins-money .section-toggle').getAttribute('aria-expanded'), 'false', 'still closed after a reload');
      assert.equal(await page.locator('#gift-cost .section-toggle').getAttribute('aria-expanded'), 'true', 'the first answer opens again');
      assert.ok(await page.locator('[data-testid=gift-total]').isVisible());

      // A link to a closed section opens it.
      await page.locator('#section-menu').getByRole('link', { name: 'Coins and money' }).click();
      await landsOn(page, 'coins-money');
      assert.equal(await page.locator('#coins-money .section-toggle').getAttribute('aria-expanded'), 'true');
      assert.ok(await page.getByLabel('I want to spend', { exact: true }).isVisible());
      await page.context().close();
    }
  });

  test('a closed section whose answers are not up to date says so on its heading', async () => {
    const page = await h.open('', { init: `localStorage.setItem('giftsim.closed-sections.v1', '["creator"]')` });
    const toggle = page.locator('#creator .section-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    const flag = page.locator('#creator .section-flag');
    assert.ok(await flag.isHidden());
    await page.getByLabel('App store fee', { exact: true }).fill('thirty');
    await flag.waitFor();
    assert.equal(await page.locator('#creator h2').innerText(), 'What the creator gets\nNot updated\nShow');
    assert.match(await page.getByRole('region', { name: /What the creator gets/ }).getAttribute('aria-labelledby'), /creator-title/);
    assert.equal(await toggle.evaluate((b) => b.textContent), 'What the creator getsNot updatedShow');
    await page.locator('#creator').screenshot(shot('closed-not-updated'));
    await page.getByLabel('App store fee', { exact: true }).fill('0.3');
    await flag.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  test('on a phone the price comes before the gift buttons; on a wide screen beside them', async () => {
    for (const [name, viewport] of VIEWPORTS) {
      const page = await h.open('?v=1&card=tiktok-ios&gifts=lion*1', { viewport });
      await page.locator('#gift-cost .answer-details .purchase-lines').waitFor();
      const box = async (selector) => page.locator(selector).first().boundingBox();
      const [price, chips, basket, details] = [await box('[data-testid=gift-total]'), await box('.gift-chips'), await box('#gift-cost .basket'), await box('#gift-cost .answer-details')];
      if (name === 'phone') {
        assert.ok(price.y + price.height < chips.y, 'the price is above the gift buttons');
        assert.ok(basket.y < details.y, 'the chosen gifts come before the purchase details');
      } else {
        assert.ok(price.x > chips.x + chips.width, 'the price is beside the gift buttons');
        assert.ok(price.y < chips.y + chips.height);
      }
      // The reading order is the order on screen: the price, then the search, the gifts, the details.
      const order = await page.evaluate(() => {
        const els = ['[data-testid=gift-total]', '#gift-cost input[type=search]', '.gift-chips', '#gift-cost .basket', '#gift-cost .answer-details'].map((s) => document.querySelector(s));
        return els.slice(1).every((el, i) => els[i].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.ok(order, 'the price comes first in the reading order');
      await page.locator('#gift-cost').screenshot(shot(`gift-cost-${name}`));
      await page.context().close();
    }
  });

  test('a wide table says it scrolls sideways, and only then', async () => {
    for (const [name, viewport] of VIEWPORTS) {
      const page = await h.open('', { viewport });
      await page.locator('#compare canvas').waitFor();
      const wrap = page.locator('#compare .table-wrap');
      const hint = wrap.locator('.scroll-hint');
      if (name === 'phone') {
        await until(() => wrap.getAttribute('tabindex'), (t) => t === '0', { what: 'the wide table’s tabindex' });
        assert.equal(await wrap.getAttribute('role'), 'group');
        assert.match(await wrap.getAttribute('aria-label'), /^Table: \$100\.00 spent on each platform$/);
        assert.ok(await hint.isVisible(), 'the hint shows');
        assert.equal((await hint.innerText()).trim(), '↔ Scroll sideways for more');
        await hint.scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy({ top: 80, behavior: 'instant' }));
        await page.screenshot(shot('table-hint-phone'));
        // By keyboard: the table takes the focus and scrolls with the arrow keys; the hint stays.
        await wrap.focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await until(() => wrap.evaluate((w) => w.scrollLeft), (x) => x > 0, { what: 'the table’s scroll' });
        await page.waitForTimeout(600); // the page's smooth scroll to the focused table
        const [hintBox, wrapBox] = [await hint.boundingBox(), await wrap.boundingBox()];
        assert.ok(hintBox.x >= wrapBox.x - 1, 'the hint stays in view as the table scrolls');
        await page.screenshot(shot('table-hint-scrolled-phone'));
      } else {
        await page.waitForTimeout(200);
        assert.equal(await wrap.getAttribute('tabindex'), null, 'a table that fits does not scroll');
        assert.ok(await hint.isHidden(), 'nor says it does');
      }
      await page.context().close();
    }
  });

  test('a gift already in the list is pointed to, not added twice', async () => {
    for (const [name, viewport] of VIEWPORTS) {
      const page = await h.open('?v=1&card=tiktok-ios&gifts=lion*1', { viewport });
      const search = page.getByLabel('Find a gift', { exact: true });
      await search.fill('lion');
      await search.press('Enter');
      const notice = page.locator('#gift-cost .gift-notice');
      await until(() => notice.innerText(), (t) => t.length > 0, { what: 'the notice' });
      assert.equal(await notice.innerText(), 'Lion is already in your gifts — change the number there.');
      assert.equal(await notice.getAttribute('role'), 'status');
      assert.equal(await page.locator('#gift-cost .basket-row').count(), 1, 'no second Lion');
      assert.equal(await page.getByLabel('How many Lion').inputValue(), '1', 'nor one more Lion');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label') ?? document.activeElement.labels?.[0]?.textContent), 'How many Lion', 'its number has the focus');
      assert.ok(await page.locator('#gift-cost .basket-row.is-found').isVisible());
      assert.equal(await page.locator('[data-testid=gift-total]').innerText(), '$453.85');
      await page.locator('#gift-cost .picker').screenshot(shot(`duplicate-${name}`));

      // Changing the number there clears the notice; a new gift is added as before.
      await page.getByLabel('How many Lion').fill('2');
      await until(() => notice.innerText(), (t) => t === '', { what: 'the notice' });
      assert.equal(await page.locator('#gift-cost .basket-row.is-found').count(), 0);
      await search.fill('');
      await page.getByRole('button', { name: 'Add Rose' }).click();
      await page.getByLabel('How many Rose').waitFor();
      assert.equal(await page.locator('#gift-cost .basket-row').count(), 2);
      // A click on a chip already chosen says so too.
      await page.getByRole('button', { name: 'Add Rose' }).click();
      await until(() => notice.innerText(), (t) => t.startsWith('Rose is already'), { what: 'the notice' });
      assert.equal(await page.locator('#gift-cost .basket-row').count(), 2);
      await page.context().close();
    }
  });

  test('has no accessibility violations with a section closed and a wide table (axe-core)', async () => {
    for (const [name, viewport] of VIEWPORTS) {
      const page = await h.open('#compare', { viewport });
      await page.locator('#compare canvas').waitFor();
      await page.locator('#history .section-toggle').click();
      const search = page.getByLabel('Find a gift', { exact: true });
      await search.fill('lion');
      await search.press('Enter');
      await page.locator('#gift-cost .gift-notice:not(:empty)').waitFor();
      await page.waitForTimeout(200);
      assert.deepEqual(await axe(page), [], name);
      await page.context().close();
    }
  });

  test('sent no request beyond 127.0.0.1 and logged no error', () => {
    assert.deepEqual(outside(h.requests), []);
    assert.deepEqual(h.problems, []);
  });
});
