//! `presets`: the rate cards and gift catalogues giftsim ships, each figure with its source.

use crate::caps::RuleSetInput;
use crate::gifts::GiftCatalogue;
use crate::money::RoundingPoint;
use crate::presets as shipped;
use crate::rate_card::RateCardInput;
use schemars::JsonSchema;
use serde::Serialize;

/// A rounding rule, for readers of the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RoundingRule {
    /// Where it applies.
    pub point: &'static str,
    /// The rule.
    pub rule: &'static str,
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
    /// The rounding rules every answer follows.
    pub rounding: Vec<RoundingRule>,
}

/// Lists the shipped presets.
pub fn presets() -> PresetsResponse {
    let points = [
        ("tax", RoundingPoint::Tax),
        ("fee", RoundingPoint::Fee),
        ("coin_cost", RoundingPoint::CoinCost),
        ("agency", RoundingPoint::Agency),
        ("creator_cash", RoundingPoint::CreatorCash),
        ("payout", RoundingPoint::Payout),
        ("exchange", RoundingPoint::Exchange),
    ];
    PresetsResponse {
        rate_cards: shipped::all_rate_cards().map(|c| c.to_input()).collect(),
        gift_catalogues: shipped::gift_catalogue_ids()
            .filter_map(shipped::gift_catalogue)
            .collect(),
        rule_sets: shipped::all_rule_sets().map(|r| r.to_input()).collect(),
        rounding: points
            .into_iter()
            .map(|(point, p)| RoundingRule {
                point,
                rule: p.describe(),
            })
            .collect(),
    }
}
