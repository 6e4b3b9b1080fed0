//! Where each preset figure comes from: a source and its date, or an estimate and its method.

use crate::error::{index, join, Error, ErrorCode, Result};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How much a source can be trusted, as graded in `research/economy-facts.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Confidence {
    /// An official page, or several independent reports that agree.
    H,
    /// One reputable report, or several secondary ones.
    M,
    /// A blog, reseller or SEO page, or a figure derived from other figures.
    L,
}

/// The provenance of one or more figures, named by their field paths (`bundles[0]`, `tax`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The figures this entry covers, as field paths within the document.
    pub fields: Vec<String>,
    /// Address of the page the figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Date the source's text is dated (or states the figures for): `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`; absent for an undated page, which then gives `checked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// When we last read the source and found the figures there (same date forms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// How far the source can be trusted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// True when the figures are our own estimate rather than a published number.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub estimate: bool,
    /// How an estimate was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Anything a reader should know about these figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Provenance {
    /// Checks that the entry says where its figures come from: a source with a date, or an
    /// estimate with its method.
    pub fn validate(&self, path: &str) -> Result<()> {
        if self.fields.is_empty() {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                join(path, "fields"),
                "a source entry must name the figures it covers",
            ));
        }
        if let Some(date) = &self.as_of {
            validate_date(date, &join(path, "as_of"))?;
        }
        if let Some(date) = &self.checked {
            validate_date(date, &join(path, "checked"))?;
        }
        if self.estimate {
            if self.method.as_deref().is_none_or(str::is_empty) {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    join(path, "method"),
                    "an estimate must say how it was made",
                ));
            }
        } else {
            if self.source.as_deref().is_none_or(str::is_empty) {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    join(path, "source"),
                    "a sourced figure needs its source (or `estimate: true` with a method)",
                ));
            }
            if self.as_of.is_none() && self.checked.is_none() {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    join(path, "as_of"),
                    "a sourced figure needs the date of its source (`as_of`), or for an undated page the day it was read (`checked`)",
                ));
            }
        }
        Ok(())
    }

    /// True when this entry covers `field` (exactly, or as a parent such as `payout` for
    /// `payout.minimum`).
    pub fn covers(&self, field: &str) -> bool {
        self.fields.iter().any(|f| {
            f == field
                || field
                    .strip_prefix(f.as_str())
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        })
    }
}

/// Validates every entry of a source list.
pub fn validate_all(sources: &[Provenance], path: &str) -> Result<()> {
    sources
        .iter()
        .enumerate()
        .try_for_each(|(i, s)| s.validate(&index(path, i)))
}

/// Checks a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date.
pub fn validate_date(date: &str, path: &str) -> Result<()> {
    let parts: Vec<&str> = date.split('-').collect();
    let ok = match parts.as_slice() {
        [y] => year(y),
        [y, m] => year(y) && in_range(m, 1, 12),
        [y, m, d] => year(y) && in_range(m, 1, 12) && in_range(d, 1, 31),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("`{date}` is not a date like 2024, 2024-05 or 2024-05-30"),
        ))
    }
}

fn year(y: &str) -> bool {
    y.len() == 4 && in_range(y, 1990, 2100)
}

fn in_range(s: &str, lo: u32, hi: u32) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
        && !s.is_empty()
        && s.len() <= 4
        && s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sourced(fields: &[&str]) -> Provenance {
        Provenance {
            fields: fields.iter().map(|s| s.to_string()).collect(),
            source: Some("https://example.org".into()),
            as_of: Some("2024-05".into()),
            checked: None,
            confidence: Some(Confidence::M),
            estimate: false,
            method: None,
            note: None,
        }
    }

    #[test]
    fn a_figure_needs_a_dated_source_or_an_estimate_method() {
        assert!(sourced(&["tax"]).validate("s").is_ok());
        let mut no_date = sourced(&["tax"]);
        no_date.as_of = None;
        assert_eq!(no_date.validate("s[0]").unwrap_err().path, "s[0].as_of");
        let mut estimate = sourced(&["tax"]);
        estimate.source = None;
        estimate.estimate = true;
        assert_eq!(estimate.validate("s").unwrap_err().path, "s.method");
        estimate.method = Some("linear from the smallest pack".into());
        assert!(estimate.validate("s").is_ok());
    }

    #[test]
    fn coverage_by_parent_paths() {
        let p = sourced(&["payout", "bundles[0]"]);
        assert!(p.covers("payout.minimum"));
        assert!(p.covers("bundles[0]"));
        assert!(!p.covers("bundles[1]"));
        assert!(!p.covers("payouts"));
    }

    #[test]
    fn dates() {
        for ok in ["2024", "2024-05", "2024-05-30"] {
            assert!(validate_date(ok, "d").is_ok(), "{ok}");
        }
        for bad in [
            "24",
            "2024-13",
            "2024-05-32",
            "2024/05",
            "",
            "2024-5-x",
            "1800",
        ] {
            assert!(validate_date(bad, "d").is_err(), "{bad}");
        }
    }
}
