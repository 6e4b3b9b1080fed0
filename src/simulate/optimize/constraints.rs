//! What an optimized point must satisfy: a metric (of everyone, an age group or a segment) at
//! most or at least a value, on its mean over runs; a price per coin that falls as bundles
//! grow; named gifts that can be bought without coins left over.

use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::{parse_decimal, round_decimal, Money, RoundingPoint};
use crate::simulate::scenario::Scenario;
use crate::simulate::{
    group_metric, RunMetrics, RunPart, COUNT_METRICS, MONEY_METRICS, RATIO_METRICS,
};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Most coins a gift may cost for the reachability check (a table of this many entries).
const MAX_GIFT_COINS: u64 = 1_000_000;

/// A constraint as JSON writes it: a `metric` with `at_most` or `at_least`, or
/// `price_per_coin: "falls"`, or `reachable_gifts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConstraintInput {
    /// Any metric of `simulate` (`blocked_spend`, `creator_payouts`, `payer_share`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// Of this age group only (its id, e.g. `16-to-17`): any metric but what creators are paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_group: Option<String>,
    /// Of this segment only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// The metric's mean over runs is at most this (money in the scenario's currency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<String>,
    /// Or at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<String>,
    /// `falls`: on every channel, each larger bundle gives coins at no higher a price per coin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_per_coin: Option<String>,
    /// Gifts (ids in the cards' catalogues) that, on every channel, some set of purchases buys
    /// exactly, without coins left over.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reachable_gifts: Vec<String>,
    /// `price_per_coin` and `reachable_gifts`: only the channels on this rate card (default:
    /// every channel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_card: Option<String>,
}

/// What a constraint checks.
#[derive(Debug, Clone, PartialEq)]
enum Check {
    /// A metric of everyone (`None`), an age group (`Some((true, i))`) or a segment.
    Metric {
        name: String,
        group: Option<(bool, usize)>,
        bound: Decimal,
        at_most: bool,
    },
    PricePerCoinFalls(Option<String>),
    Reachable(Vec<String>, Option<String>),
}

/// A validated constraint.
#[derive(Debug, Clone, PartialEq)]
pub struct Constraint {
    /// A short description (`blocked_spend of 16-to-17 at most 500.00`).
    pub name: String,
    check: Check,
}

/// How a point stands against a constraint.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Standing {
    /// The constraint.
    pub constraint: String,
    /// The value measured (a metric's mean over runs; the smallest fall in price per coin
    /// between neighbouring bundles, as a share; the gifts that cannot be bought exactly).
    pub value: String,
    /// How far inside the limit (negative: how far past it), in the metric's unit; for the
    /// other constraints, the same as `value` where met.
    pub slack: String,
    /// True when satisfied.
    pub met: bool,
    /// How far past the limit, as a share of it (0 when met): what ranks points that miss.
    #[serde(skip)]
    pub violation: f64,
}

impl Constraint {
    /// Validates `c` against the scenario; errors name fields under `at`.
    pub fn parse(c: &ConstraintInput, s: &Scenario, at: &str) -> Result<Constraint> {
        let kinds = usize::from(c.metric.is_some())
            + usize::from(c.price_per_coin.is_some())
            + usize::from(!c.reachable_gifts.is_empty());
        if kinds != 1 {
            return Err(Error::new(
                if kinds == 0 { ErrorCode::MissingField } else { ErrorCode::ConflictingFields },
                at,
                "a constraint is one of: a `metric` with `at_most` or `at_least`, `price_per_coin: \"falls\"`, or `reachable_gifts`",
            ));
        }
        if let Some(card) = &c.rate_card {
            if c.metric.is_some() {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    join(at, "rate_card"),
                    "`rate_card` narrows `price_per_coin` or `reachable_gifts`, not a metric",
                ));
            }
            find(
                s.channels.iter().map(|c| c.card.id.as_str()),
                card,
                &join(at, "rate_card"),
            )?;
        }
        let on = |what: String| match &c.rate_card {
            Some(card) => format!("{what} on {card}"),
            None => what,
        };
        if let Some(falls) = &c.price_per_coin {
            if falls != "falls" {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    join(at, "price_per_coin"),
                    "the only price-per-coin constraint is `falls`",
                ));
            }
            return Ok(Constraint {
                name: on("price per coin falls as bundles grow".into()),
                check: Check::PricePerCoinFalls(c.rate_card.clone()),
            });
        }
        if !c.reachable_gifts.is_empty() {
            for (i, gift) in c.reachable_gifts.iter().enumerate() {
                for ch in s
                    .channels
                    .iter()
                    .filter(|ch| c.rate_card.as_ref().is_none_or(|id| *id == ch.card.id))
                {
                    let g = ch
                        .card
                        .gifts
                        .find(gift, &index(&join(at, "reachable_gifts"), i))?;
                    if g.coins > MAX_GIFT_COINS {
                        return Err(Error::new(
                            ErrorCode::TooLarge,
                            index(&join(at, "reachable_gifts"), i),
                            format!("`{gift}` costs more than {MAX_GIFT_COINS} coins, too many to check"),
                        ));
                    }
                }
            }
            return Ok(Constraint {
                name: on(format!(
                    "{} bought without coins left over",
                    c.reachable_gifts.join(", ")
                )),
                check: Check::Reachable(c.reachable_gifts.clone(), c.rate_card.clone()),
            });
        }
        let name = c.metric.clone().unwrap_or_default();
        let known = MONEY_METRICS
            .iter()
            .chain(COUNT_METRICS)
            .chain(RATIO_METRICS)
            .any(|(m, _)| *m == name);
        if !known {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                join(at, "metric"),
                format!(
                    "`{}` is not a metric of simulate",
                    name.chars().take(60).collect::<String>()
                ),
            ));
        }
        let group = match (&c.age_group, &c.segment) {
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    join(at, "segment"),
                    "a constraint is on an age group or a segment, not both",
                ))
            }
            (Some(id), None) => Some((
                true,
                find(
                    s.ages.iter().map(|a| a.id.as_str()),
                    id,
                    &join(at, "age_group"),
                )?,
            )),
            (None, Some(id)) => Some((
                false,
                find(
                    s.segments.iter().map(|g| g.id.as_str()),
                    id,
                    &join(at, "segment"),
                )?,
            )),
            (None, None) => None,
        };
        if group.is_some() && !group_metric(&name) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                join(at, "metric"),
                format!("`{name}` is what creators are paid, which is not split by age group or segment"),
            ));
        }
        let (bound_text, at_most, field) = match (&c.at_most, &c.at_least) {
            (Some(v), None) => (v, true, "at_most"),
            (None, Some(v)) => (v, false, "at_least"),
            _ => {
                return Err(Error::new(
                    if c.at_most.is_some() {
                        ErrorCode::ConflictingFields
                    } else {
                        ErrorCode::MissingField
                    },
                    join(at, "at_most"),
                    "a metric constraint has `at_most` or `at_least` (one of them)",
                ))
            }
        };
        let bound = if MONEY_METRICS.iter().any(|(m, _)| *m == name) {
            Money::parse(bound_text, s.currency, &join(at, field))?.to_decimal()?
        } else {
            parse_decimal(bound_text, &join(at, field))?
        };
        let of = match (&c.age_group, &c.segment) {
            (Some(id), _) | (_, Some(id)) => format!(" of {id}"),
            _ => String::new(),
        };
        Ok(Constraint {
            name: format!(
                "{name}{of} {} {bound_text}",
                if at_most { "at most" } else { "at least" }
            ),
            check: Check::Metric {
                name,
                group,
                bound,
                at_most,
            },
        })
    }

    /// Whether the constraint depends on the simulation (the others are read off the cards).
    pub fn simulated(&self) -> bool {
        matches!(self.check, Check::Metric { .. })
    }

    /// How the scenario's cards stand (`None` for a metric constraint).
    pub fn on_cards(&self, s: &Scenario) -> Option<Standing> {
        match &self.check {
            Check::Metric { .. } => None,
            Check::PricePerCoinFalls(card) => Some(self.price_per_coin(s, card.as_deref())),
            Check::Reachable(gifts, card) => Some(self.reachable(s, gifts, card.as_deref())),
        }
    }

    /// How a simulated point stands (`None` for a constraint on the cards).
    pub fn on_runs(
        &self,
        s: &Scenario,
        parts: &[RunPart],
        runs: &[RunMetrics],
    ) -> Option<Standing> {
        let Check::Metric {
            name,
            group,
            bound,
            at_most,
        } = &self.check
        else {
            return None;
        };
        let money = MONEY_METRICS.iter().any(|(m, _)| m == name);
        let ratio = RATIO_METRICS.iter().any(|(m, _)| m == name);
        let value_of = |r: usize| -> i128 {
            let g = group.and_then(|(age, i)| {
                let p = parts.get(r)?;
                if age {
                    p.by_age.get(i)
                } else {
                    p.by_segment.get(i)
                }
            });
            match (g, money, ratio) {
                (Some(g), true, _) => g.money(name),
                (Some(g), _, true) => g.ratio(name),
                (Some(g), _, _) => i128::try_from(g.count(name)).unwrap_or(i128::MAX),
                (None, true, _) => runs.get(r).map_or(0, |m| m.money_minor(name)),
                (None, _, true) => runs.get(r).map_or(0, |m| m.ratio(name)),
                (None, _, _) => runs.get(r).map_or(0, |m| i128::from(m.count(name))),
            }
        };
        let n = runs.len().max(1);
        let sum: i128 = (0..runs.len())
            .map(value_of)
            .fold(0i128, i128::saturating_add);
        // Money in minor units, ratios in millionths: back to the metric's own unit.
        let scale = if money {
            s.currency.minor_units()
        } else if ratio {
            6
        } else {
            0
        };
        let mean = Decimal::try_from_i128_with_scale(sum, scale)
            .map(|d| d / Decimal::from(n))
            .unwrap_or(Decimal::MAX);
        let slack = if *at_most {
            *bound - mean
        } else {
            mean - *bound
        };
        let point = if money {
            RoundingPoint::Statistic
        } else {
            RoundingPoint::Ratio
        };
        let shown = |d: Decimal| {
            let mut r = round_decimal(d, scale.max(2), point);
            if money {
                r.rescale(scale);
            } else {
                r = r.normalize();
            }
            r.to_string()
        };
        let denominator = bound.abs().max(Decimal::ONE);
        let violation = if slack >= Decimal::ZERO {
            0.0
        } else {
            f64::try_from(-slack / denominator).unwrap_or(f64::MAX)
        };
        Some(Standing {
            constraint: self.name.clone(),
            value: shown(mean),
            slack: shown(slack),
            met: slack >= Decimal::ZERO,
            violation,
        })
    }

    /// The smallest fall in price per coin between neighbouring bundles of any channel.
    fn price_per_coin(&self, s: &Scenario, card: Option<&str>) -> Standing {
        let mut worst: Option<Decimal> = None;
        let mut violation = 0.0;
        for ch in s
            .channels
            .iter()
            .filter(|ch| card.is_none_or(|id| id == ch.card.id))
        {
            let mut bundles: Vec<(u64, i128)> = ch
                .card
                .bundles
                .iter()
                .map(|b| (b.total_coins(), b.price.minor()))
                .collect();
            crate::sort::sort_by(&mut bundles, |a, b| a.0.cmp(&b.0));
            for pair in bundles.windows(2) {
                let [(c0, p0), (c1, p1)] = [pair[0], pair[1]];
                if c0 == 0 || p0 == 0 {
                    continue;
                }
                // Relative fall from the smaller bundle's price per coin to the larger one's.
                let per0 = Decimal::from_i128_with_scale(p0, 0) / Decimal::from(c0);
                let per1 = Decimal::from_i128_with_scale(p1, 0) / Decimal::from(c1);
                let fall = (per0 - per1) / per0;
                if fall < Decimal::ZERO {
                    violation += f64::try_from(-fall).unwrap_or(1.0);
                }
                worst = Some(worst.map_or(fall, |w: Decimal| w.min(fall)));
            }
        }
        let fall = round_decimal(worst.unwrap_or(Decimal::ZERO), 6, RoundingPoint::Ratio);
        Standing {
            constraint: self.name.clone(),
            value: fall.normalize().to_string(),
            slack: fall.normalize().to_string(),
            met: fall >= Decimal::ZERO,
            violation,
        }
    }

    /// The gifts some channel cannot sell exactly.
    fn reachable(&self, s: &Scenario, gifts: &[String], card: Option<&str>) -> Standing {
        let mut missing: Vec<String> = Vec::new();
        let mut pairs = 0usize;
        let mut missed = 0usize;
        for ch in s
            .channels
            .iter()
            .filter(|ch| card.is_none_or(|id| id == ch.card.id))
        {
            for id in gifts {
                let Ok(g) = ch.card.gifts.find(id, "") else {
                    continue;
                };
                pairs += 1;
                if !exactly(&ch.card, g.coins) {
                    missed += 1;
                    missing.push(format!("{id} on {}", ch.card.id));
                }
            }
        }
        let value = if missing.is_empty() {
            "all".to_string()
        } else {
            missing.join(", ")
        };
        Standing {
            constraint: self.name.clone(),
            slack: value.clone(),
            value,
            met: missed == 0,
            violation: missed as f64 / pairs.max(1) as f64,
        }
    }
}

/// Whether purchases on `card` can add up to exactly `coins` coins: a custom amount of exactly
/// that many, or bundles (each as many times as wanted) on top of at most one custom amount.
fn exactly(card: &crate::rate_card::RateCard, coins: u64) -> bool {
    let custom_fits = |n: u64| {
        card.custom.as_ref().is_some_and(|c| {
            n >= c.min_coins && n <= c.max_coins && c.step_coins > 0 && n % c.step_coins == 0
        })
    };
    if custom_fits(coins) {
        return true;
    }
    let Ok(target) = usize::try_from(coins) else {
        return false;
    };
    let mut reach = vec![false; target + 1];
    reach[0] = true;
    for b in &card.bundles {
        let Ok(size) = usize::try_from(b.total_coins()) else {
            continue;
        };
        if size == 0 {
            continue;
        }
        for n in size..=target {
            if reach[n - size] {
                reach[n] = true;
            }
        }
    }
    (0..=target).any(|n| reach[n] && (n == target || custom_fits((target - n) as u64)))
}

/// The index of `id` among `ids`, or an error at `path` with suggestions.
fn find<'a>(ids: impl Iterator<Item = &'a str> + Clone, id: &str, path: &str) -> Result<usize> {
    ids.clone().position(|i| i == id).ok_or_else(|| {
        let all: Vec<&str> = ids.collect();
        Error::new(
            ErrorCode::InvalidValue,
            path,
            format!(
                "the scenario has no `{id}`{}",
                crate::words::hint(id, all.iter().copied())
            ),
        )
        .with("suggestions", all)
    })
}
