//! Uncertain parameters: drawn once per run within their distribution, the same draws for the
//! same run of a sweep's base and points, and coded errors.

use giftsim::error::ErrorCode;
use giftsim::ops::{self, Operation};
use serde_json::{json, Value};

fn scenario(uncertain: Value) -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/sweep-price-demand.json"
    ))
    .unwrap();
    let mut s = serde_json::from_str::<Value>(&text).unwrap()["base"].clone();
    s["viewers"] = json!(5_000);
    s["runs"] = json!(8);
    s["warm_up_days"] = json!(0);
    s["uncertain"] = uncertain;
    s
}

fn run(op: Operation, input: &Value, threads: usize) -> giftsim::error::Result<Value> {
    let text = ops::answer(op, &input.to_string(), &|_| true, threads)?.to_text(true)?;
    Ok(serde_json::from_str(&text).unwrap())
}

#[test]
fn each_run_draws_its_own_values_within_the_distribution() {
    let s = scenario(json!([
        {"parameter": "elasticity", "distribution": "normal", "mean": "-0.5", "sd": "0.2", "min": "-0.9", "max": "-0.1"},
        {"parameter": "segment:whales/share", "distribution": "uniform", "min": "0.001", "max": "0.003"},
        {"parameter": "price_multiplier:tiktok-ios", "distribution": "uniform", "min": "0.9", "max": "1.1"}
    ]));
    let answer = run(Operation::Simulate, &s, 2).unwrap();
    let runs = answer["runs"].as_array().unwrap();
    let values = |name: &str| -> Vec<f64> {
        runs.iter()
            .map(|r| r["inputs"][name].as_str().unwrap().parse().unwrap())
            .collect()
    };
    let elasticity = values("elasticity");
    assert!(
        elasticity.iter().all(|e| (-0.9..=-0.1).contains(e)),
        "{elasticity:?}"
    );
    assert!(elasticity.windows(2).any(|w| w[0] != w[1]));
    assert!(values("segment:whales/share")
        .iter()
        .all(|v| (0.001..=0.003).contains(v)));
    assert!(values("price_multiplier:tiktok-ios")
        .iter()
        .all(|v| (0.9..=1.1).contains(v)));
    // Byte for byte the same on one thread.
    assert_eq!(answer, run(Operation::Simulate, &s, 1).unwrap());
}

#[test]
fn a_sweeps_base_and_points_draw_the_same_values_run_by_run() {
    let s = scenario(
        json!([{"parameter": "elasticity", "distribution": "normal", "mean": "-0.5", "sd": "0.1"}]),
    );
    let base = run(Operation::Simulate, &s, 1).unwrap();
    let mut point = s.clone();
    point["price_multiplier"] = json!("1.2");
    let point = run(Operation::Simulate, &point, 1).unwrap();
    for (a, b) in base["runs"]
        .as_array()
        .unwrap()
        .iter()
        .zip(point["runs"].as_array().unwrap())
    {
        assert_eq!(a["inputs"], b["inputs"]);
    }
}

#[test]
fn bad_distributions_get_coded_errors() {
    let cases = [
        (
            json!([{"parameter": "elasticity", "distribution": "normal", "mean": "-0.5"}]),
            ErrorCode::MissingField,
            "uncertain[0].sd",
        ),
        (
            json!([{"parameter": "elasticity", "distribution": "uniform", "min": "-0.5"}]),
            ErrorCode::MissingField,
            "uncertain[0].max",
        ),
        (
            json!([{"parameter": "elastic", "distribution": "uniform", "min": "0", "max": "1"}]),
            ErrorCode::InvalidValue,
            "uncertain[0].parameter",
        ),
        (
            json!([{"parameter": "elasticity", "distribution": "uniform", "min": "1", "max": "0"}]),
            ErrorCode::OutOfRange,
            "uncertain[0].max",
        ),
        (
            json!([{"parameter": "elasticity", "distribution": "uniform", "min": "-20", "max": "0"}]),
            ErrorCode::OutOfRange,
            "uncertain[0].min",
        ),
    ];
    for (i, (uncertain, code, path)) in cases.into_iter().enumerate() {
        let err = run(Operation::Simulate, &scenario(uncertain), 1).unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            (code, path),
            "case {i}: {}",
            err.message
        );
    }
}
