"""The progress bar of long runs: tqdm's when it is installed (``tqdm.auto`` picks a notebook
widget or a terminal bar), else a plain line on a terminal's stderr, else none. Either shows
only once a run has taken half a second, so quick answers print nothing."""

from __future__ import annotations

import sys
import time

_DELAY_SECONDS = 0.5

# What `done` and `total` count, per operation.
_UNITS = {"calibrate": "simulations", "optimize": "simulations"}


class _Line:
    """A bar without tqdm: one line on stderr, rewritten at most ten times a second."""

    def __init__(self, op: str, unit: str):
        self.op, self.unit = op, unit
        self.started = time.monotonic()
        self.drawn = 0.0
        self.shown = False

    def __call__(self, done: int, total: int):
        now = time.monotonic()
        if now - self.started < _DELAY_SECONDS or now - self.drawn < 0.1 or not total:
            return
        self.drawn, self.shown = now, True
        share = min(done / total, 1.0)
        filled = int(share * 30)
        sys.stderr.write(
            f"\rgiftsim {self.op} [{'#' * filled}{'.' * (30 - filled)}] "
            f"{share:4.0%} {done:,}/{total:,} {self.unit}"
        )
        sys.stderr.flush()

    def finish(self, done: int):
        if self.shown:
            self.drawn = 0.0
            self(done, done)

    def close(self):
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


class _Tqdm:
    def __init__(self, tqdm, op: str, unit: str):
        # `update` (unlike `refresh`) honours `delay`: a quick run never shows a bar.
        self.bar = tqdm(total=None, desc=f"giftsim {op}", unit=f" {unit}",
                        unit_scale=unit == "viewer-runs", delay=_DELAY_SECONDS, leave=False)

    def __call__(self, done: int, total: int):
        if total and self.bar.total != total:
            self.bar.total = total
        if done > self.bar.n:
            self.bar.update(done - self.bar.n)

    def finish(self, done: int):
        # A notebook bar closed below its total turns red: a finished run is at 100 %.
        self.bar.total = max(done, 1)
        self.bar.update(done - self.bar.n)

    def close(self):
        self.bar.close()


def _in_notebook() -> bool:
    return "ipykernel" in sys.modules


def progress_bar(op: str):
    """A bar for a run of ``op``: called with ``(done, total)``, then ``close()``d; ``None``
    where nothing can be shown."""
    unit = _UNITS.get(op, "viewer-runs")
    terminal = getattr(sys.stderr, "isatty", lambda: False)()
    if not (terminal or _in_notebook()):
        # A log file or a pipe gets no bar.
        return None
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        tqdm = None
    if tqdm is not None:
        try:
            return _Tqdm(tqdm, op, unit)
        except TypeError:  # a tqdm older than 4.60, without `delay`
            pass
    return _Line(op, unit) if terminal else None
