//! The `giftsim` command line: a JSON document in (a file or `-` for stdin), the answer as JSON
//! on stdout. Invalid input prints `{"error": {"code", "path", "message"}}` on stderr and exits 2.

use clap::{Parser, Subcommand};
use giftsim::ops::{self, Operation};
use giftsim::{Error, ErrorCode};
use std::io::{Read, Write};
use std::process::ExitCode;

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
}

fn read_input(file: &str) -> Result<String, Error> {
    let mut text = String::new();
    let limit = ops::MAX_INPUT_BYTES as u64 + 1;
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (op, input) = match &cli.command {
        Command::Presets => (Operation::Presets, Ok(String::new())),
        Command::Quote { file } => (Operation::Quote, read_input(file)),
        Command::Compare { file } => (Operation::Compare, read_input(file)),
        Command::Plan { file } => (Operation::Plan, read_input(file)),
    };
    match input.and_then(|text| ops::run(op, &text)) {
        Ok(value) => {
            let text = if cli.compact {
                serde_json::to_string(&value)
            } else {
                serde_json::to_string_pretty(&value)
            };
            let mut out = std::io::stdout().lock();
            // A closed pipe (`giftsim presets | head`) is not an error worth a panic.
            let _ = writeln!(out, "{}", text.unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(err) => {
            let _ = writeln!(std::io::stderr().lock(), "{}", err.to_json());
            ExitCode::from(2)
        }
    }
}
