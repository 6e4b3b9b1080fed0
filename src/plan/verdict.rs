//! What a plan answers about each event and about the person: the verdict with every rule
//! checked, the totals, and what can still be spent.

use crate::caps::check::{Check, Headroom};
use crate::caps::{Action, MinAge};
use crate::money::{Currency, Money, StatedRate};
use schemars::JsonSchema;
use serde::Serialize;

/// An amount as paid, in its own currency, and the stated rate that converted it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Amount {
    /// The amount.
    pub amount: Money,
    /// Its currency.
    pub currency: Currency,
    /// The exchange rate that converted it into the rule set's currency, as stated.
    pub exchange_rate: StatedRate,
}

/// The verdict on one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct EventVerdict {
    /// Position of the event in the input.
    pub index: usize,
    /// Which occurrence of a repeating event, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<u32>,
    /// When, in the person's time zone.
    pub at: String,
    /// Buy or gift.
    pub action: Action,
    /// Gift id, for catalogue gifts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gift: Option<String>,
    /// Coins bought or spent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coins: Option<u64>,
    /// The amount the rules count, in the rule set's currency. A gift is valued at what its
    /// coins cost (first in, first out); one the coins held cannot cover, at the cost of those
    /// held plus the cheapest purchase of the rest.
    pub amount: Money,
    /// The amount as paid, when it was in another currency than the rules count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid: Option<Amount>,
    /// The check that decided the verdict: its level is the event's verdict (`ok`, `warn` or
    /// `block`), with its rule, window, limit, what is used and left, code and message.
    #[serde(flatten)]
    pub decided: Check,
    /// Every rule checked.
    pub checks: Vec<Check>,
    /// The event's note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The person as the rules see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PersonOut {
    /// Age (with a birth date, on the day asked about: the last event's or `now`).
    pub age: u32,
    /// Date of birth, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Time zone used for calendar windows.
    pub time_zone: String,
    /// The age bracket that applies, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bracket: Option<String>,
    /// The minimum ages that apply.
    pub min_age: MinAge,
    /// May buy coins.
    pub may_buy: bool,
    /// May send gifts.
    pub may_gift: bool,
    /// May receive gifts (go LIVE).
    pub may_receive: bool,
}

/// Totals over the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlanSummary {
    /// Events checked.
    pub events: usize,
    /// Allowed without warning.
    pub ok: usize,
    /// Allowed with a warning.
    pub warn: usize,
    /// Blocked.
    pub block: usize,
    /// Money spent on allowed purchases (on every purchase, when the events happened).
    pub bought: Money,
    /// Money value of allowed gifts and tips (of every one, when the events happened).
    pub gifted: Money,
    /// Money of blocked events.
    pub blocked: Money,
    /// Index of the first blocked event in time order, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_block: Option<usize>,
    /// When the first blocked event happens, in the person's time zone (a repeating event's
    /// occurrence is known by its time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_block_at: Option<String>,
}

/// What can still be spent on one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Spendable {
    /// The most without a block.
    pub without_block: Headroom,
    /// The most without any warning.
    pub without_warning: Headroom,
}

/// What can still be spent at a moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StillSpendable {
    /// The moment, in the person's time zone.
    pub at: String,
    /// On purchases.
    pub buy: Spendable,
    /// On gifts and tips.
    pub gift: Spendable,
}
