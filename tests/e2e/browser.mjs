// Shared by the browser tests: Debian's Chromium through playwright-core (no browser download),
// the page's own server, and pages watched for requests and errors.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const require = createRequire(import.meta.url);
export const results = new URL('../../test-results/', import.meta.url);
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A browser and a server of www/ (more servers on request: `harness.serve(options)`). */
export async function harness() {
  const servers = [];
  const start = async (options = {}) => {
    const s = await serve({ port: 0, ...options });
    servers.push(s.server);
    return s.url;
  };
  const base = await start();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  await mkdir(results, { recursive: true });
  /** Every request any page made, and every problem any page reported. */
  const requests = [];
  const problems = [];

  /** A fresh page in its own context, watched for requests and errors. */
  async function open(url, { viewport = { width: 1280, height: 900 }, wait = 'html[data-first-result-ms]', init } = {}) {
    const ctx = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await ctx.newPage();
    if (init) await page.addInitScript(init);
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog opened: ${d.message()}`);
      d.dismiss();
    });
    await page.goto(url.startsWith('http') ? url : base + url);
    if (wait) await page.locator(wait).first().waitFor({ state: 'attached', timeout: 15000 });
    return page;
  }

  return {
    base,
    browser,
    requests,
    problems,
    open,
    serve: start,
    async close() {
      await browser.close();
      for (const s of servers) s.close();
    },
  };
}

/** Waits until `read()` satisfies `ok` (answers update on the next microtask), returns it. */
export async function until(read, ok, { timeout = 8000, what = 'the value' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`${what} stayed ${JSON.stringify(last)}`);
}

/** Text with the no-break spaces of some locales as plain spaces. */
export function plain(text) {
  return String(text).replace(/[\u00a0\u202f]/g, ' ');
}

/** axe-core's WCAG 2.2 AA and best-practice violations on the page (or within `context`). */
export async function axe(page, context = 'document') {
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  // From the top of the page: axe's target-size rule counts a control that happens to be scrolled
  // under the calculator's sticky section menu as too small, which depends on where a test left
  // the page, not on the page.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  const { violations } = await page.evaluate(
    (ctx) => window.axe.run(ctx === 'document' ? document : ctx, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
    context,
  );
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** Requests that left 127.0.0.1 (blob: and data: are local). */
export function outside(requests) {
  return requests.filter((u) => {
    const { protocol, hostname } = new URL(u);
    return !(protocol === 'blob:' || protocol === 'data:' || hostname === '127.0.0.1');
  });
}
