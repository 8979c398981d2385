#!/usr/bin/env python3
"""The whole job on a large mixed input: time, findings and peak memory as it grows.

Usage::

    python benchmarks/scale.py [CLUSTERS_DIR] [--articles 1000,10000] [--jobs J]

Each size is an input of that many articles: the articles of every cluster under
CLUSTERS_DIR (default ``../shared/benchmarks/clusters`` beside the checkout), then copies of
them with their names perturbed (``benchmarks/stories.py``'s ``synthetic``: every copy a
separate set of stories on the same dates). Copy 0 holds the clusters as they are, the seed
cluster among them. Each size runs in a fresh process, which reads the claims on ``J``
worker processes (default: every core), groups the articles into stories, judges them
and writes the JSON report to a temporary file, and prints:

- seconds for each stage and in all, and seconds per 1,000 articles (flat when the cost is
  linear);
- claims, stories, findings (pairs) and figures;
- peak memory: the main process's, a worker's, and ``peak_mib``, their sum over the main
  process and ``J`` workers (an upper bound on what the job held at once);
- ``seed_unchanged``: whether the seed cluster's findings are those it gets alone.

The last line is ``scale: articles=N seconds=S peak_mib=M findings=F`` for the last size.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "benchmarks" / "clusters"
SEED = "libya-sirte-airstrikes"
DEFAULT_SIZES = (1_000, 10_000)


def run_one(clusters: Path, size: int, jobs: int) -> dict[str, object]:
    """The whole job on ``size`` articles in this process; its figures as a dict."""
    sys.path.insert(0, str(HERE))
    from stories import read_clusters, synthetic

    from reconcile.api import iter_claims_parallel, judge_claims
    from reconcile.claims import extract_claims
    from reconcile.report import write_report

    base, labels = read_clusters(clusters)
    articles, copies = synthetic(base, labels, size)
    seed_sources = {a.source for a, label in zip(articles, copies) if label == f"{SEED}@0"}
    if not seed_sources:
        raise SystemExit(f"no {SEED} cluster under {clusters}")
    started = time.perf_counter()
    claims = list(iter_claims_parallel(articles, jobs=jobs))
    read_s = time.perf_counter() - started
    report = judge_claims(articles, claims)
    judged_s = time.perf_counter() - started - read_s
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        write_report(report, "json", out=out)
        size_mib = out.stat().st_size / 2**20
    total_s = time.perf_counter() - started
    write_s = total_s - read_s - judged_s

    seed_articles = [a for a in articles if a.source in seed_sources]
    seed_claims = [c for c in claims if c.source in seed_sources]
    alone = judge_claims(seed_articles, extract_claims(seed_articles))

    def view(found):
        ids = {c.id for c in seed_claims}
        return sorted((f.status, *sorted((f.a, f.b))) for f in found.findings if f.a in ids or f.b in ids)

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "articles": len(articles), "jobs": jobs, "claims": len(claims), "stories": len(report.stories),
        "findings": len(report.findings), "figures": len(report.figures), "json_mib": round(size_mib, 1),
        "read_s": round(read_s, 2), "judge_s": round(judged_s, 2), "write_s": round(write_s, 2),
        "seconds": round(total_s, 2), "s_per_1000": round(1000 * total_s / len(articles), 2),
        "main_mib": round(own), "worker_mib": round(worker),
        "peak_mib": round(own + (worker * jobs if jobs > 1 else 0)),
        "seed_unchanged": view(report) == view(alone),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("clusters", nargs="?", default=str(SHARED))
    ap.add_argument("--articles", default=",".join(map(str, DEFAULT_SIZES)),
                    help="sizes, comma-separated (default 1000,10000)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: every core)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single size, in this process
    opts = ap.parse_args(argv)
    if opts.one:
        print(json.dumps(run_one(Path(opts.clusters), opts.one, opts.jobs)))
        return 0
    last: dict[str, object] = {}
    for size in (int(s) for s in opts.articles.split(",") if s.strip()):
        done = subprocess.run([sys.executable, __file__, opts.clusters, "--one", str(size), "--jobs", str(opts.jobs)],
                              capture_output=True, text=True)
        if done.returncode:
            sys.stderr.write(done.stderr)
            return done.returncode
        last = json.loads(done.stdout.strip().splitlines()[-1])
        print("  ".join(f"{k}={v}" for k, v in last.items()), flush=True)
    print(f"scale: articles={last['articles']} seconds={last['seconds']} peak_mib={last['peak_mib']} "
          f"findings={last['findings']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
