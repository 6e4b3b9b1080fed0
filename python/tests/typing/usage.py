"""Use of the package as a notebook would, type-checked by mypy --strict against the stubs
(tests/test_package.py): a stub that drifts from the answers' shapes fails here."""

from decimal import Decimal

import giftsim
from giftsim import GiftsimError

quote = giftsim.quote({"rate_card": "tiktok-web", "coins": 5000})
price: str = quote["purchase"]["viewer_pays"]
exact: Decimal = giftsim.decimal(price)

answer = giftsim.simulate(
    {"rate_card": "tiktok-web", "viewers": 10_000, "days": 30, "runs": 3,
     "segments": [{"id": "all", "share": "1"}]},
    progress=lambda done, total: done < total,
    threads=2,
)
first_day: str = answer["by_day"][0]["date"]
spend = [m for m in answer["totals"]["money"] if m["metric"] == "viewer_spend"]
frames = giftsim.frames(answer, money="float")
by_day = frames.by_day
sweep = giftsim.sweep({"base": {"rate_card": "tiktok-web", "viewers": 1000, "days": 7,
                                "segments": [{"id": "all", "share": "1"}]},
                       "grid": [{"parameter": "price_multiplier", "values": ["1", "1.5"]}]},
                      progress=False)
names: list[str] = [row["name"] for row in sweep["rows"]]
text: str = giftsim.run_json("quote", '{"rate_card": "tiktok-web", "coins": 65}')
try:
    giftsim.plan({"rule_set": "tiktok-global", "person": {"age": 17}, "events": []})
except GiftsimError as e:
    where: str = e.path
