"""Figures: the claims that state one quantity, across sources and speakers, with a status.

Judging gives a verdict per aligned pair; a fact-checker reads figures. A figure is a
connected group of claims linked by ``agree``, ``conflict`` or ``update`` findings inside
one story: "deaths in Derna", with every source's value, time, speaker and sentence, in
time order. Its status is the most pressing of its pairs':

- ``conflict``: values that cannot both be true at the same time (or a running total
  that fell), with the pairs that clash and how far apart they are;
- ``update``: a running figure that moved over time, read as a timeline;
- ``agree``: every pair consistent.

``review`` findings (a pair that may clash but cannot be pinned to one quantity: a
figure that names no place where others name several) join no figure: they may be about
two quantities, and linking through them would merge figures that are not one. They stay
pairs, listed beside the figures their claims belong to.

Figures are ranked by what matters: conflicts first, by the relative gap between the
clashing values, then by how many sources disagree; then updates; then agreements.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from reconcile import timeline
from reconcile.model import Claim, Figure, Finding
from reconcile.tolerance import Rates, interval

FIGURE_STATUSES = ("conflict", "update", "agree")
"""A figure's statuses, most pressing first."""


def build_figures(claims: Sequence[Claim], findings: Iterable[Finding], *, story: str = "",
                  rates: Rates | None = None) -> list[Figure]:
    """Group judged pairs into figures, ranked (see the module docstring).

    Parameters
    ----------
    claims
        The claims the findings name (others are ignored).
    findings
        Judged pairs from :func:`reconcile.judge.reconcile`; ``review`` pairs are left out.
    story
        The story the claims belong to, carried into each figure (default ``""``).
    rates
        Exchange rates the findings were judged with, for the gap between sums of money
        in two currencies (default ``None``).

    Returns
    -------
    list[Figure]
        Ids ``f1``, ``f2``... in rank order (with ``story`` as a prefix when given).
    """
    by_id = {c.id: c for c in claims}
    linked = [f for f in findings if f.status in FIGURE_STATUSES and f.a in by_id and f.b in by_id]
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f in linked:
        ra, rb = root(f.a), root(f.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in linked:
        groups[root(f.a)].append(f)
    drafts = [_figure(story, [by_id[i] for i in _members(fs)], fs, rates) for fs in groups.values()]
    drafts.sort(key=_rank)
    prefix = f"{story}/" if story else ""
    return [replace(fig, id=f"{prefix}f{n}") for n, fig in enumerate(drafts, 1)]


def figure_of(figures: Iterable[Figure]) -> dict[str, str]:
    """Each claim id with the id of the figure it belongs to."""
    return {c: fig.id for fig in figures for c in fig.claims}


def relative_gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far apart two intervals are, relative to the larger magnitude (0 when they meet).

    >>> relative_gap((5.0, 5.0), (2.0, 2.0))
    0.6
    >>> relative_gap((100.0, 200.0), (150.0, 150.0))
    0.0
    """
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    if lo <= hi:
        return 0.0
    scale = max(abs(x) for x in (*a, *b) if math.isfinite(x)) if any(math.isfinite(x) for x in (*a, *b)) else 0.0
    return round((lo - hi) / scale, 4) if scale else 0.0


def _members(findings: Sequence[Finding]) -> list[str]:
    seen: dict[str, None] = {}
    for f in findings:
        seen.setdefault(f.a)
        seen.setdefault(f.b)
    return list(seen)


def _figure(story: str, claims: list[Claim], findings: list[Finding], rates: Rates | None) -> Figure:
    claims.sort(key=_when_key)
    statuses = {f.status for f in findings}
    status = next(s for s in FIGURE_STATUSES if s in statuses)
    by_id = {c.id: c for c in claims}
    clashes = [f for f in findings if f.status == "conflict"]
    gap = max((relative_gap(interval(by_id[f.a].quantity, other=by_id[f.b].quantity, rates=rates)[:2],
                            interval(by_id[f.b].quantity, other=by_id[f.a].quantity, rates=rates)[:2])
               for f in clashes),
              default=0.0)
    disagreeing = len({by_id[i].source for f in clashes for i in (f.a, f.b)})
    findings = sorted(findings, key=lambda f: (FIGURE_STATUSES.index(f.status), f.a, f.b))
    return Figure(id="", story=story, name=figure_name(claims), status=status,
                  claims=tuple(c.id for c in claims), findings=tuple(findings), gap=gap,
                  sources=len({c.source for c in claims}), disagreeing=disagreeing)


def figure_name(claims: Sequence[Claim]) -> str:
    """What the claims count, what happened and where, from their most common readings:
    "death (die) in Derna"."""
    thing = _most_common(c.topic or c.quantity.kind for c in claims)
    event = _most_common(c.event_norm for c in claims if c.event_norm)
    place = _most_common(c.place for c in claims if c.place and c.place != "*" and not c.place.startswith("<"))
    words = [thing]
    if event and event != thing:
        words.append(f"({event})")
    if place:
        words.append(f"in {place}")
    return " ".join(words)


def _most_common(values: Iterable[str]) -> str:
    counts = Counter(values)
    if not counts:
        return ""
    return min(counts, key=lambda v: (-counts[v], v))


def _when_key(c: Claim) -> tuple[dt.date, str, int]:
    when = timeline.as_of(c)
    return (when[0] if when else dt.date.max), c.source, c.start


def _rank(fig: Figure) -> tuple[int, float, int, str]:
    return FIGURE_STATUSES.index(fig.status), -fig.gap, -fig.disagreeing, fig.claims[0]

