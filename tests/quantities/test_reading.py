"""Tests for reconcile.quantities.reading: a mention becomes a Quantity, every field set, open sides not inclusive."""
from __future__ import annotations

import pytest

from reconcile.model import Quantity
from reconcile.quantities import parse_quantities

# Whole Quantities: the reader builds them with its own constructor (reading.new_quantity),
# which must set every field, each to its own value, as Quantity(...) would.
QUANTITY_CASES = [
    ("approximate-point", "about 5,000 fighters",
     Quantity(text="about 5,000", start=0, end=11, low=5000.0, high=5000.0, low_inclusive=True,
              high_inclusive=True, approximate=True, kind="count", unit=None, qualifier="about",
              tolerance=0.1, rule="approx.about+number.digits", change=None)),
    ("open-high", "more than 300 people",
     Quantity(text="more than 300", start=0, end=13, low=300.0, high=None, low_inclusive=False,
              high_inclusive=False, approximate=False, kind="count", unit=None, qualifier="more than",
              tolerance=0.0, rule="cmp.more_than+number.digits", change=None)),
    ("open-low", "up to 700 workers",
     Quantity(text="up to 700", start=0, end=9, low=None, high=700.0, low_inclusive=False,
              high_inclusive=True, approximate=False, kind="count", unit=None, qualifier="up to",
              tolerance=0.0, rule="cmp.up_to+number.digits", change=None)),
    ("no-value", "an F-16 jet",
     Quantity(text="F-16", start=3, end=7, low=None, high=None, low_inclusive=False,
              high_inclusive=False, approximate=False, kind="model", unit=None, qualifier=None,
              tolerance=0.0, rule="model.shape", change=None)),
    ("unit-and-change", "Sales fell 5% in May",
     Quantity(text="5%", start=11, end=13, low=5.0, high=5.0, low_inclusive=True,
              high_inclusive=True, approximate=False, kind="percent", unit="%", qualifier=None,
              tolerance=0.0, rule="unit.percent", change="down")),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in QUANTITY_CASES], ids=[c[0] for c in QUANTITY_CASES])
def test_reading_mention_becomes_a_quantity_with_every_field(text, expected):
    assert parse_quantities(text) == [expected]
