"""The rule tables of the number reader: loading, merging and checking them.

The words, approximators, comparators, vague quantities and units live in
``reconcile/data/quantities.toml``; :func:`load_tables` merges a user's TOML or JSON
file over it. Every rule has an id, recorded in ``Quantity.rule``. What the tables
compile to is in :mod:`.grammar`.
"""
from __future__ import annotations

import functools
import json
import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import DataFileError

DATA_FILE = Path(__file__).parent.parent / "data" / "quantities.toml"

_RULE_SECTIONS = ("approximators", "comparators", "vague", "units")
_SCALAR_SECTIONS = ("cardinals", "ordinals", "fractions", "scales", "abbreviations")
_LIST_SECTIONS = ("dates", "labels", "contexts")


@dataclass(frozen=True, eq=False)
class Tables:
    """The merged rule tables (shipped file, then the user's), read-only.

    ``data`` maps section names to their entries; ``sources`` names the files merged,
    shipped file first. Instances hash by identity so compiled grammars can be cached.
    """

    data: Mapping[str, Any]
    sources: tuple[str, ...]


def _read_table_file(path: Path) -> dict[str, Any]:
    """The sections of one TOML or JSON rule file, unchecked."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DataFileError(f"cannot read rule table {path}: {e.strerror or e}") from e
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, tomllib.TOMLDecodeError) as e:
        raise DataFileError(f"rule table {path} is not valid {'JSON' if path.suffix.lower() == '.json' else 'TOML'}: {e}") from e
    if not isinstance(data, dict):
        raise DataFileError(f"rule table {path} must hold a table of sections at the top")
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any], origin: str) -> dict[str, Any]:
    """``extra`` merged over ``base`` section by section, entry by entry."""
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in base.items()}
    for section, entries in extra.items():
        if section == "version":
            continue
        if section not in _RULE_SECTIONS + _SCALAR_SECTIONS + _LIST_SECTIONS:
            raise DataFileError(f"{origin}: unknown section [{section}]; known: "
                                + ", ".join(_RULE_SECTIONS + _SCALAR_SECTIONS + _LIST_SECTIONS))
        if not isinstance(entries, dict):
            raise DataFileError(f"{origin}: [{section}] must be a table")
        merged = dict(out.get(section, {}))
        merged.update(entries)
        out[section] = merged
    return out


def _validate(data: dict[str, Any], origin: str) -> None:
    """Raise :class:`~reconcile.errors.DataFileError` at the first entry of the wrong shape."""
    for section in _SCALAR_SECTIONS:
        for key, value in data.get(section, {}).items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise DataFileError(f"{origin}: [{section}] {key} must be a finite number, got {value!r}")
    for section in _RULE_SECTIONS:
        for rid, rule in data.get(section, {}).items():
            where = f"{origin}: [{section}.{rid}]"
            if not isinstance(rule, dict):
                raise DataFileError(f"{where} must be a table")
            phrases = rule.get("phrases")
            if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
                raise DataFileError(f"{where} needs phrases = [\"...\"] (non-empty strings)")
            if section == "vague":
                lo, hi = rule.get("low"), rule.get("high")
                if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (lo, hi)) or lo > hi:
                    raise DataFileError(f"{where} needs numbers low <= high")
            if section == "units" and rule.get("kind") not in ("percent", "money", "measure"):
                raise DataFileError(f"{where} kind must be percent, money or measure")
            if section == "units" and not isinstance(rule.get("unit"), str):
                raise DataFileError(f"{where} needs unit = \"...\"")
            if section == "comparators" and rule.get("side") not in ("low", "high", "point"):
                raise DataFileError(f"{where} side must be low, high or point")
            if section == "approximators" and rule.get("bound", "point") not in ("point", "below", "above"):
                raise DataFileError(f"{where} bound must be point, below or above")
    for section in _LIST_SECTIONS:
        for key, words in data.get(section, {}).items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise DataFileError(f"{origin}: [{section}] {key} must be a list of strings")


def _freeze(obj: Any) -> Any:
    """obj with its dicts read-only and its lists tuples."""
    if isinstance(obj, dict):
        return MappingProxyType({k: _freeze(v) for k, v in obj.items()})
    if isinstance(obj, list):
        return tuple(_freeze(v) for v in obj)
    return obj


@functools.lru_cache(maxsize=16)
def _load_tables_cached(path: str | None) -> Tables:
    """:func:`load_tables` for a normalised path string."""
    shipped = _read_table_file(DATA_FILE)
    data = _merge({}, shipped, str(DATA_FILE))
    sources = [str(DATA_FILE)]
    if path is not None:
        user = _read_table_file(Path(path))
        data = _merge(data, user, path)
        sources.append(path)
    _validate(data, " + ".join(sources))
    return Tables(data=_freeze(data), sources=tuple(sources))


def load_tables(path: str | Path | None = None) -> Tables:
    """The shipped rule tables, with a user's TOML or JSON file merged over them.

    Parameters
    ----------
    path
        A file with the layout of ``reconcile/data/quantities.toml`` (default ``None``:
        the shipped tables alone). Scalar sections merge key by key; rule sections
        (``[units.<id>]`` ...) merge by id, so a shipped id is replaced and a new id
        added. Results are cached per path.

    Raises
    ------
    DataFileError
        The file cannot be read or does not have the expected layout.
    """
    return _load_tables_cached(None if path is None else str(Path(path)))
