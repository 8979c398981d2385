"""The number reader as a spaCy component: ``reconcile_quantities``.

It calls :func:`~.reader.parse_quantities` on ``doc.text`` and stores the result in
``doc.spans["quantities"]``, each span's reading in ``span._.quantity``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from reconcile.nlp import doc_text

from .reader import parse_quantities
from .tables import Tables, load_tables

SPANS_KEY = "quantities"
FACTORY_NAME = "reconcile_quantities"

if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)


class QuantityTagger:
    """spaCy component: ``doc.spans[spans_key]`` holds every quantity, ``span._.quantity`` its reading."""

    def __init__(self, tables: Tables, spans_key: str = SPANS_KEY) -> None:
        self.tables = tables
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        """Read ``doc.text`` and store a span per quantity (a mention inside a token widens to it)."""
        spans = []
        for q in parse_quantities(doc_text(doc), tables=self.tables):
            span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
            if span is None:
                continue
            span._.quantity = q
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(FACTORY_NAME, default_config={"tables_path": None, "spans_key": SPANS_KEY},
                  assigns=["doc.spans"], requires=[])
def make_quantity_tagger(nlp: Language, name: str, tables_path: str | None, spans_key: str) -> QuantityTagger:
    """Build the ``reconcile_quantities`` component.

    ``tables_path`` (default ``None``: shipped tables) names a user rule file merged over
    the shipped one; ``spans_key`` (default ``"quantities"``) is the ``doc.spans`` key.
    """
    return QuantityTagger(load_tables(tables_path), spans_key=spans_key)
