//! Spender segments: who spends, how much a month (a budget distribution), how often and on
//! which gifts.

use super::super::rng::{Alias, Poisson};
use super::channels::ChannelSpec;
use super::fields::{money_positive, one_to, positive_f64, share, shares_add_up};
use super::input::{BudgetDistribution, BudgetInput, ScenarioInput};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::{parse_decimal, Currency};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// A validated budget distribution, in minor units of the scenario's currency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Budget {
    /// Always this.
    Fixed(i64),
    /// Uniform in `[min, max]`.
    Uniform(i64, i64),
    /// Log-normal: median (minor units), sigma, optional cap.
    Lognormal(f64, f64, Option<i64>),
    /// Pareto: minimum (minor units), alpha, optional cap.
    Pareto(f64, f64, Option<i64>),
}

/// A validated segment.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Id.
    pub id: String,
    /// Budget for 30 days, or `None` for non-spenders.
    pub budget: Option<Budget>,
    /// Chance of gifting on a given day.
    pub p_active: f64,
    /// Gifts on an active day.
    pub gifts_per_day: Poisson,
    /// Money a top-up aims at, in minor units (before the price multiplier).
    pub top_up: Option<i64>,
    /// Gift choices: (gift id or None for plain coins, coins, weight).
    pub gifts: Vec<(Option<String>, u64, u32)>,
}

/// The validated segments and the table that draws one.
pub fn segments(
    input: &ScenarioInput,
    channels: &[ChannelSpec],
    currency: Currency,
) -> Result<(Vec<Segment>, Alias)> {
    one_to(
        input.segments.len() as u64,
        32,
        "give {} segments",
        "segments",
    )?;
    let mut total = Decimal::ZERO;
    let mut out: Vec<Segment> = Vec::new();
    let mut weights = Vec::new();
    for (i, s) in input.segments.iter().enumerate() {
        let at = index("segments", i);
        crate::id::validate(&s.id, &join(&at, "id"))?;
        if out.iter().any(|o| o.id == s.id) {
            return Err(Error::new(
                ErrorCode::Duplicate,
                join(&at, "id"),
                format!("segment `{}` appears twice", s.id),
            ));
        }
        let (d, f) = share(&s.share, &join(&at, "share"))?;
        total += d;
        weights.push(f);
        let budget = s
            .budget
            .as_ref()
            .map(|b| budget(b, currency, &join(&at, "budget")))
            .transpose()?;
        let days_per_week = positive_f64(
            &s.active_days_per_week,
            &join(&at, "active_days_per_week"),
            7,
        )?;
        let gifts_per_day = positive_f64(
            &s.gifts_per_active_day,
            &join(&at, "gifts_per_active_day"),
            10_000,
        )?;
        let top_up = s
            .top_up
            .as_deref()
            .map(|t| money_positive(t, currency, &join(&at, "top_up")))
            .transpose()?;
        let mut gifts = Vec::new();
        if s.gifts.len() > 64 {
            return Err(Error::new(
                ErrorCode::TooLarge,
                join(&at, "gifts"),
                format!(
                    "a segment has at most 64 gift choices, not {}",
                    s.gifts.len()
                ),
            )
            .with("max", 64)
            .with("given", s.gifts.len()));
        }
        for (j, g) in s.gifts.iter().enumerate() {
            let gat = index(&join(&at, "gifts"), j);
            let coins = match (&g.gift, g.coins) {
                (Some(id), None) => {
                    // Every channel must know the gift, at one price.
                    let mut coins = None;
                    for card in channels.iter().map(|c| &c.card) {
                        let gift = card.gifts.find(id, &join(&gat, "gift"))?;
                        if coins.is_some_and(|c| c != gift.coins) {
                            return Err(Error::new(
                                ErrorCode::ConflictingFields,
                                join(&gat, "gift"),
                                format!("`{id}` costs different coins on different channels"),
                            ));
                        }
                        coins = Some(gift.coins);
                    }
                    coins.unwrap_or(1)
                }
                (None, Some(c)) if (1..=crate::gifts::MAX_GIFT_COINS).contains(&c) => c,
                (None, Some(_)) => {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        join(&gat, "coins"),
                        format!(
                            "a gift costs 1 to {} coins",
                            crate::words::number(crate::gifts::MAX_GIFT_COINS)
                        ),
                    )
                    .with("min", 1)
                    .with("max", crate::gifts::MAX_GIFT_COINS))
                }
                _ => {
                    return Err(Error::new(
                        ErrorCode::ConflictingFields,
                        gat,
                        "a gift choice names either a `gift` or a number of `coins`",
                    ))
                }
            };
            if g.weight == 0 {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    join(&gat, "weight"),
                    "a weight is at least 1",
                )
                .with("min", 1));
            }
            gifts.push((g.gift.clone(), coins, g.weight));
        }
        if budget.is_some() && gifts.is_empty() {
            return Err(Error::new(
                ErrorCode::MissingField,
                join(&at, "gifts"),
                "a segment with a budget needs the gifts it sends",
            ));
        }
        out.push(Segment {
            id: s.id.clone(),
            budget,
            p_active: days_per_week / 7.0,
            gifts_per_day: Poisson::new(gifts_per_day),
            top_up,
            gifts,
        });
    }
    shares_add_up(total, "segments")?;
    Ok((out, Alias::new(&weights)))
}

fn budget(b: &BudgetInput, currency: Currency, at: &str) -> Result<Budget> {
    fn need<'v>(v: &'v Option<String>, f: &str, at: &str, b: &BudgetInput) -> Result<&'v str> {
        v.as_deref().ok_or_else(|| {
            Error::new(
                ErrorCode::MissingField,
                join(at, f),
                format!("a {} budget needs `{f}`", b.distribution.name()),
            )
        })
    }
    let money = |v: &Option<String>, f: &str| -> Result<i64> {
        money_positive(need(v, f, at, b)?, currency, &join(at, f))
    };
    let cap = |v: &Option<String>| -> Result<Option<i64>> {
        v.as_deref()
            .map(|t| money_positive(t, currency, &join(at, "max")))
            .transpose()
    };
    Ok(match b.distribution {
        BudgetDistribution::Fixed => Budget::Fixed(money(&b.amount, "amount")?),
        BudgetDistribution::Uniform => {
            let (lo, hi) = (money(&b.min, "min")?, money(&b.max, "max")?);
            if hi < lo {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    join(at, "max"),
                    "max must be at least min",
                ));
            }
            Budget::Uniform(lo, hi)
        }
        BudgetDistribution::Lognormal => Budget::Lognormal(
            money(&b.median, "median")? as f64,
            positive_f64(need(&b.sigma, "sigma", at, b)?, &join(at, "sigma"), 5)?,
            cap(&b.max)?,
        ),
        BudgetDistribution::Pareto => {
            let alpha = parse_decimal(need(&b.alpha, "alpha", at, b)?, &join(at, "alpha"))?;
            if alpha <= Decimal::ZERO || alpha > Decimal::from(20) {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    join(at, "alpha"),
                    "alpha is above 0 and at most 20",
                )
                .with("min_exclusive", "0")
                .with("max", "20"));
            }
            Budget::Pareto(
                money(&b.min, "min")? as f64,
                alpha.to_f64().unwrap_or(1.0),
                cap(&b.max)?,
            )
        }
    })
}
