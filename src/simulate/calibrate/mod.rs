//! `calibrate`: fits a scenario's free parameters to a team's own numbers (payer share, ARPPU,
//! concentration, a bundle's share of revenue, a daily revenue profile).
//!
//! Every evaluation simulates the scenario with its own seed (common random numbers), so the
//! objective is a deterministic function of the parameters and a derivative-free search can
//! follow it: Nelder–Mead on the unit cube (each parameter mapped onto its `[min, max]`,
//! geometrically when `min > 0`), from the scenario's own values, with a cap on evaluations.
//! The objective is the mean over targets of `((achieved − target) / (tolerance × target))²`:
//! a target is met where its term is at most 1. Targets that cannot all be met end at the
//! closest fit the search finds, with the missed ones named.

pub mod free;
pub mod targets;

use super::scenario::{Scenario, ScenarioInput};
use super::{RunMetrics, RunPart};
use crate::error::{index, Error, ErrorCode, Result};
use free::{FreeInput, FreeParameter};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use targets::{Target, TargetInput, TargetSet};

/// Most evaluations one calibration or optimization may ask for.
pub const MAX_EVALUATIONS: u32 = 2_000;
/// Most free parameters.
pub const MAX_FREE: usize = 12;
/// Most viewer-days of all evaluations of one calibration or optimization together.
pub const MAX_WORK: u64 = 200_000_000_000;

/// The `calibrate` request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalibrateRequest {
    /// The scenario to fit; its values are the starting point.
    pub scenario: ScenarioInput,
    /// The parameters left free, each with its range.
    pub free: Vec<FreeInput>,
    /// The targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetInput>,
    /// Or a shipped target set (`swrve-2016-f2p`, `inke-2018-live`, `tiktok-bundle-2023`), whose
    /// targets come before any in `targets`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_set: Option<String>,
    /// Most simulations the search runs (default 120, at most 2,000).
    #[serde(default = "default_evaluations")]
    pub max_evaluations: u32,
}

fn default_evaluations() -> u32 {
    120
}

/// A validated calibration, ready to run.
pub struct Calibration {
    /// The scenario as written.
    pub base: ScenarioInput,
    /// The free parameters.
    pub free: Vec<FreeParameter>,
    /// The targets.
    pub targets: Vec<Target>,
    /// The target set used, if any.
    pub target_set: Option<&'static TargetSet>,
    /// Evaluation cap.
    pub max_evaluations: u32,
    /// Viewer-runs of one evaluation (for progress).
    pub size: u64,
}

impl CalibrateRequest {
    /// Validates the request: the scenario, every free parameter (applied once at its
    /// starting value), every target.
    pub fn validate(&self) -> Result<Calibration> {
        let scenario = Scenario::from_input(&self.scenario).map_err(|e| e.under("scenario"))?;
        if self.free.is_empty() || self.free.len() > MAX_FREE {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "free",
                format!(
                    "give 1 to {MAX_FREE} free parameters, not {}",
                    self.free.len()
                ),
            )
            .with_range(1, MAX_FREE, self.free.len()));
        }
        let free = self
            .free
            .iter()
            .enumerate()
            .map(|(i, f)| FreeParameter::parse(f, &self.scenario, &scenario, &index("free", i)))
            .collect::<Result<Vec<_>>>()?;
        for (i, f) in free.iter().enumerate() {
            if free[..i]
                .iter()
                .any(|g| g.input.parameter == f.input.parameter)
            {
                return Err(Error::new(
                    ErrorCode::Duplicate,
                    index("free", i),
                    format!("`{}` is free twice", f.input.parameter),
                ));
            }
        }
        let target_set = self
            .target_set
            .as_deref()
            .map(|id| TargetSet::find(id, "target_set"))
            .transpose()?;
        let mut targets = Vec::new();
        if let Some(set) = target_set {
            for t in set.inputs() {
                targets.push(Target::parse(&t, &scenario, "target_set")?);
            }
        }
        for (i, t) in self.targets.iter().enumerate() {
            targets.push(Target::parse(t, &scenario, &index("targets", i))?);
        }
        if targets.is_empty() {
            return Err(Error::new(
                ErrorCode::MissingField,
                "targets",
                "a calibration needs `targets` or a `target_set`",
            ));
        }
        check_evaluations(&scenario, self.max_evaluations, "calibration")?;
        Ok(Calibration {
            base: self.scenario.clone(),
            free,
            targets,
            target_set,
            max_evaluations: self.max_evaluations,
            size: scenario.viewers * u64::from(scenario.runs),
        })
    }
}

/// Checks that a search (`what`: a calibration, an optimization) of `max_evaluations`
/// simulations of `scenario` is within [`MAX_EVALUATIONS`] and [`MAX_WORK`].
pub fn check_evaluations(scenario: &Scenario, max_evaluations: u32, what: &str) -> Result<()> {
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    if max_evaluations == 0 || max_evaluations > MAX_EVALUATIONS {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "max_evaluations",
            format!(
                "{article} {what} runs 1 to {} simulations, not {}",
                crate::words::number(MAX_EVALUATIONS),
                crate::words::number(max_evaluations)
            ),
        )
        .with_range(1, MAX_EVALUATIONS, max_evaluations));
    }
    let per_run = scenario.viewers * u64::from(scenario.simulated_days());
    let work = per_run
        .saturating_mul(u64::from(scenario.runs))
        .saturating_mul(u64::from(max_evaluations));
    if work > MAX_WORK {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "max_evaluations",
            format!(
                "{} simulations of {} viewer-days each is {} viewer-days; at most {} are run for one {what} (fewer viewers, days, runs or evaluations)",
                crate::words::number(max_evaluations),
                crate::words::number(per_run * u64::from(scenario.runs)),
                crate::words::number(work),
                crate::words::number(MAX_WORK)
            ),
        )
        .with("max", MAX_WORK)
        .with("given", work));
    }
    Ok(())
}

/// Runs one scenario: its raw parts and per-run metrics.
pub type Simulator<'a> = dyn FnMut(&Scenario) -> Result<(Vec<RunPart>, Vec<RunMetrics>)> + 'a;

/// One evaluation: the point (unit cube), its objective, and what each target achieved.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The point, each coordinate in [0, 1].
    pub point: Vec<f64>,
    /// The objective (infinite where the scenario is invalid at this point).
    pub error: f64,
    /// Per target, the values achieved.
    pub achieved: Vec<Vec<f64>>,
    /// Per target, what was achieved as the answer shows it (exact means).
    pub shown: Vec<String>,
    /// The fitted scenario.
    pub scenario: ScenarioInput,
}

/// The outcome of a search.
pub struct Fit {
    /// The best evaluation.
    pub best: Evaluation,
    /// Evaluations run.
    pub evaluations: u32,
    /// Nelder–Mead iterations.
    pub iterations: u32,
    /// True when the search stopped because the simplex had shrunk or every target was met,
    /// not at the cap.
    pub converged: bool,
}

impl Calibration {
    /// The scenario at `point`, and its objective: `simulate(scenario)` gives the KPIs; an
    /// invalid point (shares that no longer add up) scores infinity.
    pub fn evaluate(&self, point: &[f64], simulate: &mut Simulator<'_>) -> Result<Evaluation> {
        let mut input = self.base.clone();
        for (f, u) in self.free.iter().zip(point) {
            f.set(&mut input, *u);
        }
        let invalid = |input: ScenarioInput| Evaluation {
            point: point.to_vec(),
            error: f64::INFINITY,
            achieved: self.targets.iter().map(|_| Vec::new()).collect(),
            shown: self.targets.iter().map(|_| String::new()).collect(),
            scenario: input,
        };
        let Ok(scenario) = Scenario::from_input(&input) else {
            return Ok(invalid(input));
        };
        let (parts, runs) = match simulate(&scenario) {
            Ok(r) => r,
            Err(e) if e.code == ErrorCode::Cancelled => return Err(e),
            Err(_) => return Ok(invalid(input)),
        };
        let (achieved, shown): (Vec<Vec<f64>>, Vec<String>) = self
            .targets
            .iter()
            .map(|t| t.measure(&scenario, &parts, &runs))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .unzip();
        let error = self
            .targets
            .iter()
            .zip(&achieved)
            .map(|(t, a)| t.error(a))
            .sum::<f64>()
            / self.targets.len() as f64;
        Ok(Evaluation {
            point: point.to_vec(),
            error,
            achieved,
            shown,
            scenario: input,
        })
    }

    /// The starting point: each parameter's value in the scenario.
    pub fn start(&self) -> Vec<f64> {
        self.free.iter().map(|f| f.start).collect()
    }

    /// Nelder–Mead from [`Calibration::start`], at most `max_evaluations` simulations.
    pub fn search(
        &self,
        simulate: &mut Simulator<'_>,
        progress: &dyn Fn(u32, u32) -> bool,
    ) -> Result<Fit> {
        let cap = self.max_evaluations;
        let done = std::cell::Cell::new(0u32);
        let best: std::cell::RefCell<Option<Evaluation>> = std::cell::RefCell::new(None);
        let mut eval = |point: Vec<f64>| -> Result<Evaluation> {
            let point: Vec<f64> = point.into_iter().map(|u| u.clamp(0.0, 1.0)).collect();
            let e = self.evaluate(&point, simulate)?;
            done.set(done.get() + 1);
            let mut best = best.borrow_mut();
            if best.as_ref().is_none_or(|b| e.error < b.error) {
                *best = Some(e.clone());
            }
            if !progress(done.get(), cap) {
                return Err(Error::new(
                    ErrorCode::Cancelled,
                    "",
                    "the calibration was cancelled",
                ));
            }
            Ok(e)
        };
        let evaluations = || done.get();
        let met = |e: &Evaluation| {
            self.targets
                .iter()
                .zip(&e.achieved)
                .all(|(t, a)| !a.is_empty() && t.error(a) <= 1.0)
        };
        let n = self.free.len();
        let start = self.start();
        // A simplex around `from`: the point and a step along each axis, away from a bound.
        let around = |from: &Evaluation,
                      eval: &mut dyn FnMut(Vec<f64>) -> Result<Evaluation>,
                      step: f64|
         -> Result<Vec<Evaluation>> {
            let mut simplex = vec![from.clone()];
            for i in 0..n {
                if evaluations() >= cap {
                    break;
                }
                let mut p = from.point.clone();
                p[i] = if p[i] + step <= 1.0 {
                    p[i] + step
                } else {
                    p[i] - step
                };
                simplex.push(eval(p)?);
            }
            Ok(simplex)
        };
        let first = eval(start)?;
        let mut simplex = if met(&first) {
            vec![first]
        } else {
            around(&first, &mut eval, 0.15)?
        };
        // A search that stalls short of the targets starts again from its best point with a
        // fresh simplex (up to three times): Nelder–Mead can collapse on a range's bound.
        let mut restarts = 0u32;
        let mut iterations = 0u32;
        let mut converged = false;
        while simplex.len() == n + 1 && evaluations() < cap {
            sort_simplex(&mut simplex);
            let spread = simplex[n].error - simplex[0].error;
            let size = (1..=n)
                .map(|i| distance(&simplex[i].point, &simplex[0].point))
                .fold(0.0, f64::max);
            if met(&simplex[0]) {
                converged = true;
                break;
            }
            if size < 1e-3 || (spread.is_finite() && spread < 1e-9) {
                if restarts == 3 {
                    converged = true;
                    break;
                }
                restarts += 1;
                let step = 0.25 / f64::from(restarts);
                simplex = around(&simplex[0].clone(), &mut eval, step)?;
                continue;
            }
            iterations += 1;
            let centroid: Vec<f64> = (0..n)
                .map(|j| simplex[..n].iter().map(|e| e.point[j]).sum::<f64>() / n as f64)
                .collect();
            let along = |t: f64| -> Vec<f64> {
                centroid
                    .iter()
                    .zip(&simplex[n].point)
                    .map(|(c, w)| c + t * (c - w))
                    .collect()
            };
            let reflected = eval(along(1.0))?;
            if reflected.error < simplex[0].error {
                let expanded = if evaluations() < cap {
                    Some(eval(along(2.0))?)
                } else {
                    None
                };
                simplex[n] = match expanded {
                    Some(e) if e.error < reflected.error => e,
                    _ => reflected,
                };
                continue;
            }
            if reflected.error < simplex[n - 1].error {
                simplex[n] = reflected;
                continue;
            }
            if evaluations() >= cap {
                break;
            }
            let outside = reflected.error < simplex[n].error;
            let contracted = eval(along(if outside { 0.5 } else { -0.5 }))?;
            let better_than = if outside {
                reflected.error
            } else {
                simplex[n].error
            };
            if contracted.error < better_than {
                simplex[n] = contracted;
                continue;
            }
            // Shrink toward the best point.
            for i in 1..=n {
                if evaluations() >= cap {
                    break;
                }
                let p: Vec<f64> = simplex[0]
                    .point
                    .iter()
                    .zip(&simplex[i].point)
                    .map(|(b, x)| b + 0.5 * (x - b))
                    .collect();
                simplex[i] = eval(p)?;
            }
        }
        let best = best.into_inner().ok_or_else(|| {
            Error::new(ErrorCode::InvalidValue, "", "the calibration ran nothing")
        })?;
        if !best.error.is_finite() {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "free",
                "no point of the free parameters' ranges gives a valid scenario (do the segments' shares still add up to 1?)",
            ));
        }
        Ok(Fit {
            best,
            evaluations: done.get(),
            iterations,
            converged,
        })
    }
}

/// Orders a simplex by objective, ties by point (a total order, so the search is the same
/// on every target).
fn sort_simplex(simplex: &mut [Evaluation]) {
    crate::sort::sort_by(simplex, |a, b| {
        a.error.total_cmp(&b.error).then_with(|| {
            a.point
                .iter()
                .zip(&b.point)
                .map(|(x, y)| x.total_cmp(y))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        })
    });
}

fn distance(a: &[f64], b: &[f64]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}
