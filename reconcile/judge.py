"""Verdicts: for each aligned pair, ``agree``, ``conflict`` or ``update``, with a reason.

Two claims agree when their intervals meet once approximation and units are accounted
for; they conflict when they cannot both be true; they are an update when they cannot
both be true, or a running figure moved, and they are tied to different stated times.
Sums in two currencies that only a reference rate links (an annual average, not the
day's rate) may agree; where they do not meet, the pair is one to review.
"""
from __future__ import annotations

import datetime as dt

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from reconcile import timeline, timex
from reconcile.align import DEFAULT_THRESHOLD, MODAL_EVENTS, Alignment, align
from reconcile.lexicon import Lexicon, load_lexicon
from reconcile.model import STATUSES, Claim, Finding, Quantity
from reconcile.tolerance import Rates, Tolerance, allowance, as_rates, by_reference, money_reason, pair_rates
from reconcile.tolerance import interval as _tolerance_interval

__all__ = ["DEFAULT_THRESHOLD", "judge", "reconcile", "findings_table"]

Interval = tuple[float, float, bool, bool]

REFERENCE_ONLY = "a reference rate can show that sums agree, not that they conflict"
"""Why a pair of sums compared at a reference rate is never a conflict or an update."""


def reconcile(claims: Sequence[Claim], *, threshold: float = DEFAULT_THRESHOLD, lexicon: Lexicon | None = None,
              rates: Rates | Mapping[str, float] | Iterable[str] | None = None, reference_rates: bool = True,
              tolerance: Tolerance | None = None, as_frame: bool = True):
    """Align the claims and judge every aligned pair.

    Parameters
    ----------
    claims
        Claims from :func:`reconcile.extract_claims`.
    threshold
        Lowest alignment score (0 to 1) for two claims to be compared; default 0.6.
    lexicon
        Word tables; ``None`` uses the shipped ones.
    rates
        Exchange rates for comparing money in different currencies, as
        :func:`reconcile.tolerance.as_rates` takes them (``{"EUR": 1.08}``,
        ``["EUR=1.08"]``): they may prove a conflict. Default ``None``: none.
    reference_rates
        Where no rate of ``rates`` links two currencies, compare the sums at the bundled
        reference rate of their publication year
        (:func:`reconcile.tolerance.load_reference_rates`): they may agree, and where they
        do not meet the pair is shown for review, never as a conflict. Default ``True``;
        ``False`` with no ``rates`` never mixes currencies.
    tolerance
        How far an approximate figure reaches (:class:`reconcile.tolerance.Tolerance`);
        ``None`` (default): one step of its last written digit, capped by its
        approximator's tolerance.
    as_frame
        Return a pandas DataFrame (default) rather than a list of :class:`Finding`.

    Returns
    -------
    pandas.DataFrame or list[Finding]
        Conflicts first, then updates, then agreements.
    """
    lex = lexicon or load_lexicon()
    table = None if rates is None and not reference_rates else as_rates(() if rates is None else rates,
                                                                          reference=reference_rates)
    findings = [f for al in align(claims, threshold=threshold, lexicon=lex, rates=table)
                if (f := judge(al, rates=table, policy=tolerance)) is not None]
    order = {s: i for i, s in enumerate(STATUSES)}
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


def judge(al: Alignment, *, rates: Rates | None = None, policy: Tolerance | None = None) -> Finding | None:
    """The verdict on one aligned pair; ``None`` when the pair turns out not comparable
    (one side adds to the other, is part of it, or is about another one, or they are sums
    in two currencies no rate links).

    Sums in two currencies are compared at ``rates`` where they link the two, else at the
    reference rate of the pair's year where ``rates`` carry a reference table
    (:func:`reconcile.tolerance.pair_rates`). At a reference rate the pair is marked
    ambiguous (:data:`REFERENCE_ONLY`), as a pair that may be about two things is: it may
    agree, and where it does not meet it is for review.
    """
    a, b = al.a, al.b
    rates = pair_rates(a.quantity, b.quantity, rates=rates, year=_reference_year(a, b))
    if _unlinked(a.quantity, b.quantity, rates):
        return None  # two currencies and no rate between them: nothing to compare
    if by_reference(a.quantity, b.quantity, rates=rates):
        al = replace(al, ambiguous=al.ambiguous or REFERENCE_ONLY)
    # a goal is a figure someone set, not a count rounded: "its 2 million target" is 2
    # million, and never meets "a target of about 1.8 million cars" as "2 million" sold would
    chosen = a.extra.get("goal") == b.extra.get("goal") == "goal" and a.quantity.unit == b.quantity.unit
    ia = interval(a.quantity, other=None if chosen else b.quantity, rates=rates, policy=policy)
    ib = interval(b.quantity, other=None if chosen else a.quantity, rates=rates, policy=policy)
    meet = _meet(ia, ib)
    ceilings = _ceilings_differ(a, ia, b, ib)
    if ceilings:
        meet = False  # "up to 50 million doses", "up to 100 million": each names its maximum
    times_differ = _times_differ(a, b)
    topic = _topic(a, b)
    why_times = f"times differ: {_when(a)} / {_when(b)}" if times_differ else ""
    blocked = _never_conflicts(a, b)
    one_sided = a.incremental != b.incremental or bool(a.extra.get("partitive")) != bool(b.extra.get("partitive"))
    if blocked and meet and one_sided and not _written_figures_differ(a.quantity, b.quantity) \
            and not (a.quantity.value is not None and abs(a.quantity.value) < 10):
        # "an additional $25.00 billion" of buybacks and "a 25bn dollars share buyback";
        # "among them 22 police officers" and "22 officers had been hurt": the same figure,
        # though one says it adds to another or is a part of more; agreement only
        return Finding("agree", a.id, b.id, topic, f"{_show(a)} and {_show(b)} give the same figure; "
                       f"compared for agreement only: {blocked}", al.score, al.because)
    if blocked:
        return None  # not the same quantity after all: neither agreement nor conflict
    if _earlier_occasion(a, b) or _earlier_occasion(b, a):
        return None  # "won 79 seats at the last election", "won 71 seats": two elections
    if _other_occasions(a, b):
        return None  # 1.27 million marchers on 31 January, 1.28 million on 7 March: two marches
    if _changed_from(a, b) or _changed_from(b, a):
        return None  # "weakened to a Category 2 storm" from the Category 5 the other gives: two times
    if _readings_of_two_days(a, b):
        return None  # a river at 5.35 metres one Sunday, above 4.5 metres the next: two readings
    if meet and al.part and _written_figures_differ(a.quantity, b.quantity):
        return None  # a part is never the same figure as its whole, even where the numbers meet
    if al.loose and not meet:
        return None  # compared for agreement only: apart, they may well be two figures
    if bool(a.extra.get("capable")) != bool(b.extra.get("capable")) and not meet:
        return None  # what can be done ("can be kept between 36 and 46 F") beside what was
    if meet:
        # a running figure re-reported at another time with another value moved, even
        # where an earlier lower bound still holds ("at least 820" then "2,497")
        moved = times_differ and not (al.ambiguous or al.loose) and _written_figures_differ(a.quantity, b.quantity) \
            and not _refines(a.quantity, b.quantity) and not _floor_and_ceiling(a.quantity, b.quantity)
        if moved:
            first, then = timeline.order(a, b) or (a, b)
            reason = f"{_show(first)} then {_show(then)}: the figure moved; {why_times}"
            return Finding("update", a.id, b.id, topic, reason, al.score, al.because)
        reason = f"{_show(a)} and {_show(b)} {_agree_words(a.quantity, b.quantity, rates)}"
        if al.loose:
            reason = f"{reason}; compared for agreement only: {al.loose}"
        return Finding("agree", a.id, b.id, topic, reason, al.score, al.because)
    narrow = _narrower(a, b)
    if narrow is not None and ((ia if narrow is a else ib)[0] < (ib if narrow is a else ia)[1]
                               or a.quantity.kind == "percent"):
        # "one to three major storms" among "four to seven": a narrower group may be
        # smaller; and a rate among some ("youth unemployment is at 19.9 percent") may be
        # above or below the rate among all
        return None
    relation = ceilings or _relation(a, ia, b, ib)
    converted = money_reason(a.quantity, b.quantity, rates=rates)
    if converted:
        relation = f"{relation}, converted {converted}"
    if al.part:
        part, whole = (a, b) if al.part == a.id else (b, a)
        i_part, i_whole = (ia, ib) if part is a else (ib, ia)
        if i_part[0] > i_whole[1] and not times_differ:
            # only where the other figure is known to be the whole would this be a conflict;
            # a figure that names no place may as well be another part
            reason = f"{_show(part)} is for {_part_name(part)}, larger than {_show(whole)}, which does not say: " \
                     "a part larger than its whole, if that is the whole"
            return Finding("review", a.id, b.id, topic, reason, al.score, al.because)
        if i_part[0] > i_whole[1] and timeline.order(a, b) == (part, whole) and part.source != whole.source \
                and timeline.is_running(part) and timeline.is_running(whole):
            # "the toll in Derna had soared to 11,300" on one day, 3,958 for all of the east
            # days later: the whole is now below what its part was, so the count was revised
            reason = f"{_show(part)} is for {_part_name(part)}, larger than the whole " \
                     f"{_show(whole)} given later: the count was revised; {why_times}"
            return Finding("update", a.id, b.id, topic, reason, al.score, al.because)
        return None  # a part smaller than its whole is what a part should be
    if a.quantity.kind == "time":
        return None  # a clock time read well enough to agree, not to contradict ("shortly after 11 pm")
    apart = _orders_apart(ia, ib)
    if apart and not al.ambiguous and not (times_differ and _grew(a, ia, b, ib)):  # a toll may grow fiftyfold
        # "up to 150 millimetres" of rain and a river at 5.35 metres; "8 aircraft" and "387":
        # news reports of one figure do not differ thirtyfold, two figures read as one do
        reason = f"{relation}; but the values are {apart:,.0f} times apart, more likely two quantities than one"
        return Finding("review", a.id, b.id, topic, reason, al.score, al.because)
    if al.ambiguous:
        # may be about different things: not a conflict we can stand behind, nor one to drop
        return Finding("review", a.id, b.id, topic, f"{relation}; but {al.ambiguous}", al.score, al.because)
    vague = _vague_below(a, ia, b, ib)
    if vague:
        return Finding("review", a.id, b.id, topic, f"{relation}; but {vague}", al.score, al.because)
    if times_differ:
        fell = _fell(a, ia, b, ib)
        if fell:
            return Finding("conflict", a.id, b.id, topic, f"{fell}; {why_times}", al.score, al.because)
        return Finding("update", a.id, b.id, topic, f"{relation}; {why_times}", al.score, al.because)
    return Finding("conflict", a.id, b.id, topic, relation, al.score, al.because)


def interval(q: Quantity, *, other: Quantity | None = None, rates: Rates | None = None,
             policy: Tolerance | None = None) -> Interval:
    """The interval a quantity allows, in base units when it has a unit.

    :func:`reconcile.tolerance.interval` with its default policy: an approximate figure
    reaches as far as the precision it is written to allows, capped by its
    approximator's tolerance ("about 5,200" allows 5,100 to 5,300); against a figure in
    a different unit, an exact figure is taken to be rounded to the digits it is written
    with: "300-metre" allows 299.5 to 300.5 m, so 984 feet (299.9 m) meets it and 948
    feet (288.9 m) does not.
    """
    return _tolerance_interval(q, other=other, rates=rates, policy=policy)


def _reference_year(a: Claim, b: Claim) -> int | None:
    """The year whose reference rate converts a pair: its later publication year (a writer
    who converts a sum another reported writes later); ``None`` when neither is dated."""
    return max((int(c.extra["published"][:4]) for c in (a, b) if c.extra.get("published")), default=None)


def _unlinked(a: Quantity, b: Quantity, rates: Rates | None) -> bool:
    """Whether ``a`` and ``b`` are sums in two currencies that no rate of ``rates`` links."""
    return a.kind == b.kind == "money" and bool(a.unit) and bool(b.unit) and a.unit != b.unit \
        and (rates is None or rates.path(a.unit, b.unit) is None)


def _meet(a: Interval, b: Interval) -> bool:
    alo, ahi, alo_inc, ahi_inc = a
    blo, bhi, blo_inc, bhi_inc = b
    lo, lo_inc = (alo, alo_inc) if alo > blo else (blo, blo_inc) if blo > alo else (alo, alo_inc and blo_inc)
    hi, hi_inc = (ahi, ahi_inc) if ahi < bhi else (bhi, bhi_inc) if bhi < ahi else (ahi, ahi_inc and bhi_inc)
    # intervals that touch meet: "more than 2,000" and "2,000" are not a contradiction
    # a reader would stand behind, whatever the inclusivity of the words
    tol = 1e-9 * max(1.0, abs(lo) if math.isfinite(lo) else 1.0)
    return lo <= hi + tol


CEILINGS = frozenset({"up to", "as many as"})
"""Words that name a figure by its maximum: "up to 100 million doses" says 100 million is
the most, and is the figure a writer gives; "at most", "no more than" only bound it."""
CEILING_ROOM = 0.01
"""How far apart (relative to the larger) two such maxima may be and still be one."""


def _ceilings_differ(a: Claim, ia: Interval, b: Claim, ib: Interval) -> str:
    """Why two figures named by their maxima ("up to 50 million", "up to 100 million")
    disagree; "" when they are not both so named or name one maximum."""
    qa, qb = a.quantity, b.quantity
    if qa.qualifier not in CEILINGS or qb.qualifier not in CEILINGS or qa.low is not None or qb.low is not None:
        return ""
    high_a, high_b = ia[1], ib[1]
    if not (math.isfinite(high_a) and math.isfinite(high_b)) or abs(high_a - high_b) <= CEILING_ROOM * max(
            abs(high_a), abs(high_b)):
        return ""
    return f"{_show(a)} and {_show(b)} name different maxima"


def _vague_below(a: Claim, ia: Interval, b: Claim, ib: Interval) -> str:
    """Why a vague word below a larger figure is no contradiction: "thousands of people"
    beside "more than 50,000" (a reader hears "thousands" as a floor, not a ceiling);
    "" otherwise. A vague word above a figure ("thousands" beside 500) still conflicts."""
    for c, i_c, i_other in ((a, ia, ib), (b, ib, ia)):
        if c.quantity.rule.startswith("vague") and i_c[1] < i_other[0]:
            return f"'{c.quote}' is a vague word, which may well reach that far"
    return ""


ORDERS_APART = 30.0
"""How many times apart two figures' nearest bounds may be and still be judged one quantity."""


def _orders_apart(ia: Interval, ib: Interval) -> float:
    """How many times the nearer bounds of two disjoint, positive intervals are apart, when
    that is more than :data:`ORDERS_APART`; else 0."""
    low, high = (ia, ib) if ia[1] < ib[0] else (ib, ia)
    if not (math.isfinite(low[1]) and math.isfinite(high[0])) or low[1] <= 0:
        return 0.0
    ratio = high[0] / low[1]
    return ratio if ratio > ORDERS_APART else 0.0


def _floor_and_ceiling(a: Quantity, b: Quantity) -> bool:
    """Whether one figure only bounds from below and the other only from above ("at
    least 111", "as many as 702"): both may hold of one figure, which neither says moved."""
    def side(q: Quantity) -> str:
        if (q.low is None) == (q.high is None):
            return ""
        return "floor" if q.high is None else "ceiling"
    return {side(a), side(b)} == {"floor", "ceiling"}


def _refines(a: Quantity, b: Quantity) -> bool:
    """Whether one figure is an exact reading of the other's round one: "about 10,000
    people" and "10,100 people" (within half the room the round figure allows,
    :func:`reconcile.tolerance.allowance`) give one figure, not a move. Two round
    figures ("about 60 per cent", then "about 64") moved.

    >>> from reconcile.quantities import parse_quantities
    >>> about, exact, far = parse_quantities("about 10,000, 10,100, 10,600")
    >>> _refines(about, exact), _refines(about, far)
    (True, False)
    """
    if a.approximate == b.approximate:
        return False
    rough, exact = (a, b) if a.approximate else (b, a)
    if rough.value is None or exact.value is None:
        return False
    return abs(exact.value - rough.value) <= allowance(rough) / 2


def _written_figures_differ(a: Quantity, b: Quantity) -> bool:
    """Whether two figures give different numbers: "at least 288" and "288" give the same
    one; "at least 115" and 137 do not. Words alone ("hundreds", "dozens") give none.

    >>> from reconcile.model import Quantity
    >>> _written_figures_differ(Quantity("at least 288", 0, 1, 288, None), Quantity("288", 0, 1, 288, 288))
    False
    """
    def figures(q: Quantity) -> set[float]:
        return {x for x in (q.low, q.high) if x is not None}
    if _vague(a) or _vague(b):
        return False  # "dozens" then 45: a vague word was made precise, not moved
    return figures(a) != figures(b)


def _vague(q: Quantity) -> bool:
    """Whether a figure is only a vague word ("dozens", "several hundred"), not a number
    written in digits or words ("120 million", "a billion")."""
    return any(part.startswith("vague") for part in q.rule.split("+")) or not q.rule and not any(
        ch.isdigit() for ch in q.text)


def _in_time_order(a: Claim, ia: Interval, b: Claim, ib: Interval
                   ) -> tuple[tuple[Claim, Interval], tuple[Claim, Interval]] | None:
    """The two claims with their intervals, earlier first; ``None`` when their times overlap or are unknown."""
    ordered = timeline.order(a, b)
    if ordered is None:
        return None
    return ((a, ia), (b, ib)) if ordered[0] is a else ((b, ib), (a, ia))


def _grew(a: Claim, ia: Interval, b: Claim, ib: Interval) -> bool:
    """Whether a running total is higher later than it was earlier (its times known)."""
    ordered = _in_time_order(a, ia, b, ib)
    if ordered is None or not (timeline.is_running(a) or timeline.is_running(b)):
        return False
    (_, i_first), (_, i_then) = ordered
    return i_then[0] > i_first[1]


def _fell(a: Claim, ia: Interval, b: Claim, ib: Interval) -> str:
    """Why a running total reported later is lower than it was earlier; "" if it is not."""
    ordered = _in_time_order(a, ia, b, ib)
    if ordered is None or not (timeline.is_running(a) and timeline.is_running(b)):
        return ""
    (first, i_first), (then, i_then) = ordered
    if i_then[1] < i_first[0]:
        return f"a running total fell: {_show(first)} earlier, {_show(then)} later"
    return ""


def _times_differ(a: Claim, b: Claim) -> bool:
    """Whether two claims are about different times.

    Stated times are compared as written or resolved; a running total with no stated
    time is as of its article's publication date (see :mod:`reconcile.timeline`).
    """
    if bool(a.extra.get("previous")) != bool(b.extra.get("previous")):
        return True  # "up from 5%": the figure before a change is of an earlier time
    if not a.time_text or not b.time_text:
        if _after_publication(a, b) or _after_publication(b, a):
            return True
        return (timeline.is_running(a) or timeline.is_running(b)) and timeline.order(a, b) is not None
    if a.time_start and b.time_start and a.time_end and b.time_end:
        if a.time_start == a.time_end == b.time_start == b.time_end \
                and (timex.anaphoric(a.time_text) or timex.anaphoric(b.time_text)) \
                and timex.part_of_day(a.time_text) != timex.part_of_day(b.time_text):
            # "$97.40 in morning trading" (of the day named before), "closed at $98.02 on
            # Friday": two times of one day, as far as a day read from the text before says
            return True
        return a.time_end < b.time_start or b.time_end < a.time_start
    return timex.normalize(a.time_text) != timex.normalize(b.time_text)


def _other_occasions(a: Claim, b: Claim) -> bool:
    """Whether two figures of what happened on a day are given for two different days,
    and so count what happened on each: the marchers of two protest days, the strikes of
    Monday and of Tuesday, a share's fall on Monday and on Tuesday. A running toll
    re-reported on another day moved; so did a level (a price, a share of the vote, an
    offer), which is what it is on each day."""
    if not (_of_a_day(a) and _of_a_day(b)):
        return False
    alone = a if a.extra.get("alone") else b if b.extra.get("alone") else None
    if alone is not None:
        # "26,600 crossed on Tuesday alone": that day's count, never a total nor another day's
        other = b if alone is a else a
        if not other.time_text or _times_differ(a, b):
            return True
    if _event_days_apart(a, b):
        return True  # "killing all 189 people" on 29 October, "killing 157" on a Sunday in March: two crashes
    if {a.topic, b.topic} & timeline.RUNNING_TOPICS:
        return False
    if "now" in (a.time_text.lower(), b.time_text.lower()):
        return False
    if a.time_text and b.time_text:
        kinds = sorted(timeline.time_kind(c.time_text) for c in (a, b))
        if kinds == ["cut-off", "point"]:
            return True  # "13,350 by Tuesday morning" in all, "26,600 crossed on Tuesday" that day
        return _times_differ(a, b) and kinds == ["point", "point"]
    # a figure with no stated time may be a later report of any earlier day ("Labour won
    # 411 seats" a week after the election); never of a day after its report; and where
    # its own article dates another such figure to an earlier day, it is of the report's
    # day ("3.5 million marched ... above the 1.27 million it counted on 31 January")
    return _after_publication(a, b) or _after_publication(b, a) or _dated_apart(a, b) or _dated_apart(b, a)


EVENT_GAP_DAYS = 30
"""Days between what one figure counts and the report of another beyond which they count two happenings."""


def _event_days_apart(a: Claim, b: Claim) -> bool:
    """Whether both figures are dated by the day what they count happened ("crashed on
    Sunday morning, killing 157"; "On October 29, a jet plunged ..., killing all 189"), and
    the days differ: what happened on each is another happening, whatever each toll is."""
    def event_day(c: Claim) -> tuple[dt.date, dt.date] | None:
        if c.extra.get("time_rule") not in ("event", "fronted") or not (c.time_start and c.time_end) \
                or c.time_text.lower() in timeline.PRESENT_WORDS:
            return None  # "170 of the bodies have now been identified": as of when, not when
        return (c.time_start, c.time_end) if timeline.time_kind(c.time_text) == "point" else None
    da, db = event_day(a), event_day(b)
    if da is not None and db is not None:
        return da[1] < db[0] or db[1] < da[0]
    # two tolls, one dated by what happened, the other as of its report: what happened a
    # month or more before the report is another happening than the one its toll counts
    dated, day = (a, da) if da is not None else (b, db)
    other = timeline.as_of(b if dated is a else a)
    if day is None or other is None or not (timeline.is_running(a) and timeline.is_running(b)):
        return False  # a toll, not what was announced one day and done another
    # what happened after the day of a report is no part of its toll ("Eight officers
    # were injured" on 10 June, "22 officers had been hurt during the afternoon" of 12 June)
    after = day[0] > other[1] and not (b if dated is a else a).time_text
    return (other[0] - day[1]).days > EVENT_GAP_DAYS or after


def _part_name(part: Claim) -> str:
    """What a part is: its place ("Derna"), its subgroup ("male voters") or its kind ("African countries")."""
    return part.place or part.extra.get("subgroup") or part.thing or " ".join(part.extra.get("kind", ()))


def _earlier_occasion(earlier: Claim, other: Claim) -> bool:
    """Whether ``earlier`` is of an earlier occasion by its order alone ("won 79 seats at
    the last election") and ``other`` of the one its report is about (no time stated):
    two happenings. Where ``other`` states its time ("in 2019"), the times decide."""
    return bool(earlier.extra.get("earlier_occasion")) and not other.extra.get("earlier_occasion") \
        and not other.time_text


def _changed_from(later: Claim, other: Claim) -> bool:
    """Whether ``later`` is a level its own sentence says a figure changed to from the
    value ``other`` gives: ``other`` is then of the time before the change."""
    before = later.extra.get("changed_from")
    if before is None or other.extra.get("changed_from") is not None:
        return False
    low, high = interval(other.quantity)[:2]
    return low <= before <= high


def _readings_of_two_days(a: Claim, b: Claim) -> bool:
    """Whether two measures (a level, a depth, a temperature) are each stated for a day,
    and the days differ: what was measured on each, never one figure re-reported."""
    if not (a.quantity.kind == b.quantity.kind == "measure") or not (a.time_end and b.time_end):
        return False
    return all(timeline.time_kind(c.time_text) == "point" for c in (a, b)) and timeline.order(a, b) is not None


def _dated_apart(undated: Claim, dated: Claim) -> bool:
    """Whether ``dated`` is of a day before ``undated``'s report, in the same article."""
    if undated.source != dated.source or undated.time_text or not dated.time_end:
        return False
    published = undated.extra.get("published")
    return bool(published) and timeline.time_kind(dated.time_text) == "point" \
        and dated.time_end < dt.date.fromisoformat(published) - dt.timedelta(days=1)


def _of_a_day(c: Claim) -> bool:
    """A count of what happened ("1.28 million people marched"), or the size of a move
    ("fell 6.1 percent"): what one day brought, not a level or a holding."""
    return c.quantity.kind == "count" and bool(c.event_norm) or c.quantity.change in ("up", "down")


def _after_publication(undated: Claim, dated: Claim) -> bool:
    """Whether ``dated`` happened after ``undated``'s article was published, so that
    ``undated`` cannot be about it: "six boys have been brought out" in a report of
    Sunday, "the last four boys were brought out on Tuesday" in one of Wednesday. What was
    expected or planned may be about any time, and is no such claim."""
    if undated.time_text or not dated.time_start or {undated.event_norm, dated.event_norm} & MODAL_EVENTS:
        return False
    if dated.time_text.lower() == "now" or timeline.time_kind(dated.time_text) not in ("point", "period"):
        return False  # "now", "so far": as of the later report, which may well be of the same thing
    published = undated.extra.get("published")
    return bool(published) and dated.time_start > dt.date.fromisoformat(published)


def _when(c: Claim) -> str:
    """A claim's time for a reason: as stated, else its publication date."""
    if c.time_text:
        return c.time_text
    published = c.extra.get("published")
    return f"published {published}" if published else "no time stated"


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
    # "88 of the dead had been identified", "170 of the bodies have now been identified":
    # parts of one group picked out by one thing that happened to them are one count
    picked = bool(a.extra.get("partitive") and b.extra.get("partitive") and a.event_norm
                  and a.event_norm == b.event_norm and a.extra.get("event_rule") and b.extra.get("event_rule"))
    # "Harris County reported 31 of the deaths", "Harris County recorded the most deaths, 43":
    # a place's share of the whole is that place's count
    picked = picked or bool(a.place and a.place == b.place and a.place != "*")
    for c in (a, b):
        if c.incremental:
            return f"'{c.quote}' adds to an earlier count"
        if (c.extra.get("partitive") and not picked) or c.extra.get("part"):
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


def _agree_words(a: Quantity, b: Quantity, rates: Rates | None = None) -> str:
    if a.value is not None and b.value is not None and a.value == b.value and a.unit == b.unit:
        return "are the same figure"
    converted = money_reason(a, b, rates=rates)
    if converted:
        return f"meet once converted {converted}"
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
