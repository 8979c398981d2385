"""Verdicts: for each aligned pair, ``agree``, ``conflict`` or ``update``, with a reason.

Two claims agree when their intervals meet once approximation and units are accounted
for; they conflict when they cannot both be true; they are an update when they cannot
both be true, or a running figure moved, and they are tied to different stated times.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from reconcile import timex
from reconcile.align import DEFAULT_THRESHOLD, Alignment, align
from reconcile.lexicon import Lexicon, load_lexicon
from reconcile.model import Claim, Finding, Quantity
from reconcile.units import to_base

__all__ = ["DEFAULT_THRESHOLD", "judge", "reconcile", "findings_table"]

Interval = tuple[float, float, bool, bool]


def reconcile(claims: Sequence[Claim], *, threshold: float = DEFAULT_THRESHOLD, lexicon: Lexicon | None = None,
              as_frame: bool = True):
    """Align the claims and judge every aligned pair.

    Parameters
    ----------
    claims
        Claims from :func:`reconcile.extract_claims`.
    threshold
        Lowest alignment score (0 to 1) for two claims to be compared; default 0.6.
    lexicon
        Word tables; ``None`` uses the shipped ones.
    as_frame
        Return a pandas DataFrame (default) rather than a list of :class:`Finding`.

    Returns
    -------
    pandas.DataFrame or list[Finding]
        Conflicts first, then updates, then agreements.
    """
    lex = lexicon or load_lexicon()
    findings = [f for al in align(claims, threshold=threshold, lexicon=lex) if (f := judge(al)) is not None]
    order = {"conflict": 0, "update": 1, "agree": 2}
    findings.sort(key=lambda f: (order[f.status], f.a, f.b))
    if as_frame:
        return findings_table(findings)
    return findings


def findings_table(findings: Sequence[Finding]):
    """Findings as a pandas DataFrame, one row each."""
    import pandas as pd

    columns = ["status", "a", "b", "topic", "reason", "score", "aligned_because"]
    return pd.DataFrame([{**{c: getattr(f, c) for c in columns},
                          "aligned_because": "; ".join(f.aligned_because)} for f in findings], columns=columns)


def judge(al: Alignment) -> Finding | None:
    """The verdict on one aligned pair; ``None`` when the pair turns out not comparable
    (one side adds to the other, is part of it, or is about another one)."""
    a, b = al.a, al.b
    ia, ib = interval(a.quantity, other=b.quantity), interval(b.quantity, other=a.quantity)
    meet = _meet(ia, ib)
    times_differ = _times_differ(a, b)
    topic = _topic(a, b)
    why_times = f"times differ: {a.time_text} / {b.time_text}" if times_differ else ""
    blocked = _never_conflicts(a, b)
    if blocked:
        return None  # not the same quantity after all: neither agreement nor conflict
    if meet:
        # a running figure re-reported at another stated time with another value moved,
        # even where an earlier lower bound still holds ("at least 820" then "2,497")
        moved = times_differ and not al.ambiguous and (
            (a.quantity.low, a.quantity.high) != (b.quantity.low, b.quantity.high))
        if moved:
            reason = f"{_show(a)} then {_show(b)}: the figure moved; {why_times}"
            return Finding("update", a.id, b.id, topic, reason, al.score, al.because)
        reason = f"{_show(a)} and {_show(b)} {_agree_words(a.quantity, b.quantity)}"
        return Finding("agree", a.id, b.id, topic, reason, al.score, al.because)
    narrow = _narrower(a, b)
    if narrow is not None and (ia if narrow is a else ib)[0] < (ib if narrow is a else ia)[1]:
        return None  # "one to three major storms" among "four to seven": a narrower group may be smaller
    relation = _relation(a, ia, b, ib)
    if al.ambiguous:
        return None  # may be about different things: not a conflict we can stand behind
    if times_differ:
        return Finding("update", a.id, b.id, topic, f"{relation}; {why_times}", al.score, al.because)
    return Finding("conflict", a.id, b.id, topic, relation, al.score, al.because)


def interval(q: Quantity, *, other: Quantity | None = None) -> Interval:
    """The interval a quantity allows, in base units when it has a unit.

    When the other quantity is in a different unit, a figure is taken to be rounded to
    the digits it is written with: "300-metre" allows 299.5 to 300.5 m, so 984 feet
    (299.9 m) meets it and 948 feet (288.9 m) does not.
    """
    lo, hi, lo_inc, hi_inc = q.widened()
    if q.kind == "measure" and q.unit:
        if other is not None and other.unit and other.unit != q.unit and lo == hi and not q.approximate:
            step = _rounding_step(q)
            lo, hi = lo - step / 2, hi + step / 2
        lo = to_base(lo, q.unit)[0] if math.isfinite(lo) else lo
        hi = to_base(hi, q.unit)[0] if math.isfinite(hi) else hi
        if lo > hi:  # conversions with an offset keep order, but be safe
            lo, hi = hi, lo
    return lo, hi, lo_inc, hi_inc


def _rounding_step(q: Quantity) -> float:
    """The precision a figure is written to: 1 for "300", 0.1 for "1.6"."""
    digits = "".join(ch for ch in q.text if ch.isdigit() or ch == ".")
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1])
    return 1.0


def _meet(a: Interval, b: Interval) -> bool:
    alo, ahi, alo_inc, ahi_inc = a
    blo, bhi, blo_inc, bhi_inc = b
    lo, lo_inc = (alo, alo_inc) if alo > blo else (blo, blo_inc) if blo > alo else (alo, alo_inc and blo_inc)
    hi, hi_inc = (ahi, ahi_inc) if ahi < bhi else (bhi, bhi_inc) if bhi < ahi else (ahi, ahi_inc and bhi_inc)
    # intervals that touch meet: "more than 2,000" and "2,000" are not a contradiction
    # a reader would stand behind, whatever the inclusivity of the words
    tol = 1e-9 * max(1.0, abs(lo) if math.isfinite(lo) else 1.0)
    return lo <= hi + tol


def _times_differ(a: Claim, b: Claim) -> bool:
    if bool(a.extra.get("previous")) != bool(b.extra.get("previous")):
        return True  # "up from 5%": the figure before a change is of an earlier time
    if not a.time_text or not b.time_text:
        return False
    if a.time_start and b.time_start and a.time_end and b.time_end:
        return a.time_end < b.time_start or b.time_end < a.time_start
    return timex.normalize(a.time_text) != timex.normalize(b.time_text)


def _narrower(a: Claim, b: Claim) -> Claim | None:
    """The claim about a narrower group: its lower-case qualifiers ("major",
    "pro-government") include all the other's and more; else ``None``."""
    qa = {x for x in a.actors if x[:1].islower()}
    qb = {x for x in b.actors if x[:1].islower()}
    if qa > qb:
        return a
    if qb > qa:
        return b
    return None


def _never_conflicts(a: Claim, b: Claim) -> str:
    for c in (a, b):
        if c.incremental:
            return f"'{c.quote}' adds to an earlier count"
        if c.extra.get("partitive") or c.extra.get("part"):
            return f"'{c.quote}' is part of a larger group"
        if c.extra.get("distinct"):
            return f"'{c.quote}' is about another one"
        if c.negated:
            return f"'{c.quote}' is negated"
    return ""


def _relation(a: Claim, ia: Interval, b: Claim, ib: Interval) -> str:
    """ "about 5,000 is above 'a few hundred to as many as 2,000' (at most 2,000)"."""
    above = ia[0] >= ib[1]
    side = "above" if above else "below"
    bound = _bound_words(b.quantity, upper=above)
    return f"{_show(a)} is {side} {_show(b)}{bound}"


def _bound_words(q: Quantity, *, upper: bool) -> str:
    if q.value is not None and not q.approximate:
        return ""
    if upper and q.high is not None:
        return f" (at most {_fmt(q.high)})" if q.high_inclusive else f" (under {_fmt(q.high)})"
    if not upper and q.low is not None:
        return f" (at least {_fmt(q.low)})" if q.low_inclusive else f" (more than {_fmt(q.low)})"
    lo, hi, _, _ = q.widened()
    return f" (at most {_fmt(hi)})" if upper else f" (at least {_fmt(lo)})"


def _agree_words(a: Quantity, b: Quantity) -> str:
    if a.value is not None and b.value is not None and a.value == b.value and a.unit == b.unit:
        return "are the same figure"
    if a.unit and b.unit and a.unit != b.unit:
        return "meet once units are converted"
    return "are compatible (the intervals meet)"


def _show(c: Claim) -> str:
    return f"'{c.quote}' ({c.quantity.describe()})"


def _fmt(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.4g}"


def _topic(a: Claim, b: Claim) -> str:
    thing = a.topic or b.topic or a.quantity.kind
    event = a.event_norm or b.event_norm
    words = [thing]
    if event and event != thing:
        words.append(f"({event})")
    place = a.place if a.place not in ("", "*") else b.place if b.place not in ("", "*") else ""
    if place and not place.startswith("<"):
        words.append(f"in {place}")
    return " ".join(words)
