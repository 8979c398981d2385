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
