"""giftsim.frames: the documented tables and columns, sums that match the totals."""

import json
import sys
from decimal import Decimal

import pandas as pd
import pytest

import giftsim
from conftest import ROOT
from giftsim import FRAME_COLUMNS


def golden(name):
    return json.loads((ROOT / "tests/golden" / f"{name}.json").read_text())


def expected_columns(kind, table, answer):
    out = []
    for c in FRAME_COLUMNS[kind][table]:
        if c == "{parameters}":
            out += list(answer["rows"][0]["point"])
        elif c == "{variables}":
            out += [v["parameter"] for v in answer["variables"]]
        elif c == "{figures}":
            out += [k for k, v in answer["durations"][0].items() if isinstance(v, dict)]
        else:
            out.append(c)
    return out


@pytest.mark.parametrize("name, kind", [
    ("simulate-tiktok-us-teens", "simulate"),
    ("sweep-price-demand", "sweep"),
    ("sweep-ab-ios-price-and-teen-cap", "sweep"),
    ("calibrate-payers-arppu", "calibrate"),
    ("optimize-bundle-price-points", "optimize"),
    ("power-ios-price-test", "power"),
])
def test_every_answer_gives_the_documented_tables_and_columns(name, kind):
    answer = golden(name)
    f = giftsim.frames(answer)
    assert f.kind == kind
    assert list(f) == list(FRAME_COLUMNS[kind])
    for table, df in f.items():
        assert isinstance(df, pd.DataFrame)
        assert list(df.columns) == expected_columns(kind, table, answer), table
        assert len(df) > 0, table
    assert kind in repr(f)


def test_simulate_tables_have_a_row_per_metric_and_group_and_sum_to_the_totals():
    answer = golden("simulate-tiktok-us-teens")
    f = giftsim.frames(answer)
    totals = f.totals.set_index("metric")
    runs = answer["scenario"]["runs"]
    metrics = len(answer["totals"]["money"]) + len(answer["totals"]["counts"]) + len(answer["totals"]["ratios"])
    assert len(f.totals) == metrics
    assert len(f.runs) == metrics * runs
    assert len(f.by_day) == answer["scenario"]["days"] * 4
    spend = totals.loc["viewer_spend", "mean"]
    assert isinstance(spend, Decimal)
    # Per group, each mean is rounded to the cent: the groups add up to the total within that.
    for table, n in (("by_age", 4), ("by_segment", 4), ("by_purchase", 22), ("by_day", 30)):
        parts = f[table].query("metric == 'spend'")["mean"]
        assert len(parts) == n
        assert abs(sum(parts) - spend) <= Decimal("0.005") * n, table
    for table in ("by_age", "by_segment"):
        viewers = f[table].query("metric == 'viewers'")["mean"]
        assert sum(viewers) == totals.loc["viewers", "mean"]
        payers = f[table].query("metric == 'payers'")["mean"]
        assert abs(sum(payers) - totals.loc["payers", "mean"]) <= Decimal("0.005") * len(payers)
    # The runs frame holds each run's figure: their mean is the total's.
    per_run = f.runs.query("metric == 'viewer_spend'")["value"]
    assert abs(sum(per_run) / runs - spend) <= Decimal("0.005")
    assert f.runs.query("metric == 'viewers'")["value"].tolist() == [100_000] * runs


def test_sweep_points_carry_their_parameters_and_differences_match_the_answer():
    answer = golden("sweep-price-demand")
    f = giftsim.frames(answer)
    points = f.points
    assert points.iloc[0]["point"] == "base" and points.iloc[0]["is_base"]
    assert points["is_base"].sum() == len(answer["base"]["money"]) + len(
        answer["base"]["counts"]) + len(answer["base"]["ratios"])
    prices = sorted(set(points["price_multiplier"].dropna()))
    assert prices == sorted(Decimal(r["point"]["price_multiplier"]) for r in answer["rows"])
    vs = f.vs_base
    assert len(vs) == sum(len(r["vs_base"]) for r in answer["rows"])
    first = answer["rows"][0]["vs_base"][0]
    row = vs.iloc[0]
    assert row["mean_difference"] == Decimal(first["mean_difference"])
    assert row["significant"] == first["significant"]
    # A p-value written as a bound ("<0.000001") keeps the bound and says so.
    bounds = vs[vs["p_value_below"]]
    assert all(p == Decimal("0.000001") for p in bounds["p_value"])


def test_optimize_candidates_start_with_the_best():
    answer = golden("optimize-bundle-price-points")
    f = giftsim.frames(answer)
    best = f.candidates.iloc[0]
    for name, value in answer["best"]["values"].items():
        assert best[name] == Decimal(value)
    assert best["mean"] == Decimal(answer["best"]["objective"]["mean"])
    assert len(f.points) == len(answer["points"])
    assert f.constraints.query("rank == 0")["met"].all()


def test_calibrate_and_power_tables():
    cal = giftsim.frames(golden("calibrate-payers-arppu"))
    assert cal.targets["met"].all()
    assert cal.fitted["estimate"].all()
    power = giftsim.frames(golden("power-ios-price-test"))
    assert set(power.durations["metric"]) == {"arpu", "arppu", "payer_share"}
    assert power.peeking["look"].tolist() == [1, 2, 3, 4]


def test_money_as_float_gives_numeric_columns_for_plots():
    f = giftsim.frames(golden("simulate-tiktok-us-teens"), money="float")
    for column in ("p5", "p50", "p95", "mean"):
        assert f.by_day[column].dtype == "float64"
        assert f.totals[column].dtype == "float64"
    assert f.by_day["day"].dtype == "int64"
    assert str(f.by_day["date"].dtype).startswith("datetime64")
    assert f.by_purchase["coins"].dtype == "Int64"  # missing for a custom amount
    sweep = giftsim.frames(golden("sweep-price-demand"), money="float")
    for column in ("price_multiplier", "p_value", "percent", "difference_p5"):
        assert sweep.vs_base[column].dtype == "float64", column
    with pytest.raises(ValueError):
        giftsim.frames(golden("simulate-tiktok-us-teens"), money="cents")


def test_ids_that_look_like_numbers_stay_ids():
    answer = golden("simulate-tiktok-us-teens")
    for i, segment in enumerate(answer["by_segment"]):
        segment["segment"] = str(i + 1)
    answer["by_age"][0]["id"] = "18"
    for money in ("decimal", "float"):
        f = giftsim.frames(answer, money=money)
        assert f.by_segment["segment"].unique().tolist() == ["1", "2", "3", "4"]
        assert len(f.by_segment.query("segment == '2'")) == 5
        assert f.by_age["group"].iloc[0] == "18"


def test_frames_read_the_text_of_run_json_too():
    text = (ROOT / "tests/golden/calibrate-payers-arppu.json").read_text()
    assert giftsim.frames(text).targets.equals(giftsim.frames(json.loads(text)).targets)


def test_other_answers_are_refused_with_a_sentence():
    with pytest.raises(ValueError, match="simulate, sweep, calibrate, optimize and power"):
        giftsim.frames(giftsim.quote({"rate_card": "tiktok-web", "coins": 65}))
    with pytest.raises(AttributeError, match="has no table 'by_week'"):
        giftsim.frames(golden("simulate-tiktok-us-teens")).by_week


def test_without_pandas_frames_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        giftsim.frames(golden("simulate-tiktok-us-teens"))
