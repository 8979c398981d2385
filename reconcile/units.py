"""Units through pint: the dimension of a unit, and values converted to base units.

Currencies are kept apart: a money amount is only ever compared in its own currency.
"""
from __future__ import annotations

from functools import lru_cache

import pint

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


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The one unit registry (building one takes a while)."""
    return pint.UnitRegistry()


@lru_cache(maxsize=512)
def _unit(name: str):
    try:
        return registry().parse_units(name)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError,
            ValueError, TypeError, AssertionError):
        return None


@lru_cache(maxsize=512)
def dimension_of(unit: str) -> str:
    """The dimension of ``unit`` ("mile" -> "length"), or the unit itself if pint does not know it.

    >>> dimension_of("acre"), dimension_of("km/h"), dimension_of("magnitude")
    ('area', 'speed', 'magnitude')
    """
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
    u = _unit(unit)
    if u is None:
        return value, unit
    linear = _base_factor(unit)
    if linear is not None:
        factor, base = linear
        return float(value * factor), base
    q = registry().Quantity(value, u).to_base_units()
    return float(q.magnitude), str(q.units)


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
