// The engine's errors as the page and the lab's workers pass them around: `{ code, path,
// message, details }`. One place turns whatever was thrown into that shape; nothing on the page
// reads the English message to find facts (they are in `details`, keyed by `code`).

/** An error of the page's own (a check it makes before asking the engine). */
export function pageError(code, message, path = '', details = {}) {
  return { code, path, message, details };
}

/** What a call into the engine threw, as `{ code, path, message, details }`. */
export function fromThrown(thrown) {
  if (thrown instanceof Error && typeof thrown.code === 'string') {
    const details = thrown.details && typeof thrown.details === 'object' ? thrown.details : {};
    return { code: thrown.code, path: typeof thrown.path === 'string' ? thrown.path : '', message: thrown.message, details };
  }
  // Not an engine error: a trap would mean a bug in the engine, so say so plainly.
  return pageError('internal', `the engine failed unexpectedly: ${String(thrown?.message ?? thrown)}`);
}
