//! `giftsim import`'s files: a data export as JSON or in its ZIP, and Google Play's Takeout
//! files, read within the import's size limit and put into one `import` request. The CLI's
//! part only; the reading of the records is [`giftsim::history`].

use giftsim::history::MAX_IMPORT_BYTES;
use giftsim::{Error, ErrorCode};
use std::io::{Cursor, Read};

/// The files an import reads: the TikTok export's JSON text and Google Play's, by role.
#[derive(Default)]
pub struct ExportFiles {
    /// `user_data_tiktok.json` or `user_data.json`.
    pub tiktok: Option<String>,
    /// `Purchase History.json`.
    pub purchase_history: Option<String>,
    /// `Order History.json`.
    pub order_history: Option<String>,
}

fn too_large(what: &str, size: u64) -> Error {
    Error::new(
        ErrorCode::TooLarge,
        "",
        format!(
            "{what} is {} MB; an export of at most {} MB is read",
            size >> 20,
            MAX_IMPORT_BYTES >> 20
        ),
    )
    .with("max", MAX_IMPORT_BYTES)
    .with("given", size)
}

/// Reads `file` (`-` for standard input): a JSON export, or a ZIP holding one (and perhaps
/// Google Play's files).
pub fn read(file: &str, into: &mut ExportFiles) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::new(ErrorCode::Io, "", format!("cannot read {file}: {e}"));
    let limit = MAX_IMPORT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        let f = std::fs::File::open(file).map_err(io)?;
        let size = f.metadata().map_err(io)?.len();
        if size >= limit {
            return Err(too_large(file, size));
        }
        f.take(limit).read_to_end(&mut bytes).map_err(io)?;
    }
    if bytes.len() as u64 >= limit {
        return Err(too_large(file, bytes.len() as u64));
    }
    if bytes.starts_with(b"PK") {
        return read_zip(file, bytes, into);
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format!("{file} is neither JSON text nor a ZIP archive"),
        )
    })?;
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match name {
        "Purchase History.json" => into.purchase_history = Some(text),
        "Order History.json" => into.order_history = Some(text),
        _ => into.tiktok = Some(text),
    }
    Ok(())
}

/// Finds the export's JSON (and Google Play's files) at any depth in a ZIP.
fn read_zip(file: &str, bytes: Vec<u8>, into: &mut ExportFiles) -> Result<(), Error> {
    let bad = |why: String| Error::new(ErrorCode::InvalidValue, "", format!("{file}: {why}"));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        bad(format!(
            "not a readable ZIP archive ({e}); it may be cut short"
        ))
    })?;
    let mut taken = 0;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| {
            bad(format!(
                "entry {i} cannot be read ({e}); the archive may be encrypted or damaged"
            ))
        })?;
        let name = entry.name().rsplit('/').next().unwrap_or("").to_string();
        let slot = match name.as_str() {
            "user_data_tiktok.json" | "user_data.json" => &mut into.tiktok,
            "Purchase History.json" => &mut into.purchase_history,
            "Order History.json" => &mut into.order_history,
            _ => continue,
        };
        if entry.encrypted() {
            return Err(bad(format!(
                "{name} is encrypted; unpack it with its password first"
            )));
        }
        if entry.size() > MAX_IMPORT_BYTES as u64 {
            return Err(too_large(&name, entry.size()));
        }
        let mut text = String::new();
        entry
            .by_ref()
            .take(MAX_IMPORT_BYTES as u64 + 1)
            .read_to_string(&mut text)
            .map_err(|e| {
                bad(format!(
                    "{name} cannot be unpacked ({e}); the archive may be damaged"
                ))
            })?;
        if text.len() > MAX_IMPORT_BYTES {
            return Err(too_large(&name, text.len() as u64));
        }
        *slot = Some(text);
        taken += 1;
    }
    if taken == 0 {
        return Err(bad(
            "it holds no user_data_tiktok.json or user_data.json (nor Google Play's Purchase History.json or Order History.json): is it TikTok's \"Download your data\" archive in JSON format?".into(),
        ));
    }
    Ok(())
}

/// The device's time zone: `TZ`, else the zone `/etc/localtime` links to, else UTC.
pub fn device_zone() -> String {
    if let Ok(tz) = std::env::var("TZ") {
        let tz = tz.trim_start_matches(':');
        if !tz.is_empty() {
            return tz.to_string();
        }
    }
    std::fs::read_link("/etc/localtime")
        .ok()
        .and_then(|p| {
            let p = p.to_string_lossy().to_string();
            p.split_once("zoneinfo/").map(|(_, z)| z.to_string())
        })
        .unwrap_or_else(|| "UTC".into())
}
