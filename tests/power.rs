//! `power` end to end: what more users and more days buy, the days an effect needs, the
//! sample-ratio check, determinism, cancelling and coded errors. (The agreement with the
//! closed form for normally distributed revenue is tested beside the code, in
//! `simulate::power`.)

use giftsim::error::ErrorCode;
use giftsim::ops::{self, Operation, Progress};
use serde_json::{json, Value};
use std::time::Instant;

fn scenario() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/sweep-price-demand.json"
    ))
    .unwrap();
    let mut s = serde_json::from_str::<Value>(&text).unwrap()["base"].clone();
    s["viewers"] = json!(20_000);
    s["warm_up_days"] = json!(0);
    s
}

fn power(req: &Value) -> Value {
    let text = ops::answer(Operation::Power, &req.to_string(), &|_| true, 2)
        .unwrap()
        .to_text(true)
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn metric<'a>(answer: &'a Value, name: &str) -> &'a Value {
    answer["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["metric"] == name)
        .unwrap()
}

fn number(v: &Value) -> f64 {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn four_times_the_users_halve_the_detectable_effect_and_more_days_shrink_it() {
    let small = power(
        &json!({"scenario": scenario(), "users_per_arm": 50_000, "days": 28, "max_days": 28, "replicates": 1000}),
    );
    let large = power(
        &json!({"scenario": scenario(), "users_per_arm": 200_000, "days": 28, "max_days": 28, "replicates": 1000}),
    );
    for m in ["arpu", "payer_share", "arppu"] {
        let ratio = number(&metric(&large, m)["mde_rise"]) / number(&metric(&small, m)["mde_rise"]);
        assert!((0.4..0.6).contains(&ratio), "{m}: {ratio}");
    }
    let rows = small["durations"].as_array().unwrap();
    assert_eq!(
        rows.iter()
            .map(|r| r["days"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        vec![7, 14, 21, 28]
    );
    let conversion: Vec<f64> = rows
        .iter()
        .map(|r| number(&r["mde_rise"]["payer_share"]))
        .collect();
    assert!(conversion.windows(2).all(|w| w[1] < w[0]), "{conversion:?}");
    // Heavy tails: the simulated answer is not the normal approximation's.
    let arpu = metric(&small, "arpu");
    assert!(arpu["closed_form"].is_string() && arpu["mde_rise"] != arpu["closed_form"]);
}

#[test]
fn the_days_needed_are_the_first_week_that_detects_the_effect() {
    let answer = power(
        &json!({"scenario": scenario(), "users_per_arm": 400_000, "days": 14, "effect": "0.06", "max_days": 56, "replicates": 500}),
    );
    let conversion = metric(&answer, "payer_share");
    let needed = conversion["days_needed"]
        .as_u64()
        .expect("6 % conversion is detectable within 8 weeks");
    for row in answer["durations"].as_array().unwrap() {
        let mde = number(&row["mde_rise"]["payer_share"]);
        let days = row["days"].as_u64().unwrap();
        assert_eq!(days >= needed, mde <= 0.06, "day {days}: {mde}");
    }
    let power_at = number(&conversion["power_at_effect"]);
    assert!((0.0..=1.0).contains(&power_at));
    assert!(conversion["summary"].as_str().unwrap().contains("days"));
}

#[test]
fn a_change_is_simulated_for_its_effect_and_a_lopsided_split_is_flagged() {
    let answer = power(&json!({
        "scenario": scenario(), "users_per_arm": 100_000, "days": 21, "max_days": 21,
        "change": {"price_multiplier": "1.5"}, "replicates": 300,
        "observed": {"control": 100_000, "treatment": 101_600}
    }));
    for m in ["arpu", "payer_share", "arppu"] {
        assert!(metric(&answer, m)["effect"].is_string(), "{m}");
    }
    assert!(
        number(&metric(&answer, "payer_share")["effect"]) < 0.0,
        "dearer coins, fewer payers"
    );
    assert_eq!(answer["sample_ratio"]["mismatch"], true);
    assert_eq!(answer["peeking"]["looks"], 3);
    let bounds = answer["peeking"]["boundaries"].as_array().unwrap();
    assert_eq!(bounds.last().unwrap()["day"], 21);
}

#[test]
fn the_same_request_gives_the_same_answer_on_any_number_of_threads() {
    let req = json!({"scenario": scenario(), "users_per_arm": 10_000, "days": 7, "max_days": 14, "effect": "-0.1", "replicates": 200});
    let one = ops::answer(Operation::Power, &req.to_string(), &|_| true, 1)
        .unwrap()
        .to_text(false)
        .unwrap();
    let two = ops::answer(Operation::Power, &req.to_string(), &|_| true, 2)
        .unwrap()
        .to_text(false)
        .unwrap();
    assert_eq!(one, two);
}

#[test]
fn cancelling_stops_within_a_second() {
    let mut s = scenario();
    s["viewers"] = json!(2_000_000);
    let req = json!({"scenario": s, "users_per_arm": 10_000, "days": 56, "max_days": 56, "change": {"price_multiplier": "1.1"}});
    let started = Instant::now();
    let err = ops::answer(
        Operation::Power,
        &req.to_string(),
        &|p: Progress| p.done == 0,
        1,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert!(
        started.elapsed().as_secs_f64() < 1.0,
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn bad_requests_get_coded_errors_at_their_fields() {
    let base = json!({"scenario": scenario(), "users_per_arm": 1000, "days": 7});
    let with = |f: &dyn Fn(&mut Value)| {
        let mut r = base.clone();
        f(&mut r);
        ops::answer(Operation::Power, &r.to_string(), &|_| true, 1).unwrap_err()
    };
    let cases = [
        (
            with(&|r| {
                r["effect"] = json!("0.05");
                r["change"] = json!({"price_multiplier": "1.1"});
            }),
            ErrorCode::ConflictingFields,
            "effect",
        ),
        (
            with(&|r| r["effect"] = json!("0")),
            ErrorCode::OutOfRange,
            "effect",
        ),
        (
            with(&|r| r["days"] = json!(90)),
            ErrorCode::OutOfRange,
            "days",
        ),
        (
            with(&|r| r["users_per_arm"] = json!(1)),
            ErrorCode::OutOfRange,
            "users_per_arm",
        ),
        (
            with(&|r| r["alpha"] = json!("0.9")),
            ErrorCode::OutOfRange,
            "alpha",
        ),
        (
            with(&|r| r["change"] = json!({"price": "1.1"})),
            ErrorCode::InvalidValue,
            "change.price",
        ),
        (
            with(&|r| r["observed"] = json!({"control": 0, "treatment": 5})),
            ErrorCode::OutOfRange,
            "observed",
        ),
        (
            with(&|r| r["looks"] = json!(9)),
            ErrorCode::OutOfRange,
            "looks",
        ),
    ];
    for (i, (err, code, path)) in cases.iter().enumerate() {
        assert_eq!(
            (err.code, err.path.as_str()),
            (*code, *path),
            "case {i}: {}",
            err.message
        );
    }
}
