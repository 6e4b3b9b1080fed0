//! The cheapest-mix optimizer against brute force, on many small random ladders.

// Tests may sort with the standard library; clippy.toml keeps it out of the crate.
#![allow(clippy::disallowed_methods)]

use giftsim::bundles::{CustomOffer, Mix, Offer, Optimizer, Score};
use proptest::prelude::*;

/// Exact covering DP over every purchasable size (bundles and each custom size).
fn brute_force(offers: &[Offer], custom: Option<CustomOffer>, target: u64) -> Score {
    let mut items: Vec<(u64, u64)> = offers.iter().map(|o| (o.coins, o.price)).collect();
    if let Some(c) = custom {
        for j in c.min_steps..=c.max_steps {
            items.push((j * c.step, j * c.step_price));
        }
    }
    let mut best: Vec<Score> = Vec::with_capacity(target as usize + 1);
    best.push(Score {
        price: 0,
        leftover: 0,
        purchases: 0,
    });
    for t in 1..=target {
        let cell = items
            .iter()
            .map(|&(coins, price)| {
                if coins >= t {
                    Score {
                        price,
                        leftover: coins - t,
                        purchases: 1,
                    }
                } else {
                    let s = best[(t - coins) as usize];
                    Score {
                        price: s.price + price,
                        leftover: s.leftover,
                        purchases: s.purchases + 1,
                    }
                }
            })
            .min()
            .expect("at least one item");
        best.push(cell);
    }
    best[target as usize]
}

fn check(
    mix: &Mix,
    offers: &[Offer],
    custom: Option<CustomOffer>,
    target: u64,
) -> Result<(), TestCaseError> {
    // The mix must be purchasable as stated.
    for line in &mix.lines {
        match line.item {
            giftsim::bundles::Item::Bundle(i) => {
                prop_assert_eq!((line.coins, line.price), (offers[i].coins, offers[i].price));
            }
            giftsim::bundles::Item::Custom => {
                let c = custom.expect("custom line without a custom rule");
                prop_assert_eq!(line.coins % c.step, 0);
                let steps = line.coins / c.step;
                prop_assert!(
                    steps >= c.min_steps && steps <= c.max_steps,
                    "custom size {} out of range",
                    line.coins
                );
                prop_assert_eq!(line.price, steps * c.step_price);
            }
        }
    }
    prop_assert!(mix.coins() >= target);
    Ok(())
}

fn ladder() -> impl Strategy<Value = Vec<Offer>> {
    prop::collection::vec((1u64..60, 1u64..90), 0..6).prop_map(|v| {
        v.into_iter()
            .map(|(coins, price)| Offer { coins, price })
            .collect()
    })
}

fn custom() -> impl Strategy<Value = Option<CustomOffer>> {
    prop::option::of((1u64..4, 1u64..30, 1u64..6, 0u64..8).prop_map(
        |(step, step_price, min_steps, extra)| CustomOffer {
            step,
            step_price,
            min_steps,
            max_steps: 2 * min_steps + extra,
        },
    ))
}

/// A ladder and a custom rule, never both empty.
fn card() -> impl Strategy<Value = (Vec<Offer>, Option<CustomOffer>)> {
    (ladder(), custom()).prop_map(|(mut offers, custom)| {
        if offers.is_empty() && custom.is_none() {
            offers.push(Offer {
                coins: 7,
                price: 10,
            });
        }
        (offers, custom)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    #[test]
    fn optimizer_matches_brute_force((offers, custom) in card(), targets in prop::collection::vec(0u64..1500, 1..6)) {
        let opt = Optimizer::new(&offers, custom);
        for target in targets {
            let mix = opt.cheapest(target);
            check(&mix, &offers, custom, target)?;
            let expected = brute_force(&offers, custom, target);
            prop_assert_eq!(mix.score(target), expected, "target {} offers {:?} custom {:?} mix {:?}", target, offers, custom, mix);
        }
    }

    #[test]
    fn ladders_sold_in_multiples_match_brute_force((offers, custom) in card(), unit in 2u64..7, targets in prop::collection::vec(0u64..1500, 1..4)) {
        // Every size a multiple of `unit` (like Bits sold in hundreds): the optimizer counts in
        // units, so leftover coins must still come out right for targets between multiples.
        let offers: Vec<Offer> = offers.iter().map(|o| Offer { coins: o.coins * unit, ..*o }).collect();
        let custom = custom.map(|c| CustomOffer { step: c.step * unit, ..c });
        let opt = Optimizer::new(&offers, custom);
        for target in targets {
            let mix = opt.cheapest(target);
            check(&mix, &offers, custom, target)?;
            prop_assert_eq!(mix.score(target), brute_force(&offers, custom, target), "target {} unit {}", target, unit);
        }
    }

    #[test]
    fn more_money_never_buys_fewer_coins((offers, custom) in card(), budgets in prop::collection::vec(0u64..3000, 2..6)) {
        let opt = Optimizer::new(&offers, custom);
        let mut budgets = budgets;
        budgets.sort();
        let mut last = 0;
        for b in budgets {
            let mix = opt.most_coins_for(b);
            prop_assert!(mix.price() <= b);
            prop_assert!(mix.coins() >= last, "budget {} bought {} < {}", b, mix.coins(), last);
            // Nothing cheaper gives more: one more coin costs more than the budget.
            if mix.coins() < giftsim::bundles::MAX_TARGET_COINS {
                prop_assert!(opt.cheapest(mix.coins() + 1).price() > b);
            }
            last = mix.coins();
        }
    }
}

#[test]
fn large_targets_on_every_preset_are_fast_and_cover() {
    for card in giftsim::presets::all_rate_cards() {
        let opt = Optimizer::for_card(card);
        for target in [1, 999, 29_999, 1_000_000, 9_999_999, 10_000_000] {
            let mix = opt.cheapest(target);
            assert!(mix.coins() >= target, "{} {}", card.id, target);
        }
    }
}

#[test]
fn preset_ladders_match_brute_force_at_real_targets() {
    for card in giftsim::presets::all_rate_cards() {
        let offers: Vec<Offer> = card
            .bundles
            .iter()
            .map(|b| Offer {
                coins: b.total_coins(),
                price: b.price.minor() as u64,
            })
            .collect();
        let custom = card.custom.map(|c| CustomOffer {
            step: c.step_coins,
            step_price: c.step_price.minor() as u64,
            min_steps: c.min_coins / c.step_coins,
            max_steps: (c.max_coins / c.step_coins).min(2_000),
        });
        let opt = Optimizer::new(&offers, custom);
        for target in [1, 70, 1_000, 5_000, 17_501, 29_999] {
            let mix = opt.cheapest(target);
            assert_eq!(
                mix.score(target),
                brute_force(&offers, custom, target),
                "{} at {target}: {mix:?}",
                card.id
            );
        }
    }
}

/// A card whose bundle `limited` may be bought at most `most` times (a first-purchase offer).
fn card_with_limited(offers: &[Offer], limited: usize, most: u64) -> giftsim::rate_card::RateCard {
    let mut input = giftsim::presets::rate_card("tiktok-ios", "")
        .unwrap()
        .to_input();
    input.bundles = offers
        .iter()
        .enumerate()
        .map(|(i, o)| giftsim::rate_card::input::BundleInput {
            coins: o.coins,
            bonus_coins: 0,
            price: format!("{}.{:02}", o.price / 100, o.price % 100),
            max_purchases: (i == limited).then_some(most),
        })
        .collect();
    input.sources.clear();
    giftsim::presets::rate_card_of(&giftsim::preset_or::PresetOr::Given(input), "")
        .unwrap()
        .into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// With a limited offer, the cheapest mix is the best over every allowed count of it.
    #[test]
    fn a_limited_offer_is_used_at_most_its_count(
        raw in prop::collection::vec((1u64..40, 1u64..400), 2..5),
        limited_pick in 0usize..4,
        most in 1u64..3,
        target in 1u64..300,
    ) {
        let mut offers: Vec<Offer> = Vec::new();
        for (coins, price) in raw {
            if !offers.iter().any(|o| o.coins == coins) {
                offers.push(Offer { coins, price });
            }
        }
        prop_assume!(offers.len() >= 2);
        let limited = limited_pick % offers.len();
        let card = card_with_limited(&offers, limited, most);
        let mix = Optimizer::for_card(&card).cheapest(target);
        let open: Vec<Offer> = offers
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != limited)
            .map(|(_, o)| *o)
            .collect();
        let l = offers[limited];
        let want = (0..=most)
            .map(|k| {
                let rest = target.saturating_sub(k * l.coins);
                let s = if rest == 0 {
                    Score { price: 0, leftover: 0, purchases: 0 }
                } else {
                    brute_force(&open, None, rest)
                };
                let coins = k * l.coins;
                Score {
                    price: s.price + k * l.price,
                    leftover: if rest == 0 { coins - target } else { s.leftover },
                    purchases: s.purchases + k,
                }
            })
            .min()
            .unwrap();
        prop_assert_eq!(mix.score(target), want);
        let used: u64 = mix
            .lines
            .iter()
            .filter(|line| line.item == giftsim::bundles::Item::Bundle(limited))
            .map(|line| line.count)
            .sum();
        prop_assert!(used <= most);
    }
}
