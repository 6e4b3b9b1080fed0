//! `import`: a family's data export into a plan, from the documented structure of TikTok's and
//! Google Play's exports (synthetic fixtures under `tests/fixtures/exports/`, no real person's
//! data): both key eras, `null` sections, both date-of-birth styles, a ZIP, invoices; the plan
//! it prints runs through `plan` as is; every bad file gets its error, never a panic.

mod common;

use common::giftsim;
use giftsim::ops::{self, Operation};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exports")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

fn ok(out: &Output) -> Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn error_of(out: &Output) -> Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let line = stderr.lines().find(|l| l.starts_with('{')).unwrap();
    serde_json::from_str::<Value>(line).unwrap()["error"].clone()
}

fn import(req: Value) -> Value {
    ops::run(Operation::Import, &req.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn import_err(req: Value) -> giftsim::Error {
    ops::run(Operation::Import, &req.to_string()).unwrap_err()
}

fn export(name: &str) -> Value {
    serde_json::from_str(&read(name)).unwrap()
}

#[test]
fn the_cli_prints_a_plan_that_plan_runs_as_is() {
    let path = fixture("tiktok-2024.json");
    let plan = giftsim(
        &[
            "import",
            path.to_str().unwrap(),
            "--time-zone",
            "Europe/London",
            "--price-unit",
            "coins",
            "--rule-set",
            "under18-family",
        ],
        b"",
    );
    let plan_text = plan.stdout.clone();
    let plan = ok(&plan);
    assert_eq!(plan["rule_set"], "under18-family");
    assert_eq!(plan["person"]["birth_date"], "2011-04-01");
    assert_eq!(plan["events"].as_array().unwrap().len(), 10);
    let answer = ok(&giftsim(&["plan", "-"], &plan_text));
    assert_eq!(answer["summary"]["events"], 10);
    // The birthday on 1 April: 14 in March, 15 in April.
    let ages: Vec<&str> = answer["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["checks"][0]["message"].as_str())
        .collect();
    assert!(ages.first().unwrap().starts_with("At 14"), "{ages:?}");
    assert!(ages.last().unwrap().starts_with("At 15"), "{ages:?}");
    // The same as the library answers.
    let lib = import(
        json!({"tiktok": export("tiktok-2024.json"), "time_zone": "Europe/London", "price_unit": "coins", "rule_set": "under18-family"}),
    );
    assert_eq!(lib["plan"], plan);
}

#[test]
fn bare_prices_ask_for_their_unit_with_samples() {
    let e = import_err(json!({"tiktok": export("tiktok-2024.json")}));
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("missing_field", "price_unit")
    );
    assert_eq!(e.details["samples"], json!(["70", "1400", "7000"]));
    assert_eq!(e.details["choices"], json!(["coins", "USD"]));
    // Money instead: each price is what was paid, and the coins are estimated.
    let a = import(json!({"tiktok": export("tiktok-2024.json"), "price_unit": "USD"}));
    assert_eq!(
        a["plan"]["events"][0]["buy"],
        json!({"amount": "70.00", "currency": "USD"})
    );
    assert_eq!(a["events"][0]["basis"], "export");
    assert_eq!(a["price_unit"], json!({"unit": "USD", "from": "asked"}));
}

#[test]
fn the_older_export_with_units_in_its_text_and_the_other_birth_date_style() {
    let a = import(json!({"tiktok": export("tiktok-legacy.json"), "time_zone": "UTC"}));
    assert_eq!(a["format"], "tiktok-legacy");
    assert_eq!(a["birth_date"], "2008-02-01");
    assert_eq!(a["price_unit"]["from"], "text");
    let events = &a["plan"]["events"];
    assert_eq!(events[0]["buy"], json!({"coins": 70}));
    assert_eq!(
        events[1]["buy"],
        json!({"amount": "4.99", "currency": "USD"})
    );
    assert_eq!(
        a["events"][0]["from"],
        "tiktok.Activity.Purchase History.BuyGifts.BuyGifts[0]"
    );
    assert_eq!(
        (
            a["totals"]["estimated"].as_u64(),
            a["totals"]["from_export"].as_u64()
        ),
        (Some(1), Some(1))
    );
}

#[test]
fn null_sections_are_an_empty_history_not_an_error() {
    let e = import_err(json!({"tiktok": export("tiktok-empty.json")}));
    assert_eq!((e.code.as_str(), e.path.as_str()), ("missing_field", "age"));
    let a = import(json!({"tiktok": export("tiktok-empty.json"), "age": 15}));
    assert_eq!(a["plan"]["events"], json!([]));
    assert_eq!(a["plan"]["person"]["age"], 15);
    assert!(a["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n.as_str().unwrap().contains("no coin purchases")));
}

#[test]
fn google_play_invoices_price_the_purchases_they_match() {
    let play: Value = export("Purchase History.json");
    let a = import(
        json!({"tiktok": export("tiktok-2024.json"), "google_play": {"purchase_history": play}, "time_zone": "UTC", "price_unit": "coins"}),
    );
    assert_eq!(a["plan"]["rate_card"], "tiktok-android");
    assert_eq!(
        a["plan"]["events"][0]["buy"],
        json!({"amount": "0.99", "currency": "USD", "coins": 70})
    );
    assert_eq!(a["events"][0]["basis"], "invoice");
    // The second 1,400-coin purchase a minute later has no invoice of its own.
    assert_eq!(a["events"][3]["basis"], "estimate");
    assert_eq!(a["totals"]["from_invoices"], 2);
    assert_eq!(
        a["totals"]["unmatched_invoices"], 0,
        "the puzzle game is not TikTok's"
    );
    // Read in the wrong zone, nothing is within 15 minutes: no match rather than a wrong one.
    let far = import(
        json!({"tiktok": export("tiktok-2024.json"), "google_play": {"purchase_history": export("Purchase History.json")}, "time_zone": "Asia/Tokyo", "price_unit": "coins"}),
    );
    assert_eq!(far["totals"]["from_invoices"], 0);
    assert_eq!(far["totals"]["unmatched_invoices"], 2);
}

#[test]
fn periods_and_limits() {
    let a = import(
        json!({"tiktok": export("tiktok-2024.json"), "price_unit": "coins", "from": "2026-04-01", "to": "2026-04-30"}),
    );
    assert_eq!(a["plan"]["events"].as_array().unwrap().len(), 2);
    let e = import_err(
        json!({"tiktok": export("tiktok-2024.json"), "price_unit": "coins", "from": "April"}),
    );
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_value", "from")
    );
    // More records than a plan holds: refused with the way out.
    let many: Vec<Value> = (0..10_001)
        .map(|_| json!({"Date": "2026-01-01 10:00:00", "Price": "70 coins"}))
        .collect();
    let e = import_err(
        json!({"tiktok": {"Your Activity": {"Purchases": {"BuyGifts": {"BuyGifts": many}}}}, "age": 15}),
    );
    assert_eq!(e.code.as_str(), "too_large");
    assert!(e.message.contains("`from` and `to`"));
}

#[test]
fn bad_files_get_errors_that_name_what_was_expected_and_where() {
    let e = import_err(json!({"tiktok": export("another-service.json")}));
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_value", "tiktok")
    );
    assert!(e.message.contains("not a TikTok data export"));
    let e = import_err(json!({"tiktok": {"Your Activity": {"Purchases": {"BuyGifts": "none"}}}}));
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_type", "tiktok.Your Activity.Purchases.BuyGifts")
    );
    let e = import_err(
        json!({"tiktok": {"Your Activity": {"Purchases": {"BuyGifts": {"BuyGifts": [{"Date": "yesterday", "Price": "70 coins"}]}}}}, "age": 15}),
    );
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        (
            "invalid_value",
            "tiktok.Your Activity.Purchases.BuyGifts.BuyGifts[0].Date"
        )
    );
    let e = import_err(
        json!({"tiktok": {"Your Activity": {"Purchases": {"BuyGifts": {"BuyGifts": [{"Date": "2026-01-01 10:00:00", "Price": true}]}}}}, "age": 15}),
    );
    assert!(
        e.path
            .starts_with("tiktok.Your Activity.Purchases.BuyGifts.BuyGifts[0]"),
        "{}",
        e.path
    );
    assert!(e.message.contains("a string or a number"), "{}", e.message);
    let e = import_err(
        json!({"tiktok": {"Your Activity": {"Purchases": {"BuyGifts": {"BuyGifts": [{"Date": "2026-01-01 10:00:00", "Price": "seventy"}]}}}}, "age": 15}),
    );
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        (
            "invalid_value",
            "tiktok.Your Activity.Purchases.BuyGifts.BuyGifts[0].Price"
        )
    );
    let e = import_err(
        json!({"tiktok": {"Profile": {"Profile Info": {"ProfileMap": {"birthDate": "sometime"}}}}}),
    );
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        (
            "invalid_value",
            "tiktok.Profile.Profile Info.ProfileMap.birthDate"
        )
    );
    let e = import_err(
        json!({"tiktok": export("tiktok-empty.json"), "age": 15, "time_zone": "Mars/Olympus"}),
    );
    assert_eq!(e.path.as_str(), "time_zone");
    let e = import_err(
        json!({"tiktok": export("tiktok-empty.json"), "age": 15, "price_unit": "bananas"}),
    );
    assert_eq!(e.path.as_str(), "price_unit");
}

/// A ZIP of `files` (name, bytes), deflated.
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, bytes) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("giftsim-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn the_zip_export_gives_the_same_plan_as_its_json_and_damaged_zips_are_refused() {
    let json_path = fixture("tiktok-2024.json");
    let args = ["--time-zone", "UTC", "--price-unit", "coins"];
    let from_json = ok(&giftsim(
        &[&["import", json_path.to_str().unwrap()][..], &args].concat(),
        b"",
    ));
    let zip = zip_of(&[
        ("TikTok_Data/readme.txt", b"synthetic"),
        (
            "TikTok_Data/user_data_tiktok.json",
            read("tiktok-2024.json").as_bytes(),
        ),
        (
            "Google Play Store/Purchase History.json",
            read("Purchase History.json").as_bytes(),
        ),
    ]);
    let zip_path = temp("export.zip", &zip);
    let from_zip = ok(&giftsim(
        &[&["import", zip_path.to_str().unwrap()][..], &args].concat(),
        b"",
    ));
    // The ZIP also carried Google Play's file: the same events, two priced by invoices.
    assert_eq!(
        from_zip["events"].as_array().unwrap().len(),
        from_json["events"].as_array().unwrap().len()
    );
    assert_eq!(from_zip["events"][0]["buy"]["amount"], "0.99");

    let cut = temp("cut.zip", &zip[..zip.len() / 2]);
    let e = error_of(&giftsim(
        &["import", cut.to_str().unwrap(), "--price-unit", "coins"],
        b"",
    ));
    assert_eq!(e["code"], "invalid_value");
    assert!(e["message"].as_str().unwrap().contains("cut short"), "{e}");

    let other = temp("other.zip", &zip_of(&[("photos/a.txt", b"x")]));
    let e = error_of(&giftsim(&["import", other.to_str().unwrap()], b""));
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("no user_data_tiktok.json"),
        "{e}"
    );

    // The "encrypted" flag (bit 0 of the general-purpose flags) set on every entry.
    let mut locked = zip_of(&[("user_data_tiktok.json", read("tiktok-2024.json").as_bytes())]);
    for sig in [[0x50u8, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x01, 0x02]] {
        let at = locked.windows(4).position(|w| w == sig).unwrap();
        let flags = at + if sig[2] == 3 { 6 } else { 8 };
        locked[flags] |= 1;
    }
    let locked = temp("locked.zip", &locked);
    let e = error_of(&giftsim(
        &["import", locked.to_str().unwrap(), "--price-unit", "coins"],
        b"",
    ));
    assert!(e["message"].as_str().unwrap().contains("encrypted"), "{e}");
}

#[test]
fn a_300_mb_file_is_refused_before_it_is_read() {
    let dir = std::env::temp_dir().join(format!("giftsim-import-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("user_data_tiktok.json");
    // Sparse: no disk is used.
    std::fs::File::create(&p)
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    let e = error_of(&giftsim(&["import", p.to_str().unwrap()], b""));
    assert_eq!(e["code"], "too_large");
    std::fs::remove_file(&p).unwrap();
}

#[test]
fn the_order_history_brings_tax_and_refunds() {
    let orders = json!([
        {"orderHistory": {"orderId": "GPA.0000-0000-0000-00001", "creationTime": "2026-03-29T20:00:30.000Z", "ipCountry": "GB",
            "totalPrice": "£18.99", "tax": "£3.17", "refundAmount": "£18.99", "preorder": false,
            "lineItem": [{"doc": {"documentType": "In-app purchase", "title": "1400 Coins (TikTok)"}, "quantity": 1}]}},
        {"orderHistory": {"orderId": "GPA.0000-0000-0000-00002", "creationTime": "1774724450000", "totalPrice": "£0.99", "refundAmount": "£0.00",
            "lineItem": [{"doc": {"title": "70 Coins (TikTok)"}}]}}
    ]);
    let a = import(
        json!({"tiktok": export("tiktok-2024.json"), "google_play": {"order_history": orders}, "time_zone": "UTC",
        "price_unit": "coins", "rate_card": "tiktok-ios-gbp"}),
    );
    let e = &a["events"];
    assert_eq!(
        (e[0]["amount"].as_str(), e[0]["order_id"].as_str()),
        (Some("0.99"), Some("GPA.0000-0000-0000-00002"))
    );
    assert_eq!(
        (
            e[2]["amount"].as_str(),
            e[2]["currency"].as_str(),
            e[2]["refunded"].as_bool()
        ),
        (Some("18.99"), Some("GBP"), Some(true))
    );
    assert_eq!(a["totals"]["refunded"], 1);
    assert!(a["plan"]["events"][2]["note"]
        .as_str()
        .unwrap()
        .ends_with("refunded"));
}

#[test]
fn an_imported_history_happened_so_every_breach_shows_and_every_cent_counts() {
    let a = import(
        json!({"tiktok": export("tiktok-2024.json"), "time_zone": "UTC", "price_unit": "coins",
        "rule_set": {"id": "my-limits", "name": "My own limits", "opt_in": true, "currency": "USD",
            "brackets": [{"id": "all", "caps": [{"id": "week", "action": "buy", "window": "calendar_week", "limit": "20.00"}]}]}}),
    );
    assert_eq!(a["plan"]["happened"], true);
    let answer = ops::run(Operation::Plan, &a["plan"].to_string()).unwrap();
    let levels: Vec<&str> = answer["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["verdict"].as_str().unwrap())
        .collect();
    // $1.98 ok; the 1,400 coins ($21.78) and every later top-up that week are over $20 — each
    // shown, though the first would have stopped the rest; the next week starts afresh.
    assert_eq!(&levels[..3], ["ok", "ok", "block"]);
    assert_eq!(levels.iter().filter(|l| **l == "block").count(), 5);
    assert_eq!(levels[8], "ok");
    // The gifts that followed were really sent: not blocked for want of coins.
    let gifts: Vec<&str> = answer["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["action"] == "gift")
        .map(|v| v["verdict"].as_str().unwrap())
        .collect();
    assert!(gifts.iter().all(|g| *g != "block"), "{gifts:?}");
    // Everything bought counts: what was spent, not what the rules would have let through.
    let s = &answer["summary"];
    let blocked: f64 = s["blocked"].as_str().unwrap().parse().unwrap();
    let bought: f64 = s["bought"].as_str().unwrap().parse().unwrap();
    assert!(bought > blocked && blocked > 400.0, "{s}");
}

#[test]
fn the_cli_also_takes_an_import_request_as_webassembly_does() {
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import-tiktok-google-play.json");
    let text = std::fs::read(&example).unwrap();
    let whole = ok(&giftsim(&["import", "--report", "-"], &text));
    assert_eq!(whole, import(serde_json::from_slice(&text).unwrap()));
    let plan = ok(&giftsim(&["import", example.to_str().unwrap()], b""));
    assert_eq!(plan, whole["plan"]);
    let e = error_of(&giftsim(
        &["import", example.to_str().unwrap(), "--age", "15"],
        b"",
    ));
    assert_eq!(e["code"], "conflicting_fields");
}

#[test]
fn a_history_of_ten_thousand_records_becomes_a_plan_that_runs() {
    let buys: Vec<Value> = (0..5_000).map(|i| json!({"Date": format!("2025-{:02}-{:02} 18:{:02}:00", 1 + i % 12, 1 + i % 28, i % 60), "Price": "70"})).collect();
    let sends: Vec<Value> = (0..5_000).map(|i| json!({"Date": format!("2025-{:02}-{:02} 19:{:02}:00", 1 + i % 12, 1 + i % 28, i % 60), "GiftAmount": "1", "UserName": "someone"})).collect();
    let a = import(
        json!({"tiktok": {"Your Activity": {"Purchases": {"BuyGifts": {"BuyGifts": buys}, "SendGifts": {"SendGifts": sends}}}}, "age": 15, "price_unit": "coins"}),
    );
    let text = serde_json::to_string_pretty(&a["plan"]).unwrap();
    assert!(
        text.len() > ops::MAX_INPUT_BYTES,
        "the plan is {} bytes",
        text.len()
    );
    let answer = ops::run(Operation::Plan, &text).unwrap();
    assert_eq!(answer["summary"]["events"], 10_000);
}
