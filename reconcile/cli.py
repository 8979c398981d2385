"""The command line: options in, library calls out, exit codes back.

Everything here can be done from ``import reconcile``; this module only wires it.
"""
from __future__ import annotations

import typer

from reconcile import __version__

app = typer.Typer(
    name="reconcile",
    help="Find where news reports of one event disagree on the numbers, and why.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reconcile {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Find where news reports of one event disagree on the numbers, and why."""


def main() -> None:
    app()
