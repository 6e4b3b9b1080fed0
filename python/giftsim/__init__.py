"""giftsim: exact money math for creator-gifting economies, in Python.

Every operation of giftsim's contract is a function taking and returning plain dicts, exactly
the JSON the CLI reads and prints: money stays a decimal string (``"4.99"``), never a float.

>>> import giftsim
>>> answer = giftsim.quote({"rate_card": "tiktok-web", "coins": 5000})
>>> answer["purchase"]["viewer_pays"]
'52.86'
>>> giftsim.decimal(answer["purchase"]["viewer_pays"])
Decimal('52.86')

Long operations (``simulate``, ``sweep``, ``calibrate``, ``optimize``, ``power``) release the
GIL, use every core, show a progress bar (``tqdm`` when installed) and stop on Ctrl-C within a
second. ``giftsim.frames(answer)`` turns their answers into tidy pandas DataFrames.
"""

from __future__ import annotations

import decimal as _decimal
import json as _json
import numbers as _numbers
import operator as _operator
import os as _os
import re as _re

from . import _engine
from ._frames import FRAME_COLUMNS, Frames, frames
from ._progress import progress_bar as _progress_bar

__all__ = [
    "FRAME_COLUMNS",
    "GiftsimError",
    "Frames",
    "audit",
    "calibrate",
    "compare",
    "decimal",
    "frames",
    "import_history",
    "optimize",
    "plan",
    "power",
    "presets",
    "quote",
    "run_json",
    "simulate",
    "sweep",
]

__version__: str = _engine.__version__

#: The operations of the contract, by their CLI names (``import`` is ``import_history`` here).
OPERATIONS: tuple = tuple(_engine.OPERATIONS)

# How long the main thread waits at a time for a long run: Ctrl-C is noticed between waits.
_WAIT_SECONDS = 0.05


class GiftsimError(Exception):
    """An input giftsim cannot answer, with the same fields as the CLI's ``{"error": …}``.

    ``code`` is a stable machine code (``"invalid_value"``, ``"unknown_id"``, …), ``path`` the
    JSON path of the field at fault (``"question.coins"``; ``""`` for the whole request),
    ``message`` a sentence a person understands and ``details`` the facts behind it, by name.

    >>> try:
    ...     giftsim.quote({"rate_card": "tiktok-web", "coins": -5})
    ... except giftsim.GiftsimError as e:
    ...     print(e.code, e.path)
    invalid_value coins
    """

    def __init__(self, code: str, path: str, message: str, details: dict | None = None):
        super().__init__(code, path, message, details or {})
        self.code = code
        self.path = path
        self.message = message
        self.details = details or {}

    def __str__(self) -> str:
        where = f" at {self.path}" if self.path else ""
        return f"{self.code}{where}: {self.message}"

    def __reduce__(self):
        return (GiftsimError, (self.code, self.path, self.message, self.details))


def decimal(value) -> _decimal.Decimal:
    """A money amount (or any decimal string of an answer) as an exact ``decimal.Decimal``.

    >>> giftsim.decimal("1234.50") + giftsim.decimal("0.01")
    Decimal('1234.51')
    """
    if isinstance(value, _decimal.Decimal):
        return value
    if isinstance(value, float):
        raise TypeError(
            "giftsim.decimal takes the decimal string of an answer, not a float, which "
            "cannot hold most amounts exactly (0.1 is not 1/10)"
        )
    if isinstance(value, int) and not isinstance(value, bool):
        return _decimal.Decimal(value)
    if not isinstance(value, str):
        raise TypeError(f"giftsim.decimal takes a decimal string, not {type(value).__name__}")
    if value.startswith("<"):
        # A p-value written as "<0.000001" is a bound, not a number.
        raise ValueError(f"{value!r} is a bound, not an amount")
    if not _PLAIN_DECIMAL.match(value.strip()):
        raise ValueError(f"{value!r} is not a decimal number like \"1234.50\"")
    return _decimal.Decimal(value.strip())


# The decimal strings of the contract: digits, optionally a point and more digits.
_PLAIN_DECIMAL = _re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")


def _money_as_text(value):
    """json.dumps's fallback: a ``Decimal`` goes in as its exact decimal string (never in
    exponent form), and numpy's numbers as Python's."""
    if isinstance(value, _decimal.Decimal):
        if not value.is_finite():
            raise GiftsimError(
                "invalid_value", "", f"{value} is not an amount", {"given": str(value)}
            )
        return format(value, "f")
    if isinstance(value, _numbers.Integral):
        return int(value)
    if isinstance(value, _numbers.Real):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON: pass dicts, lists, str, int and Decimal")


def _request_text(request) -> str:
    if isinstance(request, (bytes, bytearray)):
        try:
            request = request.decode("utf-8")
        except UnicodeDecodeError as e:
            raise GiftsimError("invalid_json", "", f"the request is not UTF-8 text: {e}") from None
    if isinstance(request, str):
        return _utf8(request)
    if not isinstance(request, dict):
        raise GiftsimError(
            "invalid_type",
            "",
            f"a request is a dict (the JSON object the CLI reads), not {type(request).__name__}",
            {"expected": "object", "given": type(request).__name__},
        )
    try:
        return _utf8(_json.dumps(request, ensure_ascii=False, allow_nan=False,
                                 default=_money_as_text))
    except ValueError as e:  # NaN or infinity
        raise GiftsimError("invalid_value", "", f"the request is not JSON: {e}") from None
    except TypeError as e:
        raise GiftsimError("invalid_type", "", str(e)) from None
    except RecursionError:
        raise GiftsimError("too_large", "", "the request is nested too deeply") from None


def _utf8(text: str) -> str:
    """The text, checked to be encodable as the engine's UTF-8 (no lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise GiftsimError("invalid_json", "", f"the request holds text that is not Unicode: {e}",
                           {"position": e.start}) from None
    return text


def _error(text: str) -> GiftsimError:
    error = _json.loads(text)["error"]
    return GiftsimError(error["code"], error["path"], error["message"], error.get("details"))


def _answer(outcome, *, as_text: bool):
    ok, text = outcome
    if not ok:
        raise _error(text)
    return text if as_text else _json.loads(text)


def _threads(threads) -> int:
    if threads is None:
        # The cores this process may use (a container's or taskset's limit), else all of them.
        affinity = getattr(_os, "sched_getaffinity", None)
        return len(affinity(0)) if affinity else (_os.cpu_count() or 1)
    try:
        count = _operator.index(threads) if not isinstance(threads, bool) else 0
    except TypeError:
        count = 0
    if count < 1:
        raise GiftsimError(
            "invalid_value", "threads", "threads is a whole number of 1 or more",
            {"given": repr(threads)},
        )
    # The engine uses no more threads than there are cores; this only keeps the number in range.
    return min(count, 1 << 16)


def _run(op: str, request, *, as_text: bool = False):
    return _answer(_engine.run(op, _request_text(request), as_text), as_text=as_text)


def _run_long(op: str, request, *, progress=True, threads=None, as_text: bool = False):
    """Runs a long operation on its own thread, waiting in short slices so that the progress
    bar moves and Ctrl-C (KeyboardInterrupt) cancels the run within a second."""
    if not (isinstance(progress, bool) or callable(progress)):
        raise TypeError(
            "progress is True (a bar), False (none) or a function called with (done, total), "
            f"not {type(progress).__name__}"
        )
    text = _request_text(request)
    job = _engine.Job(op, text, _threads(threads), as_text)
    report = progress if callable(progress) else None
    bar = _progress_bar(op) if progress is True else None
    last = (0, 0)
    try:
        while not job.wait(_WAIT_SECONDS):
            now = job.progress()
            if now != last:
                last = now
                if bar is not None:
                    bar(*now)
                if report is not None and report(*now) is False:
                    # Cancelled: the run stops at its next report, with the error `cancelled`.
                    job.cancel()
                    report = None
        now = job.progress()
        outcome = job.result()  # the answer's text is copied out of the engine once
        if bar is not None and outcome[0]:
            # A search that converges early ends below its cap: it is done all the same.
            bar.finish(now[0])
        if report is not None and now != last:
            report(*now)
    except BaseException:
        # Ctrl-C or a failing callback: stop the engine, wait for its thread, then re-raise.
        job.cancel()
        while not job.wait(_WAIT_SECONDS):
            pass
        raise
    finally:
        if bar is not None:
            bar.close()
    return _answer(outcome, as_text=as_text)


def presets() -> dict:
    """The rate cards, gift catalogues, rule sets and price-point ladders giftsim ships, each
    figure with its source and date.

    >>> cards = giftsim.presets()["rate_cards"]
    >>> [card["id"] for card in cards][:3]
    ['tiktok-web', 'tiktok-ios', 'tiktok-android']
    """
    return _run("presets", "")


def quote(request: dict) -> dict:
    """One viewer's question on one rate card: what some ``coins``, ``gifts``, a ``spend`` or a
    creator's ``creator_cash`` really cost, and where every cent goes.

    >>> giftsim.quote({"rate_card": "tiktok-web", "coins": 5000})["purchase"]["viewer_pays"]
    '52.86'
    """
    return _run("quote", request)


def compare(request: dict) -> dict:
    """The same spending on several platforms, side by side.

    >>> answer = giftsim.compare({"spend": "100.00"})
    >>> answer["rows"][0]["rate_card"]["id"], answer["rows"][0]["creator_keeps"]
    ('tiktok-web', '47.25')
    >>> answer["best_for_creator"]
    'twitch-bits'
    """
    return _run("compare", request)


def plan(request: dict) -> dict:
    """One person's dated plan of purchases and gifts checked against a rule set: a verdict
    per event.

    >>> answer = giftsim.plan({"rule_set": "tiktok-global", "rate_card": "tiktok-web",
    ...     "person": {"age": 17, "region": "US", "time_zone": "America/New_York"},
    ...     "events": [{"at": "2026-06-01T18:00:00-04:00", "buy": {"coins": 1000}}]})
    >>> answer["verdicts"][0]["verdict"]
    'block'
    """
    return _run("plan", request)


def audit(request: dict) -> dict:
    """A compliance audit of a rate card: each gift's price at the best rate, its cheapest
    purchase and leftover coins, the bundle ladder, and the rules of a region on a date.

    >>> rose = giftsim.audit({"rate_card": "tiktok-ios-gbp"})["gifts"][0]
    >>> rose["gift"], rose["cheapest_purchase"]["price"], rose["min_leftover_coins"]
    ('rose', '0.49', 39)
    """
    return _run("audit", request)


def import_history(request: dict) -> dict:
    """A family's TikTok data export (its parsed JSON, and optionally Google Play's) turned into
    a ``plan`` input, with each purchase's money and where it comes from. Nothing leaves the
    machine.

    >>> import json
    >>> export = json.load(open("user_data_tiktok.json"))      # doctest: +SKIP
    >>> history = giftsim.import_history({"tiktok": export, "time_zone": "Europe/London",
    ...                                   "price_unit": "coins"})  # doctest: +SKIP
    >>> giftsim.plan(history["plan"])["summary"]              # doctest: +SKIP
    """
    return _run("import", request)


def simulate(request: dict, *, progress=True, threads: int | None = None) -> dict:
    """Population Monte Carlo: seeded, deterministic totals and P5/P50/P95 over runs, by day,
    age group, segment and purchase.

    ``progress`` is ``True`` (a bar once a run takes more than half a second), ``False``, or a
    function called with ``(done, total)`` that may return ``False`` to cancel. ``threads``
    defaults to every core; the answer never depends on it.

    >>> scenario = {"rate_card": "tiktok-web", "viewers": 10000, "days": 30, "runs": 3,
    ...     "segments": [{"id": "others", "share": "0.9"},
    ...                  {"id": "fans", "share": "0.1", "gifts": [{"gift": "rose", "weight": 1}],
    ...                   "budget": {"distribution": "lognormal", "median": "5.00", "sigma": "0.7"}}]}
    >>> answer = giftsim.simulate(scenario)
    >>> giftsim.frames(answer).totals.query("metric == 'viewer_spend'")[["p5", "p50", "p95"]]
           p5     p50     p95
    1  515.16  534.77  547.49
    """
    return _run_long("simulate", request, progress=progress, threads=threads)


def sweep(request: dict, *, progress=True, threads: int | None = None) -> dict:
    """``simulate`` over a grid of parameter values, or named A/B variants, each compared with
    the base: one row per point, with differences, p-values and a judgement per metric.

    >>> answer = giftsim.sweep({"base": scenario,   # the scenario of simulate's example
    ...     "grid": [{"parameter": "price_multiplier", "values": ["1", "1.5"]}]})
    >>> vs = giftsim.frames(answer).vs_base
    >>> vs.query("metric == 'viewer_spend'")[["point", "percent", "judgement"]]
                       point percent            judgement
    1     price_multiplier=1    0.00  no clear difference
    36  price_multiplier=1.5   50.94               higher
    """
    return _run_long("sweep", request, progress=progress, threads=threads)


def calibrate(request: dict, *, progress=True, threads: int | None = None) -> dict:
    """Fits a scenario's free parameters to targets (payer share, ARPPU, concentration, a
    bundle's share of revenue): the fitted scenario, labelled as fitted, and what it achieves.

    >>> fit = giftsim.calibrate({"scenario": scenario,   # the scenario of simulate's example
    ...     "free": [{"parameter": "segment:fans/share", "min": "0.01", "max": "0.5"}],
    ...     "targets": [{"metric": "payer_share", "value": "0.05"}]})
    >>> giftsim.frames(fit).targets[["metric", "target", "met"]]
            metric target   met
    0  payer_share   0.05  True
    """
    return _run_long("calibrate", request, progress=progress, threads=threads)


def optimize(request: dict, *, progress=True, threads: int | None = None) -> dict:
    """The values of decision variables (prices, bundles, caps) that maximise an objective
    under constraints: the best point, the runners-up, each constraint's slack and every point
    evaluated.

    >>> import json
    >>> request = json.load(open("examples/optimize-channel-prices.json"))   # doctest: +SKIP
    >>> giftsim.frames(giftsim.optimize(request)).candidates                # doctest: +SKIP
    """
    return _run_long("optimize", request, progress=progress, threads=threads)


def power(request: dict, *, progress=True, threads: int | None = None) -> dict:
    """Plans a real A/B test on a scenario: the smallest effect it can detect, the days an
    effect needs, the sample-ratio check and what peeking costs.

    >>> import json
    >>> request = json.load(open("examples/power-ios-price-test.json"))   # doctest: +SKIP
    >>> giftsim.frames(giftsim.power(request)).durations                 # doctest: +SKIP
    """
    return _run_long("power", request, progress=progress, threads=threads)


def run_json(op: str, text: str, *, progress=False, threads: int | None = None) -> str:
    """Runs the operation named ``op`` (``"quote"``, ``"import"``, …) on a JSON text and returns
    the answer exactly as ``giftsim OP FILE`` prints it, byte for byte (without the final
    newline). Errors raise ``GiftsimError``.

    >>> print(giftsim.run_json("quote", '{"rate_card": "tiktok-web", "coins": 65}')[:1])
    {
    """
    if op in ("simulate", "sweep", "calibrate", "optimize", "power"):
        return _run_long(op, text, progress=progress, threads=threads, as_text=True)
    return _run(op, text, as_text=True)
