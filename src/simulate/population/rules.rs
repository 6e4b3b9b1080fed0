//! The spending rules at the resolution of a day, for the hot loop: each age's rules prepared
//! once (minimum ages, guardian approval, caps with their warning totals), and each viewer's
//! usage of every cap kept in a few integers, in minor units of the rules' currency.
//!
//! Events happen on days, in order within a day; a calendar window is the day, the ISO week or
//! the month of the scenario's calendar, a rolling one the last 1, 7 or 30 days. Within those
//! terms the verdicts are the plan's ([`crate::caps::check::Checker`]); the tests below hold the
//! two to that. A cooldown is the one rule a day cannot express: it becomes "at most
//! 1,440 ÷ minutes purchases a day".

use crate::caps::{Action, Enforcement, RuleSet, WindowKind, MAX_AGE};
use crate::error::Result;
use crate::money::{Fraction, RoundingPoint};
use crate::time_zone::Date;

/// How an event fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Allowed.
    Ok,
    /// Allowed with a warning.
    Warn,
    /// Not allowed.
    Block,
}

/// A cap with its warning totals, in minor units of the rules' currency.
#[derive(Debug, Clone)]
struct CapSpec {
    action: Action,
    window: WindowKind,
    limit: i128,
    hard: bool,
    /// Where each warning threshold is reached ([`crate::caps::Cap::warning_totals`]).
    boundaries: Vec<i128>,
    /// Rolling windows of more than a day: their length in days.
    length: u32,
}

/// A cap's usage by the current viewer.
#[derive(Debug, Clone, Default)]
pub struct CapState {
    window_id: i64,
    used: i128,
    fired: u64,
    /// Rolling: usage of the last days, by day modulo the length.
    ring: Vec<i128>,
    ring_day: i64,
    last_fired: Vec<i64>,
    /// The window's usage before the event being checked (the decide pass's, for recording).
    before: i128,
}

/// The rules that apply to one age, prepared.
#[derive(Debug, Clone)]
pub struct AgeRules {
    may_buy: bool,
    may_gift: bool,
    guardian: bool,
    /// Purchases a day allowed by a cooldown, and whether it blocks.
    per_day: Option<(u32, bool)>,
    caps: Vec<CapSpec>,
}

impl AgeRules {
    /// Fresh usage for each of this age's caps, reusing `states`' buffers (this runs once per
    /// spender).
    pub fn reset(&self, states: &mut Vec<CapState>) {
        states.resize_with(self.caps.len(), CapState::default);
        for (state, c) in states.iter_mut().zip(&self.caps) {
            let mut ring = std::mem::take(&mut state.ring);
            ring.clear();
            ring.resize(c.length as usize, 0);
            let mut last_fired = std::mem::take(&mut state.last_fired);
            last_fired.clear();
            last_fired.resize(c.boundaries.len(), i64::MIN / 2);
            *state = CapState {
                window_id: i64::MIN,
                ring,
                ring_day: -1,
                last_fired,
                ..CapState::default()
            };
        }
    }
}

/// Every age's rules, the calendar of the simulated days and the conversion into the rules'
/// currency.
#[derive(Debug, Clone)]
pub struct DayRules {
    by_age: Vec<AgeRules>,
    /// ISO week and month of each simulated day.
    week_of: Vec<i64>,
    month_of: Vec<i64>,
    /// Scenario money → rules money.
    to_rules: Fraction,
}

impl DayRules {
    /// The rules for people in `region`, over `days` days from `start`.
    pub fn new(
        rules: &RuleSet,
        region: Option<&str>,
        start: Date,
        days: u32,
        to_rules: Fraction,
    ) -> Result<DayRules> {
        let min_age = rules.min_age_in(region);
        let mut by_age = Vec::new();
        for age in 0..=MAX_AGE {
            let bracket = rules.bracket_for(age);
            let caps = bracket
                .map(|b| {
                    b.caps
                        .iter()
                        .map(|c| {
                            Ok(CapSpec {
                                action: c.action,
                                window: c.window,
                                limit: c.limit.minor(),
                                hard: c.enforcement == Enforcement::Hard,
                                boundaries: c.warning_totals(&rules.thresholds)?,
                                length: match c.window {
                                    WindowKind::Rolling7d => 7,
                                    WindowKind::Rolling30d => 30,
                                    _ => 1,
                                },
                            })
                        })
                        .collect::<Result<Vec<_>>>()
                })
                .transpose()?
                .unwrap_or_default();
            by_age.push(AgeRules {
                may_buy: age >= min_age.buy,
                may_gift: age >= min_age.gift,
                guardian: bracket.is_some_and(|b| b.guardian_approval),
                per_day: bracket.and_then(|b| b.cooldown).map(|(minutes, e)| {
                    ((24 * 60 / minutes.max(1)).max(1), e == Enforcement::Hard)
                }),
                caps,
            });
        }
        let monday_offset = start.days_from_monday();
        let (mut week_of, mut month_of) = (Vec::new(), Vec::new());
        for d in 0..days {
            let date = start.plus_days(i64::from(d));
            week_of.push((i64::from(d) + monday_offset).div_euclid(7));
            month_of.push(i64::from(date.year()) * 12 + i64::from(date.month()));
        }
        Ok(DayRules {
            by_age,
            week_of,
            month_of,
            to_rules,
        })
    }

    /// The rules of `age`.
    pub fn for_age(&self, age: u32) -> &AgeRules {
        &self.by_age[age.min(MAX_AGE) as usize]
    }

    /// Checks one event of `value` (minor units of the scenario's currency) on `day` against
    /// `rules`, and records it in `states` unless it is blocked. `approve` is asked only when a
    /// guardian's approval is needed (so the random draw behind it happens only then).
    #[allow(clippy::too_many_arguments)]
    pub fn check(
        &self,
        rules: &AgeRules,
        states: &mut [CapState],
        action: Action,
        value: i64,
        day: u32,
        buys_today: u32,
        approve: impl FnOnce() -> bool,
    ) -> Result<Outcome> {
        let mut outcome = Outcome::Ok;
        match action {
            Action::Buy if !rules.may_buy => return Ok(Outcome::Block),
            Action::Gift if !rules.may_gift => return Ok(Outcome::Block),
            _ => {}
        }
        if action == Action::Buy {
            if rules.guardian && !approve() {
                return Ok(Outcome::Block);
            }
            if let Some((per_day, hard)) = rules.per_day {
                if buys_today >= per_day {
                    if hard {
                        return Ok(Outcome::Block);
                    }
                    outcome = Outcome::Warn;
                }
            }
        }
        // Most viewers have no cap on most actions: convert to the rules' currency only when
        // a cap will count it.
        if !rules.caps.iter().any(|c| c.action == action) {
            return Ok(outcome);
        }
        let amount = self
            .to_rules
            .apply(i128::from(value), RoundingPoint::Exchange)?;
        let day = i64::from(day);
        // First pass: decide; nothing is recorded for a blocked event.
        for (spec, state) in rules.caps.iter().zip(states.iter_mut()) {
            if spec.action != action {
                continue;
            }
            let before = self.used_before(spec, state, day);
            state.before = before;
            let after = before + amount;
            if after > spec.limit {
                if spec.hard {
                    return Ok(Outcome::Block);
                }
                outcome = Outcome::Warn;
            } else if spec.window != WindowKind::Transaction
                && spec
                    .boundaries
                    .iter()
                    .enumerate()
                    .any(|(j, &b)| before < b && b <= after && !fired(spec, state, j, day))
            {
                outcome = Outcome::Warn;
            }
        }
        // Second pass: record.
        for (spec, state) in rules.caps.iter().zip(states.iter_mut()) {
            if spec.action != action || spec.window == WindowKind::Transaction {
                continue;
            }
            let before = state.before;
            let after = before + amount;
            for (j, &b) in spec.boundaries.iter().enumerate() {
                if before < b && b <= after && !fired(spec, state, j, day) {
                    if spec.length > 1 {
                        state.last_fired[j] = day;
                    } else {
                        state.fired |= 1 << j;
                    }
                }
            }
            if spec.length > 1 {
                let slot = (day % i64::from(spec.length)) as usize;
                state.ring[slot] += amount;
            } else {
                state.used += amount;
            }
        }
        Ok(outcome)
    }

    /// Usage of a cap's window on `day` before a new event, rolling the window forward.
    fn used_before(&self, spec: &CapSpec, state: &mut CapState, day: i64) -> i128 {
        let d = day as usize;
        match spec.window {
            WindowKind::Transaction => 0,
            WindowKind::Rolling7d | WindowKind::Rolling30d => {
                let len = i64::from(spec.length);
                // Clear the slots of days that left the window since the last event.
                let from = (state.ring_day + 1).max(day - len + 1);
                for past in from..=day {
                    state.ring[(past.rem_euclid(len)) as usize] = 0;
                }
                state.ring_day = state.ring_day.max(day);
                state.ring.iter().sum()
            }
            kind => {
                let id = match kind {
                    WindowKind::CalendarWeek => self.week_of.get(d).copied().unwrap_or(0),
                    WindowKind::CalendarMonth => self.month_of.get(d).copied().unwrap_or(0),
                    _ => day,
                };
                if id != state.window_id {
                    state.window_id = id;
                    state.used = 0;
                    state.fired = 0;
                }
                state.used
            }
        }
    }
}

fn fired(spec: &CapSpec, state: &CapState, j: usize, day: i64) -> bool {
    if spec.length > 1 {
        day - state.last_fired[j] < i64::from(spec.length)
    } else {
        state.fired & (1 << j) != 0
    }
}

#[cfg(test)]
mod tests {
    //! The day-resolution engine against the plan's checker: the same person, rules and
    //! events (each at noon UTC of its day) give the same verdict, event by event.
    use super::*;
    use crate::caps::check::{Checker, Level, Person};
    use crate::caps::RuleSetInput;
    use crate::money::{Currency, Money};
    use crate::time_zone::{Instant, Zone};
    use proptest::prelude::*;

    fn rules(caps: serde_json::Value, guardian: bool) -> RuleSet {
        let input: RuleSetInput = serde_json::from_value(serde_json::json!({
            "id": "test", "name": "Test", "currency": "CNY",
            "min_age": {"buy": 8, "gift": 10},
            "brackets": [{"id": "young", "min_age": 8, "max_age": 18, "caps": caps, "guardian_approval": guardian}],
            "warning_thresholds": ["0.5", "0.8", "1"]
        }))
        .unwrap();
        RuleSet::from_input(&input).unwrap()
    }

    fn noon(start: Date, day: u32) -> Instant {
        Zone::utc()
            .start_of(start.plus_days(i64::from(day)))
            .plus_hours(12)
    }

    /// Runs `events` (day, action, amount in fen) through both engines and compares levels.
    fn agree(rules: &RuleSet, age: u32, events: &[(u32, Action, i64)], approve: bool) {
        let start = Date::new(2026, 1, 29).unwrap();
        let days = 80;
        let day_rules = DayRules::new(rules, None, start, days, Fraction::ONE).unwrap();
        let age_rules = day_rules.for_age(age);
        let mut states = Vec::new();
        age_rules.reset(&mut states);
        let person = Person {
            age,
            born: None,
            region: None,
            zone: Zone::utc(),
            guardian_approved: approve,
        };
        let mut checker = Checker::new(rules, person);
        let mut buys_today = (u32::MAX, 0u32);
        for (i, &(day, action, amount)) in events.iter().enumerate() {
            if buys_today.0 != day {
                buys_today = (day, 0);
            }
            let simulated = day_rules
                .check(
                    age_rules,
                    &mut states,
                    action,
                    amount,
                    day,
                    buys_today.1,
                    || approve,
                )
                .unwrap();
            let money = Money::from_minor(amount, Currency::from_code("CNY").unwrap());
            let verdict = checker
                .evaluate(action, money, noon(start, day), false)
                .unwrap();
            checker.commit(action, money, noon(start, day), &verdict);
            let planned = match verdict.level {
                Level::Ok => Outcome::Ok,
                Level::Warn => Outcome::Warn,
                Level::Block => Outcome::Block,
            };
            assert_eq!(simulated, planned, "event {i} {:?} at age {age}", events[i]);
            if action == Action::Buy && simulated != Outcome::Block {
                buys_today.1 += 1;
            }
        }
    }

    fn cap(id: &str, action: &str, window: &str, limit: &str, soft: bool) -> serde_json::Value {
        serde_json::json!({"id": id, "action": action, "window": window, "limit": limit,
                           "enforcement": if soft { "soft" } else { "hard" }})
    }

    #[test]
    fn the_nppa_month_agrees_with_the_plan() {
        let set = crate::presets::rule_set("cn-games-2019", "").unwrap();
        let buy = |day, fen| (day, Action::Buy, fen);
        let events = [
            buy(0, 4500),
            buy(1, 4500),
            buy(2, 5001),
            buy(3, 4500),
            buy(10, 4500),
            buy(20, 4500),
            buy(31, 4500),
            buy(33, 100),
        ];
        for age in [7, 8, 15, 16, 17, 18] {
            agree(set, age, &events, false);
        }
    }

    proptest! {
        #[test]
        fn every_window_agrees_with_the_plan(
            window in prop::sample::select(vec!["transaction", "calendar_day", "calendar_week", "calendar_month", "rolling_24h", "rolling_7d", "rolling_30d"]),
            limit in 1i64..20_000,
            soft in any::<bool>(),
            second in prop::sample::select(vec!["calendar_week", "rolling_7d", "calendar_day"]),
            guardian in any::<bool>(),
            approve in any::<bool>(),
            age in 6u32..20,
            events in proptest::collection::vec((0u32..80, any::<bool>(), 1i64..6_000), 1..40),
        ) {
            let caps = serde_json::json!([
                cap("main", "buy", window, &Money::from_minor(limit, Currency::from_code("CNY").unwrap()).to_string(), soft),
                cap("second", "gift", second, "80.00", false),
            ]);
            let set = rules(caps, guardian);
            let mut events: Vec<(u32, Action, i64)> = events
                .into_iter()
                .map(|(d, buy, a)| (d, if buy { Action::Buy } else { Action::Gift }, a))
                .collect();
            crate::sort::sort_by_key(&mut events, |e| e.0);
            agree(&set, age, &events, approve);
        }
    }
}
