//! A sample standing for a larger population (`represents`): totals scaled exactly, shares and
//! per-payer figures unchanged, every run still reconciled to the cent, the sample's error
//! stated, and the limits coded.

use giftsim::error::ErrorCode;
use giftsim::ops::{self, Operation};
use serde_json::{json, Value};

fn scenario() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/simulate-tiktok-us-teens.json"
    ))
    .unwrap();
    let mut s: Value = serde_json::from_str(&text).unwrap();
    s["viewers"] = json!(20_000);
    s["runs"] = json!(4);
    s
}

fn simulate(s: &Value) -> giftsim::error::Result<Value> {
    let text = ops::answer(Operation::Simulate, &s.to_string(), &|_| true, 1)?.to_text(true)?;
    Ok(serde_json::from_str(&text).unwrap())
}

fn cents(v: &Value) -> i128 {
    let t = v.as_str().unwrap();
    let (units, frac) = t.split_once('.').unwrap();
    let sign = if units.starts_with('-') { -1 } else { 1 };
    units.parse::<i128>().unwrap() * 100 + sign * frac.parse::<i128>().unwrap()
}

/// A run's money splits exactly into where it went, creators' pay into withdrawn and not, and
/// coins bought into gifted and unspent.
fn assert_reconciled(run: &Value) {
    let parts: i128 = [
        "tax",
        "store_fees",
        "payment_fees",
        "creator_payouts",
        "agency",
        "platform_margin",
        "unspent_coins_value",
    ]
    .iter()
    .map(|m| cents(&run["money"][*m]))
    .sum();
    assert_eq!(parts, cents(&run["money"]["viewer_spend"]), "{run}");
    assert_eq!(
        cents(&run["money"]["withdrawn"]) + cents(&run["money"]["unwithdrawn"]),
        cents(&run["money"]["creator_payouts"])
    );
    assert_eq!(
        run["counts"]["coins_bought"].as_u64().unwrap(),
        run["counts"]["coins_gifted"].as_u64().unwrap()
            + run["counts"]["unspent_coins"].as_u64().unwrap()
    );
}

#[test]
fn a_sample_scales_its_totals_and_keeps_its_shares() {
    let plain = simulate(&scenario()).unwrap();
    let mut s = scenario();
    s["represents"] = json!(170_000_000u64);
    let scaled = simulate(&s).unwrap();
    let factor = 170_000_000 / 20_000;
    for (a, b) in plain["runs"]
        .as_array()
        .unwrap()
        .iter()
        .zip(scaled["runs"].as_array().unwrap())
    {
        let spend = cents(&a["money"]["viewer_spend"]);
        assert_eq!(cents(&b["money"]["viewer_spend"]), spend * factor);
        assert_eq!(a["money"]["arppu"], b["money"]["arppu"]);
        assert_eq!(a["ratios"], b["ratios"]);
        assert_eq!(b["counts"]["viewers"], json!(170_000_000u64));
        // Still reconciled to the cent.
        assert_reconciled(b);
    }
    let scale = &scaled["scenario"]["scale"];
    assert_eq!(scale["represents"], 170_000_000u64);
    assert_eq!(scale["creators"], 2_000 * factor as u64);
    assert!(scale["note"].as_str().unwrap().contains("sample's error"));
    assert!(plain["scenario"].get("scale").is_none());
}

#[test]
fn a_fraction_of_a_viewer_per_viewer_still_reconciles() {
    let mut s = scenario();
    s["represents"] = json!(33_333_337u64);
    let answer = simulate(&s).unwrap();
    for run in answer["runs"].as_array().unwrap() {
        assert_reconciled(run);
    }
}

#[test]
fn the_population_is_at_least_the_sample_and_at_most_two_billion() {
    for r in [10_000u64, 2_000_000_001] {
        let mut s = scenario();
        s["represents"] = json!(r);
        let err = simulate(&s).unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            (ErrorCode::OutOfRange, "represents")
        );
    }
}
