//! `sweep`: a scenario over a grid of parameter values (one row per combination), or over
//! named variants (A/B), each compared run by run with the base (the points are laid out by
//! [`crate::simulate::sweep`]). Every point uses the base's seed, so run `r` of a point and run
//! `r` of the base share their random numbers and their difference is the effect of the
//! parameters, not noise.

use super::simulate::{self as simulate_op, Progress, ProgressFn, SimulateResponse, TotalsOut};
use crate::error::Result;
use crate::simulate::csv;
use crate::simulate::scenario::{Scenario, ScenarioInput};
use crate::simulate::stats::{self, differences, Difference};
use crate::simulate::sweep::{self, Axis, Plan, Variant};
use crate::simulate::{self, GroupPart};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

impl SweepRequest {
    /// The request validated and its points laid out.
    pub fn plan(&self) -> Result<Plan> {
        sweep::plan(&self.base, &self.grid, &self.variants)
    }
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
    /// Differences from the base in each age group: every metric but what creators are paid
    /// ([`simulate::CREATOR_METRICS`]).
    pub vs_base_by_age: Vec<GroupDifferences>,
    /// Differences from the base in each segment: every metric but what creators are paid.
    pub vs_base_by_segment: Vec<GroupDifferences>,
}

/// How one age group or segment of a point differs from the base, run by run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GroupDifferences {
    /// The age group's or segment's id.
    pub group: String,
    /// One per metric.
    pub differences: Vec<Difference>,
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
    /// What a row's `significant` and `judgement` mean: the simulation's own noise, the test
    /// and its correction ([`stats::SIGNIFICANCE`]).
    pub significance: String,
}

/// Runs a sweep: the base, then every point, with progress over all of them.
pub fn sweep(
    req: &SweepRequest,
    progress: ProgressFn<'_>,
    threads: usize,
) -> Result<SweepResponse> {
    let plan = req.plan()?;
    let size = |s: &Scenario| s.viewers * u64::from(s.runs);
    let total: u64 = plan.scenarios().map(size).sum();
    let offset = std::sync::atomic::AtomicU64::new(0);
    let stage = |p: Progress| {
        progress(Progress {
            done: offset.load(std::sync::atomic::Ordering::Relaxed) + p.done,
            total,
        })
    };
    let mut results = Vec::with_capacity(plan.points.len() + 1);
    for scenario in plan.scenarios() {
        results.push(simulate_op::run(scenario, &stage, threads)?);
        offset.fetch_add(size(scenario), std::sync::atomic::Ordering::Relaxed);
    }
    let base = results.remove(0);
    compose(&plan, base, results)
}

/// The sweep's answer from the base's result and each point's, in the plan's order.
pub fn compose(
    plan: &Plan,
    base: SimulateResponse,
    results: Vec<SimulateResponse>,
) -> Result<SweepResponse> {
    let currency = base.scenario.currency;
    let rows = plan
        .points
        .iter()
        .zip(results)
        .map(|(point, result)| {
            Ok(SweepRow {
                name: point.name.clone(),
                point: point.values.clone(),
                vs_base: differences(&base.runs, &result.runs, currency, |_| true)?,
                vs_base_by_age: by_group(&base, &result, true)?,
                vs_base_by_segment: by_group(&base, &result, false)?,
                totals: result.totals,
            })
        })
        .collect::<Result<_>>()?;
    Ok(SweepResponse {
        parameters: plan.parameters.clone(),
        base: base.totals,
        rows,
        significance: stats::SIGNIFICANCE.to_string(),
    })
}

/// Every metric of each age group (or segment) that is given per group
/// ([`simulate::group_metric`]), point against base, run by run. A point's groups are the
/// base's: a sweep changes parameters, not the population's groups.
fn by_group(
    base: &SimulateResponse,
    point: &SimulateResponse,
    ages: bool,
) -> Result<Vec<GroupDifferences>> {
    let currency = base.scenario.currency;
    let ids: Vec<String> = if ages {
        base.by_age.iter().map(|g| g.group.id.clone()).collect()
    } else {
        base.by_segment.iter().map(|g| g.segment.clone()).collect()
    };
    // Parts are checked to hold every group (`check_parts`); a missing one reads as zeros.
    static NONE: GroupPart = GroupPart {
        money: BTreeMap::new(),
        counts: BTreeMap::new(),
        ratios: BTreeMap::new(),
    };
    fn groups(r: &SimulateResponse, i: usize, ages: bool) -> Vec<&GroupPart> {
        r.parts
            .iter()
            .map(|p| {
                let list = if ages { &p.by_age } else { &p.by_segment };
                list.get(i).unwrap_or(&NONE)
            })
            .collect()
    }
    ids.iter()
        .enumerate()
        .map(|(i, id)| {
            Ok(GroupDifferences {
                group: id.clone(),
                differences: differences(
                    &groups(base, i, ages),
                    &groups(point, i, ages),
                    currency,
                    simulate::group_metric,
                )?,
            })
        })
        .collect()
}

/// The sweep as CSV: the base, then one row per point; the parameters; then for each metric
/// its P5, median and P95 over runs, and (for points) its mean difference from the base with
/// that difference's P5 and P95, its p-value and whether it stands out from the noise.
pub fn to_csv(answer: &SweepResponse) -> String {
    const PER_METRIC: [&str; 8] = [
        "p5",
        "p50",
        "p95",
        "diff",
        "diff_p5",
        "diff_p95",
        "p_value",
        "significant",
    ];
    let metrics: Vec<&str> = answer
        .rows
        .first()
        .map(|row| row.vs_base.iter().map(|d| d.metric.as_str()).collect())
        .unwrap_or_default();
    let mut header: Vec<String> = vec!["name".into()];
    header.extend(answer.parameters.iter().cloned());
    for m in &metrics {
        header.extend(PER_METRIC.iter().map(|c| format!("{m}_{c}")));
    }
    let mut out = csv::line(&header);
    let mut base = vec!["base".to_string()];
    base.extend(answer.parameters.iter().map(|_| String::new()));
    for m in &metrics {
        base.extend(spread(&answer.base, m));
        base.extend(["", "", "", "", ""].map(String::from));
    }
    out.push_str(&csv::line(&base));
    for row in &answer.rows {
        let mut cells = vec![row.name.clone()];
        cells.extend(
            answer
                .parameters
                .iter()
                .map(|p| row.point.get(p).cloned().unwrap_or_default()),
        );
        for d in &row.vs_base {
            cells.extend(spread(&row.totals, &d.metric));
            cells.extend([
                d.mean_difference.clone(),
                d.difference_p5.clone(),
                d.difference_p95.clone(),
                d.p_value.clone().unwrap_or_default(),
                d.significant.to_string(),
            ]);
        }
        out.push_str(&csv::line(&cells));
    }
    out
}

/// A metric's P5, median and P95 over runs in `totals` (empty when it has none).
fn spread(totals: &TotalsOut, metric: &str) -> [String; 3] {
    if let Some(m) = totals.money.iter().find(|m| m.metric == metric) {
        return [&m.stat.p5, &m.stat.p50, &m.stat.p95].map(|v| v.to_string());
    }
    if let Some(m) = totals.counts.iter().find(|m| m.metric == metric) {
        return [m.stat.p5, m.stat.p50, m.stat.p95].map(|v| v.to_string());
    }
    if let Some(m) = totals.ratios.iter().find(|m| m.metric == metric) {
        return [&m.stat.p5, &m.stat.p50, &m.stat.p95].map(|v| v.to_string());
    }
    Default::default()
}
