//! A scenario as JSON writes it: the channels and their rate cards, the rules, the population
//! (ages, spender segments, budgets, gifting habits), the creators and the calendar.

use crate::caps::RuleSetInput;
use crate::preset_or::PresetOr;
use crate::rate_card::RateCardInput;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A channel and the share of viewers who buy there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChannelInput {
    /// A preset id or a rate card object.
    pub rate_card: PresetOr<RateCardInput>,
    /// Share of viewers, a decimal string; the shares add up to 1.
    pub share: String,
    /// This channel's prices are multiplied by this too (default 1).
    #[serde(default = "one_text")]
    pub price_multiplier: String,
}

/// An age group of the population: `min_age ≤ age < max_age`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeGroupInput {
    /// Lower-kebab-case id used in the results (default `13-to-15` from the ages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Youngest age.
    pub min_age: u32,
    /// First age past the group.
    pub max_age: u32,
    /// Share of viewers; the shares add up to 1.
    pub share: String,
}

/// How a segment's monthly budget is distributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BudgetDistribution {
    /// Everyone has `amount`.
    Fixed,
    /// Uniform between `min` and `max`.
    Uniform,
    /// Log-normal with `median` and `sigma` (of the logarithm), capped at `max` if given.
    Lognormal,
    /// Pareto from `min` with tail index `alpha`, capped at `max` if given.
    Pareto,
}

impl BudgetDistribution {
    /// The name as written in JSON.
    pub fn name(self) -> &'static str {
        match self {
            BudgetDistribution::Fixed => "fixed",
            BudgetDistribution::Uniform => "uniform",
            BudgetDistribution::Lognormal => "lognormal",
            BudgetDistribution::Pareto => "pareto",
        }
    }
}

/// A monthly budget, in money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetInput {
    /// Shape of the distribution.
    pub distribution: BudgetDistribution,
    /// `fixed`: the amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// `lognormal`: the median.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median: Option<String>,
    /// `lognormal`: the standard deviation of the logarithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sigma: Option<String>,
    /// `uniform` and `pareto`: the smallest budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// `uniform`: the largest; `lognormal` and `pareto`: a cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// `pareto`: the tail index (above 1 for a finite mean).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpha: Option<String>,
}

/// A gift a segment sends, and how often relative to its other gifts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GiftChoiceInput {
    /// A gift id from the cards' catalogues.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift: Option<String>,
    /// Or a plain number of coins (a cheer of Bits, a Super Chat in cents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coins: Option<u64>,
    /// Relative weight.
    pub weight: u32,
}

/// A lognormal distribution of an amount of money per viewer: half the viewers are above
/// `median`, and `sigma` is the standard deviation of its logarithm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpreadInput {
    /// The median, a decimal amount in the scenario's currency (may be finer than a cent:
    /// `"0.0125"` per coin).
    pub median: String,
    /// Standard deviation of the logarithm (default 0.5; 0 gives everyone the median).
    #[serde(default = "half")]
    pub sigma: String,
}

/// A group of viewers who behave alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SegmentInput {
    /// Lower-kebab-case id (`whales`).
    pub id: String,
    /// Share of viewers; the shares add up to 1.
    pub share: String,
    /// Money a month, refreshed on the first of each calendar month; absent for viewers who
    /// never spend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetInput>,
    /// Days a week with gifting, on average (default 2).
    #[serde(default = "two")]
    pub active_days_per_week: String,
    /// Gifts sent on an active day, on average (default 3).
    #[serde(default = "three")]
    pub gifts_per_active_day: String,
    /// Money a top-up aims at (default: the card's cheapest purchase); the most coins that fit
    /// are bought.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_up: Option<String>,
    /// The gifts this segment sends.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gifts: Vec<GiftChoiceInput>,
    /// What a coin is worth to a viewer (a reservation price): at each top-up the viewer buys
    /// the offer with the largest surplus (value of its coins − what it costs), and nothing if
    /// every offer costs more than its coins are worth. Absent: coins are worth any price and
    /// the budget scales with the price multiplier and `elasticity` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_per_coin: Option<SpreadInput>,
    /// What it takes for a viewer to move to a cheaper channel of the same platform: a viewer
    /// switches when what one top-up saves there is more than this. Absent: nobody switches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switching_cost: Option<SpreadInput>,
    /// Share of each age group (by id) in this segment, instead of `share` (which then
    /// applies to the groups not listed); in each age group the shares add up to 1.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub share_by_age: BTreeMap<String, String>,
    /// The budget of an age group (by id), instead of `budget`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub budget_by_age: BTreeMap<String, BudgetInput>,
    /// Retention curve: the share of the segment's viewers still there a month later, for
    /// their first month, second month, … (the last applies to every month after). A viewer
    /// who leaves is replaced by a new one (drawn afresh: age group, segment, budget), so the
    /// population keeps its size. Absent: viewers stay.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monthly_retention: Vec<String>,
}

/// Viewers who state an older age than theirs: the rules see the stated age, the budget and
/// the segment follow the real one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeMisreportInput {
    /// Share of viewers younger than `stated_age` who state it.
    pub share: String,
    /// The age they state (18, say).
    pub stated_age: u32,
}

/// How many creators receive gifts, and how unequal their popularity is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatorsInput {
    /// Number of creators.
    pub count: u64,
    /// Zipf exponent of popularity: creator `k` is chosen with weight `1 / k^s` (default 1).
    #[serde(default = "one_text")]
    pub zipf_exponent: String,
}

fn two() -> String {
    "2".into()
}
fn three() -> String {
    "3".into()
}
fn one_text() -> String {
    "1".into()
}
fn zero_text() -> String {
    "0".into()
}
fn half() -> String {
    "0.5".into()
}
fn none_rules() -> PresetOr<RuleSetInput> {
    PresetOr::Preset("none".into())
}
fn default_start() -> String {
    "2026-01-01".into()
}
fn one_run() -> u32 {
    1
}
fn default_creators() -> CreatorsInput {
    CreatorsInput {
        count: 1000,
        zipf_exponent: one_text(),
    }
}
fn default_ages() -> Vec<AgeGroupInput> {
    vec![AgeGroupInput {
        id: Some("adults".into()),
        min_age: 18,
        max_age: 65,
        share: "1".into(),
    }]
}

/// A scenario as JSON can write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioInput {
    /// One rate card for every viewer (or give `channels`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_card: Option<PresetOr<RateCardInput>>,
    /// Channels and the share of viewers on each (same currency).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<ChannelInput>,
    /// Spending rules enforced per viewer (default `none`).
    #[serde(default = "none_rules")]
    pub rule_set: PresetOr<RuleSetInput>,
    /// Exchange rates when the rules count another currency (`{"USD/CNY": "7.10"}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exchange_rates: BTreeMap<String, String>,
    /// Viewers' region, for regional age rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Number of viewers.
    pub viewers: u64,
    /// How many viewers the simulated ones stand for (at most 2,000,000,000): totals are
    /// scaled up to them, creators with them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub represents: Option<u64>,
    /// Age groups (default: everyone 18 to 64).
    #[serde(default = "default_ages")]
    pub ages: Vec<AgeGroupInput>,
    /// Spender segments.
    pub segments: Vec<SegmentInput>,
    /// Price elasticity of coin demand: coins bought scale with `price_multiplier^elasticity`
    /// (0: the same coins whatever the price; −1: the same money).
    #[serde(default = "zero_text")]
    pub elasticity: String,
    /// Every price on every card is multiplied by this (default 1).
    #[serde(default = "one_text")]
    pub price_multiplier: String,
    /// Creators receiving the gifts.
    #[serde(default = "default_creators")]
    pub creators: CreatorsInput,
    /// Chance a guardian approves a purchase that needs approval (default 0.5).
    #[serde(default = "half")]
    pub guardian_approval_rate: String,
    /// Days simulated.
    pub days: u32,
    /// First day (`YYYY-MM-DD`), for calendar windows (default 2026-01-01).
    #[serde(default = "default_start")]
    pub start: String,
    /// Monte Carlo runs (default 1).
    #[serde(default = "one_run")]
    pub runs: u32,
    /// Seed: the same scenario and seed give the same answer, byte for byte.
    #[serde(default)]
    pub seed: u64,
    /// Days simulated before `start` and left out of the results, so that the population is
    /// in its steady state (coins held, budgets part spent) when counting begins (default 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub warm_up_days: u32,
    /// Viewers who state an older age than theirs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_misreport: Option<AgeMisreportInput>,
    /// Parameters not known exactly, each drawn once per run from its distribution, so the
    /// bands over runs carry that uncertainty too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertain: Vec<UncertainInput>,
}

/// A parameter drawn once per run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UncertainInput {
    /// Any sweep parameter (`elasticity`, `price_multiplier:CARD`, `creator_share`, …) or a
    /// calibration's (`segment:ID/share`, `segment:ID/budget.median`, `creators.zipf_exponent`).
    pub parameter: String,
    /// `normal` (with `mean` and `sd`) or `uniform` (with `min` and `max`).
    pub distribution: Distribution,
    /// Normal: the mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<String>,
    /// Normal: the standard deviation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sd: Option<String>,
    /// Uniform: the lowest value; normal: where draws are cut off (default mean − 4 sd).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// Uniform: the highest value; normal: where draws are cut off (default mean + 4 sd).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
}

/// The distribution of an uncertain parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Distribution {
    /// Normal, cut off at `min` and `max`.
    Normal,
    /// Uniform between `min` and `max`.
    Uniform,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}
