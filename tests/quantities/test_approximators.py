"""Tests for reconcile.quantities.approximators: approximators, comparators and vague quantities."""
from __future__ import annotations

import pytest

from reconcile.quantities import parse_quantities

# (id, text, expected mention text, kind, low, high, extra checks)
CASES = [
    # approximations and bounds
    ("approx-about", "about 5,000 fighters", "about 5,000", "count", 5000, 5000,
     {"approximate": True, "qualifier": "about", "tolerance": 0.1}),
    ("approx-some", "some 300 homes", "some 300", "count", 300, 300, {"approximate": True}),
    ("approx-nearly", "nearly 187,000 people", "nearly 187,000", "count", None, 187000,
     {"approximate": True, "high_inclusive": False, "qualifier": "nearly"}),
    ("bound-more-than", "More than 300 pro-government fighters", "More than 300", "count", 300, None,
     {"low_inclusive": False}),
    ("bound-over", "over 1,500 wounded", "over 1,500", "count", 1500, None, {"low_inclusive": False}),
    ("bound-at-least", "killed at least 15 soldiers", "at least 15", "count", 15, None, {"low_inclusive": True}),
    ("bound-fewer-than", "fewer than 20 people", "fewer than 20", "count", None, 20, {"high_inclusive": False}),
    ("bound-up-to", "up to 700 workers", "up to 700", "count", None, 700, {"high_inclusive": True}),
    ("bound-or-more", "300 or more people", "300 or more", "count", 300, None, {"low_inclusive": True}),
    ("bound-plus", "a 300-plus crowd", "300-plus", "count", 300, None, {}),
    # vague
    ("vague-several", "several targets", "several", "count", 3, 9, {"approximate": True}),
    ("vague-dozens", "dozens of homes", "dozens", "count", 24, 99, {"approximate": True}),
    ("vague-tens-of-thousands", "tens of thousands of people", "tens of thousands", "count", 2e4, 99e3, {}),
    ("vague-a-number-of", "a number of IS militants", "a number of", "count", 2, 20, {}),
]


@pytest.mark.parametrize("text,mention,kind,low,high,extra", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_approximators_reads_each_form(reads_as, text, mention, kind, low, high, extra):
    reads_as(text, mention, kind, low, high, extra)


def test_approximators_nearly_widens_down_only():
    (q,) = parse_quantities("nearly 187,000")
    lo, hi, lo_inc, hi_inc = q.widened()
    assert (lo, hi, hi_inc) == (pytest.approx(168300), 187000, False)


def test_approximators_starting_at_is_a_lower_bound():
    (q,) = parse_quantities("severance starting at 16 weeks of salary")
    assert (q.low, q.high, q.low_inclusive, q.unit) == (16.0, None, True, "week")


@pytest.mark.parametrize(("text", "mention", "low", "high"), [
    ("Tesla handed over 1.81 million cars", "1.81 million", 1_810_000, 1_810_000),
    ("police turned over 300 documents", "300", 300, 300),
    ("crowds of over 2,000", "over 2,000", 2000, None),
    ("they handed more than 300 to the court", "more than 300", 300, None),
], ids=["handed-over", "turned-over", "over", "handed-more-than"])
def test_approximators_over_after_a_verb_it_goes_with_is_its_particle(text, mention, low, high):
    [q] = parse_quantities(text)
    assert (q.text, q.low, q.high) == (mention, low, high)
