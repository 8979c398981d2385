"""Tests for reconcile.quantities: the number reader and its spaCy component."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.errors import DataFileError, QuantityError, ReconcileError
from reconcile.model import KINDS
from reconcile.quantities import FACTORY_NAME, SPANS_KEY, load_tables, parse_quantities

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "clusters" / "libya-sirte-airstrikes"
INF = None

# (text, expected mention text, kind, low, high, extra checks)
CASES = [
    # points, digits and words
    ("digits-separators", "killed 1,234,567 people", "1,234,567", "count", 1234567, 1234567, {}),
    ("digits-decimal", "a rate of 4.75 today", "4.75", "count", 4.75, 4.75, {}),
    ("digits-negative", "it fell to -5 overnight", "-5", "count", -5, -5, {}),
    ("magnitude-million", "1.2 million people", "1.2 million", "count", 1.2e6, 1.2e6, {}),
    ("magnitude-bn", "a 2bn deficit", "2bn", "count", 2e9, 2e9, {}),
    ("magnitude-k", "10k runners", "10k", "count", 1e4, 1e4, {}),
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
    # ranges
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
    # vague
    ("vague-several", "several targets", "several", "count", 3, 9, {"approximate": True}),
    ("vague-dozens", "dozens of homes", "dozens", "count", 24, 99, {"approximate": True}),
    ("vague-tens-of-thousands", "tens of thousands of people", "tens of thousands", "count", 2e4, 99e3, {}),
    ("vague-a-number-of", "a number of IS militants", "a number of", "count", 2, 20, {}),
    # percent, money, measures
    ("percent-sign", "rose 5% in May", "5%", "percent", 5, 5, {"unit": "%"}),
    ("percent-per-cent", "rose 5 per cent", "5 per cent", "percent", 5, 5, {"unit": "%"}),
    ("percent-words", "five percent", "five percent", "percent", 5, 5, {"unit": "%"}),
    ("money-dollar-bn", "$3.5 billion", "$3.5 billion", "money", 3.5e9, 3.5e9, {"unit": "USD"}),
    ("money-bn-dollars", "5.5bn dollars", "5.5bn dollars", "money", 5.5e9, 5.5e9, {"unit": "USD"}),
    ("money-rupiah", "50 million rupiah", "50 million rupiah", "money", 5e7, 5e7, {"unit": "IDR"}),
    ("money-pound-m", "a £1.45m grant", "£1.45m", "money", 1.45e6, 1.45e6, {"unit": "GBP"}),
    ("money-aud", "A$5 million", "A$5 million", "money", 5e6, 5e6, {"unit": "AUD"}),
    ("measure-miles", "Sirte, 280 miles east", "280 miles", "measure", 280, 280, {"unit": "mile"}),
    ("measure-foot-hyphen", "the 984-foot ship", "984-foot", "measure", 984, 984, {"unit": "foot"}),
    ("measure-metre-hyphen", "a 300-metre bridge", "300-metre", "measure", 300, 300, {"unit": "meter"}),
    ("measure-acres", "2,170 acres burned", "2,170 acres", "measure", 2170, 2170, {"unit": "acre"}),
    ("measure-hectares", "880 hectares", "880 hectares", "measure", 880, 880, {"unit": "hectare"}),
    ("measure-tons", "100,000 tons of grain", "100,000 tons", "measure", 1e5, 1e5, {"unit": "ton"}),
    ("measure-pounds", "95,000 pounds of steel", "95,000 pounds", "measure", 95000, 95000, {"unit": "pound"}),
    ("measure-km", "72 kilometres away", "72 kilometres", "measure", 72, 72, {"unit": "kilometer"}),
    ("measure-weeks", "for 16 weeks", "16 weeks", "measure", 16, 16, {"unit": "week"}),
    ("measure-months", "six months later", "six months", "measure", 6, 6, {"unit": "month"}),
    ("measure-age", "a 47-year-old man", "47-year-old", "measure", 47, 47, {"unit": "year"}),
    ("measure-mph", "winds of 80 mph", "80 mph", "measure", 80, 80, {"unit": "mile/hour"}),
    ("measure-celsius", "5 degrees Celsius", "5 degrees Celsius", "measure", 5, 5, {"unit": "degC"}),
    ("measure-magnitude", "a magnitude 6.8 earthquake", "magnitude 6.8", "measure", 6.8, 6.8, {"unit": "dimensionless"}),
    ("measure-magnitude-hyphen", "a magnitude-6.8 quake", "magnitude-6.8", "measure", 6.8, 6.8,
     {"unit": "dimensionless"}),
    ("measure-metres-glued", "I am 1.8m tall", "1.8m", "measure", 1.8, 1.8, {"unit": "meter"}),
    ("count-containers", "4,700 containers", "4,700", "count", 4700, 4700, {}),
    ("count-seat-stadium", "a 42,000-seat stadium", "42,000", "count", 42000, 42000, {}),
    ("magnitude-m-before-plural", "1.4m demonstrators", "1.4m", "count", 1.4e6, 1.4e6, {}),
    ("magnitude-giga", "10G", "10G", "count", 1e10, 1e10, {}),
    ("magnitude-giga-spaced", "1,674.5 G", "1,674.5 G", "count", 1.6745e12, 1.6745e12, {}),
    ("magnitude-k-signed-spaced", "- 10  k", "- 10  k", "count", -1e4, -1e4, {}),
    ("magnitude-lakh-crore", "a budget of three lakh crore", "three lakh crore", "count", 3e12, 3e12, {}),
    ("words-and-hundredths", "two hundred and fifty-four hundredths", "two hundred and fifty-four hundredths",
     "count", 200.54, 200.54, {}),
    ("words-one-over-ordinal", "one one hundred fifth", "one one hundred fifth", "count", 1 / 105, 1 / 105, {}),
    ("ordinal-hundred-and-fifth", "the one hundred and fifth anniversary", "one hundred and fifth", "ordinal",
     105, 105, {}),
    # things that are never counts
    ("model-5g", "a 5G network", "5G", "model", None, None, {}),
    ("ordinal-digits", "the 21st century", "21st", "ordinal", 21, 21, {}),
    ("ordinal-word", "for the second day", "second", "ordinal", 2, 2, {}),
    ("year-in", "in 2015 the city", "2015", "year", 2015, 2015, {}),
    ("date-month-year", "in February 2015 when", "February 2015", "date", None, None, {}),
    ("date-day-month", "on 4 August 2016", "4 August 2016", "date", None, None, {}),
    ("date-month-day", "on May 4th", "May 4th", "date", None, None, {}),
    ("time-am", "at 1:30 am", "1:30 am", "time", None, None, {}),
    ("time-pm", "at 11:11 pm", "11:11 pm", "time", None, None, {}),
    ("phone", "call +44 20 7946 0958 now", "+44 20 7946 0958", "phone", None, None, {}),
    ("model-t72", "two T-72 tanks", "T-72", "model", None, None, {}),
    ("model-f16", "an F-16 jet", "F-16", "model", None, None, {}),
    ("model-boeing", "a Boeing 737 jet", "Boeing 737", "model", None, None, {}),
    ("model-covid", "COVID-19 cases", "COVID-19", "model", None, None, {}),
]


@pytest.mark.parametrize("text,mention,kind,low,high,extra", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quantities_reads_each_form(text, mention, kind, low, high, extra):
    found = {q.text: q for q in parse_quantities(text)}
    assert mention in found, f"{mention!r} not in {list(found)}"
    q = found[mention]
    assert q.kind == kind
    assert q.low == (pytest.approx(low) if low is not None else None)
    assert q.high == (pytest.approx(high) if high is not None else None)
    for key, want in extra.items():
        assert getattr(q, key) == want, key


def test_quantities_score_is_two_counts_not_a_range():
    qs = parse_quantities("Spain won 3-2 last night")
    assert [(q.text, q.value, q.rule) for q in qs] == [("3", 3, "score"), ("2", 2, "score")]


def test_quantities_change_from_to_is_two_numbers():
    qs = parse_quantities("The toll rose from 300 to 500.")
    assert [q.value for q in qs] == [300, 500]


def test_quantities_one_after_that_is_a_pronoun_unless_a_range_starts():
    assert parse_quantities("that one is big") == []
    [q] = parse_quantities("NOAA predicts that one to three will be major hurricanes")
    assert (q.text, q.low, q.high) == ("one to three", 1.0, 3.0)


@pytest.mark.parametrize("text,expected", [
    ("٣٠٠ people were killed", [("٣٠٠", 300.0)]),  # Arabic-Indic digits
    ("about ３００ people", [("about ３００", 300.0)]),  # fullwidth digits
    ("“We saw 12 tanks” and ½ of them burned", [("12", 12.0), ("½", 0.5)]),
    ("We saw 12 tanks and 3 trucks", [("12", 12.0), ("3", 3.0)]),  # ASCII: the scanner's fast path
])
def test_quantities_reads_digits_of_any_script(text, expected):
    assert [(q.text, q.low) for q in parse_quantities(text)] == expected


def test_quantities_number_word_must_start_a_word():
    # the scanner looks for number words after a character that is no ASCII letter;
    # a letter of another script before one is part of the same word
    assert parse_quantities("Zoëten and Andréone") == []
    assert [q.text for q in parse_quantities("café ten, été (five) and six")] == ["ten", "five", "six"]
    assert [q.text for q in parse_quantities("Seven seas")] == ["Seven"]


def test_quantities_a_alone_is_never_a_number():
    assert parse_quantities("a man and a dog") == []


def test_quantities_nearly_widens_down_only():
    (q,) = parse_quantities("nearly 187,000")
    lo, hi, lo_inc, hi_inc = q.widened()
    assert (lo, hi, hi_inc) == (pytest.approx(168300), 187000, False)


def _seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt")))


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
def test_quantities_seed_articles(mention, kind, low, high):
    qs = [q for q in parse_quantities(_seed_text()) if q.text == mention]
    assert qs, mention
    assert all(q.kind == kind and q.low == low and q.high == high for q in qs)


def test_quantities_seed_two_more_raids_and_two_tanks():
    text = _seed_text()
    for phrase in ("two more raids", "two T-72 tanks"):
        at = text.index(phrase)
        (q,) = [q for q in parse_quantities(text) if q.start == at]
        assert (q.text, q.kind, q.value) == ("two", "count", 2)
    assert not [q for q in parse_quantities(text) if q.kind == "count" and q.value in (72.0, 2015.0)]


def test_quantities_seed_offsets_slice_back():
    text = _seed_text()
    qs = parse_quantities(text)
    assert qs and all(text[q.start:q.end] == q.text for q in qs)
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))


def test_quantities_user_table_overrides_and_extends(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[vague.a_few]\nphrases = ["a few"]\nlow = 3\nhigh = 4\n\n'
                    '[units.furlong]\nphrases = ["furlongs", "furlong"]\nunit = "furlong"\nkind = "measure"\n',
                    encoding="utf-8")
    tables = load_tables(mine)
    (few,) = parse_quantities("a few people", tables=tables)
    assert (few.low, few.high, few.rule) == (3, 4, "vague.a_few")
    (fur,) = parse_quantities("ran 5 furlongs", tables=tables)
    assert (fur.unit, fur.rule) == ("furlong", "unit.furlong")
    (default,) = parse_quantities("a few people")
    assert (default.low, default.high) == (2, 5)


def test_quantities_bad_user_table_raises_datafileerror(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[vague.x]\nphrases = ["x"]\nlow = 5\nhigh = 1\n', encoding="utf-8")
    with pytest.raises(DataFileError):
        load_tables(bad)
    with pytest.raises(DataFileError):
        load_tables(tmp_path / "missing.toml")


def test_quantities_non_str_raises_quantityerror():
    with pytest.raises(QuantityError):
        parse_quantities(b"12")  # type: ignore[arg-type]


def test_quantities_spacy_component():
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY_NAME)
    doc = nlp("ISIS had about 5,000 fighters and two T-72 tanks in Sirte.")
    spans = doc.spans[SPANS_KEY]
    assert [s.text for s in spans] == ["about 5,000", "two", "T-72"]
    assert [s._.quantity.kind for s in spans] == ["count", "count", "model"]
    assert spans[0]._.quantity.value == 5000


# ---- properties

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
@given(st.integers(min_value=0, max_value=10**12), st.booleans())
def test_quantities_digits_round_trip(n, separators):
    written = f"{n:,}" if separators else str(n)
    qs = parse_quantities(f"they counted {written} of them")
    assert len(qs) == 1
    assert qs[0].text == written
    assert qs[0].low == n or (qs[0].kind == "year" and qs[0].low == n)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**11))
def test_quantities_words_round_trip(n):
    written = _words(n)
    qs = parse_quantities(f"they counted {written} of them")
    assert [q.text for q in qs] == [written]
    assert qs[0].low == n


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list("0123456789 ,.-–$£%/:+aAbmkMnt") + [
    " one ", " hundred ", " and ", " a ", " half ", " million ", " more than ", " between ", " to ",
    " about ", " per cent ", " miles ", "-year-old", " second ", " May ", " T-", " or more "]), max_size=30).map("".join))
def test_quantities_never_raises_and_offsets_slice_back(text):
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
def test_quantities_arbitrary_unicode_never_raises(text):
    try:
        qs = parse_quantities(text)
    except ReconcileError:
        return
    assert all(text[q.start:q.end] == q.text for q in qs)


@pytest.mark.parametrize(
    ("text", "share"),
    [("Four out of five regional trains were cancelled", 80.0), ("one out of three", 100 / 3),
     ("2 out of every 10 voters", 20.0)],
    ids=["four-out-of-five", "one-out-of-three", "out-of-every"],
)
def test_quantities_out_of_is_a_share(text, share):
    (q,) = parse_quantities(text)
    assert q.kind == "percent" and q.unit == "%" and q.value == pytest.approx(share)
    assert text[q.start:q.end] == q.text


def test_quantities_starting_at_is_a_lower_bound():
    (q,) = parse_quantities("severance starting at 16 weeks of salary")
    assert (q.low, q.high, q.low_inclusive, q.unit) == (16.0, None, True, "week")
