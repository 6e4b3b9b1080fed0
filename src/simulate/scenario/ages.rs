//! The age groups of a population, each with its share of viewers.

use super::fields::{one_to, share, shares_add_up};
use super::input::AgeGroupInput;
use crate::caps;
use crate::error::{index, join, Error, ErrorCode, Result};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// A validated age group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AgeGroup {
    /// Id.
    pub id: String,
    /// Youngest age.
    pub min_age: u32,
    /// First age past it.
    pub max_age: u32,
}

/// The validated age groups and the share of viewers in each.
pub fn ages(groups: &[AgeGroupInput]) -> Result<(Vec<AgeGroup>, Vec<f64>)> {
    one_to(groups.len() as u64, 32, "give {} age groups", "ages")?;
    let mut total = Decimal::ZERO;
    let mut out: Vec<AgeGroup> = Vec::new();
    let mut weights = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        let at = index("ages", i);
        if g.max_age <= g.min_age || g.max_age > caps::MAX_AGE + 1 {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                join(&at, "max_age"),
                "max_age must be above min_age (it is the first age past the group) and at most 131",
            ));
        }
        if out
            .iter()
            .any(|o| g.min_age < o.max_age && o.min_age < g.max_age)
        {
            return Err(Error::new(
                ErrorCode::ConflictingFields,
                at,
                "age groups overlap",
            ));
        }
        let id = match &g.id {
            Some(id) => {
                crate::id::validate(id, &join(&at, "id"))?;
                id.clone()
            }
            None => format!("{}-to-{}", g.min_age, g.max_age - 1),
        };
        let (d, f) = share(&g.share, &join(&at, "share"))?;
        total += d;
        weights.push(f);
        out.push(AgeGroup {
            id,
            min_age: g.min_age,
            max_age: g.max_age,
        });
    }
    shares_add_up(total, "ages")?;
    Ok((out, weights))
}
