//! Which rules a plan is checked against: one rule set for every event, or with
//! `"rule_set": "auto"` every shipped rule set that holds for the person's region on each
//! event's date (from the registry in [`crate::caps::registry`]).

use super::input::PersonInput;
use crate::caps::check::Person;
use crate::caps::registry::{self, Status, StatusInput};
use crate::caps::{RuleSet, RuleSetInput, RuleSetRef};
use crate::error::{join, Error, ErrorCode, Result};
use crate::money::Currency;
use crate::preset_or::PresetOr;
use crate::presets;
use crate::rate_card::RateCard;
use crate::time_zone::{Date, Zone};
use schemars::JsonSchema;
use serde::Serialize;
use std::borrow::Cow;

/// The id that asks for the registry's rules.
pub const AUTO: &str = "auto";

/// The rules of a plan.
// Made once per plan: the size of a rule set held inline costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Rules {
    /// One rule set, applied to every event whatever its date.
    One(Cow<'static, RuleSet>),
    /// The registry's rule sets for a region, each applied on the dates its status applies.
    ByDate {
        /// The person's region.
        region: String,
        /// The candidates, each with the person as its checker sees them (in its zone when
        /// the person gives none).
        sets: Vec<(&'static RuleSet, Person)>,
        /// Currency the plan's amounts are counted in (the card's, else the first set's).
        currency: Currency,
    },
}

/// A rule set `"auto"` considered, with its place and status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AppliedRuleSet {
    /// The set.
    pub rule_set: RuleSetRef,
    /// Where it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The law, guideline or policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    /// Its dated status history.
    pub status: Vec<StatusInput>,
    /// Events it was applied to (those on dates its status applies).
    pub events: usize,
    /// Whether it applies at the moment "what can still be spent" is asked about (the last
    /// event, or `now`).
    pub applies_now: bool,
}

impl Rules {
    /// Resolves `choice` (a preset id, `"auto"`, or a rule set object at `path`) and the person
    /// (at `person_path`) for purchases on `card`.
    #[inline(never)]
    pub fn choose(
        choice: &PresetOr<RuleSetInput>,
        path: &str,
        person: &PersonInput,
        person_path: &str,
        card: Option<&RateCard>,
    ) -> Result<(Rules, Person)> {
        if !matches!(choice, PresetOr::Preset(id) if id == AUTO) {
            let rules = presets::rule_set_of(choice, path)?;
            let resolved = person.resolve(&rules, person_path)?;
            return Ok((Rules::One(rules), resolved));
        }
        let region = person.region.clone().ok_or_else(|| {
            Error::new(
                ErrorCode::MissingField,
                join(person_path, "region"),
                "automatic rules need the person's region: a country like AU or JP, or a US state like US-TX",
            )
        })?;
        let candidates = registry::candidates(
            presets::all_rule_sets(),
            &region,
            card.map(|c| c.platform.as_str()),
            card.map(|c| c.channel),
        );
        let plan_zone = match (
            &person.time_zone,
            candidates.iter().find_map(|s| s.time_zone.as_ref()),
        ) {
            (Some(z), _) => Zone::parse(z, &join(person_path, "time_zone"))?,
            (None, Some(z)) => Zone::parse(z, path)?,
            (None, None) => Zone::utc(),
        };
        let resolved = person.resolve_in(plan_zone, person_path)?;
        let sets = candidates
            .into_iter()
            .map(|set| {
                let zone = match (&person.time_zone, &set.time_zone) {
                    (None, Some(_)) => set.zone()?,
                    _ => resolved.zone.clone(),
                };
                Ok((
                    set,
                    Person {
                        zone,
                        ..resolved.clone()
                    },
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        let currency = card
            .map(|c| c.currency)
            .or_else(|| sets.first().map(|(s, _)| s.currency))
            .unwrap_or(Currency::USD);
        Ok((
            Rules::ByDate {
                region,
                sets,
                currency,
            },
            resolved,
        ))
    }

    /// Currency the plan's amounts are counted in.
    pub fn currency(&self) -> Currency {
        match self {
            Rules::One(r) => r.currency,
            Rules::ByDate { currency, .. } => *currency,
        }
    }

    /// The rule sets with the person each is checked as.
    pub fn sets<'a>(&'a self, person: &Person) -> Vec<(&'a RuleSet, Person)> {
        match self {
            Rules::One(r) => vec![(r.as_ref(), person.clone())],
            Rules::ByDate { sets, .. } => sets.iter().map(|(s, p)| (*s, p.clone())).collect(),
        }
    }

    /// True when set `set` applies on `date` (one chosen set always does).
    pub fn applies(&self, set: &RuleSet, date: Date) -> bool {
        match self {
            Rules::One(_) => true,
            Rules::ByDate { .. } => set.scope.status_on(date).is_some_and(Status::applies),
        }
    }

    /// How the rules are named in an answer.
    pub fn reference(&self) -> RuleSetRef {
        match self {
            Rules::One(r) => r.reference(),
            Rules::ByDate {
                region, currency, ..
            } => RuleSetRef {
                id: AUTO.into(),
                name: format!("Every rule in force in {region} on each event's date"),
                version: 1,
                as_of: None,
                currency: *currency,
            },
        }
    }

    /// For `"auto"`: each candidate set and the events it was applied to.
    pub fn applied(&self, counts: &[usize], now: &[bool]) -> Vec<AppliedRuleSet> {
        match self {
            Rules::One(_) => Vec::new(),
            Rules::ByDate { sets, .. } => sets
                .iter()
                .zip(counts.iter().zip(now))
                .map(|((s, _), (n, applies_now))| {
                    let input = s.to_input();
                    AppliedRuleSet {
                        rule_set: s.reference(),
                        jurisdiction: input.jurisdiction,
                        instrument: input.instrument,
                        status: input.status,
                        events: *n,
                        applies_now: *applies_now,
                    }
                })
                .collect(),
        }
    }

    /// With `"auto"`, an error when `date` is before any status of the region's candidates
    /// (the registry knows nothing then, which is not the same as "no rules"); `path` names
    /// the date.
    pub fn check_date(&self, date: Date, path: &str) -> Result<()> {
        let Rules::ByDate { region, sets, .. } = self else {
            return Ok(());
        };
        let refs: Vec<&RuleSet> = sets.iter().map(|(s, _)| *s).collect();
        registry::check_known(&refs, region, date, path)
    }
}
