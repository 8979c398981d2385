"""What a number counts, read from the dependency parse.

The counted thing is where the sentence's structure puts it, in Universal Dependencies
terms (see :mod:`reconcile.ud` for parsers that use other labels):

======================  ==============================================  =================
structure               example                                          rule
======================  ==============================================  =================
number on its noun      "about 5,000 **fighters**", "two T-72 **tanks**" ``nummod``
partitive "of"          "32 of the **dead**", "billions of **dollars**"   ``partitive``
copula's subject        "Gaming **revenue** was $2.49 billion"            ``copula-subject``
... of a comparative    "**Revenue** was 41 percent higher"              ``copula-subject``
figure verb + at/to     "**turnout** stood at 66%", "the **toll** rose to 45" ``verb-subject``
... with an object      "put the **losses** at $7 billion"                ``verb-object``
noun + "of"             "**raises** of 36%", "a **toll** of 45"          ``of-noun``
apposition of the number "revised to 78 **the number** of dead"           ``apposition``
elided noun             "killed 20 **people** and injured 290"           ``elided-conjunct``
a line's label          "**Deaths**: 206", "**Deaths** by town: Suzu 91"  ``label``
... saying what happened "**Missing**: 125" (what happened to them)         ``label-event``
level a verb reached    "**Pledges** reached EUR 880 million"            ``verb-subject``
size of a change        "**Sales** rose 101%"                            ``verb-subject``
======================  ==============================================  =================

A word tagged as a verb in a noun's place ("seeking wage **increases** of 36 percent":
a verb is never an object or a subject in Universal Dependencies) is read as the noun
it is (:func:`nominal`); the subject of an active verb that sets a figure ("authorities
revised to 78 the number of dead") is who set it, so only the verbs of
:data:`SUBJECT_FIGURE_VERBS` (and a passive) give their subject as what is counted.

A label is the layout of a fact box or a list, not of a sentence: a short noun phrase
opening its line, then a colon, then the figure (or a name and the figure, in a list of
"Name N" items). The parse of such a line is unreliable, so the line's shape is read.

The ``reconcile_thing`` component stores the reading of each quantity span in
``span._.counted`` (``None`` when the parse names no thing); the claim reader takes it
where the words next to the number say nothing.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from reconcile.nlp import doc_text

THING = "reconcile_thing"
QUANTITIES_KEY = "quantities"
NOUNS = frozenset({"NOUN", "PROPN"})
# the modifiers that belong to the counted noun's phrase ("T-72 tanks", "pro-government fighters")
PHRASE_DEPS = frozenset({"compound", "amod", "flat"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
# the places of a noun phrase: a word tagged as a verb there is a mistagged noun
NOMINAL_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})
# the tags a mistagged noun comes with ("increases" as VBZ, "increase" as VB/VBP)
PLURAL_OR_BARE = frozenset({"VBZ", "VBP", "VB"})
# what only a clause has: its subject, an auxiliary, a subordinator, an object
CLAUSE_DEPS = frozenset({"nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "obj", "cop", "expl"})
# the prepositions that tie a figure to a verb whose subject or object it measures
FIGURE_CASES = frozenset({"at", "to", "by", "of"})

# verbs whose object is the level their subject reached: "pledges reached EUR 880 million"
LEVEL_VERBS = frozenset({"reach", "total", "hit", "top", "exceed", "surpass", "near", "pass", "approach"})
# verbs whose object is the size of a change of their subject: "sales rose 101%"
CHANGE_VERBS = frozenset({"rise", "fall", "climb", "jump", "drop", "slip", "slide", "gain", "grow", "surge",
                          "soar", "plunge", "tumble", "sink", "increase", "decrease", "decline", "advance"})
# verbs whose subject is the figure a number after "at" or "to" gives: "turnout stood at
# 66%", "shares closed at $248.42", "the toll came to 45"; the subject of any other verb
# (an active "revised to 78") did something to the figure
SUBJECT_FIGURE_VERBS = LEVEL_VERBS | CHANGE_VERBS | frozenset({
    "be", "stand", "close", "open", "end", "finish", "settle", "peak", "come", "amount", "remain", "stay",
    "hover", "sit", "run", "rank", "trade", "average", "number", "put", "reach"})
# what a label that says what happened is tagged as: "Missing: 125", "Injured: 806"
LABEL_EVENTS = frozenset({"ADJ", "VERB"})
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
        return nominal(t) and not span.start <= t.i < span.end and t.text not in ("$", "%") and not t.is_space

    label = line_label(span)
    if label is not None and not (dep == "nummod" and head.i > top.i and countable(head)):
        # "Deaths: 206"; but "Displaced: 538,000 people" counts people. "Missing: 125": the
        # label says what happened to those counted
        rule = "label" if label[0].pos_ in NOUNS else "label-event"
        return Counted(head.doc[label[0].i:label[0].i + 1], label[0], rule)

    if dep == "nummod" and countable(head):
        while head.dep_ == "compound" and head.head.i == head.i + 1 and countable(head.head) \
                and "Plur" not in head.morph.get("Number"):
            head = head.head  # "22 crew members" with the number hung on "crew": the members
        return _counted(head, "nummod")
    appositive = next((c for c in children(top) if c.dep_ == "appos" and c.i > top.i and countable(c)
                       and any(case_of(g) == "of" for g in children(c))), None)
    if appositive is not None:
        # "revised to 78 the number of confirmed dead"; but "at 30,000, a gap that ..." says
        # what the figure means, not what it counts
        return _counted(appositive, "apposition")
    for child in children(top):
        if child.dep_ in ("nmod", "obl") and case_of(child) == "of" and countable(child):
            return _counted(child, "partitive")
    if any(child.dep_ == "cop" for child in children(top)):
        subject = next((c for c in children(top) if c.dep_ in SUBJECTS and countable(c)), None)
        if subject is not None:
            return _counted(subject, "copula-subject")
    if head.tag_ in ("JJR", "RBR") and dep in ("obl:unmarked", "obl:npmod", "nmod:npmod", "obl", "advmod") \
            and any(child.dep_ == "cop" for child in children(head)):
        # "Revenue was 41 percent higher than a year earlier": the size of the subject's change
        subject = next((c for c in children(head) if c.dep_ in SUBJECTS and countable(c)), None)
        if subject is not None:
            return _counted(subject, "copula-subject")
    if dep == "obj" and head.pos_ == "VERB" and head.lemma_ in CHANGE_VERBS:
        # "Sales rose 101%": the size of the change of the verb's subject
        subject = next((c for c in children(head) if c.dep_ in SUBJECTS and countable(c)), None)
        if subject is not None:
            return _counted(subject, "verb-subject")
    if dep == "obj" and head.pos_ == "VERB" and head.lemma_ in LEVEL_VERBS:
        # "Pledges reached EUR 880 million": the level the subject reached
        subject = next((c for c in children(head) if c.dep_ in SUBJECTS and countable(c)), None)
        if subject is not None:
            return _counted(subject, "verb-subject")
    if dep == "obl" and head.pos_ in ("VERB", "AUX") and case_of(top) in FIGURE_CASES:
        obj = next((c for c in children(head) if c.dep_ == "obj" and countable(c)), None)
        if obj is not None:
            return _counted(obj, "verb-object")
        subject = next((c for c in children(head) if c.dep_ in SUBJECTS and countable(c)), None)
        if subject is not None and (subject.dep_ == "nsubj:pass" or head.lemma_ in SUBJECT_FIGURE_VERBS):
            # "turnout stood at 66%", "the damage was estimated at $7 billion"; but the
            # subject of "authorities revised to 78 the number of dead" is who revised it
            return _counted(subject, "verb-subject")
    if dep in ("nmod", "obl") and case_of(top) == "of" and countable(head) and head.pos_ != "PROPN":
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


DATELINE = re.compile(r"^\s*[A-Z][A-Z .'/-]{2,}(?:,[^\n]{0,60}?)?\s[-\u2013\u2014]\s")
"""A dateline opening a sentence: "NEW YORK, 23 August (Capital Wire) - "."""


DATELINE_CHARS = 160
"""The longest stretch at a sentence's start a dateline is looked for in."""


def dateline_end(token: Token) -> int:
    """The character offset where the dateline of ``token``'s sentence ends (its start if none).

    Constant time: ``token.sent`` walks the whole sentence, which in a 100 KB sentence
    with no full stop, asked for every figure, cost time quadratic in its length.
    """
    start = sentence_start_char(token)
    end = sentence_end_char(token)
    m = DATELINE.match(doc_text(token.doc)[start:min(end, start + DATELINE_CHARS)])
    return start + (m.end() if m else 0)


def _sentence_bounds(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """The token index and character offsets where each of ``doc``'s sentences starts
    and ends, worked out once per Doc."""
    key = "reconcile_sentence_bounds"
    bounds = doc.user_data.get(key)
    if bounds is None or bounds[3] != len(doc):
        sents = list(doc.sents)
        bounds = ([s.start for s in sents], [s.start_char for s in sents], [s.end_char for s in sents], len(doc))
        doc.user_data[key] = bounds
    return bounds[0], bounds[1], bounds[2]


def sentence_start_char(token: Token) -> int:
    """The character offset where ``token``'s sentence starts, without walking it."""
    starts, chars, _ = _sentence_bounds(token.doc)
    return chars[max(0, bisect_right(starts, token.i) - 1)] if starts else 0


def sentence_end_char(token: Token) -> int:
    """The character offset where ``token``'s sentence ends, without walking it."""
    starts, _, ends = _sentence_bounds(token.doc)
    return ends[max(0, bisect_right(starts, token.i) - 1)] if starts else token.doc[-1].idx + len(token.doc[-1])


LABEL_WORDS = 8
"""The longest label a line may open with ("Persons whose safety has not been confirmed")."""
_BULLETS = frozenset({"-", "*", "\u2022", "\u2013", "\u2014"})


def line_label(span: Span) -> tuple[Token, Token | None] | None:
    """The label that opens the line of the figure in ``span``, and the name the figure is
    listed under, if any: "Deaths: 206" gives (Deaths, None); "Deaths by municipality:
    Suzu 91, Wajima 83" gives (Deaths, Suzu) for 91. ``None`` when the line has no label
    or the figure is not its value.
    """
    doc = span.doc
    first = span.start
    before = doc[first - 1] if first > 0 else None
    name = None
    if before is not None and before.text[:1].isupper() and before.is_alpha and first >= 2 \
            and doc[first - 2].text in (":", ","):
        name, before = before, doc[first - 2]  # "Suzu 91": a list item under the label
    if before is None or before.text not in (":", ","):
        return None
    # walk back over the list to the colon, then over the label to the start of the line
    k = before.i
    while k >= 0 and doc[k].text != ":":
        if "\n" in doc[k].text or before.i - k > 4 * LABEL_WORDS:
            return None
        k -= 1
    if k < 0 or (name is None and k != before.i):
        return None
    colon = k
    start = colon
    while start > 0 and "\n" not in doc[start - 1].text and not doc[start - 1].is_space:
        start -= 1
        if colon - start > LABEL_WORDS + 1:
            return None
    words = [t for t in doc[start:colon] if t.text not in _BULLETS and not t.like_num]
    if not words or not words[0].text[:1].isupper():
        return None
    head = words[0]
    if head.pos_ not in NOUNS | LABEL_EVENTS:
        return None  # a label opens with its noun ("Deaths", "Evacuees in shelters") or what happened ("Missing")
    return head, name


def nominal(token: Token) -> bool:
    """Whether ``token`` heads a noun phrase: a noun or a name, or a word tagged as a verb
    in a noun's place ("seeking wage **increases** of 36 percent": a verb is never an
    object or a subject in Universal Dependencies, whatever the tagger says), with none
    of a clause's own dependents."""
    if token.pos_ in NOUNS:
        return True
    if token.pos_ in ("ADJ", "VERB") and token.dep_ in NOMINAL_DEPS | {"nmod", "obl"} \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in children(token)) \
            and not any(c.dep_ in CLAUSE_DEPS | {"amod"} for c in children(token)):
        return True  # "32 of the dead", "among the injured": an adjective standing for those it describes
    return token.pos_ == "VERB" and token.dep_ in NOMINAL_DEPS and token.tag_ in PLURAL_OR_BARE and not any(
        c.dep_ in CLAUSE_DEPS for c in children(token))


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
