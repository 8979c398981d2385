"""Speed of parse_quantities against quantulum3's ``parser.parse`` on the same sentences.

Usage::

    python3 -m venv /tmp/q3 && /tmp/q3/bin/pip install quantulum3
    python benchmarks/quantulum_compare.py --quantulum-python /tmp/q3/bin/python [--rounds 5]

quantulum3 is never a dependency of reconcile: it lives in an environment of its own,
and its side runs in a child process of that interpreter (``--quantulum-python``),
which reads the sentences, imports quantulum3 and waits; our side runs here. Without
the option, or when that interpreter cannot import quantulum3, only our side is timed
and the script says why.

The sentences, two sets that both sides read in the same order: the texts of the 739
shared spec cases (``../shared/benchmarks/numbers/cases.jsonl``: short, nearly every
word a number), and every sentence of the news articles of ``fixtures/clusters`` and
``../shared/benchmarks/clusters`` (cut at sentence ends and line breaks: news as it
runs, a number every few sentences). Each side reads both once untimed (our grammar is
compiled, quantulum3's tables are loaded), then ``--rounds`` rounds interleave the two
so that load from other processes falls on both alike: in each round our side reads
each set ``--repeat`` times (a pass of ours is short) and theirs once, each pass
streamed (a sentence's result is dropped before the next is read). The best pass of
each side on each set is kept; words are whitespace-separated tokens, and the figures
for both sets together (``all``, the last line) add the two best passes.

With ``--whole-articles`` the same articles are also read whole, one text each, and
timed the same way (a line of its own, not in ``all``): quantulum3's time grows faster
than the length of a text and ours does not, so the ratio is higher on whole articles
than on their sentences.

With ``--score`` (and the shared scorer at ``score.py`` next to the cases), both
sides' readings of the spec cases are scored by that scorer: ours as
``benchmarks/numbers_predict.py`` writes them, quantulum3's with its entity mapped onto
the scorer's kinds (dimensionless -> number, currency, percentage, temperature, time ->
duration, any other -> dimension) and a value with an uncertainty read as the range
value +/- uncertainty. The last line is ``quantulum: ours_wps=N theirs_wps=M ratio=R``
(``theirs_wps=NA ratio=NA`` when their side was not run).
"""
from __future__ import annotations

import argparse
import glob
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reconcile.quantities import parse_quantities

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT.parent / "shared" / "benchmarks" / "numbers" / "cases.jsonl"
ARTICLES = ("fixtures/clusters/*/*.txt", "../shared/benchmarks/clusters/*/*.txt")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")

# The child: reads the sentences (a JSON list in the file argv[1]), reads them once,
# then answers on stdout one line per command read on stdin: "pass A B" times one
# streamed pass over sentences A to B (seconds), "score B" gives its readings of the
# first B sentences as JSON.
CHILD = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")  # quantulum3 warns that its optional classifier is not installed
from quantulum3 import classifier, parser
texts = json.load(open(sys.argv[1], encoding="utf-8"))
first = [parser.parse(t) for t in texts]
print(json.dumps({"ready": True, "classifier": bool(getattr(classifier, "USE_CLF", False))}), flush=True)
for line in sys.stdin:
    command, *numbers = line.split()
    if command == "pass":
        a, b = map(int, numbers)
        t0 = time.perf_counter()
        for t in texts[a:b]:
            parser.parse(t)
        print(json.dumps({"seconds": time.perf_counter() - t0}), flush=True)
    elif command == "score":
        out = [[{"surface": q.surface, "span": list(q.span), "value": q.value,
                 "uncertainty": getattr(q, "uncertainty", None), "unit": q.unit.name,
                 "entity": q.unit.entity.name} for q in qs] for qs in first[:int(numbers[0])]]
        print(json.dumps(out), flush=True)
"""


def sentences() -> tuple[list[str], list[dict], list[str]]:
    """The sentences both sides read (the spec cases' texts first), the spec cases,
    and the articles whole."""
    cases = []
    if CASES.exists():
        cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [c["text"] for c in cases]
    articles = [Path(p).read_text(encoding="utf-8") for pattern in ARTICLES
                for p in sorted(glob.glob(str(ROOT / pattern)))]
    for article in articles:
        texts.extend(s for s in SENTENCE_END.split(article) if s.strip())
    if not texts:
        raise SystemExit(f"no sentences: neither {CASES} nor articles under " + ", ".join(ARTICLES))
    return texts, cases, articles


class Quantulum:
    """quantulum3 in its own interpreter, a child process fed commands one line at a time."""

    def __init__(self, python: str, texts: list[str], workdir: Path) -> None:
        path = workdir / "sentences.json"
        path.write_text(json.dumps(texts), encoding="utf-8")
        self.proc = subprocess.Popen([python, "-c", CHILD, str(path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.info = self._answer()

    def _answer(self) -> dict | list:
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read().strip().splitlines()
            self.proc.wait()
            raise RuntimeError(err[-1] if err else "it gave no answer")
        return json.loads(line)

    def ask(self, command: str) -> dict | list:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self._answer()

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def our_pass(texts: list[str]) -> float:
    t0 = time.perf_counter()
    for t in texts:
        parse_quantities(t)
    return time.perf_counter() - t0


def their_items(found: list[dict]) -> list[dict]:
    """quantulum3's readings of one case as the shared scorer's items."""
    items = []
    for q in found:
        entity, unit = q["entity"], q["unit"]
        if unit == "percentage":
            kind = "percentage"
        elif entity in ("dimensionless", "currency", "temperature"):
            kind = {"dimensionless": "number"}.get(entity, entity)
        elif entity == "time":
            kind = "duration"
        else:
            kind = "dimension"
        d = {"span": q["surface"], "start": q["span"][0], "end": q["span"][1], "kind": kind,
             "unit": None if kind == "number" else unit, "low_inclusive": False, "high_inclusive": False}
        if q["uncertainty"]:
            d.update(value=None, low=q["value"] - q["uncertainty"], high=q["value"] + q["uncertainty"],
                     low_inclusive=True, high_inclusive=True)
        else:
            d.update(value=q["value"], low=None, high=None)
        items.append(d)
    return items


def score(cases: list[dict], predicted: list[list[dict]], workdir: Path, name: str) -> str:
    """The scorer's overall row and last line for one side's predictions."""
    path = workdir / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for case, items in zip(cases, predicted):
            f.write(json.dumps({"id": case["id"], "predicted": items}) + "\n")
    out = subprocess.run([sys.executable, str(CASES.with_name("score.py")), "--cases", str(CASES), str(path)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return "\n".join(line for line in out if line.startswith(("suite", "overall", "numbers:")))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quantulum-python", metavar="PATH",
                    help="an interpreter that can import quantulum3 (default: none, our side only)")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds, best pass kept (default 5)")
    ap.add_argument("--repeat", type=int, default=10, help="our passes of each set per round (default 10)")
    ap.add_argument("--score", action="store_true", help="also score both sides on the spec cases")
    ap.add_argument("--whole-articles", action="store_true", help="also time the articles read whole")
    args = ap.parse_args(argv)
    texts, cases, articles = sentences()
    sets = {"spec cases": (0, len(cases)), "article sentences": (len(cases), len(texts))}
    if args.whole_articles:
        sets["whole articles"] = (len(texts), len(texts) + len(articles))
        texts = texts + articles
    words = {name: sum(len(t.split()) for t in texts[a:b]) for name, (a, b) in sets.items()}
    for name, (a, b) in sets.items():
        print(f"{name}: {b - a} texts, {words[name]} words")
    for t in texts:  # compile the grammar, warm the caches
        parse_quantities(t)
    with tempfile.TemporaryDirectory() as tmp:
        theirs = None
        if args.quantulum_python is None:
            print("quantulum3: not run (give --quantulum-python PATH, an interpreter that has quantulum3)")
        else:
            try:
                theirs = Quantulum(args.quantulum_python, texts, Path(tmp))
            except (OSError, RuntimeError, json.JSONDecodeError) as e:
                print(f"quantulum3: not run ({args.quantulum_python} cannot run it: {e})")
        if theirs is not None:
            print(f"quantulum3 in {args.quantulum_python}, classifier "
                  f"{'on' if theirs.info['classifier'] else 'off (quantulum3[classifier] not installed)'}")
        ours = dict.fromkeys(sets, float("inf"))
        their = dict.fromkeys(sets, float("inf"))
        for _ in range(args.rounds):
            for name, (a, b) in sets.items():
                ours[name] = min([ours[name]] + [our_pass(texts[a:b]) for _ in range(args.repeat)])
                if theirs is not None:
                    their[name] = min(their[name], theirs.ask(f"pass {a} {b}")["seconds"])
        both = ("spec cases", "article sentences")
        ours["all"], their["all"], words["all"] = (sum(ours[k] for k in both), sum(their[k] for k in both),
                                                   sum(words[k] for k in both))
        for name in ours:
            line = f"{name}: parse_quantities words/s={words[name] / ours[name]:,.0f}"
            if theirs is not None:
                line += (f"  quantulum3 words/s={words[name] / their[name]:,.0f}"
                         f"  ratio={their[name] / ours[name]:.1f}")
            print(line)
        ours_wps = words["all"] / ours["all"]
        if theirs is None:
            print(f"quantulum: ours_wps={ours_wps:.0f} theirs_wps=NA ratio=NA")
            return 0
        if args.score and cases and CASES.with_name("score.py").exists():
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from numbers_predict import item  # noqa: E402  (a sibling benchmark script)

            mine = [[d for d in (item(q) for q in parse_quantities(c["text"])) if d is not None] for c in cases]
            found = theirs.ask(f"score {len(cases)}")
            print("shared scorer, ours:\n" + score(cases, mine, Path(tmp), "ours"))
            print("shared scorer, quantulum3:\n" + score(cases, [their_items(f) for f in found], Path(tmp), "theirs"))
        theirs.close()
    their_wps = words["all"] / their["all"]
    print(f"quantulum: ours_wps={ours_wps:.0f} theirs_wps={their_wps:.0f} ratio={ours_wps / their_wps:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
