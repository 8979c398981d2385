"""reconcile.cli through typer's CliRunner: formats, exit codes, stderr, help.

Most tests replace the NLP stages with a small stand-in (the first number of each
article becomes its claim; the first claim is compared with every other), so the
exact output of each format stays fixed while the extraction rules evolve. One test
runs the real pipeline end to end.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

import reconcile.api
import reconcile.claims
import reconcile.cli
import reconcile.judge
from reconcile.cli import EXIT_BROKEN_PIPE, EXIT_INTERNAL, app
from reconcile.model import STATUSES, Claim, Finding, Quantity

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "fixtures" / "inputs"
BAD = ROOT / "fixtures" / "bad"
LIBYA = ROOT / "fixtures" / "clusters" / "libya-sirte-airstrikes"
_NUMBER = re.compile(r"\d[\d,]*")


def _fake_extract(articles, *, model=None, **_):
    out = []
    for a in articles:
        m = _NUMBER.search(a.text)
        if not m:
            continue
        value = float(m.group().replace(",", ""))
        q = Quantity(m.group(), m.start(), m.end(), value, value)
        s0 = a.text.rfind("\n", 0, m.start()) + 1
        s1 = a.text.find("\n", m.end())
        sentence = a.text[s0: s1 if s1 >= 0 else len(a.text)]
        out.append(Claim(f"{a.source}#{m.start()}", a.source, m.start(), m.end(), sentence, s0,
                         a.text[m.start(): m.end() + 7], q, thing="people", topic="people"))
    return out


def _fake_judge(claims, *, threshold=0.6, as_frame=True, **_):
    assert as_frame is False
    first, rest = claims[0], claims[1:]
    return [
        Finding("agree" if c.quantity.value == first.quantity.value else "conflict", first.id, c.id,
                "people", f"{first.quantity.describe()} against {c.quantity.describe()}", threshold)
        for c in rest
    ]


@pytest.fixture(name="fake")
def _fake(monkeypatch):
    monkeypatch.setattr(reconcile.claims, "extract_claims", _fake_extract)
    monkeypatch.setattr(reconcile.judge, "reconcile", _fake_judge)
    monkeypatch.setattr(reconcile.api, "reconcile", _fake_judge)  # judge_claims calls it by its own name


def _run(*args, input=None, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input, env=env)


EXPECTED_MARKDOWN = """\
# reconcile report

5 articles, 5 claims: 1 figure in conflict, 0 updated, 0 agree.

## Figures

### conflict · people · values 91% apart, 4 sources disagree

| source | outlet | published | speaker | number | value | time | sentence |
|---|---|---|---|---|---|---|---|
| coastline-wire | Coastline Wire | 2024-03-12 |  | 40 | 40 |  | At least **40** people are missing after a ferry with 226 people on board capsized off Port Ellis on Monday, the operator said. |
| desk:2 | Evening Signal | 2024-03-12 |  | 188 | 188 |  | Officials said **188** people were rescued, and "about 40" were unaccounted for. |
| harbour-gazette | The Harbour Gazette | 2024-03-12 |  | 240 | 240 |  | A passenger ferry carrying about **240** people capsized off Port Ellis early on Monday, the coast guard said, and at least 37 people were still missing by Tuesday morning. |
| port-authority | Port Ellis Port Authority | 2024-03-12 |  | 240 | 240 |  | The ferry left the terminal with **240** passengers, the port manifest showed. |
| wires:2 | Island Radio | 2024-03-13 |  | 22 | 22 |  | The coast guard said on Wednesday that **22** people remain missing and 19 bodies have been recovered from the ferry. |

- conflict · port-authority / coastline-wire: 240 against 40
- conflict · port-authority / desk:2: 240 against 188
- conflict · port-authority / wires:2: 240 against 22

## Sources

| source | outlet | published | url |
|---|---|---|---|
| port-authority | Port Ellis Port Authority | 2024-03-12 | https://port-ellis.example/notice |
| desk:2 | Evening Signal | 2024-03-12 |  |
| harbour-gazette | The Harbour Gazette | 2024-03-12 | https://harbour-gazette.example/news/2024/03/12/ferry-capsizes |
| coastline-wire | Coastline Wire | 2024-03-12 | https://coastline-wire.example/ferry |
| wires:2 | Island Radio | 2024-03-13 |  |
"""


def test_cli_report_markdown_exact(fake):
    result = _run("report", INPUTS)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == EXPECTED_MARKDOWN
    assert result.stderr == ""


_PORT = ('240,240,,2024-03-12,Port Ellis Port Authority,https://port-ellis.example/notice,'
         '"The ferry left the terminal with 240 passengers, the port manifest showed."')
EXPECTED_CSV = (
    "status,topic,source_a,speaker_a,value_a,time_a,quote_a,source_b,speaker_b,value_b,time_b,quote_b,reason,score,claim_a,claim_b,"
    "figure,low_a,high_a,unit_a,published_a,outlet_a,url_a,sentence_a,low_b,high_b,unit_b,published_b,outlet_b,url_b,sentence_b\r\n"
    "conflict,people,port-authority,,240,,240 passen,coastline-wire,,40,,40 people,240 against 40,0.5,port-authority#33,coastline-wire#9,f1,"
    f"{_PORT},40,40,,2024-03-12,Coastline Wire,https://coastline-wire.example/ferry,"
    '"At least 40 people are missing after a ferry with 226 people on board capsized off Port Ellis on Monday, the operator said."\r\n'
    "conflict,people,port-authority,,240,,240 passen,desk:2,,188,,188 people,240 against 188,0.5,port-authority#33,desk:2#15,f1,"
    f'{_PORT},188,188,,2024-03-12,Evening Signal,,"Officials said 188 people were rescued, and ""about 40"" were unaccounted for."\r\n'
    "conflict,people,port-authority,,240,,240 passen,wires:2,,22,,22 people,240 against 22,0.5,port-authority#33,wires:2#39,f1,"
    f"{_PORT},22,22,,2024-03-13,Island Radio,,"
    "The coast guard said on Wednesday that 22 people remain missing and 19 bodies have been recovered from the ferry.\r\n"
    "agree,people,port-authority,,240,,240 passen,harbour-gazette,,240,,240 people,240 against 240,0.5,port-authority#33,harbour-gazette#79,f1,"
    f"{_PORT},240,240,,2024-03-12,The Harbour Gazette,https://harbour-gazette.example/news/2024/03/12/ferry-capsizes,"
    '"A passenger ferry carrying about 240 people capsized off Port Ellis early on Monday, the coast guard said, '
    'and at least 37 people were still missing by Tuesday morning."\r\n'
)


def test_cli_report_csv_exact_with_threshold(fake):
    result = _run("report", INPUTS, "--format", "csv", "--threshold", "0.5")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == EXPECTED_CSV


def test_cli_report_json_and_only(fake):
    result = _run("report", INPUTS, "-f", "json", "--only", "agree")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [a["source"] for a in data["articles"]] == ["port-authority", "desk:2", "harbour-gazette", "coastline-wire", "wires:2"]
    assert data["articles"][2]["outlet"] == "The Harbour Gazette"
    assert [c["id"] for c in data["claims"]][:2] == ["port-authority#33", "desk:2#15"]
    assert data["findings"] == [{"status": "agree", "a": "port-authority#33", "b": "harbour-gazette#79", "topic": "people",
                                 "reason": "240 against 240", "score": 0.6, "aligned_because": []}]
    assert _run("report", INPUTS, "-f", "json").stdout == _run("report", INPUTS, "-f", "json").stdout


def test_cli_report_to_file_by_suffix(fake, tmp_path):
    out = tmp_path / "r.html"
    result = _run("report", INPUTS, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"Wrote {out}: 5 articles, 5 claims: 1 figure in conflict, 0 updated, 0 agree.\n"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "carrying about <mark>240</mark> people" in page


def test_cli_report_table_format(fake):
    result = _run("report", INPUTS, "-f", "table")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].rstrip() == "5 articles, 5 claims: 1 figure in conflict, 0 updated, 0 agree."
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize(("env", "coloured"), [({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)],
                         ids=["forced", "no-color"])
def test_cli_no_color_is_honoured(fake, env, coloured):
    result = _run("report", INPUTS, "-f", "table", env={"NO_COLOR": None, **env})
    assert ("\x1b[31" in result.stdout or "\x1b[1;31" in result.stdout) is coloured


def test_cli_claims_jsonl_and_csv(fake):
    result = _run("claims", INPUTS / "wires.jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["number_text"], r["start"], r["end"]) for r in rows] == [("coastline-wire#9", "40", 9, 11), ("wires:2#39", "22", 39, 41)]
    result = _run("claims", INPUTS / "wires.jsonl", "-f", "csv")
    assert result.stdout_bytes.decode("utf-8") == EXPECTED_CLAIMS_CSV


EXPECTED_CLAIMS_CSV = (
    "id,source,start,end,number,value,kind,unit,thing,event,place,time,speaker,quote,low,high,published,outlet,url,sentence\r\n"
    "coastline-wire#9,coastline-wire,9,11,40,40,count,,people,,,,,40 people,40,40,2024-03-12,Coastline Wire,"
    'https://coastline-wire.example/ferry,"At least 40 people are missing after a ferry with 226 people on board capsized '
    'off Port Ellis on Monday, the operator said."\r\n'
    "wires:2#39,wires:2,39,41,22,22,count,,people,,,,,22 people,22,22,2024-03-13,Island Radio,,"
    "The coast guard said on Wednesday that 22 people remain missing and 19 bodies have been recovered from the ferry.\r\n"
)


def test_cli_claims_rejects_report_formats(fake, tmp_path):
    assert _run("claims", INPUTS, "-f", "html").exit_code == 2
    result = _run("claims", INPUTS, "-o", tmp_path / "c.html")
    assert result.exit_code == 2
    assert "claims cannot be written as html" in result.stderr
    assert not (tmp_path / "c.html").exists()


def test_cli_stdin(fake):
    result = _run("claims", "-", input="Officials said 45 people were hurt.\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"] == "stdin"


def test_cli_meta_and_published(fake, tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text("source,outlet,published\nwires:2,Island Radio FM,2024-03-14\n")
    result = _run("report", INPUTS, "-f", "json", "--meta", meta, "--published", "2024-03-12")
    articles = {a["source"]: a for a in json.loads(result.stdout)["articles"]}
    assert articles["wires:2"]["outlet"] == "Island Radio FM" and articles["wires:2"]["published"] == "2024-03-14"
    assert articles["port-authority"]["published"] == "2024-03-12"


# --- exit codes and stderr -------------------------------------------------------------

def test_cli_skipped_inputs_exit_3_and_are_named(fake):
    result = _run("report", INPUTS, BAD / "empty.txt", BAD / "malformed.jsonl", "missing.txt")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"skipped {BAD / 'empty.txt'}: empty file; remove it, or check that it was saved completely",
        f"skipped {BAD / 'malformed.jsonl'}:2: malformed JSON line (Unterminated string starting at, column 30); "
        "fix the line; each line must be one JSON object",
        "skipped missing.txt: no such file or folder; check the spelling of the path",
    ]
    assert "## Skipped inputs" in result.stdout


def test_cli_quiet_and_verbose(fake):
    quiet = _run("report", INPUTS, "missing.txt", "-q")
    assert quiet.exit_code == 3 and quiet.stderr == ""
    verbose = _run("report", INPUTS, "-v")
    lines = verbose.stderr.splitlines()
    assert lines[0] == f"read port-authority (Port Ellis Port Authority, 2024-03-12; 74 characters) from {INPUTS / 'desk.csv'}"
    assert lines[-2].startswith("found 5 claims in 5 articles in ") and lines[-1].startswith("judged 4 aligned pairs in ")


def test_cli_fail_on_conflict(fake):
    assert _run("report", INPUTS, "--fail-on-conflict").exit_code == 1
    assert _run("report", INPUTS / "desk.csv", "--fail-on-conflict").exit_code == 1
    assert _run("report", INPUTS, "--fail-on-conflict", "--only", "agree").exit_code == 1  # --only filters the view only
    assert _run("report", INPUTS / "wires.jsonl", "--fail-on-conflict").exit_code == 1
    assert _run("report", INPUTS / "harbour-gazette.html", "--fail-on-conflict").exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "someday"], "Error: --published 'someday' is not a date with a year"),
        (["--meta", "missing.json"], "Error: --meta missing.json: cannot be read"),
        (["--meta", LIBYA / "000_568fa579b763d181.txt"], "give a .csv or .json file"),
        (["-o", INPUTS / "desk.csv"], "is one of the input files"),
        (["-o", "report.pdf"], "pass --format"),
        (["-o", "no/such/folder/r.md"], "does not exist; create it first"),
        (["--encoding", "klingon"], "unknown encoding 'klingon'"),
        (["--model", "en_no_such_model"], "is not installed"),
        (["--threshold", "2"], "Invalid value"),
        (["--format", "pdf"], "Invalid value"),
        (["--only", "maybe"], "Invalid value"),
    ],
    ids=["published", "meta-missing", "meta-suffix", "output-is-input", "output-suffix", "output-folder",
         "encoding", "model", "threshold", "format", "only"],
)
def test_cli_usage_errors_exit_2_with_a_fix(fake, args, message, monkeypatch):
    if "--model" in args:  # the real build_nlp decides what an unknown model is
        monkeypatch.setattr(reconcile.claims, "extract_claims", _extract_building_nlp)
    result = _run("report", INPUTS, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def _extract_building_nlp(articles, *, model=None, **_):
    from reconcile.nlp import build_nlp

    build_nlp(model)
    return []


@pytest.mark.parametrize("command", ["claims", "report"])
def test_cli_no_paths_and_stdin_a_terminal_is_a_usage_error(command, monkeypatch):
    monkeypatch.setattr(reconcile.cli, "_stdin_is_terminal", lambda: True)
    result = _run(command)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "Error: no input given; name files, folders or glob patterns, or pipe an article in\n"


def test_cli_broken_pipe_ends_quietly(monkeypatch):
    import reconcile.report

    def broken(*args, **kwargs):
        raise BrokenPipeError

    monkeypatch.setattr(reconcile.report, "write_report", broken)
    monkeypatch.setattr(reconcile.claims, "extract_claims", _fake_extract)
    monkeypatch.setattr(reconcile.judge, "reconcile", _fake_judge)
    result = _run("report", INPUTS)
    assert result.exit_code == EXIT_BROKEN_PIPE and result.stderr == ""


def test_cli_broken_pipe_in_a_real_pipe(tmp_path):
    script = (
        "import sys, reconcile.claims as c, reconcile.judge as j\n"
        f"sys.path.insert(0, {str(ROOT / 'tests')!r})\n"
        "import test_cli as t\n"
        "c.extract_claims = t._fake_extract\n"
        "j.reconcile = lambda claims, **k: t._fake_judge(claims, **k) * 3000\n"
        "import reconcile.api as api\n"
        "api.reconcile = j.reconcile\n"
        "from reconcile.cli import main\n"
        f"sys.argv = ['reconcile', 'report', {str(INPUTS)!r}]\n"
        "main()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    assert proc.stdout.readline() == b"# reconcile report\n"
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == EXIT_BROKEN_PIPE
    assert stderr == b""


# --- the real pipeline -----------------------------------------------------------------

def test_cli_report_end_to_end_on_fixture_inputs():
    result = _run("report", INPUTS, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    from reconcile.sources import read_articles

    texts = {a.source: a.text for a in read_articles([str(INPUTS)])[0]}
    ids = {c["id"] for c in data["claims"]}
    assert data["claims"] and all(0 <= c["start"] < c["end"] <= len(texts[c["source"]]) for c in data["claims"])
    assert all(f["a"] in ids and f["b"] in ids and f["status"] in STATUSES for f in data["findings"])


# --- help ---------------------------------------------------------------------------------

def _commands() -> dict:
    return dict(typer.main.get_command(app).commands)


@pytest.mark.parametrize("name", ["claims", "report"])
def test_cli_every_command_and_option_has_help_and_an_example(name):
    command = _commands()[name]
    assert command.help and command.help.strip()
    for param in command.params:
        if param.param_type_name == "option":
            assert param.help, f"{name} {param.opts} has no help text"
        else:
            assert getattr(param, "help", None), f"{name} argument {param.name} has no help text"
    result = _run(name, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert result.stdout.rstrip().splitlines()[-1].strip().startswith(f"Example: reconcile {name} ")


def test_cli_commands_and_exit_codes_are_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert set(_commands()) == {"claims", "report"}
    for name, command in _commands().items():
        assert f"$ reconcile {name} " in readme, f"README shows no `reconcile {name}` session"
        for param in command.params:
            if param.param_type_name == "option":
                assert any(opt in readme for opt in param.opts), f"README does not mention {param.opts[0]}"
    help_text = _run("report", "--help", env={"COLUMNS": "200"}).stdout
    for code in ("0", "1", "2", "3"):
        assert f"| {code} |" in readme
    assert "Exit status: 0" in help_text


def test_cli_threshold_help_states_the_library_default():
    from reconcile.judge import DEFAULT_THRESHOLD

    option = next(p for p in _commands()["report"].params if p.name == "threshold")
    assert f"default {DEFAULT_THRESHOLD}" in option.help


def test_cli_progress_bar_yields_every_article():
    import io

    from rich.console import Console

    from reconcile.cli import _tracked
    from reconcile.model import Article

    articles = [Article(str(i), "x") for i in range(7)]
    console = Console(file=io.StringIO(), force_terminal=True)
    assert list(_tracked(articles, console)) == articles


def test_cli_lexicon_extends_the_tables_and_a_bad_one_is_a_usage_error(tmp_path):
    seed = ROOT / "fixtures" / "clusters" / "libya-sirte-airstrikes"
    good = tmp_path / "mine.toml"
    good.write_text('[aliases]\n"Islamic State" = ["the jihadists"]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["claims", str(seed), "--lexicon", str(good), "--format", "jsonl"])
    assert result.exit_code == 0 and '"Islamic State"' in result.output
    bad = tmp_path / "bad.toml"
    bad.write_text("things = [", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(seed), "--lexicon", str(bad)])
    assert result.exit_code == 2
    assert "cannot read lexicon file" in result.output


# --- issue 15: crashes, injection ----------------------------------------------------------

@pytest.mark.parametrize(
    "error",
    [ValueError("boom\nsecond line"), RecursionError("maximum recursion depth exceeded"), MemoryError(),
     KeyError("x" * 1000)],
    ids=["value-error", "recursion-error", "memory-error", "long-message"],
)
def test_cli_unexpected_error_exits_70_with_one_line(fake, monkeypatch, error):
    def explode(articles, **_):
        secret_local = "do not print me"  # noqa: F841 - a traceback with locals would show it
        raise error

    monkeypatch.setattr(reconcile.claims, "extract_claims", explode)
    for command in ("report", "claims"):
        result = _run(command, INPUTS, "--fail-on-conflict" if command == "report" else "-q")
        assert result.exit_code == EXIT_INTERNAL != 1
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: ")
        assert "Traceback" not in result.stderr and "do not print me" not in result.stderr
        assert len(result.stderr) < 500


def test_cli_stderr_escapes_control_characters_and_markup_in_file_names(fake, tmp_path):
    bad = tmp_path / "\x1b]0;pwned\x07\x1b[2J :smile: [bold]x[link=https:x].txt"
    bad.write_bytes(b"")
    result = _run("report", INPUTS, bad)
    assert result.exit_code == 3
    (line,) = result.stderr.splitlines()
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert line.startswith(f"skipped {tmp_path}/\\x1b]0;pwned\\x07\\x1b[2J :smile: [bold]x[link=https:x].txt: empty file")


def test_cli_claims_checks_the_output_before_reading(fake, tmp_path):
    result = _run("claims", INPUTS, "missing.txt", "-o", tmp_path / "no" / "c.jsonl")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: -o {tmp_path / 'no' / 'c.jsonl'}: the folder {tmp_path / 'no'} does not exist; create it first"
    ]


@pytest.mark.parametrize("command", ["claims", "report"])
def test_cli_output_onto_a_fifo_is_refused_before_reading(fake, tmp_path, command):
    import os
    import stat

    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    result = _run(command, INPUTS, "-o", fifo)
    assert result.exit_code == 2 and "is not a regular file" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_cli_max_bytes_over_memory_is_a_usage_error(fake):
    result = _run("report", INPUTS, "--max-bytes", 10**18)
    assert result.exit_code == 2 and "--max-bytes" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"], ids=["year-1", "year-9999"])
def test_cli_published_at_the_calendar_edge_warns(fake, published):
    result = _run("claims", "-", "--published", published, input="Five people died last year.")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"warning: stdin is dated {published}, at the end of the calendar")


# --- issue 13: CLI manners and provenance ---------------------------------------------------

@pytest.mark.parametrize("args", [["-o", "-"], ["-f", "md"], ["--format", "MD", "-o", "-"], ["-f", "markdown"]],
                         ids=["dash-is-stdout", "md-alias", "alias-any-case", "markdown"])
def test_cli_report_dash_output_and_md_alias(fake, args):
    result = _run("report", INPUTS, *args)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == EXPECTED_MARKDOWN
    assert result.stderr == ""


def test_cli_report_csv_to_dash_is_stdout(fake, tmp_path):
    result = _run("report", INPUTS, "-f", "csv", "--threshold", "0.5", "-o", "-")
    assert result.stdout_bytes.decode("utf-8") == EXPECTED_CSV
    assert not Path("-").exists()


EXPECTED_TSV_AGREE = (
    "status\ttopic\tsource_a\tspeaker_a\tvalue_a\ttime_a\tquote_a\tsource_b\tspeaker_b\tvalue_b\ttime_b\tquote_b\t"
    "reason\tscore\tclaim_a\tclaim_b\tfigure\tlow_a\thigh_a\tunit_a\tpublished_a\toutlet_a\turl_a\tsentence_a\t"
    "low_b\thigh_b\tunit_b\tpublished_b\toutlet_b\turl_b\tsentence_b\n"
    "agree\tpeople\tport-authority\t\t240\t\t240 passen\tharbour-gazette\t\t240\t\t240 people\t240 against 240\t0.6\t"
    "port-authority#33\tharbour-gazette#79\tf1\t240\t240\t\t2024-03-12\tPort Ellis Port Authority\t"
    "https://port-ellis.example/notice\tThe ferry left the terminal with 240 passengers, the port manifest showed.\t"
    "240\t240\t\t2024-03-12\tThe Harbour Gazette\thttps://harbour-gazette.example/news/2024/03/12/ferry-capsizes\t"
    "A passenger ferry carrying about 240 people capsized off Port Ellis early on Monday, the coast guard said, "
    "and at least 37 people were still missing by Tuesday morning.\n"
)


@pytest.mark.parametrize("args", [["--format", "tsv"], ["-o", "{tmp}/r.tsv"]], ids=["format", "suffix"])
def test_cli_report_tsv_exact(fake, tmp_path, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = _run("report", INPUTS, "--only", "agree", *args)
    assert result.exit_code == 0, result.output
    out = result.stdout if "-o" not in args else (tmp_path / "r.tsv").read_text(encoding="utf-8")
    assert out == EXPECTED_TSV_AGREE


@pytest.mark.parametrize("command", ["claims", "report"])
def test_cli_excel_writes_a_bom_and_only_for_spreadsheets(fake, tmp_path, command):
    result = _run(command, INPUTS / "wires.jsonl", "-f", "csv", "--excel")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf" + (b"id," if command == "claims" else b"status,"))
    out = tmp_path / "r.json"
    refused = _run(command, INPUTS / "wires.jsonl", "--excel", "-o", out)
    assert refused.exit_code == 2 and not out.exists()
    assert refused.stderr == "Error: --excel applies to CSV and TSV, not json; drop it, or use --format csv\n"


def _statuses_shown(markdown: str) -> list[str]:
    return [line[4:].split(" · ")[0] for line in markdown.splitlines() if line.startswith("### ")]


@pytest.mark.parametrize(
    ("only", "shown", "statuses"),
    [(["conflicts"], "conflict", ["conflict"]), (["agree,conflict"], "conflict, agree", ["conflict"]),
     (["agreements", "--only", "Update"], "update, agree", []), (["conflict, agree"], "conflict, agree", ["conflict"])],
    ids=["plural", "comma-list", "repeated", "comma-space"],
)
def test_cli_only_takes_plurals_and_comma_lists(fake, only, shown, statuses):
    result = _run("report", INPUTS, "--only", *only)
    assert result.exit_code == 0, result.output
    assert f"\nShowing: {shown}.\n" in result.stdout
    assert _statuses_shown(result.stdout) == statuses
    assert ("No findings." in result.stdout) is not statuses


def test_cli_only_unknown_status_says_what_to_use(fake):
    result = _run("report", INPUTS, "--only", "conflict,maybe", env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert ("Invalid value for '--only': unknown status 'maybe'; use one or more of conflict, update, review, agree "
            "(e.g. conflict,update)") in result.stderr


def test_cli_meta_is_repeatable_and_the_later_file_wins(fake, tmp_path):
    first = tmp_path / "first.csv"
    first.write_text("source,outlet,url\nwires:2,Island Radio FM,https://irfm.example/1\n")
    second = tmp_path / "second.json"
    second.write_text('{"wires:2": {"outlet": "IRFM"}, "desk:2": {"url": "https://signal.example/2"}}')
    result = _run("report", INPUTS, "-f", "json", "--meta", first, "--meta", second)
    articles = {a["source"]: a for a in json.loads(result.stdout)["articles"]}
    assert (articles["wires:2"]["outlet"], articles["wires:2"]["url"]) == ("IRFM", "https://irfm.example/1")
    assert articles["desk:2"]["url"] == "https://signal.example/2"


@pytest.mark.parametrize(
    ("exclude", "sources"),
    [(["*.csv"], ["harbour-gazette", "coastline-wire", "wires:2"]),
     (["*.csv", "--exclude", "harbour-*"], ["coastline-wire", "wires:2"]),
     (["inputs"], []),
     ([f"{INPUTS}/w*.jsonl"], ["port-authority", "desk:2", "harbour-gazette"])],
    ids=["suffix", "repeated", "folder-name", "path-pattern"],
)
def test_cli_exclude_passes_over_matching_files(fake, exclude, sources):
    result = _run("claims", INPUTS, "-f", "jsonl", "--exclude", *exclude)
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == sources
    assert result.stderr == "" and result.exit_code == 0


@pytest.mark.parametrize("command", ["claims", "report"])
def test_cli_reads_stdin_when_no_path_is_given(fake, command):
    result = _run(command, "-f", "json", input="Officials said 45 people were hurt.\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    claims = data if command == "claims" else data["claims"]
    assert [(c["source"], c["number_text"]) for c in claims] == [("stdin", "45")]


def test_cli_stdin_header_fills_the_metadata(fake):
    text = "Outlet: Island Radio\nPublished: 2024-03-13\nURL: https://ir.example/1\n\nOfficials said 45 people were hurt.\n"
    result = _run("claims", "-f", "jsonl", input=text)
    claim = json.loads(result.stdout)
    assert (claim["outlet"], claim["published"], claim["url"]) == ("Island Radio", "2024-03-13", "https://ir.example/1")
    assert text[claim["start"]: claim["end"]] == "45"


@pytest.mark.parametrize("command", [[], ["claims"], ["report"]], ids=["root", "claims", "report"])
def test_cli_help_shows_no_internal_types(command):
    result = _run(*command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for internal in ("<bool>", "<list[", "<str>", "<path>", "{PATH", "PATH...]", "<int>"):
        assert internal not in result.stdout, (internal, command)
    if command:
        assert f"Usage: reconcile {command[0]} [OPTIONS] [PATH]..." in result.stdout


@pytest.mark.parametrize("command", ["claims", "report"])
def test_cli_version_on_subcommands(command):
    from reconcile import __version__

    result = _run(command, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"reconcile {__version__}\n"


EXPECTED_CARDS = """\
2 articles, 2 claims: 1 figure in conflict, 0 updated, 0 agree.

conflict people · values 45% apart, 2 sources disagree
       • 40 · coastline-wire (Coastline Wire, 2024-03-12)
           At least 40 people are missing after a ferry with 226 people on board
           capsized off Port Ellis on Monday, the operator said.
       • 22 · wires:2 (Island Radio, 2024-03-13)
           The coast guard said on Wednesday that 22 people remain missing and
           19 bodies have been recovered from the ferry.
why      conflict · coastline-wire / wires:2: 40 against 22

Sources
source          outlet          published   url
coastline-wire  Coastline Wire  2024-03-12  https://coastline-wire.example/ferry
wires:2         Island Radio    2024-03-13
"""


@pytest.mark.parametrize(("columns", "cards"), [("80", True), ("119", True), ("120", False), ("200", False)],
                         ids=["80", "119", "120", "200"])
def test_cli_table_switches_to_cards_below_120_columns(fake, columns, cards):
    result = _run("report", INPUTS / "wires.jsonl", "-f", "table", env={"COLUMNS": columns})
    assert result.exit_code == 0
    out = "".join(line.rstrip() + "\n" for line in result.stdout.splitlines())
    if cards:  # the same card, wrapped to the width
        assert out == EXPECTED_CARDS if columns == "80" else out.split() == EXPECTED_CARDS.split()
    assert ("┃ source" in out) is not cards
    assert max(len(line) for line in out.splitlines()) <= int(columns)


def _agreeing_inputs(tmp_path: Path) -> Path:
    other = tmp_path / "tally.txt"
    other.write_text("Harbour officials counted 240 people on the manifest.\n", encoding="utf-8")
    return other


@pytest.mark.parametrize("fmt", ["markdown", "table", "html"])
def test_cli_all_lists_the_agreeing_figures(fake, tmp_path, fmt):
    args = ["report", INPUTS / "harbour-gazette.html", _agreeing_inputs(tmp_path), "--group-by", "none", "-f", fmt]
    folded, listed = _run(*args, env={"COLUMNS": "100"}), _run(*args, "--all", env={"COLUMNS": "100"})
    assert folded.exit_code == listed.exit_code == 0, folded.output
    assert "2 claims: 0 figures in conflict, 0 updated, 1 agrees." in folded.stdout
    if fmt == "html":
        assert '<details class="agreements" data-status="agree"><summary>1 figure agrees.</summary>' in folded.stdout
        assert "<details" not in listed.stdout and '<article class="figure agree"' in listed.stdout
        return
    assert "1 figure agrees (use --all to list it)." in folded.stdout
    assert "1 figure agrees" not in listed.stdout
    assert "agree · people · 2 claims from 2 sources" in listed.stdout if fmt == "markdown" else \
        re.search(r"\nagree +people · 2 claims from 2 sources", listed.stdout)
    assert "carrying about 240 people" in listed.stdout.replace("**", "") and "240 people" not in folded.stdout


def test_cli_claims_table_shows_event_and_place(fake):
    result = _run("claims", INPUTS / "wires.jsonl", "-f", "table", env={"COLUMNS": "200"})
    header = result.stdout.splitlines()[2]
    assert [c.strip() for c in header.strip("┃ ").split("┃")] == [
        "id", "source", "number", "value", "thing", "event", "place", "time", "speaker", "quote"]
    assert "Coastline Wire, 2024-03-12" in result.stdout


def test_cli_skipped_inputs_are_printed_once(fake):
    # stdout and stderr on one terminal: stderr names each skipped input, the table does not repeat it
    result = _run("report", INPUTS, "missing.txt", "missing.txt", "-f", "table",
                  env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code == 3
    assert result.stderr == "skipped missing.txt: no such file or folder; check the spelling of the path\n"
    assert "missing.txt" not in result.stdout
    # written to a file or a pipe, the report keeps its own list, once
    piped = _run("report", INPUTS, "missing.txt", "missing.txt")
    assert piped.stdout.count("missing.txt") == 1 and piped.stderr.count("missing.txt") == 1
    assert piped.stdout.endswith("## Skipped inputs\n\n- `missing.txt`: no such file or folder (check the spelling of the path)\n")


_HEAVY = ("pandas", "pint", "trafilatura")


def _loaded_after(script: str) -> list[str]:
    code = script + f"\nimport sys\nprint(' '.join(m for m in {_HEAVY!r} if m in sys.modules))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout.split()


def test_cli_import_loads_no_pandas_pint_or_trafilatura():
    assert _loaded_after("import reconcile.cli") == []


def test_cli_markdown_report_of_plain_text_loads_no_pandas_pint_or_trafilatura(tmp_path):
    seed = ROOT / "fixtures" / "clusters" / "libya-sirte-airstrikes"
    script = (
        "import sys\n"
        "from reconcile.cli import main\n"
        f"sys.argv = ['reconcile', 'report', {str(seed)!r}, '--meta', {str(seed / 'gold.json')!r}, "
        f"'-o', {str(tmp_path / 'x.md')!r}, '-q']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
    )
    assert _loaded_after(script) == []  # the seed cluster's "280 miles" is read without pint
    assert "\n### conflict · strike (target) in Sirte · " in (tmp_path / "x.md").read_text(encoding="utf-8")


def test_cli_report_freezes_the_claim_reader_imports_and_leaves_the_collector_on(tmp_path):
    # spaCy and the claim reader are imported with the cycle collector paused, then frozen;
    # the app alone is run, without main(), which freezes everything again at the end
    script = (
        "import gc\n"
        "from reconcile.cli import app\n"
        "try:\n"
        f"    app(['report', {str(LIBYA)!r}, '-o', {str(tmp_path / 'x.md')!r}, '-q'])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 100_000)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.split() == ["True", "True"]


def test_cli_jobs_give_the_same_claims_as_one_process():
    seed = Path(__file__).resolve().parent.parent / "fixtures" / "clusters" / "libya-sirte-airstrikes"
    args = ["claims", str(seed), "--format", "jsonl"]
    one = CliRunner().invoke(app, [*args, "--jobs", "1"])
    two = CliRunner().invoke(app, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout.count("\n") > 5


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--rate", "EUR=-1", "Invalid value for '--rate': cannot read 'EUR=-1' as an exchange rate"),
     ("--group-by", "colour", "Invalid value for '--group-by': unknown grouping 'colour'")],
    ids=["rate", "group-by"],
)
def test_cli_bad_rate_or_grouping_is_a_usage_error_before_reading(fake, option, value, message):
    result = _run("report", INPUTS, option, value, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.replace("│", " ").split())
