"""``pip install ./python`` gives a package that runs with only Java: the jar is inside it, so
``import pepita`` works from any directory without PEPITA_HOME, PEPITA_JAR or the repository."""

import os
import subprocess
import sys
import venv

from conftest import REPO


def test_installed_package_runs_from_anywhere_with_its_own_jar(tmp_path):
    env_dir = tmp_path / "venv"
    # a fresh virtual environment on this python, seeing its pandas (Debian's: nothing downloaded)
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python3"
    build_env = dict(os.environ, PEPITA_JAR=str(REPO / "cli" / "target" / "pepita.jar"))  # the jar conftest's ./pepita built
    done = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-build-isolation", "--no-index",
                           str(REPO / "python")], capture_output=True, text=True, env=build_env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run_env = {k: v for k, v in os.environ.items() if k not in ("PEPITA_HOME", "PEPITA_JAR", "PYTHONPATH")}
    code = ("import pepita, pathlib; df = pepita.ode({'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 5}); "
            "print(pepita._command.command()[-1]); print(list(df.columns)); print(len(df))")
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, env=run_env, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    jar, columns, rows = done.stdout.splitlines()
    # it ran the jar inside the installed package, not the repository's
    assert jar.startswith(str(env_dir)) and jar.endswith("_jar/pepita.jar"), jar
    assert "cos_v_feedback" in columns and "c_norm" in columns
    assert int(rows) > 1
