//! The cheapest bundle mix: the purchases that give at least N coins for the lowest price, then
//! the fewest leftover coins, then the fewest purchases.
//!
//! # How it stays exact without a table of ten million cells
//!
//! Let `b` be the bundle with the best price per coin (the largest one among ties), of `c`
//! coins for `p`. Every other bundle `i` costs `W_i = c·p_i − p·c_i ≥ 0` more than the same coins
//! bought at `b`'s rate. For any set of non-`b` purchases with `s` coins, adding copies of `b`
//! until N is covered gives a total that depends on `s` only through `s mod c`. So one shortest
//! path per residue modulo `c` (weights `(W_i, c − c_i)`, compared lexicographically, the second
//! part standing in for the purchase count) answers every N at once: for N above the largest
//! path's coin count the optimum is `path(ρ) + k·b` for the best residue `ρ`, and below it a
//! covering table that small is exact. The residue paths come from the round-robin algorithm
//! (Böcker & Lipták, 2007), O(bundles × c) with no heap.
//!
//! Custom amounts are exactly linear (see [`crate::rate_card::CustomAmount`]), so customs can be
//! merged and split freely. Two cases cover every card:
//! - **bundles are at least as cheap per coin**: an optimal mix never holds `lcm(c, step)` or
//!   more custom coins above the minimum (they could be swapped for copies of `b` at no loss), so
//!   trying each custom total below that bound against the residue answer is exact;
//! - **customs are cheaper per coin**: an optimal mix holds fewer than `step` bundles (any
//!   `step` of them contain a subset whose coins are a multiple of `step`, which customs buy for
//!   no more), so an exact table over those few bundle coins is enough.
//!
//! `tests/optimizer.rs` checks both against brute force.

mod mix;
pub mod price_points;
mod residues;
mod simplest;
mod tables;

pub use mix::{CustomOffer, Item, Line, Mix, Offer, Score};
pub use simplest::MAX_SIMPLE_PURCHASES;

use crate::error::{Error, ErrorCode, Result};
use crate::rate_card::RateCard;
use mix::{add, custom_lines};
pub(crate) use residues::gcd;
use residues::Residues;
use std::sync::Mutex;
use tables::ExactTable;

/// Most coins one question may ask for.
pub const MAX_TARGET_COINS: u64 = 10_000_000;

/// Finds cheapest mixes on one rate card. Build once, ask for many targets.
#[derive(Debug)]
pub struct Optimizer {
    offers: Vec<(usize, Offer)>,
    custom: Option<CustomOffer>,
    residues: Option<Residues>,
    /// True when customs are cheaper per coin than every bundle (or tie and come larger).
    custom_is_base: bool,
    /// When customs are the base: the most bundle coins an optimal mix can hold, and the
    /// cheapest exact bundle purchases for each count, grown on demand.
    exact: Option<(u64, Mutex<ExactTable>)>,
    /// The greatest common divisor of every offer's coins (and the custom step). Offers and
    /// targets are counted in these units: any mix buys a multiple of it, so N coins need
    /// `⌈N / unit⌉` units, leftover coins grow with leftover units, and every table is `unit`
    /// times smaller (Twitch sells Bits in hundreds).
    unit: u64,
    /// Limited offers (a first-purchase pack): card index, offer in coins (not units), and the
    /// most purchases of it. The search above runs without them; [`Optimizer::cheapest`] tries
    /// each allowed number of them around it.
    limited: Vec<(usize, Offer, u64)>,
}

impl Optimizer {
    /// An optimizer for a validated rate card, its limited offers left out: for a series of
    /// purchases (a plan), where a first-purchase pack cannot be bought again each time.
    pub fn for_card_open(card: &RateCard) -> Optimizer {
        Optimizer {
            limited: Vec::new(),
            ..Optimizer::for_card(card)
        }
    }

    /// An optimizer for a validated rate card.
    pub fn for_card(card: &RateCard) -> Optimizer {
        let offer = |b: &crate::rate_card::Bundle| Offer {
            coins: b.total_coins(),
            price: u64::try_from(b.price.minor()).unwrap_or(u64::MAX),
        };
        let open: Vec<(usize, Offer)> = card
            .bundles
            .iter()
            .enumerate()
            .filter(|(_, b)| b.max_purchases.is_none())
            .map(|(i, b)| (i, offer(b)))
            .collect();
        let limited: Vec<(usize, Offer, u64)> = card
            .bundles
            .iter()
            .enumerate()
            .filter_map(|(i, b)| b.max_purchases.map(|m| (i, offer(b), m)))
            .collect();
        let custom = card.custom.map(|c| CustomOffer {
            step: c.step_coins,
            step_price: u64::try_from(c.step_price.minor()).unwrap_or(u64::MAX),
            min_steps: c.min_coins / c.step_coins,
            max_steps: c.max_coins / c.step_coins,
        });
        Optimizer {
            limited,
            ..Optimizer::build(&open, custom)
        }
    }

    /// An optimizer over raw offers (bundle `i` is `offers[i]`). Offers must have coins ≥ 1 and
    /// price ≥ 1; customs must have `step ≥ 1`, `min_steps ≥ 1`, `max_steps ≥ 2 × min_steps`.
    pub fn new(offers: &[Offer], custom: Option<CustomOffer>) -> Optimizer {
        let indexed: Vec<(usize, Offer)> = offers.iter().copied().enumerate().collect();
        Optimizer::build(&indexed, custom)
    }

    /// An optimizer over offers named by their bundle index on the card.
    fn build(offers: &[(usize, Offer)], custom: Option<CustomOffer>) -> Optimizer {
        let unit = offers
            .iter()
            .map(|(_, o)| o.coins)
            .chain(custom.map(|cu| cu.step))
            .fold(0, gcd)
            .max(1);
        let scaled = offers.iter().map(|&(i, o)| {
            (
                i,
                Offer {
                    coins: o.coins / unit,
                    price: o.price,
                },
            )
        });
        let custom = custom.map(|cu| CustomOffer {
            step: cu.step / unit,
            ..cu
        });
        // Of offers with equal coins only the cheapest (first among equals) can be optimal.
        let mut kept: Vec<(usize, Offer)> = Vec::new();
        for (i, o) in scaled {
            match kept.iter_mut().find(|(_, k)| k.coins == o.coins) {
                Some(k) if o.price < k.1.price => *k = (i, o),
                Some(_) => {}
                None => kept.push((i, o)),
            }
        }
        let residues = Residues::build(&kept);
        let custom_is_base = match (custom, &residues) {
            (Some(_), None) => true,
            (Some(cu), Some(r)) => {
                // Compare step_price/step with p/c exactly.
                let lhs = u128::from(cu.step_price) * u128::from(r.c);
                let rhs = u128::from(r.p) * u128::from(cu.step);
                lhs < rhs || (lhs == rhs && cu.step * cu.max_steps > r.c)
            }
            (None, _) => false,
        };
        let exact = match custom {
            Some(cu) if custom_is_base => {
                let max_offer = kept.iter().map(|(_, o)| o.coins).max().unwrap_or(0);
                let span = (cu.step - 1)
                    .saturating_mul(max_offer)
                    .min(MAX_TARGET_COINS - 1);
                Some((span, Mutex::new(ExactTable::new())))
            }
            _ => None,
        };
        Optimizer {
            offers: kept,
            custom,
            residues,
            custom_is_base,
            exact,
            unit,
            limited: Vec::new(),
        }
    }

    /// The cheapest mix giving at least `target` coins.
    pub fn cheapest(&self, target: u64) -> Mix {
        let open = self.cheapest_open(target);
        if self.limited.is_empty() || target == 0 {
            return open;
        }
        let mut best = (open.score(target), open);
        // Every allowed number of each limited offer (at most 9 × 9 combinations).
        let mut counts = vec![0u64; self.limited.len()];
        loop {
            let mut i = 0;
            while i < counts.len() && counts[i] == self.limited[i].2 {
                counts[i] = 0;
                i += 1;
            }
            if i == counts.len() {
                break;
            }
            counts[i] += 1;
            let coins: u64 = counts
                .iter()
                .zip(&self.limited)
                .map(|(n, l)| n * l.1.coins)
                .sum();
            let mut mix = self.cheapest_open(target.saturating_sub(coins));
            mix.lines.extend(
                counts
                    .iter()
                    .zip(&self.limited)
                    .filter(|(n, _)| **n > 0)
                    .map(|(&count, &(index, o, _))| Line {
                        item: Item::Bundle(index),
                        coins: o.coins,
                        price: o.price,
                        count,
                    }),
            );
            let score = mix.score(target);
            if score < best.0 {
                best = (score, mix);
            }
        }
        let mut mix = best.1;
        sort_lines(&mut mix);
        mix
    }

    /// The cheapest mix of the offers open to any number of purchases.
    fn cheapest_open(&self, target: u64) -> Mix {
        if target == 0 {
            return Mix::default();
        }
        let target = target.div_ceil(self.unit);
        let mut mix = match self.custom {
            None => self.bundles_only(target),
            Some(cu) if self.custom_is_base => self.custom_base(target, cu),
            Some(cu) => self.bundle_base(target, cu),
        };
        for line in &mut mix.lines {
            line.coins *= self.unit;
        }
        sort_lines(&mut mix);
        mix
    }

    /// The most coins whose cheapest mix costs at most `budget` minor units, and that mix.
    /// More money never buys fewer coins: the cheapest price of N coins never falls as N grows.
    pub fn most_coins_for(&self, budget: u64) -> Mix {
        // Grow the bracket from small targets so small budgets never touch large tables.
        let (mut lo, mut hi) = (0u64, 1024u64);
        while self.price_of(hi) <= budget {
            if hi == MAX_TARGET_COINS {
                return self.cheapest(hi);
            }
            lo = hi;
            hi = (hi * 2).min(MAX_TARGET_COINS);
        }
        // Invariant: price_of(lo) <= budget < price_of(hi).
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.price_of(mid) <= budget {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        self.cheapest(lo)
    }

    fn price_of(&self, target: u64) -> u64 {
        self.cheapest(target).price()
    }

    fn bundles_only(&self, target: u64) -> Mix {
        match &self.residues {
            Some(r) => r.cover(target, &self.offers),
            // Unreachable for validated cards (a card has bundles or a custom rule).
            None => Mix::default(),
        }
    }

    /// Bundles are the base: try each custom total below the exchange bound.
    fn bundle_base(&self, target: u64, cu: CustomOffer) -> Mix {
        let Some(r) = &self.residues else {
            return Mix::default();
        };
        let mut best_j = 0u64;
        let mut best = r.cover_score(target, &self.offers);
        let lcm_steps = r.c / gcd(r.c, cu.step); // lcm(c, step) / step
        let enough = target.div_ceil(cu.step).max(cu.min_steps);
        let last = (cu.min_steps + lcm_steps - 1).min(enough);
        for j in cu.min_steps..=last {
            let custom_coins = j * cu.step;
            let custom = Score {
                price: j * cu.step_price,
                leftover: 0,
                purchases: j.div_ceil(cu.max_steps),
            };
            let score = if custom_coins >= target {
                Score {
                    leftover: custom_coins - target,
                    ..custom
                }
            } else {
                add(r.cover_score(target - custom_coins, &self.offers), custom)
            };
            if score < best {
                best = score;
                best_j = j;
            }
        }
        let mut mix = if best_j * cu.step >= target {
            Mix::default()
        } else {
            r.cover(target - best_j * cu.step, &self.offers)
        };
        mix.lines.extend(custom_lines(best_j, cu));
        mix
    }

    /// Customs are the base: fewer than `step` bundles, so an exact table over their coins.
    fn custom_base(&self, target: u64, cu: CustomOffer) -> Mix {
        let Some((most, table)) = &self.exact else {
            return Mix::default();
        };
        let span = (*most).min(target - 1);
        // A poisoned lock only means another thread panicked while growing it; what it holds
        // is still a valid prefix.
        let mut table = table.lock().unwrap_or_else(|e| e.into_inner());
        table.grow(span, &self.offers);
        let mut best: Option<(Score, u64)> = None;
        for s in 0..=span {
            let Some((price, purchases)) = table.get(s) else {
                continue;
            };
            let j = (target - s).div_ceil(cu.step).max(cu.min_steps);
            let score = Score {
                price: price + j * cu.step_price,
                leftover: s + j * cu.step - target,
                purchases: purchases + j.div_ceil(cu.max_steps),
            };
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, s));
            }
        }
        let bundles_only = self
            .residues
            .as_ref()
            .map(|r| r.cover_score(target, &self.offers));
        match best {
            Some((score, s)) if bundles_only.is_none_or(|b| score <= b) => {
                let j = (target - s).div_ceil(cu.step).max(cu.min_steps);
                let mut mix = table.mix(s, &self.offers);
                mix.lines.extend(custom_lines(j, cu));
                mix
            }
            _ => self.bundles_only(target),
        }
    }
}

/// Puts a mix's lines in the order they are bought: largest first, custom amounts last.
fn sort_lines(mix: &mut Mix) {
    crate::sort::sort_by(&mut mix.lines, |a, b| {
        let custom = |l: &Line| matches!(l.item, Item::Custom);
        custom(a)
            .cmp(&custom(b))
            .then(b.coins.cmp(&a.coins))
            .then(a.price.cmp(&b.price))
    });
}

/// Checks a requested coin count against [`MAX_TARGET_COINS`].
pub fn check_target(coins: u64, path: &str) -> Result<u64> {
    if coins > MAX_TARGET_COINS {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!(
                "at most {} can be asked for at once, not {}",
                crate::words::coins(MAX_TARGET_COINS),
                crate::words::number(coins)
            ),
        )
        .with("max", MAX_TARGET_COINS)
        .with("given", coins));
    }
    Ok(coins)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offers(list: &[(u64, u64)]) -> Vec<Offer> {
        list.iter()
            .map(|&(coins, price)| Offer { coins, price })
            .collect()
    }

    /// TikTok's US in-app ladder, prices in cents.
    fn ios() -> Optimizer {
        Optimizer::new(
            &offers(&[
                (65, 99),
                (330, 499),
                (660, 999),
                (1321, 1999),
                (3303, 4999),
                (6607, 9999),
                (16500, 24999),
            ]),
            None,
        )
    }

    #[test]
    fn a_lion_on_ios_is_cheapest_in_many_small_packs() {
        // The 330-coin pack has the best price per coin on this ladder, so the cheapest 29,999
        // coins are mostly 330-packs, not the 16,500 pack (tests/optimizer.rs checks this against
        // brute force).
        let mix = ios().cheapest(29_999);
        assert_eq!((mix.price(), mix.coins()), (45_385, 30_000), "{mix:?}");
        assert!(
            mix.price() < 24_999 + 2 * 9_999 + 499,
            "beats 16,500 + 2 × 6,607 + 330"
        );
    }

    #[test]
    fn huge_prices_take_the_wide_keys_and_agree_with_the_narrow_ones() {
        // Scaling every price by 10^12 keeps the order of mixes but pushes the residue keys past
        // i64, so the same ladder is solved once with i64 keys and once with i128 keys.
        let ladder = [(65, 99), (330, 499), (1321, 1999), (16500, 24999)];
        let scale = 1_000_000_000_000u64;
        let narrow = Optimizer::new(&offers(&ladder), None);
        let wide = Optimizer::new(
            &offers(&ladder.map(|(coins, price)| (coins, price * scale))),
            None,
        );
        for target in [1, 64, 66, 29_999, 1_000_000, MAX_TARGET_COINS] {
            let (a, b) = (narrow.cheapest(target), wide.cheapest(target));
            assert_eq!(a.price() * scale, b.price(), "target {target}");
            assert_eq!((a.coins(), a.purchases()), (b.coins(), b.purchases()));
        }
    }

    #[test]
    fn small_and_zero_targets() {
        let o = ios();
        assert_eq!(o.cheapest(0), Mix::default());
        let one = o.cheapest(1);
        assert_eq!((one.coins(), one.price(), one.purchases()), (65, 99, 1));
    }

    #[test]
    fn custom_fills_the_gap_on_the_web() {
        // 70 coins = $0.74 linear ladder; custom $0.0106 per coin in steps of 50.
        let o = Optimizer::new(
            &offers(&[
                (70, 74),
                (350, 370),
                (700, 740),
                (1400, 1480),
                (3500, 3700),
                (7000, 7400),
                (17500, 18500),
            ]),
            Some(CustomOffer {
                step: 50,
                step_price: 53,
                min_steps: 1,
                max_steps: 10_000,
            }),
        );
        let mix = o.cheapest(17_501);
        // Packs up to 17,360 coins plus a 150-coin custom amount beat the 17,500 pack + 50 custom.
        assert_eq!((mix.price(), mix.coins()), (18_511, 17_510), "{mix:?}");
        assert!(mix.lines.iter().any(|l| l.item == Item::Custom));
        let big = o.cheapest(MAX_TARGET_COINS);
        assert_eq!(big.coins(), MAX_TARGET_COINS);
    }

    #[test]
    fn custom_only_splits_into_the_fewest_purchases() {
        // YouTube Super Chat: 1 cent units from $1 to $500.
        let o = Optimizer::new(
            &[],
            Some(CustomOffer {
                step: 1,
                step_price: 1,
                min_steps: 100,
                max_steps: 50_000,
            }),
        );
        let mix = o.cheapest(100_001);
        assert_eq!(
            (mix.price(), mix.purchases(), mix.coins()),
            (100_001, 3, 100_001)
        );
        assert!(mix.lines.iter().all(|l| (100..=50_000).contains(&l.coins)));
        let mix = o.cheapest(5);
        assert_eq!((mix.price(), mix.coins()), (100, 100));
    }

    #[test]
    fn most_coins_for_a_budget() {
        let o = ios();
        let mix = o.most_coins_for(10_000);
        assert!(mix.price() <= 10_000);
        assert_eq!(mix.coins(), 6_607, "{mix:?}");
        assert_eq!(o.most_coins_for(98).coins(), 0);
    }
}
