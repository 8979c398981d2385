"""Figures: judged pairs gathered into the claims of one quantity, ranked."""
from __future__ import annotations

import pytest

from reconcile.figures import build_figures, figure_name, figure_of, relative_gap
from reconcile.model import Claim, Finding, Quantity


def _claim(cid: str, value: float, *, source: str | None = None, published: str = "2023-09-12",
           topic: str = "death", event: str = "die", place: str = "") -> Claim:
    q = Quantity(str(value), 0, 1, value, value)
    return Claim(cid, source or cid, 0, 1, "s", 0, str(value), q, topic=topic, event_norm=event, place=place,
                 extra={"published": published})


def _f(status: str, a: str, b: str) -> Finding:
    return Finding(status, a, b, "t", "r", 1.0)


CLAIMS = [
    _claim("a", 5, published="2023-09-13"), _claim("b", 2, published="2023-09-12"), _claim("c", 5),
    _claim("d", 100, topic="house", event="destroy"), _claim("e", 100, topic="house", event="destroy"),
    _claim("f", 7, topic="tank", event=""), _claim("g", 9, topic="tank", event=""),
    _claim("h", 1000, topic="person", event="flee"), _claim("i", 1100, topic="person", event="flee"),
]


def test_figures_group_linked_claims_and_take_the_most_pressing_status():
    findings = [_f("conflict", "a", "b"), _f("agree", "a", "c"), _f("agree", "d", "e"),
                _f("update", "h", "i"), _f("review", "f", "g"), _f("review", "b", "d")]
    figures = build_figures(CLAIMS, findings)
    assert [(fig.id, fig.status, fig.claims) for fig in figures] == [
        ("f1", "conflict", ("b", "c", "a")),  # earliest first: b and c were published the day before a
        ("f2", "update", ("h", "i")),
        ("f3", "agree", ("d", "e")),
    ]
    # review pairs join no figure: they may be about two quantities
    assert "f" not in figure_of(figures) and figure_of(figures)["b"] == "f1"
    conflict = figures[0]
    assert (conflict.name, conflict.gap, conflict.sources, conflict.disagreeing) == ("death (die)", 0.6, 3, 2)
    assert [f.status for f in conflict.findings] == ["conflict", "agree"]


def test_figures_rank_conflicts_by_gap_then_disagreeing_sources():
    claims = [_claim("a", 10), _claim("b", 11), _claim("c", 10, topic="house"), _claim("d", 50, topic="house"),
              _claim("e", 10, topic="car", source="x"), _claim("f", 11, topic="car", source="y"),
              _claim("g", 11, topic="car", source="z")]
    findings = [_f("conflict", "a", "b"), _f("conflict", "c", "d"), _f("conflict", "e", "f"),
                _f("conflict", "e", "g")]
    figures = build_figures(claims, findings, story="derna")
    assert [(fig.id, fig.claims) for fig in figures] == [
        ("derna/f1", ("c", "d")), ("derna/f2", ("e", "f", "g")), ("derna/f3", ("a", "b"))]
    assert all(fig.story == "derna" for fig in figures)


def test_figures_none_without_findings_and_unknown_claims_are_ignored():
    assert build_figures(CLAIMS, []) == []
    assert build_figures(CLAIMS, [_f("conflict", "a", "nowhere")]) == []


@pytest.mark.parametrize(
    ("a", "b", "gap"),
    [((5.0, 5.0), (2.0, 2.0), 0.6), ((100.0, 200.0), (150.0, 150.0), 0.0), ((0.0, 0.0), (0.0, 0.0), 0.0),
     ((300.0, float("inf")), (10.0, 20.0), 0.9333)],
    ids=["points", "inside", "zero", "unbounded"],
)
def test_figures_relative_gap(a, b, gap):
    assert relative_gap(a, b) == gap


def test_figures_name_takes_the_most_common_reading():
    claims = [_claim("a", 1, place="Derna"), _claim("b", 1, place="Derna"), _claim("c", 1, place="*"),
              _claim("d", 1, event="")]
    assert figure_name(claims) == "death (die) in Derna"
