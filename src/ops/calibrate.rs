//! `calibrate`: a scenario's free parameters fitted to targets (the search is
//! [`crate::simulate::calibrate`]), answered with the fitted scenario, each target's value
//! and what the fit achieved, the fit error and the work done.

use super::simulate::{Progress, ProgressFn};
use crate::error::Result;
use crate::simulate;
use crate::simulate::calibrate::targets::{TargetSet, TARGET_SETS};
use crate::simulate::calibrate::{CalibrateRequest, Calibration};
use crate::simulate::scenario::ScenarioInput;
use schemars::JsonSchema;
use serde::Serialize;
use std::sync::atomic::{AtomicU64, Ordering};

/// One target and what the fitted scenario achieved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TargetOut {
    /// The metric.
    pub metric: String,
    /// Its segment, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// Its purchase, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase: Option<String>,
    /// The value to reach (a profile's values joined by commas).
    pub target: String,
    /// What the fitted scenario gives (mean over runs; a profile's values joined).
    pub achieved: String,
    /// Relative tolerance.
    pub tolerance: String,
    /// True when within the tolerance (every day of a profile, on average).
    pub met: bool,
}

/// A fitted parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FittedOut {
    /// The parameter.
    pub parameter: String,
    /// Its fitted value, as the scenario writes it.
    pub value: String,
    /// Where the search started.
    pub start: String,
    /// The range searched.
    pub min: String,
    /// The range searched.
    pub max: String,
    /// Always true: a fitted value is an estimate, not a published figure.
    pub estimate: bool,
}

/// The `calibrate` answer.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CalibrateResponse {
    /// The fitted scenario: a plain `simulate` input.
    pub scenario: ScenarioInput,
    /// The fitted parameters (estimates).
    pub fitted: Vec<FittedOut>,
    /// Each target, and what the fit achieved.
    pub targets: Vec<TargetOut>,
    /// Targets not met, by metric.
    pub missed: Vec<String>,
    /// Mean over targets of the squared error in tolerances (at most 1 when all are met).
    pub fit_error: String,
    /// Simulations run.
    pub evaluations: u32,
    /// Nelder–Mead iterations.
    pub iterations: u32,
    /// True when the search stopped on its own (targets met or no further progress), false at
    /// the evaluation cap.
    pub converged: bool,
    /// The target set used, with its source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_set: Option<TargetSet>,
    /// How to read the answer.
    pub note: String,
}

/// The shipped target sets.
pub fn target_sets() -> &'static [TargetSet] {
    TARGET_SETS
}

/// Fits a scenario, reporting progress as simulations done out of the cap; the answer never
/// depends on `threads`.
pub fn calibrate(
    req: &CalibrateRequest,
    progress: ProgressFn<'_>,
    threads: usize,
) -> Result<CalibrateResponse> {
    let c = req.validate()?;
    // Progress counts simulations; it is also asked during each one, so a cancel (Ctrl-C in
    // Python, "Stop" in the lab) is seen within a chunk of viewers, not only between simulations.
    let done = AtomicU64::new(0);
    let total = u64::from(c.max_evaluations);
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
    let report = |d: u32, t: u32| {
        done.store(u64::from(d), Ordering::Relaxed);
        progress(Progress {
            done: u64::from(d),
            total: u64::from(t),
        })
    };
    let fit = c.search(&mut simulate, &report)?;
    Ok(answer(&c, fit))
}

fn answer(c: &Calibration, fit: simulate::calibrate::Fit) -> CalibrateResponse {
    let best = &fit.best;
    let mut missed = Vec::new();
    let targets = c
        .targets
        .iter()
        .zip(best.achieved.iter().zip(&best.shown))
        .map(|(t, (got, shown))| {
            let met = !got.is_empty() && t.error(got) <= 1.0;
            if !met {
                missed.push(t.input.metric.clone());
            }
            TargetOut {
                metric: t.input.metric.clone(),
                segment: t.input.segment.clone(),
                purchase: t.input.purchase.clone(),
                target: t
                    .input
                    .value
                    .clone()
                    .unwrap_or_else(|| t.input.values.join(",")),
                achieved: shown.clone(),
                tolerance: t.input.tolerance.clone(),
                met,
            }
        })
        .collect();
    let fitted = c
        .free
        .iter()
        .zip(&best.point)
        .map(|(f, u)| FittedOut {
            parameter: f.input.parameter.clone(),
            value: f.text(*u),
            start: f.text(f.start),
            min: f.input.min.clone(),
            max: f.input.max.clone(),
            estimate: true,
        })
        .collect();
    CalibrateResponse {
        scenario: best.scenario.clone(),
        fitted,
        targets,
        fit_error: fit_error(best.error),
        missed,
        evaluations: fit.evaluations,
        iterations: fit.iterations,
        converged: fit.converged,
        target_set: c.target_set.cloned(),
        note: "Fitted values are estimates, not measurements: they make this scenario reproduce the targets with its seed. Check which targets were missed before using the scenario.".into(),
    }
}

/// The fit error with 6 decimals, from its float (a statistic of the fit, not money).
fn fit_error(e: f64) -> String {
    let millionths = libm::round(e.min(1e12) * 1e6) as i128;
    simulate::ratio_text(millionths)
}
