"""Tests for reconcile.quantities.ranges: ranges, paired bounds, scores, "plus or minus", "out of"."""
from __future__ import annotations

import pytest

from reconcile.quantities import parse_quantities

# (id, text, expected mention text, kind, low, high, extra checks)
CASES = [
    ("range-between", "between 40 and 60 people", "between 40 and 60", "count", 40, 60, {}),
    ("range-to", "40 to 60 people", "40 to 60", "count", 40, 60, {}),
    ("range-dash", "40-60 people", "40-60", "count", 40, 60, {}),
    ("range-from", "from 40 to 60 people", "from 40 to 60", "count", 40, 60, {}),
    ("range-magnitude-carried", "10 to 20 billion people", "10 to 20 billion", "count", 1e10, 2e10, {}),
    ("range-money", "$10-20 million", "$10-20 million", "money", 1e7, 2e7, {"unit": "USD"}),
    ("range-vague-low", "only a few hundred to as many as 2,000 ISIS fighters",
     "a few hundred to as many as 2,000", "count", 200, 2000, {"approximate": True}),
    ("range-between-millions", "police had expected between 1.1 million and 1.4 million demonstrators",
     "between 1.1 million and 1.4 million", "count", 1.1e6, 1.4e6, {"rule": "range.and"}),
    ("range-between-million-words", "between one million and two million people",
     "between one million and two million", "count", 1e6, 2e6, {}),
    ("range-between-billion-carried", "between 10 and 20 billion", "between 10 and 20 billion", "count", 1e10, 2e10, {}),
    ("range-million-to-million", "1.1 million to 1.4 million people", "1.1 million to 1.4 million", "count",
     1.1e6, 1.4e6, {}),
    ("range-from-m-to-m", "from 1.1m to 1.4m demonstrators", "from 1.1m to 1.4m", "count", 1.1e6, 1.4e6, {"unit": None}),
]


@pytest.mark.parametrize("text,mention,kind,low,high,extra", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_ranges_reads_each_form(reads_as, text, mention, kind, low, high, extra):
    reads_as(text, mention, kind, low, high, extra)


def test_ranges_score_is_two_counts_not_a_range():
    qs = parse_quantities("Spain won 3-2 last night")
    assert [(q.text, q.value, q.rule) for q in qs] == [("3", 3, "score"), ("2", 2, "score")]


def test_ranges_change_from_to_is_two_numbers():
    qs = parse_quantities("The toll rose from 300 to 500.")
    assert [q.value for q in qs] == [300, 500]


@pytest.mark.parametrize("text", ["Results improved 0.4 percent to 312.", "Traffic rose 8 km to 900."],
                         ids=["percent-then-count", "measure-then-count"])
def test_ranges_need_two_values_of_one_kind(text):
    assert not [q for q in parse_quantities(text) if q.rule.startswith("range")]


SCORE_CASES = [
    ("score-before", "Chelsea beat Wolves 4-1 at home.", []),
    ("score-after", "Their 2-0 win was the first of the season.", []),
    ("score-sets", "Alcaraz won 6-3, 7-5.", []),
    ("score-victory", "It was a 31-24 victory for Kansas City.", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in SCORE_CASES], ids=[c[0] for c in SCORE_CASES])
def test_ranges_scores_are_not_counts(claim_figures, text, expected):
    assert claim_figures(text) == expected


PLUS_MINUS_CASES = [
    ("plus-minus-percent", "Costs are put at $600m, plus or minus 20%.", "$600m, plus or minus 20%", "USD",
     4.8e8, 7.2e8),
    ("plus-minus-sign", "The estimate is 4.2 ± 0.3 million.", "4.2 ± 0.3 million", None, 3.9e6, 4.5e6),
]


@pytest.mark.parametrize("text,mention,unit,low,high", [c[1:] for c in PLUS_MINUS_CASES],
                         ids=[c[0] for c in PLUS_MINUS_CASES])
def test_ranges_plus_or_minus_is_a_range_around_the_first(text, mention, unit, low, high):
    [q] = [q for q in parse_quantities(text) if q.text == mention]
    assert q.unit == unit
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("text", "share"),
    [("Four out of five regional trains were cancelled", 80.0), ("one out of three", 100 / 3),
     ("2 out of every 10 voters", 20.0)],
    ids=["four-out-of-five", "one-out-of-three", "out-of-every"],
)
def test_ranges_out_of_is_a_share(text, share):
    (q,) = parse_quantities(text)
    assert q.kind == "percent" and q.unit == "%" and q.value == pytest.approx(share)
    assert text[q.start:q.end] == q.text
