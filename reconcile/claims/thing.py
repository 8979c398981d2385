"""What a number counts, read from the dependency parse.

The counted thing is where the sentence's structure puts it, in Universal Dependencies
terms (see :mod:`reconcile.ud` for parsers that use other labels):

======================  ==============================================  =================
structure               example                                          rule
======================  ==============================================  =================
number on its noun      "about 5,000 **fighters**", "two T-72 **tanks**" ``nummod``
partitive "of"          "32 of the **dead**", "billions of **dollars**"   ``partitive``
copula's subject        "Gaming **revenue** was $2.49 billion"            ``copula-subject``
figure verb + at/to     "**turnout** stood at 66%", "the **toll** rose to 45" ``verb-subject``
... with an object      "put the **losses** at $7 billion"                ``verb-object``
noun + "of"             "**raises** of 36%", "a **toll** of 45"          ``of-noun``
elided noun             "killed 20 **people** and injured 290"           ``elided-conjunct``
======================  ==============================================  =================

The ``reconcile_thing`` component stores the reading of each quantity span in
``span._.counted`` (``None`` when the parse names no thing); the claim reader takes it
where the words next to the number say nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

THING = "reconcile_thing"
QUANTITIES_KEY = "quantities"
NOUNS = frozenset({"NOUN", "PROPN"})
# the modifiers that belong to the counted noun's phrase ("T-72 tanks", "pro-government fighters")
PHRASE_DEPS = frozenset({"compound", "amod", "flat"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
# the prepositions that tie a figure to a verb whose subject or object it measures
FIGURE_CASES = frozenset({"at", "to", "by", "of"})

# how far from its head a dependent is looked for: a modifier we read sits close by, and
# a head with thousands of dependents (a list with no full stop) must not be walked for
# every number on it
REACH = 40

if not Span.has_extension("counted"):
    Span.set_extension("counted", default=None)


@dataclass(frozen=True, slots=True)
class Counted:
    """What a number counts: the noun phrase, its head word, and the rule that found it."""

    phrase: Span
    head: Token
    rule: str


def children(token: Token) -> list[Token]:
    """The dependents of ``token`` within :data:`REACH` tokens of it, in text order."""
    doc = token.doc
    start = max(token.left_edge.i, token.i - REACH)
    end = min(token.right_edge.i + 1, token.i + REACH + 1)
    out = []
    for k in range(start, end):
        t = doc[k]
        if k != token.i and t.head.i == token.i:
            out.append(t)
    return out


def lefts(token: Token) -> list[Token]:
    """The dependents of ``token`` before it, within :data:`REACH` tokens."""
    return [t for t in children(token) if t.i < token.i]


def rights(token: Token) -> list[Token]:
    """The dependents of ``token`` after it, within :data:`REACH` tokens."""
    return [t for t in children(token) if t.i > token.i]


def anchor(span: Span) -> Token:
    """The token of ``span`` that the rest of the sentence attaches to (its syntactic root)."""
    roots = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    return roots[-1] if roots else span[-1]


def read_counted(span: Span) -> Counted | None:
    """What the number in ``span`` counts, from the parse; ``None`` if the parse names nothing.

    ``span`` is a quantity as the number reader marks it ("about 5,000", "$2.49 billion").
    """
    top = anchor(span)
    dep, head = top.dep_, top.head

    def countable(t: Token) -> bool:
        return t.pos_ in NOUNS and not span.start <= t.i < span.end and t.text not in ("$", "%")

    if dep == "nummod" and countable(head):
        return _counted(head, "nummod")
    for child in children(top):
        if child.dep_ in ("nmod", "obl") and case_of(child) == "of" and countable(child):
            return _counted(child, "partitive")
    if any(child.dep_ == "cop" for child in children(top)):
        subject = next((c for c in children(top) if c.dep_ in SUBJECTS and countable(c)), None)
        if subject is not None:
            return _counted(subject, "copula-subject")
    if dep == "obl" and head.pos_ in ("VERB", "AUX") and case_of(top) in FIGURE_CASES:
        obj = next((c for c in children(head) if c.dep_ == "obj" and countable(c)), None)
        if obj is not None:
            return _counted(obj, "verb-object")
        subject = next((c for c in children(head) if c.dep_ in SUBJECTS and countable(c)), None)
        if subject is not None:
            return _counted(subject, "verb-subject")
    if dep in ("nmod", "obl") and case_of(top) == "of" and countable(head) and head.pos_ == "NOUN":
        # "raises of 36%"; "wage increases of 36 percent" (often parsed as obl)
        return _counted(head, "of-noun")
    if dep == "nmod" and case_of(top) in FIGURE_CASES and countable(head) and head.dep_ == "obj":
        # "raised its offer to 20%": the level the verb's object reached
        return _counted(head, "verb-object")
    if dep == "obj" and head.pos_ == "VERB":
        # "killed 20 people and injured 290": the noun the coordinated verb counts
        verbs = [head.head] if head.dep_ == "conj" else []
        verbs += [c for c in children(head) if c.dep_ == "conj"]
        for verb in verbs:
            if verb.pos_ != "VERB":
                continue
            for obj in children(verb):
                if obj.dep_ == "obj" and countable(obj) and any(c.dep_ == "nummod" for c in children(obj)):
                    return _counted(obj, "elided-conjunct")
    return None


def of_noun(head: Token, rule: str) -> Counted | None:
    """The noun an "of" phrase hangs on ``head``: "the number **of people** killed"."""
    child = next((c for c in children(head) if c.dep_ == "nmod" and case_of(c) == "of" and c.pos_ in NOUNS), None)
    return _counted(child, rule) if child is not None else None


def case_of(token: Token) -> str | None:
    """The preposition that marks ``token`` (its ``case`` dependent), lower-cased, or ``None``."""
    return next((c.lower_ for c in children(token) if c.dep_ == "case"), None)


def noun_phrase(head: Token) -> Span:
    """``head`` with the modifiers right before it that belong to it ("two **T-72** tanks")."""
    start = head.i
    for child in reversed(lefts(head)):
        if child.dep_ not in PHRASE_DEPS or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    return head.doc[start:head.i + 1]


def _counted(head: Token, rule: str) -> Counted:
    return Counted(noun_phrase(head), head, rule)


@Language.component(
    THING,
    requires=["doc.spans", "token.dep", "token.head", "token.pos"],
    assigns=["span._.counted"],
)
def thing_component(doc: Doc) -> Doc:
    """Read what each quantity counts from the parse (``span._.counted``)."""
    if not doc.has_annotation("DEP"):
        return doc
    for span in doc.spans.get(QUANTITIES_KEY, []):
        span._.counted = read_counted(span)
    return doc
