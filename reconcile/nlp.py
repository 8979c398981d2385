"""The one place the spaCy pipeline is assembled.

The default is ``spacy.blank("en")`` plus rule components: sentence boundaries
(punctuation and line breaks), the lookup lemmatizer from spacy-lookups-data, the number
reader (:mod:`reconcile.quantities`) and the claim reader (:mod:`reconcile.claims`).
A trained pipeline the user has installed can be named instead; the same components
then run on top of it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from reconcile.errors import ModelError

NEWLINE_SENTENCES = "reconcile_line_breaks"


@Language.component(
    NEWLINE_SENTENCES,
    assigns=["token.is_sent_start"],
)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and datelines carry no full stop."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False
    return doc


def build_nlp(model: str | None = None, *, lexicon: str | Path | None = None) -> Language:
    """Build the extraction pipeline.

    Parameters
    ----------
    model
        Name or path of an installed spaCy pipeline to start from. ``None`` (the
        default) starts from ``spacy.blank("en")``.
    lexicon
        A user TOML file extending the shipped word tables (see ``data/lexicon.toml``).
        ``None`` uses the shipped tables alone.

    Raises
    ------
    ModelError
        The named pipeline is not installed.
    """
    return _build(model, str(lexicon) if lexicon else None)


@lru_cache(maxsize=4)
def _build(model: str | None, lexicon: str | None) -> Language:
    # imported for their registrations
    import reconcile.claims  # noqa: F401
    import reconcile.quantities  # noqa: F401

    if model:
        try:
            nlp = spacy.load(model)
        except OSError as e:
            raise ModelError(
                f"spaCy pipeline {model!r} is not installed; install it first "
                f"(`python -m spacy download {model}`, or `pip install` its package) "
                "or leave out --model to use the built-in rules"
            ) from e
    else:
        nlp = spacy.blank("en")
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    nlp.add_pipe(NEWLINE_SENTENCES, after="sentencizer" if nlp.has_pipe("sentencizer") else None)
    if not nlp.has_pipe("lemmatizer"):
        lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        lemmatizer.initialize()
    nlp.add_pipe("reconcile_quantities")
    nlp.add_pipe("reconcile_claims", config={"lexicon": lexicon})
    return nlp
