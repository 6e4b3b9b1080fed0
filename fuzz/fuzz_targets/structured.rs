//! Rate cards, rule sets and events built directly from structured fuzz input: every quote's
//! flow reconciles, the cheapest mix covers the coins, and a hard cap never passes a blocked
//! amount.
#![no_main]

use arbitrary::Arbitrary;
use giftsim::ops::{self, Operation};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

#[derive(Debug, Arbitrary)]
struct Card {
    bundles: Vec<(u16, u32, u8)>,
    custom: Option<(u8, u16, u8, u8)>,
    tax: (u8, u16),
    store: u16,
    payment: (u16, u16),
    per_diamond: bool,
    value: u16,
    agency: (u16, bool),
    minimum: u32,
    cap: Option<u32>,
}

#[derive(Debug, Arbitrary)]
struct Case {
    card: Card,
    coins: u32,
    spend: u32,
    caps: Vec<(bool, u8, u32, bool)>,
    events: Vec<(u32, u32, bool)>,
}

fn money(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn fraction(per_10000: u16) -> String {
    let v = per_10000 % 10001;
    format!("{}.{:04}", v / 10000, v % 10000)
}

fn card(c: &Card) -> serde_json::Value {
    let bundles: Vec<_> = c.bundles.iter().take(8).map(|&(coins, price, bonus)| {
        json!({"coins": coins.max(1), "bonus_coins": bonus, "price": money(price % 10_000_000 + 1)})
    }).collect();
    let mut card = json!({
        "id": "fuzz", "name": "Fuzz", "platform": "fuzz", "channel": "web", "currency": "USD",
        "bundles": bundles,
        "tax": {"mode": (["none", "inclusive", "on_top"][c.tax.0 as usize % 3]), "rate": (if c.tax.0 % 3 == 0 { "0".to_string() } else { fraction(c.tax.1) })},
        "store_fee_rate": fraction(c.store),
        "payment_fee": {"rate": fraction(c.payment.0), "fixed": money(u32::from(c.payment.1) % 100)},
        "creator": if c.per_diamond {
            json!({"model": "per_diamond", "diamonds_per_coin": "1", "diamond_value": format!("0.{:05}", u32::from(c.value) % 100_000)})
        } else {
            json!({"model": "share_of_net", "share": fraction(c.value)})
        },
        "agency": {"rate": fraction(c.agency.0), "paid_by": if c.agency.1 { "creator" } else { "platform" }},
        "payout": {"minimum": money(c.minimum % 100_000), "fee": {"rate": "0.01", "fixed": "0.25"}},
        "gifts": "tiktok"
    });
    if let Some(cap) = c.cap {
        card["payout"]["daily_cap"] = json!(money(cap % 10_000_000 + c.minimum % 100_000 + 1));
    }
    if let Some((step, price, min, extra)) = c.custom {
        let step = [1u64, 2, 5, 10, 50][step as usize % 5];
        let min = u64::from(min.max(1)) * step;
        // price/(100·step) dollars, in units of 0.0001: 100/step is whole for these steps.
        let per_coin = u64::from(price.max(1)) * (100 / step);
        card["custom_amount"] = json!({
            "price_per_coin": format!("{}.{:04}", per_coin / 10000, per_coin % 10000),
            "step_coins": step, "min_coins": min, "max_coins": min * 2 + u64::from(extra) * step
        });
    }
    card
}

fuzz_target!(|case: Case| {
    let card = card(&case.card);
    for question in [
        json!({"coins": case.coins % 200_000}),
        json!({"spend": money(case.spend % 1_000_000)}),
    ] {
        let mut req = question;
        req["rate_card"] = card.clone();
        req["compare_channels"] = json!(false);
        // `GIFTSIM_FUZZ_DUMP=1 cargo fuzz run structured ARTIFACT` prints a case's requests, to
        // turn it into a regression test.
        if std::env::var_os("GIFTSIM_FUZZ_DUMP").is_some() {
            eprintln!("quote: {req}");
        }
        let Ok(answer) = ops::run(Operation::Quote, &req.to_string()) else {
            continue;
        };
        assert!(answer["flow"].is_array(), "a quote answer has a flow");
        giftsim_fuzz::assert_reconciles(&answer);
        assert!(
            answer["purchase"]["coins"].as_u64().unwrap()
                >= answer["coins_needed"].as_u64().unwrap()
        );
    }
    // Rules: hard caps never let a blocked amount through.
    let caps: Vec<_> = case.caps.iter().take(4).enumerate().map(|(i, &(gift, window, limit, hard))| json!({
        "id": format!("c{i}"), "action": if gift { "gift" } else { "buy" },
        "window": (["transaction", "calendar_day", "calendar_week", "calendar_month", "rolling_24h", "rolling_7d", "rolling_30d"][window as usize % 7]),
        "limit": money(limit % 1_000_000 + 1), "enforcement": if hard { "hard" } else { "soft" }
    })).collect();
    let events: Vec<_> = case
        .events
        .iter()
        .take(50)
        .map(|&(t, amount, gift)| {
            let at = format!(
                "2026-01-{:02}T{:02}:{:02}:00Z",
                1 + t % 28,
                (t / 28) % 24,
                (t / 672) % 60
            );
            let amount = json!({"amount": money(amount % 100_000 + 1)});
            if gift {
                json!({"at": at, "gift": amount})
            } else {
                json!({"at": at, "buy": amount})
            }
        })
        .collect();
    let plan = json!({
        "rule_set": {"id": "fuzz", "name": "Fuzz", "currency": "USD", "brackets": [{"id": "all", "caps": caps}]},
        "person": {"age": 30}, "events": events
    });
    if std::env::var_os("GIFTSIM_FUZZ_DUMP").is_some() {
        eprintln!("plan: {plan}");
    }
    if let Ok(answer) = ops::run(Operation::Plan, &plan.to_string()) {
        for v in answer["verdicts"].as_array().unwrap() {
            for c in v["checks"].as_array().unwrap() {
                if c["verdict"] == "block" {
                    assert_eq!(v["verdict"], "block");
                }
            }
        }
    }
});
