"""The package as users get it: the wheel in a fresh environment, the notebook example, the
docstrings' examples, the type stubs."""

import doctest
import inspect
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import giftsim
from conftest import ROOT

FUNCTIONS = ["presets", "quote", "compare", "plan", "audit", "import_history", "simulate",
             "sweep", "calibrate", "optimize", "power", "run_json", "decimal", "frames"]


def test_the_wheel_installs_and_imports_in_a_fresh_environment(tmp_path):
    wheel = os.environ.get("GIFTSIM_WHEEL")
    if not wheel:
        pytest.skip("GIFTSIM_WHEEL is set by `make test-python`")
    env_dir = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-index",
                              "--disable-pip-version-check", wheel],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    check = subprocess.run([python, "-c", """
import json, giftsim
print(giftsim.quote({"rate_card": "tiktok-web", "coins": 5000})["purchase"]["price"])
answer = giftsim.simulate({"rate_card": "tiktok-web", "viewers": 2000, "days": 7, "runs": 2,
                           "segments": [{"id": "all", "share": "1"}]})
print(answer["scenario"]["viewers"])
try:
    giftsim.frames(answer)
except ImportError as e:
    print("frames:", e)
"""], capture_output=True, text=True, cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    price, viewers, frames = check.stdout.splitlines()
    assert (price, viewers) == ("52.86", "2000")
    assert "pip install pandas" in frames
    # Without tqdm and off a terminal, nothing is printed on stderr.
    assert check.stderr == ""


def test_the_notebook_example_runs():
    run = subprocess.run([sys.executable, str(ROOT / "examples/notebook.py")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "5,000 coins on the web cost 52.86 USD" in out
    assert "the lines add up: 52.86" in out
    assert "Frames of the answer of simulate" in out
    assert "price_multiplier=1.25" in out
    assert "unknown_preset at rate_card" in out
    # The calibration meets every target.
    targets = out[out.index("metric target achieved"):].splitlines()[1:4]
    assert all(line.rstrip().endswith("True") for line in targets), targets


# The scenario that simulate's docstring defines, for the docstrings that say they use it.
SCENARIO = {"rate_card": "tiktok-web", "viewers": 10000, "days": 30, "runs": 3,
            "segments": [{"id": "others", "share": "0.9"},
                         {"id": "fans", "share": "0.1", "gifts": [{"gift": "rose", "weight": 1}],
                          "budget": {"distribution": "lognormal", "median": "5.00",
                                     "sigma": "0.7"}}]}


def test_every_docstring_example_runs():
    globs = {"giftsim": giftsim, "json": json, "scenario": SCENARIO}
    tried = 0
    for module in (giftsim, sys.modules["giftsim._frames"]):
        result = doctest.testmod(module, extraglobs=globs, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0
        tried += result.attempted
    assert tried >= 20


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_function_has_a_docstring_with_an_example_and_a_stub(name):
    function = getattr(giftsim, name)
    assert ">>> " in (inspect.getdoc(function) or ""), name
    here = Path(giftsim.__file__).parent
    stubs = (here / "__init__.pyi").read_text() + (here / "_frames.pyi").read_text()
    assert f"def {name}(" in stubs, name


def test_the_package_is_typed():
    assert (Path(giftsim.__file__).parent / "py.typed").exists()


TYPING = Path(__file__).parent / "typing"


def test_the_types_are_current_with_the_schemas():
    run = subprocess.run([sys.executable, str(ROOT / "scripts/python-types.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_stubs_type_check_a_notebooks_use_strictly():
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", os.devnull,
                          str(TYPING / "usage.py")], capture_output=True, text=True, cwd=TYPING)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_stubs_catch_a_misspelt_field_and_a_wrong_type(tmp_path):
    wrong = tmp_path / "wrong.py"
    wrong.write_text(
        "import giftsim\n"
        "q = giftsim.quote({'rate_card': 'tiktok-web', 'coin': 5000})\n"
        "n: int = giftsim.quote({'rate_card': 'tiktok-web', 'coins': 5})['purchase']['viewer_pays']\n")
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", os.devnull,
                          str(wrong)],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1
    assert "wrong.py:2: error" in run.stdout and "wrong.py:3: error" in run.stdout


def test_the_stubs_match_the_package(tmp_path):
    run = subprocess.run([sys.executable, "-m", "mypy.stubtest", "giftsim", "--allowlist",
                          str(TYPING / "stubtest-allowlist.txt")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
