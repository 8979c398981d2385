"""Writing a :class:`~reconcile.model.Report` (or a list of claims) in one of the formats.

One :class:`Format` enum, one writer per format, one entry point per kind of output:
:func:`write_report` and :func:`write_claims`. Markdown, HTML and the terminal table
show one block per figure (the claims of one quantity, every source's value, time,
speaker and sentence), ranked, then the pairs to review; CSV, TSV, JSON Lines and JSON
stay pairwise, one row per finding with its figure's id, for a program or a spreadsheet.
Every writer is deterministic (the same report gives byte-identical output; no
timestamps) and escapes what it must:

- ``markdown``: pipes, backslashes and line breaks inside cells, so a row always has
  its columns, whatever the article said; ``<`` before a tag name (and ``&`` before an
  entity name) as an entity and ``[``, ``]``, backticks with a backslash, so raw HTML
  and links in an article or a source name show as text in a Markdown renderer; in a
  sentence, ``*`` and ``_`` too, so that only the number is bold;
- ``csv`` and ``tsv``: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return gets a leading ``'`` so a spreadsheet does not run it as a formula, unless
  the cell is a plain number (``-0.5``, ``-3``, ``-12%``); ``raw_csv=True`` writes
  cells untouched; ``tsv`` also writes each row on one line (tabs and line breaks
  inside a cell become spaces, other control characters are written out as ``\\x1b``),
  and ``excel=True`` starts either with a UTF-8 byte-order mark, which Excel needs to
  read UTF-8;
- ``html``: every piece of article text through :func:`html.escape`; the page loads
  nothing from the network (its Content-Security-Policy forbids it);
- ``table`` and ``markdown``: control characters (terminal escape sequences among
  them) and bidirectional overrides written as ``\\x1b``, ``\\u202e`` (see
  :func:`printable`), so ``cat report.txt`` cannot retitle or clear a terminal; the
  terminal table prints rich markup ("[/b]", ":smile:") as it is.

Text the writers get is first rid of lone surrogates (U+FFFD), which no encoder can
write. Files are written atomically (a temporary file beside the target, then
:func:`os.replace`, keeping an existing report's permissions), so an interrupted write,
SIGTERM included, leaves the previous file as it was and no temporary file behind; and
only to a regular file or a new path, never over one of the report's input files.
"""
from __future__ import annotations

import contextlib
import csv
import dataclasses
import enum
import html
import io
import itertools
import json
import os
import re
import signal
import stat
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reconcile.errors import OutputError
from reconcile.model import STATUSES, Article, Claim, Figure, Finding, Report, to_jsonable

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import Console
    from rich.table import Table


class Format(str, enum.Enum):
    """Output formats. ``jsonl`` is one record per line (claims, or findings rows)."""

    markdown = "markdown"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    table = "table"
    tsv = "tsv"


FORMAT_ALIASES = {"md": Format.markdown}
"""Other names ``--format`` accepts."""


SUFFIX_FORMATS = {
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".csv": Format.csv,
    ".json": Format.json,
    ".jsonl": Format.jsonl,
    ".html": Format.html,
    ".htm": Format.html,
    ".txt": Format.table,
    ".tsv": Format.tsv,
}
REPORT_FORMATS = (Format.markdown, Format.csv, Format.tsv, Format.json, Format.jsonl, Format.html, Format.table)
CLAIM_FORMATS = (Format.table, Format.csv, Format.tsv, Format.json, Format.jsonl)
SPREADSHEET_FORMATS = (Format.csv, Format.tsv)
"""The formats ``excel=True`` applies to."""
STATUS_NAMES = {
    "conflict": "conflict", "conflicts": "conflict",
    "update": "update", "updates": "update",
    "review": "review", "reviews": "review",
    "agree": "agree", "agrees": "agree", "agreement": "agree", "agreements": "agree",
}
"""What ``only`` accepts for each status: the status, its plural, and "agreement(s)"."""
FIGURE_STATUSES = ("conflict", "update", "agree")
"""A figure's statuses, most pressing first; ``review`` pairs join no figure."""
FIGURE_CLAIM_COLUMNS = ("source", "outlet", "published", "speaker", "number", "value", "time", "sentence")
"""One row per claim of a figure, in Markdown and HTML: ``number`` as written, ``value`` the
interval it was read as, ``time`` as written with the date it resolved to."""

FINDING_COLUMNS = (
    "status", "topic",
    "source_a", "speaker_a", "value_a", "time_a", "quote_a",
    "source_b", "speaker_b", "value_b", "time_b", "quote_b",
    "reason", "score",
)
"""The pairwise table's columns, in order; :func:`findings_frame` adds ``claim_a``, ``claim_b``,
``figure`` (the id of the figure the pair belongs to, empty for a ``review`` pair), then
:data:`PROVENANCE_COLUMNS` for side A and side B."""
PROVENANCE_COLUMNS = ("low", "high", "unit", "published", "outlet", "url", "sentence")
"""Per claim, in CSV, TSV and JSONL: the interval as numbers (empty where unbounded) so a
spreadsheet can sort, and where the claim was published and said."""

CLAIM_COLUMNS = (
    "id", "source", "start", "end", "number", "value", "kind", "unit",
    "thing", "event", "place", "time", "speaker", "quote",
    "low", "high", "published", "outlet", "url", "sentence",
)
TITLE = "reconcile report"
TABLE_WIDTH = 160
"""Width of the terminal table when it is written to a file."""
CARD_WIDTH = 120
"""Below this many columns the terminal shows one stacked card per figure instead of a table per figure."""

_CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?")
# Everything str.splitlines() breaks on, so a Markdown row stays one line for any reader.
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_STATUS_STYLE = {"conflict": "bold red", "update": "yellow", "review": "magenta", "agree": "green"}
# C0 and C1 controls but tab and newline (ESC starts every ANSI/OSC sequence), DEL, and
# the invisible marks that reorder text on screen.
_UNPRINTABLE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNPRINTABLE_RE = re.compile(f"[{_UNPRINTABLE}]")
_UNPRINTABLE_OR_BREAK_RE = re.compile(f"[{_UNPRINTABLE}\t\n\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# What a Markdown renderer would act on: "<" before a letter, "/", "!" or "?" (raw HTML,
# autolinks), "[" "]" (links, images), backticks, "&" before an entity name. The rest
# stays as written, so the raw report reads well too (">=40", "~<187,000", "AT&T").
_MD_SPECIAL = {"<": "&lt;", "[": "\\[", "]": "\\]", "`": "\\`"}
_MD_SPECIAL_RE = re.compile(r"&(?=#?\w+;)|<(?=[A-Za-z/!?])|[\[\]`]")
# Emphasis delimiters: every "*", and a "_" unless it stands between two letters or digits.
_MD_EMPHASIS_RE = re.compile(r"\*|_(?![^\W_])|(?<![^\W_])_")


def printable(value: Any, *, one_line: bool = False) -> str:
    r"""``value`` as text safe to show on a terminal: control characters written out.

    Tab and newline are kept, unless ``one_line`` (default ``False``); everything else
    below U+0020, U+007F-U+009F and the bidirectional overrides become ``\xNN`` or
    ``\uNNNN``, so no escape sequence from an article reaches a terminal.

    >>> printable("\x1b]0;owned\x07 5 dead\n")
    '\\x1b]0;owned\\x07 5 dead\n'
    >>> printable("a\nb", one_line=True)
    'a\\x0ab'
    """
    pattern = _UNPRINTABLE_OR_BREAK_RE if one_line else _UNPRINTABLE_RE
    return pattern.sub(_escape_char, "" if value is None else str(value))


def _escape_char(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def encodable(text: str) -> str:
    """``text`` with lone surrogates as U+FFFD, so that UTF-8 can encode it."""
    return _SURROGATE.sub("\ufffd", text)


# --- the pairwise table ------------------------------------------------------------

def parse_statuses(only: str | Iterable[str] | None) -> tuple[str, ...]:
    """The statuses ``only`` names, in report order (default ``None``: all of them).

    Each item may be a comma-separated list, and a status may be written in the plural.

    >>> parse_statuses(["update", "conflicts,agreement"])
    ('conflict', 'update', 'agree')
    """
    if only is None:
        return STATUSES
    items = (only,) if isinstance(only, str) else tuple(only)
    wanted = set()
    for item in items:
        for name in str(item).split(","):
            key = name.strip().lower()
            if key not in STATUS_NAMES:
                raise OutputError(
                    f"unknown status {name.strip()!r}; use one or more of {', '.join(STATUSES)} "
                    "(e.g. conflict,update)"
                )
            wanted.add(STATUS_NAMES[key])
    return tuple(s for s in STATUSES if s in wanted)



def _pairs(report: Report, only: str | Iterable[str] | None) -> list[tuple[Finding, Claim, Claim]]:
    """The findings kept by ``only``, with their claims, in report order.

    Conflicts first, then updates, then agreements; within a status by (source,
    start) of side A then side B; ties keep the judge's order.
    """
    wanted = parse_statuses(only)
    claims = {c.id: c for c in report.claims}
    rows = []
    for index, f in enumerate(report.findings):
        if f.status not in wanted:
            continue
        try:
            a, b = claims[f.a], claims[f.b]
        except KeyError as e:
            raise OutputError(f"a {f.status} finding names claim {e.args[0]!r}, which the report does not hold") from e
        key = (STATUSES.index(f.status), a.source, a.start, b.source, b.start, index)
        rows.append((key, f, a, b))
    rows.sort(key=lambda r: r[0])
    return [(f, a, b) for _, f, a, b in rows]


def time_cell(claim: Claim) -> str:
    """The claim's time as written, with the date or range it resolved to.

    >>> import datetime as dt
    >>> from reconcile.model import Quantity
    >>> q = Quantity("5", 0, 1, 5, 5)
    >>> c = Claim("c1", "s", 0, 1, "5", 0, "5", q, time_text="on Monday", time_start=dt.date(2016, 8, 1))
    >>> time_cell(c)
    'on Monday (2016-08-01)'
    """
    start, end = claim.time_start, claim.time_end
    if start is None and end is None:
        resolved = ""
    elif start is not None and (end is None or end == start):
        resolved = start.isoformat()
    else:
        resolved = f"{start.isoformat() if start else '…'}..{end.isoformat() if end else '…'}"
    if claim.time_text and resolved:
        return f"{claim.time_text} ({resolved})"
    return claim.time_text or resolved


def _finding_row(f: Finding, a: Claim, b: Claim, articles: Mapping[str, Article], figure: str) -> dict[str, Any]:
    row: dict[str, Any] = {"status": f.status, "topic": f.topic}
    for side, c in (("a", a), ("b", b)):
        row[f"source_{side}"] = c.source
        row[f"speaker_{side}"] = c.speaker
        row[f"value_{side}"] = c.quantity.describe()
        row[f"time_{side}"] = time_cell(c)
        row[f"quote_{side}"] = c.quote
    row["reason"] = f.reason
    row["score"] = f.score
    row["claim_a"], row["claim_b"] = f.a, f.b
    row["figure"] = figure
    for side, c in (("a", a), ("b", b)):
        for key, value in _provenance(c, articles.get(c.source)).items():
            row[f"{key}_{side}"] = value
    return row


def _provenance(c: Claim, article: Article | None) -> dict[str, Any]:
    """:data:`PROVENANCE_COLUMNS` for one claim; ``None`` where not known."""
    published = article.published if article is not None else None
    return {
        "low": c.quantity.low, "high": c.quantity.high, "unit": c.quantity.unit or "",
        "published": published.isoformat() if published else None,
        "outlet": article.outlet if article is not None else None,
        "url": article.url if article is not None else None,
        "sentence": c.sentence,
    }


def _side_columns() -> list[str]:
    return [f"{key}_{side}" for side in ("a", "b") for key in PROVENANCE_COLUMNS]


def findings_frame(report: Report, *, only: str | Iterable[str] | None = None) -> pd.DataFrame:
    """The pairwise table: one row per finding, as a :class:`pandas.DataFrame`.

    Columns are :data:`FINDING_COLUMNS`, ``claim_a`` and ``claim_b`` (the claim ids),
    ``figure`` (the figure's id; empty for a ``review`` pair, which joins no figure), then
    :data:`PROVENANCE_COLUMNS` for side A (``low_a`` ... ``sentence_a``) and side B.
    ``low``/``high`` are numbers (NaN where unbounded); ``published`` is an ISO date.
    Rows: conflicts, then updates, then agreements, each by source and start.

    Parameters
    ----------
    report
        The report to tabulate.
    only
        A status or statuses to keep (default ``None``: all).
    """
    import pandas as pd

    columns, rows = _finding_table(report, only)
    return pd.DataFrame(rows, columns=columns).astype({c: "float64" for c in _FINDING_FLOATS})


_FINDING_FLOATS = ("score", "low_a", "high_a", "low_b", "high_b")
_CLAIM_FLOATS = ("low", "high")


def _finding_table(report: Report, only: str | Iterable[str] | None) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and rows of :func:`findings_frame`, as plain values (the number columns floats, NaN
    for ``None``): what the CSV, TSV, JSONL and Markdown writers read, without importing pandas."""
    articles = _by_source(report.articles)
    figure_of = {c: fig.id for fig in report_figures(report) for c in fig.claims}
    rows = [_finding_row(f, a, b, articles, "" if f.status not in FIGURE_STATUSES else figure_of.get(f.a, ""))
            for f, a, b in _pairs(report, only)]
    return [*FINDING_COLUMNS, "claim_a", "claim_b", "figure", *_side_columns()], _with_floats(rows, _FINDING_FLOATS)


def _claim_table(claims: Sequence[Claim], articles: Iterable[Article]) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and rows of :func:`claims_frame`, as plain values (see :func:`_finding_table`)."""
    by_source = _by_source(articles)
    rows = [_claim_row(c, by_source.get(c.source)) for c in claims]
    return list(CLAIM_COLUMNS), _with_floats(rows, _CLAIM_FLOATS)


def _with_floats(rows: list[dict[str, Any]], columns: Sequence[str]) -> list[dict[str, Any]]:
    for row in rows:
        for c in columns:
            row[c] = _float64(row[c])
    return rows


def _float64(value: Any) -> float:
    """``value`` as the frame's float64 column holds it: NaN for ``None``."""
    return float("nan") if value is None else float(value)


def _by_source(articles: Iterable[Article]) -> dict[str, Article]:
    return {a.source: a for a in articles}


def claims_frame(claims: Sequence[Claim], *, articles: Iterable[Article] = ()) -> pd.DataFrame:
    """One row per claim with the columns :data:`CLAIM_COLUMNS`, in the given order.

    ``articles`` (default none) fill ``published``, ``outlet`` and ``url``.
    """
    import pandas as pd

    columns, rows = _claim_table(claims, articles)
    return pd.DataFrame(rows, columns=columns).astype({c: "float64" for c in _CLAIM_FLOATS})


def _claim_row(c: Claim, article: Article | None = None) -> dict[str, Any]:
    row = {
        "id": c.id, "source": c.source, "start": c.start, "end": c.end,
        "number": c.quantity.text, "value": c.quantity.describe(), "kind": c.quantity.kind,
        "unit": c.quantity.unit or "", "thing": c.thing, "event": c.event, "place": c.place,
        "time": time_cell(c), "speaker": c.speaker, "quote": c.quote,
    }
    row.update(_provenance(c, article))
    return row


def summary(report: Report) -> str:
    """One line: articles, claims, figures by status, and the pairs to review if there are any.

    >>> summary(Report([], [], []))
    '0 articles, 0 claims: 0 figures in conflict, 0 updated, 0 agree.'
    """
    counts = {s: sum(1 for fig in report_figures(report) if fig.status == s) for s in FIGURE_STATUSES}
    review = sum(1 for f in report.findings if f.status == "review")
    return (
        f"{_plural(len(report.articles), 'article')}, {_plural(len(report.claims), 'claim')}: "
        f"{_plural(counts['conflict'], 'figure')} in conflict, {counts['update']} updated, "
        f"{counts['agree']} {'agrees' if counts['agree'] == 1 else 'agree'}"
        + (f"; {_plural(review, 'pair')} to review." if review else ".")
    )


# --- figures: what the Markdown, HTML and terminal views show ---------------------------

def report_figures(report: Report) -> list[Figure]:
    """The report's figures, ranked; built from its findings when the report has none.

    :func:`reconcile.api.judge_claims` fills ``Report.figures``; a report put together by
    hand (claims and findings only) gets them from :func:`reconcile.figures.build_figures`,
    so that every writer shows the same figures.
    """
    if report.figures or not any(f.status in FIGURE_STATUSES for f in report.findings):
        return list(report.figures)
    from reconcile.figures import build_figures

    return build_figures(report.claims, report.findings)


@dataclasses.dataclass(frozen=True, slots=True)
class _StoryView:
    """One story's part of a figure view: its figures shown as blocks, the agreeing figures
    collapsed (to a count, or in HTML to a closed ``<details>``), and its pairs to review."""

    id: str
    name: str
    articles: int
    figures: tuple[Figure, ...]
    collapsed: tuple[Figure, ...]
    reviews: tuple[tuple[Finding, Claim, Claim], ...]


def _view(report: Report, *, only: str | Iterable[str] | None, all_figures: bool) -> list[_StoryView]:
    """The stories with something to show, in the report's order of stories.

    Figures keep their rank (conflicts, updates, agreements) inside each story.
    Agreements are collapsed to a count unless ``all_figures``, or ``only`` names them:
    asking for agreements and getting a count would show nothing asked for.
    """
    wanted = parse_statuses(only)
    expand = all_figures or (only is not None and "agree" in wanted)
    figures = [fig for fig in report_figures(report) if fig.status in wanted]
    reviews = _pairs(report, "review") if "review" in wanted else []
    stories = list(report.stories)
    several = len(stories) > 1
    # one story, or none known (a report put together by hand): its figures carry no story id
    groups: dict[str, tuple[str, int]] = (
        {s.id: (s.name, len(s.sources)) for s in stories} if several
        else {"": (stories[0].name if stories else "", len(report.articles))}
    )
    story_of = {src: s.id for s in stories for src in s.sources} if several else {}
    by_story: dict[str, list[Figure]] = {key: [] for key in groups}
    review_of: dict[str, list[tuple[Finding, Claim, Claim]]] = {key: [] for key in groups}
    for fig in figures:
        by_story.setdefault(fig.story if several else "", []).append(fig)
    for pair in reviews:
        review_of.setdefault(story_of.get(pair[1].source, ""), []).append(pair)
    views = []
    for key in dict.fromkeys([*by_story, *review_of]):  # the stories first, then any story they did not name
        name, articles = groups.get(key, (key, 0))
        figs = by_story.get(key, [])
        shown = tuple(fig for fig in figs if expand or fig.status != "agree")
        collapsed = () if expand else tuple(fig for fig in figs if fig.status == "agree")
        view = _StoryView(key, name, articles, shown, collapsed, tuple(review_of.get(key, ())))
        if view.figures or view.collapsed or view.reviews:
            views.append(view)
    return views


def _several_stories(report: Report) -> bool:
    return len(report.stories) > 1


def _story_title(view: _StoryView) -> str:
    name = view.name or view.id or "Other claims"
    return f"{name} ({_plural(view.articles, 'article')})" if view.articles else name


def _figure_detail(fig: Figure) -> str:
    """What the heading says after the name: how far apart, or how many claims.

    >>> _figure_detail(Figure("f1", "", "death", "conflict", ("a", "b", "c"), (), gap=0.4167, sources=3, disagreeing=3))
    'values 42% apart, 3 sources disagree'
    >>> _figure_detail(Figure("f2", "", "death", "update", ("a", "b"), (), sources=1))
    '2 claims from 1 source'
    """
    if fig.status != "conflict":
        return f"{_plural(len(fig.claims), 'claim')} from {_plural(fig.sources, 'source')}"
    parts = []
    if fig.gap > 0:
        parts.append(f"values {'<1' if fig.gap < 0.005 else round(fig.gap * 100)}% apart")
    if fig.disagreeing == 1:
        parts.append("within one source")
    elif fig.disagreeing:
        parts.append(f"{fig.disagreeing} sources disagree")
    return ", ".join(parts) or "values clash"


def _figure_claims(fig: Figure, claims: Mapping[str, Claim]) -> list[Claim]:
    try:
        return [claims[c] for c in fig.claims]
    except KeyError as e:
        raise OutputError(f"figure {fig.id} names claim {e.args[0]!r}, which the report does not hold") from e


def _when(claim: Claim, article: Article | None) -> str:
    """The time a claim holds for, as a timeline shows it: as written, else its publication date."""
    if time_cell(claim):
        return time_cell(claim)
    if article is not None and article.published:
        return f"published {article.published.isoformat()}"
    return "undated"


def _timeline(claims: Sequence[Claim], articles: Mapping[str, Article]) -> str:
    """An update's values in time order: "~5,000 this past spring, then ~200-2,000 now (2016-08-02)"."""
    return ", then ".join(f"{c.quantity.describe()} {_when(c, articles.get(c.source))}" for c in claims)


def _reasons(fig: Figure, claims: Mapping[str, Claim]) -> list[str]:
    """One line per clashing or updating pair of the figure: which sources, and the judge's reason."""
    lines = []
    for f in fig.findings:
        if f.status in ("conflict", "update") and f.a in claims and f.b in claims:
            lines.append(f"{f.status} · {claims[f.a].source} / {claims[f.b].source}: {f.reason}")
    return lines


def _agree_line(n: int, *, hint: bool = True) -> str:
    """The line agreements collapse to.

    >>> _agree_line(3)
    '3 figures agree (use --all to list them).'
    """
    verb, them = ("agrees", "it") if n == 1 else ("agree", "them")
    return f"{_plural(n, 'figure')} {verb}" + (f" (use --all to list {them})." if hint else ".")


def _sentence_parts(claim: Claim) -> tuple[str, str, str] | None:
    """The claim's sentence as (before, number, after), the number without surrounding
    spaces; ``None`` when the offsets do not fall inside the sentence."""
    text = claim.sentence
    lo, hi = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    if not 0 <= lo < hi <= len(text):
        return None
    number = text[lo:hi]
    lo += len(number) - len(number.lstrip())
    hi -= len(number) - len(number.rstrip())
    if lo >= hi:
        return None
    return text[:lo], text[lo:hi], text[hi:]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --- Markdown ------------------------------------------------------------------------

def md_cell(value: Any) -> str:
    r"""A value made safe for one Markdown table cell: a renderer shows the text as it is.

    >>> md_cell("a | b\nc \\ d")
    'a \\| b<br>c \\\\ d'
    >>> md_cell("[click](javascript:x) <img src=x>")
    '\\[click\\](javascript:x) &lt;img src=x>'
    """
    if isinstance(value, float):
        text = f"{value:.2f}"
    else:
        text = "" if value is None else str(value)
    return "<br>".join(_md_text(line) for line in _LINE_BREAKS.split(text)).strip()


def _md_text(text: str) -> str:
    text = printable(text).replace("\\", "\\\\").replace("|", "\\|")
    return _MD_SPECIAL_RE.sub(lambda m: _MD_SPECIAL.get(m.group(), "&amp;"), text)


def _source_rows(articles: Iterable[Article]) -> Iterator[tuple[str, str, str, str]]:
    """Source, outlet, publication date and URL of each article, in reading order."""
    for a in articles:
        yield a.source, a.outlet or "", a.published.isoformat() if a.published else "", a.url or ""


def _md_code(text: str) -> str:
    """``text`` for a Markdown code span, which shows its content literally: one line, no backtick."""
    return printable(_LINE_BREAKS.sub(" ", text), one_line=True).replace("`", "'")


def _md_inline(text: str) -> str:
    """Text inside a Markdown cell or line, unstripped, with ``*`` and ``_`` escaped too, so
    that no emphasis the article wrote can pair with the ``**`` this writer puts round a number.

    An ``_`` between two letters or digits stays as it is ("000_568f"): there it can
    neither open nor close emphasis.
    """
    return "<br>".join(_MD_EMPHASIS_RE.sub(r"\\\g<0>", _md_text(line)) for line in _LINE_BREAKS.split(text))


def md_sentence(claim: Claim) -> str:
    r"""The claim's sentence as one Markdown cell, with its number in bold.

    Everything is escaped as :func:`md_cell` escapes it, and ``*`` and ``_`` as well, so
    the only emphasis in the cell is the bold number.

    >>> from reconcile.model import Quantity
    >>> q = Quantity("5", 13, 14, 5, 5)
    >>> md_sentence(Claim("c1", "s", 13, 14, "a | *b* said 5 [x]", 0, "", q))
    'a \\| \\*b\\* said **5** \\[x\\]'
    """
    parts = _sentence_parts(claim)
    if parts is None:
        return _md_inline(claim.sentence).strip()
    before, number, after = parts
    return f"{_md_inline(before)}**{_md_inline(number)}**{_md_inline(after)}".strip()


def _md_line(text: str) -> str:
    """Article text in a heading or a list item: escaped as in a cell, ``*`` and ``_`` too."""
    return _md_inline(text).strip()


def _md_heading(text: str) -> str:
    # "#" escaped too: a heading's trailing "#"s would be read as its closing sequence
    return _md_line(text).replace("#", "\\#")


def _md_bold(text: str) -> str:
    return f"**{_md_line(text)}**" if _md_line(text) else ""


def _markdown(report: Report, *, only: str | Iterable[str] | None, raw_csv: bool,
              all_figures: bool = False) -> Iterator[str]:
    yield f"# {TITLE}\n\n{summary(report)}\n"
    if only is not None:
        yield f"\nShowing: {', '.join(parse_statuses(only))}.\n"
    views = _view(report, only=only, all_figures=all_figures)
    claims = {c.id: c for c in report.claims}
    articles = _by_source(report.articles)
    several = _several_stories(report)
    if not views:
        yield "\nNo findings.\n"
    for view in views:
        if not (view.figures or view.collapsed):
            continue
        yield f"\n## {_md_heading(_story_title(view))}\n" if several else "\n## Figures\n"
        for fig in view.figures:
            yield from _md_figure(fig, claims, articles)
        if view.collapsed:
            yield f"\n{_agree_line(len(view.collapsed))}\n"
    if any(view.reviews for view in views):
        yield "\n## To review\n"
        for view in views:
            if not view.reviews:
                continue
            if several:
                yield f"\n### {_md_heading(_story_title(view))}\n"
            yield "\n"
            for f, a, b in view.reviews:
                yield f"- {_md_review(f, a, b)}\n"
    if report.articles:
        yield "\n## Sources\n\n| source | outlet | published | url |\n|---|---|---|---|\n"
        for row in _source_rows(report.articles):
            yield "| " + " | ".join(md_cell(v) for v in row) + " |\n"
    if report.skipped:
        yield "\n## Skipped inputs\n\n"
        for s in report.skipped:
            hint = f" ({md_cell(s.hint)})" if s.hint else ""
            yield f"- `{_md_code(s.name)}`: {md_cell(s.problem)}{hint}\n"


def _md_figure(fig: Figure, claims: Mapping[str, Claim], articles: Mapping[str, Article]) -> Iterator[str]:
    """One figure: heading, the timeline of an update, a row per claim, the pairs' reasons."""
    members = _figure_claims(fig, claims)
    yield f"\n### {fig.status} · {_md_heading(fig.name)} · {_figure_detail(fig)}\n\n"
    if fig.status == "update":
        yield f"{_md_line(_timeline(members, articles))}.\n\n"
    yield "| " + " | ".join(FIGURE_CLAIM_COLUMNS) + " |\n"
    yield "|" + "|".join("---" for _ in FIGURE_CLAIM_COLUMNS) + "|\n"
    for c in members:
        article = articles.get(c.source)
        outlet = article.outlet if article is not None else None
        published = article.published.isoformat() if article is not None and article.published else None
        cells = [md_cell(v) for v in (c.source, outlet, published, c.speaker, c.quantity.text,
                                      c.quantity.describe(), time_cell(c))]
        yield "| " + " | ".join([*cells, md_sentence(c)]) + " |\n"
    reasons = _reasons(fig, claims)
    if reasons:
        yield "\n"
        for line in reasons:
            yield f"- {_md_line(line)}\n"


def _md_review(f: Finding, a: Claim, b: Claim) -> str:
    """A pair to review on one line: what, both sides (quote, value, source), and why.

    It opens with the bold topic (or the word "review"): a line that opened with article
    text could start a heading or a nested list.
    """
    sides = " / ".join(f"“{_md_line(c.quote)}” ({_md_line(c.quantity.describe())}, {_md_line(c.source)})"
                       for c in (a, b))
    return f"{_md_bold(f.topic) or '**review**'} · {sides} · {_md_line(f.reason)}"


# --- CSV -----------------------------------------------------------------------------

def csv_cell(value: Any, *, raw: bool = False) -> Any:
    """A cell a spreadsheet will not run as a formula (numbers are left alone).

    >>> [csv_cell(v) for v in ("=SUM(A1)", "-0.5", -0.5, "-1,200", "+33 1 40", "ok")]
    ["'=SUM(A1)", '-0.5', -0.5, '-1,200', "'+33 1 40", 'ok']
    """
    if raw or not isinstance(value, str) or not value.startswith(_CSV_TRIGGERS):
        return value
    if any(ch.isdigit() for ch in value) and _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def _delimited(table: tuple[list[str], list[dict[str, Any]]], fmt: Format, *, raw: bool) -> Iterator[str]:
    if fmt is Format.tsv:
        yield from _tsv(table, raw=raw)
    else:
        yield from _csv(table, raw=raw)


def _tsv(table: tuple[list[str], list[dict[str, Any]]], *, raw: bool) -> Iterator[str]:
    # One row per line, no quoting: what cut, awk and a spreadsheet's paste all read.
    columns, rows = table
    yield "\t".join(columns) + "\n"
    for row in rows:
        yield "\t".join(tsv_cell(csv_cell(_scalar(row[c]), raw=raw)) for c in columns) + "\n"


def tsv_cell(value: Any) -> str:
    r"""A value as one TSV cell: tabs and line breaks become spaces, other control characters are written out.

    >>> tsv_cell("a\tb\r\nc\x1b")
    'a b c\\x1b'
    """
    text = "" if value is None else str(value)
    return printable(_LINE_BREAKS.sub(" ", text.replace("\t", " ")), one_line=True)


def _csv(table: tuple[list[str], list[dict[str, Any]]], *, raw: bool) -> Iterator[str]:
    columns, rows = table
    buf = io.StringIO()
    # RFC 4180 line ends: with "\n" alone, csv leaves a cell holding a lone "\r" unquoted.
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    yield buf.getvalue()
    for row in rows:
        buf.seek(0)
        buf.truncate()
        writer.writerow([csv_cell(_scalar(row[c]), raw=raw) for c in columns])
        yield buf.getvalue()


def _scalar(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)  # 5000, not 5000.0: the number as a reader writes it
    return value


def _report_csv(report: Report, *, only: str | Iterable[str] | None, raw_csv: bool,
                all_figures: bool = False) -> Iterator[str]:
    yield from _csv(_finding_table(report, only), raw=raw_csv)


def _report_tsv(report: Report, *, only: str | Iterable[str] | None, raw_csv: bool,
                all_figures: bool = False) -> Iterator[str]:
    yield from _tsv(_finding_table(report, only), raw=raw_csv)


# --- JSON ----------------------------------------------------------------------------

def report_dict(report: Report, *, only: str | Iterable[str] | None = None) -> dict[str, Any]:
    """The JSON report as a dict: ``articles``, ``claims``, ``findings``, ``figures``, ``skipped``.

    ``claims`` are :meth:`Claim.to_dict` (with ``id``, ``source``, ``start``, ``end``),
    ``findings`` have ``status``, ``a``, ``b`` (claim ids), ``topic``, ``reason``,
    ``score``, ``aligned_because``: the contract the benchmark scorer reads. ``figures``
    group the claims of one quantity (see :mod:`reconcile.figures`): ``id``, ``story``,
    ``name``, ``status``, ``claims`` (ids, earliest first), ``gap``, ``sources``,
    ``disagreeing`` and their ``pairs`` (``status``, ``a``, ``b``).
    """
    return {key: list(items) for key, items in _json_sections(report, only).items()}


def _json_sections(report: Report, only: str | Iterable[str] | None) -> dict[str, Iterable[dict[str, Any]]]:
    """Each key of the JSON report with its items, made one at a time as they are written."""
    return {
        "articles": (
            {"source": a.source, "outlet": a.outlet, "published": a.published, "url": a.url, "title": a.title}
            for a in report.articles
        ),
        "claims": (c.to_dict() for c in report.claims),
        "findings": (
            {
                "status": f.status, "a": f.a, "b": f.b, "topic": f.topic, "reason": f.reason,
                "score": f.score, "aligned_because": list(f.aligned_because),
            }
            for f, _, _ in _pairs(report, only)
        ),
        "figures": (_figure_dict(fig) for fig in _figures(report, only)),
        "skipped": ({"name": s.name, "problem": s.problem, "hint": s.hint} for s in report.skipped),
    }


def _figures(report: Report, only: str | Iterable[str] | None) -> list[Figure]:
    """The figures whose status ``only`` keeps, in rank order."""
    wanted = parse_statuses(only)
    return [fig for fig in report_figures(report) if fig.status in wanted]


def _figure_dict(fig: Figure) -> dict[str, Any]:
    return {
        "id": fig.id, "story": fig.story, "name": fig.name, "status": fig.status, "claims": list(fig.claims),
        "gap": fig.gap, "sources": fig.sources, "disagreeing": fig.disagreeing,
        "pairs": [{"status": f.status, "a": f.a, "b": f.b} for f in fig.findings],
    }


def _dumps(obj: Any, *, indent: int | None) -> str:
    return json.dumps(
        to_jsonable(obj), indent=indent, sort_keys=True, ensure_ascii=False, allow_nan=False,
        separators=(",", ": ") if indent else (",", ":"),
    )


def _report_json(report: Report, *, only: str | Iterable[str] | None, raw_csv: bool,
                 all_figures: bool = False) -> Iterator[str]:
    # item by item, so that a report of 100,000 claims is never a dict in memory whole;
    # the text is what json.dumps(report_dict(...), indent=2, sort_keys=True) gives
    sections = _json_sections(report, only)
    keys = sorted(sections)
    yield "{\n"
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        items = iter(sections[key])
        item = next(items, _NONE)
        if item is _NONE:
            yield f"  {json.dumps(key)}: []{comma}\n"
            continue
        yield f"  {json.dumps(key)}: [\n"
        for following in items:
            yield _nested(item) + ",\n"
            item = following
        yield _nested(item) + f"\n  ]{comma}\n"
    yield "}\n"


_NONE = object()


def _nested(item: Any) -> str:
    """``item`` as JSON two levels deep: its lines indented as they are inside the whole report."""
    return "\n".join("    " + line for line in _dumps(item, indent=2).split("\n"))


def _report_jsonl(report: Report, *, only: str | Iterable[str] | None, raw_csv: bool,
                  all_figures: bool = False) -> Iterator[str]:
    columns, rows = _finding_table(report, only)
    for row in rows:
        yield _dumps({c: _json_scalar(row[c]) for c in columns}, indent=None) + "\n"


def _json_scalar(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    return None if isinstance(value, float) and value != value else value  # NaN: unbounded, or unknown


# --- HTML ----------------------------------------------------------------------------

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem}.summary{color:#555}
.filter{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:.4rem .8rem}
.filter label{margin-right:1.2rem;cursor:pointer}
.figure,.finding{border:1px solid #ddd;border-left:6px solid #999;border-radius:6px;margin:1rem 0;padding:.6rem .9rem}
.conflict{border-left-color:#c62828}.update{border-left-color:#ef8f00}
.agree{border-left-color:#2e7d32}.review{border-left-color:#6a1b9a}
.figure header,.finding header{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
.status{font-weight:700;text-transform:uppercase;font-size:.8rem;letter-spacing:.05em}
.conflict .status{color:#c62828}.update .status{color:#ef8f00}.agree .status{color:#2e7d32}
.review .status{color:#6a1b9a}
.name,.topic{font-weight:600}.detail{color:#555}.timeline{margin:.3rem 0}.reason{margin:.3rem 0 .6rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #eee}
th{font-weight:600;color:#444;border-bottom:1px solid #ccc}
td.value{font-weight:700;white-space:nowrap}td.sentence{min-width:20rem}
ul.reasons{margin:.4rem 0 0;padding-left:1.2rem;color:#333}
details.agreements{margin:1rem 0}details.agreements>summary{cursor:pointer;color:#2e7d32;font-weight:600}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.side{background:#fafafa;border-radius:4px;padding:.5rem .7rem}
.who{font-size:.85rem;color:#444}.value{font-weight:700}
blockquote{margin:.4rem 0 0;white-space:pre-wrap}mark{background:#ffe082;padding:0 .1em}
@media (max-width:700px){.pair{grid-template-columns:1fr}}
"""

_JS = """
document.querySelectorAll('.filter input').forEach(function (box) {
  box.addEventListener('change', function () {
    document.querySelectorAll('[data-status="' + box.value + '"]').forEach(function (el) {
      el.hidden = !box.checked;
    });
  });
});
"""

_WEB_URL = re.compile(r"https?://", re.I)  # links to anything else (javascript:, data:) are not made
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def highlighted_sentence(claim: Claim) -> str:
    """The claim's sentence, escaped, with its number inside ``<mark>``.

    >>> from reconcile.model import Quantity
    >>> q = Quantity("5", 10, 11, 5, 5)
    >>> highlighted_sentence(Claim("c1", "s", 10, 11, "<b> said 5 & more", 1, "", q))
    '&lt;b&gt; said <mark>5</mark> &amp; more'
    """
    parts = _sentence_parts(claim)
    if parts is None:
        return _e(claim.sentence)
    before, number, after = parts
    return f"{_e(before)}<mark>{_e(number)}</mark>{_e(after)}"


def _html_source(source: str, article: Article | None) -> str:
    """The source's name, linked to its URL when the URL is a web address."""
    url = article.url if article is not None else None
    if url and _WEB_URL.match(url):
        return f'<a href="{_e(url)}" rel="noreferrer noopener">{_e(source)}</a>'
    return _e(source)


def html_title(report: Report) -> str:
    """The page's title: the story's name for one story, else how many stories.

    >>> html_title(Report([], [], []))
    'reconcile report'
    """
    names = [s.name for s in report.stories]
    if len(names) == 1 and names[0]:
        return names[0]
    if len(names) > 1:
        return f"{TITLE}: {len(names)} stories"
    return TITLE


def _html_side(label: str, claim: Claim, articles: Mapping[str, Article]) -> str:
    article = articles.get(claim.source)
    who = [f"<b>{_html_source(claim.source, article)}</b>"]
    if article is not None and article.outlet:
        who.append(_e(article.outlet))
    if article is not None and article.published:
        who.append(f"published {article.published.isoformat()}")
    if claim.speaker:
        who.append(f"said by {_e(claim.speaker)}")
    if time_cell(claim):
        who.append(_e(time_cell(claim)))
    return (
        f'<div class="side"><div class="who">{label}: {" · ".join(who)}</div>'
        f'<div class="value">{_e(claim.quantity.describe())}</div>'
        f"<blockquote>{highlighted_sentence(claim)}</blockquote></div>"
    )


def _html_figure(fig: Figure, claims: Mapping[str, Claim], articles: Mapping[str, Article]) -> str:
    """One figure: heading, the timeline of an update, a row per claim, the pairs' reasons."""
    members = _figure_claims(fig, claims)
    out = [
        f'<article class="figure {fig.status}" data-status="{fig.status}" id="{_e(fig.id)}">'
        f'<header><span class="status">{fig.status}</span><span class="name">{_e(fig.name)}</span>'
        f'<span class="detail">{_e(_figure_detail(fig))}</span></header>\n'
    ]
    if fig.status == "update":
        out.append(f'<p class="timeline">{_e(_timeline(members, articles))}</p>\n')
    out.append('<div class="scroll"><table><thead><tr>'
               + "".join(f"<th>{c}</th>" for c in FIGURE_CLAIM_COLUMNS) + "</tr></thead><tbody>\n")
    for c in members:
        article = articles.get(c.source)
        outlet = article.outlet if article is not None else None
        published = article.published.isoformat() if article is not None and article.published else ""
        out.append(
            f"<tr><td>{_html_source(c.source, article)}</td><td>{_e(outlet)}</td><td>{published}</td>"
            f"<td>{_e(c.speaker)}</td><td>{_e(c.quantity.text)}</td>"
            f'<td class="value">{_e(c.quantity.describe())}</td><td>{_e(time_cell(c))}</td>'
            f'<td class="sentence">{highlighted_sentence(c)}</td></tr>\n'
        )
    out.append("</tbody></table></div>\n")
    reasons = _reasons(fig, claims)
    if reasons:
        out.append('<ul class="reasons">' + "".join(f"<li>{_e(line)}</li>" for line in reasons) + "</ul>\n")
    out.append("</article>\n")
    return "".join(out)


def _html_review(f: Finding, a: Claim, b: Claim, articles: Mapping[str, Article]) -> str:
    return (
        f'<article class="finding review" data-status="review">'
        f'<header><span class="status">review</span><span class="topic">{_e(f.topic)}</span></header>'
        f'<p class="reason">{_e(f.reason)}</p><div class="pair">'
        f"{_html_side('A', a, articles)}{_html_side('B', b, articles)}</div></article>\n"
    )


def _report_html(report: Report, *, only: str | Iterable[str] | None, raw_csv: bool,
                 all_figures: bool = False) -> Iterator[str]:
    views = _view(report, only=only, all_figures=all_figures)
    claims = {c.id: c for c in report.claims}
    articles = _by_source(report.articles)
    several = _several_stories(report)
    title = html_title(report)
    yield (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{_e(title)}</h1>\n<p class=\"summary\">{_e(summary(report))}</p>\n"
    )
    counts = {s: 0 for s in STATUSES}
    for view in views:
        for fig in (*view.figures, *view.collapsed):
            counts[fig.status] += 1
        counts["review"] += len(view.reviews)
    boxes = [f'<label><input type="checkbox" value="{s}" checked> {s} ({counts[s]})</label>'
             for s in parse_statuses(only)]
    yield f'<fieldset class="filter"><legend>Show</legend>{"".join(boxes)}</fieldset>\n'
    if not views:
        yield "<p>No findings.</p>\n"
    for view in views:
        if not (view.figures or view.collapsed):
            continue
        yield f'<section class="story"><h2>{_e(_story_title(view))}</h2>\n' if several else '<section class="story">\n'
        for fig in view.figures:
            yield _html_figure(fig, claims, articles)
        if view.collapsed:
            # in the page, not left out: a click opens them, and the filter hides them all at once
            yield (f'<details class="agreements" data-status="agree"><summary>'
                   f"{_e(_agree_line(len(view.collapsed), hint=False))}</summary>\n")
            for fig in view.collapsed:
                yield _html_figure(fig, claims, articles)
            yield "</details>\n"
        yield "</section>\n"
    if any(view.reviews for view in views):
        yield '<section class="reviews" data-status="review"><h2>To review</h2>\n'
        for view in views:
            if not view.reviews:
                continue
            if several:
                yield f"<h3>{_e(_story_title(view))}</h3>\n"
            for f, a, b in view.reviews:
                yield _html_review(f, a, b, articles)
        yield "</section>\n"
    if report.articles:
        yield ("<h2>Sources</h2>\n<table><thead><tr><th>source</th><th>outlet</th><th>published</th></tr></thead>"
               "<tbody>\n")
        for a in report.articles:
            published = a.published.isoformat() if a.published else ""
            yield f"<tr><td>{_html_source(a.source, a)}</td><td>{_e(a.outlet)}</td><td>{published}</td></tr>\n"
        yield "</tbody></table>\n"
    if report.skipped:
        yield "<h2>Skipped inputs</h2>\n<ul>\n"
        for s in report.skipped:
            hint = f" ({_e(s.hint)})" if s.hint else ""
            yield f"<li><code>{_e(s.name)}</code>: {_e(s.problem)}{hint}</li>\n"
        yield "</ul>\n"
    yield f"<script>{_JS}</script>\n</body>\n</html>\n"


# --- terminal table --------------------------------------------------------------------

def report_table(report: Report, *, only: str | Iterable[str] | None = None, all_figures: bool = False) -> Any:
    """The report for a wide terminal, as a :class:`rich.console.Group`.

    The summary, then one table per figure in rank order: a heading (status, name, how far
    apart the values are), an update's timeline, a row per claim (source with its outlet,
    publication date and speaker; number as written, value, time, sentence with the
    number in bold), and the pairs' reasons under it. Agreements are collapsed to a count
    unless ``all_figures`` (default ``False``) or ``only`` names them; the pairs to review
    follow as one table. ``only`` (default ``None``: all) keeps some statuses.
    """
    return _terminal_view(report, only=only, all_figures=all_figures, wide=True)


def report_cards(report: Report, *, only: str | Iterable[str] | None = None, all_figures: bool = False) -> Any:
    """The report for a terminal narrower than :data:`CARD_WIDTH`: one stacked card per figure.

    A card: status, name and how far apart the values are; then per claim its value (and
    the number as written), source, outlet, date, speaker and time, with the sentence
    under them ("then" before each later value of an update); then the pairs' reasons.
    Same order and options as :func:`report_table`; each pair to review is a card too.
    """
    return _terminal_view(report, only=only, all_figures=all_figures, wide=False)


def _terminal_view(report: Report, *, only: str | Iterable[str] | None, all_figures: bool, wide: bool) -> Any:
    from rich.console import Group
    from rich.text import Text

    views = _view(report, only=only, all_figures=all_figures)
    claims = {c.id: c for c in report.claims}
    articles = _by_source(report.articles)
    several = _several_stories(report)
    parts: list[Any] = [Text(printable(summary(report)))]
    if only is not None:
        parts.append(Text(f"Showing: {', '.join(parse_statuses(only))}."))
    if not views:
        parts.extend([Text(""), Text("No findings.")])
    figure = _figure_table if wide else _figure_card
    for view in views:
        if not (view.figures or view.collapsed):
            continue
        if several:
            parts.extend([Text(""), Text(printable(_story_title(view), one_line=True), style="bold underline")])
        for fig in view.figures:
            parts.extend([Text(""), figure(fig, claims, articles)])
        if view.collapsed:
            parts.extend([Text(""), Text(_agree_line(len(view.collapsed)), style=_STATUS_STYLE["agree"])])
    if any(view.reviews for view in views):
        parts.extend([Text(""), Text("To review", style="bold")])
        for view in views:
            if not view.reviews:
                continue
            if several:
                parts.append(Text(printable(_story_title(view), one_line=True), style="bold"))
            if wide:
                parts.append(_review_table(view.reviews, articles))
            else:
                for f, a, b in view.reviews:
                    parts.extend([Text(""), _review_card(f, a, b, articles)])
    return Group(*parts)


def _figure_heading(fig: Figure) -> Any:
    from rich.text import Text

    head = Text(fig.status, style=_STATUS_STYLE.get(fig.status, ""))
    head.append(" ")
    head.append(printable(fig.name, one_line=True), style="bold")
    head.append(f" · {_figure_detail(fig)}")
    return head


def _figure_table(fig: Figure, claims: Mapping[str, Claim], articles: Mapping[str, Article]) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    members = _figure_claims(fig, claims)
    title = _figure_heading(fig)
    if fig.status == "update":
        title.append(f"\n{printable(_timeline(members, articles), one_line=True)}", style="not bold")
    # The console's width, shared in fixed ratios: every figure's table has its columns in
    # the same places. A ratio column's ``width`` is its least: a resolved range,
    # "(2016-03-01..2016-05-31)", stays on one line. The speaker shares the source's cell,
    # which leaves the sentence room at 120 columns.
    table = Table(title=title, title_justify="left", title_style="not italic", expand=True, show_lines=True)
    for header, kwargs in (
        ("source", {"ratio": 3}), ("number", {"ratio": 2}), ("value", {"no_wrap": True}),
        ("time", {"ratio": 2, "width": 24}), ("sentence", {"ratio": 7}),
    ):
        table.add_column(header, overflow="fold", **kwargs)  # folded, never cut short with an ellipsis
    for c in members:
        who = _source_text(c.source, articles.get(c.source))
        if c.speaker:
            who.append(f"\nsaid by {printable(c.speaker, one_line=True)}")
        table.add_row(who, _plain(c.quantity.text), _plain(c.quantity.describe()), _plain(time_cell(c)),
                      _sentence_text(c))
    return Group(table, *(Padding(Text(printable(line)), (0, 0, 0, 2)) for line in _reasons(fig, claims)))


def _figure_card(fig: Figure, claims: Mapping[str, Claim], articles: Mapping[str, Article]) -> Any:
    from rich.table import Table
    from rich.text import Text

    card = Table.grid(padding=(0, 1))
    card.add_column(no_wrap=True, width=max(map(len, STATUSES)))
    card.add_column()
    heading = _figure_heading(fig)
    status, rest = heading[: len(fig.status)], heading[len(fig.status) + 1:]
    card.add_row(status, rest)
    for i, c in enumerate(_figure_claims(fig, claims)):
        label = "then" if fig.status == "update" and i else "•"
        card.add_row(Text(label, style="dim", justify="right"), _claim_card_text(c, articles.get(c.source)))
    for line in _reasons(fig, claims):
        card.add_row(Text("why", style="dim"), Text(printable(line)))
    return card


def _source_text(source: str, article: Article | None) -> Any:
    """A source's name in bold, its outlet and publication date under it."""
    from rich.text import Text

    text = Text(printable(source, one_line=True), style="bold")
    about = _about(article)
    if about:
        text.append(f"\n{printable(about, one_line=True)}", style="dim")
    return text


def _about(article: Article | None) -> str:
    if article is None:
        return ""
    return ", ".join(x for x in (article.outlet, article.published.isoformat() if article.published else None) if x)


def _claim_card_text(c: Claim, article: Article | None) -> Any:
    """A claim on a card: value (and the number as written), source (outlet, date), speaker and
    time; the sentence indented under them."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    value = c.quantity.describe()
    text = Text(printable(value, one_line=True), style="bold")
    written = c.quantity.text.strip()
    if written and written != value:
        text.append(f" “{printable(written, one_line=True)}”")
    text.append(" · ")
    text.append(printable(c.source, one_line=True), style="bold")
    about = _about(article)
    if about:
        text.append(f" ({printable(about, one_line=True)})")
    for extra in (c.speaker, time_cell(c)):
        if extra:
            text.append(f" · {printable(extra, one_line=True)}")
    # the sentence indented under the line it belongs to, so that claims stay apart on a narrow screen
    return Group(text, Padding(_sentence_text(c, style="dim"), (0, 0, 0, 2)))


def _sentence_text(claim: Claim, *, style: str = "") -> Any:
    """The claim's sentence on one line, in ``style``, its number in bold and underlined (never markup)."""
    from rich.text import Text

    def clean(t: str) -> str:
        return printable(_LINE_BREAKS.sub(" ", t))

    parts = _sentence_parts(claim)
    if parts is None:
        return Text(clean(claim.sentence), style=style)
    before, number, after = parts
    text = Text(clean(before), style=style)
    text.append(clean(number), style="bold underline")
    text.append(clean(after), style=style)
    return text


def _review_table(reviews: Sequence[tuple[Finding, Claim, Claim]], articles: Mapping[str, Article]) -> Any:
    """Pairs to review, one row each: topic, side A, value A, side B, value B, reason."""
    from rich.table import Table

    table = Table(show_lines=True, expand=True)
    for header, kwargs in (
        ("topic", {"ratio": 2}), ("A", {"ratio": 4}), ("value A", {"no_wrap": True}),
        ("B", {"ratio": 4}), ("value B", {"no_wrap": True}), ("reason", {"ratio": 3}),
    ):
        table.add_column(header, **kwargs)
    for f, a, b in reviews:
        table.add_row(
            _plain(f.topic), _side_text(a, article=articles.get(a.source)), _plain(a.quantity.describe()),
            _side_text(b, article=articles.get(b.source)), _plain(b.quantity.describe()), _plain(f.reason),
        )
    return table


def _review_card(f: Finding, a: Claim, b: Claim, articles: Mapping[str, Article]) -> Any:
    from rich.table import Table
    from rich.text import Text

    card = Table.grid(padding=(0, 1))
    card.add_column(no_wrap=True, width=max(map(len, STATUSES)))
    card.add_column()
    card.add_row(Text("review", style=_STATUS_STYLE["review"]), Text(printable(f.topic, one_line=True), style="bold"))
    for label, c in (("A", a), ("B", b)):
        card.add_row(Text(label, style="bold"), _side_text(c, value=True, article=articles.get(c.source)))
    card.add_row(Text("why", style="dim"), _plain(f.reason))
    return card


def sources_table(articles: Sequence[Article]) -> Table:
    """Source, outlet, publication date and URL of each article, as a :class:`rich.table.Table`."""
    from rich.table import Table

    table = Table(title="Sources", title_justify="left", box=None, show_header=True, pad_edge=False)
    for header in ("source", "outlet", "published", "url"):
        table.add_column(header, overflow="fold")
    for row in _source_rows(articles):
        table.add_row(*(_plain(v) for v in row))
    return table


def _side_text(claim: Claim, *, value: bool = False, article: Article | None = None) -> Any:
    from rich.text import Text

    text = Text()
    if value:  # a card leads with the number, the point of the comparison
        text.append(printable(claim.quantity.describe(), one_line=True), style="bold")
        text.append(" · ")
    text.append(printable(claim.source, one_line=True), style="bold")
    if article is not None and (article.outlet or article.published):
        about = ", ".join(x for x in (article.outlet, article.published.isoformat() if article.published else None) if x)
        text.append(f" ({printable(about, one_line=True)})")
    for extra in (claim.speaker, time_cell(claim)):
        if extra:
            text.append(f" · {printable(extra)}")
    if claim.quote:
        text.append(f"\n“{printable(claim.quote)}”", style="dim")
    return text


def _plain(value: Any) -> Any:
    """A table cell shown as it is written: no rich markup, no emoji codes, no control characters."""
    from rich.text import Text

    return Text(printable(value))


CLAIM_TABLE_COLUMNS = ("id", "source", "number", "value", "thing", "event", "place", "time", "speaker", "quote")
"""The columns of the terminal table of claims; ``place`` is the claim's scope ("in Sirte")."""


def claims_table(claims: Sequence[Claim], *, articles: Iterable[Article] = ()) -> Table:
    """The claims as a :class:`rich.table.Table` with the columns :data:`CLAIM_TABLE_COLUMNS`.

    ``articles`` (default none) add each source's outlet and publication date under its name.
    """
    from rich.table import Table
    from rich.text import Text

    by_source = _by_source(articles)
    table = Table(title=_plural(len(claims), "claim"), title_justify="left")
    for header in CLAIM_TABLE_COLUMNS:
        table.add_column(header, no_wrap=header in ("id", "value"))
    for c in claims:
        row = _claim_row(c, by_source.get(c.source))
        cells = [_plain(row[h]) for h in CLAIM_TABLE_COLUMNS]
        about = ", ".join(x for x in (row["outlet"], row["published"]) if x)
        if about:
            cells[1] = Text(printable(c.source)).append(f"\n{printable(about)}", style="dim")
        table.add_row(*cells)
    return table


def _render_rich(*renderables: Any) -> Iterator[str]:
    from rich.console import Console

    buf = io.StringIO()
    Console(file=buf, width=TABLE_WIDTH, color_system=None, force_terminal=False, legacy_windows=False).print(*renderables)
    yield "".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines())


def _report_table_text(report: Report, *, only: str | Iterable[str] | None, raw_csv: bool,
                       all_figures: bool = False) -> Iterator[str]:
    yield from _render_rich(report_table(report, only=only, all_figures=all_figures))
    if report.articles:
        yield "\n"
        yield from _render_rich(sources_table(report.articles))
    if report.skipped:
        yield "\nSkipped inputs:\n"
        for s in report.skipped:
            yield f"  {_skipped_line(s)}\n"


def _skipped_line(s: Any) -> str:
    return printable(f"{s.name}: {s.problem}" + (f" ({s.hint})" if s.hint else ""), one_line=True)


_REPORT_WRITERS: dict[Format, Callable[..., Iterator[str]]] = {
    Format.markdown: _markdown,
    Format.csv: _report_csv,
    Format.json: _report_json,
    Format.jsonl: _report_jsonl,
    Format.html: _report_html,
    Format.table: _report_table_text,
    Format.tsv: _report_tsv,
}


def _claims_chunks(
    claims: Sequence[Claim], fmt: Format, *, raw_csv: bool, articles: Iterable[Article] = ()
) -> Iterator[str]:
    if fmt in SPREADSHEET_FORMATS:
        yield from _delimited(_claim_table(claims, articles), fmt, raw=raw_csv)
    elif fmt is Format.json:
        yield _dumps([_claim_dict(c, articles) for c in claims], indent=2) + "\n"
    elif fmt is Format.jsonl:
        by_source = _by_source(articles)
        for c in claims:
            yield _dumps(_claim_dict(c, by_source), indent=None) + "\n"
    elif fmt is Format.table:
        yield from _render_rich(claims_table(claims, articles=articles))
    else:
        raise OutputError(f"claims cannot be written as {fmt.value}; use one of {', '.join(f.value for f in CLAIM_FORMATS)}")


def _claim_dict(c: Claim, articles: Iterable[Article] | Mapping[str, Article]) -> dict[str, Any]:
    """:meth:`Claim.to_dict`, with the article's ``outlet``, ``published`` and ``url`` when it is known."""
    by_source = articles if isinstance(articles, Mapping) else _by_source(articles)
    out = c.to_dict()
    article = by_source.get(c.source)
    if article is not None:
        out.update(outlet=article.outlet, published=article.published, url=article.url)
    return out


# --- entry points -------------------------------------------------------------------------

def format_for(out: str | os.PathLike[str] | None, fmt: Format | str | None, *, default: Format) -> Format:
    """The format asked for: ``fmt`` if given, else the suffix of ``out``, else ``default``.

    ``fmt`` may also be one of :data:`FORMAT_ALIASES` (``md``).

    >>> format_for("report.html", None, default=Format.markdown).value
    'html'
    >>> format_for(None, "md", default=Format.table).value
    'markdown'
    """
    if fmt is not None:
        if isinstance(fmt, str) and fmt.lower() in FORMAT_ALIASES:
            return FORMAT_ALIASES[fmt.lower()]
        try:
            return Format(fmt.lower() if isinstance(fmt, str) else fmt)
        except ValueError as e:
            raise OutputError(f"unknown format {fmt!r}; use one of {', '.join(f.value for f in Format)}") from e
    if out is None:
        return default
    suffix = Path(out).suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise OutputError(
            f"cannot tell the format from {Path(out).name!r}; name it .md, .csv, .tsv, .json, .jsonl, .html "
            "or .txt, or pass --format"
        )
    return SUFFIX_FORMATS[suffix]


def render_report(
    report: Report, fmt: Format | str = Format.markdown, *, only: str | Iterable[str] | None = None,
    all_figures: bool = False, raw_csv: bool = False, excel: bool = False,
) -> str:
    """The report as text in ``fmt`` (default markdown); see :func:`write_report`."""
    return encodable("".join(_report_chunks(report, Format(fmt), only=only, all_figures=all_figures,
                                            raw_csv=raw_csv, excel=excel)))


def render_claims(
    claims: Sequence[Claim], fmt: Format | str = Format.jsonl, *, articles: Iterable[Article] = (),
    raw_csv: bool = False, excel: bool = False,
) -> str:
    """The claims as text in ``fmt``: ``table``, ``csv``, ``tsv``, ``json`` or ``jsonl`` (default); see :func:`write_claims`."""
    return encodable("".join(_with_bom(_claims_chunks(claims, Format(fmt), raw_csv=raw_csv, articles=articles),
                                       Format(fmt), excel)))


def _report_chunks(
    report: Report, fmt: Format, *, only: str | Iterable[str] | None, all_figures: bool, raw_csv: bool, excel: bool
) -> Iterator[str]:
    return _with_bom(_REPORT_WRITERS[fmt](report, only=only, raw_csv=raw_csv, all_figures=all_figures), fmt, excel)


def check_excel(fmt: Format | str, excel: bool) -> None:
    """:class:`OutputError` when ``excel`` is asked of a format other than CSV and TSV."""
    if excel and Format(fmt) not in SPREADSHEET_FORMATS:
        raise OutputError(f"--excel applies to CSV and TSV, not {Format(fmt).value}; drop it, or use --format csv")


def _with_bom(chunks: Iterator[str], fmt: Format, excel: bool) -> Iterator[str]:
    check_excel(fmt, excel)
    if not excel:
        return chunks
    return itertools.chain(["\ufeff"], chunks)  # the byte-order mark Excel needs to read UTF-8


def write_report(
    report: Report,
    fmt: Format | str = Format.markdown,
    *,
    out: str | os.PathLike[str] | None = None,
    only: str | Iterable[str] | None = None,
    all_figures: bool = False,
    raw_csv: bool = False,
    excel: bool = False,
    stream: TextIO | None = None,
) -> None:
    """Write the report in ``fmt`` to ``out``, or to ``stream`` when ``out`` is ``None``.

    Markdown, HTML and the terminal table show figures (see :mod:`reconcile.figures`),
    ranked: conflicts, by how far apart the values are and how many sources disagree;
    updates as a timeline; agreements collapsed to a count (in HTML, a closed
    ``<details>``); then the pairs to review. CSV, TSV, JSON Lines and JSON stay pairwise,
    one row per finding, with its figure's id.

    Parameters
    ----------
    report
        What to write.
    fmt
        A :class:`Format` (default markdown).
    out
        A file to write atomically (default ``None``: write to ``stream``). Never one
        of the report's input files (``Article.path``).
    only
        A status or statuses to keep (default ``None``: all): figures by their status,
        and the pairs to review by ``review``.
    all_figures
        List agreeing figures in full instead of counting them (default ``False``; they
        are listed anyway when ``only`` names ``agree``).
    raw_csv
        Write CSV and TSV cells untouched, formula-like ones included (default ``False``).
    excel
        Start a CSV or TSV with a UTF-8 byte-order mark, so that Excel reads it as
        UTF-8 (default ``False``).
    stream
        Where to write when ``out`` is ``None`` (default ``None``: ``sys.stdout``).

    Raises
    ------
    OutputError
        ``out`` is an input file, a folder, or in a folder that does not exist, or
        cannot be written; ``excel`` with a format other than CSV or TSV.
    """
    parse_statuses(only)  # fail before a byte is written
    chunks = _report_chunks(report, Format(fmt), only=only, all_figures=all_figures, raw_csv=raw_csv, excel=excel)
    inputs = [a.path for a in report.articles if a.path]
    _emit(chunks, out=out, stream=stream, inputs=inputs)


def write_claims(
    claims: Sequence[Claim],
    fmt: Format | str = Format.jsonl,
    *,
    out: str | os.PathLike[str] | None = None,
    inputs: Iterable[str] = (),
    articles: Iterable[Article] = (),
    raw_csv: bool = False,
    excel: bool = False,
    stream: TextIO | None = None,
) -> None:
    """Write claims as ``table``, ``csv``, ``tsv``, ``json`` or ``jsonl`` (default), like :func:`write_report`.

    ``inputs`` are the paths the claims were read from, which ``out`` must not be;
    ``articles`` (default none) give each claim its outlet, publication date and URL.
    """
    articles = list(articles)
    inputs = [*inputs, *(a.path for a in articles if a.path)]
    chunks = _with_bom(_claims_chunks(claims, Format(fmt), raw_csv=raw_csv, articles=articles), Format(fmt), excel)
    _emit(chunks, out=out, stream=stream, inputs=inputs)


def _emit(
    chunks: Iterator[str], *, out: str | os.PathLike[str] | None, stream: TextIO | None, inputs: Iterable[str]
) -> None:
    chunks = (encodable(chunk) for chunk in chunks)
    if out is None:
        target = sys.stdout if stream is None else stream
        for chunk in chunks:
            target.write(chunk)
        target.flush()
        return
    path = check_output(out, inputs=inputs)
    write_atomic(path, chunks)


def check_output(out: str | os.PathLike[str], *, inputs: Iterable[str] = ()) -> Path:
    """``out`` as a path, if a report may be written there; else :class:`OutputError`.

    A report goes to a new path or over a regular file: never a folder, a symlink, a
    device, a FIFO or a socket (written through ``os.replace``, a device such as
    ``/dev/null`` would be replaced by a file), nor one of ``inputs``.
    """
    path = Path(out)
    if path.is_dir():
        raise OutputError(f"-o {out} is a folder; name a file in it, e.g. {path / 'report.md'}")
    if not path.parent.is_dir():
        raise OutputError(f"-o {out}: the folder {path.parent} does not exist; create it first")
    _check_target(path)
    target = path.resolve()
    for name in inputs:
        p = Path(name)
        try:
            same = p.resolve() == target or (path.exists() and p.exists() and os.path.samefile(p, path))
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
            same = False
        if same:
            raise OutputError(f"-o {out} is one of the input files; write the report to another file")
    return path


def _check_target(path: Path) -> os.stat_result | None:
    """The status of ``path`` if it is a regular file, ``None`` if it does not exist."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise OutputError(f"-o {path}: cannot be checked ({e.strerror or e})") from e
    if stat.S_ISLNK(st.st_mode):
        raise OutputError(f"-o {path} is a symbolic link; name the file it points to, or a new file")
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"-o {path} is a folder; name a file in it, e.g. {path / 'report.md'}")
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"-o {path} is not a regular file (a device, FIFO or socket); name a new file")
    return st


class _Terminated(BaseException):
    """SIGTERM arrived while a report was being written."""


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """Inside, SIGTERM raises :class:`_Terminated`, so that ``finally`` clean-ups run.

    On leaving, the previous handler is put back and a SIGTERM that arrived is sent
    again, so the process still ends as the signal meant. Only the main thread can
    handle signals; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: Any) -> None:
        raise _Terminated(signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    except _Terminated as e:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
        signal.raise_signal(signal.SIGTERM)
        raise OutputError("writing was stopped by SIGTERM; the previous file is unchanged") from e
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def write_atomic(path: Path, chunks: Iterable[str]) -> None:
    """Write text to ``path`` through a temporary file beside it and :func:`os.replace`.

    If anything fails midway (SIGTERM included), the temporary file is removed and
    ``path`` keeps its previous contents. An existing file keeps its permissions. Only
    a regular file or a new path is written (:class:`OutputError` otherwise).
    """
    before = _check_target(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    with _sigterm_raises():
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies, as for open()
        except OSError as e:
            raise OutputError(f"-o {path}: cannot write in {path.parent} ({e.strerror or e})") from e
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                if before is not None:
                    os.fchmod(fh.fileno(), stat.S_IMODE(before.st_mode))
                for chunk in chunks:
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            _check_target(path)  # still a regular file or nothing: it may have changed meanwhile
            os.replace(tmp, path)
        except BaseException as e:
            tmp.unlink(missing_ok=True)
            if isinstance(e, OSError):
                raise OutputError(f"-o {path}: cannot be written ({e.strerror or e})") from e
            raise


def print_report_table(
    report: Report, console: Console, *, only: str | Iterable[str] | None = None, all_figures: bool = False,
    skipped: bool = True,
) -> None:
    """Print the report on a rich console, in colour if it has any: a table per figure
    (:func:`report_table`), or one card per figure when the console is narrower than
    :data:`CARD_WIDTH` (:func:`report_cards`); then the sources, and the skipped inputs
    unless ``skipped`` is ``False`` (default ``True``; the CLI has named them on the same
    terminal already). ``only`` and ``all_figures`` as for :func:`write_report`."""
    from rich.text import Text

    if console.width < CARD_WIDTH:
        console.print(report_cards(report, only=only, all_figures=all_figures))
    else:
        console.print(report_table(report, only=only, all_figures=all_figures))
    if report.articles:
        console.print()
        console.print(sources_table(report.articles))
    if skipped and report.skipped:
        console.print()
        console.print("Skipped inputs:", style="bold")
        for s in report.skipped:
            console.print(Text(f"  {_skipped_line(s)}"), highlight=False)
