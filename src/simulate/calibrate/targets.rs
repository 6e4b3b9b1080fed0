//! Calibration targets: a KPI of a simulation (any metric of `simulate`, a segment's or a
//! purchase's share of revenue, or the daily revenue profile) with its published value and a
//! relative tolerance; and the shipped target sets, each figure with its source and date
//! (`../shared/research/frontier-facts.md`, section 4).

use crate::error::{index, join, Error, ErrorCode, Result};
use crate::money::parse_decimal;
use crate::simulate::scenario::Scenario;
use crate::simulate::stats::{CountStat, MoneyStat, RatioStat};
use crate::simulate::{
    millionths, RunMetrics, RunPart, COUNT_METRICS, MONEY_METRICS, RATIO_METRICS,
};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A target as JSON writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetInput {
    /// A metric of `simulate` (`payer_share`, `arppu`, `top_10pct_revenue_share`, …),
    /// `revenue_share` (of a `segment` or a `purchase`) or `daily_revenue` (a profile).
    pub metric: String,
    /// The value to reach, a decimal string (money in the scenario's currency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `daily_revenue` (`monthly_revenue`): what viewers pay on each day (in each calendar
    /// month) of the scenario, one value per day (per month, a partial month included).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Relative tolerance: the target is met within `tolerance × value` (default 0.05).
    #[serde(default = "five_percent")]
    pub tolerance: String,
    /// `revenue_share`, `payers`, `spend`: of this segment only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// `revenue_share`: of the purchases with this many coins (`1321 coins`) on every channel,
    /// or `custom amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase: Option<String>,
}

fn five_percent() -> String {
    "0.05".into()
}

/// What a target measures.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// A total metric's mean over runs.
    Total(String),
    /// A segment's figure: `payers`, `spend` or `revenue_share`.
    Segment(String, String),
    /// The share of revenue of the purchases named so on any channel.
    Purchase(String),
    /// What viewers paid each day.
    Daily,
    /// What viewers paid in each calendar month (the days of the scenario in it).
    Monthly,
}

/// A validated target.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// As written.
    pub input: TargetInput,
    /// What it measures.
    pub measure: Measure,
    /// The value (or the values of a profile).
    pub values: Vec<f64>,
    /// Relative tolerance.
    pub tolerance: f64,
}

impl Target {
    /// Validates a target at `at`.
    pub fn parse(t: &TargetInput, s: &Scenario, at: &str) -> Result<Target> {
        let segments: Vec<String> = s.segments.iter().map(|g| g.id.clone()).collect();
        let segments = segments.as_slice();
        let tolerance = parse_decimal(&t.tolerance, &join(at, "tolerance"))?;
        if tolerance <= Decimal::ZERO || tolerance > Decimal::ONE {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                join(at, "tolerance"),
                "a tolerance is a share of the target above 0 and at most 1 (0.05 is 5 %)",
            )
            .with("min_exclusive", "0")
            .with("max", "1")
            .with("given", t.tolerance.as_str()));
        }
        let known = |name: &str| {
            MONEY_METRICS
                .iter()
                .chain(COUNT_METRICS)
                .chain(RATIO_METRICS)
                .any(|(m, _)| *m == name)
        };
        let measure = match (t.metric.as_str(), &t.segment, &t.purchase) {
            ("daily_revenue", None, None) => Measure::Daily,
            ("monthly_revenue", None, None) => Measure::Monthly,
            ("revenue_share" | "payers" | "spend", Some(seg), None) => {
                if !segments.contains(seg) {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        join(at, "segment"),
                        format!("the scenario has no segment `{seg}`"),
                    )
                    .with("given", seg.as_str())
                    .with("suggestions", segments.to_vec()));
                }
                Measure::Segment(seg.clone(), t.metric.clone())
            }
            ("revenue_share", None, Some(p)) => Measure::Purchase(p.clone()),
            (m, None, None) if known(m) => Measure::Total(m.to_string()),
            (m, _, _) => {
                let mut names: Vec<&str> = MONEY_METRICS
                    .iter()
                    .chain(COUNT_METRICS)
                    .chain(RATIO_METRICS)
                    .map(|(m, _)| *m)
                    .collect();
                names.extend(["revenue_share", "daily_revenue", "monthly_revenue"]);
                let hint = crate::words::hint(m, names.iter().copied());
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    join(at, "metric"),
                    format!(
                        "`{}` is not a metric a target can name{hint}; `revenue_share` needs a `segment` or a `purchase`, `payers` and `spend` may take a `segment`",
                        m.chars().take(60).collect::<String>()
                    ),
                )
                .with("given", m)
                .with("suggestions", names));
            }
        };
        let number = |text: &str, path: &str| -> Result<f64> {
            let d = parse_decimal(text, path)?;
            if d < Decimal::ZERO {
                return Err(
                    Error::new(ErrorCode::OutOfRange, path, "a target is zero or more")
                        .with("min", "0")
                        .with("given", text),
                );
            }
            Ok(d.to_f64().unwrap_or(0.0))
        };
        let values = match (&measure, &t.value) {
            (Measure::Daily | Measure::Monthly, _) => {
                let (what, expected) = match measure {
                    Measure::Daily => ("day", s.days as usize),
                    _ => ("calendar month", month_spans(s).len()),
                };
                if t.values.len() != expected {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        join(at, "values"),
                        format!(
                            "a revenue profile has one value per {what} of the scenario: {expected}, not {}",
                            t.values.len()
                        ),
                    )
                    .with("expected", expected)
                    .with("given", t.values.len()));
                }
                t.values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| number(v, &index(&join(at, "values"), i)))
                    .collect::<Result<Vec<_>>>()?
            }
            (_, Some(v)) => vec![number(v, &join(at, "value"))?],
            (_, None) => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    join(at, "value"),
                    "a target needs the `value` to reach",
                ))
            }
        };
        let share_like = matches!(measure, Measure::Purchase(_))
            || matches!(&measure, Measure::Segment(_, m) if m == "revenue_share")
            || matches!(&measure, Measure::Total(m) if RATIO_METRICS.iter().any(|(r, _)| r == m) && m != "purchases_per_payer");
        if share_like && values.iter().any(|v| *v > 1.0) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                join(at, "value"),
                format!("`{}` is a share, from 0 to 1", t.metric),
            )
            .with("min", "0")
            .with("max", "1"));
        }
        Ok(Target {
            input: t.clone(),
            measure,
            values,
            tolerance: tolerance.to_f64().unwrap_or(0.05),
        })
    }

    /// What a simulation achieved, one value per target value: the mean over runs, money
    /// in major units.
    pub fn achieved(&self, s: &Scenario, parts: &[RunPart], runs: &[RunMetrics]) -> Vec<f64> {
        let n = runs.len().max(1) as f64;
        let major = 10f64.powi(s.currency.minor_units() as i32);
        let mean = |f: &dyn Fn(usize) -> f64| (0..runs.len()).map(f).sum::<f64>() / n;
        let share = |part: i128, whole: i128| {
            if whole > 0 {
                part as f64 / whole as f64
            } else {
                0.0
            }
        };
        match &self.measure {
            Measure::Total(name) => {
                let money = MONEY_METRICS.iter().any(|(m, _)| m == name);
                let ratio = RATIO_METRICS.iter().any(|(m, _)| m == name);
                vec![mean(&|r| {
                    let run = &runs[r];
                    if money {
                        run.money_minor(name) as f64 / major
                    } else if ratio {
                        run.ratio(name) as f64 / 1e6
                    } else {
                        run.count(name) as f64
                    }
                })]
            }
            Measure::Segment(seg, what) => {
                let Some(i) = s.segments.iter().position(|g| g.id == *seg) else {
                    return vec![0.0];
                };
                vec![mean(&|r| {
                    let g = &parts[r].by_segment[i];
                    match what.as_str() {
                        "payers" => g.payers as f64,
                        "spend" => g.spend as f64 / major,
                        _ => share(g.spend, runs[r].money_minor("viewer_spend")),
                    }
                })]
            }
            Measure::Purchase(name) => {
                let names = purchase_names(s);
                vec![mean(&|r| {
                    let paid: i128 = parts[r]
                        .by_purchase
                        .iter()
                        .zip(&names)
                        .filter(|(_, n)| *n == name)
                        .map(|(p, _)| p.spend)
                        .sum();
                    share(paid, runs[r].money_minor("viewer_spend"))
                })]
            }
            Measure::Daily => (0..s.days as usize)
                .map(|d| mean(&|r| parts[r].by_day[d].spend as f64 / major))
                .collect(),
            Measure::Monthly => month_spans(s)
                .into_iter()
                .map(|span| {
                    mean(&|r| {
                        parts[r].by_day[span.clone()]
                            .iter()
                            .map(|d| d.spend as f64)
                            .sum::<f64>()
                            / major
                    })
                })
                .collect(),
        }
    }

    /// What a simulation achieved, as the answer shows it: exact means over runs (money in
    /// the currency, ratios with 6 decimals); a profile's days joined by commas.
    pub fn shown(&self, s: &Scenario, parts: &[RunPart], runs: &[RunMetrics]) -> Result<String> {
        let money = |values: Vec<i128>| -> Result<String> {
            Ok(MoneyStat::of(&values, s.currency)?.mean.to_string())
        };
        let ratio = |values: Vec<i128>| -> Result<String> { Ok(RatioStat::of(&values)?.mean) };
        let spend = |r: usize| runs[r].money_minor("viewer_spend");
        let all = 0..runs.len();
        match &self.measure {
            Measure::Total(name) => {
                if MONEY_METRICS.iter().any(|(m, _)| m == name) {
                    money(all.map(|r| runs[r].money_minor(name)).collect())
                } else if RATIO_METRICS.iter().any(|(m, _)| m == name) {
                    ratio(all.map(|r| runs[r].ratio(name)).collect())
                } else {
                    let counts: Vec<u128> = all.map(|r| u128::from(runs[r].count(name))).collect();
                    Ok(CountStat::of(name, &counts)?.mean.to_string())
                }
            }
            Measure::Segment(seg, what) => {
                let i = s.segments.iter().position(|g| g.id == *seg).unwrap_or(0);
                let g = |r: usize| &parts[r].by_segment[i];
                match what.as_str() {
                    "payers" => {
                        let counts: Vec<u128> = all.map(|r| g(r).payers).collect();
                        Ok(CountStat::of("payers", &counts)?.mean.to_string())
                    }
                    "spend" => money(all.map(|r| g(r).spend).collect()),
                    _ => ratio(all.map(|r| millionths(g(r).spend, spend(r))).collect()),
                }
            }
            Measure::Purchase(name) => {
                let names = purchase_names(s);
                ratio(
                    all.map(|r| {
                        let paid: i128 = parts[r]
                            .by_purchase
                            .iter()
                            .zip(&names)
                            .filter(|(_, n)| *n == name)
                            .map(|(p, _)| p.spend)
                            .sum();
                        millionths(paid, spend(r))
                    })
                    .collect(),
                )
            }
            Measure::Daily => {
                let days = (0..s.days as usize)
                    .map(|d| money(all.clone().map(|r| parts[r].by_day[d].spend).collect()))
                    .collect::<Result<Vec<_>>>()?;
                Ok(days.join(","))
            }
            Measure::Monthly => {
                let months = month_spans(s)
                    .into_iter()
                    .map(|span| {
                        money(
                            all.clone()
                                .map(|r| {
                                    parts[r].by_day[span.clone()].iter().map(|d| d.spend).sum()
                                })
                                .collect(),
                        )
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok(months.join(","))
            }
        }
    }

    /// The target's squared errors in tolerances (1 at the edge of the tolerance), averaged
    /// over a profile's days.
    pub fn error(&self, achieved: &[f64]) -> f64 {
        let n = self.values.len().max(1) as f64;
        self.values
            .iter()
            .zip(achieved)
            .map(|(target, got)| {
                let scale = (target.abs() * self.tolerance).max(1e-9);
                let z = (got - target) / scale;
                z * z
            })
            .sum::<f64>()
            / n
    }
}

/// The reported days of each calendar month the scenario covers, in order.
pub fn month_spans(s: &Scenario) -> Vec<std::ops::Range<usize>> {
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    for d in 0..s.days as usize {
        let date = s.start.plus_days(d as i64);
        match spans.last_mut() {
            Some(span) if date.day() != 1 => span.end = d + 1,
            _ => spans.push(d..d + 1),
        }
    }
    spans
}

/// Each purchase's name, in [`RunPart::by_purchase`] order.
fn purchase_names(s: &Scenario) -> Vec<String> {
    crate::simulate::purchase_slots(s)
        .iter()
        .map(|slot| slot.name())
        .collect()
}

/// A shipped target set: published figures, with their source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TargetSet {
    /// Id (`swrve-2016-f2p`).
    pub id: &'static str,
    /// What it describes.
    pub name: &'static str,
    /// The source.
    pub source: &'static str,
    /// The source's date.
    pub as_of: &'static str,
    /// How the published figures become targets.
    pub note: &'static str,
    /// `(metric, value, tolerance, purchase)`.
    #[serde(skip)]
    pub targets: &'static [(
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    )],
}

/// The shipped target sets (`../shared/research/frontier-facts.md`, section 4).
pub const TARGET_SETS: &[TargetSet] = &[
    TargetSet {
        id: "swrve-2016-f2p",
        name: "Free-to-play mobile games, February 2016",
        source: "Swrve, \"Mobile games still dominated by VIPs\", https://www.swrve.com/company/press/mobile-games-still-dominated-by-vips",
        as_of: "2016-03-23",
        note: "1.9 % of players paid in the month, $24.33 per payer, 1.8 purchases per payer; 0.19 % of players (the top 10 % of payers) brought 48 % of revenue. Monthly figures: simulate 30 days after a warm-up.",
        targets: &[
            ("payer_share", "0.019", "0.1", None),
            ("arppu", "24.33", "0.1", None),
            ("purchases_per_payer", "1.8", "0.15", None),
            ("top_10pct_revenue_share", "0.48", "0.1", None),
        ],
    },
    TargetSet {
        id: "inke-2018-live",
        name: "Live-stream gifting concentration (Inke)",
        source: "Tu et al., IEEE MIPR 2018 (a study of the Inke live-streaming platform)",
        as_of: "2018",
        note: "20 % of viewers gave 97 % of gifts; giftsim measures it on what viewers paid.",
        targets: &[("top_20pct_viewers_revenue_share", "0.97", "0.02", None)],
    },
    TargetSet {
        id: "tiktok-bundle-2023",
        name: "TikTok's 1,321-coin pack",
        source: "data.ai, December 2023, via https://inews24.eu/tiktok-crosses-10-billion-in-consumer-spending-first-non-gaming-app-to-cross-this-threshold",
        as_of: "2023-12",
        note: "1,321 coins for $19.99 is TikTok's most popular in-app purchase, about 25 % of its in-app revenue.",
        targets: &[("revenue_share", "0.25", "0.1", Some("1321 coins"))],
    },
];

impl TargetSet {
    /// The set's targets as JSON would write them.
    pub fn inputs(&self) -> Vec<TargetInput> {
        self.targets
            .iter()
            .map(|(metric, value, tolerance, purchase)| TargetInput {
                metric: metric.to_string(),
                value: Some(value.to_string()),
                values: Vec::new(),
                tolerance: tolerance.to_string(),
                segment: None,
                purchase: purchase.map(str::to_string),
            })
            .collect()
    }

    /// A shipped set by id, or an `unknown_preset` error at `path`.
    pub fn find(id: &str, path: &str) -> Result<&'static TargetSet> {
        TARGET_SETS.iter().find(|s| s.id == id).ok_or_else(|| {
            let ids: Vec<&str> = TARGET_SETS.iter().map(|s| s.id).collect();
            Error::new(
                ErrorCode::UnknownPreset,
                path,
                format!(
                    "`{}` is not a shipped target set ({})",
                    id.chars().take(60).collect::<String>(),
                    ids.join(", ")
                ),
            )
            .with("given", id)
            .with("suggestions", ids)
        })
    }
}
