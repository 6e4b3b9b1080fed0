//! `plan`: a dated plan of purchases and gifts for one person, checked against a rule set,
//! event by event (the engine is [`crate::plan`]).

use crate::caps::{RuleSetInput, RuleSetRef};
use crate::error::{index, join, Result};
use crate::money::ExchangeRates;
use crate::plan::input::{too_many, EventInput, PersonInput, Terms, MAX_EVENTS};
use crate::plan::rules::{AppliedRuleSet, Rules};
use crate::plan::verdict::{EventVerdict, PersonOut, PlanSummary, StillSpendable};
use crate::plan::{Outcome, Run};
use crate::preset_or::PresetOr;
use crate::presets;
use crate::rate_card::{RateCard, RateCardInput, RateCardRef};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `plan` request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanRequest {
    /// A preset id (`"cn-games-2019"`), a full rule set object, or `"auto"`: every shipped
    /// rule set in force for the person's region (needed then) on each event's date, on the
    /// rate card's platform and channel.
    pub rule_set: PresetOr<RuleSetInput>,
    /// The person.
    pub person: PersonInput,
    /// A rate card to price coin purchases and gifts (preset id or object).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_card: Option<PresetOr<RateCardInput>>,
    /// Exchange rates, `{"USD/CNY": "7.10"}` (1 USD = 7.10 CNY), for amounts in another
    /// currency than the rule set's or the rate card's; either direction serves both ways.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exchange_rates: BTreeMap<String, String>,
    /// The moment for "what can still be spent" (default: the last event), written as an
    /// event's `at` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    /// The events, in any order (they are applied in time order).
    pub events: Vec<EventInput>,
    /// The events took place (an imported history): each counts toward the limits whatever
    /// its verdict — a verdict says whether the rules would have stopped it, and every later
    /// breach shows too — and a gift needs no coins bought within the plan.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub happened: bool,
}

/// The `plan` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlanResponse {
    /// The rule set used (`auto` for the registry's).
    pub rule_set: RuleSetRef,
    /// With `"auto"`: every rule set considered for the region, its place and status history,
    /// and the events it was applied to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rule_sets: Vec<AppliedRuleSet>,
    /// The rate card used, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_card: Option<RateCardRef>,
    /// The person.
    pub person: PersonOut,
    /// One verdict per event, in input order.
    pub verdicts: Vec<EventVerdict>,
    /// Totals.
    pub summary: PlanSummary,
    /// The most that can still be spent at the end of the plan (or at `now`).
    pub can_still_spend: StillSpendable,
}

impl PlanResponse {
    /// The answer for a plan's outcome under `rules`, priced on `card`.
    pub(crate) fn new(rules: &Rules, card: Option<&RateCard>, outcome: Outcome) -> Self {
        PlanResponse {
            rule_set: rules.reference(),
            rule_sets: rules.applied(&outcome.applied, &outcome.applies_now),
            rate_card: card.map(RateCard::reference),
            person: outcome.person,
            verdicts: outcome.verdicts,
            summary: outcome.summary,
            can_still_spend: outcome.can_still_spend,
        }
    }
}

/// Checks a `plan` request.
pub fn plan(req: &PlanRequest) -> Result<PlanResponse> {
    let card = req
        .rate_card
        .as_ref()
        .map(|c| presets::rate_card_of(c, "rate_card"))
        .transpose()?;
    let (rules, person) = Rules::choose(
        &req.rule_set,
        "rule_set",
        &req.person,
        "person",
        card.as_deref(),
    )?;
    let rates = ExchangeRates::parse(&req.exchange_rates, "exchange_rates")?;
    if req.events.len() > MAX_EVENTS {
        return Err(too_many("events", req.events.len()));
    }
    let terms = Terms {
        zone: &person.zone,
        card: card.as_deref(),
        rates: &rates,
        default_currency: card.as_ref().map_or(rules.currency(), |c| c.currency),
        optimizer: Default::default(),
    };
    let mut events = Vec::with_capacity(req.events.len());
    for (i, e) in req.events.iter().enumerate() {
        events.extend(e.resolve(i, &terms)?);
        if events.len() > MAX_EVENTS {
            return Err(too_many(&index("events", i), events.len()));
        }
    }
    let now = req
        .now
        .as_deref()
        .map(|n| person.zone.parse_time(n, "now"))
        .transpose()?;
    for e in &events {
        rules.check_date(
            person.zone.date_of(e.at),
            &join(&index("events", e.index), "at"),
        )?;
    }
    if let Some(n) = now {
        rules.check_date(person.zone.date_of(n), "now")?;
    }
    let run = Run {
        rules: &rules,
        card: card.as_deref(),
        rates: &rates,
        optimizer: &terms.optimizer,
        now,
        show_windows: true,
        happened: req.happened,
    };
    let outcome = run.events(person, &events)?;
    Ok(PlanResponse::new(&rules, card.as_deref(), outcome))
}
