//! giftsim: exact money math for creator-gifting economies.
//!
//! Viewers buy coins in bundles, spend them on gifts, creators receive Diamonds, and Diamonds
//! become cash. giftsim follows every cent of that chain exactly.
//!
//! # Map of the crate
//! - [`money`]: `Money`, `Currency`, and the rounding policy (the only place rounding lives).
//! - [`rate_card`]: rate cards (bundles, fees, creator terms, payouts), validated on construction.
//! - [`bundles`]: the cheapest bundle mix for any number of coins.
//! - [`gifts`]: gift catalogues.
//! - [`caps`]: spending rules (ages, caps, windows, warnings) and the verdicts they give.
//! - [`time_zone`]: time zones and timestamps for calendar windows.
//! - [`lots`]: coin lots spent first-in-first-out, so each gift's real cost is exact.
//! - [`flow`]: where every cent of a purchase goes, as entries that add up to what the viewer paid.
//! - [`payout`]: when a creator's earnings can be withdrawn.
//! - [`simulate`]: population Monte Carlo, sweeps and A/B comparisons.
//! - [`presets`]: the shipped rate cards and gift catalogues, with sources.
//! - [`ops`]: the JSON contract, one function per operation.
//! - [`error`]: the one error type, `{code, path, message}`.
//! - `wasm` (wasm32 only): the JS edge; `main.rs`: the CLI edge.
//!
//! # Example
//! Every operation takes one JSON document, as on the CLI and in WebAssembly; a typed request
//! works the same way.
//! ```
//! use giftsim::ops::{self, Operation, QuoteRequest};
//!
//! // A Lion (29,999 coins) bought in the iOS app: the cheapest bundle mix, to the cent.
//! let request: QuoteRequest = giftsim::error::from_json_str(
//!     r#"{"rate_card": "tiktok-ios", "gifts": [{"gift": "lion", "count": 1}]}"#,
//! )?;
//! let answer = ops::quote(&request)?;
//! assert_eq!(answer.purchase.viewer_pays.to_string(), "453.85");
//!
//! // Bad input is a typed error with a code, the JSON path and a sentence, never a panic.
//! let err = ops::run(Operation::Quote, r#"{"rate_card": "tiktok-ios", "gifts": [{"gift": "unicorn"}]}"#)
//!     .unwrap_err();
//! assert_eq!((err.code.as_str(), err.path.as_str()), ("unknown_gift", "gifts[0].gift"));
//! # Ok::<(), giftsim::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "simulate")]
pub mod audit;
pub mod bundles;
pub mod caps;
pub mod creator;
pub mod error;
pub mod flow;
pub mod gifts;
#[cfg(feature = "simulate")]
pub mod history;
pub mod id;
mod json_path;
pub mod lots;
pub mod money;
pub mod ops;
pub mod payout;
pub mod plan;
pub mod preset_or;
pub mod presets;
pub mod rate_card;
#[cfg(feature = "simulate")]
pub mod simulate;
mod sort;
pub mod sources;
pub mod time_zone;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
mod words;

pub use error::{Error, ErrorCode, Result};
