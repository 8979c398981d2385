#!/usr/bin/env python3
"""Speed of alignment and verdicts (``reconcile.judge.reconcile``) at N and 2N claims.

Usage::

    python benchmarks/align_speed.py [--claims 100000] [--repeat 1]
    python benchmarks/align_speed.py --claims 50000      # a quicker look, half the size

Extracts the claims of every fixture cluster (``fixtures/clusters/*/``, each with its
``gold.json`` as metadata) once, then repeats them under new source names
(``dataclasses.replace`` with a new ``source`` and ``id``: copy ``k`` of source ``s``
is ``s~k``) until there are at least N claims, and times
``reconcile(claims, as_frame=False)`` over the first N and over all 2N, in the same
run. Near-linear cost means a time ratio t(2N)/t(N) close to 2; the target is < 2.5.

At the default N (100,000 and 200,000 claims) a run takes four to five minutes on two
cores and about 5.5 GiB of memory, because repeated claims align with their copies:
some 40 findings per claim; ``--claims 50000`` takes two minutes. Wall-clock times are
the figures; CPU times are printed beside them, as a check on a busy machine.

The last line is ``align: n=N claims_per_s_n=A claims_per_s_2n=B time_ratio=R``.
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import resource
import sys
import time
from pathlib import Path

from reconcile.claims import extract_claims
from reconcile.judge import reconcile
from reconcile.model import Claim
from reconcile.sources import apply_metadata, read_articles, read_metadata

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CLAIMS = 100_000
FULL_CLAIMS = 100_000  # the size the benchmark is meant for


def fixture_claims() -> list[Claim]:
    """The claims of every fixture cluster, cluster by cluster, in sorted order."""
    claims: list[Claim] = []
    clusters = sorted(p for p in (ROOT / "fixtures" / "clusters").iterdir() if p.is_dir())
    for cluster in clusters:
        paths = [str(p) for p in sorted(cluster.glob("*.txt"))]
        if not paths:
            continue
        articles, _ = read_articles(paths)
        gold = cluster / "gold.json"
        if gold.is_file():
            articles = apply_metadata(articles, read_metadata(gold))
        claims.extend(extract_claims(articles))
    if not claims:
        raise SystemExit("no claims in fixtures/clusters/*/*.txt")
    return claims


def repeated(base: list[Claim], n: int) -> list[Claim]:
    """``n`` claims: ``base`` over and over, copy ``k`` under sources named ``<source>~k``."""
    out: list[Claim] = []
    k = 0
    while len(out) < n:
        for c in base[: n - len(out)]:
            source = f"{c.source}~{k}"
            out.append(dataclasses.replace(c, source=source, id=f"{source}#{c.start}"))
        k += 1
    return out


def time_reconcile(claims: list[Claim], repeat: int) -> tuple[float, float, int]:
    """Best wall-clock time, its CPU time, and the number of findings."""
    best, cpu, n_findings = float("inf"), 0.0, 0
    for _ in range(repeat):
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        findings = reconcile(claims, as_frame=False)
        wall = time.perf_counter() - t0
        if wall < best:
            best, cpu = wall, time.process_time() - c0
        n_findings = len(findings)
        del findings
    return best, cpu, n_findings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=DEFAULT_CLAIMS,
                    help=f"N, the smaller corpus size in claims; 2N is timed too (default {DEFAULT_CLAIMS})")
    ap.add_argument("--repeat", type=int, default=1, help="timed runs at each size, best kept (default 1)")
    args = ap.parse_args(argv)
    n = args.claims
    base = fixture_claims()
    claims = repeated(base, 2 * n)
    print(f"corpus: {len(base):,} fixture claims repeated to {n:,} and {2 * n:,} claims")
    if n < FULL_CLAIMS:
        print(f"note: N={n:,} is below the full size, --claims {FULL_CLAIMS} "
              f"({FULL_CLAIMS:,} and {2 * FULL_CLAIMS:,} claims, 4-5 minutes, ~5.5 GiB)")
    reconcile(base, as_frame=False)  # load the tables and the unit registry outside the clock
    t_n, cpu_n, f_n = time_reconcile(claims[:n], args.repeat)
    print(f"reconcile, {n:,} claims: {t_n:.2f}s (CPU {cpu_n:.2f}s)  claims/s={n / t_n:,.0f}  findings={f_n:,}")
    t_2n, cpu_2n, f_2n = time_reconcile(claims, args.repeat)
    print(f"reconcile, {2 * n:,} claims: {t_2n:.2f}s (CPU {cpu_2n:.2f}s)  claims/s={2 * n / t_2n:,.0f}  "
          f"findings={f_2n:,}")
    print(f"time ratio t(2N)/t(N) = {t_2n / t_n:.2f} (CPU {cpu_2n / cpu_n:.2f}; linear: 2.00)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB")
    print(f"align: n={n} claims_per_s_n={n / t_n:.0f} claims_per_s_2n={2 * n / t_2n:.0f} time_ratio={t_2n / t_n:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
