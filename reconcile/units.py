"""Units: the dimension of a unit, and values converted to base units.

The units the shipped number tables name are answered from a small table
(``data/units.json``) worked out by pint beforehand; pint itself, whose import and
unit registry cost a fresh process about a quarter of a second, is loaded only for a
unit the table lacks (one from a user's table) or one pint converts other than by a
multiplication (degC, degF, decade). Both paths give the very same floats.

Currencies are no units here: a money amount converts only at an exchange rate
the user supplies or an article states (:mod:`reconcile.tolerance`). :func:`convert`
takes a value from one unit to another of the same dimension, both ways.

The table is rebuilt with ``python -m reconcile.units`` after a unit is added to
``data/quantities.toml``; a test checks that it agrees with pint.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconcile.errors import ReconcileError

if TYPE_CHECKING:
    import pint

UNITS_FILE = Path(__file__).with_name("data") / "units.json"
# names of dimensions as a reader would say them
_DIMENSION_NAMES = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[time]": "duration",
    "[length] / [time]": "speed",
    "[temperature]": "temperature",
}
# units that are no names of the number tables but that the reader gives quantities
_EXTRA_UNITS = ("temperature_degree",)


class UnitError(ReconcileError):
    """Two units cannot be converted one into the other."""


@dataclass(frozen=True)
class UnitFacts:
    """What pint says of one unit name, kept so that pint need not be asked again.

    ``known`` is whether pint reads the name at all; ``dimension`` is
    :func:`dimension_of`; ``factor`` and ``base`` are set when the unit converts to
    its base unit by one multiplication, and are ``None`` otherwise (an unknown unit,
    an offset or a logarithmic one).
    """

    known: bool
    dimension: str
    factor: float | None = None
    base: str | None = None


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The one unit registry (building one takes a while)."""
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=512)
def _unit(name: str):
    import pint

    try:
        return registry().parse_units(name)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError,
            ValueError, TypeError, AssertionError):
        return None


@lru_cache(maxsize=1)
def _table() -> Mapping[str, UnitFacts]:
    """The shipped table of :class:`UnitFacts`, by unit name."""
    rows = json.loads(UNITS_FILE.read_text(encoding="utf-8"))
    return {name: UnitFacts(**row) for name, row in rows.items()}


@lru_cache(maxsize=512)
def dimension_of(unit: str) -> str:
    """The dimension of ``unit`` ("mile" -> "length"), or the unit itself if pint does not know it.

    >>> dimension_of("acre"), dimension_of("km/h"), dimension_of("magnitude")
    ('area', 'speed', 'magnitude')
    """
    facts = _table().get(unit)
    if facts is not None:
        return facts.dimension
    return _pint_dimension(unit)


def _pint_dimension(unit: str) -> str:
    u = _unit(unit)
    if u is None:
        return unit
    dim = str(u.dimensionality)
    return _DIMENSION_NAMES.get(dim, dim)


def to_base(value: float, unit: str | None) -> tuple[float, str | None]:
    """``value`` in the base unit of its dimension (metres, kilograms, seconds...).

    Unknown units and currencies come back unchanged.

    >>> round(to_base(1, "mile")[0], 3)
    1609.344
    >>> to_base(0, "degC")
    (273.15, 'kelvin')
    """
    if unit is None:
        return value, None
    facts = _table().get(unit)
    if facts is not None:
        if not facts.known:
            return value, unit
        if facts.factor is not None:
            return float(value * facts.factor), facts.base
    u = _unit(unit)
    if u is None:
        return value, unit
    linear = _base_factor(unit)
    if linear is not None:
        factor, base = linear
        return float(value * factor), base
    q = registry().Quantity(value, u).to_base_units()
    return float(q.magnitude), str(q.units)


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to``, a unit of the same dimension.

    Through the base unit, so any two units the reader gives convert both ways: km/h
    and mph, hectares and acres, litres and gallons, degC and degF (with their offset).

    Raises
    ------
    UnitError
        Either unit is unknown to pint (a currency, "storm_category"), or the two
        measure different things.

    Examples
    --------
    >>> round(convert(100, "kilometer/hour", "mile/hour"), 3), round(convert(62.137, "mile/hour", "kilometer/hour"), 3)
    (62.137, 100.0)
    >>> round(convert(30, "degC", "degF"), 9), round(convert(86, "degF", "degC"), 9)
    (86.0, 30.0)
    """
    if unit == to:
        return float(value)
    for name in (unit, to):
        if not _known(name):
            raise UnitError(f"cannot convert {unit} to {to}: pint does not know {name} "
                            "(money converts only at a rate: see reconcile.tolerance)")
    if dimension_of(unit) != dimension_of(to):
        raise UnitError(f"cannot convert {unit} ({dimension_of(unit)}) to {to} ({dimension_of(to)})")
    base_value, base = to_base(value, unit)
    linear = _linear(to)
    if linear is not None and linear[1] == base:
        return float(base_value / linear[0])
    reg = registry()  # an offset unit (degC, degF): pint knows how to come back
    return float(reg.Quantity(base_value, _unit(str(base))).to(_unit(to)).magnitude)


def _known(unit: str) -> bool:
    facts = _table().get(unit)
    return facts.known if facts is not None else _unit(unit) is not None


def _linear(unit: str) -> tuple[float, str] | None:
    """``(factor, base)`` of a unit converted by one multiplication, from the table when it
    has the unit (pint is then not loaded)."""
    facts = _table().get(unit)
    if facts is not None and facts.known:
        return (facts.factor, facts.base) if facts.factor is not None and facts.base is not None else None
    return _base_factor(unit)


@lru_cache(maxsize=512)
def _base_factor(unit: str) -> tuple[float, str] | None:
    """``(factor, base unit)`` when ``unit`` converts to base units by one multiplication.

    pint converts such a unit as ``value * factor``, so multiplying by the factor
    gives the very same float while skipping pint's Quantity and unit formatting,
    which cost a judge run most of its time. Offset (degC) and logarithmic (dB)
    units return ``None`` and go through pint each time.
    """
    reg = registry()
    u = _unit(unit)

    def convert(v: float):
        return reg.Quantity(v, u).to_base_units()

    one = convert(1.0)
    factor = one.magnitude
    if not isinstance(factor, float) or convert(0.0).magnitude != 0.0:
        return None
    if any(convert(v).magnitude != v * factor for v in (2.0, -7.5, 1234.5)):
        return None
    return factor, str(one.units)


def unit_facts(unit: str) -> UnitFacts:
    """What pint says of ``unit``, asked afresh (this loads pint)."""
    if _unit(unit) is None:
        return UnitFacts(known=False, dimension=unit)
    linear = _base_factor(unit)
    factor, base = linear if linear is not None else (None, None)
    return UnitFacts(known=True, dimension=_pint_dimension(unit), factor=factor, base=base)


def shipped_unit_names() -> list[str]:
    """Every unit name the shipped number tables give a quantity, sorted."""
    from reconcile.quantities import load_tables

    names = {row["unit"] for row in load_tables().data["units"].values()}
    return sorted(names | set(_EXTRA_UNITS))


def unit_table(names: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The rows of ``data/units.json`` for ``names``, worked out by pint."""
    return {name: _facts_row(unit_facts(name)) for name in sorted(names)}


def _facts_row(facts: UnitFacts) -> dict[str, Any]:
    row: dict[str, Any] = {"known": facts.known, "dimension": facts.dimension}
    if facts.factor is not None:
        row.update(factor=facts.factor, base=facts.base)
    return row


def write_unit_table(path: Path = UNITS_FILE) -> int:
    """Rewrite ``data/units.json`` from pint for :func:`shipped_unit_names`; returns the row count."""
    rows = unit_table(shipped_unit_names())
    lines = (f" {json.dumps(name, ensure_ascii=False)}: {json.dumps(row, ensure_ascii=False)}"
             for name, row in rows.items())
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")  # one unit a line
    return len(rows)


if __name__ == "__main__":
    print(f"wrote {write_unit_table()} units to {UNITS_FILE}", file=sys.stderr)
