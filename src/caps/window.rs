//! Cap windows: one transaction, a calendar day, week or month in the person's time zone, or a
//! rolling 24 hours, 7 days or 30 days.

use crate::error::{Error, Result};
use crate::time_zone::Zone;
use jiff::{SignedDuration, Timestamp};
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
    pub start: Timestamp,
    /// End.
    pub end: Timestamp,
}

impl WindowKind {
    /// The length of a rolling window.
    pub fn rolling(self) -> Option<SignedDuration> {
        let hours = match self {
            WindowKind::Rolling24h => 24,
            WindowKind::Rolling7d => 24 * 7,
            WindowKind::Rolling30d => 24 * 30,
            _ => return None,
        };
        Some(SignedDuration::from_hours(hours))
    }

    /// The window holding the instant `at`, or `None` for a single transaction.
    pub fn span(self, at: Timestamp, zone: &Zone) -> Result<Option<Span>> {
        if self == WindowKind::Transaction {
            return Ok(None);
        }
        if let Some(length) = self.rolling() {
            let start = at
                .checked_sub(length)
                .map_err(|_| Error::overflow("", "the start of a rolling window"))?;
            return Ok(Some(Span { start, end: at }));
        }
        let err = |_| Error::overflow("", "a calendar window");
        let date = at.to_zoned(zone.tz().clone()).date();
        let (first, next) = match self {
            WindowKind::CalendarDay => (date, date.tomorrow().map_err(err)?),
            WindowKind::CalendarWeek => {
                let back = i64::from(date.weekday().to_monday_zero_offset());
                let monday = date
                    .checked_sub(jiff::Span::new().days(back))
                    .map_err(err)?;
                (
                    monday,
                    monday.checked_add(jiff::Span::new().days(7)).map_err(err)?,
                )
            }
            _ => {
                let first = date.first_of_month();
                (first, date.last_of_month().tomorrow().map_err(err)?)
            }
        };
        let start = first.to_zoned(zone.tz().clone()).map_err(err)?.timestamp();
        let end = next.to_zoned(zone.tz().clone()).map_err(err)?.timestamp();
        Ok(Some(Span { start, end }))
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

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
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
        assert_eq!(
            day.end.duration_since(day.start),
            SignedDuration::from_hours(23)
        );
        let rolling = WindowKind::Rolling24h
            .span(ts("2026-03-08T12:00:00Z"), &ny)
            .unwrap()
            .unwrap();
        assert_eq!(
            rolling.end.duration_since(rolling.start),
            SignedDuration::from_hours(24)
        );
        assert!(WindowKind::Transaction
            .span(ts("2026-03-08T12:00:00Z"), &ny)
            .unwrap()
            .is_none());
    }
}
