"""Tests for reconcile.quantities.magnitudes: "2bn", "10k", "£3m" against "1.8m", "5G" against "10G"."""
from __future__ import annotations

import pytest

from reconcile.quantities import parse_quantities

# (id, text, expected mention text, kind, low, high, extra checks)
CASES = [
    ("magnitude-bn", "a 2bn deficit", "2bn", "count", 2e9, 2e9, {}),
    ("magnitude-k", "10k runners", "10k", "count", 1e4, 1e4, {}),
    ("money-pound-m", "a £1.45m grant", "£1.45m", "money", 1.45e6, 1.45e6, {"unit": "GBP"}),
    ("measure-metres-glued", "I am 1.8m tall", "1.8m", "measure", 1.8, 1.8, {"unit": "meter"}),
    ("magnitude-m-before-plural", "1.4m demonstrators", "1.4m", "count", 1.4e6, 1.4e6, {}),
    ("magnitude-giga", "10G", "10G", "count", 1e10, 1e10, {}),
    ("magnitude-giga-spaced", "1,674.5 G", "1,674.5 G", "count", 1.6745e12, 1.6745e12, {}),
    ("magnitude-k-signed-spaced", "- 10  k", "- 10  k", "count", -1e4, -1e4, {}),
    ("model-5g", "a 5G network", "5G", "model", None, None, {}),
]


@pytest.mark.parametrize("text,mention,kind,low,high,extra", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_magnitudes_reads_each_form(reads_as, text, mention, kind, low, high, extra):
    reads_as(text, mention, kind, low, high, extra)


MILLION_BEFORE_UNIT_CASES = [
    ("million-cubic-metres", "Egypt imports 6m cubic metres a day.", "6m cubic metres", "meter**3", 6e6, 6e6),
    ("million-tonnes", "China produced 1.02bn tonnes of steel and 77m tonnes of LNG.", "77m tonnes",
     "metric_ton", 7.7e7, 7.7e7),
]


@pytest.mark.parametrize("text,mention,unit,low,high", [c[1:] for c in MILLION_BEFORE_UNIT_CASES],
                         ids=[c[0] for c in MILLION_BEFORE_UNIT_CASES])
def test_magnitudes_m_before_a_unit_is_million(text, mention, unit, low, high):
    [q] = [q for q in parse_quantities(text) if q.text == mention]
    assert q.unit == unit
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
