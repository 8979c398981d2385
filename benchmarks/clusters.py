#!/usr/bin/env python3
"""Accuracy on article clusters with gold answers.

Runs the report over every cluster folder (each with ``*.txt`` articles and a
``gold.json``), passing the gold's ``articles`` field as metadata, writes each JSON
report, and prints the scorer's lines (last: the micro-averaged totals).

usage: python benchmarks/clusters.py [CLUSTERS_DIR] [--keep DIR] [--scorer PATH]
Default CLUSTERS_DIR: ../shared/benchmarks/clusters beside the checkout.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from reconcile.api import make_report
from reconcile.report import render_report
from reconcile.sources import apply_metadata, read_articles, read_metadata

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks" / "clusters"


def run(clusters_dir: Path, out_dir: Path) -> list[str]:
    args = []
    for cluster in sorted(p for p in clusters_dir.iterdir() if (p / "gold.json").is_file()):
        articles, skipped = read_articles([str(p) for p in sorted(cluster.glob("*.txt"))])
        articles = apply_metadata(articles, read_metadata(cluster / "gold.json"))
        report = make_report(articles, skipped=skipped)
        path = out_dir / f"{cluster.name}.json"
        path.write_text(render_report(report, "json"), encoding="utf-8")
        args += [str(path), str(cluster)]
    return args


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("clusters", nargs="?", default=str(SHARED))
    ap.add_argument("--keep", help="write the JSON reports to this folder and keep them")
    ap.add_argument("--scorer", help="score.py to use (default: the one in CLUSTERS_DIR)")
    opts = ap.parse_args(argv)
    clusters = Path(opts.clusters)
    scorer = Path(opts.scorer) if opts.scorer else clusters / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(opts.keep) if opts.keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        args = run(clusters, out)
        done = subprocess.run([sys.executable, str(scorer), *args], capture_output=True, text=True)
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
        return done.returncode


if __name__ == "__main__":
    sys.exit(main())
