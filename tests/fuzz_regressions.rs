//! Every failure fuzzing found (`fuzz/`, `scripts/fuzz.sh`), kept as a case in
//! `tests/fuzz-regressions/*.json`: `{ "found", "why", "cases": [{ "op", "input" }] }`. Each
//! case must answer (or fail with a clear error) without a panic, quickly, and every flow in
//! an answer must add up to what the viewer paid.

// Tests may sort with the standard library; clippy.toml keeps it out of the crate.
#![allow(clippy::disallowed_methods)]

use giftsim::ops::Operation;
use serde_json::Value;
use std::time::{Duration, Instant};

/// The fuzz targets' own checks (the fuzz crate is outside this workspace; `check`, with its
/// skip of slow simulations, is theirs alone).
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod fuzz_checks;

#[test]
fn every_case_fuzzing_found_stays_fixed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let op = Operation::from_name(case["op"].as_str().unwrap()).unwrap();
            let started = Instant::now();
            eprintln!("{}: {}", file.display(), case["op"]);
            fuzz_checks::check_text(op, &case["input"].to_string());
            // A hang guard, not a benchmark: these took seconds before their fix.
            assert!(
                started.elapsed() < Duration::from_secs(2),
                "{} took {:?}",
                file.display(),
                started.elapsed()
            );
        }
    }
}
