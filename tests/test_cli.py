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

import reconcile.claims
import reconcile.judge
from reconcile.cli import EXIT_BROKEN_PIPE, EXIT_INTERNAL, app
from reconcile.model import Claim, Finding, Quantity

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
                         a.text[m.start(): m.end() + 7], q, thing="people"))
    return out


def _fake_judge(claims, *, threshold=0.6, as_frame=True):
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


def _run(*args, input=None, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input, env=env)


EXPECTED_MARKDOWN = """\
# reconcile report

5 articles, 5 claims: 3 conflicts, 0 updates, 1 agreement.

| status | topic | source A | speaker A | value A | time A | quote A | source B | speaker B | value B | time B | quote B | reason | score |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---:|
| conflict | people | port-authority |  | 240 |  | 240 passen | coastline-wire |  | 40 |  | 40 people | 240 against 40 | 0.60 |
| conflict | people | port-authority |  | 240 |  | 240 passen | desk:2 |  | 188 |  | 188 people | 240 against 188 | 0.60 |
| conflict | people | port-authority |  | 240 |  | 240 passen | wires:2 |  | 22 |  | 22 people | 240 against 22 | 0.60 |
| agree | people | port-authority |  | 240 |  | 240 passen | harbour-gazette |  | 240 |  | 240 people | 240 against 240 | 0.60 |
"""


def test_cli_report_markdown_exact(fake):
    result = _run("report", INPUTS)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == EXPECTED_MARKDOWN
    assert result.stderr == ""


EXPECTED_CSV = (
    "status,topic,source_a,speaker_a,value_a,time_a,quote_a,source_b,speaker_b,value_b,time_b,quote_b,reason,score,claim_a,claim_b\r\n"
    "conflict,people,port-authority,,240,,240 passen,coastline-wire,,40,,40 people,240 against 40,0.5,port-authority#33,coastline-wire#9\r\n"
    "conflict,people,port-authority,,240,,240 passen,desk:2,,188,,188 people,240 against 188,0.5,port-authority#33,desk:2#15\r\n"
    "conflict,people,port-authority,,240,,240 passen,wires:2,,22,,22 people,240 against 22,0.5,port-authority#33,wires:2#39\r\n"
    "agree,people,port-authority,,240,,240 passen,harbour-gazette,,240,,240 people,240 against 240,0.5,port-authority#33,harbour-gazette#79\r\n"
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
    assert result.stderr == f"Wrote {out}: 5 articles, 5 claims: 3 conflicts, 0 updates, 1 agreement.\n"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "carrying about <mark>240</mark> people" in page


def test_cli_report_table_format(fake):
    result = _run("report", INPUTS, "-f", "table")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].rstrip() == "5 articles, 5 claims: 3 conflicts, 0 updates, 1 agreement."
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
    assert result.stdout_bytes.decode("utf-8") == (
        "id,source,start,end,number,value,kind,unit,thing,event,place,time,speaker,quote\r\n"
        "coastline-wire#9,coastline-wire,9,11,40,40,count,,people,,,,,40 people\r\n"
        "wires:2#39,wires:2,39,41,22,22,count,,people,,,,,22 people\r\n"
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


def test_cli_no_paths_is_a_usage_error():
    result = _run("report")
    assert result.exit_code == 2 and "Missing argument" in result.stderr


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
    assert all(f["a"] in ids and f["b"] in ids and f["status"] in ("conflict", "update", "agree") for f in data["findings"])


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
