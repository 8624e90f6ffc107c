"""The Python package against the pepita program it drives.

Every expected value here comes from running ``./pepita`` directly on a config file and reading
what it wrote with Python's own csv and float(); the package must return the same table to the
last bit, since both are the same doubles written as shortest round-trip decimals.
"""

import json
import os
import shutil

import pytest

import pepita
from conftest import REPO, assert_frame_is_file, read_table

BP = {"rule": "bp", "K": 2, "M": 2, "eta": 1, "sigma": 0.1, "tMax": 10, "nTimes": 8}
SIM = {"rule": "fa", "K": 2, "M": 2, "N": 200, "seeds": 3, "sigma": 0.1, "tMax": 2, "nTimes": 5}
# compare needs at least 9 seeds at alpha = 0.01 (its p-value is at least 2 x 2^-(seeds-1); docs/simulation.md)
CMP = dict(SIM, seeds=9)
MIRRORING = {"rule": "pepita", "K": 2, "M": 2, "sigmaF": 0.5, "tMax": 2, "nTimes": 4, "rtol": 1e-6, "atol": 1e-9,
             "quadraturePoints": 6, "mirroring": {"a": 0.5, "r": 1, "etaWm": 0.5, "lambdaWm": 1.0}}


def test_ode_returns_the_csv_the_cli_writes_and_the_resolved_config(cli):
    out = cli.output("ode", BP)
    df = pepita.ode(BP)
    assert_frame_is_file(df, out / "metrics.csv")
    written = json.loads((out / "config.json").read_text())
    assert df.attrs["config"] == written["config"]
    assert df.attrs["config"]["integrator"] == "dp853", "the resolved config, defaults filled in"
    assert df.attrs["directory"] is None, "no out=: the temporary directory is gone"


def test_a_config_file_path_is_read_by_the_cli_itself(cli):
    f = cli.write(BP)
    out = cli.output("ode", BP)
    assert_frame_is_file(pepita.ode(f), out / "metrics.csv")
    assert_frame_is_file(pepita.ode(str(f)), out / "metrics.csv")


def test_simulate_returns_the_csv_the_cli_writes_and_keeps_out(cli, tmp_path):
    out = cli.output("simulate", SIM)
    kept = tmp_path / "kept"
    df = pepita.simulate(SIM, out=kept, threads=1)
    assert_frame_is_file(df, out / "metrics.csv")
    assert df.attrs["directory"] == str(kept)
    assert (kept / "metrics.csv").read_bytes() == (out / "metrics.csv").read_bytes(), "threads do not change bytes"
    assert df.attrs["run"]["seeds"] == [0, 1, 2]


def test_an_override_changes_the_result_as_the_cli_does_with_the_changed_config(cli):
    changed = dict(BP, eta=0.5)
    out = cli.output("ode", changed)
    df = pepita.ode(BP, eta=0.5)
    assert_frame_is_file(df, out / "metrics.csv")
    assert df.attrs["config"]["eta"] == 0.5
    assert df["eps_g"].iloc[-1] != pepita.ode(BP)["eps_g"].iloc[-1], "eta = 0.5 learns differently from eta = 1"
    # overriding a path: the file is read, changed and handed over as a new file
    assert_frame_is_file(pepita.ode(cli.write(BP), eta=0.5), out / "metrics.csv")


def test_a_dotted_override_and_a_nested_dict_set_one_mirroring_key(cli):
    changed = json.loads(json.dumps(MIRRORING))
    changed["mirroring"]["r"] = 2
    out = cli.output("ode", changed)
    dotted = pepita.ode(MIRRORING, **{"mirroring.r": 2})
    assert_frame_is_file(dotted, out / "metrics.csv")
    nested = pepita.ode(MIRRORING, mirroring={"r": 2})  # merged: a, etaWm, lambdaWm kept
    assert_frame_is_file(nested, out / "metrics.csv")
    assert dotted.attrs["config"]["mirroring"]["a"] == 0.5
    assert not dotted.equals(pepita.ode(MIRRORING)), "r = 2 changes the run"
    # None removes a key: without mirroring it is plain pepita
    assert_frame_is_file(pepita.ode(MIRRORING, mirroring=None),
                         cli.output("ode", {k: v for k, v in MIRRORING.items() if k != "mirroring"}) / "metrics.csv")


def test_numpy_values_are_accepted_as_overrides(cli):
    np = pytest.importorskip("numpy")
    out = cli.output("ode", dict(BP, eta=0.5, K=2))
    assert_frame_is_file(pepita.ode(BP, eta=np.float64(0.5), K=np.int64(2)), out / "metrics.csv")


def test_a_bad_key_raises_the_clis_one_line_message_and_exit_code(cli):
    bad = dict(BP, etaa=2)
    direct = cli.run("ode", cli.write(bad), "--out", cli.tmp / "never")
    assert direct.returncode == 2
    with pytest.raises(pepita.PepitaError) as raised:
        pepita.ode(BP, etaa=2)
    assert raised.value.exit_code == 2
    assert str(raised.value) == direct.stderr.strip()
    assert "\n" not in str(raised.value)
    assert str(raised.value).startswith("pepita ode: ") and "'etaa'" in str(raised.value), "names the command and key"


def test_a_bad_value_names_the_key(cli):
    with pytest.raises(pepita.PepitaError) as raised:
        pepita.simulate(SIM, seeds=0)
    assert raised.value.exit_code == 2 and "'seeds'" in str(raised.value), str(raised.value)


def test_a_diverging_simulation_raises_with_exit_code_3():
    diverging = {"rule": "bp", "activation": "linear", "K": 2, "M": 2, "N": 300, "eta": 50, "etaV": 50,
                 "tMax": 5, "nTimes": 4}
    with pytest.raises(pepita.PepitaError) as raised:
        pepita.simulate(diverging)
    assert raised.value.exit_code == 3
    assert str(raised.value).startswith("pepita simulate: the simulation diverged")


def test_a_diverging_ode_raises_with_its_samples_up_to_the_divergence(cli):
    # epsGBound 10: eps_g passes it at t = 5e-5 (without it the adaptive integrator, restarted with smaller steps
    # after a failed first step, follows this linear ODE to t = 5; docs/theory.md)
    diverging = {"rule": "bp", "activation": "linear", "K": 2, "M": 2, "eta": 50, "etaV": 50, "tMax": 5, "nTimes": 4,
                 "epsGBound": 10}
    out = cli.tmp / "diverged"
    direct = cli.run("ode", cli.write(diverging), "--out", out, "--no-progress")
    assert direct.returncode == 3
    with pytest.raises(pepita.PepitaError) as raised:
        pepita.ode(diverging)
    assert raised.value.exit_code == 3 and str(raised.value).startswith("pepita ode: diverged")
    assert_frame_is_file(raised.value.table, out / "metrics.csv")


def test_compare_returns_the_table_and_the_verdict_the_cli_writes(cli):
    out = cli.output("compare", CMP)
    df = pepita.compare(CMP)
    assert_frame_is_file(df, out / "compare.csv")
    lines = (out / "agreement.txt").read_text().splitlines()
    assert df.attrs["verdict"] == lines[-1]
    assert df.attrs["verdict"].startswith(("AGREE: ", "DISAGREE: "))
    assert df.attrs["agree"] == df.attrs["verdict"].startswith("AGREE: ")
    assert df.attrs["report"] == (out / "agreement.txt").read_text()


def test_compare_against_another_rules_ode(cli):
    pep = dict(CMP, rule="pepita", sigmaF=0.5)
    out = cli.output("compare", pep, "--ode-rule", "afa")
    df = pepita.compare(pep, ode_rule="afa")
    assert_frame_is_file(df, out / "compare.csv")
    assert df.attrs["verdict"] == (out / "agreement.txt").read_text().splitlines()[-1]


def test_per_seed_is_the_clis_long_form_table_whose_seed_means_are_the_metrics(cli):
    out = cli.output("simulate", SIM, "--per-seed")
    seeds = pepita.simulate(SIM, per_seed=True)
    assert_frame_is_file(seeds, out / "per_seed.csv")
    assert list(seeds.columns[:3]) == ["seed", "t", "eps_g"]
    assert sorted(seeds["seed"].unique()) == [0, 1, 2]
    # the seed means are metrics.csv's means: same doubles summed in seed order, divided by 3 -> exact
    means = pepita.simulate(SIM)
    for col in seeds.columns[2:]:
        by_t = seeds.groupby("t", sort=True)[col]
        summed = by_t.apply(lambda s: ((0.0 + s.iloc[0]) + s.iloc[1]) + s.iloc[2])
        assert list(summed / 3) == list(means[col]), col


def test_compare_per_seed_is_in_attrs(cli):
    out = cli.output("compare", CMP, "--per-seed")
    df = pepita.compare(CMP, per_seed=True)
    assert_frame_is_file(df.attrs["per_seed"], out / "per_seed.csv")


def test_scan_returns_the_clis_table_and_routes_overrides_into_base(cli):
    spec = {"base": {"rule": "bp", "K": 2, "M": 2, "N": 200, "seeds": 2, "tMax": 5, "nTimes": 6},
            "grid": {"eta": [0.5, 1]}, "run": "both", "threshold": 0.05}
    changed = json.loads(json.dumps(spec))
    changed["base"]["N"] = 150
    changed["grid"]["eta"] = [1, 2]
    out = cli.output("scan", changed, "--no-plots", name="spec.json")
    df = pepita.scan(spec, N=150, **{"grid.eta": [1, 2]})
    assert_frame_is_file(df, out / "scan.csv")
    assert df.attrs["config"]["base"]["N"] == 150 and df.attrs["config"]["grid"] == {"eta": [1, 2]}
    header, rows = read_table(out / "scan.csv")
    assert len(df) == len(rows) == 4, "2 points x (ode, sim)"


def test_load_reads_a_directory_the_cli_wrote(cli):
    out = cli.output("simulate", SIM, "--per-seed")
    assert_frame_is_file(pepita.load(out), out / "metrics.csv")
    assert_frame_is_file(pepita.load(out, "per_seed"), out / "per_seed.csv")
    with pytest.raises(pepita.PepitaError):
        pepita.load(out, "compare")


def test_pepita_jar_runs_the_jar_directly(cli, monkeypatch):
    jar = REPO / "cli" / "target" / "pepita.jar"
    assert jar.is_file(), "the other tests built it"
    out = cli.output("ode", BP)
    monkeypatch.setenv("PEPITA_JAR", str(jar))
    assert_frame_is_file(pepita.ode(BP), out / "metrics.csv")
    monkeypatch.setenv("PEPITA_JAR", str(cli.tmp / "missing.jar"))
    with pytest.raises(pepita.PepitaError) as raised:
        pepita.ode(BP)
    assert "PEPITA_JAR" in str(raised.value) and "no such file" in str(raised.value)


def test_a_pepita_home_that_is_not_the_repository_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv("PEPITA_JAR", raising=False)
    monkeypatch.setenv("PEPITA_HOME", str(tmp_path))
    with pytest.raises(pepita.PepitaError) as raised:
        pepita.ode(BP)
    assert "PEPITA_HOME" in str(raised.value)


def test_cli_runs_any_command():
    assert "weight-mirroring" in pepita.cli("figure", "--list")


@pytest.mark.skipif(os.environ.get("PEPITA_JAR") is not None, reason="PEPITA_JAR set: the repository is not searched")
def test_the_repository_is_found_from_the_package():
    from pepita import _command
    assert _command.command() == [str(REPO / "pepita")]


def test_overriding_a_yaml_config_reads_it_with_pyyaml(cli):
    yaml = pytest.importorskip("yaml")
    f = cli.tmp / "bp.yaml"
    f.write_text(yaml.safe_dump(BP))
    out = cli.output("ode", dict(BP, eta=0.5))
    assert_frame_is_file(pepita.ode(f, eta=0.5), out / "metrics.csv")


def test_a_jar_run_directly_gets_a_start_up_archive_written_once_and_the_same_result(cli, tmp_path, monkeypatch):
    # a copy of the jar where no archive is yet: the first call writes pepita.jsa beside it, later ones map it
    jar = tmp_path / "pepita.jar"
    shutil.copy2(REPO / "cli" / "target" / "pepita.jar", jar)
    out = cli.output("ode", BP)
    monkeypatch.setenv("PEPITA_JAR", str(jar))
    assert_frame_is_file(pepita.ode(BP), out / "metrics.csv")
    archive = tmp_path / "pepita.jsa"
    assert archive.is_file() and archive.stat().st_mtime_ns > jar.stat().st_mtime_ns
    argv = pepita._command.command()
    assert f"-XX:SharedArchiveFile={archive}" in argv
    written = archive.stat().st_mtime_ns
    assert_frame_is_file(pepita.ode(BP), out / "metrics.csv")
    assert archive.stat().st_mtime_ns == written, "written once"
    # -Xshare:off in PEPITA_JAVA_OPTS: no archive option at all
    monkeypatch.setenv("PEPITA_JAVA_OPTS", "-Xmx2g -Xshare:off")
    assert not any(a.startswith("-XX:SharedArchiveFile") for a in pepita._command.command())
