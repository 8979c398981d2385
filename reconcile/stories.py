"""Grouping articles into stories, so that a figure never mixes two events.

A day's feed, or a folder of clusters, holds reports of several events; "the death toll"
of a flood must not be reconciled with that of an earthquake. :func:`group_stories`
splits the articles into stories before any claim is compared, reading nothing but each
article's text and metadata. Modes (``by=``):

- ``"auto"``: by content, with the rule below;
- ``"folder"``: by the folder the article was read from (``Article.path``'s parent);
- ``"field:NAME"``: by one metadata field of :class:`~reconcile.model.Article`
  (``outlet``, ``published``, ``url``, ``title``, ``source``, ``path``);
- ``"none"``: every article in one story.

The ``"auto"`` rule
-------------------
1. **Names.** An article's names are its capitalised words that the input as a whole
   uses as names: a word counts when, somewhere in the input, it is written capitalised
   inside a sentence at least as often as it is written in lower case ("Pichai", the
   "Key" of "Key Bridge"; not "Police", mostly written "police"). Capitals that open a
   sentence or sit in a title-case headline are read but prove nothing. A short
   all-capitals word inside mixed-case text is an acronym ("ERCOT"). Calendar words,
   honorifics and titles (:data:`NOT_NAMES`) are never names, nor is an outlet's name
   that only the outlet's own articles write: a dateline's "(Atlas News Agency)" says who
   wrote, not what happened, and one wire's reports of two events would share it. (An
   outlet that other articles name is an actor: "Alphabet" of Alphabet's statement.)
2. **Weights.** A name weighs ``(1 + ln tf) * ln((N + 50) / (df + 1))``: ``tf`` its count in
   the article, ``df`` the number of the ``N`` articles that have it. The 50 are
   background articles that lack the name: in a small input (one event's four reports)
   a name all of them share still counts. A country's name weighs half (two events in
   one country share it). Names in more than ``max_df`` of the articles, and in more
   than 25, are dropped: they say "this is news", not which story. Each article's
   weights form a vector of length 1.
3. **Score** of two articles: the cosine of their vectors, times ``window / gap`` when
   they were published ``gap > window`` days apart (no discount when a date is unknown).
   A follow-up a month later still joins when it shares enough; the same place's
   unrelated event years later does not.
4. **Links.** An article's candidates are the articles that share with it a name held by
   at most 100 articles (commoner names only add to a candidate's score); its
   ``max_candidates`` best are scored exactly, and a pair scoring at least
   ``threshold`` is a link.
5. **Stories.** Links are taken strongest first (ties in a canonical order of the
   articles, so input order does not matter). An article still on its own joins the
   story at the other end of its link: one link is enough to keep a short statement
   with the reports it belongs to. Two stories of several articles each merge
   only if their mean pairwise score (discounted by the gap between their date spans)
   is at least ``cohesion * threshold`` -- by default, only if their articles are on
   average as close as a linked pair -- so one stray shared name cannot chain two
   events into one. An article that links to nothing is a story of its own -- unless it
   has no name at all ("Officials said 188 people were rescued."): then it joins the
   story the other articles make when they make one (and it was published within
   ``window`` days of it), as one event's reports do; an input with no names is one story.
6. **Ids.** A story's id is a slug of its two most telling names (the greatest weight
   summed over its articles), e.g. ``alphabet-google`` (with no names, of the first of
   its source names in sorted order); ids that would repeat get ``-2``, ``-3`` in the order of the
   stories' sorted source names.

Stories come out in the order of their first article, each story's articles in input
order, and the grouping and the ids do not depend on the order of the input.

What it cannot see: a report that names only what the others do not (a local angle:
Marseille's march in a national strike) is a story of its own; so is a follow-up
published months later that shares too little to outweigh the gap; text in a script
without capitals has no names (and such an input is one story). ``by="none"`` or
``by="folder"`` say what the grouping cannot.

Examples
--------
>>> from reconcile.model import Article
>>> articles = [
...     Article("wire", "Floods in Derna killed thousands, said Osama Hamad of Libya's eastern government."),
...     Article("quake", "The Al Haouz earthquake hit villages south of Marrakech, Morocco said."),
...     Article("daily", "In Derna, Osama Hamad said more bodies were found after the floods."),
... ]
>>> [(s.id, s.sources) for s in group_stories(articles)]
[('derna-osama-hamad', ('wire', 'daily')), ('al-haouz-marrakech', ('quake',))]
"""
from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from reconcile.errors import ReconcileError
from reconcile.model import Article
from reconcile.places import lookup

DEFAULT_BY = "auto"
DEFAULT_THRESHOLD = 0.1
"""Cosine score two articles need to link (``threshold=``)."""
DEFAULT_WINDOW = 14
"""Days apart two articles may be published before their score is discounted (``window=``)."""
DEFAULT_COHESION = 1.0
"""Share of ``threshold`` the mean pairwise score of two multi-article stories must reach to merge."""
DEFAULT_MAX_DF = 0.05
"""Share of the articles above which a name is too common to tell stories apart (``max_df=``)."""
DEFAULT_MAX_CANDIDATES = 20
"""Candidates each article is scored against exactly (``max_candidates=``)."""

BACKGROUND = 50
"""Articles imagined beside the input, none with the name: keeps a small input's idf above 0."""
MIN_DROPPED_DF = 25
"""A name is dropped as too common only when more articles than this have it."""
BLOCK_DF = 100
"""Names held by more articles than this do not propose candidates (they only add to scores)."""
COUNTRY_WEIGHT = 0.5
"""Weight of a country's name against other names."""
ID_NAMES = 2
"""Names a story's id is made of."""
FIELDS = ("source", "outlet", "published", "url", "title", "path")
"""The :class:`~reconcile.model.Article` fields ``by="field:NAME"`` can group on."""

NOT_NAMES = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun today yesterday tomorrow
    mr mrs ms miss dr prof sir lord lady jr sr
    president vice prime minister ministers secretary chief governor mayor senator
    congressman congresswoman representative ambassador chairman chairwoman chair
    director spokesman spokeswoman spokesperson officer general colonel captain commander
    king queen prince princess pope premier chancellor
    """.split()
)
"""Capitalised words that are never names here: they recur in every story."""

# A word, with its inner apostrophes ("O'Brien") but not a possessive's ("Google's").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019](?!s\b)[^\W\d_]+)*")
# What may stand before a word that opens a sentence, a quotation or a dateline's text.
_OPENERS = frozenset(".!?:;\"\u201c\u201d\u2018\u2019'([{\u2014\u2013-\u2022*#|>")
_FULL_STOPS = (".", "!", "?")
_TITLE_SHARE = 0.6  # a line this capitalised, without a full stop, is a title-case headline
_ACRONYM = (2, 6)  # letters of an all-capitals word read as an acronym


class StoryError(ReconcileError):
    """An option of :func:`group_stories` has a value it cannot use."""


@dataclass(frozen=True, slots=True)
class Story:
    """Articles reporting one event.

    ``id`` is a short, stable slug (unique among the stories returned); ``name`` says
    what the articles have in common (their shared names, the folder, the field's
    value); ``sources`` and ``indices`` are the articles' source names and positions in
    the input, in input order.
    """

    id: str
    name: str
    sources: tuple[str, ...]
    indices: tuple[int, ...]


def group_stories(
    articles: Sequence[Article],
    *,
    by: str = DEFAULT_BY,
    threshold: float = DEFAULT_THRESHOLD,
    window: int | None = DEFAULT_WINDOW,
    cohesion: float = DEFAULT_COHESION,
    max_df: float = DEFAULT_MAX_DF,
    max_candidates: int = DEFAULT_MAX_CANDIDATES,
) -> list[Story]:
    """Group ``articles`` into stories; reconcile each story's claims on their own.

    Parameters
    ----------
    articles
        As read by :func:`reconcile.read_articles` (with metadata applied).
    by
        How to group (default ``"auto"``): ``"auto"`` by shared names and publication
        dates (the rule is in this module's docstring), ``"folder"`` by
        ``Article.path``'s parent folder (articles without a path form one story),
        ``"field:NAME"`` by the value of one of :data:`FIELDS` (articles without it form
        one story), ``"none"``: all in one story.
    threshold
        Score two articles need to link, for ``"auto"`` (default 0.1, a cosine in
        ``(0, 1]``).
    window
        Days apart two articles may be published with no discount on their score, for
        ``"auto"`` (default 14); ``None``: dates are not read.
    cohesion
        Share of ``threshold`` two stories of several articles each must reach as their
        mean pairwise score to merge, for ``"auto"`` (default 1: as close, on average, as
        a linked pair; 0: any link merges).
    max_df
        Names in more than this share of the articles (and in more than 25) are ignored,
        for ``"auto"`` (default 0.05).
    max_candidates
        Articles each article is scored against exactly, for ``"auto"`` (default 20).

    Returns
    -------
    list of Story
        In the order of each story's first article; empty for no articles.

    Raises
    ------
    StoryError
        An unknown ``by`` or an option out of range.

    Examples
    --------
    >>> from reconcile.model import Article
    >>> arts = [Article("a", "x", path="feed/quake/a.txt"), Article("b", "y", path="feed/flood/b.txt"),
    ...         Article("c", "z", path="feed/quake/c.txt")]
    >>> [(s.id, s.sources) for s in group_stories(arts, by="folder")]
    [('quake', ('a', 'c')), ('flood', ('b',))]
    >>> [(s.id, s.sources) for s in group_stories(arts, by="none")]
    [('all', ('a', 'b', 'c'))]
    """
    mode, field = _parse_by(by)
    _check_options(threshold=threshold, window=window, cohesion=cohesion, max_df=max_df,
                   max_candidates=max_candidates)
    articles = list(articles)
    if not articles:
        return []
    if mode == "none":
        groups = [(list(range(len(articles))), "all", "")]
    elif mode == "folder":
        groups = _by_key(articles, _folder_of, label=lambda key: PurePath(key).name, missing="no-folder")
    elif mode == "field":
        groups = _by_key(articles, lambda a: _field_value(a, field), label=str, missing=f"no-{field}")
    else:
        groups = _by_content(articles, threshold=threshold, window=window, cohesion=cohesion,
                             max_df=max_df, max_candidates=max_candidates)
    return _stories(articles, groups)


# --- options ----------------------------------------------------------------------

def _parse_by(by: str) -> tuple[str, str]:
    if by in ("auto", "folder", "none"):
        return by, ""
    if isinstance(by, str) and by.startswith("field:"):
        field = by[len("field:"):].strip().lower()
        if field in FIELDS:
            return "field", field
        raise StoryError(f"cannot group by field {field!r}; use one of {', '.join(FIELDS)}")
    raise StoryError(f"unknown grouping {by!r}; use auto, folder, none, or field:NAME (NAME one of {', '.join(FIELDS)})")


def _check_options(*, threshold: float, window: int | None, cohesion: float, max_df: float,
                   max_candidates: int) -> None:
    if not 0 < threshold <= 1:
        raise StoryError(f"threshold {threshold} is out of range; give a score in (0, 1], e.g. {DEFAULT_THRESHOLD}")
    if window is not None and window < 0:
        raise StoryError(f"window {window} is negative; give a number of days, or None to ignore dates")
    if not 0 <= cohesion <= 1:
        raise StoryError(f"cohesion {cohesion} is out of range; give a share in [0, 1], e.g. {DEFAULT_COHESION}")
    if not 0 < max_df <= 1:
        raise StoryError(f"max_df {max_df} is out of range; give a share in (0, 1], e.g. {DEFAULT_MAX_DF}")
    if max_candidates < 1:
        raise StoryError(f"max_candidates {max_candidates} is below 1; give e.g. {DEFAULT_MAX_CANDIDATES}")


# --- folder, field, none ----------------------------------------------------------

def _folder_of(article: Article) -> str | None:
    return None if article.path is None else str(PurePath(article.path).parent)


def _field_value(article: Article, field: str) -> str | None:
    value = getattr(article, field)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value).strip()


def _by_key(
    articles: Sequence[Article],
    key_of: Callable[[Article], str | None],
    *,
    label: Callable[[str], str],
    missing: str,
) -> list[tuple[list[int], str, str]]:
    """Articles with one key together, the id made from ``label(key)``; those without a key together, as ``missing``."""
    groups: dict[str | None, list[int]] = {}
    for i, article in enumerate(articles):
        groups.setdefault(key_of(article), []).append(i)
    return [
        (members, missing, "") if key is None else (members, _slug(label(key)) or "root", key)
        for key, members in groups.items()
    ]


# --- stories out --------------------------------------------------------------------

def _stories(articles: Sequence[Article], groups: Iterable[tuple[list[int], str, str]]) -> list[Story]:
    """Stories in order of their first article, with ids made unique independently of input order."""
    groups = sorted(((sorted(m), base, name) for m, base, name in groups), key=lambda g: g[0][0])
    by_base: dict[str, list[int]] = defaultdict(list)
    for n, (members, base, _) in enumerate(groups):
        by_base[base].append(n)
    ids = [base for _, base, _ in groups]
    taken = set(by_base)
    for base, ns in by_base.items():
        if len(ns) == 1:
            continue
        # sorted source names, not input positions, decide who gets the plain id
        ns = sorted(ns, key=lambda n: sorted((articles[i].source, articles[i].text) for i in groups[n][0]))
        suffix = 2
        for n in ns[1:]:
            while f"{base}-{suffix}" in taken:
                suffix += 1
            ids[n] = f"{base}-{suffix}"
            taken.add(ids[n])
            suffix += 1
    return [
        Story(id=ids[n], name=name, sources=tuple(articles[i].source for i in members), indices=tuple(members))
        for n, (members, _, name) in enumerate(groups)
    ]


def _slug(text: str, *, limit: int = 48) -> str:
    """``text`` as a lower-case ASCII slug: ``"Sundar Pichai"`` -> ``"sundar-pichai"``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:limit].rstrip("-")


# --- auto: names ---------------------------------------------------------------------

@dataclass(slots=True)
class _Scan:
    """What one article's text says about its capitalised words."""

    # (form as written, key, kind): kind "mid" (capitalised inside a sentence), "open"
    # (opening a sentence or in a headline), "acronym", "caps" (in an all-capitals stretch)
    words: list[tuple[str, str, str]]
    runs: list[tuple[list[int], str]]  # words written together as one name, and the name's key
    lower: list[str]  # the words written in lower case


def _scan(text: str) -> _Scan:
    words: list[tuple[str, str, str]] = []
    runs: list[tuple[list[int], str]] = []
    lower: list[str] = []
    for line in text.split("\n"):
        matches = list(_WORD.finditer(line))
        if not matches:
            continue
        headline: bool | None = None  # decided on the line's first capitalised word
        run: list[int] = []
        prev_end = 0
        for n, m in enumerate(matches):
            word = m.group()
            if not word[0].isupper() or len(word) < 2:
                if word.islower():
                    lower.append(word)
                if run:
                    run = _close(run, runs, words)
                continue
            start = m.start()
            if word.isupper():
                stretch = any(matches[k].group().isupper() and len(matches[k].group()) > 1
                              for k in (n - 1, n + 1) if 0 <= k < len(matches))
                kind = "caps" if stretch or not _ACRONYM[0] <= len(word) <= _ACRONYM[1] else "acronym"
            else:
                if headline is None:
                    headline = _is_headline(line, matches)
                kind = "open" if headline or _opens(line, start) else "mid"
            if run and not _joins(line[prev_end:start]):
                run = _close(run, runs, words)
            run.append(len(words))
            words.append((word, word if kind == "acronym" else word.lower(), kind))
            prev_end = m.end()
        _close(run, runs, words)
    return _Scan(words, runs, lower)


def _is_headline(line: str, matches: Sequence[re.Match[str]]) -> bool:
    """Whether ``line`` is a title-case headline, where capitals prove nothing."""
    if len(matches) < 3 or line.rstrip().endswith(_FULL_STOPS):
        return False
    return sum(1 for m in matches if m.group()[0].isupper()) >= _TITLE_SHARE * len(matches)


def _opens(line: str, start: int) -> bool:
    """Whether the word at ``start`` opens the line, a sentence, a quotation or a dateline's text."""
    k = start - 1
    while k >= 0 and line[k] in " \t":
        k -= 1
    return k < 0 or line[k] in _OPENERS


def _joins(gap: str) -> bool:
    """Whether two capitalised words this far apart are one name ("Jean-Marc", "Key Bridge")."""
    return len(gap) <= 3 and gap.strip(" \t") in ("", "-")


def _close(run: list[int], runs: list[tuple[list[int], str]], words: list[tuple[str, str, str]]) -> list[int]:
    if run:
        runs.append((run, _name_key(" ".join(words[i][0] for i in run))))
    return []


def _name_key(name: str) -> str:
    """A name as compared with an outlet's: lower case, spaces collapsed, no leading "the"."""
    key = " ".join(name.lower().split())
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=4096)
def _is_country(name: str) -> bool:
    place = lookup(name)
    return place is not None and place.kind == "country"


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries) | frozenset(c.alpha_3 for c in pycountry.countries)


def _outlet_key(outlet: str) -> str:
    return _name_key(re.sub(r"\([^)]*\)", " ", outlet))


def _outlet_names(articles: Sequence[Article], scans: Sequence[_Scan]) -> frozenset[str]:
    """Outlet names that only the outlet's own articles write: datelines and bylines.

    "(Atlas News Agency)" says who wrote, not what happened, and two stories from one
    wire would share it. An outlet named by other articles too is an actor of the story
    (a company's statement, "Alphabet"), and stays a name.
    """
    own: dict[str, set[int]] = defaultdict(set)
    for i, article in enumerate(articles):
        if article.outlet:
            own[_outlet_key(article.outlet)].add(i)
    named_by_others: set[str] = set()
    for i, scan in enumerate(scans):
        for _, key in scan.runs:
            if key in own and i not in own[key]:
                named_by_others.add(key)
    return frozenset(own) - named_by_others


@dataclass(slots=True)
class _Names:
    """Every article's names: weighted vectors, and the names as written, for story ids."""

    vectors: list[dict[str, float]]
    phrases: list[dict[str, tuple[str, float]]]  # per article: phrase key -> (as written, weight)
    dates: list[int | None]


def _names(articles: Sequence[Article], *, max_df: float) -> _Names:
    scans = [_scan(a.text if not a.title else f"{a.title}\n{a.text}") for a in articles]
    inside: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for scan in scans:
        lower.update(scan.lower)
        inside.update(key for _, key, kind in scan.words if kind == "mid")
    outlets = _outlet_names(articles, scans)

    def name_key(word: str, key: str, kind: str) -> str | None:
        if kind == "acronym":
            folded = word.lower()
            if folded in NOT_NAMES:
                return None
            if inside[folded] and inside[folded] >= lower[folded]:
                return folded  # "AUSTIN -" opening a dateline is Austin
            return key
        if key in NOT_NAMES or not inside[key] or inside[key] < lower[key]:
            return None
        return key

    counts: list[Counter[str]] = []
    phrase_lists: list[list[tuple[str, str, tuple[str, ...]]]] = []
    countries: set[str] = set()
    for scan in scans:
        tf: Counter[str] = Counter()
        phrases = []
        for run, run_key in scan.runs:
            if run_key in outlets:
                continue
            keys = []
            for i in run:
                key = name_key(*scan.words[i])
                if key is None:
                    if keys:
                        phrases.append(_phrase(scan, keys))
                    keys = []
                    continue
                keys.append((i, key))
                tf[key] += 1
            if keys:
                phrases.append(_phrase(scan, keys))
        for written, _, keys in phrases:
            if _is_country(written) or (len(keys) == 1 and written in _country_codes()):
                countries.update(keys)
        counts.append(tf)
        phrase_lists.append(phrases)

    n = len(articles)
    df = Counter(key for tf in counts for key in tf)
    too_common = max(MIN_DROPPED_DF, max_df * n)
    idf = {key: math.log((n + BACKGROUND) / (d + 1)) for key, d in df.items() if d <= too_common}
    vectors, phrase_weights = [], []
    for tf, phrases in zip(counts, phrase_lists):
        vector = {
            key: (1 + math.log(c)) * idf[key] * (COUNTRY_WEIGHT if key in countries else 1.0)
            for key, c in sorted(tf.items())
            if key in idf
        }
        norm = math.sqrt(sum(w * w for w in vector.values()))
        vector = {key: w / norm for key, w in vector.items()} if norm else {}
        vectors.append(vector)
        weights: dict[str, tuple[str, float]] = {}
        for written, key, keys in phrases:
            if all(k in vector for k in keys):
                weights.setdefault(key, (written, sum(vector[k] for k in keys) / len(keys)))
        phrase_weights.append(weights)
    dates = [a.published.toordinal() if a.published is not None else None for a in articles]
    return _Names(vectors, phrase_weights, dates)


def _phrase(scan: _Scan, keys: list[tuple[int, str]]) -> tuple[str, str, tuple[str, ...]]:
    """A name as written, its key, and its words' keys."""
    written = " ".join(scan.words[i][0] for i, _ in keys)
    return written, " ".join(k for _, k in keys), tuple(k for _, k in keys)


# --- auto: scores and stories ----------------------------------------------------------

def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return math.fsum(w * b[k] for k, w in a.items() if k in b)


def _discount(gap: int | None, window: int | None) -> float:
    if gap is None or window is None or gap <= window:
        return 1.0
    return window / gap


def _gap(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else abs(a - b)


def _span_gap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int | None:
    if a is None or b is None:
        return None
    return max(0, b[0] - a[1], a[0] - b[1])


def _links(names: _Names, *, threshold: float, window: int | None, max_candidates: int) -> list[tuple[float, int, int]]:
    """Pairs ``(score, i, j)`` with ``i < j`` scoring at least ``threshold``, found through shared rare names."""
    vectors, dates = names.vectors, names.dates
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for key in vector:
            postings[key].append(i)
    links: dict[tuple[int, int], float] = {}
    for i, vector in enumerate(vectors):
        partial: dict[int, float] = defaultdict(float)
        for key, w in vector.items():
            posting = postings[key]
            if len(posting) > BLOCK_DF:
                continue
            for j in posting:
                if j != i:
                    partial[j] += w * vectors[j][key]
        best = heapq.nsmallest(
            max_candidates,
            partial.items(),
            key=lambda jw: (-jw[1] * _discount(_gap(dates[i], dates[jw[0]]), window), jw[0]),
        )
        for j, _ in best:
            pair = (min(i, j), max(i, j))
            if pair in links:
                continue
            score = _dot(vector, vectors[j]) * _discount(_gap(dates[i], dates[j]), window)
            if score >= threshold:
                links[pair] = score
    return sorted(((s, i, j) for (i, j), s in links.items()), key=lambda t: (-t[0], t[1], t[2]))


def _by_content(articles: Sequence[Article], *, threshold: float, window: int | None, cohesion: float,
                max_df: float, max_candidates: int) -> list[tuple[list[int], str, str]]:
    # Work in a canonical order of the articles so that the input order changes nothing.
    order = sorted(range(len(articles)), key=lambda i: _canonical(articles[i]))
    canon = [articles[i] for i in order]
    names = _names(canon, max_df=max_df)
    parent = list(range(len(canon)))
    size = [1] * len(canon)
    total = [dict(v) for v in names.vectors]  # sum of the members' vectors
    span = [(d, d) if d is not None else None for d in names.dates]

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for score, i, j in _links(names, threshold=threshold, window=window, max_candidates=max_candidates):
        a, b = find(i), find(j)
        if a == b:
            continue
        if size[a] > 1 and size[b] > 1:
            mean = _dot(total[a], total[b]) / (size[a] * size[b])
            if mean * _discount(_span_gap(span[a], span[b]), window) < cohesion * threshold:
                continue
        if (size[a], -a) < (size[b], -b):
            a, b = b, a
        parent[b] = a
        size[a] += size[b]
        for key, w in total[b].items():
            total[a][key] = total[a].get(key, 0.0) + w
        total[b] = {}
        span[a] = _join_spans(span[a], span[b])

    members: dict[int, list[int]] = defaultdict(list)
    for c in range(len(canon)):
        members[find(c)].append(c)
    _adopt_nameless(members, names, span, window)
    groups = []
    for cs in members.values():
        title = _story_names(names, cs)
        base = _slug(" ".join(title)) or _slug(min(canon[c].source for c in cs)) or "story"
        groups.append(([order[c] for c in cs], base, ", ".join(title)))
    return groups


def _adopt_nameless(members: dict[int, list[int]], names: _Names, span: list[tuple[int, int] | None],
                    window: int | None) -> None:
    """Put the articles without a name into the one story the others form, if they form one.

    A report with no name ("Officials said 188 people were rescued.") cannot say which
    story it belongs to. When the articles with names make one story, the input is one
    event's reports and it is one of them (if published within ``window`` days of that
    story's dates); with several stories it stays on its own, and an input with no names
    at all is one story.
    """
    named = [root for root, cs in members.items() if any(names.vectors[c] for c in cs)]
    nameless = [root for root, cs in members.items() if not any(names.vectors[c] for c in cs)]
    if len(named) > 1 or not nameless:
        return
    home = named[0] if named else nameless[0]
    for root in nameless:
        if root == home:
            continue
        (c,) = members[root]  # an article with no name has no link
        if _discount(_span_gap(span[home], span[c]), window) < 1.0:
            continue
        members[home].extend(members.pop(root))
        span[home] = _join_spans(span[home], span[c])
    members[home].sort()


def _canonical(article: Article) -> tuple:
    return (article.source, article.text, article.outlet or "", str(article.published or ""),
            article.url or "", article.title or "", article.path or "")


def _join_spans(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a[0], b[0]), max(a[1], b[1])


def _story_names(names: _Names, members: Sequence[int]) -> list[str]:
    """The story's most telling names as written: the heaviest summed over its articles."""
    held: Counter[str] = Counter()
    weight: dict[str, float] = defaultdict(float)
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for c in members:
        for key, (form, w) in names.phrases[c].items():
            held[key] += 1
            weight[key] += w
            written[key][form] += 1
    ranked = sorted(held, key=lambda k: (-weight[k], -held[k], k))
    chosen: list[str] = []
    used: set[str] = set()
    for key in ranked:
        words = set(key.split())
        if words & used:
            continue
        # as most often written, sooner in title case than in a dateline's capitals
        form = min(written[key].items(), key=lambda fc: (fc[0].isupper() and not key.isupper(), -fc[1], fc[0]))[0]
        chosen.append(form)
        used |= words
        if len(chosen) == ID_NAMES:
            break
    return chosen

