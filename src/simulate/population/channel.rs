//! A channel prepared for the hot loop: its purchases as plain integers sorted by what the
//! viewer pays, the purchase with the most coins for any budget found by binary search, the
//! custom amount, and what each segment sends there.

use super::super::rng::Alias;
use super::super::scenario::{ChannelSpec, Scenario};
use crate::error::{Error, Result};
use crate::flow::Splitter;
use crate::money::{diamonds, Fraction, Money, RoundingPoint};
use crate::rate_card::{CreatorTerms, CustomAmount};

/// A purchase a viewer can make, and what its money becomes, in minor units.
#[derive(Debug, Clone, Copy)]
pub struct Offer {
    /// Which purchase: the bundle's position on the card, or the number of bundles for the
    /// custom amount.
    pub bundle: u16,
    /// Coins received.
    pub coins: u64,
    /// What the viewer pays.
    pub pays: i64,
    /// Tax in it.
    pub tax: i64,
    /// Store fee.
    pub store_fee: i64,
    /// Payment fee.
    pub payment_fee: i64,
    /// Price after tax and store fee (a share-of-net creator's base).
    pub after_store: i64,
    /// What remains for the platform and creator.
    pub net: i64,
}

impl Offer {
    fn new(bundle: u16, coins: u64, price: Money, splitter: &Splitter) -> Result<Offer> {
        let split = splitter.split(price)?;
        let minor = |m: Money| m.minor_i64("");
        Ok(Offer {
            bundle,
            coins,
            pays: minor(split.viewer_pays)?,
            tax: minor(split.tax)?,
            store_fee: minor(split.store_fee)?,
            payment_fee: minor(split.payment_fee)?,
            after_store: minor(split.after_store)?,
            net: minor(split.net)?,
        })
    }
}

/// What a segment sends on one channel.
#[derive(Debug, Clone)]
pub struct GiftMix {
    /// Draws a gift.
    pub alias: Alias,
    /// Coins of each gift.
    pub coins: Vec<u64>,
    /// Diamonds each gift earns.
    pub diamonds: Vec<u64>,
}

/// The top-up a segment aims at on one channel, with what it buys worked out once (the loop
/// meets it at nearly every purchase).
#[derive(Debug, Clone, Copy)]
pub struct TopUp {
    /// The money a top-up aims at.
    pub money: i64,
    /// The purchase with the most coins for it ([`Channel::best_for`]).
    pub most: Option<Offer>,
    /// The custom amount's largest size within it.
    custom: Option<Offer>,
}

/// A channel, prepared for the loop.
#[derive(Debug, Clone)]
pub struct Channel {
    /// Bundles sorted by what the viewer pays.
    offers: Vec<Offer>,
    /// For each prefix of `offers`, the index of the one with the most coins.
    best_upto: Vec<usize>,
    custom: Option<CustomAmount>,
    splitter: Splitter,
    /// The cheapest purchase.
    pub cheapest: Option<Offer>,
    /// Per segment: the gifts and the top-up it aims at.
    pub mixes: Vec<Option<(GiftMix, TopUp)>>,
    /// Budgets on this channel scale by this (price elasticity).
    pub demand_factor: f64,
    /// Purchases the channel offers: its bundles, then the custom amount.
    pub purchases: usize,
    /// Diamonds per coin (per-Diamond creators).
    pub diamonds_per_coin: Option<Fraction>,
    /// The lowest price per coin of any purchase, in minor units: a viewer who values a coin
    /// below it never buys here.
    pub lowest_unit_price: f64,
}

impl Channel {
    /// Prepares the channel of `spec` for the segments of `s`.
    pub fn new(spec: &ChannelSpec, s: &Scenario) -> Result<Channel> {
        let card = &spec.card;
        let splitter = Splitter::for_card(card);
        let mut offers = card
            .bundles
            .iter()
            .enumerate()
            // A limited offer (a first-purchase pack) is left out: viewers buy what is always
            // on sale.
            .filter(|(_, b)| b.max_purchases.is_none())
            .map(|(i, b)| Offer::new(i as u16, b.total_coins(), b.price, &splitter))
            .collect::<Result<Vec<_>>>()?;
        let unit = |o: &Offer| o.pays as f64 / o.coins.max(1) as f64;
        let mut lowest_unit_price = offers.iter().map(unit).fold(f64::INFINITY, f64::min);
        crate::sort::sort_by_key(&mut offers, |o| (o.pays, std::cmp::Reverse(o.coins)));
        let mut best_upto: Vec<usize> = Vec::with_capacity(offers.len());
        for (i, o) in offers.iter().enumerate() {
            let best = match best_upto.last() {
                Some(&b) if offers[b].coins >= o.coins => b,
                _ => i,
            };
            best_upto.push(best);
        }
        let mut channel = Channel {
            offers,
            best_upto,
            custom: card.custom,
            splitter,
            cheapest: None,
            mixes: Vec::new(),
            demand_factor: spec.demand_factor,
            purchases: card.bundles.len() + 1,
            diamonds_per_coin: match card.creator {
                CreatorTerms::PerDiamond {
                    diamonds_per_coin, ..
                } => Some(Fraction::from_decimal(diamonds_per_coin)),
                CreatorTerms::ShareOfNet { .. } => None,
            },
            lowest_unit_price: 0.0,
        };
        channel.cheapest = channel.best_for(i64::MAX / 4, true)?;
        if let Some(c) = channel.custom {
            // The custom amount's price per coin is the same at every size but for a sales
            // tax's rounding; its largest size stands for it.
            if let Some(o) = channel.custom_for(c, i64::MAX / 4, false)? {
                lowest_unit_price = lowest_unit_price.min(unit(&o));
            }
        }
        channel.lowest_unit_price = lowest_unit_price;
        let diamonds_per_coin = channel.diamonds_per_coin;
        let m = Fraction::from_decimal(spec.multiplier);
        for seg in &s.segments {
            if seg.budgets.iter().all(Option::is_none) {
                channel.mixes.push(None);
                continue;
            }
            let weights: Vec<f64> = seg.gifts.iter().map(|g| f64::from(g.2)).collect();
            let coins: Vec<u64> = seg.gifts.iter().map(|g| g.1).collect();
            let diamonds = coins
                .iter()
                .map(|&c| diamonds_per_coin.map_or(Ok(0), |d| diamonds(c, d)))
                .collect::<Result<Vec<_>>>()?;
            let top_up = match seg.top_up {
                Some(t) => m.apply_i64(t, RoundingPoint::Price)?,
                None => channel.cheapest.map_or(0, |c| c.pays),
            };
            let top_up = TopUp {
                money: top_up,
                most: channel.best_for(top_up, false)?,
                custom: channel.custom_within(top_up)?,
            };
            channel.mixes.push(Some((
                GiftMix {
                    alias: Alias::new(&weights),
                    coins,
                    diamonds,
                },
                top_up,
            )));
        }
        Ok(channel)
    }

    /// The purchase with the most coins for at most `budget` (what the viewer pays); with
    /// `cheapest`, the cheapest purchase instead.
    pub fn best_for(&self, budget: i64, cheapest: bool) -> Result<Option<Offer>> {
        let bundle = if cheapest {
            self.offers.first().copied()
        } else {
            let n = self.offers.partition_point(|o| o.pays <= budget);
            n.checked_sub(1).map(|i| self.offers[self.best_upto[i]])
        };
        let custom = match self.custom {
            Some(c) => self.custom_for(c, budget, cheapest)?,
            None => None,
        };
        Ok(match (bundle, custom) {
            (Some(b), Some(c)) if cheapest => Some(if c.pays < b.pays { c } else { b }),
            (Some(b), Some(c)) => Some(if c.coins > b.coins { c } else { b }),
            (b, c) => b.or(c),
        })
    }

    /// The custom amount's largest size for at most `budget`.
    fn custom_within(&self, budget: i64) -> Result<Option<Offer>> {
        match self.custom {
            Some(c) => self.custom_for(c, budget, false),
            None => Ok(None),
        }
    }

    /// What a viewer who values a coin at `value` (minor units) buys with at most `target`:
    /// the purchase with the largest surplus (`value × coins − pays`); when nothing fits the
    /// target, the cheapest purchase if `remaining` allows it. `None` when no purchase is worth
    /// its price to the viewer.
    pub fn choose(&self, value: f64, target: i64, remaining: i64) -> Result<Option<Offer>> {
        let custom = self.custom_within(target)?;
        Ok(self.choose_with(value, target, custom, remaining))
    }

    /// [`Channel::choose`] at a segment's top-up, whose custom amount is known.
    pub fn choose_top_up(&self, value: f64, top_up: &TopUp, remaining: i64) -> Option<Offer> {
        self.choose_with(value, top_up.money, top_up.custom, remaining)
    }

    /// [`Channel::choose`] with the custom amount's largest size within `target` given.
    fn choose_with(
        &self,
        value: f64,
        target: i64,
        custom: Option<Offer>,
        remaining: i64,
    ) -> Option<Offer> {
        let mut best: Option<(Offer, f64)> = None;
        let consider = |best: &mut Option<(Offer, f64)>, o: Offer| {
            let surplus = value * o.coins as f64 - o.pays as f64;
            if surplus > 0.0 && best.is_none_or(|(_, b)| surplus > b) {
                *best = Some((o, surplus));
            }
        };
        let n = self.offers.partition_point(|o| o.pays <= target);
        for o in self.offers[..n].iter().copied().chain(custom) {
            consider(&mut best, o);
        }
        if best.is_none() && n == 0 {
            if let Some(c) = self.cheapest.filter(|c| c.pays <= remaining) {
                consider(&mut best, c);
            }
        }
        best.map(|(o, _)| o)
    }

    /// The cheapest purchase of at least `coins` coins (what a viewer short of money for a
    /// full top-up buys to send the gift in hand).
    pub fn covering(&self, coins: u64) -> Result<Option<Offer>> {
        let bundle = self.offers.iter().find(|o| o.coins >= coins).copied();
        let custom = match self.custom {
            Some(c) => {
                let steps = coins.div_ceil(c.step_coins).max(c.min_coins / c.step_coins);
                let price = c
                    .step_price
                    .minor_i64("")?
                    .checked_mul(i64::try_from(steps).unwrap_or(i64::MAX))
                    .ok_or_else(|| Error::overflow("", "a custom amount"))?;
                // What the viewer pays is at least the price: a bundle that costs no more
                // wins without the custom amount's fees being worked out.
                if steps * c.step_coins > c.max_coins || bundle.is_some_and(|b| b.pays <= price) {
                    None
                } else {
                    Some(Offer::new(
                        self.purchases as u16 - 1,
                        steps * c.step_coins,
                        Money::from_minor(price, c.step_price.currency()),
                        &self.splitter,
                    )?)
                }
            }
            None => None,
        };
        Ok(match (bundle, custom) {
            (Some(b), Some(c)) => Some(if c.pays < b.pays { c } else { b }),
            (b, c) => b.or(c),
        })
    }

    fn custom_for(&self, c: CustomAmount, budget: i64, cheapest: bool) -> Result<Option<Offer>> {
        let (min, max) = (c.min_coins / c.step_coins, c.max_coins / c.step_coins);
        let q = c.step_price.minor_i64("")?;
        let offer = |k: u64| -> Result<Offer> {
            let price = q
                .checked_mul(i64::try_from(k).unwrap_or(i64::MAX))
                .ok_or_else(|| Error::overflow("", "a custom amount"))?;
            Offer::new(
                self.purchases as u16 - 1,
                k * c.step_coins,
                Money::from_minor(price, c.step_price.currency()),
                &self.splitter,
            )
        };
        if cheapest {
            return offer(min).map(Some);
        }
        // The most steps the price before tax allows; with no tax on top, that is the answer.
        let top = (budget / q.max(1)).clamp(0, max as i64) as u64;
        if top < min {
            return Ok(None);
        }
        let o = offer(top)?;
        if o.pays <= budget {
            return Ok(Some(o));
        }
        // What the viewer pays only grows with the steps: the most that fit, by bisection
        // (`lo` fits, `hi` does not).
        let low = offer(min)?;
        if low.pays > budget {
            return Ok(None);
        }
        let (mut lo, mut hi, mut best) = (min, top, low);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            let o = offer(mid)?;
            if o.pays <= budget {
                (lo, best) = (mid, o);
            } else {
                hi = mid;
            }
        }
        Ok(Some(best))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rate_card::Tax;
    use rust_decimal::Decimal;

    /// The web card's custom amounts with a sales tax on top, so the price before tax
    /// overshoots what the viewer can pay.
    fn taxed_web() -> (Channel, CustomAmount) {
        let mut card = crate::presets::rate_card("tiktok-web", "").unwrap().clone();
        card.tax = Tax::OnTop(Decimal::new(1025, 4));
        let custom = card.custom.unwrap();
        let channel = Channel {
            offers: Vec::new(),
            best_upto: Vec::new(),
            custom: card.custom,
            splitter: Splitter::for_card(&card),
            cheapest: None,
            mixes: Vec::new(),
            demand_factor: 1.0,
            purchases: card.bundles.len() + 1,
            diamonds_per_coin: None,
            lowest_unit_price: 0.0,
        };
        (channel, custom)
    }

    #[test]
    fn the_most_custom_coins_a_budget_buys_match_a_step_by_step_search() {
        let (channel, c) = taxed_web();
        let (min, max) = (c.min_coins / c.step_coins, c.max_coins / c.step_coins);
        let pays = |k: u64| {
            let price = Money::from_minor(
                c.step_price.minor() * i128::from(k),
                c.step_price.currency(),
            );
            Offer::new(0, k * c.step_coins, price, &channel.splitter)
                .unwrap()
                .pays
        };
        for budget in [
            0, 1, 52, 53, 60, 100, 999, 10_000, 123_457, 5_000_000, 50_000_000,
        ] {
            let expected = (min..=max).rev().find(|&k| pays(k) <= budget);
            let found = channel
                .custom_for(c, budget, false)
                .unwrap()
                .map(|o| o.coins / c.step_coins);
            assert_eq!(found, expected, "budget {budget}");
        }
    }
}
