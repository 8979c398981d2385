"""Approximators, comparators and vague quantities: the words that make a number an
interval, before it or after it.

* "about 5,000" is ``low=high=5000, approximate=True, tolerance=0.1``; "nearly
  187,000" is ``high=187000`` (exclusive), ``low=None``, approximate.
* "more than 300", "at least 40", "under 10", "300 or more", "5,000-plus" are bounds.
* "a few hundred", "dozens of", "tens of thousands" are vague quantities: an interval
  from the table, times a scale word after them.

The phrases are the ``approximators``, ``comparators`` and ``vague`` sections of
``data/quantities.toml``, each rule with its id. "between" and "from" before a number
are only marked here; :mod:`.ranges` reads them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .patterns import alternation, last_token, norm_phrase
from .reading import Mention, ReaderBase

# Cap on how far back a prefix ("in excess of", "between") is looked for.
_LOOKBACK = 48
_OPENERS = "([{\"'“‘"
# After "300 or more" etc.: words that show the postfix belongs to what follows.
_POSTFIX_STOP = re.compile(r"\s*(?:than|or|to|equal)\b|\s*[-−]?\d", re.I)


@dataclass(frozen=True, slots=True)
class Comparator:
    """A comparator rule: which side of the interval the number bounds, and whether inclusively."""

    id: str
    side: str
    inclusive: bool


@dataclass(frozen=True, slots=True)
class Approximator:
    """An approximator rule: its relative tolerance, and the side it leaves open ("nearly" is below)."""

    id: str
    tolerance: float
    bound: str


def _phrase_before(window: str, by_last: dict[str, tuple[tuple[int, frozenset[str]], ...]],
                   maxk: int) -> tuple[str, int] | None:
    """The longest phrase that ends ``window``, and where it starts there.

    ``by_last`` maps the last word of the phrases to their lengths in words (longest
    first), each with the phrases of that length.
    """
    cut = max(0, len(window) - 60)
    toks = window[cut:].split()
    if cut and toks and not window[cut - 1].isspace():
        toks = toks[1:]  # a word cut in two by the window is not a word
    if not toks:
        return None
    entries = by_last.get(toks[-1].lower().lstrip(_OPENERS))
    if entries is None:
        return None
    n = len(toks)
    for k, phrases in entries:
        if k > n:
            continue
        phrase = (toks[-1] if k == 1 else " ".join(toks[n - k:])).lower().lstrip(_OPENERS)
        if phrase in phrases:
            # where the k-th last token starts, found from the end of the window
            at = len(window)
            for tok in reversed(toks[-k:]):
                at = window.rfind(tok, 0, at)
            return phrase, at + len(toks[-k]) - len(toks[-k].lstrip(_OPENERS))
    return None


class ApproximatorGrammar:
    """The part of :class:`~.grammar.Grammar` for approximators, comparators and vague
    quantities: each phrase by where it is written, and the patterns that find them."""

    def _compile_approximators(self, d: Any) -> None:
        """Each phrase by where it is written (before or after), then the vague quantities."""
        self.approx_before: dict[str, Approximator] = {}
        self.approx_after: dict[str, Approximator] = {}
        for rid, r in d.get("approximators", {}).items():
            a = Approximator(f"approx.{rid}", float(r.get("tolerance", 0.1)), r.get("bound", "point"))
            target = self.approx_after if r.get("position", "before") == "after" else self.approx_before
            for p in r["phrases"]:
                target[norm_phrase(p)] = a
        self.cmp_before: dict[str, Comparator] = {}
        self.cmp_after: dict[str, Comparator] = {}
        self.particle_of: dict[str, frozenset[str]] = {}  # phrase -> words after which it is a particle
        for rid, r in d.get("comparators", {}).items():
            c = Comparator(f"cmp.{rid}", r["side"], bool(r.get("inclusive", True)))
            for phrase, words in r.get("not_after", {}).items():
                self.particle_of[norm_phrase(phrase)] = frozenset(w.lower() for w in words)
            target = self.cmp_after if r.get("position", "before") == "after" else self.cmp_before
            for p in r["phrases"]:
                target[norm_phrase(p)] = c
        self.vague: dict[str, tuple[str, float, float]] = {}
        for rid, r in d.get("vague", {}).items():
            for p in r["phrases"]:
                self.vague[norm_phrase(p)] = (f"vague.{rid}", float(r["low"]), float(r["high"]))
        self.vague_re = re.compile(r"(?i:" + alternation(list(self.vague)) + r")")
        self.vague_first = frozenset(p.split()[0] for p in self.vague)
        # the phrases before a number, by their last word: looked up from the word
        # just before a number
        self.prefix_phrases = frozenset(norm_phrase(p) for p in list(self.approx_before) + list(self.cmp_before)
                                        + ["between", "from", "of"])
        self.prefix_maxk = max(len(p.split()) for p in self.prefix_phrases)
        by_last: dict[str, dict[int, set[str]]] = {}
        for p in self.prefix_phrases:
            words = p.split(" ")
            by_last.setdefault(words[-1], {}).setdefault(len(words), set()).add(p)
        self.prefix_by_last = {w: tuple((k, frozenset(ps)) for k, ps in sorted(by_k.items(), reverse=True))
                               for w, by_k in by_last.items()}
        self.prefix_last = frozenset(norm_phrase(p).split()[-1] for p in
                                     list(self.approx_before) + list(self.cmp_before) + ["between", "from", "of"])
        self.postfix_first = frozenset(p[0].lower() for p in list(self.cmp_after) + list(self.approx_after)) | {"-"}
        self.postfix_first2 = frozenset(p.lstrip("-")[:2].lower() for p in list(self.cmp_after) + list(self.approx_after))
        self.postfix = re.compile(
            r"(?:\s*|\s*-\s*)(?i:(?P<p>" + alternation(list(self.cmp_after) + list(self.approx_after)) + r"))(?![\w+])")


class ApproximatorReader(ReaderBase):
    """Reading an approximator, comparator or vague quantity around a number."""

    def _vague(self, s: int, vm: re.Match[str]) -> Mention:
        """The vague quantity vm matched at s ("a few", "dozens of"), times a scale word after it."""
        g, text = self.g, self.text
        phrase = norm_phrase(vm.group())
        rid, lo, hi = g.vague[phrase]
        end = vm.end()
        sm = g.scale_after.match(text, end)
        if sm is None and phrase.endswith(" of") and phrase[:-3] in g.vague:
            # "hundreds of people": the mention is "hundreds"
            end = vm.start() + len(vm.group().rstrip()[:-2].rstrip())
        mag = 1.0
        if sm:
            w = sm.group(1).lower()
            base = w if w in g.scales else w[:-1]
            mag = g.scales.get(base, 1.0)
            end = sm.end()
        mm = Mention(s, end, lo * mag, hi * mag, approx=True, rule=rid, magnitude=mag,
                     qualifier=norm_phrase(vm.group()))
        mm.words = True
        return self._extend(mm)

    def _prefix(self, mm: Mention) -> None:
        """Apply the approximator or comparator written just before mm ("about 5,000",
        "more than 300"); mark "between" and "from" for :meth:`~.ranges.RangeReader._range`;
        read "per cent of" with :meth:`~.units_currencies.UnitReader._percent_of`."""
        g, text = self.g, self.text
        pre = text[max(0, mm.start - _LOOKBACK):mm.start]
        if last_token(pre) not in g.prefix_last:
            return
        hit = _phrase_before(pre, g.prefix_by_last, g.prefix_maxk)
        if hit is None:
            return
        phrase, at = hit
        written = pre[at:]
        new_start = mm.start - len(pre) + at
        if phrase in ("between", "from"):
            mm.has_prefix = f"{phrase}@{new_start}"
            return
        if phrase == "of":
            self._percent_of(mm, new_start, written)
            return
        if mm.low is None:
            return
        if phrase[0] in "<>≤≥" and pre[:at].endswith(("<", ">", "=")):
            return
        a = g.approx_before.get(phrase)
        if a is not None:
            self._apply_approx(mm, a, written)
            mm.start = new_start
            # "more than about 300", "nearly" stacked on a comparator is rare; stop here
            return
        c = g.cmp_before.get(phrase)
        if c is not None:
            if mm.approx and mm.rule.startswith("vague"):
                return
            if last_token(pre[:at]) in g.particle_of.get(phrase, ()):
                return  # "handed over 1.81 million cars": a verb's particle, not "more than"
            self._apply_cmp(mm, c, written)
            mm.start = new_start
            # an approximator before the comparator: "about more than" is not English,
            # but "some more than" is not either; nothing to stack

    def _apply_approx(self, mm: Mention, a: Approximator, written: str) -> None:
        """Make mm approximate by a, ``written`` as in the text; a one-sided one opens a side."""
        v = mm.low if mm.low is not None else mm.high
        mm.approx = True
        mm.tolerance = a.tolerance
        mm.qualifier = " ".join(written.split())
        mm.rule = f"{a.id}+{mm.rule}" if mm.rule else a.id
        if a.bound == "below" and mm.low == mm.high:
            mm.low, mm.high, mm.high_inc = None, v, False
        elif a.bound == "above" and mm.low == mm.high:
            mm.low, mm.high, mm.low_inc = v, None, False

    def _apply_cmp(self, mm: Mention, c: Comparator, written: str) -> None:
        """Make mm a bound by c, ``written`` as in the text: its other side is open."""
        mm.qualifier = " ".join(written.split())
        mm.rule = f"{c.id}+{mm.rule}"
        if c.side == "low":
            mm.high = None
            mm.low_inc = c.inclusive
        elif c.side == "high":
            mm.low = None
            mm.high_inc = c.inclusive

    def _postfix(self, mm: Mention) -> None:
        """Apply the approximator or comparator written just after mm ("300 or more",
        "5,000-plus", "500-odd"), unless it belongs to what follows ("or more than")."""
        g, text = self.g, self.text
        if mm.low is None and mm.high is None:
            return
        nxt = text[mm.end:mm.end + 8].lstrip()[:2].lower()
        if not nxt or nxt[:1] not in g.postfix_first or nxt[:1].isalpha() and nxt not in g.postfix_first2:
            return  # "68 people": "pe" starts no postfix ("plus"); the regex is not tried
        pm = g.postfix.match(text, mm.end)
        if not pm:
            return
        phrase = norm_phrase(pm.group("p"))
        rest = text[pm.end():pm.end() + 12]
        if phrase not in ("+",) and _POSTFIX_STOP.match(rest):
            return
        if phrase == "+" and rest[:1].isdigit():
            return
        if phrase == "plus" and not text[mm.end:pm.start("p")].strip() == "-":
            return
        if phrase in ("odd", "-odd") and not text[mm.end:pm.start("p")].strip() == "-":
            return
        a = g.approx_after.get(phrase)
        if a is not None:
            self._apply_approx(mm, a, pm.group("p"))
            mm.end = pm.end()
            return
        c = g.cmp_after.get(phrase)
        if c is None:
            return
        if mm.qualifier and mm.low is not None and mm.high is not None and mm.low != mm.high:
            return
        if c.side == "point":
            # "less than 5000 or equal": the bound becomes inclusive
            if mm.low is not None and mm.high is None:
                mm.low_inc = True
            elif mm.high is not None and mm.low is None:
                mm.high_inc = True
            mm.rule = f"{c.id}+{mm.rule}"
            mm.end = pm.end()
            return
        v = mm.low if mm.low is not None else mm.high
        mm.qualifier = " ".join(pm.group("p").split())
        mm.rule = f"{c.id}+{mm.rule}"
        if c.side == "low":
            mm.low, mm.high, mm.low_inc = v, None, c.inclusive
        else:
            mm.low, mm.high, mm.high_inc = None, v, c.inclusive
        mm.end = pm.end()
