// The page's side of the engine workers (worker.js): a small pool that shares a long run —
// the runs of a simulation, the scenarios of a sweep — and merges the parts in the engine, so the
// answer is byte for byte what one worker (or the CLI) gives. Cancelling terminates every worker
// and starts fresh ones, so the page stays usable.
import { pageError } from '../errors.js';

/** Thrown (as a rejection) when a job is cancelled. */
export const CANCELLED = Object.freeze(pageError('cancelled', 'The run was cancelled.'));

/** Error codes that mean the worker itself failed, not the input. */
const CRASHES = new Set(['engine_unavailable', 'internal']);

/** Workers in the pool: one per core, at least one, at most four. */
export function poolSize() {
  const cores = Number(globalThis.navigator?.hardwareConcurrency) || 1;
  return Math.max(1, Math.min(4, cores));
}

/** One worker and the one job it runs at a time. */
class Engine {
  constructor(onFailure) {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'giftsim engine' });
    this.job = null;
    this.loadMs = null;
    this.nextId = 1;
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (e) => {
      e.preventDefault?.();
      const reason = String(e.message ?? 'unknown error');
      const error = pageError('engine_unavailable', `the engine worker failed: ${reason}`, '', { reason, message_id: 'error.worker_failed' });
      const job = this.job;
      this.job = null;
      job?.reject(error);
      onFailure?.(error);
    };
  }

  receive(data) {
    if (!data) return;
    if (data.kind === 'ready') {
      this.loadMs = data.ms;
      return;
    }
    const job = this.job;
    if (!job || (data.id !== undefined && data.id !== job.id)) return;
    if (data.kind === 'progress') job.onProgress?.(data.done, data.total);
    else if (data.kind === 'done') {
      this.job = null;
      job.resolve({ text: data.text, ms: data.ms });
    } else if (data.kind === 'error') {
      this.job = null;
      job.reject(data.error);
    }
  }

  /** Runs one job; resolves to `{ text, ms }`. */
  send(job, onProgress) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.job = { id, resolve, reject, onProgress };
      this.worker.postMessage({ id, job });
    });
  }

  terminate() {
    this.worker.terminate();
  }
}

/** Splits `count` runs into at most `parts` contiguous ranges. */
export function ranges(count, parts) {
  const n = Math.max(1, Math.min(parts, count));
  const out = [];
  for (let i = 0, from = 0; i < n; i++) {
    const to = from + Math.floor(count / n) + (i < count % n ? 1 : 0);
    if (to > from) out.push([from, to]);
    from = to;
  }
  return out;
}

/** The viewer-runs of a simulate input (what progress counts). */
function size(text) {
  try {
    const s = JSON.parse(text);
    return (Number(s.viewers) || 0) * (Number(s.runs) || 1);
  } catch {
    return 0;
  }
}

/** A JSON array made of the arrays (as text) the workers returned. */
const joinArrays = (texts) => `[${texts.map((t) => t.trim().slice(1, -1)).filter((t) => t.trim()).join(',')}]`;

export class Runner {
  constructor(size = poolSize()) {
    this.size = size;
    this.busyJob = null;
    this.start();
  }

  start() {
    this.engines = Array.from({ length: this.size }, () => new Engine());
  }

  /** Milliseconds the first worker took to load the engine (for the record). */
  get loadMs() {
    return this.engines[0]?.loadMs ?? null;
  }

  /** Whether a job is running. */
  get busy() {
    return this.busyJob !== null;
  }

  /**
   * Runs `op` on JSON `text`: resolves to `{ text, ms, parts }` (the engine's JSON text, the time
   * it took, and the raw runs it merged, from which `write` gives the CSV without running
   * again), rejects with the engine's `{ code, path, message, details }` or with CANCELLED.
   * `simulate` and `sweep` are spread over the pool, split into parts even on one worker.
   */
  run(op, text, { onProgress } = {}) {
    return this.job(() => (op === 'sweep' ? this.sweep(text, onProgress) : op === 'simulate' ? this.simulate(text, onProgress) : this.single(op, text, onProgress)));
  }

  /**
   * The answer of a finished run as `format` ("json": the CLI's JSON text, "csv": its `--csv`),
   * from the `parts` that run kept: one merge in the engine, no run again.
   */
  write(op, text, parts, format) {
    return this.job(() => this.engines[0].send({ kind: 'merge', op, text, parts, format }).then((r) => ({ text: r.text, parts })));
  }

  single(op, text, onProgress) {
    return this.engines[0].send({ kind: 'run', op, text, format: 'json' }, onProgress).then((r) => ({ text: r.text, parts: null }));
  }

  /** Runs `start` as the pool's one job. */
  job(start) {
    if (this.busyJob) return Promise.reject(pageError('busy', 'Another run is in progress.'));
    const t0 = performance.now();
    const token = {};
    this.busyJob = token;
    return start().then(
      ({ text, parts }) => {
        if (this.busyJob === token) this.busyJob = null;
        return { text, parts, ms: performance.now() - t0 };
      },
      (error) => {
        if (this.busyJob === token) {
          this.busyJob = null;
          // Stop the other workers' shares of a failed run, and replace a worker that crashed
          // or whose engine trapped (its memory can no longer be trusted): fresh workers take
          // the next run.
          if (error !== CANCELLED && (this.size > 1 || CRASHES.has(error?.code))) this.restart();
        }
        throw error;
      },
    );
  }

  /** Runs `tasks` (each `{ job, size }`) over the pool, reporting their summed progress. */
  async spread(tasks, onProgress) {
    const total = tasks.reduce((n, t) => n + t.size, 0);
    const done = new Array(tasks.length).fill(0);
    const results = new Array(tasks.length);
    let next = 0;
    const report = () => onProgress?.(done.reduce((a, b) => a + b, 0), total);
    const drain = async (engine) => {
      while (next < tasks.length) {
        const i = next++;
        const r = await engine.send(tasks[i].job, (d) => {
          done[i] = d;
          report();
        });
        done[i] = tasks[i].size;
        report();
        results[i] = r.text;
      }
    };
    await Promise.all(this.engines.map(drain));
    return results;
  }

  async simulate(text, onProgress) {
    let runs = 1;
    try {
      runs = Math.max(1, Number(JSON.parse(text).runs) || 1);
    } catch {
      // Not JSON: the engine says what is wrong.
      return this.single('simulate', text, onProgress);
    }
    const viewers = size(text) / runs;
    const tasks = ranges(runs, this.size).map(([from, to]) => ({ job: { kind: 'part', text, from, to }, size: viewers * (to - from) }));
    const parts = joinArrays(await this.spread(tasks, onProgress));
    const merged = await this.engines[0].send({ kind: 'merge', op: 'simulate', text, parts, format: 'json' });
    return { text: merged.text, parts };
  }

  async sweep(text, onProgress) {
    const scenarios = JSON.parse((await this.engines[0].send({ kind: 'scenarios', text })).text).map((s) => JSON.stringify(s));
    // Every scenario's runs, split so that each worker has a share.
    const tasks = [];
    scenarios.forEach((scenario, index) => {
      const runs = Math.max(1, Number(JSON.parse(scenario).runs) || 1);
      const viewers = size(scenario) / runs;
      const split = scenarios.length >= this.size ? 1 : this.size;
      for (const [from, to] of ranges(runs, split)) {
        tasks.push({ index, job: { kind: 'part', text: scenario, from, to }, size: viewers * (to - from) });
      }
    });
    const parts = await this.spread(tasks, onProgress);
    const perScenario = scenarios.map((_, index) => joinArrays(parts.filter((_, i) => tasks[i].index === index)));
    const all = `[${perScenario.join(',')}]`;
    const merged = await this.engines[0].send({ kind: 'merge', op: 'sweep', text, parts: all, format: 'json' });
    return { text: merged.text, parts: all };
  }

  /** Stops the running job at once (every worker is terminated and replaced). */
  cancel() {
    this.busyJob = null;
    this.restart(CANCELLED);
  }

  restart(reason) {
    for (const engine of this.engines) {
      const job = engine.job;
      engine.job = null;
      engine.terminate();
      if (reason) job?.reject(reason);
    }
    this.start();
  }
}
