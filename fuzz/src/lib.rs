//! What every JSON fuzz target checks: any bytes, as one operation's input, give an answer or
//! an error, never a panic, a hang or an answer whose flow does not reconcile.

use giftsim::ops::{self, Operation};
use serde_json::Value;

/// Simulations beyond this many viewer-days are valid but too slow for fuzzing.
const MAX_FUZZ_WORK: u64 = 200_000;

/// Whether a simulate or sweep document would take too long to be worth fuzzing.
fn too_slow(doc: &Value) -> bool {
    let scenario = doc.get("base").unwrap_or(doc);
    let n = |k: &str| scenario.get(k).and_then(Value::as_u64).unwrap_or(1).max(1);
    let points = doc.get("grid").and_then(Value::as_array).map_or(1, |axes| {
        axes.iter()
            .map(|a| {
                a.get("values")
                    .and_then(Value::as_array)
                    .map_or(1, |v| v.len().max(1) as u64)
            })
            .product::<u64>()
    }) + doc
        .get("variants")
        .and_then(Value::as_array)
        .map_or(0, |v| v.len() as u64);
    n("viewers")
        .saturating_mul(n("days"))
        .saturating_mul(n("runs"))
        .saturating_mul(points + 1)
        > MAX_FUZZ_WORK
}

/// Runs `data` as the input of `op` and checks the answer.
pub fn check(op: Operation, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if matches!(op, Operation::Simulate | Operation::Sweep) {
        if let Ok(doc) = serde_json::from_str::<Value>(&text) {
            if too_slow(&doc) {
                return;
            }
        }
    }
    check_text(op, &text);
}

/// Runs `text` as the input of `op`: an answer that reconciles, or an error that says why
/// (tests/fuzz_regressions.rs runs every case fuzzing found through this).
pub fn check_text(op: Operation, text: &str) {
    match ops::run(op, text) {
        Ok(answer) => assert_reconciles(&answer),
        Err(e) => assert!(!e.message.is_empty()),
    }
}

/// Every flow in an answer adds up to what the viewer paid, to the minor unit.
pub fn assert_reconciles(answer: &Value) {
    let (Some(flow), Some(pays)) = (answer.get("flow"), answer.pointer("/purchase/viewer_pays"))
    else {
        return;
    };
    let minor = |v: &Value| -> i128 {
        v.as_str()
            .unwrap()
            .replace('.', "")
            .parse::<i128>()
            .unwrap()
    };
    let sum: i128 = flow
        .as_array()
        .unwrap()
        .iter()
        .map(|e| minor(&e["amount"]))
        .sum();
    assert_eq!(
        sum,
        minor(pays),
        "the flow does not add up to viewer_pays: {flow}"
    );
}
