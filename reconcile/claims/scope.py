"""What a figure is about, read from the parse: its places and its subgroups.

Structure names the scope of a figure, in Universal Dependencies terms:

=========================  =============================================  ==============
structure                  example                                        rule
=========================  =============================================  ==============
subject that is a place    "**Tripura** recorded the highest turnout"     ``subject``
"in"/"across" + a name     "**In Tamil Nadu**, turnout was 65.19%",       ``in``
                           "three people are reported killed **in Gaza**"
"among" + a group          "66.22 per cent **among male voters**"         ``among``
"for" + a group            "nearly 50% **for youth**"                     ``for``
counted noun + "from"      "61 people **from her state** had died"        ``from``
owner of the counted noun  "shares **of Zoom** slid 17%"                   ``owner``
=========================  =============================================  ==============

The ``reconcile_scope`` component stores a :class:`Scope` in ``span._.scope`` for each
quantity span. A subject is a place only when the place model knows it
(:mod:`reconcile.places`): "the ministry recorded 1,200 cases" names who counted, not
where. The claim reader takes the parse's place where its own words found none, and a
subgroup as a qualifier, so a subgroup's figure is never compared with the whole's: the
``among``, ``for`` and ``from`` groups are parts of a whole (:attr:`Scope.parts`), never
rival actors. A named origin ("refugees from Nagorno-Karabakh") may be where all of them
come from and is no part; "for the year" is a time, not a group.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from reconcile import places, timex
from reconcile.claims.thing import (QUANTITIES_KEY, anchor, case_of, children, dateline_end, lefts, line_label,
                                    noun_phrase, rights)

SCOPE = "reconcile_scope"
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
PLACE_CASES = frozenset({"in", "across", "throughout", "inside"})
# the last word of a name that makes it a place the place model may not list: "Harris County"
PLACE_KINDS = frozenset({"county", "province", "prefecture", "district", "municipality", "governorate", "oblast",
                         "state", "region", "city"})
GROUP_CASES = frozenset({"among"})
# "for" a span of time is no group: "12% for the year", "5% for the quarter"
TIME_UNITS = frozenset({"year", "quarter", "month", "week", "day", "hour", "minute", "period", "decade", "season",
                        "half", "term"})
# where those counted may come from: "61 people from her state"; never "20 people from the
# rubble", which says where they were pulled out
ORIGIN_KINDS = PLACE_KINDS | frozenset({"country", "town", "village", "area", "community", "neighbourhood",
                                        "neighborhood", "island", "territory"})
# what a counted noun's own "from" phrase says: where those counted come from
ORIGIN_CASES = frozenset({"from"})
# how a figure hangs on the head of its clause
CLIMB = frozenset({"nummod", "compound", "amod", "obj", "nsubj", "nsubj:pass", "obl", "nmod", "appos",
                   "flat", "xcomp", "obl:npmod", "nmod:npmod", "obl:tmod", "obl:unmarked", "nmod:unmarked"})
MAX_CLIMB = 6

if not Span.has_extension("scope"):
    Span.set_extension("scope", default=None)


@dataclass(frozen=True, slots=True)
class Scope:
    """The places and subgroups a figure is about, and the rules that found them."""

    places: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # the groups that are parts of a whole: "among male voters"


def clause_of(token: Token) -> tuple[Token, bool]:
    """The head of the clause ``token`` belongs to (a verb, or a predicate with a copula),
    and whether the way up passes through the clause's subject.

    A figure inside the subject ("the 984-foot Dali had left ... in Sri Lanka") is not
    what the clause's places are about; a figure in the predicate is.
    """
    t = token
    through_subject = False
    for _ in range(MAX_CLIMB):
        if t.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in children(t)):
            return t, through_subject
        if t.head.i == t.i or t.dep_ not in CLIMB:
            return t, through_subject
        through_subject = through_subject or t.dep_ in SUBJECTS
        t = t.head
    return t, through_subject


def _based(name: Token) -> bool:
    """Whether a name is where something is based ("the Morrisville, North Carolina-based
    company"): "based" follows it within a few tokens, before any verb."""
    doc = name.doc
    for t in doc[name.i + 1:min(len(doc), name.i + 7)]:
        if t.lower_ in ("based", "-based"):
            return True
        if t.pos_ in ("VERB", "AUX") or t.text in (".", ";"):
            return False
    return False


def read_scope(span: Span) -> Scope:
    """The places and subgroups the figure in ``span`` is about, from the parse."""
    top = anchor(span)
    clause, in_subject = clause_of(top)
    found_places: list[str] = []
    groups: list[str] = []
    parts: list[str] = []
    rules: list[str] = []
    label = line_label(span)
    if label is not None and label[1] is not None:
        # "Deaths by municipality: Suzu 91, Wajima 83": each item's name is its place
        found_places.append(label[1].text)
        rules.append("label")
    # modifiers of the figure itself, of the noun it counts, and of its clause
    # "At least 78 people died in Greece": a figure in the subject takes the clause's places too
    counted_head = top.head if top.dep_ == "nummod" else None
    hosts = [top, clause] + ([counted_head] if counted_head is not None else [])
    happened = span._.happened
    if happened is not None and happened.rule in ("clause", "complement"):
        hosts.append(happened.verb)  # "three people are reported killed in Gaza": where it happened

    def part(group: str, rule: str) -> None:
        """A subgroup, which is a part of the whole the others give."""
        groups.append(group)
        parts.append(group)
        rules.append(rule)

    for host in dict.fromkeys(hosts):
        for child in children(host):
            case = case_of(child)
            if child.dep_ in ("obl", "nmod") and case in PLACE_CASES and child.pos_ == "PROPN" \
                    and not timex.is_calendar_name(child.text):
                found_places.append(_name(child))
                rules.append("in")
            elif child.dep_ in ("obl", "nmod") and case in GROUP_CASES and child.pos_ in ("NOUN", "PROPN") \
                    and not any(c.dep_ == "nmod:poss" for c in children(child)):
                # "among male voters" picks some out; "among the trial's volunteers", "among
                # the country's voters" name all of whose they are, and so no part
                part(noun_phrase(child).text.lower(), "among")
            elif host.i == top.i and top.pos_ in ("NOUN", "SYM") and child.dep_ == "nmod" and case == "for" \
                    and child.pos_ == "NOUN" and not timex.is_calendar_name(child.text) \
                    and child.lemma_.lower() not in TIME_UNITS:
                part(noun_phrase(child).text.lower(), "for")  # "nearly 50% for youth": one group's share
            elif counted_head is not None and host.i == counted_head.i and child.dep_ == "nmod" \
                    and case in ORIGIN_CASES and child.pos_ == "NOUN" and child.lemma_.lower() in ORIGIN_KINDS:
                # "61 people from her state had died": those of one origin, a part of all the
                # dead; a named origin ("refugees from Nagorno-Karabakh") may be all of them
                part(" ".join(t.lower_ for t in lefts(child) if t.dep_ != "case") + " " + child.lower_, "from")
    # whose figure it is: "Shares **of Zoom** slid 17%", "**Pfizer's** shares rose 7.7%"
    counted = span._.counted
    owned = [counted.head] if counted is not None else ([top.head] if top.dep_ == "nummod" else [])
    if not owned and top.dep_ in ("obj", "obl") and not in_subject:
        # "Shares of Zoom slid 17%", "Moderna's jab can be stored at about -20C": the
        # subject the figure measures, named before it
        owned = [c for c in children(clause) if c.dep_ in SUBJECTS and c.pos_ == "NOUN"]
    for noun in owned:
        for child in children(noun):
            if child.pos_ == "PROPN" and (child.dep_ == "nmod:poss" or child.dep_ == "nmod" and case_of(child) == "of") \
                    and not timex.is_calendar_name(child.text) and not _based(child):
                # "Wednesday's cases": a day's, not an owner's; "the Morrisville, North
                # Carolina-based company": where the owner is based
                groups.append(_name(child))
                rules.append("owner")
    for child in [] if in_subject else children(clause):
        # a figure inside the subject is not about the subject
        if child.dep_ in SUBJECTS and child.pos_ == "PROPN" and not span.start <= child.i < span.end \
                and child.idx >= dateline_end(child):  # "NEW YORK, 23 August (Wire) - ": where it was written
            name = _name(child)
            if places.lookup(name) is not None or name.rsplit(" ", 1)[-1].lower() in PLACE_KINDS:
                found_places.append(name)  # "Tripura recorded", "Harris County reported"
                rules.append("subject")
    return Scope(tuple(dict.fromkeys(found_places)), tuple(dict.fromkeys(groups)), tuple(dict.fromkeys(rules)),
                 tuple(dict.fromkeys(parts)))


def _name(token: Token) -> str:
    """A proper name with the capitalised words of it around its head ("Tamil Nadu")."""
    start = end = token.i
    for child in reversed(lefts(token)):
        if child.i != start - 1 or child.dep_ not in ("compound", "flat", "amod") or not child.text[:1].isupper():
            break
        # "Zoom Video Communications": the name's words hang on one another
        words = token.doc[child.left_edge.i:child.i + 1]
        start = words.start if all(w.text[:1].isupper() for w in words) else child.i
    for child in rights(token):
        if child.i != end + 1 or child.dep_ not in ("flat", "compound") or not child.text[:1].isupper():
            break
        end = child.i
    return token.doc[start:end + 1].text


@Language.component(
    SCOPE,
    requires=["doc.spans", "token.dep", "token.head", "token.pos", "span._.counted", "span._.happened"],
    assigns=["span._.scope"],
)
def scope_component(doc: Doc) -> Doc:
    """Read each quantity's places and subgroups from the parse (``span._.scope``)."""
    if not doc.has_annotation("DEP"):
        return doc
    for span in doc.spans.get(QUANTITIES_KEY, []):
        span._.scope = read_scope(span)
    return doc
