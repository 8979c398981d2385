"""reconcile.units: the shipped unit table, and pint only where the table has no answer."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reconcile import units


def test_units_table_agrees_with_pint():
    shipped = json.loads(units.UNITS_FILE.read_text(encoding="utf-8"))
    assert shipped == units.unit_table(shipped), "data/units.json is stale: run python -m reconcile.units"


def test_units_table_covers_every_shipped_unit():
    shipped = json.loads(units.UNITS_FILE.read_text(encoding="utf-8"))
    assert sorted(shipped) == units.shipped_unit_names()


@pytest.mark.parametrize("unit", ["mile", "acre", "kilometer/hour", "percent", "%", "degC", "decade", "USD",
                                  "temperature_degree", "furlong", "km/h", "no_such_unit"])
def test_units_table_and_pint_give_the_same_answers(unit):
    facts = units.unit_facts(unit)  # pint, asked afresh
    assert units.dimension_of(unit) == units._pint_dimension(unit) == facts.dimension
    for value in (0.0, 1.0, 28.0, -7.5):
        by_pint = (value, unit) if not facts.known else None
        if facts.known:
            q = units.registry().Quantity(value, units._unit(unit)).to_base_units()
            by_pint = (float(q.magnitude), str(q.units))
        assert units.to_base(value, unit) == by_pint


def test_units_common_conversion_does_not_import_pint():
    code = ("import sys; from reconcile.units import dimension_of, to_base; "
            "print(dimension_of('mile'), to_base(280, 'mile'), to_base(5, 'USD'), 'pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["length", "(450616.32,", "'meter')", "(5,", "'USD')", "False"]


def test_units_unknown_unit_falls_back_to_pint():
    code = "import sys; from reconcile.units import dimension_of; print(dimension_of('furlong'), 'pint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["length", "True"]


def _measure(text, tables=None):
    from reconcile.quantities import parse_quantities

    found = [q for q in parse_quantities(text, tables=tables) if q.kind == "measure"]
    assert len(found) == 1, found
    return found[0]


# Each pair states one quantity in two units, as the number reader reads them from a
# text: the first in one system, the second in the other (exact where the definition
# is exact, else to the digits given).
_SAME_QUANTITY = [
    ("30 °C", "86°F", "temperature", 0.0),
    ("-40C", "-40 degrees Fahrenheit", "temperature", 0.0),
    ("100 degrees Celsius", "212 degrees Fahrenheit", "temperature", 0.0),
    ("100 km/h", "62.1371 mph", "speed", 1e-6),
    ("20 knots", "37.04 kilometres per hour", "speed", 0.0),
    ("10 metres per second", "36 kph", "speed", 0.0),
    ("60 miles per hour", "52.1386 knots", "speed", 1e-6),
    ("5 hectares", "12.3552 acres", "area", 1e-5),
    ("1,000 square kilometres", "386.102 square miles", "area", 1e-6),
    ("2,000 sq ft", "185.8061 sq m", "area", 1e-6),
    ("1.5 km2", "150 hectares", "area", 0.0),
    ("5 litres", "1.32086 gallons", "volume", 1e-5),
    ("10 cubic metres", "10,000 litres", "volume", 0.0),
    ("1 million barrels", "158,987,294.928 litres", "volume", 1e-9),
    ("1 million cubic feet", "28,316.846592 m3", "volume", 1e-9),
]


@pytest.mark.parametrize(("a", "b", "dimension", "rel"), _SAME_QUANTITY,
                         ids=[f"{a}={b}" for a, b, _, _ in _SAME_QUANTITY])
def test_units_read_quantities_convert_to_one_base_value(a, b, dimension, rel):
    qa, qb = _measure(a), _measure(b)
    assert units.dimension_of(qa.unit) == units.dimension_of(qb.unit) == dimension
    (va, base_a), (vb, base_b) = units.to_base(qa.value, qa.unit), units.to_base(qb.value, qb.unit)
    assert base_a == base_b
    assert va == pytest.approx(vb, rel=rel, abs=1e-9)


@pytest.mark.parametrize(("a", "b", "dimension", "rel"), _SAME_QUANTITY,
                         ids=[f"{a}->{b}" for a, b, _, _ in _SAME_QUANTITY])
def test_units_convert_both_ways(a, b, dimension, rel):
    qa, qb = _measure(a), _measure(b)
    assert units.convert(qa.value, qa.unit, qb.unit) == pytest.approx(qb.value, rel=rel, abs=1e-9)
    assert units.convert(qb.value, qb.unit, qa.unit) == pytest.approx(qa.value, rel=rel, abs=1e-9)


@pytest.mark.parametrize(("unit", "to"), [("USD", "EUR"), ("mile", "USD"), ("mile", "acre"), ("degC", "hour"),
                                          ("storm_category", "meter")],
                         ids=["currencies", "length-money", "length-area", "temperature-duration", "unknown-unit"])
def test_units_convert_refuses_what_does_not_convert(unit, to):
    with pytest.raises(units.UnitError):
        units.convert(1.0, unit, to)


def test_units_convert_linear_units_without_pint():
    code = ("import sys; from reconcile.units import convert; "
            "print(round(convert(5, 'hectare', 'acre'), 4), 'pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["12.3552", "False"]


def test_units_a_users_table_adds_units_pint_converts(tmp_path):
    from reconcile.quantities import load_tables

    extra = tmp_path / "units.toml"
    extra.write_text('[units.square_yard]\nphrases = ["square yards", "sq yd"]\nunit = "yard**2"\nkind = "measure"\n'
                     '[units.imperial_gallon]\nphrases = ["imperial gallons"]\nunit = "imperial_gallon"\n'
                     'kind = "measure"\n', encoding="utf-8")
    tables = load_tables(extra)
    yards, gallons = _measure("5,000 square yards", tables), _measure("1,000 imperial gallons", tables)
    assert units.to_base(yards.value, yards.unit) == pytest.approx((4180.6368, "meter ** 2"))
    assert units.convert(gallons.value, gallons.unit, "liter") == pytest.approx(4546.09)


# Written forms the shipped tables name but the number reader does not yet read as the
# unit (found while checking the conversions); strict, so a fix shows up here.
@pytest.mark.xfail(strict=True, reason="number reader: unit not read after the digits")
@pytest.mark.parametrize(("text", "unit"), [("winds of 10 m/s", "meter/second"), ("3 km² of land", "kilometer**2"),
                                            ("a 500 m² flat", "meter**2"), ("200 m³ of water", "meter**3")],
                         ids=["m/s", "km²", "m²", "m³"])
def test_units_reader_reads_compact_unit_symbols(text, unit):
    assert _measure(text).unit == unit
