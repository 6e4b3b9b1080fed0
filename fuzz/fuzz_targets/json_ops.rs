//! Any bytes, as the input of any operation (the first byte picks it): an answer or an error,
//! never a panic, a hang or an answer that does not reconcile.
#![no_main]

use giftsim::ops::{self, Operation};
use libfuzzer_sys::fuzz_target;

/// Simulations beyond this many viewer-days are valid but too slow for fuzzing.
const MAX_FUZZ_WORK: u64 = 200_000;

fn too_slow(doc: &serde_json::Value) -> bool {
    let scenario = doc.get("base").unwrap_or(doc);
    let n = |k: &str| scenario.get(k).and_then(|v| v.as_u64()).unwrap_or(1).max(1);
    let points = doc.get("grid").and_then(|g| g.as_array()).map_or(1, |axes| {
        axes.iter().map(|a| a.get("values").and_then(|v| v.as_array()).map_or(1, |v| v.len().max(1) as u64)).product::<u64>()
    }) + doc.get("variants").and_then(|v| v.as_array()).map_or(0, |v| v.len() as u64);
    n("viewers").saturating_mul(n("days")).saturating_mul(n("runs")).saturating_mul(points + 1) > MAX_FUZZ_WORK
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let op = Operation::ALL[pick as usize % Operation::ALL.len()];
    let text = String::from_utf8_lossy(rest);
    if matches!(op, Operation::Simulate | Operation::Sweep) {
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(doc) if too_slow(&doc) => return,
            _ => {}
        }
    }
    match ops::run(op, &text) {
        Ok(answer) => {
            // Every flow in an answer adds up to what the viewer paid.
            if let (Some(flow), Some(pays)) = (answer.get("flow"), answer.pointer("/purchase/viewer_pays")) {
                let cents = |v: &serde_json::Value| -> i128 {
                    v.as_str().unwrap().replace('.', "").parse::<i128>().unwrap()
                };
                let sum: i128 = flow.as_array().unwrap().iter().map(|e| cents(&e["amount"])).sum();
                assert_eq!(sum, cents(pays));
            }
        }
        Err(e) => {
            assert!(!e.message.is_empty());
        }
    }
});
