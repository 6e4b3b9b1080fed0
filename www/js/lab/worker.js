// The pricing lab's Web Worker: the engine runs here, so the page never freezes. One job at a
// time; the page cancels a job by terminating this worker and starting a fresh one. Several of
// these share a long run (runner.js): each simulates some runs, one merges them.
//
// page → worker  { id, job }  with job one of
//                  { kind: "run", op, text, format }     format: "json" (the CLI's JSON text) or "csv"
//                  { kind: "part", text, from, to }      runs from..to of a simulate input
//                  { kind: "scenarios", text }           the simulate inputs of a sweep, base first
//                  { kind: "merge", op, text, parts, format }  the answer from every run's part
// worker → page  { kind: "ready", ms }           the engine is loaded
//                { id, kind: "progress", done, total }
//                { id, kind: "done", text, ms }
//                { id, kind: "error", error: { code, path, message, details } }
import init, { runCsv, runJsonWithProgress, simulateMerge, simulatePart, sweepMerge, sweepScenarios } from '../../pkg-full/giftsim.js';
import { fromThrown, pageError } from '../errors.js';

const started = performance.now();
/** Why the engine could not be loaded (every job is answered with it), or null. */
let loadError = null;
const ready = init({ module_or_path: new URL('../../pkg-full/giftsim_bg.wasm', import.meta.url) }).then(
  () => postMessage({ kind: 'ready', ms: Math.round(performance.now() - started) }),
  (e) => {
    loadError = pageError('engine_unavailable', `the engine could not be loaded: ${e?.message ?? e}`, '', { reason: String(e?.message ?? e) });
  },
);

/** Progress goes to the page at most every 50 ms, and always at the end. */
const PROGRESS_EVERY_MS = 50;

function perform(job, onProgress) {
  switch (job.kind) {
    case 'part':
      return simulatePart(job.text, job.from, job.to, onProgress);
    case 'scenarios':
      return sweepScenarios(job.text);
    case 'merge':
      return (job.op === 'sweep' ? sweepMerge : simulateMerge)(job.text, job.parts, job.format === 'csv');
    default:
      return job.format === 'csv' ? runCsv(job.op, job.text, onProgress) : runJsonWithProgress(job.op, job.text, onProgress);
  }
}

self.onmessage = async ({ data }) => {
  await ready;
  const { id, job } = data ?? {};
  if (loadError) {
    postMessage({ id, kind: 'error', error: loadError });
    return;
  }
  let sent = 0;
  const onProgress = ({ done, total }) => {
    const now = performance.now();
    if (done === total || now - sent >= PROGRESS_EVERY_MS) {
      sent = now;
      postMessage({ id, kind: 'progress', done, total });
    }
  };
  const t0 = performance.now();
  try {
    const answer = perform(job ?? {}, onProgress);
    postMessage({ id, kind: 'done', text: answer, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ id, kind: 'error', error: fromThrown(e) });
  }
};
