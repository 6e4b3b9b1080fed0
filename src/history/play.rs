//! Google Play's side of a purchase (Google Takeout, "Google Play Store"): the invoice with the
//! money really paid, tax and refunds included, which TikTok's own export lacks. Coins bought in
//! the Android app are Play purchases; each is matched to the TikTok record nearest in time.

use super::amount::{self, Amount};
use super::export::Scalar;
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::{Currency, Money};
use crate::time_zone::{parse_timestamp, Instant};
use schemars::JsonSchema;
use serde::Deserialize;

/// How far apart in time a Play invoice and a TikTok purchase may be and still match.
pub const MATCH_MINUTES: i64 = 15;

/// The Google Play Store files of a Takeout archive.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GooglePlay {
    /// `Purchase History.json`.
    #[serde(default)]
    pub purchase_history: Option<Vec<PurchaseEntry>>,
    /// `Order History.json` (carries tax and refunds; preferred when both are given).
    #[serde(default)]
    pub order_history: Option<Vec<OrderEntry>>,
}

/// `{ "purchaseHistory": {...} }`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct PurchaseEntry {
    /// The purchase.
    #[serde(rename = "purchaseHistory", default)]
    pub purchase: Option<PlayPurchase>,
}

/// One Play purchase.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct PlayPurchase {
    /// `"$0.99"`.
    #[serde(rename = "invoicePrice", default)]
    pub invoice_price: Option<String>,
    /// ISO 8601 in UTC.
    #[serde(rename = "purchaseTime", default)]
    pub purchase_time: Option<Scalar>,
    /// What was bought.
    #[serde(default)]
    pub doc: Option<Doc>,
}

/// `{ "orderHistory": {...} }`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct OrderEntry {
    /// The order.
    #[serde(rename = "orderHistory", default)]
    pub order: Option<PlayOrder>,
}

/// One Play order.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct PlayOrder {
    /// Google's order id.
    #[serde(rename = "orderId", default)]
    pub order_id: Option<String>,
    /// When (format undocumented: ISO 8601, or milliseconds since 1970).
    #[serde(rename = "creationTime", default)]
    pub creation_time: Option<Scalar>,
    /// `"$4.99"`, tax included.
    #[serde(rename = "totalPrice", default)]
    pub total_price: Option<String>,
    /// `"$0.00"` when nothing was refunded.
    #[serde(rename = "refundAmount", default)]
    pub refund_amount: Option<String>,
    /// What was bought.
    #[serde(rename = "lineItem", default)]
    pub line_item: Vec<LineItem>,
}

/// One line of an order.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct LineItem {
    /// What was bought.
    #[serde(default)]
    pub doc: Option<Doc>,
}

/// A Play catalogue item.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct Doc {
    /// Its title (`"TikTok Coins"`).
    #[serde(default)]
    pub title: Option<String>,
}

/// A Play invoice for TikTok coins.
#[derive(Debug, Clone)]
pub struct Invoice {
    /// When.
    pub at: Instant,
    /// What was paid.
    pub paid: Money,
    /// Whether any of it was refunded.
    pub refunded: bool,
    /// Google's order id, when the file has one.
    pub order_id: Option<String>,
}

fn is_tiktok(doc: Option<&Doc>) -> bool {
    doc.and_then(|d| d.title.as_deref()).is_some_and(|t| {
        let t = t.to_lowercase();
        t.contains("tiktok") || t.contains("coin")
    })
}

/// A Play time: ISO 8601 with its offset, or milliseconds since 1970.
fn time(text: &Scalar, path: &str) -> Result<Instant> {
    let t = text.0.trim();
    if !t.is_empty() && t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) {
        let ms: i64 = t.parse().unwrap_or(0);
        return Ok(Instant::from_seconds(ms / 1000));
    }
    parse_timestamp(t, path)
}

fn money(text: &str, hint: Currency, path: &str) -> Result<Money> {
    match amount::read(text, hint, path)? {
        Amount::Money(m) => Ok(m),
        Amount::Bare(d) => Money::parse(&d, hint, path),
        Amount::Coins(_) => Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            "a Google Play price is money, like \"$4.99\"",
        )),
    }
}

impl GooglePlay {
    /// The invoices for TikTok coins, oldest first: from the order history when given, else
    /// from the purchase history. `hint` is the currency a bare `$` means.
    pub fn invoices(&self, hint: Currency) -> Result<Vec<Invoice>> {
        let mut out = Vec::new();
        if let Some(orders) = &self.order_history {
            for (i, entry) in orders.iter().enumerate() {
                let path = join(&index("google_play.order_history", i), "orderHistory");
                let Some(o) = &entry.order else { continue };
                if !o.line_item.iter().any(|l| is_tiktok(l.doc.as_ref())) {
                    continue;
                }
                let (Some(at), Some(price)) = (&o.creation_time, &o.total_price) else {
                    continue;
                };
                let refund = match &o.refund_amount {
                    Some(r) => money(r, hint, &join(&path, "refundAmount"))?,
                    None => Money::zero(hint),
                };
                out.push(Invoice {
                    at: time(at, &join(&path, "creationTime"))?,
                    paid: money(price, hint, &join(&path, "totalPrice"))?,
                    refunded: refund.is_positive(),
                    order_id: o.order_id.clone(),
                });
            }
        } else if let Some(purchases) = &self.purchase_history {
            for (i, entry) in purchases.iter().enumerate() {
                let path = join(&index("google_play.purchase_history", i), "purchaseHistory");
                let Some(p) = &entry.purchase else { continue };
                if !is_tiktok(p.doc.as_ref()) {
                    continue;
                }
                let (Some(at), Some(price)) = (&p.purchase_time, &p.invoice_price) else {
                    continue;
                };
                out.push(Invoice {
                    at: time(at, &join(&path, "purchaseTime"))?,
                    paid: money(price, hint, &join(&path, "invoicePrice"))?,
                    refunded: false,
                    order_id: None,
                });
            }
        }
        crate::sort::sort_by_key(&mut out, |inv| inv.at);
        Ok(out)
    }
}

/// Matches purchases to invoices: each purchase (time order) takes the nearest unused invoice
/// within [`MATCH_MINUTES`]. Answers, per purchase, the invoice's position.
pub fn match_invoices(purchases: &[Instant], invoices: &[Invoice]) -> Vec<Option<usize>> {
    let mut used = vec![false; invoices.len()];
    purchases
        .iter()
        .map(|&t| {
            let lo = t.plus_minutes(-MATCH_MINUTES);
            let hi = t.plus_minutes(MATCH_MINUTES);
            let from = invoices.partition_point(|inv| inv.at < lo);
            let best = invoices[from..]
                .iter()
                .enumerate()
                .take_while(|(_, inv)| inv.at <= hi)
                .filter(|(j, _)| !used[from + j])
                .min_by_key(|(_, inv)| (inv.at.millis() - t.millis()).abs())
                .map(|(j, _)| from + j);
            if let Some(j) = best {
                used[j] = true;
            }
            best
        })
        .collect()
}
