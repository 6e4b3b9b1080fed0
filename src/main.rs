//! The `giftsim` command line: a JSON document in (a file or `-` for stdin), the answer as JSON
//! on stdout. Invalid input prints `{"error": {"code", "path", "message"}}` on stderr and exits 2.

use clap::{Parser, Subcommand};
use giftsim::ops::{self, Operation};
use giftsim::{Error, ErrorCode};
use std::io::{Read, Write};
use std::process::ExitCode;

mod export_files;

#[derive(Parser)]
#[command(
    name = "giftsim",
    version,
    about = "Exact money math for creator-gifting economies: coins, gifts, diamonds and payouts.",
    long_about = "Exact money math for creator-gifting economies.\n\n\
        Each command reads one JSON document (a file, or - for standard input) and prints one JSON \
        document. Money is written as decimal strings (\"12.99\"). Invalid input prints \
        {\"error\": {\"code\", \"path\", \"message\"}} on stderr and exits with status 2.",
    after_help = "Examples:\n  giftsim presets\n  giftsim plan examples/plan-cn-games-2019.json\n  echo '{\"rate_card\": \"tiktok-ios\", \"gifts\": [{\"gift\": \"lion\", \"count\": 1}]}' | giftsim quote -\n  giftsim compare examples/compare-100-usd.json"
)]
struct Cli {
    /// Print JSON on one line instead of indented.
    #[arg(long, global = true)]
    compact: bool,
    /// After the answer, print the elapsed time and peak memory on stderr as JSON.
    #[arg(long, global = true)]
    stats: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the shipped rate cards and gift catalogues, each figure with its source and date.
    #[command(
        long_about = "List the shipped rate cards and gift catalogues.\n\n\
        Every rate card is printed in the same form a quote accepts as \"rate_card\", so a preset \
        can be copied, edited and sent back. Each figure names its source and as-of date, or is \
        marked as an estimate with its method.",
        after_help = "Example:\n  giftsim presets | jq '.rate_cards[].id'"
    )]
    Presets,
    /// Answer one viewer's question: coins, gifts, money to spend, or cash a creator wants.
    #[command(
        long_about = "Answer one viewer's question on a rate card.\n\n\
        Ask exactly one of: \"coins\": N; \"gifts\": [{\"gift\": ID, \"count\": N}]; \"spend\": \"AMOUNT\"; \
        \"creator_cash\": \"AMOUNT\". The answer gives the cheapest bundle mix (lowest price, then \
        fewest leftover coins, then fewest purchases), the real cost of each gift (coins are spent \
        first-in-first-out), where every cent goes (tax, store fee, payment fee, creator, agency, \
        platform, unspent coins, adding up to what the viewer pays), when the creator can withdraw, \
        and the same question on the platform's other channels.",
        after_help = "Examples:\n  echo '{\"rate_card\": \"tiktok-ios\", \"gifts\": [{\"gift\": \"lion\", \"count\": 1}]}' | giftsim quote -\n  echo '{\"rate_card\": \"tiktok-web\", \"coins\": 5000}' | giftsim quote -\n  echo '{\"rate_card\": \"tiktok-web\", \"spend\": \"100.00\"}' | giftsim quote -\n  echo '{\"rate_card\": \"tiktok-web\", \"creator_cash\": \"100.00\"}' | giftsim quote -\n  giftsim quote examples/quote-lion-ios.json"
    )]
    Quote {
        /// JSON file, or - for standard input.
        file: String,
    },
    /// Compare the same spending across platforms: what the money buys and what the creator keeps.
    #[command(
        long_about = "Compare the same fan spending across platforms.\n\n\
        Input: {\"spend\": \"100.00\", \"currency\": \"USD\", \"rate_cards\": [ids or objects]} (rate_cards \
        defaults to every preset in the currency). For each card: the most coins the money buys, \
        the flow of every cent when they are all gifted, and what the creator keeps.",
        after_help = "Example:\n  echo '{\"spend\": \"100.00\"}' | giftsim compare -\n  giftsim compare examples/compare-100-usd.json"
    )]
    Compare {
        /// JSON file, or - for standard input.
        file: String,
    },
    /// Check a dated plan of purchases and gifts for one person against spending rules.
    #[command(
        long_about = "Check a dated plan of purchases and gifts against spending rules.\n\n\
        Input: {\"rule_set\": ID or object, \"person\": {\"age\", \"region\", \"time_zone\"}, \
        \"rate_card\": optional, \"exchange_rates\": optional {\"USD/CNY\": \"7.10\"}, \"events\": \
        [{\"at\": RFC 3339, \"buy\": {\"amount\", \"currency\"} or {\"coins\"}} or {\"at\", \"gift\": \
        {\"gift\", \"count\"} or {\"amount\"}}]}. Each event gets a verdict (ok, warn or block) with \
        the rule and window that decided it, what is used and left, and why; the summary says \
        what can still be spent without a block.",
        after_help = "Examples:\n  echo '{\"rule_set\": \"cn-games-2019\", \"person\": {\"age\": 15}, \"events\": [{\"at\": \"2026-03-01T10:00:00+08:00\", \"buy\": {\"amount\": \"45.00\", \"currency\": \"CNY\"}}]}' | giftsim plan -\n  giftsim plan examples/plan-cn-games-2019.json"
    )]
    Plan {
        /// JSON file, or - for standard input.
        file: String,
    },
    /// Audit a rate card: what each gift really costs, leftover coins, the ladder, the rules.
    #[command(
        long_about = "A compliance audit of a rate card, computed exactly.\n\n\
        Input: {\"rate_card\": ID or object, \"all_channels\": optional (also the platform's other \
        shipped cards in the currency), \"gifts\": optional [ids], \"region\" and \"date\": optional (the age gates \
        and caps the registry holds there and then)}. For every gift: its coins at the best price per \
        coin, the cheapest purchase that covers it with its leftover coins, the fewest leftover coins \
        any purchase allows and the forced overspend; for the ladder: whether the price per coin falls \
        as packs grow, the best-value offer and the currency layers; findings in plain words.",
        after_help = "Examples:\n  echo '{\"rate_card\": \"tiktok-ios\", \"region\": \"US-TX\", \"date\": \"2026-12-07\"}' | giftsim audit -\n  giftsim audit examples/audit-tiktok-ios-us-tx.json"
    )]
    Audit {
        /// JSON file, or - for standard input.
        file: String,
    },
    /// Turn a family's TikTok data export (JSON or its ZIP) into a plan, read on this machine.
    #[command(
        long_about = "Read a TikTok \"Download your data\" export and print a plan input.\n\n\
        FILE is user_data_tiktok.json (or the older user_data.json), or the ZIP holding it (or \
        an import request, {\"tiktok\": …, \"time_zone\": …}, as WebAssembly takes it); add \
        Google Play's Takeout files (Purchase History.json, Order History.json) with --google-play \
        to price Android purchases from their invoices. Every coin purchase and gift sent becomes \
        a dated event; money comes from an invoice where one matches, else from the export, else \
        from the rate card's prices (marked as an estimate in each event's note). The export's \
        times carry no zone: they are read in --time-zone (default: this machine's). When its \
        prices are bare numbers, say with --price-unit whether they are coins or money. Nothing \
        is sent anywhere.",
        after_help = "Examples:\n  giftsim import user_data_tiktok.json --price-unit coins | giftsim plan -\n  giftsim import export.zip --time-zone Europe/London --price-unit coins --rule-set under18-family\n  giftsim import tests/fixtures/exports/tiktok-2024.json --price-unit coins --report"
    )]
    Import {
        /// The export (JSON or ZIP), or - for standard input.
        file: String,
        /// The time zone of the export's dates (default: this machine's).
        #[arg(long)]
        time_zone: Option<String>,
        /// What a bare Price is: coins, or a currency such as USD.
        #[arg(long)]
        price_unit: Option<String>,
        /// The rules to check against (default: auto with --region, else tiktok-global).
        #[arg(long)]
        rule_set: Option<String>,
        /// The rate card that prices estimates (default: tiktok-android with Google Play
        /// files, else tiktok-ios).
        #[arg(long)]
        rate_card: Option<String>,
        /// The person's age, when the export has no date of birth.
        #[arg(long)]
        age: Option<u32>,
        /// The person's region (GB, US-TX…), for automatic rules.
        #[arg(long)]
        region: Option<String>,
        /// Google Play Takeout files (Purchase History.json, Order History.json, or the ZIP).
        #[arg(long = "google-play")]
        google_play: Vec<String>,
        /// Only records on or after this day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Only records on or before this day (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Print the whole answer (the plan, each record's source and basis, counts, notes)
        /// instead of the plan alone.
        #[arg(long)]
        report: bool,
    },
    /// Population Monte Carlo: many viewers, days and runs; totals with P5/P50/P95.
    #[command(
        long_about = "Simulate a population of viewers over days and Monte Carlo runs.\n\n\
        Input: a scenario (rate_card or channels, rule_set, viewers, ages, segments with budgets and \
        gift mixes, elasticity, price_multiplier, creators, days, runs, seed). Output: totals over \
        runs (P5, P50, P95, mean) for spend, taxes, fees, creator payouts, agency, platform margin, \
        breakage, blocked spend and warnings; by age group; by day; and every run's totals. The same \
        scenario and seed give the same answer, byte for byte, on any number of threads.",
        after_help = "Examples:\n  giftsim simulate examples/simulate-tiktok-us-teens.json\n  giftsim simulate --csv examples/simulate-tiktok-us-teens.json > runs.csv"
    )]
    Simulate {
        /// JSON file, or - for standard input.
        file: String,
        /// Print every run's totals as CSV instead of JSON.
        #[arg(long)]
        csv: bool,
        /// Threads to use (default: every core).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// A scenario over a grid of parameters, or A/B variants, each compared with the base.
    #[command(
        long_about = "Run a scenario over a grid of parameter values, or over named variants (A/B).\n\n\
        Input: {\"base\": scenario, \"grid\": [{\"parameter\", \"values\"}]} or {\"base\", \"variants\": \
        [{\"name\", \"changes\": {parameter: value}}]}. Parameters: price_multiplier, \
        price_multiplier:CARD, bundle:CARD/COINS/price, bundle:CARD/COINS/coins, elasticity, creator_share, \
        diamond_value, store_fee_rate, payment_fee_rate, cap_multiplier, guardian_approval_rate, cap:BRACKET/CAP. Each row has the point's totals and, for every \
        metric (for everyone, each age group and each segment), the run-by-run difference from the \
        base and its judgement. A \"significant\" difference stands out from this simulation's own \
        sampling noise (how its runs vary), not from a real experiment's: Student's t over the runs, \
        Holm-corrected over the metrics compared, at 5 %; fewer than 3 runs are not judged.",
        after_help = "Examples:\n  giftsim sweep examples/sweep-prices-elasticity.json\n  giftsim sweep examples/sweep-ab-ios-price-and-teen-cap.json\n  giftsim sweep --csv examples/sweep-prices-elasticity.json > sweep.csv"
    )]
    Sweep {
        /// JSON file, or - for standard input.
        file: String,
        /// Print one CSV row per point instead of JSON.
        #[arg(long)]
        csv: bool,
        /// Threads to use (default: every core).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Fit a scenario's free parameters to targets: payer share, ARPPU, concentration, …
    #[command(
        long_about = "Fit a scenario's free parameters to a team's own numbers.\n\n\
        Input: {\"scenario\": scenario, \"free\": [{\"parameter\": \"segment:whales/share\", \"min\", \"max\"}], \
        \"targets\": [{\"metric\": \"payer_share\", \"value\": \"0.019\", \"tolerance\": \"0.05\"}] or \
        \"target_set\": \"swrve-2016-f2p\", \"max_evaluations\"}. A deterministic Nelder–Mead search on \
        common random numbers (every simulation uses the scenario's seed), capped at max_evaluations \
        simulations. Output: the fitted scenario (a plain simulate input), each target with what the fit \
        achieves, the targets missed, the fit error and the work done. Fitted values are estimates.",
        after_help = "Examples:\n  giftsim calibrate examples/calibrate-swrve-2016.json\n  giftsim simulate <(giftsim calibrate examples/calibrate-swrve-2016.json | jq .scenario)"
    )]
    Calibrate {
        /// JSON file, or - for standard input.
        file: String,
        /// (Not for calibrate: its answer has no CSV form.)
        #[arg(long, hide = true)]
        csv: bool,
        /// Threads to use (default: every core).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Find the best prices, bundles or caps under constraints: "what should we charge?"
    #[command(
        long_about = "Find the values of a few decision variables that maximise an objective under constraints.\n\n\
        Input: {\"scenario\": scenario, \"variables\": [{\"parameter\": \"price_multiplier:tiktok-ios\", \"min\", \"max\", \"step\"} \
        or {\"parameter\": \"bundle:tiktok-ios/330/price\", \"min\", \"max\", \"price_points\": \"apple-us\"}], \
        \"objective\": {\"metric\": \"platform_margin\"} or {\"weights\": {metric: weight}}, \
        \"constraints\": [{\"metric\": \"blocked_spend\", \"age_group\": \"16-to-17\", \"at_most\": \"500.00\"}, \
        {\"price_per_coin\": \"falls\"}, {\"reachable_gifts\": [\"lion\"]}], \"max_evaluations\"}. Variables are any \
        sweep parameter, a bundle's price (snapped to a store's price points) or coins, a cap's level. A deterministic \
        coarse-to-fine search on common random numbers, capped at max_evaluations simulations. Output: the best \
        point (values, objective, every KPI with P5/P50/P95, each constraint's slack), the runners-up and every \
        point evaluated. When no point meets every constraint, the least-violating one, flagged.",
        after_help = "Examples:\n  giftsim optimize examples/optimize-ios-price-teen-cap.json\n  giftsim simulate <(giftsim optimize examples/optimize-ios-price-teen-cap.json | jq .scenario)"
    )]
    Optimize {
        /// JSON file, or - for standard input.
        file: String,
        /// (Not for optimize: its answer has no CSV form.)
        #[arg(long, hide = true)]
        csv: bool,
        /// Threads to use (default: every core).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Plan a real A/B test: the smallest effect N users can detect, the days an effect needs
    #[command(
        long_about = "Plan a real A/B test of a price or cap change on a (calibrated) scenario.\n\n\
        Input: {\"scenario\": scenario, \"users_per_arm\": 50000, \"days\": 28, and \"change\": {parameter: value} \
        (a sweep parameter, e.g. {\"price_multiplier:tiktok-ios\": \"1.10\"}: its simulated effect is the effect to detect) \
        or \"effect\": \"0.05\", optional \"alpha\" (0.05), \"power\" (0.8), \"max_days\" (56), \"looks\", \
        \"observed\": {\"control\", \"treatment\", \"treatment_share\"}, \"replicates\" (2000)}. Output, for revenue per \
        user, conversion and revenue per payer: the minimum detectable rise and fall at the power wanted (by replicate \
        experiments drawn from the simulated viewers' heavy-tailed spending, with the normal approximation beside it), \
        the power at the effect and the days it needs; the smallest detectable rise after each week; the sample-ratio \
        check; the false-alarm rate of peeking and O'Brien–Fleming boundaries for the planned looks.",
        after_help = "Examples:\n  giftsim power examples/power-ios-price-test.json"
    )]
    Power {
        /// JSON file, or - for standard input.
        file: String,
        /// (Not for power: its answer has no CSV form.)
        #[arg(long, hide = true)]
        csv: bool,
        /// Threads to use (default: every core).
        #[arg(long)]
        threads: Option<usize>,
    },
}

/// The `import` request for `giftsim import`'s files and options.
fn import_request(command: &Command) -> Result<String, Error> {
    let Command::Import {
        file,
        time_zone,
        price_unit,
        rule_set,
        rate_card,
        age,
        region,
        google_play,
        from,
        to,
        ..
    } = command
    else {
        return Err(Error::new(ErrorCode::InvalidValue, "", "not an import"));
    };
    let mut files = export_files::ExportFiles::default();
    export_files::read(file, &mut files)?;
    for f in google_play {
        export_files::read(f, &mut files)?;
    }
    let tiktok = files.tiktok.ok_or_else(|| {
        Error::new(
            ErrorCode::MissingField,
            "tiktok",
            format!("{file} is not a TikTok export"),
        )
    })?;
    // An import request as the other surfaces take it (`{"tiktok": …, "time_zone": …}`) runs
    // as written: no export has a top-level "tiktok".
    let keys: Result<std::collections::HashMap<String, serde::de::IgnoredAny>, _> =
        serde_json::from_str(&tiktok);
    if keys.is_ok_and(|k| k.contains_key("tiktok")) {
        let options = [time_zone, price_unit, rule_set, rate_card, region, from, to];
        if options.iter().any(|o| o.is_some()) || age.is_some() || !google_play.is_empty() {
            return Err(Error::new(
                ErrorCode::ConflictingFields,
                "",
                format!(
                    "{file} is an import request: its options are in it, not on the command line"
                ),
            ));
        }
        return Ok(tiktok);
    }
    let zone = time_zone.clone().unwrap_or_else(export_files::device_zone);
    if time_zone.is_none() {
        let _ = writeln!(std::io::stderr().lock(), "giftsim: the export's times are read in {zone} (this machine's zone; --time-zone to change)");
    }
    let mut options = serde_json::Map::new();
    let mut put = |key: &str, value: serde_json::Value| {
        options.insert(key.to_string(), value);
    };
    put("time_zone", zone.into());
    for (key, value) in [
        ("price_unit", price_unit),
        ("rule_set", rule_set),
        ("rate_card", rate_card),
        ("region", region),
        ("from", from),
        ("to", to),
    ] {
        if let Some(v) = value {
            put(key, v.clone().into());
        }
    }
    if let Some(a) = age {
        put("age", (*a).into());
    }
    // The export's text goes in as it is: parsing it twice would double the time and memory.
    let mut input = String::with_capacity(tiktok.len() + 256);
    input.push_str("{\"tiktok\": ");
    input.push_str(&tiktok);
    if files.purchase_history.is_some() || files.order_history.is_some() {
        input.push_str(",\n\"google_play\": {");
        let parts: Vec<String> = [
            ("purchase_history", &files.purchase_history),
            ("order_history", &files.order_history),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("\"{k}\": {v}")))
        .collect();
        input.push_str(&parts.join(",\n"));
        input.push('}');
    }
    for (k, v) in options {
        input.push_str(&format!(",\n{}: {v}", serde_json::Value::String(k)));
    }
    input.push('}');
    Ok(input)
}

/// One line on stderr: what an import read.
fn summarise(answer: &serde_json::Value) {
    let t = &answer["totals"];
    let _ = writeln!(
        std::io::stderr().lock(),
        "giftsim: read {} coin purchases and {} gifts sent ({} priced by Google Play invoices, {} by the export, {} estimated)",
        t["purchases"], t["gifts"], t["from_invoices"], t["from_export"], t["estimated"]
    );
}

fn read_input(file: &str) -> Result<String, Error> {
    let mut text = String::new();
    // The largest any operation but `import` (which reads its own files) accepts.
    let limit = ops::MAX_PLAN_BYTES as u64 + 1;
    let result = if file == "-" {
        std::io::stdin().take(limit).read_to_string(&mut text)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_string(&mut text))
    };
    result.map_err(|e| {
        let code = if e.kind() == std::io::ErrorKind::InvalidData {
            ErrorCode::InvalidJson
        } else {
            ErrorCode::Io
        };
        Error::new(code, "", format!("cannot read {file}: {e}"))
    })?;
    Ok(text)
}

/// A progress bar on stderr for long runs (hidden when stderr is not a terminal).
fn progress_bar() -> indicatif::ProgressBar {
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {bar:40} {percent:>3}% {pos}/{len} viewer-runs, {eta} left",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

fn run_long(
    op: Operation,
    text: &str,
    threads: Option<usize>,
    csv: bool,
    compact: bool,
) -> Result<String, Error> {
    let bar = progress_bar();
    let report = |p: ops::Progress| {
        bar.set_length(p.total);
        bar.set_position(p.done);
        true
    };
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let result = if csv {
        ops::run_csv(op, text, &report, threads)
    } else {
        ops::answer(op, text, &report, threads)
            .and_then(|answer| answer.to_text(compact))
            .map(|text| text + "\n")
    };
    bar.finish_and_clear();
    result
}

/// Peak resident memory of this process in kilobytes (Linux), for `--stats`.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let code = run_cli();
    if std::env::args().any(|a| a == "--stats") {
        let stats = serde_json::json!({
            "elapsed_ms": started.elapsed().as_secs_f64() * 1000.0,
            "peak_rss_kb": peak_rss_kb(),
        });
        let _ = writeln!(std::io::stderr().lock(), "{stats}");
    }
    code
}

fn run_cli() -> ExitCode {
    let cli = Cli::parse();
    let (op, input) = match &cli.command {
        Command::Presets => (Operation::Presets, Ok(String::new())),
        Command::Quote { file } => (Operation::Quote, read_input(file)),
        Command::Compare { file } => (Operation::Compare, read_input(file)),
        Command::Plan { file } => (Operation::Plan, read_input(file)),
        Command::Audit { file } => (Operation::Audit, read_input(file)),
        Command::Import { report, .. } => {
            let text = import_request(&cli.command)
                .and_then(|input| ops::answer(Operation::Import, &input, &|_| true, 1))
                .and_then(|answer| {
                    let value = answer.to_value()?;
                    let shown = if *report { &value } else { &value["plan"] };
                    summarise(&value);
                    let text = if cli.compact {
                        serde_json::to_string(shown)
                    } else {
                        serde_json::to_string_pretty(shown)
                    };
                    text.map_err(|e| Error::new(ErrorCode::Io, "", e.to_string()))
                });
            return print(text);
        }
        Command::Simulate { file, csv, threads }
        | Command::Sweep { file, csv, threads }
        | Command::Calibrate { file, threads, csv }
        | Command::Optimize { file, threads, csv }
        | Command::Power { file, threads, csv } => {
            let op = match &cli.command {
                Command::Simulate { .. } => Operation::Simulate,
                Command::Sweep { .. } => Operation::Sweep,
                Command::Optimize { .. } => Operation::Optimize,
                Command::Power { .. } => Operation::Power,
                _ => Operation::Calibrate,
            };
            let result =
                read_input(file).and_then(|text| run_long(op, &text, *threads, *csv, cli.compact));
            return match result {
                Ok(text) => {
                    let _ = std::io::stdout().lock().write_all(text.as_bytes());
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    let _ = writeln!(std::io::stderr().lock(), "{}", err.to_json());
                    ExitCode::from(2)
                }
            };
        }
    };
    let text = input.and_then(|text| ops::answer(op, &text, &|_| true, 1)?.to_text(cli.compact));
    print(text)
}

/// Prints an answer on stdout, or its error on stderr with status 2.
fn print(text: Result<String, Error>) -> ExitCode {
    match text {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`giftsim presets | head`) is not an error worth a panic.
            let _ = writeln!(out, "{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            let _ = writeln!(std::io::stderr().lock(), "{}", err.to_json());
            ExitCode::from(2)
        }
    }
}
