"""Time expressions and their dates."""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.timex import find_times, normalize, resolve

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
    ],
    ids=["weekday", "season", "now", "month-year", "weekday-part", "relative", "month-may", "modal-may"],
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
    ],
    ids=["past-weekday", "same-day", "season", "now", "last-year", "past-month", "day-month", "quarter", "unresolved"],
)
def test_timex_resolves_against_publication(text, expected):
    assert resolve(text, TUESDAY) == expected


def test_timex_relative_needs_publication_date():
    assert resolve("on Monday", None) is None
    assert resolve("in 2019", None) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def test_timex_normalize():
    assert normalize("On Monday,") == "monday"
