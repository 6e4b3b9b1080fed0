//! `presets`: the rate cards and gift catalogues giftsim ships, each figure with its source.

use crate::caps::RuleSetInput;
use crate::gifts::GiftCatalogue;
use crate::money::RoundingPoint;
use crate::presets as shipped;
use crate::rate_card::RateCardInput;
use crate::time_zone;
use schemars::JsonSchema;
use serde::Serialize;

/// A rounding point, for readers of the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RoundingRule {
    /// The point's name (`tax`, `creator_cash`, …).
    pub point: &'static str,
    /// What is rounded there.
    pub applies_to: &'static str,
    /// To what: the currency's minor unit, whole Diamonds, 2 or 6 decimals.
    pub to: &'static str,
    /// How: `half away from zero`, `toward zero` or `up`.
    pub mode: &'static str,
}

/// The `presets` answer.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PresetsResponse {
    /// Every shipped rate card, in the same form a request may send back (edited or not).
    pub rate_cards: Vec<RateCardInput>,
    /// Every shipped gift catalogue with its sources.
    pub gift_catalogues: Vec<GiftCatalogue>,
    /// Every shipped rule set, in the form `plan` and `quote` accept back.
    pub rule_sets: Vec<RuleSetInput>,
    /// Every rounding point and its rule (the same list `docs/model.md` prints).
    pub rounding: Vec<RoundingRule>,
    /// The time zones a person's zone may name.
    pub time_zones: TimeZones,
}

/// The time zones of the pinned IANA database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TimeZones {
    /// The database's version (`2026f`).
    pub database: &'static str,
    /// Every zone name, links included, sorted without regard to case; none in a build without
    /// the database (the calculator page's, whose list is `tz/zones.json` beside its zone files).
    pub zones: Vec<&'static str>,
}

/// Lists the shipped presets.
pub fn presets() -> PresetsResponse {
    PresetsResponse {
        rate_cards: shipped::all_rate_cards().map(|c| c.to_input()).collect(),
        gift_catalogues: shipped::gift_catalogue_ids()
            .filter_map(shipped::gift_catalogue)
            .collect(),
        rule_sets: shipped::all_rule_sets().map(|r| r.to_input()).collect(),
        rounding: RoundingPoint::ALL
            .into_iter()
            .map(|p| RoundingRule {
                point: p.name(),
                applies_to: p.describe(),
                to: p.unit(),
                mode: p.strategy_words(),
            })
            .collect(),
        time_zones: TimeZones {
            database: time_zone::database::version(),
            zones: time_zone::database::names().collect(),
        },
    }
}
