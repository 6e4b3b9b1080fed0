//! `optimize`: the best values of a few decision variables under constraints (the search is
//! [`crate::simulate::optimize`]), answered with the best point (its values, objective and
//! every KPI over runs), the runners-up, each constraint's slack, and every point evaluated.

use super::simulate::{totals, Progress, ProgressFn, TotalsOut};
use crate::bundles::price_points::PriceLadder;
use crate::error::Result;
use crate::money::{round_decimal, RoundingPoint};
use crate::simulate;
use crate::simulate::optimize::constraints::Standing;
use crate::simulate::optimize::{Evaluated, Goal, Optimization, OptimizeRequest, Search};
use crate::simulate::scenario::ScenarioInput;
use crate::simulate::stats::percentile;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// How many runners-up the answer details.
const RUNNERS_UP: usize = 5;

/// A decision variable and the values it could take.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct VariableOut {
    /// The parameter.
    pub parameter: String,
    /// Its values, in order.
    pub values: Vec<String>,
    /// The store's price points it kept to, with their source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_points: Option<PriceLadder>,
}

/// The objective over runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ObjectiveOut {
    /// Mean over runs (what the search ranks by).
    pub mean: String,
    /// 5th percentile over runs.
    pub p5: String,
    /// Median.
    pub p50: String,
    /// 95th percentile.
    pub p95: String,
}

/// A point the answer details.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PointOut {
    /// Each variable's value.
    pub values: BTreeMap<String, String>,
    /// The objective.
    pub objective: ObjectiveOut,
    /// True when every constraint is met.
    pub feasible: bool,
    /// Each constraint: the value, its slack and whether it is met.
    pub constraints: Vec<Standing>,
    /// Every metric over runs (P5, median, P95, mean).
    pub totals: TotalsOut,
}

/// A point of the search, for the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Evaluation {
    /// Each variable's value, in the order of `variables`.
    pub values: Vec<String>,
    /// The objective's mean over runs (absent when not simulated: a constraint on the
    /// cards failed, or the scenario was invalid).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// True when every constraint is met.
    pub feasible: bool,
    /// Why the point could not be evaluated, if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invalid: Option<String>,
}

/// The `optimize` answer.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct OptimizeResponse {
    /// The decision variables.
    pub variables: Vec<VariableOut>,
    /// The objective, in words.
    pub objective: String,
    /// The best point: the best feasible one, or when none is feasible the least violating.
    pub best: PointOut,
    /// The next best points.
    pub runners_up: Vec<PointOut>,
    /// True when some point meets every constraint.
    pub feasible: bool,
    /// Said when no point evaluated meets every constraint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// The best point's scenario: a plain `simulate` input.
    pub scenario: ScenarioInput,
    /// Every point evaluated, in the order evaluated.
    pub points: Vec<Evaluation>,
    /// Combinations of the variables' values.
    pub combinations: String,
    /// Simulations run.
    pub evaluations: u32,
    /// True when every combination was evaluated.
    pub exhaustive: bool,
    /// True when the search ended on its own, not at the evaluation cap.
    pub converged: bool,
    /// How the search works and how to read the answer.
    pub method: String,
}

/// Optimizes, reporting progress as simulations done out of the cap; the answer never depends
/// on `threads`.
pub fn optimize(
    req: &OptimizeRequest,
    progress: ProgressFn<'_>,
    threads: usize,
) -> Result<OptimizeResponse> {
    let o = req.validate()?;
    // Progress counts simulations; it is also asked during each one, so a cancel is seen
    // within a chunk of viewers, not only between simulations.
    let done = AtomicU64::new(0);
    let total = u64::from(o.max_evaluations);
    let during = |_, _| {
        progress(Progress {
            done: done.load(Ordering::Relaxed),
            total,
        })
    };
    let mut simulate = |s: &simulate::scenario::Scenario| {
        let parts = simulate::run(s, &during, threads)?;
        let runs = simulate::metrics(s, &parts)?;
        Ok((parts, runs))
    };
    let report = |d: u32, _: u32| {
        done.store(u64::from(d), Ordering::Relaxed);
        progress(Progress {
            done: u64::from(d),
            total,
        })
    };
    let search = o.search(&mut simulate, &report)?;
    answer(&o, search)
}

fn answer(o: &Optimization, search: Search) -> Result<OptimizeResponse> {
    let currency = o.scenario.currency;
    let digits = currency.minor_units();
    let text = |d: Decimal| {
        let mut r = round_decimal(d, digits, RoundingPoint::Statistic);
        r.rescale(digits);
        r.to_string()
    };
    let point = |e: &Evaluated| -> Result<PointOut> {
        let mut sorted = e.objective.clone();
        crate::sort::sort_by(&mut sorted, |a, b| a.cmp(b));
        let at = |p: u32| percentile(&sorted, p).map(text).unwrap_or_default();
        Ok(PointOut {
            values: o
                .variables
                .iter()
                .zip(&e.values)
                .map(|(v, x)| (v.input.parameter.clone(), x.clone()))
                .collect(),
            objective: ObjectiveOut {
                mean: e.mean.map(text).unwrap_or_default(),
                p5: at(5),
                p50: at(50),
                p95: at(95),
            },
            feasible: e.feasible(),
            constraints: e.standings.clone(),
            totals: totals(&e.runs, currency)?,
        })
    };
    let detailed: Vec<&Evaluated> = search
        .ranking
        .iter()
        .map(|&i| &search.points[i])
        .filter(|e| e.mean.is_some())
        .take(RUNNERS_UP + 1)
        .collect();
    let Some(first) = detailed.first() else {
        return Err(crate::error::Error::new(
            crate::error::ErrorCode::InvalidValue,
            "variables",
            "no point could be simulated",
        ));
    };
    let best = point(first)?;
    let feasible = best.feasible;
    let runners_up = detailed[1..]
        .iter()
        .map(|e| point(e))
        .collect::<Result<Vec<_>>>()?;
    let goal = match o.goal {
        Goal::Maximize => "maximize",
        Goal::Minimize => "minimize",
    };
    let objective = match o.terms.as_slice() {
        [(m, w)] if *w == Decimal::ONE => format!("{goal} {m}"),
        terms => format!(
            "{goal} {}",
            terms
                .iter()
                .map(|(m, w)| format!("{w} × {m}"))
                .collect::<Vec<_>>()
                .join(" + ")
        ),
    };
    let warning = (!feasible).then(|| {
        let missed: Vec<&str> = best
            .constraints
            .iter()
            .filter(|c| !c.met)
            .map(|c| c.constraint.as_str())
            .collect();
        format!(
            "No point evaluated meets every constraint; `best` is the least violating, and misses: {}.",
            missed.join("; ")
        )
    });
    Ok(OptimizeResponse {
        variables: o
            .variables
            .iter()
            .map(|v| VariableOut {
                parameter: v.input.parameter.clone(),
                values: v.values.clone(),
                price_points: v.ladder.cloned(),
            })
            .collect(),
        objective,
        scenario: first.scenario.clone(),
        best,
        runners_up,
        feasible,
        warning,
        points: search
            .points
            .iter()
            .map(|e| Evaluation {
                values: e.values.clone(),
                objective: e.mean.map(text),
                feasible: e.feasible(),
                invalid: e.invalid.clone(),
            })
            .collect(),
        combinations: search.lattice.to_string(),
        evaluations: search.evaluations,
        exhaustive: search.exhaustive,
        converged: search.converged,
        method: METHOD.into(),
    })
}

/// How the search works, said with every answer.
pub const METHOD: &str = "Every point is simulated with the scenario's own seed (common random numbers), so points differ by their values, not by noise, and the objective is its mean over runs. A lattice no larger than the evaluation cap is searched whole; otherwise a coarse grid, then ever finer neighbourhoods of the best point down to one step, until no neighbour is better or the cap is reached (a local search: `converged` says which). Constraints on metrics hold for their mean over runs. A point that breaks a constraint never ranks above one that keeps them all.";
