// Loading as a reader meets it, from a `make dist` folder served as a production host would
// (scripts/serve.mjs: precompressed files, cache headers): part of `make bench`, or alone:
//
//   node scripts/load-bench.mjs [--dist DIR]     (after `make dist`)
//
// - The widget on a help page of another origin over emulated Slow 4G (Chrome DevTools' preset:
//   562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up): its first answer in a fresh browser
//   context (cold: no HTTP cache, no compiled code), then on a second visit in the same context
//   (warm), and the bytes it moved over the network.
// - The calculator's first result on a first visit over localhost, unthrottled, in a fresh context
//   (cold), and on a second visit (warm).
// Each figure is the median of three runs.
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { harness } from '../tests/e2e/browser.mjs';

export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6e6 * 0.9) / 8, uploadThroughput: (750e3 * 0.9) / 8 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const RUNS = 3;

/** The widget host page: another origin, one widget, the time of its first answer. */
function hostPage(distUrl) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Help article</title><link rel="icon" href="data:,">
<script>document.addEventListener('giftsim-change', () => { window.__first ??= performance.now(); }, true);</script>
<script type="module" src="${distUrl}embed.js"></script></head>
<body><main><h1>What does a gift cost?</h1><giftsim-calculator preset="tiktok-ios" gift="rose" count="100"></giftsim-calculator></main></body></html>`;
}

/** Bytes received from `origin` on `page` (compressed, headers included), counted through CDP. */
async function transferCounter(page, origin, throttle) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttle) await cdp.send('Network.emulateNetworkConditions', throttle);
  const urls = new Map();
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    if (urls.get(e.requestId)?.startsWith(origin)) bytes += e.encodedDataLength;
  });
  return () => bytes;
}

/** Loads `url` in `page` and waits for `ready()` in the page; the ms it reports and the bytes moved. */
async function visit(page, url, origin, ready, throttle) {
  const moved = await transferCounter(page, origin, throttle);
  await page.goto(url);
  const ms = await page.waitForFunction(ready, null, { timeout: 60000 }).then((v) => v.jsonValue());
  return { ms: Math.round(ms), bytes: moved() };
}

/** Cold and warm visits of `url`, each in a fresh context: the medians and every run. */
async function coldAndWarm(browser, url, origin, ready, throttle) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    cold.push(await visit(await context.newPage(), url, origin, ready, throttle));
    warm.push(await visit(await context.newPage(), url, origin, ready, throttle));
    await context.close();
  }
  const summary = (runs) => ({ median_ms: median(runs.map((r) => r.ms)), median_bytes: median(runs.map((r) => r.bytes)), runs });
  return { cold: summary(cold), warm: summary(warm) };
}

/** Every loading figure, from the dist folder `dist` (a path ending in /). */
export async function measureLoads(dist) {
  const h = await harness();
  const host = http.createServer();
  try {
    const distUrl = await h.serve({ root: dist });
    host.on('request', (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(hostPage(distUrl));
    });
    await new Promise((r) => host.listen(0, '127.0.0.1', r));
    const hostUrl = `http://127.0.0.1:${host.address().port}/`;
    const widget = await coldAndWarm(h.browser, hostUrl, distUrl, () => window.__first, SLOW_4G);
    const calculator = await coldAndWarm(h.browser, distUrl, distUrl, () => Number(document.documentElement.dataset.firstResultMs) || undefined, null);
    return { widget_slow_4g: widget, calculator_localhost: calculator };
  } finally {
    host.close();
    await h.close();
  }
}

/** The budgets of these figures: [what, ok, figure]. */
export function loadBudgets({ widget_slow_4g: w, calculator_localhost: c }) {
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  return [
    ['the widget’s first answer on Slow 4G, cold (at most 3.5 s)', w.cold.median_ms <= 3500, `${w.cold.median_ms} ms`],
    ['the widget’s first answer on Slow 4G, warm (at most 1 s)', w.warm.median_ms <= 1000, `${w.warm.median_ms} ms`],
    ['what a widget view transfers, cold (at most 260 KB)', w.cold.median_bytes <= 260e3, kb(w.cold.median_bytes)],
    ['the calculator’s first result on a first visit, fresh context (at most 500 ms)', c.cold.median_ms <= 500, `${c.cold.median_ms} ms (warm ${c.warm.median_ms} ms)`],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--dist');
  const dist = at > 0 ? process.argv[at + 1].replace(/\/?$/, '/') : fileURLToPath(new URL('../dist/', import.meta.url));
  const loads = await measureLoads(dist);
  for (const [what, s] of Object.entries(loads)) {
    console.log(`${what}: cold ${s.cold.median_ms} ms, ${(s.cold.median_bytes / 1000).toFixed(1)} KB (${s.cold.runs.map((r) => r.ms).join(', ')}); warm ${s.warm.median_ms} ms, ${(s.warm.median_bytes / 1000).toFixed(1)} KB (${s.warm.runs.map((r) => r.ms).join(', ')})`);
  }
  const budgets = loadBudgets(loads);
  for (const [what, ok, figure] of budgets) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${what}: ${figure}`);
  process.exit(budgets.every(([, ok]) => ok) ? 0 : 1);
}
