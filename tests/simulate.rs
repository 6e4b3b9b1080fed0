//! The population simulation: statistical sanity that can fail, exact reconciliation of every
//! run, exact totals at every documented limit, determinism (twice, and on any number of
//! threads), cancellation, sweeps. (Memory as the population grows is measured by `make bench`.)

use giftsim::ops::{self, Operation};
use serde_json::{json, Value};

fn cents(v: &Value) -> i64 {
    let s = v.as_str().unwrap_or_else(|| panic!("not money: {v}"));
    let (sign, s) = s.strip_prefix('-').map_or((1, s), |r| (-1, r));
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    sign * (int.parse::<i64>().unwrap() * 100 + format!("{frac:0<2}")[..2].parse::<i64>().unwrap())
}

fn simulate(req: &Value) -> Value {
    ops::run(Operation::Simulate, &req.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn metric(answer: &Value, name: &str) -> Value {
    let all = answer["totals"]["money"]
        .as_array()
        .unwrap()
        .iter()
        .chain(answer["totals"]["counts"].as_array().unwrap());
    all.clone()
        .find(|m| m["metric"] == name)
        .unwrap_or_else(|| panic!("no metric {name}"))
        .clone()
}

fn run_money(run: &Value, name: &str) -> i64 {
    cents(&run["money"][name])
}

/// Where a run's viewer spend went: every part of the money flow, summed.
fn spend_parts(run: &Value) -> i64 {
    [
        "tax",
        "store_fees",
        "payment_fees",
        "creator_payouts",
        "agency",
        "platform_margin",
        "unspent_coins_value",
    ]
    .iter()
    .map(|m| run_money(run, m))
    .sum()
}

/// A small TikTok-like population.
fn scenario() -> Value {
    json!({
        "channels": [{"rate_card": "tiktok-ios", "share": "0.6"}, {"rate_card": "tiktok-web", "share": "0.4"}],
        "viewers": 20000,
        "ages": [
            {"min_age": 13, "max_age": 16, "share": "0.2"},
            {"min_age": 16, "max_age": 18, "share": "0.2"},
            {"min_age": 18, "max_age": 65, "share": "0.6"}
        ],
        "segments": [
            {"id": "non-spenders", "share": "0.8"},
            {"id": "minnows", "share": "0.15", "budget": {"distribution": "lognormal", "median": "8.00", "sigma": "0.8"},
             "top_up": "4.99", "gifts": [{"gift": "rose", "weight": 5}, {"gift": "doughnut", "weight": 2}, {"gift": "hand-hearts", "weight": 1}]},
            {"id": "whales", "share": "0.05", "budget": {"distribution": "pareto", "min": "100.00", "alpha": "1.8", "max": "5000.00"},
             "active_days_per_week": "5", "gifts_per_active_day": "6", "top_up": "99.99",
             "gifts": [{"gift": "galaxy", "weight": 3}, {"gift": "lion", "weight": 1}]}
        ],
        "creators": {"count": 300},
        "days": 30,
        "runs": 8,
        "seed": 11
    })
}

#[test]
fn with_elasticity_0_and_no_caps_viewers_spend_all_their_budgets() {
    // A custom amount in 1-cent steps can spend any amount; a viewer who gifts every day far
    // more than the money set aside allows spends all of it but the last gift's worth.
    let card = json!({
        "id": "cents", "name": "Cents", "platform": "test", "channel": "web", "currency": "USD",
        "custom_amount": {"price_per_coin": "0.01", "min_coins": 1, "max_coins": 1000000},
        "creator": {"model": "share_of_net", "share": "0.7"}
    });
    let req = json!({
        "rate_card": card, "viewers": 3000, "days": 10, "runs": 3, "seed": 5,
        "segments": [
            {"id": "none", "share": "0.5"},
            {"id": "all-in", "share": "0.5", "budget": {"distribution": "lognormal", "median": "20.00", "sigma": "1"},
             "active_days_per_week": "7", "gifts_per_active_day": "200", "top_up": "5.00", "gifts": [{"coins": 150, "weight": 1}]}
        ]
    });
    let answer = simulate(&req);
    for run in answer["runs"].as_array().unwrap() {
        // All of it but what is left when the savings no longer buy the next gift (150
        // coins, $1.50).
        let left = run_money(run, "budgets") - run_money(run, "viewer_spend");
        let spenders = run["counts"]["spenders"].as_i64().unwrap();
        assert!((0..spenders * 150).contains(&left), "{left} {run}");
        assert_eq!(run_money(run, "blocked_spend"), 0);
        assert!(run_money(run, "viewer_spend") > 0);
    }
}

#[test]
fn no_rules_block_nothing_and_warn_nothing() {
    let answer = simulate(&scenario());
    assert_eq!(cents(&metric(&answer, "blocked_spend")["p95"]), 0);
    assert_eq!(cents(&metric(&answer, "blocked_gifts")["p95"]), 0);
    assert_eq!(metric(&answer, "warnings")["p95"], 0);
    assert!(cents(&metric(&answer, "viewer_spend")["p5"]) > 0);
}

#[test]
fn doubling_prices_with_elasticity_minus_1_halves_coins_and_keeps_spend() {
    let mut base = scenario();
    base["elasticity"] = json!("-1");
    let mut doubled = base.clone();
    doubled["price_multiplier"] = json!("2");
    // Elasticity −1: the same money at any price, so identical budgets.
    let (a, b) = (simulate(&base), simulate(&doubled));
    assert_eq!(metric(&a, "budgets")["p50"], metric(&b, "budgets")["p50"]);
    // In the steady state (the first month, when everyone starts without coins, left out)
    // the same money buys half the coins.
    base["warm_up_days"] = json!(30);
    doubled["warm_up_days"] = json!(30);
    let (a, b) = (simulate(&base), simulate(&doubled));
    let coins = |x: &Value| {
        metric(x, "coins_bought")["mean"]
            .as_str()
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    let ratio = coins(&b) / coins(&a);
    assert!((0.42..0.58).contains(&ratio), "coins ratio {ratio}");
    // With elasticity 0 the same coins are wanted, so spend roughly doubles.
    let mut flat = doubled.clone();
    flat["elasticity"] = json!("0");
    let c = simulate(&flat);
    let spend = |x: &Value| cents(&metric(x, "viewer_spend")["mean"]) as f64;
    let ratio = spend(&c) / spend(&a);
    assert!((1.6..2.4).contains(&ratio), "spend ratio {ratio}");
}

#[test]
fn caps_block_spend_in_the_capped_ages_only() {
    let mut req = scenario();
    req["rule_set"] = json!("under18-family");
    let answer = simulate(&req);
    let by_age = answer["by_age"].as_array().unwrap();
    assert!(
        cents(&by_age[0]["blocked_spend"]["p50"]) > 0,
        "13–15 top-ups above $10 are blocked"
    );
    assert_eq!(
        cents(&by_age[2]["blocked_spend"]["p95"]),
        0,
        "adults are not blocked"
    );
    assert!(
        cents(&by_age[0]["blocked_gifts"]["p95"]) + cents(&by_age[0]["blocked_spend"]["p95"]) > 0
    );
    assert_eq!(cents(&by_age[2]["blocked_gifts"]["p95"]), 0);
}

#[test]
fn every_run_reconciles_to_the_cent() {
    // Tax on top, a fixed payment fee, an agency paid by the creator, and a share-of-net card.
    let per_diamond = json!({
        "id": "taxed", "name": "Taxed", "platform": "test", "channel": "web", "currency": "USD",
        "bundles": [{"coins": 70, "price": "0.74"}, {"coins": 350, "price": "3.70"}, {"coins": 1400, "price": "14.80"}],
        "custom_amount": {"price_per_coin": "0.0106", "step_coins": 50, "min_coins": 50, "max_coins": 100000},
        "tax": {"mode": "on_top", "rate": "0.0825"}, "store_fee_rate": "0.05",
        "payment_fee": {"rate": "0.029", "fixed": "0.30"},
        "creator": {"model": "per_diamond", "diamonds_per_coin": "0.5", "diamond_value": "0.0107"},
        "agency": {"rate": "0.2", "paid_by": "creator"},
        "payout": {"minimum": "5.00", "daily_cap": "50.00", "fee": {"rate": "0.01", "fixed": "0.25"}},
        "gifts": "tiktok"
    });
    let mut share_of_net = per_diamond.clone();
    share_of_net["creator"] = json!({"model": "share_of_net", "share": "0.7"});
    share_of_net["agency"] = json!({"rate": "0.1", "paid_by": "platform"});
    share_of_net["tax"] = json!({"mode": "inclusive", "rate": "0.2"});
    for card in [per_diamond, share_of_net] {
        let mut req = scenario();
        req.as_object_mut().unwrap().remove("channels");
        req["rate_card"] = card;
        req["rule_set"] = json!("under18-family");
        let answer = simulate(&req);
        for run in answer["runs"].as_array().unwrap() {
            assert_eq!(spend_parts(run), run_money(run, "viewer_spend"), "{run}");
            assert!(run_money(run, "viewer_spend") <= run_money(run, "budgets"));
            let counts = &run["counts"];
            assert_eq!(
                counts["coins_bought"].as_u64().unwrap(),
                counts["coins_gifted"].as_u64().unwrap()
                    + counts["unspent_coins"].as_u64().unwrap()
            );
            // Withdrawals: what leaves plus what stays is what creators keep.
            assert_eq!(
                run_money(run, "withdrawn") + run_money(run, "unwithdrawn"),
                run_money(run, "creator_payouts")
            );
        }
    }
}

#[test]
fn percentiles_are_ordered() {
    let answer = simulate(&scenario());
    for m in answer["totals"]["money"].as_array().unwrap() {
        assert!(
            cents(&m["p5"]) <= cents(&m["p50"]) && cents(&m["p50"]) <= cents(&m["p95"]),
            "{m}"
        );
    }
    for m in answer["totals"]["counts"].as_array().unwrap() {
        let (a, b, c) = (
            m["p5"].as_u64().unwrap(),
            m["p50"].as_u64().unwrap(),
            m["p95"].as_u64().unwrap(),
        );
        assert!(a <= b && b <= c, "{m}");
    }
    for day in answer["by_day"].as_array().unwrap() {
        assert!(cents(&day["spend"]["p5"]) <= cents(&day["spend"]["p95"]));
    }
}

#[test]
fn same_seed_same_bytes_on_any_number_of_threads() {
    let text = scenario().to_string();
    let one = ops::run_with_progress(Operation::Simulate, &text, &|_| true, 1).unwrap();
    let again = ops::run_with_progress(Operation::Simulate, &text, &|_| true, 1).unwrap();
    let two = ops::run_with_progress(Operation::Simulate, &text, &|_| true, 2).unwrap();
    let four = ops::run_with_progress(Operation::Simulate, &text, &|_| true, 4).unwrap();
    let bytes = |v: &Value| serde_json::to_string(v).unwrap();
    assert_eq!(bytes(&one), bytes(&again));
    assert_eq!(bytes(&one), bytes(&two));
    assert_eq!(bytes(&one), bytes(&four));
    let mut other = scenario();
    other["seed"] = json!(12);
    assert_ne!(bytes(&one), bytes(&simulate(&other)));
    // Above: few viewers, so the runs are split over threads. Here: more viewers than one
    // chunk, so each run's viewers are.
    let mut wide = scenario();
    wide["viewers"] = json!(70_000);
    wide["runs"] = json!(2);
    let text = wide.to_string();
    let one = ops::run_with_progress(Operation::Simulate, &text, &|_| true, 1).unwrap();
    let two = ops::run_with_progress(Operation::Simulate, &text, &|_| true, 2).unwrap();
    assert_eq!(bytes(&one), bytes(&two));
    // Asking for far more threads than there are cores (`threads=10**6` from Python, or
    // `--threads`) gives the same answer on as many threads as there are cores, not a million.
    let many = ops::run_with_progress(Operation::Simulate, &text, &|_| true, 1 << 20).unwrap();
    assert_eq!(bytes(&one), bytes(&many));
}

#[test]
fn progress_is_reported_and_cancelling_stops_the_run() {
    let mut big = scenario();
    big["viewers"] = json!(200000);
    big["runs"] = json!(2);
    let seen = std::sync::atomic::AtomicU64::new(0);
    let out = ops::run_with_progress(
        Operation::Simulate,
        &big.to_string(),
        &|p| {
            seen.store(p.done, std::sync::atomic::Ordering::Relaxed);
            assert_eq!(p.total, 400000);
            true
        },
        1,
    );
    assert!(out.is_ok());
    assert_eq!(seen.load(std::sync::atomic::Ordering::Relaxed), 400000);
    let err = ops::run_with_progress(
        Operation::Simulate,
        &big.to_string(),
        &|p| p.done < 100000,
        1,
    )
    .unwrap_err();
    assert_eq!(err.code.as_str(), "cancelled");
}

#[test]
fn bad_scenarios_name_their_field() {
    type Edit = fn(&mut Value);
    let cases: &[(Edit, &str, &str)] = &[
        (
            |r| r["segments"][0]["share"] = json!("0.7"),
            "invalid_value",
            "segments",
        ),
        (
            |r| r["ages"][0]["max_age"] = json!(13),
            "invalid_value",
            "ages[0].max_age",
        ),
        (
            |r| r["segments"][1]["gifts"][0]["gift"] = json!("unicorn"),
            "unknown_gift",
            "segments[1].gifts[0].gift",
        ),
        (
            |r| r["segments"][1]["budget"] = json!({"distribution": "pareto", "min": "1.00"}),
            "missing_field",
            "segments[1].budget.alpha",
        ),
        (|r| r["viewers"] = json!(0), "out_of_range", "viewers"),
        (
            |r| {
                r["viewers"] = json!(10_000_000u64);
                r["runs"] = json!(1000)
            },
            "too_large",
            "viewers",
        ),
        (|r| r["days"] = json!(400), "out_of_range", "days"),
        (
            |r| r["elasticity"] = json!("-50"),
            "out_of_range",
            "elasticity",
        ),
        (
            |r| r["channels"][1]["rate_card"] = json!("tiktok-ios-gbp"),
            "currency_mismatch",
            "channels[1].rate_card",
        ),
        (
            |r| r["channels"][1]["rate_card"] = json!("twitch-bits"),
            "unknown_gift",
            "segments[1].gifts[0].gift",
        ),
        (
            |r| r["rule_set"] = json!("cn-games-2019"),
            "currency_mismatch",
            "rule_set",
        ),
        (
            |r| r["creators"]["count"] = json!(2_000_000),
            "out_of_range",
            "creators.count",
        ),
    ];
    for (i, (edit, code, path)) in cases.iter().enumerate() {
        let mut req = scenario();
        edit(&mut req);
        let err = ops::run(Operation::Simulate, &req.to_string()).unwrap_err();
        assert_eq!(
            (err.code.as_str(), err.path.as_str()),
            (*code, *path),
            "case {i}: {err}"
        );
    }
}

#[test]
fn a_b_differences_are_judged_against_run_to_run_noise() {
    let mut base = scenario();
    base["elasticity"] = json!("-0.5");
    let req = json!({
        "base": base,
        "variants": [
            {"name": "prices +25 %", "changes": {"price_multiplier": "1.25"}},
            {"name": "same", "changes": {"price_multiplier": "1"}}
        ]
    });
    let answer = ops::run(Operation::Sweep, &req.to_string()).unwrap();
    let row = |i: usize, m: &str| {
        answer["rows"][i]["vs_base"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["metric"] == m)
            .unwrap()
            .clone()
    };
    assert_eq!(row(0, "viewer_spend")["judgement"], "higher");
    assert_eq!(row(0, "coins_bought")["judgement"], "lower");
    assert_eq!(row(1, "viewer_spend")["judgement"], "no clear difference");
    assert_eq!(row(1, "viewer_spend")["mean_difference"], "0.00");
    let grid = json!({"base": scenario(), "grid": [{"parameter": "price_multiplier", "values": ["1", "1.5"]}, {"parameter": "cap_multiplier", "values": ["1", "2"]}]});
    let answer = ops::run(Operation::Sweep, &grid.to_string()).unwrap();
    assert_eq!(answer["rows"].as_array().unwrap().len(), 4);
    assert_eq!(answer["rows"][3]["point"]["price_multiplier"], "1.5");
}

#[test]
fn runs_split_into_parts_merge_into_the_same_bytes() {
    let text = scenario().to_string();
    let whole =
        serde_json::to_string_pretty(&ops::run(Operation::Simulate, &text).unwrap()).unwrap();
    // Three workers' worth of parts, merged in any order.
    let parts: Vec<String> = [(5, 8), (0, 2), (2, 5)]
        .iter()
        .map(|&(a, b)| ops::simulate_part(&text, a, b, &|_| true).unwrap())
        .collect();
    let joined = format!(
        "[{}]",
        parts
            .iter()
            .map(|p| &p[1..p.len() - 1])
            .collect::<Vec<_>>()
            .join(",")
    );
    assert_eq!(ops::simulate_merge(&text, &joined, false).unwrap(), whole);
    // Missing or repeated runs are refused.
    let partial = format!("[{}]", &parts[0][1..parts[0].len() - 1]);
    assert!(ops::simulate_merge(&text, &partial, false).is_err());
    assert!(ops::simulate_part(&text, 3, 9, &|_| true).is_err());
    // Damaged parts (a total no run can reach, a metric missing) are refused before any sum.
    let mut damaged: Vec<Value> = serde_json::from_str(&joined).unwrap();
    damaged[0]["money"]["viewer_spend"] = json!("MAX");
    let damaged = Value::from(damaged)
        .to_string()
        .replace("\"MAX\"", &i128::MAX.to_string());
    let err = ops::simulate_merge(&text, &damaged, false).unwrap_err();
    assert_eq!(err.code, giftsim::ErrorCode::InvalidValue, "{err}");
    let mut damaged: Vec<Value> = serde_json::from_str(&joined).unwrap();
    damaged[1]["money"] = json!({});
    assert!(ops::simulate_merge(&text, &Value::from(damaged).to_string(), false).is_err());
    // A sweep's scenarios run anywhere and merge into the sweep's answer.
    let sweep = json!({"base": scenario(), "grid": [{"parameter": "price_multiplier", "values": ["1", "1.2"]}]}).to_string();
    let whole = serde_json::to_string_pretty(&ops::run(Operation::Sweep, &sweep).unwrap()).unwrap();
    let scenarios: Vec<Value> =
        serde_json::from_str(&ops::sweep_scenarios(&sweep).unwrap()).unwrap();
    assert_eq!(scenarios.len(), 3);
    let sets: Vec<String> = scenarios
        .iter()
        .map(|s| ops::simulate_part(&s.to_string(), 0, 8, &|_| true).unwrap())
        .collect();
    assert_eq!(
        ops::sweep_merge(&sweep, &format!("[{}]", sets.join(",")), false).unwrap(),
        whole
    );
}

/// Checks what must hold for any population: percentiles ordered, every run reconciled.
fn assert_invariants(answer: &Value) -> Result<(), proptest::test_runner::TestCaseError> {
    use proptest::prop_assert;
    for m in answer["totals"]["money"].as_array().unwrap() {
        let (p5, p50, p95) = (cents(&m["p5"]), cents(&m["p50"]), cents(&m["p95"]));
        prop_assert!(p5 <= p50 && p50 <= p95, "{}", m);
    }
    for m in answer["totals"]["counts"].as_array().unwrap() {
        let q = |k: &str| m[k].as_u64().unwrap();
        prop_assert!(q("p5") <= q("p50") && q("p50") <= q("p95"), "{}", m);
    }
    for day in answer["by_day"].as_array().unwrap() {
        for k in ["spend", "gifted"] {
            let s = &day[k];
            prop_assert!(
                cents(&s["p5"]) <= cents(&s["p50"]) && cents(&s["p50"]) <= cents(&s["p95"])
            );
        }
    }
    for run in answer["runs"].as_array().unwrap() {
        prop_assert!(
            spend_parts(run) == run_money(run, "viewer_spend"),
            "{}",
            run
        );
        prop_assert!(run_money(run, "viewer_spend") <= run_money(run, "budgets"));
        let c = &run["counts"];
        prop_assert!(
            c["coins_bought"].as_u64()
                == Some(c["coins_gifted"].as_u64().unwrap() + c["unspent_coins"].as_u64().unwrap())
        );
    }
    Ok(())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 40, .. Default::default() })]

    #[test]
    fn any_small_population_has_ordered_percentiles_and_reconciles(
        seed in 0u64..1_000_000,
        viewers in 1u64..400,
        runs in 1u32..9,
        days in 1u32..40,
        elasticity in proptest::sample::select(vec!["0", "-0.5", "-2"]),
        rule_set in proptest::sample::select(vec!["none", "under18-family", "tiktok-global", "cn-games-2019"]),
        median in 1u32..200,
        whales in proptest::sample::select(vec!["0.05", "0.3"]),
    ) {
        let mut req = scenario();
        req["seed"] = json!(seed);
        req["viewers"] = json!(viewers);
        req["runs"] = json!(runs);
        req["days"] = json!(days);
        req["elasticity"] = json!(elasticity);
        req["rule_set"] = json!(rule_set);
        req["exchange_rates"] = json!({"USD/CNY": "7.10"});
        req["segments"][1]["budget"]["median"] = json!(format!("{median}.00"));
        req["segments"][2]["share"] = json!(whales);
        req["segments"][0]["share"] = json!(if whales == "0.05" { "0.8" } else { "0.55" });
        assert_invariants(&simulate(&req))?;
    }
}

#[test]
fn totals_are_exact_at_every_limit_at_once() {
    // Ten million viewers, a year, a million creators, each budget the largest allowed: the
    // budgets alone add up to 1.22 × 10^20 cents, past 64 bits. Nobody is ever active, so the
    // run is quick; every total must still be exact.
    let answer = simulate(&json!({
        "rate_card": "tiktok-web",
        "viewers": 10_000_000,
        "segments": [{"id": "all", "share": "1", "active_days_per_week": "0",
                      "budget": {"distribution": "fixed", "amount": "10000000000.00"},
                      "gifts": [{"gift": "rose", "weight": 1}]}],
        "creators": {"count": 1_000_000},
        "days": 366,
        "runs": 2
    }));
    // Each viewer: savings of up to a month's 10,000,000,000.00 at the start, then the
    // month's budget over its days, every day of 2026 and 2027-01-01: 12 months and a day of
    // January. Ten million viewers: about 1.3 × 10^20 cents in all.
    let per_viewer: i128 = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        .iter()
        .map(|len: &i128| len * (1_000_000_000_000 / len))
        .sum::<i128>()
        + 1_000_000_000_000 / 31;
    let budgets = metric(&answer, "budgets");
    let cents_of = |v: &Value| -> i128 { v.as_str().unwrap().replace('.', "").parse().unwrap() };
    let (low, high) = (
        per_viewer * 10_000_000,
        (per_viewer + 1_000_000_000_000) * 10_000_000,
    );
    for v in [
        &budgets["p50"],
        &budgets["mean"],
        &answer["runs"][1]["money"]["budgets"],
    ] {
        let c = cents_of(v);
        assert!(
            low <= c && c <= high,
            "{v} is not within [{low}, {high}] cents"
        );
    }
    assert!(low > i128::from(i64::MAX), "the test reaches past 64 bits");
    assert_eq!(metric(&answer, "spenders")["p50"], 10_000_000);
    assert_eq!(metric(&answer, "viewer_spend")["p50"], "0.00");
    // The CSV carries the same exact figure.
    let csv = ops::run_csv(
        Operation::Simulate,
        &json!({
            "rate_card": "tiktok-web", "viewers": 10_000_000,
            "segments": [{"id": "all", "share": "1", "active_days_per_week": "0",
                          "budget": {"distribution": "fixed", "amount": "10000000000.00"},
                          "gifts": [{"gift": "rose", "weight": 1}]}],
            "days": 366
        })
        .to_string(),
        &|_| true,
        2,
    )
    .unwrap();
    let row = csv.lines().nth(1).unwrap();
    let first = row.split(',').nth(1).unwrap();
    let c = cents_of(&Value::from(first));
    assert!(low <= c && c <= high, "{csv}");
}

#[test]
fn a_thousand_runs_and_their_means_are_exact() {
    let mut req = scenario();
    req["viewers"] = json!(200);
    req["runs"] = json!(1000);
    let answer = simulate(&req);
    let runs = answer["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1000);
    let total: i128 = runs
        .iter()
        .map(|r| i128::from(run_money(r, "viewer_spend")))
        .sum();
    // The mean is the exact sum over 1,000 runs, rounded once, half away from zero.
    let mean = (total * 2 + 1000) / 2000;
    assert_eq!(
        i128::from(cents(&metric(&answer, "viewer_spend")["mean"])),
        mean
    );
}
