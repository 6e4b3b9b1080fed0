"""Tidy pandas DataFrames from the answers of the long operations.

``giftsim.frames(answer)`` reads an answer of ``simulate``, ``sweep`` (grids and A/B variants),
``calibrate``, ``optimize`` or ``power`` and gives its tables, one row per metric and group
(run, day, age group, segment, purchase, sweep point…), with ``p5``/``p50``/``p95``/``mean``
columns where the answer has percentiles. Which tables each answer gives is in
``FRAME_COLUMNS``; the columns of each table are documented there, in order.

Numbers are exact by default: amounts, ratios and means are ``decimal.Decimal`` (object
columns, whose sums are exact), counts are ``int``. ``money="float"`` gives float64 columns
instead, for plotting and fast group-bys, at the price of binary rounding.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

#: Every table ``frames`` gives, per kind of answer, with its columns in order. A sweep's
#: point columns (``{parameters}``) are named after the sweep's parameters, one each.
FRAME_COLUMNS = {
    "simulate": {
        "totals": ["metric", "unit", "description", "p5", "p50", "p95", "mean"],
        "runs": ["run", "metric", "unit", "value"],
        "by_day": ["day", "date", "metric", "p5", "p50", "p95", "mean"],
        "by_age": ["group", "min_age", "max_age", "metric", "p5", "p50", "p95", "mean"],
        "by_segment": ["segment", "metric", "p5", "p50", "p95", "mean"],
        "by_purchase": ["rate_card", "purchase", "coins", "metric", "p5", "p50", "p95", "mean"],
    },
    "sweep": {
        # The base comes first (`is_base`), then each point of the grid or each variant.
        "points": ["point", "is_base", "{parameters}", "metric", "unit", "p5", "p50", "p95",
                   "mean"],
        "vs_base": ["point", "{parameters}", "metric", "unit", "base", "value",
                    "mean_difference", "difference_p5", "difference_p95", "percent",
                    "p_value", "p_value_below", "significant", "judgement"],
        "vs_base_by_age": ["point", "{parameters}", "group", "metric", "unit", "base", "value",
                           "mean_difference", "difference_p5", "difference_p95", "percent",
                           "p_value", "p_value_below", "significant", "judgement"],
        "vs_base_by_segment": ["point", "{parameters}", "segment", "metric", "unit", "base",
                               "value", "mean_difference", "difference_p5", "difference_p95",
                               "percent", "p_value", "p_value_below", "significant",
                               "judgement"],
    },
    "calibrate": {
        "fitted": ["parameter", "value", "start", "min", "max", "estimate"],
        "targets": ["metric", "target", "achieved", "tolerance", "met"],
    },
    "optimize": {
        "points": ["point", "{variables}", "objective", "feasible"],
        "candidates": ["rank", "{variables}", "p5", "p50", "p95", "mean", "feasible"],
        "constraints": ["rank", "constraint", "value", "slack", "met"],
        "totals": ["metric", "unit", "description", "p5", "p50", "p95", "mean"],
    },
    "power": {
        "metrics": ["metric", "value", "mde_rise", "mde_fall", "closed_form", "effect",
                    "power_at_effect", "summary"],
        # Then one column per figure the answer gives for each duration (mde_rise, effect, …).
        "durations": ["days", "metric", "{figures}"],
        "peeking": ["look", "day", "z", "p_value"],
    },
}

_STATS = ("p5", "p50", "p95", "mean")
_UNITS = (("money", "money"), ("count", "counts"), ("ratio", "ratios"))
_DIFFERENCE = ("base", "value", "mean_difference", "difference_p5", "difference_p95", "percent")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")
# The columns that hold figures; every other column (a metric, a group, a segment's id, a
# day) keeps its value as the answer gives it, even when an id looks like a number.
_FIGURES = {"p5", "p50", "p95", "mean", "value", "base", "mean_difference", "difference_p5",
            "difference_p95", "percent", "p_value", "target", "achieved", "tolerance", "start",
            "min", "max", "objective", "slack", "mde_rise", "mde_fall", "closed_form", "effect",
            "power_at_effect", "z"}
# Figures that are always numbers (or missing): float64 with money="float", even when missing
# throughout (a p-value of fewer than three runs). `value` and `slack` may be "all".
_ALWAYS_NUMBERS = _FIGURES - {"value", "slack"}


class Frames:
    """The tables of one answer, by name: ``f.totals``, ``f["by_day"]``, ``list(f)``.

    ``kind`` says which operation the answer came from (``"simulate"``, ``"sweep"``, …).
    """

    def __init__(self, kind: str, tables: dict):
        self.kind = kind
        self._tables = dict(tables)

    def __getattr__(self, name):
        tables = self.__dict__.get("_tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(
            f"the answer of {self.__dict__.get('kind')} has no table {name!r}; it has "
            + ", ".join(tables)
        )

    def __getitem__(self, name):
        return self._tables[name]

    def __iter__(self):
        return iter(self._tables)

    def __len__(self):
        return len(self._tables)

    def __contains__(self, name):
        return name in self._tables

    def __dir__(self):
        return list(super().__dir__()) + list(self._tables)

    def keys(self):
        return self._tables.keys()

    def items(self):
        return self._tables.items()

    def __repr__(self):
        shapes = ", ".join(f"{n} {t.shape[0]}×{t.shape[1]}" for n, t in self._tables.items())
        return f"<giftsim.Frames of the answer of {self.kind}: {shapes}>"


def frames(answer: dict, *, money: str = "decimal") -> Frames:
    """Tidy pandas DataFrames of a ``simulate``, ``sweep``, ``calibrate``, ``optimize`` or
    ``power`` answer (see ``FRAME_COLUMNS``).

    ``money="decimal"`` (the default) keeps amounts exact as ``decimal.Decimal``;
    ``money="float"`` gives float64 columns, handy for plots.

    >>> f = giftsim.frames(giftsim.simulate(scenario))          # doctest: +SKIP
    >>> f.totals.query("metric == 'viewer_spend'")[["p5", "p50", "p95"]]  # doctest: +SKIP
    >>> giftsim.frames(answer, money="float").by_day.pivot(index="date", columns="metric",
    ...                                                   values="p50")   # doctest: +SKIP
    """
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(
            "giftsim.frames needs pandas, which is not installed here: "
            "pip install pandas (or pip install 'giftsim[notebook]'). "
            "Everything else in giftsim works without it."
        ) from None
    if money not in ("decimal", "float"):
        raise ValueError(f'money is "decimal" or "float", not {money!r}')
    if isinstance(answer, (str, bytes)):
        answer = json.loads(answer)  # the text of run_json
    if not isinstance(answer, dict):
        raise TypeError(f"giftsim.frames reads an answer (a dict), not {type(answer).__name__}")
    number = Decimal if money == "decimal" else float

    def value(v):
        if isinstance(v, str) and _NUMBER.match(v):
            return number(v)
        if money == "float" and isinstance(v, int) and not isinstance(v, bool):
            return float(v)
        return v

    def table(rows, columns, figures):
        rows = [{k: value(v) if k in figures else v for k, v in row.items()} for row in rows]
        df = pd.DataFrame(rows, columns=columns)
        if money == "float":
            for c in df.columns:
                if c in figures and (c in _ALWAYS_NUMBERS or c not in _FIGURES):
                    df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
        if "coins" in df.columns:  # missing for a custom amount
            df["coins"] = df["coins"].astype("Int64")
        return df

    kind = _kind(answer)
    build = {
        "simulate": _simulate,
        "sweep": _sweep,
        "calibrate": _calibrate,
        "optimize": _optimize,
        "power": _power,
    }[kind]
    tables = {}
    for name, (rows, columns, *numeric) in build(answer).items():
        # A sweep's parameters and an optimization's variables hold figures too.
        tables[name] = table(rows, columns, _FIGURES | set(numeric[0] if numeric else ()))
    if "by_day" in tables:
        tables["by_day"]["date"] = pd.to_datetime(tables["by_day"]["date"])
    return Frames(kind, tables)


def _kind(answer: dict) -> str:
    if "runs" in answer and "totals" in answer and "scenario" in answer:
        return "simulate"
    if "rows" in answer and "base" in answer and "parameters" in answer:
        return "sweep"
    if "fitted" in answer and "targets" in answer:
        return "calibrate"
    if "variables" in answer and "best" in answer:
        return "optimize"
    if "users_per_arm" in answer and "durations" in answer:
        return "power"
    raise ValueError(
        "giftsim.frames reads the answers of simulate, sweep, calibrate, optimize and power; "
        "this dict has the keys " + ", ".join(list(answer)[:8])
    )


def _columns(kind: str, name: str, expand: dict | None = None) -> list:
    columns = []
    for c in FRAME_COLUMNS[kind][name]:
        if c.startswith("{"):
            columns.extend((expand or {}).get(c, []))
        else:
            columns.append(c)
    return columns


def _totals_rows(totals: dict, first: dict | None = None) -> list:
    rows = []
    for unit, key in _UNITS:
        for m in totals.get(key, []):
            row = dict(first or {})
            row.update(metric=m["metric"], unit=unit, description=m.get("description"))
            row.update({s: m.get(s) for s in _STATS})
            rows.append(row)
    return rows


def _per_metric(items: list, keys: dict) -> list:
    """One row per item and metric, for items like ``{"day": 0, "spend": {"p5": …}, …}``;
    ``keys`` maps the item's identifying fields to column names."""
    rows = []
    for item in items:
        first = {column: item.get(field) for field, column in keys.items()}
        for metric, stats in item.items():
            if isinstance(stats, dict) and "p50" in stats:
                row = dict(first, metric=metric)
                row.update({s: stats.get(s) for s in _STATS})
                rows.append(row)
    return rows


def _simulate(a: dict) -> dict:
    runs = []
    for run in a.get("runs", []):
        for unit, key in _UNITS:
            for metric, v in run.get(key, {}).items():
                runs.append({"run": run.get("run"), "metric": metric, "unit": unit, "value": v})
    k = "simulate"
    return {
        "totals": (_totals_rows(a["totals"]), _columns(k, "totals")),
        "runs": (runs, _columns(k, "runs")),
        "by_day": (_per_metric(a.get("by_day", []), {"day": "day", "date": "date"}),
                   _columns(k, "by_day")),
        "by_age": (_per_metric(a.get("by_age", []),
                               {"id": "group", "min_age": "min_age", "max_age": "max_age"}),
                   _columns(k, "by_age")),
        "by_segment": (_per_metric(a.get("by_segment", []), {"segment": "segment"}),
                       _columns(k, "by_segment")),
        "by_purchase": (_per_metric(a.get("by_purchase", []),
                                    {"rate_card": "rate_card", "purchase": "purchase",
                                     "coins": "coins"}),
                        _columns(k, "by_purchase")),
    }


def _difference(d: dict, first: dict) -> dict:
    row = dict(first, metric=d.get("metric"), unit=d.get("unit"))
    row.update({f: d.get(f) for f in _DIFFERENCE})
    p = d.get("p_value")
    below = isinstance(p, str) and p.startswith("<")
    row.update(p_value=p[1:] if below else p, p_value_below=below,
               significant=d.get("significant"), judgement=d.get("judgement"))
    return row


def _sweep(a: dict) -> dict:
    # Every parameter any point changes (as in the CLI's CSV).
    params = list(a.get("parameters", []))
    expand = {"{parameters}": params}
    points, vs, by_age, by_segment = [], [], [], []
    points += _totals_rows(a["base"], {"point": "base", "is_base": True})
    for row in a.get("rows", []):
        first = {"point": row.get("name")}
        first.update({p: row.get("point", {}).get(p) for p in params})
        points_first = dict(first, is_base=False)
        points += _totals_rows(row.get("totals", {}), points_first)
        vs += [_difference(d, first) for d in row.get("vs_base", [])]
        for group in row.get("vs_base_by_age", []):
            g = dict(first, group=group.get("group"))
            by_age += [_difference(d, g) for d in group.get("differences", [])]
        for group in row.get("vs_base_by_segment", []):
            g = dict(first, segment=group.get("group"))
            by_segment += [_difference(d, g) for d in group.get("differences", [])]
    k = "sweep"
    return {
        "points": (points, _columns(k, "points", expand), params),
        "vs_base": (vs, _columns(k, "vs_base", expand), params),
        "vs_base_by_age": (by_age, _columns(k, "vs_base_by_age", expand), params),
        "vs_base_by_segment": (by_segment, _columns(k, "vs_base_by_segment", expand), params),
    }


def _calibrate(a: dict) -> dict:
    return {
        "fitted": (a.get("fitted", []), _columns("calibrate", "fitted")),
        "targets": (a.get("targets", []), _columns("calibrate", "targets")),
    }


def _optimize(a: dict) -> dict:
    names = [v.get("parameter") for v in a.get("variables", [])]
    expand = {"{variables}": names}
    points = []
    for i, p in enumerate(a.get("points", [])):
        row = {"point": i}
        row.update(zip(names, p.get("values", [])))
        row.update(objective=p.get("objective"), feasible=p.get("feasible"))
        points.append(row)
    candidates, constraints = [], []
    for rank, c in enumerate([a["best"]] + list(a.get("runners_up", []))):
        row = {"rank": rank}
        row.update({n: c.get("values", {}).get(n) for n in names})
        row.update({s: c.get("objective", {}).get(s) for s in _STATS})
        row["feasible"] = c.get("feasible")
        candidates.append(row)
        for k in c.get("constraints", []):
            constraints.append(dict(rank=rank, **{f: k.get(f) for f in
                                                   ("constraint", "value", "slack", "met")}))
    k = "optimize"
    return {
        "points": (points, _columns(k, "points", expand), names),
        "candidates": (candidates, _columns(k, "candidates", expand), names),
        "constraints": (constraints, _columns(k, "constraints")),
        "totals": (_totals_rows(a["best"].get("totals", {})), _columns(k, "totals")),
    }


def _power(a: dict) -> dict:
    durations, figures = [], []
    for d in a.get("durations", []):
        metrics = {}
        for field, per_metric in d.items():
            if isinstance(per_metric, dict):
                figures += [field] if field not in figures else []
                for metric, v in per_metric.items():
                    metrics.setdefault(metric, {})[field] = v
        for metric, fields in metrics.items():
            durations.append(dict(days=d.get("days"), metric=metric, **fields))
    k = "power"
    return {
        "metrics": (a.get("metrics", []), _columns(k, "metrics")),
        "durations": (durations, _columns(k, "durations", {"{figures}": figures}), figures),
        "peeking": (a.get("peeking", {}).get("boundaries", []), _columns(k, "peeking")),
    }
