"""Tests for reconcile.quantities.component: the spaCy component ``reconcile_quantities``."""
from __future__ import annotations

import spacy

from reconcile.quantities import FACTORY_NAME, SPANS_KEY


def test_component_stores_spans_with_readings():
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY_NAME)
    doc = nlp("ISIS had about 5,000 fighters and two T-72 tanks in Sirte.")
    spans = doc.spans[SPANS_KEY]
    assert [s.text for s in spans] == ["about 5,000", "two", "T-72"]
    assert [s._.quantity.kind for s in spans] == ["count", "count", "model"]
    assert spans[0]._.quantity.value == 5000
