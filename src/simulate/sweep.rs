//! `sweep`: a scenario over a grid of parameter values (one row per combination), or over named
//! variants (A/B), each compared run by run with the base scenario. Every point uses the base's
//! seed, so run `r` of a point and run `r` of the base share their random numbers and their
//! difference is the effect of the parameters, not noise.

use super::scenario::{Scenario, ScenarioInput};
use super::{
    run_scenario, Progress, ProgressFn, SimulateResponse, TotalsOut, COUNT_METRICS, MONEY_METRICS,
};
use crate::caps::{self, RuleSetInput};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::{parse_decimal, Money, RoundingPoint};
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

/// The `sweep` request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SweepRequest {
    /// The scenario every point starts from.
    pub base: ScenarioInput,
    /// Parameters and their values; every combination is a row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grid: Vec<Axis>,
    /// Or named variants, each compared with the base (an A/B test is one variant).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
}

/// How a metric of a point differs from the base, run by run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Difference {
    /// Metric name.
    pub metric: String,
    /// `money` or `count`.
    pub unit: String,
    /// The base's median.
    pub base: String,
    /// This point's median.
    pub value: String,
    /// Mean of the per-run differences (point − base).
    pub mean_difference: String,
    /// 5th percentile of the per-run differences.
    pub difference_p5: String,
    /// 95th percentile of the per-run differences.
    pub difference_p95: String,
    /// Relative change of the mean, in percent (2 decimals), when the base is not zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<String>,
    /// True when the mean difference is more than twice its standard error over runs.
    pub significant: bool,
    /// `higher`, `lower`, `no clear difference`, or `one run: no noise estimate`.
    pub judgement: String,
}

/// One point of the sweep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SweepRow {
    /// Name (a variant's, or the parameter values joined).
    pub name: String,
    /// Parameter values of this point.
    pub point: BTreeMap<String, String>,
    /// Totals over runs.
    pub totals: TotalsOut,
    /// Differences from the base.
    pub vs_base: Vec<Difference>,
}

/// The `sweep` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SweepResponse {
    /// The parameters varied.
    pub parameters: Vec<String>,
    /// The base scenario's totals.
    pub base: TotalsOut,
    /// One row per point.
    pub rows: Vec<SweepRow>,
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
        let d = parse_decimal(value, path)?;
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
        if d < lo || d > hi {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                path,
                format!("{d} is outside {lo} to {hi}"),
            ));
        }
        Ok(())
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
                    if crate::ops::resolve_rate_card(&c.rate_card, path)?.id == *id {
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
    let mut slots: Vec<&mut serde_json::Value> = match &mut s.rate_card {
        Some(card) => vec![card],
        None => s.channels.iter_mut().map(|c| &mut c.rate_card).collect(),
    };
    for slot in slots.iter_mut() {
        let card = crate::ops::resolve_rate_card(slot, path)?;
        let mut input = card.to_input();
        f(&mut input)?;
        **slot = serde_json::to_value(&input)
            .map_err(|e| Error::new(ErrorCode::InvalidValue, path, e.to_string()))?;
    }
    Ok(())
}

/// Applies `f` to the rule set, written back as an object.
fn edit_rules(
    s: &mut ScenarioInput,
    path: &str,
    f: impl Fn(&mut RuleSetInput, crate::money::Currency) -> Result<()>,
) -> Result<()> {
    let rules = caps::resolve(&s.rule_set, path)?;
    let mut input = rules.to_input();
    f(&mut input, rules.currency)?;
    s.rule_set = serde_json::to_value(&input)
        .map_err(|e| Error::new(ErrorCode::InvalidValue, path, e.to_string()))?;
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
    scenario: Scenario,
}

/// A point of a sweep.
fn points(req: &SweepRequest) -> Result<(Vec<String>, Vec<Point>)> {
    let point =
        |changes: Vec<(Parameter, String, String, String)>, name: String| -> Result<Point> {
            let mut input = req.base.clone();
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
    match (req.grid.is_empty(), req.variants.is_empty()) {
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
            for (i, axis) in req.grid.iter().enumerate() {
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
                    format!("the grid has {count} points; at most {MAX_POINTS}"),
                ));
            }
            let names: Vec<String> = req.grid.iter().map(|a| a.parameter.clone()).collect();
            let mut out = Vec::with_capacity(count);
            for k in 0..count {
                // Mixed-radix counter over the axes, the last axis fastest.
                let mut rest = k;
                let mut changes = Vec::new();
                for (i, axis) in req.grid.iter().enumerate().rev() {
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
            if req.variants.len() > MAX_POINTS {
                return Err(Error::new(
                    ErrorCode::TooLarge,
                    "variants",
                    format!("at most {MAX_POINTS} variants"),
                ));
            }
            let mut names: Vec<String> = Vec::new();
            let mut out = Vec::new();
            for (i, v) in req.variants.iter().enumerate() {
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

/// Validates a sweep request and lays out its points.
pub fn plan(req: &SweepRequest) -> Result<Plan> {
    let base = Scenario::from_input(&req.base).map_err(|e| e.under("base"))?;
    let (parameters, points) = points(req)?;
    let work = |s: &Scenario| s.viewers * u64::from(s.days) * u64::from(s.runs);
    let total = points.iter().map(|p| work(&p.scenario)).sum::<u64>() + work(&base);
    if total > super::scenario::MAX_VIEWER_DAYS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "grid",
            format!(
                "this sweep needs {total} viewer-days; at most {} are simulated at once",
                super::scenario::MAX_VIEWER_DAYS
            ),
        ));
    }
    Ok(Plan {
        base,
        parameters,
        points,
    })
}

/// Runs a sweep.
pub fn sweep(
    req: &SweepRequest,
    progress: ProgressFn<'_>,
    threads: usize,
) -> Result<SweepResponse> {
    let plan = plan(req)?;
    let size = |s: &Scenario| s.viewers * u64::from(s.runs);
    let total = plan.points.iter().map(|p| size(&p.scenario)).sum::<u64>() + size(&plan.base);
    let offset = std::sync::atomic::AtomicU64::new(0);
    let stage = |p: Progress| {
        progress(Progress {
            done: offset.load(std::sync::atomic::Ordering::Relaxed) + p.done,
            total,
        })
    };
    let base_result = run_scenario(&plan.base, &stage, threads)?;
    offset.fetch_add(size(&plan.base), std::sync::atomic::Ordering::Relaxed);
    let mut results = Vec::with_capacity(plan.points.len());
    for point in &plan.points {
        results.push(run_scenario(&point.scenario, &stage, threads)?);
        offset.fetch_add(size(&point.scenario), std::sync::atomic::Ordering::Relaxed);
    }
    Ok(compose(&plan, base_result, results))
}

/// The sweep's answer from the base's result and each point's, in the plan's order.
pub fn compose(
    plan: &Plan,
    base: SimulateResponse,
    results: Vec<SimulateResponse>,
) -> SweepResponse {
    let rows = plan
        .points
        .iter()
        .zip(results)
        .map(|(point, result)| SweepRow {
            name: point.name.clone(),
            point: point.values.clone(),
            vs_base: differences(&base, &result),
            totals: result.totals,
        })
        .collect();
    SweepResponse {
        parameters: plan.parameters.clone(),
        base: base.totals,
        rows,
    }
}

/// The scenario of each point, as run by [`sweep`].
pub fn scenarios(plan: &Plan) -> impl Iterator<Item = &Scenario> {
    std::iter::once(&plan.base).chain(plan.points.iter().map(|p| &p.scenario))
}

/// Per-metric differences, paired run by run.
fn differences(base: &SimulateResponse, point: &SimulateResponse) -> Vec<Difference> {
    let cur = base.scenario.currency;
    let mut out = Vec::new();
    let pairs = base.runs.iter().zip(&point.runs);
    for (name, _) in MONEY_METRICS {
        let a: Vec<i64> = base
            .runs
            .iter()
            .map(|r| r.money.get(*name).map_or(0, |m| m.minor()))
            .collect();
        let d: Vec<i64> = pairs
            .clone()
            .map(|(x, y)| {
                y.money.get(*name).map_or(0, |m| m.minor())
                    - x.money.get(*name).map_or(0, |m| m.minor())
            })
            .collect();
        let b: Vec<i64> = point
            .runs
            .iter()
            .map(|r| r.money.get(*name).map_or(0, |m| m.minor()))
            .collect();
        let m = |v: i64| Money::from_minor(v, cur).to_string();
        out.push(difference(name, "money", &a, &b, &d, m));
    }
    for (name, _) in COUNT_METRICS {
        let a: Vec<i64> = base
            .runs
            .iter()
            .map(|r| r.counts.get(*name).copied().unwrap_or(0) as i64)
            .collect();
        let b: Vec<i64> = point
            .runs
            .iter()
            .map(|r| r.counts.get(*name).copied().unwrap_or(0) as i64)
            .collect();
        let d: Vec<i64> = a.iter().zip(&b).map(|(x, y)| y - x).collect();
        out.push(difference(name, "count", &a, &b, &d, |v| v.to_string()));
    }
    out
}

fn difference(
    metric: &str,
    unit: &str,
    a: &[i64],
    b: &[i64],
    d: &[i64],
    show: impl Fn(i64) -> String,
) -> Difference {
    let sorted = |v: &[i64]| {
        let mut s = v.to_vec();
        crate::sort::sort_by_key(&mut s, |x| *x);
        s
    };
    let (sa, sb, sd) = (sorted(a), sorted(b), sorted(d));
    let p = |s: &[i64], q| super::stats::percentile(s, q).unwrap_or(0);
    let n = d.len().max(1) as f64;
    let sum: i128 = d.iter().map(|&x| i128::from(x)).sum();
    let mean_exact = crate::money::Fraction::new(1, d.len().max(1) as i128)
        .apply(i64::try_from(sum).unwrap_or(0), RoundingPoint::Statistic)
        .unwrap_or(0);
    // Noise judgement in floating point: a statistic, not money.
    let mean = sum as f64 / n;
    let var = d.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    let stderr = libm::sqrt(var / n);
    let significant = d.len() > 1 && mean != 0.0 && mean.abs() > 2.0 * stderr;
    let judgement = if d.len() < 2 {
        "one run: no noise estimate"
    } else if !significant {
        "no clear difference"
    } else if mean > 0.0 {
        "higher"
    } else {
        "lower"
    };
    let base_sum: i128 = a.iter().map(|&x| i128::from(x)).sum();
    let percent = (base_sum != 0).then(|| {
        let pct = Decimal::from_i128_with_scale(sum * 10_000 / base_sum, 2);
        pct.to_string()
    });
    Difference {
        metric: metric.to_string(),
        unit: unit.to_string(),
        base: show(p(&sa, 50)),
        value: show(p(&sb, 50)),
        mean_difference: show(mean_exact),
        difference_p5: show(p(&sd, 5)),
        difference_p95: show(p(&sd, 95)),
        percent,
        significant,
        judgement: judgement.to_string(),
    }
}

/// The sweep as CSV: one row per point, the parameters, then for each metric its median, its
/// mean difference from the base and whether that difference is significant.
pub fn to_csv(resp: &SweepResponse) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = vec!["name".into()];
    header.extend(resp.parameters.iter().cloned());
    if let Some(row) = resp.rows.first() {
        for d in &row.vs_base {
            header.push(format!("{}_p50", d.metric));
            header.push(format!("{}_diff", d.metric));
            header.push(format!("{}_significant", d.metric));
        }
    }
    out.push_str(&csv_line(&header));
    for row in &resp.rows {
        let mut cells = vec![row.name.clone()];
        cells.extend(
            resp.parameters
                .iter()
                .map(|p| row.point.get(p).cloned().unwrap_or_default()),
        );
        for d in &row.vs_base {
            cells.push(d.value.clone());
            cells.push(d.mean_difference.clone());
            cells.push(d.significant.to_string());
        }
        out.push_str(&csv_line(&cells));
    }
    out
}

/// One CSV line, quoting cells that need it (RFC 4180).
pub fn csv_line(cells: &[String]) -> String {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect();
    quoted.join(",") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_when_needed() {
        assert_eq!(
            csv_line(&["a".into(), "b,c".into(), "say \"hi\"".into()]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\n"
        );
    }

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
