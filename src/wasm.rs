//! The JS edge (wasm-bindgen): JS values in → `ops` → JS values out; nothing else.
//!
//! Each operation of the contract is one exported function taking and returning plain JS
//! objects, money as decimal strings, exactly the JSON the CLI prints. The input object goes
//! through `JSON.stringify` and [`ops::run`], so JS callers and the CLI share one parser, one
//! set of error paths and byte-identical answers. Failures are thrown as real JS `Error`s
//! (`name` `"GiftsimError"`) carrying the engine's `code` and `path`.
//!
//! The TypeScript types of every request and answer live in `wasm_types.d.ts`, generated from
//! `docs/schema/` by `scripts/wasm-types.mjs` (`make types`; `make test` checks it is current).

use crate::error::{Error, ErrorCode};
use crate::ops::{self, Operation};
use serde::Serialize;
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
}

/// The rate cards, gift catalogues and rounding rules the engine ships, each figure with its
/// source. Every card is in exactly the form `quote` and `compare` accept as `rate_card`.
#[wasm_bindgen(unchecked_return_type = "PresetsResponse")]
pub fn presets() -> Result<JsValue, JsValue> {
    let value = ops::run(Operation::Presets, "").map_err(to_js_error)?;
    to_js(&value).map_err(to_js_error)
}

operation!(quote => Quote, "QuoteRequest" -> "QuoteResponse",
    "One viewer's question on one rate card: `coins`, `gifts`, `spend` or `creator_cash`.");
operation!(compare => Compare, "CompareRequest" -> "CompareResponse",
    "The same spending on several platforms, side by side.");
operation!(plan => Plan, "PlanRequest" -> "PlanResponse",
    "Checks one person's dated spending plan against a rule set: a verdict per event.");
operation!(simulate => Simulate, "ScenarioInput" -> "SimulateResponse",
    "Population Monte Carlo: seeded, deterministic totals and percentiles over runs.");
operation!(sweep => Sweep, "SweepRequest" -> "SweepResponse",
    "`simulate` over a grid of parameter values, one row per grid point.");

/// Runs the operation named `op` on a JSON text and returns the answer as JSON text, formatted
/// exactly as the CLI prints it (without the final newline). Errors are thrown as by the other
/// functions.
#[wasm_bindgen(js_name = runJson)]
pub fn run_json(op: &str, text: &str) -> Result<String, JsValue> {
    let op = Operation::from_name(op).ok_or_else(|| to_js_error(unknown_operation(op)))?;
    let value = ops::run(op, text).map_err(to_js_error)?;
    serde_json::to_string_pretty(&value).map_err(|e| to_js_error(unwritable(&e.to_string())))
}

/// Runs `op` on a JS value: the value becomes JSON text, the answer a plain JS object.
fn call(op: Operation, input: &JsValue) -> Result<JsValue, JsValue> {
    let text = to_json_text(input).map_err(to_js_error)?;
    let value = ops::run(op, &text).map_err(to_js_error)?;
    to_js(&value).map_err(to_js_error)
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
fn to_js(value: &serde_json::Value) -> Result<JsValue, Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| unwritable(&e.to_string()))
}

/// A real JS `Error` with the engine's message, carrying `code` and `path`.
fn to_js_error(err: Error) -> JsValue {
    let js = js_sys::Error::new(&err.message);
    js.set_name("GiftsimError");
    // Setting a property on a fresh, unfrozen Error cannot fail.
    let _ = js_sys::Reflect::set(&js, &"code".into(), &err.code.as_str().into());
    let _ = js_sys::Reflect::set(&js, &"path".into(), &err.path.into());
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
