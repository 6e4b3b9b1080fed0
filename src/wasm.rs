//! The JS edge (wasm-bindgen): JS values in → `ops` → JS values out; nothing else.
//!
//! Each operation of the contract is one exported function taking and returning plain JS
//! objects, money as decimal strings, exactly the JSON the CLI prints. The input object goes
//! through `JSON.stringify` and [`ops::run`], so JS callers and the CLI share one parser, one
//! set of error paths and byte-identical answers. Failures are thrown as real JS `Error`s
//! (`name` `"GiftsimError"`) carrying the engine's `code` and `path`.
//!
//! The long operations (`simulate`, `sweep`, `calibrate`, `optimize`, `power`) also come in forms that
//! report progress to a JS callback and can be cancelled by it (`simulateWithProgress`,
//! `sweepWithProgress`, `calibrateWithProgress`, `optimizeWithProgress`, `powerWithProgress`,
//! `runJsonWithProgress`), and as the CLI's CSV (`runCsv`): the pricing lab runs them in a Web
//! Worker.
//!
//! The TypeScript types of every request and answer live in `wasm_types.d.ts`, generated from
//! `docs/schema/` by `scripts/wasm-types.mjs` (`make types`; `make test` checks it is current).

use crate::error::{Error, ErrorCode};
use crate::ops::Progress;
use crate::ops::{self, Operation};
use serde::Serialize;
use std::cell::Cell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("wasm_types.d.ts");

/// Exports `name(input)`: one operation of the contract on a plain JS object. Adding an
/// operation is one line: `operation!(name => Variant, "Request" -> "Response", "What it does.");`
/// (the doc is a plain string because wasm-bindgen copies only plain literals into the `.d.ts`).
macro_rules! operation {
    ($name:ident => $op:ident, $input:tt -> $output:tt, $doc:tt) => {
        #[doc = $doc]
        #[wasm_bindgen(unchecked_return_type = $output)]
        pub fn $name(
            #[wasm_bindgen(unchecked_param_type = $input)] input: JsValue,
        ) -> Result<JsValue, JsValue> {
            call(Operation::$op, &input)
        }
    };
    ($name:ident as $js:ident => $op:ident, $input:tt -> $output:tt, $doc:tt) => {
        #[doc = $doc]
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $output)]
        pub fn $name(
            #[wasm_bindgen(unchecked_param_type = $input)] input: JsValue,
        ) -> Result<JsValue, JsValue> {
            call(Operation::$op, &input)
        }
    };
}

/// The rate cards, gift catalogues and rounding rules the engine ships, each figure with its
/// source. Every card is in exactly the form `quote` and `compare` accept as `rate_card`.
#[wasm_bindgen(unchecked_return_type = "PresetsResponse")]
pub fn presets() -> Result<JsValue, JsValue> {
    let answer = ops::answer(Operation::Presets, "", &|_| true, 1).map_err(to_js_error)?;
    to_js(&answer).map_err(to_js_error)
}

operation!(quote => Quote, "QuoteRequest" -> "QuoteResponse",
    "One viewer's question on one rate card: `coins`, `gifts`, `spend` or `creator_cash`.");
operation!(compare => Compare, "CompareRequest" -> "CompareResponse",
    "The same spending on several platforms, side by side.");
operation!(plan => Plan, "PlanRequest" -> "PlanResponse",
    "Checks one person's dated spending plan against a rule set: a verdict per event.");
operation!(audit => Audit, "AuditRequest" -> "AuditResponse",
    "A compliance audit of a rate card: each gift's price at the best rate, its cheapest purchase and leftover coins, the ladder, and the rules of a region on a date.");
operation!(import_history as importHistory => Import, "ImportRequest" -> "ImportResponse",
    "A family's TikTok data export (its parsed JSON, and optionally Google Play's) turned, on this device, into a `plan` input: each purchase and gift with its money and where it comes from.");
operation!(simulate => Simulate, "ScenarioInput" -> "SimulateResponse",
    "Population Monte Carlo: seeded, deterministic totals and percentiles over runs.");
operation!(sweep => Sweep, "SweepRequest" -> "SweepResponse",
    "`simulate` over a grid of parameter values, one row per grid point.");
operation!(calibrate => Calibrate, "CalibrateRequest" -> "CalibrateResponse",
    "Fits a scenario's free parameters to targets (payer share, ARPPU, concentration, a bundle's share of revenue): the fitted scenario and what it achieves.");
operation!(power => Power, "PowerRequest" -> "PowerResponse",
    "Plans a real A/B test on a scenario: the smallest effect N users per arm can detect over D days, the days a given or simulated effect needs (revenue per user, conversion, revenue per payer), the sample-ratio check and what peeking costs.");
operation!(optimize => Optimize, "OptimizeRequest" -> "OptimizeResponse",
    "The values of decision variables (prices, bundles, caps) that maximise an objective under constraints: the best point, the runners-up, each constraint's slack and every point evaluated.");

/// Hands the engine the TZif file of an IANA time zone (`name`, e.g. `"Europe/Athens"`), in a
/// build that does not carry the database (the calculator page's). An operation that needs a
/// zone not yet loaded fails with code `"time_zone_not_loaded"` and `details.zone` naming it;
/// the page fetches `tz/<name>` from its own origin, loads it here and asks again. Returns the
/// zone's canonical name.
#[wasm_bindgen(js_name = loadTimeZone)]
pub fn load_time_zone(name: &str, tzif: &[u8]) -> Result<String, JsValue> {
    crate::time_zone::database::load(name, tzif).map_err(to_js_error)
}

/// The TZif file of an IANA time zone from the database compiled into this build (the npm
/// package's), for serving to builds without it; `undefined` for an unknown name.
#[cfg(feature = "tzdb")]
#[wasm_bindgen(js_name = timeZoneFile)]
pub fn time_zone_file(name: &str) -> Option<Vec<u8>> {
    crate::time_zone::database::file(name).map(<[u8]>::to_vec)
}

/// Runs the operation named `op` on a JSON text and returns the answer as JSON text, formatted
/// exactly as the CLI prints it (without the final newline). Errors are thrown as by the other
/// functions.
#[wasm_bindgen(js_name = runJson)]
pub fn run_json(op: &str, text: &str) -> Result<String, JsValue> {
    let op = Operation::from_name(op).ok_or_else(|| to_js_error(unknown_operation(op)))?;
    ops::run_text(op, text).map_err(to_js_error)
}

#[wasm_bindgen(typescript_custom_section)]
const PROGRESS_TYPES: &str = r#"
/** How far a long run is: `done` out of `total` viewer-runs (every point of a sweep counted). */
export interface RunProgress {
  done: number;
  total: number;
}
/**
 * Called after every chunk of viewers (32,768) of a long run. Returning `false` cancels the run,
 * which then throws a `GiftsimError` with code `"cancelled"`; a callback that throws cancels it
 * too, and its exception is rethrown. Anything else (`undefined`, `true`) lets it go on.
 */
export type OnProgress = (progress: RunProgress) => boolean | void;
"#;

/// `simulate`, calling `onProgress` after every chunk of viewers; the answer is the same as
/// `simulate`'s. Returning `false` from the callback cancels the run.
#[wasm_bindgen(js_name = simulateWithProgress, unchecked_return_type = "SimulateResponse")]
pub fn simulate_with_progress(
    #[wasm_bindgen(unchecked_param_type = "ScenarioInput")] input: JsValue,
    #[wasm_bindgen(js_name = onProgress, unchecked_param_type = "OnProgress")] on_progress: JsValue,
) -> Result<JsValue, JsValue> {
    call_with_progress(Operation::Simulate, &input, &on_progress)
}

/// `sweep`, calling `onProgress` after every chunk of viewers of every point; the answer is the
/// same as `sweep`'s. Returning `false` from the callback cancels the run.
#[wasm_bindgen(js_name = sweepWithProgress, unchecked_return_type = "SweepResponse")]
pub fn sweep_with_progress(
    #[wasm_bindgen(unchecked_param_type = "SweepRequest")] input: JsValue,
    #[wasm_bindgen(js_name = onProgress, unchecked_param_type = "OnProgress")] on_progress: JsValue,
) -> Result<JsValue, JsValue> {
    call_with_progress(Operation::Sweep, &input, &on_progress)
}

/// `calibrate`, calling `onProgress` after every simulation of the search (`done` and `total`
/// count simulations); returning `false` cancels it.
#[wasm_bindgen(js_name = calibrateWithProgress, unchecked_return_type = "CalibrateResponse")]
pub fn calibrate_with_progress(
    #[wasm_bindgen(unchecked_param_type = "CalibrateRequest")] input: JsValue,
    #[wasm_bindgen(js_name = onProgress, unchecked_param_type = "OnProgress")] on_progress: JsValue,
) -> Result<JsValue, JsValue> {
    call_with_progress(Operation::Calibrate, &input, &on_progress)
}

/// `optimize`, calling `onProgress` during every simulation of the search (`done` and `total`
/// count simulations); returning `false` cancels it.
#[wasm_bindgen(js_name = optimizeWithProgress, unchecked_return_type = "OptimizeResponse")]
pub fn optimize_with_progress(
    #[wasm_bindgen(unchecked_param_type = "OptimizeRequest")] input: JsValue,
    #[wasm_bindgen(js_name = onProgress, unchecked_param_type = "OnProgress")] on_progress: JsValue,
) -> Result<JsValue, JsValue> {
    call_with_progress(Operation::Optimize, &input, &on_progress)
}

/// `power`, calling `onProgress` after every chunk of viewers of every simulation; returning
/// `false` cancels it.
#[wasm_bindgen(js_name = powerWithProgress, unchecked_return_type = "PowerResponse")]
pub fn power_with_progress(
    #[wasm_bindgen(unchecked_param_type = "PowerRequest")] input: JsValue,
    #[wasm_bindgen(js_name = onProgress, unchecked_param_type = "OnProgress")] on_progress: JsValue,
) -> Result<JsValue, JsValue> {
    call_with_progress(Operation::Power, &input, &on_progress)
}

/// `runJson` reporting progress to `onProgress` (which may cancel, as above): the CLI's exact
/// JSON text, without the final newline.
#[wasm_bindgen(js_name = runJsonWithProgress)]
pub fn run_json_with_progress(
    op: &str,
    text: &str,
    #[wasm_bindgen(js_name = onProgress, unchecked_param_type = "OnProgress | void")]
    on_progress: Option<js_sys::Function>,
) -> Result<String, JsValue> {
    let op = Operation::from_name(op).ok_or_else(|| to_js_error(unknown_operation(op)))?;
    let answer = with_progress(&optional(on_progress), |report| {
        ops::answer(op, text, report, 1)
    })?;
    answer.to_text(false).map_err(to_js_error)
}

/// The CSV the CLI prints with `--csv` for `simulate` (one row per run) or `sweep` (one row per
/// point), with optional progress as above.
#[wasm_bindgen(js_name = runCsv)]
pub fn run_csv(
    op: &str,
    text: &str,
    #[wasm_bindgen(js_name = onProgress, unchecked_param_type = "OnProgress | void")]
    on_progress: Option<js_sys::Function>,
) -> Result<String, JsValue> {
    let op = Operation::from_name(op).ok_or_else(|| to_js_error(unknown_operation(op)))?;
    with_progress(&optional(on_progress), |report| {
        ops::run_csv(op, text, report, 1)
    })
}

/// Runs `from..to` of a `simulate` scenario (JSON text) and returns the runs as JSON text for
/// `simulateMerge`: how the lab spreads one simulation over several Web Workers.
#[cfg(feature = "simulate")]
#[wasm_bindgen(js_name = simulatePart)]
pub fn simulate_part(
    text: &str,
    from: u32,
    to: u32,
    #[wasm_bindgen(js_name = onProgress, unchecked_param_type = "OnProgress | void")]
    on_progress: Option<js_sys::Function>,
) -> Result<String, JsValue> {
    with_progress(&optional(on_progress), |report| {
        ops::simulate_part(text, from, to, report)
    })
}

/// The `simulate` answer from `parts`, a JSON array of the runs `simulatePart` returned
/// (every run once, in any order): the CLI's JSON text, or its CSV when `csv` is true. Byte for
/// byte what one `simulate` answers.
#[cfg(feature = "simulate")]
#[wasm_bindgen(js_name = simulateMerge)]
pub fn simulate_merge(text: &str, parts: &str, csv: bool) -> Result<String, JsValue> {
    ops::simulate_merge(text, parts, csv).map_err(to_js_error)
}

/// The `simulate` inputs a `sweep` runs, base first, as a JSON array, to spread them over
/// Web Workers with `simulatePart`.
#[cfg(feature = "simulate")]
#[wasm_bindgen(js_name = sweepScenarios)]
pub fn sweep_scenarios(text: &str) -> Result<String, JsValue> {
    ops::sweep_scenarios(text).map_err(to_js_error)
}

/// The `sweep` answer from the runs of each of its scenarios (a JSON array holding, in
/// `sweepScenarios` order, one array of runs per scenario): the CLI's JSON text, or CSV.
#[cfg(feature = "simulate")]
#[wasm_bindgen(js_name = sweepMerge)]
pub fn sweep_merge(text: &str, parts: &str, csv: bool) -> Result<String, JsValue> {
    ops::sweep_merge(text, parts, csv).map_err(to_js_error)
}

/// An optional callback as the JS value [`with_progress`] checks (`undefined` when absent).
fn optional(on_progress: Option<js_sys::Function>) -> JsValue {
    on_progress.map_or(JsValue::UNDEFINED, JsValue::from)
}

thread_local! {
    /// The JS callback of the run in progress. The engine's progress function must be `Sync`,
    /// which a JS function is not; WebAssembly here is single-threaded, so the callback waits
    /// in this slot and the function handed to the engine captures nothing.
    static ON_PROGRESS: Cell<Option<js_sys::Function>> = const { Cell::new(None) };
    /// What the callback threw, to rethrow once the engine has stopped.
    static THROWN: Cell<Option<JsValue>> = const { Cell::new(None) };
}

/// Runs `f` with `on_progress` (a function, or `undefined`/`null` for none) as its progress
/// callback. Restores the previous callback afterwards, so a callback may start another run.
fn with_progress<T>(
    on_progress: &JsValue,
    f: impl FnOnce(crate::ops::ProgressFn<'_>) -> Result<T, Error>,
) -> Result<T, JsValue> {
    let callback = if on_progress.is_undefined() || on_progress.is_null() {
        None
    } else {
        match on_progress.dyn_ref::<js_sys::Function>() {
            Some(f) => Some(f.clone()),
            None => {
                return Err(to_js_error(Error::new(
                    ErrorCode::InvalidType,
                    "",
                    "onProgress must be a function (or undefined)",
                )))
            }
        }
    };
    let previous = ON_PROGRESS.with(|slot| slot.replace(callback));
    let previous_thrown = THROWN.with(|slot| slot.take());
    let result = f(&report_progress);
    ON_PROGRESS.with(|slot| slot.set(previous));
    let thrown = THROWN.with(|slot| slot.replace(previous_thrown));
    match (result, thrown) {
        (Ok(value), _) => Ok(value),
        (Err(_), Some(thrown)) => Err(thrown),
        (Err(err), None) => Err(to_js_error(err)),
    }
}

/// The engine's progress function: calls the callback in the slot. `false` or a throw cancels.
fn report_progress(progress: Progress) -> bool {
    let Some(callback) = ON_PROGRESS.with(|slot| {
        let f = slot.take();
        slot.set(f.clone());
        f
    }) else {
        return true;
    };
    let arg = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail. Counts stay below 2^53: the
    // engine caps viewer-runs far below it.
    let _ = js_sys::Reflect::set(&arg, &"done".into(), &(progress.done as f64).into());
    let _ = js_sys::Reflect::set(&arg, &"total".into(), &(progress.total as f64).into());
    match callback.call1(&JsValue::UNDEFINED, &arg) {
        Ok(answer) => answer.as_bool() != Some(false),
        Err(thrown) => {
            THROWN.with(|slot| slot.set(Some(thrown)));
            false
        }
    }
}

/// [`call`] with a progress callback.
fn call_with_progress(
    op: Operation,
    input: &JsValue,
    on_progress: &JsValue,
) -> Result<JsValue, JsValue> {
    let text = to_json_text(input).map_err(to_js_error)?;
    let answer = with_progress(on_progress, |report| ops::answer(op, &text, report, 1))?;
    to_js(&answer).map_err(to_js_error)
}

/// Runs `op` on a JS value: the value becomes JSON text, the answer a plain JS object.
fn call(op: Operation, input: &JsValue) -> Result<JsValue, JsValue> {
    let text = to_json_text(input).map_err(to_js_error)?;
    let answer = ops::answer(op, &text, &|_| true, 1).map_err(to_js_error)?;
    to_js(&answer).map_err(to_js_error)
}

/// `JSON.stringify(input)`. A value JSON has no text for (`undefined`, a function) is sent as
/// `null`, which the operation then rejects as "not an object" with its usual error.
fn to_json_text(input: &JsValue) -> Result<String, Error> {
    match js_sys::JSON::stringify(input) {
        Ok(text) => Ok(text.as_string().unwrap_or_else(|| "null".to_string())),
        Err(thrown) => {
            // A cycle or a BigInt: JSON cannot express the value.
            let why = thrown
                .dyn_ref::<js_sys::Error>()
                .and_then(|e| e.message().as_string())
                .unwrap_or_else(|| "JSON.stringify failed".to_string());
            Err(Error::new(
                ErrorCode::InvalidJson,
                "",
                format!("the input cannot be written as JSON: {why}"),
            ))
        }
    }
}

/// The one conversion of answers to JS: plain objects and arrays, `null` for null, never `Map`s.
/// Through JSON text and the browser's own `JSON.parse`, so each answer type is serialized by
/// one serializer only (the CLI's): a second one for JS objects cost the calculator's
/// WebAssembly 12 KB gzipped, and `JSON.parse` is fast.
fn to_js(value: &impl Serialize) -> Result<JsValue, Error> {
    // Indented, like `runJson`'s text, so that one writer serves both.
    let text = serde_json::to_string_pretty(value).map_err(|e| unwritable(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| unwritable("the answer's JSON did not parse"))
}

/// A real JS `Error` with the engine's message, carrying `code`, `path` and `details` (a plain
/// object, empty when the error has none).
fn to_js_error(err: Error) -> JsValue {
    let js = js_sys::Error::new(&err.message);
    js.set_name("GiftsimError");
    let details = serde_json::Value::Object(*err.details);
    let details = to_js(&details).unwrap_or_else(|_| js_sys::Object::new().into());
    // Setting a property on a fresh, unfrozen Error cannot fail.
    let _ = js_sys::Reflect::set(&js, &"code".into(), &err.code.as_str().into());
    let _ = js_sys::Reflect::set(&js, &"path".into(), &err.path.into());
    let _ = js_sys::Reflect::set(&js, &"details".into(), &details);
    js.into()
}

fn unknown_operation(name: &str) -> Error {
    let known: Vec<&str> = Operation::ALL.iter().map(|op| op.name()).collect();
    Error::new(
        ErrorCode::InvalidValue,
        "",
        format!(
            "there is no operation \"{name}\"; the operations are {}",
            known.join(", ")
        ),
    )
}

/// An answer JavaScript cannot hold exactly (a count beyond 2^53).
fn unwritable(why: &str) -> Error {
    Error::new(
        ErrorCode::Overflow,
        "",
        format!("the answer cannot be given to JavaScript exactly: {why}"),
    )
}
