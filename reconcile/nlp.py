"""The one place the spaCy pipeline is assembled.

The default is reconcile's own trained pipeline, shipped inside the package
(:mod:`reconcile.pipeline`: tokenizer with news-number rules, tagger, morphologizer,
dependency parser with Universal Dependencies labels, rule lemmatizer), with our
components on top: sentence breaks at line ends (set before the parser, which keeps
them), the number reader (:mod:`reconcile.quantities`) and the claim reader
(:mod:`reconcile.claims`). A pipeline the user has installed can be named instead; the
same components then run on top of it, and a parser with spaCy's ClearNLP labels
("dobj", "pobj") is mapped to the Universal Dependencies scheme first
(:mod:`reconcile.ud`).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_SPACE, LEMMA, ORTH, SENT_START
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc
from spacy.vocab import Vocab

from reconcile.errors import ModelError
from reconcile.pipeline import load_shipped
from reconcile.tokenizer import keep_long_runs_whole
from reconcile.ud import UD_SCHEME, needs_ud_mapping

TEXT_KEY = "reconcile.text"
NEWLINE_SENTENCES = "reconcile_line_breaks"
LOOKUP_LEMMAS = "reconcile_lookup_lemmas"
AUX_LEMMAS = "reconcile_aux_lemmas"
# contracted auxiliaries, which no lemma table of spacy-lookups-data lists
_CONTRACTED_AUX = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'d": "would", "'ll": "will",
                   "wo": "will", "ca": "can", "sha": "shall"}


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once and kept in ``doc.user_data``.

    ``Doc.text`` builds a Token for every word each time it is read; the components
    that need the text share one copy, and :func:`make_doc` stores the input text so
    that it is never joined at all.
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize ``text`` for ``nlp.pipe``, with the text kept for :func:`doc_text`."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    return doc


@Language.component(
    NEWLINE_SENTENCES,
    assigns=["token.is_sent_start"],
)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and datelines carry no full stop.

    A line break is always inside a whitespace token ("\\n", "\\n\\n"); the token after it
    starts a sentence, and the break itself starts none (unless it follows another).
    Only the tokens around line breaks are touched, found from the Doc's arrays.
    """
    flags = doc.to_array([IS_SPACE, ORTH, SENT_START])
    strings = doc.vocab.strings
    breaks = [k for k in numpy.flatnonzero(flags[:, 0]).tolist() if "\n" in strings[flags[k, 1]]]
    if not breaks:
        return doc
    is_break = set(breaks)
    starts = flags[:, 2].astype("int64")
    for k in breaks:
        if k + 1 < len(doc):
            starts[k + 1] = 1
        if k >= 1 and k - 1 not in is_break:
            starts[k] = -1
    # one write: setting Token.is_sent_start checks the whole Doc for a parse each time
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


@lru_cache(maxsize=1)
def _lookup_table():
    """spacy-lookups-data's English word -> lemma table, loaded once per process."""
    return load_lookups(lang="en", tables=["lemma_lookup"]).get_table("lemma_lookup")


def word_lemma(word: str) -> str:
    """The lemma of a word out of context, from spacy-lookups-data: "wounded" -> "wound"."""
    return _lookup_table().get(word, word)


class VerbLemmas:
    """The verb a word comes from ("wounded" -> "wound", "aged" -> "age", "was" -> "be").

    The rule lemmatizer's own verb tables (exceptions, suffix rules, the index of verbs),
    applied as spaCy applies them to a verb; the pipeline's lemmatizer has them loaded.
    """

    def __init__(self, exceptions: dict[str, list[str]], rules: list[list[str]], index: frozenset[str]) -> None:
        self.exceptions, self.rules, self.index = exceptions, rules, index

    def __call__(self, word: str) -> str:
        if word in self.exceptions:
            return self.exceptions[word][0]
        if word in self.index:
            return word
        for old, new in self.rules:
            if word.endswith(old):
                form = word[:len(word) - len(old)] + new
                if form in self.index:
                    return form
        return word


def verb_lemmas(nlp: Language) -> Callable[[str], str]:
    """The verb lemma of a word by ``nlp``'s rule lemmatizer; without one, :func:`word_lemma`."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if nlp.has_pipe("lemmatizer") else None
    if lookups is None or not all(lookups.has_table(t) for t in ("lemma_exc", "lemma_rules", "lemma_index")):
        return word_lemma
    return VerbLemmas(dict(lookups.get_table("lemma_exc").get("verb", {})),
                      list(lookups.get_table("lemma_rules").get("verb", [])),
                      frozenset(lookups.get_table("lemma_index").get("verb", ())))


class LookupLemmas:
    """The lemma of each word from the lookup table of spacy-lookups-data.

    What spaCy's ``lemmatizer`` does in ``lookup`` mode (a word not in the table is its
    own lemma), over the Doc's arrays rather than Token by Token: each distinct word is
    looked up once and remembered, and the lemmas are written in one ``from_array``.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.strings = vocab.strings
        self.table = _lookup_table()
        self.lemma_of: dict[int, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemma_of, table, strings = self.lemma_of, self.table, self.strings
        lemmas = []
        for orth in doc.to_array(ORTH).tolist():
            lemma = lemma_of.get(orth)
            if lemma is None:
                lemma = lemma_of[orth] = strings.add(table.get(orth, strings[orth]))
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))
        return doc


@Language.factory(LOOKUP_LEMMAS, assigns=["token.lemma"])
def make_lookup_lemmas(nlp: Language, name: str) -> LookupLemmas:
    """Build the ``reconcile_lookup_lemmas`` component (English lookup table)."""
    return LookupLemmas(nlp.vocab)


class AuxLemmas:
    """The lemma of an auxiliary ("was", "had", "were" -> "be", "have", "be").

    spaCy's English rule lemmatizer has tables for nouns, verbs, adjectives and adverbs
    only, so an auxiliary keeps its own form; its lemma is its verb's ("was" as a main
    verb is "be" too).
    """

    def __init__(self, verb_lemma: Callable[[str], str]) -> None:
        self.verb_lemma = verb_lemma

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ == "AUX":
                low = token.lower_
                lemma = _CONTRACTED_AUX.get(low) or self.verb_lemma(low)
                if lemma != token.lemma_:
                    token.lemma_ = lemma
        return doc


@Language.factory(AUX_LEMMAS, requires=["token.pos", "token.lemma"], assigns=["token.lemma"])
def make_aux_lemmas(nlp: Language, name: str) -> AuxLemmas:
    """Build the ``reconcile_aux_lemmas`` component from the rule lemmatizer's verb tables."""
    return AuxLemmas(verb_lemmas(nlp))


def build_nlp(model: str | None = None, *, lexicon: str | Path | None = None) -> Language:
    """Build the extraction pipeline.

    Parameters
    ----------
    model
        Name or path of an installed spaCy pipeline to start from. ``None`` (the
        default) loads reconcile's shipped pipeline from the installed package.
    lexicon
        A user TOML file extending the shipped word tables (see ``data/lexicon.toml``).
        ``None`` uses the shipped tables alone.

    Raises
    ------
    ModelError
        The named pipeline is not installed, or the shipped one is missing or broken.
    """
    return _build(model, str(lexicon) if lexicon else None)


@lru_cache(maxsize=4)
def _build(model: str | None, lexicon: str | None) -> Language:
    # imported for their registrations
    import reconcile.claims  # noqa: F401
    from reconcile.claims.scope import SCOPE
    from reconcile.claims.speaker import SPEAKER
    from reconcile.claims.thing import THING
    import reconcile.quantities  # noqa: F401

    if model:
        try:
            nlp = spacy.load(model)
        except OSError as e:
            raise ModelError(
                f"spaCy pipeline {model!r} is not installed; install it first "
                f"(`pip install` its package) or leave out --model to use reconcile's own"
            ) from e
        if needs_ud_mapping(nlp):
            nlp.add_pipe(UD_SCHEME, after="parser")
        try:
            keep_long_runs_whole(nlp.tokenizer)
        except ModelError:
            pass  # a tokenizer of the user's own making: long runs are slower to split, not misread
    else:
        nlp = load_shipped()
        # a run of 65+ characters with no space (base64, "1/1/1/...") is one token:
        # spaCy's affix splitting is quadratic on such runs
        keep_long_runs_whole(nlp.tokenizer)
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    if nlp.has_pipe("sentencizer"):
        nlp.add_pipe(NEWLINE_SENTENCES, after="sentencizer")
    elif nlp.has_pipe("parser"):
        nlp.add_pipe(NEWLINE_SENTENCES, before="parser")  # the parser keeps boundaries set before it
    else:
        nlp.add_pipe(NEWLINE_SENTENCES)
    if not nlp.has_pipe("lemmatizer"):
        nlp.add_pipe(LOOKUP_LEMMAS)
    elif nlp.has_pipe("morphologizer") or nlp.has_pipe("tagger"):
        nlp.add_pipe(AUX_LEMMAS, after="lemmatizer")
    nlp.add_pipe("reconcile_quantities")
    if nlp.has_pipe("parser"):
        nlp.add_pipe(THING)
        nlp.add_pipe(SCOPE)
        nlp.add_pipe(SPEAKER, config={"lexicon": lexicon})
    nlp.add_pipe("reconcile_claims", config={"lexicon": lexicon})
    return nlp
