"""Tests for reconcile.quantities.digits: numbers in digits (separators, scripts, exponents, "3rd", "½")."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.quantities import parse_quantities

# (id, text, expected mention text, kind, low, high, extra checks)
CASES = [
    ("digits-separators", "killed 1,234,567 people", "1,234,567", "count", 1234567, 1234567, {}),
    ("digits-decimal", "a rate of 4.75 today", "4.75", "count", 4.75, 4.75, {}),
    ("digits-negative", "it fell to -5 overnight", "-5", "count", -5, -5, {}),
    ("ordinal-digits", "the 21st century", "21st", "ordinal", 21, 21, {}),
]


@pytest.mark.parametrize("text,mention,kind,low,high,extra", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_digits_reads_each_form(reads_as, text, mention, kind, low, high, extra):
    reads_as(text, mention, kind, low, high, extra)


@pytest.mark.parametrize("text,expected", [
    ("٣٠٠ people were killed", [("٣٠٠", 300.0)]),  # Arabic-Indic digits
    ("about ３００ people", [("about ３００", 300.0)]),  # fullwidth digits
    ("“We saw 12 tanks” and ½ of them burned", [("12", 12.0), ("½", 0.5)]),
    ("We saw 12 tanks and 3 trucks", [("12", 12.0), ("3", 3.0)]),  # ASCII: the scanner's fast path
], ids=["arabic-indic", "fullwidth", "quotes-and-fraction", "ascii"])
def test_digits_reads_any_script(text, expected):
    assert [(q.text, q.low) for q in parse_quantities(text)] == expected


SCIENTIFIC_CASES = [
    ("sci-caret", "Each chip holds 1.6×10^10 transistors.", "1.6×10^10", None, 1.6e10, 1.6e10),
    ("sci-e", "The model has 7e9 parameters.", "7e9", None, 7e9, 7e9),
    ("sci-times-superscript", "The sun is 1.5 × 10¹¹ metres away.", "1.5 × 10¹¹ metres", "meter", 1.5e11, 1.5e11),
]


@pytest.mark.parametrize("text,mention,unit,low,high", [c[1:] for c in SCIENTIFIC_CASES],
                         ids=[c[0] for c in SCIENTIFIC_CASES])
def test_digits_reads_scientific_notation(text, mention, unit, low, high):
    [q] = [q for q in parse_quantities(text) if q.text == mention]
    assert q.unit == unit
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


TEXT_CASES = [
    ("fraction-glued-million", "Some 2½ million tickets were sold.", "Some 2½ million", 2.5e6),
    ("fraction-glued", "The journey took 3½ hours.", "3½ hours", 3.5),
    ("fraction-alone-million", "A further ½ million doses arrived.", "½ million", 5e5),
    ("zero-width-space", "Officials counted 1\u200b200 ballots.", "1\u200b200", 1200),
    ("soft-hyphen", "The ship carries 18\u00ad000 containers.", "18\u00ad000", 18000),
    ("word-joiner", "There are 3\u2060500 beds.", "3\u2060500", 3500),
    ("swiss-thousands", "Geneva counts 203'000 residents.", "203'000", 203000),
    ("swiss-thousands-curly", "The canton paid 1’250’000 francs.", "1’250’000 francs", 1_250_000),
    ("thin-space", "Attendance reached 52\u2009000.", "52\u2009000", 52000),
    ("superscript", "Roughly 10⁹ cells divide.", "Roughly 10⁹", 1e9),
    ("superscript-negative", "The error is 10⁻⁶ of the signal.", "10⁻⁶", 1e-6),
]


@pytest.mark.parametrize("text,mention,value", [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES])
def test_digits_reads_numbers_through_invisible_and_special_characters(text, mention, value):
    [q] = [q for q in parse_quantities(text) if q.low is not None]
    assert q.text == mention
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["45¹ footnote", "a 5'10\" man"], ids=["footnote", "feet-inches"])
def test_digits_superscript_and_apostrophe_are_no_number_elsewhere(text):
    assert all(q.value not in (451.0, 45e1, 510.0, 5e10) for q in parse_quantities(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["\x00", "1", "2", "0", ",", ".", " ", "$", "m", "½", "\u200b", "'", "to", "%"]),
                max_size=25).map("".join))
def test_digits_nul_byte_never_inside_a_mention(text):
    qs = parse_quantities(text)
    assert all("\x00" not in q.text and text[q.start:q.end] == q.text for q in qs)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.booleans())
def test_digits_round_trip(n, separators):
    written = f"{n:,}" if separators else str(n)
    qs = parse_quantities(f"they counted {written} of them")
    assert len(qs) == 1
    assert qs[0].text == written
    assert qs[0].low == n or (qs[0].kind == "year" and qs[0].low == n)
