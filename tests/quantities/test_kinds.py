"""Tests for reconcile.quantities.kinds: no count (dates, times, phones, models, labels, years, ages, URLs, "one")."""
from __future__ import annotations

import pytest

from reconcile.quantities import parse_quantities

# (id, text, expected mention text, kind, low, high, extra checks)
CASES = [
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
    ("label-lowercase", "the crash of Jeju Air flight 2216 at Muan", "flight 2216", "model", None, None, {}),
    ("label-highway", "the interchange with highway 35", "highway 35", "model", None, None, {}),
]


@pytest.mark.parametrize("text,mention,kind,low,high,extra", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_kinds_reads_each_form(reads_as, text, mention, kind, low, high, extra):
    reads_as(text, mention, kind, low, high, extra)


def test_kinds_one_after_that_is_a_pronoun_unless_a_range_starts():
    assert parse_quantities("that one is big") == []
    [q] = parse_quantities("NOAA predicts that one to three will be major hurricanes")
    assert (q.text, q.low, q.high) == ("one to three", 1.0, 3.0)


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
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in NOT_COUNT_CASES], ids=[c[0] for c in NOT_COUNT_CASES])
def test_kinds_labels_clocks_and_idioms_are_not_counts(claim_figures, text, expected):
    assert claim_figures(text) == expected


AGE_APPOSITION_CASES = [
    ("age-apposition", "Peter Brown, 52, of Swansea, denies the charge.", "52", "year", 52, "unit.age_apposition"),
    ("age-apposition-woman", "Ms Khan, 38, said she was relieved.", "38", "year", 38, "unit.age_apposition"),
]


@pytest.mark.parametrize("text,mention,unit,value,rule", [c[1:] for c in AGE_APPOSITION_CASES],
                         ids=[c[0] for c in AGE_APPOSITION_CASES])
def test_kinds_ages_in_apposition_are_measures_not_counts(text, mention, unit, value, rule):
    [q] = [q for q in parse_quantities(text) if q.text == mention]
    assert (q.kind, q.unit, q.value, q.rule) == ("measure", unit, value, rule)


def test_kinds_a_list_after_a_comma_is_no_age():
    assert [q.kind for q in parse_quantities("In March, 45 people died.")] == ["count"]


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
def test_kinds_digits_of_urls_and_e_mails_are_no_numbers(text, numbers):
    assert [q.text for q in parse_quantities(text) if q.low is not None] == numbers
