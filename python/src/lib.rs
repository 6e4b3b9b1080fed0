//! The Python edge (PyO3): JSON text in → `ops` → JSON text out; nothing else.
//!
//! The extension module `giftsim._engine` is deliberately small. The package around it
//! (`python/giftsim/`) turns dicts into JSON text and back, raises `GiftsimError`, draws the
//! progress bar and turns Ctrl-C into a cancellation, all in Python, where notebooks expect
//! them. Going through the contract's JSON text keeps Python, the CLI and WebAssembly on one
//! parser, one set of error paths and byte-identical answers.
//!
//! Every call releases the GIL. A long operation runs as a [`Job`] on its own thread (which
//! spreads the work over every core it is given), so Python's main thread stays free to wait
//! in short slices, update the bar and notice Ctrl-C within a fraction of a second.

use giftsim::error::{Error, ErrorCode};
use giftsim::ops::{self, Operation, Progress};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// An answer or an error, each as JSON text: `(True, answer)` or `(False, {"error": …})`.
type Outcome = (bool, String);

/// Runs `op` on the JSON text `text` and returns its outcome: the answer as the CLI prints it
/// (indented) when `pretty`, else on one line. `threads` bounds the threads of a long run; the
/// answer never depends on it.
fn outcome(
    op: &str,
    text: &str,
    pretty: bool,
    threads: usize,
    progress: ops::ProgressFn<'_>,
) -> Outcome {
    let answer = Operation::from_name(op)
        .ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                "",
                format!("there is no operation {op:?}"),
            )
            .with("given", op)
        })
        .and_then(|op| ops::answer(op, text, progress, threads.max(1)))
        .and_then(|answer| answer.to_text(!pretty));
    match answer {
        Ok(text) => (true, text),
        Err(err) => (false, err.to_json().to_string()),
    }
}

/// run(op, text, pretty=False) -> (ok, text)
/// --
///
/// Runs one operation on a JSON text, on this thread, with the GIL released: `(True, answer)`
/// or `(False, error)`, both JSON text.
#[pyfunction]
#[pyo3(signature = (op, text, pretty = false))]
fn run(py: Python<'_>, op: &str, text: &str, pretty: bool) -> Outcome {
    py.detach(|| outcome(op, text, pretty, 1, &|_| true))
}

/// What a job's thread and Python share.
#[derive(Default)]
struct Shared {
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
    outcome: Mutex<Option<Outcome>>,
    finished: Condvar,
}

impl Shared {
    /// The outcome slot; a poisoned lock still holds a usable value.
    fn slot(&self) -> MutexGuard<'_, Option<Outcome>> {
        self.outcome.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Job(op, text, threads, pretty=False)
/// --
///
/// A long operation running on its own thread: Python waits for it in short slices
/// (`wait`), reads its `progress`, and can `cancel` it; `result` gives its outcome.
#[pyclass(frozen)]
struct Job {
    shared: Arc<Shared>,
}

#[pymethods]
impl Job {
    #[new]
    #[pyo3(signature = (op, text, threads, pretty = false))]
    fn new(op: String, text: String, threads: usize, pretty: bool) -> PyResult<Self> {
        let shared = Arc::new(Shared::default());
        let inner = Arc::clone(&shared);
        std::thread::Builder::new()
            .name(format!("giftsim {op}"))
            .spawn(move || {
                let report = |p: Progress| {
                    inner.total.store(p.total, Ordering::Relaxed);
                    inner.done.fetch_max(p.done, Ordering::Relaxed);
                    !inner.cancelled.load(Ordering::Relaxed)
                };
                // The engine does not panic on any input; should it ever, Python hears of it
                // as an error instead of waiting forever.
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    outcome(&op, &text, pretty, threads, &report)
                }))
                .unwrap_or_else(|_| {
                    let err = Error::new(
                        ErrorCode::InvalidValue,
                        "",
                        "giftsim failed inside (a bug: please report it with this input)",
                    );
                    (false, err.to_json().to_string())
                });
                *inner.slot() = Some(result);
                inner.finished.notify_all();
            })
            .map_err(|e| PyRuntimeError::new_err(format!("could not start a thread: {e}")))?;
        Ok(Job { shared })
    }

    /// wait(timeout=None) -> bool
    /// --
    ///
    /// Waits, with the GIL released, until the job has finished or `timeout` seconds have
    /// passed; `True` once it has finished.
    #[pyo3(signature = (timeout = None))]
    fn wait(&self, py: Python<'_>, timeout: Option<f64>) -> bool {
        py.detach(|| {
            let slot = self.shared.slot();
            match timeout {
                None => self
                    .shared
                    .finished
                    .wait_while(slot, |o| o.is_none())
                    .map(|o| o.is_some())
                    .unwrap_or(false),
                Some(seconds) => {
                    let wait =
                        Duration::try_from_secs_f64(seconds.max(0.0)).unwrap_or(Duration::MAX);
                    self.shared
                        .finished
                        .wait_timeout_while(slot, wait, |o| o.is_none())
                        .map(|(o, _)| o.is_some())
                        .unwrap_or(false)
                }
            }
        })
    }

    /// progress() -> (done, total)
    /// --
    ///
    /// How far the run is: viewer-runs (or simulations, for calibrate and optimize) done and
    /// in all; `(0, 0)` until the first report.
    fn progress(&self) -> (u64, u64) {
        (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.total.load(Ordering::Relaxed),
        )
    }

    /// cancel()
    /// --
    ///
    /// Asks the run to stop at its next report (well within a second); its outcome is then
    /// the error `cancelled`.
    fn cancel(&self) {
        self.shared.cancelled.store(true, Ordering::Relaxed);
    }

    /// result() -> (ok, text) | None
    /// --
    ///
    /// The outcome once finished, as `run` gives it; `None` while running.
    fn result(&self) -> Option<Outcome> {
        self.shared.slot().clone()
    }
}

impl Drop for Job {
    /// A job Python no longer holds stops at its next report instead of running on unseen.
    fn drop(&mut self) {
        self.shared.cancelled.store(true, Ordering::Relaxed);
    }
}

/// The extension module `giftsim._engine`.
#[pymodule]
fn _engine(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_class::<Job>()?;
    let names: Vec<&str> = Operation::ALL.iter().map(|op| op.name()).collect();
    m.add("OPERATIONS", names)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
