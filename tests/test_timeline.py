"""Time semantics: the kind of a claim's time, its dates, and running totals."""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile import timeline
from reconcile.model import Claim, Quantity


def _claim(cid: str, value: float, *, topic: str = "death", time_text: str = "", published: str | None = "2023-08-04",
           time: tuple[dt.date, dt.date] | None = None, change: str | None = None, kind: str = "count") -> Claim:
    q = Quantity(str(value), 0, 1, value, value, kind=kind, change=change)
    extra = {"published": published} if published else {}
    return Claim(cid, cid, 0, 1, "s", 0, str(value), q, topic=topic, time_text=time_text,
                 time_start=time[0] if time else None, time_end=time[1] if time else None, extra=extra)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("by Sunday night", "cut-off"), ("as of 6 pm on Wednesday", "cut-off"), ("so far", "cut-off"),
     ("to date", "cut-off"), ("on Monday", "point"), ("on 26 September", "point"), ("now", "point"),
     ("yesterday", "point"), ("a week earlier", "point"), ("in 2019", "period"), ("this past spring", "period"),
     ("last year", "period"), ("during the battle", "period"), ("in February", "period"), ("", "publication")],
    ids=lambda v: v if isinstance(v, str) and v else "unstated",
)
def test_timeline_time_kind(text, kind):
    assert timeline.time_kind(text) == kind


def test_timeline_time_kind_unknown_without_a_publication_date():
    assert timeline.time_kind("", published=None) == "unknown"


def test_timeline_as_of_falls_back_to_the_publication_date():
    day = dt.date(2023, 8, 1)
    assert timeline.as_of(_claim("a", 5, time_text="on Tuesday", time=(day, day))) == (day, day)
    assert timeline.as_of(_claim("a", 5)) == (dt.date(2023, 8, 4), dt.date(2023, 8, 4))
    # a stated time that could not be resolved is not the publication date
    assert timeline.as_of(_claim("a", 5, time_text="during the battle")) is None
    assert timeline.as_of(_claim("a", 5, published=None)) is None


@pytest.mark.parametrize(
    ("claim", "running"),
    [(_claim("toll", 381), True),
     (_claim("strikes", 5, topic="strike", time_text="on Monday"), False),
     (_claim("cut-off", 70, topic="body", time_text="by evening"), True),
     (_claim("rise", 12, change="up"), False),
     (_claim("period", 96, time_text="in February"), False),
     (_claim("share", 60, topic="turnout", kind="percent"), False)],
    ids=["toll", "event-count", "cut-off", "size-of-a-change", "toll-of-a-period", "percentage"],
)
def test_timeline_is_running(claim, running):
    assert timeline.is_running(claim) is running


def test_timeline_order_puts_the_earlier_first_and_none_when_they_overlap():
    a, b = _claim("a", 1, published="2023-08-04"), _claim("b", 2, published="2023-08-06")
    assert timeline.order(b, a) == (a, b)
    assert timeline.order(a, _claim("c", 3, published="2023-08-04")) is None
