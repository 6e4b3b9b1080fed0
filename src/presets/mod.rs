//! The rate cards and gift catalogues giftsim ships, as JSON data files compiled into the
//! binary. Every figure names its source and date, or is marked as an estimate with its method
//! (see `../shared/research/economy-facts.md` for the research behind them).

use crate::caps::{RuleSet, RuleSetInput};
use crate::error::{from_json_str, Error, ErrorCode, Result};
use crate::gifts::{CatalogueInput, GiftCatalogue};
use crate::id;
use crate::rate_card::{RateCard, RateCardInput};
use std::sync::OnceLock;

/// The shipped rate cards, in the order `presets` lists them.
const RATE_CARDS: &[(&str, &str)] = &[
    (
        "tiktok-web",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rate_cards/tiktok-web.json"
        )),
    ),
    (
        "tiktok-ios",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rate_cards/tiktok-ios.json"
        )),
    ),
    (
        "tiktok-android",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rate_cards/tiktok-android.json"
        )),
    ),
    (
        "tiktok-ios-gbp",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rate_cards/tiktok-ios-gbp.json"
        )),
    ),
    (
        "twitch-bits",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rate_cards/twitch-bits.json"
        )),
    ),
    (
        "twitch-bits-mobile",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rate_cards/twitch-bits-mobile.json"
        )),
    ),
    (
        "youtube-super-chat",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rate_cards/youtube-super-chat.json"
        )),
    ),
    (
        "roblox",
        include_str!(concat!(env!("OUT_DIR"), "/presets/rate_cards/roblox.json")),
    ),
    (
        "facebook-stars",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rate_cards/facebook-stars.json"
        )),
    ),
    (
        "instagram-gifts",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rate_cards/instagram-gifts.json"
        )),
    ),
    (
        "snapchat-gifts",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rate_cards/snapchat-gifts.json"
        )),
    ),
];

/// The shipped rule sets.
const RULE_SETS: &[(&str, &str)] = &[
    (
        "tiktok-global",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rule_sets/tiktok-global.json"
        )),
    ),
    (
        "cn-games-2019",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rule_sets/cn-games-2019.json"
        )),
    ),
    (
        "cn-live-2022",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rule_sets/cn-live-2022.json"
        )),
    ),
    (
        "under18-family",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rule_sets/under18-family.json"
        )),
    ),
    (
        "kr-live",
        include_str!(concat!(env!("OUT_DIR"), "/presets/rule_sets/kr-live.json")),
    ),
    (
        "youtube-viewer-limits",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/rule_sets/youtube-viewer-limits.json"
        )),
    ),
    (
        "none",
        include_str!(concat!(env!("OUT_DIR"), "/presets/rule_sets/none.json")),
    ),
];

/// The shipped gift catalogues.
const GIFT_CATALOGUES: &[(&str, &str)] = &[(
    "tiktok",
    include_str!(concat!(env!("OUT_DIR"), "/presets/gifts/tiktok.json")),
)];

fn parse_card(id: &str, text: &str) -> Result<RateCard> {
    let input: RateCardInput = from_json_str(text)?;
    if input.id != id {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "id",
            "preset file id differs from its name",
        ));
    }
    RateCard::from_input(&input)
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
                id::hint(id, rule_set_ids())
            ),
        )),
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
    match RATE_CARDS.iter().position(|(known, _)| *known == id) {
        Some(i) => rate_cards()[i].as_ref().map_err(Clone::clone),
        None => Err(Error::new(
            ErrorCode::UnknownPreset,
            path,
            format!(
                "there is no rate card preset `{}`{}; `giftsim presets` lists them",
                id.chars().take(id::MAX_ID_LEN).collect::<String>(),
                id::hint(id, rate_card_ids())
            ),
        )),
    }
}

/// Every shipped rate card that parsed (all of them, as the tests check).
pub fn all_rate_cards() -> impl Iterator<Item = &'static RateCard> {
    rate_cards().iter().filter_map(|r| r.as_ref().ok())
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
        for (i, card) in rate_cards().iter().enumerate() {
            let card = card
                .as_ref()
                .unwrap_or_else(|e| panic!("{}: {e}", RATE_CARDS[i].0));
            assert_eq!(card.id, RATE_CARDS[i].0);
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

    #[test]
    fn every_preset_figure_has_a_source_or_is_an_estimate() {
        for card in all_rate_cards() {
            for field in card.figure_paths() {
                assert!(
                    card.sources.iter().any(|s| s.covers(&field)),
                    "{}: figure `{field}` has no source entry",
                    card.id
                );
            }
            assert!(card.as_of.is_some(), "{} has no as_of", card.id);
        }
        for set in all_rule_sets() {
            for field in set.rule_paths() {
                assert!(
                    set.sources.iter().any(|s| s.covers(&field)),
                    "{}: rule `{field}` has no source entry",
                    set.id
                );
            }
            assert!(set.as_of.is_some(), "{} has no as_of", set.id);
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
            "none",
        ] {
            rule_set(id, "rule_set").unwrap();
        }
        let err = rate_card("tiktok-webb", "rate_card").unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownPreset);
        assert!(err.message.contains("tiktok-web"), "{}", err.message);
    }
}
