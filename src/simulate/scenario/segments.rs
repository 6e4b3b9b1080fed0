//! Spender segments: who spends, how much a month (a budget distribution), how often and on
//! which gifts.

use super::super::rng::{Poisson, Rng};
use super::ages::AgeGroup;
use super::channels::ChannelSpec;
use super::fields::{money_positive, one_to, positive_f64, share, shares_add_up};
use super::input::{BudgetDistribution, BudgetInput, ScenarioInput};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::{parse_decimal, parse_decimal_in, Currency};
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

/// A validated lognormal spread of money per viewer, in minor units (floats: it is sampled,
/// and what is drawn is compared with prices, never paid).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    /// Median, in minor units.
    pub median: f64,
    /// Standard deviation of the logarithm.
    pub sigma: f64,
}

/// A validated segment.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Id.
    pub id: String,
    /// Monthly budget per age group (by index), or `None` where the segment never spends.
    pub budgets: Vec<Option<Budget>>,
    /// What a coin is worth to its viewers, per coin (absent: any price).
    pub value_per_coin: Option<Spread>,
    /// What moving to a cheaper channel costs its viewers (absent: they never move).
    pub switching_cost: Option<Spread>,
    /// How long its viewers stay (absent: for good).
    pub retention: Option<Retention>,
    /// Chance of gifting on a given day.
    pub p_active: f64,
    /// `p_active` as a threshold for [`Rng::chance_below`].
    pub active_threshold: u64,
    /// Gifts on an active day.
    pub gifts_per_day: Poisson,
    /// Money a top-up aims at, in minor units (before the price multiplier).
    pub top_up: Option<i64>,
    /// Gift choices: (gift id or None for plain coins, coins, weight).
    pub gifts: Vec<(Option<String>, u64, u32)>,
}

/// The validated segments and, per age group, the table that draws one.
pub fn segments(
    input: &ScenarioInput,
    ages: &[AgeGroup],
    channels: &[ChannelSpec],
    currency: Currency,
) -> Result<(Vec<Segment>, Vec<Vec<f64>>)> {
    one_to(
        input.segments.len() as u64,
        32,
        "give {} segments",
        "segments",
    )?;
    let mut totals = vec![Decimal::ZERO; ages.len()];
    let mut out: Vec<Segment> = Vec::new();
    let mut weights = vec![Vec::new(); ages.len()];
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
        let by_age = join(&at, "share_by_age");
        known_groups(s.share_by_age.keys(), ages, &by_age)?;
        known_groups(s.budget_by_age.keys(), ages, &join(&at, "budget_by_age"))?;
        let default_share = share(&s.share, &join(&at, "share"))?;
        let budget_default = s
            .budget
            .as_ref()
            .map(|b| budget(b, currency, &join(&at, "budget")))
            .transpose()?;
        let mut budgets = Vec::with_capacity(ages.len());
        for (g, group) in ages.iter().enumerate() {
            let (d, f) = match s.share_by_age.get(&group.id) {
                Some(text) => share(text, &join(&by_age, &group.id))?,
                None => default_share,
            };
            totals[g] += d;
            weights[g].push(f);
            budgets.push(match s.budget_by_age.get(&group.id) {
                Some(b) => Some(budget(
                    b,
                    currency,
                    &join(&join(&at, "budget_by_age"), &group.id),
                )?),
                None => budget_default,
            });
        }
        let budget = budgets.iter().find_map(|b| *b);
        let spread = |v: &Option<super::input::SpreadInput>, field: &str| {
            v.as_ref()
                .map(|v| spread(v, currency, &join(&at, field)))
                .transpose()
        };
        let value_per_coin = spread(&s.value_per_coin, "value_per_coin")?;
        let retention = retention(&s.monthly_retention, &join(&at, "monthly_retention"))?;
        let switching_cost = spread(&s.switching_cost, "switching_cost")?;
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
            budgets,
            value_per_coin,
            switching_cost,
            retention,
            p_active: days_per_week / 7.0,
            active_threshold: super::super::rng::threshold(days_per_week / 7.0),
            gifts_per_day: Poisson::new(gifts_per_day),
            top_up,
            gifts,
        });
    }
    for (group, total) in ages.iter().zip(totals) {
        if ages.len() > 1 && total != Decimal::ONE {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "segments",
                format!(
                    "in the age group `{}` the segments' shares add up to {}, not 1",
                    group.id,
                    total.normalize()
                ),
            )
            .with("group", group.id.as_str())
            .with("total", total.normalize().to_string()));
        }
        shares_add_up(total, "segments")?;
    }
    Ok((out, weights))
}

/// A retention curve: per month of a viewer's stay, the rate (per day) at which viewers leave.
#[derive(Debug, Clone, PartialEq)]
pub struct Retention {
    /// Per month of stay (the last for every month after): `−ln(retention) / 30`.
    hazards: Vec<f64>,
}

impl Retention {
    /// The day a viewer who joins on `from` leaves (`end` if they stay): months of 30 days,
    /// each with its constant hazard, drawn by inversion month by month.
    pub fn leave_day(&self, from: u32, end: u32, rng: &mut Rng) -> u32 {
        let mut start = from;
        let mut month = 0usize;
        while start < end {
            let h = self.hazards[month.min(self.hazards.len() - 1)];
            if h > 0.0 {
                let t = -libm::log(rng.unit_open()) / h;
                if t < 30.0 {
                    // At least one day: a viewer who joins is there on the day they join.
                    return (start + (t as u32).max(1)).min(end);
                }
            }
            start += 30;
            month += 1;
        }
        end
    }
}

fn retention(curve: &[String], at: &str) -> Result<Option<Retention>> {
    if curve.is_empty() {
        return Ok(None);
    }
    if curve.len() > 24 {
        return Err(Error::new(
            ErrorCode::TooLarge,
            at,
            format!(
                "a retention curve has at most 24 months, not {}",
                curve.len()
            ),
        )
        .with("max", 24)
        .with("given", curve.len()));
    }
    let hazards = curve
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let path = index(at, i);
            let (d, f) = share(r, &path)?;
            if d.is_zero() {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    path,
                    "a month's retention is above 0 (0.8 keeps 80 % of the viewers a month)",
                )
                .with("min_exclusive", "0")
                .with("max", "1"));
            }
            Ok(-libm::log(f) / 30.0)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Some(Retention { hazards }))
}

/// Every key names an age group of the scenario.
fn known_groups<'k>(
    keys: impl Iterator<Item = &'k String>,
    ages: &[AgeGroup],
    at: &str,
) -> Result<()> {
    for key in keys {
        if !ages.iter().any(|g| g.id == *key) {
            let known: Vec<&str> = ages.iter().map(|g| g.id.as_str()).collect();
            return Err(Error::new(
                ErrorCode::InvalidValue,
                join(at, key),
                format!(
                    "`{key}` is not an age group of the scenario ({})",
                    known.join(", ")
                ),
            )
            .with("given", key.as_str())
            .with("suggestions", known));
        }
    }
    Ok(())
}

/// A spread of money per viewer: a median above zero (finer than a minor unit allowed) and a
/// sigma from 0 to 5.
fn spread(v: &super::input::SpreadInput, currency: Currency, at: &str) -> Result<Spread> {
    let path = join(at, "median");
    let max = Decimal::from(1_000_000_000);
    let median = parse_decimal_in(&v.median, &path, Decimal::ZERO, max)?;
    if median.is_zero() {
        return Err(
            Error::new(ErrorCode::OutOfRange, path, "the median is above zero")
                .with("min_exclusive", "0"),
        );
    }
    let minor = median * Decimal::from(10i64.pow(currency.minor_units()));
    Ok(Spread {
        median: minor.to_f64().unwrap_or(1.0),
        sigma: positive_f64(&v.sigma, &join(at, "sigma"), 5)?,
    })
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
