"""Reading an output directory of the pepita program into a DataFrame."""

import json
from pathlib import Path

import pandas as pd

from ._errors import PepitaError

#: what each table is, by file name; ``load`` picks the first present when none is named
TABLES = {"scan": "scan.csv", "compare": "compare.csv", "metrics": "metrics.csv", "per_seed": "per_seed.csv"}


def read_csv(file):
    """A CSV the program wrote, every number exactly as written (shortest round-trip decimals)."""
    return pd.read_csv(file, float_precision="round_trip")


def load(directory, table=None):
    """The DataFrame of one table of an output directory, with what describes the run in ``attrs``.

    ``table`` is ``"metrics"`` (ode, simulate: t then eps_g and the order parameters; simulate adds
    seed means' standard errors ``<col>_se``), ``"per_seed"`` (simulate/compare ``--per-seed``:
    seed, t, then the columns per seed), ``"compare"`` or ``"scan"``; by default the directory's
    main table (scan.csv, else compare.csv, else metrics.csv). ``attrs``: ``config`` (the resolved
    config, or a scan's spec), ``run`` (all of config.json or scan.json: version, command, seeds),
    ``directory``; for a comparison also ``verdict`` (the last line of agreement.txt), ``agree``
    (whether it starts with AGREE) and ``report`` (all of agreement.txt).
    """
    d = Path(directory)
    if table is None:
        table = next((name for name, file in TABLES.items() if (d / file).is_file()), None)
        if table is None:
            raise PepitaError(f"{d}: no {', '.join(TABLES.values())} there: not an output directory of pepita", 2)
    elif table not in TABLES:
        raise PepitaError(f"table '{table}' is not one of {', '.join(TABLES)}", 2)
    file = d / TABLES[table]
    if not file.is_file():
        raise PepitaError(f"{file}: no such file", 2)
    df = read_csv(file)
    if table == "scan":
        meta = json.loads((d / "scan.json").read_text(encoding="utf-8"))
        df.attrs["config"] = meta.get("spec")
    else:
        meta = json.loads((d / "config.json").read_text(encoding="utf-8"))
        df.attrs["config"] = meta.get("config")
    df.attrs["run"] = meta
    df.attrs["directory"] = str(d)
    report = d / "agreement.txt"
    if table == "compare" and report.is_file():
        text = report.read_text(encoding="utf-8")
        verdict = text.rstrip("\n").splitlines()[-1]
        df.attrs["report"] = text
        df.attrs["verdict"] = verdict
        df.attrs["agree"] = verdict.startswith("AGREE")
    return df
