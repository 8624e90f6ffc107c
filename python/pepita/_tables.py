"""Reading an output directory of the pepita program into a DataFrame."""

import json
from pathlib import Path

import pandas as pd

from ._errors import PepitaError

#: what each table is, by file name; ``load`` picks the first present when none is named
TABLES = {"scan": "scan.csv", "compare": "compare.csv", "metrics": "metrics.csv", "per_seed": "per_seed.csv"}


def read_csv(file):
    """A CSV the program wrote, every number exactly as written (shortest round-trip decimals).

    Raises PepitaError (exit code 2) for a file that is not a whole table: not UTF-8, its last line
    cut (every row the program writes ends with a newline; "...,-1.0534986047014196" cut to
    "...,-1" would read as -1), rows whose cell count differs from the header's, or not CSV at all.
    """
    file = Path(file)
    try:
        data = file.read_bytes()
    except OSError as e:
        raise PepitaError(f"cannot read {file}: {e.strerror or e}", 2) from e
    if data and not data.endswith(b"\n"):
        raise PepitaError(f"{file}: its last line has no newline at the end: the file was cut (a copy or a run stopped mid-write?)", 2)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise PepitaError(f"{file}: not UTF-8 text (binary or damaged?): byte {e.start}", 2) from e
    lines = [line for line in text.splitlines() if line]
    if not lines:
        raise PepitaError(f"{file}: empty (not even a header)", 2)
    width = lines[0].count(",")
    for i, line in enumerate(lines[1:], start=2):
        if line.count(",") != width and '"' not in line:
            raise PepitaError(f"{file}:{i}: {line.count(',') + 1} cells, the header has {width + 1}", 2)
    try:
        return pd.read_csv(file, float_precision="round_trip")
    except (ValueError, pd.errors.ParserError) as e:  # EmptyDataError and ParserError are ValueErrors
        raise PepitaError(f"{file}: not a CSV table pepita wrote: {str(e).splitlines()[0] if str(e) else type(e).__name__}", 2) from e


def _json(file):
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise PepitaError(f"{file}: no such file (every output directory of pepita has it)", 2) from e
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise PepitaError(f"{file}: not the JSON pepita wrote ({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''})", 2) from e


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
    if not d.is_dir():
        raise PepitaError(f"{d}: {'not a directory' if d.exists() else 'no such directory'} (give an output directory of pepita)", 2)
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
        meta = _json(d / "scan.json")
        df.attrs["config"] = meta.get("spec")
    else:
        meta = _json(d / "config.json")
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
