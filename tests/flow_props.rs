//! Invariants of every answer over random rate cards and questions: the flow reconciles to the
//! cent, gifts plus unspent coins cost exactly what the viewer paid, payouts add up.

use giftsim::ops::{self, Operation};
use proptest::prelude::*;
use serde_json::{json, Value};

fn cents(v: &Value) -> i64 {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("not a money string: {v}"));
    let (sign, s) = s.strip_prefix('-').map(|r| (-1, r)).unwrap_or((1, s));
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let frac = format!("{frac:0<2}");
    sign * (int.parse::<i64>().unwrap() * 100 + frac[..2].parse::<i64>().unwrap())
}

fn rate(max_thousandths: u32) -> impl Strategy<Value = String> {
    (0..=max_thousandths).prop_map(|n| format!("{}.{:03}", n / 1000, n % 1000))
}

fn price() -> impl Strategy<Value = String> {
    (1u32..50_000).prop_map(|c| format!("{}.{:02}", c / 100, c % 100))
}

prop_compose! {
    fn rate_card()(
        bundles in prop::collection::btree_map(1u64..5_000, (price(), 0u64..3), 0..6),
        custom in prop::option::of((prop::sample::select(vec![1u64, 2, 4, 5, 10]), 1u64..20, 1u64..5, 1u32..5)),
        tax_mode in prop::sample::select(vec!["none", "inclusive", "on_top"]),
        tax_rate in rate(300),
        store in rate(400),
        pay_rate in rate(60),
        pay_fixed in 0u32..50,
        per_diamond in any::<bool>(),
        dpc in prop::sample::select(vec!["1", "0.5", "2", "0.7"]),
        value in prop::sample::select(vec!["0.005", "0.01", "0.0038", "0.003"]),
        share in rate(1000),
        agency in rate(300),
        agency_by_creator in any::<bool>(),
        minimum in 0u32..5_000,
        cap in prop::option::of(5_000u32..200_000),
        payout_rate in rate(50),
        gifts in prop::collection::btree_map("[a-z]{1,8}", 1u64..3_000, 1..6),
    ) -> Value {
        let mut bundle_list: Vec<Value> = bundles
            .into_iter()
            .map(|(coins, (price, bonus))| json!({"coins": coins, "bonus_coins": bonus * coins / 10, "price": price}))
            .collect();
        // Bonus coins can make two bundles give the same total; that is still valid input.
        bundle_list.dedup();
        let custom = custom.map(|(step, step_cents, min_steps, spread)| json!({
            "price_per_coin": (rust_decimal::Decimal::from(step_cents) / rust_decimal::Decimal::from(100 * step)).normalize().to_string(),
            "step_coins": step, "min_coins": step * min_steps, "max_coins": step * min_steps * (1 + spread as u64)
        }));
        let (tax_mode, tax_rate) = if tax_mode == "none" { (tax_mode, "0".to_string()) } else { (tax_mode, tax_rate) };
        let creator = if per_diamond {
            json!({"model": "per_diamond", "diamonds_per_coin": dpc, "diamond_value": value})
        } else {
            json!({"model": "share_of_net", "share": share})
        };
        let mut card = json!({
            "id": "random-card", "name": "Random", "platform": "random", "channel": "web", "currency": "USD",
            "bundles": bundle_list,
            "tax": {"mode": tax_mode, "rate": tax_rate},
            "store_fee_rate": store,
            "payment_fee": {"rate": pay_rate, "fixed": format!("0.{pay_fixed:02}")},
            "creator": creator,
            "agency": {"rate": agency, "paid_by": if agency_by_creator { "creator" } else { "platform" }},
            "payout": {"minimum": format!("{}.{:02}", minimum / 100, minimum % 100),
                       "fee": {"rate": payout_rate, "fixed": "0.10"}, "delay_days": 7},
            "gifts": gifts.into_iter().map(|(id, coins)| json!({"id": id, "name": id, "coins": coins})).collect::<Vec<_>>(),
        });
        if let Some(c) = cap {
            card["payout"]["daily_cap"] = json!(format!("{}.{:02}", c / 100, c % 100));
        }
        if let Some(c) = custom {
            card["custom_amount"] = c;
        }
        if card["bundles"].as_array().unwrap().is_empty() && card.get("custom_amount").is_none() {
            card["bundles"] = json!([{"coins": 100, "price": "1.00"}]);
        }
        card
    }
}

fn check_answer(answer: &Value) -> Result<(), TestCaseError> {
    let pays = cents(&answer["purchase"]["viewer_pays"]);
    let flow: i64 = answer["flow"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| cents(&e["amount"]))
        .sum();
    prop_assert_eq!(flow, pays, "flow does not reconcile: {}", answer["flow"]);
    // A fixed payment fee can exceed a tiny purchase, so platform and unspent net may be
    // negative; taxes, fees and what the creator and agency receive never are.
    for e in answer["flow"].as_array().unwrap() {
        if !matches!(e["to"].as_str(), Some("platform" | "unspent_coins")) {
            prop_assert!(cents(&e["amount"]) >= 0, "negative {}", e);
        }
    }
    let spent: i64 = answer["spent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| cents(&s["cost"]))
        .sum();
    prop_assert_eq!(
        spent + cents(&answer["unspent"]["cost"]),
        pays,
        "gift costs + unspent != paid"
    );
    let credited: i64 = answer["spent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| cents(&s["creator_credited"]))
        .sum();
    prop_assert_eq!(
        credited,
        cents(&answer["creator"]["earnings"]),
        "the spends' credited parts != the credit"
    );
    let p = &answer["payout"];
    let fees = cents(&p["total_fees"]);
    prop_assert_eq!(
        cents(&p["total_received"]) + fees + cents(&p["remaining"]),
        cents(&p["balance"])
    );
    prop_assert!(
        answer["purchase"]["coins"].as_u64().unwrap() >= answer["coins_needed"].as_u64().unwrap()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn every_flow_reconciles_on_random_cards(card in rate_card(), coins in 0u64..60_000, pick in 0usize..6, count in 1u64..20, budget in 0u32..100_000) {
        let gift_ids: Vec<String> = card["gifts"].as_array().unwrap().iter().map(|g| g["id"].as_str().unwrap().to_string()).collect();
        let gift = &gift_ids[pick % gift_ids.len()];
        let questions = [
            json!({"coins": coins}),
            json!({"gifts": [{"gift": gift, "count": count}, {"gift": gift_ids[0], "count": 1}]}),
            json!({"spend": format!("{}.{:02}", budget / 100, budget % 100)}),
        ];
        for q in questions {
            let mut req = q.clone();
            req["rate_card"] = card.clone();
            req["compare_channels"] = json!(false);
            match ops::run(Operation::Quote, &req.to_string()) {
                Ok(answer) => check_answer(&answer)?,
                Err(e) => prop_assert!(false, "{}: {}\n{}", q, e, card),
            }
        }
    }
}
