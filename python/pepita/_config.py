"""Configs and scan specs given as a dict or a file, with keyword overrides."""

import copy
import json
import os
from pathlib import Path

from ._errors import PepitaError

#: the top-level keys of a scan spec (docs/scans.md); any other override of a spec goes into its base config
SPEC_KEYS = frozenset({"base", "grid", "points", "run", "threshold", "plateauSlope", "plateauDrop", "description"})


def read(path):
    """The JSON (or, with PyYAML installed, YAML) file at ``path`` as a dict."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise PepitaError(f"cannot read config {path}: {e.strerror}", 2) from e
    if p.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError as e:
            raise PepitaError(f"config {path}: overriding keys of a YAML config needs PyYAML (Debian: python3-yaml); "
                              f"without overrides the path is passed to pepita as it is", 2) from e
        return yaml.safe_load(text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise PepitaError(f"config {path} is not valid JSON: {e}", 2) from e


def _plain(x):
    """numpy scalars and arrays as Python numbers and lists, for json."""
    if hasattr(x, "tolist"):
        return x.tolist()
    raise TypeError(f"{type(x).__name__} is not a JSON value")


def _merge(target, key_path, value):
    """Sets ``target[k1][k2]... = value``: dicts are merged key by key, None removes the key."""
    node = target
    for k in key_path[:-1]:
        child = node.get(k)
        if not isinstance(child, dict):
            child = node[k] = {}
        node = child
    last = key_path[-1]
    if value is None:
        node.pop(last, None)
    elif isinstance(value, dict) and isinstance(node.get(last), dict):
        for k, v in value.items():
            _merge(node[last], [k], v)
    else:
        node[last] = copy.deepcopy(value)


def resolve(config, overrides, spec=False):
    """The config with the overrides applied, as a dict; or the path itself when there is nothing to apply.

    ``overrides`` maps keys to values: ``eta=2``; dotted keys reach into nested objects
    (``mirroring.r``); a dict value is merged into the nested object; None removes the key. For a
    scan spec (``spec=True``) a key that is not a spec key (base, grid, points, run, threshold,
    plateauSlope, plateauDrop, description) sets that key of ``base``.
    """
    if isinstance(config, (str, os.PathLike)):
        if not overrides:
            return Path(config)
        data = read(config)
    elif isinstance(config, dict):
        data = copy.deepcopy(config)
    else:
        raise TypeError(f"config must be a dict or a path, not {type(config).__name__}")
    if not isinstance(data, dict):
        raise PepitaError("a config must be a JSON object (got " + type(data).__name__ + ")", 2)
    for key, value in overrides.items():
        key_path = key.split(".")
        if spec and key_path[0] not in SPEC_KEYS:
            key_path = ["base", *key_path]
        _merge(data, key_path, value)
    return data


def write(data, file):
    """Writes a resolved config as JSON (numpy values as plain numbers)."""
    Path(file).write_text(json.dumps(data, indent=2, default=_plain), encoding="utf-8")
