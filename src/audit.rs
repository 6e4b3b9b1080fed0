//! A compliance audit of a rate card, computed exactly from its ladder and catalogue: what each
//! gift really costs against its coins at the best rate, whether the exact amount can be bought
//! (the EU consumer authorities' 2025 principle that no one is forced to buy currency they do
//! not need), whether the price per coin falls as packs grow, and how many currencies stand
//! between the viewer's money and the creator's cash.
//!
//! Prices here are the listed prices of the store (before any tax added on top), so a gift's
//! price at the best rate and its cheapest purchase are compared on the same footing.

use crate::bundles::{gcd, Item, Mix, Optimizer};
use crate::error::{Error, ErrorCode, Result};
use crate::money::{round_decimal, Money, RoundingPoint};
use crate::rate_card::{CreatorTerms, RateCard};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// The best price per coin of a ladder: `price` minor units for `coins` coins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BestRate {
    /// Minor units.
    pub price: u64,
    /// Coins (bonus included).
    pub coins: u64,
    /// The bundle it comes from, or `None` for the custom amount.
    pub bundle: Option<usize>,
}

/// The best price per coin on `card`: the bundle (or custom step) with the lowest price per
/// coin received, the larger among ties.
pub fn best_rate(card: &RateCard) -> Option<BestRate> {
    let bundles = card
        .bundles
        .iter()
        .enumerate()
        .filter(|(_, b)| b.max_purchases.is_none())
        .map(|(i, b)| BestRate {
            price: u64::try_from(b.price.minor()).unwrap_or(u64::MAX),
            coins: b.total_coins(),
            bundle: Some(i),
        });
    let custom = card.custom.map(|c| BestRate {
        price: u64::try_from(c.step_price.minor()).unwrap_or(u64::MAX),
        coins: c.step_coins,
        bundle: None,
    });
    bundles.chain(custom).reduce(|best, r| {
        // r.price / r.coins < best.price / best.coins, exactly.
        let lhs = u128::from(r.price) * u128::from(best.coins);
        let rhs = u128::from(best.price) * u128::from(r.coins);
        if lhs < rhs || (lhs == rhs && r.coins > best.coins) {
            r
        } else {
            best
        }
    })
}

/// Smallest sum of `sizes` (any number of each) in every residue class modulo `m`
/// (`u64::MAX` where none): the round-robin algorithm of Böcker & Lipták (2007).
fn smallest_sums(m: u64, sizes: &[u64]) -> Vec<u64> {
    let len = usize::try_from(m).unwrap_or(usize::MAX).max(1);
    let mut dist = vec![u64::MAX; len];
    dist[0] = 0;
    let m = len as u64;
    for &c in sizes {
        let step = c % m;
        if step == 0 {
            continue;
        }
        let g = gcd(m, step);
        let cycle = m / g;
        for start in 0..g {
            let mut r = start;
            let mut low = start;
            for _ in 0..cycle {
                if dist[r as usize] < dist[low as usize] {
                    low = r;
                }
                r = (r + step) % m;
            }
            if dist[low as usize] == u64::MAX {
                continue;
            }
            let mut r = low;
            for _ in 0..cycle {
                let next = (r + step) % m;
                let via = dist[r as usize].saturating_add(c);
                if via < dist[next as usize] {
                    dist[next as usize] = via;
                }
                r = next;
            }
        }
    }
    dist
}

/// Smallest sum at least `x`, from the smallest sums per residue modulo `m`.
fn at_least(dist: &[u64], m: u64, x: u64) -> Option<u64> {
    dist.iter()
        .filter(|d| **d != u64::MAX)
        .map(|&d| {
            if d >= x {
                d
            } else {
                d.saturating_add((x - d).div_ceil(m).saturating_mul(m))
            }
        })
        .min()
}

/// What a card can buy, prepared once for many questions of "the fewest coins left over":
/// sizes in units of their greatest common divisor (every purchase is a multiple of it), the
/// smallest sum of open bundles in each residue class modulo the smallest bundle and modulo the
/// custom step, and the limited offers.
pub struct Reach {
    unit: u64,
    /// Smallest open bundle, in units (0: none).
    m: u64,
    /// Smallest open-bundle sum per residue modulo `m`.
    dist: Vec<u64>,
    /// Custom amounts: step and minimum in units, smallest open-bundle sum per residue modulo
    /// the step.
    custom: Option<(u64, u64, Vec<u64>)>,
    /// Every total of the limited offers' allowed counts, in coins.
    limited_totals: Vec<u64>,
}

/// Most residue classes times questions one audit may work through (a bound on time whatever
/// the card: real ladders need a few thousand).
pub const MAX_AUDIT_WORK: u64 = 200_000_000;

impl Reach {
    /// Prepares `card` for `questions` questions; refused when they would take too long.
    pub fn new(card: &RateCard, questions: u64) -> Result<Reach> {
        let open: Vec<u64> = card
            .bundles
            .iter()
            .filter(|b| b.max_purchases.is_none())
            .map(|b| b.total_coins())
            .filter(|c| *c > 0)
            .collect();
        let unit = open
            .iter()
            .copied()
            .chain(card.custom.map(|c| c.step_coins))
            .fold(0, gcd)
            .max(1);
        let sizes: Vec<u64> = open.iter().map(|c| c / unit).collect();
        let m = sizes.iter().copied().min().unwrap_or(0);
        let step = card.custom.map_or(0, |c| c.step_coins / unit);
        let mut limited_totals = vec![0u64];
        for b in &card.bundles {
            if let Some(most) = b.max_purchases {
                let coins = b.total_coins();
                limited_totals = limited_totals
                    .iter()
                    .flat_map(|t| (0..=most).map(move |k| t + k * coins))
                    .collect();
            }
        }
        let work = (m + step)
            .saturating_mul(questions.max(1))
            .saturating_mul(limited_totals.len() as u64);
        if work > MAX_AUDIT_WORK {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "gifts",
                format!(
                    "auditing {questions} gifts exactly on this card would take too long (its smallest pack is {} coins); audit fewer gifts with `gifts`",
                    m * unit
                ),
            )
            .with("max", MAX_AUDIT_WORK)
            .with("given", work));
        }
        let dist = if m > 0 {
            smallest_sums(m, &sizes)
        } else {
            Vec::new()
        };
        let custom = card.custom.map(|c| {
            let by_residue = smallest_sums(step, &sizes);
            (step, c.min_coins / unit, by_residue)
        });
        Ok(Reach {
            unit,
            m,
            dist,
            custom,
            limited_totals,
        })
    }

    /// The fewest coins any purchase covering `need` coins leaves over: open bundles any number
    /// of times, custom amounts (any multiple of the step from the minimum up: several custom
    /// purchases reach every such total, as the maximum is at least twice the minimum), and each
    /// limited offer as many times as it may be bought.
    pub fn min_leftover(&self, need: u64) -> u64 {
        self.limited_totals
            .iter()
            .filter_map(|&t| {
                if t >= need {
                    Some(t - need)
                } else {
                    let rest = need - t;
                    let units = rest.div_ceil(self.unit);
                    self.open_total(units).map(|total| total * self.unit - rest)
                }
            })
            .min()
            .unwrap_or(0)
    }

    /// The smallest total of open offers, in units, at least `need` units.
    fn open_total(&self, need: u64) -> Option<u64> {
        let bundle_only = (self.m > 0)
            .then(|| at_least(&self.dist, self.m, need))
            .flatten();
        let custom = self.custom.as_ref().and_then(|(s, min, by_residue)| {
            let (s, min) = (*s, *min);
            if need <= min {
                return Some(min);
            }
            // A bundle part b with the custom part c ≥ min, c a multiple of s.
            let within = by_residue
                .iter()
                .enumerate()
                .filter(|(_, b)| **b != u64::MAX && **b <= need - min)
                .map(|(rho, _)| need + ((rho as u64 + s - need % s) % s))
                .min();
            let beyond = (self.m > 0)
                .then(|| at_least(&self.dist, self.m, need - min + 1).map(|b| b + min))
                .flatten();
            within.into_iter().chain(beyond).min()
        });
        bundle_only.into_iter().chain(custom).min()
    }
}

/// A line of the cheapest purchase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AuditLine {
    /// Coins per purchase (bonus included).
    pub coins: u64,
    /// Listed price per purchase.
    pub price: Money,
    /// Purchases.
    pub count: u64,
    /// True for a custom amount.
    pub custom: bool,
}

/// The cheapest purchase covering a gift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CheapestPurchase {
    /// Coins received.
    pub coins: u64,
    /// Listed price.
    pub price: Money,
    /// Purchases.
    pub purchase_count: u64,
    /// Coins left over after the gift.
    pub leftover_coins: u64,
    /// The purchases.
    pub lines: Vec<AuditLine>,
}

/// One gift, audited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GiftAudit {
    /// Gift id.
    pub gift: String,
    /// Its name.
    pub name: String,
    /// Its coins.
    pub coins: u64,
    /// Its coins at the ladder's best price per coin (6 decimals; display only): what the
    /// gift costs if coins could be bought at the best rate in any amount.
    #[serde(serialize_with = "crate::money::decimal_string")]
    #[schemars(with = "String")]
    pub price_at_best_rate: Decimal,
    /// The cheapest purchase that covers it, with its leftover coins.
    pub cheapest_purchase: CheapestPurchase,
    /// The fewest coins any purchase covering it leaves over (0: the exact amount can be
    /// bought).
    pub min_leftover_coins: u64,
    /// Cheapest purchase ÷ price at the best rate − 1 (6 decimals): how much more the viewer
    /// must pay than the gift's coins are worth at the best rate.
    #[serde(serialize_with = "crate::money::decimal_string")]
    #[schemars(with = "String")]
    pub forced_overspend: Decimal,
}

/// A pack that costs more per coin than a smaller one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LadderBreak {
    /// The smaller pack's coins.
    pub smaller: u64,
    /// The larger pack's coins, dearer per coin.
    pub larger: u64,
    /// The smaller pack's price per coin (6 decimals).
    #[serde(serialize_with = "crate::money::decimal_string")]
    #[schemars(with = "String")]
    pub smaller_price_per_coin: Decimal,
    /// The larger pack's price per coin (6 decimals).
    #[serde(serialize_with = "crate::money::decimal_string")]
    #[schemars(with = "String")]
    pub larger_price_per_coin: Decimal,
}

/// The best-value offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct BestValue {
    /// Coins (bonus included; for a custom amount, one step).
    pub coins: u64,
    /// Listed price.
    pub price: Money,
    /// Price per coin (6 decimals).
    #[serde(serialize_with = "crate::money::decimal_string")]
    #[schemars(with = "String")]
    pub price_per_coin: Decimal,
    /// True for the custom amount.
    pub custom: bool,
}

/// A limited offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LimitedOffer {
    /// Coins (bonus included).
    pub coins: u64,
    /// Listed price.
    pub price: Money,
    /// Price per coin (6 decimals).
    #[serde(serialize_with = "crate::money::decimal_string")]
    #[schemars(with = "String")]
    pub price_per_coin: Decimal,
    /// Most purchases of it.
    pub max_purchases: u64,
}

/// One layer between the viewer's money and the creator's cash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Layer {
    /// What it is called (`USD`, `Coins`, `Diamonds`).
    pub name: String,
    /// Who holds it.
    pub held_by: &'static str,
    /// Whether a viewer can buy it with money.
    pub purchasable: bool,
}

/// The ladder, audited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LadderAudit {
    /// Bundles on the card.
    pub bundles: usize,
    /// True when a custom amount can be bought.
    pub custom_amount: bool,
    /// Does the price per coin never rise as packs grow?
    pub per_coin_monotone: bool,
    /// Each pair of packs where the larger is dearer per coin.
    pub breaks: Vec<LadderBreak>,
    /// The offer with the lowest price per coin (limited offers aside).
    pub best_value_bundle: BestValue,
    /// Offers that may be bought only a few times (a first-purchase pack), left out of the
    /// ladder's checks and best value.
    pub limited_offers: Vec<LimitedOffer>,
    /// Money, the platform's currencies, and the creator's cash, in order.
    pub currency_layers: Vec<Layer>,
    /// Conversions between the viewer's money and the creator's cash.
    pub conversions: usize,
}

fn per_coin(price: u64, coins: u64, minor_units: u32) -> Result<Decimal> {
    let p = Decimal::from_i128_with_scale(i128::from(price), minor_units);
    let v = p
        .checked_div(Decimal::from(coins.max(1)))
        .ok_or_else(|| Error::new(ErrorCode::Overflow, "", "a price per coin is out of range"))?;
    Ok(round_decimal(v, 6, RoundingPoint::UnitPrice))
}

/// The card's ladder: monotone per-coin prices, the best value, and the currency layers.
pub fn ladder(card: &RateCard) -> Result<LadderAudit> {
    let cur = card.currency;
    let digits = cur.minor_units();
    let mut sorted: Vec<(u64, u64)> = card
        .bundles
        .iter()
        .filter(|b| b.max_purchases.is_none())
        .map(|b| {
            (
                b.total_coins(),
                u64::try_from(b.price.minor()).unwrap_or(u64::MAX),
            )
        })
        .collect();
    crate::sort::sort_by_key(&mut sorted, |&(coins, price)| (coins, price));
    let mut breaks = Vec::new();
    for (i, &(c1, p1)) in sorted.iter().enumerate() {
        for &(c2, p2) in sorted.iter().skip(i + 1) {
            // p2 / c2 > p1 / c1 with c2 > c1.
            if c2 > c1 && u128::from(p2) * u128::from(c1) > u128::from(p1) * u128::from(c2) {
                breaks.push(LadderBreak {
                    smaller: c1,
                    larger: c2,
                    smaller_price_per_coin: per_coin(p1, c1, digits)?,
                    larger_price_per_coin: per_coin(p2, c2, digits)?,
                });
            }
        }
    }
    let best = best_rate(card).ok_or_else(no_offers)?;
    let mut layers = vec![Layer {
        name: cur.code().to_string(),
        held_by: "viewer",
        purchasable: false,
    }];
    layers.push(Layer {
        name: card.coin_name.clone(),
        held_by: "viewer",
        purchasable: true,
    });
    if let CreatorTerms::PerDiamond { .. } = card.creator {
        layers.push(Layer {
            name: card.diamond_name.clone(),
            held_by: "creator",
            purchasable: false,
        });
    }
    layers.push(Layer {
        name: format!("{} cash", cur.code()),
        held_by: "creator",
        purchasable: false,
    });
    Ok(LadderAudit {
        bundles: card.bundles.len(),
        custom_amount: card.custom.is_some(),
        per_coin_monotone: breaks.is_empty(),
        breaks,
        best_value_bundle: BestValue {
            coins: best.coins,
            price: Money::from_minor(best.price, cur),
            price_per_coin: per_coin(best.price, best.coins, digits)?,
            custom: best.bundle.is_none(),
        },
        limited_offers: card
            .bundles
            .iter()
            .filter_map(|b| {
                let most = b.max_purchases?;
                let price = u64::try_from(b.price.minor()).unwrap_or(u64::MAX);
                Some(
                    per_coin(price, b.total_coins(), digits).map(|ppc| LimitedOffer {
                        coins: b.total_coins(),
                        price: b.price,
                        price_per_coin: ppc,
                        max_purchases: most,
                    }),
                )
            })
            .collect::<Result<Vec<_>>>()?,
        conversions: layers.len() - 1,
        currency_layers: layers,
    })
}

fn no_offers() -> Error {
    Error::new(
        ErrorCode::NoSolution,
        "rate_card.bundles",
        "the rate card sells nothing: it needs bundles or a custom amount to audit",
    )
}

fn lines(mix: &Mix, card: &RateCard) -> Vec<AuditLine> {
    mix.lines
        .iter()
        .map(|l| AuditLine {
            coins: l.coins,
            price: Money::from_minor(l.price, card.currency),
            count: l.count,
            custom: matches!(l.item, Item::Custom),
        })
        .collect()
}

/// Audits `coins` coins of gift `id` on `card`.
pub fn gift(
    card: &RateCard,
    optimizer: &Optimizer,
    reach: &Reach,
    best: BestRate,
    id: &str,
    name: &str,
    coins: u64,
) -> Result<GiftAudit> {
    let digits = card.currency.minor_units();
    let mix = optimizer.cheapest(coins);
    let overflow = || Error::new(ErrorCode::Overflow, "", "an audit figure is out of range");
    let at_best = Decimal::from_i128_with_scale(i128::from(coins) * i128::from(best.price), digits)
        .checked_div(Decimal::from(best.coins))
        .ok_or_else(overflow)?;
    let ratio = Decimal::from(u128::from(mix.price()) * u128::from(best.coins))
        .checked_div(Decimal::from(u128::from(coins) * u128::from(best.price)))
        .ok_or_else(overflow)?
        - Decimal::ONE;
    Ok(GiftAudit {
        gift: id.to_string(),
        name: name.to_string(),
        coins,
        price_at_best_rate: round_decimal(at_best, 6, RoundingPoint::UnitPrice).normalize(),
        cheapest_purchase: CheapestPurchase {
            coins: mix.coins(),
            price: Money::from_minor(mix.price(), card.currency),
            purchase_count: mix.purchases(),
            leftover_coins: mix.coins().saturating_sub(coins),
            lines: lines(&mix, card),
        },
        min_leftover_coins: reach.min_leftover(coins),
        forced_overspend: round_decimal(ratio, 6, RoundingPoint::Ratio).normalize(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every total reachable with the card's offers up to `limit`, by dynamic programming.
    fn brute_leftover(sizes: &[u64], custom: Option<(u64, u64)>, need: u64) -> u64 {
        let limit = (need + 200) as usize;
        let mut bundle = vec![false; limit + 1];
        bundle[0] = true;
        for t in 1..=limit {
            bundle[t] = sizes
                .iter()
                .any(|&c| c as usize <= t && bundle[t - c as usize]);
        }
        let reachable = |t: usize| {
            bundle[t]
                || custom.is_some_and(|(step, min)| {
                    (0..=t).any(|b| {
                        let c = (t - b) as u64;
                        bundle[b] && c >= min && c % step == 0
                    })
                })
        };
        (need as usize..=limit)
            .find(|&t| reachable(t))
            .map_or(u64::MAX, |t| t as u64 - need)
    }

    fn card(sizes: &[u64], custom: Option<(u64, u64)>) -> RateCard {
        let mut input = crate::presets::rate_card("tiktok-web", "")
            .unwrap()
            .to_input();
        input.bundles = sizes
            .iter()
            .map(|&c| crate::rate_card::input::BundleInput {
                coins: c,
                bonus_coins: 0,
                price: format!("{}.00", c),
                max_purchases: None,
            })
            .collect();
        input.custom_amount = custom.map(|(step, min)| {
            serde_json::from_value(serde_json::json!({
                "price_per_coin": "1", "step_coins": step, "min_coins": min, "max_coins": min * 1000
            }))
            .unwrap()
        });
        input.sources.clear();
        crate::presets::rate_card_of(&crate::preset_or::PresetOr::Given(input), "")
            .unwrap()
            .into_owned()
    }

    #[test]
    fn min_leftover_against_brute_force() {
        type Ladder<'a> = (&'a [u64], Option<(u64, u64)>);
        let ladders: &[Ladder] = &[
            (&[65, 330, 660, 1321], None),
            (&[7, 10], None),
            (&[6, 9, 20], None),
            (&[70], Some((50, 50))),
            (&[25, 40], Some((10, 30))),
            (&[], Some((5, 20))),
            (&[100, 500], None),
        ];
        for (sizes, custom) in ladders {
            let c = card(sizes, *custom);
            for need in [1u64, 4, 13, 29, 57, 99, 128, 333, 1000, 1777] {
                assert_eq!(
                    Reach::new(&c, 1).unwrap().min_leftover(need),
                    brute_leftover(sizes, *custom, need),
                    "{sizes:?} {custom:?} need {need}"
                );
            }
        }
    }

    #[test]
    fn a_limited_offer_counts_as_often_as_it_may_be_bought() {
        let mut input = card(&[10, 3], None).to_input();
        input.bundles[1].max_purchases = Some(1);
        let c = crate::presets::rate_card_of(&crate::preset_or::PresetOr::Given(input), "")
            .unwrap()
            .into_owned();
        let reach = Reach::new(&c, 1).unwrap();
        // 13 = 10 + 3; 14 needs 20 (the 3 only once); 3 is the offer alone; 6 needs 10.
        for (need, left) in [(13, 0), (14, 6), (3, 0), (6, 4), (23, 0), (24, 6)] {
            assert_eq!(reach.min_leftover(need), left, "need {need}");
        }
        let ios = crate::presets::rate_card("tiktok-ios", "").unwrap();
        let err = Reach::new(ios, 10_000_000).err().unwrap();
        assert_eq!(
            (err.code, err.path.as_str()),
            (ErrorCode::TooLarge, "gifts")
        );
    }

    #[test]
    fn the_ios_ladder_breaks_and_a_lion_overspends() {
        let ios = crate::presets::rate_card("tiktok-ios", "").unwrap();
        let l = ladder(ios).unwrap();
        assert!(!l.per_coin_monotone);
        assert_eq!(l.best_value_bundle.coins, 330);
        assert_eq!(l.conversions, 3);
        let opt = Optimizer::for_card(ios);
        let best = best_rate(ios).unwrap();
        let reach = Reach::new(ios, 1).unwrap();
        let lion = gift(ios, &opt, &reach, best, "lion", "Lion", 29_999).unwrap();
        assert_eq!(lion.cheapest_purchase.price.to_string(), "453.85");
        assert_eq!(lion.min_leftover_coins, 0);
    }
}
