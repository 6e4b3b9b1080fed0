"""Python against shelling out to the CLI (what notebook users did before the package): medians
of repeated calls, and their ratio. Run by `make bench` (or: python scripts/python-bench.py [CLI] [--quick])."""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import giftsim

ROOT = Path(__file__).resolve().parents[1]
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
CLI = ARGS[0] if ARGS else str(ROOT / "target/release/giftsim")
QUICK = "--quick" in sys.argv


def median_ms(f, n):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def shell(op, path):
    def run():
        out = subprocess.run([CLI, op, str(path)], capture_output=True, check=True).stdout
        return json.loads(out)
    return run


rows = []
for op, name, n in (("quote", "quote-coins-web", 200), ("plan", "plan-under18-family", 100),
                    ("simulate", "simulate-tiktok-us-teens", 10)):
    n = max(3, n // 10) if QUICK else n
    path = ROOT / "examples" / f"{name}.json"
    request = json.loads(path.read_text())
    kwargs = {"progress": False} if op == "simulate" else {}
    python = median_ms(lambda: getattr(giftsim, op)(request, **kwargs), n)
    cli = median_ms(shell(op, path), n)
    rows.append((name, python, cli))
answer = giftsim.simulate(json.loads((ROOT / "examples/simulate-tiktok-us-teens.json").read_text()),
                          progress=False)
frames = median_ms(lambda: giftsim.frames(answer), 5 if QUICK else 20)

print("python package vs shelling out to the CLI (median ms of repeated calls)")
print(f"{'example':<28}{'giftsim.op':>12}{'CLI + json':>12}{'ratio':>8}")
for name, python, cli in rows:
    print(f"{name:<28}{python:>12.3f}{cli:>12.3f}{cli / python:>7.1f}×")
print(f"giftsim.frames of simulate-tiktok-us-teens: {frames:.1f} ms")
