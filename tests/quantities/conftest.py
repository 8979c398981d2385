"""Fixtures the tests of reconcile.quantities share (``nlp`` and the others of tests/conftest.py reach here too)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reconcile.quantities import parse_quantities

SEED = Path(__file__).resolve().parent.parent.parent / "fixtures" / "clusters" / "libya-sirte-airstrikes"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed cluster's articles, one text."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt")))


@pytest.fixture(scope="session")
def reads_as() -> Callable[..., None]:
    """Check that ``text`` holds ``mention`` read as kind, low, high and the ``extra`` fields."""

    def check(text, mention, kind, low, high, extra):
        found = {q.text: q for q in parse_quantities(text)}
        assert mention in found, f"{mention!r} not in {list(found)}"
        q = found[mention]
        assert q.kind == kind
        assert q.low == (pytest.approx(low) if low is not None else None)
        assert q.high == (pytest.approx(high) if high is not None else None)
        for key, want in extra.items():
            assert getattr(q, key) == want, key

    return check


@pytest.fixture(scope="session")
def claim_figures() -> Callable[[str], list[tuple]]:
    """The figures a claim can be made of: (text, kind, unit, low, high, change)."""

    def figures(text: str) -> list[tuple]:
        return [(q.text, q.kind, q.unit, q.low, q.high, q.change) for q in parse_quantities(text)
                if q.kind in ("count", "percent", "money", "measure") and "score" not in q.rule.split("+")]

    return figures
