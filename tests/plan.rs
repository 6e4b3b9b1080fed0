//! Spending rules, tested from the rules themselves: the NPPA brackets at their edges, TikTok's
//! age gate, rolling against calendar windows across midnight and daylight saving, warnings once
//! per window, and properties that hold for any plan.

use giftsim::ops::{self, Operation};
use proptest::prelude::*;
use serde_json::{json, Value};

fn cents(v: &Value) -> i64 {
    let s = v.as_str().unwrap();
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    int.parse::<i64>().unwrap() * 100 + format!("{frac:0<2}")[..2].parse::<i64>().unwrap()
}

fn plan(req: Value) -> Value {
    ops::run(Operation::Plan, &req.to_string()).unwrap_or_else(|e| panic!("{e}\n{req}"))
}

fn verdicts(answer: &Value) -> Vec<(String, String)> {
    answer["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["verdict"].as_str().unwrap().to_string(),
                v["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn levels(answer: &Value) -> Vec<String> {
    verdicts(answer).into_iter().map(|(l, _)| l).collect()
}

fn buy_cny(at: &str, amount: &str) -> Value {
    json!({"at": at, "buy": {"amount": amount, "currency": "CNY"}})
}

fn nppa(age: u32, events: Vec<Value>) -> Value {
    plan(json!({"rule_set": "cn-games-2019", "person": {"age": age}, "events": events}))
}

#[test]
fn the_smallest_plan_of_the_issue_works_as_written() {
    let answer = ops::run(
        Operation::Plan,
        r#"{"rule_set": "cn-games-2019", "person": {"age": 15}, "events": [{"at": "2026-03-01T10:00:00+08:00", "buy": {"amount": "45.00", "currency": "CNY"}}]}"#,
    )
    .unwrap();
    assert_eq!(levels(&answer), ["ok"]);
    assert_eq!(answer["verdicts"][0]["remaining"], "5.00");
}

#[test]
fn nppa_brackets_at_their_edges() {
    let one = |age: u32, amount: &str| -> (String, String) {
        verdicts(&nppa(
            age,
            vec![buy_cny("2026-03-01T10:00:00+08:00", amount)],
        ))[0]
            .clone()
    };
    // Under 8: no purchases at all.
    assert_eq!(one(7, "1.00"), ("block".into(), "age_below_minimum".into()));
    // 8 to 15: ¥50 per top-up.
    assert_eq!(one(8, "50.00").0, "ok");
    assert_eq!(
        one(8, "50.01"),
        ("block".into(), "transaction_cap_exceeded".into())
    );
    assert_eq!(one(15, "50.00").0, "ok");
    assert_eq!(one(15, "50.01").0, "block");
    // 16 and 17: ¥100 per top-up.
    assert_eq!(one(16, "100.00").0, "ok");
    assert_eq!(one(16, "100.01").0, "block");
    assert_eq!(one(17, "100.01").0, "block");
    // 18: no caps.
    assert_eq!(one(18, "100000.00").0, "ok");
}

#[test]
fn the_fifth_45_yuan_top_up_in_a_month_is_blocked_and_a_new_month_resets() {
    let events = vec![
        buy_cny("2026-03-01T10:00:00+08:00", "45.00"),
        buy_cny("2026-03-08T10:00:00+08:00", "45.00"),
        buy_cny("2026-03-15T10:00:00+08:00", "45.00"),
        buy_cny("2026-03-22T10:00:00+08:00", "45.00"),
        buy_cny("2026-03-29T10:00:00+08:00", "45.00"),
        buy_cny("2026-03-31T23:59:59+08:00", "20.00"),
        buy_cny("2026-04-01T00:00:00+08:00", "45.00"),
    ];
    let answer = nppa(15, events);
    assert_eq!(
        verdicts(&answer),
        [
            ("ok".to_string(), "within_cap".to_string()),
            ("ok".into(), "within_cap".into()),
            ("warn".into(), "threshold_reached".into()),
            ("warn".into(), "threshold_reached".into()),
            ("block".into(), "window_cap_exceeded".into()),
            ("warn".into(), "threshold_reached".into()),
            ("ok".into(), "within_cap".into()),
        ]
    );
    // The blocked ¥45 is not counted: ¥180 + ¥20 reaches the cap exactly (the 100 % warning).
    assert_eq!(answer["verdicts"][5]["used"], "200.00");
    assert_eq!(answer["verdicts"][5]["remaining"], "0.00");
    assert_eq!(answer["verdicts"][4]["rule"], "monthly");
    assert_eq!(answer["verdicts"][6]["checks"][2]["used"], "45.00");
    // 16-year-olds have ¥400 a month.
    let older = nppa(
        16,
        (0..5)
            .map(|d| buy_cny(&format!("2026-03-0{}T10:00:00+08:00", d + 1), "80.00"))
            .collect(),
    );
    // ¥240 passes 50 %, ¥320 reaches 80 %, ¥400 reaches 100 %: all allowed.
    assert_eq!(levels(&older), ["ok", "ok", "warn", "warn", "warn"]);
}

#[test]
fn a_month_is_counted_in_the_persons_time_zone() {
    // 2026-03-31T20:00Z is already April 1st in Shanghai: a new month there, not in UTC.
    let events = vec![
        buy_cny("2026-03-10T10:00:00Z", "50.00"),
        buy_cny("2026-03-11T10:00:00Z", "50.00"),
        buy_cny("2026-03-12T10:00:00Z", "50.00"),
        buy_cny("2026-03-13T10:00:00Z", "50.00"),
        buy_cny("2026-03-31T20:00:00Z", "50.00"),
    ];
    let shanghai =
        plan(json!({"rule_set": "cn-games-2019", "person": {"age": 12}, "events": events}));
    assert_eq!(levels(&shanghai)[4], "ok");
    let utc = plan(
        json!({"rule_set": "cn-games-2019", "person": {"age": 12, "time_zone": "UTC"}, "events": events}),
    );
    assert_eq!(levels(&utc)[4], "block");
}

#[test]
fn a_17_year_old_gifting_under_tiktok_global() {
    let req = |age: u32, region: &str| {
        json!({
            "rule_set": "tiktok-global", "person": {"age": age, "region": region},
            "events": [{"at": "2026-06-01T18:00:00Z", "gift": {"amount": "5.00", "currency": "USD"}}]
        })
    };
    let answer = plan(req(17, "US"));
    assert_eq!(
        verdicts(&answer)[0],
        ("block".into(), "age_below_minimum".into())
    );
    assert!(answer["verdicts"][0]["message"]
        .as_str()
        .unwrap()
        .contains("18"));
    assert_eq!(answer["person"]["may_gift"], false);
    assert_eq!(
        answer["can_still_spend"]["gift"]["without_block"]["amount"],
        "0.00"
    );
    assert_eq!(levels(&plan(req(18, "US"))), ["ok"]);
    // The regional exception: 19 in South Korea (and in its provinces). Japan follows 18: the
    // 20 of an older help page is stale.
    assert_eq!(levels(&plan(req(18, "KR"))), ["block"]);
    assert_eq!(levels(&plan(req(18, "KR-11"))), ["block"]);
    assert_eq!(levels(&plan(req(19, "KR"))), ["ok"]);
    assert_eq!(levels(&plan(req(18, "JP"))), ["ok"]);
}

/// A rule set with one hard cap of $100 in `window`.
fn one_cap(window: &str) -> Value {
    json!({
        "id": "one-cap", "name": "One cap", "currency": "USD",
        "brackets": [{"id": "all", "caps": [{"id": "cap", "action": "buy", "window": window, "limit": "100.00"}]}]
    })
}

fn buys(window: &str, zone: &str, events: &[(&str, &str)]) -> Vec<String> {
    let events: Vec<Value> = events
        .iter()
        .map(|(at, amount)| json!({"at": at, "buy": {"amount": amount}}))
        .collect();
    levels(&plan(
        json!({"rule_set": one_cap(window), "person": {"age": 30, "time_zone": zone}, "events": events}),
    ))
}

#[test]
fn rolling_and_calendar_windows_across_midnight() {
    // $80 at 23:30 and $80 at 00:30 local: a new calendar day, but the same 24 hours.
    let events = [
        ("2026-05-04T23:30:00+02:00", "80.00"),
        ("2026-05-05T00:30:00+02:00", "80.00"),
    ];
    assert_eq!(
        buys("calendar_day", "Europe/Berlin", &events),
        ["warn", "warn"]
    );
    assert_eq!(
        buys("rolling_24h", "Europe/Berlin", &events),
        ["warn", "block"]
    );
    // The same instants seen from New York are the same afternoon: one calendar day.
    assert_eq!(
        buys("calendar_day", "America/New_York", &events),
        ["warn", "block"]
    );
    // A rolling window includes its end and excludes its start.
    let exactly_24h = [
        ("2026-05-04T12:00:00Z", "80.00"),
        ("2026-05-05T12:00:00Z", "80.00"),
    ];
    assert_eq!(buys("rolling_24h", "UTC", &exactly_24h), ["warn", "warn"]);
    let just_under = [
        ("2026-05-04T12:00:01Z", "80.00"),
        ("2026-05-05T12:00:00Z", "80.00"),
    ];
    assert_eq!(buys("rolling_24h", "UTC", &just_under), ["warn", "block"]);
}

#[test]
fn rolling_and_calendar_windows_across_a_daylight_saving_change() {
    // US clocks spring forward on 2026-03-08 at 02:00: that calendar day has 23 hours.
    // 00:30 EST (05:30Z) and 23:45 EDT (03:45Z next day) are 22h15m apart, both on March 8th.
    let events = [
        ("2026-03-08T00:30:00-05:00", "80.00"),
        ("2026-03-08T23:45:00-04:00", "80.00"),
    ];
    assert_eq!(
        buys("calendar_day", "America/New_York", &events),
        ["warn", "block"]
    );
    assert_eq!(
        buys("rolling_24h", "America/New_York", &events),
        ["warn", "block"]
    );
    // 23:30 on March 7th (EST) to 00:15 on March 9th (EDT) is 23h45m: two calendar days
    // apart, still inside 24 rolling hours.
    let events = [
        ("2026-03-07T23:30:00-05:00", "80.00"),
        ("2026-03-09T00:15:00-04:00", "80.00"),
    ];
    assert_eq!(
        buys("calendar_day", "America/New_York", &events),
        ["warn", "warn"]
    );
    assert_eq!(
        buys("rolling_24h", "America/New_York", &events),
        ["warn", "block"]
    );
    // In autumn (2026-11-01, 25 hours) a day holds more than 24 rolling hours.
    let events = [
        ("2026-11-01T00:10:00-04:00", "80.00"),
        ("2026-11-01T23:50:00-05:00", "80.00"),
    ];
    assert_eq!(
        buys("calendar_day", "America/New_York", &events),
        ["warn", "block"]
    );
    assert_eq!(
        buys("rolling_24h", "America/New_York", &events),
        ["warn", "warn"]
    );
}

#[test]
fn each_warning_threshold_fires_once_per_window() {
    // $10 a day against a $100 calendar-month cap: warnings at 50 %, 80 % and 100 %, once each,
    // then again in the next month.
    let mut events: Vec<(String, &str)> = (1..=10)
        .map(|d| (format!("2026-07-{d:02}T12:00:00Z"), "10.00"))
        .collect();
    events.extend((1..=10).map(|d| (format!("2026-08-{d:02}T12:00:00Z"), "10.00")));
    let refs: Vec<(&str, &str)> = events.iter().map(|(a, m)| (a.as_str(), *m)).collect();
    let out = buys("calendar_month", "UTC", &refs);
    let warns: Vec<usize> = out
        .iter()
        .enumerate()
        .filter(|(_, l)| *l == "warn")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(warns, [4, 7, 9, 14, 17, 19], "{out:?}");
    // A rolling 7-day window warns again only once the first warning has left the window.
    let events: Vec<(String, &str)> = (0..20)
        .map(|h| (format!("2026-07-01T{h:02}:00:00Z"), "3.00"))
        .collect();
    let refs: Vec<(&str, &str)> = events.iter().map(|(a, m)| (a.as_str(), *m)).collect();
    let out = buys("rolling_7d", "UTC", &refs);
    assert_eq!(out.iter().filter(|l| *l == "warn").count(), 1, "{out:?}");
}

#[test]
fn cooldown_and_guardian_approval() {
    let rules = json!({
        "id": "careful", "name": "Careful", "currency": "USD",
        "brackets": [{"id": "teens", "min_age": 13, "max_age": 18, "cooldown_minutes": 60, "guardian_approval": true}]
    });
    let answer = plan(json!({
        "rule_set": rules, "person": {"age": 15},
        "events": [
            {"at": "2026-01-01T10:00:00Z", "buy": {"amount": "5.00"}},
            {"at": "2026-01-01T10:10:00Z", "buy": {"amount": "5.00"}, "guardian_approved": true},
            {"at": "2026-01-01T10:40:00Z", "buy": {"amount": "5.00"}, "guardian_approved": true},
            {"at": "2026-01-01T11:10:00Z", "buy": {"amount": "5.00"}, "guardian_approved": true}
        ]
    }));
    assert_eq!(
        verdicts(&answer),
        [
            (
                "block".to_string(),
                "guardian_approval_required".to_string()
            ),
            ("ok".into(), "age_allowed".into()),
            ("block".into(), "cooldown".into()),
            ("ok".into(), "age_allowed".into()),
        ]
    );
    let headroom = &answer["can_still_spend"]["buy"]["without_block"];
    assert_eq!(headroom["limited_by"], "cooldown");
    assert_eq!(headroom["next_allowed_at"], "2026-01-01T12:10:00+00:00");
}

#[test]
fn what_can_still_be_spent() {
    let answer = nppa(
        15,
        vec![
            buy_cny("2026-03-01T10:00:00+08:00", "45.00"),
            buy_cny("2026-03-02T10:00:00+08:00", "45.00"),
            buy_cny("2026-03-03T10:00:00+08:00", "45.00"),
            buy_cny("2026-03-04T10:00:00+08:00", "45.00"),
        ],
    );
    let buy = &answer["can_still_spend"]["buy"];
    assert_eq!(buy["without_block"]["amount"], "20.00");
    assert_eq!(buy["without_block"]["limited_by"], "monthly");
    assert_eq!(
        buy["without_block"]["window"]["start"],
        "2026-03-01T00:00:00+08:00"
    );
    // The 100 % threshold warns at ¥200: one cent below it is the most without a warning.
    assert_eq!(buy["without_warning"]["amount"], "19.99");
    let later = plan(
        json!({"rule_set": "cn-games-2019", "person": {"age": 15}, "now": "2026-04-02T09:00:00+08:00", "events": [buy_cny("2026-03-01T10:00:00+08:00", "45.00")]}),
    );
    assert_eq!(
        later["can_still_spend"]["buy"]["without_block"]["amount"],
        "50.00"
    );
}

#[test]
fn other_currencies_need_an_exchange_rate() {
    let req = json!({
        "rule_set": "cn-games-2019", "person": {"age": 15},
        "events": [{"at": "2026-03-01T10:00:00+08:00", "buy": {"amount": "7.00", "currency": "USD"}}]
    });
    let err = ops::run(Operation::Plan, &req.to_string()).unwrap_err();
    assert_eq!(
        (err.code.as_str(), err.path.as_str()),
        ("currency_mismatch", "events[0].buy.amount")
    );
    assert!(
        err.message.contains("USD") && err.message.contains("CNY"),
        "{}",
        err.message
    );
    let mut with_rate = req.clone();
    with_rate["exchange_rates"] = json!({"USD/CNY": "7.10"});
    let answer = plan(with_rate);
    assert_eq!(answer["verdicts"][0]["amount"], "49.70");
    assert_eq!(answer["verdicts"][0]["paid"]["currency"], "USD");
    // The rate that converted it is named beside the verdict, as stated.
    assert_eq!(
        answer["verdicts"][0]["paid"]["exchange_rate"],
        json!({"pair": "USD/CNY", "rate": "7.10"})
    );
    // The reverse pair works too.
    let mut reverse = req;
    reverse["exchange_rates"] = json!({"CNY/USD": "0.14"});
    assert_eq!(plan(reverse)["verdicts"][0]["amount"], "50.00");
}

#[test]
fn invalid_plans_name_their_field() {
    let base = || {
        json!({"rule_set": "cn-games-2019", "person": {"age": 15},
               "events": [{"at": "2026-03-01T10:00:00+08:00", "buy": {"amount": "45.00"}}]})
    };
    type Edit = fn(&mut Value);
    let cases: &[(Edit, &str, &str)] = &[
        (
            |r| r["rule_set"] = json!("cn-games-2020"),
            "unknown_preset",
            "rule_set",
        ),
        (
            |r| r["events"][0]["at"] = json!("2026-03-01"),
            "invalid_value",
            "events[0].at",
        ),
        (
            |r| r["person"]["time_zone"] = json!("Europe/Atlantis"),
            "invalid_value",
            "person.time_zone",
        ),
        (
            |r| r["events"][0]["at"] = json!("next tuesday"),
            "invalid_value",
            "events[0].at",
        ),
        (
            |r| r["events"][0]["buy"]["amount"] = json!("-45.00"),
            "out_of_range",
            "events[0].buy.amount",
        ),
        (
            |r| r["events"][0]["buy"]["amount"] = json!("45.001"),
            "invalid_decimal",
            "events[0].buy.amount",
        ),
        (
            |r| r["events"][0]["buy"] = json!({"coins": 100}),
            "missing_field",
            "events[0].buy.coins",
        ),
        (
            |r| r["events"][0]["gift"] = json!({"amount": "1.00"}),
            "conflicting_fields",
            "events[0].gift",
        ),
        (
            |r| r["events"][0] = json!({"at": "2026-03-01T10:00:00Z"}),
            "missing_field",
            "events[0].buy",
        ),
        (
            |r| r["person"]["age"] = json!(200),
            "out_of_range",
            "person.age",
        ),
        (
            |r| r["person"]["age"] = json!(-1),
            "invalid_value",
            "person.age",
        ),
        (
            |r| r["person"]["region"] = json!("China"),
            "invalid_value",
            "person.region",
        ),
        (
            |r| r["person"]["time_zone"] = json!("Asia/Atlantis"),
            "invalid_value",
            "person.time_zone",
        ),
        (
            |r| r["exchange_rates"] = json!({"USDCNY": "7"}),
            "invalid_value",
            "exchange_rates.USDCNY",
        ),
        (
            |r| r["exchange_rates"] = json!({"USD/CNY": "0"}),
            "out_of_range",
            "exchange_rates.USD/CNY",
        ),
        (
            |r| r["exchange_rates"] = json!({"USD/USD": "2"}),
            "invalid_value",
            "exchange_rates.USD/USD",
        ),
        (
            // Both ways could disagree, and the verdict would name one but convert by the other.
            |r| r["exchange_rates"] = json!({"CNY/USD": "0.14", "USD/CNY": "7.10"}),
            "conflicting_fields",
            "exchange_rates.USD/CNY",
        ),
        (|r| r["now"] = json!("soon"), "invalid_value", "now"),
        (|r| r["events"] = json!([]), "missing_field", "now"),
        (
            |r| r["rule_set"] = json!({"id": "x", "name": "x", "currency": "CNY", "warning_thresholds": ["0.9", "0.5"]}),
            "invalid_value",
            "rule_set.warning_thresholds[1]",
        ),
    ];
    for (i, (edit, code, path)) in cases.iter().enumerate() {
        let mut req = base();
        edit(&mut req);
        let err = ops::run(Operation::Plan, &req.to_string()).unwrap_err();
        assert_eq!(
            (err.code.as_str(), err.path.as_str()),
            (*code, *path),
            "case {i}: {err}"
        );
    }
}

#[test]
fn an_amount_keeps_its_currency_and_is_converted_for_the_rules() {
    // $20 top-ups under China's ¥50 cap: each is ¥142 at 1 USD = 7.10 CNY, so each is blocked
    // (a relabelled ¥20 would have passed).
    let answer = plan(json!({
        "rule_set": "cn-games-2019", "person": {"age": 15},
        "exchange_rates": {"USD/CNY": "7.10"},
        "events": [
            {"at": "2026-03-01T10:00:00+08:00", "buy": {"amount": "20.00", "currency": "USD"}},
            {"at": "2026-03-02T10:00:00+08:00", "buy": {"amount": "20.00", "currency": "CNY"}}
        ]
    }));
    assert_eq!(levels(&answer), ["block", "ok"]);
    assert_eq!(answer["verdicts"][0]["amount"], "142.00");
    assert_eq!(answer["verdicts"][0]["paid"]["amount"], "20.00");
    assert_eq!(answer["verdicts"][1]["amount"], "20.00");
    assert!(answer["verdicts"][1].get("paid").is_none());
}

#[test]
fn top_ups_in_the_rules_currency_buy_coins_on_a_card_in_another() {
    // The page's default plan: ¥45 top-ups, a USD rate card; gifts later spend the coins.
    let req = json!({
        "rule_set": "cn-games-2019", "person": {"age": 16}, "rate_card": "tiktok-web",
        "exchange_rates": {"USD/CNY": "7.10"},
        "events": [
            {"at": "2026-03-01T10:00:00+08:00", "buy": {"amount": "45.00", "currency": "CNY"}},
            {"at": "2026-03-01T11:00:00+08:00", "gift": {"gift": "rose", "count": 10}},
            {"at": "2026-03-01T12:00:00+08:00", "gift": {"gift": "doughnut"}}
        ]
    });
    let answer = plan(req.clone());
    // ¥45 is $6.34 at the stated rate: the coins $6.34 buys on the web.
    let quote = ops::run(
        Operation::Quote,
        r#"{"rate_card": "tiktok-web", "spend": "6.34"}"#,
    )
    .unwrap();
    assert_eq!(answer["verdicts"][0]["coins"], quote["purchase"]["coins"]);
    assert!(answer["verdicts"][0]["coins"].as_u64().unwrap() > 500);
    assert_eq!(levels(&answer), ["ok", "ok", "ok"]);
    // Without a rate the top-up is refused, naming the missing pair.
    let mut no_rate = req;
    no_rate.as_object_mut().unwrap().remove("exchange_rates");
    let err = ops::run(Operation::Plan, &no_rate.to_string()).unwrap_err();
    assert_eq!(
        (err.code.as_str(), err.path.as_str()),
        ("currency_mismatch", "events[0].buy.amount")
    );
    assert_eq!(err.details["from"], "CNY");
    assert_eq!(err.details["to"], "USD");
}

#[test]
fn a_gift_without_coins_is_blocked_at_what_it_would_cost() {
    let answer = plan(json!({
        "rule_set": "none", "person": {"age": 30}, "rate_card": "tiktok-ios",
        "events": [{"at": "2026-03-01T10:00:00Z", "gift": {"gift": "lion"}}]
    }));
    let v = &answer["verdicts"][0];
    assert_eq!(v["verdict"], "block");
    assert_eq!(v["code"], "not_enough_coins");
    assert_eq!(v["details"], json!({"needed": 29999, "held": 0}));
    assert_eq!(
        v["message"],
        "This gift needs 29,999 coins but only 0 coins are held from earlier purchases in the plan."
    );
    // Valued at the cheapest purchase of its coins, not at zero.
    assert_eq!(v["amount"], "453.85");
    assert_eq!(answer["summary"]["blocked"], "453.85");
    let one = plan(json!({
        "rule_set": "none", "person": {"age": 30}, "rate_card": "tiktok-ios",
        "events": [{"at": "2026-03-01T10:00:00Z", "buy": {"coins": 65}},
                   {"at": "2026-03-01T10:01:00Z", "gift": {"gift": "rose", "count": 64}},
                   {"at": "2026-03-01T10:02:00Z", "gift": {"gift": "finger-heart"}}]
    }));
    let message = one["verdicts"][2]["message"].as_str().unwrap();
    assert!(message.contains("only 1 coin is held"), "{message}");
}

#[test]
fn wall_clock_times_are_read_in_the_persons_zone_with_its_history() {
    // British Columbia was at −08:00 in January 2026: 23:30 on the 31st is still January, and
    // the monthly window starts at 08:00 UTC.
    let rules = json!({"id": "bc", "name": "BC test", "currency": "CAD",
        "brackets": [{"id": "all", "caps": [{"id": "monthly", "action": "buy", "window": "calendar_month", "limit": "1000.00"}]}]});
    let answer = plan(json!({
        "rule_set": rules, "person": {"age": 15, "time_zone": "America/Vancouver"},
        "events": [
            {"at": "2026-01-31T23:30", "buy": {"amount": "60.00"}},
            {"at": "2026-02-01T00:30", "buy": {"amount": "60.00"}}
        ]
    }));
    assert_eq!(levels(&answer), ["ok", "ok"]);
    assert_eq!(answer["verdicts"][0]["at"], "2026-01-31T23:30:00-08:00");
    assert_eq!(
        answer["verdicts"][0]["window"]["start"],
        "2026-01-01T00:00:00-08:00"
    );
    // Under the old fixed −07:00, 23:30 would have been 00:30 on February 1st.
    assert_eq!(
        answer["verdicts"][1]["window"]["start"],
        "2026-02-01T00:00:00-08:00"
    );
    // The same instant written with its offset is the same event.
    let stamped = plan(json!({
        "rule_set": rules, "person": {"age": 15, "time_zone": "America/Vancouver"},
        "events": [{"at": "2026-02-01T07:30:00Z", "buy": {"amount": "60.00"}}]
    }));
    assert_eq!(stamped["verdicts"][0]["at"], "2026-01-31T23:30:00-08:00");
}

#[test]
fn quote_reports_the_rules_its_purchase_would_meet() {
    let answer = ops::run(
        Operation::Quote,
        r#"{"rate_card": "tiktok-ios", "gifts": [{"gift": "lion"}], "rule_set": "tiktok-global", "person": {"age": 16}}"#,
    )
    .unwrap();
    let check = &answer["spending_check"];
    assert_eq!(check["verdicts"][0]["verdict"], "block");
    assert_eq!(check["verdicts"][0]["code"], "age_below_minimum");
    assert_eq!(check["verdicts"][1]["action"], "gift");
    let teen = ops::run(
        Operation::Quote,
        r#"{"rate_card": "tiktok-web", "spend": "25.00", "rule_set": "under18-family", "person": {"age": 15, "guardian_approved": true}, "at": "2026-05-01T12:00:00Z"}"#,
    )
    .unwrap();
    assert_eq!(
        teen["spending_check"]["verdicts"][0]["code"],
        "transaction_cap_exceeded"
    );
    let err = ops::run(
        Operation::Quote,
        r#"{"rate_card": "tiktok-web", "coins": 5, "rule_set": "none"}"#,
    )
    .unwrap_err();
    assert_eq!(
        (err.code.as_str(), err.path.as_str()),
        ("missing_field", "person")
    );
}

fn arb_events() -> impl Strategy<Value = Vec<(i64, u32, bool)>> {
    // (seconds from a start, cents, is a gift); distinct times so the order is the timestamps'.
    prop::collection::btree_map(0i64..(90 * 86_400), (1u32..6_000, any::<bool>()), 1..40)
        .prop_map(|m| m.into_iter().map(|(t, (c, g))| (t, c, g)).collect())
}

fn arb_rules() -> impl Strategy<Value = Value> {
    let window = prop::sample::select(vec![
        "transaction",
        "calendar_day",
        "calendar_week",
        "calendar_month",
        "rolling_24h",
        "rolling_7d",
        "rolling_30d",
    ]);
    prop::collection::vec((window, 100u32..20_000, any::<bool>(), any::<bool>()), 1..4).prop_map(|caps| {
        let caps: Vec<Value> = caps
            .into_iter()
            .enumerate()
            .map(|(i, (w, limit, hard, gift))| {
                json!({"id": format!("cap-{i}"), "action": if gift { "gift" } else { "buy" }, "window": w,
                       "limit": format!("{}.{:02}", limit / 100, limit % 100),
                       "enforcement": if hard { "hard" } else { "soft" }})
            })
            .collect();
        json!({"id": "random", "name": "Random", "currency": "USD", "brackets": [{"id": "all", "caps": caps}]})
    })
}

fn events_json(events: &[(i64, u32, bool)]) -> Vec<Value> {
    let start: i64 = 1_780_000_000; // 2026-05-28
    events
        .iter()
        .map(|&(t, cents, gift)| {
            let at = jiff::Timestamp::from_second(start + t).unwrap().to_string();
            let amount = json!({"amount": format!("{}.{:02}", cents / 100, cents % 100)});
            if gift {
                json!({"at": at, "gift": amount})
            } else {
                json!({"at": at, "buy": amount})
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn a_hard_cap_never_lets_a_blocked_amount_through(rules in arb_rules(), events in arb_events(), zone in prop::sample::select(vec!["UTC", "America/New_York", "Asia/Shanghai"])) {
        let answer = plan(json!({"rule_set": rules, "person": {"age": 30, "time_zone": zone}, "events": events_json(&events)}));
        for v in answer["verdicts"].as_array().unwrap() {
            for c in v["checks"].as_array().unwrap() {
                if c["verdict"] == "block" {
                    prop_assert_eq!(&v["verdict"], "block");
                }
                // An allowed event never leaves a hard cap's window above its limit.
                let hard = rules["brackets"][0]["caps"].as_array().unwrap().iter().any(|cap| cap["id"] == c["rule"] && cap["enforcement"] == "hard");
                if hard && v["verdict"] != "block" {
                    let (used, limit) = (cents(&c["used"]), cents(&c["limit"]));
                    prop_assert!(used <= limit, "{} > {} in {}", used, limit, c);
                }
            }
        }
        // Recount independently, from the allowed events alone: no hard cap's window ever holds
        // more than its limit (windows computed here without the engine, in UTC).
        if zone == "UTC" {
            let start: i64 = 1_780_000_000;
            for cap in rules["brackets"][0]["caps"].as_array().unwrap() {
                if cap["enforcement"] != "hard" {
                    continue;
                }
                let action = cap["action"].as_str().unwrap();
                let limit = cents(&cap["limit"]);
                let allowed: Vec<(i64, i64)> = events
                    .iter()
                    .zip(answer["verdicts"].as_array().unwrap())
                    .filter(|((_, _, gift), v)| v["verdict"] != "block" && (*gift == (action == "gift")))
                    .map(|(&(t, c, _), _)| (start + t, i64::from(c)))
                    .collect();
                let key = |t: i64| -> i64 {
                    let d = jiff::Timestamp::from_second(t).unwrap().to_zoned(jiff::tz::TimeZone::UTC).date();
                    match cap["window"].as_str().unwrap() {
                        "calendar_day" => i64::from(d.year()) * 1000 + i64::from(d.day_of_year()),
                        "calendar_month" => i64::from(d.year()) * 100 + i64::from(d.month()),
                        "calendar_week" => (t - 4 * 86_400).div_euclid(7 * 86_400), // epoch day 4 is a Monday
                        _ => t,
                    }
                };
                for &(t, _) in &allowed {
                    let total: i64 = match cap["window"].as_str().unwrap() {
                        "transaction" => allowed.iter().filter(|(u, _)| *u == t).map(|(_, c)| c).max().copied().unwrap_or(0),
                        "rolling_24h" | "rolling_7d" | "rolling_30d" => {
                            let d = match cap["window"].as_str().unwrap() { "rolling_24h" => 86_400, "rolling_7d" => 7 * 86_400, _ => 30 * 86_400 };
                            allowed.iter().filter(|(u, _)| *u > t - d && *u <= t).map(|(_, c)| c).sum()
                        }
                        _ => allowed.iter().filter(|(u, _)| key(*u) == key(t)).map(|(_, c)| c).sum(),
                    };
                    prop_assert!(total <= limit, "cap {} holds {} > {}", cap, total, limit);
                }
            }
        }
        let summary = &answer["summary"];
        prop_assert_eq!(summary["ok"].as_u64().unwrap() + summary["warn"].as_u64().unwrap() + summary["block"].as_u64().unwrap(), events.len() as u64);
    }

    #[test]
    fn verdicts_do_not_depend_on_input_order(rules in arb_rules(), events in arb_events(), seed in any::<u64>()) {
        let forward = plan(json!({"rule_set": rules, "person": {"age": 30}, "events": events_json(&events)}));
        // Shuffle deterministically from the seed.
        let mut order: Vec<usize> = (0..events.len()).collect();
        let mut s = seed | 1;
        for i in (1..order.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            order.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let shuffled: Vec<(i64, u32, bool)> = order.iter().map(|&i| events[i]).collect();
        let backward = plan(json!({"rule_set": rules, "person": {"age": 30}, "events": events_json(&shuffled)}));
        for (j, &i) in order.iter().enumerate() {
            let (a, b) = (&forward["verdicts"][i], &backward["verdicts"][j]);
            prop_assert_eq!(&a["verdict"], &b["verdict"]);
            prop_assert_eq!(&a["code"], &b["code"]);
            prop_assert_eq!(&a["checks"], &b["checks"]);
        }
        prop_assert_eq!(&forward["can_still_spend"], &backward["can_still_spend"]);
    }
}

/// Own limits as a parent writes them: one bracket for every age, a calendar-month cap.
fn monthly_limit(limit: &str) -> Value {
    json!({"id": "my-limits", "name": "My own limits", "opt_in": true, "currency": "GBP",
           "brackets": [{"id": "all", "caps": [{"id": "month", "action": "buy", "window": "calendar_month", "limit": limit}]}]})
}

#[test]
fn a_weekly_repeat_keeps_its_wall_clock_time_across_a_clock_change_and_a_month_boundary() {
    // London's clocks go forward on 2027-03-28; the month turns on 1 April.
    let answer = plan(json!({
        "rule_set": monthly_limit("50.00"),
        "person": {"age": 14, "time_zone": "Europe/London"},
        "events": [{"at": "2027-03-20T10:00", "buy": {"amount": "20.00", "currency": "GBP"},
                    "repeat": {"every": "week", "times": 4}}]
    }));
    let at: Vec<&str> = answer["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["at"].as_str().unwrap())
        .collect();
    assert_eq!(
        at,
        [
            "2027-03-20T10:00:00+00:00",
            "2027-03-27T10:00:00+00:00",
            "2027-04-03T10:00:00+01:00",
            "2027-04-10T10:00:00+01:00"
        ]
    );
    let occurrences: Vec<u64> = answer["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["occurrence"].as_u64().unwrap())
        .collect();
    assert_eq!(occurrences, [1, 2, 3, 4]);
    // £40 in March (80 % warns), then April starts afresh: £20, £40.
    assert_eq!(levels(&answer), ["ok", "warn", "ok", "warn"]);
    assert_eq!(answer["summary"]["events"], 4);
}

#[test]
fn a_monthly_repeat_from_the_31st_lands_on_each_months_last_day_until_the_date() {
    let answer = plan(json!({
        "rule_set": monthly_limit("50.00"),
        "person": {"age": 14, "time_zone": "UTC"},
        "events": [{"at": "2027-01-31T09:00", "buy": {"amount": "60.00", "currency": "GBP"},
                    "repeat": {"every": "month", "until": "2027-04-30"}}]
    }));
    let at: Vec<&str> = answer["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["at"].as_str().unwrap()[..10])
        .collect();
    assert_eq!(at, ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
    assert_eq!(levels(&answer), ["block"; 4]);
    assert_eq!(answer["summary"]["first_block"], 0);
    assert_eq!(
        answer["summary"]["first_block_at"],
        "2027-01-31T09:00:00+00:00"
    );
}

#[test]
fn repeats_are_checked_and_counted_against_the_plans_limit() {
    let run = |repeat: Value| {
        ops::run(Operation::Plan, &json!({
        "rule_set": "none", "person": {"age": 30},
        "events": [{"at": "2027-01-01T09:00:00Z", "buy": {"amount": "1.00", "currency": "USD"}, "repeat": repeat}]
    }).to_string()).unwrap_err()
    };
    let e = run(json!({"every": "day", "times": 10_001}));
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("out_of_range", "events[0].repeat.times")
    );
    let e = run(json!({"every": "day"}));
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("missing_field", "events[0].repeat.times")
    );
    let e = run(json!({"every": "day", "times": 3, "until": "2027-02-01"}));
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("conflicting_fields", "events[0].repeat.until")
    );
    let e = run(json!({"every": "day", "until": "2026-12-31"}));
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("out_of_range", "events[0].repeat.until")
    );
    let e = run(json!({"every": "fortnight", "times": 3}));
    assert_eq!(e.code.as_str(), "invalid_value");
    // Every day for 30 years is more events than a plan holds: refused, not run.
    let e = run(json!({"every": "day", "until": "2057-01-01"}));
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("too_large", "events[0].repeat")
    );
}

#[test]
fn with_a_birth_date_the_rules_of_each_events_age_apply() {
    // NPPA: under 16 at most ¥50 a purchase; 16 and 17 at most ¥100. Born 2010-03-15, the
    // person turns 16 between the two purchases.
    let answer = plan(json!({
        "rule_set": "cn-games-2019",
        "person": {"birth_date": "2010-03-15"},
        "events": [buy_cny("2026-03-14T10:00:00+08:00", "60.00"), buy_cny("2026-03-15T10:00:00+08:00", "60.00")]
    }));
    assert_eq!(levels(&answer), ["block", "ok"]);
    assert_eq!(answer["person"]["age"], 16);
    assert_eq!(answer["person"]["birth_date"], "2010-03-15");
    let e = ops::run(Operation::Plan, &json!({"rule_set": "none", "person": {"age": 15, "birth_date": "2010-03-15"}, "events": [], "now": "2026-01-01T00:00:00Z"}).to_string()).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("conflicting_fields", "person.birth_date")
    );
    let e = ops::run(Operation::Plan, &json!({"rule_set": "none", "person": {"birth_date": "15-Mar-2010"}, "events": [], "now": "2026-01-01T00:00:00Z"}).to_string()).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_value", "person.birth_date")
    );
}

#[test]
fn a_purchase_with_its_coins_and_price_known_is_one_lot_and_unnamed_coins_spend_it() {
    let answer = plan(json!({
        "rule_set": "none", "person": {"age": 30}, "rate_card": "tiktok-ios",
        "events": [
            {"at": "2027-01-01T09:00:00Z", "buy": {"coins": 100, "amount": "1.50", "currency": "USD"}},
            {"at": "2027-01-01T10:00:00Z", "gift": {"coins": 40}}
        ]
    }));
    let v = &answer["verdicts"];
    assert_eq!(
        (v[0]["coins"].as_u64(), v[0]["amount"].as_str()),
        (Some(100), Some("1.50"))
    );
    // 40 of 100 coins that cost $1.50: $0.60.
    assert_eq!(
        (v[1]["coins"].as_u64(), v[1]["amount"].as_str()),
        (Some(40), Some("0.60"))
    );
    assert!(v[1].get("gift").is_none());
    let e = ops::run(
        Operation::Plan,
        &json!({"rule_set": "none", "person": {"age": 30}, "rate_card": "tiktok-ios",
        "events": [{"at": "2027-01-01T09:00:00Z", "gift": {"coins": 40, "gift": "rose"}}]})
        .to_string(),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("conflicting_fields", "events[0].gift.gift")
    );
}
