//! Cap windows: one transaction, a calendar day, week or month in the person's time zone, or a
//! rolling 24 hours, 7 days or 30 days.

use crate::error::Result;
use crate::time_zone::Instant;
use crate::time_zone::Zone;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The span a cap counts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum WindowKind {
    /// Each transaction on its own.
    #[serde(rename = "transaction")]
    Transaction,
    /// Midnight to midnight in the person's time zone.
    #[serde(rename = "calendar_day")]
    CalendarDay,
    /// Monday 00:00 to the next Monday 00:00 (ISO weeks) in the person's time zone.
    #[serde(rename = "calendar_week")]
    CalendarWeek,
    /// The first of the month 00:00 to the first of the next, in the person's time zone.
    #[serde(rename = "calendar_month")]
    CalendarMonth,
    /// The 24 hours up to and including the event.
    #[serde(rename = "rolling_24h")]
    Rolling24h,
    /// The 7 × 24 hours up to and including the event.
    #[serde(rename = "rolling_7d")]
    Rolling7d,
    /// The 30 × 24 hours up to and including the event.
    #[serde(rename = "rolling_30d")]
    Rolling30d,
}

/// A concrete window: `[start, end)` for calendar windows, `(start, end]` for rolling ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// Start.
    pub start: Instant,
    /// End.
    pub end: Instant,
}

impl WindowKind {
    /// The length of a rolling window, in hours.
    pub fn rolling_hours(self) -> Option<i64> {
        match self {
            WindowKind::Rolling24h => Some(24),
            WindowKind::Rolling7d => Some(24 * 7),
            WindowKind::Rolling30d => Some(24 * 30),
            _ => None,
        }
    }

    /// True for rolling windows.
    pub fn is_rolling(self) -> bool {
        self.rolling_hours().is_some()
    }

    /// The window holding the instant `at`, or `None` for a single transaction.
    pub fn span(self, at: Instant, zone: &Zone) -> Result<Option<Span>> {
        if self == WindowKind::Transaction {
            return Ok(None);
        }
        if let Some(hours) = self.rolling_hours() {
            return Ok(Some(Span {
                start: at.plus_hours(-hours),
                end: at,
            }));
        }
        let date = zone.date_of(at);
        let (first, next) = match self {
            WindowKind::CalendarDay => (date, date.plus_days(1)),
            WindowKind::CalendarWeek => {
                let monday = date.plus_days(-date.days_from_monday());
                (monday, monday.plus_days(7))
            }
            _ => (date.first_of_month(), date.first_of_next_month()),
        };
        Ok(Some(Span {
            start: zone.start_of(first),
            end: zone.start_of(next),
        }))
    }

    /// The window in words, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            WindowKind::Transaction => "one transaction",
            WindowKind::CalendarDay => "this calendar day",
            WindowKind::CalendarWeek => "this calendar week",
            WindowKind::CalendarMonth => "this calendar month",
            WindowKind::Rolling24h => "the last 24 hours",
            WindowKind::Rolling7d => "the last 7 days",
            WindowKind::Rolling30d => "the last 30 days",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Instant {
        crate::time_zone::parse_timestamp(s, "t").unwrap()
    }

    #[test]
    fn calendar_windows_follow_the_zone() {
        let sh = Zone::parse("Asia/Shanghai", "tz").unwrap();
        // 2026-03-31T20:00Z is already April 1st, 04:00 in Shanghai.
        let month = WindowKind::CalendarMonth
            .span(ts("2026-03-31T20:00:00Z"), &sh)
            .unwrap()
            .unwrap();
        assert_eq!(sh.format(month.start), "2026-04-01T00:00:00+08:00");
        assert_eq!(sh.format(month.end), "2026-05-01T00:00:00+08:00");
        let week = WindowKind::CalendarWeek
            .span(ts("2026-03-01T10:00:00Z"), &sh)
            .unwrap()
            .unwrap();
        assert_eq!(sh.format(week.start), "2026-02-23T00:00:00+08:00");
        assert_eq!(sh.format(week.end), "2026-03-02T00:00:00+08:00");
    }

    #[test]
    fn a_dst_day_has_23_hours_and_rolling_24h_does_not_care() {
        let ny = Zone::parse("America/New_York", "tz").unwrap();
        // US daylight saving starts 2026-03-08 at 02:00 local.
        let day = WindowKind::CalendarDay
            .span(ts("2026-03-08T12:00:00Z"), &ny)
            .unwrap()
            .unwrap();
        assert_eq!(day.end.millis() - day.start.millis(), 23 * 3_600_000);
        let rolling = WindowKind::Rolling24h
            .span(ts("2026-03-08T12:00:00Z"), &ny)
            .unwrap()
            .unwrap();
        assert_eq!(
            rolling.end.millis() - rolling.start.millis(),
            24 * 3_600_000
        );
        assert!(WindowKind::Transaction
            .span(ts("2026-03-08T12:00:00Z"), &ny)
            .unwrap()
            .is_none());
    }
}
