"""Claims: each number an article asserts, with what it counts, what happened, where,
when, and who says so.

:mod:`reconcile.claims.thing` (what a number counts), :mod:`reconcile.claims.event` (what
happened to it), :mod:`reconcile.claims.time` (which time expression it is as of),
:mod:`reconcile.claims.scope` (places and subgroups) and :mod:`reconcile.claims.speaker`
(who says so) read their field from the dependency parse, one spaCy component each;
:mod:`reconcile.claims.reader` (the ``reconcile_claims`` component) assembles the claim
and falls back on windows of words where the parse names nothing.
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
from reconcile.claims.event import EVENT, Happened, read_event
from reconcile.claims.thing import THING, Counted, read_counted
from reconcile.claims.time import TIME, When, read_time
from reconcile.model import Claim

__all__ = [
    "CLAIMS_KEY",
    "EVENT",
    "QUANTITIES_KEY",
    "THING",
    "TIME",
    "Claim",
    "ClaimReader",
    "Counted",
    "Happened",
    "claims_frame",
    "claims_from_doc",
    "extract_claims",
    "iter_claims",
    "make_claim_reader",
    "read_counted",
    "read_event",
    "read_time",
    "When",
]
