#!/usr/bin/env python3
"""Speed of claim extraction against a bare pass of the same shipped pipeline over the same text.

Usage::

    python benchmarks/extract_speed.py [--words 100000] [--slices 8] [--processes 1] [--memory] [--seed 0]
                                       [--parse numbers|all]

Builds a corpus of at least ``--words`` words from the fixture articles
(``fixtures/clusters/*/*.txt``, read with :func:`reconcile.sources.read_articles`),
repeated round after round, each round shuffled with a fixed seed, every copy a
distinct :class:`~reconcile.model.Article` with a new source name.

The two sides:

- ours: ``iter_claims(articles, nlp=nlp)`` with ``nlp = build_nlp(parse=P)`` (``--parse``,
  default ``numbers``: the trained components read only the sentences that hold a
  number), every claim counted and dropped;
- bare: ``nlp.pipe(texts)`` on ``build_nlp(parse="all")`` with reconcile's components
  disabled, so only the trained components of the shipped pipeline run, on every
  sentence (tokenizer, tok2vec, tagger, morphologizer, parser, lemmatizer), every Doc
  dropped.

With ``--parse numbers`` it also prints how many of the corpus's tokens the trained
components read (counted on one round of the fixture articles, outside the clock).

The corpus is cut into ``--slices`` slices, and the two sides take turns on each slice
(bare first on even slices, ours first on odd ones), so a machine busy elsewhere
slows both alike; their times are summed. Nothing is kept: no Doc, no list of claims.
The pipeline is built and warmed up on the fixture articles before the clock starts.
Words are whitespace-separated words. With ``--processes P`` (P > 1) the bounded,
streaming ``iter_claims_parallel(articles, jobs=P)`` (whose workers build the default
pipeline) is timed too, against the one process time above.

``--memory`` also runs the streamed extraction (articles generated one at a time,
claims counted and dropped, ``iter_claims``) at N and at 2N words, each in a fresh
subprocess, and prints each one's peak and final RSS: the two runs should be close.

The last line is ``extract: words_per_s=N bare_words_per_s=M ratio=R`` (R = ours/bare).
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from reconcile.api import iter_claims_parallel
from reconcile.claims import iter_claims
from reconcile.model import Article
from reconcile.nlp import DEFAULT_PARSE, PARSE_MODES, PARSE_NUMBERS, build_nlp
from reconcile.sources import read_articles

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORDS = 100_000
DEFAULT_SLICES = 8
DEFAULT_SEED = 0


def fixture_articles() -> list[Article]:
    paths = [str(p) for p in sorted(ROOT.glob("fixtures/clusters/*/*.txt"))]
    if not paths:
        raise SystemExit("no fixture articles under fixtures/clusters/*/*.txt")
    articles, skipped = read_articles(paths)
    if skipped:
        raise SystemExit(f"fixture articles not read: {skipped}")
    return articles


def iter_corpus(min_words: int, *, seed: int = DEFAULT_SEED) -> Iterator[tuple[Article, int]]:
    """Articles (with their word counts) until ``min_words`` words, one at a time.

    Each round holds every fixture article once, in an order drawn from ``seed``; the
    copy of article ``s`` in round ``k`` is named ``s~k``. Copies share the text string,
    so the corpus costs next to nothing to hold, and a generator costs nothing at all.
    """
    base = fixture_articles()
    words = {a.source: len(a.text.split()) for a in base}
    rng = random.Random(seed)
    n, round_no = 0, 0
    while n < min_words:
        order = base[:]
        rng.shuffle(order)
        for a in order:
            if n >= min_words:
                return
            yield dataclasses.replace(a, source=f"{a.source}~{round_no}"), words[a.source]
            n += words[a.source]
        round_no += 1


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _proc_status_mib(field: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def own_peak_rss_mib() -> float:
    """This process's own peak RSS.

    Linux carries ``ru_maxrss`` over fork and exec, so a subprocess started from a
    big parent would report the parent's peak; ``VmHWM`` starts afresh with the new
    program. Falls back to getrusage where there is no ``/proc``.
    """
    hwm = _proc_status_mib("VmHWM")
    return peak_rss_mib() if hwm is None else hwm


def current_rss_mib() -> float:
    """Resident memory now; the peak alone can hide growth below an import-time peak."""
    rss = _proc_status_mib("VmRSS")
    return float("nan") if rss is None else rss


def timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def memory_child(n_words: int, seed: int, parse: str) -> int:
    """Streamed extraction of ``n_words`` words; prints claims, words and peak RSS."""
    nlp = build_nlp(parse=parse)
    list(iter_claims(fixture_articles(), nlp=nlp))  # warm up, as the timed run does
    rss_before = own_peak_rss_mib()
    counted = {"words": 0, "articles": 0}

    def articles() -> Iterator[Article]:
        for a, w in iter_corpus(n_words, seed=seed):
            counted["words"] += w
            counted["articles"] += 1
            yield a

    n_claims = 0
    t0 = time.perf_counter()
    for _ in iter_claims(articles(), nlp=nlp):
        n_claims += 1
    elapsed = time.perf_counter() - t0
    print(f"{counted['words']} {counted['articles']} {n_claims} {elapsed:.3f} {rss_before:.1f} "
          f"{current_rss_mib():.1f} {own_peak_rss_mib():.1f}")
    return 0


def memory_check(n_words: int, seed: int, parse: str) -> list[tuple[int, float, float]]:
    rows = []
    for n in (n_words, 2 * n_words):
        done = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(n), "--seed", str(seed), "--parse", parse],
            capture_output=True, text=True, check=False,
        )
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            raise SystemExit(f"memory run at {n} words failed (exit {done.returncode})")
        words, n_articles, n_claims, elapsed, before, now, peak = done.stdout.split()[-7:]
        print(f"memory: {int(words):,} words, {int(n_articles):,} articles, {int(n_claims):,} claims "
              f"in {float(elapsed):.1f}s; peak RSS {float(peak):.1f} MiB "
              f"(peak after building the pipeline {float(before):.1f} MiB, RSS at the end {float(now):.1f} MiB)")
        rows.append((int(words), float(peak), float(now)))
    (w1, p1, r1), (w2, p2, r2) = rows
    print(f"memory: at {w2:,} words against {w1:,}: peak RSS {p2 - p1:+.1f} MiB ({p2 / p1:.2f}x), "
          f"RSS at the end {r2 - r1:+.1f} MiB")
    return rows


def our_components(nlp) -> list[str]:
    """The components :func:`build_nlp` adds: all but the trained ones of the shipped pipeline."""
    from reconcile.pipeline import load_shipped

    trained = set(load_shipped().pipe_names)
    return [name for name in nlp.pipe_names if name not in trained]


def parsed_share(nlp, texts: list[str]) -> tuple[int, int]:
    """Tokens the trained components read under ``parse="numbers"``, and all tokens."""
    step = nlp.get_pipe(PARSE_NUMBERS)
    read = total = 0
    with nlp.select_pipes(enable=["reconcile_quantities"]):
        for doc in nlp.pipe(texts):
            total += len(doc)
            read += sum(end - start for start, end in step.stretches(doc))
    return read, total


def count_claims(nlp, articles: list[Article]) -> int:
    return sum(1 for _ in iter_claims(articles, nlp=nlp))


def count_bare(nlp, texts: list[str], ours: list[str]) -> int:
    with nlp.select_pipes(disable=ours):
        return sum(1 for _ in nlp.pipe(texts))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=DEFAULT_WORDS,
                    help=f"minimum corpus size in words (default {DEFAULT_WORDS})")
    ap.add_argument("--slices", type=int, default=DEFAULT_SLICES,
                    help=f"turns the two sides take, alternating who goes first (default {DEFAULT_SLICES})")
    ap.add_argument("--processes", type=int, default=1,
                    help="also time iter_claims_parallel(jobs=P) when P > 1 (default 1)")
    ap.add_argument("--memory", action="store_true",
                    help="also measure the peak RSS of a streamed run at N and 2N words, each in a subprocess")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"shuffle seed (default {DEFAULT_SEED})")
    ap.add_argument("--parse", choices=PARSE_MODES, default=DEFAULT_PARSE,
                    help=f"build_nlp(parse=...) for our side (default {DEFAULT_PARSE}); the bare side parses all")
    ap.add_argument("--memory-child", type=int, metavar="N", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child is not None:
        return memory_child(args.memory_child, args.seed, args.parse)

    corpus = list(iter_corpus(args.words, seed=args.seed))
    articles = [a for a, _ in corpus]
    n_words = sum(w for _, w in corpus)
    print(f"corpus: {len(articles):,} articles, {n_words:,} words "
          f"({len(fixture_articles())} fixture articles repeated, seed {args.seed})")

    # build and warm up outside the clock: one pass over the fixtures loads the lazy
    # tables (lemma lookups, place names, the number grammar) and the lexemes
    warm = fixture_articles()
    nlp = build_nlp(parse=args.parse)
    bare = build_nlp(parse="all")
    ours = our_components(bare)
    print(f"pipeline (parse={args.parse!r}): {', '.join(nlp.pipe_names)}")
    print(f"bare: {', '.join(p for p in bare.pipe_names if p not in ours)} (build_nlp(parse='all') "
          f"with {', '.join(ours)} disabled)")
    if nlp.has_pipe(PARSE_NUMBERS):
        read, total = parsed_share(nlp, [a.text for a in warm])
        print(f"trained components read {read:,} of {total:,} tokens ({read / total:.1%}) of the fixture articles")
    count_claims(nlp, warm)
    count_bare(bare, [a.text for a in warm], ours)

    slices = max(1, min(args.slices, len(articles)))
    step = -(-len(articles) // slices)
    t_bare = t_ours = 0.0
    n_claims = 0
    for k in range(0, len(articles), step):
        part = articles[k: k + step]
        texts = [a.text for a in part]
        if (k // step) % 2 == 0:
            dt_bare, _ = timed(lambda: count_bare(bare, texts, ours))
            dt_ours, n = timed(lambda: count_claims(nlp, part))
        else:
            dt_ours, n = timed(lambda: count_claims(nlp, part))
            dt_bare, _ = timed(lambda: count_bare(bare, texts, ours))
        t_bare += dt_bare
        t_ours += dt_ours
        n_claims += n
    ours_wps, bare_wps = n_words / t_ours, n_words / t_bare
    print(f"bare shipped pipeline ({', '.join(p for p in bare.pipe_names if p not in ours)}): "
          f"{t_bare:.2f}s  words/s={bare_wps:,.0f}")
    print(f"iter_claims (parse={args.parse!r}), 1 process: {t_ours:.2f}s  words/s={ours_wps:,.0f}  "
          f"claims={n_claims:,}  claims/s={n_claims / t_ours:,.0f}")
    print(f"peak RSS (this process so far): {peak_rss_mib():.1f} MiB")
    if args.memory:
        memory_check(args.words, args.seed, args.parse)
    if args.processes > 1:
        # the workers fork from this process, so each starts with the pipeline built
        t_par, par_claims = timed(lambda: sum(1 for _ in iter_claims_parallel(articles, jobs=args.processes)))
        print(f"iter_claims_parallel, jobs={args.processes}: {t_par:.2f}s  words/s={n_words / t_par:,.0f}  "
              f"claims/s={par_claims / t_par:,.0f}  speed-up={t_ours / t_par:.2f}x over 1 process"
              + ("" if par_claims == n_claims else f"  (claims differ: {par_claims:,})"))
    print(f"extract: words_per_s={ours_wps:.0f} bare_words_per_s={bare_wps:.0f} ratio={ours_wps / bare_wps:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
