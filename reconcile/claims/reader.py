"""Claims: each number an article asserts, with what it counts, what happened, where,
when, and who says so.

The ``reconcile_claims`` component reads the quantities the number reader put in
``doc.spans["quantities"]`` and, for each countable one, assembles a claim from what the
parse components read: the thing counted (``span._.counted``, :mod:`reconcile.claims.thing`;
the noun the number modifies wins over the words after the number where those stop short
of it), what happened to it (``span._.happened``, :mod:`reconcile.claims.event`), its time
(``span._.when``, :mod:`reconcile.claims.time`), its places and subgroups
(``span._.scope``) and its speaker (``span._.speaker``). Where the parse names nothing,
windows of words with lemmas and the word tables of :mod:`reconcile.lexicon` stand in:
a figure noun left of the number ("the death toll rose to 45"), an event word near it,
the nearest time expression, the actors.
:func:`extract_claims` runs the pipeline over articles and returns :class:`Claim`\\ s.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from reconcile import places, timex
from reconcile.lexicon import CAPITAL, NATIONAL, Lexicon, load_lexicon
from reconcile.model import COUNTABLE_KINDS, Article, Claim, Quantity
from reconcile.claims import event as _event  # noqa: F401  (registers span._.happened)
from reconcile.claims import time as _when  # noqa: F401  (registers span._.when)
from reconcile.claims import scope as _scope  # noqa: F401  (registers span._.scope)
from reconcile.claims import speaker as _speaker_reader  # noqa: F401  (registers span._.speaker)
from reconcile.claims import thing as _thing
from reconcile.nlp import doc_text, make_doc, verb_lemmas, word_lemma
from reconcile.tokenizer import LONG_RUN_CHARS

CLAIMS_KEY = "claims"
QUANTITIES_KEY = "quantities"
# what the claim reader did not read as prose, as spans labelled with the rule (see
# ClaimReader.__call__): "long-token" (its numbers are no claims), "long-sentence" (read
# in windows of MAX_SENTENCE_TOKENS tokens)
SKIPPED_KEY = "skipped"
# No English word is longer; a longer token is a base64 blob, a run of digits and
# separators, a URL (the tokenizer keeps such runs whole): its numbers are no claims.
MAX_TOKEN_CHARS = LONG_RUN_CHARS
# A sentence of more tokens (a table, a list with no full stop) is read in windows of
# this many: each claim looks at its whole sentence, and a sentence that grows with the
# text would make reading quadratic. The longest sentence of the fixtures has 55.
MAX_SENTENCE_TOKENS = 250
DEFAULT_CHUNK = 64

# tokens that close the clause a claim is read in
_CLAUSE_END = {";", ":", "(", ")", "\u2014", "\u2013", "--"}
_QUOTES = {'"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb"}
_DETERMINERS = {"the", "its", "their", "his", "her", "our", "your", "my", "these", "those", "this", "that", "all"}
_PRONOUNS = {"it", "they", "he", "she", "we", "them", "its", "their", "our"}
_AUX = {"be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "will", "would",
        "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "also", "still",
        "now", "only", "reportedly", "already", "then", "just", "not", "n't", "so", "far", "up", "to"}
_PLACE_PREPS = {"in", "at", "near", "across", "inside", "around", "throughout", "on"}
# a clause joined to another: "... approached the city of Pokhara, and rescuers had pulled 68 bodies"
# what joins two figures of one phrase: "3,470 cases and nearly 2,300 deaths"
_COORDINATED = re.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:and|or)\s+(?:(?:about|nearly|some|almost|around|roughly|over|"
                          r"at\s+least|more\s+than)\s+)?")
_CLAUSE_JOIN = re.compile(r"(?:,\s+(?:and|but)\s|;\s|:\s)")
# the place of a figure for several places at once, read as "*" (some place or places)
# with ``extra["several_places"]``
_SEVERAL_PLACES = "**"
_SEVERAL = {"several", "many", "multiple", "numerous", "various", "some", "two", "three", "four", "five"}
_PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "state", "county", "port",
                "capital", "island", "area", "municipality", "prefecture", "department", "suburb",
                "mountains", "mountain", "valley", "coast", "islands", "peninsula", "governorate"}
# classes of the event table that say what happened to those counted ("killed", "carried",
# "rescued"): of the doer, the same verb says something else
PATIENT_EVENTS = frozenset({"die", "injure", "missing", "arrest", "evacuate", "aboard", "infect"})
FRONTED_REACH = 12  # the longest fronted "Of the ...," phrase a figure may follow, in tokens
_CALENDAR = timex.CALENDAR_WORDS
_SUPERLATIVE = re.compile(r"\b(?:\w+est|most|worst|best|first|only)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
_PREVIOUS = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased|climbed|dropped)\s+from\s+(?:about\s+|some\s+|around\s+)?$")
_FORECAST = re.compile(r"\b(?:set|expected|projected|forecast|predicted|likely|due)\s+to\s+(?:\w+\s+){0,3}$|"
                       r"\b(?:could|would|will|may|might)\s+(?:reach|hit|rise\s+to|top|exceed)\s+(?:\w+\s+){0,2}$")
_SINCE_SUPERLATIVE = re.compile(r"\b(?:\w+est|most|worst|best|first)\b[^.;]*\bsince\b", re.IGNORECASE)
_PREPOSITIONS = {"outside", "inside", "across", "after", "before", "since", "during", "despite", "among",
                 "amid", "beyond", "near", "throughout", "until", "unlike", "like", "without", "within"}
_ARTICLE = re.compile(r"(?<=[a-z] )(?:a|an)\b")  # "targeted a tank": an article right after a word
# speech verbs that come before their speaker: '"...," said the minister'; others after a
# comma take an object ("..., estimated the damage at $7 billion")
_INVERTED = {"say", "add", "write", "tell", "explain", "note", "continue", "insist", "warn", "ask", "reply"}
# attribution verbs that, after a number, say how it was counted rather than who says it
# ("put the toll at 30, counting", "2,000, the figures show")
_COUNTING_VERBS = frozenset({"put", "puts", "show", "showed", "shows", "count", "counted", "believe",
                             "believes", "believed", "estimate", "estimated", "report", "reported",
                             "confirm", "confirmed", "add", "added", "note", "noted"})
_SUBORDINATORS = {"with", "without"}  # "missing after a ferry with 226 people": another noun's figure
_IRREGULAR_PLURALS = {"men", "women", "children", "people", "feet", "teeth", "mice", "geese", "police"}
_CLAUSE_HEADS = frozenset({"ROOT", "advcl", "ccomp", "parataxis", "xcomp"})  # a verb so attached heads a clause
_GENERIC_MODIFIERS = {"more", "other", "additional", "total", "overall", "estimated", "reported", "confirmed",
                      "global", "worldwide", "entire", "whole", "full", "current",
                      "registered", "local", "some", "new", "further", "extra", "people", "official", "known"}
_CONTESTS = {"battle", "fight", "war", "struggle", "offensive", "assault", "race", "siege"}
PLACE_REACH = 120  # characters: a place further from the number is about something else
MAX_HEAD_STEPS = 12  # the deepest a place may sit under the subject of a verb of saying
_THE_CAPITAL = re.compile(r"\bthe (?:capital|capital city)\b")
_THE_COUNTRY = "<the country>"  # "the country has recorded", "the toll for the country"
_FOR_THE_COUNTRY = re.compile(r"\b(?:for|of) the country\b")
# capitalised words side by side ("In British Columbia"), never across a full stop
_NAME_RUN = re.compile(r"\b[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)*")
MAX_PLACE_WORDS = 4  # the most capitalised words a place name is looked up with ("Dadra And Nagar Haveli")
_CAPITALISED = re.compile(r"\b[A-Z][\w.'-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w.'-]*)*")
_THERE = "<there>"  # a "there" among the places of a sentence: the place named before
_CROWDS = {"spectator", "fan", "seat", "passenger", "supporter"}  # what a capacity counts
_TO_NUMBER = re.compile(r"\s*(?:,\s*)?to\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?[$€£]?\d")  # "from 337 pounds to 202"
_SHARE_OF = re.compile(r"\s+of\s+(?!(?:a|an|one)\b)", re.IGNORECASE)  # not "a third of a mile"
_DIMENSION_WORDS = {"long", "wide", "tall", "high", "deep", "thick", "across", "diameter", "length", "width",
                    "height", "depth", "radius", "circumference", "span", "size", "weight", "mass"}
# words after a distance that say which way it runs
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "north-east", "north-west", "south-east", "south-west", "away", "offshore", "inland", "off"}
# nouns that name a measure, not a thing measured
_MEASURE_NOUNS = {"temperature", "level", "reading", "distance", "speed", "size", "area", "weight", "volume"}
_PARTICLES = {"out", "off", "away", "in"}  # "brought out of", "cut off from"
_SIDE_WORDS = {"wide", "high", "tall", "deep", "thick", "width", "height", "depth"}  # of _DIMENSION_WORDS
_MEASURE_VERBS = {"is", "was", "are", "were", "has", "had", "have", "measures", "measured", "stretches", "spans",
                  "weighs", "weighed", "stands", "stood"}
_RATE = re.compile(r"\s*(?:per|a|an|each|every)\s+(day|night|week|month|year|hour|minute|second)\b"
                   r"(?!\s+(?:earlier|ago|later|before|after|prior|previously|into|of|since|from|in|on|and)\b)"
                   r"|\s*(?:,\s*)?(daily|weekly|monthly|annually|hourly|nightly)\b"
                   # "200 patients per trial", "15 penalties each": for each one, not in all
                   r"|\s*per\s+(?!(?:cent|share|centum)\b)([a-z]+)\b|\s*(each)(?=\s*(?:[,.;:)]|$))", re.IGNORECASE)
# "an average of 200 patients", "on average": a mean, never a total
_AVERAGE = re.compile(r"\b(?:an?\s+average\s+of|on\s+average|the\s+average\s+of|averag(?:e|ed|ing))\s+(?:of\s+)?$",
                      re.IGNORECASE)
_RATE_UNIT = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "hourly": "hour",
              "nightly": "night"}
# what the parse may add where the words next to a number name nothing: the structures
# a word window cannot see. A noun the number modifies, a partitive and a coordinated
# verb's object are within the window's reach; where it found none there, it had a reason
# ("14 of 15 players", "a two-race streak"), and reading one from the parse without the
# scope of the part or the event of the verb only makes false conflicts (EQUATE: +8).
_PARSE_THING_RULES = frozenset({"copula-subject", "verb-subject", "verb-object", "of-noun", "label", "apposition"})
# how many words may stand between a number and the noun it modifies ("486 sudden and
# unexpected deaths")
_MODIFIER_REACH = 5
# comparative adjectives and adverbs (Penn tags): "higher", "more", "fewer"
_COMPARATIVES = frozenset({"JJR", "RBR"})
# a positive adjective or a past participle right after a percentage: the property it
# measures ("30 percent contained", "95% effective")
_PROPERTY_TAGS = frozenset({"JJ", "VBN"})
_DOWNWARD = frozenset({"lower", "fewer", "less", "smaller", "cheaper", "weaker", "slower", "shorter"})
GENERIC_VERBS = frozenset({"have", "be"})
# verbs whose object is a figure expected, not one that is: "analysts had expected $2.09"
_EXPECTING = frozenset({"expect", "forecast", "project", "predict", "anticipate"})
# verbs whose open complement is what is expected or intended, not what is: "expects to
# make", "aims to cut", "plans to hire"
_INTENDING = _EXPECTING | {"aim", "plan", "intend", "hope", "target", "seek", "want"}
# the small words inside a place's name: "Rio Grande do Sul", "Ras al Khaimah", "Saint-Pierre-et-Miquelon"
_NAME_PARTICLES = frozenset({"al", "el", "de", "sur", "do", "da", "dos", "das", "del", "della", "di", "du", "des",
                             "la", "le", "les", "van", "von", "der", "den", "et", "y"})
QUOTE_REACH = 6  # tokens from a figure noun to its number within which the quote takes both
_DISTINCT = {"separate", "other", "different", "earlier", "previous", "second", "original"}


@dataclass
class _Verbs:
    """Attribution verbs of one sentence, in order, with the name each has: all of them
    (for a number after the verb) and those that may also follow the number."""

    all_at: list[int]
    all_names: list[tuple[str, list[Token]]]
    after_at: list[int]
    after_names: list[tuple[str, list[Token]]]


@dataclass
class _Speakers:
    """The attribution verbs of a sentence: named by a name, and by a lone pronoun."""

    names: _Verbs
    pronouns: _Verbs


class _DraftIndex:
    """The drafts read so far, found by a key (start, kind, sentence and kind, a place
    that is a country...) without walking the list for every claim.

    The list only changes at its end (a draft added, or the last one replaced by a merged
    one), so the index follows it from there; a draft whose fields change after it was
    added (a place shared with a coordinated figure) is shown again with :meth:`touched`.
    """

    def __init__(self, drafts: list[_Draft], keys: Callable[[_Draft], list[tuple[Any, ...]]]) -> None:
        self.drafts = drafts
        self.keys = keys
        self.seen: list[_Draft] = []
        self.keys_at: list[set[tuple[Any, ...]]] = []
        self.at: dict[tuple[Any, ...], list[int]] = {}

    def _sync(self) -> None:
        drafts, seen = self.drafts, self.seen
        while seen and (len(seen) > len(drafts) or drafts[len(seen) - 1] is not seen[-1]):
            seen.pop()
            for key in self.keys_at.pop():
                self.at[key].pop()  # the last position of each of its keys
        for i in range(len(seen), len(drafts)):
            seen.append(drafts[i])
            self.keys_at.append(set())
            self._add(i)

    def _add(self, i: int) -> None:
        for key in self.keys(self.seen[i]):
            if key not in self.keys_at[i]:
                self.keys_at[i].add(key)
                insort(self.at.setdefault(key, []), i)

    def touched(self, draft: _Draft) -> None:
        """Index the keys ``draft`` has gained since it was added."""
        self._sync()
        i = next(i for i in self.at[self.keys(draft)[0]] if self.seen[i] is draft)
        self._add(i)

    def first(self, *key: Any) -> _Draft | None:
        self._sync()
        found = self.at.get(key)
        return self.drafts[found[0]] if found else None

    def last(self, *key: Any) -> _Draft | None:
        self._sync()
        found = self.at.get(key)
        return self.drafts[found[-1]] if found else None


@dataclass
class _Draft:
    """What the component learns about one claim, before the article is known."""

    start: int
    end: int
    quote_start: int
    quote_end: int
    sentence_start: int
    sentence_end: int
    quantity: Quantity
    thing: str = ""
    thing_norm: str = ""
    topic: str = ""
    event: str = ""
    event_norm: str = ""
    actors: tuple[str, ...] = ()
    place: str = ""
    time_text: str = ""
    speaker: str = ""
    negated: bool = False
    hedged: bool = False
    incremental: bool = False
    rule: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


if not Span.has_extension("claim"):
    Span.set_extension("claim", default=None)


@Language.factory(
    "reconcile_claims",
    default_config={"lexicon": None},
    assigns=["doc.spans"],
    requires=["doc.spans", "token.lemma", "token.is_sent_start"],
)
def make_claim_reader(nlp: Language, name: str, lexicon: str | None) -> ClaimReader:
    """The claim reader, with the shipped word tables extended by ``lexicon`` (a path)."""
    return ClaimReader(load_lexicon(lexicon), verb_lemma=verb_lemmas(nlp))


class ClaimReader:
    """Turns the quantities of a Doc into claims in ``doc.spans["claims"]``.

    Each claim span's ``span._.claim`` holds a ``_Draft``: every field of a Claim that the
    text alone can tell.
    """

    def __init__(self, lexicon: Lexicon, *, verb_lemma: Callable[[str], str] | None = None):
        self.lex = lexicon
        self._verb_lemma = verb_lemma or word_lemma
        self._national_res = [re.compile(rf"\b{re.escape(word)}\b") for word in lexicon.national]
        self._prep_res = [(prep, re.compile(rf"\b{re.escape(prep)}\s+(?=\S)")) for prep in lexicon.attribution_preps]
        # entities one of whose names is a country: "DRC" is the Democratic Republic of the Congo
        self._country_entities = frozenset(
            canon for alias, canon in lexicon.alias_of.items() if alias in lexicon.countries) | frozenset(
            lexicon.countries.values())

    def __call__(self, doc: Doc) -> Doc:
        self._text = doc_text(doc)  # Doc.text joins every token on each call: read it once
        # the Tokens made once: doc[i] builds a new Token object on every call
        self._toks: list[Token] = list(doc)
        self._sentence_times: dict[int, list[tuple[int, int, str]]] = {}
        self._sentence_sources: dict[int, tuple[str, list[Token]]] = {}
        self._sentence_speakers: dict[int, _Speakers] = {}
        self._sentence_places: dict[int, tuple[list[tuple[int, str]], list[tuple[int, int, str]]]] = {}
        self._anaphoric_sentences: dict[int, bool] = {}
        self._furniture: dict[int, bool] = {}
        self._countries_named: tuple[list[int], list[int], list[str]] | None = None
        self._place_countries: set[str] | None = None
        self._datelines: dict[int, int] = {}
        skipped: list[Span] = []
        # sentences looked up once: Span.sent walks the Doc on every call
        self._sent_of: list[Span] = [None] * len(doc)  # type: ignore[list-item]
        for sent in doc.sents:
            pieces = [sent]
            if len(sent) > MAX_SENTENCE_TOKENS:
                skipped.append(Span(doc, sent.start, sent.end, label="long-sentence"))
                pieces = [doc[a:min(a + MAX_SENTENCE_TOKENS, sent.end)]
                          for a in range(sent.start, sent.end, MAX_SENTENCE_TOKENS)]
            for piece in pieces:
                self._sent_of[piece.start:piece.end] = [piece] * (piece.end - piece.start)
        drafts: list[_Draft] = []
        self._drafts = _DraftIndex(drafts, self._draft_keys)
        last_speaker = ""
        quantities = []
        for span in doc.spans.get(QUANTITIES_KEY, []):
            if span.end_char - span.start_char > MAX_TOKEN_CHARS:
                long_tokens = [t for t in span if len(t) > MAX_TOKEN_CHARS]
                if long_tokens:
                    if not (skipped and skipped[-1].label_ == "long-token" and skipped[-1].start == long_tokens[0].i):
                        skipped.append(Span(doc, long_tokens[0].i, long_tokens[-1].i + 1, label="long-token"))
                    continue
            quantities.append(span)
        doc.spans[SKIPPED_KEY] = sorted(skipped, key=lambda sp: (sp.start, sp.end))
        # a sentence-initial capitalised word is a name if the article capitalises it
        # mid-sentence too ("Labour won 411 seats")
        self._names, self._appositions = self._scan_names()
        # the countable figures of each sentence, as offsets; "several targets" is too
        # vague to take a place or time from a nearer figure
        self._figures_by_sentence: dict[int, list[tuple[int, int]]] = {}
        for s in quantities:
            fq = s._.quantity
            if fq is not None and fq.kind in COUNTABLE_KINDS and not (
                    fq.approximate and not any(ch.isdigit() for ch in fq.text)):
                self._figures_by_sentence.setdefault(self._sent_of[s.start].start, []).append(
                    (s.start_char, s.end_char))
        self._figure_starts = {k: [f[0] for f in figs] for k, figs in self._figures_by_sentence.items()}
        model_numbers = self._model_numbers(doc)
        for span in quantities:
            q = span._.quantity
            if q is None:
                continue
            sent = self._sent(span)
            if self._is_furniture(sent):
                continue
            if q.kind == "ordinal":
                merged = self._enumeration(doc, span, q, drafts)
                if merged is not None:
                    drafts[-1] = merged
                continue
            if q.kind == "time":
                clock = self._clock(span, q)
                if clock is not None:
                    drafts.append(self._read(doc, span, clock, drafts))
                continue
            if q.kind not in COUNTABLE_KINDS or "score" in q.rule.split("+"):
                continue  # "won 3-2" is a result, not a count
            if self._names_a_model(span, model_numbers):
                continue  # "its two 737 MAX 8s" where the article writes "Boeing 737": a name
            draft = self._read(doc, span, self._share(q), drafts)
            prev_start = draft.extra.get("inherited_from")
            if prev_start is not None:
                # coordinated figures share their setting: "300 killed and 1,500 wounded in Sirte"
                prev = self._drafts.first("start", prev_start)
                between = self._text[prev.end: draft.start].lower() if prev is not None else ""
                if prev is not None and prev.sentence_start == draft.sentence_start \
                        and re.search(r"\band\b", between) and not re.search(r"\b(?:from|than|compared|after|before)\b", between):
                    prev.place = prev.place or draft.place
                    self._drafts.touched(prev)
                    prev.time_text = prev.time_text or draft.time_text
            if drafts and drafts[-1].sentence_start == draft.sentence_start and bool(draft.time_text) != bool(
                    drafts[-1].time_text) and _COORDINATED.fullmatch(self._text, drafts[-1].end, draft.start):
                # "3,470 cases and nearly 2,300 deaths" in the 2018-2020 outbreak: one time for both
                first, second = drafts[-1], draft
                timed, untimed = (first, second) if first.time_text else (second, first)
                untimed.time_text = timed.time_text
                if "time_rule" in timed.extra:
                    untimed.extra["time_rule"] = timed.extra["time_rule"]
                self._drafts.touched(first)
            if draft.extra.get("previous") and drafts and drafts[-1].sentence_start == draft.sentence_start:
                # "stands at 537, up from 511": the earlier figure of the same count, same setting
                draft.place = draft.place or drafts[-1].place
                draft.actors = draft.actors or drafts[-1].actors
            if draft.place == _THE_COUNTRY:
                # "the country has recorded 537 deaths": the country the article last named
                draft.place = getattr(self._drafts.last("country"), "place", "") \
                    or self._country_named_before(draft.start) or NATIONAL
            if draft.place == CAPITAL:
                # "the capital": the city the article last named, if any
                named = getattr(self._drafts.last("named-place"), "place", "")
                draft.place = named or CAPITAL
            if draft.speaker and draft.speaker.lower() in _PRONOUNS:
                draft.speaker = last_speaker
            elif draft.speaker:
                last_speaker = draft.speaker
            drafts.extend(self._split_change(doc, span, draft))
        drafts.extend(self._implicit_ones(doc, drafts))
        self._mark_parts(drafts)
        drafts.sort(key=lambda d: d.start)
        claim_spans = []
        for d in drafts:
            cs = doc.char_span(d.start, d.end, alignment_mode="expand")
            if cs is None:
                continue
            cs._.claim = d
            claim_spans.append(cs)
        doc.spans[CLAIMS_KEY] = claim_spans
        return doc

    def _draft_keys(self, d: _Draft) -> list[tuple[Any, ...]]:
        """What the reader looks earlier drafts up by (see :class:`_DraftIndex`); the start first."""
        keys: list[tuple[Any, ...]] = [("start", d.start), ("kind", d.quantity.kind),
                                       ("sentence", d.sentence_start, d.quantity.kind)]
        if "figure" in d.extra or d.rule.endswith(("thing-figure-left", "+figure-left")):
            keys.append(("figure", d.quantity.kind))  # "the number of victims found ... to 71"
        if d.place in self._country_entities:
            keys.append(("country",))
        if d.place and d.place[:1] not in "<*" and d.place.lower() not in self.lex.countries:
            keys.append(("named-place",))  # a city or region: what "the capital" may be
        if d.place and d.topic:
            keys.append(("placed", d.topic))  # where "the count" of that thing was last given
        return keys

    # -- the parts of a claim --------------------------------------------------------

    def _read(self, doc: Doc, span: Span, q: Quantity, drafts: list[_Draft]) -> _Draft:
        sent = self._sent(span)
        lex = self.lex
        thing_tokens, head, partitive, after = self._thing_right(doc, span, q)
        rule = "thing-right"
        comparative = False
        if q.kind == "percent" and not thing_tokens and span.end < sent.end \
                and self._toks[span.end].tag_ in _PROPERTY_TAGS:
            # "30 percent contained", "95% effective": how far a property holds
            thing_tokens, head, rule = [self._toks[span.end]], self._toks[span.end], "thing-property"
        if head is not None and head.tag_ in _COMPARATIVES:
            # "88 percent higher than a year earlier", "36 higher than the previous update":
            # the size of a change, not what is counted
            if q.change is None:
                q = replace(q, change="down" if head.lower_ in _DOWNWARD else "up")
            comparative = True
            thing_tokens, head = [], None
        moved = self._change_noun(span, q, head)
        move_end = head.idx + len(head.text) if moved is not None and head is not None else None
        if moved is not None:
            # "the stock's 11.2% slide", "a 5% rise in prices": the size of a move of what
            # the noun of the move is of
            direction, of = moved
            if q.change is None:
                q = replace(q, change=direction)
            thing_tokens, head = ([of], of) if of is not None else ([], None)
        modified = self._modified_noun(span, head)
        if modified is not None:
            # "486 sudden and unexpected deaths", "94 confirmed cases": the noun the number
            # modifies, where the words after the number stop short of it
            thing_tokens, head, after = list(modified.phrase), modified.head, max(after, modified.head.i + 1)
            rule = "thing-nummod"
        counted = span._.counted
        if not partitive and q.kind == "count" and counted is not None and counted.rule == "partitive" \
                and head is not None and head.i == counted.head.i and span.end + 1 < len(self._toks) \
                and self._toks[span.end].lower_ == "of" \
                and self._toks[span.end + 1].lower_ in _DETERMINERS | _PRONOUNS:
            partitive = True  # "at least 145 of the dead": a bound picks some of them out too
        if head is not None and head.dep_ == "nmod:poss" and counted is not None and counted.rule == "partitive" \
                and head.head.i == counted.head.i:
            # "80 percent of the city's hotels": the possessor is whose, the noun it
            # possesses is what is counted
            thing_tokens, head, after = list(counted.phrase), counted.head, max(after, counted.head.i + 1)
            rule = "thing-partitive"
        figure = None
        event_tok = None
        if q.kind != "measure" and (not thing_tokens or (
                head is not None and self._event_class(head) and not self._is_noun(head))):
            figure = self._figure_left(doc, span)  # a measure's unit already says what it measures
        label = _thing.line_label(span)
        if label is not None and (label[0].pos_ in _thing.LABEL_EVENTS or label[0].lower_ in lex.event_of) \
                and figure is None and self._event_class(label[0]):
            event_tok = label[0]  # "Missing: 125", "Displaced: 538,000 people": the label says what happened
        if head is not None and not figure and self._event_class(head) and (
                not self._is_noun(head) or head.lower_ in ("dead", "wounded", "injured", "missing") and not partitive):
            # "over 1,500 wounded": the word after the number is what happened to them
            event_tok, thing_tokens, head = head, [], None
        thing_text = ""
        thing_norm = ""
        extra: dict[str, Any] = {"difference": True} if comparative else {}
        if thing_tokens and head is not None:
            thing_text = self._slice_text(thing_tokens[0].i, thing_tokens[-1].i + 1)
            thing_norm = self._thing_class(thing_tokens, head)
        elif figure is not None:
            fig_tok, fig_text, fig_norm = figure
            thing_text, thing_norm = fig_text, fig_norm
            rule = "figure-left"
            extra["figure"] = fig_tok.text
            if thing_norm == "magnitude":
                # "the first reading of 7" in a sentence that names "the Japanese seismic
                # intensity scale": a reading on that scale, not a magnitude
                thing_norm = self._other_scale(sent) or thing_norm
        elif event_tok is None and q.kind != "measure" and span._.counted is not None \
                and span._.counted.rule in _PARSE_THING_RULES and not self._verb_form(span._.counted.head):
            # nothing next to the number says what it counts: the parse does
            # ("Gaming revenue was $2.49 billion", "raises of 36%")
            counted = span._.counted
            figure_of = lex.figure_nouns.get(self._noun_lemma(counted.head))
            if figure_of == "of":
                # "the number of deaths", or "the figure" alone: the figure of something said before
                counted = _thing.of_noun(counted.head, counted.rule + "+of")
                if counted is not None and span.start <= counted.head.i < span.end:
                    counted = None  # "its revised estimate of 10.2 billion kroner": the sum itself, not what it is of
            if counted is not None:
                thing_tokens, head = list(counted.phrase), counted.head
                thing_text = self._slice_text(thing_tokens[0].i, thing_tokens[-1].i + 1)
                thing_norm = self._thing_class(thing_tokens, head) if figure_of in (None, "of") else figure_of
                rule = f"thing-{counted.rule}"
        capacity_end = self._capacity(span, q, thing_norm)
        if capacity_end is not None:
            # "designed to hold 38,000", "the 42,000-seat stadium": what a place holds
            thing_text, thing_norm, rule = "capacity", "capacity", "capacity"
        if q.unit == "dimensionless" and ("magnitude" in q.text.lower() or (
                span.start > 0 and self._toks[span.start - 1].lower_ == "magnitude")):
            if thing_norm:
                extra["object"] = thing_norm  # "a magnitude 4.9 aftershock"
            thing_norm, thing_text = "magnitude", thing_text or "magnitude"
        if q.kind == "time":
            thing_text, thing_norm = "time", "time"  # when it happened; the event says what
        if q.kind == "measure" and q.unit and thing_norm != "magnitude":
            # a measure counts its dimension; the object it measures qualifies it
            named = thing_text[:1].isupper()
            extra["object"] = self._appositions.get(thing_text, thing_text) if named else thing_norm
            of = _thing.of_noun(_thing.anchor(span), "of")
            if of is not None and of.head.pos_ == "NOUN" and not named:
                extra["object"] = self._noun_lemma(of.head)  # "150 millimetres of rain fell": the rain
            if extra["object"] in _DIRECTIONS:
                extra["object"] = ""  # "47 nautical miles southwest of Pylos": where, not what
            reference = self._measured_from(span, sent.end)
            if reference:
                extra["from"] = reference  # "250 km south-west of Kolkata": a distance from Kolkata
            if not extra["object"] or extra["object"] in _DIMENSION_WORDS:
                # "Deimos, which is 7.5 miles in diameter", "the bridge was 1.6 miles long";
                # "18 inches wide" and "10 inches high" stay two dimensions of one thing
                side = extra["object"] if extra["object"] in _SIDE_WORDS else ""  # "long" is a length's own side
                counted = span._.counted
                if not side and counted is not None and self._lemma(counted.head) in _SIDE_WORDS:
                    side = self._lemma(counted.head)  # "put its depth at 18.5 km": a depth
                measured = self._converted_from(span, q, drafts) or self._measured_in_parse(span) or self._measured(span)
                extra["object"] = " ".join(w for w in (measured, side) if w) or extra["object"]
                if side and measured:
                    extra["side"] = side  # "the tower, 67 metres tall": which of the tower's dimensions
            if self._appositions:
                extra["names"] = dict(self._appositions)  # lets alignment resolve names across articles
            thing_norm = _dimension(q.unit) or thing_norm
            if not thing_text:
                thing_text = q.unit
        goal = self._goal(span, head)
        if goal is not None:
            # "its 2 million target", "a target of about 1.8 million cars": a value aimed at
            # or expected; a number on the goal noun itself leaves what it counts to the
            # figure before it ("handed over 1.81 million cars ... short of its 2 million target")
            extra["goal"] = lex.goal_nouns[self._noun_lemma(goal)]
            holder = self._goal_holder(goal, span)
            if holder:
                extra["doer"] = holder  # whose target it is, as whose deliveries
            if head is not None and head.i == goal.i:
                thing_tokens, head, thing_text, thing_norm = [], None, "", ""
        inherited = False
        if not thing_norm:
            prev = self._drafts.last("sentence", sent.start_char, q.kind)
            if prev is None and q.kind in ("count", "money", "percent") and _refers_back(doc, span, sent.start):
                # "the count had reached 70": the figure a figure noun named last, else the last one
                prev = self._drafts.last("figure", q.kind) or self._drafts.last("kind", q.kind)
                if prev is not None:
                    extra["refers_back"] = True  # "the authority's count had risen to 81"
            if prev is not None:
                thing_text, thing_norm = prev.thing, prev.thing_norm
                inherited = True
                rule = "thing-inherited"
                extra["inherited_from"] = prev.start
                if prev.sentence_start == sent.start_char:
                    extra["elliptical"] = True  # "Reform UK won four seats, the Greens four"
                if not event_tok:
                    extra["inherit_event"] = (prev.event, prev.event_norm)
                extra["inherit_place"] = prev.place
                extra["inherit_actors"] = prev.actors
        if partitive or self._fronted_partitive(sent, span) or self._among_them(span):
            extra["partitive"] = True  # "32 of the dead"; "Of the disaster-related deaths, 6 were in Suzu"
        elif self._included(span):
            extra["included"] = True  # "155 people aboard, including seven children": of those just counted
        self._mark_breakdown(span, q, head, drafts, extra)
        listed = self._listed(sent, head) if head is not None and self._noun_lemma(head) == "name" else None
        if listed is not None:
            # "the list of victims ... contains 143 names", "the list of people reported
            # missing has grown to 1,276 names": the names stand for whom the list counts,
            # and what the list says of them is what happened, not "contains"
            thing_norm, event_tok = listed
            rule = "thing-listed"
        # the event: the verb the parse puts over the counted noun, else a word of the
        # event table near the number, right side first
        happened = span._.happened
        said_nothing = happened is not None and happened.rule == "neutral"
        if said_nothing:
            happened = None
        if event_tok is None and happened is not None and rule not in ("capacity", "thing-listed") and (
                happened.rule != "adverbial" or self._event_class(happened.verb)):
            event_tok = happened.verb
            extra["event_rule"] = happened.rule
        if event_tok is None and not extra.get("refers_back") and not said_nothing:
            # a list's names: only a word of the event table ("people reported missing"),
            # never the verb that says what the list holds ("contains", "published")
            event_tok = self._event_near(doc, span, after, table_only=rule == "thing-listed")
        event_text, event_norm = "", ""
        if rule == "capacity":
            event_tok = None  # a capacity is what the place is, not something that happened
        if figure is not None and (event_tok is None or (self._event_class(event_tok) or self._lemma(event_tok))
                                   in lex.neutral_events | GENERIC_VERBS):
            # "the number of people killed by the quake had risen to 72": the counted noun's
            # own clause says what happened to them, not the verb of the figure
            clause_event = self._counted_clause_event(figure[0])
            if clause_event is not None:
                event_tok = clause_event
                extra["event_rule"] = "clause"  # read from the parse, as the event component would
        said = self._content_of_saying(span) if q.kind == "percent" else None
        if said is not None and (event_tok is None or event_tok.i == said.head.i):
            event_tok = said  # "28% of teens say they never text their friends": a share of those who text
            extra["event_rule"] = "content"
        if event_tok is not None and not self._event_class(event_tok):
            # "17 people are now known to have died", "are feared to have drowned": a verb
            # that says how the figure is known hands the event to its open complement
            complement = next((c for c in _thing.children(event_tok) if c.dep_ == "xcomp" and c.pos_ == "VERB"
                               and self._event_class(c)), None)
            if complement is not None:
                event_tok = complement
        if event_tok is not None:
            event_text = event_tok.text
            event_norm = self._event_class(event_tok) or self._lemma(event_tok)
            lemma = self._lemma(event_tok)
            if event_norm in lex.event_scope and thing_norm not in lex.event_scope[event_norm] \
                    or lemma in lex.event_scope and lex.event_of.get(lemma) == event_norm != lemma \
                    and thing_norm not in lex.event_scope[lemma] \
                    or q.kind == "money" and event_norm in lex.event_things:
                # "found two people alive": no body recovered; "saved £293,368" rescued no one:
                # a class that says what happened to people says nothing of a sum
                event_norm = lemma
            other = self._other_object(event_tok, span, thing_tokens)
            if other is None and happened is not None and happened.acted_on is not None \
                    and happened.verb.i == event_tok.i and event_norm in PATIENT_EVENTS \
                    and self._lemma(event_tok) not in self.lex.event_objects:  # "lost their lives" is a death
                # "two divers, who are carrying his air tank": what they did, not what was
                # done to them, which is all a class that names what happened to people says
                other = happened.acted_on
            if other is not None:
                event_norm = f"{self._lemma(event_tok)} {self._noun_lemma(other)}"  # "lost electricity"
            # "up" and "down" mostly say which way a figure moved ("closed down 5.3 percent")
            particle = next((c for c in _thing.children(event_tok) if c.dep_ == "compound:prt"
                             and c.lower_ not in ("up", "down")), None)
            after_verb = self._toks[event_tok.i + 1] if event_tok.i + 1 < len(self._toks) else None
            if particle is None and after_verb is not None and after_verb.dep_ == "case" \
                    and after_verb.lower_ in _PARTICLES and after_verb.i + 1 < len(self._toks) \
                    and self._toks[after_verb.i + 1].lower_ == "of":
                particle = after_verb  # "brought out of the cave": the particle the parse made a preposition
            moved_by_parse = happened is not None and event_tok.i == happened.verb.i
            if particle is not None and not self._event_class(event_tok):
                event_norm = f"{self._lemma(event_tok)} {particle.lower_}"  # "brought out", not "bring"
            elif event_norm in lex.neutral_events and not moved_by_parse:
                event_norm = ""  # "the toll rose to 45": the figure moved, nothing new happened
            elif counted is not None and counted.rule == "verb-object" and counted.head.head.i == event_tok.i \
                    and _thing.case_of(_thing.anchor(span)) == "to":
                event_norm = ""  # "raised its offer to 20%": the verb moved the figure its object names
            holder = self._holder(event_tok, span)
            if holder:
                extra["holder"] = holder  # "the captain had 8,122 flight hours": whose hours
            doer = self._doer(event_tok, span)
            if doer:
                extra["doer"] = doer  # "Tesla delivered a record 484,507 vehicles": whose deliveries
        elif "inherit_event" in extra:
            event_text, event_norm = extra["inherit_event"]
            if extra.get("refers_back") and event_norm:
                extra["event_rule"] = "inherited"  # what the figure it stands for says happened
        if extra.get("goal"):
            event_norm = extra["goal"]  # what was aimed at or expected, whatever the verb that names it
            # a goal set against the figure before it ("handed over 1.81 million cars, short
            # of its 2 million target") is a goal for what that figure counts
            extra.pop("elliptical", None)
        # "killing 820 people" counts deaths: people named by what happened to them
        if q.kind == "percent" and figure is not None and figure[0].lower_ == "turnout":
            thing_norm = "turnout"  # a share of voters, not a crowd
        if q.kind == "percent" and f"{thing_norm} {event_norm}" in lex.shares:
            # "66.14 per cent of registered voters cast a ballot": the share of voters who voted
            thing_norm = lex.shares[f"{thing_norm} {event_norm}"]
        if rule in ("figure-left", "thing-listed") and not event_norm:
            # "the death toll reached 93": the figure says what happened
            event_norm = next((ev for ev, th in lex.event_things.items() if th == thing_norm), "")
        if q.kind == "count" and head is not None and rule != "capacity" \
                and self._attributive(span, thing_tokens, head, q):
            extra["attributive"] = True  # "a 12-game rematch", "a two-race streak": the size of another thing
        # "seven French nationals", "229 were Texas residents": a named kind of what is counted
        kinds = tuple(t.lower_ for t in thing_tokens if t is not head and t.text[:1].isupper() and (
            t.pos_ == "ADJ" or t.pos_ == "PROPN" and self._is_place(t.text)))
        if kinds:
            extra["kind"] = kinds  # "seven French nationals": a named kind of the thing, a part of all of them
        if (not thing_norm or rule == "thing-inherited") and q.kind in ("percent", "money") and event_tok is not None \
                and self._lemma(event_tok) in lex.verb_figures and _thing.anchor(span).head.i == event_tok.i:
            # "Stellantis has offered 17.5%": its offer, whatever figure came before it
            thing_norm = lex.verb_figures[self._lemma(event_tok)]
            thing_text = event_tok.text
            extra.pop("elliptical", None)
        topic = thing_norm
        event_thing = lex.event_things.get(event_norm)
        if event_thing and (not thing_norm or thing_norm in lex.people or thing_norm == event_thing):
            if thing_norm and thing_norm not in ("person", event_thing) and not inherited:
                extra["group"] = thing_norm
            topic = event_thing
            extra.pop("elliptical", None)  # its own event says what it counts ("six remained missing")

        speaker, speaker_tokens = self._speaker(doc, span)
        actors = self._actors(doc, span, thing_tokens, speaker_tokens)
        if not actors and speaker and self._has_pronoun_subject(doc, span):
            # "Microsoft said it would cut 10,000 jobs": the speaker is the actor
            groups = self._name_groups(speaker_tokens, set(), modifiers=True)
            actors = (lex.canonical_name(groups[-1]),) if groups else ()
        if not actors and extra.get("inherit_actors"):
            actors = extra["inherit_actors"]
        counted_noun = _event.counted_noun(span)
        if event_tok is not None and event_tok.pos_ == "NOUN" and event_tok not in thing_tokens \
                and event_tok.head.i in (counted_noun.i, counted_noun.head.i) and event_tok.i != counted_noun.i:
            # "11 people with moderate injuries", "19 have minor injuries": what happened to
            # them, narrowed, narrows whom the figure counts
            actors += tuple(c.lower_ for c in _thing.children(event_tok) if c.dep_ == "amod" and c.pos_ == "ADJ"
                            and c.text.islower() and c.lower_ not in _GENERIC_MODIFIERS and c.lower_ not in actors)
        reach_end = thing_tokens[-1].idx + len(thing_tokens[-1].text) if thing_tokens else span.end_char
        place = self._place_with(span) or self._place(doc, span, reach_end, event_tok)
        if place == _SEVERAL_PLACES:
            place = "*"
            extra["several_places"] = True  # "at least 20 deaths across several states"
        scope = span._.scope
        if not place and scope is not None and scope.places:
            # "Tripura recorded the highest turnout, at 79.90 per cent", "In Tamil Nadu, ...
            # turnout was 65.19 per cent": the parse ties the place to the figure's clause
            place = lex.canonical_name(scope.places[0])
            if place.rsplit(" ", 1)[-1].lower() in lex.occurrences:
                place = ""  # "in the Camp Fire": an event's name
            extra["place_rule"] = "scope-" + scope.rules[0] if scope.rules else "scope"
            if scope.rules[:1] == ("label",):
                actors = tuple(a for a in actors if a != place)  # "Suzu 91": a place, not who acted
        if scope is not None and scope.groups:
            # "66.22 per cent among male voters": a subgroup's figure, never the whole's
            actors = actors + tuple(g for g in scope.groups if g not in actors)
            if scope.parts:
                extra["subgroup"] = scope.parts[0]  # a part of the whole others may give
        if not place:
            place = self._subject_country(span)  # "Congo had also reported 524 deaths"
        if not place:
            place = self._fronted_place(sent, span)
            if place:
                extra["place_rule"] = "fronted"
        if not place and extra.get("inherit_place"):
            place = extra["inherit_place"]
        if not place and topic and _refers_back(doc, span, sent.start):
            # "An update on Tuesday had put the count at 233 deaths": the count given before,
            # for the place it was given for
            before = self._drafts.last("placed", topic)
            if before is not None:
                place = before.place
                extra["place_rule"] = "refers-back"
        if not place and self._anaphoric_place(sent):
            # "British Columbia's chief coroner said 486 deaths had been reported in the
            # province": the place "the province" refers to is the one the speaker speaks for
            place = self._speaker_place(speaker_tokens)
        noun = _event.counted_noun(span)
        if q.kind == "count" and noun.dep_ == "conj" and drafts and drafts[-1].sentence_start == sent.start_char \
                and thing_norm and drafts[-1].thing_norm == thing_norm and drafts[-1].topic == topic \
                and self._conjoined(noun, drafts[-1].start) and not (place or drafts[-1].place):
            # "one person on the train and one in the semitrailer": counts side by side are
            # parts of one whole, never compared with it ("39 deaths in Wajima and 23 in
            # Suzu" have their places, which keep them apart from the whole already; "300
            # killed and over 1,500 wounded" count two things)
            extra["part"] = drafts[-1].extra["part"] = True
        # the time the parse ties to the figure ("the 1960 tsunami that killed 61 people",
        # "killing 820 people late on Friday"), else the nearest time expression
        when = span._.when
        if when is not None:
            time_text = when.text
            extra["time_rule"] = when.rule
        else:
            time_text = self._time(doc, span, reach_end, event_tok)
        if not time_text and when is None:
            time_text = self._fronted_time(sent, span)
            if time_text:
                extra["time_rule"] = "fronted"
        if time_text and re.search(rf"{re.escape(time_text)}\s+alone\b", self._span_text(sent)):
            extra["alone"] = True  # "26,600 people crossed on Tuesday alone": that day's count, no total
        if time_text and timex.earlier_occasion(time_text):
            extra["earlier_occasion"] = True  # "won 79 seats at the last election": another election's
        if extra.get("elliptical") and time_text:
            before = self._drafts.last("start", extra["inherited_from"])
            if before is not None and before.time_text and before.time_text != time_text:
                # "9,000 crossed on 24 and 25 September, 22,800 on 26 September": items of
                # one list that differ by their days count one thing, each a day's share
                del extra["elliptical"]
                extra["alone"] = before.extra["alone"] = True
        toks = self._toks
        window = toks[max(sent.start, span.start - 4): span.start]
        clause_before = toks[max(sent.start, span.start - 8): span.start]
        clause_start, clause_end = max(sent.start, span.start - 8), min(sent.end, span.end + 6)
        clause = toks[clause_start: clause_end]
        incremental = any(t.lower_ in lex.incremental for t in thing_tokens[:2]) or any(
            t.lower_ in ("more", "another", "additional", "further") for t in toks[span.end: span.end + 1])
        # "15 deaths in Serbia and another five in Bosnia"; not "[the dead...] Another
        # 5,674 people were injured", which counts something else
        # "some additional 863 cancer cases": what adds to a total is never compared with one;
        # but "the toll soared to 11,300, and a further 10,100 were missing" adds another
        # kind of count, not more of the last one
        before_number = toks[span.start - 1].lower_ if span.start > sent.start else ""
        other_kind = bool(drafts) and drafts[-1].sentence_start == sent.start_char and drafts[-1].topic != topic
        another = (before_number in ("additional", "further") and not other_kind) or (
            before_number == "another" and bool(drafts) and drafts[-1].topic == topic)
        if before_number in lex.batches and q.kind in ("count", "measure"):
            # "the last four boys were brought out", "the first two weeks of the outbreak":
            # one batch or stretch of a whole, never the whole
            incremental = True
        if any(t.lower_ == "plus" for t in toks[max(sent.start, span.start - 2): span.start]):
            extra["part"] = True  # "2,000 for-profit haunts, plus another 1,000": one part of a total
        distinct = any(t.lower_ in _DISTINCT for t in window) or any(
            t.lower_ in _DISTINCT for t in thing_tokens[:2]) or any(
            t.lower_ in ("separate", "different", "unrelated", "together", "combined")
            for t in toks[max(sent.start, span.start - 12): min(sent.end, span.end + 8)])
        if distinct or self._elsewhere(span):
            extra["distinct"] = True
        before = self._text[max(sent.start_char, span.start_char - 24): span.start_char].lower()
        if _PREVIOUS.search(before) or any(t.lower_ in ("originally", "initially") for t in clause_before) or (
                before.endswith("from ") and _TO_NUMBER.match(self._text, reach_end)) or self._said_earlier(span):
            # "up from 511 a week earlier", "down from 67.3%", "originally put it at 4.1":
            # the figure it was before
            extra["previous"] = True
            time_text = time_text or "before"
        if q.change == "level" and drafts and drafts[-1].sentence_start == sent.start_char \
                and drafts[-1].topic == topic and topic and drafts[-1].quantity.change is None \
                and "changed_from" not in extra:
            # "came ashore as a Category 5 hurricane, but ... had weakened to a Category 2
            # storm": the figure it changed from, which is of an earlier time
            if drafts[-1].quantity.value is not None:
                extra["changed_from"] = drafts[-1].quantity.value
        rate = _RATE.match(self._text, reach_end)
        if rate and (q.kind == "count" or not rate.group(3)):
            # "8,000 victims per day", "1,000 a week": a rate, not a total; "200 patients per
            # trial" too, but a sum "per family" is what each was given, however it is worded
            unit = next(g for g in rate.groups() if g)
            extra["rate"] = _RATE_UNIT.get(unit.lower(), unit.lower())
        if _AVERAGE.search(self._text, max(sent.start_char, span.start_char - 30), span.start_char):
            extra["average"] = True  # "an average of 200 patients per trial": a mean
        if _FORECAST.search(self._text[max(sent.start_char, span.start_char - 40): span.start_char].lower()) \
                or self._expected(span):
            event_norm = "forecast"  # "set to reach 10bn": what is expected, not what is
        # "did not kill 40 people", or the parse's reading of the verb over the counted noun
        negated = any(t.lower_ in lex.negations for t in window) or (
            happened is not None and happened.negated and event_tok is not None and event_tok.i == happened.verb.i)
        hedged = any(t.lower_ in lex.hedges for t in clause) or "on course for" in self._slice_text(clause_start, clause_end).lower()
        if self._capable(span):
            extra["capable"] = True  # "once thawed, it can be kept between 36 and 46 degrees": a limit
        end = span.end_char
        quote_end = thing_tokens[-1].idx + len(thing_tokens[-1].text) if thing_tokens else end
        if capacity_end is not None:
            quote_end = max(quote_end, capacity_end)
        if goal is not None and goal.i > span.start:
            quote_end = max(quote_end, goal.idx + len(goal.text))  # "2 million target"
        if move_end is not None:
            quote_end = max(quote_end, move_end)  # "11.2% slide"
        quote_start = span.start_char
        if figure is not None and not thing_tokens:
            quote_start = min(quote_start, self._figure_quote_start(span, figure[0]))
        return _Draft(
            start=span.start_char, end=end, quote_start=quote_start, quote_end=max(quote_end, end),
            sentence_start=sent.start_char, sentence_end=sent.end_char, quantity=q,
            thing=thing_text, thing_norm=thing_norm, topic=topic, event=event_text, event_norm=event_norm,
            actors=actors, place=place, time_text=time_text, speaker=speaker, negated=negated,
            hedged=hedged, incremental=incremental and not inherited or another, rule=f"{q.rule}+{rule}" if q.rule else rule,
            extra=extra,
        )

    def _mark_breakdown(self, span: Span, q: Quantity, head: Token | None, drafts: list[_Draft],
                        extra: dict[str, Any]) -> None:
        """Figures a report gives as parts of its total:

        - a count with its share of the total ("22 deaths from motor vehicle crashes, about
          9% of the total"): the count is a part;
        - a count restating a share ("About 65% of the deaths, 161 in all"): a part;
        - a count of those a relative clause picks out ("the 244 deaths for which
          residency information was available", "25 deaths in which the storm made an
          existing illness worse"): a part.
        """
        toks, sent = self._toks, self._sent(span)
        prev = drafts[-1] if drafts and drafts[-1].sentence_start == sent.start_char else None
        between = self._text[prev.end: span.start_char] if prev is not None else ""
        # the earlier figure's phrase, then a comma and this one: "22 deaths from ..., about 9%"
        apposed = between.rstrip().endswith(",") and not any(ch in between for ch in ";:\n") \
            and not any(ch.isdigit() for ch in between)
        counted = span._.counted
        if prev is not None and q.kind == "percent" and prev.quantity.kind == "count" and apposed \
                and counted is not None and counted.rule == "partitive" and self._noun_lemma(counted.head) == "total":
            prev.extra["part"] = True
        if prev is not None and q.kind == "count" and prev.quantity.kind == "percent" and apposed \
                and " of " in prev.thing + " " + self._text[prev.start: prev.quote_end]:
            extra["part"] = True
        if head is not None and q.kind == "count" and head.i + 2 < sent.end \
                and toks[head.i + 1].lower_ in ("for", "in", "of") and toks[head.i + 2].lower_ in ("which", "whom"):
            extra["part"] = True

    @staticmethod
    def _capable(span: Span) -> bool:
        """Whether the verb the figure hangs on says what can be done, a limit or a
        capacity, not what was done: "it can be kept **between 36 and 46 degrees**", "the
        jet can carry 180 passengers"."""
        t = _thing.anchor(span)
        for _ in range(3):
            if t.head.i == t.i:
                return False
            t = t.head
            if t.pos_ == "VERB":
                return any(c.dep_ == "aux" and c.lower_ == "can" for c in _thing.children(t))
        return False

    @staticmethod
    def _among_them(span: Span) -> bool:
        """Whether the figure picks some out of those just counted: "more than 100 people
        injured, **among them** 22 police officers", "including ... among those"."""
        noun = _event.counted_noun(span)
        for host in (noun, noun.head):
            for c in _thing.children(host):
                if c.pos_ == "PRON" and c.lower_ in ("them", "those", "whom") and _thing.case_of(c) == "among" \
                        and c.i < span.start:
                    return True
        doc = span.doc
        return span.start >= 2 and doc[span.start - 2].lower_ == "among" \
            and doc[span.start - 1].lower_ in ("them", "those", "whom")

    def _content_of_saying(self, span: Span) -> Token | None:
        """The verb of what a share of people say or think, where the share is the subject of
        the verb of saying ("28% of teens say they never **text** their friends", "42
        percent think things are **going** well"): what the share counts is those of whom
        that is true. ``None`` for any other structure."""
        noun = _event.counted_noun(span)
        top = _thing.anchor(span)
        hosts = (noun, top, top.head) if top.dep_ in ("compound", "nummod") else (noun, top)
        subject = next((t for t in hosts if t.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None:
            return None
        verb = subject.head
        if verb.pos_ != "VERB" or verb.lemma_ not in self.lex.attribution_verbs | self.lex.thinking_verbs:
            return None
        return next((c for c in _thing.children(verb) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                     and c.i > verb.i), None)

    @staticmethod
    def _said_earlier(span: Span) -> bool:
        """Whether the parse puts "earlier" or "previously" on the figure's clause: "Earlier,
        when the death toll was reported to be 128", "had previously put the toll at 30"
        give the figure as it was before."""
        for token, _ in _when.path_up(_event.counted_noun(span)):
            if any(c.dep_ == "advmod" and c.lower_ in ("earlier", "previously")
                   and all(g.dep_ == "punct" for g in c.children)
                   and not (c.i > 0 and c.doc[c.i - 1].lower_.rstrip("s") in _scope.TIME_UNITS)
                   for c in _thing.children(token)):
                return True  # bare: "a year earlier" is the base of a change, not when it was said
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("acl", "acl:relcl", "advcl", "xcomp", "ccomp"):
                return False  # the figure's own clause, not the sentence around it
        return False

    @staticmethod
    def _included(span: Span) -> bool:
        """Whether the figure is given as included in the one before it: "155 people
        aboard, **including** seven children", "64 confirmed cases, **including** 15
        deaths". It counts all of its own thing there, but only some of the other's."""
        noun = _event.counted_noun(span)
        return any(c.dep_ == "case" and c.lower_ == "including" and c.i < span.start for c in _thing.children(noun))

    @staticmethod
    def _elsewhere(span: Span) -> bool:
        """Whether the parse says the figure is of another place than the one the story
        follows: "170 deaths had also been recorded **elsewhere** in the east"."""
        noun = _event.counted_noun(span)
        hosts = [noun] + ([noun.head] if noun.dep_ in _event.ARGUMENTS else [])
        return any(c.lower_ == "elsewhere" for h in hosts for c in _thing.children(h))

    def _share(self, q: Quantity) -> Quantity:
        """A fraction of something is a share of it: "a quarter of the burn zone" is 25%,
        as "25% of the burn zone" is; "a third of a mile" stays a third."""
        bounds = [b for b in (q.low, q.high) if b is not None]
        if q.kind != "count" or "number.fraction" not in q.rule or not bounds \
                or not all(0 < b < 1 for b in bounds) or not _SHARE_OF.match(self._text, q.end):
            return q
        return replace(q, low=None if q.low is None else q.low * 100, high=None if q.high is None else q.high * 100,
                       kind="percent", unit="%", rule=q.rule + "+share")

    def _converted_from(self, span: Span, q: Quantity, drafts: list[_Draft]) -> str:
        """The object of the measure a bracketed one converts: "96 metres (315 feet)", "the
        93-metre (305-foot) spire" measure one thing. "" when the measure is no conversion."""
        before = self._text[max(0, span.start_char - 3):span.start_char].rstrip()
        if not before.endswith("(") or not drafts:
            return ""
        prev = drafts[-1]
        gap = self._text[prev.end:span.start_char]
        if gap.strip() not in ("(", "-(") or _dimension(prev.quantity.unit or "") != _dimension(q.unit or ""):
            return ""
        return prev.extra.get("object", "")

    def _measured_in_parse(self, span: Span) -> str:
        """What a measure measures, from the parse: the noun it modifies ("the 93-metre
        (305-foot) **spire**"), else the subject of its clause ("the **frame** stretched
        more than 100 metres", "the twin **towers**, which stand 69 metres tall"). A
        pronoun subject names nothing here. "" when the parse names nothing."""
        top = _thing.anchor(span)
        head = top.head
        if top.dep_ in ("amod", "nummod", "compound") and head.i > top.i and head.pos_ == "NOUN" \
                and self._lemma(head) not in _DIMENSION_WORDS:
            return self._noun_lemma(head)
        if head.pos_ == "ADJ" and head.lower_ in _DIMENSION_WORDS and head.dep_ in ("amod", "appos", "acl") \
                and head.head.pos_ == "NOUN" and self._lemma(head.head) not in _DIMENSION_WORDS | _MEASURE_NOUNS:
            return self._noun_lemma(head.head)  # "the **tower**, roughly 67 metres tall"
        clause, in_subject = _scope.clause_of(top)
        if in_subject:
            return ""
        subject = next((c for c in _thing.children(clause) if c.dep_ in _thing.SUBJECTS), None)
        if subject is None and clause.dep_ == "acl" and clause.pos_ == "VERB" and clause.head.i < clause.i:
            subject = clause.head  # "The Guaiba, the vast body of water ..., peaked at 5.35 metres" (as parsed)
        if subject is None:
            return ""
        if subject.lower_ in ("which", "that", "who") and clause.dep_ == "acl:relcl":
            subject = clause.head  # "the towers, which stand 69 metres tall"
        if subject.pos_ == "PROPN":
            return _scope._name(subject)  # "The Guaiba rose back above 4.5 metres"
        if subject.pos_ != "NOUN" or self._lemma(subject) in _DIMENSION_WORDS | _MEASURE_NOUNS:
            return ""  # "the temperature fell to minus 2F": the measure itself, not what it measures
        named = next((c for c in _thing.children(subject) if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"), None)
        if named is not None:
            return _scope._name(named)  # "the Guaiba lake peaked at 5.33 meters": the Guaiba
        words = [w for w in _thing.noun_phrase(subject) if w.is_alpha]  # "the terrestrial moon"
        return " ".join([w.lower_ for w in words[:-1]] + [self._noun_lemma(subject)])

    def _measured(self, span: Span) -> str:
        """What a measure with no object after it measures, from its sentence: "the
        diameter of the moon cake is 2.1 m" (moon cake), "Deimos, which is 7.5 miles
        in diameter" (Deimos), "the bridge was 1.6 miles long" (bridge), "with a
        diameter of 5,230 km, Ganymede is ..." (Ganymede). "" when none is found."""
        toks, sent = self._toks, self._sent(span)
        for j in range(sent.start, span.start - 2):
            if toks[j].lower_ in _DIMENSION_WORDS and toks[j + 1].lower_ == "of" \
                    and not toks[j + 2].like_num and toks[j + 2].lower_ not in ("a", "an", "about", "some"):
                return self._noun_phrase_head(j + 2, span.start)  # "the diameter of the moon cake is"
        k = span.start - 1
        while k >= sent.start and span.start - k <= 8 and toks[k].lower_ not in _MEASURE_VERBS:
            if toks[k].text in _CLAUSE_END or toks[k].like_num:
                break
            k -= 1
        if k >= sent.start and toks[k].lower_ in _MEASURE_VERBS:
            j = k - 1
            if j > sent.start and toks[j].lower_ in ("which", "that", "who") and toks[j - 1].text == ",":
                j -= 2  # "Deimos, which is": the name before the relative clause
            words = []
            while j >= sent.start and len(words) < 4 and toks[j].is_alpha and toks[j].lower_ not in self.lex.stop_words:
                words.insert(0, toks[j])
                j -= 1
            if words:
                return self._head_of(words)
        if sent.start < span.start and toks[sent.start].lower_ == "with":
            comma = next((i for i in range(span.end, min(sent.end, span.end + 6)) if toks[i].text == ","), None)
            if comma is not None:
                return self._noun_phrase_head(comma + 1, sent.end)  # "With a diameter of 5,230 km, Ganymede"
        return ""

    def _noun_phrase_head(self, start: int, end: int) -> str:
        """The head of the noun phrase starting at ``start``: "the moon cake is" -> "moon cake"."""
        toks = self._toks
        while start < end and toks[start].lower_ in _DETERMINERS:
            start += 1
        words = []
        for t in toks[start:end]:
            if not t.is_alpha or t.lower_ in self.lex.stop_words or t.lower_ in _AUX or len(words) >= 4 \
                    or words and self._verbish(t):
                break
            words.append(t)
        return self._head_of(words) if words else ""

    def _head_of(self, words: list[Token]) -> str:
        """A name as written ("Ganymede"); else the noun phrase in lemmas ("moon cake")."""
        if words[-1].text[:1].isupper():
            return " ".join(w.text for w in words if w.text[:1].isupper())
        return " ".join(self._noun_lemma(w) for w in words)

    def _capacity(self, span: Span, q: Quantity, thing_norm: str) -> int | None:
        """Where a capacity claim's words end, if the number is one: glued to a word of
        the capacity table ("42,000-seat") or after a capacity verb with nothing
        counted, or only seats or spectators ("designed to hold 38,000")."""
        if q.kind != "count":
            return None
        toks, lex = self._toks, self.lex
        if span.end + 1 < len(toks) and toks[span.end].text == "-" and not toks[span.end - 1].whitespace_ \
                and not toks[span.end].whitespace_ and toks[span.end + 1].lower_ in lex.capacity_compounds:
            after = toks[span.end + 1]
            return after.idx + len(after.text)
        if span.start > 0 and not (thing_norm and thing_norm not in _CROWDS):
            verb = toks[span.start - 1]
            if verb.is_lower and self._lemma(verb) in lex.capacity_verbs:
                return span.end_char
        return None

    def _thing_right(self, doc: Doc, span: Span, q: Quantity):
        """The noun phrase after the number: (tokens, head, partitive, index after it)."""
        sent_end = self._sent(span).end
        i = span.end
        partitive = False
        if i < sent_end and self._toks[i].lower_ == "of":
            nxt = self._toks[i + 1] if i + 1 < sent_end else None
            if q.kind == "count" and (q.value is not None or q.low is not None) and not q.approximate \
                    and nxt is not None \
                    and (nxt.lower_ in _DETERMINERS or nxt.lower_ in _PRONOUNS):
                partitive = True
            i += 1
            while i < sent_end and self._toks[i].lower_ in _DETERMINERS | {"them"}:
                i += 1
        # "four months' pay", "the capital's turnout"
        while i < sent_end and self._toks[i].text in ("'s", "\u2019s", "'", "\u2019"):
            i += 1
        if i + 1 < sent_end and self._toks[i].lower_ in ("were", "are", "was", "is") and not partitive \
                and self._toks[i + 1].lower_ not in self.lex.stop_words and self._plural(self._toks[i + 1]):
            i += 1  # "Among the dead, 32 were children"
        elif i + 3 < sent_end and not partitive and self._toks[i].lower_ in ("will", "would", "could", "may", "might") \
                and self._toks[i + 1].lower_ == "be" and self._toks[i + 2].lower_ not in self.lex.stop_words \
                and any(self._plural(t) for t in self._toks[i + 2:i + 4]):
            i += 2  # "one to three will be major hurricanes"
        tokens: list[Token] = []
        while i < sent_end and len(tokens) < 5:
            t = self._toks[i]
            if t.text == "-" and tokens and not t.whitespace_ and not tokens[-1].whitespace_:
                tokens.append(t)
                i += 1
                continue
            if not self._phrase_word(t, first=not tokens):
                break
            tokens.append(t)
            i += 1
            if self._event_class(t) and not self._is_noun(t):
                break
            if self._plural(t):
                break  # "fighters left there": a plural noun closes the phrase
        while tokens and (tokens[-1].text == "-" or tokens[-1].lower_ in self.lex.incremental):
            tokens.pop()
        head = None
        for t in reversed(tokens):
            if t.text != "-":
                head = t
                break
        return tokens, head, partitive, i

    def _conjoined(self, conjunct: Token, start: int) -> bool:
        """Whether the number at character ``start`` is in the phrase ``conjunct`` is
        coordinated with, or one that phrase modifies ("one person on the train and one
        in the truck", parsed with the second "one" on "train")."""
        host = conjunct.head
        for _ in range(3):
            if host.left_edge.idx <= start <= host.idx:
                return True
            if host.dep_ not in ("nmod", "conj", "appos") or host.head.i == host.i:
                return False
            host = host.head
        return False

    def _listed(self, sent: Span, names: Token) -> tuple[str, Token | None] | None:
        """Whom a list counts, when a figure counts the names on it: the thing of the
        list's "of" phrase ("the list of **victims**"), with the verb of that phrase's own
        clause ("people reported **missing**"). ``None`` when the sentence holds no list
        of anything."""
        for t in self._toks[max(sent.start, names.i - _thing.REACH):names.i]:
            if self._noun_lemma(t) != "list":
                continue
            of = _thing.of_noun(t, "of")
            if of is None:
                continue
            thing = self._thing_class(list(of.phrase), of.head)
            said = next((c for c in _thing.children(of.head) if c.dep_ in ("acl", "acl:relcl")), None)
            told = next((c for c in (_thing.children(said) if said is not None else ()) if c.dep_ == "xcomp"), said)
            event = told if told is not None and self._event_class(told) else None
            return thing or self._noun_lemma(of.head), event
        return None

    def _attributive(self, span: Span, thing_tokens: list[Token], head: Token, q: Quantity) -> bool:
        """Whether the number and its noun are joined by a hyphen into a modifier of another
        noun: "a 12-game rematch", "a two-race winning streak". English puts a count's noun
        in the plural ("12 games"); a singular noun hyphened to a number other than one
        describes something else."""
        first = thing_tokens[0]
        if first.i < 1 or self._toks[first.i - 1].text != "-" or first.i - 1 != span.end:
            return False
        hyphen = self._toks[first.i - 1]
        return not hyphen.whitespace_ and not self._toks[span.end - 1].whitespace_ and q.value != 1 \
            and head.lower_ == self._noun_lemma(head) and not self._plural(head)

    def _other_object(self, verb: Token, span: Span, thing_tokens: list[Token]) -> Token | None:
        """The object of ``verb`` when the verb says its event only with other objects and
        this one is neither those nor what the figure counts: "513,000 people **lost**
        electricity" (``[event_objects]`` of the lexicon); ``None`` otherwise."""
        wanted = self.lex.event_objects.get(self._lemma(verb))
        if wanted is None:
            return None
        own = {t.i for t in thing_tokens} | set(range(span.start, span.end))
        obj = next((c for c in _thing.children(verb) if c.dep_ == "obj"), None)
        if obj is None or obj.i in own or self._noun_lemma(obj) in wanted:
            return None
        return obj

    def _holder(self, verb: Token, span: Span) -> str:
        """Who or what holds what a figure counts, where a verb of holding has it as its
        object: "the **captain** had 8,122 flight hours", "the two express **trains** were
        carrying more than 2,200 passengers" ("2 express train": a numbered holder is
        another holder than one). "" for a pronoun or a name, or any other verb."""
        if self._lemma(verb) not in self.lex.holding_verbs:
            return ""
        noun = _event.counted_noun(span)
        if noun.dep_ != "obj" or noun.head.i != verb.i:
            return ""
        subject = next((c for c in _thing.children(verb) if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "NOUN":
            return ""
        words = [t for t in _thing.lefts(subject) if t.dep_ in ("nummod", "amod", "compound") and t.i < subject.i]
        return " ".join([*(t.lower_ for t in words), self._noun_lemma(subject)])

    def _doer(self, verb: Token, span: Span) -> str:
        """The name that did what a figure counts, where the parse makes what is counted the
        object of an active verb and a name its subject: "**Tesla** delivered a record
        484,507 vehicles", "**BYD** sold 3.02 million". "" for a pronoun, a common noun, a
        place, or any other structure. A figure's doer pins it to one of several actors a
        story names; it never sets two figures apart by itself (see :mod:`reconcile.align`)."""
        noun = _event.counted_noun(span)
        if noun.dep_ != "obj" or noun.head.i != verb.i or any(c.dep_ == "aux:pass" for c in _thing.children(verb)):
            return ""
        return self._named_subject(verb, span)

    def _goal_holder(self, goal: Token, span: Span) -> str:
        """Whose a goal or forecast is: the name that possesses it ("Tesla's target"), or,
        for "its" and "their", the name that is subject of the nearest clause above it
        ("Tesla delivered ..., meeting **its** target", "Tesla handed over ..., though that
        falls short of **its** 2 million target"); "" for anything else."""
        owner = next((c for c in _thing.children(goal) if c.dep_ == "nmod:poss"), None)
        if owner is None:
            return ""
        if owner.pos_ == "PROPN":
            name = _scope._name(owner)
            return "" if self._is_place(name) else self.lex.canonical_name(name)
        if owner.lower_ not in ("its", "their"):
            return ""
        for verb, _ in _when.path_up(goal)[1:]:
            if verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in _thing.children(verb)):
                name = self._named_subject(verb, span)
                if name:
                    return name
        return ""

    def _named_subject(self, verb: Token, span: Span) -> str:
        """The name that is subject of ``verb``, canonical; "" for a pronoun, a common
        noun, a place or no subject."""
        subject = next((c for c in _thing.children(verb) if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("which", "who", "that") and verb.dep_ == "acl:relcl":
            subject = verb.head  # "People's Renewal, which won 56 seats": the name the clause is about
        opens = self._dateline_end(self._sent(span))
        if subject is not None and subject.idx < opens:
            # "AUSTIN, Jan 2 (Wire) - Tesla delivered": the parser may hang the name on the dateline
            subject = next((c for c in _thing.children(subject) if c.dep_ == "appos" and c.idx >= opens
                            and c.i < verb.i and c.pos_ == "PROPN"), None)
        if subject is None:
            return ""
        common = subject.lower_ in self.lex.nouns or word_lemma(subject.lower_) in self.lex.nouns
        if subject.is_sent_start and common and subject.lower_ not in self._names \
                and " " not in _scope._name(subject):
            return ""  # "Engineers had pumped ...": a common noun that opens the sentence, not "Reform UK won"
        if not (subject.pos_ == "PROPN" or subject.text[:1].isupper() and subject.is_alpha and not common
                and subject.lower_ not in self.lex.adjectives | self.lex.stop_words):
            return ""  # a name, whatever the tagger made of it ("Rivian delivered": a subject is no adjective)
        name = _scope._name(subject)
        if self._is_place(name):
            return ""  # "Congo had also reported 524 deaths": a place
        return self.lex.canonical_name(name)

    def _fronted_partitive(self, sent: Span, span: Span) -> bool:
        """Whether the figure opens the clause after a fronted "Of the ...," phrase: "Of the
        disaster-related deaths, 6 were in Suzu" counts a part of those deaths."""
        toks = self._toks
        if not 3 <= span.start - sent.start <= FRONTED_REACH or toks[sent.start].lower_ != "of" \
                or toks[span.start - 1].text != ",":
            return False
        return not any(t.text == "," for t in toks[sent.start:span.start - 1])

    def _measured_from(self, span: Span, sent_end: int) -> str:
        """Where a distance is measured from: "250 km south-west **of Kolkata**", "171 km
        **from the state capital**"; "" when the words after it name no such place."""
        toks = self._toks
        k = span.end
        while k < sent_end and (toks[k].lower_ in _DIRECTIONS or toks[k].text == "-"):
            k += 1  # "south-west", tokenized "south", "-", "west"
        if k < sent_end and toks[k].text == "(":
            # "38 km (24 miles) southwest of Iquitos": past the conversion
            close = next((j for j in range(k + 1, min(sent_end, k + 8)) if toks[j].text == ")"), None)
            if close is not None:
                k = close + 1
                while k < sent_end and (toks[k].lower_ in _DIRECTIONS or toks[k].text == "-"):
                    k += 1
        off = k > span.end and toks[k - 1].lower_ == "off" and k < sent_end and toks[k].text[:1].isupper()
        if not off and (k >= sent_end or toks[k].lower_ not in ("of", "from") or (
                toks[k].lower_ == "of" and k == span.end)):
            return ""  # "of" only after a direction: "5 km of road" is what, not where from
        k += 0 if off else 1  # "87 kilometres off Pylos": off the coast of Pylos
        while k < sent_end and toks[k].lower_ in _DETERMINERS:
            k += 1
        if k + 2 < sent_end and toks[k].lower_ in _PLACE_NOUNS and toks[k + 1].lower_ == "of" \
                and toks[k + 2].text[:1].isupper():
            k += 2  # "southwest of the town of Pylos": of Pylos
        words = []
        while k < sent_end and len(words) < 4 and toks[k].is_alpha and toks[k].lower_ not in self.lex.stop_words:
            words.append(toks[k])
            k += 1
        return " ".join(w.text if w.text[:1].isupper() else w.lower_ for w in words)

    def _model_numbers(self, doc: Doc) -> frozenset[str]:
        """Numbers the article writes as part of a name: right after a capitalised word
        that opens no sentence ("Boeing 737", "Airbus A320"), then a capitalised word
        ("737 MAX")."""
        toks = self._toks
        found = set()
        seen: Counter[tuple[str, str]] = Counter()
        for t in toks:
            if t.like_num and t.text.isdigit() and 0 < t.i < len(toks) - 1:
                before, after = toks[t.i - 1], toks[t.i + 1]
                if not (after.text[:1].isupper() and after.is_alpha):
                    continue
                seen[(t.text, after.text)] += 1
                if before.like_num or before.text[:1].isupper() and before.is_alpha and not before.is_sent_start:
                    found.add(t.text)  # "Boeing 737 MAX", "its two 737 MAX 8s"
        # the same number before the same name, again and again ("737 MAX"): a name
        found.update(number for (number, _), n in seen.items() if n >= 3)
        return frozenset(found)

    def _names_a_model(self, span: Span, model_numbers: frozenset[str]) -> bool:
        """Whether the number in ``span`` is a name's ("737" of "737 MAX 8s") where the
        article writes it so: a bare number that a capitalised word follows."""
        if span.text not in model_numbers or span.end >= len(self._toks):
            return False
        after = self._toks[span.end]
        return after.text[:1].isupper() and after.is_alpha and after.lower_ not in self.lex.stop_words

    def _other_scale(self, sent: Span) -> str:
        """The scale a sentence names other than a magnitude's ("seismic intensity scale"),
        in lemmas; "" if it names none."""
        for t in sent:
            if t.lower_ == "scale" and t.pos_ == "NOUN":
                words = [self._lemma(c) for c in _thing.lefts(t) if c.dep_ in ("compound", "amod") and c.is_alpha]
                if words and not {"richter", "magnitude", "moment"} & set(words):
                    return " ".join(words + ["scale"])
        return ""

    def _anaphoric_place(self, sent: Span) -> bool:
        """Whether the sentence puts what it tells "in the province", "across the state":
        a place named only by its kind. Read once per sentence."""
        found = self._anaphoric_sentences.get(sent.start)
        if found is None:
            found = self._anaphoric_sentences[sent.start] = self._names_place_by_kind(sent)
        return found

    def _names_place_by_kind(self, sent: Span) -> bool:
        for t in sent:
            # a place named only by its kind refers to one named before: "in the province"
            if t.lower_ in _scope.ORIGIN_KINDS and t.dep_ in ("obl", "nmod"):
                kids = _thing.children(t)
                if any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and any(
                        c.dep_ == "case" and c.lower_ in ("in", "across", "throughout") for c in kids):
                    return True
        return False

    def _speaker_place(self, speaker_tokens: list[Token]) -> str:
        """The place a speaker speaks for, as written: "**British Columbia**'s chief coroner"."""
        name: list[Token] = []
        for t in [*speaker_tokens, None]:
            if t is not None and t.is_alpha and t.text[:1].isupper():
                name.append(t)  # "British" of "British Columbia" may be tagged an adjective
                continue
            if name:
                text = self._slice_text(name[0].i, name[-1].i + 1)
                if self._is_place(text):
                    return self.lex.canonical_name(text)
                for word in name:  # "the BC Coroners Service" in a story of British Columbia
                    found = places.abbreviation(word.text, self._named_countries())
                    if found is not None:
                        return found.name
            name = []
        return ""

    def _named_countries(self) -> set[str]:
        """The countries (ISO codes) the article's places lie in, found once per Doc."""
        if self._place_countries is None:
            found = set()
            for m in _NAME_RUN.finditer(self._text):
                words = m.group().split()
                found.update(places.lookup(" ".join(words[i:j])) for i in range(len(words))
                             for j in range(i + 1, min(len(words), i + MAX_PLACE_WORDS) + 1))
            self._place_countries = {p.country for p in found if p is not None}
        return self._place_countries

    def _thing_class(self, phrase: Sequence[Token], head: Token) -> str:
        """The canonical thing of a noun phrase ("air strikes" -> strike), its hyphens left out."""
        words = " ".join(self._noun_lemma(t) for t in phrase if t.text != "-")
        return self.lex.thing_class(words, self._noun_lemma(head))

    def _verb_form(self, t: Token) -> bool:
        """A verb's form the tagger took for a noun ("the count had **risen** to 81")."""
        if self._is_noun(t):
            return False
        lemma = self._verb_lemma(t.lower_)
        return lemma != t.lower_ and lemma in self.lex.verbs

    def _modified_noun(self, span: Span, head: Token | None) -> _thing.Counted | None:
        """The noun phrase the parse says the number modifies, when the words read after
        the number end before its head: a participle ("94 confirmed cases") or coordinated
        adjectives ("486 sudden and unexpected deaths") that the word window stops at.
        ``None`` when the window already reached the noun, or the parse names none."""
        coordinated = self._coordinated_modifiers(span, head)
        if coordinated is not None:
            return coordinated
        counted = span._.counted
        if counted is None or counted.rule != "nummod":
            return None
        noun = counted.head
        if noun.i < span.end or noun.i - span.end > _MODIFIER_REACH or noun.pos_ != "NOUN":
            return None
        compound = head is not None and head.dep_ == "compound" and head.head.i == noun.i
        if head is not None and not compound and (
                head.i >= noun.i or self._is_noun(head) and head.pos_ in _thing.NOUNS):
            return None  # the window reached the noun, or found a noun of its own ("22 crew members": its compound)
        if head is not None and self._event_class(head) and not self._is_noun(head) and head.pos_ == "VERB" \
                and head.head.i != noun.i:
            return None  # "over 1,500 wounded ...": the word after the number says what happened
        between = self._toks[span.end:noun.i]
        if any(t.is_punct and (t.text != "-" or t.whitespace_) for t in between):
            return None  # "476,777 - deliveries": a dash sets the number apart
        return counted

    def _change_noun(self, span: Span, q: Quantity, head: Token | None) -> tuple[str, Token | None] | None:
        """Which way a share on a noun of a move moved, and what moved: "the stock's 11.2%
        slide" (down, the stock), "a 5% rise in prices" (up, prices); ``None`` for anything
        else. Only the parse's modifier of the noun, never a count of moves."""
        if q.kind != "percent" or head is None or head.lemma_.lower() not in self.lex.change_nouns:
            return None
        top = _thing.anchor(span)
        if top.head.i != head.i:
            return None
        of = next((c for c in _thing.children(head) if c.dep_ == "nmod:poss" and c.pos_ in _thing.NOUNS
                   or c.dep_ == "nmod" and _thing.case_of(c) in ("in", "of") and c.pos_ in _thing.NOUNS), None)
        return self.lex.change_nouns[head.lemma_.lower()], of

    def _coordinated_modifiers(self, span: Span, head: Token | None) -> _thing.Counted | None:
        """The noun after modifiers joined by "and" or "or" right after the number, where
        the parser lost the noun phrase ("87 confirmed and probable cases" parsed as a
        verb's object and a conjunct): two or more adjectives or participles, then a noun."""
        toks = self._toks
        k, modifiers, joined = span.end, 0, False
        end = min(len(toks), span.end + _MODIFIER_REACH + 1)
        while k < end:
            t = toks[k]
            if t.lower_ in ("and", "or") and modifiers:
                joined = True
            elif t.is_alpha and t.text.islower() and (t.lower_ in self.lex.adjectives or t.lower_.endswith("ed")) \
                    and not (self._is_noun(t) and t.pos_ in _thing.NOUNS):
                modifiers += 1
            else:
                break
            k += 1
        if not (joined and modifiers >= 2) or k >= len(toks):
            return None
        noun = toks[k]
        if not (noun.pos_ in _thing.NOUNS and self._is_noun(noun)):
            return None
        return _thing.Counted(span.doc[span.end:k + 1], noun, "nummod")

    def _phrase_word(self, t: Token, *, first: bool) -> bool:
        low = t.lower_
        if t.is_punct or t.is_space or t.like_num:
            return False
        if first and low in self.lex.incremental:
            return True
        if t.text.isupper() and len(t.text) > 1 and t.text.isalpha():
            return True  # "IS", "US", "WHO": names, not the stop words they spell
        if low in self.lex.stop_words or low in _AUX or low in self.lex.whole_words:
            return False  # "nearly 23% overall": the whole, not what is counted
        if not any(c.isalpha() for c in t.text):
            return False
        if self._verbish(t) or t.pos_ == "VERB" and t.dep_ in _CLAUSE_HEADS:
            # "58 percent think things are going badly": the parser's verb heads a clause,
            # whatever else the word may be; only a word of the event table opens a thing
            return first and bool(self._event_class(t))
        return True

    def _verbish(self, t: Token) -> bool:
        """A verb form: "killed", "remained", "died", "won"; not "fighters" or "hundred"."""
        low = t.lower_
        lemma = self._lemma(t)
        if lemma not in self.lex.verbs or t.text[:1].isupper() or low in _AUX or lemma in ("be", "have", "do"):
            return False
        if low.endswith("ed") and lemma != low:
            return True
        if low.endswith("ing") and lemma != low and low not in self.lex.nouns:
            return True
        if lemma == low and low not in self.lex.nouns and low not in self.lex.adjectives:
            return True  # "remain", "die": a verb that is nothing else
        return lemma != low and low not in self.lex.nouns and not low.endswith("s")

    def _irregular_past(self, t: Token) -> bool:
        """"left", "won", "lost": verb forms that also spell nouns."""
        low, lemma = t.lower_, self._lemma(t)
        return lemma != low and lemma in self.lex.verbs and not low.endswith("s") and low not in _AUX

    def _sent(self, span: Span) -> Span:
        """The sentence a span starts in."""
        return self._sent_of[span.start]

    def _span_text(self, span: Span) -> str:
        """``span.text``, cut from the Doc's text: Span.text builds every Token to join them."""
        return self._text[span.start_char:span.end_char]

    def _slice_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` for token indices start < end."""
        last = self._toks[end - 1]
        return self._text[self._toks[start].idx:last.idx + len(last.text)]

    def _fronted_time(self, sent: Span, span: Span) -> str:
        """A time that opens the sentence and is set off by a comma ("On October 29, a
        Lion Air jet ... plunged into the Java Sea, killing all 189 people"): the time of
        all the sentence tells, for a figure no other time is tied to."""
        offset, opens = sent.start_char, self._dateline_end(sent)
        times = [t for t in self._times_in(sent) if offset + t[0] >= opens]
        if not times:
            return ""
        start, end, text = times[0]
        fronted = self._fronted(sent, offset + start, offset + end, span)
        return text if fronted and timex.normalize(text) not in ("now", "today") else ""

    def _place_with(self, span: Span) -> str:
        """A place the figure is given with: "followed by **Travis County** with 28",
        "**West Bengal** at 77.57 per cent" (a place, then "with" or "at" and the number)."""
        toks, sent = self._toks, self._sent(span)
        k = span.start - 1
        if k - 1 < sent.start or toks[k].lower_ not in ("with", "at"):
            return ""
        end = k
        while k - 1 >= sent.start and toks[k - 1].text[:1].isupper() and toks[k - 1].is_alpha and end - k < 4:
            k -= 1
        if k == end:
            return ""
        name = self._slice_text(k, end)
        known = self._is_place(name) or name.rsplit(" ", 1)[-1].lower() in _scope.PLACE_KINDS
        return self.lex.canonical_name(name) if known and not timex.is_calendar_name(name) else ""

    def _fronted_place(self, sent: Span, span: Span) -> str:
        """A place that opens the sentence and is set off by a comma ("In Tamil Nadu,
        where all 39 seats voted, turnout was 65.19 per cent"): where all the sentence
        tells is, for a figure no other place is tied to."""
        _, in_order = self._places_in(sent)
        if not in_order:
            return ""
        i, idx, name = in_order[0]
        if name in (_THERE, _SEVERAL_PLACES) or self._toks[i].lower_ not in _PLACE_PREPS:
            return ""
        end = self._text.find(name, idx) + len(name)  # the name after its preposition
        return self.lex.canonical_name(name) if self._fronted(sent, idx, end, span) else ""

    def _fronted(self, sent: Span, start: int, end: int, span: Span) -> bool:
        """Whether the phrase at ``start``..``end`` opens the sentence (after any dateline)
        and a comma sets it off before the figure in ``span``."""
        return not self._text[self._dateline_end(sent): start].strip() \
            and self._text[end: span.start_char].lstrip().startswith(",")

    def _is_place(self, name: str) -> bool:
        """Whether ``name`` is a country or a subdivision (the place model), or a country
        the lexicon knows by another name ("US")."""
        return places.lookup(name) is not None or name.lower() in self.lex.countries

    def _times_in(self, sent: Span) -> list[tuple[int, int, str]]:
        """Time expressions of a sentence, found once for all the claims in it."""
        found = self._sentence_times.get(sent.start)
        if found is None:
            found = self._sentence_times[sent.start] = timex.find_times(self._span_text(sent))
        return found

    def _clock(self, span: Span, q: Quantity) -> Quantity | None:
        """"struck at about 1:30 am": when something happened, as minutes after midnight."""
        minutes = timex.clock_minutes(q.text)
        before = self._text[max(0, span.start_char - 16): span.start_char].lower()
        if minutes is None or not re.search(r"\b(?:at|about|around|after|before|approximately|roughly)\s+$", before):
            return None
        hedge = next((h for h in sorted(timex.CLOCK_HEDGES, key=len, reverse=True)
                      if re.search(rf"\b{h}\s+(?:at\s+)?$", before)), None)
        back, ahead = timex.CLOCK_HEDGES.get(hedge, (0, 0))
        return replace(q, low=float(minutes - back), high=float(minutes + ahead), approximate=hedge is not None,
                       unit="minute", qualifier=hedge, rule=f"{q.rule}+clock")

    def _plural(self, t: Token) -> bool:
        low, lemma = t.lower_, self._lemma(t)
        if low in ("men", "women", "people", "children", "police", "staff", "personnel", "crew"):
            return True
        return lemma != low and lemma in self.lex.nouns and low.endswith("s")

    def _is_noun(self, t: Token) -> bool:
        return self._lemma(t) in self.lex.nouns or t.lower_ in self.lex.nouns

    def _lemma(self, t: Token) -> str:
        if t.pos_ == "ADJ" and t.lower_.endswith("ed"):
            # a participle read as an adjective ("wounded", "aged") still names its verb
            return self._verb_lemma(t.lower_)
        return (t.lemma_ or t.text).lower()

    def _noun_lemma(self, t: Token) -> str:
        """The lemma of a word read as a noun: "crew" stays "crew" (not the verb "crow")."""
        low = t.lower_
        if low in self.lex.nouns and not low.endswith("s") and low not in _IRREGULAR_PLURALS:
            return low
        if t.pos_ == "PROPN" and t.is_title and word_lemma(low) in self.lex.nouns:
            return word_lemma(low)  # a capital that opens a label, not a name: "Deaths: 206"
        return self._lemma(t)

    def _event_class(self, t: Token) -> str:
        if t.text[:1].isupper() and t.lower_ in _CALENDAR:
            return ""  # "up to 9 March": a month, not a march
        lemma = self._lemma(t)
        if lemma == "take" and t.i + 3 < len(self._toks) and self._toks[t.i + 1].lower_ == "to" \
                and self._toks[t.i + 3].lower_ in ("street", "streets"):
            return "protest"  # "took to the streets"
        if t.lower_ in ("on", "in") and t.i + 2 < len(self._toks) and (
                self._toks[t.i + 1].lower_ == "strike" or self._toks[t.i + 2].lower_ in ("street", "streets")):
            return "protest"  # "were on strike", "were in the streets"
        if t.lower_ == "on" and t.i + 1 < len(self._toks) and self._toks[t.i + 1].lower_ == "board":
            return "aboard"  # "226 people on board"
        if lemma == "let" and t.i + 1 < len(self._toks) and self._toks[t.i + 1].lower_ == "go":
            return self.lex.event_of.get("dismiss", "")  # "let go of thousands of workers"
        return self.lex.event_of.get(lemma) or self.lex.event_of.get(t.lower_, "")

    def _figure_left(self, doc: Doc, span: Span):
        """A figure noun before the number: "the death toll ... reached 93" -> toll."""
        start = self._sent(span).start
        for j in range(span.start - 1, max(start, span.start - 25) - 1, -1):
            t = self._toks[j]
            if t.text in _CLAUSE_END or t.lower_ in self.lex.attribution_verbs and j < span.start - 1 \
                    and self._toks[j - 1].text in {",", *_QUOTES}:
                break
            key = t.lower_
            prev = self._toks[j - 1].lower_ if j > start else ""
            two = f"{prev} {key}"
            fig = self.lex.figure_nouns.get(two) or self.lex.figure_nouns.get(key) or \
                self.lex.figure_nouns.get(self._lemma(t))
            if not fig:
                continue
            if prev == "per" or any(c.dep_ == "case" and c.lower_ == "per" for c in _thing.children(t)):
                continue  # "earnings per share came to $2.48": the basis of a rate, not the figure
            text = self._slice_text(j - 1, j + 1) if two in self.lex.figure_nouns or (
                prev and self._is_noun(self._toks[j - 1]) and prev not in self.lex.stop_words) else t.text
            if fig == "of":
                # "the number of people confirmed dead": the of-phrase says what is counted,
                # read from the parse ("the number of victims found after the crash")
                of = _thing.of_noun(t, "of")
                if of is not None and of.head.i < span.start and not self._verb_form(of.head):
                    return t, self._slice_text(j, of.head.i + 1), self._thing_class(list(of.phrase), of.head)
                if j + 2 < span.start and self._toks[j + 1].lower_ == "of":
                    k = j + 2
                    while k < span.start and self._toks[k].lower_ in _DETERMINERS:
                        k += 1
                    words = []
                    while k < span.start and self._phrase_word(self._toks[k], first=not words) and len(words) < 4:
                        words.append(self._toks[k])
                        k += 1
                    if words:
                        return t, self._slice_text(j, words[-1].i + 1), self._thing_class(words, words[-1])
                if key in ("figure", "number", "total", "tally", "count", "estimate"):
                    return None  # "put the figure at 30,000": the figure of the sentence before
                continue
            # "the efficacy rate of 95%": a figure noun named by its compound, where the table knows it
            canon = (self.lex.thing_of.get(two) if text != t.text else None) or self.lex.thing_of.get(fig, fig)
            return t, text, canon
        return None

    def _figure_quote_start(self, span: Span, fig_tok: Token) -> int:
        """Where a claim's quote starts when a figure noun before the number names it: at
        the noun when it is near ("death toll rose to 45"), else at the verb that gives the
        number ("had risen to 72"), so that a quote is a phrase, never a whole clause."""
        if span.start - fig_tok.i <= QUOTE_REACH:
            return fig_tok.idx
        verb = _thing.anchor(span).head
        if fig_tok.i < verb.i < span.start and verb.pos_ in ("VERB", "AUX"):
            first = min([verb, *(c for c in _thing.lefts(verb) if c.dep_ in ("aux", "aux:pass", "cop")
                                 and max(fig_tok.i, verb.i - 3) < c.i and c.lower_ not in _NAME_PARTICLES)],
                        key=lambda t: t.i)
            return first.idx
        # else the few words before the number, from a word's start ("earthquake at 2,946", not "'s earthquake")
        start = next((t for t in self._toks[max(fig_tok.i, span.start - 3):span.start]
                      if t.is_alpha and t.lower_ not in _NAME_PARTICLES), None)
        return start.idx if start is not None else span.start_char

    def _goal(self, span: Span, head: Token | None) -> Token | None:
        """The noun of a goal or a forecast whose value the figure gives, read from the
        parse: the singular noun the number modifies ("its 2 million **target**"), or the
        one whose "of" phrase holds the figure ("its **target** of about 1.8 million
        cars"), never a copula's ("was the target of five strikes"); ``None`` for a count
        of such things ("hit 20 targets")."""
        goals = self.lex.goal_nouns
        top = _thing.anchor(span)
        if head is not None and top.head.i == head.i and head.i > top.i and head.tag_ in ("NN", "NNP") \
                and self._noun_lemma(head) in goals:
            return head
        for token in (head, top):
            if token is None or token.dep_ != "nmod" or _thing.case_of(token) != "of":
                continue
            noun = token.head
            if noun.tag_ in ("NN", "NNP") and self._noun_lemma(noun) in goals \
                    and not any(c.dep_ == "cop" for c in _thing.children(noun)):
                return noun
        return None

    def _expected(self, span: Span) -> bool:
        """Whether the verb that governs the figure says it is expected or intended, not what
        is ("analysts had expected $2.09", "the company projects revenue of $16 billion",
        "it expects to make up to 100 million doses"): read from the parse."""
        top = _thing.anchor(span)
        for token in (top.head, top.head.head):
            if token.pos_ == "VERB":
                # "it expects to make up to 100 million doses", "aims to cut 10,000 jobs"
                return token.lemma_ in _EXPECTING or (token.dep_ == "xcomp" and token.head.lemma_ in _INTENDING)
            if token.dep_ not in ("obj", "nmod", "obl", "nsubj"):
                break
        return False

    def _counted_clause_event(self, fig_tok: Token) -> Token | None:
        """The verb of a clause on the noun a figure noun counts: "the number of people
        **killed**", "the number of people who **died**"; ``None`` when there is none."""
        counted = _thing.of_noun(fig_tok, "of")
        if counted is None:
            return None
        for child in _thing.children(counted.head):
            if child.dep_ in ("acl", "acl:relcl") and (self._event_class(child) or child.pos_ == "VERB"
                                                       and self._lemma(child) not in self.lex.neutral_events):
                return child
        return None

    def _event_near(self, doc: Doc, span: Span, after: int, *, table_only: bool = False):
        sent = self._sent(span)
        j = after
        while j < sent.end and (self._toks[j].lower_ in _AUX or self._toks[j].lower_.endswith("ly")
                                or self._lemma(self._toks[j]) in ("be", "have", "remain", "stay", "become", "get",
                                                           "appear", "seem", "go")):
            j += 1
        if j < sent.end and self._toks[j].lower_ not in self.lex.attribution_verbs and (
                self._event_class(self._toks[j]) or self._verbish(self._toks[j]) or self._irregular_past(self._toks[j])):
            return self._toks[j]
        left = []
        for j in range(span.start - 1, max(sent.start, span.start - 12) - 1, -1):
            if self._toks[j].text in _CLAUSE_END or (self._toks[j].lower_ in _SUBORDINATORS and j > sent.start
                                              and self._is_noun(self._toks[j - 1]) and not self._toks[j - 1].like_num):
                break  # "missing after a ferry with 226 people": the ferry's figure, not the missing
            if self._toks[j].lower_ == "and" and j > sent.start and self._toks[j - 1].text == ",":
                break  # "15,074 cases, most of them suspected, and 461 deaths": another conjunct's verb
            left.append(self._toks[j])
        # a word of the event table first ("the number of people confirmed dead stood at 99")
        for t in left:
            if not t.is_alpha:
                continue  # "Friday's": the 's is not "has"
            nxt = self._toks[t.i + 1] if t.i + 1 < len(doc) else None
            if t.lower_ in _AUX and nxt is not None and (self._verbish(nxt) or self._irregular_past(nxt)
                                                          or nxt.lower_ in _AUX):
                continue  # "had risen to": an auxiliary says nothing of what happened
            if self._event_class(t) and t.lower_ not in self.lex.attribution_verbs \
                    and self._event_class(t) not in self.lex.neutral_events:
                return t
        if table_only:
            return None
        for t in left[:8]:
            if t.is_alpha and self._verbish(t) and t.lower_ not in self.lex.attribution_verbs:
                return t
        return None

    def _speaker(self, doc: Doc, span: Span) -> tuple[str, list[Token]]:
        """Who the claim is attributed to, from the sentence it is in (or the next)."""
        sent = self._sent(span)
        said = span._.speaker
        if said is not None:
            # the parse ties the figure's clause to the verb that reports it
            return said.name, list(said.tokens)
        # "according to X": the sentence's, whichever of its numbers is asked about
        found = self._sentence_sources.get(sent.start)
        if found is None:
            text = self._span_text(sent)
            found = self._sentence_sources[sent.start] = self._source_named(sent, text, text.lower())
        if found[0]:
            return found
        # the nearest attribution verb with a name, by token distance; a pronoun inside a
        # quotation gives way to the name outside it. The verbs and their names are read
        # once per sentence, so a sentence of many numbers and many "said" stays linear.
        speakers = self._sentence_speakers.get(sent.start)
        if speakers is None:
            speakers = self._sentence_speakers[sent.start] = self._speakers_in(doc, sent)
        best: tuple[int, int, str, list[Token]] | None = None
        for verbs, penalty in ((speakers.names, 0), (speakers.pronouns, 1000)):
            # the nearest verb before the number, and the nearest after it that may follow it
            k = bisect_left(verbs.all_at, span.start) - 1
            if k >= 0:
                i = verbs.all_at[k]
                cand = (span.start - i + penalty, i, *verbs.all_names[k])
                best = cand if best is None or cand[:2] < best[:2] else best
            k = bisect_left(verbs.after_at, span.end)
            if k < len(verbs.after_at):
                i = verbs.after_at[k]
                cand = (i - span.start + penalty, i, *verbs.after_names[k])
                best = cand if best is None or cand[:2] < best[:2] else best
        if best:
            return best[2], best[3]
        return "", []

    def _speakers_in(self, doc: Doc, sent: Span) -> _Speakers:
        """The attribution verbs of a sentence that have a name, with that name."""
        lex = self.lex
        out = _Speakers(_Verbs([], [], [], []), _Verbs([], [], [], []))
        for t in self._toks[sent.start:sent.end]:
            if t.lower_ not in lex.attribution_verbs or t.text[:1].isupper() and t.i > sent.start:
                continue  # "Maryland State Police said": a capitalised "State" is a name
            prev_word = self._toks[t.i - 1].lower_ if t.i > sent.start else ""
            next_word = self._toks[t.i + 1].lower_ if t.i + 1 < sent.end else ""
            if prev_word in ("was", "were", "is", "are", "be", "been", "being") or next_word == "by":
                continue  # "was believed to", "claimed by": passive, not an attribution
            before = self._name_backward(doc, t.i, sent.start)
            name = before
            if not name:
                prev = self._toks[t.i - 1] if t.i > sent.start else None
                if (prev is None or prev.text in {",", *_QUOTES} or prev.is_punct) and self._lemma(t) in _INVERTED:
                    name = self._name_forward(self._toks[t.i + 1:sent.end])  # '..., said the minister
            if not name:
                continue
            pronoun = len(name) == 1 and name[0].lower_ in _PRONOUNS | {"i", "we"}
            verbs = out.pronouns if pronoun else out.names
            named = (" ".join(x.text for x in name).strip(), name)
            verbs.all_at.append(t.i)
            verbs.all_names.append(named)
            # "put", "show", "estimate"... after the number say how it was counted, not who said it
            if t.lower_ not in _COUNTING_VERBS:
                verbs.after_at.append(t.i)
                verbs.after_names.append(named)
        return out

    def _source_named(self, sent: Span, text: str, low: str) -> tuple[str, list[Token]]:
        """The source a sentence names with "according to", "citing", "per"..."""
        for prep, pattern in self._prep_res:
            m = pattern.search(low)
            # "per the WHO" attributes; "per cent", "per capita" do not
            if m is not None and (prep != "per" or text[m.end():m.end() + 1].isupper()
                                  or low.startswith("the ", m.end())):
                start_char = sent.start_char + m.end()
                toks = [t for t in self._toks[sent.start:sent.end] if t.idx >= start_char]
                name = self._name_forward(toks)
                if name:
                    return " ".join(t.text for t in name), name
        return "", []

    def _name_backward(self, doc: Doc, verb_i: int, start: int) -> list[Token]:
        j = verb_i - 1
        while j >= start and self._toks[j].lower_ in ("now", "also", "later", "then", "previously", "have", "has",
                                               "had", "earlier", "reportedly", "had"):
            j -= 1
        words: list[Token] = []
        if j >= start and self._toks[j].text == ")":
            # "The Federal Emergency Management Agency (FEMA) estimated": the name before the brackets
            k = j - 1
            while k >= start and self._toks[k].text not in ("(", ")") and j - k <= 8:
                k -= 1
            if k >= start and self._toks[k].text == "(":
                j = k - 1
        while j >= start and len(words) < 9:
            t = self._toks[j]
            if t.is_punct and t.text not in (".", "-") or t.like_num:
                break
            if t.lower_ in ("that", "which", "who", "and", "but", "while", "as", "if", "when", "after", "before",
                            "since", "because", "until", "than", "though", "although", "once", "where"):
                break
            if self._verbish(t) and not t.text[:1].isupper():
                break
            if t.lower_ in _CALENDAR:
                break  # "Between January and July it counted": a date ends the subject
            words.insert(0, t)
            j -= 1
        while words and words[0].lower_ in ("of", "and", "."):
            words.pop(0)
        if not words or all(w.lower_ in self.lex.stop_words for w in words):
            return [w for w in words if w.lower_ in _PRONOUNS][:1]
        return words

    def _name_forward(self, toks: Sequence[Token]) -> list[Token]:
        words: list[Token] = []
        for t in toks:
            if t.is_punct and t.text not in ("-", ".") or len(words) >= 10 or t.is_space:
                break
            if t.lower_ in ("that", "which", "who", "in", "on", "after", "before", "as", "when", "while") and words \
                    and not t.text.isupper():  # "the WHO" is a name
                break
            if not words and (t.lower_ in ("that", "which", "if", "whether", "how") or t.like_num):
                return []  # "estimated that 2,207 structures ...": what was said, not who said it
            words.append(t)
        while words and words[-1].text in (".", "-"):
            words.pop()
        return words

    def _actors(self, doc: Doc, span: Span, thing_tokens: list[Token], speaker_tokens: list[Token]) -> tuple[str, ...]:
        """Names the claim is about: capitalised modifiers of the thing, or the subject."""
        skip = {t.i for t in speaker_tokens}
        names: list[str] = []
        for group in self._name_groups(thing_tokens[:-1], skip, modifiers=True):
            names.append(group)
        qualifiers = self._qualifiers(thing_tokens)
        if not names:
            sent = self._sent(span)
            toks = []
            opens = self._dateline_end(sent)
            for j in range(span.start - 1, max(sent.start, span.start - 10) - 1, -1):
                t = self._toks[j]
                if t.text in _CLAUSE_END or t.text == "," and j < span.start - 2 or t.idx < opens:
                    break  # "IQUITOS - Sixty-eight people died": a dateline names no actor
                toks.insert(0, t)
            # the subject is an actor only when what it did is the event ("Labour won 411
            # seats"), not when it measured or reported the figure ("the USGS measured it at")
            verbs = [t for t in toks if self._verbish(t) or self._irregular_past(t) or self._lemma(t) == "have"]
            if verbs and not any(self._event_class(v) and self._event_class(v) not in self.lex.neutral_events
                                 and self._event_class(v) not in ("report", "forecast") for v in verbs):
                toks = []
            groups = self._name_groups(toks, skip, sentence_start=sent.start)
            names.extend(groups[-1:])
        out = []
        for n in names:
            canon = self.lex.canonical_name(n)
            last = canon.rsplit(" ", 1)[-1].lower()
            country = canon.lower() in self.lex.countries or n.lower() in self.lex.countries or (
                (found := places.lookup(canon)) is not None and found.kind == "country")
            if country or last in self.lex.occurrences or last in self.lex.venues:
                continue  # a country is a place; "the Camp Fire" is what happened; an airport is where
            if canon not in out:
                out.append(canon)
        return tuple(out + [q for q in qualifiers if q not in out])

    def _qualifiers(self, thing_tokens: list[Token]) -> list[str]:
        """Lower-case modifiers that narrow the thing: "pro-government", "tech", "African";
        never words of the thing's own name in the table ("wage" of "wage increases")."""
        words = []
        toks = thing_tokens[:-1]
        lemmas = [self._noun_lemma(t) for t in thing_tokens if t.text != "-"]
        for n in (3, 2):
            if len(lemmas) >= n and " ".join(lemmas[-n:]) in self.lex.thing_of:
                toks = toks[:len(toks) - (n - 1)]
                break
        k = 0
        while k < len(toks):
            t = toks[k]
            if t.pos_ == "CCONJ" and words:
                k += 2  # "sudden and unexpected deaths": two words for one kind of death, not a narrower kind
                continue
            if t.text == "-" or t.lower_ in self.lex.incremental or t.lower_ in _GENERIC_MODIFIERS \
                    or t.pos_ in ("PUNCT", "DET", "CCONJ"):
                k += 1
                continue
            word = t.lower_
            # re-join hyphenated words the tokenizer split ("pro-government")
            while k + 2 < len(toks) + 1 and k + 1 < len(toks) and toks[k + 1].text == "-" and k + 2 < len(toks):
                word += "-" + toks[k + 2].lower_
                k += 2
            # "Gaming revenue was $2.49 billion": a capital that only opens the sentence
            opening = t.is_sent_start and t.text[1:].islower() and t.lower_ in self.lex.nouns | self.lex.adjectives
            if (not t.text[:1].isupper() or opening) and not any(c.isdigit() for c in word):
                words.append(word)
            k += 1
        return words

    def _name_groups(self, toks: Sequence[Token], skip: set[int], sentence_start: int = -1,
                     modifiers: bool = False) -> list[str]:
        groups: list[list[Token]] = []
        cur: list[Token] = []
        passed = False  # inside a name after a preposition, which is a place or a time, never an actor
        for t in toks:
            capital = t.text[:1].isupper() and any(c.isalpha() for c in t.text) and not any(
                c.isdigit() for c in t.text) and not re.search(r"-[a-z]", t.text)
            before = self._toks[t.i - 1] if t.i > 0 else None
            # the first word of a sentence, of a quotation or of a bulleted line ("- Analysis of")
            initial = t.is_sent_start or before is not None and (
                before.text in _QUOTES or before.text in _thing._BULLETS and before.is_sent_start
                or before.text in ("-", "\u2013", "\u2014") and before.whitespace_)  # "15:40 - Rescue teams"
            if initial and t.lower_ in _PREPOSITIONS:
                capital = False  # "Outside Congo, ...": a preposition, not a name
            is_name = capital and t.i not in skip and t.lower_.rstrip(".") not in _CALENDAR and not (
                initial and t.lower_ in self.lex.stop_words) and (
                not initial or t.text.isupper() or t.lower_ in self._names
                or t.lower_ in self.lex.alias_of or _next_is_name(t, self._toks) or (
                    t.lower_ not in self.lex.nouns and word_lemma(t.lower_) not in self.lex.nouns
                    and t.lower_ not in self.lex.stop_words and t.lower_ not in self.lex.adjectives))
            prev_place = not modifiers and t.i > 0 and self._toks[t.i - 1].lower_ in _PLACE_PREPS | _PREPOSITIONS | {"of", "from"}
            if is_name and prev_place and not cur:
                passed = True  # "after Ethiopian Airlines flight ET302 crashed": the whole name, not its tail
            elif is_name and not passed:
                cur.append(t)
            else:
                passed = passed and is_name
                if cur:
                    groups.append(cur)
                cur = []
        if cur:
            groups.append(cur)
        # "Taroudant province", "the High Atlas mountains": places, not actors
        groups = [g for g in groups if not (g[-1].i + 1 < len(self._toks)
                                            and self._toks[g[-1].i + 1].lower_ in _PLACE_NOUNS)]
        # "AUSTIN - The Texas Department ...": an article is no part of a name
        groups = [g[1:] if len(g) > 1 and g[0].lower_ in ("the", "a", "an") else g for g in groups]
        return [" ".join(t.text for t in g) for g in groups]

    def _place(self, doc: Doc, span: Span, reach_end: int, event_tok: Token | None = None) -> str:
        """The place the claim is about: "in Sirte", "across France", "nationwide", "there"."""
        fixed, in_order = self._places_in(self._sent(span))
        candidates: list[tuple[int, str]] = list(fixed)
        for i, idx, name in in_order:
            if name == _THERE:
                if i > span.start:
                    candidates.append((idx, "*"))
            elif not (idx >= reach_end and self._another_clause(doc, reach_end, idx, event_tok)) \
                    and not self._speakers_place(i, span) \
                    and not (idx < span.start_char and _CLAUSE_JOIN.search(self._text, idx, span.start_char)):
                # "won four seats and came third ... across England": another clause's place
                candidates.append((idx, name))
        candidates = [c for c in candidates if c[1] == NATIONAL or (
            span.start_char - c[0] <= PLACE_REACH if c[0] < span.start_char else c[0] - span.end_char <= PLACE_REACH)]
        candidates = [c for c in candidates if c[1] == NATIONAL or self._nearest_number(span, c[0], c[0], reach_end)]
        if not candidates:
            return ""
        # the place nearest the number, preferring one after it in the same clause
        def distance(c):
            pos = c[0]
            return abs(pos - span.start_char) * (1 if pos >= span.start_char else 1.5)
        pos, name = min(candidates, key=distance)
        if name in (NATIONAL, "*", CAPITAL, _SEVERAL_PLACES):
            return name
        canon = self.lex.canonical_name(name)
        return canon

    def _speakers_place(self, i: int, span: Span) -> bool:
        """Whether the place named after token ``i`` is where the one who tells the figure
        is: "officials in the eastern city of Tobruk said" (inside the subject of a verb of
        saying that does not hold the figure)."""
        t = self._toks[i]
        for _ in range(MAX_HEAD_STEPS):
            if t.dep_ in ("nsubj", "nsubj:pass") and self._lemma(t.head) in self.lex.attribution_verbs:
                return not (t.left_edge.i <= span.start and span.end - 1 <= t.right_edge.i)
            if t.head.i == t.i:
                return False
            t = t.head
        return False

    def _places_in(self, sent: Span) -> tuple[list[tuple[int, str]], list[tuple[int, int, str]]]:
        """The places a sentence names, found once for all the claims in it.

        Returns the whole-country and capital mentions as ``(offset, name)``, and, in
        text order, ``(token index, offset, name)`` for each "there" (named ``_THERE``)
        and each capitalised name after a place preposition (``_SEVERAL_PLACES`` for a list of places).
        """
        found = self._sentence_places.get(sent.start)
        if found is not None:
            return found
        toks = self._toks
        text = self._span_text(sent)
        low = text.lower()
        fixed: list[tuple[int, str]] = []
        for pattern in self._national_res:
            for m in pattern.finditer(low):
                if len(text) == len(low) and text[m.start()].isupper() and text[:m.start()].strip():
                    continue  # "National Institute of Geophysics": part of a name
                if self._of_a_body(sent, m.start()):
                    continue  # "the national disaster agency in Jakarta": whose, not how far the figure reaches
                fixed.append((sent.start_char + m.start(), NATIONAL))
        for m in _THE_CAPITAL.finditer(low):
            fixed.append((sent.start_char + m.start(), CAPITAL))
        for m in _FOR_THE_COUNTRY.finditer(low):
            fixed.append((sent.start_char + m.start(), _THE_COUNTRY))
        in_order: list[tuple[int, int, str]] = []
        dateline = self._dateline_end(sent)
        near = -10
        for t in toks[sent.start:sent.end]:
            if t.lower_ == "there" and toks[t.i - 1].lower_ not in ("are", "is", "were", "was"):
                in_order.append((t.i, t.idx, _THERE))
            if t.lower_ in self.lex.beside_words:
                # "crashed ... near the Amazon city of Iquitos, killing 60": where it happened
                # is beside the place, whose own figures those are not
                near = t.i
                continue
            if t.lower_ == "of" and t.i - near <= 5:
                continue
            # "the city of Derna"; but "the Texas Department of State Health Services" is a body
            prep = t.lower_ in _PLACE_PREPS or (t.lower_ == "of" and t.i > 0 and toks[t.i - 1].lower_ in _PLACE_NOUNS
                                                and toks[t.i - 1].text.islower()) \
                or (t.lower_ == "for" and t.i > 0 and toks[t.i - 1].lower_ in _CONTESTS)
            if not prep or t.i + 1 >= sent.end:
                continue
            k = t.i + 1
            if t.lower_ in _PLACE_PREPS and k + 1 < sent.end and toks[k].lower_ in _SEVERAL \
                    and toks[k + 1].lemma_.lower() in _scope.PLACE_KINDS and toks[k + 1].lower_ != toks[k + 1].lemma_.lower():
                in_order.append((t.i, t.idx, _SEVERAL_PLACES))  # "across several states": places, none named
                continue
            if toks[k].lower_ == "the" and k + 1 < sent.end and toks[k + 1].text[:1].isupper():
                k += 1
            words = []
            while k < sent.end and (toks[k].text[:1].isupper() or (toks[k].text == "-" and words)
                                    or (words and toks[k].text in _NAME_PARTICLES and k + 1 < sent.end
                                        and toks[k + 1].text[:1].isupper())) and len(words) < 5:
                if toks[k].lower_ in _CALENDAR:
                    break
                words.append(toks[k])
                k += 1
            if words and words[0].text != "-" and words[0].idx >= dateline:
                name = "".join(w.text + w.whitespace_ for w in words).strip(" -")
                if k < sent.end and toks[k].lower_ in self.lex.venues:
                    name = f"{name} {toks[k].lower_}"  # a venue: "Kanjuruhan stadium"
                if name.isupper() and len(name) <= 5 and name.lower() not in self.lex.countries:
                    continue  # "in IS", "at GNA": acronyms of groups, not places
                if timex.is_calendar_name(name) or timex.is_calendar_name(words[0].text):
                    continue  # "on New Year's Day": a day, not a place
                if words[-1].lower_ in self.lex.occurrences:
                    continue  # "in the Noto Peninsula Earthquake": what happened, not where
                if k + 1 < sent.end and toks[k].text in (",", "and") and toks[k + 1].text[:1].isupper() \
                        and toks[k + 1].lower_ not in _CALENDAR:
                    name = _SEVERAL_PLACES  # "in Burundi, Kenya, Rwanda and Uganda": several places
                in_order.append((t.i, t.idx, name))
        found = self._sentence_places[sent.start] = (fixed, in_order)
        return found

    def _of_a_body(self, sent: Span, offset: int) -> bool:
        """Whether the adjective at ``offset`` in ``sent`` ("national") qualifies a body that
        gives figures ("the national disaster agency", "the national statistics office"),
        not a figure ("the national toll", "national turnout"), as the parse has it."""
        found = sent.doc.char_span(sent.start_char + offset, sent.start_char + offset + 1, alignment_mode="expand")
        token = found[0] if found is not None and len(found) else None
        if token is None or token.dep_ not in ("amod", "compound"):
            return False
        noun = token.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head  # "national disaster agency": the agency
        lemma = self._noun_lemma(noun)
        return noun.pos_ in _thing.NOUNS and lemma not in self.lex.figure_nouns and lemma not in self.lex.thing_of \
            and lemma not in _MEASURE_NOUNS | {"average", "rate", "level", "figure", "total", "scale"}

    def _subject_country(self, span: Span) -> str:
        """The country that is the subject of the verb before the number, if any.

        "Congo had also reported 524 deaths", "France recorded 30 cases": a country
        that counts or reports a figure is where the figure is.
        """
        toks = self._toks
        sent = self._sent(span)
        j = span.start - 1
        while j >= sent.start and span.start - j <= 12:
            t = toks[j]
            if t.text in _CLAUSE_END or t.text in (",", ";") or t.text in _QUOTES:
                return ""
            if t.is_alpha and t.is_lower and (self._verbish(t) or self._irregular_past(t)):
                break
            j -= 1
        else:
            return ""
        k = j - 1
        while k >= sent.start and (toks[k].lower_ in _AUX or toks[k].lower_.endswith("ly")):
            k -= 1
        end = k + 1
        while k >= sent.start and end - k <= 6 and (toks[k].text[:1].isupper() or (
                k < end - 1 and toks[k].lower_ in ("of", "the") and k > sent.start and toks[k - 1].text[:1].isupper())):
            k -= 1
        if k + 1 >= end:
            if end - 1 > sent.start and toks[end - 1].lower_ == "country" and toks[end - 2].lower_ == "the":
                return _THE_COUNTRY  # "the country has recorded 537 deaths"
            return ""
        name = self._slice_text(k + 1, end)
        return self._as_country(name)

    def _as_country(self, name: str) -> str:
        """The canonical name of ``name`` if it names a country, else ""."""
        canon = self.lex.canonical_name(name)
        return canon if canon in self._country_entities else ""

    def _country_named_before(self, offset: int) -> str:
        """The last country the article's text names before ``offset``, if any.

        The capitalised names of the whole text are read once per Doc, each with the
        last country named up to it; only a name that runs past ``offset`` is read again,
        cut there.
        """
        if self._countries_named is None:
            starts, ends, last = [], [], []
            for m in _CAPITALISED.finditer(self._text):
                starts.append(m.start())
                ends.append(m.end())
                last.append(self._as_country(m.group()) or (last[-1] if last else ""))
            self._countries_named = (starts, ends, last)
        starts, ends, last = self._countries_named
        j = bisect_right(ends, offset)  # the names that end by offset
        if j < len(starts) and starts[j] < offset:
            for m in reversed(list(_CAPITALISED.finditer(self._text, starts[j], offset))):
                country = self._as_country(m.group())
                if country:
                    return country
        return last[j - 1] if j else ""

    def _time(self, doc: Doc, span: Span, reach_end: int, event_tok: Token | None = None) -> str:
        sent = self._sent(span)
        found = [(s + sent.start_char, e + sent.start_char, text) for s, e, text in self._times_in(sent)]
        dateline = self._dateline_end(sent)
        text = self._text
        found = [f for f in found if not text.startswith(("'s", "\u2019s"), f[1])  # "last year's total"
                 and not _when.BASE_OF_CHANGE.search(text, max(sent.start_char, f[0] - 16), f[0])]  # "from a year ago"
        # "the deadliest since 1960": a baseline for a superlative, not the claim's time
        found = [f for f in found if not (f[2].lower().startswith("since") and _SUPERLATIVE.search(
            text[max(sent.start_char, f[0] - 40): f[0]]))]
        # "the deadliest since the Agadir disaster of 1960", "the election of 2019": the
        # year names another event
        found = [f for f in found if not (text[max(sent.start_char, f[0] - 3): f[0]].lower() == "of "
                                          or _SINCE_SUPERLATIVE.search(text[max(sent.start_char, f[0] - 60): f[0]]))]
        found = [f for f in found if (f[1] <= span.start_char or f[0] >= span.end_char) and f[0] >= dateline
                 and self._nearest_number(span, f[0], f[1], reach_end)
                 and not (f[0] >= reach_end and self._another_clause(doc, reach_end, f[0], event_tok))]
        if not found:
            return ""
        def distance(f):
            s, e, _ = f
            gap = s - span.end_char if s >= span.end_char else span.start_char - e
            return gap * (1 if s >= span.end_char else 1.3)
        return min(found, key=distance)[2]

    def _scan_names(self) -> tuple[set[str], dict[str, str]]:
        """The capitalised words of the article, in one pass over its Tokens.

        Returns the words capitalised mid-sentence (lower-cased: a sentence-initial
        word is a name if the article capitalises it elsewhere too, "Labour won 411
        seats"), and each name with the kind of thing a common noun before it says it
        is ("the container ship Dali": Dali -> vessel).
        """
        names: set[str] = set()
        kinds: dict[str, str] = {}
        toks = self._toks
        for t in toks:
            if not t.text[:1].isupper() or t.is_sent_start:
                continue
            prev = toks[t.i - 1]
            if prev.text not in _QUOTES and not prev.is_punct:
                names.add(t.lower_)
            before = toks[t.i - 2] if t.i >= 2 else None
            if before is not None and (before.text == "-" or before.like_num):
                continue  # "the 984-foot Dali": a measure, not a kind
            if prev.is_lower and prev.is_alpha and prev.lower_ not in self.lex.stop_words \
                    and self._is_noun(prev) and not self._verbish(prev):
                noun = self._noun_lemma(prev)
                kinds.setdefault(t.text, self.lex.thing_class(noun, noun))
        return names, kinds

    def _another_clause(self, doc: Doc, start: int, end: int, event_tok: Token | None) -> bool:
        """Whether a verb other than the claim's own event stands between two offsets."""
        between = doc.char_span(start, end, alignment_mode="expand")
        for t in self._toks[between.start:between.end] if between is not None else ():
            prev = self._toks[t.i - 1].lower_ if t.i else ""
            if prev in ("-", "the", "a", "an", "its", "their") or t.idx < start:
                continue  # "the non-recognised government": a participle used as an adjective
            if t.lower_ in self.lex.attribution_verbs:
                continue  # "..., the commander said this past spring": the statement's time holds
            if (event_tok is None or t.i != event_tok.i) and (self._verbish(t) or self._irregular_past(t)) \
                    and not (event_tok is not None and self._lemma(t) == self._lemma(event_tok)):
                return True
        return False

    def _dateline_end(self, sent: Span) -> int:
        """Where a dateline ("KAHULUI, Hawaii, 12 August (Trans-Pacific Press) - ") ends."""
        found = self._datelines.get(sent.start)
        if found is None:
            m = _thing.DATELINE.match(self._span_text(sent))
            found = self._datelines[sent.start] = sent.start_char + m.end() if m else sent.start_char
        return found

    def _nearest_number(self, span: Span, start: int, end: int, reach_end: int) -> bool:
        """Whether ``span`` is the number nearest to the text at start..end in its sentence
        ("Turnout was 59.7%, down from 67.3% in 2019": 2019 goes with 67.3%)."""
        def gap(s: int, e: int) -> int:
            return start - e if e <= start else s - end if s >= end else 0
        mine = max(0, start - reach_end) if start >= span.end_char else gap(span.start_char, span.end_char)
        figures = self._figures_by_sentence.get(self._sent(span).start)
        if not figures:
            return True
        # The figures are in text order, their starts and ends both rising (figures
        # widened to whole tokens may coincide): the nearest other figure on each side of
        # start..end is found by bisection, never by walking them all for each claim.
        starts = self._figure_starts[self._sent(span).start]
        k = bisect_left(starts, end)  # figures from k on start at or after end; gaps rise with k
        mine_lo, mine_hi = bisect_left(starts, span.start_char), bisect_right(starts, span.start_char)
        right = mine_hi if mine_lo <= k < mine_hi else k
        left = mine_lo - 1 if mine_lo <= k - 1 < mine_hi else k - 1  # before k, gaps fall with k
        return not ((right < len(figures) and gap(*figures[right]) < mine)
                    or (left >= 0 and gap(*figures[left]) < mine))

    def _has_pronoun_subject(self, doc: Doc, span: Span) -> bool:
        window = self._toks[max(self._sent(span).start, span.start - 6): span.start] + self._toks[span.end: span.end + 3]
        return any(t.lower_ in ("it", "they", "we", "its", "our", "their") for t in window)

    def _is_furniture(self, sent: Span) -> bool:
        found = self._furniture.get(sent.start)
        if found is None:
            found = self._furniture[sent.start] = \
                self._span_text(sent).strip().lower().rstrip(".:!") in self.lex.furniture
        return found

    # -- claims built from more than one mention -------------------------------------

    def _enumeration(self, doc: Doc, span: Span, q: Quantity, drafts: list[_Draft]) -> _Draft | None:
        """"one strike ... a second strike": two strikes in all."""
        if not drafts or q.value is None or q.value < 2:
            return None
        prev = drafts[-1]
        if prev.sentence_start != self._sent(span).start_char or prev.quantity.value != q.value - 1:
            return None
        tokens, head, _, _ = self._thing_right(doc, span, q)
        if head is None or self.lex.thing_class(self._noun_lemma(head), self._noun_lemma(head)) != prev.thing_norm:
            return None
        left = self._toks[span.start - 1] if span.start > 0 else None
        start = left.idx if left is not None and left.lower_ in ("a", "the") else span.start_char
        end = tokens[-1].idx + len(tokens[-1].text)
        total = replace(prev.quantity, text=self._text[prev.start:end], end=end, low=q.value, high=q.value,
                        rule="enumeration")
        return replace(prev, end=end, quote_end=end, quantity=total, rule="enumeration",
                       extra={**prev.extra, "enumerated_to": start})

    def _mark_parts(self, drafts: list[_Draft]) -> None:
        """"212 passengers and 14 crew": groups of people counted side by side are parts
        of one whole, never compared with it."""
        for a, b in zip(drafts, drafts[1:]):
            if a.sentence_start != b.sentence_start or not (a.thing_norm and b.thing_norm) \
                    or a.thing_norm == b.thing_norm:
                continue
            if a.thing_norm in self.lex.people and b.thing_norm in self.lex.people \
                    and re.fullmatch(r"[\s\w-]*\s(?:and|,)\s*", self._text[a.quote_end: b.start] + " ") \
                    and len(self._text[a.quote_end: b.start]) < 12:
                a.extra["part"] = b.extra["part"] = True

    def _implicit_ones(self, doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
        """"one strike targeted a tank": a thing named with "a" right after what was done to
        it is a count of one. People are left out (too many "a man" stories)."""
        taken = {d.start for d in drafts}
        out = []
        for m in _ARTICLE.finditer(self._text):
            span = doc.char_span(m.start(), m.end())
            if span is None or span.start == 0 or m.start() in taken:
                continue
            t = span[0]
            verb = self._toks[t.i - 1]
            event = self._event_class(verb)
            if not event or event in self.lex.neutral_events or not (self._verbish(verb) or self._irregular_past(verb)):
                continue
            q = Quantity(text=t.text, start=t.idx, end=t.idx + len(t.text), low=1.0, high=1.0, kind="count",
                         rule="implicit-one")
            span = doc[t.i: t.i + 1]
            span._.quantity = q
            draft = self._read(doc, span, q, drafts)
            if not draft.thing_norm or draft.topic in self.lex.people or draft.topic in self.lex.event_topics \
                    or draft.thing_norm in self.lex.people:
                continue
            draft.extra["implicit"] = True
            out.append(draft)
        return out

    def _split_change(self, doc: Doc, span: Span, draft: _Draft) -> list[_Draft]:
        """"raise the age from 62 to 64" is a change from 62 to 64, not a range."""
        q = draft.quantity
        if q.low is None or q.high is None or q.low == q.high or not q.text.lower().startswith("from "):
            return [draft]
        left = [self._lemma(t) for t in self._toks[max(self._sent(span).start, span.start - 6): span.start]]
        if not any(w in self.lex.change_verbs for w in left):
            return [draft]
        m = re.search(r"\bto\b", q.text, flags=re.IGNORECASE)
        if m is None:
            return [draft]
        new_start = q.start + m.start()
        new = replace(q, text=q.text[m.start():], start=new_start, low=q.high, high=q.high, rule=q.rule + "+change")
        return [replace(draft, start=new_start, quote_start=new_start, quantity=new,
                        extra={**draft.extra, "changed_from": q.low})]


def _next_is_name(t: Token, toks: list[Token]) -> bool:
    """"Reform UK", "Liberal Democrats": a capitalised word before another is a name."""
    nxt = toks[t.i + 1] if t.i + 1 < len(toks) else None
    return nxt is not None and nxt.text[:1].isupper() and nxt.lower_ not in _CALENDAR and t.whitespace_ != ""


def _refers_back(doc: Doc, span: Span, sent_start: int) -> bool:
    """"Police put the figure at 30,000": the number stands for a figure named before."""
    window = doc[max(sent_start, span.start - 8): span.start].text.lower()
    return bool(re.search(r"\b(?:the|that|this|their|its)\s+(?:[\w-]+(?:'s|\u2019s)\s+)?"
                          r"(?:figure|number|total|tally|count|estimate)\b", window))


UNSTATED_DEGREE = "temperature_degree"
"""The unit of "N degrees" that names no scale (see :mod:`reconcile.quantities`)."""
_SCALES = frozenset({"degF", "degC"})


def _temperature_scale(drafts: Iterable[_Draft]) -> str:
    """The one temperature scale an article states ("degF"), or "" if it states none or both."""
    scales = {d.quantity.unit for d in drafts if d.quantity.unit in _SCALES}
    return scales.pop() if len(scales) == 1 else ""


def _dimension(unit: str) -> str:
    """The physical dimension of a unit name ("mile" -> "length"), through pint."""
    from reconcile.units import dimension_of

    return dimension_of(unit)


# -- from articles to Claim objects ---------------------------------------------------


def claims_from_doc(doc: Doc, article: Article) -> list[Claim]:
    """The Claims of one processed Doc, with ids, sources and resolved times."""
    out = []
    text = article.text
    seen: set[tuple[int, int]] = set()
    ids: set[str] = set()
    scale = _temperature_scale(span._.claim for span in doc.spans.get(CLAIMS_KEY, []))
    days: list[tuple[int, dt.date]] | None = None
    for span in doc.spans.get(CLAIMS_KEY, []):
        d: _Draft = span._.claim
        if scale and d.quantity.unit == UNSTATED_DEGREE:
            # "Portland hit 116 degrees" in an article that writes "121 degrees Fahrenheit":
            # a bare degree is on the scale the article states for its other temperatures
            d = replace(d, quantity=replace(d.quantity, unit=scale), thing_norm="temperature", topic="temperature",
                        extra={**d.extra, "scale": "the article's other temperatures"})
        if (d.start, d.end) in seen:
            continue  # two readings widened onto one stretch of text ("0)0"): one claim
        seen.add((d.start, d.end))
        claim_id = f"{article.source}#{d.start}"
        if claim_id in ids:
            claim_id = f"{article.source}#{d.start}-{d.end}"  # ids stay unique: the scorer keys on them
        ids.add(claim_id)
        resolved = timex.resolve(d.time_text, article.published) if d.time_text else None
        if resolved is None and timex.anaphoric(d.time_text):
            # "22 officers had been hurt during the afternoon": of the day the article told of
            days = timex.named_days(text, article.published) if days is None else days
            day = timex.narrative_day(days, d.start, article.published)
            resolved = (day, day) if day is not None else None
        quote_start = min(d.quote_start, d.start)
        quote_end = max(d.quote_end, d.end)
        out.append(Claim(
            id=claim_id,
            source=article.source,
            start=d.start,
            end=d.end,
            sentence=text[d.sentence_start: d.sentence_end].strip(),
            sentence_start=d.sentence_start + (len(text[d.sentence_start: d.sentence_end])
                                               - len(text[d.sentence_start: d.sentence_end].lstrip())),
            quote=text[quote_start: quote_end],
            quantity=d.quantity,
            thing=d.thing,
            thing_norm=d.thing_norm,
            topic=d.topic or d.thing_norm,
            event=d.event,
            event_norm=d.event_norm,
            actors=d.actors,
            place=d.place,
            time_text=d.time_text,
            time_start=resolved[0] if resolved else None,
            time_end=resolved[1] if resolved else None,
            speaker=d.speaker,
            negated=d.negated,
            hedged=d.hedged,
            incremental=d.incremental,
            rule=d.rule,
            extra={**d.extra, **({"published": article.published.isoformat()} if article.published else {})},
        ))
    return out


def iter_claims(articles: Iterable[Article], *, nlp: Language | None = None, model: str | None = None,
                lexicon: str | None = None, batch_size: int = 16) -> Iterator[Claim]:
    """Claims of each article in turn, one process; Docs are not kept."""
    if nlp is None:
        from reconcile.nlp import build_nlp

        nlp = build_nlp(model, lexicon=lexicon)
    docs = ((make_doc(nlp, a.text), a) for a in articles)
    for doc, article in nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
        yield from claims_from_doc(doc, article)


def _claims_of_chunk(args: tuple[list[Article], str | None, str | None]) -> list[Claim]:
    chunk, model, lexicon = args
    return list(iter_claims(chunk, model=model, lexicon=lexicon))


def extract_claims(articles: Iterable[Article], *, nlp: Language | None = None, model: str | None = None,
                   lexicon: str | None = None, n_process: int = 1, chunk_size: int = DEFAULT_CHUNK,
                   as_frame: bool = False):
    """Every claim the articles assert.

    Parameters
    ----------
    articles
        The articles, as :class:`reconcile.model.Article` (see :func:`reconcile.read_articles`).
    nlp
        A pipeline from :func:`reconcile.build_nlp`; ``None`` builds the default one.
    model
        An installed spaCy pipeline to build on (``None``: reconcile's shipped one).
    lexicon
        A user TOML file extending the word tables (``None``: the shipped tables).
    n_process
        Worker processes; ``-1`` means one per core. Articles go to workers in chunks
        of ``chunk_size`` (default 64) and only claims come back.
    as_frame
        Return a pandas DataFrame (one row per claim, fields flattened) instead of a list.

    Returns
    -------
    list[Claim] or pandas.DataFrame
        In article order, then text order.
    """
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if n_process <= 1 or nlp is not None:
        claims = list(iter_claims(articles, nlp=nlp, model=model, lexicon=lexicon))
    else:
        claims = []
        with ProcessPoolExecutor(max_workers=n_process) as pool:
            chunks = _chunks(articles, chunk_size)
            for part in pool.map(_claims_of_chunk, ((c, model, lexicon) for c in chunks)):
                claims.extend(part)
    if as_frame:
        return claims_frame(claims)
    return claims


def claims_frame(claims: Sequence[Claim]):
    """Claims as a pandas DataFrame, one row each, quantity fields inlined."""
    import pandas as pd

    return pd.DataFrame([c.to_dict() for c in claims])


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
