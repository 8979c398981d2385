"""Predictions of reconcile's number reader for the shared numbers benchmark.

Usage::

    python benchmarks/numbers_predict.py /work/shared/benchmarks/numbers/cases.jsonl -o /tmp/numbers_pred.jsonl
    python /work/shared/benchmarks/numbers/score.py /tmp/numbers_pred.jsonl --errors 30

Every case gets a prediction line. Our kinds map onto the benchmark's: count and year
-> "number", percent -> "percentage", money -> "currency", ordinal -> "ordinal";
a measure is "temperature" (degC/degF, or degrees of unstated scale), "age" (an age
unit rule), "duration" (time units) or "dimension"; a bare "degree" that the reader
takes for an angle carries its unit and no kind. Dates, times, phone and model numbers have no value and are
not written.

The reader's own reading is written for every case; nothing looks at a case's suite.
The number suite wants no number in a measure glued to its unit ("180ml", "29km", "1m")
while the dimension suite reads the same "75ml" as 75 ml; the reader follows the
dimension suite (a measure is a measure), and the number-suite cases this costs are
printed as out of scope with that reason, and scored as usual. Cases outside the reader's scope are printed with the reason, and
predicted as the reader reads them (they are scored, not dropped).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import replace

from reconcile.quantities import parse_quantities

MINOR_UNIT_RULES = {"unit.cents", "unit.pence", "unit.pence_p"}
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}
# Number systems and notations the reader does not implement, by design; each case
# whose text uses one is listed with the reason.
OUT_OF_SCOPE = [
    (None, re.compile(r"\b\d+\.\d+\.\d+\.\d+\b"), "an IP address is not read as numbers"),
    (None, re.compile(r"ரூ"), "Tamil rupee sign not in the unit table"),
    (None, re.compile(r"\b(?:kuai|mao)\b", re.I), "Chinese colloquial money units (mao, jiao) are not composed"),
    (None, re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"), "a date is not read as three numbers"),
    (None, re.compile(r"\+\d[\d-]{6,}"), "a phone number is not read as numbers"),
    (None, re.compile(r"\bSCP-\d+", re.I), "letter-hyphen-digit codes are model numbers, not counts"),
    (None, re.compile(r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) and "
                      r"(?:one|two|three|four|five|six|seven|eight|nine) and\b", re.I),
     "'twenty and three' (an 'and' between tens and units) is read as two numbers"),
    (None, re.compile(r"\b(?:hundred|thousand|million)\s+\w+\s+(?:hundred|thousand|million)\s+\w+ths\b", re.I),
     "a fraction with two scale words before its denominator is not composed"),
    ("number", re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine)\s+(?:thousand|million|billion)th\b", re.I),
     "'two millionth' is read as the ordinal 2,000,000th ('the two millionth visitor'); the number suite wants 'two'"),
]


GLUED_MEASURE = re.compile(r"[-−]?[\d.,]*\d[^\W\d_]")


def glued_measure(q) -> bool:
    """A measure whose digits touch its unit letters: "180ml", "29km", "1m"."""
    return q.kind == "measure" and GLUED_MEASURE.match(q.text) is not None


def bench_kind(q) -> str | None:
    if q.kind in ("count", "year"):
        return "number"
    if q.kind == "percent":
        return "percentage"
    if q.kind == "money":
        return "currency"
    if q.kind == "ordinal":
        return "ordinal"
    if q.kind == "measure":
        if q.unit in ("degC", "degF", "temperature_degree"):
            return "temperature"
        if q.unit == "degree":
            return None
        if "age" in q.rule:
            return "age"
        if q.unit in TIME_UNITS:
            return "duration"
        return "dimension"
    return None


def item(q) -> dict | None:
    if q.low is None and q.high is None:
        return None
    d = {"span": q.text, "start": q.start, "end": q.end, "unit": q.unit}
    if q.rule.split("+")[-1] in MINOR_UNIT_RULES and q.value is not None:
        # the benchmark states "50 cents" as 50 (unit Cent); we read it as 0.50 USD
        q = replace(q, low=q.low * 100, high=q.high * 100)
    if q.rule.startswith("ratio.") and q.value is not None:
        # "one out of three": we read a share in percent; the benchmark states the fraction
        q = replace(q, low=q.low / 100, high=q.high / 100, kind="count", unit=None)
        d["unit"] = None
    if q.value is not None:
        d.update(value=q.value, low=None, high=None, low_inclusive=False, high_inclusive=False)
    else:
        d.update(value=None, low=q.low, high=q.high, low_inclusive=q.low_inclusive,
                 high_inclusive=q.high_inclusive)
    kind = bench_kind(q)
    if kind is not None:
        d["kind"] = kind
    d["rule"] = q.rule
    return d


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    out_of_scope = []
    n = glued = 0
    with open(args.cases, encoding="utf-8") as f, open(args.output, "w", encoding="utf-8") as w:
        for line in f:
            if not line.strip():
                continue
            case = json.loads(line)
            text = case["text"]
            qs = parse_quantities(text)
            if case.get("expected") == [] and any(glued_measure(q) for q in qs):
                glued += 1
                out_of_scope.append((case["id"], "a measure glued to its unit is read as a measure "
                                     "(the number and dimension suites disagree here)", text))
            items = [d for d in (item(q) for q in qs) if d is not None]
            w.write(json.dumps({"id": case["id"], "predicted": items}, ensure_ascii=False) + "\n")
            n += 1
            for suite, pat, reason in OUT_OF_SCOPE:
                if suite in (None, case.get("suite")) and pat.search(text):
                    out_of_scope.append((case["id"], reason, text))
                    break
    print(f"wrote {n} predictions to {args.output}")
    print(f"{glued} cases expect no mention where the reader reads a glued measure (listed below)")
    print(f"out of scope ({len(out_of_scope)} cases, predicted as read, scored as usual):")
    for cid, reason, text in out_of_scope:
        print(f"  {cid}: {reason}: {text[:80]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
