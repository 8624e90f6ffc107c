"""Builds the package with the pepita jar inside it (pepita/_jar/pepita.jar), so that an installed
copy runs with only Java present: no PEPITA_HOME, no Maven after installing.

The jar is the repository's cli/target/pepita.jar (this directory's parent), brought up to date
first by the repository's ./pepita script (which runs Maven, or the Maven Wrapper, only when the
jar is missing or older than the sources); or $PEPITA_JAR when set. Everything else is in
pyproject.toml.
"""

import os
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def _jar():
    given = os.environ.get("PEPITA_JAR")
    if given:
        if not Path(given).is_file():
            raise SystemExit(f"pepita: PEPITA_JAR={given}: no such file")
        return Path(given)
    repo = Path(__file__).resolve().parent.parent
    script = repo / "pepita"
    if not script.is_file():
        raise SystemExit(f"pepita: no ./pepita script in {repo} to build the jar from; "
                         f"install from the repository's python/ directory, or set PEPITA_JAR to a built pepita.jar")
    # ./pepita builds the jar when it is missing or stale, then prints its version
    done = subprocess.run([str(script), "--version"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    jar = repo / "cli" / "target" / "pepita.jar"
    if done.returncode != 0 or not jar.is_file():
        raise SystemExit(f"pepita: could not build {jar} (./pepita --version exited with {done.returncode}; "
                         f"it needs a JDK 17)")
    return jar


class BuildPyWithJar(build_py):
    """build_py, then the jar copied into the built package."""

    def run(self):
        super().run()
        target = Path(self.build_lib) / "pepita" / "_jar" / "pepita.jar"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_jar(), target)


setup(cmdclass={"build_py": BuildPyWithJar})
