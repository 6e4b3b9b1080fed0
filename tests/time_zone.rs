//! giftsim's time zones against jiff reading the same pinned IANA database, for every zone of
//! the database from 2000 to 2030: the offset on each side of every transition and at noon of
//! every fifth day, the local date, the start of each day around a transition, and wall-clock
//! times read back (in the hour clocks skip or repeat too). Both read the same TZif bytes;
//! jiff is an independent reader of them.

use giftsim::time_zone::{database, parse_timestamp, Date, Instant, Zone};
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use proptest::prelude::*;

/// 2000-01-01T00:00:00Z and 2031-01-01T00:00:00Z.
const FROM: i64 = 946_684_800;
const TO: i64 = 1_924_992_000;

fn zones() -> Vec<(Zone, TimeZone)> {
    database::names()
        .map(|name| {
            let ours = Zone::parse(name, "tz").unwrap_or_else(|e| panic!("{name}: {e}"));
            let bytes = database::file(name).unwrap();
            let theirs = TimeZone::tzif(name, bytes).unwrap();
            (ours, theirs)
        })
        .collect()
}

fn check_instant(zone: &Zone, tz: &TimeZone, seconds: i64) {
    let name = zone.name();
    let t = Instant::from_seconds(seconds);
    let z = Timestamp::from_second(seconds)
        .unwrap()
        .to_zoned(tz.clone());
    assert_eq!(
        zone.offset_at(t),
        z.offset().seconds(),
        "offset of {name} at {seconds} ({z})"
    );
    let date = zone.date_of(t);
    assert_eq!(
        (date.year(), date.month(), date.day()),
        (i32::from(z.year()), z.month() as u8, z.day() as u8),
        "date of {name} at {seconds}"
    );
    // Formatting and parsing agree.
    assert_eq!(parse_timestamp(&zone.format(t), "t").unwrap(), t, "{name}");
}

fn check_start_of_day(zone: &Zone, tz: &TimeZone, date: Date) {
    let day = jiff::civil::date(date.year() as i16, date.month() as i8, date.day() as i8);
    let expected = day.to_zoned(tz.clone()).unwrap().start_of_day().unwrap();
    assert_eq!(
        zone.start_of(date).millis() / 1000,
        expected.timestamp().as_second(),
        "start of {date} in {}",
        zone.name()
    );
}

/// A wall-clock time read in the zone, as jiff's "compatible" disambiguation reads it. Where
/// jiff's answer does not read back as the same wall-clock time in jiff's own offsets (it happens
/// at a few transitions that change nothing but the daylight flag, at the seam between a file's
/// explicit history and its rule), giftsim's answer must at least read back; such seams are
/// counted.
fn check_wall_clock(zone: &Zone, tz: &TimeZone, local: DateTime, seams: &mut Vec<String>) {
    let text = local.strftime("%Y-%m-%dT%H:%M:%S").to_string();
    let ours = zone.parse_time(&text, "at").unwrap();
    let theirs = tz.to_ambiguous_timestamp(local).compatible().unwrap();
    let jiff_reads_back = theirs.to_zoned(tz.clone()).datetime() == local;
    if jiff_reads_back {
        assert_eq!(
            ours.millis() / 1000,
            theirs.as_second(),
            "{text} in {}",
            zone.name()
        );
    } else if zone.format(ours).starts_with(&text) {
        seams.push(format!("{text} in {}", zone.name()));
    } else {
        // A gap: both move the time forward by the gap's length.
        assert_eq!(
            ours.millis() / 1000,
            theirs.as_second(),
            "{text} in {} (in a gap)",
            zone.name()
        );
    }
}

#[test]
fn every_zone_matches_the_pinned_database_from_2000_to_2030() {
    let mut transitions = 0;
    let mut seams = Vec::new();
    for (zone, tz) in zones() {
        let mut seconds = FROM + 12 * 3600;
        while seconds < TO {
            check_instant(&zone, &tz, seconds);
            seconds += 5 * 86_400;
        }
        let start = Timestamp::from_second(FROM).unwrap();
        for transition in tz.following(start) {
            let at = transition.timestamp().as_second();
            if at >= TO {
                break;
            }
            transitions += 1;
            for s in [at - 1, at, at + 1, at - 3600, at + 3600] {
                check_instant(&zone, &tz, s);
            }
            let date = zone.date_of(Instant::from_seconds(at));
            for d in [-1, 0, 1] {
                check_start_of_day(&zone, &tz, date.plus_days(d));
            }
            // Wall-clock times around the transition, every quarter hour for three hours.
            let before = Timestamp::from_second(at - 5400)
                .unwrap()
                .to_zoned(tz.clone());
            for q in 0..12 {
                let local = before.datetime() + jiff::Span::new().minutes(15 * q);
                check_wall_clock(&zone, &tz, local, &mut seams);
            }
        }
    }
    assert!(transitions > 10_000, "only {transitions} transitions seen");
    assert!(seams.len() <= 8, "{} seams: {seams:?}", seams.len());
}

#[test]
fn the_past_is_right_where_rules_changed() {
    let at = |zone: &str, stamp: &str| {
        let z = Zone::parse(zone, "tz").unwrap();
        z.format(parse_timestamp(stamp, "t").unwrap())
    };
    // British Columbia kept daylight time from 2026-03-08; January 2026 was still −08:00.
    assert_eq!(
        at("America/Vancouver", "2026-01-15T20:00:00Z"),
        "2026-01-15T12:00:00-08:00"
    );
    assert_eq!(
        at("America/Vancouver", "2026-12-15T20:00:00Z"),
        "2026-12-15T13:00:00-07:00"
    );
    // Zones giftsim once refused, each with its own history.
    assert_eq!(
        at("Australia/Perth", "2007-01-15T00:00:00Z"),
        "2007-01-15T09:00:00+09:00"
    );
    assert_eq!(
        at("Australia/Perth", "2026-01-15T00:00:00Z"),
        "2026-01-15T08:00:00+08:00"
    );
    assert_eq!(
        at("Europe/Kyiv", "2026-07-01T00:00:00Z"),
        "2026-07-01T03:00:00+03:00"
    );
    assert_eq!(
        at("America/Halifax", "2026-01-01T12:00:00Z"),
        "2026-01-01T08:00:00-04:00"
    );
    assert_eq!(
        at("Africa/Nairobi", "2026-01-01T12:00:00Z"),
        "2026-01-01T15:00:00+03:00"
    );
    // Moscow was +04:00 from 2011 to 2014.
    assert_eq!(
        at("Europe/Moscow", "2013-01-01T00:00:00Z"),
        "2013-01-01T04:00:00+04:00"
    );
    let err = Zone::parse("Europe/Kiev2", "person.time_zone").unwrap_err();
    assert!(err.message.contains("Europe/Kiev"), "{}", err.message);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn any_instant_in_any_zone_matches(index in 0usize..600, seconds in FROM..TO) {
        let names: Vec<&str> = database::names().collect();
        let name = names[index % names.len()];
        let zone = Zone::parse(name, "tz").unwrap();
        let tz = TimeZone::tzif(name, database::file(name).unwrap()).unwrap();
        check_instant(&zone, &tz, seconds);
        check_start_of_day(&zone, &tz, zone.date_of(Instant::from_seconds(seconds)));
    }

    #[test]
    fn civil_dates_match(days in -200_000i64..200_000) {
        let d = Date::from_days_since_epoch(days);
        let j = jiff::civil::date(1970, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
        prop_assert_eq!((d.year(), d.month(), d.day()), (i32::from(j.year()), j.month() as u8, j.day() as u8));
        prop_assert_eq!(d.days_from_monday(), i64::from(j.weekday().to_monday_zero_offset()));
    }
}
