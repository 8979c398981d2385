"""Accuracy of the number reader on news-style sentences, by class of difficulty.

Usage::

    python benchmarks/news_numbers.py [benchmarks/news_numbers.jsonl] [--errors]

Each line of the data file is one sentence written as a reporter would write it, with
the figures a reader should take from it: ``value`` (or ``low``/``high`` for a range),
``kind``, ``unit`` and, for a change, ``change`` ("up", "down", or "level" for the
value a change reached). Classes: ``currency`` (currency prefixes and codes),
``change`` (a change and the level it reached versus a range), ``not_count`` (labels,
clock times, idioms, scores, ages), ``measure`` (temperatures, nautical miles,
volumes, plus-or-minus, scientific notation, shares of GDP) and ``text`` (fractions,
invisible characters, Swiss thousands, superscripts, NUL bytes inside numbers).

Only the figures reconcile turns into claims are compared: kinds count, percent, money
and measure, and not a sports score (rule ``score``). A case is right when the reader
gives exactly the expected figures, in order, each with its kind, unit, bounds (to a
relative 1e-6) and change direction, and when no mention's text holds a NUL byte. The
last line is ``news_numbers: accuracy=A cases=N``.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

from reconcile.model import COUNTABLE_KINDS
from reconcile.quantities import parse_quantities

DATA = Path(__file__).resolve().with_name("news_numbers.jsonl")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def figures(sentence: str) -> list[dict]:
    """The claim-worthy figures the reader finds in ``sentence``, as comparable dicts."""
    out = []
    for q in parse_quantities(sentence):
        if q.kind not in COUNTABLE_KINDS or "score" in q.rule.split("+"):
            continue
        out.append({"text": q.text, "low": q.low, "high": q.high, "kind": q.kind, "unit": q.unit,
                    "change": getattr(q, "change", None)})
    return out


def matches(got: dict, want: dict) -> bool:
    lo, hi = (want["value"], want["value"]) if "value" in want else (want.get("low"), want.get("high"))
    return (_close(got["low"], lo) and _close(got["high"], hi) and got["kind"] == want["kind"]
            and got["unit"] == want.get("unit") and got["change"] == want.get("change"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DATA))
    ap.add_argument("--errors", action="store_true", help="print every case read wrong")
    args = ap.parse_args(argv)
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    errors = []
    with open(args.data, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            case = json.loads(line)
            got = figures(case["sentence"])
            want = case["expected"]
            clean = all("\x00" not in q.text for q in parse_quantities(case["sentence"]))
            ok = clean and len(got) == len(want) and all(matches(g, w) for g, w in zip(got, want))
            total[case["class"]] += 1
            right[case["class"]] += ok
            if not ok:
                errors.append((case["id"], case["sentence"], got))
    if args.errors:
        for cid, sentence, got in errors:
            print(f"  {cid}: {sentence!r}")
            for g in got:
                print(f"      {g}")
    for cls in sorted(total):
        print(f"{cls:10s} {right[cls]:3d}/{total[cls]:<3d} accuracy={right[cls] / total[cls]:.3f}")
    n = sum(total.values())
    print(f"news_numbers: accuracy={sum(right.values()) / n:.3f} cases={n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
