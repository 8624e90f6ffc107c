"""Issue 27's Python repros: every failure is a PepitaError with one line, never a pandas or OS error."""

import json

import pytest

import conftest  # noqa: F401  (puts this checkout's package first on the path)
import pepita

JAR = conftest.REPO / "cli" / "target" / "pepita.jar"


def run_dir(tmp_path, metrics):
    d = tmp_path / "run"
    d.mkdir()
    (d / "config.json").write_text(json.dumps({"config": {"rule": "bp"}}))
    (d / "metrics.csv").write_bytes(metrics)
    return d


def test_cli_without_arguments_says_a_command_is_missing():
    with pytest.raises(pepita.PepitaError) as raised:
        pepita.cli()
    assert "missing command" in str(raised.value) and raised.value.exit_code == 2


def test_load_refuses_a_csv_whose_last_line_is_cut(tmp_path):
    d = run_dir(tmp_path, b"t,eps_g\n0.0,0.5\n1.0,-1")  # "-1.0534986047014196" cut, no newline
    with pytest.raises(pepita.PepitaError) as raised:
        pepita.load(d)
    assert "no newline at the end" in str(raised.value)


@pytest.mark.parametrize("content", [b"t,eps_g\n0.0,0.5,7\n", b"\xff\xfe\x00garbage\n", b"t,eps_g\n\"unclosed,1\n"])
def test_load_refuses_garbage_with_a_pepita_error(tmp_path, content):
    with pytest.raises(pepita.PepitaError) as raised:
        pepita.load(run_dir(tmp_path, content))
    assert "metrics.csv" in str(raised.value) and raised.value.exit_code == 2


def test_load_of_missing_things_is_a_pepita_error(tmp_path):
    with pytest.raises(pepita.PepitaError, match="no such directory"):
        pepita.load(tmp_path / "nowhere")
    d = tmp_path / "d"
    d.mkdir()
    (d / "metrics.csv").write_text("t,eps_g\n0,1\n")
    with pytest.raises(pepita.PepitaError, match="config.json: no such file"):
        pepita.load(d)


@pytest.mark.skipif(not JAR.is_file(), reason="cli/target/pepita.jar not built")
def test_overwrite_is_passed_and_keeps_what_pepita_did_not_write(tmp_path, monkeypatch):
    monkeypatch.setenv("PEPITA_JAR", str(JAR))
    out = tmp_path / "o"
    config = {"rule": "bp", "K": 2, "M": 2, "tMax": 5, "nTimes": 10}
    pepita.ode(config, out=out)
    with pytest.raises(pepita.PepitaError, match="not empty"):
        pepita.ode(config, out=out)
    (out / "notes.txt").write_text("mine")
    df = pepita.ode(config, out=out, overwrite=True, eta=0.5)
    assert df.attrs["config"]["eta"] == 0.5
    assert (out / "notes.txt").read_text() == "mine"
