//! The simplest purchase: the fewest purchases that cover a target for at most a given price
//! (the cheapest price plus a small premium), so a viewer can see "4 purchases for $1.11 more"
//! beside the cheapest mix of 115.
//!
//! For each purchase count from the least that could cover the target, a depth-first search
//! over how many of each bundle to buy (largest first, pruned by coins still reachable and by
//! price) finds the cheapest mix of at most that many purchases; custom amounts fill what the
//! bundles leave in as few purchases as their range allows. The first count with a mix within
//! the price is the answer. Counts above [`MAX_SIMPLE_PURCHASES`] are not searched.

use super::mix::{custom_lines, mix_from_counts, CustomOffer, Offer, Score};
use super::{Mix, Optimizer};

/// Most purchases a "simplest" purchase may have: beyond that nobody calls it simple.
pub const MAX_SIMPLE_PURCHASES: u64 = 12;

/// Most search nodes per question (a bound on work whatever the card; far above what a real
/// ladder of ten bundles needs).
const MAX_NODES: u64 = 400_000;

struct Search<'a> {
    offers: &'a [(usize, Offer)],
    custom: Option<CustomOffer>,
    target: u64,
    max_price: u64,
    /// Most coins of the offers from index `i` on.
    biggest_from: Vec<u64>,
    counts: Vec<u64>,
    best: Option<(Score, Vec<u64>, u64)>,
    nodes: u64,
}

impl Search<'_> {
    /// Buys `counts[i..]` with `slots` purchases left, having `coins` for `price` so far.
    fn go(&mut self, i: usize, slots: u64, coins: u64, price: u64, used: u64) {
        self.nodes += 1;
        if self.nodes > MAX_NODES || price > self.max_price {
            return;
        }
        if self.best.as_ref().is_some_and(|(b, _, _)| price > b.price) {
            return;
        }
        if coins >= self.target {
            self.offer(
                Score {
                    price,
                    leftover: coins - self.target,
                    purchases: used,
                },
                0,
            );
            return;
        }
        if i == self.offers.len() {
            if let (Some(cu), true) = (self.custom, slots > 0) {
                let steps = (self.target - coins).div_ceil(cu.step).max(cu.min_steps);
                if steps.div_ceil(cu.max_steps) <= slots {
                    self.offer(
                        Score {
                            price: price.saturating_add(steps.saturating_mul(cu.step_price)),
                            leftover: coins + steps * cu.step - self.target,
                            purchases: used + steps.div_ceil(cu.max_steps),
                        },
                        steps,
                    );
                }
            }
            return;
        }
        let reach = coins.saturating_add(slots.saturating_mul(self.biggest_from[i]));
        if self.custom.is_none() && reach < self.target {
            return;
        }
        let (_, o) = self.offers[i];
        let most = slots.min((self.target - coins).div_ceil(o.coins));
        for n in (0..=most).rev() {
            self.counts[i] = n;
            self.go(
                i + 1,
                slots - n,
                coins + n * o.coins,
                price.saturating_add(n.saturating_mul(o.price)),
                used + n,
            );
        }
        self.counts[i] = 0;
    }

    fn offer(&mut self, score: Score, custom_steps: u64) {
        if score.price <= self.max_price && self.best.as_ref().is_none_or(|(b, _, _)| score < *b) {
            self.best = Some((score, self.counts.clone(), custom_steps));
        }
    }
}

impl Optimizer {
    /// The fewest purchases (at most [`MAX_SIMPLE_PURCHASES`]) of the offers open to any number
    /// of purchases (a limited offer aside) that give at least `target` coins for at most
    /// `max_price` minor units, the cheapest of them, then the fewest leftover coins; `None`
    /// when no such mix exists within the bounds.
    pub fn fewest_purchases(&self, target: u64, max_price: u64) -> Option<Mix> {
        if target == 0 {
            return None;
        }
        let units = target.div_ceil(self.unit);
        let mut biggest_from = vec![0u64; self.offers.len() + 1];
        for i in (0..self.offers.len()).rev() {
            biggest_from[i] = biggest_from[i + 1].max(self.offers[i].1.coins);
        }
        let largest = biggest_from.first().copied().unwrap_or(0);
        let least = match self.custom {
            Some(cu) => 1.max(units.div_ceil(cu.step.saturating_mul(cu.max_steps).max(largest))),
            None if largest > 0 => units.div_ceil(largest),
            None => return None,
        };
        let mut order: Vec<(usize, Offer)> = self.offers.clone();
        crate::sort::sort_by(&mut order, |a, b| b.1.coins.cmp(&a.1.coins));
        let mut search = Search {
            offers: &order,
            custom: self.custom,
            target: units,
            max_price,
            biggest_from,
            counts: vec![0; order.len()],
            best: None,
            nodes: 0,
        };
        for slots in least..=MAX_SIMPLE_PURCHASES {
            search.go(0, slots, 0, 0, 0);
            if let Some((_, counts, steps)) = search.best.take() {
                let mut mix = mix_from_counts(&counts, &order);
                if let Some(cu) = self.custom {
                    mix.lines.extend(custom_lines(steps, cu));
                }
                for line in &mut mix.lines {
                    line.coins *= self.unit;
                }
                return Some(mix);
            }
            if search.nodes > MAX_NODES {
                return None;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every mix of at most `k` purchases of `offers` by brute force: (purchases, price,
    /// leftover) of the best within `max_price`.
    fn brute(offers: &[Offer], target: u64, max_price: u64) -> Option<(u64, u64, u64)> {
        #[allow(clippy::too_many_arguments)]
        fn walk(
            offers: &[Offer],
            i: usize,
            left: u64,
            coins: u64,
            price: u64,
            used: u64,
            target: u64,
            max_price: u64,
            best: &mut Option<(u64, u64, u64)>,
        ) {
            if i == offers.len() {
                if coins >= target && price <= max_price {
                    let s = (used, price, coins - target);
                    if best.is_none_or(|b| s < b) {
                        *best = Some(s);
                    }
                }
                return;
            }
            for n in 0..=left {
                walk(
                    offers,
                    i + 1,
                    left - n,
                    coins + n * offers[i].coins,
                    price + n * offers[i].price,
                    used + n,
                    target,
                    max_price,
                    best,
                );
            }
        }
        let mut best = None;
        walk(offers, 0, 8, 0, 0, 0, target, max_price, &mut best);
        best
    }

    #[test]
    fn fewest_purchases_against_brute_force() {
        let ladders: &[&[(u64, u64)]] = &[
            &[(65, 99), (330, 499), (660, 999), (1321, 1999), (3303, 4999)],
            &[(7, 10), (10, 13), (25, 40)],
            &[(3, 5), (5, 7), (11, 17), (20, 29)],
            &[(100, 140), (500, 700), (1500, 1995)],
        ];
        for ladder in ladders {
            let offers: Vec<Offer> = ladder
                .iter()
                .map(|&(coins, price)| Offer { coins, price })
                .collect();
            let opt = Optimizer::new(&offers, None);
            for target in [1u64, 6, 19, 33, 64, 101, 250, 777, 1320, 5000] {
                let cheapest = opt.cheapest(target).price();
                for premium in [0u64, 1, 5, 20, 50] {
                    let max_price = cheapest + cheapest * premium / 100;
                    let got = opt
                        .fewest_purchases(target, max_price)
                        .filter(|m| m.purchases() <= 8)
                        .map(|m| (m.purchases(), m.price(), m.coins() - target));
                    let want = brute(&offers, target, max_price);
                    assert_eq!(got, want, "{ladder:?} target {target} premium {premium} %");
                }
            }
        }
    }

    #[test]
    fn a_custom_amount_is_one_purchase() {
        let offers = [Offer {
            coins: 70,
            price: 74,
        }];
        let custom = CustomOffer {
            step: 50,
            step_price: 53,
            min_steps: 1,
            max_steps: 10_000,
        };
        let opt = Optimizer::new(&offers, Some(custom));
        let cheapest = opt.cheapest(30_000);
        let simple = opt
            .fewest_purchases(30_000, cheapest.price() * 101 / 100)
            .unwrap();
        assert_eq!(simple.purchases(), 1);
        assert_eq!(simple.coins(), 30_000);
        assert_eq!(simple.price(), 600 * 53);
    }
}
