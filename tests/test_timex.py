"""Time expressions and their dates."""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.timex import (anaphoric, at_calendar_edge, find_times, named_days, narrative_day, normalize,
                             part_of_day, resolve)

TUESDAY = dt.date(2016, 8, 2)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("five air strikes on Monday against targets", ["on Monday"]),
        ("the head of Africa Command said this past spring", ["this past spring"]),
        ("The U.S. military now believes", ["now"]),
        ("in February 2015 when a video showed", ["in February 2015"]),
        ("had risen to 96 by Sunday night", ["by Sunday night"]),
        ("up from 511 a week earlier", ["a week earlier"]),
        ("It may rain in May.", ["in May"]),
        ("He may go.", []),
        ("22 officers had been hurt during the afternoon", ["during the afternoon"]),
        ("six more were found later that day", ["later that day"]),
        ("the night of the storm", []),
    ],
    ids=["weekday", "season", "now", "month-year", "weekday-part", "relative", "month-may", "modal-may",
         "part-of-a-day", "that-day", "no-preposition"],
)
def test_timex_finds(sentence, found):
    assert [t for _, _, t in find_times(sentence)] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Monday", (dt.date(2016, 8, 1), dt.date(2016, 8, 1))),
        ("on Tuesday", (TUESDAY, TUESDAY)),
        ("this past spring", (dt.date(2016, 3, 1), dt.date(2016, 5, 31))),
        ("now", (TUESDAY, TUESDAY)),
        ("last year", (dt.date(2015, 1, 1), dt.date(2015, 12, 31))),
        ("in November", (dt.date(2015, 11, 1), dt.date(2015, 11, 30))),
        ("on 31 January", (dt.date(2016, 1, 31), dt.date(2016, 1, 31))),
        ("in the first quarter of 2023", (dt.date(2023, 1, 1), dt.date(2023, 3, 31))),
        ("during the battle", None),
        ("on 24 and 25 July", (dt.date(2016, 7, 24), dt.date(2016, 7, 25))),
        ("24-25 July", (dt.date(2016, 7, 24), dt.date(2016, 7, 25))),
    ],
    ids=["past-weekday", "same-day", "season", "now", "last-year", "past-month", "day-month", "quarter", "unresolved",
         "two-days", "two-days-dash"],
)
def test_timex_resolves_against_publication(text, expected):
    assert resolve(text, TUESDAY) == expected


def test_timex_relative_needs_publication_date():
    assert resolve("on Monday", None) is None
    assert resolve("in 2019", None) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def test_timex_normalize():
    assert normalize("On Monday,") == "monday"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("last year", dt.date(1, 6, 1), None),
        ("yesterday", dt.date(1, 1, 1), None),
        ("last Friday", dt.date(1, 1, 1), None),
        ("this past spring", dt.date(1, 2, 1), None),
        ("in November", dt.date(1, 2, 1), None),
        ("next Monday", dt.date(9999, 12, 31), None),
        ("next Monday", dt.date(9999, 12, 1), (dt.date(9999, 12, 6), dt.date(9999, 12, 6))),
        ("last year", dt.date(9999, 12, 31), (dt.date(9998, 1, 1), dt.date(9998, 12, 31))),
    ],
    ids=["last-year-in-year-1", "yesterday-of-day-1", "last-friday-of-day-1", "spring-before-year-1",
         "november-before-year-1", "next-monday-after-9999", "next-monday-in-9999", "last-year-in-9999"],
)
def test_timex_calendar_edges_resolve_or_drop(text, published, expected):
    assert resolve(text, published) == expected


@pytest.mark.parametrize(
    ("published", "edge"),
    [(dt.date(1, 1, 1), True), (dt.date(9999, 12, 31), True), (dt.date(2016, 8, 2), False), (None, False)],
    ids=["year-1", "year-9999", "ordinary", "none"],
)
def test_timex_at_calendar_edge(published, edge):
    assert at_calendar_edge(published) is edge


@pytest.mark.parametrize(
    ("sentence", "published", "found", "dates"),
    [("it sold 526,409 cars in October-December.", dt.date(2024, 1, 2), "in October-December",
      (dt.date(2023, 10, 1), dt.date(2023, 12, 31))),
     ("cases rose between October and December", dt.date(2024, 1, 2), "between October and December",
      (dt.date(2023, 10, 1), dt.date(2023, 12, 31))),
     ("sales from January to March 2024", dt.date(2024, 5, 2), "from January to March 2024",
      (dt.date(2024, 1, 1), dt.date(2024, 3, 31))),
     ("in the Nov-Jan season", dt.date(2024, 2, 10), "Nov-Jan", (dt.date(2023, 11, 1), dt.date(2024, 1, 31))),
     # a quarter or a half named without its year: the latest one begun (named) or over (unnamed)
     ("Tesla delivered 484,507 vehicles in the fourth quarter.", dt.date(2024, 1, 2), "in the fourth quarter",
      (dt.date(2023, 10, 1), dt.date(2023, 12, 31))),
     ("It produced 494,989 vehicles in the quarter.", dt.date(2024, 1, 2), "in the quarter",
      (dt.date(2023, 10, 1), dt.date(2023, 12, 31))),
     ("a record $13.51 billion in revenue for its second fiscal quarter", dt.date(2023, 8, 23),
      "for its second fiscal quarter", (dt.date(2023, 4, 1), dt.date(2023, 6, 30))),
     ("Q4 deliveries rose", dt.date(2024, 1, 2), "Q4", (dt.date(2023, 10, 1), dt.date(2023, 12, 31))),
     ("sales in Q1 2023 fell", dt.date(2024, 1, 2), "in Q1 2023", (dt.date(2023, 1, 1), dt.date(2023, 3, 31))),
     ("growth this quarter", dt.date(2024, 2, 10), "this quarter", (dt.date(2024, 1, 1), dt.date(2024, 3, 31))),
     ("in the final quarter of the year", dt.date(2024, 1, 2), "in the final quarter of the year",
      (dt.date(2023, 10, 1), dt.date(2023, 12, 31)))],
    ids=["hyphen", "between-written-after-it-ended", "from-to", "over-the-new-year",
         "named-quarter-is-the-latest-begun", "the-quarter-is-the-latest-over", "fiscal", "q4", "q1-year",
         "this-quarter", "final-quarter"],
)
def test_timex_periods(sentence, published, found, dates):
    [(_, _, text)] = find_times(sentence)
    assert (text, resolve(text, published)) == (found, dates)


@pytest.mark.parametrize("sentence", ["searchers covered about a quarter of the burn zone", "half of the residents left",
                                      "three quarters of voters"])
def test_timex_a_share_is_no_quarter_of_a_year(sentence):
    assert find_times(sentence) == []


@pytest.mark.parametrize(("sentence", "found"), [
    ("Nearly four weeks after flight ET302 crashed, the report came.", []),
    ("Two weeks after the quake, 40 people had died.", []),
    ("It came two days after.", ["two days after"]),
    ("up from 511 a week earlier", ["a week earlier"]),
], ids=["after-a-clause", "after-a-noun", "after-alone", "earlier"])
def test_timex_a_span_counted_from_another_happening_is_no_date(sentence, found):
    assert [t for _, _, t in find_times(sentence)] == found


def test_timex_a_part_of_a_day_is_of_the_day_the_text_told_of():
    text = ("72 people were injured by 10pm on Wednesday. By 8am today the count had risen to 81. "
            "Police said 22 officers had been hurt during the afternoon.")
    published = dt.date(2019, 6, 13)
    days = named_days(text, published)
    assert [day for _, day in days] == [dt.date(2019, 6, 12)]  # "today" says when it was written
    at = text.index("during the afternoon")
    assert anaphoric("during the afternoon") and not anaphoric("on Wednesday afternoon")
    assert resolve("during the afternoon", published) is None  # alone, it names no day
    assert narrative_day(days, at, published) == dt.date(2019, 6, 12)  # the day told of, not the report's
    assert narrative_day(days, 0, published) == published  # no day named before it
    assert narrative_day([], at, None) is None
    # a day named long before the report is history, not the day it tells of
    text = "Marchers took to the streets on Tuesday, above the 1.27 million counted on 31 January. By early evening"
    assert narrative_day(named_days(text, dt.date(2023, 3, 7)), text.index("By early"), dt.date(2023, 3, 7)) \
        == dt.date(2023, 3, 7)
    assert (part_of_day("in morning trading"), part_of_day("during the afternoon"), part_of_day("on Friday")) \
        == ("morning", "afternoon", None)
