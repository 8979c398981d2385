"""Claims: each number an article asserts, with what it counts, what happened, where,
when, and who says so.

:mod:`reconcile.claims.thing` reads what a number counts from the dependency parse;
:mod:`reconcile.claims.reader` (the ``reconcile_claims`` component) reads the rest of a
claim and takes the parse's thing where the words next to the number say nothing.
:func:`extract_claims` runs the pipeline over articles and returns :class:`Claim`\\ s.
"""
from __future__ import annotations

from reconcile.claims.reader import (
    CLAIMS_KEY,
    QUANTITIES_KEY,
    ClaimReader,
    claims_frame,
    claims_from_doc,
    extract_claims,
    iter_claims,
    make_claim_reader,
)
from reconcile.claims.thing import THING, Counted, read_counted
from reconcile.model import Claim

__all__ = [
    "CLAIMS_KEY",
    "QUANTITIES_KEY",
    "THING",
    "Claim",
    "ClaimReader",
    "Counted",
    "claims_frame",
    "claims_from_doc",
    "extract_claims",
    "iter_claims",
    "make_claim_reader",
    "read_counted",
]
