//! Spending rules for younger (and older) users: minimum ages to buy, gift and receive, caps per
//! transaction and per window (hard: block; soft: warn), warning thresholds, a cooldown between
//! purchases and guardian approval, per age bracket.
//!
//! [`RuleSetInput`] is what JSON can say; [`RuleSet`] is reachable only through
//! [`RuleSet::from_input`]. [`check::Checker`] applies a rule set to one person's events.

pub mod check;
pub mod registry;
pub mod window;

use crate::error::{index, join, Error, ErrorCode, Result};
use crate::id;
use crate::money::{parse_decimal, Currency, Fraction, Money, RoundingPoint};
use crate::rate_card::Channel;
use crate::sources::{self, Provenance};
use crate::time_zone::Zone;
pub use registry::{validate_region, Scope, Status, StatusInput};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
pub use window::WindowKind;

/// Oldest age accepted.
pub const MAX_AGE: u32 = 130;
/// Most brackets, caps per bracket, regions and thresholds in a rule set.
pub const MAX_RULES: usize = 32;

/// What a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Buying coins (a top-up).
    Buy,
    /// Sending gifts or tips.
    Gift,
}

impl Action {
    /// The verb, for messages.
    pub fn verb(self) -> &'static str {
        match self {
            Action::Buy => "buying",
            Action::Gift => "gifting",
        }
    }
}

/// Whether breaking a rule blocks the event or only warns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Enforcement {
    /// The event does not happen.
    #[default]
    Hard,
    /// The event happens with a warning.
    Soft,
}

/// Minimum ages as written; an absent age means no minimum (or, in a region, no override).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinAgeInput {
    /// Minimum age to buy coins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buy: Option<u32>,
    /// Minimum age to send gifts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift: Option<u32>,
    /// Minimum age to receive gifts (go LIVE as a creator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receive: Option<u32>,
}

/// A regional exception as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionInput {
    /// ISO 3166-1 alpha-2 code (`KR`).
    pub region: String,
    /// Minimum ages that replace the rule set's in this region.
    pub min_age: MinAgeInput,
}

/// A cap as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CapInput {
    /// Lower-kebab-case id, named in verdicts.
    pub id: String,
    /// What it limits.
    pub action: Action,
    /// Per transaction, or per calendar or rolling window.
    pub window: WindowKind,
    /// Most money allowed, in the rule set's currency.
    pub limit: String,
    /// Block (`hard`, default) or warn (`soft`).
    #[serde(default)]
    pub enforcement: Enforcement,
}

/// An age bracket as written: `min_age ≤ age < max_age`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BracketInput {
    /// Lower-kebab-case id (`8-to-15`).
    pub id: String,
    /// Youngest age in the bracket.
    #[serde(default)]
    pub min_age: u32,
    /// First age past the bracket; absent for no upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u32>,
    /// Caps for people in the bracket.
    #[serde(default)]
    pub caps: Vec<CapInput>,
    /// Minutes required between two purchases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooldown_minutes: Option<u32>,
    /// Whether the cooldown blocks or warns.
    #[serde(default)]
    pub cooldown_enforcement: Enforcement,
    /// Every purchase needs a guardian's approval (like Apple's Ask to Buy).
    #[serde(default)]
    pub guardian_approval: bool,
}

/// A rule set as JSON can write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSetInput {
    /// Lower-kebab-case id (`cn-games-2019`).
    pub id: String,
    /// Human name.
    pub name: String,
    /// Revision.
    #[serde(default = "one")]
    pub version: u32,
    /// Date the rules hold from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Where the rules hold: an ISO 3166-1 country (`AU`) or ISO 3166-2 subdivision
    /// (`US-TX`); absent for everywhere (a platform's own policy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The law, guideline or policy the rules come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    /// Dated status history, oldest first: each status holds from its day to the next one's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<StatusInput>,
    /// Platforms the rules cover (`tiktok`, as rate cards name them); absent for all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<String>,
    /// Purchase channels the rules cover (`ios`, `android`); absent for all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// Limits a person or family chooses (a budget, a family's caps): `"auto"` never applies
    /// them on its own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub opt_in: bool,
    /// Currency of every cap.
    pub currency: String,
    /// Time zone for calendar windows when the person gives none (default UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Minimum ages.
    #[serde(default)]
    pub min_age: MinAgeInput,
    /// Regional exceptions to the minimum ages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<RegionInput>,
    /// Caps by age bracket.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub brackets: Vec<BracketInput>,
    /// Fractions of a cap at which a warning is given, once per window (default 0.5, 0.8, 1).
    #[serde(default = "default_thresholds")]
    pub warning_thresholds: Vec<String>,
    /// Where each rule comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
    /// Anything a reader should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

fn one() -> u32 {
    1
}

fn default_thresholds() -> Vec<String> {
    vec!["0.5".into(), "0.8".into(), "1".into()]
}

/// Minimum ages, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
pub struct MinAge {
    /// To buy.
    pub buy: u32,
    /// To gift.
    pub gift: u32,
    /// To receive.
    pub receive: u32,
}

impl MinAge {
    /// The minimum for `action`.
    pub fn for_action(&self, action: Action) -> u32 {
        match action {
            Action::Buy => self.buy,
            Action::Gift => self.gift,
        }
    }
}

/// A validated cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cap {
    /// Id.
    pub id: String,
    /// What it limits.
    pub action: Action,
    /// Its window.
    pub window: WindowKind,
    /// The limit.
    pub limit: Money,
    /// Hard or soft.
    pub enforcement: Enforcement,
}

impl Cap {
    /// The window totals at which each warning threshold is reached: `threshold × limit`,
    /// rounded up at [`RoundingPoint::Threshold`]. The one place this boundary is computed:
    /// the plan's checker and the simulation's both ask here.
    pub fn warning_totals(&self, thresholds: &[Decimal]) -> Result<Vec<i128>> {
        thresholds
            .iter()
            .map(|t| Fraction::from_decimal(*t).apply(self.limit.minor(), RoundingPoint::Threshold))
            .collect()
    }
}

/// A validated bracket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bracket {
    /// Id.
    pub id: String,
    /// Youngest age.
    pub min_age: u32,
    /// First age past it.
    pub max_age: Option<u32>,
    /// Caps.
    pub caps: Vec<Cap>,
    /// Minutes between purchases, and how it is enforced.
    pub cooldown: Option<(u32, Enforcement)>,
    /// Purchases need a guardian's approval.
    pub guardian_approval: bool,
}

impl Bracket {
    /// True when `age` falls in the bracket.
    pub fn contains(&self, age: u32) -> bool {
        age >= self.min_age && self.max_age.is_none_or(|m| age < m)
    }

    /// "ages 8 to 15", "ages 18 and over".
    pub fn describe(&self) -> String {
        match (self.min_age, self.max_age) {
            (_, Some(m)) => format!("ages {} to {}", self.min_age, m.saturating_sub(1)),
            (0, None) => "every age".to_string(),
            (_, None) => format!("ages {} and over", self.min_age),
        }
    }
}

/// A validated rule set.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RuleSet {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Revision.
    pub version: u32,
    /// As-of date.
    pub as_of: Option<String>,
    /// Currency of the caps.
    pub currency: Currency,
    /// Default zone for calendar windows, as a checked name: its rules are read when a
    /// person is checked (so a build that loads zones on demand can load it then).
    pub time_zone: Option<String>,
    /// Minimum ages.
    pub min_age: MinAge,
    /// Regional overrides: region code and the ages it replaces.
    pub regions: Vec<(String, MinAgeInput)>,
    /// Brackets, non-overlapping.
    pub brackets: Vec<Bracket>,
    /// Warning thresholds, increasing, in (0, 1].
    pub thresholds: Vec<Decimal>,
    /// Sources.
    pub sources: Vec<Provenance>,
    /// Notes.
    pub notes: Option<String>,
    /// Where and when the rules hold.
    pub scope: Scope,
    input: RuleSetInput,
}

/// The rule set a result was computed with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RuleSetRef {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Revision.
    pub version: u32,
    /// As-of date.
    pub as_of: Option<String>,
    /// Currency of its caps.
    pub currency: Currency,
}

/// An age, when given, is at most [`MAX_AGE`].
pub(crate) fn check_age(age: Option<u32>, path: &str) -> Result<()> {
    match age {
        Some(a) if a > MAX_AGE => Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("an age is at most {MAX_AGE}, not {a}"),
        )
        .with_range(0, MAX_AGE, a)),
        _ => Ok(()),
    }
}

fn check_min_ages(m: &MinAgeInput, path: &str) -> Result<()> {
    check_age(m.buy, &join(path, "buy"))?;
    check_age(m.gift, &join(path, "gift"))?;
    check_age(m.receive, &join(path, "receive"))
}

fn too_many(path: &str, what: &str) -> Error {
    Error::new(
        ErrorCode::TooLarge,
        path,
        format!("a rule set holds at most {MAX_RULES} {what}"),
    )
    .with("max", MAX_RULES)
}

impl RuleSet {
    /// Validates a rule set as written, reporting the first problem by its JSON path.
    pub fn from_input(input: &RuleSetInput) -> Result<RuleSet> {
        id::validate(&input.id, "id")?;
        if input.name.trim().is_empty() || input.name.chars().count() > 120 {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "name",
                "a rule set name must have 1 to 120 characters",
            ));
        }
        if let Some(d) = &input.as_of {
            sources::validate_date(d, "as_of")?;
        }
        let currency = Currency::parse(&input.currency, "currency")?;
        let time_zone = input
            .time_zone
            .as_deref()
            .map(|z| Zone::check(z, "time_zone"))
            .transpose()?;
        check_min_ages(&input.min_age, "min_age")?;
        if input.regions.len() > MAX_RULES {
            return Err(too_many("regions", "regions"));
        }
        let mut regions: Vec<(String, MinAgeInput)> = Vec::new();
        for (i, r) in input.regions.iter().enumerate() {
            let at = index("regions", i);
            validate_region(&r.region, &join(&at, "region"))?;
            if regions.iter().any(|(code, _)| *code == r.region) {
                return Err(Error::new(
                    ErrorCode::Duplicate,
                    join(&at, "region"),
                    format!("region {} is listed twice", r.region),
                )
                .with("region", r.region.as_str()));
            }
            check_min_ages(&r.min_age, &join(&at, "min_age"))?;
            regions.push((r.region.clone(), r.min_age.clone()));
        }
        if input.brackets.len() > MAX_RULES {
            return Err(too_many("brackets", "brackets"));
        }
        let mut brackets: Vec<Bracket> = Vec::new();
        for (i, b) in input.brackets.iter().enumerate() {
            let bracket = Self::bracket(b, currency, &index("brackets", i))?;
            if let Some(other) = brackets.iter().find(|o| overlaps(o, &bracket)) {
                return Err(Error::new(
                    ErrorCode::ConflictingFields,
                    index("brackets", i),
                    format!(
                        "bracket `{}` ({}) overlaps bracket `{}` ({})",
                        bracket.id,
                        bracket.describe(),
                        other.id,
                        other.describe()
                    ),
                ));
            }
            brackets.push(bracket);
        }
        let thresholds = Self::thresholds(&input.warning_thresholds)?;
        sources::validate_all(&input.sources, "sources")?;
        let scope = Scope::from_input(input)?;
        Ok(RuleSet {
            id: input.id.clone(),
            name: input.name.clone(),
            version: input.version,
            as_of: input.as_of.clone(),
            currency,
            time_zone,
            min_age: MinAge {
                buy: input.min_age.buy.unwrap_or(0),
                gift: input.min_age.gift.unwrap_or(0),
                receive: input.min_age.receive.unwrap_or(0),
            },
            regions,
            brackets,
            thresholds,
            sources: input.sources.clone(),
            notes: input.notes.clone(),
            scope,
            input: input.clone(),
        })
    }

    fn bracket(b: &BracketInput, currency: Currency, at: &str) -> Result<Bracket> {
        id::validate(&b.id, &join(at, "id"))?;
        check_age(Some(b.min_age), &join(at, "min_age"))?;
        check_age(b.max_age, &join(at, "max_age"))?;
        if b.max_age.is_some_and(|m| m <= b.min_age) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                join(at, "max_age"),
                "max_age must be above min_age (it is the first age past the bracket)",
            ));
        }
        if b.caps.len() > MAX_RULES {
            return Err(too_many(&join(at, "caps"), "caps per bracket"));
        }
        let mut caps: Vec<Cap> = Vec::new();
        for (j, c) in b.caps.iter().enumerate() {
            let cat = index(&join(at, "caps"), j);
            id::validate(&c.id, &join(&cat, "id"))?;
            if caps.iter().any(|o| o.id == c.id) {
                return Err(Error::new(
                    ErrorCode::Duplicate,
                    join(&cat, "id"),
                    format!("cap id `{}` appears twice in this bracket", c.id),
                )
                .with("id", c.id.as_str()));
            }
            let limit_path = join(&cat, "limit");
            let limit = Money::parse(&c.limit, currency, &limit_path)?;
            if !limit.is_positive() {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    limit_path,
                    "a cap must be above zero (to forbid an action, raise its minimum age instead)",
                )
                .with("min_exclusive", "0"));
            }
            caps.push(Cap {
                id: c.id.clone(),
                action: c.action,
                window: c.window,
                limit,
                enforcement: c.enforcement,
            });
        }
        if b.cooldown_minutes
            .is_some_and(|m| m == 0 || m > 60 * 24 * 31)
        {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                join(at, "cooldown_minutes"),
                "a cooldown is 1 minute to 31 days (44,640 minutes)",
            )
            .with("min", 1)
            .with("max", 60 * 24 * 31));
        }
        Ok(Bracket {
            id: b.id.clone(),
            min_age: b.min_age,
            max_age: b.max_age,
            caps,
            cooldown: b.cooldown_minutes.map(|m| (m, b.cooldown_enforcement)),
            guardian_approval: b.guardian_approval,
        })
    }

    fn thresholds(texts: &[String]) -> Result<Vec<Decimal>> {
        if texts.len() > MAX_RULES {
            return Err(too_many("warning_thresholds", "thresholds"));
        }
        let mut out: Vec<Decimal> = Vec::with_capacity(texts.len());
        for (i, t) in texts.iter().enumerate() {
            let at = index("warning_thresholds", i);
            let v = parse_decimal(t, &at)?;
            if v <= Decimal::ZERO || v > Decimal::ONE {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    at,
                    format!("a warning threshold is a fraction of the cap above 0 and at most 1, not {v}"),
                )
                .with("min_exclusive", "0")
                .with("max", "1")
                .with("given", v.to_string()));
            }
            if out.last().is_some_and(|last| *last >= v) {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    at,
                    "warning thresholds must increase (e.g. 0.5, 0.8, 1)",
                ));
            }
            out.push(v);
        }
        Ok(out)
    }

    /// The minimum ages for a person in `region`: its own exception, else (for a subdivision
    /// such as `US-TX`) its country's.
    pub fn min_age_in(&self, region: Option<&str>) -> MinAge {
        let mut ages = self.min_age;
        let exact = region.and_then(|r| self.regions.iter().find(|(code, _)| code == r));
        let country = region.and_then(|r| r.split_once('-')).map(|(c, _)| c);
        let in_country = country.and_then(|c| self.regions.iter().find(|(code, _)| code == c));
        if let Some((_, o)) = exact.or(in_country) {
            ages.buy = o.buy.unwrap_or(ages.buy);
            ages.gift = o.gift.unwrap_or(ages.gift);
            ages.receive = o.receive.unwrap_or(ages.receive);
        }
        ages
    }

    /// The bracket for `age`, if any.
    pub fn bracket_for(&self, age: u32) -> Option<&Bracket> {
        self.brackets.iter().find(|b| b.contains(age))
    }

    /// The zone a person without their own is checked in: the set's, else UTC.
    pub fn zone(&self) -> Result<Zone> {
        match &self.time_zone {
            Some(z) => Zone::parse(z, "rule_set.time_zone"),
            None => Ok(Zone::utc()),
        }
    }

    /// The set in its input form (for `presets`, and to edit and send back).
    pub fn to_input(&self) -> RuleSetInput {
        self.input.clone()
    }

    /// Id, version and as-of date, for naming the set in results.
    pub fn reference(&self) -> RuleSetRef {
        RuleSetRef {
            id: self.id.clone(),
            name: self.name.clone(),
            version: self.version,
            as_of: self.as_of.clone(),
            currency: self.currency,
        }
    }

    /// Paths of every rule, each of which a preset must source.
    pub fn rule_paths(&self) -> Vec<String> {
        let mut paths = vec!["min_age".to_string()];
        paths.extend((0..self.regions.len()).map(|i| index("regions", i)));
        paths.extend((0..self.brackets.len()).map(|i| index("brackets", i)));
        paths
    }
}

fn overlaps(a: &Bracket, b: &Bracket) -> bool {
    let a_end = a.max_age.unwrap_or(u32::MAX);
    let b_end = b.max_age.unwrap_or(u32::MAX);
    a.min_age < b_end && b.min_age < a_end
}

impl crate::preset_or::PresetKind for RuleSetInput {
    const KIND: &'static str = "a rule set";
    const EXAMPLE: &'static str = "cn-games-2019";
    const GIVEN: &'static str = "a full rule set object";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> RuleSetInput {
        serde_json::from_value(serde_json::json!({
            "id": "test", "name": "Test", "currency": "CNY",
            "min_age": {"buy": 8},
            "regions": [{"region": "KR", "min_age": {"gift": 19}}],
            "brackets": [
                {"id": "young", "min_age": 8, "max_age": 16, "caps": [
                    {"id": "per-top-up", "action": "buy", "window": "transaction", "limit": "50.00"},
                    {"id": "monthly", "action": "buy", "window": "calendar_month", "limit": "200.00"}
                ]},
                {"id": "older", "min_age": 16, "max_age": 18}
            ]
        }))
        .unwrap()
    }

    #[test]
    fn valid_rule_set() {
        let rs = RuleSet::from_input(&input()).unwrap();
        assert_eq!(rs.bracket_for(15).unwrap().id, "young");
        assert_eq!(rs.bracket_for(16).unwrap().id, "older");
        assert!(rs.bracket_for(18).is_none());
        assert_eq!(rs.min_age_in(Some("KR")).gift, 19);
        assert_eq!(rs.min_age_in(Some("KR")).buy, 8);
        assert_eq!(rs.min_age_in(None).gift, 0);
        assert_eq!(rs.thresholds.len(), 3);
    }

    #[test]
    fn bad_rules_name_their_path() {
        type Edit = fn(&mut RuleSetInput);
        let cases: &[(Edit, ErrorCode, &str)] = &[
            (
                |r| r.currency = "XXX".into(),
                ErrorCode::UnknownCurrency,
                "currency",
            ),
            (
                |r| r.brackets[1].min_age = 15,
                ErrorCode::ConflictingFields,
                "brackets[1]",
            ),
            (
                |r| r.brackets[0].max_age = Some(8),
                ErrorCode::InvalidValue,
                "brackets[0].max_age",
            ),
            (
                |r| r.brackets[0].caps[0].limit = "0".into(),
                ErrorCode::OutOfRange,
                "brackets[0].caps[0].limit",
            ),
            (
                |r| r.brackets[0].caps[0].limit = "50.001".into(),
                ErrorCode::InvalidDecimal,
                "brackets[0].caps[0].limit",
            ),
            (
                |r| r.brackets[0].caps[1].id = "per-top-up".into(),
                ErrorCode::Duplicate,
                "brackets[0].caps[1].id",
            ),
            (
                |r| r.warning_thresholds = vec!["0.8".into(), "0.5".into()],
                ErrorCode::InvalidValue,
                "warning_thresholds[1]",
            ),
            (
                |r| r.warning_thresholds = vec!["1.5".into()],
                ErrorCode::OutOfRange,
                "warning_thresholds[0]",
            ),
            (
                |r| r.regions[0].region = "korea".into(),
                ErrorCode::InvalidValue,
                "regions[0].region",
            ),
            (
                |r| r.min_age.buy = Some(500),
                ErrorCode::OutOfRange,
                "min_age.buy",
            ),
            (
                |r| r.time_zone = Some("Mars/Base".into()),
                ErrorCode::InvalidValue,
                "time_zone",
            ),
            (
                |r| r.brackets[0].cooldown_minutes = Some(0),
                ErrorCode::OutOfRange,
                "brackets[0].cooldown_minutes",
            ),
        ];
        for (i, (edit, code, path)) in cases.iter().enumerate() {
            let mut r = input();
            edit(&mut r);
            let err = RuleSet::from_input(&r).unwrap_err();
            assert_eq!(
                (err.code, err.path.as_str()),
                (*code, *path),
                "case {i}: {err}"
            );
        }
    }
}
