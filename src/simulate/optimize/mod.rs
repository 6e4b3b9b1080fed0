//! `optimize`: the values of a few decision variables (prices, bundles, caps) that maximise an
//! objective (platform margin, viewer spend, creator payouts or a weighted sum) under
//! constraints.
//!
//! Each variable takes the values of a lattice (a range by a step, a store's price points, a
//! list). Every evaluation simulates the point's scenario with the scenario's own seed (common
//! random numbers), so the objective is a deterministic function of the point and two points
//! differ by their parameters, not by noise. The search is coarse to fine: a lattice no larger
//! than the evaluation cap is searched whole; otherwise a coarse grid over every variable
//! (about half the cap), then around the best point so far a neighbourhood at half the
//! spacing, again and again down to one lattice step, then at one step until no neighbour is
//! better or the cap is reached. A point that breaks a constraint ranks below every point that
//! keeps them all; among those that break one, the least violation ranks first, so a set of
//! constraints no point satisfies ends at the least-violating point, flagged.

pub mod constraints;
pub mod variables;

use super::calibrate::Simulator;
use super::scenario::{Scenario, ScenarioInput};
use super::{RunMetrics, MONEY_METRICS};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::parse_decimal;
use constraints::{Constraint, ConstraintInput, Standing};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use variables::{Variable, VariableInput};

/// Most decision variables.
pub const MAX_VARIABLES: usize = 6;
/// Most points looked at per simulation allowed (most are simulated; those that fail a
/// constraint on the cards are not).
const POINTS_PER_EVALUATION: usize = 20;

/// The `optimize` request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptimizeRequest {
    /// The scenario every point starts from.
    pub scenario: ScenarioInput,
    /// The decision variables, each with the values it may take.
    pub variables: Vec<VariableInput>,
    /// What to maximise (or minimise).
    pub objective: ObjectiveInput,
    /// What every answer must satisfy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<ConstraintInput>,
    /// Most simulations the search runs (default 80, at most 2,000).
    #[serde(default = "default_evaluations")]
    pub max_evaluations: u32,
}

fn default_evaluations() -> u32 {
    80
}

/// The objective as JSON writes it: one money metric, or a weighted sum of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveInput {
    /// A money metric of `simulate`: `platform_margin`, `viewer_spend`, `creator_payouts`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// Or a weighted sum: money metric → weight (a decimal string, may be negative).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, String>,
    /// `maximize` (default) or `minimize`.
    #[serde(default)]
    pub goal: Goal,
}

/// Which way the objective should go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Goal {
    /// The larger the better.
    #[default]
    Maximize,
    /// The smaller the better.
    Minimize,
}

/// A validated optimization, ready to run.
pub struct Optimization {
    /// The scenario as written.
    pub base: ScenarioInput,
    /// The base scenario, validated.
    pub scenario: Scenario,
    /// The decision variables.
    pub variables: Vec<Variable>,
    /// Money metric and weight of each term of the objective.
    pub terms: Vec<(String, Decimal)>,
    /// Which way.
    pub goal: Goal,
    /// The constraints.
    pub constraints: Vec<Constraint>,
    /// Evaluation cap.
    pub max_evaluations: u32,
}

impl OptimizeRequest {
    /// Validates the request: the scenario, every variable (its lowest value applied once),
    /// the objective and every constraint.
    pub fn validate(&self) -> Result<Optimization> {
        let scenario = Scenario::from_input(&self.scenario).map_err(|e| e.under("scenario"))?;
        if self.variables.is_empty() || self.variables.len() > MAX_VARIABLES {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "variables",
                format!(
                    "give 1 to {MAX_VARIABLES} decision variables, not {}",
                    self.variables.len()
                ),
            )
            .with_range(1, MAX_VARIABLES, self.variables.len()));
        }
        let mut variables: Vec<Variable> = Vec::new();
        for (i, v) in self.variables.iter().enumerate() {
            let at = index("variables", i);
            let var = Variable::parse(v, &self.scenario, &at)?;
            if variables.iter().any(|o| o.input.parameter == v.parameter) {
                return Err(Error::new(
                    ErrorCode::Duplicate,
                    join(&at, "parameter"),
                    format!("`{}` is a decision variable twice", v.parameter),
                ));
            }
            // The parameter must apply to this scenario (a card it uses, a cap it has).
            let mut probe = self.scenario.clone();
            let first = var.values.first().cloned().unwrap_or_default();
            var.parameter
                .apply(&mut probe, &first, &join(&at, "parameter"))?;
            variables.push(var);
        }
        let (terms, goal) = objective(&self.objective)?;
        let constraints = self
            .constraints
            .iter()
            .enumerate()
            .map(|(i, c)| Constraint::parse(c, &scenario, &index("constraints", i)))
            .collect::<Result<Vec<_>>>()?;
        super::calibrate::check_evaluations(&scenario, self.max_evaluations, "optimization")?;
        Ok(Optimization {
            base: self.scenario.clone(),
            scenario,
            variables,
            terms,
            goal,
            constraints,
            max_evaluations: self.max_evaluations,
        })
    }
}

/// The objective's terms and goal.
fn objective(o: &ObjectiveInput) -> Result<(Vec<(String, Decimal)>, Goal)> {
    let money = |name: &str, path: &str| -> Result<()> {
        if MONEY_METRICS.iter().any(|(m, _)| *m == name) {
            return Ok(());
        }
        Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!(
                "`{}` is not a money metric of simulate; use platform_margin, viewer_spend, creator_payouts, …{}",
                name.chars().take(60).collect::<String>(),
                crate::words::hint(name, MONEY_METRICS.iter().map(|(m, _)| *m))
            ),
        ))
    };
    let terms = match (&o.metric, o.weights.is_empty()) {
        (Some(m), true) => {
            money(m, "objective.metric")?;
            vec![(m.clone(), Decimal::ONE)]
        }
        (None, false) => {
            let mut terms = Vec::new();
            for (m, w) in &o.weights {
                let at = join("objective.weights", m);
                money(m, &at)?;
                terms.push((m.clone(), parse_decimal(w, &at)?));
            }
            terms
        }
        (Some(_), false) => {
            return Err(Error::new(
                ErrorCode::ConflictingFields,
                "objective.weights",
                "give the objective's `metric` or its `weights`, not both",
            ))
        }
        (None, true) => {
            return Err(Error::new(
                ErrorCode::MissingField,
                "objective.metric",
                "the objective needs a `metric` (e.g. platform_margin) or `weights`",
            ))
        }
    };
    Ok((terms, o.goal))
}

/// One evaluated point.
#[derive(Debug, Clone)]
pub struct Evaluated {
    /// Each variable's value index.
    pub index: Vec<usize>,
    /// Each variable's value.
    pub values: Vec<String>,
    /// The point's scenario.
    pub scenario: ScenarioInput,
    /// The objective per run (empty when not simulated).
    pub objective: Vec<Decimal>,
    /// Its mean over runs.
    pub mean: Option<Decimal>,
    /// Each constraint, in the request's order.
    pub standings: Vec<Standing>,
    /// Sum of the constraints' violations (0 when every one is met).
    pub violation: f64,
    /// The per-run metrics (empty when not simulated).
    pub runs: Vec<RunMetrics>,
    /// Why the point's scenario is invalid, if it is.
    pub invalid: Option<String>,
}

impl Evaluated {
    /// Whether the point keeps every constraint.
    pub fn feasible(&self) -> bool {
        self.invalid.is_none() && self.violation == 0.0 && self.mean.is_some()
    }
}

/// The outcome of a search.
pub struct Search {
    /// Every point evaluated, in the order evaluated.
    pub points: Vec<Evaluated>,
    /// Indices into `points`, best first.
    pub ranking: Vec<usize>,
    /// Combinations of the variables' values.
    pub lattice: u128,
    /// True when every combination was evaluated.
    pub exhaustive: bool,
    /// True when the search ended on its own (no better neighbour), not at the cap.
    pub converged: bool,
    /// Simulations run.
    pub evaluations: u32,
}

impl Optimization {
    /// Evaluates the lattice point `idx`: its scenario, its constraints on the cards, and
    /// when those hold (or `always`), its simulation; true when it was simulated.
    fn evaluate(
        &self,
        idx: &[usize],
        simulate: &mut Simulator<'_>,
        always: bool,
    ) -> Result<(Evaluated, bool)> {
        let mut input = self.base.clone();
        let mut values = Vec::with_capacity(idx.len());
        let mut invalid = None;
        for (v, &i) in self.variables.iter().zip(idx) {
            let value = v.values.get(i).cloned().unwrap_or_default();
            if let Err(e) = v.parameter.apply(&mut input, &value, "") {
                invalid = Some(e.message);
            }
            values.push(value);
        }
        let mut point = Evaluated {
            index: idx.to_vec(),
            values,
            scenario: input,
            objective: Vec::new(),
            mean: None,
            standings: Vec::new(),
            violation: f64::INFINITY,
            runs: Vec::new(),
            invalid,
        };
        if point.invalid.is_some() {
            return Ok((point, false));
        }
        let scenario = match Scenario::from_input(&point.scenario) {
            Ok(s) => s,
            Err(e) => {
                point.invalid = Some(format!("{} ({})", e.message, e.path));
                return Ok((point, false));
            }
        };
        let on_cards: Vec<Option<Standing>> = self
            .constraints
            .iter()
            .map(|c| c.on_cards(&scenario))
            .collect();
        let cards_hold = on_cards.iter().flatten().all(|s| s.met);
        let simulated = cards_hold || always;
        let (parts, runs) = if simulated {
            match simulate(&scenario) {
                Ok(r) => r,
                Err(e) if e.code == ErrorCode::Cancelled => return Err(e),
                Err(e) => {
                    point.invalid = Some(e.message);
                    return Ok((point, true));
                }
            }
        } else {
            (Vec::new(), Vec::new())
        };
        let mut standings = Vec::new();
        for (c, cards) in self.constraints.iter().zip(on_cards) {
            match cards {
                Some(s) => standings.push(s),
                None if simulated => {
                    if let Some(s) = c.on_runs(&scenario, &parts, &runs) {
                        standings.push(s);
                    }
                }
                None => standings.push(Standing {
                    constraint: c.name.clone(),
                    value: "not simulated".into(),
                    slack: "not simulated".into(),
                    met: false,
                    violation: 0.0,
                }),
            }
        }
        point.violation = standings.iter().map(|s| s.violation).sum();
        point.standings = standings;
        if simulated {
            let scale = scenario.currency.minor_units();
            point.objective = runs
                .iter()
                .map(|r| {
                    self.terms.iter().fold(Decimal::ZERO, |sum, (m, w)| {
                        let minor = Decimal::try_from_i128_with_scale(r.money_minor(m), scale)
                            .unwrap_or(Decimal::ZERO);
                        sum + *w * minor
                    })
                })
                .collect();
            let total = point.objective.iter().fold(Decimal::ZERO, |a, b| a + *b);
            point.mean = Some(total / Decimal::from(point.objective.len().max(1)));
            point.runs = runs;
        }
        Ok((point, simulated))
    }

    /// Orders two points: feasible before infeasible; then by objective (its goal), or by
    /// violation; then by lattice index, so the order is total and the same everywhere.
    fn better(&self, a: &Evaluated, b: &Evaluated) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let valid = |e: &Evaluated| e.invalid.is_none();
        let by_objective = |a: &Evaluated, b: &Evaluated| match (a.mean, b.mean) {
            (Some(x), Some(y)) => match self.goal {
                Goal::Maximize => y.cmp(&x),
                Goal::Minimize => x.cmp(&y),
            },
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        valid(b)
            .cmp(&valid(a))
            .then_with(|| b.feasible().cmp(&a.feasible()))
            .then_with(|| {
                if a.feasible() {
                    Ordering::Equal
                } else {
                    a.violation.total_cmp(&b.violation)
                }
            })
            .then_with(|| by_objective(a, b))
            .then_with(|| a.index.cmp(&b.index))
    }

    /// Searches the lattice, at most `max_evaluations` simulations; `progress(done, cap)`
    /// returning false cancels.
    pub fn search(
        &self,
        simulate: &mut Simulator<'_>,
        progress: &dyn Fn(u32, u32) -> bool,
    ) -> Result<Search> {
        let sizes: Vec<usize> = self.variables.iter().map(|v| v.values.len()).collect();
        let lattice = sizes
            .iter()
            .fold(1u128, |p, s| p.saturating_mul(*s as u128));
        let cap = self.max_evaluations;
        // Points that fail a constraint on the cards are not simulated and so not counted by
        // the cap; they are bounded too, so such a search always ends.
        let most_points = cap as usize * POINTS_PER_EVALUATION;
        let mut points: Vec<Evaluated> = Vec::new();
        let mut seen: BTreeMap<Vec<usize>, usize> = BTreeMap::new();
        let mut done = 0u32;
        let mut visit = |idx: Vec<usize>,
                         points: &mut Vec<Evaluated>,
                         done: &mut u32|
         -> Result<Option<usize>> {
            if let Some(&at) = seen.get(&idx) {
                return Ok(Some(at));
            }
            if *done >= cap || points.len() >= most_points {
                return Ok(None);
            }
            let (e, simulated) = self.evaluate(&idx, simulate, false)?;
            if simulated {
                *done += 1;
                if !progress(*done, cap) {
                    return Err(Error::new(
                        ErrorCode::Cancelled,
                        "",
                        "the optimization was cancelled",
                    ));
                }
            }
            seen.insert(idx, points.len());
            points.push(e);
            Ok(Some(points.len() - 1))
        };
        let exhaustive = lattice <= u128::from(cap);
        let mut converged = exhaustive;
        if exhaustive {
            for idx in grid(&sizes.iter().map(|&s| (0..s).collect()).collect::<Vec<_>>()) {
                visit(idx, &mut points, &mut done)?;
            }
        } else {
            // A coarse grid of about half the cap: k levels on each variable.
            let d = sizes.len() as f64;
            let k = (libm::floor(libm::pow(f64::from(cap / 2).max(1.0), 1.0 / d)) as usize).max(2);
            let levels: Vec<Vec<usize>> = sizes
                .iter()
                .map(|&s| {
                    let k = k.min(s);
                    if k <= 1 {
                        return vec![0];
                    }
                    let mut l: Vec<usize> = (0..k)
                        .map(|i| (i * (s - 1) + (k - 1) / 2) / (k - 1))
                        .collect();
                    l.dedup();
                    l
                })
                .collect();
            let strides: Vec<usize> = sizes
                .iter()
                .zip(&levels)
                .map(|(&s, l)| {
                    (s.saturating_sub(1))
                        .div_ceil(l.len().saturating_sub(1).max(1))
                        .max(1)
                })
                .collect();
            for idx in grid(&levels) {
                visit(idx, &mut points, &mut done)?;
            }
            // Refine around the best coarse point; with evaluations left, around the best
            // point not yet refined that lies more than one coarse step from every start so
            // far (the objective of a small population is rugged: a second start guards
            // against a local peak).
            let coarse = strides.clone();
            let mut starts: Vec<Vec<usize>> = Vec::new();
            while done < cap && points.len() < most_points {
                let mut ranked: Vec<usize> = (0..points.len()).collect();
                crate::sort::sort_by(&mut ranked, |&a, &b| self.better(&points[a], &points[b]));
                let far = |idx: &[usize]| {
                    starts.iter().all(|s| {
                        s.iter()
                            .zip(idx)
                            .zip(&coarse)
                            .any(|((a, b), st)| a.abs_diff(*b) >= *st)
                    })
                };
                let Some(start) = ranked.into_iter().find(|&i| far(&points[i].index)) else {
                    converged = true;
                    break;
                };
                starts.push(points[start].index.clone());
                converged = false;
                let mut best = start;
                let mut strides = coarse.clone();
                loop {
                    let fine = strides.iter().all(|&s| s == 1);
                    strides = strides.iter().map(|&s| (s / 2).max(1)).collect();
                    let around: Vec<Vec<usize>> = points[best]
                        .index
                        .iter()
                        .zip(&strides)
                        .zip(&sizes)
                        .map(|((&c, &st), &s)| {
                            let mut l = vec![c.saturating_sub(st), c, (c + st).min(s - 1)];
                            l.dedup();
                            l
                        })
                        .collect();
                    let mut next = best;
                    for idx in grid(&around) {
                        if let Some(at) = visit(idx, &mut points, &mut done)? {
                            if self.better(&points[at], &points[next]).is_lt() {
                                next = at;
                            }
                        }
                    }
                    if done >= cap || points.len() >= most_points {
                        break;
                    }
                    if fine && next == best {
                        converged = true;
                        break;
                    }
                    best = next;
                }
            }
        }
        // The least-violating point of a search that found none feasible may not have been
        // simulated (a constraint on the cards failed): simulate it so the answer has its KPIs.
        let mut ranking: Vec<usize> = (0..points.len()).collect();
        crate::sort::sort_by(&mut ranking, |&a, &b| self.better(&points[a], &points[b]));
        if let Some(&top) = ranking.first() {
            if points[top].mean.is_none() && points[top].invalid.is_none() {
                let idx = points[top].index.clone();
                let (e, _) = self.evaluate(&idx, simulate, true)?;
                done += 1;
                points[top] = e;
                crate::sort::sort_by(&mut ranking, |&a, &b| self.better(&points[a], &points[b]));
            }
        }
        if points.iter().all(|p| p.invalid.is_some()) {
            let why = points
                .first()
                .and_then(|p| p.invalid.clone())
                .unwrap_or_default();
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "variables",
                format!("no point of the variables' values gives a valid scenario: {why}"),
            ));
        }
        Ok(Search {
            points,
            ranking,
            lattice,
            exhaustive,
            converged,
            evaluations: done,
        })
    }
}

/// Every combination of one value from each list, the last list fastest.
fn grid(levels: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    for l in levels {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                l.iter().map(move |&v| {
                    let mut p = prefix.clone();
                    p.push(v);
                    p
                })
            })
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grid_counts_like_a_mixed_radix_number() {
        let g = grid(&[vec![0, 2], vec![1, 3, 5]]);
        assert_eq!(g.len(), 6);
        assert_eq!(g[0], vec![0, 1]);
        assert_eq!(g[1], vec![0, 3]);
        assert_eq!(g[5], vec![2, 5]);
    }
}
