#!/usr/bin/env python3
"""Time the number reader and the whole pipeline on pathological text, at two sizes.

Usage::

    python benchmarks/pathological.py [--kb 50 100] [--repeat 3] [--only slash,comma]
                                      [--timeout 120] [--reader-only]

Each pattern is a short unit ("1/", "one ", a table row, a Markdown image with an
inline base64 PNG, a sentence with no full stop...) repeated until the text holds
``--kb`` thousand characters (cut at that length). For each pattern and size it times

* ``reader``: :func:`reconcile.quantities.parse_quantities` on the text alone, and
* ``pipeline``: :func:`reconcile.claims.extract_claims` on one
  :class:`~reconcile.model.Article` holding the text, with the pipeline built once
  by :func:`reconcile.nlp.build_nlp` (and warmed up) before the clock starts.

A time is the best of ``--repeat`` runs; a run that is quicker than 20 ms calls the
function as many times as it takes to last 20 ms and counts the mean, so that the
ratio of two small times is not noise. A run longer than ``--timeout`` seconds is
stopped and printed as ``>T`` (its ratio counts as infinite); a run over 2 s is not repeated.

Per pattern the line holds both sizes' times and the ratio of the larger size's time
to the smaller's (2.0 is linear for sizes 50 and 100). The last line is::

    pathological: worst_ratio=R worst_s_per_100kb=S patterns=N

R is the largest ratio over every pattern and both stages, S the largest time of the
largest size scaled to 100,000 characters. The target (issue 15): R <= 2.5 and S < 1.
"""
from __future__ import annotations

import argparse
import base64
import math
import random
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reconcile.claims import extract_claims
from reconcile.model import Article
from reconcile.nlp import build_nlp
from reconcile.quantities import parse_quantities

ROOT = Path(__file__).resolve().parent.parent
MIN_RUN_S = 0.02
SLOW_S = 2.0
DEFAULT_KB = (50, 100)
DEFAULT_REPEAT = 3
DEFAULT_TIMEOUT = 120.0
SEED = 15


def _base64_blob(n: int) -> str:
    rng = random.Random(SEED)
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(n))).decode("ascii")


def _markdown_image(size: int) -> str:
    head = "# Flood report\n\nThe river rose 3 metres and 1,200 homes were flooded, officials said.\n\n"
    tail = ")\n\nAbout 40 people were rescued.\n"
    blob = _base64_blob(size * 3 // 4 + 16)
    return head + "![chart](data:image/png;base64," + blob[: size - len(head) - len(tail) - 32] + tail


def _prose() -> str:
    return "".join(p.read_text(encoding="utf-8") + "\n\n"
                   for p in sorted(ROOT.glob("fixtures/clusters/*/*.txt")))


def _random_digits(size: int) -> str:
    rng = random.Random(SEED)
    return "".join(rng.choice("0123456789") for _ in range(size))


def _nested(size: int) -> str:
    depth = (size - 13) // 2
    return "(" * depth + "5 people died" + ")" * depth


def _table(size: int) -> str:
    rng = random.Random(SEED)
    rows = ["| year | deaths | injured | cost |", "|---|---|---|---|"]
    while sum(len(r) + 1 for r in rows) < size:
        rows.append(f"| {rng.randint(1990, 2024)} | {rng.randint(0, 999)} | {rng.randint(0, 9999)} "
                    f"| {rng.randint(0, 99)}.{rng.randint(0, 9)} |")
    return "\n".join(rows)


def _csv_digits(size: int) -> str:
    rng = random.Random(SEED)
    rows = []
    while sum(len(r) + 1 for r in rows) < size:
        rows.append(",".join(str(rng.randint(0, 99999)) for _ in range(12)))
    return "\n".join(rows)


# name -> a unit repeated to size, or a function of the size
PATTERNS: dict[str, str | Callable[[int], str]] = {
    "slash": "1/",
    "comma": "1,",
    "dot": "1.",
    "hyphen": "1-",
    "colon": "1:",
    "space": "1 ",
    "newline": "1\n",
    "semicolon": "1; ",
    "apostrophe": "1'",
    "zero-width": "1\u200b",
    "number-words": "one ",
    "number-word-run": "one hundred twenty three thousand four hundred and five ",
    "dollars": "$1 ",
    "percent": "1%",
    "per-cent": "1 per cent ",
    "million": "1.5 million ",
    "ordinals": "1st 2nd 3rd ",
    "fractions": "1/2 3/4 ",
    "unicode-fractions": "½",
    "exponent": "1e1",
    "dimensions": "1 x ",
    "to-range": "1 to ",
    "or-range": "1 or ",
    "between": "between 1 and 2 ",
    "approximators": "about ",
    "minus": "-1",
    "parenthesised": "(1)",
    "grouped-thousands": "1,000",
    "space-grouped": "1 000 ",
    "digit-string": "1",
    "random-digits": _random_digits,
    "digit-table": _table,
    "csv-digits": _csv_digits,
    "base64-image": _markdown_image,
    "no-full-stop": "and 5 people were hurt and 6 cars burned and 7 houses fell ",
    "said-no-stop": "he said 5 people died, she said ",
    "quotes": "\"5 people died,\" said Smith, ",
    "claims-list": "5 people, 6 cars, 7 houses, 8 schools, ",
    "the-country": "The country has recorded 5 deaths. ",
    "the-capital": "In the capital 5 people died. ",
    "nested-parens": _nested,
    "long-word": "a",
    "prose": "",  # the fixture articles, repeated (a control: real news)
}


def make_text(name: str, size: int) -> str:
    """The text of pattern ``name`` at ``size`` characters ."""
    unit = PATTERNS[name]
    if callable(unit):
        return unit(size)[:size]
    if not unit:
        unit = _prose()
    return (unit * (size // len(unit) + 1))[:size]


class Timeout(Exception):
    """A run took longer than --timeout."""


def _alarm(_signum, _frame):
    raise Timeout


def best_time(fn: Callable[[], object], repeat: int, timeout: float) -> float:
    """The best of ``repeat`` runs of ``fn`` in seconds (``inf`` if one ran out of time)."""
    best = math.inf
    for _ in range(repeat):
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            calls, t0 = 0, time.perf_counter()
            while True:
                fn()
                calls += 1
                elapsed = time.perf_counter() - t0
                if elapsed >= MIN_RUN_S:
                    break
        except Timeout:
            return math.inf
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        best = min(best, elapsed / calls)
        if best > SLOW_S:
            break  # a slow run: another would say nothing new and cost as much
    return best


def fmt(t: float, timeout: float) -> str:
    return f">{timeout:.0f}" if math.isinf(t) else f"{t:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kb", type=int, nargs=2, default=list(DEFAULT_KB), metavar=("SMALL", "LARGE"),
                    help="the two sizes, in thousands of characters (default 50 100)")
    ap.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="runs per time, best kept (default 3)")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                    help="seconds before a run is stopped (default 120)")
    ap.add_argument("--only", default=None, help="comma-separated pattern names (default: all)")
    ap.add_argument("--reader-only", action="store_true", help="time the number reader alone")
    args = ap.parse_args(argv)

    names = list(PATTERNS)
    if args.only:
        wanted = args.only.split(",")
        unknown = [n for n in wanted if n not in PATTERNS]
        if unknown:
            ap.error(f"unknown pattern(s) {', '.join(unknown)}; known: {', '.join(PATTERNS)}")
        names = wanted
    small, large = (k * 1000 for k in args.kb)
    nlp = None
    if not args.reader_only:
        nlp = build_nlp()
        extract_claims([Article(source="warm-up", text=_prose())], nlp=nlp)

    stages: list[tuple[str, Callable[[str], object]]] = [("reader", parse_quantities)]
    if nlp is not None:
        stages.append(("pipeline", lambda text: extract_claims([Article(source="p", text=text)], nlp=nlp)))

    header = f"{'pattern':<18}" + "".join(
        f"{stage + ' ' + str(k) + 'k':>15}" for stage, _ in stages for k in args.kb) + "".join(
        f"{stage + ' ratio':>15}" for stage, _ in stages)
    print(header)
    worst_ratio, worst_s, worst_name = 0.0, 0.0, ""
    for name in names:
        texts = (make_text(name, small), make_text(name, large))
        times, ratios = [], []
        for _stage, fn in stages:
            t_small = best_time(lambda: fn(texts[0]), args.repeat, args.timeout)
            t_large = best_time(lambda: fn(texts[1]), args.repeat, args.timeout)
            ratio = t_large / t_small if not math.isinf(t_small) else math.inf
            times += [t_small, t_large]
            ratios.append(ratio)
            worst_ratio = max(worst_ratio, ratio)
            per_100kb = t_large * 100_000 / max(len(texts[1]), 1)
            if per_100kb > worst_s:
                worst_s, worst_name = per_100kb, name
        print(f"{name:<18}" + "".join(f"{fmt(t, args.timeout):>15}" for t in times)
              + "".join(f"{'inf' if math.isinf(r) else f'{r:.2f}':>15}" for r in ratios), flush=True)
    ratio_text = "inf" if math.isinf(worst_ratio) else f"{worst_ratio:.2f}"
    s_text = "inf" if math.isinf(worst_s) else f"{worst_s:.3f}"
    print(f"pathological: worst_ratio={ratio_text} worst_s_per_100kb={s_text} patterns={len(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
