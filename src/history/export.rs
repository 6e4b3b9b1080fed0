//! The parts of a TikTok "Download your data" JSON export that giftsim reads, in both key eras
//! (current `Your Activity → Purchases`, older `Activity → Purchase History`), as the public
//! parsers in `../shared/research/frontier-facts.md` §1.1 document them. Everything else in the
//! file is skipped unread; a section may be `null` where the person has no records.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{Deserializer, Error as _};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;

/// A TikTok export (`user_data_tiktok.json`, or the older `user_data.json`).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct TikTokExport {
    /// Current exports' activity.
    #[serde(rename = "Your Activity", default)]
    pub your_activity: Option<Activity>,
    /// Older exports' activity.
    #[serde(rename = "Activity", default)]
    pub activity: Option<Activity>,
    /// The profile, with the date of birth.
    #[serde(rename = "Profile", default)]
    pub profile: Option<Profile>,
}

/// The activity section.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct Activity {
    /// Current exports' purchases.
    #[serde(rename = "Purchases", default)]
    pub purchases: Option<Purchases>,
    /// Older exports' purchases.
    #[serde(rename = "Purchase History", default)]
    pub purchase_history: Option<Purchases>,
}

/// Coins bought and gifts sent.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct Purchases {
    /// Coin purchases.
    #[serde(rename = "BuyGifts", default)]
    pub buy_gifts: Option<BuyGifts>,
    /// Gifts sent.
    #[serde(rename = "SendGifts", default)]
    pub send_gifts: Option<SendGifts>,
}

/// `BuyGifts: { BuyGifts: [...] | null }`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct BuyGifts {
    /// The purchases (`null` when there are none).
    #[serde(rename = "BuyGifts", default)]
    pub list: Option<Vec<BuyGift>>,
}

/// `SendGifts: { SendGifts: [...] | null }`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct SendGifts {
    /// The gifts (`null` when there are none).
    #[serde(rename = "SendGifts", default)]
    pub list: Option<Vec<SendGift>>,
}

/// One coin purchase.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct BuyGift {
    /// `YYYY-MM-DD HH:MM:SS`, in no stated time zone.
    #[serde(rename = "Date")]
    pub date: String,
    /// Coins, or money, or a text that says which: TikTok documents none.
    #[serde(rename = "Price")]
    pub price: Scalar,
}

/// One gift sent.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct SendGift {
    /// `YYYY-MM-DD HH:MM:SS`, in no stated time zone.
    #[serde(rename = "Date")]
    pub date: String,
    /// Coins the gift cost (probably: TikTok documents none).
    #[serde(rename = "GiftAmount")]
    pub gift_amount: Scalar,
    /// Who received it.
    #[serde(rename = "UserName", default)]
    pub user_name: Option<String>,
}

/// The profile section.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct Profile {
    /// Current exports.
    #[serde(rename = "Profile Info", default)]
    pub info: Option<ProfileInfo>,
    /// Older exports.
    #[serde(rename = "Profile Information", default)]
    pub information: Option<ProfileInfo>,
}

/// `{ ProfileMap: {...} }`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct ProfileInfo {
    /// The profile's fields.
    #[serde(rename = "ProfileMap", default)]
    pub map: Option<ProfileMap>,
}

/// The profile fields read.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct ProfileMap {
    /// `01-Feb-2011` or `Feb-01-2011`.
    #[serde(rename = "birthDate", default)]
    pub birth_date: Option<String>,
}

/// A value an export writes as a string or a number: kept as the literal text, so an amount
/// never passes through a float.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(d)?;
        let text = raw.get().trim();
        if text.starts_with('"') {
            return serde_json::from_str::<String>(text)
                .map(Scalar)
                .map_err(D::Error::custom);
        }
        if text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
            return Ok(Scalar(text.to_string()));
        }
        Err(D::Error::custom(format!(
            "invalid type: {}, expected a string or a number",
            text.chars().take(20).collect::<String>()
        )))
    }
}

impl JsonSchema for Scalar {
    fn schema_name() -> Cow<'static, str> {
        "Scalar".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": ["string", "number"]})
    }
}

impl TikTokExport {
    /// The purchases section and its path, whichever era wrote it.
    pub fn purchases(&self) -> Option<(&Purchases, &'static str)> {
        let current = self.your_activity.as_ref().and_then(|a| {
            a.purchases
                .as_ref()
                .map(|p| (p, "tiktok.Your Activity.Purchases"))
        });
        current.or_else(|| {
            self.activity.as_ref().and_then(|a| {
                a.purchase_history
                    .as_ref()
                    .map(|p| (p, "tiktok.Activity.Purchase History"))
            })
        })
    }

    /// True when the file has either era's activity section: a TikTok export.
    pub fn is_export(&self) -> bool {
        self.your_activity.is_some() || self.activity.is_some() || self.profile.is_some()
    }

    /// Which era of keys the file uses.
    pub fn era(&self) -> &'static str {
        if self.your_activity.is_some() {
            "tiktok-2024"
        } else {
            "tiktok-legacy"
        }
    }

    /// The profile's date of birth, as written.
    pub fn birth_date(&self) -> Option<&str> {
        let p = self.profile.as_ref()?;
        p.info
            .as_ref()
            .or(p.information.as_ref())?
            .map
            .as_ref()?
            .birth_date
            .as_deref()
    }
}
