"""The command line: options in, library calls out, exit codes back.

Everything here can be done from ``import reconcile``; this module only wires it.

Exit codes: 0 every input read and the output written; 1 with ``--fail-on-conflict``
when the report holds a conflict; 2 a usage error (bad option, --meta file, model,
output path); 3 the output was written but some inputs were skipped; 70 an unexpected
error (a bug: one line on stderr, no traceback); 141 standard output was closed early
(``reconcile report ... | head``).

Everything printed on stderr goes through :func:`reconcile.report.printable`: a file
name or an article cannot send escape sequences to the terminal.
"""
from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import click
import typer

from reconcile import __version__
from reconcile.errors import InputError, MetadataError, OutputError, ReconcileError
from reconcile.model import STATUSES
from reconcile.report import CLAIM_FORMATS, FORMAT_ALIASES, REPORT_FORMATS, Format, parse_statuses, printable
from reconcile.sources import DEFAULT_MAX_BYTES, MAX_BYTES_LIMIT, STDIN_NAME

if TYPE_CHECKING:
    from rich.console import Console

    from reconcile.model import Article, Claim, Report, Skipped

EXIT_OK = 0
EXIT_CONFLICT = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3
EXIT_INTERNAL = 70  # sysexits.h EX_SOFTWARE: a bug, distinct from 1 ("conflict found")
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a reader that left
MAX_MESSAGE = 300
"""An unexpected error's message is cut to this many characters, to stay one line."""
HANDFUL = 5
"""More articles than this get a progress bar (when stderr is a terminal)."""


class _PlainArgument(typer.core.TyperArgument):
    def display_type_rich(self, ctx: typer.Context) -> str | None:
        return None  # the metavar says it: PATH, not <list[str]>


class _PlainHelp:
    """Help that shows values as a user types them: ``PATH``, ``FORMAT``, and nothing
    after a flag, never typer's own type names (``<bool>``, ``<list[str]>``)."""

    def get_params(self, ctx: typer.Context) -> list[click.Parameter]:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if type(param) is typer.core.TyperArgument:
                param.__class__ = _PlainArgument
            elif getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""  # --help and the completion options, which typer adds itself
        return params


class _Command(_PlainHelp, typer.core.TyperCommand):
    pass


class _Group(_PlainHelp, typer.core.TyperGroup):
    pass


app = typer.Typer(
    name="reconcile",
    cls=_Group,
    help="Find where news reports of one event disagree on the numbers, and why.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reconcile {__version__}")
        raise typer.Exit()


_VERSION = typer.Option(
    False, "--version", callback=_version, is_eager=True, metavar="",
    help="Print the version and exit.",
)


@app.callback()
def _root(version: bool = _VERSION) -> None:
    """Find where news reports of one event disagree on the numbers, and why."""


def _format_names(formats: Sequence[Format]) -> str:
    aliases = {f: a for a, f in FORMAT_ALIASES.items()}
    return ", ".join(f"{f.value} ({aliases[f]})" if f in aliases else f.value for f in formats)


def _check_format(formats: Sequence[Format]):
    def check(value: str | None) -> str | None:
        if value is None:
            return None
        name = value.strip().lower()
        fmt = FORMAT_ALIASES.get(name) or next((f for f in formats if f.value == name), None)
        if fmt is None:
            raise typer.BadParameter(f"{value!r} is not one of {_format_names(formats)}")
        return fmt.value
    return check


def _check_only(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    try:
        return list(parse_statuses(values))
    except OutputError as e:
        raise typer.BadParameter(str(e)) from e


# Options both commands share, declared once.
_PATHS = typer.Argument(
    None, metavar="PATH", show_default=False,
    help="Articles: .txt/.md files, saved web pages (.html), .jsonl/.csv collections, "
    "folders (read recursively), glob patterns, or - for standard input. "
    "Without one, standard input is read (when it is not a terminal).",
)
_OUTPUT = typer.Option(
    None, "--output", "-o", metavar="FILE", dir_okay=False,
    help="Write to FILE (atomically; never over an input) instead of standard output; - is standard output. "
    "Its suffix picks the format unless --format is given: .md .csv .tsv .json .jsonl .html .txt.",
)
_META = typer.Option(
    None, "--meta", metavar="FILE", exists=False,
    help="Outlet, publication date and URL per source, from a CSV or JSON file "
    "(columns source, outlet, published, url) or a cluster's gold.json. Repeatable; a later file wins.",
)
_EXCLUDE = typer.Option(
    None, "--exclude", metavar="GLOB",
    help="Pass over files matching GLOB: a name pattern (*.csv, drafts) matches the file or any folder "
    "on its path, a pattern with / the whole path. Repeatable.",
)
def _check_group_by(value: str) -> str:
    from reconcile.errors import StoryError
    from reconcile.stories import group_stories

    try:
        group_stories([], by=value)  # checks the mode before the slow part
    except StoryError as e:
        raise typer.BadParameter(str(e)) from e
    return value


def _check_rates(values: list[str] | None) -> list[str] | None:
    from reconcile.tolerance import RateError, as_rates

    try:
        as_rates(values or [])  # a bad rate is a usage error, found before the slow part
    except RateError as e:
        raise typer.BadParameter(str(e)) from e
    return values


_RATE = typer.Option(
    None, "--rate", metavar="RATE", callback=_check_rates,
    help="An exchange rate for comparing money in two currencies: EUR=1.08 (1 EUR is 1.08 USD) or GBP/EUR=1.17. "
    "Repeatable; rates chain; it may prove a conflict. Where none links two currencies, sums are compared at "
    "a bundled reference rate of their year, which can show agreement but never a conflict.",
)
_NO_REFERENCE_RATES = typer.Option(
    False, "--no-reference-rates", metavar="",
    help="Compare sums in two currencies only at a --rate, never at the bundled reference rates "
    "(approximate annual averages).",
)
_GROUP_BY = typer.Option(
    "auto", "--group-by", metavar="HOW", callback=_check_group_by,
    help="How articles form stories, each reconciled apart: auto (by the names, words, figures and dates they "
    "share), "
    "folder (the folder each was read from), field:NAME (a metadata field: outlet, published, url, title) "
    "or none (one story). Default: auto.",
)
_EXCEL = typer.Option(
    False, "--excel", metavar="",
    help="Start CSV and TSV output with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.",
)
_PUBLISHED = typer.Option(
    None, "--published", metavar="DATE",
    help="Publication date (YYYY-MM-DD) for every article that has none; "
    "relative times ('on Monday') are resolved against it.",
)
_MODEL = typer.Option(
    None, "--model", metavar="NAME",
    help="An installed spaCy pipeline to build on instead of reconcile's own (e.g. en_core_web_sm).",
)
_LEXICON = typer.Option(
    None, "--lexicon", metavar="FILE",
    help="A TOML file extending the word tables (synonyms, events, aliases...; see reconcile/data/lexicon.toml).",
)
_ENCODING = typer.Option(
    None, "--encoding", metavar="NAME",
    help="Read every input in this text encoding (e.g. latin-1) instead of detecting it.",
)
_QUIET = typer.Option(False, "--quiet", "-q", metavar="",
                      help="Print nothing on stderr but errors: no progress, no skipped-input notes.")
_VERBOSE = typer.Option(False, "--verbose", "-v", metavar="",
                        help="Also say on stderr what was read and how long each step took.")


_MAX_BYTES = typer.Option(
    DEFAULT_MAX_BYTES, "--max-bytes", metavar="N", min=1, max=MAX_BYTES_LIMIT,
    help=f"Skip inputs larger than N bytes (at most {MAX_BYTES_LIMIT:,}).",
)
_JOBS = typer.Option(
    None, "--jobs", "-j", metavar="N", min=1,
    help=f"Worker processes that read claims (default: 2 for more than {HANDFUL} articles on a machine "
         "with 2 or more cores, else 1).",
)
_RAW_CSV = typer.Option(
    False, "--raw-csv", metavar="",
    help="Write CSV and TSV cells as they are; by default a cell starting with = + - @ is prefixed "
    "with ' so spreadsheets do not run it as a formula (plain numbers are left alone).",
)


@app.command(
    cls=_Command,
    epilog="Example: reconcile claims fixtures/clusters/libya-sirte-airstrikes --format csv -o claims.csv",
)
def claims(
    paths: Optional[list[str]] = _PATHS,
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", metavar="FORMAT", callback=_check_format(CLAIM_FORMATS),
        help=f"Output format: {_format_names(CLAIM_FORMATS)}. Default: a table on a terminal, "
        "else one JSON object per line (jsonl), or the suffix of -o.",
    ),
    output: Optional[Path] = _OUTPUT,
    meta: Optional[list[Path]] = _META,
    exclude: Optional[list[str]] = _EXCLUDE,
    published: Optional[str] = _PUBLISHED,
    model: Optional[str] = _MODEL,
    lexicon: Optional[Path] = _LEXICON,
    encoding: Optional[str] = _ENCODING,
    max_bytes: int = _MAX_BYTES,
    jobs: Optional[int] = _JOBS,
    raw_csv: bool = _RAW_CSV,
    excel: bool = _EXCEL,
    quiet: bool = _QUIET,
    verbose: bool = _VERBOSE,
    version: bool = _VERSION,
) -> None:
    """List every numeric claim the articles make: number, value, thing, time, speaker, quote.

    Exit status: 0 every input read; 2 usage error; 3 claims written, but some
    inputs were skipped (each named on stderr with what to do).
    """
    from reconcile import report as rep

    err = _stderr_console()
    output = _stdout_if_dash(output)
    with _errors_to_exit(err):
        fmt_ = rep.format_for(output, fmt, default=_default(rep.Format.table, rep.Format.jsonl, output))
        if fmt_ not in rep.CLAIM_FORMATS:
            raise OutputError(f"claims cannot be written as {fmt_.value}; use -o with .csv, .tsv, .json, .jsonl or .txt")
        rep.check_excel(fmt_, excel)  # before the slow part
        if output is not None:
            rep.check_output(output)  # before the slow part; inputs are checked again on writing
        articles, skipped = _read(_paths_or_stdin(paths), meta=meta, published=published, encoding=encoding,
                                  max_bytes=max_bytes, exclude=exclude, err=err, quiet=quiet, verbose=verbose)
        found = _extract(articles, model=model, lexicon=lexicon, jobs=jobs, err=err, quiet=quiet, verbose=verbose)
        with _pipe_guard():
            if fmt_ is rep.Format.table and output is None:
                _stdout_console().print(rep.claims_table(found, articles=articles))
            else:
                rep.write_claims(found, fmt_, out=output, articles=articles, raw_csv=raw_csv, excel=excel)
        if output is not None and not quiet:
            _note(err, f"Wrote {output}: {len(found)} claims from {len(articles)} articles.")
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)


@app.command(
    cls=_Command,
    epilog="Example: reconcile report fixtures/clusters/libya-sirte-airstrikes "
    "--meta fixtures/clusters/libya-sirte-airstrikes/gold.json -o report.html",
)
def report(
    paths: Optional[list[str]] = _PATHS,
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", metavar="FORMAT", callback=_check_format(REPORT_FORMATS),
        help=f"Output format: {_format_names(REPORT_FORMATS)}. Default: a table on a terminal, "
        "else markdown, or the suffix of -o.",
    ),
    output: Optional[Path] = _OUTPUT,
    only: Optional[list[str]] = typer.Option(
        None, "--only", metavar="STATUS", callback=_check_only,
        help=f"Show only figures with this status, or the pairs to review ({', '.join(STATUSES)}; plurals too); "
        "a comma list (conflict,update) or repeated.",
    ),
    all_figures: bool = typer.Option(
        False, "--all", metavar="",
        help="List every figure, agreements too, which are otherwise counted in one line "
        "(in HTML, folded away). CSV, TSV, JSON and JSONL list every pair anyway.",
    ),
    threshold: Optional[float] = typer.Option(
        None, "--threshold", metavar="F", min=0.0, max=1.0,
        help="Lowest alignment score (0 to 1) for two claims to be compared; default 0.6. "
        "Lower finds more pairs, and more false ones.",
    ),
    meta: Optional[list[Path]] = _META,
    exclude: Optional[list[str]] = _EXCLUDE,
    published: Optional[str] = _PUBLISHED,
    group_by: str = _GROUP_BY,
    rate: Optional[list[str]] = _RATE,
    no_reference_rates: bool = _NO_REFERENCE_RATES,
    model: Optional[str] = _MODEL,
    lexicon: Optional[Path] = _LEXICON,
    encoding: Optional[str] = _ENCODING,
    max_bytes: int = _MAX_BYTES,
    jobs: Optional[int] = _JOBS,
    raw_csv: bool = _RAW_CSV,
    excel: bool = _EXCEL,
    fail_on_conflict: bool = typer.Option(
        False, "--fail-on-conflict", metavar="", help="Exit with status 1 when the report holds a conflict (for CI)."
    ),
    quiet: bool = _QUIET,
    verbose: bool = _VERBOSE,
    version: bool = _VERSION,
) -> None:
    """Report which numeric claims agree and which conflict across the articles, and why.

    Exit status: 0 every input read; 1 the report holds a conflict (with
    --fail-on-conflict); 2 usage error; 3 report written, but some inputs were
    skipped (each named on stderr with what to do).
    """
    from reconcile import report as rep

    err = _stderr_console()
    output = _stdout_if_dash(output)
    statuses = only or None
    with _errors_to_exit(err):
        fmt_ = rep.format_for(output, fmt, default=_default(rep.Format.table, rep.Format.markdown, output))
        rep.check_excel(fmt_, excel)  # before the slow part
        if output is not None:
            rep.check_output(output)  # before the slow part; inputs are checked again on writing
        articles, skipped = _read(_paths_or_stdin(paths), meta=meta, published=published, encoding=encoding,
                                  max_bytes=max_bytes, exclude=exclude, err=err, quiet=quiet, verbose=verbose)
        found = _extract(articles, model=model, lexicon=lexicon, jobs=jobs, err=err, quiet=quiet, verbose=verbose)
        result = _judge(articles, found, skipped=skipped, threshold=threshold, group_by=group_by, rates=rate or None,
                        reference_rates=not no_reference_rates, err=err, verbose=verbose, lexicon=lexicon)
        findings = result.findings
        with _pipe_guard():
            if fmt_ is rep.Format.table and output is None:
                out = _stdout_console()
                # skipped inputs were named on stderr; on the same terminal, say so once
                named_already = not quiet and out.is_terminal and err.is_terminal
                rep.print_report_table(result, out, only=statuses, all_figures=all_figures,
                                       skipped=not named_already)
            else:
                rep.write_report(result, fmt_, out=output, only=statuses, all_figures=all_figures,
                                 raw_csv=raw_csv, excel=excel)
        if output is not None and not quiet:
            _note(err, f"Wrote {output}: {rep.summary(result)}")
    if fail_on_conflict and any(f.status == "conflict" for f in findings):
        raise typer.Exit(EXIT_CONFLICT)
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)


# --- the steps -------------------------------------------------------------------------

def _stdout_if_dash(output: Path | None) -> Path | None:
    """``-o -`` is standard output, as in csvkit and sqlite-utils."""
    return None if output is not None and str(output) == STDIN_NAME else output


def _stdin_is_terminal() -> bool:
    return sys.stdin is None or sys.stdin.isatty()


def _paths_or_stdin(paths: Sequence[str] | None) -> list[str]:
    """The paths given, or standard input when none are and it is not a terminal."""
    if paths:
        return list(paths)
    if _stdin_is_terminal():
        raise InputError("no input given; name files, folders or glob patterns, or pipe an article in")
    return [STDIN_NAME]


def _read(
    paths: Sequence[str], *, meta: Sequence[Path] | None, published: str | None, encoding: str | None,
    max_bytes: int, exclude: Sequence[str] | None, err: Console, quiet: bool, verbose: bool,
) -> tuple[list[Article], list[Skipped]]:
    from reconcile import sources, timex
    from reconcile.model import Article

    try:
        date = sources.parse_date(published) if published is not None else None
    except MetadataError as e:
        raise MetadataError(f"--published {e}") from e
    table = sources.merge_metadata(sources.read_metadata(m) for m in meta) if meta else None
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in sources.iter_articles(paths, encoding=encoding, max_bytes=max_bytes, stdin=sys.stdin,
                                      exclude=exclude or ()):
        if isinstance(item, Article):
            articles.append(item)
            continue
        if item in skipped:  # the same missing file named twice is one problem
            continue
        skipped.append(item)
        if not quiet:
            hint = f"; {item.hint}" if item.hint else ""
            _note(err, f"skipped {item.name}: {item.problem}{hint}")
    articles = sources.apply_metadata(articles, table, published=date)
    if not quiet:
        for a in articles:
            if timex.at_calendar_edge(a.published):
                _note(err, f"warning: {a.source} is dated {a.published.isoformat()}, at the end of the calendar; "
                      "relative times that would fall off it ('last year', 'next Monday') are left unresolved")
    if verbose:
        for a in articles:
            about = ", ".join(x for x in (a.outlet, a.published.isoformat() if a.published else None) if x)
            _note(err, f"read {a.source} ({about or 'no metadata'}; {len(a.text):,} characters) from {a.path or 'stdin'}")
    return articles, skipped


def _extract(articles: list[Article], *, model: str | None, lexicon: Path | None, jobs: int | None,
             err: Console, quiet: bool, verbose: bool) -> list[Claim]:
    with _frozen_once_made():
        from reconcile import claims as claims_mod  # and spaCy, the number reader, the claim components

    started = time.perf_counter()
    show_progress = not quiet and err.is_terminal and len(articles) > HANDFUL
    feed = _tracked(articles, err) if show_progress else articles
    if jobs is None:
        jobs = min(2, os.cpu_count() or 1) if len(articles) > HANDFUL else 1
    lexicon_name = str(lexicon) if lexicon else None
    if jobs > 1 and len(articles) > 1:
        from reconcile.api import iter_claims_parallel

        chunk = max(1, min(16, -(-len(articles) // (4 * jobs))))
        found = list(iter_claims_parallel(feed, jobs=jobs, model=model, lexicon=lexicon_name, chunk_size=chunk))
    else:
        found = claims_mod.extract_claims(feed, model=model, lexicon=lexicon_name)
    if verbose:
        _note(err, f"found {len(found)} claims in {len(articles)} articles in {time.perf_counter() - started:.1f} s")
    return list(found)


@contextmanager
def _frozen_once_made() -> Iterator[None]:
    """Run the block with the cycle collector off, then freeze every object alive.

    For the imports that read claims: spaCy and reconcile's components make some 140,000
    objects (modules, classes, functions, tables) that live until the process exits. As
    they are made, the collector passes over them again and again, finding nothing to
    free, and loading the pipeline after them set off a full pass over them all: about
    0.1 s of a run on two articles. Frozen, they are left out of every later pass.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _tracked(articles: list[Article], err: Console) -> Iterator[Article]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("Reading claims"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("claims", total=len(articles))
        for article in articles:
            yield article
            progress.advance(task)


def _judge(articles: list[Article], found: list[Claim], *, skipped: list[Skipped], threshold: float | None,
           group_by: str, rates: list[str] | None, err: Console, verbose: bool,
           lexicon: Path | None = None, reference_rates: bool = True) -> Report:
    from reconcile.api import judge_claims
    from reconcile.lexicon import load_lexicon

    started = time.perf_counter()
    kwargs = {} if threshold is None else {"threshold": threshold}
    if lexicon is not None:
        kwargs["lexicon"] = load_lexicon(str(lexicon))
    result = judge_claims(articles, found, skipped=skipped, group_by=group_by, rates=rates,
                          reference_rates=reference_rates, **kwargs)
    if verbose:
        _note(err, f"judged {len(result.findings)} aligned pairs in {len(result.stories)} stories, "
                   f"{len(result.figures)} figures, in {time.perf_counter() - started:.1f} s")
    return result


# --- terminal manners ---------------------------------------------------------------------

def _stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)  # honours NO_COLOR, and knows whether stderr is a terminal


def _note(err: Console, message: str, *, style: str | None = None) -> None:
    # One line per message, unwrapped, so logs and grep see whole lines; printed as
    # written (no markup, no emoji codes), control characters spelled out.
    err.print(printable(message, one_line=True), markup=False, emoji=False, highlight=False, soft_wrap=True,
              style=style)


def _stdout_console() -> Console:
    from rich.console import Console

    return Console()


def _default(on_terminal, otherwise, output: Path | None):
    return on_terminal if output is None and sys.stdout.isatty() else otherwise


@contextmanager
def _errors_to_exit(err: Console) -> Iterator[None]:
    """Turn reconcile's own errors into one line on stderr and exit status 2, and any
    other error into one line and status 70: never a traceback with local variables."""
    try:
        yield
    except ReconcileError as error:
        _note(err, f"Error: {error}", style="bold red")
        raise typer.Exit(EXIT_USAGE) from error
    except (typer.Exit, typer.Abort, click.exceptions.ClickException, BrokenPipeError):
        raise
    except MemoryError as error:
        _note(err, "Error: out of memory; read fewer inputs at once, or lower --max-bytes", style="bold red")
        raise typer.Exit(EXIT_INTERNAL) from error
    except Exception as error:  # a bug; say what it was in one line, and how to report it
        what = f"{type(error).__name__}: {error}"
        if len(what) > MAX_MESSAGE:
            what = what[:MAX_MESSAGE] + "..."
        _note(err, f"Error: unexpected {what}; this is a bug in reconcile, please report it with the "
              "command that caused it", style="bold red")
        raise typer.Exit(EXIT_INTERNAL) from error


@contextmanager
def _pipe_guard() -> Iterator[None]:
    """A reader that leaves early (``| head``) ends the run quietly with status 141."""
    try:
        yield
    except BrokenPipeError as error:
        # Point stdout at /dev/null so the interpreter's last flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass  # not a real file (a test runner's buffer): nothing left to flush
        raise typer.Exit(EXIT_BROKEN_PIPE) from error


def main() -> None:
    """The ``reconcile`` command: run the app, then leave what it built to the exit."""
    try:
        app()
    finally:
        # At shutdown the interpreter runs the cycle collector over every object still
        # alive: spaCy's pipeline, its lemma tables, the place names, over 100,000
        # objects that the exit frees anyway. That cost a run 0.2-0.3 s. Frozen, they
        # are passed over; outputs are written and closed by now, and the shutdown
        # still flushes the standard streams and runs atexit handlers.
        gc.freeze()
