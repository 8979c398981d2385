"""Alignment: which claims speak of the same quantity.

Claims are blocked by what they measure (a count, a percentage, money in one currency,
a length...) and the canonical thing, so each block is small; inside a block, thing
similarity comes from ``rapidfuzz.process.cdist`` and the context (event, actors,
place, time) either rules a pair out or adds to its score. A block larger than
``window`` is compared by sorted neighbourhood, which keeps the cost linear in the
number of claims.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from reconcile import places, timeline
from reconcile.lexicon import CAPITAL, NATIONAL, Lexicon, load_lexicon
from reconcile.model import Claim
from reconcile.tolerance import Rates, written_step

DEFAULT_THRESHOLD = 0.6
DEFAULT_WINDOW = 60
# figures more than this far apart in time are different events, not updates
HISTORY_DAYS = 365
CONVERTED = "in two units, read as measures of different things: one figure converted, if they agree"
PLACE_MATCH = 85.0  # rapidfuzz ratio at which two place names are one place ("Marrakech"/"Marrakesh")
GENERIC_EVENTS = frozenset({"have", ""})  # events that tie nothing together
MODAL_EVENTS = frozenset({"forecast", "goal"})  # what was expected or aimed at, never what was done
CHANGES = frozenset({"up", "down"})  # a quantity's change that makes it the size of a move


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two claims judged to speak of the same quantity, with the score and the reasons."""

    a: Claim
    b: Claim
    score: float
    because: tuple[str, ...]
    ambiguous: str = ""  # why the two may be about different things after all: never a plain conflict
    part: str = ""  # the id of the claim that counts a part of what the other counts
    loose: str = ""  # why the two are compared for agreement only: where they do not meet, nothing is said


def measure_key(claim: Claim) -> str:
    """What a claim measures, for blocking: "count", "percent", "money:USD", "length"..."""
    q = claim.quantity
    if q.kind == "money":
        return f"money:{q.unit or '?'}"
    if claim.thing_norm == "magnitude":
        return "magnitude"  # "magnitude 6.8", "a reading of 7.0": whatever the reader made of the unit
    if q.kind == "time":
        return "time"
    if q.kind == "measure":
        from reconcile.units import dimension_of

        return dimension_of(q.unit) if q.unit else "measure"
    return q.kind


def align(claims: Sequence[Claim], *, threshold: float = DEFAULT_THRESHOLD, window: int = DEFAULT_WINDOW,
          lexicon: Lexicon | None = None, rates: Rates | None = None) -> list[Alignment]:
    """Pairs of claims about the same quantity, scored, best evidence first.

    Parameters
    ----------
    claims
        Claims from :func:`reconcile.extract_claims`.
    threshold
        Lowest score (0 to 1) at which two claims are aligned; default 0.6.
    window
        Largest block compared pair by pair; bigger blocks are compared by sorted
        neighbourhood over this many claims (default 60).
    lexicon
        Word tables; ``None`` uses the shipped ones.
    rates
        Exchange rates (:func:`reconcile.tolerance.as_rates`): money in currencies they
        link is compared; ``None`` (default) never mixes currencies.
    """
    lex = lexicon or load_lexicon()
    scopes = _scopes(claims)
    tops = _top_regions(claims)
    local = _local_places(claims, tops)
    wholes = tops if len(tops) == 1 else set()  # one state the story is about, or none
    names = _names(claims)
    apart = _told_apart(claims, lex)
    protagonists = _protagonists(claims)
    out: list[Alignment] = []
    for block in _blocks(claims, rates):
        for al in _align_block(block, threshold=threshold, window=window, lex=lex, names=names, apart=apart):
            out.append(_mark_ambiguous(al, scopes, local, names, wholes, protagonists))
    seen = {frozenset((al.a.id, al.b.id)) for al in out}
    out.extend(al for al in _same_figures(claims, lex=lex, names=names, window=window)
               if frozenset((al.a.id, al.b.id)) not in seen)
    out.sort(key=lambda al: (al.a.source, al.a.start, al.b.source, al.b.start))
    return out


def _told_apart(claims: Sequence[Claim], lex: Lexicon) -> frozenset[str]:
    """People nouns a sentence counts side by side with another for one thing that
    happened: "68 passengers and four crew were on board" tells passengers and crew
    apart, so in the story the crew are a group of their own, never "10 foreigners" or
    any other group under another name."""
    seen: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for c in claims:
        if c.topic in lex.people and c.topic != "person" and c.event_norm and not c.extra.get("kind"):
            # "seven French nationals, seven British citizens": named kinds, in words varied
            seen[(c.source, c.sentence_start, c.event_norm)].add(c.topic)
    return frozenset(topic for topics in seen.values() if len(topics) >= 2 for topic in topics)


def _distinctive(c: Claim) -> bool:
    """A figure precise enough that two sources giving it are likely giving the same one."""
    v = c.quantity.value
    return v is not None and not c.quantity.approximate and (abs(v) >= 10 or not float(v).is_integer())


def _same_figures(claims: Sequence[Claim], *, lex: Lexicon, names: dict[str, str],
                  window: int = DEFAULT_WINDOW) -> Iterator[Alignment]:
    """Claims giving the very same distinctive figure in the same measure ("121 seats",
    "67.3%", "US$1.45 million") are aligned even when their words differ ("reduced to",
    "won"), as long as nothing in their context rules it out. They can only agree."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if _distinctive(c) and not c.extra.get("implicit"):
            groups[(measure_key(c), c.quantity.value, c.quantity.unit)].append(c)
    for key in sorted(groups, key=str):
        # sorted neighbourhood again: the same figure given by thousands of sources would
        # otherwise make its pairs grow with the square of their number
        group = sorted(groups[key], key=lambda c: (c.topic, c.place, c.source, c.start))
        for i, a in enumerate(group):
            for b in group[i + 1: i + window]:
                if a.source == b.source and a.sentence_start == b.sentence_start:
                    continue
                if _moved_by(a) != _moved_by(b):
                    continue  # "36 higher than before" is no count of 36
                if a.actors and b.actors and not set(a.actors) & set(b.actors):
                    continue
                if _place_match(a.place, b.place) is False:
                    continue
                oa, ob = _object(a, names), _object(b, names)
                if oa and ob and oa != ob:
                    continue
                gap = time_gap(a, b)
                if gap is not None and gap > HISTORY_DAYS:
                    continue
                yield Alignment(a, b, 0.6, (f"same figure: {a.quantity.describe()}",), ambiguous="same figure only")


def _local_places(claims: Sequence[Claim], tops: set[str] | None = None) -> set[tuple[str, str, str]]:
    """(measure, thing, place) where one article gives the thing both for that place and
    with no place at all: there the place is a part ("18 killed in Marrakesh") of a
    whole (the national toll), and the two are not comparable. ``tops``: the story's
    :func:`_top_regions`, when the caller has them already."""
    placed: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    unplaced: set[tuple[str, str, str]] = set()
    tops = _top_regions(claims) if tops is None else tops
    for c in claims:
        key = (c.source, measure_key(c), c.topic)
        if c.place and c.place not in ("*", NATIONAL) and not _is_country(c.place) and not _is_venue(c.place) \
                and c.place not in tops:
            # a country or "nationwide" is the whole, not a part; a building or a stadium
            # is where it all happened ("79 died in Grenfell Tower")
            placed[key].add(c.place)
        elif not c.place and not c.extra.get("group"):
            unplaced.add(key)  # "32 were children": a group among the dead is no whole
    local = {(m, t, place) for (src, m, t), places in placed.items() if (src, m, t) in unplaced for place in places}
    # a place only one article names, for a thing the others give with no place: a part
    # the story touches ("In Dravo, the eastern district at the centre of the dispute,
    # turnout was 58.4%"), not the place its unplaced figures are about (the crash "at
    # Muan" every article names)
    unplaced_anywhere: dict[tuple[str, str], set[str]] = defaultdict(set)
    for src, m, t in unplaced:
        unplaced_anywhere[(m, t)].add(src)
    candidates = {place for (src, m, t), places in placed.items() if unplaced_anywhere[(m, t)] - {src}
                  for place in places}
    naming = _sources_naming(claims, candidates)
    local |= {(m, t, place) for (src, m, t), places in placed.items() for place in places
              if unplaced_anywhere[(m, t)] - {src} and naming.get(place, 0) <= 1}
    return local


def _sources_naming(claims: Sequence[Claim], names: set[str]) -> dict[str, int]:
    """How many articles name each of ``names`` in their claims' sentences."""
    if not names:
        return {}
    runs = _word_runs(claims, max(len(_words(n)) for n in names))
    return {n: sum(1 for r in runs.values() if " ".join(_words(n)) in r) for n in names}


def _word_runs(claims: Sequence[Claim], longest: int) -> dict[str, set[str]]:
    """Each article's runs of up to ``longest`` words, read once from its claims'
    sentences: a name is in an article if its words are one of them (linear in the text,
    however many names are looked up)."""
    runs: dict[str, set[str]] = defaultdict(set)
    seen: set[tuple[str, str]] = set()
    for c in claims:
        if (c.source, c.sentence) in seen:
            continue
        seen.add((c.source, c.sentence))
        words = _words(c.sentence)
        runs[c.source].update(" ".join(words[i:i + k]) for k in range(1, longest + 1)
                              for i in range(len(words) - k + 1))
    return runs


def _top_regions(claims: Sequence[Claim]) -> set[str]:
    """The states or provinces a story is about where it names no country or nation they
    lie in: the Texas storm's toll with no place is Texas's, not a whole that "111 died in
    Texas" is a part of. A city the place model does not know stays a part."""
    named = {c.place for c in claims if c.place and c.place != "*"}
    if NATIONAL in named:
        return set()
    regions = {p for p in named if (found := places.lookup(p)) is not None and found.kind != "country"}
    if _parts_of_one_country(regions) and len(regions) >= 2:
        return set()  # Bihar and Tripura: parts of India, which the story's other figures are about
    return {p for p in regions if not any(places.contains(whole, p) for whole in named)}


def _scopes(claims: Sequence[Claim]) -> dict[tuple[str, str], tuple[set[str], set[str]]]:
    """For each (measure, thing): the actors and the places the claims about it name."""
    scopes: dict[tuple[str, str], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for c in claims:
        gap = time_gap_to_publication(c)
        if gap is not None and gap > HISTORY_DAYS:
            continue  # "the 1960 tsunami killed 61": history does not make today's figures ambiguous
        actors, places = scopes[(measure_key(c), c.topic)]
        named = _unkinded(c) | _doer(c)
        if named and not c.extra.get("subgroup"):
            # one claim's actors together ("ethnic Armenian residents" names one group, not
            # the two actors "ethnic" and "Armenian"); "66.22 per cent among male voters"
            # is a part, not another whole; "17 Ethiopian citizens" a kind of citizen
            actors.add(named)
        if c.quantity.kind == "measure" and c.extra.get("object"):
            scopes[("objects", measure_key(c), c.topic)][1].add(c.extra["object"])
        if c.place and c.place not in ("*", NATIONAL, CAPITAL) and not _is_venue(c.place) \
                and not any(fuzz.ratio(c.place.lower(), p.lower()) >= PLACE_MATCH for p in places):
            places.add(c.place)  # a venue sits inside a place; near-identical spellings are one place
    return scopes


def _parts_of_one_country(named: set[str]) -> bool:
    """Whether the places are all states or regions of one country, so that a figure which
    names none of them is the country's whole: the turnout of an Indian election beside
    that of Bihar and of Tripura."""
    found = [places.lookup(p) for p in named]
    return all(f is not None and f.kind != "country" for f in found) and len({f.country for f in found}) == 1


def _alternatives(actor_sets: set[frozenset[str]]) -> list[frozenset[str]]:
    """Whom a figure that names no actor may be about: the claims' actor sets, those that
    share a name joined ("sudden deaths" and "sudden and unexpected deaths" are one kind;
    "Labour" and "Labour, Reform" one party among others)."""
    groups: list[frozenset[str]] = []
    for names in sorted(actor_sets, key=sorted):
        joined = names.union(*(g for g in groups if g & names))
        groups = [g for g in groups if not g & names] + [joined]
    return groups


def time_gap_to_publication(c: Claim) -> int | None:
    """Days between a claim's stated time and its article's publication date."""
    published = c.extra.get("published")
    if not (published and c.time_start and c.time_end):
        return None
    d = dt.date.fromisoformat(published)
    if c.time_end < d:
        return (d - c.time_end).days
    return (c.time_start - d).days if c.time_start > d else 0


def _doer(c: Claim) -> frozenset[str]:
    doer = c.extra.get("doer")
    return frozenset((doer,)) if doer else frozenset()


def _unkinded(c: Claim) -> frozenset[str]:
    """A claim's actors but its kinds ("17 Ethiopian citizens": a kind of citizen, no actor)."""
    kinds = {k.lower() for k in c.extra.get("kind", ())}
    return frozenset(a for a in c.actors if a.lower() not in kinds)


def _named(c: Claim) -> frozenset[str]:
    """The names a claim is pinned to: its capitalised actors and who did what it counts."""
    return frozenset(a for a in _unkinded(c) if a[:1].isupper()) | _doer(c)


MIN_PROTAGONIST_SOURCES = 3
_WORD = re.compile(r"\w+(?:['\u2019.-]\w+)*")  # "Tesla", "L'Oreal", "U.S", "Rolls-Royce"; no end stop


def _protagonists(claims: Sequence[Claim]) -> frozenset[str]:
    """The names a story is about: those its claims are pinned to that every one of its
    articles (three or more) names in a sentence it gives a figure in ("Tesla" in a story
    of Tesla's deliveries; "Pfizer" and "BioNTech" in one of their vaccine). Places are
    no protagonists."""
    sources = {c.source for c in claims}
    if len(sources) < MIN_PROTAGONIST_SOURCES:
        return frozenset()
    names = {n for c in claims for n in _named(c) if places.lookup(n) is None and not _is_country(n)}
    if not names:
        return frozenset()
    runs = _word_runs(claims, max(len(n.split()) for n in names))
    return frozenset(n for n in names if all(" ".join(_words(n)) in runs[src] for src in sources))


def _words(text: str) -> list[str]:
    """The words of ``text`` as names are matched: "BYD's" is BYD, "U.S." is U.S."""
    return [w[:-2] if w.endswith(("'s", "\u2019s")) else w for w in _WORD.findall(text)]


def _mark_ambiguous(al: Alignment, scopes, local=frozenset(), names: dict[str, str] | None = None,
                    wholes: set[str] | frozenset[str] = frozenset(),
                    protagonists: frozenset[str] = frozenset()) -> Alignment:
    """A claim that names no actor (or place) where others about the same thing name
    several cannot be pinned to one of them: it may agree, but it cannot conflict."""
    if al.a.quantity.kind == "time":
        return replace(al, ambiguous="clock times are read for agreement only")
    actors_a, places_a = scopes.get((measure_key(al.a), al.a.topic), (set(), set()))
    actors_b, places_b = scopes.get((measure_key(al.b), al.b.topic), (set(), set()))
    actors, places = actors_a | actors_b, places_a | places_b
    # a place some article gives as a part of a whole it also gives ("Suzu 91" beside the
    # toll of all) is no rival whole for two figures that name no place
    wholes_only = {p for p in places if (measure_key(al.a), al.a.topic, p) not in local
                   and (measure_key(al.b), al.b.topic, p) not in local}
    objects = scopes.get(("objects", measure_key(al.a), al.a.topic), ((), set()))[1]
    if bool(al.a.extra.get("object")) != bool(al.b.extra.get("object")) and len(objects) >= 2:
        # a magnitude of what? the quake, or the aftershock another figure is about
        return replace(al, ambiguous="one figure names what it measures, the other does not")
    if _object(al.a, names or {}) != _object(al.b, names or {}) and len(objects) >= 2:
        # "the fire" where the story also names "the Woolsey Fire": which fire?
        return replace(al, ambiguous=f"'{al.a.extra.get('object')}' and '{al.b.extra.get('object')}' "
                                     f"may not be one of the {len(objects)} things measured")
    for c, other in ((al.a, al.b), (al.b, al.a)):
        if c.place and not other.place and (measure_key(c), c.topic, c.place) in local:
            # only what adds up has parts: a count or a sum of money, not a temperature or a distance
            additive = c.quantity.kind in ("count", "money")
            return replace(al, ambiguous=f"'{c.quote}' is for {c.place}, a part of what '{other.quote}' counts",
                           part=c.id if additive else "")
        if c.extra.get("subgroup") and not other.extra.get("subgroup"):
            # "66.22 per cent among male voters" beside the turnout of all voters
            return replace(al, ambiguous=f"'{c.quote}' is for {c.extra['subgroup']}, a part of what "
                                         f"'{other.quote}' counts",
                           part=c.id if c.quantity.kind in ("count", "money") else "")
        if c.extra.get("elliptical"):
            return replace(al, ambiguous=f"'{c.quote}' leaves its thing to be guessed from another figure")
        if c.extra.get("several_places") and other.place not in ("", "*"):
            # "at least 20 deaths across several states" beside a figure for one place
            return replace(al, ambiguous=f"'{c.quote}' covers several places, '{other.quote}' {other.place}")
        # whom it may be about: the names the others give ("Tesla", "BYD"); a lower-case
        # qualifier ("sudden deaths", "tech jobs") narrows the thing, it names no one
        rivals = _alternatives({frozenset(n for n in names_ if n[:1].isupper()) for names_ in actors} - {frozenset()})
        mine, theirs = _named(c), _named(other)
        if mine and theirs and not mine & theirs:
            # "Tesla delivered 484,507", "BYD sold 526,409": whose each is differs
            return replace(al, ambiguous=f"'{c.quote}' is {', '.join(sorted(mine))}'s, "
                                         f"'{other.quote}' {', '.join(sorted(theirs))}'s")
        # a figure that names no one, in a story every article of which names its
        # protagonist, is the protagonist's ("The company says it delivered 494,989");
        # two figures for one named place are pinned by it ("Harris County reported 31")
        pinned = bool(theirs) and theirs <= protagonists and bool(c.event_norm) and c.event_norm == other.event_norm \
            and c.time_text.lower() == other.time_text.lower() or bool(c.place and c.place == other.place)
        if not c.actors and not mine and len(rivals) >= 2 and not pinned:
            named = ", ".join(sorted(" ".join(sorted(r)) for r in rivals)[:4])
            return replace(al, ambiguous=f"'{c.quote}' names none of {len(rivals)} actors the others name "
                                         f"({named}{', ...' if len(rivals) > 4 else ''})")
        # a figure naming no place beside one for the state the story is about ("111 people
        # died in Texas") is that state's too
        rival_places = places if other.place else wholes_only
        if (not c.place or c.place == "*") and len(rival_places) >= 2 and not (c.place == "*") \
                and not _parts_of_one_country(rival_places) and other.place not in wholes:
            return replace(al, ambiguous=f"'{c.quote}' names none of {len(rival_places)} places the others name")
    return al


def _blocks(claims: Sequence[Claim], rates: Rates | None = None) -> Iterator[list[Claim]]:
    linked = _currency_groups(rates)
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        key = measure_key(c)
        if c.quantity.kind == "money" and c.quantity.unit in linked:
            key = f"money:{linked[c.quantity.unit]}"  # currencies the rates link are one block
        groups[key].append(c)
    for key in sorted(groups):
        yield groups[key]


def _currency_groups(rates: Rates | None) -> dict[str, str]:
    """Each currency the rates can convert, with the first (in sorted order) of those it
    converts to: through a chain of supplied rates, or through the reference table the
    rates carry, which links every currency it knows (in some year: whether it knows both
    in the claims' year is for the judge to find)."""
    if rates is None:
        return {}
    known = sorted(rates.reference.currencies) if rates.reference is not None else []
    links = [(r.base, r.quote) for r in rates.rates] + [(code, known[0]) for code in known[1:]]
    first = {code: code for link in links for code in link}

    def root(code: str) -> str:
        while first[code] != code:
            code = first[code]
        return code

    for x, y in links:
        rx, ry = root(x), root(y)
        first[max(rx, ry)] = min(rx, ry)  # the root of a group stays the first code in it
    return {code: root(code) for code in sorted(first)}


def _align_block(block: list[Claim], *, threshold: float, window: int, lex: Lexicon,
                 names: dict[str, str], apart: frozenset[str] = frozenset()) -> Iterator[Alignment]:
    if len(block) > window:
        # sorted neighbourhood: claims about the same thing sort together, and people
        # counted under other names ("British citizens", "British nationals") by what
        # happened to them
        people = lex.people
        block = sorted(block, key=lambda c: ("person", c.event_norm, c.topic, c.place, c.source, c.start)
                       if c.topic in people else (c.topic, c.event_norm, "", c.place, c.source, c.start))
    topics = [c.topic for c in block]
    n = len(block)
    for lo in range(0, n, max(1, window // 2)) if n > window else [0]:
        part = range(lo, min(n, lo + window)) if n > window else range(n)
        idx = list(part)
        if len(idx) < 2:
            continue
        sims = process.cdist([topics[i] for i in idx], [topics[i] for i in idx], scorer=fuzz.ratio,
                             processor=None, workers=1)
        for x, i in enumerate(idx):
            for y in range(x + 1, len(idx)):
                j = idx[y]
                if n > window and lo > 0 and y < window // 2 and x < window // 2:
                    continue  # this pair was compared in the previous window
                al = pair(block[i], block[j], float(sims[x, y]) / 100.0, lex=lex, names=names, apart=apart)
                if al is not None and al.score >= threshold:
                    yield al


def pair(a: Claim, b: Claim, thing_similarity: float, *, lex: Lexicon,
         names: dict[str, str] | None = None, apart: frozenset[str] = frozenset()) -> Alignment | None:
    """Whether two claims speak of the same quantity; ``None`` when something rules it out.

    ``apart``: people nouns some sentence of the story counts beside another
    (:func:`_told_apart`), which are never another name for another group there."""
    if a.source == b.source and a.sentence_start == b.sentence_start \
            and bool(a.extra.get("previous")) == bool(b.extra.get("previous")):
        return None  # one sentence does not disagree with itself; but "stands at 537, up from 511" moved
    because: list[str] = []
    names = names or {}
    if _moved_by(a) != _moved_by(b):
        return None  # "rose 0.7%" is the size of a change, "at 5%" a level
    if a.extra.get("attributive") != b.extra.get("attributive"):
        return None  # "a 12-game rematch" gives the rematch's length, not a count of games played
    if a.extra.get("rate") != b.extra.get("rate") or a.extra.get("average") != b.extra.get("average"):
        return None  # "8,000 victims a day" is a rate, "an average of 200" a mean; "800,000 victims" a total
    if (a.extra.get("implicit") or b.extra.get("implicit")) and (
            a.topic != b.topic or a.extra.get("implicit") == b.extra.get("implicit")):
        return None  # "a tank" counts one tank only against an explicit count of tanks
    # what is counted
    loose_thing = ""
    if a.topic and b.topic:
        if a.topic == b.topic:
            thing = 1.0
            because.append(f"same thing: {a.topic}")
        else:
            thing = thing_similarity
            known = lex.thing_classes
            same_fate = bool(a.event_norm) and a.event_norm == b.event_norm and a.event_norm not in GENERIC_EVENTS
            dead = {a.topic, b.topic} - lex.people == {"death"} and "person" in (a.topic, b.topic)
            told_apart = a.topic in apart or b.topic in apart
            if a.topic in lex.people and b.topic in lex.people and not told_apart \
                    and ("person" in (a.topic, b.topic) or same_fate) \
                    or dead and same_fate:
                # "3,283 people had been buried", "more than 3,000 bodies had been buried"
                # "people" may be any group of people: employees, residents; and two names
                # for people to whom the same thing happened ("ten foreigners were on
                # board", "15 foreign nationals were on board") may count the same people
                thing = 0.8
            elif thing < 0.8 or (a.topic in known and b.topic in known):
                # a verb of its own (not a class of the event table, which holds many verbs)
                said = (same_fate or a.topic in (b.event_norm, b.event.lower())
                        or b.topic in (a.event_norm, a.event.lower())) \
                    and not {a.event_norm, b.event_norm} & lex.event_classes \
                    and not {a.topic, b.topic} & lex.personal
                if not (said and a.quantity.kind == b.quantity.kind == "count"):
                    return None  # two different things of the table, however alike they are spelled
                # "150 rounds of tear gas fired", "150 tear gas canisters fired"; "5,074 tests",
                # "5,000 people have been tested": one figure in other words, if they agree
                loose_thing = "two things said to have had one thing happen to them"
                thing = 0.8
            because.append(f"similar things: {a.topic} / {b.topic}")
    elif a.topic or b.topic:
        thing = 0.55
    else:
        thing = 0.45
    # a measure counts its dimension; what it measures must match too
    oa, ob = _object(a, names), _object(b, names)
    unsided, loose = "", loose_thing
    converted = a.quantity.unit != b.quantity.unit
    if a.quantity.kind == "measure":
        if oa and ob and oa != ob and not _named_kind(oa, ob, lex):
            if _object(a, names, sideless=True) == _object(b, names, sideless=True) \
                    and not (a.extra.get("side") and b.extra.get("side")):
                # "the 221-foot tower" and "the tower, 67 metres tall": one says which of the
                # tower's dimensions it gives, the other leaves it to be assumed
                unsided = f"'{a.quote}' and '{b.quote}': only one says which dimension it gives"
            elif converted:
                loose = CONVERTED  # "4.76 metres" and "15.6 feet": one figure, converted
            else:
                return None  # the length of a bridge, the length of a ship
        if a.topic == "duration" and (not oa or not ob or oa != ob):
            if not converted:
                return None  # "two years", "16 weeks": spans of time, compared only for one object
            loose = CONVERTED  # "for 36 months", "three years"
    if (a.extra.get("included") or b.extra.get("included")) and a.topic != b.topic:
        return None  # "155 people aboard, including seven children": the children, never all aboard
    # what happened
    event = 0.5
    other_events = ""
    if (a.event_norm in MODAL_EVENTS or b.event_norm in MODAL_EVENTS) and a.event_norm != b.event_norm:
        return None  # what was expected, or aimed at, is not what happened, nor each other
    if a.topic and a.topic == b.topic and a.topic in lex.event_topics:
        event = 1.0  # "deaths", "arrests": the thing already says what happened
        ea, eb = a.event_norm, b.event_norm
        own = {ev for ev, thing in lex.event_things.items() if thing == a.topic}
        steps = [c for c in (a, b) if c.event_norm and c.event_norm not in GENERIC_EVENTS | own]
        if ea != eb and (len(steps) == 2 or any(c.extra.get("event_rule") or c.event_norm in lex.event_scope
                                                for c in steps)):
            # "68 bodies pulled from the wreckage", "22 bodies handed to families", "72
            # died": the dead counted at other steps (a step the parse read, or a class
            # the table keeps to the dead, against the toll's own event; any two steps
            # against each other)
            other_events = _events_differ(a, b)
    elif a.event_norm and b.event_norm:
        ea, eb = a.event_norm, b.event_norm
        if ea == eb:
            event = 1.0
            because.append(f"same event: {ea}")
        elif ea in lex.event_classes and eb in lex.event_classes:
            return None
        elif ea in lex.event_things or eb in lex.event_things:
            return None  # "one firefighter injured" against "400 firefighters mobilised": what
            # happened to people names the figure, and another verb names another one
        else:
            event = 0.4
            other_events = _events_differ(a, b)
    elif not a.topic or not b.topic:
        unsaid = _unsaid_for_agreement(a, b)
        if not unsaid:
            return None  # neither the thing nor the event ties them together
        loose, thing = unsaid, max(thing, 0.8)  # compared for agreement only: let the figures decide
    elif a.topic in lex.people or b.topic in lex.people:
        if a.topic != b.topic and "person" not in (a.topic, b.topic):
            return None  # a group of people is only a figure once we know what happened to them
        # "between 400 and 750 people" and "around 750 people were on board", "16.63 crore
        # voters" and "166.3 million people": the same people, if they agree; where they do
        # not, nothing says they were counted alike
        loose = "only one says what happened to them"
    if a.quantity.kind == "time" and not (a.event_norm and a.event_norm == b.event_norm):
        if a.quantity.unit != b.quantity.unit:
            return None  # when what happened? only the same event's times are compared
        loose = "clock times of what may be two events"  # "1:28 am" and "about 1:30 am"
    if (not a.topic or not b.topic) and not loose:
        loose = _unsaid_for_agreement(a, b)
        thing = max(thing, 0.8) if loose else thing
        if not loose and a.quantity.kind != "count":
            return None  # an amount of money or a share of what? unsaid, it ties nothing
        if not loose and (a.event_norm != b.event_norm or a.event_norm in GENERIC_EVENTS
                          or a.event_norm not in lex.event_classes):
            return None  # with the thing unsaid, only a telling event of the table ties them ("six remained missing")
    event_topic = a.topic and a.topic == b.topic and a.topic in lex.event_topics
    if not event_topic and (a.topic in lex.people or b.topic in lex.people) and a.event_norm != b.event_norm \
            and not (loose and not (a.event_norm and b.event_norm)):
        if not (a.topic == b.topic and a.event_norm and b.event_norm
                and not {a.event_norm, b.event_norm} & lex.event_classes):
            return None  # two workers recovered, eight workers filling potholes: other groups
        # "400 firefighters have been mobilised", "500 firefighters were involved": two
        # verbs outside the event table may say one thing; shown, never a conflict
        other_events = _events_differ(a, b)
    # who and where
    if a.thing_norm and b.thing_norm and a.extra.get("group") != b.extra.get("group"):
        if not (a.event_norm and a.event_norm == b.event_norm and a.event_norm not in GENERIC_EVENTS
                and a.extra.get("group") and b.extra.get("group")):
            return None  # fighters killed, soldiers killed, children among the dead: other groups
        # "About 12,700 members walked off the job", "Roughly 13,000 workers walked out":
        # two names for those to whom one thing happened may count the same people
        loose = loose or "two groups to which one thing happened: one count, if they agree"
    kind_a, kind_b = a.extra.get("kind", ()), b.extra.get("kind", ())
    if kind_a and kind_b and set(kind_a) != set(kind_b):
        return None  # seven French nationals, nine British nationals: other groups
    part = a.id if kind_a and not kind_b else b.id if kind_b and not kind_a else ""
    if not part and bool(a.topic) != bool(b.topic) and (a.topic or b.topic) in lex.people - {"person"}:
        # "72 aboard" and "10 foreigners were on board": a kind of the people the other counts
        part = a.id if a.topic else b.id
    origins = a.extra.get("from", "").lower(), b.extra.get("from", "").lower()
    if all(origins) and fuzz.ratio(*origins) < PLACE_MATCH and not (
            origins[0].endswith(origins[1]) or origins[1].endswith(origins[0])):
        return None  # 250 km from Kolkata, 171 km from the state capital: two distances
    if any(origins) and not all(origins) and a.topic == b.topic == "length":
        return None  # "50 kilometres southeast of Addis Ababa", "climbed to about 8,600 feet": a distance and a height
    holders = a.extra.get("holder"), b.extra.get("holder")
    if all(holders) and holders[0] != holders[1]:
        return None  # the captain's flight hours, the first officer's; two trains and one
    if a.topic in lex.personal and not (a.actors and b.actors):
        return None  # an age, a height: whose? only the same person's are comparable
    if a.actors and b.actors:
        shared = sorted(x for x in a.actors if any(_same_name(x, y) for y in b.actors))
        if not shared:
            return None
        because.append(f"same actor: {shared[0]}")
    place = _place_match(a.place, b.place)
    if place is False:
        return None
    if place:
        because.append(f"same place: {a.place}")
    # when
    gap = time_gap(a, b)
    if gap is not None and gap > HISTORY_DAYS:
        return None
    if _other_period(a, b) or _other_period(b, a):
        return None
    score = 0.6 * thing + 0.25 * event + 0.15 * (1.0 if place or (a.actors and b.actors) else 0.5)
    if part:
        # "17 Ethiopian citizens" among "157 people": a part of the whole, never the same figure
        return Alignment(a, b, round(score, 3), tuple(because), ambiguous="one counts a kind of what the other counts",
                         loose=loose,
                         part=part)
    # "14 of 15 former players studied" against "four former players are suing": two verbs
    # outside the event table may name one happening or two; shown, never a conflict
    if loose and not _telling_pair(a.quantity, b.quantity, point=loose == CONVERTED):
        return None  # "less than five months" meets every shorter span: agreement with it says nothing
    return Alignment(a, b, round(score, 3), tuple(because), ambiguous=other_events or unsided, loose=loose)


def _same_name(x: str, y: str) -> bool:
    """Whether two actors' names name one actor: the same, or one a name the other's
    words begin with ("Norvane" and "Norvane Systems"). Lower-case qualifiers must match."""
    if x == y:
        return True
    if not (x[:1].isupper() and y[:1].isupper()):
        return False
    short, long_ = sorted((x.split(), y.split()), key=len)
    return long_[:len(short)] == short


def _unsaid_for_agreement(a: Claim, b: Claim) -> str:
    """Why two figures at least one of which leaves what it counts unsaid may still be
    compared for agreement: two sums of money ("worth R$50.9 billion", "about $9.9
    billion"); two shares for one place or one time ("under 49 per cent", "48.50 per
    cent" in Bihar); a precise count and a round one ("to 1.81 million", "delivered
    1,808,581 vehicles"). "" when nothing would make their agreement tell."""
    qa, qb = a.quantity, b.quantity
    if qa.kind != qb.kind:
        return ""
    if qa.kind == "percent" and (a.place and a.place == b.place or a.time_text and a.time_text == b.time_text):
        return "shares of what one leaves unsaid, for one place or time"
    if qa.unit == qb.unit and not _rounding_of(qa, qb):
        return ""  # in one unit, only a figure and its own rounding tell ("$13.51 billion", "$13.5 billion")
    if qa.kind == "money":
        return "sums of money one of which leaves unsaid what it is"
    if qa.kind == "count" and (_distinctive(a) and qb.approximate or _distinctive(b) and qa.approximate):
        return "a precise count and a round one, one of which leaves unsaid what it counts"
    return ""


def _rounding_of(qa, qb) -> bool:
    """Whether one figure is the other as written, or rounded to fewer digits: within half
    a step of the coarser one's last written digit ("1.81 million" and 1,808,581)."""
    va, vb = qa.value, qb.value
    if va is None or vb is None:
        return False
    steps = [step for step in (written_step(qa), written_step(qb)) if step]
    return va == vb or bool(steps) and abs(va - vb) <= 0.5 * max(steps)


BOUND_REACH = 0.1
"""How close (relative) a figure must be to an open bound for their agreement to tell:
"more than 5,000 people" and "5,074 tests"."""


def _telling_pair(qa, qb, *, point: bool) -> bool:
    """Whether agreement between two figures compared for agreement only would tell
    anything: both definite (:func:`_definite`), or one an open bound ("more than 5,000")
    and the other a figure just beyond it (5,074)."""
    if _definite(qa, point=point) and _definite(qb, point=point):
        return True
    if qa.unit != qb.unit:
        return False  # how near a bound is in another unit is the judge's business
    for bound, other in ((qa, qb), (qb, qa)):
        edge = bound.low if bound.high is None else bound.high if bound.low is None else None
        value = other.value if _definite(other, point=True) else None
        if edge and value is not None and not bound.rule.startswith("vague") \
                and abs(value - edge) <= BOUND_REACH * abs(edge):
            return True
    return False


def _definite(q, *, point: bool) -> bool:
    """A figure that can tell agreement apart from coincidence: bounded on both sides and
    no vague word ("dozens", "hundreds of"); with ``point``, one value ("about 36 months")."""
    if q.low is None or q.high is None or q.rule.startswith("vague"):
        return False
    return not point or q.low == q.high


def _events_differ(a: Claim, b: Claim) -> str:
    """Why a pair whose verbs differ is shown for review rather than judged."""
    return f"what happened differs: {a.event_norm or 'unsaid'} / {b.event_norm or 'unsaid'}"


def _moved_by(c: Claim) -> bool:
    """Whether a claim gives how far a figure moved ("rose 0.7%", "36 higher than the
    previous update") rather than the figure. A count after "cut" or "add" is what
    happened ("cut 12,000 jobs"), not a move, unless a comparative says so."""
    return c.quantity.change in CHANGES and (c.quantity.kind != "count" or bool(c.extra.get("difference")))


def _other_period(a: Claim, b: Claim) -> bool:
    """Whether ``a`` is a figure of a period that ``b``'s time lies outside: "96 people
    died in February" is not the toll of June's heat wave, the "magnitude 6.5 quake in
    May 2023" not this week's, "revenue in 2022" not 2023's. A toll
    (:data:`reconcile.timeline.RUNNING_TOPICS`), a measure, a share or a sum of another
    period is of other events; a stock counted then and now ("5,000 fighters this past
    spring" against "now") is the same figure at another time, compared as an update."""
    if timeline.time_kind(a.time_text) != "period":
        return False
    pa, pb = timeline.as_of(a), timeline.as_of(b)
    if pa is None or pb is None:
        return False
    both_periods = timeline.time_kind(b.time_text) == "period"
    if a.quantity.kind == "count" and a.topic not in timeline.RUNNING_TOPICS \
            and not (_flow(a) and _flow(b) and both_periods):
        # a stock counted then and now: the same figure, moved; a flow ("sold 1.57 million
        # in 2023") is compared only over two stated periods, never a time left unsaid
        return False
    if both_periods and (_part_of_period(a, pa, pb) or _part_of_period(b, pb, pa)):
        # "sold 526,409 cars in October-December", "sold 1.57 million in 2023": what
        # happened over a part of a period is another figure
        return True
    return pb[0] > pa[1] or pb[1] < pa[0]


def _part_of_period(c: Claim, inner: tuple[dt.date, dt.date], outer: tuple[dt.date, dt.date]) -> bool:
    """Whether ``inner`` (``c``'s period) is a closed part of ``outer``: it lies inside
    and had ended when ``c`` was written ("in October-December" in January, not "this
    year" so far, which is the year's figure to date)."""
    published = c.extra.get("published")
    ended = published is not None and inner[1] < dt.date.fromisoformat(published)
    return ended and inner != outer and outer[0] <= inner[0] and inner[1] <= outer[1]


def _flow(c: Claim) -> bool:
    """Whether a count is of what happened over its period ("sold", "delivered"), not of
    what there is ("fighters", "has 5,000 members")."""
    return bool(c.event_norm) and c.event_norm not in GENERIC_EVENTS


def _object(c: Claim, names: dict[str, str], *, sideless: bool = False) -> str:
    """What a measure measures, a name resolved to its kind where an article says it
    ("the 984-foot Dali" is a vessel where another article says "the container ship Dali");
    ``sideless``: without the dimension it names ("tower tall" -> "tower")."""
    obj = c.extra.get("object", "")
    side = c.extra.get("side", "")
    if sideless and side and obj.endswith(" " + side):
        obj = obj[:-len(side) - 1]
    if obj[:1].isupper():
        return names.get(obj, obj)
    return (load_lexicon().thing_class(obj, obj.rsplit(" ", 1)[-1]) or obj) if obj else obj  # "blaze", "fire": one


def _named_kind(oa: str, ob: str, lex: Lexicon) -> bool:
    """Whether one object is a name of the kind the other names plainly: "the Camp Fire"
    and "the fire" may be one fire; "the Camp Fire" and "the Woolsey Fire" are two."""
    for name, plain in ((oa, ob), (ob, oa)):
        if name[:1].isupper() and not plain[:1].isupper():
            last = name.rsplit(" ", 1)[-1].lower()
            if (lex.thing_of.get(last) or last) == (lex.thing_of.get(plain) or plain):
                return True
    return False


def _names(claims: Sequence[Claim]) -> dict[str, str]:
    names: dict[str, str] = {}
    for c in claims:
        for name, kind in c.extra.get("names", {}).items():
            names.setdefault(name, kind)
    return names


def _place_match(pa: str, pb: str) -> bool | None:
    """True: same place; False: different places; None: one is not stated."""
    if not pa or not pb or "*" in (pa, pb):
        return None
    if pa == pb:
        return True
    venue_a, venue_b = _is_venue(pa), _is_venue(pb)
    if venue_a != venue_b:
        return None  # a stadium, a port: inside the other place, as far as we can tell
    if CAPITAL in (pa, pb):
        other = pb if pa == CAPITAL else pa
        return None if other not in (NATIONAL,) and not _is_country(other) else False
    if NATIONAL in (pa, pb):
        other = pb if pa == NATIONAL else pa
        return True if _is_country(other) else False
    return fuzz.ratio(pa.lower(), pb.lower()) >= PLACE_MATCH


def _is_venue(name: str) -> bool:
    return name.rsplit(" ", 1)[-1].lower() in load_lexicon().venues


def _is_country(name: str) -> bool:
    return name.lower() in load_lexicon().countries


def claim_period(c: Claim) -> tuple[dt.date, dt.date] | None:
    """The dates a claim is about: its stated time, else (for history checks) its publication date."""
    if c.time_start and c.time_end:
        return c.time_start, c.time_end
    published = c.extra.get("published")
    if published:
        d = dt.date.fromisoformat(published)
        return d, d
    return None


def time_gap(a: Claim, b: Claim) -> int | None:
    """Days between the periods two claims are about (0 when they overlap), if both are known."""
    pa, pb = claim_period(a), claim_period(b)
    if pa is None or pb is None:
        return None
    if pa[1] < pb[0]:
        return (pb[0] - pa[1]).days
    if pb[1] < pa[0]:
        return (pa[0] - pb[1]).days
    return 0
