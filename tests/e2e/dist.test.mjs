// The deployable folder (`make dist`, scripts/dist.mjs) served as a production host would
// (scripts/serve.mjs with dist's headers.json): every page works from its bundled, hashed files,
// the headers are those docs/deploying.md promises, and the widget's loader fetches only what a
// host page needs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { harness, plain } from './browser.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
let h;
let base;

before(async () => {
  assert.ok(existsSync(`${dist}headers.json`), 'dist/ is built (make dist)');
  h = await harness();
  base = await h.serve({ root: dist });
});
after(async () => {
  await h?.close();
});

/** A page of another origin that holds `body` and loads dist's widget loader. */
async function hostPage(body) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${base}embed.js"></script></head><body><main><h1>Help article</h1>${body}</main></body></html>`);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

test('the folder: hashed names for everything but the public names, each compressible file (over 512 bytes) with .br and .gz', () => {
  const top = readdirSync(dist);
  for (const name of ['index.html', 'lab.html', 'embed.html', 'embed-demo.html', 'embed.js', '_headers', 'headers.json', 'files.json']) {
    assert.ok(top.includes(name), name);
  }
  const code = top.filter((f) => /\.(js|css|wasm)$/.test(f) && f !== 'embed.js');
  assert.ok(code.length > 10);
  for (const f of code) {
    assert.match(f, /-[\w-]{8,10}\.(js|css|wasm)$/, `${f} has a content hash`);
    if (readFileSync(`${dist}${f}`).length > 512) assert.ok(top.includes(`${f}.br`) && top.includes(`${f}.gz`), `${f} is precompressed`);
  }
  // The development pages' long modulepreload lists are gone: each page names its bundles.
  const index = readFileSync(`${dist}index.html`, 'utf8');
  assert.doesNotMatch(index, /href="js\//);
  assert.match(index, /<link rel="preload" href="giftsim-lean-[\w-]+\.wasm" as="fetch" type="application\/wasm" crossorigin>/);
  const { surfaces } = JSON.parse(readFileSync(`${dist}files.json`, 'utf8'));
  assert.ok(surfaces.calculator.br < 300e3, `calculator first load ${surfaces.calculator.br} B brotli`);
});

test('headers: immutable hashed files, revalidated pages, compression by Accept-Encoding, 304 on a match', async () => {
  const wasm = readdirSync(dist).find((f) => /^giftsim-lean-.*\.wasm$/.test(f));
  const r = await fetch(`${base}${wasm}`, { headers: { 'accept-encoding': 'br' } });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-encoding'), 'br');
  assert.equal(r.headers.get('content-type'), 'application/wasm');
  assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.equal(r.headers.get('vary'), 'Accept-Encoding');
  await r.arrayBuffer();
  const gz = await fetch(`${base}${wasm}`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  await gz.arrayBuffer();
  const page = await fetch(base, { headers: { 'accept-encoding': 'br' } });
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  await page.text();
  const again = await fetch(base, { headers: { 'accept-encoding': 'br', 'if-none-match': page.headers.get('etag') } });
  assert.equal(again.status, 304);
  const loader = await fetch(`${base}embed.js`);
  assert.match(loader.headers.get('cache-control'), /max-age=300, stale-while-revalidate/);
  await loader.text();
  const rules = readFileSync(`${dist}_headers`, 'utf8');
  assert.match(rules, new RegExp(`/${wasm.replace(/[.]/g, '\\.')}\\n  Cache-Control: public, max-age=31536000, immutable`));
});

test('the calculator, the lab and the embed demo work from dist, loading nothing from elsewhere', async () => {
  const calculator = await h.open(base);
  assert.match(plain(await calculator.locator('[data-testid=gift-total]').first().innerText()), /\$\d/);
  await calculator.context().close();

  const lab = await h.open(`${base}lab.html`, { wait: 'html[data-lab-ready]' });
  await lab.context().close();

  const demo = await h.open(`${base}embed-demo.html`, { wait: null });
  await demo.locator('giftsim-calculator [data-testid=simple-total]').first().waitFor({ timeout: 15000 });
  await demo.frameLocator('iframe[data-giftsim]').locator('[data-testid=simple-total]').waitFor({ timeout: 15000 });
  await demo.context().close();

  const foreign = h.requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(h.problems, []);
});

test('the widget’s loader: a widget gets its files at once; a page with only an iframe loads no engine', async () => {
  const withWidget = await hostPage('<giftsim-calculator preset="tiktok-ios" gift="rose" count="100"></giftsim-calculator>');
  const page = await h.open(withWidget.url, { wait: null });
  await page.locator('giftsim-calculator [data-testid=simple-total]').waitFor({ timeout: 15000 });
  assert.equal(plain(await page.locator('giftsim-calculator [data-testid=simple-total]').innerText()), '$1.98');
  const hinted = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload], link[rel=modulepreload]')].map((l) => l.href));
  assert.ok(hinted.some((u) => u.endsWith('.wasm')), 'the engine is preloaded');
  await page.context().close();
  withWidget.close();

  const before = h.requests.length;
  const onlyIframe = await hostPage(`<iframe data-giftsim title="Gift cost calculator" src="${base}embed.html?preset=tiktok-ios&amp;gift=lion"></iframe>`);
  const host = await h.open(onlyIframe.url, { wait: null });
  await host.frameLocator('iframe[data-giftsim]').locator('[data-testid=simple-total]').waitFor({ timeout: 15000 });
  const hostRequests = await host.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  assert.ok(!hostRequests.some((u) => u.endsWith('.wasm')), `the host page itself fetched no engine: ${hostRequests}`);
  const wasmFetches = h.requests.slice(before).filter((u) => u.endsWith('.wasm'));
  assert.equal(wasmFetches.length, 1, `the engine is fetched once, by the iframe: ${wasmFetches}`);
  await host.context().close();
  onlyIframe.close();
  assert.deepEqual(h.problems, []);
});
