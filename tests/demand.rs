//! The demand model and its calibration: a price with an interior revenue maximum, conversion
//! that falls with price, switching that grows with the price gap, age-dependent segments and
//! misreported ages, breakdowns that add up to the totals, a flat steady state after a
//! warm-up, and `calibrate` recovering known KPIs — or saying which targets it missed.

use giftsim::ops::{self, Operation};
use serde_json::{json, Value};

fn run(op: Operation, req: &Value) -> Value {
    ops::run(op, &req.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn example(name: &str) -> Value {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A total of any kind (money, count or ratio) as a number: its mean over runs.
fn mean(totals: &Value, name: &str) -> f64 {
    ["money", "counts", "ratios"]
        .iter()
        .flat_map(|k| totals[*k].as_array().unwrap().iter())
        .find(|m| m["metric"] == name)
        .map(|m| match &m["mean"] {
            Value::String(s) => s.parse::<f64>().unwrap(),
            v => v.as_f64().unwrap(),
        })
        .unwrap_or_else(|| panic!("no metric {name}"))
}

fn cents(v: &Value) -> i128 {
    v.as_str().unwrap().replace('.', "").parse().unwrap()
}

/// A small population on TikTok's iOS card with a value per coin.
fn scenario() -> Value {
    json!({
        "channels": [
            {"rate_card": "tiktok-ios", "share": "0.6"},
            {"rate_card": "tiktok-android", "share": "0.3"},
            {"rate_card": "tiktok-web", "share": "0.1"}
        ],
        "viewers": 20000,
        "ages": [
            {"id": "teens", "min_age": 13, "max_age": 18, "share": "0.3"},
            {"id": "adults", "min_age": 18, "max_age": 65, "share": "0.7"}
        ],
        "segments": [
            {"id": "non-spenders", "share": "0.85"},
            {"id": "minnows", "share": "0.12", "budget": {"distribution": "lognormal", "median": "10.00", "sigma": "0.7"},
             "value_per_coin": {"median": "0.025", "sigma": "0.5"},
             "gifts_per_active_day": "2", "top_up": "4.99",
             "gifts": [{"gift": "rose", "weight": 5}, {"gift": "doughnut", "weight": 2}, {"gift": "hand-hearts", "weight": 1}]},
            {"id": "whales", "share": "0.03", "budget": {"distribution": "lognormal", "median": "200.00", "sigma": "0.8"},
             "value_per_coin": {"median": "0.03", "sigma": "0.5"},
             "active_days_per_week": "4", "gifts_per_active_day": "2", "top_up": "49.99",
             "gifts": [{"gift": "galaxy", "weight": 1}, {"gift": "corgi", "weight": 3}]}
        ],
        "days": 30,
        "warm_up_days": 30,
        "runs": 4,
        "seed": 3
    })
}

#[test]
fn the_shipped_price_example_peaks_inside_its_grid() {
    let answer = run(Operation::Sweep, &example("sweep-price-demand.json"));
    let revenue: Vec<f64> = answer["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| mean(&r["totals"], "viewer_spend"))
        .collect();
    let best = revenue
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .unwrap()
        .0;
    assert!(
        best > 0 && best < revenue.len() - 1,
        "revenue against price {revenue:?} peaks at the grid's edge"
    );
    // Conversion falls as the price rises past the peak.
    let payers: Vec<f64> = answer["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| mean(&r["totals"], "payers"))
        .collect();
    assert!(payers[revenue.len() - 1] < payers[best] * 0.5, "{payers:?}");
}

#[test]
fn a_bundle_priced_above_its_value_loses_buyers_to_the_others() {
    // Raising one bundle's price on the card (not through the multiplier) moves its buyers:
    // the value per coin sees every price.
    let base = scenario();
    let mut dear = base.clone();
    let mut card = giftsim::presets::rate_card("tiktok-ios", "")
        .unwrap()
        .to_input();
    let i = card.bundles.iter().position(|b| b.coins == 3303).unwrap();
    card.bundles[i].price = "99.99".into();
    dear["channels"][0]["rate_card"] = serde_json::to_value(&card).unwrap();
    let (a, b) = (
        run(Operation::Simulate, &base),
        run(Operation::Simulate, &dear),
    );
    let bought = |x: &Value| -> f64 {
        x["by_purchase"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rate_card"] == "tiktok-ios" && r["purchase"] == "3303 coins")
            .map(|r| r["purchases"]["mean"].as_str().unwrap().parse().unwrap())
            .unwrap()
    };
    assert!(
        bought(&a) > 10.0,
        "the bundle sells at its price: {}",
        bought(&a)
    );
    assert!(
        bought(&b) < bought(&a) * 0.2,
        "{} → {}",
        bought(&a),
        bought(&b)
    );
}

#[test]
fn switching_grows_with_the_price_gap() {
    let mut s = scenario();
    for seg in s["segments"].as_array_mut().unwrap().iter_mut().skip(1) {
        seg["switching_cost"] = json!({"median": "3.00", "sigma": "1"});
    }
    let switches = |ios_price: &str| {
        let mut s = s.clone();
        s["channels"][0]["price_multiplier"] = json!(ios_price);
        mean(&run(Operation::Simulate, &s)["totals"], "channel_switches")
    };
    let (same, dearer, much_dearer) = (switches("1"), switches("1.3"), switches("2"));
    assert!(
        same < dearer && dearer < much_dearer,
        "{same} < {dearer} < {much_dearer}"
    );
    // Without a switching cost nobody moves.
    assert_eq!(
        mean(
            &run(Operation::Simulate, &scenario())["totals"],
            "channel_switches"
        ),
        0.0
    );
}

#[test]
fn breakdowns_by_age_segment_and_purchase_add_up_to_the_totals() {
    let answer = run(Operation::Simulate, &scenario());
    for (r, total) in answer["runs"].as_array().unwrap().iter().enumerate() {
        let spend = cents(&total["money"]["viewer_spend"]);
        let payers = total["counts"]["payers"].as_u64().unwrap();
        let _ = (r, payers);
        assert!(spend > 0);
    }
    // Medians of parts need not add up; the per-run parts do, and every run is one of them.
    let req = scenario();
    let text = req.to_string();
    let parts: Vec<Value> =
        serde_json::from_str(&ops::simulate_part(&text, 0, 4, &|_| true).unwrap()).unwrap();
    for p in &parts {
        let spend = p["money"]["viewer_spend"].as_i64().unwrap();
        let payers = p["counts"]["payers"].as_u64().unwrap();
        let sum = |list: &str, kind: &str, field: &str| -> i64 {
            p[list]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| {
                    let v = if kind.is_empty() {
                        &x[field]
                    } else {
                        &x[kind][field]
                    };
                    v.as_i64().unwrap()
                })
                .sum()
        };
        // Every metric that adds up (not the averages and shares) adds up to the run's own,
        // over age groups and over segments.
        let mut checked = 0;
        for kind in ["money", "counts"] {
            for (name, value) in p[kind].as_object().unwrap() {
                if ["arpu", "arppu"].contains(&name.as_str())
                    || !giftsim::simulate::group_metric(name)
                {
                    continue;
                }
                let total = value.as_i64().unwrap();
                assert_eq!(sum("by_age", kind, name), total, "{name} by age");
                assert_eq!(sum("by_segment", kind, name), total, "{name} by segment");
                checked += 1;
            }
        }
        assert_eq!(checked, 20);
        assert_eq!(sum("by_purchase", "", "spend"), spend);
        assert_eq!(sum("by_segment", "counts", "payers") as u64, payers);
        assert_eq!(sum("by_segment", "counts", "viewers"), 20000);
        assert_eq!(
            sum("by_purchase", "", "purchases"),
            p["counts"]["purchases"].as_i64().unwrap()
        );
        // A group's averages and shares are its own: one age group's ARPPU is its spend over
        // its payers.
        let teens = &p["by_age"][0];
        let (teen_spend, teen_payers) = (
            teens["money"]["viewer_spend"].as_i64().unwrap(),
            teens["counts"]["payers"].as_i64().unwrap(),
        );
        if teen_payers > 0 {
            let arppu = teens["money"]["arppu"].as_i64().unwrap();
            assert!((arppu - teen_spend / teen_payers).abs() <= 1, "{arppu}");
        }
    }
}

#[test]
fn segments_depend_on_age_and_misreported_ages_reach_the_adult_rules() {
    let mut s = scenario();
    s["rule_set"] = json!("under18-family");
    // No whales among teens.
    s["segments"][2]["share_by_age"] = json!({"teens": "0"});
    s["segments"][0]["share_by_age"] = json!({"teens": "0.88"});
    let answer = run(Operation::Simulate, &s);
    let teen_whales: Vec<i64> = serde_json::from_str::<Vec<Value>>(
        &ops::simulate_part(&s.to_string(), 0, 4, &|_| true).unwrap(),
    )
    .unwrap()
    .iter()
    .map(|p| p["by_age"][0]["money"]["viewer_spend"].as_i64().unwrap())
    .collect();
    assert!(teen_whales.iter().all(|v| *v < 500_000), "{teen_whales:?}");
    let blocked = |a: &Value| mean(&a["totals"], "blocked_spend");
    assert!(blocked(&answer) > 0.0);
    // Teens who say they are 18: the rules see an adult, so less is blocked.
    let mut lying = s.clone();
    lying["age_misreport"] = json!({"share": "0.8", "stated_age": 18});
    let lied = run(Operation::Simulate, &lying);
    assert!(
        blocked(&lied) < blocked(&answer) * 0.5,
        "{} → {}",
        blocked(&answer),
        blocked(&lied)
    );
    // Shares per age group must add up in every group.
    let mut bad = s.clone();
    bad["segments"][0]["share_by_age"] = json!({"teens": "0.5"});
    let err = ops::run(Operation::Simulate, &bad.to_string()).unwrap_err();
    assert_eq!(err.details["group"], "teens", "{err}");
    let mut unknown = s.clone();
    unknown["segments"][0]["share_by_age"] = json!({"teenz": "0.88"});
    let err = ops::run(Operation::Simulate, &unknown.to_string()).unwrap_err();
    assert_eq!(err.path, "segments[0].share_by_age.teenz", "{err}");
}

#[test]
fn a_stationary_population_has_flat_daily_revenue_after_its_warm_up() {
    let mut s = scenario();
    s["viewers"] = json!(40000);
    s["days"] = json!(60);
    s["warm_up_days"] = json!(45);
    let answer = run(Operation::Simulate, &s);
    let days: Vec<f64> = answer["by_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["spend"]["mean"].as_str().unwrap().parse().unwrap())
        .collect();
    let avg = days.iter().sum::<f64>() / days.len() as f64;
    // Halves and month starts within a few percent of each other; every day within its noise.
    let half = days.len() / 2;
    let first = days[..half].iter().sum::<f64>() / half as f64;
    let second = days[half..].iter().sum::<f64>() / (days.len() - half) as f64;
    assert!((first / second - 1.0).abs() < 0.05, "{first} vs {second}");
    for (d, v) in days.iter().enumerate() {
        assert!((v / avg - 1.0).abs() < 0.25, "day {d}: {v} against {avg}");
    }
    // Without the warm-up, the first day stands out: everyone starts without coins.
    let mut cold = s.clone();
    cold["warm_up_days"] = json!(0);
    let answer = run(Operation::Simulate, &cold);
    let day0: f64 = answer["by_day"][0]["spend"]["mean"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(day0 > avg * 1.5, "{day0} against {avg}");
}

#[test]
fn calibration_recovers_known_kpis_from_other_starting_values() {
    // The truth: a known scenario and its KPIs.
    let mut truth = scenario();
    truth["runs"] = json!(2);
    let answer = run(Operation::Simulate, &truth);
    let payer_share = format!("{:.6}", mean(&answer["totals"], "payer_share"));
    let arppu = format!("{:.2}", mean(&answer["totals"], "arppu"));
    // Start elsewhere: other shares and budgets.
    let mut start = truth.clone();
    start["segments"][0]["share"] = json!("0.9");
    start["segments"][1]["share"] = json!("0.08");
    start["segments"][2]["share"] = json!("0.02");
    start["segments"][2]["budget"]["median"] = json!("60.00");
    let req = json!({
        "scenario": start,
        "free": [
            {"parameter": "segment:minnows/share", "min": "0.01", "max": "0.3"},
            {"parameter": "segment:whales/budget.median", "min": "20.00", "max": "1000.00"}
        ],
        "targets": [
            {"metric": "payer_share", "value": payer_share, "tolerance": "0.05"},
            {"metric": "arppu", "value": arppu, "tolerance": "0.05"}
        ],
        "max_evaluations": 80
    });
    let fit = run(Operation::Calibrate, &req);
    assert!(
        fit["evaluations"].as_u64().unwrap() > 3,
        "the start was not the truth"
    );
    assert_eq!(fit["missed"], json!([]), "{fit:#}");
    for t in fit["targets"].as_array().unwrap() {
        assert_eq!(t["met"], true, "{t}");
    }
    assert!(fit["fitted"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["estimate"] == true));
    // The fitted scenario is a plain simulate input that reproduces the targets.
    let again = run(Operation::Simulate, &fit["scenario"]);
    let got = mean(&again["totals"], "payer_share");
    let want: f64 = payer_share.parse().unwrap();
    assert!((got / want - 1.0).abs() <= 0.05, "{got} vs {want}");
    // Deterministic: the same request, the same bytes.
    assert_eq!(
        ops::run_text(Operation::Calibrate, &req.to_string()).unwrap(),
        ops::run_text(Operation::Calibrate, &req.to_string()).unwrap()
    );
}

#[test]
fn a_segment_target_measures_that_segment_with_any_viewer_metric() {
    let mut s = scenario();
    s["runs"] = json!(2);
    let parts: Vec<Value> =
        serde_json::from_str(&ops::simulate_part(&s.to_string(), 0, 2, &|_| true).unwrap())
            .unwrap();
    let whales = s["segments"]
        .as_array()
        .unwrap()
        .iter()
        .position(|g| g["id"] == "whales")
        .unwrap();
    // The whales' own ARPPU (mean over runs), not everyone's.
    let arppu: Vec<i64> = parts
        .iter()
        .map(|p| p["by_segment"][whales]["money"]["arppu"].as_i64().unwrap())
        .collect();
    let mean_cents = arppu.iter().sum::<i64>() / arppu.len() as i64;
    let everyone = parts[0]["money"]["arppu"].as_i64().unwrap();
    assert!(mean_cents > 3 * everyone, "{mean_cents} vs {everyone}");
    let req = json!({
        "scenario": s,
        "free": [{"parameter": "segment:whales/budget.median", "min": "20.00", "max": "1000.00"}],
        "targets": [{"metric": "arppu", "segment": "whales", "value": format!("{}.{:02}", mean_cents / 100, mean_cents % 100), "tolerance": "0.05"}],
        "max_evaluations": 40
    });
    let fit = run(Operation::Calibrate, &req);
    let t = &fit["targets"][0];
    assert_eq!(t["met"], true, "{fit:#}");
    assert_eq!(t["metric"], "arppu");
}

#[test]
fn contradictory_targets_end_at_the_closest_fit_and_name_the_misses() {
    let mut s = scenario();
    s["viewers"] = json!(5000);
    s["runs"] = json!(1);
    let req = json!({
        "scenario": s,
        "free": [{"parameter": "segment:minnows/share", "min": "0.01", "max": "0.14"}],
        "targets": [
            {"metric": "payer_share", "value": "0.01", "tolerance": "0.05"},
            {"metric": "payer_share", "value": "0.10", "tolerance": "0.05"}
        ],
        "max_evaluations": 30
    });
    let fit = run(Operation::Calibrate, &req);
    assert!(fit["evaluations"].as_u64().unwrap() <= 30);
    assert!(!fit["missed"].as_array().unwrap().is_empty(), "{fit:#}");
}

#[test]
fn bad_calibrations_get_coded_errors() {
    let s = scenario();
    let cases = [
        (
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0", "max": "0.2"}],
                   "targets": [{"metric": "payers_share", "value": "0.02"}]}),
            "invalid_value",
            "targets[0].metric",
        ),
        (
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0", "max": "0.2"}],
                   "targets": [{"metric": "payer_share", "value": "-0.02"}]}),
            "out_of_range",
            "targets[0].value",
        ),
        (
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0", "max": "0.2"}],
                   "targets": [{"metric": "payer_share", "value": "0.02", "tolerance": "0"}]}),
            "out_of_range",
            "targets[0].tolerance",
        ),
        (
            json!({"scenario": s, "free": [{"parameter": "segment:krakens/share", "min": "0", "max": "0.2"}],
                   "targets": [{"metric": "payer_share", "value": "0.02"}]}),
            "invalid_value",
            "free[0].parameter",
        ),
        (
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0", "max": "0.2"}],
                   "targets": [{"metric": "revenue_share", "purchase": "1320 coins", "value": "0.25"}]}),
            "invalid_value",
            "targets[0].purchase",
        ),
        (
            // A log-normal budget has no `alpha` to fit.
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/budget.alpha", "min": "1", "max": "3"}],
                   "targets": [{"metric": "payer_share", "value": "0.02"}]}),
            "invalid_value",
            "free[0].parameter",
        ),
        (
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0", "max": "0.2"}],
                   "target_set": "swrve-2017"}),
            "unknown_preset",
            "target_set",
        ),
        (
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0.3", "max": "0.2"}],
                   "targets": [{"metric": "payer_share", "value": "0.02"}]}),
            "invalid_value",
            "free[0].max",
        ),
        (
            json!({"scenario": s, "free": [], "targets": [{"metric": "payer_share", "value": "0.02"}]}),
            "out_of_range",
            "free",
        ),
        (
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0", "max": "0.2"}]}),
            "missing_field",
            "targets",
        ),
        (
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0", "max": "0.2"}],
                   "targets": [{"metric": "payer_share", "value": "1.5"}]}),
            "out_of_range",
            "targets[0].value",
        ),
        (
            // What creators are paid has no share per viewer group.
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0", "max": "0.2"}],
                   "targets": [{"metric": "creator_payouts", "segment": "whales", "value": "100.00"}]}),
            "invalid_value",
            "targets[0].metric",
        ),
        (
            json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0", "max": "0.2"}],
                   "targets": [{"metric": "payer_share", "segment": "whales", "value": "2"}]}),
            "out_of_range",
            "targets[0].value",
        ),
    ];
    for (req, code, path) in cases {
        let err = ops::run(Operation::Calibrate, &req.to_string()).unwrap_err();
        assert_eq!(
            (err.code.as_str(), err.path.as_str()),
            (code, path),
            "{err}"
        );
        assert!(!err.message.is_empty());
    }
}

#[test]
fn a_calibration_reports_progress_and_can_be_cancelled() {
    let mut s = scenario();
    s["viewers"] = json!(2000);
    let req = json!({"scenario": s,
        "free": [{"parameter": "segment:minnows/share", "min": "0.01", "max": "0.14"}],
        "targets": [{"metric": "payer_share", "value": "0.001"}], "max_evaluations": 50});
    let seen = std::sync::atomic::AtomicU64::new(0);
    let err = ops::answer(
        Operation::Calibrate,
        &req.to_string(),
        &|p| {
            assert_eq!(p.total, 50);
            seen.store(p.done, std::sync::atomic::Ordering::Relaxed);
            p.done < 3
        },
        1,
    )
    .unwrap_err();
    assert_eq!(err.code.as_str(), "cancelled");
    assert_eq!(seen.load(std::sync::atomic::Ordering::Relaxed), 3);
}

/// Ctrl-C in Python and "Stop" in the lab cancel within a chunk of viewers, not only between
/// two simulations of the search, which can each take many seconds.
#[test]
fn a_calibration_is_cancelled_within_a_simulation() {
    let mut s = scenario();
    s["viewers"] = json!(200_000);
    let req = json!({"scenario": s,
        "free": [{"parameter": "segment:minnows/share", "min": "0.01", "max": "0.14"}],
        "targets": [{"metric": "payer_share", "value": "0.001"}], "max_evaluations": 50});
    let calls = std::sync::atomic::AtomicU64::new(0);
    let err = ops::answer(
        Operation::Calibrate,
        &req.to_string(),
        &|p| {
            assert_eq!(
                (p.done, p.total),
                (0, 50),
                "asked during the first simulation"
            );
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            false
        },
        1,
    )
    .unwrap_err();
    assert_eq!(err.code.as_str(), "cancelled");
    assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 1);
}

#[test]
fn viewers_leave_on_their_retention_curve_and_others_take_their_place() {
    let mut s = scenario();
    s["days"] = json!(90);
    s["runs"] = json!(2);
    for seg in s["segments"].as_array_mut().unwrap() {
        seg["monthly_retention"] = json!(["0.5", "0.8"]);
    }
    let answer = run(Operation::Simulate, &s);
    let viewers = mean(&answer["totals"], "viewers");
    // Each place turns over: about half leave in their first month, a fifth a month after.
    assert!(
        viewers > 20000.0 * 1.8 && viewers < 20000.0 * 3.5,
        "{viewers}"
    );
    // The population keeps its size, so revenue stays level over the quarter.
    let days: Vec<f64> = answer["by_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["spend"]["mean"].as_str().unwrap().parse().unwrap())
        .collect();
    let third = days.len() / 3;
    let avg = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    let (first, last) = (avg(&days[..third]), avg(&days[2 * third..]));
    assert!((last / first - 1.0).abs() < 0.15, "{first} → {last}");
    // Without a curve nobody leaves.
    let stay = run(Operation::Simulate, &scenario());
    assert_eq!(mean(&stay["totals"], "viewers"), 20000.0);
    // A retention of 0 is refused: nobody would stay a day.
    let mut bad = scenario();
    bad["segments"][1]["monthly_retention"] = json!(["0"]);
    let err = ops::run(Operation::Simulate, &bad.to_string()).unwrap_err();
    assert_eq!(err.path, "segments[1].monthly_retention[0]", "{err}");
}

#[test]
fn a_monthly_revenue_profile_is_a_target_with_one_value_per_calendar_month() {
    let mut s = scenario();
    s["days"] = json!(60);
    s["start"] = json!("2026-01-01");
    s["runs"] = json!(1);
    s["viewers"] = json!(5000);
    // 60 days from 1 January: January, February and 1 March.
    let truth = run(Operation::Simulate, &s);
    let day = |d: &Value| -> i128 { cents(&d["spend"]["mean"]) };
    let days: Vec<i128> = truth["by_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(day)
        .collect();
    let sums = [
        days[..31].iter().sum::<i128>(),
        days[31..59].iter().sum(),
        days[59..].iter().sum(),
    ];
    let values: Vec<String> = sums
        .iter()
        .map(|c| format!("{}.{:02}", c / 100, c % 100))
        .collect();
    let req = |values: &[String]| {
        json!({"scenario": s, "free": [{"parameter": "segment:minnows/share", "min": "0.06", "max": "0.18"}],
               "targets": [{"metric": "monthly_revenue", "values": values, "tolerance": "0.02"}],
               "max_evaluations": 10})
    };
    // The scenario itself is the truth: met at once.
    let fit = run(Operation::Calibrate, &req(&values));
    assert_eq!(fit["missed"], json!([]), "{fit:#}");
    assert_eq!(fit["evaluations"], 1);
    assert_eq!(fit["targets"][0]["achieved"], values.join(","));
    // One value per calendar month, or a coded error that says how many.
    let err = ops::run(Operation::Calibrate, &req(&values[..2]).to_string()).unwrap_err();
    assert_eq!(
        (err.code.as_str(), err.path.as_str()),
        ("invalid_value", "targets[0].values")
    );
    assert_eq!(err.details["expected"], 3);
}

#[test]
fn a_top_up_below_the_cheapest_bundle_waits_for_it_instead_of_stopping() {
    // Top-ups aim at $0.50, less than the $0.99 of the cheapest iOS pack: a viewer whose
    // savings are between the two waits for the pack, and keeps buying all month.
    let req = json!({
        "rate_card": "tiktok-ios", "viewers": 2000, "days": 60, "runs": 1, "seed": 9,
        "segments": [{"id": "all", "share": "1", "budget": {"distribution": "fixed", "amount": "3.00"},
                      "active_days_per_week": "7", "gifts_per_active_day": "5", "top_up": "0.50",
                      "gifts": [{"gift": "finger-heart", "weight": 1}]}]
    });
    let answer = run(Operation::Simulate, &req);
    let per_payer = mean(&answer["totals"], "purchases_per_payer");
    // Five Finger Hearts a day (25 coins) want a 65-coin pack every two or three days; $3 a
    // month pays for one every ten days, so over two months a viewer keeps buying.
    assert!(per_payer > 5.0, "{per_payer} purchases per payer");
}
