"""Shared fixtures: the pipeline is built once per session (building it takes a second)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "clusters" / "libya-sirte-airstrikes"


@pytest.fixture(scope="session")
def nlp():
    from reconcile.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def nlp_all():
    """The pipeline that parses every sentence (``build_nlp(parse="all")``)."""
    from reconcile.nlp import build_nlp

    return build_nlp(parse="all")


@pytest.fixture(scope="session")
def seed_articles():
    from reconcile.sources import apply_metadata, read_articles, read_metadata

    articles, skipped = read_articles([str(p) for p in sorted(SEED.glob("*.txt"))])
    assert not skipped
    return apply_metadata(articles, read_metadata(SEED / "gold.json"))


@pytest.fixture(scope="session")
def seed_claims(seed_articles, nlp):
    from reconcile.claims import extract_claims

    return extract_claims(seed_articles, nlp=nlp)
