//! The gift catalogue: what each gift costs in coins.

use crate::error::{index, join, Error, ErrorCode, Result};
use crate::id;
use crate::sources::{self, Provenance};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Most coins one gift may cost (TikTok's dearest, TikTok Universe, is 44,999).
pub const MAX_GIFT_COINS: u64 = 10_000_000;
/// Most gifts in one catalogue.
pub const MAX_GIFTS: usize = 1_000;

/// A gift as written in input: id, display name, price in coins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GiftInput {
    /// Lower-kebab-case id (`finger-heart`).
    pub id: String,
    /// Name as the app shows it.
    pub name: String,
    /// Price in coins.
    pub coins: u64,
}

/// A shipped catalogue file: gifts plus the sources of their prices.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueInput {
    /// Catalogue id (`tiktok`), used by rate cards as `"gifts": "tiktok"`.
    pub id: String,
    /// What the catalogue is.
    pub name: String,
    /// The gifts.
    pub gifts: Vec<GiftInput>,
    /// Where each price comes from; `fields` are gift ids.
    #[serde(default)]
    pub sources: Vec<Provenance>,
}

/// A validated gift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Gift {
    /// Lower-kebab-case id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Price in coins (at least 1).
    pub coins: u64,
}

/// A validated catalogue: unique ids, positive prices.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GiftCatalogue {
    /// The shipped catalogue's id, or `None` for gifts written inline in a rate card.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    gifts: Vec<Gift>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Provenance>,
}

impl GiftCatalogue {
    /// An empty catalogue (platforms without named gifts, such as YouTube Super Chat).
    pub fn empty() -> Self {
        GiftCatalogue {
            id: None,
            gifts: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Validates a list of gifts; `path` points at the list.
    pub fn from_inputs(
        id: Option<String>,
        inputs: &[GiftInput],
        sources: Vec<Provenance>,
        path: &str,
    ) -> Result<Self> {
        if inputs.len() > MAX_GIFTS {
            return Err(Error::new(
                ErrorCode::TooLarge,
                path,
                format!(
                    "a catalogue holds at most {} gifts; this one has {}",
                    crate::words::number(MAX_GIFTS as u64),
                    crate::words::number(inputs.len() as u64)
                ),
            )
            .with("max", MAX_GIFTS)
            .with("given", inputs.len()));
        }
        let mut gifts: Vec<Gift> = Vec::with_capacity(inputs.len());
        for (i, g) in inputs.iter().enumerate() {
            let at = index(path, i);
            id::validate(&g.id, &join(&at, "id"))?;
            if g.name.trim().is_empty() || g.name.chars().count() > 80 {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    join(&at, "name"),
                    "a gift name must have 1 to 80 characters",
                ));
            }
            if g.coins == 0 || g.coins > MAX_GIFT_COINS {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    join(&at, "coins"),
                    format!(
                        "a gift costs 1 to {} coins, not {}",
                        crate::words::number(MAX_GIFT_COINS),
                        crate::words::number(g.coins)
                    ),
                )
                .with("min", 1)
                .with("max", MAX_GIFT_COINS)
                .with("given", g.coins));
            }
            if gifts.iter().any(|known| known.id == g.id) {
                return Err(Error::new(
                    ErrorCode::Duplicate,
                    join(&at, "id"),
                    format!("the gift id `{}` appears twice", g.id),
                )
                .with("id", g.id.as_str()));
            }
            gifts.push(Gift {
                id: g.id.clone(),
                name: g.name.clone(),
                coins: g.coins,
            });
        }
        sources::validate_all(&sources, "sources")?;
        Ok(GiftCatalogue { id, gifts, sources })
    }

    /// Validates a shipped catalogue file.
    pub fn from_catalogue_input(input: CatalogueInput) -> Result<Self> {
        id::validate(&input.id, "id")?;
        GiftCatalogue::from_inputs(Some(input.id), &input.gifts, input.sources, "gifts")
    }

    /// Every gift, in catalogue order (cheapest first in shipped catalogues).
    pub fn gifts(&self) -> &[Gift] {
        &self.gifts
    }

    /// Sources of the gift prices.
    pub fn sources(&self) -> &[Provenance] {
        &self.sources
    }

    /// The gift with `id`, or an `unknown_gift` error at `path` naming close ids.
    pub fn find(&self, id: &str, path: &str) -> Result<&Gift> {
        self.gifts.iter().find(|g| g.id == id).ok_or_else(|| {
            let close = crate::words::suggestions(id, self.gifts.iter().map(|g| g.id.as_str()));
            let hint = crate::words::did_you_mean(&close);
            let message = if self.gifts.is_empty() {
                format!("this rate card has no gift catalogue, so there is no gift `{id}`; ask for coins or spend instead")
            } else {
                format!("there is no gift `{id}` in this catalogue{hint}")
            };
            Error::new(ErrorCode::UnknownGift, path, message)
                .with("gift", id)
                .with("suggestions", close)
        })
    }

    /// The inputs this catalogue was built from (for round-tripping a rate card).
    pub fn to_inputs(&self) -> Vec<GiftInput> {
        self.gifts
            .iter()
            .map(|g| GiftInput {
                id: g.id.clone(),
                name: g.name.clone(),
                coins: g.coins,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(id: &str, coins: u64) -> GiftInput {
        GiftInput {
            id: id.into(),
            name: id.into(),
            coins,
        }
    }

    #[test]
    fn validates_gifts_with_paths() {
        let cases: &[(Vec<GiftInput>, ErrorCode, &str)] = &[
            (
                vec![input("Rose", 1)],
                ErrorCode::InvalidValue,
                "gifts[0].id",
            ),
            (
                vec![input("rose", 0)],
                ErrorCode::OutOfRange,
                "gifts[0].coins",
            ),
            (
                vec![input("rose", 1), input("rose", 2)],
                ErrorCode::Duplicate,
                "gifts[1].id",
            ),
        ];
        for (gifts, code, path) in cases {
            let err = GiftCatalogue::from_inputs(None, gifts, vec![], "gifts").unwrap_err();
            assert_eq!((err.code, err.path.as_str()), (*code, *path), "{gifts:?}");
        }
    }

    #[test]
    fn unknown_gift_suggests_a_close_one() {
        let cat =
            GiftCatalogue::from_inputs(None, &[input("lion", 29_999)], vec![], "gifts").unwrap();
        let err = cat.find("loin", "gifts[0].gift").unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownGift);
        assert!(err.message.contains("`lion`"), "{}", err.message);
        assert_eq!(cat.find("lion", "x").unwrap().coins, 29_999);
    }
}
