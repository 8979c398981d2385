#!/usr/bin/env python3
"""Words per second of the shipped pipeline against a bare tokenizer, its load time and size.

Usage::

    python benchmarks/parse_speed.py [--words 200000] [--rounds 3]

Over the same text (the articles of ``fixtures/clusters`` and of
``../shared/benchmarks/clusters`` when present, repeated to at least ``--words`` words)
it times, in one run, ``spacy.blank("en")`` (tokens only), the shipped pipeline as
it ships (tagger, morphologizer, parser, lemmatizer) and the parse the claim reader
waits for by default: ``build_nlp(parse="numbers")`` up to its
``reconcile_parse_numbers`` step (the number reader, then the trained components on the
sentences that hold a number), each warmed up first, best of ``--rounds``. It also times
loading the pipeline from disk against ``spacy.blank("en")``, and sums the pipeline's
size on disk (budget: 20 MB).

The last line is ``parse_speed: words_per_s=N blank_words_per_s=M ratio=R load_s=L size_mb=S
numbers_words_per_s=K numbers_ratio=Q`` (Q = K/N).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

from reconcile.nlp import PARSE_NUMBERS, build_nlp
from reconcile.pipeline import PIPELINE_DIR, load_shipped

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks" / "clusters"


def corpus(min_words: int) -> list[str]:
    paths = sorted((ROOT / "fixtures" / "clusters").glob("*/*.txt"))
    if SHARED.is_dir():
        paths += sorted(SHARED.glob("*/*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    out: list[str] = []
    words = 0
    while words < min_words:
        for t in texts:
            out.append(t)
            words += len(t.split())
    return out


def best_rate(nlp, texts: list[str], words: int, rounds: int) -> float:
    list(nlp.pipe(texts[:20]))
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        best = min(best, time.perf_counter() - start)
    return words / best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--rounds", type=int, default=3)
    opts = ap.parse_args(argv)

    start = time.perf_counter()
    blank = spacy.blank("en")
    blank_load = time.perf_counter() - start
    start = time.perf_counter()
    nlp = load_shipped()
    load = time.perf_counter() - start
    size = sum(p.stat().st_size for p in PIPELINE_DIR.rglob("*") if p.is_file()) / 1e6

    texts = corpus(opts.words)
    words = sum(len(t.split()) for t in texts)
    blank_rate = best_rate(blank, texts, words, opts.rounds)
    rate = best_rate(nlp, texts, words, opts.rounds)
    numbers = build_nlp(parse="numbers")
    with numbers.select_pipes(enable=["reconcile_quantities", PARSE_NUMBERS]):
        numbers_rate = best_rate(numbers, texts, words, opts.rounds)
        step = numbers.get_pipe(PARSE_NUMBERS)
        docs = list(numbers.pipe(dict.fromkeys(texts)))  # each article once
        read = sum(end - start for doc in docs for start, end in step.stretches(doc))
        total = sum(len(doc) for doc in docs)
    print(f"text: {len(texts)} articles, {words} words; pipeline: {', '.join(nlp.pipe_names)}")
    print(f"blank tokenizer: {blank_rate:,.0f} words/s; shipped pipeline: {rate:,.0f} words/s")
    print(f"parse='numbers' (number reader + trained components on {read:,} of {total:,} tokens, "
          f"{read / total:.1%}): {numbers_rate:,.0f} words/s, {numbers_rate / rate:.2f}x the shipped pipeline")
    print(f"load: spacy.blank('en') {blank_load:.3f} s, shipped pipeline {load:.3f} s (after spaCy's import)")
    print(f"size on disk: {size:.1f} MB (budget 20 MB)")
    print(
        f"parse_speed: words_per_s={rate:.0f} blank_words_per_s={blank_rate:.0f} "
        f"ratio={rate / blank_rate:.3f} load_s={load:.3f} size_mb={size:.1f} "
        f"numbers_words_per_s={numbers_rate:.0f} numbers_ratio={numbers_rate / rate:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
