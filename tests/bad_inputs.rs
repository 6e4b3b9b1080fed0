//! The bad-input catalogue (`tests/bad-inputs/catalogue.json`): every malformed or hostile
//! document gives its documented error code and path, in the library and on the CLI, quickly
//! and without a panic. The WASM edge runs the same catalogue in `tests/e2e`.

use giftsim::ops::{self, Operation};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// The catalogue's cases as (name, op, document, code, path).
pub fn catalogue() -> Vec<(String, String, String, String, String)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/bad-inputs/catalogue.json"
    ))
    .unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or_default().to_string();
            let input = match c.get("generate") {
                Some(g) => expand(g),
                None => s("input"),
            };
            (s("name"), s("op"), input, s("code"), s("path"))
        })
        .collect()
}

/// Expands a generated case: `@` in the template becomes `fill` repeated (or `sequence` with
/// `#` numbered from 1), followed by `close` repeated.
fn expand(g: &Value) -> String {
    let repeat = g["repeat"].as_u64().unwrap() as usize;
    let body: String = match (g["fill"].as_str(), g["sequence"].as_str()) {
        (Some(fill), _) => fill.repeat(repeat),
        (None, Some(seq)) => (1..=repeat)
            .map(|i| seq.replace('#', &i.to_string()))
            .collect(),
        _ => String::new(),
    };
    let close = g["close"]
        .as_str()
        .map(|c| c.repeat(repeat))
        .unwrap_or_default();
    g["template"]
        .as_str()
        .unwrap()
        .replace('@', &(body + &close))
}

#[test]
fn the_catalogue_is_large_and_covers_every_operation() {
    let cases = catalogue();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    for op in ["quote", "compare", "plan", "simulate", "sweep"] {
        assert!(
            cases.iter().filter(|c| c.1 == op).count() >= 5,
            "too few {op} cases"
        );
    }
}

#[test]
fn every_bad_input_gives_its_documented_error_in_the_library() {
    for (name, op, input, code, path) in catalogue() {
        let op = Operation::from_name(&op).unwrap();
        let err = ops::run(op, &input).expect_err(&name);
        assert_eq!(
            (err.code.as_str(), err.path.as_str()),
            (code.as_str(), path.as_str()),
            "{name}: {err}"
        );
        assert!(
            !err.message.is_empty() && err.message.len() < 1000,
            "{name}: message of {} bytes",
            err.message.len()
        );
    }
}

#[test]
fn every_bad_input_exits_2_with_the_error_json_on_the_cli() {
    // `giftsim import` reads the export file itself, not a request document (tests/import.rs).
    for (name, op, input, code, path) in catalogue().into_iter().filter(|c| c.1 != "import") {
        let mut child = Command::new(env!("CARGO_BIN_EXE_giftsim"))
            .args([op.as_str(), "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name}");
        let v: Value =
            serde_json::from_str(stderr.trim()).unwrap_or_else(|e| panic!("{name}: {e}: {stderr}"));
        assert_eq!(
            (v["error"]["code"].as_str(), v["error"]["path"].as_str()),
            (Some(code.as_str()), Some(path.as_str())),
            "{name}"
        );
    }
}

/// Errors whose facts a page needs (a limit, the id not found, the currencies that clash) carry
/// them in `details`, so no caller parses the English message.
#[test]
fn errors_about_limits_and_ids_carry_their_facts_in_details() {
    const WITH_FACTS: [&str; 8] = [
        "too_large",
        "out_of_range",
        "unknown_gift",
        "unknown_preset",
        "unknown_currency",
        "unknown_field",
        "currency_mismatch",
        "duplicate",
    ];
    let mut bare = Vec::new();
    for (name, op, input, code, _) in catalogue() {
        if !WITH_FACTS.contains(&code.as_str()) {
            continue;
        }
        let err = ops::run(Operation::from_name(&op).unwrap(), &input).unwrap_err();
        if err.details.is_empty() {
            bare.push(format!("{name} ({code} at {}): {}", err.path, err.message));
        }
    }
    assert!(
        bare.is_empty(),
        "errors without details:\n{}",
        bare.join("\n")
    );
}
