"""giftsim in a notebook: paste the cells below into Jupyter, or run `python examples/notebook.py`.

Needs `pip install giftsim pandas tqdm` (from this repository: `make python`, then
`pip install target/wheels/giftsim-*.whl pandas tqdm`). Each `# %%` starts a cell.
"""

# %% One viewer's question: what do 5,000 coins cost on the web, and what reaches the creator?
import giftsim

quote = giftsim.quote({"rate_card": "tiktok-web", "coins": 5000})
print("5,000 coins on the web cost", quote["purchase"]["viewer_pays"], "USD")
# Money is a decimal string; giftsim.decimal gives an exact Decimal.
lines = quote["purchase"]["lines"]
print("the lines add up:", sum(giftsim.decimal(line["total"]) for line in lines))

# %% A population: 100,000 viewers of a US LIVE over 30 days, 20 seeded runs.
scenario = {
    "channels": [
        {"rate_card": "tiktok-ios", "share": "0.55"},
        {"rate_card": "tiktok-android", "share": "0.35"},
        {"rate_card": "tiktok-web", "share": "0.10"},
    ],
    "rule_set": "under18-family",
    "viewers": 100_000,
    "ages": [
        {"min_age": 13, "max_age": 16, "share": "0.12"},
        {"min_age": 16, "max_age": 18, "share": "0.13"},
        {"min_age": 18, "max_age": 25, "share": "0.35"},
        {"min_age": 25, "max_age": 65, "share": "0.40"},
    ],
    "segments": [
        {"id": "non-spenders", "share": "0.92"},
        {"id": "minnows", "share": "0.06", "top_up": "4.99",
         "budget": {"distribution": "lognormal", "median": "5.00", "sigma": "0.7", "max": "60.00"},
         "active_days_per_week": "1.5", "gifts_per_active_day": "4",
         "gifts": [{"gift": "rose", "weight": 10}, {"gift": "finger-heart", "weight": 5}]},
        {"id": "dolphins", "share": "0.018", "top_up": "19.99",
         "budget": {"distribution": "lognormal", "median": "40.00", "sigma": "0.6", "max": "500.00"},
         "active_days_per_week": "3", "gifts_per_active_day": "5",
         "gifts": [{"gift": "hand-hearts", "weight": 4}, {"gift": "galaxy", "weight": 1}]},
        {"id": "whales", "share": "0.002", "top_up": "249.99",
         "budget": {"distribution": "pareto", "min": "300.00", "alpha": "1.5", "max": "20000.00"},
         "active_days_per_week": "5", "gifts_per_active_day": "6",
         "gifts": [{"gift": "galaxy", "weight": 4}, {"gift": "lion", "weight": 1}]},
    ],
    "elasticity": "-0.5",
    "days": 30,
    "start": "2026-03-01",
    "runs": 20,
    "seed": 2026,
}
answer = giftsim.simulate(scenario)  # every core; a progress bar if it takes a while

# %% Tidy tables: one row per metric (and run, day, age group, segment, purchase).
frames = giftsim.frames(answer)
print(frames)
print(frames.totals.query("unit == 'money'")[["metric", "p5", "p50", "p95"]].to_string(index=False))

# %% Per age group, and per day (floats for plotting: frames(answer, money="float")).
spend_by_age = frames.by_age.query("metric == 'spend'")[["group", "p5", "p50", "p95"]]
print(spend_by_age.to_string(index=False))
daily = giftsim.frames(answer, money="float").by_day
daily_spend = daily.pivot(index="date", columns="metric", values="p50")["spend"]
print("median daily spend, first week:", daily_spend.head(7).round(2).tolist())
# In a notebook: daily.pivot(index="date", columns="metric", values="p50").plot()

# %% What if prices rise or fall? A sweep, each point compared with the base.
sweep = giftsim.sweep({
    "base": dict(scenario, runs=10),
    "grid": [{"parameter": "price_multiplier", "values": ["0.8", "1", "1.25"]}],
})
vs = giftsim.frames(sweep).vs_base
print(vs.query("metric == 'viewer_spend'")[["point", "percent", "p_value", "judgement"]]
      .to_string(index=False))

# %% Calibrate the scenario to your own numbers: 1.9 % payers, an ARPPU of $24.33, and the top
# 10 % of payers bringing 48 % of revenue. The fitted values are labelled as estimates.
fit = giftsim.calibrate({
    "scenario": scenario,
    "free": [
        {"parameter": "segment:minnows/share", "min": "0.001", "max": "0.1"},
        {"parameter": "segment:dolphins/budget.median", "min": "5.00", "max": "200.00"},
        {"parameter": "segment:whales/share", "min": "0.0001", "max": "0.01"},
    ],
    "targets": [
        {"metric": "payer_share", "value": "0.019", "tolerance": "0.05"},
        {"metric": "arppu", "value": "24.33", "tolerance": "0.05"},
        {"metric": "top_10pct_revenue_share", "value": "0.48", "tolerance": "0.05"},
    ],
})
print(giftsim.frames(fit).targets.to_string(index=False))
print(giftsim.frames(fit).fitted[["parameter", "start", "value", "estimate"]].to_string(index=False))

# %% Mistakes come back as GiftsimError, with the field at fault.
try:
    giftsim.quote({"rate_card": "tiktok-wbe", "coins": 5000})
except giftsim.GiftsimError as e:
    print(e.code, "at", e.path, "-", e.message)
