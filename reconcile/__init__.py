"""reconcile: find where news reports of one event disagree on the numbers, and why.

The public API is imported lazily so that ``reconcile --help`` does not pay for spaCy:

>>> import reconcile
>>> [q.text for q in reconcile.parse_quantities("about 5,000 fighters")]
['about 5,000']
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.7.0"

_API = {
    "parse_quantities": "reconcile.quantities",
    "read_articles": "reconcile.sources",
    "build_nlp": "reconcile.nlp",
    "extract_claims": "reconcile.claims",
    "reconcile": "reconcile.judge",
    "make_report": "reconcile.api",
    "judge_claims": "reconcile.api",
    "group_stories": "reconcile.stories",
    "build_figures": "reconcile.figures",
    "Tolerance": "reconcile.tolerance",
    "Article": "reconcile.model",
    "Quantity": "reconcile.model",
    "Claim": "reconcile.model",
    "Finding": "reconcile.model",
    "Figure": "reconcile.model",
    "Report": "reconcile.model",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'reconcile' has no attribute {name!r}")
    return getattr(import_module(module), name)
