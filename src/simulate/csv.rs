//! The CSV the CLI prints with `--csv` (and the lab downloads): RFC 4180 lines, one row per
//! run of a simulation or per point of a sweep.

use super::{ratio_text, RunMetrics, COUNT_METRICS, MONEY_METRICS, RATIO_METRICS};

/// One CSV line, quoting cells that need it (RFC 4180).
pub fn line(cells: &[String]) -> String {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect();
    quoted.join(",") + "\n"
}

/// Every run's metrics: one row per run, one column per metric.
pub fn runs(runs: &[RunMetrics]) -> String {
    let mut header = vec!["run".to_string()];
    header.extend(MONEY_METRICS.iter().map(|(m, _)| m.to_string()));
    header.extend(COUNT_METRICS.iter().map(|(m, _)| m.to_string()));
    header.extend(RATIO_METRICS.iter().map(|(m, _)| m.to_string()));
    let mut out = line(&header);
    for r in runs {
        let mut cells = vec![r.run.to_string()];
        cells.extend(
            MONEY_METRICS
                .iter()
                .map(|(m, _)| r.money.get(*m).map(|v| v.to_string()).unwrap_or_default()),
        );
        cells.extend(
            COUNT_METRICS
                .iter()
                .map(|(m, _)| r.counts.get(*m).map(|v| v.to_string()).unwrap_or_default()),
        );
        cells.extend(
            RATIO_METRICS
                .iter()
                .map(|(m, _)| r.ratios.get(*m).map(|v| ratio_text(*v)).unwrap_or_default()),
        );
        out.push_str(&line(&cells));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_when_needed() {
        assert_eq!(
            line(&["a".into(), "b,c".into(), "say \"hi\"".into()]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\n"
        );
    }
}
