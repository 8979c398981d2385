"""Two numbers that make one reading, or stay two: ranges, paired bounds, scores,
"plus or minus", fractions with "over", and "X out of Y" shares.

* Ranges ("between 40 and 60", "40-60", "10 to 20 billion") are closed intervals; a
  magnitude or unit written once is carried to both ends. A range needs two values of
  one kind: "dropped 0.7 per cent to 6,912" is a change and a level (:mod:`.changes`).
* "more than 10 and less than 40" is one interval (rule ``range.bounds``).
* "won 3-2" (a score) is two counts, rule ``score``; "rose from 300 to 500" is two
  numbers, not a range.
* "$2 billion, plus or minus 15%" and "5.2 ± 0.3" are ranges around the first number.
* "X out of Y" is a share, kind percent ("four out of five" is 80%, rule
  ``ratio.out_of``); "one over three" (nothing following) is a fraction.

The score words and the words after a score are in the ``contexts`` section of
``data/quantities.toml``.
"""
from __future__ import annotations

import re
from typing import Any

from ..model import Quantity
from .patterns import LOWER_WORDS
from .reading import CLAIM_KINDS, Mention, ReaderBase

_PLUS_MINUS = re.compile(r",?\s*(?:plus\s+or\s+minus|±|\+/-|\+-|give\s+or\s+take)\s*"
                         r"|(?P<half>,?\s*(?:plus\s+or|\+/?)\s*)", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|during|until|till|by|before|after|of|early|late|mid)\s+$")
_SCORE_BEFORE = re.compile(r"(?<![\d.,])\d{1,2}-\d{1,2}, $")
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:every\s+)?$", re.IGNORECASE)
_OUT_OF_ANYWHERE = re.compile(r"\sout\s+of\s")  # in the lowercased text: where _OUT_OF can match


class RangeGrammar:
    """The part of :class:`~.grammar.Grammar` for two numbers together: the words of
    ranges and of scores."""

    def _compile_ranges(self, d: Any) -> None:
        """The words of scores, and the joiners of ranges and of paired bounds."""
        ctx = d.get("contexts", {})
        self.score_words = frozenset(w.lower() for w in ctx.get("score_words", ()))
        self.score_after = frozenset(w.lower() for w in ctx.get("score_after", ()))
        self.connector = re.compile(r"\s*(?:(?P<dash>[-–—~])|(?i:\b(?P<w>to|through|thru|and|or|till|until)\b))\s*")
        self.bound_joiner = re.compile(r"\s*(?:,\s*|\s+(?:and|but|,)\s+|\s*,\s*and\s+)$")


class RangeReader(ReaderBase):
    """Reading two mentions next to each other as one, or as a score."""

    def _score_around(self, a: Mention, b: Mention) -> bool:
        """Whether "3-1" is a score by what is around it: "a 3-1 win", "6-4, 6-3"."""
        if not (a.plain_int and b.plain_int and a.low < 200 and b.low < 200):
            return False
        nm = LOWER_WORDS.match(self.low, b.end + 1) if self.text[b.end:b.end + 1] == " " else None
        if nm is not None and nm.group() in self.g.score_after:
            return True
        return _SCORE_BEFORE.search(self.text, max(0, a.start - 12), a.start) is not None

    def _plus_minus(self, a: Mention, b: Mention) -> Mention | None:
        """"$2 billion, plus or minus 15%", "5.2 ± 0.3": a range around a."""
        if a.low is None or a.low != a.high or b.low is None or b.low != b.high:
            return None
        gap = self.text[a.end:b.start]
        if len(gap) > 20:
            return None
        pm = _PLUS_MINUS.fullmatch(gap)
        if pm is None or pm.group("half") is not None and self.low[b.start:b.start + 1] not in ("m", "-", "−"):
            return None  # "plus or" needs the "minus" or "-" that b starts with
        if b.kind not in ("count", "percent") and (b.kind, b.unit) != (a.kind, a.unit):
            return None
        d, v = abs(b.low), a.low
        if b.kind == "percent" and a.kind != "percent":
            d = abs(v) * d / 100
        elif b.magnitude > 1 and a.magnitude == 1:
            v = v * b.magnitude  # "4.2 ± 0.3 million"
        return Mention(a.start, b.end, v - d, v + d, kind=a.kind, unit=a.unit, qualifier="plus or minus",
                       rule="range.plus_minus", unit_pos=a.unit_pos)

    def _range(self, a: Mention, b: Mention) -> Mention | list[Mention] | None:
        """a and b, next to each other, as one range ("40-60", "between 40 and 60", "10 to
        20 billion"), one fraction ("one over three") or paired bounds; as a score, the
        two as a list; ``None`` where they stay two (a change and its level, two kinds)."""
        g, text = self.g, self.text
        gap = text[a.end:b.start]
        if len(gap) > 24:
            return None
        # "one over three", "2000 over 3": a fraction when nothing follows
        if gap == " " and (b.qualifier or "").lower() == "over" and a.low is not None and a.low == a.high \
                and a.kind in ("count", "year") and b.kind == "count" and b.low and b.high is None \
                and re.match(r"\s*(?:[.?!;,]|$)", text[b.end:b.end + 2]):
            return Mention(a.start, b.end, a.low / b.low, a.low / b.low, rule="number.fraction")
        # two one-sided bounds joined: "more than 10 and less than 40"
        if a.qualifier and b.qualifier and not a.approx and not b.approx and a.kind == b.kind and a.unit == b.unit:
            jm = g.bound_joiner.match(gap) if gap.strip() else None
            if jm and jm.end() == len(gap):
                lo_m, hi_m = (a, b) if a.high is None and b.low is None else (b, a) if b.high is None and a.low is None else (None, None)
                if lo_m is not None and hi_m is not None and lo_m.low is not None and hi_m.high is not None and lo_m.low < hi_m.high:
                    return Mention(a.start, b.end, lo_m.low, hi_m.high, lo_m.low_inc, hi_m.high_inc, kind=a.kind,
                                   unit=a.unit, qualifier=f"{a.qualifier} .. {b.qualifier}", rule="range.bounds")
            return None
        cm = g.connector.fullmatch(gap)
        if not cm:
            return None
        dash, word = cm.group("dash"), (cm.group("w") or "").lower()
        if word == "or":
            return None
        if a.low is None or a.high is None or b.low is None and b.high is None:
            return None
        if a.low != a.high and not a.rule.startswith("vague"):
            return None
        if word == "and" and not a.has_prefix.startswith("between"):
            return None
        if a.has_prefix.startswith("from") and word not in ("to", "through", "thru", "till", "until") and not dash:
            return None
        if a.kind == "year" and dash and gap == dash and b.kind == "count" and b.plain_int and b.end - b.start == 2:
            hi = (a.low // 100) * 100 + b.low
            if hi > a.low:
                return Mention(a.start, b.end, a.low, hi, kind="year", rule="range.years")
        # A range joins two values of one kind. "dropped 0.7 per cent to 6,912": a unit
        # written after the first and none on the second; "climbed 35% in 2021 to 1.8
        # million": a year, then a count; "grew by $7.2 billion to $88.1 billion": a
        # whole change, then the level it reached. "fell 3 to 4 per cent" stays a range.
        if a.unit_pos == "after" and b.unit is None and not a.rule.startswith("vague") and not (
                a.unit == "meter" and b.magnitude == 1e6 and text[a.end - 1] == "m"):  # "from 1.1m to 1.4m people"
            return None
        if a.kind == "year" and b.kind != "year" and (b.magnitude > 1 or b.kind != "count" or _YEAR_BEFORE.search(
                self.low, max(0, a.start - 10), a.start)):
            return None
        if a.change in ("up", "down") and not a.has_prefix and (a.unit is not None or a.magnitude > 1):
            return None
        lo = a.low
        hi = b.high if b.high is not None else b.low
        if hi is None:
            return None
        # a score or a change, not a range
        before_words = text[max(0, a.start - 40):a.start].lower().split()[-3:]
        if dash and not gap.strip(" ") != gap and a.low is not None and gap == dash:
            if any(w.strip(".,;:") in g.score_words for w in before_words) or self._score_around(a, b) or (
                    a.low >= hi and not b.magnitude > 1 and a.plain_int is False and a.kind == "count"
                    and b.kind == "count" and a.low == int(a.low) and hi == int(hi) and a.low < 100):
                a.rule, b.rule = "score", "score"
                return [a, b]
        if a.has_prefix.startswith("from"):
            from_start = int(a.has_prefix.split("@")[1])
            prior = text[max(0, from_start - 30):from_start].lower().split()[-2:]
            if any(w.strip(".,;:") in g.change_words for w in prior):
                if b.change is None and b.kind in CLAIM_KINDS:
                    b.change = "level"  # "fell from 68% to 61%": 61% is where it fell to
                return None
            a.start = from_start
        elif a.has_prefix.startswith("between"):
            a.start = int(a.has_prefix.split("@")[1])
        if a.unit == "meter" and b.magnitude == 1e6 and b.kind != "measure" and text[a.end - 1] == "m" \
                and text[a.end - 2].isdigit():
            # "from 1.1m to 1.4m demonstrators": the "m" of both ends is million
            a.kind, a.unit, a.magnitude, a.unit_pos = b.kind, b.unit, 1e6, ""
            lo = a.low * 1e6
        # carry the magnitude and the unit across: "10 to 20 billion", "$10-20 million"
        if b.magnitude > 1 and a.magnitude == 1 and not a.words == (not b.words) and lo * b.magnitude <= hi:
            lo = lo * b.magnitude
        elif b.magnitude > 1 and a.magnitude == 1 and lo < hi / b.magnitude:
            lo = lo * b.magnitude
        kind, unit = a.kind, a.unit
        if a.kind in ("count", "year") and b.kind not in ("count", "year"):
            kind, unit = b.kind, b.unit
        elif b.kind not in ("count", "year") and (b.kind != a.kind or b.unit != a.unit):
            return None
        if a.kind == "year" and b.kind == "count":
            kind = "count"
        if lo > hi:
            return None
        r = Mention(a.start, b.end, lo, hi, a.low_inc, b.high_inc if b.high is not None else True,
                    approx=a.approx or b.approx, kind=kind, unit=unit,
                    qualifier=a.qualifier or b.qualifier, tolerance=max(a.tolerance, b.tolerance) if a.low == a.high else 0.0,
                    rule=f"range.{'dash' if dash else word}", unit_pos=a.unit_pos or b.unit_pos,
                    change=a.change if a.change in ("up", "down") else None)
        if b.high is None:
            r.high, r.high_inc = b.low, True
        return r


def ratios(found: list[Quantity], text: str, low: str) -> list[Quantity]:
    """"four out of five" is a share (80%), not two counts: news uses it for proportions.

    ``low`` is ``text.lower()``.
    """
    if len(found) < 2 or "out" not in low or _OUT_OF_ANYWHERE.search(low) is None:
        return found  # "about", "without": most texts with "out" have no "out of"
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and a.kind == b.kind == "count" and a.value is not None and b.value \
                and not a.approximate and not b.approximate and 0 <= a.value <= b.value \
                and _OUT_OF.match(text[a.end: b.start]):
            share = 100.0 * a.value / b.value
            out.append(Quantity(text=text[a.start: b.end], start=a.start, end=b.end, low=share, high=share,
                                kind="percent", unit="%", qualifier="out of", rule=f"ratio.out_of+{a.rule}"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out
