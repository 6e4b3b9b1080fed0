//! Uncertain parameters: a scenario's figure not known exactly (an elasticity, a segment's
//! share) given as a distribution and drawn once per run, so the bands over runs carry the
//! input's uncertainty as well as the simulation's own noise. Run `r` draws from its own stream
//! of the scenario's seed, so the same run of a sweep's base and of its points draws the same
//! values (common random numbers) and each run's scenario is validated like any other.

use super::calibrate::free::{FreeInput, FreeParameter};
use super::parameter::Parameter;
use super::rng::Rng;
use super::scenario::input::{Distribution, UncertainInput};
use super::scenario::{Scenario, ScenarioInput};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::{parse_decimal, round_decimal, RoundingPoint};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What an uncertain parameter sets.
enum Target {
    /// A sweep parameter, set from a decimal string.
    Sweep(Parameter),
    /// A calibration's parameter (a segment's figure, the creators' Zipf exponent).
    Free(Box<FreeParameter>),
}

/// The scenario of run `run` with every uncertain parameter drawn, and the values drawn by
/// parameter (empty when the scenario has none).
pub fn for_run(s: &Scenario, run: u32) -> Result<Option<(Scenario, BTreeMap<String, String>)>> {
    let Some(input) = s.uncertain.as_deref() else {
        return Ok(None);
    };
    let mut drawn_input = input.clone();
    drawn_input.uncertain.clear();
    let mut drawn = BTreeMap::new();
    for (i, u) in input.uncertain.iter().enumerate() {
        let at = index("uncertain", i);
        let (lo, hi, mean, sd) = bounds(u, &at)?;
        let mut rng = Rng::stream(s.seed, u64::from(run), u64::MAX - i as u64);
        let value = match u.distribution {
            Distribution::Uniform => lo + (hi - lo) * rng.unit(),
            // Cut off at the bounds by drawing again (at most 64 times, then the bound).
            Distribution::Normal => (0..64)
                .map(|_| mean + sd * rng.normal())
                .find(|v| (lo..=hi).contains(v))
                .unwrap_or(mean.clamp(lo, hi)),
        };
        let text = match target(u, input, s, &at, lo, hi)? {
            Target::Sweep(p) => {
                let text = decimal_text(value, p.is_money().then(|| s.currency.minor_units()));
                p.apply(&mut drawn_input, &text, &join(&at, "parameter"))?;
                text
            }
            Target::Free(f) => f.set_value(&mut drawn_input, value),
        };
        if drawn.insert(u.parameter.clone(), text).is_some() {
            return Err(Error::new(
                ErrorCode::Duplicate,
                join(&at, "parameter"),
                format!("`{}` is uncertain twice", u.parameter),
            ));
        }
    }
    let scenario = Scenario::from_input(&drawn_input).map_err(|e| {
        Error::new(
            e.code,
            "uncertain",
            format!(
                "run {run} drew {} and the scenario is then invalid: {} ({}); narrow the distributions with min and max",
                drawn
                    .iter()
                    .map(|(k, v)| format!("{k} = {v}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                e.message,
                e.path
            ),
        )
    })?;
    Ok(Some((scenario, drawn)))
}

/// The distribution's range and, for a normal, its mean and standard deviation.
fn bounds(u: &UncertainInput, at: &str) -> Result<(f64, f64, f64, f64)> {
    let num = |v: &Option<String>, field: &str| -> Result<Option<f64>> {
        v.as_deref()
            .map(|t| parse_decimal(t, &join(at, field)).map(|d| d.to_f64().unwrap_or(0.0)))
            .transpose()
    };
    let need = |v: Option<f64>, field: &str, what: &str| {
        v.ok_or_else(|| {
            Error::new(
                ErrorCode::MissingField,
                join(at, field),
                format!("a {what} distribution needs `{field}`"),
            )
        })
    };
    let (min, max) = (num(&u.min, "min")?, num(&u.max, "max")?);
    let (lo, hi, mean, sd) = match u.distribution {
        Distribution::Uniform => {
            let (lo, hi) = (need(min, "min", "uniform")?, need(max, "max", "uniform")?);
            (lo, hi, (lo + hi) / 2.0, 0.0)
        }
        Distribution::Normal => {
            let mean = need(num(&u.mean, "mean")?, "mean", "normal")?;
            let sd = need(num(&u.sd, "sd")?, "sd", "normal")?;
            if sd <= 0.0 {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    join(at, "sd"),
                    "the standard deviation must be above 0",
                ));
            }
            (
                min.unwrap_or(mean - 4.0 * sd),
                max.unwrap_or(mean + 4.0 * sd),
                mean,
                sd,
            )
        }
    };
    if hi <= lo {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            join(at, "max"),
            "max must be above min",
        ));
    }
    Ok((lo, hi, mean, sd))
}

/// What `u` sets: a calibration's parameter (`segment:…`, `creators.zipf_exponent`), or a
/// sweep parameter.
fn target(
    u: &UncertainInput,
    input: &ScenarioInput,
    s: &Scenario,
    at: &str,
    lo: f64,
    hi: f64,
) -> Result<Target> {
    if u.parameter.starts_with("segment:") || u.parameter == "creators.zipf_exponent" {
        let free = FreeInput {
            parameter: u.parameter.clone(),
            min: decimal_text(lo, None),
            max: decimal_text(hi, None),
        };
        return Ok(Target::Free(Box::new(FreeParameter::parse(
            &free, input, s, at,
        )?)));
    }
    let p = Parameter::parse(&u.parameter, &join(at, "parameter"))?;
    for (v, field) in [(lo, "min"), (hi, "max")] {
        p.check_value(&decimal_text(v, None), &join(at, field))?;
    }
    Ok(Target::Sweep(p))
}

/// A drawn value as the scenario writes it: money to `digits` decimals, anything else to 6.
fn decimal_text(v: f64, digits: Option<u32>) -> String {
    let d = Decimal::from_f64(v).unwrap_or(Decimal::ZERO);
    match digits {
        Some(digits) => {
            let mut r = round_decimal(d, digits, RoundingPoint::Statistic);
            r.rescale(digits);
            r.to_string()
        }
        None => round_decimal(d, 6, RoundingPoint::Ratio)
            .normalize()
            .to_string(),
    }
}
