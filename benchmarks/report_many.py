#!/usr/bin/env python3
"""Write the JSON report of every cluster folder under ROOT, in one process.

usage: python benchmarks/report_many.py ROOT --out-dir OUT

ROOT/<id>/ holds the articles of one cluster (and, optionally, a gold.json whose
``articles`` field gives outlets and dates); OUT/<id>.json is its report. The pipeline
is built once, which is what makes thousands of small clusters (EQUATE's sentence
pairs) quick to run:

  python ../shared/benchmarks/equate/run_pairs.py --batch \
      --cmd "python benchmarks/report_many.py {root} --out-dir {outdir}"
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reconcile.api import make_report
from reconcile.report import render_report
from reconcile.sources import apply_metadata, read_articles, read_metadata


def report_folder(folder: Path) -> str:
    """The JSON report of one cluster folder."""
    articles, skipped = read_articles([str(folder)])
    gold = folder / "gold.json"
    if gold.is_file():
        articles = apply_metadata(articles, read_metadata(gold))
    return render_report(make_report(articles, skipped=skipped), "json")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root")
    ap.add_argument("--out-dir", required=True)
    opts = ap.parse_args(argv)
    out = Path(opts.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for folder in sorted(p for p in Path(opts.root).iterdir() if p.is_dir()):
        (out / f"{folder.name}.json").write_text(report_folder(folder), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
