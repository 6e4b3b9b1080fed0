"""Long runs: progress, cancelling, Ctrl-C within a second, the GIL released, every core."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

import giftsim
from giftsim import _engine


def test_progress_is_reported_up_to_the_total(scenario):
    seen = []
    answer = giftsim.simulate(scenario, progress=lambda done, total: seen.append((done, total)))
    assert answer["scenario"]["runs"] == 5
    assert seen, "progress was never reported"
    assert all(t == 10_000 * 5 for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1] == (50_000, 50_000)


def test_a_progress_function_returning_false_cancels(scenario):
    scenario.update(viewers=2_000_000, days=365)
    started = time.monotonic()
    calls = []
    with pytest.raises(giftsim.GiftsimError) as caught:
        giftsim.simulate(scenario, progress=lambda done, total: calls.append(done) or False)
    assert caught.value.code == "cancelled"
    assert len(calls) == 1, "the function is not called again once it has cancelled"
    assert time.monotonic() - started < 5
    with pytest.raises(TypeError, match="progress is True"):
        giftsim.simulate(scenario, progress="yes")


def test_a_progress_function_that_raises_stops_the_run_with_its_exception(scenario):
    scenario.update(viewers=2_000_000, days=365)

    def fail(done, total):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        giftsim.simulate(scenario, progress=fail)


def test_the_answer_never_depends_on_threads(scenario):
    one = giftsim.run_json("simulate", json.dumps(scenario), threads=1)
    every = giftsim.run_json("simulate", json.dumps(scenario))
    assert one == every
    # Far more threads than cores: the same answer, on as many threads as there are cores.
    assert giftsim.run_json("simulate", json.dumps(scenario), threads=10**6) == one
    assert giftsim.run_json("simulate", json.dumps(scenario), threads=2**70) == one
    with pytest.raises(giftsim.GiftsimError) as caught:
        giftsim.simulate(scenario, threads=0)
    assert caught.value.path == "threads"
    with pytest.raises(giftsim.GiftsimError) as caught:
        giftsim.simulate(scenario, threads="2")
    assert caught.value.details == {"given": "'2'"}


def test_runs_use_more_than_one_core(scenario):
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core")
    scenario.update(viewers=400_000, days=60)
    cpu, wall = time.process_time(), time.monotonic()
    giftsim.simulate(scenario, progress=False)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    assert cpu > 1.3 * wall, f"{cpu:.2f} s of CPU in {wall:.2f} s"


def test_the_gil_is_released_while_the_engine_works(scenario):
    """Python threads keep running while a long operation runs on the engine's side, even when
    it is called without a job (the quick path)."""
    scenario.update(viewers=1_000_000, days=90)
    text = json.dumps(scenario)
    worker = threading.Thread(target=_engine.run, args=("simulate", text))
    worker.start()
    gaps, last = [], time.monotonic()
    while worker.is_alive():
        now = time.monotonic()
        gaps.append(now - last)
        last = now
    worker.join()
    assert len(gaps) > 1000
    assert max(gaps) < 0.5, f"the main thread waited {max(gaps):.2f} s for the GIL"


CTRL_C = textwrap.dedent("""
    import json, sys, time, giftsim
    op, path = sys.argv[1], sys.argv[2]
    request = json.load(open(path))
    big = {"viewers": 10_000_000, "days": 365, "runs": 5}
    if op == "simulate":
        request.update(big)
    else:
        request["scenario"].update(viewers=2_000_000, days=365, runs=2)
        request["max_evaluations"] = 20
    def started(done, total):
        if not getattr(started, "said", False):
            started.said = True
            print("started", flush=True)
    try:
        getattr(giftsim, op)(request, progress=started)
        print("finished", flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
""")


@pytest.mark.parametrize("op, example", [
    ("simulate", "simulate-tiktok-us-teens.json"),
    ("calibrate", "calibrate-payers-arppu.json"),
])
def test_ctrl_c_stops_a_long_run_within_a_second(tmp_path, op, example):
    from conftest import ROOT
    script = tmp_path / "long.py"
    script.write_text(CTRL_C)
    child = subprocess.Popen([sys.executable, str(script), op, str(ROOT / "examples" / example)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "started", child.stderr.read()
        time.sleep(0.5)
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
        took = time.monotonic() - sent
    finally:
        child.kill()
    assert out.strip() == "interrupted", err
    assert took < 1.0, f"{op} stopped {took:.2f} s after Ctrl-C"


BAR = textwrap.dedent("""
    import json, sys, giftsim
    s = json.load(open(sys.argv[1]))
    s.update(viewers=1_000_000, days=120)
    giftsim.simulate(s)
    giftsim.quote({"rate_card": "tiktok-web", "coins": 65})
    if sys.argv[2] == "no-tqdm":
        sys.modules["tqdm.auto"] = None
        giftsim.simulate(s)
""")


@pytest.mark.parametrize("tqdm", ["tqdm", "no-tqdm"])
def test_a_bar_shows_on_a_terminal_once_a_run_takes_half_a_second(tmp_path, tqdm):
    import fcntl
    import pty
    import struct
    import termios
    from conftest import ROOT
    script = tmp_path / "bar.py"
    script.write_text(BAR)
    example = str(ROOT / "examples/simulate-tiktok-us-teens.json")
    primary, secondary = pty.openpty()
    # A terminal of 100 columns (a new pseudo-terminal has none, and tqdm fits its bar to them).
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    run = subprocess.run([sys.executable, str(script), example, tqdm], stderr=secondary,
                         stdout=subprocess.PIPE, text=True, timeout=120)
    os.close(secondary)
    shown = b""
    try:
        while chunk := os.read(primary, 65536):
            shown += chunk
    except OSError:  # the terminal closed
        pass
    os.close(primary)
    assert run.returncode == 0
    assert b"giftsim simulate" in shown and b"viewer-runs" in shown, shown[-300:]
    assert run.stdout == ""
    # Off a terminal (a log file, a pipe), no bar at all.
    quiet = subprocess.run([sys.executable, str(script), example, tqdm], capture_output=True,
                           text=True, timeout=120)
    assert quiet.returncode == 0 and quiet.stderr == "", quiet.stderr[-300:]


def test_without_tqdm_runs_work_and_print_nothing_off_a_terminal(scenario, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    monkeypatch.setitem(sys.modules, "tqdm", None)
    answer = giftsim.simulate(scenario)
    assert answer["scenario"]["viewers"] == 10_000
    assert capsys.readouterr().err == ""
