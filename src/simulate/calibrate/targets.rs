//! Calibration targets: a KPI of a simulation (any metric of `simulate`, a segment's or a
//! purchase's share of revenue, or a daily or monthly revenue profile) with its published value and a
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
    /// `revenue_share` (of a `segment` or a `purchase`), or `daily_revenue` or
    /// `monthly_revenue` (a profile).
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
    /// Of this segment only: `revenue_share` (of what all viewers paid), `spend`, or any metric
    /// but what creators are paid (`arppu`, `payer_share`, …).
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

/// The unit of a metric of [`MONEY_METRICS`], [`COUNT_METRICS`] or [`RATIO_METRICS`].
fn unit_of(name: &str) -> Unit {
    if MONEY_METRICS.iter().any(|(m, _)| *m == name) {
        Unit::Money
    } else if RATIO_METRICS.iter().any(|(m, _)| *m == name) {
        Unit::Ratio
    } else {
        Unit::Count
    }
}

/// What a target measures, resolved against the scenario once.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// A total metric's mean over runs.
    Total(String),
    /// A segment's (by index) metric: any given per group, `spend` (what its viewers paid) or
    /// `revenue_share`.
    Segment(usize, String),
    /// The share of revenue of these purchases (indices in [`RunPart::by_purchase`]).
    Purchase(Vec<usize>),
    /// What viewers paid over each span of days: one day each (`daily_revenue`) or the days
    /// of each calendar month (`monthly_revenue`).
    Days(Vec<std::ops::Range<usize>>),
}

/// The unit of a measured value, run by run: minor units, a count, or millionths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Money,
    Count,
    Ratio,
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
            ("daily_revenue", None, None) => {
                Measure::Days((0..s.days as usize).map(|d| d..d + 1).collect())
            }
            ("monthly_revenue", None, None) => Measure::Days(month_spans(s)),
            (m, Some(seg), None)
                if m == "revenue_share"
                    || m == "spend"
                    || (known(m) && crate::simulate::group_metric(m)) =>
            {
                let Some(i) = s.segments.iter().position(|g| g.id == *seg) else {
                    let ids: Vec<&str> = s.segments.iter().map(|g| g.id.as_str()).collect();
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        join(at, "segment"),
                        format!(
                            "the scenario has no segment `{seg}`{}",
                            crate::words::hint(seg, ids.iter().copied())
                        ),
                    )
                    .with("given", seg.as_str())
                    .with("suggestions", ids));
                };
                Measure::Segment(i, t.metric.clone())
            }
            ("revenue_share", None, Some(p)) => {
                let slots = crate::simulate::purchase_slots(s);
                let found: Vec<usize> = (0..slots.len())
                    .filter(|&i| slots[i].offered && slots[i].name() == *p)
                    .collect();
                if found.is_empty() {
                    let mut names: Vec<String> = Vec::new();
                    for slot in slots.iter().filter(|slot| slot.offered) {
                        if !names.contains(&slot.name()) {
                            names.push(slot.name());
                        }
                    }
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        join(at, "purchase"),
                        format!(
                            "no channel of the scenario sells `{}`{}",
                            p.chars().take(60).collect::<String>(),
                            crate::words::hint(p, names.iter().map(String::as_str))
                        ),
                    )
                    .with("given", p.as_str())
                    .with("suggestions", names));
                }
                Measure::Purchase(found)
            }
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
                        "`{}` is not a metric a target can name{hint}; `revenue_share` needs a `segment` or a `purchase`, and a `segment` takes every metric but what creators are paid",
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
            (Measure::Days(spans), _) => {
                let what = if t.metric == "daily_revenue" {
                    "day"
                } else {
                    "calendar month"
                };
                let expected = spans.len();
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
        let share_like = match &measure {
            Measure::Purchase(_) => true,
            Measure::Segment(_, m) | Measure::Total(m) => {
                m == "revenue_share" || (unit_of(m) == Unit::Ratio && m != "purchases_per_payer")
            }
            Measure::Days(_) => false,
        };
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

    /// What a simulation achieved, one value per target value: the mean over runs as a
    /// number for the search (money in major units), and as the answer shows it (exact
    /// means: money in the currency, ratios with 6 decimals; a profile's values joined by
    /// commas).
    pub fn measure(
        &self,
        s: &Scenario,
        parts: &[RunPart],
        runs: &[RunMetrics],
    ) -> Result<(Vec<f64>, String)> {
        let spend = |r: usize| runs[r].money_minor("viewer_spend");
        let all = 0..runs.len();
        let per_run: Vec<(Unit, Vec<i128>)> = match &self.measure {
            Measure::Total(name) => {
                let unit = unit_of(name);
                let value = |r: usize| match unit {
                    Unit::Money => runs[r].money_minor(name),
                    Unit::Ratio => runs[r].ratio(name),
                    Unit::Count => i128::from(runs[r].count(name)),
                };
                vec![(unit, all.map(value).collect())]
            }
            Measure::Segment(i, what) => {
                let g = |r: usize| parts.get(r).and_then(|p| p.by_segment.get(*i));
                let paid = |r: usize| g(r).map_or(0, |g| g.money("viewer_spend"));
                vec![match what.as_str() {
                    "revenue_share" => (
                        Unit::Ratio,
                        all.map(|r| millionths(paid(r), spend(r))).collect(),
                    ),
                    // The segment's `spend` is what its viewers paid.
                    "spend" => (Unit::Money, all.map(paid).collect()),
                    name => {
                        let unit = unit_of(name);
                        let value = |r: usize| {
                            g(r).map_or(0, |g| match unit {
                                Unit::Money => g.money(name),
                                Unit::Ratio => g.ratio(name),
                                Unit::Count => i128::try_from(g.count(name)).unwrap_or(i128::MAX),
                            })
                        };
                        (unit, all.map(value).collect())
                    }
                }]
            }
            Measure::Purchase(slots) => {
                let paid = |r: usize| -> i128 {
                    slots
                        .iter()
                        .filter_map(|&i| parts[r].by_purchase.get(i))
                        .map(|p| p.spend)
                        .sum()
                };
                vec![(
                    Unit::Ratio,
                    all.map(|r| millionths(paid(r), spend(r))).collect(),
                )]
            }
            Measure::Days(spans) => spans
                .iter()
                .map(|span| {
                    let paid = |r: usize| -> i128 {
                        parts[r]
                            .by_day
                            .get(span.clone())
                            .unwrap_or_default()
                            .iter()
                            .map(|d| d.spend)
                            .sum()
                    };
                    (Unit::Money, all.clone().map(paid).collect())
                })
                .collect(),
        };
        let major = 10f64.powi(s.currency.minor_units() as i32);
        let n = runs.len().max(1) as f64;
        let mut numbers = Vec::with_capacity(per_run.len());
        let mut shown = Vec::with_capacity(per_run.len());
        for (unit, values) in &per_run {
            let scale = match unit {
                Unit::Money => major,
                Unit::Ratio => 1e6,
                Unit::Count => 1.0,
            };
            numbers.push(values.iter().map(|v| *v as f64).sum::<f64>() / n / scale);
            shown.push(match unit {
                Unit::Money => MoneyStat::of(values, s.currency)?.mean.to_string(),
                Unit::Ratio => RatioStat::of(values)?.mean,
                Unit::Count => {
                    let counts: Vec<u128> = values.iter().map(|v| v.unsigned_abs()).collect();
                    CountStat::of(&self.input.metric, &counts)?.mean.to_string()
                }
            });
        }
        Ok((numbers, shown.join(",")))
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
