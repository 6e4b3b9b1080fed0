//! The JSON contract: every `examples/OP-*.json` runs as a golden test, every input and output
//! validates against the JSON Schemas in `docs/schema/`, and those schemas match the Rust types.
//!
//! `UPDATE_GOLDEN=1 cargo test --test contract` rewrites the expected files after a deliberate
//! change; review the diff before committing it.

// Tests may sort with the standard library; clippy.toml keeps it out of the crate.
#![allow(clippy::disallowed_methods)]

use giftsim::ops::{self, Direction, Operation};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

/// Compares `actual` with the file at `path`, or writes it when updating.
fn golden(path: &Path, actual: &str) {
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run UPDATE_GOLDEN=1 cargo test --test contract",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs from the engine's output; if the change is intended, run UPDATE_GOLDEN=1 cargo test --test contract\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap() + "\n"
}

fn schema_name(op: Operation, d: Direction) -> String {
    let side = match d {
        Direction::Input => "input",
        Direction::Output => "output",
    };
    format!("{}.{side}.json", op.name())
}

fn validate(schema: &Value, doc: &Value, what: &str) {
    let validator = jsonschema::validator_for(schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}",
        errors.join("\n")
    );
}

#[test]
fn schemas_in_docs_match_the_rust_types() {
    let dir = root().join("docs/schema");
    for op in Operation::ALL {
        for d in [Direction::Input, Direction::Output] {
            golden(&dir.join(schema_name(op, d)), &pretty(&ops::schema(op, d)));
        }
    }
    golden(&dir.join("error.json"), &pretty(&ops::error_schema()));
}

#[test]
fn every_example_matches_its_golden_output_and_the_schemas() {
    let mut seen = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let op_name = name.split('-').next().unwrap();
        let Some(op) = Operation::from_name(op_name) else {
            // Other operations' examples belong to their own tests.
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let input: Value = serde_json::from_str(&text).unwrap();
        validate(&ops::schema(op, Direction::Input), &input, &name);
        let output = ops::run(op, &text).unwrap_or_else(|e| panic!("{name}: {e}"));
        validate(
            &ops::schema(op, Direction::Output),
            &output,
            &format!("output of {name}"),
        );
        golden(&root().join("tests/golden").join(&name), &pretty(&output));
        seen += 1;
    }
    assert!(seen >= 8, "only {seen} examples ran");
}

#[test]
fn presets_output_matches_golden_and_schema() {
    let output = ops::run(Operation::Presets, "").unwrap();
    validate(
        &ops::schema(Operation::Presets, Direction::Output),
        &output,
        "presets",
    );
    golden(&root().join("tests/golden/presets.json"), &pretty(&output));
}

#[test]
fn every_shipped_rate_card_round_trips_through_quote() {
    // A preset, printed by `presets`, is a valid rate card object for `quote`.
    let presets = ops::run(Operation::Presets, "").unwrap();
    for card in presets["rate_cards"].as_array().unwrap() {
        let id = card["id"].as_str().unwrap();
        let by_object =
            serde_json::json!({"rate_card": card, "coins": 1234, "compare_channels": false});
        let by_id = serde_json::json!({"rate_card": id, "coins": 1234, "compare_channels": false});
        let a = ops::run(Operation::Quote, &by_object.to_string()).unwrap();
        let b = ops::run(Operation::Quote, &by_id.to_string()).unwrap();
        assert_eq!(a, b, "{id}");
    }
}

#[test]
fn errors_match_the_error_schema() {
    let schema = ops::error_schema();
    for (op, input) in [
        (Operation::Quote, "not json"),
        (
            Operation::Quote,
            r#"{"rate_card": "tiktok-web", "coins": -1}"#,
        ),
        (Operation::Compare, r#"{"spend": "abc"}"#),
        (Operation::Presets, "[1]"),
    ] {
        let err = ops::run(op, input).unwrap_err();
        validate(&schema, &err.to_json(), input);
    }
}

#[test]
fn the_model_lists_the_rounding_points_of_the_code() {
    let path = root().join("docs/model.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let begin = "<!-- rounding points: generated from RoundingPoint::ALL; `UPDATE_GOLDEN=1 cargo test --test contract` rewrites it -->\n";
    let end = "<!-- end of rounding points -->";
    let (Some(a), Some(b)) = (text.find(begin), text.find(end)) else {
        panic!("docs/model.md lost its rounding-points markers");
    };
    let mut table = String::from("| point | what is rounded | to | how |\n|---|---|---|---|\n");
    for rule in ops::presets().rounding {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.point, rule.applies_to, rule.to, rule.mode
        ));
    }
    let expected = format!("{}{begin}{table}{}", &text[..a], &text[b..]);
    if updating() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    assert!(
        expected == text,
        "docs/model.md's rounding table differs from RoundingPoint::ALL; run UPDATE_GOLDEN=1 cargo test --test contract"
    );
}
