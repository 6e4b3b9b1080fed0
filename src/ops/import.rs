//! `import`: a family's own data export, read locally, as a `plan` input (the reading is
//! [`crate::history`]).

use crate::error::Result;
use crate::history::{self, ImportReport};
use crate::ops::plan::PlanRequest;
use schemars::JsonSchema;
use serde::Serialize;

pub use crate::history::ImportRequest;

/// The `import` answer: the plan, and what was read.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ImportResponse {
    /// A complete `plan` input: run it as is, or edit it.
    pub plan: PlanRequest,
    /// What was read, record by record, with counts and plain-word notes.
    #[serde(flatten)]
    pub report: ImportReport,
}

/// Reads an export into a `plan` input.
pub fn import(req: &ImportRequest) -> Result<ImportResponse> {
    let imported = history::import(req)?;
    Ok(ImportResponse {
        plan: PlanRequest {
            rule_set: imported.rule_set,
            person: imported.person,
            rate_card: Some(imported.rate_card),
            exchange_rates: Default::default(),
            now: None,
            events: imported.events,
            happened: true,
        },
        report: imported.report,
    })
}
