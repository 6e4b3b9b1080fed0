//! Applying a rule set to one person's events, in time order: a verdict per event (ok, warn,
//! block) with every rule that was checked, and the headroom left at any moment.

use super::window::{Span, WindowKind};
use super::{Action, Bracket, Cap, Enforcement, MinAge, RuleSet};
use crate::error::Details;
use crate::error::Result;
use crate::money::{Currency, Money};
use crate::time_zone::Zone;
use crate::time_zone::{Date, Instant};
use crate::words;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::HashMap;

/// How an event fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Allowed.
    Ok,
    /// Allowed, with a warning.
    Warn,
    /// Not allowed: the event does not happen.
    Block,
}

/// Why, as a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MessageCode {
    /// The person is old enough for the action.
    AgeAllowed,
    /// The person is younger than the minimum age for the action.
    AgeBelowMinimum,
    /// A purchase needs a guardian's approval and has none.
    GuardianApprovalRequired,
    /// A guardian approved the purchase.
    GuardianApproved,
    /// Too soon after the last purchase.
    Cooldown,
    /// Long enough since the last purchase.
    CooldownPassed,
    /// Within a cap.
    WithinCap,
    /// One transaction is above a hard per-transaction cap.
    TransactionCapExceeded,
    /// The window's total would pass a hard cap.
    WindowCapExceeded,
    /// A soft cap is passed: allowed, with a warning.
    SoftCapExceeded,
    /// The window's total reached a warning threshold for the first time in the window.
    ThresholdReached,
    /// A gift needs more coins than the person holds.
    NotEnoughCoins,
    /// No rule of the registry holds for the person's region on the event's date.
    NoRulesApply,
}

/// A window in an answer, with its bounds in the person's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct WindowOut {
    /// Kind of window.
    pub kind: WindowKind,
    /// Start (inclusive for calendar windows, exclusive for rolling ones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// End (exclusive for calendar windows, inclusive for rolling ones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// One rule checked against one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Check {
    /// What the rule says of the event.
    pub verdict: Level,
    /// The rule set the rule belongs to (absent for rules outside any set, such as holding
    /// enough coins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
    /// The rule: a cap id, `min-age`, `guardian-approval`, `cooldown` or `coins`.
    pub rule: String,
    /// The window the rule counts over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowOut>,
    /// The cap.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<Money>,
    /// Used in the window, this event included unless it is blocked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used: Option<Money>,
    /// Left in the window (zero when passed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remaining: Option<Money>,
    /// Stable code.
    pub code: MessageCode,
    /// A sentence a person understands.
    pub message: String,
    /// The facts behind the message, for programs, by code: `age_below_minimum` has
    /// `minimum`; `cooldown` has `minutes` and `next_allowed_at`; `threshold_reached` has
    /// `threshold` (a fraction of the cap); `not_enough_coins` has `needed` and `held`.
    #[serde(default, skip_serializing_if = "Details::is_empty")]
    pub details: Details,
}

/// Leaves out a window's bounds (for checks at a moment that is not real).
pub fn hide_bounds(window: &mut Option<WindowOut>) {
    if let Some(w) = window {
        w.start = None;
        w.end = None;
    }
}

/// A check's `details` from `(name, value)` pairs.
pub fn details<const N: usize>(pairs: [(&str, serde_json::Value); N]) -> Details {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The outcome of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The most severe level of any check.
    pub level: Level,
    /// Every rule checked, in order: age, approval, cooldown, caps.
    pub checks: Vec<Check>,
    /// Index of the check that decided the verdict.
    pub deciding: usize,
    /// Thresholds this event crosses, recorded if it is committed: (cap, threshold, start of
    /// the calendar window, or `None` for a rolling one).
    fires: Vec<(usize, usize, Option<Instant>)>,
}

impl Verdict {
    /// A verdict made of one check (used by callers for rules outside the rule set, such as
    /// not holding enough coins).
    pub fn single(check: Check) -> Verdict {
        Verdict {
            level: check.verdict,
            checks: vec![check],
            deciding: 0,
            fires: Vec::new(),
        }
    }

    /// The deciding check.
    pub fn decided_by(&self) -> &Check {
        &self.checks[self.deciding]
    }

    /// One verdict from several rule sets' verdicts on the same event: every check, decided
    /// as one verdict is. Each set records its own verdict when the event is committed.
    pub fn merge<'v>(verdicts: impl Iterator<Item = &'v Verdict>) -> Verdict {
        let checks: Vec<Check> = verdicts.flat_map(|v| v.checks.iter().cloned()).collect();
        finish(checks, Vec::new())
    }

    /// Adds a check from a rule outside the rule set (such as holding enough coins) and
    /// re-decides the verdict.
    pub fn push(&mut self, check: Check) {
        let mut checks = std::mem::take(&mut self.checks);
        checks.push(check);
        let fires = std::mem::take(&mut self.fires);
        *self = finish(checks, fires);
    }
}

/// The most that can be spent at a moment without passing a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Headroom {
    /// The amount, or `None` when no cap limits it.
    pub amount: Option<Money>,
    /// The rule set of the rule that limits it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
    /// The rule that limits it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limited_by: Option<String>,
    /// The window of that rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowOut>,
    /// When a cooldown ends, if one is running.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_allowed_at: Option<String>,
    /// True when purchases also need a guardian's approval.
    pub needs_guardian_approval: bool,
}

/// Who the rules are applied to.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Age in whole years (with `born`, on the date last asked about: see [`Checker::on_date`]).
    pub age: u32,
    /// Date of birth, when the age is counted on each date.
    pub born: Option<Date>,
    /// ISO 3166-1 alpha-2 region.
    pub region: Option<String>,
    /// Time zone for calendar windows.
    pub zone: Zone,
    /// A guardian approved every purchase in advance.
    pub guardian_approved: bool,
}

/// The age of someone born on `born`, on `date` (0 before their birth).
pub fn age_on(born: Date, date: Date) -> u32 {
    u32::try_from(born.years_until(date).max(0)).unwrap_or(u32::MAX)
}

/// Events accepted so far for one action, in time order, with running totals.
#[derive(Debug, Default, Clone)]
struct History {
    times: Vec<Instant>,
    /// `totals[i]` is the sum of the first `i` amounts, in minor units (at most 10,000 events
    /// of 20-digit amounts: far inside `i128`).
    totals: Vec<i128>,
}

impl History {
    fn push(&mut self, at: Instant, minor: i128) {
        if self.totals.is_empty() {
            self.totals.push(0);
        }
        let last = self.totals.last().copied().unwrap_or(0);
        self.times.push(at);
        self.totals.push(last.saturating_add(minor));
    }

    /// Sum of amounts with `lo < t` (or `lo ≤ t` when `lo_inclusive`) and `t < hi` (or `≤`).
    fn sum(&self, lo: Instant, lo_inclusive: bool, hi: Instant, hi_inclusive: bool) -> i128 {
        let from = self
            .times
            .partition_point(|t| if lo_inclusive { *t < lo } else { *t <= lo });
        let to = self
            .times
            .partition_point(|t| if hi_inclusive { *t <= hi } else { *t < hi });
        if to <= from {
            return 0;
        }
        self.totals[to] - self.totals[from]
    }
}

/// Applies a rule set to one person's events, which must be given in time order.
#[derive(Debug)]
pub struct Checker<'a> {
    rules: &'a RuleSet,
    person: Person,
    bracket: Option<&'a Bracket>,
    min_age: MinAge,
    buys: History,
    gifts: History,
    last_buy: Option<Instant>,
    /// Calendar thresholds fired: (cap, window start) → bit per threshold.
    fired_calendar: HashMap<(usize, Instant), u64>,
    /// Rolling thresholds fired: (cap, threshold) → when.
    fired_rolling: HashMap<(usize, usize), Instant>,
}

fn money(minor: i128, currency: Currency) -> Money {
    Money::from_minor(minor, currency)
}

fn show(m: Money) -> String {
    format!("{m} {}", m.currency())
}

fn percent(fraction: Decimal) -> String {
    (fraction * Decimal::ONE_HUNDRED).normalize().to_string() + " %"
}

/// A check with no window, limit or usage (the age, approval and cooldown rules).
pub(crate) fn rule_check(verdict: Level, rule: &str, code: MessageCode, message: String) -> Check {
    Check {
        verdict,
        rule_set: None,
        rule: rule.into(),
        window: None,
        limit: None,
        used: None,
        remaining: None,
        code,
        message,
        details: Details::new(),
    }
}

impl<'a> Checker<'a> {
    /// A checker for `person` under `rules`.
    pub fn new(rules: &'a RuleSet, person: Person) -> Checker<'a> {
        let bracket = rules.bracket_for(person.age);
        let min_age = rules.min_age_in(person.region.as_deref());
        Checker {
            rules,
            person,
            bracket,
            min_age,
            buys: History::default(),
            gifts: History::default(),
            last_buy: None,
            fired_calendar: HashMap::new(),
            fired_rolling: HashMap::new(),
        }
    }

    /// Counts the person's age on `date` when their birth date is known, and with it their
    /// bracket (a history spanning a birthday moves into the next one).
    pub fn on_date(&mut self, date: Date) {
        if let Some(born) = self.person.born {
            let age = age_on(born, date);
            if age != self.person.age {
                self.person.age = age;
                self.bracket = self.rules.bracket_for(age);
            }
        }
    }

    /// The person's bracket.
    pub fn bracket(&self) -> Option<&Bracket> {
        self.bracket
    }

    /// The minimum ages that apply to the person.
    pub fn min_age(&self) -> MinAge {
        self.min_age
    }

    fn history(&self, action: Action) -> &History {
        match action {
            Action::Buy => &self.buys,
            Action::Gift => &self.gifts,
        }
    }

    fn window_out(&self, kind: WindowKind, span: Option<Span>) -> WindowOut {
        WindowOut {
            kind,
            start: span.map(|s| self.person.zone.format(s.start)),
            end: span.map(|s| self.person.zone.format(s.end)),
        }
    }

    /// Usage of `cap` in `span` before an event at `at` (calendar: the whole window so far;
    /// rolling: strictly after the window's start).
    fn used(&self, cap: &Cap, span: Span) -> i128 {
        let h = self.history(cap.action);
        if cap.window.is_rolling() {
            h.sum(span.start, false, span.end, true)
        } else {
            h.sum(span.start, true, span.end, false)
        }
    }

    fn caps(&self, action: Action) -> impl Iterator<Item = (usize, &'a Cap)> + '_ {
        self.bracket
            .into_iter()
            .flat_map(|b| b.caps.iter().enumerate())
            .filter(move |(_, c)| c.action == action)
    }

    /// The age rule for `action`.
    fn age_check(&self, action: Action) -> Check {
        let age = self.person.age;
        let minimum = self.min_age.for_action(action);
        let where_ = self
            .person
            .region
            .as_deref()
            .map(|r| format!(" in {r}"))
            .unwrap_or_default();
        let mut check = if age < minimum {
            rule_check(
                Level::Block,
                "min-age",
                MessageCode::AgeBelowMinimum,
                format!(
                    "At {age}, {} is not allowed: the minimum age is {minimum}{where_} under {}.",
                    action.verb(),
                    self.rules.name
                ),
            )
        } else if minimum == 0 {
            rule_check(
                Level::Ok,
                "min-age",
                MessageCode::AgeAllowed,
                format!("At {age}, {} is allowed (no minimum age).", action.verb()),
            )
        } else {
            rule_check(
                Level::Ok,
                "min-age",
                MessageCode::AgeAllowed,
                format!(
                    "At {age}, {} is allowed (minimum age {minimum}{where_}).",
                    action.verb()
                ),
            )
        };
        check.details = details([("age", age.into()), ("minimum", minimum.into())]);
        check
    }

    /// The guardian-approval and cooldown rules of a purchase in bracket `b` at `at`.
    fn purchase_checks(&self, b: &Bracket, at: Instant, approved: bool, checks: &mut Vec<Check>) {
        if b.guardian_approval {
            let ok = approved || self.person.guardian_approved;
            checks.push(if ok {
                rule_check(
                    Level::Ok,
                    "guardian-approval",
                    MessageCode::GuardianApproved,
                    "A guardian approved this purchase.".into(),
                )
            } else {
                rule_check(
                    Level::Block,
                    "guardian-approval",
                    MessageCode::GuardianApprovalRequired,
                    format!(
                        "Purchases for {} need a guardian's approval, and this one has none.",
                        b.describe()
                    ),
                )
            });
        }
        if let (Some((minutes, enforcement)), Some(last)) = (b.cooldown, self.last_buy) {
            let too_soon = at.millis() - last.millis() < i64::from(minutes) * 60_000;
            let next = last.plus_minutes(i64::from(minutes));
            let mut check = if too_soon {
                rule_check(
                    match enforcement {
                        Enforcement::Hard => Level::Block,
                        Enforcement::Soft => Level::Warn,
                    },
                    "cooldown",
                    MessageCode::Cooldown,
                    format!(
                        "Only {} since the last purchase; these rules ask for {} between purchases (next from {}).",
                        words::minutes(at.minutes_since(last).max(0).unsigned_abs()),
                        words::minutes(minutes),
                        self.person.zone.format(next)
                    ),
                )
            } else {
                rule_check(
                    Level::Ok,
                    "cooldown",
                    MessageCode::CooldownPassed,
                    format!(
                        "More than {} since the last purchase.",
                        words::minutes(minutes)
                    ),
                )
            };
            check.details = details([
                ("minutes", minutes.into()),
                ("next_allowed_at", self.person.zone.format(next).into()),
            ]);
            checks.push(check);
        }
    }

    /// The verdict on spending `amount` (in the rule set's currency) on `action` at `at`.
    /// Nothing is recorded until [`Checker::commit`].
    pub fn evaluate(
        &self,
        action: Action,
        amount: Money,
        at: Instant,
        approved: bool,
    ) -> Result<Verdict> {
        let cur = self.rules.currency;
        let mut checks = vec![self.age_check(action)];
        let bracket = self.bracket;
        if let (Some(b), Action::Buy) = (bracket, action) {
            self.purchase_checks(b, at, approved, &mut checks);
        }
        let mut fires = Vec::new();
        for (i, cap) in self.caps(action) {
            let span = cap.window.span(at, &self.person.zone)?;
            let window = Some(self.window_out(cap.window, span));
            let before = span.map(|s| self.used(cap, s)).unwrap_or(0);
            let after = before.saturating_add(amount.minor());
            let limit = cap.limit.minor();
            let over = after > limit;
            let what = cap.window.describe();
            let mut details = Details::new();
            let (verdict, code, used, message) = if over && cap.enforcement == Enforcement::Hard {
                let message = if cap.window == WindowKind::Transaction {
                    format!(
                        "{} is more than the {} allowed in {what} for {}.",
                        show(amount),
                        show(cap.limit),
                        bracket.map(Bracket::describe).unwrap_or_default()
                    )
                } else {
                    format!(
                        "{} would bring the total for {what} to {}, over the {} cap ({} left).",
                        show(amount),
                        show(money(after, cur)),
                        show(cap.limit),
                        show(money((limit - before).max(0), cur))
                    )
                };
                let code = if cap.window == WindowKind::Transaction {
                    MessageCode::TransactionCapExceeded
                } else {
                    MessageCode::WindowCapExceeded
                };
                (Level::Block, code, before, message)
            } else if over {
                // The warning thresholds below the cap are passed too: they have warned now.
                if cap.window != WindowKind::Transaction {
                    let calendar_start = span.filter(|_| !cap.window.is_rolling()).map(|s| s.start);
                    let crossed = self.crossed(i, cap, span, at, before, after)?;
                    fires.extend(crossed.iter().map(|&t| (i, t, calendar_start)));
                }
                let message = if cap.window == WindowKind::Transaction {
                    format!(
                        "{} in one transaction passes the soft cap of {}: allowed, with a warning.",
                        show(amount),
                        show(cap.limit)
                    )
                } else {
                    format!(
                        "The total for {what} reaches {}, past the soft cap of {}: allowed, with a warning.",
                        show(money(after, cur)),
                        show(cap.limit)
                    )
                };
                (Level::Warn, MessageCode::SoftCapExceeded, after, message)
            } else {
                let crossed = self.crossed(i, cap, span, at, before, after)?;
                match crossed.last() {
                    Some(&highest) if cap.window != WindowKind::Transaction => {
                        let calendar_start =
                            span.filter(|_| !cap.window.is_rolling()).map(|s| s.start);
                        fires.extend(crossed.iter().map(|&t| (i, t, calendar_start)));
                        let threshold = self.rules.thresholds[highest];
                        details.insert(
                            "threshold".to_string(),
                            threshold.normalize().to_string().into(),
                        );
                        (
                            Level::Warn,
                            MessageCode::ThresholdReached,
                            after,
                            format!(
                                "The total for {what} is now {} of the {} cap: past the {} warning.",
                                show(money(after, cur)),
                                show(cap.limit),
                                percent(threshold)
                            ),
                        )
                    }
                    _ => (
                        Level::Ok,
                        MessageCode::WithinCap,
                        after,
                        format!(
                            "Within the {} cap for {what}: {} used, {} left.",
                            show(cap.limit),
                            show(money(after, cur)),
                            show(money((limit - after).max(0), cur))
                        ),
                    ),
                }
            };
            checks.push(Check {
                verdict,
                rule_set: None,
                rule: cap.id.clone(),
                window,
                limit: Some(cap.limit),
                used: Some(money(used, cur)),
                remaining: Some(money((limit - used).max(0), cur)),
                code,
                message,
                details,
            });
        }
        for c in &mut checks {
            c.rule_set = Some(self.rules.id.clone());
        }
        Ok(finish(checks, fires))
    }

    /// Thresholds of `cap` crossed going from `before` to `after` that have not fired in this
    /// window (calendar) or in the last window length (rolling).
    fn crossed(
        &self,
        i: usize,
        cap: &Cap,
        span: Option<Span>,
        at: Instant,
        before: i128,
        after: i128,
    ) -> Result<Vec<usize>> {
        Ok(cap
            .warning_totals(&self.rules.thresholds)?
            .into_iter()
            .enumerate()
            .filter(|&(_, boundary)| before < boundary && boundary <= after)
            .map(|(j, _)| j)
            .filter(|&j| match (cap.window.rolling_hours(), span) {
                (Some(hours), _) => self
                    .fired_rolling
                    .get(&(i, j))
                    .is_none_or(|t| at.millis() - t.millis() >= hours * 3_600_000),
                (None, Some(s)) => self
                    .fired_calendar
                    .get(&(i, s.start))
                    .is_none_or(|bits| bits & (1 << j) == 0),
                (None, None) => true,
            })
            .collect())
    }

    /// Records an event that was not blocked.
    pub fn commit(&mut self, action: Action, amount: Money, at: Instant, verdict: &Verdict) {
        if verdict.level == Level::Block {
            return;
        }
        match action {
            Action::Buy => {
                self.buys.push(at, amount.minor());
                self.last_buy = Some(at);
            }
            Action::Gift => self.gifts.push(at, amount.minor()),
        }
        for &(cap, threshold, calendar_start) in &verdict.fires {
            match calendar_start {
                Some(s) => *self.fired_calendar.entry((cap, s)).or_insert(0) |= 1 << threshold,
                None => {
                    self.fired_rolling.insert((cap, threshold), at);
                }
            }
        }
    }

    /// The most that can be spent on `action` at `now` without a block (`hard_only`) or without
    /// any warning.
    pub fn headroom(&self, action: Action, now: Instant, hard_only: bool) -> Result<Headroom> {
        let cur = self.rules.currency;
        let needs_guardian_approval = action == Action::Buy
            && self.bracket.is_some_and(|b| b.guardian_approval)
            && !self.person.guardian_approved;
        let mut best = Headroom {
            amount: None,
            rule_set: None,
            limited_by: None,
            window: None,
            next_allowed_at: None,
            needs_guardian_approval,
        };
        if self.person.age < self.min_age.for_action(action) {
            best.amount = Some(Money::zero(cur));
            best.limited_by = Some("min-age".into());
            best.rule_set = Some(self.rules.id.clone());
            return Ok(best);
        }
        if let (Action::Buy, Some(b), Some(last)) = (action, self.bracket, self.last_buy) {
            if let Some((minutes, enforcement)) = b.cooldown {
                let next = last.plus_minutes(i64::from(minutes));
                if now < next && (enforcement == Enforcement::Hard || !hard_only) {
                    best.amount = Some(Money::zero(cur));
                    best.limited_by = Some("cooldown".into());
                    best.rule_set = Some(self.rules.id.clone());
                    best.next_allowed_at = Some(self.person.zone.format(next));
                    return Ok(best);
                }
            }
        }
        for (i, cap) in self.caps(action) {
            if hard_only && cap.enforcement == Enforcement::Soft {
                continue;
            }
            let span = cap.window.span(now, &self.person.zone)?;
            let used = span.map(|s| self.used(cap, s)).unwrap_or(0);
            let mut room = (cap.limit.minor() - used).max(0);
            if !hard_only && cap.window != WindowKind::Transaction {
                // Stay below the next threshold that has not yet warned in this window.
                let fresh = self.crossed(i, cap, span, now, used, i128::MAX)?;
                let totals = cap.warning_totals(&self.rules.thresholds)?;
                for j in fresh {
                    room = room.min(totals[j] - used - 1);
                }
            }
            if best.amount.is_none_or(|a| room < a.minor()) {
                best.amount = Some(money(room, cur));
                best.limited_by = Some(cap.id.clone());
                best.rule_set = Some(self.rules.id.clone());
                best.window = Some(self.window_out(cap.window, span));
            }
        }
        Ok(best)
    }
}

/// The verdict from its checks: the most severe level, decided by the first check at that level,
/// or for an allowed event by the cap with the least room left.
fn finish(checks: Vec<Check>, fires: Vec<(usize, usize, Option<Instant>)>) -> Verdict {
    let level = checks.iter().map(|c| c.verdict).max().unwrap_or(Level::Ok);
    let deciding = if level == Level::Ok {
        checks
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.remaining.map(|r| (r.minor(), i)))
            .min()
            .map(|(_, i)| i)
            .unwrap_or(0)
    } else {
        checks.iter().position(|c| c.verdict == level).unwrap_or(0)
    };
    Verdict {
        level,
        checks,
        deciding,
        fires,
    }
}
