//! `sweep`: a scenario over a grid of parameter values (one row per combination), or over named
//! variants (A/B), each compared run by run with the base scenario. Every point uses the base's
//! seed, so run `r` of a point and run `r` of the base share their random numbers and their
//! difference is the effect of the parameters, not noise.

use super::scenario::{Scenario, ScenarioInput};
use crate::caps::RuleSetInput;
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::{parse_decimal, parse_decimal_in, Money, RoundingPoint};
use crate::preset_or::PresetOr;
use crate::presets;
use crate::rate_card::{CreatorModel, RateCardInput};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most points in one sweep.
pub const MAX_POINTS: usize = 64;

/// One parameter and the values it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    /// `price_multiplier`, `elasticity`, `creator_share`, `diamond_value`, `store_fee_rate`,
    /// `payment_fee_rate`, `cap_multiplier`, `guardian_approval_rate`, or `cap:BRACKET/CAP`
    /// (one cap's limit, e.g. `cap:16-to-17/monthly`).
    pub parameter: String,
    /// Values, as decimal strings.
    pub values: Vec<String>,
}

/// A named set of parameter changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Name shown in the row.
    pub name: String,
    /// Parameter → value, as in a grid.
    pub changes: BTreeMap<String, String>,
}

/// A parameter a sweep can vary.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Parameter {
    PriceMultiplier,
    Elasticity,
    CreatorShare,
    DiamondValue,
    StoreFeeRate,
    PaymentFeeRate,
    CapMultiplier,
    GuardianApprovalRate,
    Cap(String, String),
    ChannelPriceMultiplier(String),
}

impl Parameter {
    fn parse(name: &str, path: &str) -> Result<Parameter> {
        Ok(match name {
            "price_multiplier" => Parameter::PriceMultiplier,
            "elasticity" => Parameter::Elasticity,
            "creator_share" => Parameter::CreatorShare,
            "diamond_value" => Parameter::DiamondValue,
            "store_fee_rate" => Parameter::StoreFeeRate,
            "payment_fee_rate" => Parameter::PaymentFeeRate,
            "cap_multiplier" => Parameter::CapMultiplier,
            "guardian_approval_rate" => Parameter::GuardianApprovalRate,
            other => match (other.strip_prefix("cap:").and_then(|r| r.split_once('/')), other.strip_prefix("price_multiplier:")) {
                (Some((bracket, cap)), _) => Parameter::Cap(bracket.to_string(), cap.to_string()),
                (None, Some(card)) if !card.is_empty() => Parameter::ChannelPriceMultiplier(card.to_string()),
                _ => {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        path,
                        format!(
                            "`{}` is not a sweep parameter; use price_multiplier, price_multiplier:CARD, elasticity, creator_share, diamond_value, store_fee_rate, payment_fee_rate, cap_multiplier, guardian_approval_rate or cap:BRACKET/CAP",
                            other.chars().take(60).collect::<String>()
                        ),
                    ))
                }
            },
        })
    }

    /// Checks a value's form (ranges are checked again when the scenario is validated).
    fn check_value(&self, value: &str, path: &str) -> Result<()> {
        let (lo, hi) = match self {
            Parameter::Elasticity => (Decimal::from(-10), Decimal::from(10)),
            Parameter::PriceMultiplier
            | Parameter::CapMultiplier
            | Parameter::ChannelPriceMultiplier(_) => (Decimal::new(1, 2), Decimal::from(100)),
            Parameter::DiamondValue | Parameter::Cap(..) => {
                (Decimal::ZERO, Decimal::from(1_000_000_000))
            }
            _ => (Decimal::ZERO, Decimal::ONE),
        };
        parse_decimal_in(value, path, lo, hi).map(|_| ())
    }

    /// The scenario with this parameter set to `value`.
    fn apply(&self, s: &mut ScenarioInput, value: &str, path: &str) -> Result<()> {
        match self {
            Parameter::PriceMultiplier => s.price_multiplier = value.to_string(),
            Parameter::Elasticity => s.elasticity = value.to_string(),
            Parameter::GuardianApprovalRate => s.guardian_approval_rate = value.to_string(),
            Parameter::ChannelPriceMultiplier(id) => {
                let mut found = false;
                for c in &mut s.channels {
                    if presets::rate_card_of(&c.rate_card, path)?.id == *id {
                        c.price_multiplier = value.to_string();
                        found = true;
                    }
                }
                if !found {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        path,
                        format!("no channel of the scenario uses the rate card `{id}` (list it under `channels`)"),
                    ));
                }
            }
            Parameter::CreatorShare
            | Parameter::DiamondValue
            | Parameter::StoreFeeRate
            | Parameter::PaymentFeeRate => {
                edit_cards(s, path, |card| {
                    match self {
                        Parameter::CreatorShare
                            if card.creator.model == CreatorModel::ShareOfNet =>
                        {
                            card.creator.share = Some(value.to_string())
                        }
                        Parameter::CreatorShare => {
                            return Err(Error::new(
                                ErrorCode::ConflictingFields,
                                path,
                                format!(
                                    "{} pays creators per Diamond; sweep diamond_value instead",
                                    card.id
                                ),
                            ))
                        }
                        Parameter::DiamondValue
                            if card.creator.model == CreatorModel::PerDiamond =>
                        {
                            card.creator.diamond_value = Some(value.to_string())
                        }
                        Parameter::DiamondValue => {
                            return Err(Error::new(
                                ErrorCode::ConflictingFields,
                                path,
                                format!(
                                    "{} pays creators a share of net; sweep creator_share instead",
                                    card.id
                                ),
                            ))
                        }
                        Parameter::StoreFeeRate => card.store_fee_rate = value.to_string(),
                        _ => card.payment_fee.rate = value.to_string(),
                    }
                    Ok(())
                })?;
            }
            Parameter::CapMultiplier => {
                let m = parse_decimal(value, path)?;
                edit_rules(s, path, |rules, currency| {
                    for cap in rules.brackets.iter_mut().flat_map(|b| b.caps.iter_mut()) {
                        let limit = Money::parse(&cap.limit, currency, path)?;
                        let scaled =
                            crate::money::round(limit.times(m)?, currency, RoundingPoint::Price)?;
                        cap.limit = scaled.to_string();
                    }
                    Ok(())
                })?;
            }
            Parameter::Cap(bracket, cap) => {
                edit_rules(s, path, |rules, _| {
                    let found = rules
                        .brackets
                        .iter_mut()
                        .filter(|b| b.id == *bracket)
                        .flat_map(|b| b.caps.iter_mut())
                        .find(|c| c.id == *cap);
                    match found {
                        Some(c) => {
                            c.limit = value.to_string();
                            Ok(())
                        }
                        None => Err(Error::new(
                            ErrorCode::InvalidValue,
                            path,
                            format!("the rule set has no cap `{cap}` in bracket `{bracket}`"),
                        )),
                    }
                })?;
            }
        }
        Ok(())
    }
}

/// Applies `f` to every channel's card, written back as an object.
fn edit_cards(
    s: &mut ScenarioInput,
    path: &str,
    f: impl Fn(&mut RateCardInput) -> Result<()>,
) -> Result<()> {
    let mut slots: Vec<&mut PresetOr<RateCardInput>> = match &mut s.rate_card {
        Some(card) => vec![card],
        None => s.channels.iter_mut().map(|c| &mut c.rate_card).collect(),
    };
    for slot in slots.iter_mut() {
        let mut input = presets::rate_card_of(slot, path)?.to_input();
        f(&mut input)?;
        **slot = PresetOr::Given(input);
    }
    Ok(())
}

/// Applies `f` to the rule set, written back as an object.
fn edit_rules(
    s: &mut ScenarioInput,
    path: &str,
    f: impl Fn(&mut RuleSetInput, crate::money::Currency) -> Result<()>,
) -> Result<()> {
    let rules = presets::rule_set_of(&s.rule_set, path)?;
    let mut input = rules.to_input();
    f(&mut input, rules.currency)?;
    s.rule_set = PresetOr::Given(input);
    Ok(())
}

/// A point: its name, its parameter values, and the scenario.
pub struct Point {
    /// Name (a variant's, or the parameter values joined).
    pub name: String,
    /// Parameter values of this point.
    pub values: BTreeMap<String, String>,
    /// The point's scenario as written, for running it elsewhere (another Web Worker).
    pub input: ScenarioInput,
    /// The point's validated scenario.
    pub scenario: Scenario,
}

/// The points of a sweep over `base`: every combination of `grid`, or every variant.
fn points(
    base: &ScenarioInput,
    grid: &[Axis],
    variants: &[Variant],
) -> Result<(Vec<String>, Vec<Point>)> {
    let point =
        |changes: Vec<(Parameter, String, String, String)>, name: String| -> Result<Point> {
            let mut input = base.clone();
            let mut values = BTreeMap::new();
            for (p, name, value, path) in &changes {
                p.apply(&mut input, value, path)?;
                values.insert(name.clone(), value.clone());
            }
            let scenario = Scenario::from_input(&input).map_err(|e| {
                let at = changes.first().map(|c| c.3.clone()).unwrap_or_default();
                Error::new(
                    e.code,
                    at,
                    format!(
                        "at this point the scenario is invalid: {} ({})",
                        e.message, e.path
                    ),
                )
            })?;
            Ok(Point {
                name,
                values,
                input,
                scenario,
            })
        };
    match (grid.is_empty(), variants.is_empty()) {
        (false, false) => Err(Error::new(
            ErrorCode::ConflictingFields,
            "variants",
            "give a `grid` or `variants`, not both",
        )),
        (true, true) => Err(Error::new(
            ErrorCode::MissingField,
            "grid",
            "a sweep needs a `grid` or `variants`",
        )),
        (false, true) => {
            let mut axes = Vec::new();
            let mut count = 1usize;
            for (i, axis) in grid.iter().enumerate() {
                let at = index("grid", i);
                let p = Parameter::parse(&axis.parameter, &join(&at, "parameter"))?;
                if axis.values.is_empty() {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        join(&at, "values"),
                        "give at least one value",
                    ));
                }
                for (j, v) in axis.values.iter().enumerate() {
                    p.check_value(v, &index(&join(&at, "values"), j))?;
                }
                count = count.saturating_mul(axis.values.len());
                axes.push((p, at));
            }
            if count > MAX_POINTS {
                return Err(Error::new(
                    ErrorCode::TooLarge,
                    "grid",
                    format!("the grid has {count} points; at most {MAX_POINTS} are run at once"),
                )
                .with("max", MAX_POINTS)
                .with("given", count));
            }
            let names: Vec<String> = grid.iter().map(|a| a.parameter.clone()).collect();
            let mut out = Vec::with_capacity(count);
            for k in 0..count {
                // Mixed-radix counter over the axes, the last axis fastest.
                let mut rest = k;
                let mut changes = Vec::new();
                for (i, axis) in grid.iter().enumerate().rev() {
                    let j = rest % axis.values.len();
                    rest /= axis.values.len();
                    changes.push((
                        axes[i].0.clone(),
                        axis.parameter.clone(),
                        axis.values[j].clone(),
                        index(&join(&axes[i].1, "values"), j),
                    ));
                }
                changes.reverse();
                let name = changes
                    .iter()
                    .map(|c| format!("{}={}", c.1, c.2))
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(point(changes, name)?);
            }
            Ok((names, out))
        }
        (true, false) => {
            if variants.len() > MAX_POINTS {
                return Err(Error::new(
                    ErrorCode::TooLarge,
                    "variants",
                    format!(
                        "at most {MAX_POINTS} variants are run at once; {} given",
                        variants.len()
                    ),
                )
                .with("max", MAX_POINTS)
                .with("given", variants.len()));
            }
            let mut names: Vec<String> = Vec::new();
            let mut out = Vec::new();
            for (i, v) in variants.iter().enumerate() {
                let at = index("variants", i);
                let mut changes = Vec::new();
                for (name, value) in &v.changes {
                    let path = join(&join(&at, "changes"), name);
                    let p = Parameter::parse(name, &path)?;
                    p.check_value(value, &path)?;
                    if !names.contains(name) {
                        names.push(name.clone());
                    }
                    changes.push((p, name.clone(), value.clone(), path));
                }
                out.push(point(changes, v.name.clone())?);
            }
            Ok((names, out))
        }
    }
}

/// A sweep, planned: the base scenario, the parameters varied and the points, checked against
/// the work limit.
pub struct Plan {
    /// The base scenario.
    pub base: Scenario,
    /// The parameters varied.
    pub parameters: Vec<String>,
    /// The points.
    pub points: Vec<Point>,
}

/// Validates a sweep of `base` and lays out its points.
pub fn plan(base: &ScenarioInput, grid: &[Axis], variants: &[Variant]) -> Result<Plan> {
    let base_input = base;
    let base = Scenario::from_input(base_input).map_err(|e| e.under("base"))?;
    let (parameters, points) = points(base_input, grid, variants)?;
    let work = |s: &Scenario| s.viewers * u64::from(s.days) * u64::from(s.runs);
    let total = points.iter().map(|p| work(&p.scenario)).sum::<u64>() + work(&base);
    if total > super::scenario::MAX_VIEWER_DAYS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "grid",
            format!(
                "this sweep needs {} viewer-days; at most {} are simulated at once",
                crate::words::number(total),
                crate::words::number(super::scenario::MAX_VIEWER_DAYS)
            ),
        )
        .with("max", super::scenario::MAX_VIEWER_DAYS)
        .with("given", total));
    }
    Ok(Plan {
        base,
        parameters,
        points,
    })
}

impl Plan {
    /// The scenario of each point, base first.
    pub fn scenarios(&self) -> impl Iterator<Item = &Scenario> {
        std::iter::once(&self.base).chain(self.points.iter().map(|p| &p.scenario))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_parameters_are_named() {
        let err = Parameter::parse("price", "grid[0].parameter").unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            (ErrorCode::InvalidValue, "grid[0].parameter")
        );
        assert_eq!(
            Parameter::parse("cap:16-to-17/monthly", "p").unwrap(),
            Parameter::Cap("16-to-17".into(), "monthly".into())
        );
    }
}
