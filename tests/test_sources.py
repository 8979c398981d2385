"""reconcile.sources: paths, formats, encodings and bad input -> Article / Skipped."""
from __future__ import annotations

import csv
import datetime as dt
import glob
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.errors import InputError, MetadataError
from reconcile.model import Article, Skipped
from reconcile.sources import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_LIMIT,
    MAX_TEXT_CHARS,
    _glob,
    apply_metadata,
    excluded,
    iter_articles,
    merge_metadata,
    parse_date,
    read_articles,
    read_metadata,
    split_header,
)

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "fixtures" / "bad"
INPUTS = ROOT / "fixtures" / "inputs"
LIBYA = ROOT / "fixtures" / "clusters" / "libya-sirte-airstrikes"


def _read(*paths, **kwargs):
    return read_articles([str(p) for p in paths], **kwargs)


def _problems(skipped):
    return {Path(s.name.split(":")[0]).name + (":" + s.name.split(":")[1] if ":" in s.name else ""): s.problem for s in skipped}


# --- formats ----------------------------------------------------------------------

def test_sources_text_file_source_is_stem_and_text_is_verbatim():
    path = LIBYA / "003_c0b259a02fb5501b.txt"
    (article,), skipped = _read(path)
    assert skipped == []
    assert article.source == "003_c0b259a02fb5501b"
    assert article.text == path.read_text(encoding="utf-8")
    assert article.path == str(path)


def test_sources_folder_is_walked_sorted_and_gold_json_is_not_an_article():
    articles, skipped = _read(LIBYA)
    assert [a.source for a in articles] == ["000_568fa579b763d181", "003_c0b259a02fb5501b"]
    assert skipped == []


def test_sources_html_page_is_reduced_to_main_text_with_metadata():
    (article,), skipped = _read(INPUTS / "harbour-gazette.html")
    assert skipped == []
    assert article.source == "harbour-gazette"
    assert article.outlet == "The Harbour Gazette"
    assert article.title == "Ferry capsizes off Port Ellis; dozens missing"
    assert article.published == dt.date(2024, 3, 12)
    assert article.url == "https://harbour-gazette.example/news/2024/03/12/ferry-capsizes"
    assert "at least 37 people were still missing" in article.text
    # navigation, adverts, scripts and the footer are not article text
    for boilerplate in ("Subscribe", "5,000 dollars", "dataLayer", "All rights reserved"):
        assert boilerplate not in article.text


def test_sources_jsonl_records_with_and_without_source():
    articles, skipped = _read(INPUTS / "wires.jsonl")
    assert skipped == []
    assert [(a.source, a.outlet, a.published) for a in articles] == [
        ("coastline-wire", "Coastline Wire", dt.date(2024, 3, 12)),
        ("wires:2", "Island Radio", dt.date(2024, 3, 13)),
    ]
    assert articles[0].url == "https://coastline-wire.example/ferry"
    assert articles[1].path == str(INPUTS / "wires.jsonl")


def test_sources_csv_records_keep_quoted_text():
    articles, skipped = _read(INPUTS / "desk.csv")
    assert skipped == []
    assert [a.source for a in articles] == ["port-authority", "desk:2"]
    assert articles[1].text == 'Officials said 188 people were rescued, and "about 40" were unaccounted for.'
    assert articles[1].url is None


def test_sources_glob_pattern_is_expanded_sorted():
    articles, skipped = _read(INPUTS / "*")
    assert [a.source for a in articles] == [
        "port-authority", "desk:2", "harbour-gazette", "coastline-wire", "wires:2"
    ]
    assert skipped == []


def test_sources_stdin_text_and_html():
    (article,), _ = read_articles(["-"], stdin=io.StringIO("About 40 people were hurt."))
    assert (article.source, article.text) == ("stdin", "About 40 people were hurt.")
    page = (INPUTS / "harbour-gazette.html").read_bytes()
    (article,), _ = read_articles(["-"], stdin=io.BytesIO(page))
    assert article.outlet == "The Harbour Gazette" and "188 survivors" in article.text


def test_sources_line_ends_and_bom_are_normalised(tmp_path):
    (tmp_path / "crlf.txt").write_bytes(b"\xef\xbb\xbfOne line.\r\nTwo: 45 people.\rThree.")
    (article,), _ = _read(tmp_path / "crlf.txt")
    assert article.text == "One line.\nTwo: 45 people.\nThree."


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("latin-1", "Le préfet a annoncé 45 blessés à Besançon."),
        ("cp1252", "The \u201cofficial\u201d toll rose to 45 \u2014 officials said."),
        ("utf-16", "Ελληνικά: 45 νεκροί."),
        ("cp1251", "Власти сообщили о 45 погибших в Москве в понедельник вечером, сказал представитель."),
    ],
    ids=["latin-1", "cp1252-curly-quotes", "utf-16-bom", "cp1251"],
)
def test_sources_encoding_is_detected(tmp_path, encoding, text):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    (article,), skipped = _read(path)
    assert skipped == []
    assert article.text == text


def test_sources_latin1_fixture_reads():
    (article,), skipped = _read(BAD / "latin1.txt")
    assert "préfet de Besançon" in article.text and skipped == []


def test_sources_forced_encoding(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("café 12".encode("latin-1"))
    (article,), _ = _read(path, encoding="latin-1")
    assert article.text == "café 12"
    articles, (skip,) = _read(BAD / "unreadable.txt", encoding="utf-8")
    assert articles == [] and skip.problem.startswith("not valid utf-8")
    assert "drop --encoding" in skip.hint


# --- bad input --------------------------------------------------------------------

BAD_CASES = {
    "binary.txt": "binary file, not text",
    "empty.txt": "empty file",
    "whitespace.md": "empty file",
    "unreadable.txt": "no text encoding reads it",
    "malformed.jsonl:2": "malformed JSON line",
    "no-text-column.csv": "CSV has no text column",
}


@pytest.mark.parametrize(("name", "problem"), BAD_CASES.items(), ids=list(BAD_CASES))
def test_sources_bad_fixture_is_skipped_with_problem_and_hint(name, problem):
    articles, skipped = _read(BAD / name.split(":")[0])
    (skip,) = [s for s in skipped if s.name.endswith(name)]
    assert skip.problem.startswith(problem)
    assert skip.hint


def test_sources_bad_folder_reads_the_good_and_names_the_bad():
    articles, skipped = _read(BAD)
    assert [a.source for a in articles] == ["latin1", "good-one", "good-two"]
    assert sorted(_problems(skipped)) == sorted(BAD_CASES)  # notes.json passed over silently


def test_sources_explicit_unknown_suffix_is_named(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    articles, skipped = _read(tmp_path / "a.pdf", BAD / "notes.json")
    assert articles == []
    assert [s.problem for s in skipped] == [
        ".pdf is not an article format",
        "a .json file is not read as an article",
    ]
    assert "--meta" in skipped[1].hint


def test_sources_missing_path_folder_without_articles_and_empty_glob(tmp_path):
    (tmp_path / "only.json").write_text("{}")
    articles, skipped = _read(tmp_path / "nope.txt", tmp_path, tmp_path / "*.txt")
    assert articles == []
    assert [s.problem for s in skipped] == [
        "no such file or folder",
        "folder holds no article files (.txt, .md, .html, .htm, .jsonl, .csv)",
        "no file matches this pattern",
    ]


def test_sources_oversized_file_is_skipped(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 101)
    articles, (skip,) = _read(path, max_bytes=100)
    assert articles == []
    assert skip.problem == "101 bytes is over the limit of 100"
    assert skip.hint == "raise the limit with --max-bytes 101"
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


def test_sources_oversized_stdin_is_skipped():
    articles, (skip,) = read_articles(["-"], stdin=io.BytesIO(b"x" * 11), max_bytes=10)
    assert articles == [] and skip.name == "<stdin>"


def test_sources_unreadable_file_is_skipped(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("45 people")
    real_open = Path.open

    def no_permission(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", no_permission)  # chmod 0 does not stop root
    articles, (skip,) = _read(path)
    assert articles == []
    assert (skip.problem, skip.hint) == ("cannot be read: Permission denied", "check the file's permissions")


def test_sources_duplicate_source_names_keep_the_first(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "wire.txt").write_text("First: 10 people.")
    (tmp_path / "b" / "wire.txt").write_text("Second: 12 people.")
    articles, (skip,) = _read(tmp_path)
    assert [a.text for a in articles] == ["First: 10 people."]
    assert skip.name == str(tmp_path / "b" / "wire.txt")
    assert skip.problem == f"source name 'wire' is already used by {tmp_path / 'a' / 'wire.txt'}"


def test_sources_same_file_twice_is_read_once():
    articles, skipped = _read(LIBYA, LIBYA / "000_568fa579b763d181.txt")
    assert len(articles) == 2 and skipped == []


def test_sources_bad_records_in_a_collection(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('[1, 2]\n{"text": ""}\n{"text": "5 cars", "published": "someday"}\n\n{"text": "7 cars"}\n')
    articles, skipped = _read(path)
    assert [a.source for a in articles] == ["c:5"]
    assert [(s.name.rsplit("/", 1)[-1], s.problem) for s in skipped] == [
        ("c.jsonl:1", "line is a JSON list, not an object"),
        ("c.jsonl:2", "record has no text"),
        ("c.jsonl:3", "'someday' is not a date with a year; write it as YYYY-MM-DD"),
    ]


def test_sources_is_lazy():
    it = iter_articles([str(LIBYA), "missing.txt"])
    assert isinstance(next(it), Article)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"paths": []}, "no input given"),
        ({"paths": "a.txt"}, "list of paths"),
        ({"paths": ["-", "-"]}, "only once"),
        ({"paths": ["a.txt"], "max_bytes": 0}, "at least 1"),
        ({"paths": ["a.txt"], "encoding": "klingon"}, "unknown encoding 'klingon'"),
    ],
    ids=["no-paths", "string", "stdin-twice", "max-bytes", "encoding"],
)
def test_sources_usage_errors_raise_input_error(kwargs, message):
    with pytest.raises(InputError, match=message):
        read_articles(**kwargs)


# --- metadata ---------------------------------------------------------------------

def test_sources_metadata_from_gold_json_applies_by_source():
    meta = read_metadata(LIBYA / "gold.json")
    assert meta["003_c0b259a02fb5501b"]["published"] == dt.date(2016, 8, 3)
    articles, _ = _read(LIBYA)
    articles = apply_metadata(articles, meta)
    assert [a.published for a in articles] == [dt.date(2016, 8, 2), dt.date(2016, 8, 3)]
    assert articles[0].outlet == "unknown (US/UK web report)"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("m.csv", "source,outlet,published,url\nwire,Wire Co,2 Aug 2016,https://w.example\n"),
        ("m.json", '[{"source": "wire", "outlet": "Wire Co", "published": "2016-08-02", "url": "https://w.example"}]'),
        ("m.json", '{"wire": {"outlet": "Wire Co", "published": "2016-08-02", "url": "https://w.example", "other": 1}}'),
        ("m.json", '{"articles": {"wire": {"outlet": "Wire Co", "published": "2016-08-02T10:00:00Z", "url": "https://w.example"}}}'),
    ],
    ids=["csv", "json-list", "json-mapping", "gold-json"],
)
def test_sources_metadata_shapes(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content)
    assert read_metadata(path) == {
        "wire": {"outlet": "Wire Co", "published": dt.date(2016, 8, 2), "url": "https://w.example"}
    }


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("m.csv", "outlet,published\nWire,2016-08-02\n", "no 'source' column"),
        ("m.csv", "source,published\nwire,yesterday\n", "line 2: published 'yesterday' is not a date"),
        ("m.json", "{oops", "malformed JSON at line 1"),
        ("m.json", '{"wire": "Wire Co"}', "is not an object"),
        ("m.json", '[{"outlet": "x"}]', 'needs a "source"'),
        ("m.txt", "source\n", "give a .csv or .json file"),
        ("missing.json", None, "cannot be read"),
    ],
    ids=["no-source", "bad-date", "bad-json", "not-object", "list-without-source", "suffix", "missing"],
)
def test_sources_bad_metadata_raises_with_a_fix(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(MetadataError, match=message):
        read_metadata(path)


def test_sources_published_fills_only_missing_dates():
    a = Article("a", "x", published=dt.date(2020, 1, 1))
    b = Article("b", "y")
    out = apply_metadata([a, b], {"b": {"outlet": "B"}}, published=dt.date(2021, 5, 5))
    assert out == [a, Article("b", "y", outlet="B", published=dt.date(2021, 5, 5))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2016-08-02", dt.date(2016, 8, 2)), ("August 2, 2016", dt.date(2016, 8, 2)), ("2016-08-02T23:00:00+02:00", dt.date(2016, 8, 2))],
    ids=["iso", "words", "datetime"],
)
def test_sources_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["5", "Monday", "2016-13-45", ""], ids=["day", "weekday", "impossible", "empty"])
def test_sources_parse_date_rejects(text):
    with pytest.raises(MetadataError):
        parse_date(text)


# --- properties -------------------------------------------------------------------

_cell = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_cell.filter(lambda t: t.strip()), min_size=1, max_size=4), sources=st.lists(_cell, min_size=4, max_size=4))
def test_sources_csv_collection_round_trip(tmp_path_factory, texts, sources):
    path = tmp_path_factory.mktemp("csv") / "c.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "text"])
        for i, text in enumerate(texts):
            writer.writerow([f"s{i}-{sources[i].strip()}", text])
    articles, skipped = read_articles([str(path)])
    normalised = [t.replace("\r\n", "\n").replace("\r", "\n") for t in texts]
    if not skipped:
        assert [a.text for a in articles] == normalised
    else:  # only a record whose text is just control characters may be refused
        assert all("binary" in s.problem for s in skipped)


@settings(max_examples=80, deadline=None)
@given(data=st.binary(max_size=300))
def test_sources_never_raise_on_any_bytes(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bytes")
    for name in ("a.txt", "b.html", "c.jsonl", "d.csv"):
        (folder / name).write_bytes(data)
    articles, skipped = read_articles([str(folder)])
    assert len(articles) + len(skipped) >= 4
    assert all(isinstance(s, Skipped) and s.problem for s in skipped)


# --- issue 15: nothing a newsroom folder holds may crash, hang or lose data --------------

def test_sources_text_over_max_length_is_skipped_by_name(tmp_path):
    long = "Five people died. " * (MAX_TEXT_CHARS // 18 + 1)
    (tmp_path / "long.txt").write_text(long, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": long}) + '\n{"text": "Two died."}\n', encoding="utf-8")
    (tmp_path / "short.txt").write_text("Three people died.", encoding="utf-8")
    articles, skipped = _read(tmp_path)
    assert [a.source for a in articles] == ["c:2", "short"]
    assert {Path(s.name).name: s.problem for s in skipped} == {
        "c.jsonl:1": f"{len(long):,} characters is over the 1,000,000 a pipeline reads at once",
        "long.txt": f"{len(long):,} characters is over the 1,000,000 a pipeline reads at once",
    }


def test_sources_max_bytes_over_memory_is_a_usage_error_and_the_limit_reads():
    with pytest.raises(InputError, match="more than can be held in memory"):
        _read(INPUTS, max_bytes=10**18)
    articles, skipped = _read(INPUTS, max_bytes=MAX_BYTES_LIMIT)
    assert articles and not skipped


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "5 died", "n": ' + "9" * 5000 + "}", "JSON line too large to read (Exceeds the limit (4300 digits)"),
        ('{"text": "5 died", "n": ' + "[" * 100_000 + "]" * 100_000 + "}", "JSON line too large to read (nested too deeply)"),
        ('{"text": "5 died", "source": ' + "9" * 5000 + "}", "JSON line too large to read (Exceeds the limit"),
    ],
    ids=["5000-digit-number", "100000-deep", "5000-digit-source"],
)
def test_sources_json_line_too_big_or_too_deep_is_skipped_by_name(tmp_path, line, problem):
    path = tmp_path / "c.jsonl"
    path.write_text(line + '\n{"text": "Two died."}\n', encoding="utf-8")
    articles, skipped = _read(path)
    assert [a.source for a in articles] == ["c:2"]
    assert [s.name for s in skipped] == [f"{path}:1"] and skipped[0].problem.startswith(problem)


@pytest.mark.parametrize(
    "content",
    ['{"wire": {"outlet": ' + "9" * 5000 + "}}", '{"wire": ' + "[" * 100_000 + "]" * 100_000 + "}"],
    ids=["5000-digit-number", "100000-deep"],
)
def test_sources_meta_too_big_or_too_deep_is_a_metadata_error(tmp_path, content):
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MetadataError, match="JSON too large to read"):
        read_metadata(path)


@pytest.mark.parametrize(
    ("published", "expected"),
    [("0001-01-01", dt.date(1, 1, 1)), ("9999-12-31", dt.date(9999, 12, 31))],
    ids=["year-1", "year-9999"],
)
def test_sources_calendar_edge_dates_are_read_in_records_and_meta(tmp_path, published, expected):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": "5 died last year", "source": "wire", "published": published}) + "\n")
    meta = tmp_path / "m.json"
    meta.write_text(json.dumps({"wire": {"published": published}}))
    (article,), skipped = _read(path)
    assert skipped == [] and article.published == expected
    assert read_metadata(meta) == {"wire": {"published": expected}}


def test_sources_lone_surrogate_is_cleaned_when_read(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "5 \\ud800 died", "source": "w\\udfff", "outlet": "\\ud800"}\n', encoding="utf-8")
    meta = tmp_path / "m.json"
    meta.write_text('{"w\\ud800": {"title": "t\\udc00"}}', encoding="utf-8")
    (article,), skipped = _read(path)
    assert skipped == []
    assert (article.text, article.source, article.outlet) == ("5 \ufffd died", "w\ufffd", "\ufffd")
    assert read_metadata(meta) == {"w\ufffd": {"title": "t\ufffd"}}
    (article.text + article.source).encode("utf-8")


def test_sources_undecodable_file_name_gives_an_encodable_source(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")  # holds the surrogate "\udce9"
    (tmp_path / name).write_text("5 died", encoding="utf-8")
    (article,), skipped = _read(tmp_path)
    assert skipped == [] and article.source == "caf\ufffd"


def test_sources_symlink_loop_in_a_folder_is_named_and_the_rest_read(tmp_path):
    (tmp_path / "a.txt").write_text("5 died", encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "ping.md").symlink_to("pong.md")
    (tmp_path / "pong.md").symlink_to("ping.md")
    articles, skipped = _read(tmp_path)
    assert [a.source for a in articles] == ["a"]
    assert {Path(s.name).name: s.problem for s in skipped} == {
        name: "symlink loop (the link leads back to itself)" for name in ("loop.txt", "ping.md", "pong.md")
    }


def test_sources_symlink_loop_on_the_command_line_is_named_as_a_loop(tmp_path):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "gone.txt").symlink_to("missing.txt")
    _, skipped = _read(tmp_path / "loop.txt", tmp_path / "gone.txt")
    assert [s.problem for s in skipped] == [
        "symlink loop (the link leads back to itself)", "symlink to a missing file (missing.txt)",
    ]


def test_sources_recursive_glob_over_looping_symlinks_ends(tmp_path):
    # Two links back up per folder: glob.glob("**") follows them 2**40 times.
    (tmp_path / "d" / "e").mkdir(parents=True)
    (tmp_path / "d" / "e" / "a.txt").write_text("5 died", encoding="utf-8")
    for folder in (tmp_path / "d", tmp_path / "d" / "e"):
        (folder / "up").symlink_to("..")
        (folder / "self").symlink_to(".")
    script = (
        "import sys; from reconcile.sources import read_articles\n"
        "articles, skipped = read_articles([sys.argv[1]])\n"
        "print([a.source for a in articles], len(skipped))\n"
    )
    pattern = str(tmp_path / "d" / "**" / "*.txt")
    done = subprocess.run([sys.executable, "-c", script, pattern], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.stdout == "['a'] 0\n", done.stderr


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("d/**/*.txt", ["d/a.txt", "d/e/b.txt"]), ("**/*.txt", ["d/a.txt", "d/e/b.txt", "top.txt"]),
     ("d/**", ["d/", "d/a.txt", "d/e", "d/e/b.txt"]), ("*/e/*.txt", ["d/e/b.txt"]), ("d/**/e/*.txt", ["d/e/b.txt"])],
    ids=["under-folder", "from-here", "everything", "no-double-star", "double-star-then-folder"],
)
def test_sources_glob_matches_what_glob_matches(tmp_path, monkeypatch, pattern, expected):
    (tmp_path / "d" / "e").mkdir(parents=True)
    for name in ("top.txt", "d/a.txt", "d/e/b.txt"):
        (tmp_path / name).write_text("5 died", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _glob(pattern) == sorted(glob.glob(pattern, recursive=True)) == expected


def test_sources_csv_field_over_131072_characters_keeps_every_row(tmp_path):
    path = tmp_path / "c.csv"
    long = "Five people died. " * 10_000
    path.write_text(f'text,source\n"{long}",long\nTwo died.,short\n', encoding="utf-8")
    articles, skipped = _read(path)
    assert skipped == []
    assert [(a.source, len(a.text)) for a in articles] == [("long", len(long)), ("short", 9)]
    assert csv.field_size_limit() == 131_072  # put back for everyone else


def test_sources_csv_bad_row_skips_only_that_row(tmp_path, monkeypatch):
    import contextlib

    import reconcile.sources as sources_mod

    @contextlib.contextmanager
    def small_limit(limit):
        before = csv.field_size_limit(1000)
        try:
            yield
        finally:
            csv.field_size_limit(before)

    monkeypatch.setattr(sources_mod, "_csv_field_limit", small_limit)
    path = tmp_path / "c.csv"
    path.write_text("text\none died\n" + "x" * 2000 + "\nthree died\n", encoding="utf-8")
    articles, skipped = _read(path)
    assert [a.text for a in articles] == ["one died", "three died"]
    assert [(s.name, s.problem.split(" (")[0]) for s in skipped] == [(f"{path}:2", "malformed CSV row")]


def test_sources_utf16_without_bom_reads_when_the_encoding_is_given(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Five people died.".encode("utf-16-le"))
    assert _problems(_read(path)[1]) == {"a.txt": "binary file, not text"}  # guessed: NULs mean binary
    (article,), skipped = _read(path, encoding="utf-16-le")
    assert skipped == [] and article.text == "Five people died."


@pytest.mark.parametrize(
    ("header", "text", "ignored"),
    [("text,Text,TEXT", "a", "'Text', 'TEXT'"), ("Text,TEXT,text", "c", "'Text', 'TEXT'"),
     ("Text,TEXT", "a", "'TEXT'"), ("text,text", "a", "'text'")],
    ids=["lower-first", "lower-last", "no-lower-case", "same-name"],
)
def test_sources_csv_header_in_several_cases_reads_one_and_says_so(tmp_path, header, text, ignored):
    path = tmp_path / "c.csv"
    path.write_text(f"{header}\n{','.join('abc'[: header.count(',') + 1])}\n", encoding="utf-8")
    (article,), (note,) = _read(path)
    assert article.text == text
    assert note.name == str(path) and note.problem.startswith(f"column {ignored} ignored")


# --- issue 13: article headers, --exclude, several --meta files ------------------------------

@pytest.mark.parametrize(
    ("text", "meta", "body"),
    [
        ("Outlet: The Herald\nURL: https://herald.example/1\nPublished: 2016-08-02\n\nFive died.\n",
         {"outlet": "The Herald", "url": "https://herald.example/1", "published": "2016-08-02"}, "Five died.\n"),
        ("---\ntitle: \"Sirte strikes\"\noutlet: 'The Herald'\ntags: [libya]\ndate: 2016-08-02\n---\nFive died.",
         {"title": "Sirte strikes", "outlet": "The Herald", "published": "2016-08-02"}, "Five died."),
        ("OUTLET:The Herald\nFive died.", {"outlet": "The Herald"}, "Five died."),
        ("Five died.\nOutlet: The Herald\n", {}, "Five died.\nOutlet: The Herald\n"),
        ("Note: five died.\n", {}, "Note: five died.\n"),
        ("---\noutlet: The Herald\nFive died.", {}, "---\noutlet: The Herald\nFive died."),
        ("Outlet: \n\nFive died.", {}, "Five died."),
    ],
    ids=["lines", "front-matter", "no-blank-line", "not-at-the-start", "unknown-key", "front-matter-unclosed", "empty-value"],
)
def test_sources_split_header(text, meta, body):
    fields, blanked = split_header(text)
    assert fields == meta
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert blanked.lstrip(" \n") == body.lstrip(" \n") and blanked.endswith(body)


def test_sources_text_header_fills_metadata_and_offsets_point_into_the_file(tmp_path):
    path = tmp_path / "herald.md"
    saved = "Outlet: The Herald\r\nPublished: 2 August 2016\r\nURL: https://herald.example/1\r\n\r\nFive air strikes hit Sirte.\r\n"
    path.write_bytes(saved.encode("utf-8"))
    (article,), skipped = _read(path)
    assert skipped == []
    assert (article.outlet, article.published, article.url) == ("The Herald", dt.date(2016, 8, 2), "https://herald.example/1")
    file_text = path.read_text(encoding="utf-8")  # what the benchmark scorer reads
    at = file_text.index("Five")
    assert article.text.index("Five") == at and article.text[at:at + 16] == file_text[at:at + 16]
    assert "Outlet" not in article.text and not article.text[:at].strip()


def test_sources_meta_file_wins_over_the_header(tmp_path):
    (tmp_path / "herald.txt").write_text("Outlet: The Herald\nPublished: 2016-08-02\n\nFive died.\n")
    articles, _ = _read(tmp_path / "herald.txt")
    (article,) = apply_metadata(articles, {"herald": {"outlet": "Herald Tribune"}})
    assert (article.outlet, article.published) == ("Herald Tribune", dt.date(2016, 8, 2))


@pytest.mark.parametrize(
    ("text", "problem"),
    [("Published: someday\n\nFive died.\n", "header Published: 'someday' is not a date with a year; write it as YYYY-MM-DD"),
     ("Outlet: The Herald\nURL: https://herald.example/1\n", "only a header, no article text")],
    ids=["bad-date", "header-only"],
)
def test_sources_bad_header_skips_the_article_with_a_fix(tmp_path, text, problem):
    (tmp_path / "herald.txt").write_text(text)
    articles, skipped = _read(tmp_path / "herald.txt")
    assert articles == [] and [s.problem for s in skipped] == [problem]


@pytest.mark.parametrize(
    ("path", "patterns", "expected"),
    [("news/drafts/a.txt", ["drafts"], True), ("news/a.csv", ["*.csv"], True), ("news/a.txt", ["*.csv"], False),
     ("news/2016/a.txt", ["news/*/a.txt"], True), ("news/2016/x/a.txt", ["news/**/a.txt"], True),
     ("news/a.txt", ["other/a.txt"], False), ("news/drafts/a.txt", ["drafts/"], True), ("a.txt", [], False)],
    ids=["folder-name", "suffix", "no-match", "path-pattern", "double-star", "other-path", "trailing-slash", "none"],
)
def test_sources_excluded(path, patterns, expected):
    assert excluded(path, patterns) is expected


def test_sources_exclude_passes_over_files_silently():
    articles, skipped = _read(INPUTS, exclude=["*.jsonl", "desk.csv"])
    assert [a.source for a in articles] == ["harbour-gazette"] and skipped == []


def test_sources_merge_metadata_later_table_wins_per_field():
    merged = merge_metadata([{"a": {"outlet": "X", "url": "u"}}, {"a": {"outlet": "Y"}, "b": {"url": "v"}}])
    assert merged == {"a": {"outlet": "Y", "url": "u"}, "b": {"url": "v"}}


def test_sources_nul_bytes_never_reach_claims(tmp_path):
    from reconcile.claims import extract_claims

    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"text": "Police said 45 peo\x00ple were killed in Sirte on Monday."}) + "\n",
                    encoding="utf-8")
    articles, skipped = read_articles([str(path)])
    assert not skipped and "\x00" not in articles[0].text
    assert len(articles[0].text) == len("Police said 45 peo\x00ple were killed in Sirte on Monday.")
    claims = extract_claims(articles)
    assert claims and not any("\x00" in str(value) for c in claims for value in c.to_dict().values())
