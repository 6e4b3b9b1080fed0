// The browser half of `make bench`: the native benchmarks' operations, run by the full engine
// (the lab's build) on this page's main thread, timed by median. scripts/bench.mjs reads
// `window.__bench` once `data-bench-done` is set on <html>.
import init, { runJson } from '../pkg-full/giftsim.js';
import { Runner } from './lab/runner.js';

const $ = (id) => document.getElementById(id);

async function text(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.text();
}

/**
 * Median of `reps` timings of `f` in microseconds, after one warm-up call. Browsers coarsen
 * `performance.now()` (to 100 µs here), so fast calls are timed in batches of at least ~5 ms and
 * each batch's time divided by its size.
 */
function medianUs(reps, f) {
  f();
  // Double the batch until one takes at least 5 ms.
  let batch = 1;
  let t;
  for (;;) {
    t = performance.now();
    for (let j = 0; j < batch; j++) f();
    if (performance.now() - t >= 5 || batch >= 1 << 16) break;
    batch *= 2;
  }
  const times = [];
  for (let i = 0; i < reps; i++) {
    t = performance.now();
    for (let j = 0; j < batch; j++) f();
    times.push(((performance.now() - t) * 1000) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const row = (name, us, note = '') => {
  const tr = document.createElement('tr');
  for (const cell of [name, us >= 1000 ? `${(us / 1000).toFixed(1)} ms` : `${us.toFixed(1)} µs`, note]) {
    const td = document.createElement('td');
    td.textContent = cell;
    tr.append(td);
  }
  $('results').tBodies[0].append(tr);
};

async function main() {
  const quick = new URLSearchParams(location.search).has('quick');
  const reps = (n) => (quick ? Math.max(7, Math.floor(n / 10)) : n);
  const exports = await init({ module_or_path: new URL('../pkg-full/giftsim_bg.wasm', import.meta.url) });
  const results = [];
  const record = (name, us, note = '') => {
    results.push({ name, median_us: us, note });
    row(name, us, note);
  };

  const lion = '{"rate_card": "tiktok-ios", "gifts": [{"gift": "lion", "count": 1}], "compare_channels": false}';
  record('quote: one gift (lion, iOS)', medianUs(reps(41), () => runJson('quote', lion)));
  const basket = await text('bench/quote-gift-basket-uk.json');
  record('quote: gift basket (UK, with channels)', medianUs(reps(41), () => runJson('quote', basket)));
  const presets = JSON.parse(runJson('presets', ''));
  for (const card of presets.rate_cards) {
    const q = (coins) => JSON.stringify({ rate_card: card.id, coins, compare_channels: false });
    const qs = [1, 999, 29999, 1000000, 10000000].map(q);
    record(`quote: coins 1 to 10,000,000 on ${card.id}`, medianUs(reps(21), () => qs.forEach((x) => runJson('quote', x))) / qs.length, 'per question');
  }
  const plan = await text('bench/plan-cn-games-2019.json');
  record('plan: a month of top-ups', medianUs(reps(41), () => runJson('plan', plan)));
  const population = await text('bench/bench-population.json');
  const p = JSON.parse(population);
  const viewerDays = p.viewers * p.days * (p.runs ?? 1);
  const sim = medianUs(reps(7), () => runJson('simulate', population));
  record('simulate: bench population, 1 thread', sim, `${(viewerDays / sim).toFixed(0)} M viewer-days/s`);
  const sweep = await text('bench/sweep-prices-elasticity.json');
  record('sweep: 12 points, 1 thread', medianUs(reps(3), () => runJson('sweep', sweep)));
  // All cores: the pricing lab's pool of Web Workers, which must give the same bytes.
  const runner = new Runner();
  const expected = runJson('sweep', sweep);
  await runner.run('sweep', sweep); // warm-up: workers start and load the engine
  const pooled = [];
  for (let i = 0; i < Math.max(3, reps(5)); i++) {
    const { text: answer, ms } = await runner.run('sweep', sweep);
    if (answer !== expected) throw new Error('the worker pool answered a sweep differently from one thread');
    pooled.push(ms * 1000);
  }
  pooled.sort((a, b) => a - b);
  record('sweep: 12 points, all cores', pooled[Math.floor(pooled.length / 2)], `${runner.size} Web Workers`);

  // Calibration: the lab's default scenario fitted to three targets, one thread (one run: it
  // takes seconds).
  const calibration = await text('bench/calibrate-payers-arppu.json');
  const started = performance.now();
  runJson('calibrate', calibration);
  record('calibrate: lab default, 100,000 viewers × 30 days, 3 targets, 1 thread', (performance.now() - started) * 1000, 'whole search, once');

  // Optimization (80 simulations) and a power analysis, once each, on one thread.
  for (const [file, op, name] of [
    ['bench/optimize-lab-default.json', 'optimize', 'optimize: 2 variables, lab default, 100,000 viewers × 30 days, 1 thread'],
    ['bench/power-lab-default.json', 'power', 'power: a price change, lab default, 8 durations, 1 thread'],
  ]) {
    const input = await text(file);
    const t0 = performance.now();
    runJson(op, input);
    record(name, (performance.now() - t0) * 1000, 'once');
  }

  window.__bench = { wasm: results, viewer_days: viewerDays, memory_bytes: exports.memory.buffer.byteLength };
  $('status').textContent = `Done: ${results.length} benchmarks; WebAssembly memory ${(exports.memory.buffer.byteLength / 2 ** 20).toFixed(1)} MiB.`;
  document.documentElement.dataset.benchDone = '1';
}

main().catch((e) => {
  $('status').textContent = `Failed: ${e.message}`;
  window.__bench = { error: String(e.message ?? e) };
  document.documentElement.dataset.benchDone = '1';
});
