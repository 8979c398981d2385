"""Tests for reconcile.quantities.words: numbers in words and the cardinal grammar."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.quantities import parse_quantities

# (id, text, expected mention text, kind, low, high, extra checks)
CASES = [
    ("words-five", "five air strikes", "five", "count", 5, 5, {}),
    ("words-twenty-one", "twenty-one men", "twenty-one", "count", 21, 21, {}),
    ("words-hundred-and", "three hundred and twelve people", "three hundred and twelve", "count", 312, 312, {}),
    ("words-dozen", "a dozen eggs", "a dozen", "count", 12, 12, {}),
    ("words-two-dozen", "two dozen eggs", "two dozen", "count", 24, 24, {}),
    ("words-a-hundred", "a hundred people", "a hundred", "count", 100, 100, {}),
    ("words-one-and-a-half-million", "one and a half million people", "one and a half million", "count", 1.5e6, 1.5e6, {}),
    ("words-half-a-million", "half a million people", "half a million", "count", 5e5, 5e5, {}),
    ("words-a-quarter", "a quarter of the homes", "a quarter", "count", 0.25, 0.25, {}),
    ("words-two-thirds", "two thirds of voters", "two thirds", "count", 2 / 3, 2 / 3, {}),
    # digits and a scale word: the cardinal grammar reads them together
    ("magnitude-million", "1.2 million people", "1.2 million", "count", 1.2e6, 1.2e6, {}),
    ("magnitude-lakh-crore", "a budget of three lakh crore", "three lakh crore", "count", 3e12, 3e12, {}),
    ("words-and-hundredths", "two hundred and fifty-four hundredths", "two hundred and fifty-four hundredths",
     "count", 200.54, 200.54, {}),
    ("words-one-over-ordinal", "one one hundred fifth", "one one hundred fifth", "count", 1 / 105, 1 / 105, {}),
    ("ordinal-hundred-and-fifth", "the one hundred and fifth anniversary", "one hundred and fifth", "ordinal",
     105, 105, {}),
    ("ordinal-word", "for the second day", "second", "ordinal", 2, 2, {}),
    # a text whose lower-casing is longer ("İ" -> "i̇") is scanned in its own case
    ("words-text-lowercased-longer", "İzmir: Five hundred people fled", "Five hundred", "count", 500, 500,
     {"start": 7, "end": 19}),
]


@pytest.mark.parametrize("text,mention,kind,low,high,extra", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_words_reads_each_form(reads_as, text, mention, kind, low, high, extra):
    reads_as(text, mention, kind, low, high, extra)


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return _ONES[n // 100] + " hundred" + (" and " + _words(n % 100) if n % 100 else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            return _words(n // size) + " " + name + (" " + _words(n % size) if n % size else "")
    raise AssertionError(n)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**11))
def test_words_round_trip(n):
    written = _words(n)
    qs = parse_quantities(f"they counted {written} of them")
    assert [q.text for q in qs] == [written]
    assert qs[0].low == n
