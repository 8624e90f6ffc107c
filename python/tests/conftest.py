"""Shared by the tests: the repository, and the pepita program run directly (not through the package)."""

import csv
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "python"))  # the package of this checkout, whatever is installed


class Cli:
    """Runs ``./pepita`` of this checkout on a config written to a file, as a user would."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.count = 0

    def write(self, config, name="config.json"):
        self.count += 1
        f = self.tmp / f"{self.count}-{name}"
        f.write_text(json.dumps(config))
        return f

    def run(self, *args):
        return subprocess.run([str(REPO / "pepita"), *map(str, args)], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL)

    def output(self, command, config, *options, name="config.json"):
        """Runs COMMAND on CONFIG into a fresh directory, asserts exit 0, returns the directory."""
        self.count += 1
        out = self.tmp / f"{self.count}-{command}"
        done = self.run(command, self.write(config, name), "--out", out, "--no-progress", *options)
        assert done.returncode == 0, done.stderr
        return out


@pytest.fixture
def cli(tmp_path):
    return Cli(tmp_path)


def read_table(file):
    """A CSV as (header, rows), cells parsed by Python itself: numbers with float(), empty as None."""
    with open(file, newline="") as f:
        rows = list(csv.reader(f))

    def cell(x):
        if x == "":
            return None
        if x in ("true", "false"):
            return x == "true"
        try:
            return float(x)
        except ValueError:
            return x

    return rows[0], [[cell(x) for x in row] for row in rows[1:]]


def assert_frame_is_file(df, file):
    """Every column name and value of df is the one in the CLI's CSV file, exactly (NaN and empty alike)."""
    header, rows = read_table(file)
    assert list(df.columns) == header
    assert len(df) == len(rows)
    for i, row in enumerate(rows):
        for j, expected in enumerate(row):
            got = df.iat[i, j]
            if expected is None or (isinstance(expected, float) and math.isnan(expected)):
                assert got is None or got != got, (header[j], i, got)
            elif isinstance(expected, float):
                assert float(got) == expected, (header[j], i, got, expected)
            else:
                assert got == expected, (header[j], i, got, expected)
