"""When a figure is as of, read from the parse: which of its sentence's time expressions
belongs to it.

The time expressions of a sentence are found by :func:`reconcile.timex.find_times`; the
parse says which one is the figure's, by where the expression hangs in the tree relative
to the path from the figure up to the sentence's root:

=============================  ===================================================  ===========
structure                      example                                              rule
=============================  ===================================================  ===========
a clause the figure is in      "the **1960** tsunami that killed 61 people",        ``another``
describes another time         "since **1992**, when an Airbus crashed, killing
                               all 167 people aboard"
hangs on what happened        "killing 820 people late **on Friday**"             ``event``
hangs on the figure's clause   "the toll rose to 72 **by Wednesday evening**"       ``clause``
only on a verb in another      "was completed **in 1974** and contains 120 flats"   ``other-tense``
tense the figure's verb is                                                          (no time)
coordinated with
=============================  ===================================================  ===========

The base of a change ("up 22% from **a year ago**", "higher than **a year earlier**") is
never the figure's time. A time right after the figure is its own, whatever the parser
made of a list ("9,000 crossed on 24 and 25 September, 22,800 **on 26 September**"), and
the time right before a "when" clause is that clause's ("since **2001**, when only 59.4
per cent ... cast a ballot"), wherever the parser hung the clause.

A time that modifies the head of a relative or adverbial clause holding the figure
(``another``) is the time of that other event, however far it is from the number: the
claim reader takes it over a nearer one, so a toll of 1960 is never read as this week's.
A time that hangs on a verb or noun on the figure's own path (``clause``, or ``event``
when that verb says what happened to what is counted) is the nearest such in the tree.
An ``event`` time dates what happened, not the count: a toll of a Friday quake reported
on Saturday is as of Saturday (:func:`reconcile.timeline.as_of`). The ``reconcile_time`` component stores a :class:`When` in
``span._.when`` (``None`` where the parse ties no time to the figure).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from reconcile import timex
from reconcile.claims.event import counted_noun
from reconcile.claims.thing import QUANTITIES_KEY, dateline_end, sentence_end_char, sentence_start_char
from reconcile.nlp import doc_text

TIME = "reconcile_time"
# clauses that tell of another event than the sentence's: "the tsunami **that killed** 61"
OTHER_CLAUSES = frozenset({"acl", "acl:relcl"})
MAX_UP = 12
TIME_REACH = 400  # characters either side of a figure where its time expression may be
# what makes the time after it the base a change is measured from
BASE_OF_CHANGE = re.compile(r"\b(?:from|than|compared (?:with|to)|versus|vs\.?)\s+$", re.IGNORECASE)

if not Span.has_extension("when"):
    Span.set_extension("when", default=None)


@dataclass(frozen=True, slots=True)
class When:
    """A time expression the parse ties to a figure: its character offsets, text and rule."""

    start: int
    end: int
    text: str
    rule: str


def path_up(token: Token) -> list[tuple[Token, str]]:
    """``token`` and its heads up to the root, each with the relation it was reached by."""
    path = [(token, "")]
    t = token
    for _ in range(MAX_UP):
        if t.head.i == t.i:
            break
        path.append((t.head, t.dep_))
        t = t.head
    return path


def read_time(span: Span, times: list[tuple[int, int, str]]) -> When | None:
    """Which of ``times`` (character offsets in the document) the figure in ``span`` is as of."""
    if not times:
        return None
    doc = span.doc
    whole = doc_text(doc)  # Doc.text joins every token on each call
    path = path_up(counted_noun(span))
    at = {t.i: k for k, (t, _) in enumerate(path)}
    # the head of the first relative clause the figure sits in: what the clause describes
    other = next((k for k, (t, dep) in enumerate(path) if dep in OTHER_CLAUSES
                  or dep == "advcl" and _when_clause(path[k - 1][0])), None)
    if other is not None:
        named = _time_before_when(path[other - 1][0], times, whole)
        if named is not None:
            return named  # "since 2001, when only 59.4 per cent ... cast a ballot", however it is parsed
    # "was completed in 1974 and contains 120 flats": a verb in another tense than the one
    # it is coordinated with has times of its own, and none of the other's
    tense_break = next((k for k in range(1, len(path)) if path[k][1] == "conj" and _tenses_differ(
        path[k - 1][0], path[k][0])), None)
    told = span._.happened if span._.happened is not None and span._.happened.rule != "neutral" else None
    happened = told.verb.i if told is not None else None
    noun = counted_noun(span)
    reach = max(span.end_char, noun.idx + len(noun.text))
    event_verbs = _event_verbs(told.verb) if told is not None else set()
    best: tuple[int, int, float, When] | None = None
    other_tense = False
    # only the times near the figure: a tie in the tree is local, and a sentence with no
    # full stop may hold thousands of figures and times
    lo = bisect_left(times, (span.start_char - TIME_REACH,))
    hi = bisect_right(times, (span.end_char + TIME_REACH,))
    for start, end, text in times[lo:hi]:
        if start < span.end_char and end > span.start_char:
            continue  # the figure itself
        if whole.startswith(("'s", "\u2019s"), end):
            continue  # "last Friday's earthquake": the time of the quake, not of a count
        if BASE_OF_CHANGE.search(whole, max(0, start - 16), start) or text.lower().startswith(("from ", "than ")):
            continue  # "up 22% from a year ago", "88 percent higher than a year earlier": the base of a change
        expr = doc.char_span(start, end, alignment_mode="expand")
        if expr is None or expr.start_char < dateline_end(expr[0]):
            continue
        root = expr.root
        if root.i in at:
            k = at[root.i]
        elif root.head.i in at:
            k = at[root.head.i]
        elif root.head.i == happened:
            k = 0  # "72 people who died on Monday": the time of what happened to them
        else:
            continue  # another branch of the sentence
        if other is not None and k > other:
            continue  # the main clause's time, not that of the clause the figure is in
        if tense_break is not None and k >= tense_break:
            other_tense = True
            continue
        if other is not None and k == other:
            rule = "another"
        elif root.head.i in event_verbs:
            rule = "event"  # "killing 820 people late on Friday": when it happened, not when counted
        else:
            rule = "clause"
        # among times on one step of the tree, the nearest, counting from the end of the
        # counted noun on the right and a little farther on the left ("said on Monday it
        # sold 526,409 cars in October-December": the quarter is the sale's time)
        gap = max(0, start - reach) if start >= span.end_char else (span.start_char - end) * 1.3 + 1
        # right after the figure, a time is its own whatever the parser made of a list:
        # "9,000 crossed on 24 and 25 September, 22,800 on 26 September"
        adjacent = 0 if start >= reach and not whole[reach:start].strip() else 1
        if best is None or (adjacent, k, gap) < best[:3]:
            best = (adjacent, k, gap, When(start, end, text, rule))
    if best is None and other_tense:
        return When(span.start_char, span.start_char, "", "other-tense")  # no time, and none to guess
    return best[3] if best is not None else None


def _time_before_when(verb: Token, times: list[tuple[int, int, str]], whole: str) -> When | None:
    """The time expression right before the "when" that opens ``verb``'s clause ("since
    **2001**, when ..."): the time that clause describes, wherever the parser hung it."""
    when = next((c for c in verb.children if c.lower_ == "when" and c.dep_ in ("advmod", "mark")), None)
    if when is None or when.i >= verb.i:
        return None
    k = bisect_right(times, (when.idx,)) - 1
    if k < 0:
        return None
    start, end, text = times[k]
    between = whole[end:when.idx]
    return When(start, end, text, "another") if between.strip() in (",", "") and len(between) <= 3 else None


def _tenses_differ(a: Token, b: Token) -> bool:
    """Whether two coordinated verbs are in other tenses: one present, one past ("was
    completed ... and contains"), read from their own and their auxiliaries' morphology."""
    def tense(verb: Token) -> str:
        for t in [*(c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop")), verb]:
            found = t.morph.get("Tense")
            if found:
                return found[0]
        return ""
    ta, tb = tense(a), tense(b)
    return bool(ta and tb) and ta != tb


def _when_clause(verb: Token) -> bool:
    """An adverbial clause that says when: "since 1992, **when** an Airbus flew into a hillside"."""
    return any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in verb.children)


def _event_verbs(verb: Token) -> set[int]:
    """The verb that says what happened, and the verbs whose participle clause it is
    ("an earthquake struck on Friday, **killing** 820 people"): their times date the event."""
    found = {verb.i}
    t = verb
    while t.dep_ == "advcl" and t.head.i != t.i and len(found) < 3:
        t = t.head
        found.add(t.i)
    return found


@Language.component(
    TIME,
    requires=["doc.spans", "token.dep", "token.head", "span._.counted", "span._.happened"],
    assigns=["span._.when"],
)
def time_component(doc: Doc) -> Doc:
    """Tie each quantity to the time expression the parse puts it with (``span._.when``)."""
    if not doc.has_annotation("DEP"):
        return doc
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    text = doc_text(doc)
    for span in doc.spans.get(QUANTITIES_KEY, []):
        start, end = sentence_start_char(span[0]), sentence_end_char(span[0])
        times = by_sentence.get(start)
        if times is None:
            times = by_sentence[start] = [(s + start, e + start, t) for s, e, t in timex.find_times(text[start:end])]
        span._.when = read_time(span, times)
    return doc
