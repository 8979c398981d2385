"""Tests for reconcile.quantities.reader: the scanner and parse_quantities, on whole articles and any text."""
from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.errors import QuantityError, ReconcileError
from reconcile.model import KINDS
from reconcile.quantities import parse_quantities


def test_reader_number_word_must_start_a_word():
    # the scanner looks for number words after a character that is no ASCII letter;
    # a letter of another script before one is part of the same word
    assert parse_quantities("Zoëten and Andréone") == []
    assert [q.text for q in parse_quantities("café ten, été (five) and six")] == ["ten", "five", "six"]
    assert [q.text for q in parse_quantities("Seven seas")] == ["Seven"]


def test_reader_a_alone_is_never_a_number():
    assert parse_quantities("a man and a dog") == []


def test_reader_non_str_raises_quantityerror():
    with pytest.raises(QuantityError):
        parse_quantities(b"12")  # type: ignore[arg-type]


SEED_EXPECTED = [
    ("about-5000", "about 5,000", "count", 5000, 5000),
    ("few-hundred-to-2000", "a few hundred to as many as 2,000", "count", 200, 2000),
    ("five-air-strikes", "five", "count", 5, 5),
    ("more-than-300", "More than 300", "count", 300, None),
    ("over-1500", "over 1,500", "count", 1500, None),
    ("at-least-15", "at least 15", "count", 15, None),
    ("280-miles", "280 miles", "measure", 280, 280),
    ("21-men", "21", "count", 21, 21),
    ("february-2015", "February 2015", "date", None, None),
    ("second-day", "second", "ordinal", 2, 2),
    ("t-72", "T-72", "model", None, None),
    ("several-targets", "several", "count", 3, 9),
    ("a-number-of", "a number of", "count", 2, 20),
]


@pytest.mark.parametrize("mention,kind,low,high", [c[1:] for c in SEED_EXPECTED], ids=[c[0] for c in SEED_EXPECTED])
def test_reader_seed_articles(seed_text, mention, kind, low, high):
    qs = [q for q in parse_quantities(seed_text) if q.text == mention]
    assert qs, mention
    assert all(q.kind == kind and q.low == low and q.high == high for q in qs)


def test_reader_seed_two_more_raids_and_two_tanks(seed_text):
    text = seed_text
    for phrase in ("two more raids", "two T-72 tanks"):
        at = text.index(phrase)
        (q,) = [q for q in parse_quantities(text) if q.start == at]
        assert (q.text, q.kind, q.value) == ("two", "count", 2)
    assert not [q for q in parse_quantities(text) if q.kind == "count" and q.value in (72.0, 2015.0)]


def test_reader_seed_offsets_slice_back(seed_text):
    text = seed_text
    qs = parse_quantities(text)
    assert qs and all(text[q.start:q.end] == q.text for q in qs)
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list("0123456789 ,.-–$£%/:+aAbmkMnt") + [
    " one ", " hundred ", " and ", " a ", " half ", " million ", " more than ", " between ", " to ",
    " about ", " per cent ", " miles ", "-year-old", " second ", " May ", " T-", " or more "]), max_size=30).map("".join))
def test_reader_never_raises_and_offsets_slice_back(text):
    try:
        qs = parse_quantities(text)
    except ReconcileError:
        return
    for q in qs:
        assert text[q.start:q.end] == q.text
        assert q.kind in KINDS
        for v in (q.low, q.high):
            assert v is None or math.isfinite(v)
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_reader_arbitrary_unicode_never_raises(text):
    try:
        qs = parse_quantities(text)
    except ReconcileError:
        return
    assert all(text[q.start:q.end] == q.text for q in qs)


# Texts that read in quadratic time before issue 15: the reader scanned forward from every
# digit (to the end of a run of slashes, or of "½", each of which is a number).
PATHOLOGICAL_UNITS = [
    ("slash", "1/"),
    ("comma", "1,"),
    ("hyphen", "1-"),
    ("unicode-fraction", "½"),
    ("url-run", "http://example.org/1/"),
    ("mail-run", "a@b.io/1"),
]


def _best_seconds(text: str, runs: int = 3) -> float:
    import time

    best = math.inf
    for _ in range(runs):
        t0 = time.perf_counter()
        parse_quantities(text)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("unit", [u for _, u in PATHOLOGICAL_UNITS], ids=[n for n, _ in PATHOLOGICAL_UNITS])
def test_reader_pathological_runs_read_in_linear_time(unit):
    # Relative, never absolute: four times the text may take about four times as long
    # (sixteen when quadratic); ten leaves room for a noisy machine. Speed itself is
    # measured in benchmarks/pathological.py.
    small, large = ((unit * (n // len(unit) + 1))[:n] for n in (4_000, 16_000))
    assert _best_seconds(large) < 10 * max(_best_seconds(small), 1e-3)
