"""reconcile.report: the writers, their escaping, and atomic writes."""
from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reconcile.report as report_mod
from reconcile.errors import OutputError
from reconcile.model import Article, Claim, Finding, Quantity, Report, Skipped
from reconcile.model import STATUSES
from reconcile.report import (
    FINDING_COLUMNS,
    PROVENANCE_COLUMNS,
    Format,
    csv_cell,
    findings_frame,
    format_for,
    md_cell,
    parse_statuses,
    print_report_table,
    render_claims,
    render_report,
    write_report,
)


def _claim(cid, source, sentence, number, low, high=None, *, sentence_start=0, approximate=False, **kw):
    at = sentence.index(number)
    start = sentence_start + at
    q = Quantity(number, start, start + len(number), low, low if high is None else high, approximate=approximate)
    quote = kw.pop("quote", sentence[max(0, at - 8): at + len(number) + 8].strip())
    return Claim(cid, source, start, start + len(number), sentence, sentence_start, quote, q, **kw)


def _sample(*, skipped=True) -> Report:
    claims = [
        _claim("c1", "wire", "About 5,000 fighters were in Sirte.", "About 5,000", 5000, approximate=True,
               sentence_start=120, speaker="AFRICOM head", time_text="this past spring", quote="About 5,000 fighters"),
        _claim("c2", "wire", "Now a few hundred to 2,000 | fighters.", "a few hundred to 2,000", 200, 2000,
               sentence_start=400, speaker="US military", time_text="now", time_start=dt.date(2016, 8, 2),
               quote="a few hundred to 2,000 | fighters"),
        _claim("c3", "herald", "There were five air strikes on Monday.", "five", 5,
               time_text="on Monday", time_start=dt.date(2016, 8, 1), time_end=dt.date(2016, 8, 1),
               quote="five air strikes"),
        _claim("c4", "wire", "A second strike hit\ntwo vehicles.", "second", 2, sentence_start=10, quote="A second strike"),
        _claim("c5", "herald", "=HYPERLINK(1) it was -3 degrees", "-3", -3, sentence_start=60, quote="=HYPERLINK(1) it was -3"),
        _claim("c6", "wire", "It fell to -3 degrees.", "-3", -3, sentence_start=300, quote="fell to -3 degrees"),
    ]
    findings = [
        Finding("agree", "c5", "c6", "temperature", "-3 equals -3", -0.5, ("thing",)),
        Finding("conflict", "c3", "c4", "strikes on Sirte", "5 against 2", 0.8333, ("thing", "time")),
        Finding("update", "c1", "c2", "fighters | Sirte", "~5,000 then 200-2,000", 0.75),
    ]
    articles = [
        Article("herald", "...", outlet="Herald", published=dt.date(2016, 8, 3), path="in/herald.txt"),
        Article("wire", "...", path="in/wire.txt"),
    ]
    return Report(articles, claims, findings, [Skipped("bad/empty.txt", "empty file", "remove it")] if skipped else [])


EXPECTED_MARKDOWN = """\
# reconcile report

2 articles, 6 claims: 1 conflict, 1 update, 1 agreement.

| status | topic | source A | speaker A | value A | time A | quote A | source B | speaker B | value B | time B | quote B | reason | score |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---:|
| conflict | strikes on Sirte | herald |  | 5 | on Monday (2016-08-01) | five air strikes | wire |  | 2 |  | A second strike | 5 against 2 | 0.83 |
| update | fighters \\| Sirte | wire | AFRICOM head | ~5,000 | this past spring | About 5,000 fighters | wire | US military | 200-2,000 | now (2016-08-02) | a few hundred to 2,000 \\| fighters | ~5,000 then 200-2,000 | 0.75 |
| agree | temperature | herald |  | -3 |  | =HYPERLINK(1) it was -3 | wire |  | -3 |  | fell to -3 degrees | -3 equals -3 | -0.50 |

## Sources

| source | outlet | published | url |
|---|---|---|---|
| herald | Herald | 2016-08-03 |  |
| wire |  |  |  |

## Skipped inputs

- `bad/empty.txt`: empty file (remove it)
"""


def test_report_markdown_exact():
    assert render_report(_sample(), Format.markdown) == EXPECTED_MARKDOWN


def test_report_markdown_only_and_empty():
    out = render_report(_sample(skipped=False), "markdown", only="agree")
    assert "Showing: agree." in out
    findings = out.split("## Sources")[0]
    assert [line.split(" | ")[0] for line in findings.splitlines() if line.startswith("| ") and "status" not in line] == ["| agree"]
    empty = render_report(Report([], [], []), "markdown")
    assert empty == "# reconcile report\n\n0 articles, 0 claims: 0 conflicts, 0 updates, 0 agreements.\n\nNo findings.\n"


def test_report_frame_order_columns_and_filter():
    frame = findings_frame(_sample())
    sides = [f"{c}_{side}" for side in ("a", "b") for c in PROVENANCE_COLUMNS]
    assert list(frame.columns) == [*FINDING_COLUMNS, "claim_a", "claim_b", *sides]
    assert frame.loc[0, ["low_a", "high_a", "published_a", "outlet_a"]].tolist() == [5.0, 5.0, "2016-08-03", "Herald"]
    assert frame.loc[1, ["low_b", "high_b", "sentence_b"]].tolist() == [200.0, 2000.0, "Now a few hundred to 2,000 | fighters."]
    assert frame.low_a.dtype == "float64" and frame.loc[0, "published_b"] is None
    assert list(frame.status) == ["conflict", "update", "agree"]
    assert list(frame.claim_a) == ["c3", "c1", "c5"]
    assert frame.loc[0, "time_a"] == "on Monday (2016-08-01)"
    assert frame.loc[1, "value_a"] == "~5,000"
    assert list(findings_frame(_sample(), only=["agree", "conflict"]).status) == ["conflict", "agree"]
    assert findings_frame(Report([], [], [])).empty


def test_report_frame_sort_is_stable_on_source_then_start():
    r = _sample()
    claims = {c.id: c for c in r.claims}
    r.findings = [Finding("conflict", "c6", "c5", "t", "r", 0.1), Finding("conflict", "c4", "c3", "t", "r", 0.2),
                  Finding("conflict", "c4", "c3", "t", "again", 0.3)]
    frame = findings_frame(r)
    assert list(zip(frame.claim_a, frame.reason)) == [("c4", "r"), ("c4", "again"), ("c6", "r")]
    assert claims["c4"].start < claims["c6"].start


@pytest.mark.parametrize(
    ("only", "expected"),
    [("conflict", ("conflict",)), ("conflicts", ("conflict",)), (["agreements", "update"], ("update", "agree")),
     ("conflict,update", ("conflict", "update")), ([" Updates , agree", "conflict"], STATUSES), (None, STATUSES)],
    ids=["one", "plural", "agreement-and-repeat", "comma-list", "spaces-and-case", "none"],
)
def test_report_parse_statuses(only, expected):
    assert parse_statuses(only) == expected


def test_report_unknown_status_and_missing_claim_raise():
    with pytest.raises(OutputError, match="unknown status 'maybe'; use one or more of conflict, update, agree"):
        findings_frame(_sample(), only="conflict,maybe")
    r = _sample()
    r.findings.append(Finding("agree", "c1", "c99", "t", "r", 1.0))
    with pytest.raises(OutputError, match="'c99'"):
        findings_frame(r)


EXPECTED_CSV = """\
status,topic,source_a,speaker_a,value_a,time_a,quote_a,source_b,speaker_b,value_b,time_b,quote_b,reason,score,claim_a,claim_b,\
low_a,high_a,unit_a,published_a,outlet_a,url_a,sentence_a,low_b,high_b,unit_b,published_b,outlet_b,url_b,sentence_b
conflict,strikes on Sirte,herald,,5,on Monday (2016-08-01),five air strikes,wire,,2,,A second strike,5 against 2,0.8333,c3,c4,\
5,5,,2016-08-03,Herald,,There were five air strikes on Monday.,2,2,,,,,"A second strike hit
two vehicles."
update,fighters | Sirte,wire,AFRICOM head,"~5,000",this past spring,"About 5,000 fighters",wire,US military,"200-2,000",now (2016-08-02),"a few hundred to 2,000 | fighters","~5,000 then 200-2,000",0.75,c1,c2,\
5000,5000,,,,,"About 5,000 fighters were in Sirte.",200,2000,,,,,"Now a few hundred to 2,000 | fighters."
agree,temperature,herald,,-3,,'=HYPERLINK(1) it was -3,wire,,-3,,fell to -3 degrees,'-3 equals -3,-0.5,c5,c6,\
-3,-3,,2016-08-03,Herald,,'=HYPERLINK(1) it was -3 degrees,-3,-3,,,,,It fell to -3 degrees.
"""


def test_report_csv_exact_neutralises_formulas_but_not_numbers():
    # RFC 4180 line ends; the line break inside a quoted sentence stays as the article wrote it
    assert render_report(_sample(), Format.csv) == EXPECTED_CSV.replace("\n", "\r\n").replace("hit\r\ntwo", "hit\ntwo")
    raw = render_report(_sample(), Format.csv, raw_csv=True)
    assert "\n".join(raw.splitlines()[3:]).count(",-3 equals -3,") == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [("a | b", "a \\| b"), ("one\ntwo\r\nthree", "one<br>two<br>three"), ("C:\\x|", "C:\\\\x\\|"),
     ("para\u2029graph", "para<br>graph"), (0.8333, "0.83"), (None, ""), ("  padded  ", "padded")],
    ids=["pipe", "newlines", "backslash-pipe", "unicode-break", "float", "none", "strip"],
)
def test_report_md_cell(value, expected):
    assert md_cell(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+33 1 40 00", "'+33 1 40 00"), ("-", "'-"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("-0.5", "-0.5"), ("-1,200", "-1,200"), ("+12%", "+12%"),
     ("-1e3", "-1e3"), (-0.5, -0.5), (3, 3), ("plain", "plain"), ("-3 people", "'-3 people")],
    ids=["eq", "plus", "dash", "at", "tab", "cr", "neg-float", "neg-thousands", "percent", "exp",
         "float", "int", "plain", "number-then-text"],
)
def test_report_csv_cell(value, expected):
    assert csv_cell(value) == expected
    assert csv_cell(value, raw=True) == value


def test_report_json_contract_and_determinism():
    text = render_report(_sample(), Format.json)
    assert text == render_report(_sample(), Format.json)
    data = json.loads(text)
    assert sorted(data) == ["articles", "claims", "findings", "skipped"]
    assert data["articles"][0] == {"source": "herald", "outlet": "Herald", "published": "2016-08-03", "url": None, "title": None}
    claim = data["claims"][0]
    assert (claim["id"], claim["source"], claim["start"], claim["end"]) == ("c1", "wire", 120, 131)
    assert claim["number_text"] == "About 5,000" and claim["approximate"] is True
    assert data["findings"][0] == {"status": "conflict", "a": "c3", "b": "c4", "topic": "strikes on Sirte",
                                   "reason": "5 against 2", "score": 0.8333, "aligned_because": ["thing", "time"]}
    assert data["skipped"] == [{"name": "bad/empty.txt", "problem": "empty file", "hint": "remove it"}]
    assert text.endswith("}\n") and list(json.loads(text, object_pairs_hook=lambda kv: [k for k, _ in kv])) == \
        ["articles", "claims", "findings", "skipped"]


def test_report_json_is_read_by_the_benchmark_scorer_shape():
    data = json.loads(render_report(_sample(), "json"))
    ids = {c["id"] for c in data["claims"]}
    assert all(f["a"] in ids and f["b"] in ids and f["status"] in ("conflict", "update", "agree") for f in data["findings"])


def test_report_jsonl_one_finding_per_line():
    lines = render_report(_sample(), Format.jsonl).splitlines()
    assert [json.loads(line)["claim_a"] for line in lines] == ["c3", "c1", "c5"]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.external += [v for k, v in attrs if k in ("src", "href") and v]


def _tags(text):
    p = _Tags()
    p.feed(text)
    return p


def test_report_html_is_self_contained_and_highlights_the_number():
    out = render_report(_sample(), Format.html)
    parsed = _tags(out)
    assert parsed.external == [] and "http" not in out.replace("http-equiv", "")
    assert "<style>" in out and "<script>" in out
    assert "There were <mark>five</mark> air strikes on Monday." in out
    assert "=HYPERLINK(1) it was <mark>-3</mark> degrees" in out
    assert out.count('<article class="finding') == 3
    assert '<input type="checkbox" value="conflict" checked> conflict (1)' in out
    assert "<code>bad/empty.txt</code>: empty file (remove it)" in out
    assert out.index("finding conflict") < out.index("finding update") < out.index("finding agree")


def test_report_html_bad_offsets_fall_back_to_the_plain_sentence():
    r = _sample(skipped=False)
    r.claims[2].sentence_start = 999
    out = render_report(r, "html")
    assert "There were five air strikes on Monday." in out


def test_report_table_text():
    out = render_report(_sample(), Format.table)
    assert out.splitlines()[0] == "2 articles, 6 claims: 1 conflict, 1 update, 1 agreement."
    assert out.index("conflict") < out.index("update") < out.index("│ agree")
    assert "Skipped inputs:\n  bad/empty.txt: empty file (remove it)\n" in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_report_claims_formats():
    claims = _sample().claims
    assert [json.loads(line)["id"] for line in render_claims(claims, "jsonl").splitlines()] == [c.id for c in claims]
    assert [c["id"] for c in json.loads(render_claims(claims, "json"))] == [c.id for c in claims]
    rows = list(csv.DictReader(io.StringIO(render_claims(claims, "csv"))))
    assert rows[1]["value"] == "200-2,000" and rows[4]["number"] == "-3"
    assert "About 5,000" in render_claims(claims, "table")
    with pytest.raises(OutputError, match="claims cannot be written as html"):
        render_claims(claims, "html")


@pytest.mark.parametrize(
    ("out", "fmt", "expected"),
    [("r.md", None, Format.markdown), ("r.CSV", None, Format.csv), ("r.json", None, Format.json),
     ("r.htm", None, Format.html), ("r.txt", None, Format.table), ("r.md", "json", Format.json),
     (None, None, Format.table)],
    ids=["md", "csv-upper", "json", "htm", "txt", "format-wins", "default"],
)
def test_report_format_for(out, fmt, expected):
    assert format_for(out, fmt, default=Format.table) is expected


def test_report_format_for_alias_and_tsv_suffix():
    assert format_for(None, "md", default=Format.table) is Format.markdown
    assert format_for("r.TSV", None, default=Format.table) is Format.tsv


def test_report_format_for_unknown_suffix():
    with pytest.raises(OutputError, match="pass --format"):
        format_for("report.pdf", None, default=Format.markdown)


# --- writing files --------------------------------------------------------------------

def test_report_write_to_stream_and_file(tmp_path):
    buf = io.StringIO()
    write_report(_sample(), "markdown", stream=buf)
    assert buf.getvalue() == EXPECTED_MARKDOWN
    out = tmp_path / "r.md"
    write_report(_sample(), "markdown", out=out)
    assert out.read_text(encoding="utf-8") == EXPECTED_MARKDOWN
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_report_never_overwrites_an_input(tmp_path):
    src = tmp_path / "wire.txt"
    src.write_text("original")
    r = _sample()
    r.articles[1] = Article("wire", "...", path=str(src))
    with pytest.raises(OutputError, match="is one of the input files"):
        write_report(r, "markdown", out=src)
    with pytest.raises(OutputError, match="is one of the input files"):
        write_report(r, "markdown", out=tmp_path / "." / "wire.txt")
    assert src.read_text() == "original"


def test_report_output_folder_problems(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        write_report(_sample(), "markdown", out=tmp_path)
    with pytest.raises(OutputError, match="does not exist"):
        write_report(_sample(), "markdown", out=tmp_path / "missing" / "r.md")


def test_report_interrupted_write_keeps_the_previous_report(tmp_path, monkeypatch):
    out = tmp_path / "r.md"
    out.write_text("previous report\n")

    def broken(report, *, only, raw_csv):
        yield "# half a report\n"
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(report_mod._REPORT_WRITERS, Format.markdown, broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_report(_sample(), "markdown", out=out)
    assert out.read_text() == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_report_bad_only_fails_before_writing():
    buf = io.StringIO()
    with pytest.raises(OutputError):
        write_report(_sample(), "markdown", only="nope", stream=buf)
    assert buf.getvalue() == ""


# --- properties ------------------------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


def _report_with(texts: list[str]) -> Report:
    t = iter(texts)
    a = Claim("a", next(t), 0, 1, "5" + next(t), 0, next(t), Quantity("5", 0, 1, 5, 5), speaker=next(t), time_text=next(t))
    source_b, head = next(t), next(t)
    at = 3 + len(head)
    b = Claim("b", source_b, at, at + 1, head + "7", 3, next(t), Quantity("7", at, at + 1, 7, 7), thing=next(t))
    f = Finding("conflict", "a", "b", next(t), next(t), 0.5)
    return Report([Article(a.source, "x", outlet=next(t))], [a, b], [f], [Skipped(next(t), next(t), next(t))])


_markup = st.sampled_from(["<script>alert(1)</script>", "<b>", "</article>", "&amp;", '"><img src=x>', "'", "|", "\\|", "=1+1"])
_texts = st.lists(st.one_of(_text, _markup, st.tuples(_text, _markup, _text).map("".join)), min_size=16, max_size=16)


def _split_row(line: str) -> list[str]:
    cells, cur, i = [], "", 0
    body = line[2:-2]
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            cur += body[i: i + 2]
            i += 2
        elif body.startswith(" | ", i):
            cells.append(cur)
            cur, i = "", i + 3
        else:
            cur += body[i]
            i += 1
    return [*cells, cur]


@settings(max_examples=150, deadline=None)
@given(texts=_texts)
def test_report_markdown_row_keeps_its_columns(texts):
    lines = render_report(_report_with(texts), "markdown").split("\n## Sources\n")[0].splitlines()
    rows = [line for line in lines if line.startswith("| ")]
    assert len(rows) == 2  # header and the one finding: no cell broke a line
    assert [len(_split_row(row)) for row in rows] == [len(FINDING_COLUMNS)] * 2
    # every unescaped pipe in the row is a cell border
    assert all(len(re.findall(r"(?<!\\)(?:\\\\)*\|", row)) == len(FINDING_COLUMNS) + 1 for row in rows)


@settings(max_examples=150, deadline=None)
@given(texts=_texts)
def test_report_csv_round_trip_keeps_every_cell(texts):
    r = _report_with(texts)
    expected = [str(report_mod._scalar(v)) for v in findings_frame(r).iloc[0].tolist()]
    rows = list(csv.reader(io.StringIO(render_report(r, "csv", raw_csv=True), newline="")))
    assert rows[0] == list(findings_frame(r).columns)
    assert rows[1] == expected
    safe = list(csv.reader(io.StringIO(render_report(r, "csv"), newline="")))[1]
    for got, want in zip(safe, expected):
        assert got == (want if csv_cell(want) == want else "'" + want)
        assert not got.startswith(("=", "+", "@", "\t", "\r")) or got == want


@settings(max_examples=150, deadline=None)
@given(texts=_texts)
def test_report_html_escapes_all_article_text(texts):
    benign = _tags(render_report(_report_with(["x"] * 16), "html")).tags
    out = render_report(_report_with(texts), "html")
    assert _tags(out).tags == benign
    shown = [0, 1, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14]  # the HTML shows sentences, not quotes or things
    for i in shown:
        assert html.escape(texts[i]) in out


# --- issue 15: injection, encoding and where a report may go -----------------------------

_HOSTILE = {
    "osc-title": "\x1b]0;pwned\x07",
    "clear-screen": "\x1b[2J\x1b[H",
    "c1-csi": "\x9b31m",
    "bidi-override": "\u202eevil",
    "nul": "a\x00b",
}


def _hostile_report(text: str) -> Report:
    claims = [
        _claim("h1", f"src{text}", f"{text} 5 died", "5", 5, speaker=text, time_text=text, quote=f"{text} 5"),
        _claim("h2", "wire", "Then 7 died.", "7", 7),
    ]
    findings = [Finding("conflict", "h1", "h2", f"topic{text}", f"5 against 7{text}", 0.7)]
    return Report([Article(f"src{text}", "..."), Article("wire", "...")], claims, findings,
                  [Skipped(f"bad{text}.txt", f"problem{text}", f"hint{text}")])


@pytest.mark.parametrize("text", list(_HOSTILE.values()), ids=list(_HOSTILE))
def test_report_human_facing_outputs_escape_control_characters(text):
    from rich.console import Console

    r = _hostile_report(text)
    buf = io.StringIO()
    report_mod.print_report_table(r, Console(file=buf, width=200, color_system=None, force_terminal=True))
    outputs = {
        "txt": render_report(r, Format.table), "markdown": render_report(r, Format.markdown),
        "terminal": buf.getvalue(), "claims-txt": render_claims(r.claims, Format.table),
    }
    for name, out in outputs.items():
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out), name
        assert (md_cell(text) if name == "markdown" else report_mod.printable(text)) in out, name


@pytest.mark.parametrize(
    "text",
    ["[/b]", "[bold red]loud[/]", "[link=https://evil.example]click[/link]", ":smile:", "[red", "\\[x]"],
    ids=["close-tag", "style", "link", "emoji", "unclosed", "escaped"],
)
def test_report_terminal_table_prints_rich_markup_literally(text):
    from rich.console import Console

    r = _hostile_report(text)
    for renderable in (report_mod.report_table(r), report_mod.claims_table(r.claims)):
        buf = io.StringIO()
        Console(file=buf, width=400, color_system=None).print(renderable)
        assert f"src{text}" in buf.getvalue()
    buf = io.StringIO()
    report_mod.print_report_table(r, Console(file=buf, width=400, color_system=None))
    assert f"topic{text}" in buf.getvalue() and f"bad{text}.txt: problem{text} (hint{text})" in buf.getvalue()


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>"),
        ("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
        ("![x](https://evil.example/t.png)", "!\\[x\\](https://evil.example/t.png)"),
        ("<javascript:alert(1)>", "&lt;javascript:alert(1)>"),
        ("`code` &amp; &#60;", "\\`code\\` &amp;amp; &amp;#60;"),
        ("AT&T >=40 & ~<187,000 1 < 2", "AT&T >=40 & ~<187,000 1 < 2"),
        ("</article><!-- x --><?php", "&lt;/article>&lt;!-- x -->&lt;?php"),
    ],
    ids=["raw-html", "link", "image", "autolink", "code-and-entity", "plain-comparisons", "close-comment-pi"],
)
def test_report_markdown_escapes_html_and_links(text, shown):
    out = render_report(_hostile_report(text), Format.markdown)
    body, code_span = out.rsplit("\n- `", 1)
    if shown != text:
        assert text not in body and text not in code_span.split("`: ", 1)[1]
    assert f"| src{shown} |" in out and f"| topic{shown} |" in out
    assert f"- `bad{text.replace('`', chr(39))}.txt`: problem{shown} (hint{shown})" in out  # a code span shows it as it is


def test_report_every_writer_survives_a_lone_surrogate(tmp_path):
    r = _hostile_report("\ud800")
    for fmt in Format:
        out = tmp_path / f"r.{fmt.value}"
        write_report(r, fmt, out=out)
        assert "\ufffd" in out.read_text(encoding="utf-8")
        assert "\ud800" not in render_report(r, fmt)
        write_report(r, fmt, stream=io.TextIOWrapper(io.BytesIO(), encoding="utf-8"))
    for fmt in (Format.table, Format.csv, Format.json, Format.jsonl):
        report_mod.write_claims(r.claims, fmt, out=tmp_path / "c.out")
        assert "\ud800" not in render_claims(r.claims, fmt)


def test_report_output_onto_a_fifo_or_symlink_is_refused(tmp_path):
    import os
    import stat

    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    target = tmp_path / "real.md"
    target.write_text("kept\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    with pytest.raises(OutputError, match="not a regular file"):
        write_report(_sample(), "markdown", out=fifo)
    with pytest.raises(OutputError, match="is a symbolic link"):
        write_report(_sample(), "markdown", out=link)
    with pytest.raises(OutputError, match="not a regular file"):
        report_mod.write_atomic(fifo, ["x"])
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and link.is_symlink() and target.read_text() == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "pipe.md", "real.md"]


def test_report_rewriting_a_report_keeps_its_permissions(tmp_path):
    out = tmp_path / "r.md"
    out.write_text("old\n")
    out.chmod(0o600)
    write_report(_sample(), "markdown", out=out)
    assert out.read_text(encoding="utf-8") == EXPECTED_MARKDOWN
    assert out.stat().st_mode & 0o777 == 0o600


def test_report_sigterm_during_the_write_leaves_no_temporary_file(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    out = tmp_path / "r.md"
    out.write_text("previous report\n")
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from reconcile.report import write_atomic\n"
        "def chunks():\n"
        "    yield 'half a report\\n'\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    yield 'the rest\\n'\n"
        "write_atomic(Path(sys.argv[1]), chunks())\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(out)], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert os.listdir(tmp_path) == ["r.md"]
    assert out.read_text() == "previous report\n"


# --- provenance, TSV, Excel, cards (issue 13) ----------------------------------------------

EXPECTED_TSV = """\
status\ttopic\tsource_a\tspeaker_a\tvalue_a\ttime_a\tquote_a\tsource_b\tspeaker_b\tvalue_b\ttime_b\tquote_b\treason\tscore\t\
claim_a\tclaim_b\tlow_a\thigh_a\tunit_a\tpublished_a\toutlet_a\turl_a\tsentence_a\t\
low_b\thigh_b\tunit_b\tpublished_b\toutlet_b\turl_b\tsentence_b
conflict\tstrikes on Sirte\therald\t\t5\ton Monday (2016-08-01)\tfive air strikes\twire\t\t2\t\tA second strike\t5 against 2\t0.8333\t\
c3\tc4\t5\t5\t\t2016-08-03\tHerald\t\tThere were five air strikes on Monday.\t\
2\t2\t\t\t\t\tA second strike hit two vehicles.
update\tfighters | Sirte\twire\tAFRICOM head\t~5,000\tthis past spring\tAbout 5,000 fighters\twire\tUS military\t200-2,000\t\
now (2016-08-02)\ta few hundred to 2,000 | fighters\t~5,000 then 200-2,000\t0.75\t\
c1\tc2\t5000\t5000\t\t\t\t\tAbout 5,000 fighters were in Sirte.\t\
200\t2000\t\t\t\t\tNow a few hundred to 2,000 | fighters.
agree\ttemperature\therald\t\t-3\t\t'=HYPERLINK(1) it was -3\twire\t\t-3\t\tfell to -3 degrees\t'-3 equals -3\t-0.5\t\
c5\tc6\t-3\t-3\t\t2016-08-03\tHerald\t\t'=HYPERLINK(1) it was -3 degrees\t\
-3\t-3\t\t\t\t\tIt fell to -3 degrees.
"""


def test_report_tsv_exact_one_row_per_line():
    out = render_report(_sample(), Format.tsv)
    assert out == EXPECTED_TSV
    rows = out.splitlines()
    assert len(rows) == 4 and {row.count("\t") for row in rows} == {len(rows[0].split("\t")) - 1}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("a\tb", "a b"), ("one\r\ntwo\u2028three", "one two three"), ("\x1b[2J", "\\x1b[2J"), (None, ""), (5, "5")],
    ids=["tab", "line-breaks", "escape", "none", "number"],
)
def test_report_tsv_cell(value, expected):
    assert report_mod.tsv_cell(value) == expected


@pytest.mark.parametrize("fmt", ["csv", "tsv"], ids=["csv", "tsv"])
def test_report_excel_starts_with_a_bom(fmt, tmp_path):
    plain = render_report(_sample(), fmt)
    assert render_report(_sample(), fmt, excel=True) == "\ufeff" + plain
    out = tmp_path / f"r.{fmt}"
    write_report(_sample(), fmt, out=out, excel=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfstatus")
    claims = render_claims(_sample().claims, fmt, excel=True)
    assert claims.startswith("\ufeffid") and not plain.startswith("\ufeff")


@pytest.mark.parametrize("fmt", ["markdown", "json", "jsonl", "html", "table"], ids=str)
def test_report_excel_with_another_format_is_refused(fmt, tmp_path):
    with pytest.raises(OutputError, match=f"--excel applies to CSV and TSV, not {fmt}"):
        write_report(_sample(), fmt, out=tmp_path / "r.out", excel=True)
    assert not (tmp_path / "r.out").exists()


def test_report_provenance_in_every_format():
    r = _sample(skipped=False)
    r.articles[0] = Article("herald", "...", outlet="Herald", published=dt.date(2016, 8, 3),
                            url="https://herald.example/sirte", path="in/herald.txt")
    for fmt in ("markdown", "csv", "tsv", "json", "jsonl", "html", "table"):
        out = render_report(r, fmt)
        assert "Herald" in out and "2016-08-03" in out and "https://herald.example/sirte" in out, fmt
    row = json.loads(render_report(r, "jsonl").splitlines()[0])
    assert (row["outlet_a"], row["published_a"], row["url_a"], row["low_a"], row["high_b"]) == (
        "Herald", "2016-08-03", "https://herald.example/sirte", 5.0, 2.0)
    assert row["outlet_b"] is None and row["published_b"] is None
    page = render_report(r, "html")
    assert '<a href="https://herald.example/sirte" rel="noreferrer noopener">herald</a>' in page
    assert "published 2016-08-03" in page


def test_report_html_links_only_web_urls():
    r = _sample(skipped=False)
    r.articles[0] = Article("herald", "...", url="javascript:alert(1)")
    page = render_report(r, "html")
    assert "<a href" not in page and "javascript:" not in page


def test_report_claims_csv_has_provenance_columns():
    r = _sample()
    out = render_claims(r.claims, "csv", articles=r.articles)
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert list(rows[0]) == ["id", "source", "start", "end", "number", "value", "kind", "unit", "thing", "event",
                             "place", "time", "speaker", "quote", "low", "high", "published", "outlet", "url", "sentence"]
    assert [(row["id"], row["low"], row["high"], row["published"], row["outlet"]) for row in rows[1:3]] == [
        ("c2", "200", "2000", "", ""), ("c3", "5", "5", "2016-08-03", "Herald")]
    jsonl = [json.loads(line) for line in render_claims(r.claims, "jsonl", articles=r.articles).splitlines()]
    assert (jsonl[2]["outlet"], jsonl[2]["published"], jsonl[2]["url"]) == ("Herald", "2016-08-03", None)


def test_report_claims_table_shows_event_and_place():
    from rich.console import Console

    claim = _claim("c9", "herald", "Five air strikes hit Sirte on Monday.", "Five", 5, thing="air strikes",
                   event="hit", place="in Sirte")
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(report_mod.claims_table([claim], articles=[Article("herald", "", outlet="Herald")]))
    lines = [line.rstrip() for line in console.file.getvalue().splitlines()]
    assert [c.strip() for c in lines[2].strip("┃ ").split("┃")] == [
        "id", "source", "number", "value", "thing", "event", "place", "time", "speaker", "quote"]
    assert [c.strip() for c in lines[4].strip("│ ").split("│")][:7] == [
        "c9", "herald", "Five", "5", "air strikes", "hit", "in Sirte"]
    assert "Herald" in lines[5]


EXPECTED_CARDS = """\
2 articles, 6 claims: 1 conflict, 1 update, 1 agreement.

conflict strikes on Sirte · score 0.83
A        5 · herald (Herald, 2016-08-03) · on Monday (2016-08-01)
         “five air strikes”
B        2 · wire
         “A second strike”
why      5 against 2

update   fighters | Sirte · score 0.75
A        ~5,000 · wire · AFRICOM head · this past spring
         “About 5,000 fighters”
B        200-2,000 · wire · US military · now (2016-08-02)
         “a few hundred to 2,000 | fighters”
why      ~5,000 then 200-2,000

agree    temperature · score -0.50
A        -3 · herald (Herald, 2016-08-03)
         “=HYPERLINK(1) it was -3”
B        -3 · wire
         “fell to -3 degrees”
why      -3 equals -3

Sources
source  outlet  published   url
herald  Herald  2016-08-03
wire
"""


@pytest.mark.parametrize(("width", "cards"), [(80, True), (119, True), (120, False), (160, False)],
                         ids=["80", "119", "120", "160"])
def test_report_terminal_switches_to_cards_below_120_columns(width, cards):
    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_report_table(_sample(), console, skipped=False)
    out = "".join(line.rstrip() + "\n" for line in console.file.getvalue().splitlines())
    if cards:
        assert out == EXPECTED_CARDS
    else:
        assert "┃ status" in out and out.endswith(EXPECTED_CARDS[EXPECTED_CARDS.index("Sources"):])


@pytest.mark.parametrize("skipped", [True, False], ids=["listed", "named-already"])
def test_report_terminal_lists_skipped_inputs_unless_told_not_to(skipped):
    from rich.console import Console

    console = Console(file=io.StringIO(), width=100, color_system=None)
    print_report_table(_sample(), console, skipped=skipped)
    assert ("bad/empty.txt: empty file" in console.file.getvalue()) is skipped


@pytest.mark.parametrize("fmt", [f.value for f in Format], ids=[f.value for f in Format])
def test_report_writers_need_no_pandas(fmt):
    # the writers read plain rows; pandas is only for findings_frame and claims_frame
    import subprocess
    import sys
    from pathlib import Path

    tests = Path(__file__).resolve().parent
    code = (
        f"import sys; sys.path.insert(0, {str(tests)!r})\n"
        "import test_report as t\n"
        "from reconcile.report import CLAIM_FORMATS, Format, render_claims, render_report\n"
        f"fmt = Format({fmt!r}); r = t._sample()\n"
        "assert render_report(r, fmt)\n"
        "if fmt in CLAIM_FORMATS:\n    assert render_claims(r.claims, fmt, articles=r.articles)\n"
        "print('pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]
