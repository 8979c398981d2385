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


# ---- news as it is written (issue 14, items 1-4; issue 15, item 8)

def _claim_figures(text: str) -> list[tuple]:
    """The figures a claim can be made of: (text, kind, unit, low, high, change)."""
    return [(q.text, q.kind, q.unit, q.low, q.high, q.change) for q in parse_quantities(text)
            if q.kind in ("count", "percent", "money", "measure") and "score" not in q.rule.split("+")]


CURRENCY_CASES = [
    ("dollar-us-glued", "The regulator imposed a $US7,250,000 penalty.", "$US7,250,000", "USD", 7_250_000),
    ("dollar-us-glued-m", "The miner booked a $US1.5m write-down.", "$US1.5m", "USD", 1.5e6),
    ("us-dollar-prefix", "Washington approved a US$95 million aid package.", "US$95 million", "USD", 9.5e7),
    ("dollar-a-glued", "The Brisbane home fetched $A2,480,000.", "$A2,480,000", "AUD", 2_480_000),
    ("a-dollar", "Woolworths set aside A$390 million.", "A$390 million", "AUD", 3.9e8),
    ("c-dollar", "Shopify lost C$1.2 billion in the quarter.", "C$1.2 billion", "CAD", 1.2e9),
    ("dollar-c-glued", "Quebec spent $C45 million on the bridge.", "$C45 million", "CAD", 4.5e7),
    ("nz-dollar", "Fonterra paid NZ$8.20 per kilo.", "NZ$8.20", "NZD", 8.2),
    ("dollar-nz-glued", "The Auckland council borrowed $NZ300,000.", "$NZ300,000", "NZD", 300_000),
    ("hk-dollar", "The flat sold for HK$12.8 million.", "HK$12.8 million", "HKD", 1.28e7),
    ("dollar-hk-glued", "Bail was set at $HK50,000.", "$HK50,000", "HKD", 50_000),
    ("s-dollar", "DBS earned S$2.7 billion.", "S$2.7 billion", "SGD", 2.7e9),
    ("r-dollar", "Vale will pay R$37.7 billion in damages.", "R$37.7 billion", "BRL", 3.77e10),
    ("ringgit-glued", "The minister was fined RM30,000.", "RM30,000", "MYR", 30_000),
    ("ringgit-spaced", "Petronas posted RM 24.6 billion in profit.", "RM 24.6 billion", "MYR", 2.46e10),
    ("rupee-rs-glued", "The trust received Rs2,500 crore.", "Rs2,500 crore", "INR", 2.5e10),
    ("rupee-sign", "Rail fares rose to ₹1,450.", "₹1,450", "INR", 1450),
    ("rupiah-rp", "The port cost Rp4.2 trillion.", "Rp4.2 trillion", "IDR", 4.2e12),
    ("euro-sign", "Brussels fined Google €2.4bn.", "€2.4bn", "EUR", 2.4e9),
    ("pound-sign", "She won £1,000,000 on the lottery.", "£1,000,000", "GBP", 1e6),
    ("yen-sign", "Sony booked ¥850 billion.", "¥850 billion", "JPY", 8.5e11),
    ("iso-before", "Vodafone agreed to pay EUR 130 million.", "EUR 130 million", "EUR", 1.3e8),
    ("iso-before-m", "Funding of USD 12m was announced.", "USD 12m", "USD", 1.2e7),
    ("iso-after-m", "The transfer fee was 80m EUR.", "80m EUR", "EUR", 8e7),
    ("iso-after", "Kenya raised 1.5 billion USD in bonds.", "1.5 billion USD", "USD", 1.5e9),
]


@pytest.mark.parametrize("text,mention,unit,value", [c[1:] for c in CURRENCY_CASES],
                         ids=[c[0] for c in CURRENCY_CASES])
def test_quantities_reads_currency_prefix_with_whole_figure(text, mention, unit, value):
    [(got, kind, got_unit, low, high, _)] = _claim_figures(text)
    assert (got, kind, got_unit) == (mention, "money", unit)
    assert low == high == pytest.approx(value)


@pytest.mark.parametrize("text", ["COVID19 spread fast", "the RMS12 form", "a rm75 file", "the A380 landed"],
                         ids=["covid19", "rms-word", "lowercase-rm", "airbus"])
def test_quantities_letters_glued_to_digits_are_no_currency_unless_one(text):
    assert not [q for q in parse_quantities(text) if q.kind == "money"]


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
def test_quantities_change_and_level_are_two_figures_range_is_one(text, expected):
    got = [(t, k, lo, hi, ch) for t, k, _, lo, hi, ch in _claim_figures(text)]
    assert got == [(t, k, pytest.approx(lo), pytest.approx(hi), ch) for t, k, lo, hi, ch in expected]


@pytest.mark.parametrize("text", ["Results improved 0.4 percent to 312.", "Traffic rose 8 km to 900."],
                         ids=["percent-then-count", "measure-then-count"])
def test_quantities_range_needs_two_values_of_one_kind(text):
    assert not [q for q in parse_quantities(text) if q.rule.startswith("range")]


NOT_COUNT_CASES = [
    ("ligue-1", "Lens climbed to third in Ligue 1 on Sunday.", []),
    ("windows-11", "The flaw affects Windows 11 machines.", []),
    ("game-n", "Boston forced a Game 7 on Thursday.", []),
    ("season-n", "Season 4 of the drama airs in May.", []),
    ("update-n", "UPDATE 2-Gold hits record as dollar weakens", []),
    ("flight-n", "Flight 9525 crashed in the Alps.", []),
    ("index-name", "The FTSE 250 and the Nikkei 225 closed flat.", []),
    ("clock-dot-zone", "The first explosion came at 09.42 GMT.", []),
    ("clock-four-digits", "Trading halted at 1415 ET.", []),
    ("clock-dot-pm", "The polls close at 10.00pm tonight.", []),
    ("clock-colon-am", "The train left at 7:45 am.", []),
    ("noon", "Protesters gathered at 12 noon outside parliament.", []),
    ("one-of-the", "It is one of the busiest ports in Europe.", []),
    ("one-of-its", "One of its engines caught fire.", []),
    ("a-day-after", "He resigned a day after the vote.", []),
    ("score-before", "Chelsea beat Wolves 4-1 at home.", []),
    ("score-after", "Their 2-0 win was the first of the season.", []),
    ("score-sets", "Alcaraz won 6-3, 7-5.", []),
    ("score-victory", "It was a 31-24 victory for Kansas City.", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in NOT_COUNT_CASES], ids=[c[0] for c in NOT_COUNT_CASES])
def test_quantities_labels_clocks_idioms_and_scores_are_not_counts(text, expected):
    assert _claim_figures(text) == expected


AGE_AND_RATING_CASES = [
    ("age-hyphen", "The 19-year-old was named in the squad.", "19-year-old", "year", 19, "unit.age"),
    ("age-apposition", "Peter Brown, 52, of Swansea, denies the charge.", "52", "year", 52, "unit.age_apposition"),
    ("age-apposition-woman", "Ms Khan, 38, said she was relieved.", "38", "year", 38, "unit.age_apposition"),
    ("category", "Otis struck as a Category 5 hurricane.", "Category 5", "storm_category", 5, "unit.storm_category"),
    ("cat-short", "It was downgraded to a Cat 2 storm.", "Cat 2", "storm_category", 2, "unit.storm_category"),
]


@pytest.mark.parametrize("text,mention,unit,value,rule", [c[1:] for c in AGE_AND_RATING_CASES],
                         ids=[c[0] for c in AGE_AND_RATING_CASES])
def test_quantities_ages_and_ratings_are_measures_not_counts(text, mention, unit, value, rule):
    [q] = [q for q in parse_quantities(text) if q.text == mention]
    assert (q.kind, q.unit, q.value, q.rule) == ("measure", unit, value, rule)


def test_quantities_a_list_after_a_comma_is_no_age():
    assert [q.kind for q in parse_quantities("In March, 45 people died.")] == ["count"]


MEASURE_CASES = [
    ("celsius-glued", "Spain recorded 47.4C in Montoro.", "47.4C", "degC", 47.4, 47.4),
    ("celsius-glued-int", "London hit 40C for the first time.", "40C", "degC", 40, 40),
    ("fahrenheit-glued", "Las Vegas reached 117F.", "117F", "degF", 117, 117),
    ("celsius-spaced", "It was 43.2 C in Athens.", "43.2 C", "degC", 43.2, 43.2),
    ("minus-degrees", "Moscow shivered at minus 25 degrees.", "minus 25 degrees", "temperature_degree", -25, -25),
    ("degrees-hot-f", "Dallas saw 104 degrees on Monday.", "104 degrees", "temperature_degree", 104, 104),
    ("degrees-temperature", "Temperatures of 30 degrees are forecast.", "30 degrees", "temperature_degree", 30, 30),
    ("degrees-angle", "The tower leans at an angle of 4 degrees.", "4 degrees", "degree", 4, 4),
    ("degrees-turn", "The jet turned 90 degrees to the east.", "90 degrees", "degree", 90, 90),
    ("degrees-latitude", "The quake struck at 38 degrees north.", "38 degrees", "degree", 38, 38),
    ("nautical-miles", "The tanker was seized 20 nautical miles offshore.", "20 nautical miles", "nautical_mile", 20, 20),
    ("million-cubic-metres", "Egypt imports 6m cubic metres a day.", "6m cubic metres", "meter**3", 6e6, 6e6),
    ("million-tonnes", "China produced 1.02bn tonnes of steel and 77m tonnes of LNG.", "77m tonnes",
     "metric_ton", 7.7e7, 7.7e7),
    ("plus-minus-percent", "Costs are put at $600m, plus or minus 20%.", "$600m, plus or minus 20%", "USD",
     4.8e8, 7.2e8),
    ("plus-minus-sign", "The estimate is 4.2 ± 0.3 million.", "4.2 ± 0.3 million", None, 3.9e6, 4.5e6),
    ("sci-caret", "Each chip holds 1.6×10^10 transistors.", "1.6×10^10", None, 1.6e10, 1.6e10),
    ("sci-e", "The model has 7e9 parameters.", "7e9", None, 7e9, 7e9),
    ("sci-times-superscript", "The sun is 1.5 × 10¹¹ metres away.", "1.5 × 10¹¹ metres", "meter", 1.5e11, 1.5e11),
    ("percent-of-gdp", "Italy's debt stands at 137 per cent of GDP.", "137 per cent of GDP", "% of GDP", 137, 137),
    ("pct-sign-of-gdp", "Defence spending is 2% of GDP.", "2% of GDP", "% of GDP", 2, 2),
]


@pytest.mark.parametrize("text,mention,unit,low,high", [c[1:] for c in MEASURE_CASES],
                         ids=[c[0] for c in MEASURE_CASES])
def test_quantities_reads_measures_as_news_writes_them(text, mention, unit, low, high):
    [q] = [q for q in parse_quantities(text) if q.text == mention]
    assert q.unit == unit
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text", ["The 13F filing is due.", "a 777F freighter", "five F-16s", "grade 5 C students"],
                         ids=["sec-form", "freighter", "jets", "grade"])
def test_quantities_letter_after_digits_is_no_temperature_without_its_shape(text):
    assert not [q for q in parse_quantities(text) if q.unit in ("degC", "degF")]


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
def test_quantities_reads_numbers_through_invisible_and_special_characters(text, mention, value):
    [q] = [q for q in parse_quantities(text) if q.low is not None]
    assert q.text == mention
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["45¹ footnote", "a 5'10\" man"], ids=["footnote", "feet-inches"])
def test_quantities_superscript_and_apostrophe_are_no_number_elsewhere(text):
    assert all(q.value not in (451.0, 45e1, 510.0, 5e10) for q in parse_quantities(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["\x00", "1", "2", "0", ",", ".", " ", "$", "m", "½", "\u200b", "'", "to", "%"]),
                max_size=25).map("".join))
def test_quantities_nul_byte_never_inside_a_mention(text):
    qs = parse_quantities(text)
    assert all("\x00" not in q.text and text[q.start:q.end] == q.text for q in qs)


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
def test_quantities_pathological_runs_read_in_linear_time(unit):
    # Relative, never absolute: four times the text may take about four times as long
    # (sixteen when quadratic); ten leaves room for a noisy machine. Speed itself is
    # measured in benchmarks/pathological.py.
    small, large = ((unit * (n // len(unit) + 1))[:n] for n in (4_000, 16_000))
    assert _best_seconds(large) < 10 * max(_best_seconds(small), 1e-3)


@pytest.mark.parametrize("text,numbers", [
    ("see http://example.org/2024/03/26/story-5 for 12 photos", ["12"]),
    ("mail jo@smith4.example.co.uk or call 3 times", ["3"]),
    ("www.site123.com lists 40 shops", ["40"]),
    ("a path a/b/" + "c" * 250 + "/7 and 8 cars", ["7", "8"]),  # the scheme is over 200 characters back
    ("http://" + "x" * 250 + "/7 and 8 cars", ["7", "8"]),
    ("5/6 of voters and 3@home", ["5/6", "3"]),
    ("ftp://a/1 http://b/2 x/3", ["3"]),
    ("a.b@c-d.e/1/2/3 4", ["4"]),
], ids=["url", "e-mail", "www", "long-path", "far-scheme", "no-url", "urls-side-by-side", "e-mail-run"])
def test_quantities_digits_of_urls_and_e_mails_are_no_numbers(text, numbers):
    assert [q.text for q in parse_quantities(text) if q.low is not None] == numbers


def test_quantities_run_of_letters_after_a_number_is_no_unit():
    # the unit key is read 64 letters at most: a longer run is no unit, as before
    [q] = parse_quantities("It weighs 5 " + "k" * 100 + " now")
    assert (q.text, q.unit) == ("5", None)
