"""What happened to what a number counts, read from the parse.

The event of a figure is the verb that governs the counted noun, in Universal
Dependencies terms:

===============================  ================================================  ============
structure                        example                                           rule
===============================  ================================================  ============
clause on the counted noun       "72 people **killed** in the quake",              ``clause``
                                 "79 people who **died**", "44 people **dead**"
verb of the counted noun         "78 people **died**", "the strikes **killed** 20" ``verb``
predicate with a copula          "17 people are **dead**"                          ``predicate``
... or a group they are among    "21 staff were among those **killed**"            ``predicate``
open complement of that verb     "17 people are known to have **died**"            ``complement``
where a linking verb puts them   "there were 157 people **on board**"              ``adverbial``
===============================  ================================================  ============

A verb that only says how the figure is known (an attribution verb, "reported",
"confirmed", or a verb of :attr:`reconcile.lexicon.Lexicon.neutral_events`, "rose",
"stood") is not what happened: its open complement is taken if it has one, and otherwise
the parse names no event and the claim reader's own reading stands. The
``reconcile_event`` component stores a :class:`Happened` in ``span._.happened`` for each
quantity span (``None`` where the parse names no event), with the voice and whether the
verb is negated ("no U.S. forces **are involved**"), and, where those counted are the
active subject of a verb with an object, that object (``acted_on``: "two divers, who are
carrying his air **tank**" did the carrying; it did not happen to them).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from reconcile.claims.thing import QUANTITIES_KEY, anchor, children
from reconcile.lexicon import load_lexicon

EVENT = "reconcile_event"
# how the counted noun hangs on the verb that says what happened to it
ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})
# clauses that describe the counted noun: "people killed in ...", "people who died"
CLAUSES = frozenset({"acl", "acl:relcl"})
VERBS = frozenset({"VERB"})
PREDICATES = frozenset({"ADJ", "VERB"})
# verbs that link a subject to what it is: "six remained missing", "became ill"
LINKING = frozenset({"be", "have", "remain", "stay", "become", "get", "appear", "seem"})
MAX_CONJUNCTS = 12
# figure verbs that move a figure to a number ("brought the toll to 45"), and otherwise
# say what happened to what they move
MOVING = frozenset({"bring", "put", "push", "take"})
NEGATORS = frozenset({"not", "n't", "never", "no"})

if not Span.has_extension("happened"):
    Span.set_extension("happened", default=None)


@dataclass(frozen=True, slots=True)
class Happened:
    """The verb that says what happened to a figure's counted noun, and how it says it."""

    verb: Token
    rule: str
    passive: bool = False
    negated: bool = False
    acted_on: Token | None = None  # what those counted did it to: "two divers, who are carrying his air tank"


def counted_noun(span: Span) -> Token:
    """The noun a figure counts, where the number modifies it; else the figure's own head token."""
    counted = span._.counted
    if counted is not None and counted.rule == "nummod":
        return counted.head
    return anchor(span)


def _acted_on(noun: Token, verb: Token, passive: bool) -> Token | None:
    """The object of an active ``verb`` whose subject is what the figure counts, or the
    relative pronoun standing for it: then those counted did what the verb says ("20
    soldiers killed five fighters", "two divers, who are carrying his air tank"), and it
    did not happen to them. ``None`` otherwise."""
    if passive:
        return None
    kids = children(verb)
    subject = next((c for c in kids if c.dep_ == "nsubj"), None)
    relative = subject is not None and subject.lower_ in ("who", "that", "which") and verb.head.i == noun.i
    if subject is None or not (subject.i == noun.i or relative):
        return None
    return next((c for c in kids if c.dep_ == "obj" and c.i != noun.i and c.pos_ in ("NOUN", "PROPN")), None)


def read_event(span: Span, *, neutral: frozenset[str], events: frozenset[str] = frozenset()) -> Happened | None:
    """What happened to what the figure in ``span`` counts; ``None`` if the parse names nothing.

    ``neutral`` are lemmas of verbs that state or move a figure without saying what
    happened (attribution verbs, "rise", "stand", "report"); ``events``, the words of the
    event table, name what a linking verb's adverbial may say ("on board").
    """
    noun = counted_noun(span)
    for child in children(noun):
        if child.dep_ in CLAUSES and child.pos_ in PREDICATES and child.i > noun.i and not _sentential(child):
            happened = _telling(child, "clause", neutral)
            if happened is not None:
                return replace(happened, acted_on=_acted_on(noun, happened.verb, happened.passive))
        if child.dep_ == "amod" and child.pos_ == "ADJ" and child.i == noun.i + 1 and child.lower_ in events:
            return Happened(child, "clause")  # "at least 44 people dead", "six people missing"
    first = noun
    for _ in range(MAX_CONJUNCTS):
        if first.dep_ != "conj" or first.head.i == first.i:
            break
        first = first.head  # "seven French nationals, seven British citizens ... were on board"
    if first.dep_ in ARGUMENTS and first.head.pos_ in VERBS | {"AUX"}:
        happened = _telling(first.head, "verb", neutral, passive=first.dep_ == "nsubj:pass")
        if happened is None and first.dep_ in ("nsubj", "nsubj:pass") and first.head.pos_ == "VERB" \
                and first.head.lemma_.lower() not in LINKING:
            # "94 confirmed cases had been recorded": the verb over the counted noun only
            # says how the figure is known, and so the parse says nothing happened
            return Happened(first.head, "neutral", passive=first.dep_ == "nsubj:pass")
        if happened is not None and happened.verb.i == first.head.i:
            happened = replace(happened, acted_on=_acted_on(first, happened.verb, happened.passive))
        if happened is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in children(first)):
            happened = replace(happened, negated=True)  # "no U.S. forces are involved"
        if happened is None and first.head.lemma_.lower() in LINKING:
            # "there were 157 people on board", "seven French nationals, ... and five
            # Germans on board": where a linking verb puts them says what happened to them
            where = _where(first, events)
            return Happened(where, "adverbial") if where is not None else None
        return happened
    if first.dep_ == "nsubj" and first.head.pos_ in PREDICATES and any(c.dep_ == "cop" for c in children(first.head)):
        return _telling(first.head, "predicate", neutral)
    if first.dep_ == "nsubj" and any(c.dep_ == "cop" for c in children(first.head)) \
            and any(c.dep_ == "case" and c.lower_ == "among" for c in children(first.head)):
        return _among(first.head, neutral, events)
    return None


def _among(group: Token, neutral: frozenset[str], events: frozenset[str]) -> Happened | None:
    """What happened to the group a figure is counted among: "21 staff members were among
    those **killed**", "were among the **dead**"."""
    for child in children(group):
        if child.dep_ in CLAUSES and child.pos_ in PREDICATES and child.i > group.i:
            happened = _telling(child, "predicate", neutral)
            if happened is not None:
                return happened
    if group.lower_ in events or group.lemma_.lower() in events:
        return Happened(group, "predicate")
    return None


def _where(noun: Token, events: frozenset[str]) -> Token | None:
    """The adverbial of a linking verb, or a modifier of the last of the noun's conjuncts,
    that names what happened: "on **board**", "**aboard**"."""
    verb = noun.head
    conjuncts = [noun]
    for conjunct in conjuncts:  # grows as it goes: a parser may chain the conjuncts
        if len(conjuncts) < MAX_CONJUNCTS:
            conjuncts += [c for c in children(conjunct) if c.dep_ == "conj"]
    conjuncts.sort(key=lambda t: t.i)
    candidates = [c for c in children(verb) if c.dep_ in ("advmod", "obl") and c.i > noun.i]
    candidates += [c for c in children(conjuncts[-1]) if c.dep_ in ("nmod", "advmod") and c.i > conjuncts[-1].i]
    return next((c for c in candidates if c.lower_ in events or c.lemma_.lower() in events), None)


def _sentential(clause: Token) -> bool:
    """A relative clause about the whole sentence before it, not about its noun: "the boat
    carried 500 people, **which** would make it the worst disaster"."""
    doc = clause.doc
    k = clause.left_edge.i
    while k < clause.i and doc[k].is_punct:
        k += 1
    return doc[k].lower_ == "which" and k > 0 and doc[k - 1].text == ","


def _telling(verb: Token, rule: str, neutral: frozenset[str], *, passive: bool = False) -> Happened | None:
    """``verb`` as what happened, or its open complement when ``verb`` only says how the
    figure is known ("are known to have died", "are feared dead"); ``None`` if neither tells."""
    passive = passive or any(c.dep_ == "aux:pass" for c in children(verb))
    # "did not kill": the negation may hang on the auxiliary
    heads = [verb, *(c for c in children(verb) if c.dep_ == "aux")]
    negated = any(c.lower_ in NEGATORS and c.dep_ in ("advmod", "neg", "det") for h in heads for c in children(h))
    if verb.lemma_.lower() not in neutral and verb.lower_ not in neutral or _moved_elsewhere(verb):
        return Happened(verb, rule, passive, negated)
    complement = next((c for c in children(verb) if c.dep_ == "xcomp" and c.pos_ in PREDICATES), None)
    if complement is not None and complement.lemma_.lower() not in neutral:
        return Happened(complement, "complement", passive, negated)
    return None


def _moved_elsewhere(verb: Token) -> bool:
    """A verb that moves a figure ("brought the toll **to** 45", "put the losses **at**
    $7 billion") used of what was moved somewhere else: "four boys have been **brought**
    out of the cave" says what happened to the boys."""
    if verb.lemma_.lower() not in MOVING:
        return False
    return not any(c.dep_ in ("obl", "nmod", "obj") and any(
        g.dep_ == "case" and g.lower_ in ("to", "at") for g in children(c)) and any(
        g.like_num or g.pos_ == "NUM" for g in c.subtree) for c in children(verb))


@Language.factory(
    EVENT,
    default_config={"lexicon": None},
    requires=["doc.spans", "token.dep", "token.head", "token.pos", "token.lemma", "span._.counted"],
    assigns=["span._.happened"],
)
def make_event_reader(nlp: Language, name: str, lexicon: str | None) -> EventReader:
    """The ``reconcile_event`` component, with the neutral verbs of ``lexicon``."""
    lex = load_lexicon(lexicon)
    return EventReader(lex.neutral_events | lex.attribution_verbs | LINKING, frozenset(lex.event_of))


class EventReader:
    """Read what happened to what each quantity counts from the parse (``span._.happened``)."""

    def __init__(self, neutral: frozenset[str], events: frozenset[str] = frozenset()) -> None:
        self.neutral = frozenset(neutral)
        self.events = frozenset(events)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for span in doc.spans.get(QUANTITIES_KEY, []):
            span._.happened = read_event(span, neutral=self.neutral, events=self.events)
        return doc
