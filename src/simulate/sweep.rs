//! `sweep`: a scenario over a grid of parameter values (one row per combination), or over named
//! variants (A/B), each compared run by run with the base scenario. Every point uses the base's
//! seed, so run `r` of a point and run `r` of the base share their random numbers and their
//! difference is the effect of the parameters, not noise.

use super::parameter::Parameter;
use super::scenario::{Scenario, ScenarioInput};
use crate::error::{index, join, Error, ErrorCode, Result};
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
    /// (one cap's limit, e.g. `cap:16-to-17/monthly`), `price_multiplier:CARD` (one channel's
    /// prices), `bundle:CARD/COINS/price` or `bundle:CARD/COINS/coins` (one bundle).
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
