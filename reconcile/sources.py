"""Reading paths into :class:`~reconcile.model.Article` records.

A path may be a file, a folder (walked recursively in sorted order), a glob pattern,
or ``-`` for standard input. Formats, chosen by suffix:

- ``.txt`` / ``.md``: one article; the source name is the file stem. It may open with
  a small header that gives its metadata (see :func:`split_header`): ``Outlet:``,
  ``URL:``, ``Published:`` (and ``Title:``) lines, or YAML-style front matter between
  ``---`` lines. The header is blanked in ``Article.text`` (every character but the
  line breaks becomes a space), so no claim is read from it while offsets and line
  numbers still point into the file as saved.
- ``.html`` / ``.htm``: a saved web page, reduced to the article's main text with
  trafilatura; its title, site name (the outlet), canonical URL and publication date
  become metadata. Offsets then point into the extracted text, which is ``Article.text``.
- ``.jsonl`` / ``.csv``: a collection, one article per record, with a ``text`` field and
  optional ``source``, ``outlet``, ``published``, ``url``, ``title``. A record without a
  source is named ``<file stem>:<n>`` (n the JSONL line, or the CSV data row counted
  from 1 after the header).
- ``-``: standard input, read as plain text (with a header, as above), or as a web page
  when it starts like one; its source name is ``stdin``.

Text is decoded as UTF-8 when it is UTF-8, else as Windows-1252 when that reads it
cleanly (the usual encoding of older Western news files), else as charset-normalizer
guesses; ``encoding=`` forces one. A leading byte-order mark is dropped and line ends
are normalised to ``\\n``, as Python's ``Path.read_text`` does.

Nothing here raises for one bad input: each is reported as a
:class:`~reconcile.model.Skipped` record and the rest are still read. That covers a
JSON line too big or too deep for the parser (a 5,000-digit number, 100,000 nested
brackets), a CSV cell of any length (one bad row is skipped, the rows after it are
read), a text longer than a spaCy pipeline reads at once (:data:`MAX_TEXT_CHARS`), and
a symlink that points at itself. Lone surrogates (``"\\ud800"`` in JSON, an undecodable
byte in a file name) become U+FFFD in text, metadata and source names, so every
writer can encode them. Inside a folder,
``.json`` files (a cluster keeps its ``gold.json`` there), hidden files and unknown
suffixes are passed over silently; named explicitly, they are reported. Two inputs
with the same source name: the first is read, the later one is skipped and named
(source names are the key ``--meta`` and the gold files use, so silently renaming
one would attach the wrong metadata to it). The same file reached twice (a folder and
a glob) is read once.
"""
from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import errno
import fnmatch
import glob
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from reconcile.errors import InputError, MetadataError
from reconcile.model import Article, Skipped

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Inputs larger than this (5 MiB) are skipped; a news article is a few kB."""
MAX_BYTES_LIMIT = 1 << 30
"""The largest ``max_bytes`` accepted (1 GiB): a whole input is held in memory, and
its text is several times its size."""
MAX_TEXT_CHARS = 1_000_000
"""Articles with longer text are skipped: it is spaCy's ``nlp.max_length``, the most a
pipeline reads at once (its parser needs about 1 GB per 100,000 words)."""

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
COLLECTION_SUFFIXES = frozenset({".jsonl", ".csv"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | COLLECTION_SUFFIXES
META_FIELDS = ("outlet", "published", "url", "title")
STDIN_NAME = "-"
STDIN_SOURCE = "stdin"

_GLOB_CHARS = re.compile(r"[*?\[]")
_SNIFF_BYTES = 8192
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Control characters other than tab, newline, form feed and carriage return: text
# files have next to none, binary files plenty.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.05
# cp1252 is preferred when its reading looks as clean as this (charset-normalizer's
# "chaos", 0 = clean): short Western texts otherwise get guessed as cp775 or cp1250.
_WESTERN_MAX_CHAOS = 0.1
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html[\s>])", re.I)
_YEAR = re.compile(r"\d{4}")
HEADER_FIELDS = {"outlet": "outlet", "url": "url", "published": "published", "date": "published", "title": "title"}
"""Header keys (any case) and the metadata field each fills."""
_HEADER_LINE = re.compile(r"[ \t]*([A-Za-z]+)[ \t]*:[ \t]*(.*?)[ \t]*")
_FRONT_MATTER = "---"
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_READ_CHUNK = 1 << 20

_HINT_SUFFIX = (
    "give it a .txt, .md, .html, .htm, .jsonl or .csv name, or pipe it in: reconcile report - < FILE"
)
_HINT_ENCODING = "if you know its encoding, pass it, e.g. --encoding latin-1"


def read_articles(
    paths: Sequence[str],
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | BinaryIO | None = None,
    exclude: Sequence[str] = (),
) -> tuple[list[Article], list[Skipped]]:
    """Read every article the paths name.

    Parameters
    ----------
    paths
        Files, folders, glob patterns, or ``"-"`` for standard input.
    encoding
        Force this text encoding (default ``None``: detect it per file).
    max_bytes
        Skip inputs larger than this many bytes (default :data:`DEFAULT_MAX_BYTES`, 5 MiB).
    stdin
        The stream ``"-"`` reads (default ``None``: ``sys.stdin``).
    exclude
        Glob patterns of files to pass over, silently (default none); see :func:`excluded`.

    Returns
    -------
    tuple of (list of Article, list of Skipped)
        The articles in input order, and every input that was not read, with why.

    Raises
    ------
    InputError
        Only for usage problems: no paths, an unknown ``encoding``, a ``max_bytes``
        below 1 or above :data:`MAX_BYTES_LIMIT`, ``"-"`` given twice.

    Examples
    --------
    >>> articles, skipped = read_articles(["fixtures/inputs/wires.jsonl"])
    >>> [a.source for a in articles], skipped
    (['coastline-wire', 'wires:2'], [])
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in iter_articles(paths, encoding=encoding, max_bytes=max_bytes, stdin=stdin, exclude=exclude):
        (articles if isinstance(item, Article) else skipped).append(item)
    return articles, skipped


def iter_articles(
    paths: Sequence[str],
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | BinaryIO | None = None,
    exclude: Sequence[str] = (),
) -> Iterator[Article | Skipped]:
    """Like :func:`read_articles`, one ``Article`` or ``Skipped`` at a time, as read.

    Files are opened one by one as the iterator is consumed, so thousands of inputs
    never sit in memory together. Usage problems raise :class:`InputError` before
    anything is read.
    """
    _check_usage(paths, encoding=encoding, max_bytes=max_bytes)
    seen_paths: set[str] = set()
    seen_sources: dict[str, str] = {}
    for entry in _expand(paths):
        if isinstance(entry, Skipped):
            yield _clean_skipped(entry)
            continue
        if entry.key in seen_paths or (entry.path is not None and excluded(entry.path, exclude)):
            continue
        seen_paths.add(entry.key)
        for item in _read_entry(entry, encoding=encoding, max_bytes=max_bytes, stdin=stdin):
            if isinstance(item, Skipped):
                yield _clean_skipped(item)
                continue
            article, where = item
            where = clean_text(where)
            if len(article.text) > MAX_TEXT_CHARS:
                yield Skipped(
                    where,
                    f"{len(article.text):,} characters is over the {MAX_TEXT_CHARS:,} a pipeline reads at once",
                    "split it into several articles (e.g. one file per part)",
                )
                continue
            article = dataclasses.replace(article, source=clean_text(article.source))
            first = seen_sources.setdefault(article.source, where)
            if first != where:
                yield Skipped(
                    where,
                    f"source name {article.source!r} is already used by {first}",
                    "give one of them another name (rename the file, or set its source field)",
                )
                continue
            yield article


def excluded(path: str | os.PathLike[str], patterns: Sequence[str]) -> bool:
    """Whether ``path`` matches one of the glob ``patterns``, as ripgrep's ``--glob !PAT`` would.

    A pattern without ``/`` is matched against the file name and each folder name on
    the path (``*.csv``, ``drafts``); one with ``/`` against the whole path as found
    (``fixtures/*/gold*``), where ``**`` spans folders.

    >>> excluded("news/drafts/a.txt", ["drafts"]), excluded("news/a.txt", ["*.csv"])
    (True, False)
    """
    p = Path(path)
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if "/" in pattern:
            if _glob_match(p.parts, Path(pattern).parts) or fnmatch.fnmatchcase(p.as_posix(), pattern):
                return True
        elif any(fnmatch.fnmatchcase(part, pattern) for part in p.parts):
            return True
    return False


def _check_usage(paths: Sequence[str], *, encoding: str | None, max_bytes: int) -> None:
    if isinstance(paths, (str, os.PathLike)):
        raise InputError("paths must be a list of paths, not one string; wrap it: [path]")
    if not paths:
        raise InputError("no input given; name files, folders, glob patterns, or - for stdin")
    if sum(1 for p in paths if str(p) == STDIN_NAME) > 1:
        raise InputError("standard input (-) can be read only once; give - just once")
    if max_bytes < 1:
        raise InputError(f"max_bytes must be at least 1, not {max_bytes}")
    if max_bytes > MAX_BYTES_LIMIT:
        raise InputError(
            f"max_bytes {max_bytes:,} is more than can be held in memory; use at most {MAX_BYTES_LIMIT:,} (1 GiB)"
        )
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError as e:
            raise InputError(
                f"unknown encoding {encoding!r}; use a name such as utf-8, latin-1 or cp1252"
            ) from e


@dataclasses.dataclass(frozen=True, slots=True)
class _Entry:
    path: Path | None  # None for standard input
    name: str  # as the user would recognise it
    explicit: bool  # named on the command line rather than found in a folder

    @property
    def key(self) -> str:
        if self.path is None:
            return STDIN_NAME
        try:
            return str(self.path.resolve())
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
            return str(self.path.absolute())


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[_Entry | Skipped]:
    for raw in paths:
        name = str(raw)
        if name == STDIN_NAME:
            yield _Entry(None, STDIN_NAME, True)
            continue
        path = Path(name)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as e:
            yield Skipped(name, f"cannot be read: {e.strerror or e}", "check the path and its permissions")
            continue
        if is_dir:
            yield from _walk(path, name)
        elif exists:
            yield _Entry(path, name, True)
        elif (problem := _broken_link(path)) is not None:
            yield Skipped(name, problem, "point the link at a file, or name the file itself")
        elif _GLOB_CHARS.search(name):
            matches = _glob(name)
            if not matches:
                yield Skipped(name, "no file matches this pattern", "check the pattern; quote it so the shell does not expand it")
            for match in matches:
                sub = Path(match)
                if sub.is_dir():
                    yield from _walk(sub, match)
                else:
                    # A glob picks what it means to pick, but "*" also catches a
                    # cluster's gold.json: treat matches like a folder's contents.
                    yield from _filter_found([sub])
        else:
            yield Skipped(name, "no such file or folder", "check the spelling of the path")


def _broken_link(path: Path) -> str | None:
    """What is wrong with ``path`` if it is a symlink that leads nowhere, else ``None``."""
    try:
        if not path.is_symlink():
            return None
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symlink loop (the link leads back to itself)"
        return f"symlink to a missing file ({os.readlink(path)})" if e.errno == errno.ENOENT else None
    return None


def _glob(pattern: str) -> list[str]:
    """``glob.glob(pattern, recursive=True)``, sorted, except that ``**`` does not follow
    symlinked folders (as a folder walk does not): following them loops forever on a link
    to a parent folder."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if _GLOB_CHARS.search(part))
    root, wanted = Path(*parts[:fixed]) if fixed else None, parts[fixed:]
    found = [os.path.join(root, "")] if root and _glob_match((), wanted) else []  # "d/**" holds "d/"
    for dirpath, dirs, files in os.walk(root or "."):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = Path(dirpath).relative_to(root or ".").parts
        for f in [*dirs, *files]:
            if not f.startswith(".") and _glob_match((*rel, f), wanted):
                found.append(str(Path(dirpath, f)) if root else str(Path(*rel, f)))
    return sorted(found)


def _glob_match(parts: Sequence[str], wanted: Sequence[str]) -> bool:
    """Whether path ``parts`` match glob segments ``wanted`` (``**``: any number of folders)."""
    # reach[j]: the first i parts can match the first j segments
    reach = [True] + [False] * len(wanted)
    for j, seg in enumerate(wanted):
        if seg == "**":
            reach[j + 1] = reach[j]
    for part in parts:
        nxt = [False] * (len(wanted) + 1)
        for j, seg in enumerate(wanted):
            if seg == "**":
                nxt[j + 1] = nxt[j] or reach[j + 1] or reach[j]
            elif reach[j] and fnmatch.fnmatchcase(part, seg):
                nxt[j + 1] = True
        reach = nxt
        if not any(reach):
            return False
    return reach[-1]


def _walk(folder: Path, name: str) -> Iterator[_Entry | Skipped]:
    found: list[Path] = []
    try:
        for root, dirs, files in os.walk(folder, onerror=_raise):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(Path(root, f) for f in sorted(files) if not f.startswith("."))
    except OSError as e:
        yield Skipped(name, f"folder cannot be read: {e.strerror or e}", "check its permissions")
        return
    entries = list(_filter_found(sorted(found, key=lambda p: p.parts)))
    if not entries:
        yield Skipped(
            name,
            "folder holds no article files (.txt, .md, .html, .htm, .jsonl, .csv)",
            "point at the folder that holds the articles",
        )
    yield from entries


def _raise(error: OSError) -> None:
    raise error


def _filter_found(paths: Iterable[Path]) -> Iterator[_Entry]:
    for p in paths:
        if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith("."):
            yield _Entry(p, str(p), False)


def _read_entry(
    entry: _Entry, *, encoding: str | None, max_bytes: int, stdin: TextIO | BinaryIO | None
) -> Iterator[tuple[Article, str] | Skipped]:
    if entry.path is None:
        yield from _read_stdin(stdin, encoding=encoding, max_bytes=max_bytes)
        return
    path, name = entry.path, entry.name
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        what = "a .json file is not read as an article" if suffix == ".json" else (
            f"{suffix or 'a file without a suffix'} is not an article format"
        )
        hint = "to attach its metadata, pass it with --meta" if suffix == ".json" else _HINT_SUFFIX
        yield Skipped(name, what, hint)
        return
    data = _read_bytes(path, name, max_bytes)
    if isinstance(data, Skipped):
        yield data
        return
    text = _decode(data, name, encoding)
    if isinstance(text, Skipped):
        yield text
        return
    if suffix in TEXT_SUFFIXES:
        yield _text_article(text, source=path.stem, name=name, path=str(path))
    elif suffix in HTML_SUFFIXES:
        yield _html_article(text, source=path.stem, name=name, path=str(path))
    elif suffix == ".jsonl":
        yield from _read_jsonl(text, stem=path.stem, name=name, path=str(path))
    else:
        yield from _read_csv(text, stem=path.stem, name=name, path=str(path))


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes | Skipped:
    try:
        if not path.is_file():
            if (problem := _broken_link(path)) is not None:
                return Skipped(name, problem, "point the link at a file, or remove it")
            return Skipped(name, "not a regular file", "name a file or a folder")
        size = path.stat().st_size
        if size > max_bytes:
            return _too_big(name, size, max_bytes)
        with path.open("rb") as fh:
            data = _read_capped(fh, max_bytes + 1)
    except OSError as e:
        return Skipped(name, f"cannot be read: {e.strerror or e}", "check the file's permissions")
    if len(data) > max_bytes:  # grew while we looked
        return _too_big(name, len(data), max_bytes)
    return data


def _read_capped(stream: Any, limit: int) -> bytes | str:
    """At most ``limit`` bytes (or characters) of ``stream``, read a chunk at a time.

    ``read(limit)`` would allocate ``limit`` bytes up front, whatever the input holds.
    """
    chunks = []
    left = limit
    while left > 0:
        chunk = stream.read(min(left, _READ_CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    if not chunks:
        return b""
    return chunks[0][:0].join(chunks)


def _too_big(name: str, size: int, max_bytes: int) -> Skipped:
    return Skipped(
        name,
        f"{size:,} bytes is over the limit of {max_bytes:,}",
        f"raise the limit with --max-bytes {size}",
    )


def _read_stdin(
    stdin: TextIO | BinaryIO | None, *, encoding: str | None, max_bytes: int
) -> Iterator[tuple[Article, str] | Skipped]:
    import sys

    stream: Any = sys.stdin if stdin is None else stdin
    name = "<stdin>"
    try:
        raw = _read_capped(getattr(stream, "buffer", stream), max_bytes + 1)
    except OSError as e:
        yield Skipped(name, f"cannot be read: {e.strerror or e}", "pipe the articles in, or name the files")
        return
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    if len(data) > max_bytes:
        yield Skipped(name, f"more than {max_bytes:,} bytes", "raise the limit with --max-bytes")
        return
    text = _decode(data, name, encoding)
    if isinstance(text, Skipped):
        yield text
    elif _HTML_START.match(data[:_SNIFF_BYTES]):
        yield _html_article(text, source=STDIN_SOURCE, name=name, path=None)
    else:
        yield _text_article(text, source=STDIN_SOURCE, name=name, path=None)


def split_header(text: str) -> tuple[dict[str, str], str]:
    r"""The metadata a plain-text article's header gives, and the text with the header blanked.

    A header is either YAML-style front matter (a first line ``---``, ``key: value``
    lines, a closing ``---``) or ``key: value`` lines from the very first line on,
    ending at the first line that is not one (blank lines after it belong to it). Keys
    are :data:`HEADER_FIELDS`, in any case (``Date:`` is ``published``); in front
    matter other keys are passed over, while a plain header is only one when every
    line has a known key. Values may be quoted. Without a header, nothing changes.

    The header's characters but its line breaks become spaces, so the text keeps its
    length: offsets and line numbers point into the text as saved.

    >>> article = "Outlet: The Herald\nPublished: 2016-08-02\n\nFive died."
    >>> meta, text = split_header(article)
    >>> meta, text.lstrip(), text.index("Five") == article.index("Five")
    ({'outlet': 'The Herald', 'published': '2016-08-02'}, 'Five died.', True)
    """
    lines = text.split("\n")
    fields: dict[str, str] = {}
    if lines[0].strip() == _FRONT_MATTER:
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in (_FRONT_MATTER, "...")), None)
        if end is None:
            return {}, text
        for line in lines[1:end]:
            m = _HEADER_LINE.fullmatch(line)
            if m and m.group(1).lower() in HEADER_FIELDS:
                fields[HEADER_FIELDS[m.group(1).lower()]] = _unquote(m.group(2))
        n = end + 1
    else:
        n = 0
        while n < len(lines) and (m := _HEADER_LINE.fullmatch(lines[n])) and m.group(1).lower() in HEADER_FIELDS:
            fields[HEADER_FIELDS[m.group(1).lower()]] = _unquote(m.group(2))
            n += 1
        if n == 0:
            return {}, text
    while n < len(lines) and not lines[n].strip():
        n += 1
    blanked = "\n".join(" " * len(line) for line in lines[:n])
    rest = "\n".join(lines[n:])
    return {k: v for k, v in fields.items() if v}, blanked + ("\n" if n < len(lines) else "") + rest


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _text_article(text: str, *, source: str, name: str, path: str | None) -> tuple[Article, str] | Skipped:
    fields, body = split_header(text)
    if not body.strip():
        return Skipped(name, "only a header, no article text", "add the article's text below the header")
    meta: dict[str, Any] = {k: clean_text(v) for k, v in fields.items()}
    if "published" in meta:
        try:
            meta["published"] = parse_date(meta["published"])
        except MetadataError as e:
            return Skipped(name, f"header Published: {e}", "write dates as YYYY-MM-DD, or leave the line out")
    return Article(source=source, text=body, path=path, **meta), name


def _decode(data: bytes, name: str, encoding: str | None) -> str | Skipped:
    if not data.strip():
        return Skipped(name, "empty file", "remove it, or check that it was saved completely")
    head = data[:_SNIFF_BYTES]
    # A NUL means binary unless a BOM or the user says the text is UTF-16 or UTF-32.
    if b"\x00" in head and not head.startswith(_BOMS) and encoding is None:
        return Skipped(name, "binary file, not text", "give the article as text (.txt), a saved page (.html) or a collection (.jsonl, .csv)")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            return Skipped(
                name,
                f"not valid {encoding} (byte {e.start}: {data[e.start:e.start + 1]!r})",
                "drop --encoding to have it detected, or name the right one",
            )
    else:
        text = _detect(data)
        if text is None:
            return Skipped(name, "no text encoding reads it", _HINT_ENCODING)
    text = _normalise(text)
    if not text.strip():
        return Skipped(name, "empty file (only white space)", "remove it, or check that it was saved completely")
    sample = text[:_SNIFF_BYTES]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_RATIO * len(sample):
        return Skipped(name, "binary file, not text (full of control characters)", _HINT_ENCODING)
    return text


def _detect(data: bytes) -> str | None:
    if not data.startswith(_BOMS):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    import charset_normalizer

    if not data.startswith(_BOMS):
        western = charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
        if western is not None and western.chaos <= _WESTERN_MAX_CHAOS:
            return str(western)
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best)


def _normalise(text: str) -> str:
    return clean_text(text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))


def clean_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, which any encoder can write,
    and every NUL by a space.

    JSON can spell one (``"\\ud800"``) and a file name with an undecodable byte holds
    one; neither can be written as UTF-8. A NUL (from a JSON string or a CSV cell) would
    end up inside a claim's quote and sentence. The length is kept, so offsets still hold.

    >>> clean_text("a\\ud800b\\x00c")
    'a\ufffdb c'
    """
    if "\x00" in text:
        text = text.replace("\x00", " ")
    return _SURROGATE.sub("\ufffd", text)


def _clean_skipped(item: Skipped) -> Skipped:
    return Skipped(clean_text(item.name), clean_text(item.problem), clean_text(item.hint))


def _html_article(
    text: str, *, source: str, name: str, path: str | None
) -> tuple[Article, str] | Skipped:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as e:  # trafilatura raises whatever lxml raises on a bad page
        return Skipped(name, f"web page could not be parsed ({type(e).__name__}: {e})", "save the page again, or its text as .txt")
    if doc is None:
        return Skipped(name, "no article text found in the web page", "save the article's text as .txt instead")
    meta = doc if isinstance(doc, dict) else doc.as_dict()
    body = _normalise(meta.get("text") or "")
    if not body.strip():
        return Skipped(name, "no article text found in the web page", "save the article's text as .txt instead")
    published = None
    if meta.get("date"):
        try:
            published = parse_date(meta["date"])
        except MetadataError:
            published = None  # a page's own date is a hint; --meta or --published can set it
    article = Article(
        source=source,
        text=body,
        outlet=meta.get("sitename") or None,
        published=published,
        url=meta.get("url") or None,
        title=meta.get("title") or None,
        path=path,
    )
    return article, name


def _record_article(
    record: Mapping[str, Any], *, default_source: str, where: str, path: str
) -> tuple[Article, str] | Skipped:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(where, "record has no text", 'give each record a non-empty "text" field')
    fields: dict[str, Any] = {}
    for key in ("source", *META_FIELDS):
        value = record.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if not isinstance(value, (str, int, float)):
            return Skipped(where, f"field {key!r} is not text", f'write "{key}" as a string')
        fields[key] = clean_text(str(value).strip())
    if "published" in fields:
        try:
            fields["published"] = parse_date(fields["published"])
        except MetadataError as e:
            return Skipped(where, str(e), "write dates as YYYY-MM-DD, or leave the field empty")
    article = Article(
        source=fields.pop("source", default_source),
        text=_normalise(text),
        path=path,
        **fields,
    )
    return article, where


def _read_jsonl(
    text: str, *, stem: str, name: str, path: str
) -> Iterator[tuple[Article, str] | Skipped]:
    any_record = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        any_record = True
        where = f"{name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skipped(where, f"malformed JSON line ({e.msg}, column {e.colno})", "fix the line; each line must be one JSON object")
            continue
        except (ValueError, RecursionError) as e:  # a 5,000-digit number, brackets 100,000 deep
            yield Skipped(where, f"JSON line too large to read ({_json_limit(e)})", "fix the line; each line must be one JSON object")
            continue
        if not isinstance(record, dict):
            yield Skipped(where, f"line is a JSON {type(record).__name__}, not an object", 'write each article as {"text": ...}')
            continue
        yield _record_article(record, default_source=f"{stem}:{lineno}", where=where, path=path)
    if not any_record:
        yield Skipped(name, "empty collection (no records)", "remove it, or check that it was saved completely")


def _json_limit(error: ValueError | RecursionError) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error).split(":")[0]  # "Exceeds the limit (4300 digits) for integer string conversion"


@contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    """Let a CSV cell be ``limit`` characters long (the default is 131,072) while inside.

    The csv module keeps this limit for the whole process; it is put back on leaving.
    """
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, limit))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _csv_rows(text: str) -> Iterator[list[str] | csv.Error]:
    """The rows of a CSV text; a row the csv module cannot read is its error instead.

    A cell can be as long as the whole text, and one bad row does not end the reading.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    with _csv_field_limit(len(text) + 1):
        rows: list[list[str] | csv.Error] = []
        while True:
            try:
                rows.append(next(reader))
            except StopIteration:
                break
            except csv.Error as e:
                rows.append(e)
    yield from rows


def _text_column(header: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    """Column name (lower-cased) -> index, and the header cells passed over as duplicates.

    Of several columns with one name in different case ("text,Text,TEXT"), the one
    spelled in lower case is read, else the first.
    """
    columns: dict[str, int] = {}
    for i, h in enumerate(header):
        key = h.strip().lower()
        if key not in columns or (h.strip() == key and header[columns[key]].strip() != key):
            columns[key] = i
    ignored = [h for i, h in enumerate(header) if h.strip().lower() in columns and columns[h.strip().lower()] != i]
    return columns, ignored


def _read_csv(
    text: str, *, stem: str, name: str, path: str
) -> Iterator[tuple[Article, str] | Skipped]:
    rows = _csv_rows(text)
    header = next(rows, [])
    if isinstance(header, csv.Error):
        yield Skipped(name, f"malformed CSV ({header})", "save it again as CSV with a header row")
        return
    columns, ignored = _text_column(header)
    if "text" not in columns:
        shown = ", ".join(h for h in header if h) or "none"
        yield Skipped(name, f"CSV has no text column (columns: {shown})", "name the column that holds the article text 'text'")
        return
    if ignored:
        read = ", ".join(repr(header[columns[h.strip().lower()]]) for h in ignored)
        yield Skipped(
            name,
            f"column {', '.join(map(repr, ignored))} ignored: it repeats the name of {read}, which is read",
            "give each column its own name",
        )
    n = 0
    for row in rows:
        if row == []:  # a blank line, as csv.DictReader passes over it
            continue
        n += 1
        where = f"{name}:{n}"
        if isinstance(row, csv.Error):
            yield Skipped(where, f"malformed CSV row ({row})", "fix the row's quoting")
            continue
        record = {k: row[i] if i < len(row) else None for k, i in columns.items()}
        yield _record_article(record, default_source=f"{stem}:{n}", where=where, path=path)
    if n == 0:
        yield Skipped(name, "empty collection (a header, no rows)", "remove it, or add the articles")


# --- metadata -------------------------------------------------------------------

def parse_date(value: str | dt.date) -> dt.date:
    """A calendar date from ``YYYY-MM-DD`` or any form python-dateutil reads with a year.

    >>> parse_date("2 August 2016")
    datetime.date(2016, 8, 2)

    Raises :class:`MetadataError` for anything else: a date without a year would be
    silently filled in from today, which would make reports depend on when they ran.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    from dateutil import parser

    text = str(value).strip()
    if not _YEAR.search(text):
        raise MetadataError(f"{text!r} is not a date with a year; write it as YYYY-MM-DD")
    try:
        return parser.parse(text, default=dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError) as e:
        raise MetadataError(f"{text!r} is not a date; write it as YYYY-MM-DD") from e


def read_metadata(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """Read a ``--meta`` file: source name -> ``{"outlet", "published", "url", "title"}``.

    Accepted shapes:

    - CSV with a ``source`` column and any of ``outlet``, ``published``, ``url``, ``title``;
    - JSON list of such objects;
    - a cluster's ``gold.json``: ``{"articles": {"<source>": {"outlet": ..., "published": ...}}}``;
    - a plain JSON mapping ``{"<source>": {...}}``.

    Other keys are ignored; empty values are dropped; ``published`` becomes a
    :class:`datetime.date`. Raises :class:`MetadataError` saying what to fix.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise MetadataError(f"--meta {p}: cannot be read ({e.strerror or e}); check the path") from e
    text = _detect(raw)
    if text is None:
        raise MetadataError(f"--meta {p}: not text; give a CSV or JSON file")
    text = _normalise(text)
    if p.suffix.lower() == ".csv":
        entries = _meta_csv(text, p)
    elif p.suffix.lower() == ".json":
        entries = _meta_json(text, p)
    else:
        raise MetadataError(f"--meta {p}: give a .csv or .json file")
    out: dict[str, dict[str, Any]] = {}
    for where, source, values in entries:
        clean: dict[str, Any] = {}
        for key in META_FIELDS:
            value = values.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if key == "published":
                try:
                    clean[key] = parse_date(value if isinstance(value, dt.date) else str(value))
                except MetadataError as e:
                    raise MetadataError(f"--meta {p}, {where}: published {e}") from e
            else:
                clean[key] = clean_text(str(value).strip())
        out[clean_text(source)] = clean
    return out


def _meta_csv(text: str, p: Path) -> list[tuple[str, str, Mapping[str, Any]]]:
    try:
        with _csv_field_limit(len(text) + 1):
            rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except csv.Error as e:
        raise MetadataError(f"--meta {p}: malformed CSV ({e}); save it again as CSV") from e
    entries = []
    for n, row in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): v for k, v in row.items()}
        if "source" not in row:
            raise MetadataError(f"--meta {p}: no 'source' column; add one naming each article (its file stem)")
        source = (row.get("source") or "").strip()
        if not source:
            raise MetadataError(f"--meta {p}, line {n}: empty source; fill it in or delete the row")
        entries.append((f"line {n}", source, row))
    return entries


def _meta_json(text: str, p: Path) -> list[tuple[str, str, Mapping[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise MetadataError(f"--meta {p}: malformed JSON at line {e.lineno}, column {e.colno} ({e.msg})") from e
    except (ValueError, RecursionError) as e:
        raise MetadataError(f"--meta {p}: JSON too large to read ({_json_limit(e)}); fix the file") from e
    if isinstance(data, dict) and isinstance(data.get("articles"), dict):
        data = data["articles"]
    if isinstance(data, list):
        entries = []
        for i, item in enumerate(data):
            if not isinstance(item, dict) or not str(item.get("source") or "").strip():
                raise MetadataError(f"--meta {p}, item {i}: each item needs a \"source\"")
            entries.append((f"item {i}", str(item["source"]).strip(), item))
        return entries
    if isinstance(data, dict):
        entries = []
        for source, values in data.items():
            if not isinstance(values, dict):
                raise MetadataError(
                    f"--meta {p}: the value for {source!r} is not an object; "
                    'write {"<source>": {"outlet": ..., "published": "YYYY-MM-DD"}}'
                )
            entries.append((repr(source), source, values))
        return entries
    raise MetadataError(f"--meta {p}: expected a JSON object or list, not {type(data).__name__}")


def merge_metadata(tables: Iterable[Mapping[str, Mapping[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Several :func:`read_metadata` tables as one; for a field given twice, the later table wins.

    >>> merge_metadata([{"a": {"outlet": "X", "url": "u"}}, {"a": {"outlet": "Y"}}])
    {'a': {'outlet': 'Y', 'url': 'u'}}
    """
    out: dict[str, dict[str, Any]] = {}
    for table in tables:
        for source, fields in table.items():
            out.setdefault(source, {}).update(fields)
    return out


def apply_metadata(
    articles: Iterable[Article],
    meta: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    published: dt.date | None = None,
) -> list[Article]:
    """Articles with their metadata filled in.

    Parameters
    ----------
    articles
        As read by :func:`read_articles`.
    meta
        Source name -> fields, as :func:`read_metadata` returns (default ``None``: none).
        A field given here replaces what the article itself said (a page's own date
        is often the date it was last edited). Sources the articles lack are ignored.
    published
        A date for every article that still has none (default ``None``: leave them).
    """
    meta = meta or {}
    out = []
    for article in articles:
        changes = {k: v for k, v in meta.get(article.source, {}).items() if k in META_FIELDS}
        if published is not None and changes.get("published", article.published) is None:
            changes["published"] = published
        out.append(dataclasses.replace(article, **changes) if changes else article)
    return out
