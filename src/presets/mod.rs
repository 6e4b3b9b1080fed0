//! The rate cards and gift catalogues giftsim ships, as JSON data files compiled into the
//! binary. Every figure names its source and date, or is marked as an estimate with its method
//! (see `../shared/research/economy-facts.md` for the research behind them).

use crate::bundles::Optimizer;
use crate::caps::{RuleSet, RuleSetInput};
use crate::error::{from_json_str, Error, ErrorCode, Result};
use crate::gifts::{CatalogueInput, GiftCatalogue, GiftInput};
use crate::id;
use crate::preset_or::PresetOr;
use crate::rate_card::{RateCard, RateCardInput};
use std::borrow::Cow;

#[cfg(test)]
mod converted;
use std::sync::OnceLock;

/// `(id, minified JSON)` of a shipped data file (see `build.rs`).
macro_rules! preset {
    ($dir:literal, $id:literal) => {
        (
            $id,
            include_str!(concat!(
                env!("OUT_DIR"),
                "/presets/",
                $dir,
                "/",
                $id,
                ".json"
            )),
        )
    };
}

/// The shipped rate cards, in the order `presets` lists them.
const RATE_CARDS: &[(&str, &str)] = &[
    preset!("rate_cards", "tiktok-web"),
    preset!("rate_cards", "tiktok-ios"),
    preset!("rate_cards", "tiktok-android"),
    preset!("rate_cards", "tiktok-ios-gbp"),
    preset!("rate_cards", "twitch-bits"),
    preset!("rate_cards", "twitch-bits-mobile"),
    preset!("rate_cards", "youtube-super-chat"),
    preset!("rate_cards", "roblox"),
    preset!("rate_cards", "facebook-stars"),
    preset!("rate_cards", "instagram-gifts"),
    preset!("rate_cards", "snapchat-gifts"),
    // Converted estimates (src/presets/converted-cards.json; see `converted`).
    preset!("rate_cards", "tiktok-web-gbp"),
    preset!("rate_cards", "tiktok-ios-eur"),
    preset!("rate_cards", "tiktok-web-eur"),
    preset!("rate_cards", "tiktok-ios-jpy"),
    preset!("rate_cards", "tiktok-web-jpy"),
    preset!("rate_cards", "tiktok-ios-krw"),
    preset!("rate_cards", "tiktok-web-krw"),
];

/// The shipped rule sets.
const RULE_SETS: &[(&str, &str)] = &[
    preset!("rule_sets", "tiktok-global"),
    preset!("rule_sets", "cn-games-2019"),
    preset!("rule_sets", "cn-live-2022"),
    preset!("rule_sets", "under18-family"),
    preset!("rule_sets", "kr-live"),
    preset!("rule_sets", "youtube-viewer-limits"),
    preset!("rule_sets", "au-smma-2025"),
    preset!("rule_sets", "us-ut-asaa-2026"),
    preset!("rule_sets", "us-la-asaa-2026"),
    preset!("rule_sets", "us-al-asaa-2026"),
    preset!("rule_sets", "us-tx-asaa-2026"),
    preset!("rule_sets", "jp-social-games-2012"),
    preset!("rule_sets", "google-play-budget"),
    preset!("rule_sets", "cn-minors-2024"),
    preset!("rule_sets", "none"),
];

/// The shipped gift catalogues.
const GIFT_CATALOGUES: &[(&str, &str)] = &[preset!("gifts", "tiktok")];

/// A rate card named by a preset id or written out, validated, with errors under `path`.
pub fn rate_card_of(
    choice: &PresetOr<RateCardInput>,
    path: &str,
) -> Result<Cow<'static, RateCard>> {
    match choice {
        PresetOr::Preset(id) => rate_card(id, path).map(Cow::Borrowed),
        PresetOr::Given(input) => card_from(input).map(Cow::Owned).map_err(|e| e.under(path)),
    }
}

/// A rule set named by a preset id or written out, validated, with errors under `path`.
pub fn rule_set_of(choice: &PresetOr<RuleSetInput>, path: &str) -> Result<Cow<'static, RuleSet>> {
    match choice {
        PresetOr::Preset(id) => rule_set(id, path).map(Cow::Borrowed),
        PresetOr::Given(input) => RuleSet::from_input(input)
            .map(Cow::Owned)
            .map_err(|e| e.under(path)),
    }
}

/// A card's gift catalogue: a shipped one by id, a list written out, or none.
pub fn gift_catalogue_of(
    choice: Option<&PresetOr<Vec<GiftInput>>>,
    path: &str,
) -> Result<GiftCatalogue> {
    match choice {
        None => Ok(GiftCatalogue::empty()),
        Some(PresetOr::Preset(id)) => gift_catalogue(id).ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownPreset,
                path,
                format!(
                    "there is no shipped gift catalogue `{}`{}",
                    id.chars().take(id::MAX_ID_LEN).collect::<String>(),
                    crate::words::hint(id, gift_catalogue_ids())
                ),
            )
            .with("preset", id.as_str())
        }),
        Some(PresetOr::Given(gifts)) => GiftCatalogue::from_inputs(None, gifts, Vec::new(), path),
    }
}

/// A card as written, its catalogue resolved here.
fn card_from(input: &RateCardInput) -> Result<RateCard> {
    let gifts = gift_catalogue_of(input.gifts.as_ref(), "gifts")?;
    RateCard::from_input(input, gifts)
}

fn parse_card(id: &str, text: &str) -> Result<RateCard> {
    let input: RateCardInput = from_json_str(text)?;
    if input.id != id {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "id",
            "preset file id differs from its name",
        ));
    }
    card_from(&input)
}

/// Every shipped rate card, parsed once. A broken data file is an error for that preset only
/// (the tests make sure none is broken).
fn rate_cards() -> &'static [Result<RateCard>] {
    static CARDS: OnceLock<Vec<Result<RateCard>>> = OnceLock::new();
    CARDS.get_or_init(|| {
        RATE_CARDS
            .iter()
            .map(|(id, text)| parse_card(id, text).map_err(|e| e.under(&format!("preset {id}"))))
            .collect()
    })
}

fn rule_sets() -> &'static [Result<RuleSet>] {
    static SETS: OnceLock<Vec<Result<RuleSet>>> = OnceLock::new();
    SETS.get_or_init(|| {
        RULE_SETS
            .iter()
            .map(|(id, text)| {
                from_json_str::<RuleSetInput>(text)
                    .and_then(|input| RuleSet::from_input(&input))
                    .and_then(|set| {
                        if set.id == *id {
                            Ok(set)
                        } else {
                            Err(Error::new(
                                ErrorCode::InvalidValue,
                                "id",
                                "preset file id differs from its name",
                            ))
                        }
                    })
                    .map_err(|e| e.under(&format!("preset {id}")))
            })
            .collect()
    })
}

/// Ids of the shipped rule sets.
pub fn rule_set_ids() -> impl Iterator<Item = &'static str> {
    RULE_SETS.iter().map(|(id, _)| *id)
}

/// The shipped rule set `id`, or an `unknown_preset` error at `path` naming close ids.
pub fn rule_set(id: &str, path: &str) -> Result<&'static RuleSet> {
    match RULE_SETS.iter().position(|(known, _)| *known == id) {
        Some(i) => rule_sets()[i].as_ref().map_err(Clone::clone),
        None => Err(Error::new(
            ErrorCode::UnknownPreset,
            path,
            format!(
                "there is no rule set preset `{}`{}; `giftsim presets` lists them",
                id.chars().take(id::MAX_ID_LEN).collect::<String>(),
                crate::words::hint(id, rule_set_ids())
            ),
        )
        .with("preset", id)),
    }
}

/// Every shipped rule set.
pub fn all_rule_sets() -> impl Iterator<Item = &'static RuleSet> {
    rule_sets().iter().filter_map(|r| r.as_ref().ok())
}

fn catalogues() -> &'static [Result<GiftCatalogue>] {
    static CATS: OnceLock<Vec<Result<GiftCatalogue>>> = OnceLock::new();
    CATS.get_or_init(|| {
        GIFT_CATALOGUES
            .iter()
            .map(|(_, text)| {
                from_json_str::<CatalogueInput>(text).and_then(GiftCatalogue::from_catalogue_input)
            })
            .collect()
    })
}

/// Ids of the shipped rate cards.
pub fn rate_card_ids() -> impl Iterator<Item = &'static str> {
    RATE_CARDS.iter().map(|(id, _)| *id)
}

/// Ids of the shipped gift catalogues.
pub fn gift_catalogue_ids() -> impl Iterator<Item = &'static str> {
    GIFT_CATALOGUES.iter().map(|(id, _)| *id)
}

/// The shipped rate card `id`, or an `unknown_preset` error at `path` naming close ids.
pub fn rate_card(id: &str, path: &str) -> Result<&'static RateCard> {
    match rate_card_ids().position(|known| known == id) {
        Some(i) => rate_cards()[i].as_ref().map_err(Clone::clone),
        None => Err(Error::new(
            ErrorCode::UnknownPreset,
            path,
            format!(
                "there is no rate card preset `{}`{}; `giftsim presets` lists them",
                id.chars().take(id::MAX_ID_LEN).collect::<String>(),
                crate::words::hint(id, rate_card_ids())
            ),
        )
        .with("preset", id)),
    }
}

/// Every shipped rate card that parsed (all of them, as the tests check).
pub fn all_rate_cards() -> impl Iterator<Item = &'static RateCard> {
    rate_cards().iter().filter_map(|r| r.as_ref().ok())
}

/// A card's optimizer: a shipped card's is built once and shared (its residue table can take a
/// millisecond to build, a quote a few microseconds); any other card's is built for the question.
pub enum CardOptimizer {
    /// A shipped card's.
    Shared(&'static Optimizer),
    /// Built for this card.
    Own(Box<Optimizer>),
}

impl std::ops::Deref for CardOptimizer {
    type Target = Optimizer;
    fn deref(&self) -> &Optimizer {
        match self {
            CardOptimizer::Shared(o) => o,
            CardOptimizer::Own(o) => o,
        }
    }
}

/// The optimizer for `card`: shared when `card` is a shipped card itself (the very value
/// [`rate_card`] returns), else built now.
pub fn optimizer(card: &RateCard) -> CardOptimizer {
    static SHARED: OnceLock<Vec<OnceLock<Optimizer>>> = OnceLock::new();
    let shipped = rate_card_ids()
        .position(|id| id == card.id)
        .filter(|&i| matches!(&rate_cards()[i], Ok(c) if std::ptr::eq(c, card)));
    match shipped {
        Some(i) => {
            let cells =
                SHARED.get_or_init(|| rate_cards().iter().map(|_| OnceLock::new()).collect());
            CardOptimizer::Shared(cells[i].get_or_init(|| Optimizer::for_card(card)))
        }
        None => CardOptimizer::Own(Box::new(Optimizer::for_card(card))),
    }
}

/// The optimizer for a series of purchases on `card` (a plan's): as [`optimizer`], but a card
/// with limited offers gets one without them, so no event reuses a first-purchase pack.
pub fn open_optimizer(card: &RateCard) -> CardOptimizer {
    if card.bundles.iter().any(|b| b.max_purchases.is_some()) {
        CardOptimizer::Own(Box::new(Optimizer::for_card_open(card)))
    } else {
        optimizer(card)
    }
}

/// The shipped gift catalogue `id`.
pub fn gift_catalogue(id: &str) -> Option<GiftCatalogue> {
    let i = GIFT_CATALOGUES.iter().position(|(known, _)| *known == id)?;
    catalogues()[i].as_ref().ok().cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_parses_and_validates() {
        let ids: Vec<&str> = rate_card_ids().collect();
        assert_eq!(ids.len(), rate_cards().len());
        for (i, card) in rate_cards().iter().enumerate() {
            let card = card.as_ref().unwrap_or_else(|e| panic!("{}: {e}", ids[i]));
            assert_eq!(card.id, ids[i]);
        }
        for cat in catalogues() {
            cat.as_ref().unwrap();
        }
        for (i, set) in rule_sets().iter().enumerate() {
            let set = set
                .as_ref()
                .unwrap_or_else(|e| panic!("{}: {e}", RULE_SETS[i].0));
            assert_eq!(set.id, RULE_SETS[i].0);
        }
    }

    /// The sub-fields a whole-object figure path stands for, when its sources name them one
    /// by one (the custom amount's price and maximum are sourced, its minimum and step
    /// estimated).
    fn parts(field: &str) -> Vec<String> {
        match field {
            "custom_amount" => ["price_per_coin", "step_coins", "min_coins", "max_coins"]
                .iter()
                .map(|p| format!("{field}.{p}"))
                .collect(),
            _ => vec![field.to_string()],
        }
    }

    /// True when `sources` cover `field`, as a whole or in every one of its parts.
    fn covered(sources: &[crate::sources::Provenance], field: &str) -> bool {
        sources.iter().any(|s| s.covers(field))
            || parts(field)
                .iter()
                .all(|p| sources.iter().any(|s| s.covers(p)))
    }

    /// Every entry is either a dated, graded source (`as_of` for a dated page, `checked`
    /// for an undated one) or an estimate with its method.
    fn check_entries(owner: &str, sources: &[crate::sources::Provenance]) {
        for (i, s) in sources.iter().enumerate() {
            let at = format!("{owner}: sources[{i}] ({:?})", s.fields);
            if s.estimate {
                assert!(
                    s.method.as_deref().is_some_and(|m| !m.trim().is_empty()),
                    "{at}: an estimate without a method"
                );
            } else {
                assert!(
                    s.source.as_deref().is_some_and(|u| !u.trim().is_empty()),
                    "{at}: no source"
                );
                assert!(
                    s.as_of.is_some() || s.checked.is_some(),
                    "{at}: no as_of (the source's date) or checked (the day an undated page was read)"
                );
                assert!(s.confidence.is_some(), "{at}: no confidence grade");
            }
        }
    }

    #[test]
    fn every_preset_figure_has_a_source_or_is_an_estimate() {
        let platforms: Vec<&str> = all_rate_cards().map(|c| c.platform.as_str()).collect();
        for card in all_rate_cards() {
            for field in card.figure_paths() {
                assert!(
                    covered(&card.sources, &field),
                    "{}: figure `{field}` has no source entry",
                    card.id
                );
            }
            assert!(card.as_of.is_some(), "{} has no as_of", card.id);
            check_entries(&card.id, &card.sources);
        }
        for set in all_rule_sets() {
            for field in set.rule_paths() {
                assert!(
                    covered(&set.sources, &field),
                    "{}: rule `{field}` has no source entry",
                    set.id
                );
            }
            assert!(set.as_of.is_some(), "{} has no as_of", set.id);
            check_entries(&set.id, &set.sources);
            let input = set.to_input();
            for p in &set.scope.platforms {
                assert!(
                    platforms.contains(&p.as_str()),
                    "{}: platform `{p}` is no rate card's platform",
                    set.id
                );
            }
            if set.scope.opt_in {
                continue;
            }
            assert!(
                set.scope.jurisdiction.is_some() || !set.scope.platforms.is_empty(),
                "{}: neither a jurisdiction nor the platforms whose policy it is",
                set.id
            );
            assert!(
                input
                    .instrument
                    .as_deref()
                    .is_some_and(|i| !i.trim().is_empty()),
                "{}: no instrument",
                set.id
            );
            assert!(
                !set.scope.history.is_empty(),
                "{}: no status history",
                set.id
            );
        }
        let tiktok = gift_catalogue("tiktok").unwrap();
        assert!(tiktok.gifts().len() >= 20);
        for gift in tiktok.gifts() {
            assert!(
                tiktok.sources().iter().any(|s| s.covers(&gift.id)),
                "gift `{}` has no source",
                gift.id
            );
        }
        check_entries("gifts tiktok", tiktok.sources());
    }

    #[test]
    fn registry_dates() {
        use crate::caps::registry::Status;
        use crate::time_zone::Date;
        let on = |id: &str, day: &str| {
            let set = rule_set(id, "rule_set").unwrap();
            set.scope.status_on(Date::parse(day).unwrap())
        };
        // The day before a set's first status it has none; a status applies (is used by
        // "auto") only when in force, self-regulation or platform policy.
        let applies = |id: &str, day: &str| on(id, day).is_some_and(Status::applies);
        let au = "au-smma-2025";
        assert_eq!(on(au, "2025-12-09"), None);
        assert_eq!(on(au, "2025-12-10"), Some(Status::InForce));
        assert!(applies(au, "2025-12-10"));
        let tx = "us-tx-asaa-2026";
        assert_eq!(on(tx, "2025-12-22"), None);
        for day in ["2025-12-23", "2026-01-01", "2026-06-03"] {
            assert_eq!(on(tx, day), Some(Status::Enjoined), "{day}");
            assert!(!applies(tx, day), "{day}");
        }
        assert_eq!(on(tx, "2026-06-04"), Some(Status::InForce));
        assert!(applies(tx, "2026-06-04"));
        // Enacted, duties later: not applied until the day they start.
        for (id, last_day_before, first_day) in [
            ("us-ut-asaa-2026", "2027-05-05", "2027-05-06"),
            ("us-la-asaa-2026", "2027-06-30", "2027-07-01"),
            ("us-al-asaa-2026", "2026-12-31", "2027-01-01"),
        ] {
            assert_eq!(
                on(id, last_day_before),
                Some(Status::NotYetApplicable),
                "{id}"
            );
            assert!(!applies(id, last_day_before), "{id}");
            assert_eq!(on(id, first_day), Some(Status::InForce), "{id}");
            assert!(applies(id, first_day), "{id}");
        }
        assert_eq!(on("us-ut-asaa-2026", "2025-05-06"), None);
        assert_eq!(
            on("us-ut-asaa-2026", "2026-05-06"),
            Some(Status::NotYetApplicable)
        );
        assert_eq!(on("cn-live-2022", "2022-05-06"), None);
        assert!(applies("cn-live-2022", "2022-05-07"));
        assert!(applies("cn-minors-2024", "2024-01-01"));
        assert_eq!(on("kr-live", "2019-01-01"), Some(Status::SelfRegulation));
        assert_eq!(on("jp-social-games-2012", "2012-03-31"), None);
        assert!(applies("jp-social-games-2012", "2012-04-01"));
        assert_eq!(
            on("tiktok-global", "2026-06-01"),
            Some(Status::PlatformPolicy)
        );
        // Who the registry considers: a Texan buying in the iOS app, not on the web; the
        // family settings and the Play budget only when chosen.
        let ios = crate::rate_card::Channel::Ios;
        let web = crate::rate_card::Channel::Web;
        let ids = |region: &str, platform: &str, channel| {
            crate::caps::registry::candidates(
                all_rule_sets(),
                region,
                Some(platform),
                Some(channel),
            )
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>()
        };
        assert_eq!(
            ids("US-TX", "tiktok", ios),
            ["tiktok-global", "us-tx-asaa-2026"]
        );
        assert_eq!(ids("US-TX", "tiktok", web), ["tiktok-global"]);
        assert_eq!(
            ids("AU", "youtube", web),
            ["youtube-viewer-limits", "au-smma-2025"]
        );
        assert_eq!(
            ids("CN", "roblox", web),
            ["cn-games-2019", "cn-minors-2024"]
        );
        assert_eq!(
            ids("CN", "tiktok", web),
            ["tiktok-global", "cn-live-2022", "cn-minors-2024"]
        );
        assert_eq!(ids("KR", "twitch", web), ["kr-live"]);
        assert_eq!(ids("JP", "roblox", web), ["jp-social-games-2012"]);
        for set in all_rule_sets().filter(|s| s.scope.opt_in) {
            assert!(
                ["under18-family", "none", "google-play-budget"].contains(&set.id.as_str()),
                "{} is opt-in",
                set.id
            );
        }
    }

    #[test]
    fn the_required_presets_and_gifts_exist() {
        for id in [
            "tiktok-web",
            "tiktok-ios",
            "tiktok-android",
            "twitch-bits",
            "youtube-super-chat",
            "roblox",
        ] {
            rate_card(id, "rate_card").unwrap();
        }
        let tiktok = gift_catalogue("tiktok").unwrap();
        for id in [
            "rose",
            "finger-heart",
            "doughnut",
            "galaxy",
            "lion",
            "tiktok-universe",
        ] {
            tiktok.find(id, "gift").unwrap();
        }
        for id in [
            "tiktok-global",
            "cn-games-2019",
            "cn-live-2022",
            "under18-family",
            "kr-live",
            "youtube-viewer-limits",
            "au-smma-2025",
            "us-ut-asaa-2026",
            "us-la-asaa-2026",
            "us-al-asaa-2026",
            "us-tx-asaa-2026",
            "jp-social-games-2012",
            "google-play-budget",
            "cn-minors-2024",
            "none",
        ] {
            rule_set(id, "rule_set").unwrap();
        }
        let err = rate_card("tiktok-webb", "rate_card").unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownPreset);
        assert!(err.message.contains("tiktok-web"), "{}", err.message);
    }

    #[test]
    fn an_inline_card_names_its_catalogue_or_lists_its_gifts() {
        let mut input = rate_card("tiktok-web", "").unwrap().to_input();
        let card =
            |input: &RateCardInput| rate_card_of(&PresetOr::Given(input.clone()), "rate_card");
        assert_eq!(card(&input).unwrap().gifts.id.as_deref(), Some("tiktok"));
        type Case = (&'static str, ErrorCode, &'static str);
        let cases: &[Case] = &[
            (r#""nope""#, ErrorCode::UnknownPreset, "rate_card.gifts"),
            (
                r#"[{"id": "rose", "name": "Rose", "coins": 0}]"#,
                ErrorCode::OutOfRange,
                "rate_card.gifts[0].coins",
            ),
        ];
        for (gifts, code, path) in cases {
            input.gifts = Some(serde_json::from_str(gifts).unwrap());
            let err = card(&input).unwrap_err();
            assert_eq!((err.code, err.path.as_str()), (*code, *path), "{gifts}");
        }
        input.gifts = None;
        assert!(card(&input).unwrap().gifts.gifts().is_empty());
    }
}
