#!/usr/bin/env python3
"""Regenerate the example reports in reports/ from the clusters in fixtures/.

usage: python reports/regenerate.py [--check]

Each cluster folder of fixtures/clusters gives reports/<cluster>.{md,csv,json,html},
with the cluster's gold.json as metadata (outlets and publication dates). --check
writes nothing and exits 1 when a report on disk differs from what the code makes now.
"""
from __future__ import annotations

import argparse
import sys
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
    verb = "stale" if opts.check else "rewritten"
    for path in stale:
        print(f"{verb}: {path.relative_to(ROOT)}")
    return 1 if opts.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
