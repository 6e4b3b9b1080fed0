//! Store price points: the prices an app store lets a bundle have, so that an optimized price
//! is one the store would accept. Each ladder is dated data with its source; where the source
//! gives only the steps, the points themselves are our estimate and say so.

use crate::error::{Error, ErrorCode, Result};
use crate::money::{Currency, Money};
use crate::sources::Confidence;
use schemars::JsonSchema;
use serde::Serialize;

/// A run of price points: `from`, `from + step`, … up to `to`, in minor units.
#[derive(Debug, Clone, Copy)]
struct Band {
    from: i128,
    to: i128,
    step: i128,
}

/// A store's price points in one currency, with where they come from.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PriceLadder {
    /// Id (`apple-us`, `google-play-us`).
    pub id: &'static str,
    /// What it is.
    pub name: &'static str,
    /// Its currency.
    pub currency: Currency,
    /// Lowest price point.
    pub min: Money,
    /// Highest price point.
    pub max: Money,
    /// Where the steps come from.
    pub source: &'static str,
    /// When the source states them (or when we read an undated source).
    pub as_of: &'static str,
    /// How far the source can be trusted.
    pub confidence: Confidence,
    /// True: the points themselves are our reading of the source's steps.
    pub estimate: bool,
    /// How the points were made from the source.
    pub method: &'static str,
    #[serde(skip)]
    bands: &'static [Band],
}

const fn band(from: i128, to: i128, step: i128) -> Band {
    Band { from, to, step }
}

/// The shipped ladders.
const LADDERS: &[PriceLadder] = &[
    PriceLadder {
        id: "apple-us",
        name: "Apple App Store price points, United States (USD)",
        currency: Currency::USD,
        min: Money::from_minor_const(29, Currency::USD),
        max: Money::from_minor_const(99_999, Currency::USD),
        source: "https://voonze.com/apple-developers-can-now-manage-app-prices-more-flexibly/",
        as_of: "2023",
        confidence: Confidence::M,
        estimate: true,
        method: "The source gives the steps ($0.10 up to $10, $0.50 up to $50, $1 up to $200, \"and so on\", 900 points per currency). We write each step's points ending in 9 ($0.29 … $9.99, $10.49 … $49.99, $50.99 … $199.99) and continue the pattern with $5 steps to $500 and $10 steps to $1,000 (our estimate). TikTok's iOS prices ($0.99, $4.99, $19.99, $249.99) are all on it.",
        bands: &[
            band(29, 999, 10),
            band(1_049, 4_999, 50),
            band(5_099, 19_999, 100),
            band(20_499, 49_999, 500),
            band(50_999, 99_999, 1_000),
        ],
    },
    PriceLadder {
        id: "google-play-us",
        name: "Google Play price points, United States (USD)",
        currency: Currency::USD,
        min: Money::from_minor_const(1, Currency::USD),
        max: Money::from_minor_const(99_999, Currency::USD),
        source: "https://developers.google.com/android-publisher/api-ref/rest/v3/monetization/convertRegionPrices",
        as_of: "2025-10-10",
        confidence: Confidence::M,
        estimate: true,
        method: "Google Play takes a developer's own price rather than a fixed list; we allow any whole cent from $0.01 to $999.99 (the range is our estimate).",
        bands: &[band(1, 99_999, 1)],
    },
];

/// Every shipped ladder.
pub fn ladders() -> &'static [PriceLadder] {
    LADDERS
}

/// The ladder with id `id`, or an error at `path` naming the ones there are.
pub fn ladder(id: &str, path: &str) -> Result<&'static PriceLadder> {
    LADDERS.iter().find(|l| l.id == id).ok_or_else(|| {
        let ids: Vec<&str> = LADDERS.iter().map(|l| l.id).collect();
        Error::new(
            ErrorCode::InvalidValue,
            path,
            format!(
                "there are no price points `{}`; use {}",
                id.chars().take(40).collect::<String>(),
                ids.join(" or ")
            ),
        )
        .with("suggestions", ids)
    })
}

impl PriceLadder {
    /// Whether `minor` is one of the points.
    pub fn contains(&self, minor: i128) -> bool {
        self.bands
            .iter()
            .any(|b| minor >= b.from && minor <= b.to && (minor - b.from) % b.step == 0)
    }

    /// The points from `lo` to `hi` (minor units, both included), in order.
    pub fn within(&self, lo: i128, hi: i128) -> Vec<i128> {
        let mut out = Vec::new();
        for b in self.bands {
            if b.to < lo || b.from > hi {
                continue;
            }
            // The first point of the band at or above `lo`.
            let skip = (lo - b.from).max(0);
            let mut p = b.from + (skip + b.step - 1) / b.step * b.step;
            while p <= b.to.min(hi) {
                out.push(p);
                p += b.step;
            }
        }
        out
    }

    /// The points nearest `minor`: the one below and the one above, where they exist.
    pub fn nearest(&self, minor: i128) -> Vec<i128> {
        let below = self.within(self.min.minor(), minor).last().copied();
        let above = self.within(minor, self.max.minor()).first().copied();
        below.into_iter().chain(above).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apple_points_hold_the_tiktok_ios_prices_and_skip_the_rest() {
        let apple = ladder("apple-us", "p").unwrap();
        for price in [99, 499, 999, 1_999, 4_999, 9_999, 24_999] {
            assert!(apple.contains(price), "{price}");
        }
        assert!(!apple.contains(1_000) && !apple.contains(1_019) && !apple.contains(5_049));
        assert_eq!(
            apple.within(950, 1_150),
            vec![959, 969, 979, 989, 999, 1_049, 1_099, 1_149]
        );
        assert_eq!(apple.nearest(1_000), vec![999, 1_049]);
        let all = apple.within(0, 1_000_000);
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(all.len(), 98 + 80 + 150 + 60 + 50);
    }

    #[test]
    fn unknown_ladders_name_the_ones_there_are() {
        let e = ladder("apple", "variables[0].price_points").unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidValue);
        assert!(e.message.contains("apple-us"));
    }
}
