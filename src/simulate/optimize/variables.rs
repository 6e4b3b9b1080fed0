//! Decision variables: a parameter ([`Parameter`]) and the values it may take, from a range
//! and a step, a store's price points, or a list.

use crate::bundles::price_points::{self, PriceLadder};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::{parse_decimal, Currency, Money};
use crate::presets;
use crate::simulate::parameter::Parameter;
use crate::simulate::scenario::ScenarioInput;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Most values one variable may take.
pub const MAX_VALUES: usize = 2_000;

/// A decision variable as JSON writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VariableInput {
    /// Any parameter a sweep takes: `price_multiplier`, `price_multiplier:CARD`,
    /// `bundle:CARD/COINS/price`, `bundle:CARD/COINS/coins`, `cap:BRACKET/CAP`,
    /// `cap_multiplier`, `creator_share`, …
    pub parameter: String,
    /// Smallest value, a decimal string (with `max` and `step` or `price_points`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// Largest value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// Distance between values tried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// A bundle's price: only the store's price points from `min` to `max` (`apple-us`,
    /// `google-play-us`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_points: Option<String>,
    /// Or exactly these values (checked against `price_points` when given).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

/// A validated decision variable.
#[derive(Debug, Clone)]
pub struct Variable {
    /// As written.
    pub input: VariableInput,
    /// What it sets.
    pub parameter: Parameter,
    /// The values it may take, in increasing order, as the scenario writes them.
    pub values: Vec<String>,
    /// The price points it keeps to, if any.
    pub ladder: Option<&'static PriceLadder>,
}

impl Variable {
    /// Validates `v` against the scenario `base`; errors name fields under `at`.
    pub fn parse(v: &VariableInput, base: &ScenarioInput, at: &str) -> Result<Variable> {
        let parameter = Parameter::parse(&v.parameter, &join(at, "parameter"))?;
        let ladder = v
            .price_points
            .as_deref()
            .map(|id| price_points::ladder(id, &join(at, "price_points")))
            .transpose()?;
        let currency = match (&ladder, &parameter) {
            (Some(l), Parameter::BundlePrice(card, _)) => {
                let c = card_currency(base, card, &join(at, "parameter"))?;
                if c != l.currency {
                    return Err(Error::new(
                        ErrorCode::CurrencyMismatch,
                        join(at, "price_points"),
                        format!(
                            "{} are in {}, but `{card}` is priced in {c}",
                            l.id, l.currency
                        ),
                    )
                    .with("currencies", vec![l.currency.code(), c.code()]));
                }
                Some(c)
            }
            (Some(_), _) => {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    join(at, "price_points"),
                    "price points apply to a bundle's price (`bundle:CARD/COINS/price`)",
                ))
            }
            (None, _) => None,
        };
        let values = if !v.values.is_empty() {
            if v.min.is_some() || v.max.is_some() || v.step.is_some() {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    join(at, "values"),
                    "give `values`, or `min` and `max`, not both",
                ));
            }
            let mut out: Vec<(Decimal, String)> = Vec::new();
            for (i, text) in v.values.iter().enumerate() {
                let path = index(&join(at, "values"), i);
                parameter.check_value(text, &path)?;
                let d = parse_decimal(text, &path)?;
                if let (Some(l), Some(c)) = (ladder, currency) {
                    on_ladder(l, d, c, &path)?;
                }
                if out.iter().any(|(o, _)| *o == d) {
                    return Err(Error::new(
                        ErrorCode::Duplicate,
                        path,
                        "this value is listed twice",
                    ));
                }
                out.push((d, text.clone()));
            }
            crate::sort::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
            out.into_iter().map(|(_, t)| t).collect()
        } else {
            range(v, &parameter, ladder, currency, at)?
        };
        if values.len() > MAX_VALUES {
            return Err(Error::new(
                ErrorCode::TooLarge,
                at,
                format!(
                    "this variable takes {} values; at most {} (a larger step)",
                    crate::words::number(values.len() as u64),
                    crate::words::number(MAX_VALUES as u64)
                ),
            )
            .with("max", MAX_VALUES)
            .with("given", values.len()));
        }
        Ok(Variable {
            input: v.clone(),
            parameter,
            values,
            ladder,
        })
    }
}

/// The values of a range: its price points, or `min`, `min + step`, … up to `max`.
fn range(
    v: &VariableInput,
    parameter: &Parameter,
    ladder: Option<&'static PriceLadder>,
    currency: Option<Currency>,
    at: &str,
) -> Result<Vec<String>> {
    let (Some(min_text), Some(max_text)) = (&v.min, &v.max) else {
        let missing = if v.min.is_none() { "min" } else { "max" };
        return Err(Error::new(
            ErrorCode::MissingField,
            join(at, missing),
            "a decision variable needs `min` and `max` (or `values`)",
        ));
    };
    parameter.check_value(min_text, &join(at, "min"))?;
    parameter.check_value(max_text, &join(at, "max"))?;
    let min = parse_decimal(min_text, &join(at, "min"))?;
    let max = parse_decimal(max_text, &join(at, "max"))?;
    if max < min {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            join(at, "max"),
            format!("the range is empty: max ({max_text}) is below min ({min_text})"),
        )
        .with("min", min_text.as_str())
        .with("given", max_text.as_str()));
    }
    if let (Some(l), Some(c)) = (ladder, currency) {
        if v.step.is_some() {
            return Err(Error::new(
                ErrorCode::ConflictingFields,
                join(at, "step"),
                "give `step` or `price_points`, not both",
            ));
        }
        let minor =
            |d: Decimal, path: &str| Money::parse(&d.to_string(), c, path).map(Money::minor);
        let points = l.within(minor(min, &join(at, "min"))?, minor(max, &join(at, "max"))?);
        if points.is_empty() {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                join(at, "max"),
                format!(
                    "no {} price point lies between {min_text} and {max_text}",
                    l.id
                ),
            )
            .with("min", l.min.to_string())
            .with("max", l.max.to_string()));
        }
        return Ok(points
            .into_iter()
            .map(|p| Money::from_minor(p, c).to_string())
            .collect());
    }
    let Some(step_text) = &v.step else {
        return Err(Error::new(
            ErrorCode::MissingField,
            join(at, "step"),
            "a decision variable's range needs a `step` (or `price_points` for a bundle's price)",
        ));
    };
    let step = parse_decimal(step_text, &join(at, "step"))?;
    if step <= Decimal::ZERO {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            join(at, "step"),
            "the step must be above 0",
        ));
    }
    if matches!(parameter, Parameter::BundleCoins(..)) && !step.fract().is_zero() {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            join(at, "step"),
            "a bundle's coins are whole: the step must be a whole number",
        ));
    }
    if (max - min) / step >= Decimal::from(MAX_VALUES) {
        return Err(Error::new(
            ErrorCode::TooLarge,
            join(at, "step"),
            format!(
                "from {min_text} to {max_text} by {step_text} is more than {} values (a larger step)",
                crate::words::number(MAX_VALUES as u64)
            ),
        )
        .with("max", MAX_VALUES));
    }
    // Written with as many decimals as the range's own figures (`150.00` by `2.5` gives
    // `152.50`), so money reads as money.
    let scale = min.scale().max(max.scale()).max(step.normalize().scale());
    let mut out = Vec::new();
    let mut value = min;
    while value <= max {
        let mut v = value.normalize();
        v.rescale(scale);
        out.push(v.to_string());
        value += step;
    }
    Ok(out)
}

/// An error unless `value` is one of the ladder's points.
fn on_ladder(l: &PriceLadder, value: Decimal, c: Currency, path: &str) -> Result<()> {
    let minor = Money::parse(&value.to_string(), c, path)?.minor();
    if l.contains(minor) {
        return Ok(());
    }
    let near: Vec<String> = l
        .nearest(minor)
        .into_iter()
        .map(|p| Money::from_minor(p, c).to_string())
        .collect();
    Err(Error::new(
        ErrorCode::InvalidValue,
        path,
        format!(
            "{value} is not one of the {} price points (nearest: {})",
            l.id,
            near.join(", ")
        ),
    )
    .with("suggestions", near))
}

/// The currency of the scenario's card `card`.
fn card_currency(base: &ScenarioInput, card: &str, path: &str) -> Result<Currency> {
    let slots = base
        .rate_card
        .iter()
        .chain(base.channels.iter().map(|c| &c.rate_card));
    for slot in slots {
        let c = presets::rate_card_of(slot, path)?;
        if c.id == card {
            return Ok(c.currency);
        }
    }
    Err(Error::new(
        ErrorCode::InvalidValue,
        path,
        format!(
            "no channel of the scenario uses the rate card `{card}` (list it under `channels`)"
        ),
    ))
}
