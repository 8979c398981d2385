"""Speed of parse_quantities against a bare spaCy tokenizer over the same text.

Usage::

    python benchmarks/quantities_speed.py [--words 200000]

Builds a corpus of at least ``--words`` words by repeating the fixture articles
(``fixtures/clusters/*/*.txt``), then times, in the same run, ``parse_quantities``
over each article text and ``spacy.blank("en")``'s tokenizer over the same texts (the
passes interleaved, best of ``--repeat`` runs each).

Each pass streams: an article's result is dropped before the next is read, as
reconcile reads articles and as ``benchmarks/extract_speed.py`` times its bare pass.
Keeping every result instead (the way this benchmark measured before 2026-11-21) costs
the bare pass some 40% more, for memory that 924 kept Docs take, not for tokenizing;
that figure is printed too, on the line before the last. The last line is
``quantities: words_per_s=N bare_words_per_s=M ratio=R`` (streamed).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

from reconcile.quantities import parse_quantities

ROOT = Path(__file__).resolve().parent.parent


def corpus(min_words: int) -> tuple[list[str], int]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("fixtures/clusters/*/*.txt"))]
    if not texts:
        raise SystemExit("no fixture articles under fixtures/clusters/*/*.txt")
    words_each = [len(t.split()) for t in texts]
    out, n = [], 0
    while n < min_words:
        for t, w in zip(texts, words_each):
            out.append(t)
            n += w
    return out, n


def best_of_interleaved(fns, repeat: int) -> list[float]:
    """Best time of each function, the runs interleaved so that load from other
    processes falls on both passes alike rather than on one of them."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000, help="minimum corpus size in words (default 200000)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each pass, interleaved, best kept (default 5)")
    args = ap.parse_args(argv)
    texts, n_words = corpus(args.words)
    nlp = spacy.blank("en")
    tokenizer = nlp.tokenizer
    parse_quantities(texts[0])  # compile the grammar outside the timing
    tokenizer(texts[0])
    mentions = sum(len(parse_quantities(t)) for t in texts)

    def streamed(fn):
        def run() -> None:
            for t in texts:
                fn(t)
        return run

    def kept(fn):
        return lambda: [fn(t) for t in texts]

    t_ours, t_bare, t_ours_kept, t_bare_kept = best_of_interleaved(
        [streamed(parse_quantities), streamed(tokenizer), kept(parse_quantities), kept(tokenizer)], args.repeat)
    ours, bare = n_words / t_ours, n_words / t_bare
    print(f"corpus: {len(texts)} articles, {n_words} words, {mentions} mentions")
    print(f"parse_quantities: {t_ours:.3f}s  mentions/s={mentions / t_ours:,.0f}  words/s={ours:,.0f}")
    print(f"spacy.blank('en') tokenizer: {t_bare:.3f}s  words/s={bare:,.0f}")
    print(f"results kept: parse_quantities words/s={n_words / t_ours_kept:,.0f}, tokenizer words/s="
          f"{n_words / t_bare_kept:,.0f}, ratio={t_bare_kept / t_ours_kept:.2f}")
    print(f"quantities: words_per_s={ours:.0f} bare_words_per_s={bare:.0f} ratio={ours / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
