"""Tests for reconcile.quantities.changes: "fell 0.7%" (down) and "to 6,912" (the level reached)."""
from __future__ import annotations

import pytest

# the ranges are the other side of the line: one figure (with the direction it states), never a change and a level
CHANGE_CASES = [
    ("pct-then-level", "The Nikkei fell 1.4 per cent to 38,210.",
     [("1.4 per cent", "percent", 1.4, 1.4, "down"), ("38,210", "count", 38210, 38210, "level")]),
    ("pct-year-level", "Car sales jumped 22% in 2023 to 2.4 million.",
     [("22%", "percent", 22, 22, "up"), ("2.4 million", "count", 2.4e6, 2.4e6, "level")]),
    ("money-by-to-money", "Assets grew by $3.1 billion to $41.9 billion.",
     [("$3.1 billion", "money", 3.1e9, 3.1e9, "up"), ("$41.9 billion", "money", 4.19e10, 4.19e10, "level")]),
    ("price-change", "Brent rose $1.20 to $84.50 a barrel.",
     [("$1.20", "money", 1.2, 1.2, "up"), ("$84.50", "money", 84.5, 84.5, "level")]),
    ("points-to-pct", "The yield jumped 20 basis points to 4.3%.",
     [("20", "count", 20, 20, "up"), ("4.3%", "percent", 4.3, 4.3, "level")]),
    ("count-by-to", "The population grew by 1.2 million to 67.3 million.",
     [("1.2 million", "count", 1.2e6, 1.2e6, "up"), ("67.3 million", "count", 6.73e7, 6.73e7, "level")]),
    ("level-only", "The death toll climbed to 87.", [("87", "count", 87, 87, "level")]),
    ("level-record", "Exports rose to a record $3.3 trillion.",
     [("$3.3 trillion", "money", 3.3e12, 3.3e12, "level")]),
    ("down-adverb", "Retail sales were down 3.1% on the month.", [("3.1%", "percent", 3.1, 3.1, "down")]),
    ("from-to-level", "Turnout dropped from 71% to 64%.",
     [("71%", "percent", 71, 71, None), ("64%", "percent", 64, 64, "level")]),
    ("range-after-change", "Prices fell 5 to 7 per cent.", [("5 to 7 per cent", "percent", 5, 7, "down")]),
    ("range-plain", "Officials expect 300 to 400 guests.", [("300 to 400", "count", 300, 400, None)]),
    ("range-money", "The repairs will cost $5bn to $8bn.", [("$5bn to $8bn", "money", 5e9, 8e9, None)]),
    ("range-between", "between 15 and 25 per cent of voters", [("between 15 and 25 per cent", "percent", 15, 25, None)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CHANGE_CASES], ids=[c[0] for c in CHANGE_CASES])
def test_changes_change_and_level_are_two_figures_range_is_one(claim_figures, text, expected):
    got = [(t, k, lo, hi, ch) for t, k, _, lo, hi, ch in claim_figures(text)]
    assert got == [(t, k, pytest.approx(lo), pytest.approx(hi), ch) for t, k, lo, hi, ch in expected]
