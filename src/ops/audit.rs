//! `audit`: a compliance audit of a rate card (or every channel of its platform), with the
//! age gates and caps that hold in a region on a date (the engine is [`crate::audit`]).

use crate::audit::{self, GiftAudit, LadderAudit};
use crate::caps::registry::{self, Status, StatusInput};
use crate::caps::{MinAge, RuleSet, WindowKind};
use crate::error::{Error, ErrorCode, Result};
use crate::money::Money;
use crate::preset_or::PresetOr;
use crate::presets;
use crate::rate_card::{RateCard, RateCardInput, RateCardRef};
use crate::time_zone::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `audit` request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditRequest {
    /// The rate card: a preset id or a full rate card object.
    pub rate_card: PresetOr<RateCardInput>,
    /// Also audit every shipped card of the same platform in the same currency (its other
    /// channels: web, iOS, Android).
    #[serde(default)]
    pub all_channels: bool,
    /// Gift ids to audit (default: the card's whole catalogue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gifts: Option<Vec<String>>,
    /// A region (`AU`, `US-TX`) for the age gates and caps that hold there (needs `date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The day (`YYYY-MM-DD`) the rules are read for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// One card's audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CardAudit {
    /// The card.
    pub rate_card: RateCardRef,
    /// Every gift audited, in catalogue order.
    pub gifts: Vec<GiftAudit>,
    /// The ladder.
    pub ladder: LadderAudit,
    /// What the audit found, in plain words.
    pub findings: Vec<Finding>,
}

/// A finding of the audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Finding {
    /// Stable code: `forced_leftover`, `ladder_not_monotone`, `currency_layers`,
    /// `exact_amount_buyable`, `overspend`.
    pub code: &'static str,
    /// `warn` for what a regulator's principle questions, `info` otherwise.
    pub level: &'static str,
    /// A sentence a person understands.
    pub message: String,
    /// The principle it serves.
    pub principle: &'static str,
}

/// A cap, as the audit lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CapOut {
    /// Cap id.
    pub id: String,
    /// Buying or gifting.
    pub action: crate::caps::Action,
    /// Its window.
    pub window: WindowKind,
    /// The limit.
    pub limit: Money,
    /// Blocks (`hard`) or warns (`soft`).
    pub enforcement: crate::caps::Enforcement,
}

/// An age bracket, as the audit lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct BracketOut {
    /// Bracket id.
    pub id: String,
    /// "ages 8 to 15".
    pub ages: String,
    /// Purchases need a guardian's approval.
    pub guardian_approval: bool,
    /// Its caps.
    pub caps: Vec<CapOut>,
}

/// A rule set of the registry, as it stands in the region on the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RuleOnDate {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Where it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The instrument.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    /// Its status on the date (absent: not yet recorded then).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// True when `"auto"` applies it on the date.
    pub applies: bool,
    /// Its whole status history.
    pub status_history: Vec<StatusInput>,
    /// Minimum ages in the region.
    pub min_age: MinAge,
    /// Age brackets with caps or approval.
    pub brackets: Vec<BracketOut>,
    /// Notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The rules that hold in a region on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RulesOnDate {
    /// The region.
    pub region: String,
    /// The day.
    pub date: String,
    /// Every rule set of the registry that covers the region and the card's platform and
    /// channel, applied or not on the date.
    pub rule_sets: Vec<RuleOnDate>,
}

/// The `audit` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AuditResponse {
    /// The card audited.
    pub rate_card: RateCardRef,
    /// Every gift of the card, audited.
    pub gifts: Vec<GiftAudit>,
    /// The card's ladder.
    pub ladder: LadderAudit,
    /// What the audit found, in plain words.
    pub findings: Vec<Finding>,
    /// With `all_channels`: the platform's other shipped cards in the currency, audited alike.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<CardAudit>,
    /// With `region` and `date`: the registry's age gates and caps there and then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<RulesOnDate>,
}

fn audit_card(card: &RateCard, only: Option<&[String]>) -> Result<CardAudit> {
    let ladder = audit::ladder(card)?;
    let best = audit::best_rate(card).ok_or_else(|| {
        Error::new(
            ErrorCode::NoSolution,
            "rate_card.bundles",
            "the rate card sells nothing to audit",
        )
    })?;
    let optimizer = crate::presets::optimizer(card);
    let chosen: Vec<&crate::gifts::Gift> = match only {
        Some(ids) => ids
            .iter()
            .enumerate()
            .map(|(i, id)| card.gifts.find(id, &crate::error::index("gifts", i)))
            .collect::<Result<_>>()?,
        None => card.gifts.gifts().iter().collect(),
    };
    let reach = audit::Reach::new(card, chosen.len() as u64)?;
    let gifts = chosen
        .iter()
        .map(|g| audit::gift(card, &optimizer, &reach, best, &g.id, &g.name, g.coins))
        .collect::<Result<Vec<_>>>()?;
    let findings = findings(card, &gifts, &ladder);
    Ok(CardAudit {
        rate_card: card.reference(),
        gifts,
        ladder,
        findings,
    })
}

fn findings(card: &RateCard, gifts: &[GiftAudit], ladder: &LadderAudit) -> Vec<Finding> {
    let mut out = Vec::new();
    let forced: Vec<&GiftAudit> = gifts.iter().filter(|g| g.min_leftover_coins > 0).collect();
    if !gifts.is_empty() {
        out.push(if forced.is_empty() {
            Finding {
                code: "exact_amount_buyable",
                level: "info",
                message: format!(
                    "Every gift's exact number of {} can be bought{}.",
                    card.coin_name,
                    if card.custom.is_some() {
                        " (with a custom amount)"
                    } else {
                        ""
                    }
                ),
                principle: "EU CPC 2025, principle 3: the exact amount needed can be bought",
            }
        } else {
            let worst = forced
                .iter()
                .max_by_key(|g| g.min_leftover_coins)
                .map(|g| {
                    format!(
                        " (most: {} {} for {})",
                        g.min_leftover_coins, card.coin_name, g.name
                    )
                })
                .unwrap_or_default();
            Finding {
                code: "forced_leftover",
                level: "warn",
                message: format!(
                    "{} of {} gifts cannot be bought without {} left over{worst}.",
                    forced.len(),
                    gifts.len(),
                    card.coin_name
                ),
                principle: "EU CPC 2025, principle 3: the exact amount needed can be bought",
            }
        });
        if let Some(g) = gifts.iter().max_by_key(|g| g.forced_overspend) {
            if g.forced_overspend > rust_decimal::Decimal::ZERO {
                out.push(Finding {
                    code: "overspend",
                    level: "info",
                    message: format!(
                        "At its cheapest, {} costs {} {}: {} % more than its {} at the best rate ({} {}).",
                        g.name,
                        g.cheapest_purchase.price,
                        card.currency.code(),
                        crate::money::round_decimal(
                            g.forced_overspend * rust_decimal::Decimal::ONE_HUNDRED,
                            2,
                            crate::money::RoundingPoint::Percent
                        )
                        .normalize(),
                        card.coin_name,
                        g.price_at_best_rate,
                        card.currency.code()
                    ),
                    principle: "EU CPC 2025, principle 1: the real-money price is clear",
                });
            }
        }
    }
    if !ladder.per_coin_monotone {
        let b = &ladder.breaks[0];
        out.push(Finding {
            code: "ladder_not_monotone",
            level: "warn",
            message: format!(
                "A bigger pack is not always cheaper per coin: {} {} cost {} each, {} cost {} each ({} such pairs).",
                b.larger,
                card.coin_name,
                b.larger_price_per_coin,
                b.smaller,
                b.smaller_price_per_coin,
                ladder.breaks.len()
            ),
            principle: "UK CAP guidance 2021: \"best value\" may refer only to the price per unit",
        });
    }
    let purchasable = ladder
        .currency_layers
        .iter()
        .filter(|l| l.purchasable)
        .count();
    out.push(Finding {
        code: "currency_layers",
        level: if purchasable >= 2 { "warn" } else { "info" },
        message: format!(
            "{} conversions stand between the viewer's money and the creator's cash: {}.",
            ladder.conversions,
            ladder
                .currency_layers
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join(" → ")
        ),
        principle: "EU CPC 2025, principle 2: no layered currencies that obscure the cost",
    });
    out
}

fn rule_on_date(set: &RuleSet, region: &str, date: Date) -> RuleOnDate {
    let status = set.scope.status_on(date);
    let input = set.to_input();
    RuleOnDate {
        id: set.id.clone(),
        name: set.name.clone(),
        jurisdiction: input.jurisdiction,
        instrument: input.instrument,
        status,
        applies: status.is_some_and(Status::applies),
        status_history: input.status,
        min_age: set.min_age_in(Some(region)),
        brackets: set
            .brackets
            .iter()
            .map(|b| BracketOut {
                id: b.id.clone(),
                ages: b.describe(),
                guardian_approval: b.guardian_approval,
                caps: b
                    .caps
                    .iter()
                    .map(|c| CapOut {
                        id: c.id.clone(),
                        action: c.action,
                        window: c.window,
                        limit: c.limit,
                        enforcement: c.enforcement,
                    })
                    .collect(),
            })
            .collect(),
        notes: set.notes.clone(),
    }
}

fn rules(req: &AuditRequest, card: &RateCard) -> Result<Option<RulesOnDate>> {
    let (region, date) = match (&req.region, &req.date) {
        (None, None) => return Ok(None),
        (Some(_), None) => {
            return Err(Error::new(
                ErrorCode::MissingField,
                "date",
                "the rules of a region depend on the day: give `date` (YYYY-MM-DD)",
            ))
        }
        (None, Some(_)) => {
            return Err(Error::new(
                ErrorCode::MissingField,
                "region",
                "give the `region` (a country like AU, or a US state like US-TX) the rules are read for",
            ))
        }
        (Some(r), Some(d)) => (r, d),
    };
    registry::validate_region(region, "region")?;
    let day = Date::parse(date).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidValue,
            "date",
            format!(
                "`{}` is not a day like 2026-12-07",
                date.chars().take(20).collect::<String>()
            ),
        )
    })?;
    let sets = registry::candidates(
        presets::all_rule_sets(),
        region,
        Some(card.platform.as_str()),
        Some(card.channel),
    );
    registry::check_known(&sets, region, day, "date")?;
    Ok(Some(RulesOnDate {
        region: region.clone(),
        date: day.to_string(),
        rule_sets: sets.iter().map(|s| rule_on_date(s, region, day)).collect(),
    }))
}

/// Audits a rate card.
pub fn audit(req: &AuditRequest) -> Result<AuditResponse> {
    let card = presets::rate_card_of(&req.rate_card, "rate_card")?;
    let rules = rules(req, &card)?;
    let main = audit_card(&card, req.gifts.as_deref())?;
    let mut channels = Vec::new();
    if req.all_channels {
        for other in presets::all_rate_cards() {
            if other.id != card.id
                && other.platform == card.platform
                && other.currency == card.currency
            {
                // The other card may lack a requested gift: audit what it has.
                let ids: Option<Vec<String>> = req.gifts.as_ref().map(|ids| {
                    ids.iter()
                        .filter(|id| other.gifts.find(id, "").is_ok())
                        .cloned()
                        .collect()
                });
                channels.push(audit_card(other, ids.as_deref())?);
            }
        }
    }
    Ok(AuditResponse {
        rate_card: main.rate_card,
        gifts: main.gifts,
        ladder: main.ladder,
        findings: main.findings,
        channels,
        rules,
    })
}
