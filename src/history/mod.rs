//! `import`: a family's own data export, read on their device and turned into a `plan` input
//! — every coin purchase and gift sent, with its money (a Google Play invoice where one
//! matches, the export's own amount where it states one, else the rate card's estimate, each
//! marked which) and the person's age on each date from the profile's date of birth.
//!
//! - [`export`]: the TikTok export's structure, both key eras;
//! - [`play`]: Google Play invoices and how they are matched;
//! - [`amount`]: amounts as exports write them.
//!
//! What the exports hold and what is unknown is written up in `docs/import.md`.

pub mod amount;
pub mod export;
pub mod play;

use crate::caps::RuleSetInput;
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::{Currency, Money};
use crate::plan::input::{BuyInput, EventInput, GiftEventInput, PersonInput, MAX_EVENTS};
use crate::preset_or::PresetOr;
use crate::presets;
use crate::rate_card::RateCardInput;
use crate::time_zone::{Date, Instant, Zone};
use amount::Amount;
use export::TikTokExport;
use play::GooglePlay;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Largest import document accepted (an export with years of activity runs to tens of MB).
pub const MAX_IMPORT_BYTES: usize = 256 << 20;

/// The `import` request.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportRequest {
    /// The TikTok export (`user_data_tiktok.json`, or the older `user_data.json`), as is.
    pub tiktok: TikTokExport,
    /// Google Play's Takeout files, to price Android purchases from their invoices.
    #[serde(default)]
    pub google_play: Option<GooglePlay>,
    /// The time zone the export's dates are in (TikTok states none): an IANA name, `UTC` or an
    /// offset (default UTC; the page sends the device's).
    #[serde(default)]
    pub time_zone: Option<String>,
    /// What a bare `Price` (a number with no unit) is: `"coins"` or a currency (`"USD"`).
    /// Asked for (a `missing_field` error with samples) when the export needs it.
    #[serde(default)]
    pub price_unit: Option<String>,
    /// The rate card that prices what no invoice or text does (default `tiktok-android` with
    /// Google Play files, else `tiktok-ios`).
    #[serde(default)]
    pub rate_card: Option<PresetOr<RateCardInput>>,
    /// The rules the plan is checked against (default `"auto"` with a region, else
    /// `tiktok-global`).
    #[serde(default)]
    pub rule_set: Option<PresetOr<RuleSetInput>>,
    /// The person's region (ISO 3166-1 country or US state).
    #[serde(default)]
    pub region: Option<String>,
    /// The person's age, when the export has no date of birth.
    #[serde(default)]
    pub age: Option<u32>,
    /// Only records on or after this day (`YYYY-MM-DD`, in `time_zone`).
    #[serde(default)]
    pub from: Option<String>,
    /// Only records on or before this day (`YYYY-MM-DD`, in `time_zone`).
    #[serde(default)]
    pub to: Option<String>,
}

/// Where an event's money comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A Google Play invoice: what was really paid, tax included.
    Invoice,
    /// The amount the TikTok export states.
    Export,
    /// The rate card's price for the coins: an estimate.
    Estimate,
}

/// One record read, as it became a plan event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ImportedEvent {
    /// Position in the plan's `events`.
    pub event: usize,
    /// Where it was read (`tiktok.Your Activity.Purchases.BuyGifts.BuyGifts[3]`).
    pub from: String,
    /// `buy` or `gift`.
    pub kind: crate::caps::Action,
    /// When, with its offset.
    pub at: String,
    /// Coins bought or sent, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coins: Option<u64>,
    /// Money paid, when known (an invoice's or the export's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// Its currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Where the money comes from (purchases only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// Google's order id of the matching invoice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Part or all of it was refunded (from Google Play's order history).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refunded: bool,
    /// Who received a gift.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

/// What the unit of `Price` was taken to be, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PriceUnit {
    /// `coins` or a currency.
    pub unit: String,
    /// `text` (each price says), `asked` (the request's `price_unit`).
    pub from: String,
}

/// Counts over the records read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ImportTotals {
    /// Coin purchases.
    pub purchases: usize,
    /// Gifts sent.
    pub gifts: usize,
    /// Coins bought, where known.
    pub coins_bought: u64,
    /// Coins sent as gifts.
    pub coins_sent: u64,
    /// Purchases priced by a Google Play invoice.
    pub from_invoices: usize,
    /// Purchases priced by the export's own amount.
    pub from_export: usize,
    /// Purchases priced by the rate card (estimates).
    pub estimated: usize,
    /// Purchases refunded in part or whole.
    pub refunded: usize,
    /// Records with a zero amount, left out.
    pub skipped: usize,
    /// Google Play invoices for coins no TikTok record matched.
    pub unmatched_invoices: usize,
}

/// What an import read, beside the plan it became.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ImportReport {
    /// `tiktok-2024` (`Your Activity`) or `tiktok-legacy` (`Activity`).
    pub format: String,
    /// The unit `Price` was read in, when there were purchases.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_unit: Option<PriceUnit>,
    /// The zone the export's dates were read in.
    pub time_zone: String,
    /// The profile's date of birth, when the export has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// Every record, in the plan's order.
    pub events: Vec<ImportedEvent>,
    /// Counts.
    pub totals: ImportTotals,
    /// What a reader should know, in plain words.
    pub notes: Vec<String>,
}

/// An export as a plan's parts, and the report of what was read.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The rules to check against.
    pub rule_set: PresetOr<RuleSetInput>,
    /// The person.
    pub person: PersonInput,
    /// The rate card that prices the estimates.
    pub rate_card: PresetOr<RateCardInput>,
    /// The events, in time order.
    pub events: Vec<EventInput>,
    /// What was read.
    pub report: ImportReport,
}

/// A record on its way to becoming an event.
#[derive(Clone)]
struct Record {
    at: Instant,
    from: String,
    coins: Option<u64>,
    money: Option<(Money, Basis)>,
    gift: bool,
    recipient: Option<String>,
    order_id: Option<String>,
    refunded: bool,
}

/// Reads an export into a plan's parts.
pub fn import(req: &ImportRequest) -> Result<Imported> {
    if !req.tiktok.is_export() {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "tiktok",
            "this is not a TikTok data export: it has no \"Your Activity\", \"Activity\" or \"Profile\" section (choose user_data_tiktok.json, or user_data.json in older exports)",
        ));
    }
    let zone = match &req.time_zone {
        Some(z) => Zone::parse(z, "time_zone")?,
        None => Zone::utc(),
    };
    let card_ref: PresetOr<RateCardInput> = req.rate_card.clone().unwrap_or_else(|| {
        PresetOr::Preset(
            if req.google_play.is_some() {
                "tiktok-android"
            } else {
                "tiktok-ios"
            }
            .into(),
        )
    });
    let card = presets::rate_card_of(&card_ref, "rate_card")?;
    let unit = match req.price_unit.as_deref() {
        None => None,
        Some("coins") => Some(None),
        Some(code) => Some(Some(Currency::parse(code, "price_unit")?)),
    };
    if let Some(r) = &req.region {
        crate::caps::validate_region(r, "region")?;
    }
    let day = |text: &Option<String>, path: &str| -> Result<Option<Date>> {
        text.as_deref()
            .map(|t| {
                Date::parse(t).ok_or_else(|| {
                    Error::new(
                        ErrorCode::InvalidValue,
                        path,
                        format!(
                            "`{}` is not a day like 2026-03-01",
                            t.chars().take(40).collect::<String>()
                        ),
                    )
                })
            })
            .transpose()
    };
    let (from, to) = (day(&req.from, "from")?, day(&req.to, "to")?);
    let within = |at: Instant| {
        let d = zone.date_of(at);
        from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t)
    };

    let mut totals = ImportTotals::default();
    let mut records = Vec::new();
    let mut bare = Vec::new();
    let mut by_text = false;
    if let Some((purchases, base)) = req.tiktok.purchases() {
        let buys = purchases
            .buy_gifts
            .as_ref()
            .and_then(|b| b.list.as_deref())
            .unwrap_or(&[]);
        for (i, b) in buys.iter().enumerate() {
            let path = index(&join(base, "BuyGifts.BuyGifts"), i);
            let at = export_time(&b.date, &zone, &join(&path, "Date"))?;
            if !within(at) {
                continue;
            }
            let price_path = join(&path, "Price");
            let price = amount::read(&b.price.0, card.currency, &price_path)?;
            by_text |= !matches!(price, Amount::Bare(_));
            let (coins, money) = match price {
                Amount::Coins(n) => (Some(n), None),
                Amount::Money(m) => (None, Some(m)),
                Amount::Bare(d) => match unit {
                    None => {
                        if bare.len() < 3 && !bare.contains(&b.price.0) {
                            bare.push(b.price.0.clone());
                        }
                        continue;
                    }
                    Some(None) => (Some(amount::coins(&d, &price_path)?), None),
                    Some(Some(c)) => (None, Some(Money::parse(&d, c, &price_path)?)),
                },
            };
            if coins == Some(0) || money.is_some_and(|m| !m.is_positive()) {
                totals.skipped += 1;
                continue;
            }
            records.push(Record {
                at,
                from: path,
                coins,
                money: money.map(|m| (m, Basis::Export)),
                gift: false,
                recipient: None,
                order_id: None,
                refunded: false,
            });
        }
        if !bare.is_empty() {
            return Err(Error::new(
                ErrorCode::MissingField,
                "price_unit",
                format!(
                    "the export's prices are bare numbers ({}): say whether they are coins or money, with `price_unit` (\"coins\" or a currency such as {})",
                    bare.join(", "),
                    card.currency.code()
                ),
            )
            .with("samples", bare)
            .with("choices", vec!["coins".to_string(), card.currency.code().to_string()]));
        }
        let sends = purchases
            .send_gifts
            .as_ref()
            .and_then(|s| s.list.as_deref())
            .unwrap_or(&[]);
        for (i, s) in sends.iter().enumerate() {
            let path = index(&join(base, "SendGifts.SendGifts"), i);
            let at = export_time(&s.date, &zone, &join(&path, "Date"))?;
            if !within(at) {
                continue;
            }
            let amount_path = join(&path, "GiftAmount");
            let coins = match amount::read(&s.gift_amount.0, card.currency, &amount_path)? {
                Amount::Coins(n) => n,
                Amount::Bare(d) => amount::coins(&d, &amount_path)?,
                Amount::Money(_) => {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        amount_path,
                        "a gift's `GiftAmount` is read as coins, like 100 or \"100 coins\"",
                    ))
                }
            };
            if coins == 0 {
                totals.skipped += 1;
                continue;
            }
            records.push(Record {
                at,
                from: path,
                coins: Some(coins),
                money: None,
                gift: true,
                recipient: s.user_name.clone(),
                order_id: None,
                refunded: false,
            });
        }
    }
    if records.len() > MAX_EVENTS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "tiktok",
            format!(
                "the export holds {} purchases and gifts; a plan checks at most {}: choose a shorter period with `from` and `to`",
                crate::words::number(records.len() as u64),
                crate::words::number(MAX_EVENTS as u64)
            ),
        )
        .with("max", MAX_EVENTS)
        .with("given", records.len()));
    }
    // Time order; at the same moment a purchase before the gift it pays for.
    crate::sort::sort_by_key(&mut records, |r| (r.at, r.gift));

    if let Some(gp) = &req.google_play {
        let invoices = gp.invoices(card.currency)?;
        let buys: Vec<usize> = (0..records.len()).filter(|&i| !records[i].gift).collect();
        let times: Vec<Instant> = buys.iter().map(|&i| records[i].at).collect();
        let matched = play::match_invoices(&times, &invoices);
        for (&i, m) in buys.iter().zip(&matched) {
            if let Some(inv) = m.and_then(|j| invoices.get(j)) {
                let r = &mut records[i];
                r.money = Some((inv.paid, Basis::Invoice));
                r.order_id = inv.order_id.clone();
                r.refunded = inv.refunded;
            }
        }
        totals.unmatched_invoices = invoices.len() - matched.iter().flatten().count();
    }

    let birth = req
        .tiktok
        .birth_date()
        .map(|t| (t, birth_date(t)))
        .filter(|(t, _)| !t.trim().is_empty());
    let mut notes = Vec::new();
    let born = match (birth, req.age) {
        (Some((_, Some(d))), _) => Some(d),
        (Some((text, None)), Some(_)) => {
            notes.push(format!("The profile's date of birth ({}) could not be read; the age given is used.", text.chars().take(40).collect::<String>()));
            None
        }
        (Some((text, None)), None) => {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                birth_path(&req.tiktok),
                format!("`{}` is not a date of birth like 01-Feb-2011 or Feb-01-2011: give the person's `age` instead", text.chars().take(40).collect::<String>()),
            ))
        }
        (None, Some(_)) => None,
        (None, None) => {
            return Err(Error::new(ErrorCode::MissingField, "age", "the export has no date of birth: give the person's `age` in whole years"))
        }
    };

    let mut events = Vec::with_capacity(records.len());
    let mut imported = Vec::with_capacity(records.len());
    for (n, r) in records.into_iter().enumerate() {
        let at = zone.format(r.at);
        let basis = (!r.gift).then(|| r.money.map_or(Basis::Estimate, |(_, b)| b));
        let (buy, gift) = if r.gift {
            totals.gifts += 1;
            totals.coins_sent += r.coins.unwrap_or(0);
            let coins = GiftEventInput {
                gift: None,
                count: None,
                amount: None,
                currency: None,
                coins: r.coins,
            };
            (None, Some(coins))
        } else {
            totals.purchases += 1;
            totals.coins_bought += r.coins.unwrap_or(0);
            match basis {
                Some(Basis::Invoice) => totals.from_invoices += 1,
                Some(Basis::Export) => totals.from_export += 1,
                _ => totals.estimated += 1,
            }
            totals.refunded += usize::from(r.refunded);
            let (amount, currency) = match r.money {
                Some((m, _)) => (Some(m.to_string()), Some(m.currency().code().to_string())),
                None => (None, None),
            };
            let coins = BuyInput {
                amount,
                currency,
                coins: r.coins,
            };
            (Some(coins), None)
        };
        let event = EventInput {
            at: at.clone(),
            buy,
            gift,
            guardian_approved: false,
            note: Some(note(&r, basis)),
            repeat: None,
        };
        events.push(event);
        imported.push(ImportedEvent {
            event: n,
            from: r.from,
            kind: if r.gift {
                crate::caps::Action::Gift
            } else {
                crate::caps::Action::Buy
            },
            at,
            coins: r.coins,
            amount: r.money.map(|(m, _)| m),
            currency: r.money.map(|(m, _)| m.currency()),
            basis,
            order_id: r.order_id,
            refunded: r.refunded,
            recipient: r.recipient,
        });
    }

    notes.push(format!(
        "TikTok's export gives no time zone; its times were read as {}.",
        zone.name()
    ));
    if totals.estimated > 0 {
        notes.push(format!(
            "The export does not say where coins were bought (app or web), in which pack, or with what tax: {} of {} purchases are priced at {} prices, an estimate.",
            totals.estimated, totals.purchases, card.name
        ));
    }
    if req.google_play.is_some() {
        let unmatched = match totals.unmatched_invoices {
            0 => String::new(),
            n => format!(" {n} Google Play purchases of coins matched no TikTok record: check the time zone, or whether they were bought on another account."),
        };
        notes.push(format!(
            "{} of {} purchases matched a Google Play invoice (within {} minutes).{unmatched}",
            totals.from_invoices,
            totals.purchases,
            play::MATCH_MINUTES
        ));
    }
    if totals.refunded > 0 {
        notes.push(format!("{} purchases were refunded in part or in full (Google Play); the plan counts what was charged.", totals.refunded));
    }
    if let Some(b) = born {
        notes.push(format!("Ages come from the profile's date of birth ({b}), as it was typed when the account was made; it may not be true."));
    }
    if totals.skipped > 0 {
        notes.push(format!(
            "{} records with a zero amount were left out.",
            totals.skipped
        ));
    }
    if totals.purchases + totals.gifts == 0 {
        notes.push(
            "The export has no coin purchases and no gifts sent (its sections are empty).".into(),
        );
    }

    let rule_set = req.rule_set.clone().unwrap_or_else(|| {
        PresetOr::Preset(
            if req.region.is_some() {
                "auto"
            } else {
                "tiktok-global"
            }
            .into(),
        )
    });
    let person = PersonInput {
        age: if born.is_some() { None } else { req.age },
        birth_date: born.map(|b| b.to_string()),
        region: req.region.clone(),
        time_zone: Some(zone.name().to_string()),
        guardian_approved: false,
    };
    let price_unit = (totals.purchases > 0).then(|| match (by_text, &req.price_unit) {
        (false, Some(u)) => PriceUnit {
            unit: u.clone(),
            from: "asked".into(),
        },
        _ => PriceUnit {
            unit: if totals.coins_bought > 0 {
                "coins".into()
            } else {
                "money".into()
            },
            from: "text".into(),
        },
    });
    Ok(Imported {
        rule_set,
        person,
        rate_card: card_ref,
        events,
        report: ImportReport {
            format: req.tiktok.era().into(),
            price_unit,
            time_zone: zone.name().to_string(),
            birth_date: born.map(|b| b.to_string()),
            events: imported,
            totals,
            notes,
        },
    })
}

/// An event's note: what it was in the export, and where its money comes from.
fn note(r: &Record, basis: Option<Basis>) -> String {
    let what = match (r.gift, &r.recipient) {
        (true, Some(to)) => format!("gift to {}", to.chars().take(40).collect::<String>()),
        (true, None) => "gift".to_string(),
        (false, _) => "coins bought".to_string(),
    };
    let money = match basis {
        Some(Basis::Invoice) => "; price from a Google Play invoice",
        Some(Basis::Export) => "; price from the export",
        Some(Basis::Estimate) => "; price estimated from the rate card",
        None => "",
    };
    let refunded = if r.refunded { "; refunded" } else { "" };
    format!("TikTok export: {what}{money}{refunded}")
}

/// An export's `YYYY-MM-DD HH:MM:SS`, read in `zone`.
fn export_time(text: &str, zone: &Zone, path: &str) -> Result<Instant> {
    let t = text.trim();
    let iso = if t.len() >= 16 && t.as_bytes().get(10) == Some(&b' ') {
        format!("{}T{}", &t[..10], &t[11..])
    } else {
        t.to_string()
    };
    zone.parse_time(&iso, path).map_err(|_| {
        Error::new(
            ErrorCode::InvalidValue,
            path,
            format!(
                "`{}` is not a date and time like 2025-03-01 18:30:00",
                t.chars().take(40).collect::<String>()
            ),
        )
    })
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `01-Feb-2011`, `Feb-01-2011` or `2011-02-01`.
fn birth_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if let Some(d) = Date::parse(t) {
        return Some(d);
    }
    let parts: Vec<&str> = t.split(['-', ' ', '/']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let month = |m: &str| {
        let m = m.to_ascii_lowercase();
        MONTHS
            .iter()
            .position(|x| m.starts_with(x))
            .map(|p| p as u8 + 1)
    };
    let (day, mon) = match (month(a), month(b)) {
        (None, Some(m)) => (a.parse().ok()?, m),
        (Some(m), None) => (b.parse().ok()?, m),
        _ => return None,
    };
    Date::new(y.parse().ok()?, mon, day).filter(|d| d.year() >= 1900)
}

fn birth_path(export: &TikTokExport) -> String {
    let info = export.profile.as_ref().is_some_and(|p| p.info.is_some());
    format!(
        "tiktok.Profile.{}.ProfileMap.birthDate",
        if info {
            "Profile Info"
        } else {
            "Profile Information"
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_birth_in_both_styles() {
        assert_eq!(birth_date("01-Feb-2011"), Date::new(2011, 2, 1));
        assert_eq!(birth_date("Feb-01-2011"), Date::new(2011, 2, 1));
        assert_eq!(birth_date("2011-02-01"), Date::new(2011, 2, 1));
        assert_eq!(birth_date("31-Feb-2011"), None);
        assert_eq!(birth_date("someday"), None);
    }
}
