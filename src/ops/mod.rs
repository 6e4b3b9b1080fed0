//! The JSON contract: one function per operation, each taking a request type and returning a
//! response type. The CLI and the WASM edge call [`answer`] (or [`run`] for a JSON value),
//! which adds JSON parsing and limits.

#[cfg(feature = "simulate")]
pub mod audit;
#[cfg(feature = "simulate")]
pub mod calibrate;
pub mod compare;
#[cfg(feature = "simulate")]
pub mod import;
#[cfg(feature = "simulate")]
pub mod optimize;
pub mod plan;
#[cfg(feature = "simulate")]
pub mod power;
pub mod presets;
pub mod quote;
#[cfg(feature = "simulate")]
pub mod simulate;
#[cfg(feature = "simulate")]
pub mod sweep;

use crate::error::{from_json_str, Error, ErrorCode, Result};
use serde::Serialize;

#[cfg(feature = "simulate")]
pub use crate::simulate::calibrate::CalibrateRequest;
#[cfg(feature = "simulate")]
pub use crate::simulate::optimize::OptimizeRequest;
#[cfg(feature = "simulate")]
pub use crate::simulate::power::PowerRequest;
#[cfg(feature = "simulate")]
pub use audit::{audit, AuditRequest, AuditResponse};
#[cfg(feature = "simulate")]
pub use calibrate::CalibrateResponse;
pub use compare::{compare, CompareRequest, CompareResponse};
#[cfg(feature = "simulate")]
pub use optimize::OptimizeResponse;
pub use plan::{plan, PlanRequest, PlanResponse};
#[cfg(feature = "simulate")]
pub use power::PowerResponse;
pub use presets::{presets, PresetsResponse};
pub use quote::{quote, QuoteRequest, QuoteResponse};
#[cfg(feature = "simulate")]
pub use simulate::{Progress, ProgressFn, SimulateRequest, SimulateResponse};
#[cfg(feature = "simulate")]
pub use sweep::{SweepRequest, SweepResponse};

/// Progress of a long run, in a build without the simulation (nothing reports it there).
#[cfg(not(feature = "simulate"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Viewer-runs simulated.
    pub done: u64,
    /// Viewer-runs in all.
    pub total: u64,
}

/// Reports progress; returning `false` cancels the run.
#[cfg(not(feature = "simulate"))]
pub type ProgressFn<'a> = &'a (dyn Fn(Progress) -> bool + Sync);

/// Largest JSON document an operation accepts.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// Largest `plan` document: room for its 10,000 events, an imported history's included.
pub const MAX_PLAN_BYTES: usize = 8 << 20;

/// The operations of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// The shipped rate cards and gift catalogues, with sources.
    Presets,
    /// One viewer's question on one rate card.
    Quote,
    /// The same spending on several platforms.
    Compare,
    /// A dated plan of purchases and gifts checked against spending rules.
    Plan,
    /// Population Monte Carlo.
    Simulate,
    /// `simulate` over a grid of parameters, or A/B variants.
    Sweep,
    /// A scenario's free parameters fitted to targets.
    Calibrate,
    /// The best values of decision variables under constraints.
    Optimize,
    /// What a real A/B test can detect, and for how long it must run.
    Power,
    /// A compliance audit of a rate card, with the rules of a region on a date.
    Audit,
    /// A family's own data export turned into a `plan` input.
    Import,
}

impl Operation {
    /// Every operation, in documentation order.
    pub const ALL: [Operation; 11] = [
        Operation::Presets,
        Operation::Quote,
        Operation::Compare,
        Operation::Plan,
        Operation::Audit,
        Operation::Import,
        Operation::Simulate,
        Operation::Sweep,
        Operation::Calibrate,
        Operation::Optimize,
        Operation::Power,
    ];

    /// The operation's name on the CLI and in the WASM API.
    pub fn name(self) -> &'static str {
        match self {
            Operation::Presets => "presets",
            Operation::Quote => "quote",
            Operation::Compare => "compare",
            Operation::Plan => "plan",
            Operation::Simulate => "simulate",
            Operation::Sweep => "sweep",
            Operation::Calibrate => "calibrate",
            Operation::Optimize => "optimize",
            Operation::Power => "power",
            Operation::Audit => "audit",
            Operation::Import => "import",
        }
    }

    /// Looks an operation up by name.
    pub fn from_name(name: &str) -> Option<Operation> {
        Operation::ALL.into_iter().find(|op| op.name() == name)
    }
}

/// One operation's answer, typed. It is written straight to JSON text ([`Answer::to_text`]) or
/// to a JS object by the WASM edge: building a `serde_json::Value` first would cost a third of
/// a quote's time.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// `presets`.
    Presets(Box<PresetsResponse>),
    /// `quote`.
    Quote(Box<QuoteResponse>),
    /// `compare`.
    Compare(Box<CompareResponse>),
    /// `plan`.
    Plan(Box<PlanResponse>),
    /// `audit`.
    #[cfg(feature = "simulate")]
    Audit(Box<AuditResponse>),
    /// `import`.
    #[cfg(feature = "simulate")]
    Import(Box<import::ImportResponse>),
    /// `simulate`.
    #[cfg(feature = "simulate")]
    Simulate(Box<SimulateResponse>),
    /// `sweep`.
    #[cfg(feature = "simulate")]
    Sweep(Box<SweepResponse>),
    /// `calibrate`.
    #[cfg(feature = "simulate")]
    Calibrate(Box<CalibrateResponse>),
    /// `optimize`.
    #[cfg(feature = "simulate")]
    Optimize(Box<OptimizeResponse>),
    /// `power`.
    #[cfg(feature = "simulate")]
    Power(Box<PowerResponse>),
}

impl Answer {
    /// The answer as the CLI prints it (indented, or on one line when `compact`), without the
    /// final newline.
    pub fn to_text(&self, compact: bool) -> Result<String> {
        let text = if compact {
            serde_json::to_string(self)
        } else {
            serde_json::to_string_pretty(self)
        };
        text.map_err(|e| unwritable(&e))
    }

    /// The answer as a JSON value.
    pub fn to_value(&self) -> Result<serde_json::Value> {
        serde_json::to_value(self).map_err(|e| unwritable(&e))
    }
}

/// Runs `op` on a JSON document and returns its JSON answer.
pub fn run(op: Operation, input: &str) -> Result<serde_json::Value> {
    answer(op, input, &|_| true, 1)?.to_value()
}

/// [`run`], reporting the progress of long operations (`simulate`, `sweep`) and using up to
/// `threads` threads where the build allows; the answer never depends on either.
pub fn run_with_progress(
    op: Operation,
    input: &str,
    progress: ProgressFn<'_>,
    threads: usize,
) -> Result<serde_json::Value> {
    answer(op, input, progress, threads)?.to_value()
}

/// Runs `op` on a JSON document: the typed answer, reporting the progress of long operations
/// (`simulate`, `sweep`) and using up to `threads` threads where the build allows; the answer
/// never depends on either.
pub fn answer(
    op: Operation,
    input: &str,
    progress: ProgressFn<'_>,
    threads: usize,
) -> Result<Answer> {
    check_input(op, input)?;
    Ok(match op {
        Operation::Presets => {
            if !input.trim().is_empty() {
                // `presets` takes no input, but an empty object is harmless.
                let _: serde_json::Map<String, serde_json::Value> = from_json_str(input)?;
            }
            Answer::Presets(Box::new(presets()))
        }
        Operation::Quote => Answer::Quote(Box::new(quote(&from_json_str(input)?)?)),
        Operation::Compare => Answer::Compare(Box::new(compare(&from_json_str(input)?)?)),
        Operation::Plan => Answer::Plan(Box::new(plan(&from_json_str(input)?)?)),
        #[cfg(feature = "simulate")]
        Operation::Audit => Answer::Audit(Box::new(audit(&from_json_str(input)?)?)),
        #[cfg(feature = "simulate")]
        Operation::Import => Answer::Import(Box::new(import::import(&from_json_str(input)?)?)),
        #[cfg(not(feature = "simulate"))]
        Operation::Simulate
        | Operation::Sweep
        | Operation::Calibrate
        | Operation::Optimize
        | Operation::Power
        | Operation::Audit
        | Operation::Import => {
            let _ = (progress, threads);
            return Err(not_in_this_build(op));
        }
        #[cfg(feature = "simulate")]
        Operation::Simulate => Answer::Simulate(Box::new(simulate::simulate(
            &from_json_str(input)?,
            progress,
            threads,
        )?)),
        #[cfg(feature = "simulate")]
        Operation::Sweep => Answer::Sweep(Box::new(sweep::sweep(
            &from_json_str(input)?,
            progress,
            threads,
        )?)),
        #[cfg(feature = "simulate")]
        Operation::Calibrate => Answer::Calibrate(Box::new(calibrate::calibrate(
            &from_json_str(input)?,
            progress,
            threads,
        )?)),
        #[cfg(feature = "simulate")]
        Operation::Optimize => Answer::Optimize(Box::new(optimize::optimize(
            &from_json_str(input)?,
            progress,
            threads,
        )?)),
        #[cfg(feature = "simulate")]
        Operation::Power => Answer::Power(Box::new(power::power(
            &from_json_str(input)?,
            progress,
            threads,
        )?)),
    })
}

/// Runs `op` on a JSON document and returns the answer as the CLI prints it (indented, without
/// the final newline): what `runJson` gives in WebAssembly.
pub fn run_text(op: Operation, input: &str) -> Result<String> {
    answer(op, input, &|_| true, 1)?.to_text(false)
}

/// The CSV form of a long operation's answer: `simulate` gives one row per run, `sweep` one row
/// per point.
pub fn run_csv(
    op: Operation,
    input: &str,
    progress: ProgressFn<'_>,
    threads: usize,
) -> Result<String> {
    check_input(op, input)?;
    match op {
        #[cfg(not(feature = "simulate"))]
        Operation::Simulate
        | Operation::Sweep
        | Operation::Calibrate
        | Operation::Optimize
        | Operation::Power => {
            let _ = (input, progress, threads);
            Err(not_in_this_build(op))
        }
        #[cfg(feature = "simulate")]
        Operation::Simulate => Ok(simulate::to_csv(&simulate::simulate(
            &from_json_str(input)?,
            progress,
            threads,
        )?)),
        #[cfg(feature = "simulate")]
        Operation::Sweep => Ok(sweep::to_csv(&sweep::sweep(
            &from_json_str(input)?,
            progress,
            threads,
        )?)),
        _ => Err(Error::new(
            ErrorCode::InvalidValue,
            "",
            format!("CSV output is for simulate and sweep, not {}", op.name()),
        )),
    }
}

/// Runs `from..to` of a `simulate` scenario, as raw per-run parts (a JSON array) that
/// [`simulate_merge`] assembles: how the lab spreads runs over several Web Workers.
#[cfg(feature = "simulate")]
pub fn simulate_part(input: &str, from: u32, to: u32, progress: ProgressFn<'_>) -> Result<String> {
    check_input(Operation::Simulate, input)?;
    let scenario = crate::simulate::scenario::Scenario::from_input(&from_json_str(input)?)?;
    let report = |done, total| progress(Progress { done, total });
    let parts = crate::simulate::run_part(&scenario, from, to, &report, 1)?;
    serde_json::to_string(&parts).map_err(|e| unwritable(&e))
}

/// The `simulate` answer (the CLI's JSON text, or CSV) from parts that cover every run once:
/// byte for byte what `simulate` answers.
#[cfg(feature = "simulate")]
pub fn simulate_merge(input: &str, parts: &str, csv: bool) -> Result<String> {
    check_input(Operation::Simulate, input)?;
    let scenario = crate::simulate::scenario::Scenario::from_input(&from_json_str(input)?)?;
    let answer = simulate::answer(&scenario, from_json_str(parts)?)?;
    if csv {
        Ok(simulate::to_csv(&answer))
    } else {
        Answer::Simulate(Box::new(answer)).to_text(false)
    }
}

/// The scenarios a `sweep` runs, base first, as a JSON array of `simulate` inputs.
#[cfg(feature = "simulate")]
pub fn sweep_scenarios(input: &str) -> Result<String> {
    check_input(Operation::Sweep, input)?;
    let req: SweepRequest = from_json_str(input)?;
    let plan = req.plan()?;
    let inputs: Vec<&SimulateRequest> = std::iter::once(&req.base)
        .chain(plan.points.iter().map(|p| &p.input))
        .collect();
    serde_json::to_string(&inputs).map_err(|e| unwritable(&e))
}

/// The `sweep` answer (the CLI's JSON text, or CSV) from the parts of each of its scenarios, in
/// [`sweep_scenarios`] order: a JSON array with one array of parts per scenario.
#[cfg(feature = "simulate")]
pub fn sweep_merge(input: &str, parts: &str, csv: bool) -> Result<String> {
    check_input(Operation::Sweep, input)?;
    let req: SweepRequest = from_json_str(input)?;
    let plan = req.plan()?;
    let parts: Vec<Vec<crate::simulate::RunPart>> = from_json_str(parts)?;
    if parts.len() != plan.points.len() + 1 {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "",
            format!(
                "a sweep of {} points needs {} sets of parts",
                plan.points.len(),
                plan.points.len() + 1
            ),
        ));
    }
    let mut results = plan
        .scenarios()
        .zip(parts)
        .map(|(scenario, p)| simulate::answer(scenario, p))
        .collect::<Result<Vec<_>>>()?;
    let base = results.remove(0);
    let answer = sweep::compose(&plan, base, results)?;
    if csv {
        Ok(sweep::to_csv(&answer))
    } else {
        Answer::Sweep(Box::new(answer)).to_text(false)
    }
}

/// An answer serde could not write (only possible for a number JSON cannot hold).
fn unwritable(e: &serde_json::Error) -> Error {
    Error::new(
        ErrorCode::Overflow,
        "",
        format!("the answer could not be written: {e}"),
    )
}

/// The error of `simulate` and `sweep` in a build made without them.
#[cfg(not(feature = "simulate"))]
fn not_in_this_build(op: Operation) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        "",
        format!(
            "{} is not in this build (the calculator's); use the full giftsim package",
            op.name()
        ),
    )
    .with("operation", op.name())
}

/// Which side of an operation a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The request document.
    Input,
    /// The answer document.
    Output,
}

/// The JSON Schema of an operation's input or output, generated from the Rust types so it can
/// never drift from them (`docs/schema/` holds a copy, checked by the tests).
pub fn schema(op: Operation, direction: Direction) -> serde_json::Value {
    use schemars::schema_for;
    let schema = match (op, direction) {
        (Operation::Presets, Direction::Input) => schemars::json_schema!({
            "title": "PresetsRequest",
            "description": "`presets` takes no input (an empty object is accepted)",
            "type": "object",
            "additionalProperties": false
        }),
        (Operation::Presets, Direction::Output) => schema_for!(PresetsResponse),
        (Operation::Quote, Direction::Input) => schema_for!(QuoteRequest),
        (Operation::Quote, Direction::Output) => schema_for!(QuoteResponse),
        (Operation::Compare, Direction::Input) => schema_for!(CompareRequest),
        (Operation::Compare, Direction::Output) => schema_for!(CompareResponse),
        (Operation::Plan, Direction::Input) => schema_for!(PlanRequest),
        (Operation::Plan, Direction::Output) => schema_for!(PlanResponse),
        #[cfg(feature = "simulate")]
        (Operation::Audit, Direction::Input) => schema_for!(AuditRequest),
        #[cfg(feature = "simulate")]
        (Operation::Audit, Direction::Output) => schema_for!(AuditResponse),
        #[cfg(feature = "simulate")]
        (Operation::Import, Direction::Input) => schema_for!(import::ImportRequest),
        #[cfg(feature = "simulate")]
        (Operation::Import, Direction::Output) => schema_for!(import::ImportResponse),
        #[cfg(feature = "simulate")]
        (Operation::Simulate, Direction::Input) => schema_for!(SimulateRequest),
        #[cfg(feature = "simulate")]
        (Operation::Simulate, Direction::Output) => schema_for!(SimulateResponse),
        #[cfg(feature = "simulate")]
        (Operation::Sweep, Direction::Input) => schema_for!(SweepRequest),
        #[cfg(feature = "simulate")]
        (Operation::Sweep, Direction::Output) => schema_for!(SweepResponse),
        #[cfg(feature = "simulate")]
        (Operation::Calibrate, Direction::Input) => schema_for!(CalibrateRequest),
        #[cfg(feature = "simulate")]
        (Operation::Calibrate, Direction::Output) => schema_for!(CalibrateResponse),
        #[cfg(feature = "simulate")]
        (Operation::Optimize, Direction::Input) => schema_for!(OptimizeRequest),
        #[cfg(feature = "simulate")]
        (Operation::Optimize, Direction::Output) => schema_for!(OptimizeResponse),
        #[cfg(feature = "simulate")]
        (Operation::Power, Direction::Input) => schema_for!(PowerRequest),
        #[cfg(feature = "simulate")]
        (Operation::Power, Direction::Output) => schema_for!(PowerResponse),
        #[cfg(not(feature = "simulate"))]
        (
            Operation::Simulate
            | Operation::Sweep
            | Operation::Calibrate
            | Operation::Optimize
            | Operation::Power
            | Operation::Audit
            | Operation::Import,
            _,
        ) => {
            schemars::json_schema!({
                "description": "not in this build (the calculator's)"
            })
        }
    };
    schema.to_value()
}

/// The JSON Schema of the error document every operation may return.
pub fn error_schema() -> serde_json::Value {
    schemars::schema_for!(crate::error::ErrorResponse).to_value()
}

/// The checks every input passes first: its size, and that it is a JSON object.
fn check_input(op: Operation, input: &str) -> Result<()> {
    // A family's export runs to tens of MB, and the plan it becomes to a few (10,000 events
    // with their notes); every other request is small.
    let max = match op {
        #[cfg(feature = "simulate")]
        Operation::Import => crate::history::MAX_IMPORT_BYTES,
        Operation::Plan => MAX_PLAN_BYTES,
        _ => MAX_INPUT_BYTES,
    };
    if input.len() > max {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "the input is {} bytes; at most {} ({} MiB) are accepted",
                crate::words::number(input.len() as u64),
                crate::words::number(max as u64),
                max >> 20
            ),
        )
        .with("max", max)
        .with("given", input.len()));
    }
    if op != Operation::Presets && !input.trim_start().starts_with('{') {
        // serde would read a struct from an array; the contract speaks of objects only.
        let _: serde_json::Value = from_json_str(input)?;
        return Err(Error::new(
            ErrorCode::InvalidType,
            "",
            format!("the {} input must be a JSON object", op.name()),
        ));
    }
    Ok(())
}
