// The page's side of the engine worker (worker.js): one job at a time, its progress, and
// cancellation by terminating the worker and starting a fresh one, so the page stays usable.

/** Thrown (as a rejection) when a job is cancelled. */
export const CANCELLED = Object.freeze({ code: 'cancelled', path: '', message: 'The run was cancelled.' });

export class Runner {
  constructor() {
    this.worker = null;
    this.job = null;
    this.nextId = 1;
    /** Milliseconds the latest worker took to load the engine (for the record). */
    this.loadMs = null;
    this.start();
  }

  start() {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'giftsim engine' });
    this.worker = worker;
    worker.onmessage = ({ data }) => this.receive(worker, data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      this.fail(worker, { code: 'engine_unavailable', path: '', message: `the engine worker failed: ${e.message ?? 'unknown error'}` });
    };
  }

  receive(worker, data) {
    if (worker !== this.worker || !data) return;
    if (data.kind === 'ready') {
      this.loadMs = data.ms;
      return;
    }
    const job = this.job;
    if (data.id === undefined && data.kind === 'error') return this.fail(worker, data.error);
    if (!job || data.id !== job.id) return;
    if (data.kind === 'progress') job.onProgress?.(data.done, data.total);
    else if (data.kind === 'done') {
      this.job = null;
      job.resolve({ text: data.text, ms: data.ms });
    } else if (data.kind === 'error') {
      this.job = null;
      job.reject(data.error);
    }
  }

  fail(worker, error) {
    if (worker !== this.worker) return;
    const job = this.job;
    this.job = null;
    job?.reject(error);
  }

  /** Whether a job is running. */
  get busy() {
    return this.job !== null;
  }

  /**
   * Runs `op` on JSON `text` in the worker: resolves to `{ text, ms }` (the engine's JSON text
   * or CSV, and the engine's time), rejects with the engine's `{ code, path, message }` or
   * with CANCELLED.
   */
  run(op, text, { format = 'json', onProgress } = {}) {
    if (this.job) return Promise.reject({ code: 'busy', path: '', message: 'Another run is in progress.' });
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.job = { id, resolve, reject, onProgress };
      this.worker.postMessage({ id, op, text, format });
    });
  }

  /** Stops the running job at once (the worker is terminated and replaced). */
  cancel() {
    const job = this.job;
    this.job = null;
    this.worker.terminate();
    this.start();
    job?.reject(CANCELLED);
  }
}
