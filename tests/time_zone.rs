//! giftsim's own calendar and time-zone rules against jiff with the full IANA database, for
//! every zone giftsim knows, over the years plans look at.

use giftsim::time_zone::{known_zones, parse_timestamp, Date, Instant, Zone};
use jiff::tz::TimeZone;
use proptest::prelude::*;

fn check_instant(name: &str, seconds: i64) -> Result<(), TestCaseError> {
    let zone = Zone::parse(name, "tz").unwrap();
    let tz = TimeZone::get(if name == "UTC" { "UTC" } else { name }).unwrap();
    let t = Instant::from_seconds(seconds);
    let z = jiff::Timestamp::from_second(seconds)
        .unwrap()
        .to_zoned(tz.clone());
    prop_assert_eq!(
        zone.offset_at(t),
        z.offset().seconds(),
        "offset of {} at {}",
        name,
        seconds
    );
    let date = zone.date_of(t);
    prop_assert_eq!(
        (date.year(), date.month(), date.day()),
        (i32::from(z.year()), z.month() as u8, z.day() as u8)
    );
    let start = zone.start_of(date);
    let expected = z.start_of_day().unwrap().timestamp().as_second();
    prop_assert_eq!(
        start.millis() / 1000,
        expected,
        "start of {} in {}",
        date,
        name
    );
    // Formatting and parsing agree.
    prop_assert_eq!(parse_timestamp(&zone.format(t), "t").unwrap(), t);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    #[test]
    fn offsets_dates_and_midnights_match_the_iana_database(zone in prop::sample::select(known_zones().collect::<Vec<_>>()), seconds in 1_798_761_600i64..1_956_528_000) {
        // 2027-01-01 to 2032-01-01: the rules in force today (British Columbia, for one, moved
        // to permanent UTC−7 in November 2026).
        check_instant(zone, seconds)?;
    }

    #[test]
    fn civil_dates_match(days in -200_000i64..200_000) {
        let d = Date::from_days_since_epoch(days);
        let j = jiff::civil::date(1970, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
        prop_assert_eq!((d.year(), d.month(), d.day()), (i32::from(j.year()), j.month() as u8, j.day() as u8));
        prop_assert_eq!(d.days_from_monday(), i64::from(j.weekday().to_monday_zero_offset()));
    }
}

#[test]
fn every_transition_of_the_year_matches() {
    // Each hour of 2027 and 2028 in every zone, so every transition is crossed.
    for zone in known_zones() {
        for hour in 0..(2 * 8760) {
            check_instant(zone, 1_798_761_600 + hour * 3600 + 1800).unwrap();
        }
    }
}
