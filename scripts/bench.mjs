// `make bench`: how fast and how big giftsim is, natively and as WebAssembly in headless
// Chromium, against the budgets of PRODUCT.md. Prints every figure, then each budget as PASS or
// FAIL, writes test-results/bench.json, and exits 1 when a budget fails.
//
//   node scripts/bench.mjs            full run (medians over many repetitions)
//   node scripts/bench.mjs --quick    fewer repetitions (a smoke run)
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import http from 'node:http';
import { harness } from '../tests/e2e/browser.mjs';
import { loadBudgets, measureLoads } from './load-bench.mjs';

const quick = process.argv.includes('--quick');
const root = new URL('../', import.meta.url);
const at = (p) => new URL(p, root).pathname;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Inputs the bench page fetches.
await mkdir(at('www/bench'), { recursive: true });
for (const f of ['quote-gift-basket-uk.json', 'plan-cn-games-2019.json', 'bench-population.json', 'sweep-prices-elasticity.json', 'calibrate-payers-arppu.json']) {
  await copyFile(at(`examples/${f}`), at(`www/bench/${f}`));
}
for (const f of ['optimize-lab-default.json', 'power-lab-default.json']) await copyFile(at(`benches/${f}`), at(`www/bench/${f}`));

// --- Native ---------------------------------------------------------------------------------
console.log('native: cargo bench --bench native …');
const nativeOut = execFileSync('cargo', ['bench', '--quiet', '--bench', 'native'], {
  cwd: at(''),
  env: { ...process.env, ...(quick ? { BENCH_QUICK: '1' } : {}) },
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const native = JSON.parse(nativeOut.split('\n').find((l) => l.startsWith('BENCH_JSON ')).slice('BENCH_JSON '.length));
const cli = at('target/release/giftsim');
execFileSync('cargo', ['build', '--quiet', '--release'], { cwd: at(''), stdio: 'inherit' });
const peaks = [];
for (let i = 0; i < (quick ? 1 : 3); i++) {
  const run = spawnSync(cli, ['simulate', '--stats', '--threads', '1', at('examples/bench-population.json')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`giftsim simulate failed: ${run.stderr}`);
  peaks.push(JSON.parse(run.stderr.trim().split('\n').pop()));
}
const nativePeakKb = median(peaks.map((p) => p.peak_rss_kb));

// Memory stays flat as the population grows: the peak of 1,000,000 viewers against 100,000.
const population = JSON.parse(await readFile(at('examples/simulate-tiktok-us-teens.json'), 'utf8'));
const peakOf = async (viewers) => {
  const path = at(`www/bench/memory-${viewers}.json`);
  await writeFile(path, JSON.stringify({ ...population, viewers, runs: 1 }));
  const run = spawnSync(cli, ['simulate', '--stats', '--threads', '1', path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`giftsim simulate failed: ${run.stderr}`);
  return JSON.parse(run.stderr.trim().split('\n').pop()).peak_rss_kb;
};
const memory = { small_kb: await peakOf(100_000), large_kb: await peakOf(1_000_000) };

// --- Browser --------------------------------------------------------------------------------
const h = await harness();
let wasm;
let firstResult;
let widgetFirst;
let demoFirst;
let widgetBytes;
try {
  console.log('wasm: bench page in headless Chromium …');
  const page = await h.open(`bench.html${quick ? '?quick' : ''}`, { wait: null });
  await page.locator('html[data-bench-done]').waitFor({ state: 'attached', timeout: 30 * 60 * 1000 });
  wasm = await page.evaluate(() => window.__bench);
  await page.context().close();
  if (wasm.error) throw new Error(`the bench page failed: ${wasm.error}`);

  // The calculator's first result after navigation start, median of several loads.
  const loads = [];
  for (let i = 0; i < 5; i++) {
    const p = await h.open('');
    loads.push(Number(await p.evaluate(() => document.documentElement.dataset.firstResultMs)));
    await p.context().close();
  }
  firstResult = { median_ms: median(loads), loads };

  // The widget on a host page of another origin: its first result and what it downloads.
  const host = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<script>document.addEventListener('giftsim-change', () => { window.__first ??= performance.now(); }, true);</script>
<script type="module" src="${h.base}embed.js"></script></head>
<body><main><h1>Help article</h1><giftsim-calculator preset="tiktok-ios" gift="rose" count="100"></giftsim-calculator></main></body></html>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const hostUrl = `http://127.0.0.1:${host.address().port}/`;
  const times = [];
  let files = [];
  for (let i = 0; i < 5; i++) {
    const p = await h.open(hostUrl, { wait: null });
    await p.locator('giftsim-calculator [data-testid=simple-total]').waitFor({ timeout: 20000 });
    await p.waitForFunction(() => window.__first !== undefined);
    times.push(Math.round(await p.evaluate(() => window.__first)));
    if (i === 0) files = [...new Set((await p.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name))).filter((u) => u.startsWith(h.base)))];
    await p.context().close();
  }
  host.close();
  widgetFirst = { median_ms: median(times), loads: times };

  // The embed demo (a help-centre article with two widgets): its first widget result.
  const demo = [];
  for (let i = 0; i < 5; i++) {
    const init = "document.addEventListener('giftsim-change', () => { window.__first ??= performance.now(); }, true);";
    const p = await h.open('embed-demo.html', { wait: null, init });
    await p.waitForFunction(() => window.__first !== undefined, null, { timeout: 20000 });
    demo.push(Math.round(await p.evaluate(() => window.__first)));
    await p.context().close();
  }
  demoFirst = { median_ms: median(demo), loads: demo };
  const sizes = await Promise.all(files.map(async (u) => {
    const body = await readFile(at(`www${new URL(u).pathname}`));
    return { path: new URL(u).pathname, gz: gzipSync(body, { level: 9 }).length };
  }));
  const sum = (pred) => sizes.filter(pred).reduce((n, s) => n + s.gz, 0);
  widgetBytes = { js: sum((s) => s.path.endsWith('.js')), wasm: sum((s) => s.path.endsWith('.wasm')), css: sum((s) => s.path.endsWith('.css')) };
} finally {
  await h.close();
}

// --- Loading from dist/, as a reader meets it (scripts/load-bench.mjs) -----------------------
console.log('loading: dist/ over emulated Slow 4G (the widget) and localhost (the calculator) …');
const distLoads = await measureLoads(at('dist/'));

// --- Sizes ----------------------------------------------------------------------------------
const size = async (path) => {
  const body = await readFile(at(path));
  return { raw: body.length, gz: gzipSync(body, { level: 9 }).length };
};
const sizes = {
  lean_wasm: await size('www/pkg/giftsim_bg.wasm'),
  lean_glue: await size('www/pkg/giftsim.js'),
  full_wasm: await size('www/pkg-full/giftsim_bg.wasm'),
  full_glue: await size('www/pkg-full/giftsim.js'),
};

// --- Report ---------------------------------------------------------------------------------
const byName = (list) => Object.fromEntries(list.map((r) => [r.name, r.median_us]));
const n = byName(native.native);
const w = byName(wasm.wasm);
const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(1)} ms` : `${us.toFixed(1)} µs`);
console.log(`\n${'benchmark'.padEnd(52)} ${'native'.padStart(11)} ${'wasm'.padStart(11)}  wasm/native`);
const rows = [];
for (const name of new Set([...Object.keys(n), ...Object.keys(w)])) {
  const ratio = n[name] && w[name] ? w[name] / n[name] : null;
  rows.push({ name, native_us: n[name] ?? null, wasm_us: w[name] ?? null, ratio });
  console.log(`${name.padEnd(52)} ${(n[name] ? fmt(n[name]) : '—').padStart(11)} ${(w[name] ? fmt(w[name]) : '—').padStart(11)}  ${ratio ? ratio.toFixed(2) + '×' : ''}`);
}
const simName = 'simulate: bench population, 1 thread';
const viewerDays = native.viewer_days;
console.log(`\nbench population: ${viewerDays.toLocaleString('en')} viewer-days; native ${(viewerDays / n[simName]).toFixed(0)} M/s, wasm ${(viewerDays / w[simName]).toFixed(0)} M/s`);
console.log(`memory: native peak ${(nativePeakKb / 1024).toFixed(1)} MiB (simulate, bench population); wasm linear memory ${(wasm.memory_bytes / 2 ** 20).toFixed(1)} MiB after the benchmarks`);
console.log(`memory as the population grows: ${(memory.small_kb / 1024).toFixed(1)} MiB for 100,000 viewers, ${(memory.large_kb / 1024).toFixed(1)} MiB for 1,000,000 (${(memory.large_kb / memory.small_kb).toFixed(2)}×)`);
console.log(`sizes: calculator and widget wasm ${kb(sizes.lean_wasm.gz)} gzipped (${kb(sizes.lean_wasm.raw)}), glue ${kb(sizes.lean_glue.gz)}; lab and npm wasm ${kb(sizes.full_wasm.gz)} gzipped (${kb(sizes.full_wasm.raw)}), glue ${kb(sizes.full_glue.gz)}`);
console.log(`widget downloads, gzipped: JS ${kb(widgetBytes.js)} + WASM ${kb(widgetBytes.wasm)} = ${kb(widgetBytes.js + widgetBytes.wasm)} (CSS ${kb(widgetBytes.css)})`);
for (const [what, l] of Object.entries(distLoads)) {
  console.log(`${what.replaceAll('_', ' ')} (dist/): cold ${l.cold.median_ms} ms and ${(l.cold.median_bytes / 1000).toFixed(1)} KB transferred (${l.cold.runs.map((r) => r.ms).join(', ')}), warm ${l.warm.median_ms} ms (${l.warm.runs.map((r) => r.ms).join(', ')})`);
}
console.log(`first result after navigation: calculator ${firstResult.median_ms} ms (loads ${firstResult.loads.join(', ')}); embed demo ${demoFirst.median_ms} ms (${demoFirst.loads.join(', ')}); widget on a host of another origin ${widgetFirst.median_ms} ms (${widgetFirst.loads.join(', ')})`);

const quoteNames = Object.keys(n).filter((k) => k.startsWith('quote:'));
const worstQuote = Math.max(...quoteNames.map((k) => Math.max(n[k], w[k] ?? 0)));
const calName = 'calibrate: lab default, 100,000 viewers × 30 days, 3 targets, 1 thread';
const optName = 'optimize: 2 variables, lab default, 100,000 viewers × 30 days, 1 thread';
const powerName = 'power: a price change, lab default, 8 durations, 1 thread';
const budgets = [
  ['optimizing two variables on the lab default natively (at most 60 s)', n[optName] <= 60e6, fmt(n[optName])],
  ['optimizing two variables on the lab default in Chromium (at most 90 s)', w[optName] <= 90e6, fmt(w[optName])],
  ['a power analysis natively and in Chromium (at most 10 s)', Math.max(n[powerName], w[powerName]) <= 10e6, `${fmt(n[powerName])} native, ${fmt(w[powerName])} wasm`],
  ['calibrating the lab default to three targets natively on one core (at most 10 s)', n[calName] <= 10e6, fmt(n[calName])],
  ['calibrating the lab default to three targets in Chromium (at most 15 s)', w[calName] <= 15e6, fmt(w[calName])],
  ['a quote in microseconds (every quote, native and wasm, under 1 ms)', worstQuote < 1000, fmt(worstQuote)],
  ['bench population in about a second of WASM in Chromium (under 1.5 s)', w[simName] < 1.5e6, fmt(w[simName])],
  ['WASM within 1.5× of native (bench population, 1 thread)', w[simName] / n[simName] <= 1.5, `${(w[simName] / n[simName]).toFixed(2)}×`],
  ['first result within 500 ms of loading the calculator', firstResult.median_ms <= 500, `${firstResult.median_ms} ms`],
  ['first result within 500 ms of loading the embed demo', demoFirst.median_ms <= 500, `${demoFirst.median_ms} ms`],
  ['gzipped .wasm of the calculator and widget under 250 KB', sizes.lean_wasm.gz < 250 * 1024, kb(sizes.lean_wasm.gz)],
  ...loadBudgets(distLoads),
  ['memory flat as the population grows (10× the viewers, under 1.5× the peak)', memory.large_kb < 1.5 * memory.small_kb, `${(memory.large_kb / memory.small_kb).toFixed(2)}×`],
];
console.log('\nbudgets:');
for (const [what, ok, figure] of budgets) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${what}: ${figure}`);

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gib: +(totalmem() / 2 ** 30).toFixed(1), node: process.version };
await mkdir(at('test-results'), { recursive: true });
await writeFile(at('test-results/bench.json'), JSON.stringify({ quick, machine, rows, viewer_days: viewerDays, native_peak_rss_kb: nativePeakKb, memory_growth: memory, wasm_memory_bytes: wasm.memory_bytes, sizes, widget: widgetBytes, first_result: firstResult, embed_demo_first_result: demoFirst, widget_first_result: widgetFirst, dist_loads: distLoads, budgets: budgets.map(([what, ok, figure]) => ({ what, ok, figure })) }, null, 2));
console.log(`\nmachine: ${machine.cpus} × ${machine.cpu}, ${machine.memory_gib} GiB; results in test-results/bench.json`);
process.exit(budgets.every(([, ok]) => ok) ? 0 : 1);
