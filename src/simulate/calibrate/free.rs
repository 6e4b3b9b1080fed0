//! The parameters a calibration may fit: a segment's share, budget, value per coin, switching
//! cost and habits, the elasticity and the creators' Zipf exponent, each within a range.

use crate::error::{join, Error, ErrorCode, Result};
use crate::money::{parse_decimal, Currency, Money};
use crate::simulate::scenario::input::{BudgetDistribution, BudgetInput, SpreadInput};
use crate::simulate::scenario::{Scenario, ScenarioInput};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A free parameter as JSON writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FreeInput {
    /// `segment:ID/FIELD` with FIELD one of `share`, `budget.median`, `budget.sigma`,
    /// `budget.min`, `budget.max`, `budget.alpha`, `budget.amount`, `value_per_coin.median`,
    /// `value_per_coin.sigma`, `switching_cost.median`, `switching_cost.sigma`,
    /// `active_days_per_week`, `gifts_per_active_day`, `top_up`; or `elasticity`,
    /// `creators.zipf_exponent`. A segment's `share` is taken from (or given to) the first
    /// segment without a budget, so the shares still add up to 1.
    pub parameter: String,
    /// Smallest value, a decimal string.
    pub min: String,
    /// Largest value.
    pub max: String,
}

/// What a free parameter sets.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Share,
    Budget(&'static str),
    Value(&'static str),
    Switching(&'static str),
    ActiveDays,
    GiftsPerDay,
    TopUp,
}

/// Where a free parameter lives.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Slot {
    Segment(usize, Field),
    Elasticity,
    Zipf,
}

/// A validated free parameter.
#[derive(Debug, Clone)]
pub struct FreeParameter {
    /// As written.
    pub input: FreeInput,
    slot: Slot,
    lo: f64,
    hi: f64,
    /// Searched on a log scale (a positive range).
    log: bool,
    /// Money in minor units of this currency (written with its decimals).
    money: Option<Currency>,
    /// The segment that takes up a share's change.
    absorber: Option<usize>,
    /// The scenario's own value, on the unit scale.
    pub start: f64,
}

impl FreeParameter {
    /// Validates `f` against the scenario (as written, and validated).
    pub fn parse(
        f: &FreeInput,
        input: &ScenarioInput,
        scenario: &Scenario,
        at: &str,
    ) -> Result<FreeParameter> {
        let bad = |message: String| {
            Error::new(ErrorCode::InvalidValue, join(at, "parameter"), message)
                .with("given", f.parameter.chars().take(80).collect::<String>())
        };
        let slot = match f.parameter.as_str() {
            "elasticity" => Slot::Elasticity,
            "creators.zipf_exponent" => Slot::Zipf,
            other => {
                let Some((id, field)) = other
                    .strip_prefix("segment:")
                    .and_then(|r| r.split_once('/'))
                else {
                    return Err(bad(format!(
                        "`{}` is not a free parameter; use segment:ID/FIELD (share, budget.median, value_per_coin.median, …), elasticity or creators.zipf_exponent",
                        other.chars().take(60).collect::<String>()
                    )));
                };
                let Some(i) = input.segments.iter().position(|s| s.id == id) else {
                    let ids: Vec<&str> = input.segments.iter().map(|s| s.id.as_str()).collect();
                    return Err(bad(format!(
                        "the scenario has no segment `{id}`{}",
                        crate::words::hint(id, ids.iter().copied())
                    ))
                    .with("suggestions", ids));
                };
                let field = match field {
                    "share" => Field::Share,
                    "budget.median" => Field::Budget("median"),
                    "budget.sigma" => Field::Budget("sigma"),
                    "budget.min" => Field::Budget("min"),
                    "budget.max" => Field::Budget("max"),
                    "budget.alpha" => Field::Budget("alpha"),
                    "budget.amount" => Field::Budget("amount"),
                    "value_per_coin.median" => Field::Value("median"),
                    "value_per_coin.sigma" => Field::Value("sigma"),
                    "switching_cost.median" => Field::Switching("median"),
                    "switching_cost.sigma" => Field::Switching("sigma"),
                    "active_days_per_week" => Field::ActiveDays,
                    "gifts_per_active_day" => Field::GiftsPerDay,
                    "top_up" => Field::TopUp,
                    _ => {
                        return Err(bad(format!(
                            "a segment has no free field `{}`",
                            field.chars().take(60).collect::<String>()
                        )))
                    }
                };
                let seg = &input.segments[i];
                let missing = match &field {
                    Field::Budget(f) => seg.budget.as_ref().is_none_or(|b| {
                        // Only the figures of the budget's own distribution move it.
                        let own: &[&str] = match b.distribution {
                            BudgetDistribution::Fixed => &["amount"],
                            BudgetDistribution::Uniform => &["min", "max"],
                            BudgetDistribution::Lognormal => &["median", "sigma", "max"],
                            BudgetDistribution::Pareto => &["min", "alpha", "max"],
                        };
                        !own.contains(f)
                    }),
                    Field::Value(_) => seg.value_per_coin.is_none(),
                    Field::Switching(_) => seg.switching_cost.is_none(),
                    _ => false,
                };
                if missing {
                    return Err(bad(format!(
                        "segment `{id}` has no {} with this figure to fit; give one in the scenario first",
                        field_name(&field)
                    )));
                }
                Slot::Segment(i, field)
            }
        };
        let lo = parse_decimal(&f.min, &join(at, "min"))?;
        let hi = parse_decimal(&f.max, &join(at, "max"))?;
        if hi <= lo {
            return Err(
                Error::new(ErrorCode::InvalidValue, join(at, "max"), "max is above min")
                    .with("min", f.min.as_str())
                    .with("given", f.max.as_str()),
            );
        }
        let (allowed_lo, allowed_hi) = match &slot {
            Slot::Elasticity => (Decimal::from(-10), Decimal::from(10)),
            Slot::Segment(_, Field::Share) => (Decimal::ZERO, Decimal::ONE),
            Slot::Segment(_, Field::ActiveDays) => (Decimal::ZERO, Decimal::from(7)),
            _ => (Decimal::ZERO, Decimal::from(1_000_000_000)),
        };
        if lo < allowed_lo || hi > allowed_hi {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                join(at, if lo < allowed_lo { "min" } else { "max" }),
                format!(
                    "`{}` ranges from {} to {}",
                    f.parameter,
                    allowed_lo.normalize(),
                    allowed_hi.normalize()
                ),
            )
            .with("min", allowed_lo.normalize().to_string())
            .with("max", allowed_hi.normalize().to_string()));
        }
        let money = match &slot {
            Slot::Segment(_, Field::Budget("median" | "min" | "max" | "amount") | Field::TopUp) => {
                Some(scenario.currency)
            }
            _ => None,
        };
        let absorber = match &slot {
            Slot::Segment(i, Field::Share) => {
                let found =
                    input.segments.iter().enumerate().position(|(j, s)| {
                        j != *i && s.budget.is_none() && s.budget_by_age.is_empty()
                    });
                if found.is_none() {
                    return Err(bad(
                        "a segment's share can be fitted only when a segment without a budget (the non-spenders) takes up the difference".into(),
                    ));
                }
                found
            }
            _ => None,
        };
        let (lo, hi) = (lo.to_f64().unwrap_or(0.0), hi.to_f64().unwrap_or(1.0));
        let mut p = FreeParameter {
            input: f.clone(),
            slot,
            lo,
            hi,
            log: lo > 0.0,
            money,
            absorber,
            start: 0.5,
        };
        p.start = p.current(input).map_or(0.5, |v| p.to_unit(v));
        Ok(p)
    }

    /// The value at `u` in [0, 1].
    fn value(&self, u: f64) -> f64 {
        if self.log {
            self.lo * libm::exp(u * libm::log(self.hi / self.lo))
        } else {
            self.lo + u * (self.hi - self.lo)
        }
    }

    fn to_unit(&self, v: f64) -> f64 {
        let u = if self.log {
            libm::log(v.max(self.lo) / self.lo) / libm::log(self.hi / self.lo)
        } else {
            (v - self.lo) / (self.hi - self.lo)
        };
        u.clamp(0.0, 1.0)
    }

    /// The value at `u` as the scenario writes it: money to the currency's minor unit,
    /// anything else to 6 decimals.
    pub fn text(&self, u: f64) -> String {
        let v = self.value(u);
        match self.money {
            Some(c) => {
                let scale = 10f64.powi(c.minor_units() as i32);
                let minor = (libm::round(v * scale) as i64).max(1);
                Money::from_minor(minor, c).to_string()
            }
            None => Decimal::new(libm::round(v * 1e6) as i64, 6)
                .normalize()
                .to_string(),
        }
    }

    /// The scenario's own value, if it has one that reads as a number.
    fn current(&self, input: &ScenarioInput) -> Option<f64> {
        let text = match &self.slot {
            Slot::Elasticity => input.elasticity.clone(),
            Slot::Zipf => input.creators.zipf_exponent.clone(),
            Slot::Segment(i, field) => {
                let seg = input.segments.get(*i)?;
                match field {
                    Field::Share => seg.share.clone(),
                    Field::Budget(f) => budget_field(seg.budget.as_ref()?, f)?.clone(),
                    Field::Value(f) => spread_field(seg.value_per_coin.as_ref()?, f).clone(),
                    Field::Switching(f) => spread_field(seg.switching_cost.as_ref()?, f).clone(),
                    Field::ActiveDays => seg.active_days_per_week.clone(),
                    Field::GiftsPerDay => seg.gifts_per_active_day.clone(),
                    Field::TopUp => seg.top_up.clone()?,
                }
            }
        };
        text.parse::<Decimal>().ok()?.to_f64()
    }

    /// Writes the value `v` (within the range) into `input`, and returns it as written.
    pub fn set_value(&self, input: &mut ScenarioInput, v: f64) -> String {
        let u = self.to_unit(v);
        self.set(input, u);
        self.text(u)
    }

    /// Writes the value at `u` into `input`.
    pub fn set(&self, input: &mut ScenarioInput, u: f64) {
        let text = self.text(u);
        match &self.slot {
            Slot::Elasticity => input.elasticity = text,
            Slot::Zipf => input.creators.zipf_exponent = text,
            Slot::Segment(i, field) => {
                let Some(seg) = input.segments.get_mut(*i) else {
                    return;
                };
                match field {
                    Field::Share => seg.share = text,
                    Field::Budget(f) => {
                        if let Some(b) = seg.budget.as_mut() {
                            *budget_slot(b, f) = Some(text);
                        }
                    }
                    Field::Value(f) => {
                        if let Some(v) = seg.value_per_coin.as_mut() {
                            *spread_slot(v, f) = text;
                        }
                    }
                    Field::Switching(f) => {
                        if let Some(v) = seg.switching_cost.as_mut() {
                            *spread_slot(v, f) = text;
                        }
                    }
                    Field::ActiveDays => seg.active_days_per_week = text,
                    Field::GiftsPerDay => seg.gifts_per_active_day = text,
                    Field::TopUp => seg.top_up = Some(text),
                }
                if let Some(a) = self.absorber {
                    // The non-spenders take up the difference, exactly.
                    let others: Decimal = input
                        .segments
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j != a)
                        .map(|(_, s)| s.share.parse::<Decimal>().unwrap_or(Decimal::ZERO))
                        .sum();
                    if let Some(absorber) = input.segments.get_mut(a) {
                        absorber.share = (Decimal::ONE - others).normalize().to_string();
                    }
                }
            }
        }
    }
}

fn field_name(f: &Field) -> &'static str {
    match f {
        Field::Budget(_) => "budget",
        Field::Value(_) => "value_per_coin",
        Field::Switching(_) => "switching_cost",
        _ => "value",
    }
}

fn budget_field<'b>(b: &'b BudgetInput, f: &str) -> Option<&'b String> {
    match f {
        "median" => b.median.as_ref(),
        "sigma" => b.sigma.as_ref(),
        "min" => b.min.as_ref(),
        "max" => b.max.as_ref(),
        "alpha" => b.alpha.as_ref(),
        _ => b.amount.as_ref(),
    }
}

fn budget_slot<'b>(b: &'b mut BudgetInput, f: &str) -> &'b mut Option<String> {
    match f {
        "median" => &mut b.median,
        "sigma" => &mut b.sigma,
        "min" => &mut b.min,
        "max" => &mut b.max,
        "alpha" => &mut b.alpha,
        _ => &mut b.amount,
    }
}

fn spread_field<'v>(v: &'v SpreadInput, f: &str) -> &'v String {
    if f == "median" {
        &v.median
    } else {
        &v.sigma
    }
}

fn spread_slot<'v>(v: &'v mut SpreadInput, f: &str) -> &'v mut String {
    if f == "median" {
        &mut v.median
    } else {
        &mut v.sigma
    }
}
