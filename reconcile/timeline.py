"""When a claim holds: the kind of its time, the dates it stands for, and whether its
figure is a running total.

A figure is always *as of* some time. The claim reader finds the time a sentence states
("on Monday", "by Sunday night", "in 2019"); this module says what kind of time that is
and fills in the rest:

- **cut-off**: "by Wednesday evening", "as of 6 pm", "so far", "to date". The
  figure is a running total up to that moment.
- **point**: "on Tuesday", "on 12 June", "now". The figure is what happened, or stood, that day.
- **period**: "in 2019", "last year", "this past spring", "during the battle". The figure
  covers the period; a period long before the article is history.
- **publication**: nothing stated. The figure is as of the article's publication date.
- **unknown**: nothing stated and no publication date.

A *running* figure is one that accumulates and is re-reported as it grows: a toll (the
claim's topic is something that happens to people and is counted as it is learnt: deaths,
injuries, the missing, arrests, cases, evacuees), or any figure stated with a cut-off. Two reports of a running figure at different
times are an update when the value moved, and a conflict when the later is lower than
the earlier could be. A count of something that happened once ("five air strikes on
Monday") is not running: two articles published on different days still speak of the same
strikes, so a different value there is a conflict, not an update.

>>> import datetime as dt
>>> time_kind("by Sunday night"), time_kind("on Monday"), time_kind("in 2019"), time_kind("")
('cut-off', 'point', 'period', 'publication')
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from reconcile import timex
from reconcile.model import Claim

CUT_OFF_LEADS = ("by ", "as of ", "until ", "till ", "up to ")
CUT_OFF_WORDS = frozenset({"so far", "to date"})
PRESENT_WORDS = frozenset({"now", "currently", "at present", "today", "tonight"})
PERIOD_LEADS = ("in ", "during ", "throughout ", "since ", "between ", "last ", "this ", "past ", "earlier ",
                "from ")
RUNNING_TOPICS = frozenset({"death", "injury", "missing", "arrest", "case", "evacuee"})
"""Topics of tolls counted as they are learnt; the defaults of :func:`is_running`."""


@lru_cache(maxsize=4096)
def time_kind(text: str, *, published: dt.date | None = dt.date.min) -> str:
    """The kind of a stated time: ``cut-off``, ``point``, ``period``, ``publication`` or ``unknown``.

    ``published`` is only consulted when nothing is stated: ``None`` there makes the
    kind ``unknown`` (default: a date is known).

    >>> time_kind("as of 11 pm"), time_kind("so far"), time_kind("a week earlier")
    ('cut-off', 'cut-off', 'point')
    >>> time_kind("", published=None)
    'unknown'
    """
    t = " ".join(text.lower().replace(",", " ").split())
    if not t:
        return "publication" if published is not None else "unknown"
    if t.startswith(CUT_OFF_LEADS) or t in CUT_OFF_WORDS:
        return "cut-off"
    if t in PRESENT_WORDS:
        return "point"  # the day it was written, like an unstated time, but said
    words = t.split()
    if timex.anaphoric(t):
        return "point"  # "during the afternoon": of a day the article named before
    if any(w in timex.WEEKDAYS for w in words) or "yesterday" in words or (
            any(w.isdigit() and len(w) <= 2 for w in words) and any(w[:3] in _MONTH_PREFIXES for w in words)):
        return "point"
    if t.startswith(PERIOD_LEADS) or any(len(w) == 4 and w.isdigit() for w in words):
        return "period"
    if words[-1] in ("earlier", "ago", "before", "later", "after"):
        return "point"
    return "period"


_MONTH_PREFIXES = frozenset(m[:3] for m in timex.MONTHS)


def as_of(c: Claim) -> tuple[dt.date, dt.date] | None:
    """The dates a claim holds for: its stated time resolved, else its publication date.

    ``None`` when neither is known (a stated time that cannot be resolved, and no
    publication date to fall back on, counts as unknown).
    """
    published = c.extra.get("published")
    if c.time_start and c.time_end:
        if published and c.extra.get("time_rule") == "event" and is_running(c) \
                and time_kind(c.time_text) == "point" and dt.date.fromisoformat(published) > c.time_end:
            # "killing 820 people late on Friday", written on Saturday: the day dates the
            # quake, the toll is what was known when the article was written
            d = dt.date.fromisoformat(published)
            return d, d
        return c.time_start, c.time_end
    if c.time_text:
        return None
    if published:
        d = dt.date.fromisoformat(published)
        return d, d
    return None


def is_running(c: Claim, *, topics: Iterable[str] = RUNNING_TOPICS) -> bool:
    """Whether a claim's figure is a running total that grows as it is re-reported.

    Parameters
    ----------
    c
        The claim.
    topics
        Topics counted as they are learnt (default :data:`RUNNING_TOPICS`).
    """
    if c.quantity.change in ("up", "down"):
        return False  # the size of a change is not the total it changed
    kind = time_kind(c.time_text)
    if kind == "cut-off":
        return True
    return c.quantity.kind == "count" and c.topic in frozenset(topics) and kind != "period"


def order(a: Claim, b: Claim) -> tuple[Claim, Claim] | None:
    """The two claims earlier first, when their times are known and do not overlap; else ``None``."""
    pa, pb = as_of(a), as_of(b)
    if pa is None or pb is None:
        return None
    if pa[1] < pb[0]:
        return a, b
    if pb[1] < pa[0]:
        return b, a
    return None
