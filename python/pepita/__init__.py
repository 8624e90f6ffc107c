"""pepita from Python: the project's ODEs, simulations, comparisons and scans as pandas DataFrames.

Each function runs the pepita program (the repository's ``./pepita`` script, or ``$PEPITA_JAR``)
on a config given as a dict or a file path, with keyword overrides, and returns the table it
wrote, read exactly (every double as the program wrote it). The resolved config is in
``df.attrs["config"]``. The program's refusals become :class:`PepitaError` carrying its one-line
message and exit code. Docs: docs/python.md; config keys: docs/theory.md, docs/simulation.md.

    >>> import pepita
    >>> df = pepita.ode({"rule": "bp", "K": 2, "M": 2, "tMax": 10}, eta=0.5)
    >>> df[["t", "eps_g"]].tail(1)

Overrides: ``eta=2`` sets a key; dotted keys reach into objects, ``**{"mirroring.r": 2}``; a dict
is merged (``mirroring={"r": 2}`` keeps the other mirroring keys); None removes a key.
"""

import tempfile
from pathlib import Path

from . import _command, _config
from ._errors import PepitaError
from ._tables import load

__all__ = ["ode", "simulate", "compare", "scan", "load", "cli", "PepitaError"]
__version__ = "0.1.0"


def cli(*args):
    """Runs ``pepita ARGS...`` (any command, e.g. ``cli("figure", "--list")``) and returns its standard output."""
    return _command.run(list(args))


def _execute(command, config, overrides, out, options, table=None):
    resolved = _config.resolve(config, overrides, spec=command == "scan")
    with tempfile.TemporaryDirectory(prefix="pepita-") as tmp:
        if isinstance(resolved, Path):
            config_file = resolved
        else:
            config_file = Path(tmp) / ("spec.json" if command == "scan" else "config.json")
            _config.write(resolved, config_file)
        directory = Path(out) if out is not None else Path(tmp) / command
        try:
            _command.run([command, config_file, "--out", directory, "--no-progress", *options])
        except PepitaError as e:
            if e.exit_code == 3 and command == "ode" and (directory / "metrics.csv").is_file():
                e.table = load(directory, "metrics")  # an ODE keeps its samples up to the divergence
                if out is None:
                    e.table.attrs["directory"] = None
            raise
        df = load(directory, table)
        per_seed = load(directory, "per_seed") if table != "per_seed" and "--per-seed" in options else None
        if out is None:
            df.attrs["directory"] = None
        if per_seed is not None:
            per_seed.attrs["directory"] = df.attrs["directory"]
            df.attrs["per_seed"] = per_seed
        return df


def _threads(threads):
    return [] if threads is None else ["--threads", threads]


def _overwrite(overwrite):
    # --overwrite replaces only what the program can prove it wrote (docs/reliability.md)
    return ["--overwrite"] if overwrite else []


def ode(config, *, out=None, threads=None, overwrite=False, **overrides):
    """Integrates the order-parameter ODE (``pepita ode``).

    Returns metrics.csv: ``t``, ``eps_g`` and the order parameters (Q_k_l, R_k_m, v_k, and c_k,
    d_m, P for rules that use F). ``config``: a dict or a file path. ``out``: keep the output
    directory there (default: a temporary one, removed). ``threads``: see ``pepita help ode``.
    ``overwrite=True``: write into a non-empty ``out`` (``--overwrite``: only files an earlier
    pepita run wrote there, unchanged since, are replaced; anything else is kept or refused).
    """
    return _execute("ode", config, overrides, out, _threads(threads) + _overwrite(overwrite))


def simulate(config, *, out=None, threads=None, per_seed=False, overwrite=False, **overrides):
    """Trains ``seeds`` finite-N networks (``pepita simulate``).

    Returns metrics.csv: ``t``, seed means of eps_g, the order parameters, eps_test (if
    ``testSize`` > 0), cos_v_feedback (and c_norm), then their standard errors ``<col>_se``. With
    ``per_seed=True`` returns per_seed.csv instead: one row per seed and time, columns ``seed``,
    ``t`` and the same columns per seed (tidy long form; ``df.pivot(index="t", columns="seed",
    values="eps_g")`` gives one column per seed). Results do not depend on ``threads``.
    """
    options = _threads(threads) + (["--per-seed"] if per_seed else []) + _overwrite(overwrite)
    return _execute("simulate", config, overrides, out, options, "per_seed" if per_seed else "metrics")


def compare(config, *, out=None, threads=None, per_seed=False, ode_rule=None, overwrite=False, **overrides):
    """Simulation against the ODE from each seed's own start (``pepita compare``).

    Returns compare.csv: ``t``, then per column ``<col>_ode``, ``<col>_sim``, ``<col>_sim_se``,
    ``<col>_diff_se``. ``attrs["verdict"]`` is the verdict line ("AGREE: ..." or "DISAGREE:
    ..."), ``attrs["agree"]`` whether theory and simulation agree, ``attrs["report"]`` the whole
    agreement.txt. ``ode_rule``: compare with another rule's ODE (e.g. "afa" for a pepita
    simulation). ``per_seed=True`` adds the simulation's per-seed table as ``attrs["per_seed"]``.
    """
    options = _threads(threads) + (["--per-seed"] if per_seed else []) \
        + ([] if ode_rule is None else ["--ode-rule", ode_rule]) + _overwrite(overwrite)
    return _execute("compare", config, overrides, out, options, "compare")


def scan(spec, *, out=None, threads=None, **overrides):
    """Runs a parameter scan (``pepita scan``, plots not drawn).

    Returns scan.csv: one row per point and engine, the swept keys' values and the summary
    columns (docs/scans.md); ``attrs["config"]`` is the spec. Overrides of spec keys (``run``,
    ``threshold``, ``grid``, dotted ``grid.eta``) set them; any other key sets that key of
    ``base`` (``N=300`` is ``base.N=300``). With ``out``, rerunning resumes the scan there.
    """
    return _execute("scan", spec, overrides, out, _threads(threads) + ["--no-plots"], "scan")
