//! `optimize` end to end: the coarse-to-fine search against brute force, constraints honoured,
//! the least-violating point flagged, determinism, cancelling, and coded errors.

use giftsim::error::ErrorCode;
use giftsim::ops::{self, Operation, Progress};
use serde_json::{json, Value};
use std::time::Instant;

/// The price-demand example's scenario, made small.
fn small_scenario() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/sweep-price-demand.json"
    ))
    .unwrap();
    let mut s: Value = serde_json::from_str::<Value>(&text).unwrap()["base"].clone();
    s["viewers"] = json!(6000);
    s["runs"] = json!(3);
    s["days"] = json!(14);
    s["warm_up_days"] = json!(0);
    s
}

fn request(max_evaluations: u32, constraints: Value) -> Value {
    json!({
        "scenario": small_scenario(),
        "variables": [
            {"parameter": "price_multiplier:tiktok-ios", "min": "0.6", "max": "1.5", "step": "0.05"},
            {"parameter": "price_multiplier:tiktok-android", "min": "0.6", "max": "1.5", "step": "0.05"}
        ],
        "objective": {"metric": "platform_margin"},
        "constraints": constraints,
        "max_evaluations": max_evaluations
    })
}

fn optimize(req: &Value, threads: usize) -> Value {
    let answer = ops::answer(Operation::Optimize, &req.to_string(), &|_| true, threads).unwrap();
    serde_json::from_str(&answer.to_text(true).unwrap()).unwrap()
}

fn error(req: &Value) -> giftsim::error::Error {
    ops::answer(Operation::Optimize, &req.to_string(), &|_| true, 1).unwrap_err()
}

fn number(v: &Value) -> f64 {
    v.as_str().unwrap().parse().unwrap()
}

/// The index of `value` among the variable's values.
fn position(answer: &Value, variable: usize, value: &Value) -> i64 {
    answer["variables"][variable]["values"]
        .as_array()
        .unwrap()
        .iter()
        .position(|v| v == value)
        .unwrap() as i64
}

#[test]
fn the_search_finds_what_brute_force_finds_within_one_step() {
    let full = optimize(&request(2_000, json!([])), 2);
    assert_eq!(full["exhaustive"], true);
    assert_eq!(full["points"].as_array().unwrap().len(), 19 * 19);
    let best_objective = full["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| number(&p["objective"]))
        .fold(f64::MIN, f64::max);
    assert_eq!(number(&full["best"]["objective"]["mean"]), best_objective);

    let quick = optimize(&request(60, json!([])), 2);
    assert_eq!(quick["exhaustive"], false);
    assert!(quick["evaluations"].as_u64().unwrap() <= 60);
    for (i, name) in [
        "price_multiplier:tiktok-android",
        "price_multiplier:tiktok-ios",
    ]
    .iter()
    .enumerate()
    {
        let var = usize::from(full["variables"][0]["parameter"] != *name);
        let a = position(&full, var, &full["best"]["values"][name]);
        let b = position(&quick, var, &quick["best"]["values"][name]);
        assert!((a - b).abs() <= 1, "{i}: brute force {a}, search {b}");
    }
    let gap = (best_objective - number(&quick["best"]["objective"]["mean"])) / best_objective;
    assert!(gap < 0.01, "the search is {gap} short of brute force");
}

#[test]
fn no_answer_breaks_a_constraint_it_reports_as_met() {
    let constraints = json!([
        {"metric": "payer_share", "at_least": "0.045"},
        {"metric": "viewer_spend", "age_group": "13-to-15", "at_most": "1500.00"}
    ]);
    let answer = optimize(&request(60, constraints.clone()), 1);
    assert_eq!(answer["feasible"], true, "{}", answer["warning"]);
    for p in answer["points"].as_array().unwrap() {
        if p["feasible"] == true {
            assert!(p["objective"].is_string());
        }
    }
    for point in std::iter::once(&answer["best"]).chain(answer["runners_up"].as_array().unwrap()) {
        for c in point["constraints"].as_array().unwrap() {
            assert_eq!(c["met"], point["feasible"] == true || c["met"] == true);
            assert_eq!(c["met"], number(&c["slack"]) >= 0.0, "{c}");
        }
    }
    // Simulating the best scenario again gives the figures the constraints were checked on.
    let sim = ops::answer(
        Operation::Simulate,
        &answer["scenario"].to_string(),
        &|_| true,
        1,
    )
    .unwrap()
    .to_text(true)
    .unwrap();
    let sim: Value = serde_json::from_str(&sim).unwrap();
    let payer_share = sim["totals"]["ratios"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["metric"] == "payer_share")
        .unwrap();
    assert!(number(&payer_share["mean"]) >= 0.045);
    assert_eq!(
        answer["best"]["constraints"][0]["value"],
        payer_share["mean"].as_str().unwrap().trim_end_matches('0')
    );
}

#[test]
fn contradictory_constraints_give_the_least_violating_point_flagged() {
    let constraints = json!([
        {"metric": "payer_share", "at_least": "0.9"},
        {"metric": "payer_share", "at_most": "0.01"}
    ]);
    let answer = optimize(&request(40, constraints), 1);
    assert_eq!(answer["feasible"], false);
    assert_eq!(answer["best"]["feasible"], false);
    let warning = answer["warning"].as_str().unwrap();
    assert!(warning.contains("least violating"), "{warning}");
    assert!(answer["best"]["objective"]["mean"].is_string());
}

#[test]
fn the_same_request_gives_the_same_answer_on_any_number_of_threads() {
    let req = request(25, json!([{"metric": "payer_share", "at_least": "0.03"}]));
    let one = ops::answer(Operation::Optimize, &req.to_string(), &|_| true, 1)
        .unwrap()
        .to_text(false)
        .unwrap();
    let two = ops::answer(Operation::Optimize, &req.to_string(), &|_| true, 2)
        .unwrap()
        .to_text(false)
        .unwrap();
    assert_eq!(one, two);
}

#[test]
fn cancelling_stops_within_a_second() {
    let mut req = request(2_000, json!([]));
    req["scenario"]["viewers"] = json!(200_000);
    req["scenario"]["runs"] = json!(20);
    let started = Instant::now();
    let calls = std::sync::atomic::AtomicU32::new(0);
    let cancel = |_: Progress| calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < 2;
    let err = ops::answer(Operation::Optimize, &req.to_string(), &cancel, 1).unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert!(
        started.elapsed().as_secs_f64() < 1.0,
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn bad_requests_get_coded_errors_at_their_fields() {
    let with = |f: &dyn Fn(&mut Value)| {
        let mut r = request(10, json!([]));
        f(&mut r);
        error(&r)
    };
    let cases: Vec<(giftsim::error::Error, ErrorCode, &str)> = vec![
        (
            with(&|r| r["variables"][0]["parameter"] = json!("price")),
            ErrorCode::InvalidValue,
            "variables[0].parameter",
        ),
        (
            with(&|r| r["variables"][0]["parameter"] = json!("price_multiplier:roblox")),
            ErrorCode::InvalidValue,
            "variables[0].parameter",
        ),
        (
            with(&|r| r["variables"][0]["max"] = json!("0.5")),
            ErrorCode::OutOfRange,
            "variables[0].max",
        ),
        (
            with(&|r| r["variables"][0]["step"] = json!("0")),
            ErrorCode::OutOfRange,
            "variables[0].step",
        ),
        (
            with(&|r| r["variables"][1]["parameter"] = json!("price_multiplier:tiktok-ios")),
            ErrorCode::Duplicate,
            "variables[1].parameter",
        ),
        (
            with(
                &|r| r["variables"] = json!([{"parameter": "bundle:tiktok-ios/330/price", "values": ["4.99", "5.05"], "price_points": "apple-us"}]),
            ),
            ErrorCode::InvalidValue,
            "variables[0].values[1]",
        ),
        (
            with(
                &|r| r["variables"] = json!([{"parameter": "bundle:tiktok-ios/331/price", "min": "4.99", "max": "5.99", "price_points": "apple-us"}]),
            ),
            ErrorCode::InvalidValue,
            "variables[0].parameter",
        ),
        (
            with(
                &|r| r["variables"] = json!([{"parameter": "price_multiplier", "min": "1", "max": "2", "price_points": "apple-us"}]),
            ),
            ErrorCode::ConflictingFields,
            "variables[0].price_points",
        ),
        (
            with(
                &|r| r["variables"] = json!([{"parameter": "bundle:tiktok-ios/330/price", "min": "5.01", "max": "5.05", "price_points": "apple-us"}]),
            ),
            ErrorCode::OutOfRange,
            "variables[0].max",
        ),
        (
            with(&|r| r["objective"] = json!({"metric": "payer_share"})),
            ErrorCode::InvalidValue,
            "objective.metric",
        ),
        (
            with(&|r| r["objective"] = json!({})),
            ErrorCode::MissingField,
            "objective.metric",
        ),
        (
            with(&|r| {
                r["constraints"] = json!([{"metric": "payers", "at_most": "1", "at_least": "0"}])
            }),
            ErrorCode::ConflictingFields,
            "constraints[0].at_most",
        ),
        (
            with(&|r| {
                r["constraints"] =
                    json!([{"metric": "creator_payouts", "age_group": "13-to-15", "at_least": "1"}])
            }),
            ErrorCode::InvalidValue,
            "constraints[0].metric",
        ),
        (
            with(&|r| {
                r["constraints"] =
                    json!([{"metric": "payers", "segment": "krakens", "at_least": "1"}])
            }),
            ErrorCode::InvalidValue,
            "constraints[0].segment",
        ),
        (
            with(&|r| r["constraints"] = json!([{"reachable_gifts": ["loin"]}])),
            ErrorCode::UnknownGift,
            "constraints[0].reachable_gifts[0]",
        ),
        (
            with(&|r| r["constraints"] = json!([{"price_per_coin": "rises"}])),
            ErrorCode::InvalidValue,
            "constraints[0].price_per_coin",
        ),
        (
            with(&|r| r["max_evaluations"] = json!(0)),
            ErrorCode::OutOfRange,
            "max_evaluations",
        ),
        (
            with(&|r| r["variables"] = json!([])),
            ErrorCode::OutOfRange,
            "variables",
        ),
    ];
    for (i, (err, code, path)) in cases.iter().enumerate() {
        assert_eq!(
            (err.code, err.path.as_str()),
            (*code, *path),
            "case {i}: {}",
            err.message
        );
        assert!(!err.message.is_empty());
    }
}

#[test]
fn price_points_and_card_constraints_shape_the_answer() {
    let mut req = request(
        30,
        json!([
            {"price_per_coin": "falls", "rate_card": "tiktok-web"},
            {"reachable_gifts": ["lion"], "rate_card": "tiktok-ios"}
        ]),
    );
    req["variables"] = json!([
        {"parameter": "bundle:tiktok-ios/16500/price", "min": "199.99", "max": "299.99", "price_points": "apple-us"},
        {"parameter": "bundle:tiktok-web/7000/price", "min": "70.00", "max": "80.00", "step": "1.00"}
    ]);
    let answer = optimize(&req, 1);
    let apple = &answer["variables"][0];
    assert_eq!(apple["price_points"]["id"], "apple-us");
    assert!(apple["values"]
        .as_array()
        .unwrap()
        .iter()
        .all(|v| v.as_str().unwrap().ends_with(".99")));
    // On the web card every bundle costs the same per coin: the 7,000-coin bundle may cost no
    // more per coin than the 3,500 and no less than the 17,500, so 74.00 is the only price left.
    assert_eq!(answer["feasible"], true);
    for p in answer["points"].as_array().unwrap() {
        let web = number(&p["values"][1]);
        assert_eq!(
            p["feasible"] == true,
            web == 74.0 && p["objective"].is_string(),
            "{p}"
        );
    }
    assert_eq!(
        answer["best"]["values"]["bundle:tiktok-web/7000/price"],
        "74.00"
    );
}

#[test]
fn a_search_whose_cards_never_hold_still_ends_and_flags_the_least_violating_point() {
    // No price of the 7,000-coin web bundle on this lattice keeps the ladder falling per coin,
    // so no point is simulated: the search must still end, at a bounded number of points.
    let mut req = request(
        5,
        json!([{"price_per_coin": "falls", "rate_card": "tiktok-web"}]),
    );
    req["variables"] = json!([
        {"parameter": "bundle:tiktok-web/7000/price", "min": "60.01", "max": "90.01", "step": "0.02"},
        {"parameter": "bundle:tiktok-web/3500/price", "min": "30.01", "max": "45.01", "step": "0.02"}
    ]);
    let answer = optimize(&req, 1);
    assert_eq!(answer["feasible"], false);
    assert!(answer["warning"].is_string());
    assert!(answer["points"].as_array().unwrap().len() <= 5 * 20);
    assert!(answer["best"]["objective"]["mean"].is_string());
}
