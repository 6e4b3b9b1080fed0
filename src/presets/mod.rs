//! The rate cards and gift catalogues giftsim ships, as JSON data files compiled into the
//! binary. Every figure names its source and date, or is marked as an estimate with its method
//! (see `../shared/research/economy-facts.md` for the research behind them).

use crate::caps::{RuleSet, RuleSetInput};
use crate::error::{from_json_str, Error, ErrorCode, Result};
use crate::gifts::{CatalogueInput, GiftCatalogue, GiftInput};
use crate::id;
use crate::preset_or::PresetOr;
use crate::rate_card::{RateCard, RateCardInput};
use std::borrow::Cow;
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
];

/// The shipped rule sets.
const RULE_SETS: &[(&str, &str)] = &[
    preset!("rule_sets", "tiktok-global"),
    preset!("rule_sets", "cn-games-2019"),
    preset!("rule_sets", "cn-live-2022"),
    preset!("rule_sets", "under18-family"),
    preset!("rule_sets", "kr-live"),
    preset!("rule_sets", "youtube-viewer-limits"),
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
    match RATE_CARDS.iter().position(|(known, _)| *known == id) {
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
