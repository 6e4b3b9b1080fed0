"""Every example gives the CLI's exact JSON, through the functions on dicts and byte for byte
through run_json; the bad-input catalogue gives the same code and path as everywhere else."""

import json

import pytest

import giftsim
from conftest import EXAMPLES, LONG, ROOT, cli, function_of, op_of


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_gives_the_clis_exact_json(path):
    op = op_of(path)
    text = path.read_text()
    golden = (ROOT / "tests/golden" / path.name).read_text()
    # The golden file is the CLI's output (tests/contract.rs and tests/cli.rs keep it so).
    assert giftsim.run_json(op, text) + "\n" == golden
    kwargs = {"progress": False} if op in LONG else {}
    answer = getattr(giftsim, function_of(op))(json.loads(text), **kwargs)
    assert answer == json.loads(golden)


# `giftsim import` reads an export's files, not the contract's request: its example is checked
# through its golden answer above.
@pytest.mark.parametrize("path", [p for p in EXAMPLES if op_of(p) not in LONG + ("import",)],
                         ids=lambda p: p.stem)
def test_quick_examples_match_the_cli_run_now(path):
    op = op_of(path)
    run = cli(op, str(path))
    assert run.returncode == 0, run.stderr
    assert giftsim.run_json(op, path.read_text()) + "\n" == run.stdout


def test_presets_are_the_clis():
    assert giftsim.presets() == json.loads((ROOT / "tests/golden/presets.json").read_text())


def test_money_stays_a_decimal_string_and_decimal_reads_it_exactly():
    answer = giftsim.quote({"rate_card": "tiktok-web", "coins": 5000})
    assert answer["purchase"]["price"] == "52.86"
    total = sum(giftsim.decimal(line["total"]) for line in answer["purchase"]["lines"])
    assert total == giftsim.decimal(answer["purchase"]["viewer_pays"])
    assert str(giftsim.decimal("0.10") + giftsim.decimal("0.20")) == "0.30"


def test_a_decimal_in_a_request_goes_in_as_its_exact_text():
    from decimal import Decimal
    by_text = giftsim.compare({"spend": "100.00"})
    by_decimal = giftsim.compare({"spend": Decimal("100.00")})
    assert by_text == by_decimal


def test_decimals_in_any_form_and_numpy_numbers_go_in_exactly():
    from decimal import Decimal
    import numpy as np
    plain = giftsim.quote({"rate_card": "tiktok-web", "spend": "100.00"})
    for spend in (Decimal("100.00").normalize(), Decimal("1E+2"), Decimal("100.000")):
        assert giftsim.quote({"rate_card": "tiktok-web", "spend": spend})["purchase"] == plain["purchase"]
    coins = giftsim.quote({"rate_card": "tiktok-web", "coins": np.int64(5000)})
    assert coins == giftsim.quote({"rate_card": "tiktok-web", "coins": 5000})


def test_text_that_is_not_unicode_or_too_deep_is_a_giftsim_error():
    for request in ({"rate_card": "tiktok-web\ud800", "coins": 1}, b"\xff\xfe", "\ud800"):
        with pytest.raises(giftsim.GiftsimError) as caught:
            giftsim.quote(request)
        assert caught.value.code == "invalid_json"
    deep = {}
    for _ in range(5000):
        deep = {"a": deep}
    with pytest.raises(giftsim.GiftsimError) as caught:
        giftsim.quote(deep)
    assert caught.value.code == "too_large"


def test_decimal_refuses_floats_and_bounds():
    with pytest.raises(TypeError, match="float"):
        giftsim.decimal(0.1)
    with pytest.raises(TypeError):
        giftsim.decimal(None)
    for text in ("NaN", "Infinity", "1e5", "1_000"):
        with pytest.raises(ValueError):
            giftsim.decimal(text)
    assert giftsim.decimal(5) == 5
    with pytest.raises(ValueError, match="bound"):
        giftsim.decimal("<0.000001")
    with pytest.raises(ValueError, match="not a decimal"):
        giftsim.decimal("ten")


def catalogue():
    doc = json.loads((ROOT / "tests/bad-inputs/catalogue.json").read_text())
    cases = []
    for c in doc["cases"]:
        g = c.get("generate")
        if g:
            n = g["repeat"]
            body = g["fill"] * n if g.get("fill") is not None else "".join(
                (g.get("sequence") or "").replace("#", str(i)) for i in range(1, n + 1))
            text = g["template"].replace("@", body + (g.get("close") or "") * n)
        else:
            text = c.get("input", "")
        cases.append(pytest.param(c["op"], text, c["code"], c["path"], id=c["name"]))
    return cases


@pytest.mark.parametrize("op, text, code, path", catalogue())
def test_every_bad_input_raises_giftsim_error_with_its_code_and_path(op, text, code, path):
    with pytest.raises(giftsim.GiftsimError) as caught:
        giftsim.run_json(op, text)
    e = caught.value
    assert (e.code, e.path) == (code, path), e.message
    assert e.message and isinstance(e.details, dict)
    assert str(e).startswith(code)


def test_errors_carry_code_path_message_and_details():
    with pytest.raises(giftsim.GiftsimError) as caught:
        giftsim.quote({"rate_card": "tiktok-wbe", "coins": 10})
    e = caught.value
    assert e.code == "unknown_preset"
    assert e.path == "rate_card"
    assert "tiktok-wbe" in e.message
    assert "`tiktok-web`" in e.message
    assert e.details == {"preset": "tiktok-wbe"}
    assert isinstance(e, Exception)
    # The same error as the CLI's, field for field.
    run = cli("quote", "-", input=json.dumps({"rate_card": "tiktok-wbe", "coins": 10}))
    assert run.returncode == 2
    assert json.loads(run.stderr)["error"] == {
        "code": e.code, "path": e.path, "message": e.message, "details": e.details}


def test_requests_that_are_not_json_objects_are_refused_clearly():
    with pytest.raises(giftsim.GiftsimError) as caught:
        giftsim.quote(["tiktok-web"])
    assert caught.value.code == "invalid_type"
    with pytest.raises(giftsim.GiftsimError) as caught:
        giftsim.quote({"rate_card": "tiktok-web", "coins": float("nan")})
    assert caught.value.code == "invalid_value"
    with pytest.raises(giftsim.GiftsimError) as caught:
        giftsim.quote({"rate_card": "tiktok-web", "coins": object()})
    assert caught.value.code == "invalid_type"
    with pytest.raises(giftsim.GiftsimError) as caught:
        giftsim.run_json("quotes", "{}")
    assert (caught.value.code, caught.value.details["given"]) == ("invalid_value", "quotes")


def test_errors_pickle_with_their_fields():
    import pickle
    e = giftsim.GiftsimError("unknown_id", "rate_card", "no such card", {"given": "x"})
    back = pickle.loads(pickle.dumps(e))
    assert (back.code, back.path, back.message, back.details) == (
        "unknown_id", "rate_card", "no such card", {"given": "x"})
