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
Names are the main evidence: reports of one event name the same people, places and
bodies, and two events rarely share a rare name. Three weaker kinds of evidence temper
and complete them: the content words, the figures and the dates. Splitting a story
loses every conflict across the split, and joining two mixes their figures; so a link
needs shared names that the words do not contradict, and words and figures on their
own only place an article that no link placed, when one story is clearly its best.

1. **Names.** An article's names are its capitalised words that the input as a whole
   uses as names: a word counts when, somewhere in the input, it is written capitalised
   inside a sentence at least as often as it is written in lower case ("Pichai", the
   "Key" of "Key Bridge"; not "Police", mostly written "police"). Capitals that open a
   sentence or sit in a title-case headline are read but prove nothing. A short
   all-capitals word inside mixed-case text is an acronym ("ERCOT"). Calendar words,
   honorifics and titles (``not_names`` in ``data/stories.toml``) are never names, nor is
   an outlet's name that only the outlet's own articles write: a dateline's "(Atlas News
   Agency)" says who wrote, not what happened, and one wire's reports of two events would
   share it. (An outlet that other articles name is an actor: "Alphabet" of Alphabet's
   statement.)
2. **Words and figures.** An article's content words are its lower-case words, cut to a
   rough stem of three letters or more ("refineries" and "refinery" meet), less the stop
   words and the 1,000 commonest words of English (``data/stories.toml``): "ferry",
   "capsized", "pension", "dockers" tell a story, "people", "said" and "side" do not. Its
   figures are its numbers as written ("226", "2.1 billion", "48.6%") with two
   significant digits or more and a value of 100 or more (or decimals, or a million-scale
   word): reports of one event repeat its distinctive figures, while years, small counts
   and round numbers turn up in every story.
3. **Weights.** A name, word or figure weighs ``(1 + ln tf) * ln((N + 50) / (df + 1))``:
   ``tf`` its count in the article, ``df`` the number of the ``N`` articles that have it.
   The 50 are background articles that lack it: in a small input (one event's four
   reports) a name all of them share still counts. A country's name weighs half (two
   events in one country share it). Anything in more than ``max_df`` of the articles, and
   in more than 25, is dropped: it says "this is news", not which story. An article has
   three vectors of length 1: its names, its words, its figures.
4. **Dates.** Two articles ``gap > window`` days apart have their score multiplied by
   ``window / gap``; the gap is the smaller of the gap between their publication dates
   and the gap between a date one of them writes ("February 16, 2021", "Feb. 15" -- the
   one nearest its publication --, "February 2021") and the other's publication. The
   same place's unrelated event years later must not join, so the discount stays steep;
   but a follow-up months later names the day of the event it follows, and that date,
   not a gentler discount, keeps it with the first reports (a discount gentle enough to
   keep a follow-up a year on for its names alone would also join an identically named
   event three years on). With a publication date unknown there is no discount.
5. **Links.** The score of two articles is the cosine of their names vectors, discounted,
   and scaled by ``min(1, (w + f) / 0.1)``, ``w`` and ``f`` the cosines of their words and
   of their figures, when both have 8 content words or more: reports of one event share
   vocabulary, two events in one city share the city's name and little else (a shorter
   article says too little for its words to disagree). An article's candidates are the
   articles that share with it a name held by at most 100 articles (commoner names only
   add to a candidate's score); its ``max_candidates`` best are scored exactly, and a
   pair scoring at least ``threshold`` is a link. Links are taken strongest first (ties in
   a canonical order of the articles, so input order does not matter). An article on its
   own joins the story at the other end of its link: one link is enough to keep a short
   statement with the reports it belongs to. Two stories of several articles each merge
   only if their mean pairwise names score (discounted by the gap between their dates) is
   at least ``cohesion * threshold`` -- by default, only if their articles are on average
   as close as a linked pair -- so one stray shared name cannot chain two events into one.
6. **Lone articles.** An article the links left alone is scored against each story (or
   other lone article) it shares a name, word or figure with: the mean over the story's
   articles of the names score of rule 5 plus half the words cosine plus half the figures
   cosine, discounted by the gap to the story's dates. Words and figures weigh half: an
   article has many more words than names, and two events of one kind (two strikes, two
   ferry disasters) share vocabulary. It joins its best story when that score is at least
   half the ``threshold``, at least twice the next best story's (a clear best, not a near
   tie between two of a kind), and it shares with the story three names or words, or a
   figure (one or two words in common are chance: two air raids reported on one day).
   A local report naming only local places joins the national reports it shares the
   strike's vocabulary with; a statement naming nothing joins the report that repeats its
   figure. The joins are decided against the stories the links made, so a lone article
   never chains two stories.
7. **Nameless articles.** An article with no name that nothing placed ("Officials said
   it was contained.") joins the story the other articles make when they make one (and it
   was published within ``window`` days of it), as one event's reports do; an input with
   no names is one story. Otherwise it is a story of its own.
8. **Ids.** A story's id is a slug of its two most telling names (the greatest weight
   summed over its articles), e.g. ``alphabet-google`` (with no names, of the first of
   its source names in sorted order); ids that would repeat get ``-2``, ``-3`` in the
   order of the stories' sorted source names.

Stories come out in the order of their first article, each story's articles in input
order, and the grouping and the ids do not depend on the order of the input.

The constants are round values chosen on 33 benchmark clusters (each read alone, and all
mixed) and on the tests' examples; each rule above says what it stands for, and no rule
or list names a word of one event.

What it cannot see: two stories of several articles each that tell one event without
sharing names (national and local coverage, each with several reports) stay apart; a
follow-up months later that names neither the event's date nor most of its names stands
alone; two events of a kind in one small input, sharing a famous name and some words
(two Paris stories, undated), may be joined; text in a script without capitals has no
names (and such an input is one story unless its words part it). ``by="none"`` or
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

import calendar
import datetime as dt
import heapq
import math
import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import PurePath
from typing import Any

from reconcile.errors import DataFileError, StoryError
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
"""Share of the articles above which a name, word or figure is too common to tell stories apart (``max_df=``)."""
DEFAULT_MAX_CANDIDATES = 20
"""Candidates each article is scored against exactly (``max_candidates=``)."""

BACKGROUND = 50
"""Articles imagined beside the input, none with the name: keeps a small input's idf above 0."""
MIN_DROPPED_DF = 25
"""A name, word or figure is dropped as too common only when more articles than this have it."""
BLOCK_DF = 100
"""Names, words or figures held by more articles than this propose no candidates (they only add to scores)."""
COUNTRY_WEIGHT = 0.5
"""Weight of a country's name against other names."""
WORD_WEIGHT = 0.5
"""Weight of the content words' cosine against the names' in a lone article's score."""
FIGURE_WEIGHT = 0.5
"""Weight of the figures' cosine against the names' in a lone article's score."""
JOIN_SHARE = 0.5
"""Share of ``threshold`` a lone article's score with a story must reach for it to join."""
JOIN_MARGIN = 2.0
"""How many times the next best story's score a lone article's best must be to join."""
MIN_SHARED = 3
"""Names and words a lone article needs in common with a story to join it, short of a shared figure."""
MIN_WORD = 3
"""Letters a content word's stem needs."""
AGREEMENT = 0.1
"""Words-plus-figures cosine at which two articles' shared names count in full."""
MIN_VOCABULARY = 8
"""Content words both sides need before their vocabularies can disagree."""
MAX_MENTIONS = 64
"""Dates read from one article's text, at most."""
ID_NAMES = 2
"""Names a story's id is made of."""
FIELDS = ("source", "outlet", "published", "url", "title", "path")
"""The :class:`~reconcile.model.Article` fields ``by="field:NAME"`` can group on."""

# A word, with its inner apostrophes ("O'Brien") but not a possessive's ("Google's").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019](?!s\b)[^\W\d_]+)*")
# What may stand before a word that opens a sentence, a quotation or a dateline's text.
_OPENERS = frozenset(".!?:;\"\u201c\u201d\u2018\u2019'([{\u2014\u2013-\u2022*#|>")
_FULL_STOPS = (".", "!", "?")
_TITLE_SHARE = 0.6  # a line this capitalised, without a full stop, is a title-case headline
_ACRONYM = (2, 6)  # letters of an all-capitals word read as an acronym
# A number as written, with its decimals and its scale: "226", "2.1 billion", "48.6%".
_FIGURE = re.compile(
    r"(?=\d)(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
    r"(?:\s?(%)|\s+(percent|per\s+cent|million|billion|trillion)\b)?"
)
_BIG_SCALES = ("million", "billion", "trillion")
_YEARS = (1900, 2100)  # a bare four-digit number in this range is a year
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])\.?")
_YEAR = r"(?:19|20)\d\d(?!\d)"
# A date as news writes it: "February 16, 2021", "Feb. 15", "16 February 2021", "February 2021".
_DATE = re.compile(
    rf"(?=[ADFJMNOS\d])\b(?:"
    rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_MONTH}),?\s+(?:of\s+)?(?P<y3>{_YEAR}))"
)
_MONTH_NUMBERS = {name[:3].lower(): n for n, name in enumerate(calendar.month_name) if name}


@dataclass(frozen=True, slots=True)
class WordTables:
    """The word lists of ``data/stories.toml``, lower case."""

    not_names: frozenset[str]
    """Capitalised words that are never names: calendar words, honorifics, titles."""
    stop_words: frozenset[str]
    """Words that are no evidence of a story: stop words and the commonest words of English."""


@lru_cache(maxsize=1)
def word_tables() -> WordTables:
    """The shipped word lists, read once per process.

    Raises
    ------
    DataFileError
        ``data/stories.toml`` is not valid TOML or lacks a list.
    """
    path = resources.files("reconcile.data").joinpath("stories.toml")
    try:
        data = tomllib.loads(path.read_text("utf-8"))
        return WordTables(
            not_names=frozenset(w.lower() for w in data["names"]["not_names"]),
            stop_words=frozenset(w.lower() for w in [*data["words"]["stop_words"], *data["words"]["common_words"]]),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError) as e:
        raise DataFileError(
            f"the word tables in {path} are malformed ({e}); reinstall reconcile to restore them") from e


def __getattr__(name: str) -> Any:
    # NOT_NAMES now lives in data/stories.toml; the old constant still reads it
    if name == "NOT_NAMES":
        return word_tables().not_names
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
        How to group (default ``"auto"``): ``"auto"`` by shared names, then words,
        figures and publication dates (the rule is in this module's docstring), ``"folder"`` by
        ``Article.path``'s parent folder (articles without a path form one story),
        ``"field:NAME"`` by the value of one of :data:`FIELDS` (articles without it form
        one story), ``"none"``: all in one story.
    threshold
        Score two articles need to link, for ``"auto"`` (default 0.1, a cosine in
        ``(0, 1]``).
    window
        Days apart two articles may be published (or one published from a date the other
        names) with no discount on their score, for ``"auto"`` (default 14); ``None``:
        dates are not read.
    cohesion
        Share of ``threshold`` two stories of several articles each must reach as their
        mean pairwise score to merge, for ``"auto"`` (default 1: as close, on average, as
        a linked pair; 0: any link merges).
    max_df
        Names, words and figures in more than this share of the articles (and in more
        than 25) are ignored, for ``"auto"`` (default 0.05).
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


# --- auto: evidence --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Time:
    """When an article (or a story) appeared, and the dates it names: ordinals of days."""

    span: tuple[int, int]  # first and last publication date
    mentions: tuple[tuple[int, int], ...]  # dates written in the text, each a range of days


@dataclass(slots=True)
class _Evidence:
    """What every article offers to tell its story: three weighted vectors and its time."""

    names: list[dict[str, float]]
    words: list[dict[str, float]]
    figures: list[dict[str, float]]
    phrases: list[dict[str, tuple[str, float]]]  # per article: phrase key -> (as written, weight)
    times: list[_Time | None]


def _evidence(articles: Sequence[Article], *, max_df: float, window: int | None) -> _Evidence:
    """Each article's names, words, figures (rules 1-3) and, when dates are read, its time (rule 4)."""
    texts = [a.text if not a.title else f"{a.title}\n{a.text}" for a in articles]
    scans = [_scan(text) for text in texts]
    names, phrases = _names(articles, scans, max_df=max_df)
    stop = _stop_stems()
    words = _weigh([Counter(s for s in map(_stem, scan.lower) if len(s) >= MIN_WORD and s not in stop)
                    for scan in scans], max_df=max_df)
    figures = _weigh([Counter(_figures(text)) for text in texts], max_df=max_df)
    times = [None if window is None or a.published is None else _time_of(text, a.published.toordinal())
             for a, text in zip(articles, texts)]
    return _Evidence(names, words, figures, phrases, times)


def _weigh(counts: Sequence[Counter[str]], *, max_df: float,
           scale: Mapping[str, float] | None = None) -> list[dict[str, float]]:
    """Each article's tf-idf vector of length 1 over ``counts`` (rule 3)."""
    n = len(counts)
    df = Counter(key for tf in counts for key in tf)
    too_common = max(MIN_DROPPED_DF, max_df * n)
    idf = {key: math.log((n + BACKGROUND) / (d + 1)) for key, d in df.items() if d <= too_common}
    vectors = []
    for tf in counts:
        vector = {
            key: (1 + math.log(c)) * idf[key] * (scale.get(key, 1.0) if scale else 1.0)
            for key, c in sorted(tf.items())
            if key in idf
        }
        norm = math.sqrt(sum(w * w for w in vector.values()))
        vectors.append({key: w / norm for key, w in vector.items()} if norm else {})
    return vectors


def _names(articles: Sequence[Article], scans: Sequence[_Scan], *,
           max_df: float) -> tuple[list[dict[str, float]], list[dict[str, tuple[str, float]]]]:
    """Every article's names vector, and its names as written with their weights (for story ids)."""
    inside: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for scan in scans:
        lower.update(scan.lower)
        inside.update(key for _, key, kind in scan.words if kind == "mid")
    outlets = _outlet_names(articles, scans)
    not_names = word_tables().not_names

    def name_key(word: str, key: str, kind: str) -> str | None:
        if kind == "acronym":
            folded = word.lower()
            if folded in not_names:
                return None
            if inside[folded] and inside[folded] >= lower[folded]:
                return folded  # "AUSTIN -" opening a dateline is Austin
            return key
        if key in not_names or not inside[key] or inside[key] < lower[key]:
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

    vectors = _weigh(counts, max_df=max_df, scale=dict.fromkeys(countries, COUNTRY_WEIGHT))
    phrase_weights = []
    for vector, phrases in zip(vectors, phrase_lists):
        weights: dict[str, tuple[str, float]] = {}
        for written, key, keys in phrases:
            if all(k in vector for k in keys):
                weights.setdefault(key, (written, sum(vector[k] for k in keys) / len(keys)))
        phrase_weights.append(weights)
    return vectors, phrase_weights


def _phrase(scan: _Scan, keys: list[tuple[int, str]]) -> tuple[str, str, tuple[str, ...]]:
    """A name as written, its key, and its words' keys."""
    written = " ".join(scan.words[i][0] for i, _ in keys)
    return written, " ".join(k for _, k in keys), tuple(k for _, k in keys)


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    tables = word_tables()
    return frozenset(map(_stem, tables.stop_words))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """``word`` without its inflection, roughly: "refineries" -> "refinery", "capsized" and "capsizes" -> "capsiz".

    A few suffix rules, not a lemmatizer: two articles' words only need to meet on the same stem.

    >>> [_stem(w) for w in ("marches", "rescued", "rescue", "missing", "stopped", "ferries")]
    ['march', 'rescu', 'rescu', 'miss', 'stop', 'ferry']
    """
    w = word
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix, keep in (("ing", 3), ("ed", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            w = w[:-len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # "stopped" -> "stop", not "kill" -> "kil"
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def _figures(text: str) -> list[str]:
    """The distinctive figures of ``text``, each as written ("226", "2.1 billion", "48.6%").

    A figure counts when it has two significant digits or more and is 100 or more (or
    has decimals, or a million-scale word): years, small counts and round numbers ("40",
    "2023", "300", "1,000") turn up in every story.

    >>> _figures("226 people, $2.1 billion, 48.6 per cent; 40 missing in 2023, 300 rallies, $16 billion")
    ['226', '2.1 billion', '48.6%', '16 billion']
    """
    out = []
    for m in _FIGURE.finditer(text):
        written, frac = m.group(1), m.group(2) or ""
        whole = written.replace(",", "")
        scale = "%" if m.group(3) else " ".join((m.group(4) or "").lower().split())
        scale = "%" if scale in ("percent", "per cent") else scale
        if len((whole + frac).strip("0")) < 2 or not (frac or int(whole) >= 100 or scale in _BIG_SCALES):
            continue
        if not frac and not scale and "," not in written and _YEARS[0] <= int(whole) <= _YEARS[1]:
            continue
        figure = whole + (f".{frac}" if frac else "")
        out.append(figure + ("%" if scale == "%" else f" {scale}" if scale else ""))
    return out


def _time_of(text: str, published: int) -> _Time:
    """The article's publication date, and the dates its text names (a year's month, a day)."""
    mentions: set[tuple[int, int]] = set()
    year_of_publication = dt.date.fromordinal(published).year
    for m in _DATE.finditer(text):
        month = _MONTH_NUMBERS[(m.group("m1") or m.group("m2") or m.group("m3"))[:3].lower()]
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2") or m.group("y3")
        try:
            if day is None:
                first = dt.date(int(year), month, 1)
                last = dt.date(int(year), month, calendar.monthrange(int(year), month)[1])
                mentions.add((first.toordinal(), last.toordinal()))
                continue
            if year is not None:
                date = dt.date(int(year), month, int(day)).toordinal()
            else:
                # "Feb. 15" in a report of 26 March: the nearest 15 February to publication
                candidates = [dt.date(y, month, int(day)).toordinal()
                              for y in (year_of_publication - 1, year_of_publication, year_of_publication + 1)
                              if int(day) <= calendar.monthrange(y, month)[1]]
                if not candidates:
                    continue
                date = min(candidates, key=lambda d: (abs(d - published), d))
        except ValueError:
            continue  # "31 February"
        mentions.add((date, date))
    return _Time((published, published), tuple(sorted(mentions))[:MAX_MENTIONS])


# --- auto: scores and stories ----------------------------------------------------------

def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return math.fsum(w * b[k] for k, w in a.items() if k in b)


def _span_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _time_discount(a: _Time | None, b: _Time | None, window: int | None) -> float:
    """``window / gap`` for two articles or stories ``gap > window`` days apart, else 1 (rule 4).

    The gap is between their publication dates, or between a date one of them names and
    the other's publication (a follow-up naming the day of the event it follows); with a
    publication date unknown, or dates not read, there is no discount.
    """
    if window is None or a is None or b is None:
        return 1.0
    gap = _span_gap(a.span, b.span)
    if gap > window:
        for mention in a.mentions:
            gap = min(gap, _span_gap(mention, b.span))
        for mention in b.mentions:
            gap = min(gap, _span_gap(a.span, mention))
    return 1.0 if gap <= window else window / gap


def _join_times(a: _Time | None, b: _Time | None) -> _Time | None:
    if a is None:
        return b
    if b is None:
        return a
    span = (min(a.span[0], b.span[0]), max(a.span[1], b.span[1]))
    return _Time(span, tuple(sorted(set(a.mentions) | set(b.mentions))))


def _links(ev: _Evidence, *, threshold: float, window: int | None, max_candidates: int) -> list[tuple[float, int, int]]:
    """Pairs ``(score, i, j)`` with ``i < j`` scoring at least ``threshold``, found through shared rare names."""
    vectors, times = ev.names, ev.times
    postings = _postings(vectors)
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
            key=lambda jw: (-jw[1] * _time_discount(times[i], times[jw[0]], window), jw[0]),
        )
        for j, _ in best:
            pair = (min(i, j), max(i, j))
            if pair in links:
                continue
            score = _dot(vector, vectors[j]) * _time_discount(times[i], times[j], window)
            if score >= threshold:
                # names alone are not enough when the two vocabularies do not meet
                score *= _agreement(_dot(ev.words[i], ev.words[j]), _dot(ev.figures[i], ev.figures[j]),
                                    min(len(ev.words[i]), len(ev.words[j])))
            if score >= threshold:
                links[pair] = score
    return sorted(((s, i, j) for (i, j), s in links.items()), key=lambda t: (-t[0], t[1], t[2]))


def _postings(vectors: Sequence[Mapping[str, float]],
              keep: Callable[[str], bool] | None = None) -> dict[str, list[int]]:
    """Which articles hold each key (of those ``keep`` accepts)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for key in vector:
            if keep is None or keep(key):
                postings[key].append(i)
    return postings


class _Forest:
    """Stories being built: union-find over the articles, with each story's summed names and time."""

    def __init__(self, ev: _Evidence) -> None:
        self.parent = list(range(len(ev.names)))
        self.size = [1] * len(ev.names)
        self.total = [dict(v) for v in ev.names]  # sum of the members' names vectors
        self.time = list(ev.times)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        """Merge the stories of roots ``a`` and ``b``."""
        if (self.size[a], -a) < (self.size[b], -b):
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        for key, w in self.total[b].items():
            self.total[a][key] = self.total[a].get(key, 0.0) + w
        self.total[b] = {}
        self.time[a] = _join_times(self.time[a], self.time[b])

    def members(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for c in range(len(self.parent)):
            out[self.find(c)].append(c)
        return out


def _by_content(articles: Sequence[Article], *, threshold: float, window: int | None, cohesion: float,
                max_df: float, max_candidates: int) -> list[tuple[list[int], str, str]]:
    # Work in a canonical order of the articles so that the input order changes nothing.
    order = sorted(range(len(articles)), key=lambda i: _canonical(articles[i]))
    canon = [articles[i] for i in order]
    ev = _evidence(canon, max_df=max_df, window=window)
    forest = _Forest(ev)
    for _, i, j in _links(ev, threshold=threshold, window=window, max_candidates=max_candidates):
        a, b = forest.find(i), forest.find(j)
        if a == b:
            continue
        if forest.size[a] > 1 and forest.size[b] > 1:
            mean = _dot(forest.total[a], forest.total[b]) / (forest.size[a] * forest.size[b])
            if mean * _time_discount(forest.time[a], forest.time[b], window) < cohesion * threshold:
                continue
        forest.union(a, b)
    for c, target in _lone_joins(ev, forest, threshold=threshold, window=window, max_candidates=max_candidates):
        a, b = forest.find(c), forest.find(target)
        if a != b:
            forest.union(a, b)
    members = forest.members()
    _adopt_nameless(members, ev, forest.time, window)
    groups = []
    for cs in members.values():
        title = _story_names(ev, cs)
        base = _slug(" ".join(title)) or _slug(min(canon[c].source for c in cs)) or "story"
        groups.append(([order[c] for c in cs], base, ", ".join(title)))
    return groups


def _lone_joins(ev: _Evidence, forest: _Forest, *, threshold: float, window: int | None,
                max_candidates: int) -> list[tuple[int, int]]:
    """Each article still alone, and the article whose story it joins (see rule 6).

    Every pair is decided against the stories the links made, so an article joins a story
    or another lone article, never two stories: the joins cannot chain two events.
    """
    lone = [c for c in range(len(ev.names)) if forest.size[forest.find(c)] == 1]
    if not lone:
        return []
    blocks = ((ev.names, 1.0), (ev.words, WORD_WEIGHT), (ev.figures, FIGURE_WEIGHT))
    wanted = {key for vectors, _ in blocks for c in lone for key in vectors[c]}
    postings = [_postings(vectors, wanted.__contains__) for vectors, _ in blocks]
    members = forest.members()
    totals: dict[tuple[int, int], dict[str, float]] = {}

    def total(root: int, block: int) -> dict[str, float]:
        if (root, block) not in totals:
            summed: dict[str, float] = defaultdict(float)
            for c in members[root]:
                for key, w in blocks[block][0][c].items():
                    summed[key] += w
            totals[root, block] = summed
        return totals[root, block]

    joins = []
    for c in lone:
        partial: dict[int, float] = defaultdict(float)
        for (vectors, weight), posting in zip(blocks, postings):
            for key, w in vectors[c].items():
                held = posting[key]
                if len(held) > BLOCK_DF:
                    continue
                for j in held:
                    if j != c:
                        partial[forest.find(j)] += weight * w * vectors[j][key]
        discount = {root: _time_discount(ev.times[c], forest.time[root], window) for root in partial}
        best = heapq.nsmallest(
            max_candidates,
            partial,
            key=lambda root: (-partial[root] * discount[root] / forest.size[root], members[root][0]),
        )
        scored = sorted(
            ((discount[root] * _lone_score(*(_dot(vectors[c], total(root, n)) / forest.size[root]
                                            for n, (vectors, _) in enumerate(blocks)),
                                          min(len(ev.words[c]), len(total(root, 1)))),
              members[root][0], root)
             for root in best),
            key=lambda t: (-t[0], t[1]),
        )
        if not scored:
            continue
        score, _, root = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if score < JOIN_SHARE * threshold or score < JOIN_MARGIN * runner_up:
            continue
        # a word or two in common is chance (two air raids on one day); three, or a figure, is not
        shared = sum(key in total(root, n) for n in (0, 1) for key in blocks[n][0][c])
        if shared >= MIN_SHARED or any(key in total(root, 2) for key in ev.figures[c]):
            joins.append((c, members[root][0]))
    return joins


def _agreement(words: float, figures: float, vocabulary: int) -> float:
    """How far shared names count, given the words and figures cosines of the same pair.

    Reports of one event share vocabulary; two events in one city share the city's name
    but not their words. Below ``MIN_VOCABULARY`` content words an article says too little
    for its vocabulary to disagree.
    """
    if vocabulary < MIN_VOCABULARY:
        return 1.0
    return min(1.0, (words + figures) / AGREEMENT)


def _lone_score(names: float, words: float, figures: float, vocabulary: int) -> float:
    """A lone article's score with a story, from the mean cosines of each kind of evidence."""
    return names * _agreement(words, figures, vocabulary) + WORD_WEIGHT * words + FIGURE_WEIGHT * figures


def _adopt_nameless(members: dict[int, list[int]], ev: _Evidence, time: list[_Time | None],
                    window: int | None) -> None:
    """Put the articles without a name into the one story the others form, if they form one.

    A report with no name ("Officials said 188 people were rescued.") and nothing else
    that ties it to a story cannot say which story it belongs to. When the articles with
    names make one story, the input is one event's reports and it is one of them (if
    published within ``window`` days of that story's dates); with several stories it
    stays on its own, and an input with no names at all is one story.
    """
    named = [root for root, cs in members.items() if any(ev.names[c] for c in cs)]
    nameless = [root for root, cs in members.items() if not any(ev.names[c] for c in cs)]
    if len(named) > 1 or not nameless:
        return
    home = named[0] if named else nameless[0]
    for root in nameless:
        if root == home:
            continue
        if _time_discount(time[home], time[root], window) < 1.0:
            continue
        members[home].extend(members.pop(root))
        time[home] = _join_times(time[home], time[root])
    members[home].sort()


def _canonical(article: Article) -> tuple:
    return (article.source, article.text, article.outlet or "", str(article.published or ""),
            article.url or "", article.title or "", article.path or "")


def _story_names(ev: _Evidence, members: Sequence[int]) -> list[str]:
    """The story's most telling names as written: the heaviest summed over its articles."""
    held: Counter[str] = Counter()
    weight: dict[str, float] = defaultdict(float)
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for c in members:
        for key, (form, w) in ev.phrases[c].items():
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
