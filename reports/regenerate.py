#!/usr/bin/env python3
"""Regenerate the examples: the reports in reports/ and the README's sessions.

usage: python reports/regenerate.py [--check]

Each cluster folder of fixtures/clusters gives reports/<cluster>.{md,csv,json,html},
with the cluster's gold.json as metadata (outlets and publication dates). Every
`$ reconcile ...` session in README.md is run again and its output put back. --check
writes nothing and exits 1 when anything on disk differs from what the code makes now.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from reconcile.api import make_report
from reconcile.report import Format, render_report
from reconcile.sources import apply_metadata, read_articles, read_metadata

ROOT = Path(__file__).resolve().parent.parent
CLUSTERS = ROOT / "fixtures" / "clusters"
OUT = ROOT / "reports"
FORMATS = {"md": Format.markdown, "csv": Format.csv, "json": Format.json, "html": Format.html}


def expected() -> dict[Path, str]:
    """Every example report, as the code renders it now."""
    out = {}
    for cluster in sorted(p for p in CLUSTERS.iterdir() if (p / "gold.json").is_file()):
        articles, skipped = read_articles([str(cluster)])
        articles = apply_metadata(articles, read_metadata(cluster / "gold.json"))
        report = make_report(articles, skipped=skipped)
        for suffix, fmt in FORMATS.items():
            out[OUT / f"{cluster.name}.{suffix}"] = render_report(report, fmt)
    return out


SESSION = re.compile(r"```\n(\$ reconcile .*?)\n```", re.S)


def _run_session(block: str) -> str:
    """A README session with each command's real output (stdout, then stderr, as a
    terminal shows them; stderr first when the report goes to a file)."""
    out: list[str] = []
    status = 0
    with tempfile.TemporaryDirectory() as scratch:
        for line in block.split("\n"):
            if not line.startswith("$ "):
                continue
            out.append(line)
            args = shlex.split(line[2:])
            if args == ["echo", "$?"]:
                out.append(str(status))
                continue
            # a report written with -o goes to a scratch folder, not into the checkout
            run_args = [os.path.join(scratch, a) if i and args[i - 1] == "-o" else a for i, a in enumerate(args)]
            done = subprocess.run([sys.executable, "-m", "reconcile", *run_args[1:]], cwd=ROOT,
                                  capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
            status = done.returncode
            text = (done.stderr + done.stdout) if "-o" in args else (done.stdout + done.stderr)
            text = text.replace(os.path.join(scratch, ""), "")
            out.extend(text.rstrip("\n").split("\n") if text.strip() else [])
    return "\n".join(out)


def readme() -> str:
    """README.md with every `$ reconcile` session's output as the code gives it now."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return SESSION.sub(lambda m: "```\n" + _run_session(m.group(1)) + "\n```", text)


def _read(path: Path) -> str | None:
    """A report as written, line ends untouched (the CSV writer uses CRLF)."""
    if not path.exists():
        return None
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only say whether reports/ is current")
    opts = ap.parse_args(argv)
    stale = []
    for path, text in expected().items():
        current = _read(path)
        if current != text:
            stale.append(path)
            if not opts.check:
                path.write_text(text, encoding="utf-8", newline="")
    text = readme()
    if _read(ROOT / "README.md") != text:
        stale.append(ROOT / "README.md")
        if not opts.check:
            (ROOT / "README.md").write_text(text, encoding="utf-8", newline="")
    verb = "stale" if opts.check else "rewritten"
    for path in stale:
        print(f"{verb}: {path.relative_to(ROOT)}")
    return 1 if opts.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
