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
    FIGURE_CLAIM_COLUMNS,
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
               sentence_start=120, speaker="AFRICOM head", time_text="this past spring", quote="About 5,000 fighters",
               topic="fighter", place="Sirte"),
        _claim("c2", "wire", "Now a few hundred to 2,000 | fighters.", "a few hundred to 2,000", 200, 2000,
               sentence_start=400, speaker="US military", time_text="now", time_start=dt.date(2016, 8, 2),
               quote="a few hundred to 2,000 | fighters", topic="fighter", place="Sirte"),
        _claim("c3", "herald", "There were five air strikes on Monday.", "five", 5,
               time_text="on Monday", time_start=dt.date(2016, 8, 1), time_end=dt.date(2016, 8, 1),
               quote="five air strikes", topic="strike", place="Sirte"),
        _claim("c4", "wire", "A second strike hit\ntwo vehicles.", "second", 2, sentence_start=10, quote="A second strike",
               topic="strike"),
        _claim("c5", "herald", "=HYPERLINK(1) it was -3 degrees", "-3", -3, sentence_start=60, quote="=HYPERLINK(1) it was -3",
               topic="temperature"),
        _claim("c6", "wire", "It fell to -3 degrees.", "-3", -3, sentence_start=300, quote="fell to -3 degrees",
               topic="temperature"),
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

2 articles, 6 claims: 1 figure in conflict, 1 updated, 1 agrees.

## Figures

### conflict · strike in Sirte · values 60% apart, 2 sources disagree

| source | outlet | published | speaker | number | value | time | sentence |
|---|---|---|---|---|---|---|---|
| herald | Herald | 2016-08-03 |  | five | 5 | on Monday (2016-08-01) | There were **five** air strikes on Monday. |
| wire |  |  |  | second | 2 |  | A **second** strike hit<br>two vehicles. |

- conflict · herald / wire: 5 against 2

### update · fighter in Sirte · 2 claims from 1 source

~5,000 this past spring, then 200-2,000 now (2016-08-02).

| source | outlet | published | speaker | number | value | time | sentence |
|---|---|---|---|---|---|---|---|
| wire |  |  | AFRICOM head | About 5,000 | ~5,000 | this past spring | **About 5,000** fighters were in Sirte. |
| wire |  |  | US military | a few hundred to 2,000 | 200-2,000 | now (2016-08-02) | Now **a few hundred to 2,000** \\| fighters. |

- update · wire / wire: ~5,000 then 200-2,000

1 figure agrees (use --all to list it).

## Sources

| source | outlet | published | url |
|---|---|---|---|
| herald | Herald | 2016-08-03 |  |
| wire |  |  |  |

## Skipped inputs

- `bad/empty.txt`: empty file (remove it)
"""

EXPECTED_AGREEMENT = """\
### agree · temperature · 2 claims from 2 sources

| source | outlet | published | speaker | number | value | time | sentence |
|---|---|---|---|---|---|---|---|
| herald | Herald | 2016-08-03 |  | -3 | -3 |  | =HYPERLINK(1) it was **-3** degrees |
| wire |  |  |  | -3 | -3 |  | It fell to **-3** degrees. |
"""


def test_report_markdown_exact():
    assert render_report(_sample(), Format.markdown) == EXPECTED_MARKDOWN


def test_report_markdown_all_lists_the_agreements():
    out = render_report(_sample(), Format.markdown, all_figures=True)
    assert out == EXPECTED_MARKDOWN.replace("1 figure agrees (use --all to list it).\n", EXPECTED_AGREEMENT)


def _headings(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("### ")]


def test_report_markdown_only_and_empty():
    out = render_report(_sample(skipped=False), "markdown", only="agree")
    assert "Showing: agree." in out
    # asked for by name, agreements are listed, not counted
    assert _headings(out) == ["### agree · temperature · 2 claims from 2 sources"] and "use --all" not in out
    assert _headings(render_report(_sample(), "markdown", only="conflict,update")) == [
        "### conflict · strike in Sirte · values 60% apart, 2 sources disagree",
        "### update · fighter in Sirte · 2 claims from 1 source"]
    empty = render_report(Report([], [], []), "markdown")
    assert empty == "# reconcile report\n\n0 articles, 0 claims: 0 figures in conflict, 0 updated, 0 agree.\n\nNo findings.\n"


def _ranked() -> Report:
    """Two conflicts (the wider gap first), an update and an agreement, built from claims and findings."""
    claims = [
        _claim("n1", "a", "Ten houses burned.", "Ten", 10, topic="house"),
        _claim("n2", "b", "Nine houses burned.", "Nine", 9, topic="house"),
        _claim("k1", "a", "Five people died.", "Five", 5, topic="death"),
        _claim("k2", "b", "Two people died.", "Two", 2, topic="death"),
        _claim("k3", "c", "Two people died, police said.", "Two", 2, topic="death", speaker="police"),
        _claim("u1", "a", "By noon 40 were missing.", "40", 40, topic="missing", time_text="by noon",
               time_start=dt.date(2024, 3, 12)),
        _claim("u2", "b", "By night 55 were missing.", "55", 55, topic="missing", time_text="by night",
               time_start=dt.date(2024, 3, 13)),
        _claim("g1", "a", "The ferry held 240.", "240", 240, topic="passenger"),
        _claim("g2", "c", "It carried 240 people.", "240", 240, topic="passenger"),
    ]
    findings = [
        Finding("agree", "g1", "g2", "passenger", "240 equals 240", 1.0),
        Finding("conflict", "n1", "n2", "house", "10 against 9", 1.0),
        Finding("update", "u1", "u2", "missing", "40 then 55", 1.0),
        Finding("conflict", "k1", "k2", "death", "5 against 2", 1.0),
        Finding("conflict", "k1", "k3", "death", "5 against 2 (police)", 1.0),
        Finding("agree", "k2", "k3", "death", "2 equals 2", 1.0),
    ]
    articles = [Article(name, "...", published=dt.date(2024, 3, 12)) for name in "abc"]
    return Report(articles, claims, findings)


def test_report_markdown_ranks_conflicts_by_gap_then_updates_then_agreements():
    out = render_report(_ranked(), "markdown")
    assert _headings(out) == [
        "### conflict · death · values 60% apart, 3 sources disagree",
        "### conflict · house · values 10% apart, 2 sources disagree",
        "### update · missing · 2 claims from 2 sources",
    ]
    assert out.index("### update") < out.index("1 figure agrees (use --all to list it).") < out.index("## Sources")
    block = out.split("### conflict · death")[1].split("###")[0]
    # a row per claim, in time order; a line per clashing pair, none for the pair that agrees
    assert [line.split(" | ")[0] for line in block.splitlines() if line.startswith("| ") and "source" not in line] == [
        "| a", "| b", "| c"]
    assert [line for line in block.splitlines() if line.startswith("- ")] == [
        "- conflict · a / b: 5 against 2", "- conflict · a / c: 5 against 2 (police)"]
    update = out.split("### update · missing")[1]
    assert update.startswith(" · 2 claims from 2 sources\n\n40 by noon (2024-03-12), then 55 by night (2024-03-13).\n")


def test_report_markdown_several_stories_get_a_heading_each():
    from reconcile.figures import build_figures
    from reconcile.stories import Story

    r = _ranked()
    stories = [Story("ferry", "Port Ellis", ("a", "c"), (0, 2)), Story("fire", "Derna fire", ("b",), (1,))]
    r.figures = build_figures(r.claims[:5], r.findings[1:2] + r.findings[3:], story="fire") + \
        build_figures(r.claims, r.findings[:1] + r.findings[2:3], story="ferry")
    r.findings.append(Finding("review", "g1", "g2", "passenger", "one names no place", 0.9))
    r.stories = stories
    out = render_report(r, "markdown")
    lines = [line for line in out.splitlines() if line.startswith("#")]
    assert lines == [
        "# reconcile report",
        "## Port Ellis (2 articles)", "### update · missing · 2 claims from 2 sources",
        "## Derna fire (1 article)", "### conflict · death · values 60% apart, 3 sources disagree",
        "### conflict · house · values 10% apart, 2 sources disagree",
        "## To review", "### Port Ellis (2 articles)",
        "## Sources",
    ]
    page = render_report(r, "html")
    assert "<title>reconcile report: 2 stories</title>" in page
    assert page.index("<h2>Port Ellis (2 articles)</h2>") < page.index("<h2>Derna fire (1 article)</h2>")


def test_report_frame_order_columns_and_filter():
    frame = findings_frame(_sample())
    sides = [f"{c}_{side}" for side in ("a", "b") for c in PROVENANCE_COLUMNS]
    assert list(frame.columns) == [*FINDING_COLUMNS, "claim_a", "claim_b", "figure", *sides]
    assert list(frame.figure) == ["f1", "f2", "f3"]
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
     ("conflict,update", ("conflict", "update")), ([" Updates , agree", "conflict"], ("conflict", "update", "agree")), (None, STATUSES)],
    ids=["one", "plural", "agreement-and-repeat", "comma-list", "spaces-and-case", "none"],
)
def test_report_parse_statuses(only, expected):
    assert parse_statuses(only) == expected


def test_report_unknown_status_and_missing_claim_raise():
    with pytest.raises(OutputError, match="unknown status 'maybe'; use one or more of conflict, update, review, agree"):
        findings_frame(_sample(), only="conflict,maybe")
    r = _sample()
    r.findings.append(Finding("agree", "c1", "c99", "t", "r", 1.0))
    with pytest.raises(OutputError, match="'c99'"):
        findings_frame(r)


EXPECTED_CSV = """\
status,topic,source_a,speaker_a,value_a,time_a,quote_a,source_b,speaker_b,value_b,time_b,quote_b,reason,score,claim_a,claim_b,\
figure,low_a,high_a,unit_a,published_a,outlet_a,url_a,sentence_a,low_b,high_b,unit_b,published_b,outlet_b,url_b,sentence_b
conflict,strikes on Sirte,herald,,5,on Monday (2016-08-01),five air strikes,wire,,2,,A second strike,5 against 2,0.8333,c3,c4,f1,\
5,5,,2016-08-03,Herald,,There were five air strikes on Monday.,2,2,,,,,"A second strike hit
two vehicles."
update,fighters | Sirte,wire,AFRICOM head,"~5,000",this past spring,"About 5,000 fighters",wire,US military,"200-2,000",now (2016-08-02),"a few hundred to 2,000 | fighters","~5,000 then 200-2,000",0.75,c1,c2,f2,\
5000,5000,,,,,"About 5,000 fighters were in Sirte.",200,2000,,,,,"Now a few hundred to 2,000 | fighters."
agree,temperature,herald,,-3,,'=HYPERLINK(1) it was -3,wire,,-3,,fell to -3 degrees,'-3 equals -3,-0.5,c5,c6,f3,\
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
    assert sorted(data) == ["articles", "claims", "figures", "findings", "skipped"]
    assert data["articles"][0] == {"source": "herald", "outlet": "Herald", "published": "2016-08-03", "url": None, "title": None}
    claim = data["claims"][0]
    assert (claim["id"], claim["source"], claim["start"], claim["end"]) == ("c1", "wire", 120, 131)
    assert claim["number_text"] == "About 5,000" and claim["approximate"] is True
    assert data["findings"][0] == {"status": "conflict", "a": "c3", "b": "c4", "topic": "strikes on Sirte",
                                   "reason": "5 against 2", "score": 0.8333, "aligned_because": ["thing", "time"]}
    assert data["skipped"] == [{"name": "bad/empty.txt", "problem": "empty file", "hint": "remove it"}]
    assert [(f["id"], f["status"], f["claims"], f["gap"]) for f in data["figures"]] == [
        ("f1", "conflict", ["c3", "c4"], 0.6), ("f2", "update", ["c1", "c2"], 0.0), ("f3", "agree", ["c5", "c6"], 0.0)]
    assert text.endswith("}\n") and list(json.loads(text, object_pairs_hook=lambda kv: [k for k, _ in kv])) == \
        ["articles", "claims", "figures", "findings", "skipped"]


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
    assert out.count('<article class="figure') == 3
    assert '<input type="checkbox" value="conflict" checked> conflict (1)' in out
    assert "<code>bad/empty.txt</code>: empty file (remove it)" in out
    assert out.index("figure conflict") < out.index("figure update") < out.index("figure agree")
    assert '<p class="timeline">~5,000 this past spring, then 200-2,000 now (2016-08-02)</p>' in out
    assert '<li>conflict · herald / wire: 5 against 2</li>' in out


def test_report_html_folds_agreements_away_unless_all():
    folded = render_report(_sample(), Format.html)
    details = folded.split('<details class="agreements" data-status="agree"><summary>1 figure agrees.</summary>')[1]
    assert details.split("</details>")[0].count('<article class="figure agree"') == 1
    listed = render_report(_sample(), Format.html, all_figures=True)
    assert "<details" not in listed and listed.count('<article class="figure agree"') == 1
    # the status filter hides figures, folded agreements and pairs to review alike
    assert "querySelectorAll('[data-status=\"' + box.value + '\"]')" in folded


_EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def test_report_html_figure_block_escapes_links_and_marks():
    from reconcile.stories import Story

    r = _sample(skipped=False)
    r.claims[2] = _claim("c3", "herald", f"There were five {_EVIL} strikes.", "five", 5, topic=f"strike{_EVIL}",
                         place="Sirte")
    r.claims[3].topic = f"strike{_EVIL}"
    r.articles = [Article("herald", "...", outlet=f"Herald{_EVIL}", url='https://herald.example/a?b=1&c="2"'),
                  Article("wire", "...", url="javascript:alert(3)")]
    r.stories = [Story("sirte", f"Sirte {_EVIL}", ("herald", "wire"), (0, 1))]
    page = render_report(r, "html")
    parsed = _tags(page)
    assert "script" not in parsed.tags[:-1] and parsed.tags.count("script") == 1 and "img" not in parsed.tags
    escaped = html.escape(_EVIL)
    assert f"<title>Sirte {escaped}</title>" in page and f"<h1>Sirte {escaped}</h1>" in page
    assert f'<span class="name">strike{escaped} in Sirte</span>' in page
    assert f"There were <mark>five</mark> {escaped} strikes." in page
    assert f"<td>Herald{escaped}</td>" in page
    assert '<a href="https://herald.example/a?b=1&amp;c=&quot;2&quot;" rel="noreferrer noopener">herald</a>' in page
    assert "javascript:" not in page and parsed.external == ['https://herald.example/a?b=1&c="2"'] * 3


def test_report_html_bad_offsets_fall_back_to_the_plain_sentence():
    r = _sample(skipped=False)
    r.claims[2].sentence_start = 999
    out = render_report(r, "html")
    assert "There were five air strikes on Monday." in out


def test_report_table_text():
    out = render_report(_sample(), Format.table)
    assert out.splitlines()[0] == "2 articles, 6 claims: 1 figure in conflict, 1 updated, 1 agrees."
    assert out.index("conflict strike in Sirte") < out.index("update fighter in Sirte") < out.index("1 figure agrees")
    assert "~5,000 this past spring, then 200-2,000 now (2016-08-02)\n" in out
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

    def broken(report, *, only, raw_csv, all_figures):
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
    out = render_report(_report_with(texts), "markdown")
    lines = out.split("\n## Sources\n")[0].splitlines()
    rows = [line for line in lines if line.startswith("| ")]
    assert len(rows) == 3  # header and the figure's two claims: no cell broke a line
    assert [len(_split_row(row)) for row in rows] == [len(FIGURE_CLAIM_COLUMNS)] * 3
    # every unescaped pipe in the row is a cell border
    assert all(len(re.findall(r"(?<!\\)(?:\\\\)*\|", row)) == len(FIGURE_CLAIM_COLUMNS) + 1 for row in rows)
    # the only emphasis in a sentence is its bold number
    sentences = [_split_row(row)[-1] for row in rows[1:]]
    assert [len(re.findall(r"(?<!\\)(?:\\\\)*\*\*", cell)) for cell in sentences] == [2, 2]
    # and the figure's heading stays one line, whatever the name
    assert sum(line.startswith("### ") for line in lines) == 1


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
    shown = [0, 1, 3, 4, 5, 6, 10, 11, 12, 13, 14]  # sentences, not quotes, things or the pair's topic
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
        _claim("h1", f"src{text}", f"{text} 5 died", "5", 5, speaker=text, time_text=text, quote=f"{text} 5",
               topic=f"topic{text}"),
        _claim("h2", "wire", "Then 7 died.", "7", 7, topic=f"topic{text}"),
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
    assert f"| src{shown} |" in out and f"- conflict · src{shown} / wire: 5 against 7{shown}\n" in out
    assert f"| {shown} **5** died |" in out  # the sentence, its number in bold
    assert f"\n### conflict · topic{shown.replace('#', chr(92) + '#')} · values 29% apart, 2 sources disagree\n" in out
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
claim_a\tclaim_b\tfigure\tlow_a\thigh_a\tunit_a\tpublished_a\toutlet_a\turl_a\tsentence_a\t\
low_b\thigh_b\tunit_b\tpublished_b\toutlet_b\turl_b\tsentence_b
conflict\tstrikes on Sirte\therald\t\t5\ton Monday (2016-08-01)\tfive air strikes\twire\t\t2\t\tA second strike\t5 against 2\t0.8333\t\
c3\tc4\tf1\t5\t5\t\t2016-08-03\tHerald\t\tThere were five air strikes on Monday.\t\
2\t2\t\t\t\t\tA second strike hit two vehicles.
update\tfighters | Sirte\twire\tAFRICOM head\t~5,000\tthis past spring\tAbout 5,000 fighters\twire\tUS military\t200-2,000\t\
now (2016-08-02)\ta few hundred to 2,000 | fighters\t~5,000 then 200-2,000\t0.75\t\
c1\tc2\tf2\t5000\t5000\t\t\t\t\tAbout 5,000 fighters were in Sirte.\t\
200\t2000\t\t\t\t\tNow a few hundred to 2,000 | fighters.
agree\ttemperature\therald\t\t-3\t\t'=HYPERLINK(1) it was -3\twire\t\t-3\t\tfell to -3 degrees\t'-3 equals -3\t-0.5\t\
c5\tc6\tf3\t-3\t-3\t\t2016-08-03\tHerald\t\t'=HYPERLINK(1) it was -3 degrees\t\
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
    assert "<td>Herald</td><td>2016-08-03</td>" in page


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
2 articles, 6 claims: 1 figure in conflict, 1 updated, 1 agrees.

conflict strike in Sirte · values 60% apart, 2 sources disagree
       • 5 “five” · herald (Herald, 2016-08-03) · on Monday (2016-08-01)
           There were five air strikes on Monday.
       • 2 “second” · wire
           A second strike hit two vehicles.
why      conflict · herald / wire: 5 against 2

update   fighter in Sirte · 2 claims from 1 source
       • ~5,000 “About 5,000” · wire · AFRICOM head · this past spring
           About 5,000 fighters were in Sirte.
    then 200-2,000 “a few hundred to 2,000” · wire · US military · now
         (2016-08-02)
           Now a few hundred to 2,000 | fighters.
why      update · wire / wire: ~5,000 then 200-2,000

1 figure agrees (use --all to list it).

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
    if cards:  # the same cards, wrapped to the width
        assert out == EXPECTED_CARDS if width == 80 else out.split() == EXPECTED_CARDS.split()
    else:
        assert out.count("┃ source ") == 2 and out.endswith(EXPECTED_CARDS[EXPECTED_CARDS.index("1 figure agrees"):])
    assert max(len(line) for line in out.splitlines()) <= width


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


# --- figures: one block per figure, the pairs to review (issue 13) ---------------------------

def _with_review() -> Report:
    r = _sample(skipped=False)
    r.findings.append(Finding("review", "c3", "c2", "strike | fighter", "five [b]strikes[/b] or *fighters*?", 0.9))
    return r


EXPECTED_REVIEW_MARKDOWN = (
    "## To review\n\n"
    "- **strike \\| fighter** · “five air strikes” (5, herald) / “a few hundred to 2,000 \\| fighters” (200-2,000, wire)"
    " · five \\[b\\]strikes\\[/b\\] or \\*fighters\\*?\n"
)


def test_report_markdown_lists_the_pairs_to_review_after_the_figures():
    out = render_report(_with_review(), "markdown")
    assert out.splitlines()[2] == "2 articles, 6 claims: 1 figure in conflict, 1 updated, 1 agrees; 1 pair to review."
    assert f"\n1 figure agrees (use --all to list it).\n\n{EXPECTED_REVIEW_MARKDOWN}\n## Sources\n" in out
    only = render_report(_with_review(), "markdown", only="reviews")
    assert "Showing: review." in only and EXPECTED_REVIEW_MARKDOWN in only
    assert "## Figures" not in only and "###" not in only and "agree" not in only.split("## To review")[1]
    assert "To review" not in render_report(_with_review(), "markdown", only="conflict,agree")


def test_report_pairs_to_review_join_no_figure_in_the_pairwise_formats():
    rows = list(csv.DictReader(io.StringIO(render_report(_with_review(), "csv"), newline="")))
    assert [(row["status"], row["figure"]) for row in rows] == [
        ("conflict", "f1"), ("update", "f2"), ("review", ""), ("agree", "f3")]
    assert [json.loads(line)["figure"] for line in render_report(_with_review(), "jsonl").splitlines()] == [
        "f1", "f2", "", "f3"]
    assert list(findings_frame(_with_review(), only="review").figure) == [""]


def test_report_html_review_section_and_filter():
    page = render_report(_with_review(), "html")
    section = page.split('<section class="reviews" data-status="review"><h2>To review</h2>\n')[1].split("</section>")[0]
    assert section.count('<article class="finding review" data-status="review">') == 1
    assert '<span class="topic">strike | fighter</span>' in section
    assert "There were <mark>five</mark> air strikes on Monday." in section
    assert '<p class="reason">five [b]strikes[/b] or *fighters*?</p>' in section
    assert '<input type="checkbox" value="review" checked> review (1)' in page
    assert page.index("figure agree") < page.index("To review") < page.index("<h2>Sources</h2>")


EXPECTED_REVIEW_CARD = """\
To review

review   strike | fighter
A        5 · herald (Herald, 2016-08-03) · on Monday (2016-08-01)
         “five air strikes”
B        200-2,000 · wire · US military · now (2016-08-02)
         “a few hundred to 2,000 | fighters”
why      five [b]strikes[/b] or *fighters*?

Sources
"""


@pytest.mark.parametrize("width", [80, 200], ids=["80", "200"])
def test_report_terminal_shows_figures_then_the_pairs_to_review(width):
    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_report_table(_with_review(), console, skipped=False)
    out = "".join(line.rstrip() + "\n" for line in console.file.getvalue().splitlines())
    assert max(len(line) for line in out.splitlines()) <= width
    assert out.index("conflict strike in Sirte") < out.index("fighter in Sirte") < out.index("1 figure agrees") < \
        out.index("To review") < out.index("Sources")
    if width == 80:
        assert EXPECTED_REVIEW_CARD in out and "┃" not in out
    else:
        assert out.count("┃ source ") == 2 and "┃ topic " in out  # a table per figure, one for the pairs to review
        assert "│ strike | fighter " in out and "five [b]strikes[/b] or *fighters*?" in out


@pytest.mark.parametrize("width", [80, 200], ids=["80", "200"])
def test_report_terminal_all_lists_agreements_and_keeps_markup_literal(width):
    from rich.console import Console

    r = _sample(skipped=False)
    r.claims[4].sentence = "[bold]=HYPERLINK(1)[/bold] it was -3 degrees :smile:"
    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_report_table(r, console, all_figures=True)
    out = console.file.getvalue()
    assert "1 figure agrees" not in out and re.search(r"\nagree +temperature · 2 claims from 2 sources", out)
    assert "[bold]=HYPERLINK(1)[/bold]" in out and ":smile:" in out


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("Some *5* said", "5", "Some \\***5**\\* said"),
        ("snake_case 12 _x_ __y", "12", "snake_case **12** \\_x\\_ \\_\\_y"),
        ("a | b 7 <b>", "7", "a \\| b **7** &lt;b>"),
        ("line\nbreak 9", "9", "line<br>break **9**"),
        ("ends with 40", "40", "ends with **40**"),
    ],
    ids=["asterisks", "underscores", "pipe-and-tag", "line-break", "at-the-end"],
)
def test_report_md_sentence_bolds_only_the_number(sentence, number, expected):
    assert report_mod.md_sentence(_claim("x", "s", sentence, number, 1)) == expected


def test_report_md_sentence_keeps_spaces_outside_the_bold_and_falls_back_on_bad_offsets():
    c = _claim("x", "s", "about  5  dead", "5", 5)
    c.start, c.end = c.start - 1, c.end + 1  # a span with the spaces round it
    assert report_mod.md_sentence(c) == "about  **5**  dead"
    c.sentence_start = 999
    assert report_mod.md_sentence(c) == "about  5  dead"


def test_report_summary_counts_figures_and_pairs_to_review():
    assert report_mod.summary(_with_review()) == (
        "2 articles, 6 claims: 1 figure in conflict, 1 updated, 1 agrees; 1 pair to review.")
    assert report_mod.summary(_ranked()) == "3 articles, 9 claims: 2 figures in conflict, 1 updated, 1 agrees."
