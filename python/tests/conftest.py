"""Shared fixtures: the repository's examples, golden answers and CLI."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.json") if not p.name.startswith("bench-"))
LONG = ("simulate", "sweep", "calibrate", "optimize", "power")
#: The Python function of each CLI operation.
FUNCTION = {"import": "import_history"}


def op_of(path: Path) -> str:
    return path.name.split("-")[0]


def function_of(op: str) -> str:
    return FUNCTION.get(op, op)


def cli(*args, input=None):
    """Runs the giftsim CLI (GIFTSIM_CLI, set by `make test-python`)."""
    exe = os.environ.get("GIFTSIM_CLI", str(ROOT / "target/debug/giftsim"))
    return subprocess.run([exe, *args], input=input, capture_output=True, text=True, check=False)


@pytest.fixture
def scenario():
    """A small population scenario (10,000 viewers, 5 runs)."""
    s = json.loads((ROOT / "examples/simulate-tiktok-us-teens.json").read_text())
    s.update(viewers=10_000, runs=5)
    return s
