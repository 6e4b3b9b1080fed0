//! The `giftsim` binary: JSON on stdout, errors as JSON on stderr with exit code 2, never a panic.

mod common;

use common::giftsim;
use std::process::Output;

fn error_of(out: &Output) -> serde_json::Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(out.stdout.is_empty(), "nothing on stdout for an error");
    let v: serde_json::Value =
        serde_json::from_str(stderr.trim()).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    v["error"].clone()
}

#[test]
fn the_four_smallest_quotes_answer_with_reconciling_flows() {
    for input in [
        r#"{"rate_card": "tiktok-ios", "gifts": [{"gift": "lion", "count": 1}]}"#,
        r#"{"rate_card": "tiktok-web", "coins": 5000}"#,
        r#"{"rate_card": "tiktok-web", "spend": "100.00"}"#,
        r#"{"rate_card": "tiktok-web", "creator_cash": "100.00"}"#,
    ] {
        let out = giftsim(&["quote", "-"], input.as_bytes());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{input}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let sum: i64 = v["flow"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let s = e["amount"].as_str().unwrap().replace('.', "");
                s.parse::<i64>().unwrap()
            })
            .sum();
        let pays: i64 = v["purchase"]["viewer_pays"]
            .as_str()
            .unwrap()
            .replace('.', "")
            .parse()
            .unwrap();
        assert_eq!(sum, pays, "{input}");
    }
}

#[test]
fn presets_lists_every_card_with_sources() {
    let out = giftsim(&["presets"], b"");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cards = v["rate_cards"].as_array().unwrap();
    assert!(cards.len() >= 6);
    for card in cards {
        assert!(
            !card["sources"].as_array().unwrap().is_empty(),
            "{}",
            card["id"]
        );
    }
}

#[test]
fn files_and_compact_output() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/compare-100-usd.json");
    let out = giftsim(&["compare", "--compact", example], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.trim().lines().count(), 1);
    let missing = giftsim(&["quote", "/no/such/file.json"], b"");
    assert_eq!(error_of(&missing)["code"], "io");
}

#[test]
fn malformed_input_of_every_kind_exits_2_with_the_error_json() {
    let huge = format!(
        "{{\"rate_card\": \"tiktok-web\", \"coins\": 1, \"x\": \"{}\"}}",
        "a".repeat(2 << 20)
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let cases: Vec<(&str, String, &str, &str)> = vec![
        ("quote", "not json".into(), "invalid_json", ""),
        ("quote", "".into(), "invalid_json", ""),
        ("quote", "{\"rate_card\": \"tiktok-web\", \"coins\": 5".into(), "invalid_json", ""),
        ("quote", "[]".into(), "invalid_type", ""),
        ("quote", r#"{"rate_card": "tiktok-web", "coins": "5"}"#.into(), "invalid_type", "coins"),
        ("quote", r#"{"rate_card": "tiktok-web", "coins": -5}"#.into(), "invalid_value", "coins"),
        ("quote", r#"{"rate_card": "tiktok-web", "coins": 1e30}"#.into(), "invalid_type", "coins"),
        ("quote", r#"{"rate_card": "tiktok-web", "coins": 99999999999999999999999}"#.into(), "invalid_type", "coins"),
        ("quote", r#"{"rate_card": "tiktok-web", "coins": 20000000}"#.into(), "out_of_range", "coins"),
        ("quote", r#"{"rate_card": "tiktok-web", "gifts": [{"gift": "lion", "count": 100000000000}]}"#.into(), "out_of_range", "gifts[0].count"),
        ("quote", r#"{"rate_card": "tiktok-web", "gifts": [{"gift": "unicorn", "count": 1}]}"#.into(), "unknown_gift", "gifts[0].gift"),
        ("quote", r#"{"rate_card": "tiktok-mars", "coins": 1}"#.into(), "unknown_preset", "rate_card"),
        ("quote", r#"{"rate_card": "tiktok-web", "spend": "12.345"}"#.into(), "invalid_decimal", "spend"),
        ("quote", r#"{"rate_card": "tiktok-web", "spend": "NaN"}"#.into(), "invalid_decimal", "spend"),
        ("quote", r#"{"rate_card": "tiktok-web", "spend": "1234567890123456789012345678901234567890"}"#.into(), "invalid_decimal", "spend"),
        ("quote", r#"{"rate_card": "tiktok-web", "spend": "-5.00"}"#.into(), "out_of_range", "spend"),
        ("quote", r#"{"rate_card": "tiktok-web", "creator_cash": "1e5"}"#.into(), "invalid_decimal", "creator_cash"),
        ("quote", r#"{"rate_card": "tiktok-web", "coins": 1, "gifts": [{"gift": "rose"}]}"#.into(), "conflicting_fields", "gifts"),
        ("quote", r#"{"rate_card": {"id": "x", "name": "x", "platform": "x", "channel": "web", "currency": "USD", "bundles": [{"coins": 10, "price": "1.001"}], "creator": {"model": "per_diamond", "diamonds_per_coin": "1", "diamond_value": "0.01"}}, "coins": 1}"#.into(), "invalid_decimal", "rate_card.bundles[0].price"),
        ("quote", r#"{"rate_card": {"id": "x", "name": "x", "platform": "x", "channel": "tv", "currency": "USD", "creator": {"model": "share_of_net", "share": "0.5"}}, "coins": 1}"#.into(), "invalid_value", "rate_card.channel"),
        ("quote", r#"{"rate_card": {"id": "x", "name": "x", "platform": "x", "channel": "web", "currency": "ABC", "creator": {"model": "share_of_net", "share": "0.5"}}, "coins": 1}"#.into(), "unknown_currency", "rate_card.currency"),
        ("quote", huge, "too_large", ""),
        ("quote", deep, "too_large", ""),
        ("compare", r#"{"spend": "100.00", "rate_cards": ["tiktok-web", "tiktok-ios-gbp"]}"#.into(), "currency_mismatch", "rate_cards[1]"),
        ("compare", r#"{"spend": "100.00", "rate_cards": []}"#.into(), "out_of_range", "rate_cards"),
        ("compare", r#"{"spend": "100.00", "currency": "usd"}"#.into(), "unknown_currency", "currency"),
        ("plan", r#"{"rule_set": "cn-games-2077", "person": {"age": 15}, "events": []}"#.into(), "unknown_preset", "rule_set"),
        ("plan", r#"{"rule_set": "cn-games-2019", "person": {"age": 15}, "events": [{"at": "2026-03-01 10:00", "buy": {"amount": "1.00"}}]}"#.into(), "invalid_value", "events[0].at"),
        ("plan", r#"{"rule_set": "cn-games-2019", "person": {"age": 15}, "events": [{"at": "2026-03-01T10:00:00Z", "buy": {"amount": "-1.00"}}]}"#.into(), "out_of_range", "events[0].buy.amount"),
        ("plan", r#"{"rule_set": "cn-games-2019", "person": {"age": 15}, "events": [{"at": "2026-03-01T10:00:00Z", "buy": {"amount": "1.00", "currency": "EUR"}}]}"#.into(), "currency_mismatch", "events[0].buy.amount"),
        ("plan", r#"{"rule_set": "cn-games-2019", "person": {"age": "fifteen"}, "events": []}"#.into(), "invalid_type", "person.age"),
    ];
    for (op, input, code, path) in cases {
        let out = giftsim(&[op, "-"], input.as_bytes());
        let err = error_of(&out);
        let shown: String = input.chars().take(80).collect();
        assert_eq!(
            (err["code"].as_str().unwrap(), err["path"].as_str().unwrap()),
            (code, path),
            "{op} {shown}: {err}"
        );
        assert!(!err["message"].as_str().unwrap().is_empty());
    }
}

#[test]
fn simulate_and_sweep_print_json_or_csv() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let out = giftsim(
        &[
            "simulate",
            "--csv",
            "--threads",
            "2",
            &format!("{dir}/examples/simulate-tiktok-us-teens.json"),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("run,budgets,viewer_spend"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 1 + 20, "a header and one row per run");
    let out = giftsim(
        &[
            "sweep",
            "--csv",
            &format!("{dir}/examples/sweep-prices-elasticity.json"),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.len(),
        1 + 1 + 12,
        "a header, the base and one row per point"
    );
    // Every metric with its spread over runs, and its difference with the difference's spread.
    assert!(lines[0].contains(",viewer_spend_p5,viewer_spend_p50,viewer_spend_p95,viewer_spend_diff,viewer_spend_diff_p5,viewer_spend_diff_p95,viewer_spend_p_value,viewer_spend_significant,"), "{}", lines[0]);
    assert!(lines[1].starts_with("base,"), "{}", lines[1]);
    // Names hold commas and are quoted; every row has the header's width after the name.
    let width = lines[0].split(',').count();
    for line in &lines[1..] {
        let rest = line.rsplit_once('"').map_or(*line, |(_, rest)| rest);
        assert_eq!(1 + rest.split(',').count() - 1, width, "{line}");
    }
    let out = giftsim(&["simulate", "-"], br#"{"rate_card": "tiktok-web", "viewers": 10, "days": 0, "segments": [{"id": "a", "share": "1"}]}"#);
    assert_eq!(error_of(&out)["path"], "days");
}

#[test]
fn invalid_utf8_is_an_error_not_a_panic() {
    let out = giftsim(&["quote", "-"], &[0xff, 0xfe, b'{', b'}']);
    assert_eq!(error_of(&out)["code"], "invalid_json");
}

#[test]
fn help_explains_each_operation_with_an_example() {
    let out = giftsim(&["--help"], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    for word in [
        "presets", "quote", "compare", "plan", "simulate", "sweep", "Examples",
    ] {
        assert!(text.contains(word), "--help lacks {word}:\n{text}");
    }
    let mut named = 0;
    for op in ["presets", "quote", "compare", "plan", "simulate", "sweep"] {
        let out = giftsim(&[op, "--help"], b"");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("Example"),
            "{op} --help has no example:\n{text}"
        );
        // Every example file the help names exists and runs.
        for word in text.split_whitespace() {
            let Some(name) = word.strip_prefix("examples/") else {
                continue;
            };
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(name);
            assert!(
                path.exists(),
                "{op} --help names {word}, which does not exist"
            );
            let out = giftsim(&[op, path.to_str().unwrap()], b"");
            assert!(
                out.status.success(),
                "{op} {word}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            named += 1;
        }
    }
    assert!(named >= 6, "the help names only {named} example files");
    // A usage mistake is also exit code 2.
    assert_eq!(giftsim(&["frobnicate"], b"").status.code(), Some(2));
}
