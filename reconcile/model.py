"""The data that flows through reconcile, stage to stage.

``Article`` (sources) -> ``Quantity`` (quantities) -> ``Claim`` (claims) ->
``Finding`` (judge) -> ``Figure`` (figures) -> ``Report`` (report writers). Each is a plain dataclass; the
JSON report is these, serialised with :func:`to_jsonable`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

# Kinds of number mention. Only COUNTABLE_KINDS become claims; the rest are read so
# that they are never mistaken for counts ("T-72", "in 2015", "1:30 am", "+44 20 ...").
KINDS = ("count", "ordinal", "percent", "money", "measure", "year", "date", "time", "phone", "model")
COUNTABLE_KINDS = frozenset({"count", "percent", "money", "measure"})
STATUSES = ("conflict", "update", "review", "agree")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file, a record of a collection, or stdin.

    ``text`` is the text every offset points into: the file's text as decoded, or
    for a saved web page, the main text trafilatura extracted from it.
    """

    source: str
    text: str
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not read, with what was wrong and what to do about it."""

    name: str
    problem: str
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Quantity:
    """One numeric mention, read as an interval.

    ``low``/``high`` are the bounds as stated (``None`` where unbounded): "about 5,000"
    is ``low=high=5000`` with ``approximate=True`` and the approximator's relative
    ``tolerance``; "more than 300" is ``low=300, low_inclusive=False, high=None``.
    :meth:`widened` applies the tolerance.

    ``change`` says what a figure is in a report of a change: ``"up"`` or ``"down"`` for
    the amount of a rise or fall ("rose 0.7%"), ``"level"`` for the value a change
    reached ("to 6,912"); ``None`` for any other figure.
    """

    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    kind: str = "count"
    unit: str | None = None
    qualifier: str | None = None
    tolerance: float = 0.0
    rule: str = ""
    change: str | None = None

    @property
    def value(self) -> float | None:
        """The single value when the mention states one, else ``None``."""
        if self.low is not None and self.low == self.high:
            return self.low
        return None

    def widened(self) -> tuple[float, float, bool, bool]:
        """The interval the mention allows once its approximation is applied.

        Unbounded sides are ``-inf``/``inf``. A point stated approximately grows by
        ``tolerance`` on both sides; a one-sided approximate bound ("nearly 187,000")
        gains the tolerance on its open side only.
        """
        lo = -math.inf if self.low is None else self.low
        hi = math.inf if self.high is None else self.high
        lo_inc, hi_inc = self.low_inclusive, self.high_inclusive
        if self.approximate and self.tolerance:
            if self.low is not None and self.high is not None and self.low == self.high:
                span = abs(self.low) * self.tolerance
                return lo - span, hi + span, True, True
            if self.low is None and self.high is not None:
                return hi - abs(hi) * self.tolerance, hi, True, hi_inc
            if self.high is None and self.low is not None:
                return lo, lo + abs(lo) * self.tolerance, lo_inc, True
        return lo, hi, lo_inc, hi_inc

    def describe(self) -> str:
        """The value for a reader: ``~5,000``, ``>300``, ``200-2,000``, ``59.7%``, ``280 mile``."""
        approx = "~" if self.approximate else ""
        if self.kind == "time" and self.low is not None and self.high is not None:
            clock = f"{int(self.low) // 60:02d}:{int(self.low) % 60:02d}"
            return clock if self.low == self.high else f"{clock}-{int(self.high) // 60:02d}:{int(self.high) % 60:02d}"
        if self.value is not None:
            body = f"{approx}{_num(self.value)}"
        elif self.low is not None and self.high is not None:
            body = f"{approx}{_num(self.low)}-{_num(self.high)}"
        elif self.low is not None:
            body = f"{approx}{'>=' if self.low_inclusive else '>'}{_num(self.low)}"
        elif self.high is not None:
            body = f"{approx}{'<=' if self.high_inclusive else '<'}{_num(self.high)}"
        else:
            body = "?"
        if self.unit == "%":
            return body + "%"
        return f"{body} {self.unit}" if self.unit else body


def _num(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.0f}"


@dataclass(slots=True)
class Claim:
    """A quantity an article asserts, with what it counts and on whose word.

    ``start``/``end`` point into the article's text; ``sentence_start`` is where the
    sentence begins, so the number can be highlighted inside ``sentence``.
    """

    id: str
    source: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    quote: str
    quantity: Quantity
    thing: str = ""
    thing_norm: str = ""
    topic: str = ""  # what alignment compares: the thing, or for people what happened to them ("death")
    event: str = ""
    event_norm: str = ""
    actors: tuple[str, ...] = ()
    place: str = ""
    time_text: str = ""
    time_start: dt.date | None = None
    time_end: dt.date | None = None
    speaker: str = ""
    negated: bool = False
    hedged: bool = False
    incremental: bool = False
    rule: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A flat, JSON-ready dict: the claim's fields with the quantity's inlined."""
        out = to_jsonable(self)
        q = out.pop("quantity")
        q.pop("start"), q.pop("end")
        out["number_text"] = q.pop("text")
        out.update(q)
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """A judged pair of aligned claims: ``conflict``, ``update``, ``review`` or ``agree``.

    ``review`` is a pair that may clash but cannot be pinned to one quantity (one side
    names no place where others name several, or is a part of what the other counts):
    it is shown with the reason rather than dropped.
    """

    status: str
    a: str
    b: str
    topic: str
    reason: str
    score: float
    aligned_because: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """The claims of one quantity in one story, in time order, with a status.

    ``claims`` are claim ids, earliest first (by the time each holds for, then source
    and offset); ``findings`` the judged pairs between them; ``gap`` the largest
    relative gap between clashing values (0 when none clash); ``sources`` how many
    sources the figure's claims come from, ``disagreeing`` how many of those take part
    in a conflict.
    """

    id: str
    story: str
    name: str
    status: str
    claims: tuple[str, ...]
    findings: tuple[Finding, ...]
    gap: float = 0.0
    sources: int = 0
    disagreeing: int = 0


@dataclass(slots=True)
class Report:
    """Everything a writer needs: what was read, what was found, what was skipped."""

    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    skipped: list[Skipped] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    stories: list[Any] = field(default_factory=list)  # reconcile.stories.Story, in input order


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, dates, tuples and non-finite floats turned into JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj
