//! The rule registry at its boundaries: `"rule_set": "auto"` applies each rule set from the day
//! its status applies, and not the day before; the audit reads the same registry.

use giftsim::ops::{run, Operation};
use serde_json::{json, Value};

fn plan(req: Value) -> Value {
    run(Operation::Plan, &req.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn error(op: Operation, req: Value) -> (String, String) {
    let e = run(op, &req.to_string()).unwrap_err();
    (e.code.as_str().to_string(), e.path)
}

/// A 16-year-old in `region` buying 500 Bits in the Twitch app at noon on `day`: the verdict's
/// level and the rule set that decided it.
fn teen_buys(region: &str, day: &str, card: &str) -> (String, String) {
    let answer = plan(json!({
        "rule_set": "auto", "rate_card": card,
        "person": {"age": 16, "region": region},
        "events": [{"at": format!("{day}T12:00"), "buy": {"coins": 500}}]
    }));
    let v = &answer["verdicts"][0];
    (
        v["verdict"].as_str().unwrap().to_string(),
        v["rule_set"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn each_us_state_app_store_law_from_its_day() {
    for (region, before, from, set) in [
        ("US-UT", "2027-05-05", "2027-05-06", "us-ut-asaa-2026"),
        ("US-LA", "2027-06-30", "2027-07-01", "us-la-asaa-2026"),
        ("US-AL", "2026-12-31", "2027-01-01", "us-al-asaa-2026"),
        ("US-TX", "2026-06-03", "2026-06-04", "us-tx-asaa-2026"),
    ] {
        assert_eq!(
            teen_buys(region, before, "twitch-bits-mobile"),
            ("ok".into(), "".into()),
            "{region} on {before}"
        );
        assert_eq!(
            teen_buys(region, from, "twitch-bits-mobile"),
            ("block".into(), set.into()),
            "{region} on {from}"
        );
        // App-store purchases only: the web is out of the laws' scope.
        assert_eq!(
            teen_buys(region, from, "twitch-bits").0,
            "ok",
            "{region} web"
        );
    }
    // Texas: enjoined from 2025-12-23 (not applied), and nothing recorded before that.
    assert_eq!(
        teen_buys("US-TX", "2025-12-23", "twitch-bits-mobile").0,
        "ok"
    );
    let err = error(
        Operation::Plan,
        json!({"rule_set": "auto", "rate_card": "twitch-bits-mobile",
               "person": {"age": 16, "region": "US-TX"},
               "events": [{"at": "2025-12-22T12:00", "buy": {"coins": 500}}]}),
    );
    assert_eq!(err, ("out_of_range".into(), "events[0].at".into()));
}

#[test]
fn australia_from_2025_12_10() {
    let answer = plan(json!({
        "rule_set": "auto", "rate_card": "youtube-super-chat",
        "person": {"age": 15, "region": "AU", "time_zone": "Australia/Sydney"},
        "events": [
            {"at": "2025-12-09T23:59", "gift": {"amount": "5.00"}},
            {"at": "2025-12-10T00:00", "gift": {"amount": "5.00"}}
        ]
    }));
    let decided: Vec<(&str, &str)> = answer["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["verdict"].as_str().unwrap(),
                v["rule_set"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        decided,
        [("ok", "youtube-viewer-limits"), ("block", "au-smma-2025")]
    );
    assert_eq!(answer["rule_set"]["id"], "auto");
    let sets: Vec<&str> = answer["rule_sets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["rule_set"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(sets, ["youtube-viewer-limits", "au-smma-2025"]);
    // Roblox is not a social-media platform under the Act.
    let roblox = plan(json!({
        "rule_set": "auto", "rate_card": "roblox",
        "person": {"age": 15, "region": "AU"},
        "events": [{"at": "2026-01-10T12:00", "buy": {"coins": 400}}]
    }));
    assert_eq!(roblox["verdicts"][0]["verdict"], "ok");
}

#[test]
fn a_quote_checks_the_rules_of_its_day() {
    let quote = |at: &str| {
        run(
            Operation::Quote,
            &json!({"rate_card": "tiktok-ios", "gifts": [{"gift": "rose"}], "rule_set": "auto",
                    "person": {"age": 18, "region": "KR"}, "at": at,
                    "exchange_rates": {"USD/KRW": "1400"}})
            .to_string(),
        )
        .unwrap()
    };
    let q = quote("2026-12-07T12:00");
    assert_eq!(q["spending_check"]["verdicts"][0]["verdict"], "block");
    assert_eq!(
        q["spending_check"]["verdicts"][0]["rule_set"],
        "tiktok-global"
    );
    // Korea's daily cap on top-ups is checked too, in won.
    let checks = q["spending_check"]["verdicts"][0]["checks"]
        .as_array()
        .unwrap();
    assert!(
        checks
            .iter()
            .any(|c| c["rule_set"] == "kr-live" && c["limit"] == "1000000"),
        "{checks:?}"
    );
}

#[test]
fn automatic_rules_need_a_known_region_and_a_date() {
    let base = json!({"rule_set": "auto", "rate_card": "tiktok-ios", "person": {"age": 20},
                      "events": [{"at": "2026-06-01T12:00", "buy": {"coins": 65}}]});
    assert_eq!(
        error(Operation::Plan, base.clone()),
        ("missing_field".into(), "person.region".into())
    );
    let mut unknown = base.clone();
    unknown["person"]["region"] = json!("XX");
    assert_eq!(
        error(Operation::Plan, unknown),
        ("unknown_region".into(), "person.region".into())
    );
    assert_eq!(
        error(
            Operation::Quote,
            json!({"rate_card": "tiktok-ios", "coins": 65, "rule_set": "auto",
                   "person": {"age": 20, "region": "US"}})
        ),
        ("missing_field".into(), "at".into())
    );
}

#[test]
fn the_audit_reads_the_registry_and_rejects_what_it_cannot_answer() {
    let audit = |req: Value| run(Operation::Audit, &req.to_string());
    let a =
        audit(json!({"rate_card": "tiktok-ios", "region": "US-TX", "date": "2025-12-23"})).unwrap();
    let tx = a["rules"]["rule_sets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "us-tx-asaa-2026")
        .unwrap();
    assert_eq!(
        (tx["status"].as_str(), tx["applies"].as_bool()),
        (Some("enjoined"), Some(false))
    );
    for (req, code, path) in [
        (
            json!({"rate_card": "tiktok-ios", "region": "ZZ", "date": "2026-01-01"}),
            "unknown_region",
            "region",
        ),
        (
            json!({"rate_card": "tiktok-ios", "region": "US-TX", "date": "2001-01-01"}),
            "out_of_range",
            "date",
        ),
        (
            json!({"rate_card": "tiktok-ios", "region": "US-TX"}),
            "missing_field",
            "date",
        ),
        (
            json!({"rate_card": "tiktok-ios", "region": "US-TX", "date": "2026-02-30"}),
            "invalid_value",
            "date",
        ),
        (
            json!({"rate_card": "tiktok-ios", "gifts": ["unicorn"]}),
            "unknown_gift",
            "gifts[0]",
        ),
    ] {
        let e = audit(req.clone()).unwrap_err();
        assert_eq!((e.code.as_str(), e.path.as_str()), (code, path), "{req}");
    }
    let mut card = giftsim::ops::presets()
        .rate_cards
        .into_iter()
        .find(|c| c.id == "tiktok-ios")
        .unwrap();
    card.bundles.clear();
    let e = audit(json!({"rate_card": card})).unwrap_err();
    assert!(e.path.starts_with("rate_card"), "{e}");
}

#[test]
fn room_left_under_a_cap_in_another_currency_can_be_spent() {
    let base = json!({
        "rule_set": "auto", "rate_card": "tiktok-web",
        "person": {"age": 30, "region": "KR", "time_zone": "Asia/Seoul"},
        "exchange_rates": {"USD/KRW": "1400"},
        "now": "2026-12-07T12:00", "events": []
    });
    let answer = plan(base.clone());
    let room = &answer["can_still_spend"]["buy"]["without_block"];
    assert_eq!(room["rule_set"], "kr-live");
    // ₩1,000,000 is $714.2857…: the room is $714.28, not the $714.29 a half-up rounding gives.
    assert_eq!(room["amount"], "714.28");
    let mut spend = base;
    spend["events"] = json!([{"at": "2026-12-07T12:00", "buy": {"amount": "714.28"}}]);
    let checks = plan(spend)["verdicts"][0]["checks"].clone();
    let cap = checks
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule_set"] == "kr-live" && c["rule"] == "daily-top-ups")
        .unwrap()
        .clone();
    assert_eq!(cap["verdict"], "warn", "{cap}"); // the 100 % warning, not a block
}

#[test]
fn a_plan_never_reuses_a_first_purchase_offer() {
    let answer = plan(json!({
        "rule_set": {"id": "free", "name": "No rules, in pounds", "currency": "GBP"},
        "rate_card": "tiktok-ios-gbp", "person": {"age": 30},
        "events": (0..10).map(|i| json!({"at": format!("2026-03-0{}T10:00:00Z", i % 9 + 1), "buy": {"coins": 40}})).collect::<Vec<_>>()
    }));
    // Each 40 coins bought as a 65-coin pack (£0.89), not the one-time £0.49 pack.
    assert_eq!(answer["summary"]["bought"], "8.90");
}

#[test]
fn a_rule_set_may_name_a_state_and_its_country() {
    let set = json!({"id": "states", "name": "States", "currency": "USD",
        "min_age": {"buy": 13},
        "regions": [{"region": "US", "min_age": {"buy": 16}}, {"region": "US-TX", "min_age": {"buy": 18}}]});
    let age_for = |region: &str| {
        plan(json!({"rule_set": set, "person": {"age": 30, "region": region}, "now": "2026-01-01T00:00Z", "events": []}))
            ["person"]["min_age"]["buy"]
            .clone()
    };
    assert_eq!(age_for("US-TX"), 18);
    assert_eq!(age_for("US-UT"), 16);
    assert_eq!(age_for("US"), 16);
    assert_eq!(age_for("GB"), 13);
    let e = error(
        Operation::Plan,
        json!({"rule_set": "auto", "person": {"age": 30, "region": "UK"}, "now": "2026-01-01T00:00Z", "events": []}),
    );
    assert_eq!(e, ("unknown_region".into(), "person.region".into()));
    let e = error(
        Operation::Plan,
        json!({"rule_set": "auto", "rate_card": "tiktok-ios", "person": {"age": 30, "region": "US"}, "now": "2010-01-01T00:00Z", "events": []}),
    );
    assert_eq!(e, ("out_of_range".into(), "now".into()));
}
