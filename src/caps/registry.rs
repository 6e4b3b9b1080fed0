//! Where and when a rule set holds: its jurisdiction (an ISO 3166 country or subdivision), the
//! platforms and purchase channels it covers, and a dated status history, so that
//! `"rule_set": "auto"` can apply every rule in force for a person's region on each event's
//! date. Statuses change (a law is enjoined, its duties move a year): the history keeps each
//! one from its date.

use super::{RuleSet, RuleSetInput};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::rate_card::Channel;
use crate::sources;
use crate::time_zone::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a rule set is, legally, from a date on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A law or regulation whose duties apply.
    InForce,
    /// Enacted, but its duties start later.
    NotYetApplicable,
    /// Blocked by a court.
    Enjoined,
    /// Proposed, not enacted.
    Draft,
    /// Withdrawn or repealed.
    Withdrawn,
    /// A regulator's non-binding interpretation.
    Guidance,
    /// An industry's or a regulator's guideline that platforms follow by agreement.
    SelfRegulation,
    /// A platform's or store's own policy.
    PlatformPolicy,
}

impl Status {
    /// True when rules with this status are applied by `"auto"`: law in force, and the
    /// self-regulation and platform policies that platforms actually run.
    pub fn applies(self) -> bool {
        matches!(
            self,
            Status::InForce | Status::SelfRegulation | Status::PlatformPolicy
        )
    }

    /// The status in plain words.
    pub fn words(self) -> &'static str {
        match self {
            Status::InForce => "in force",
            Status::NotYetApplicable => "not yet applicable",
            Status::Enjoined => "enjoined by a court",
            Status::Draft => "a draft",
            Status::Withdrawn => "withdrawn",
            Status::Guidance => "guidance",
            Status::SelfRegulation => "self-regulation",
            Status::PlatformPolicy => "platform policy",
        }
    }
}

/// One step of a status history: `status` holds from `from` until the next step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusInput {
    /// The status.
    pub status: Status,
    /// The first day it holds: `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` for the first day of it).
    pub from: String,
    /// What happened (a signature, an injunction, a stay, a delay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A validated scope.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    /// Country or subdivision; `None` for everywhere.
    pub jurisdiction: Option<String>,
    /// Status steps, in date order.
    pub history: Vec<(Date, Status)>,
    /// Platforms covered; empty for all.
    pub platforms: Vec<String>,
    /// Channels covered; empty for all.
    pub channels: Vec<Channel>,
    /// Chosen, not imposed.
    pub opt_in: bool,
}

/// A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date as the first day it names.
pub fn first_day(text: &str, path: &str) -> Result<Date> {
    sources::validate_date(text, path)?;
    let padded = match text.len() {
        4 => format!("{text}-01-01"),
        7 => format!("{text}-01"),
        _ => text.to_string(),
    };
    Date::parse(&padded).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("`{text}` is not a day of the calendar"),
        )
    })
}

impl Scope {
    /// Validates the place and dates of a rule set as written.
    pub fn from_input(input: &RuleSetInput) -> Result<Scope> {
        if let Some(j) = &input.jurisdiction {
            validate_region(j, "jurisdiction")?;
        }
        if input.status.len() > super::MAX_RULES {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "status",
                format!("a status history holds at most {} steps", super::MAX_RULES),
            )
            .with("max", super::MAX_RULES));
        }
        let mut history: Vec<(Date, Status)> = Vec::new();
        for (i, s) in input.status.iter().enumerate() {
            let at = join(&index("status", i), "from");
            let from = first_day(&s.from, &at)?;
            if history.last().is_some_and(|(last, _)| *last >= from) {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    at,
                    "a status history runs oldest first, each step on a later day",
                ));
            }
            history.push((from, s.status));
        }
        for (i, p) in input.platforms.iter().enumerate() {
            crate::id::validate(p, &index("platforms", i))?;
        }
        Ok(Scope {
            jurisdiction: input.jurisdiction.clone(),
            history,
            platforms: input.platforms.clone(),
            channels: input.channels.clone(),
            opt_in: input.opt_in,
        })
    }

    /// The status on `date`, or `None` before the first step.
    pub fn status_on(&self, date: Date) -> Option<Status> {
        self.history
            .iter()
            .rev()
            .find(|(from, _)| *from <= date)
            .map(|(_, s)| *s)
    }

    /// True when the rules cover a person in `region` (`US-TX` is in `US`; a country's rules
    /// cover its subdivisions, a subdivision's only itself).
    pub fn covers_region(&self, region: &str) -> bool {
        match &self.jurisdiction {
            None => true,
            Some(j) => {
                region == j
                    || region
                        .strip_prefix(j.as_str())
                        .is_some_and(|r| r.starts_with('-'))
            }
        }
    }

    /// True when the rules cover purchases on `platform` through `channel` (either unknown:
    /// covered, as the rules might apply).
    pub fn covers_card(&self, platform: Option<&str>, channel: Option<Channel>) -> bool {
        let platform_ok = match platform {
            Some(p) => self.platforms.is_empty() || self.platforms.iter().any(|q| q == p),
            None => true,
        };
        let channel_ok = match channel {
            Some(c) => self.channels.is_empty() || self.channels.contains(&c),
            None => true,
        };
        platform_ok && channel_ok
    }
}

/// The rule sets `"auto"` considers for a person in `region` buying on `platform` through
/// `channel`: every one that is not opt-in, whose place covers the region and whose scope
/// covers the card, whatever its status (each event's date decides whether it applies).
pub fn candidates<'a>(
    sets: impl Iterator<Item = &'a RuleSet>,
    region: &str,
    platform: Option<&str>,
    channel: Option<Channel>,
) -> Vec<&'a RuleSet> {
    sets.filter(|s| {
        !s.scope.opt_in
            && !s.scope.history.is_empty()
            && s.scope.covers_region(region)
            && s.scope.covers_card(platform, channel)
    })
    .collect()
}

/// The first day any of `sets` has a status: before it the registry knows nothing.
pub fn earliest(sets: &[&RuleSet]) -> Option<Date> {
    sets.iter()
        .filter_map(|s| s.scope.history.first().map(|(d, _)| *d))
        .min()
}

/// An error when `date` is before the first status any of `sets` (the candidates for `region`)
/// records: the registry knows nothing then, which is not the same as "no rules". No
/// candidates at all is no error: nothing covers the region on any day.
pub fn check_known(sets: &[&RuleSet], region: &str, date: Date, path: &str) -> Result<()> {
    match earliest(sets) {
        Some(first) if date < first => Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("the rule registry records nothing for {region} before {first}; this date is earlier"),
        )
        .with("min", first.to_string())
        .with("given", date.to_string())),
        _ => Ok(()),
    }
}

/// ISO 3166-1 alpha-2 codes in use.
const COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// ISO 3166-2 codes of the US states, the District of Columbia and the outlying areas.
const US_SUBDIVISIONS: &str = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR UM VI";

/// Checks a region: an ISO 3166-1 alpha-2 country in use (`KR`), or a country and an ISO
/// 3166-2 subdivision (`US-TX`; a US one must be a state or area, others 1 to 3 letters or
/// digits).
pub fn validate_region(code: &str, path: &str) -> Result<()> {
    let shown: String = code.chars().take(20).collect();
    let (country, sub) = match code.split_once('-') {
        Some((c, s)) => (c, Some(s)),
        None => (code, None),
    };
    let format_ok = country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && sub.is_none_or(|s| {
            (1..=3).contains(&s.len())
                && s.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        });
    if !format_ok {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format!("`{shown}` is not a region code like KR, JP or US-TX"),
        ));
    }
    let known_country = COUNTRIES.split(' ').any(|c| c == country);
    let known_sub = match sub {
        Some(s) if country == "US" => US_SUBDIVISIONS.split(' ').any(|c| c == s),
        _ => true,
    };
    if known_country && known_sub {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::UnknownRegion,
            path,
            format!(
                "`{shown}` is not a country (ISO 3166-1) or US state code giftsim knows{}",
                if country == "UK" {
                    " (the United Kingdom is GB)"
                } else {
                    ""
                }
            ),
        )
        .with("region", shown.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(json: serde_json::Value) -> Result<Scope> {
        let mut set = serde_json::json!({"id": "t", "name": "T", "currency": "USD"});
        set.as_object_mut()
            .unwrap()
            .extend(json.as_object().unwrap().clone());
        Scope::from_input(&serde_json::from_value(set).unwrap())
    }

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn a_status_holds_from_its_day_until_the_next() {
        let s = scope(serde_json::json!({"jurisdiction": "US-TX", "status": [
            {"status": "enjoined", "from": "2025-12-23"},
            {"status": "in_force", "from": "2026-06-04"}
        ]}))
        .unwrap();
        assert_eq!(s.status_on(day("2025-12-22")), None);
        assert_eq!(s.status_on(day("2025-12-23")), Some(Status::Enjoined));
        assert_eq!(s.status_on(day("2026-06-03")), Some(Status::Enjoined));
        assert_eq!(s.status_on(day("2026-06-04")), Some(Status::InForce));
        assert!(s.covers_region("US-TX"));
        assert!(!s.covers_region("US-UT"));
        assert!(!s.covers_region("US"));
    }

    #[test]
    fn a_country_covers_its_subdivisions() {
        let s = scope(serde_json::json!({"jurisdiction": "US", "status": [{"status": "in_force", "from": "2020"}]})).unwrap();
        assert!(s.covers_region("US-TX") && s.covers_region("US"));
        assert!(!s.covers_region("USA") && !s.covers_region("AU"));
        assert_eq!(s.status_on(day("2020-01-01")), Some(Status::InForce));
    }

    #[test]
    fn bad_scopes_and_regions() {
        let err = scope(serde_json::json!({"status": [
            {"status": "in_force", "from": "2026-06-04"},
            {"status": "enjoined", "from": "2025-12-23"}
        ]}))
        .unwrap_err();
        assert_eq!(err.path, "status[1].from");
        let err =
            scope(serde_json::json!({"status": [{"status": "in_force", "from": "2026-02-30"}]}))
                .unwrap_err();
        assert_eq!(err.path, "status[0].from");
        for (bad, code) in [
            ("korea", ErrorCode::InvalidValue),
            ("XX", ErrorCode::UnknownRegion),
            ("US-ZZ", ErrorCode::UnknownRegion),
            ("us", ErrorCode::InvalidValue),
            ("US-", ErrorCode::InvalidValue),
        ] {
            assert_eq!(validate_region(bad, "r").unwrap_err().code, code, "{bad}");
        }
        for ok in ["KR", "JP", "US-TX", "AU", "GB", "FR-75"] {
            validate_region(ok, "r").unwrap();
        }
    }
}
