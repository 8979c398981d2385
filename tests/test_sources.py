"""reconcile.sources: paths, formats, encodings and bad input -> Article / Skipped."""
from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.errors import InputError, MetadataError
from reconcile.model import Article, Skipped
from reconcile.sources import (
    DEFAULT_MAX_BYTES,
    apply_metadata,
    iter_articles,
    parse_date,
    read_articles,
    read_metadata,
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
