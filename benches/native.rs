//! Native benchmarks: medians over repeated runs, printed as a table and as JSON (the last line,
//! prefixed `BENCH_JSON `) for `scripts/bench.mjs`, which compares them with WASM in Chromium.
//!
//! `cargo bench --bench native` (or `make bench`). `BENCH_QUICK=1` runs fewer repetitions.

// Benchmarks may sort with the standard library; clippy.toml keeps it out of the crate.
#![allow(clippy::disallowed_methods)]

use giftsim::bundles::Optimizer;
use giftsim::ops::{self, Operation};
use giftsim::presets;
use std::time::Instant;

/// The answer as JSON text, what the CLI prints and `runJson` returns (the WASM side of
/// `make bench` measures `runJson`).
fn text(op: Operation, input: &str, threads: usize) -> String {
    ops::answer(op, input, &|_| true, threads)
        .and_then(|a| a.to_text(false))
        .unwrap()
}

/// Median of `reps` timings of `f`, in microseconds (after one warm-up call).
fn median_us(reps: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut times: Vec<f64> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

fn read(path: &str) -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + path).unwrap()
}

fn main() {
    let quick = std::env::var_os("BENCH_QUICK").is_some();
    let reps = |n: usize| if quick { (n / 10).max(3) } else { n };
    let mut results: Vec<(String, f64, String)> = Vec::new();
    let mut record = |name: &str, us: f64, note: String| {
        println!("{name:<44} {us:>14.1} µs  {note}");
        results.push((name.to_string(), us, note));
    };

    let lion = r#"{"rate_card": "tiktok-ios", "gifts": [{"gift": "lion", "count": 1}], "compare_channels": false}"#;
    record(
        "quote: one gift (lion, iOS)",
        median_us(reps(2000), || {
            ops::run_text(Operation::Quote, lion).unwrap();
        }),
        String::new(),
    );
    let basket = read("examples/quote-gift-basket-uk.json");
    record(
        "quote: gift basket (UK, with channels)",
        median_us(reps(1000), || {
            ops::run_text(Operation::Quote, &basket).unwrap();
        }),
        String::new(),
    );

    for card in presets::all_rate_cards() {
        let questions: Vec<String> = [1u64, 999, 29_999, 1_000_000, 10_000_000]
            .iter()
            .map(|coins| {
                serde_json::json!({"rate_card": card.id, "coins": coins, "compare_channels": false})
                    .to_string()
            })
            .collect();
        let us = median_us(reps(50), || {
            for q in &questions {
                ops::run_text(Operation::Quote, q).unwrap();
            }
        }) / questions.len() as f64;
        record(
            &format!("quote: coins 1 to 10,000,000 on {}", card.id),
            us,
            "per question".into(),
        );
    }
    let opt = median_us(reps(200), || {
        for card in presets::all_rate_cards() {
            let o = Optimizer::for_card(card);
            for t in [1u64, 999, 29_999, 1_000_000, 10_000_000] {
                std::hint::black_box(o.cheapest(t));
            }
        }
    }) / presets::all_rate_cards().count() as f64;
    record(
        "optimizer alone: build + 5 targets, mean per preset",
        opt,
        String::new(),
    );
    let plan = read("examples/plan-cn-games-2019.json");
    record(
        "plan: a month of top-ups",
        median_us(reps(1000), || {
            ops::run_text(Operation::Plan, &plan).unwrap();
        }),
        String::new(),
    );

    // A family's export of 10,000 records (5,000 top-ups, 5,000 gifts), then its plan.
    let buys: Vec<serde_json::Value> = (0..5_000)
        .map(|i| serde_json::json!({"Date": format!("2025-{:02}-{:02} 18:{:02}:00", 1 + i % 12, 1 + i % 28, i % 60), "Price": "70"}))
        .collect();
    let sends: Vec<serde_json::Value> = (0..5_000)
        .map(|i| serde_json::json!({"Date": format!("2025-{:02}-{:02} 19:{:02}:00", 1 + i % 12, 1 + i % 28, i % 60), "GiftAmount": "1"}))
        .collect();
    let history = serde_json::json!({"tiktok": {"Your Activity": {"Purchases": {"BuyGifts": {"BuyGifts": buys}, "SendGifts": {"SendGifts": sends}}}},
        "age": 15, "price_unit": "coins", "rule_set": "under18-family"})
    .to_string();
    record(
        "import: an export of 10,000 records",
        median_us(reps(30), || {
            ops::run_text(Operation::Import, &history).unwrap();
        }),
        String::new(),
    );
    let imported = ops::run(Operation::Import, &history).unwrap()["plan"].to_string();
    record(
        "plan: the 10,000 imported events",
        median_us(reps(30), || {
            ops::run_text(Operation::Plan, &imported).unwrap();
        }),
        String::new(),
    );

    let bench = read("examples/bench-population.json");
    let doc: serde_json::Value = serde_json::from_str(&bench).unwrap();
    let viewer_days = doc["viewers"].as_f64().unwrap()
        * doc["days"].as_f64().unwrap()
        * doc["runs"].as_f64().unwrap_or(1.0);
    let sim = median_us(reps(7), || {
        text(Operation::Simulate, &bench, 1);
    });
    record(
        "simulate: bench population, 1 thread",
        sim,
        format!("{:.0} M viewer-days/s", viewer_days / sim),
    );

    let sweep = read("examples/sweep-prices-elasticity.json");
    let sw1 = median_us(reps(3), || {
        text(Operation::Sweep, &sweep, 1);
    });
    record("sweep: 12 points, 1 thread", sw1, String::new());
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let sw = median_us(reps(3), || {
        text(Operation::Sweep, &sweep, threads);
    });
    record(
        "sweep: 12 points, all cores",
        sw,
        format!("{threads} threads"),
    );

    let calibration = read("examples/calibrate-payers-arppu.json");
    record(
        "calibrate: lab default, 100,000 viewers × 30 days, 3 targets, 1 thread",
        median_us(if quick { 1 } else { 3 }, || {
            text(Operation::Calibrate, &calibration, 1);
        }),
        "whole search".into(),
    );

    let optimization = read("benches/optimize-lab-default.json");
    record(
        "optimize: 2 variables, lab default, 100,000 viewers × 30 days, 1 thread",
        median_us(1, || {
            text(Operation::Optimize, &optimization, 1);
        }),
        "whole search (80 simulations), once".into(),
    );
    let power = read("benches/power-lab-default.json");
    record(
        "power: a price change, lab default, 8 durations, 1 thread",
        median_us(if quick { 1 } else { 3 }, || {
            text(Operation::Power, &power, 1);
        }),
        "16 simulations and 2,000 replicates per duration".into(),
    );

    let json: Vec<serde_json::Value> = results
        .iter()
        .map(|(name, us, note)| serde_json::json!({"name": name, "median_us": us, "note": note}))
        .collect();
    println!(
        "BENCH_JSON {}",
        serde_json::json!({"native": json, "viewer_days": viewer_days})
    );
}
