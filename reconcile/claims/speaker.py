"""Who a figure is attributed to, read from the parse.

A figure is said by the subject of the attribution verb whose clause holds it, in
Universal Dependencies terms:

=============================  ===================================================  =========
structure                      example                                              rule
=============================  ===================================================  =========
clause under a saying verb     "**Ishikawa prefecture** said the toll stood at 73"  ``said``
saying verb inside the clause  "73 people died, **the ministry** said"               ``said``
inverted                       "..., said **the minister**"                          ``said``
=============================  ===================================================  =========

The walk goes up from the figure through the heads of its clause (a complement, a
parenthetical "X said" hangs on the figure's own verb) to the first verb of
:attr:`reconcile.lexicon.Lexicon.attribution_verbs`; its subject, with its compounds,
modifiers and "of" phrase, is the speaker. A pronoun subject ("he said") or a passive
("was believed") names nobody here: the claim reader's own reading, which follows a
pronoun back to its name, is used instead. The ``reconcile_speaker`` component stores
the reading in ``span._.speaker`` (``None`` where the parse names nobody).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from reconcile.claims.thing import QUANTITIES_KEY, anchor, children, dateline_end
from reconcile.lexicon import load_lexicon
from reconcile.nlp import doc_text

SPEAKER = "reconcile_speaker"
SUBJECTS = frozenset({"nsubj"})
# the dependents that belong to a speaker's name: "the **state medical examiner's** office"
NAME_DEPS = frozenset({"compound", "amod", "flat", "det", "nmod:poss", "case", "nmod", "appos", "nummod"})
# how a parenthetical "the ministry said" hangs on the verb of the clause it reports
ASIDE = frozenset({"parataxis"})
MAX_UP = 8
MAX_NAME = 12

if not Span.has_extension("speaker"):
    Span.set_extension("speaker", default=None)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a figure: the name as written, its tokens, and the saying verb."""

    name: str
    tokens: tuple[Token, ...]
    verb: Token
    rule: str = "said"


def read_speaker(span: Span, *, verbs: frozenset[str]) -> Speaker | None:
    """The speaker of the figure in ``span``, from the parse; ``None`` if it names nobody.

    ``verbs`` are the attribution verbs (lower-case forms, as the lexicon lists them).
    """
    token = anchor(span)
    for _ in range(MAX_UP):
        said = _saying(token, verbs)
        if said is None:
            # "73 died, the ministry said": the saying verb hangs on the figure's own verb
            said = next((found for child in children(token) if child.dep_ in ASIDE
                         and not span.start <= child.i < span.end
                         if (found := _saying(child, verbs)) is not None), None)
        if said is not None:
            if any(span.start <= t.i < span.end for t in said.tokens):
                return None  # "officials from 12 countries said": the figure is in the subject
            return said
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _saying(verb: Token, verbs: frozenset[str]) -> Speaker | None:
    if verb.pos_ not in ("VERB", "AUX") or verb.lower_ not in verbs:
        return None
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in children(verb)):
        return None  # "was believed to", "is estimated": no one is named as saying it
    # the subject nearest the verb: a parser may hang a clause's own subject there too
    # ("A ferry ... capsized, the coast guard said")
    subject = min((c for c in children(verb) if c.dep_ in SUBJECTS), key=lambda c: abs(c.i - verb.i), default=None)
    if subject is None or subject.pos_ == "PRON":
        return None
    tokens = _name(subject)
    if not tokens:
        return None
    text = doc_text(verb.doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)]  # joined once per Doc
    return Speaker(text, tuple(tokens), verb)


def _name(head: Token) -> list[Token]:
    """The subject's phrase: the head with the dependents that belong to its name, never
    a clause ("the official who ...") and never more than :data:`MAX_NAME` tokens."""
    keep = {head.i}
    frontier = [head]
    while frontier:
        t = frontier.pop()
        for c in children(t):
            if c.dep_ in NAME_DEPS and abs(c.i - head.i) <= MAX_NAME:
                keep.add(c.i)
                frontier.append(c)
    lo, hi = min(keep), max(keep)
    doc = head.doc
    # "NEW YORK, Nov. 9 (Wire) - Pfizer said": a dateline's city is where it was written
    written_at = dateline_end(head)
    if head.idx < written_at:
        return []
    words = [doc[i] for i in range(lo, hi + 1) if doc[i].idx >= written_at]
    cut = next((k for k, w in enumerate(words) if w.text in ("(", "[", ",", "\u2014", "\u2013") and k), None)
    if cut is not None:
        words = words[:cut]  # "The Federal Emergency Management Agency (FEMA)": the name before the brackets
    while words and (words[0].is_punct or words[0].dep_ == "case"):
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    return words


@Language.factory(
    SPEAKER,
    default_config={"lexicon": None},
    requires=["doc.spans", "token.dep", "token.head", "token.pos"],
    assigns=["span._.speaker"],
)
def make_speaker(nlp: Language, name: str, lexicon: str | None) -> SpeakerReader:
    """The ``reconcile_speaker`` component, with the attribution verbs of ``lexicon``."""
    return SpeakerReader(load_lexicon(lexicon).attribution_verbs)


class SpeakerReader:
    """Read who each quantity is attributed to from the parse (``span._.speaker``)."""

    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = frozenset(verbs)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for span in doc.spans.get(QUANTITIES_KEY, []):
            span._.speaker = read_speaker(span, verbs=self.verbs)
        return doc
