"""Numbers written in words, and the grammar of cardinals over a run of words and digits:
"five", "twenty-one", "three hundred and twelve", "a dozen", "one and a half million",
"half a million", "two thirds", "1.2 million", "three lakh crore", "twenty-first".

:meth:`WordReader.tokens` cuts a run of number words and digits into classed tokens;
:meth:`WordReader.cardinal` and :meth:`WordReader.number` read the first number in
them, with its fractions, ordinals and magnitude. The words are the ``cardinals``,
``ordinals``, ``fractions`` and ``scales`` of ``data/quantities.toml``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .digits import DIGITS, digits_value
from .patterns import LETTERS_AT, is_letter, word_trie
from .reading import ReaderBase

if TYPE_CHECKING:
    from .grammar import Grammar

# One step of a run of number words and digits: a separator (spaces, or one hyphen
# with spaces around it), then letters or a digit string.
_RUN_STEP = re.compile(r"(\s*-\s*|\s+)?(?:([^\W\d_]+)|(" + DIGITS + r"))")
_LONE_END = frozenset("\n\r\t%);:!?\"'\u201d\u2019]}")  # after a digit string: it stands alone


@dataclass(slots=True)
class NumberToken:
    """One token of a run of number words and digits: its class (see :func:`_word_class`;
    "D" for digits, "DX" for a digit string that is no one number), value, place, the
    word as written, the separator before it, and whether it is a plural."""

    cls: str
    value: float
    start: int
    end: int
    word: str
    sep: str
    plural: bool = False


SIMPLE_WORD = frozenset({"U", "T", "X"})  # a number word that is a whole number alone


def _is_power_of_ten(x: float) -> bool:
    """Whether x is 10, 100, 1000, ...: a denominator "and" can be a decimal point before."""
    return x >= 10 and math.log10(x).is_integer()


def _word_class(g: Grammar, w: str) -> tuple[str, float, bool, str] | None:
    """The token class of a number word: (class, value, plural, word).

    Classes: A (a/an), AND, POINT, OF, NEG (minus), U/T/X (units, teens, tens), F
    (fraction), O (ordinal), Z/H/S (dozen, hundred, larger scales).
    """
    if w in ("a", "an"):
        return "A", 1.0, False, w
    if w == "and":
        return "AND", 0.0, False, w
    if w == "point":
        return "POINT", 0.0, False, w
    if w == "of":
        return "OF", 0.0, False, w
    if w in ("minus", "negative"):
        return "NEG", 0.0, False, w
    if w in g.cardinals:
        v = g.cardinals[w]
        return ("U" if v < 10 else "T" if v < 20 else "X"), v, False, w
    if w in g.fractions:
        return "F", g.fractions[w], w.endswith("s"), w
    if w in g.ordinals:
        return "O", g.ordinals[w], False, w
    if w in g.ordinal_plurals:
        return "O", g.ordinal_plurals[w], True, w
    base = w if w in g.scales else w[:-1] if w.endswith("s") and w[:-1] in g.scales else None
    if base is not None:
        v = g.scales[base]
        return ("Z" if v == 12 else "H" if v == 100 else "S"), v, w != base, w
    return None


class WordGrammar:
    """The part of :class:`~.grammar.Grammar` for number words: their values, the scan
    for the next number word, and each word's token class. Compiled after
    :class:`~.approximators.ApproximatorGrammar` (a vague quantity's first word starts
    a mention too)."""

    def _compile_words(self, d: Any) -> None:
        """The values of the number words, the scans for the next one, and their classes."""
        self.cardinals = {k.lower(): float(v) for k, v in d.get("cardinals", {}).items()}
        self.ordinals = {k.lower(): float(v) for k, v in d.get("ordinals", {}).items()}
        self.fractions = {k.lower(): float(v) for k, v in d.get("fractions", {}).items()}
        self.scales = {k.lower(): float(v) for k, v in d.get("scales", {}).items()}
        self.ordinal_plurals = {}
        for w, v in self.ordinals.items():
            plural = w[:-1] + "ves" if w.endswith("f") else w + "s"
            self.ordinal_plurals[plural] = v
        # "firsts", "seconds" as plurals are fraction denominators only in compounds.
        number_words = (list(self.cardinals) + list(self.ordinals) + list(self.ordinal_plurals)
                        + list(self.fractions) + list(self.scales)
                        + [w + "s" for w in self.scales if not w.endswith("s")])
        # Anchors: where a mention can start. Cheap to scan for; the reader decides.
        # Two scans over the text, each a pattern the regex engine can skip through
        # quickly: single digit/fraction characters, and whole number words (matched
        # in the lowercased text). A vague word that needs "a"/"an" before it ("a few",
        # "a number of") anchors only with that article.
        heads = set(number_words) | {p.split()[0] for p in self.vague if p.split()[0] not in ("a", "an")}
        after_a = {p.split()[1] for p in self.vague if p.split()[0] in ("a", "an") and " " in p}
        self.a_only = frozenset(after_a - heads)
        self.a_words = frozenset(set(number_words) | after_a)
        words = word_trie(sorted(heads | after_a | {"minus", "negative"}))
        # A word at the very start, and the next one after a character that is no ASCII
        # letter, digit or underscore: a pattern that starts with a plain character
        # class lets the engine skip the letters of other words without trying the
        # words there (a class of categories, such as \W, costs twice as much to test).
        # The scanner passes over a word whose character before is a letter of another
        # script, so the two are the same as a search for r"\b(?:words)\b", as every
        # word starts with a letter.
        self.word_first = re.compile(r"(?:" + words + r")\b")
        self.word_next = re.compile(r"[^a-z0-9_](" + words + r")\b")
        # The words a run of number words and digits is made of.
        self.run_words = frozenset(number_words) | {"a", "an", "and", "point", "of", "minus", "negative"}
        # their first two letters (or only one): a word that starts otherwise is none
        self.run_heads = frozenset(w[:2] for w in self.run_words)
        # each word's token class, worked out once (see _word_class)
        self.word_classes = {w: c for w in self.run_words if (c := _word_class(self, w)) is not None}

    # The scans in any case, for a text whose lower-casing changes its length ("İ"),
    # which few texts have: compiled when first asked for.
    @cached_property
    def word_first_ci(self) -> re.Pattern[str]:
        """:attr:`word_first` ignoring case."""
        return re.compile(self.word_first.pattern, re.I)

    @cached_property
    def word_next_ci(self) -> re.Pattern[str]:
        """:attr:`word_next` ignoring case."""
        return re.compile(self.word_next.pattern, re.I)


class WordReader(ReaderBase):
    """Reading a run of number words and digits."""

    def tokens(self, pos: int, limit: int = 40) -> list[NumberToken]:
        """The tokens of the run of number words and digits at pos, at most ``limit``."""
        g, text = self.g, self.text
        toks: list[NumberToken] = []
        while len(toks) < limit:
            # a separator (spaces, or one hyphen with spaces around it), then a word or digits
            m = _RUN_STEP.match(text, pos)
            if not m:
                break
            sep = m.group(1) or ""
            if toks:
                if not sep or "\n" in sep:
                    break
            elif sep:
                break
            word = m.group(2)
            if word is not None:
                e = m.end(2)
                if e < len(text) and (text[e].isdigit() or text[e] == "_"):
                    break
                c = g.word_classes.get(word.lower())
                if c is None:
                    break
                t = NumberToken(c[0], c[1], m.start(2), e, c[3], sep, c[2])
                pos = e
            else:
                if toks and toks[-1].cls == "D":
                    break
                i, pos = m.start(3), m.end(3)
                raw = m.group(3)
                vals = digits_value(raw)
                if vals is None or len(vals) != 1:
                    if not toks:
                        toks.append(NumberToken("DX", 0.0, i, pos, raw, sep))
                    break
                t = NumberToken("D", vals[0][0], i, pos, raw, sep)
            toks.append(t)
        return toks

    def _lone_word(self, s: int) -> list[NumberToken] | None:
        """What :meth:`tokens` gives at s for a number word standing alone ("five
        strikes", "the second time"), found without it; ``None`` where the full reading
        is needed (a run of number words, a hyphen, a digit after the word)."""
        text = self.text
        wm = LETTERS_AT.match(text, s)
        if wm is None:
            return None
        c = self.g.word_classes.get(wm.group().lower())
        if c is None:
            return None
        e = wm.end()
        if not self._run_ends(e):
            return None
        return [NumberToken(c[0], c[1], s, e, c[3], "", c[2])]

    def _run_ends(self, e: int) -> bool:
        """Whether a run of number words and digits surely ends at e: the text ends,
        punctuation follows, or a space and a word that is no number word."""
        text = self.text
        c = text[e] if e < len(text) else ""
        if c == " ":
            head = text[e + 1:e + 3].lower()
            if head not in self.g.run_heads and head[:1] not in self.g.run_heads:
                return is_letter(text[e + 1:e + 2])  # "68 people"
            follow = LETTERS_AT.match(text, e + 1)
            return follow is not None and follow.group().lower() not in self.g.run_words
        return not c or c in _LONE_END or c in ",." and not text[e + 1:e + 2].isdigit()

    @staticmethod
    def cardinal(toks: list[NumberToken], i: int, as_ordinal: int = -1) -> tuple[float, int, dict[str, Any]]:
        """Read a cardinal from toks[i:]; returns value, index after it, and facts."""
        total = 0.0
        group: float | None = None
        state = ""
        last_scale = math.inf
        end = i
        j = i
        n = len(toks)
        after_and = False
        hpart = 0.0
        facts: dict[str, Any] = {"and_at": -1, "before_and": 0.0, "scaled": False, "last_scale": 1.0,
                                 "ordinal": False, "words": False}
        while j < n:
            t = toks[j]
            c, v = t.cls, t.value
            if j == as_ordinal:
                ov = t.value
                c = "U" if ov < 10 else "T" if ov < 20 else "X" if ov < 100 else "H" if ov == 100 else "S"
                v = ov
            elif c == "O" or c == "F":
                break
            if c == "AND":
                if after_and or j + 1 >= n or state not in ("h", "") or (state == "" and total == 0):
                    break
                nxt = toks[j + 1]
                if (nxt.cls not in ("U", "T", "X", "D") and j + 1 != as_ordinal) or (
                        nxt.cls in ("U", "D") and nxt.value == 0):
                    break
                if nxt.cls == "D" and not nxt.word.isdecimal():
                    # "1.1 million and 1.4 million": a decimal starts a new number
                    break
                facts["and_at"] = j
                facts["before_and"] = total + (group or 0.0)
                after_and = True
                j += 1
                continue
            if c == "A":
                if j != i or j + 1 >= n or toks[j + 1].cls not in ("H", "S", "Z"):
                    break
                group, state = 1.0, "u"
            elif c in ("U", "T", "D"):
                if c == "D" and t.sep.strip() == "-":
                    break
                if state == "":
                    if group is None and total and v >= last_scale:
                        break
                    group, state = v, ("d" if c == "D" else "u")
                elif state == "x" and c == "U" and v > 0 and not after_and:
                    group = (group or 0.0) + v
                    state = "xu"
                elif state == "h" and (c != "D" or v < 100):
                    group = (group or 0.0) + v
                    state = "hu"
                elif state == "hx" and c == "U" and v > 0:
                    group = (group or 0.0) + v
                    state = "hxu"
                else:
                    break
                # "3 hundred and 2 hundred" is two numbers: do not take the "2".
                if state in ("hu",) and j + 1 < n and toks[j + 1].cls == "H":
                    group = (group or 0.0) - v
                    state = "h"
                    break
            elif c == "X":
                if state == "":
                    if group is None and total and v >= last_scale:
                        break
                    group, state = v, "x"
                elif state == "h":
                    group = (group or 0.0) + v
                    state = "hx"
                else:
                    break
            elif c == "H":
                if state in ("u", "x", "xu", "d") and group is not None and (group < 100 or state == "d"):
                    group *= 100
                    hpart = group
                    state = "h"
                elif state == "" and group is None and j == i and not t.plural:
                    group, state = 100.0, "h"
                    hpart = group
                else:
                    break
            elif c == "S":
                if group is None:
                    if j == i and not t.plural:
                        group = 1.0
                    elif total and toks[j - 1].cls == "S" and v > last_scale and not t.plural:
                        # stacked scales: "three lakh crore", "a thousand million"
                        total *= v
                        last_scale = v
                        facts["last_scale"] = v
                        j += 1
                        end = j
                        continue
                    else:
                        break
                if v >= last_scale:
                    if facts["and_at"] >= 0:
                        # "one million and two million" is two numbers
                        return facts["before_and"], facts["and_at"], facts
                    break
                total += group * v
                group, state = None, ""
                last_scale = v
                facts["scaled"] = True
                facts["last_scale"] = v
            elif c == "Z":
                if group is None or state == "z":
                    break
                if state in ("hu", "hx", "hxu"):
                    group = hpart + (group - hpart) * 12
                else:
                    group *= 12
                state = "z"
            else:
                break
            if c != "D":
                facts["words"] = True
            after_and = False if c not in ("U", "T", "X", "D") else after_and
            j += 1
            end = j
            if j - 1 == as_ordinal:
                facts["ordinal"] = True
                break
        if end == i:
            return 0.0, i, facts
        # an "and" that was not followed by a valid part is not part of the number
        return total + (group or 0.0), end, facts

    def number(self, toks: list[NumberToken]) -> tuple[float, int, str, bool, float, bool] | None:
        """The first number in toks: (value, n_tokens, form, words, magnitude, plain_int).

        form is "cardinal", "ordinal" or "fraction".
        """
        n = len(toks)
        if not n:
            return None
        if n == 1:  # the common cases: one digit string, one number word ("five")
            cls = toks[0].cls
            if cls == "D":
                return toks[0].value, 1, "cardinal", False, 1.0, True
            if cls in SIMPLE_WORD:
                return toks[0].value, 1, "cardinal", True, 1.0, False
            if cls == "O" and not toks[0].plural:  # "second", "fifth"
                return toks[0].value, 1, "ordinal", True, 1.0, False
        i = 0
        sign = 1.0
        if toks[0].cls == "NEG":
            if n < 2 or toks[1].cls in ("NEG", "AND", "OF", "POINT"):
                return None
            sign, i = -1.0, 1
        value, j, facts = self.cardinal(toks, i)
        form = "cardinal"
        words = facts["words"]
        magnitude = facts["last_scale"] if facts["scaled"] else 1.0
        if j > i:
            # a year-like or unit-like digit token keeps its own reading
            if j < n and toks[j].cls == "POINT" and words:
                digits, k = "", j + 1
                while k < n and toks[k].cls in ("U", "T", "X"):
                    if toks[k].cls == "X" and k + 1 < n and toks[k + 1].cls == "U" and toks[k + 1].sep.strip() == "-":
                        digits += str(int(toks[k].value + toks[k + 1].value))
                        k += 2
                        continue
                    digits += str(int(toks[k].value))
                    k += 1
                if digits:
                    return sign * (value + float("0." + digits)), k, "cardinal", True, magnitude, False
            tail = self._fraction_tail(toks, i, j, value, facts)
            if tail is not None:
                v, k, form = tail
                return sign * v, k, form, True, magnitude, False
            plain = (j == i + 1 and toks[i].cls == "D")
            return sign * value, j, form, words, magnitude, plain
        # no cardinal: "half", "a half", "a third", "quarter million", "first"
        t0 = toks[i]
        if t0.cls == "A" and i + 1 < n:
            t1 = toks[i + 1]
            if t1.cls == "X" and i + 2 < n and toks[i + 2].cls == "O" and toks[i + 2].value < 10:
                return sign / (t1.value + toks[i + 2].value), i + 3, "fraction", True, 1.0, False
            if t1.cls in ("F", "O"):
                if t1.cls == "O" and not t1.plural and (t1.value < 3 or not re.match(
                        r"\s*(?:of\b|[.,;:!?)]|$)", self.text[t1.end:t1.end + 4])):
                    return None
                den = t1.value
                k = i + 2
                if t1.cls == "O" and k < n and toks[k].cls == "O" and t1.value >= 20 and toks[k].value < 10 and not toks[k].plural:
                    den += toks[k].value
                    k += 1
                v, k = self._times_scale(toks, k, 1.0 / den)
                return sign * v, k, "fraction", True, 1.0, False
            return None
        if t0.cls == "F":
            k = i + 1
            v, k2 = self._times_scale(toks, k, 1.0 / t0.value if not t0.plural else 1.0)
            if k2 > k:
                return sign * v, k2, "fraction", True, 1.0, False
            return sign * (1.0 / t0.value), k, "fraction-bare", True, 1.0, False
        if t0.cls == "O" and not t0.plural:
            # compound ordinal written as "twenty-first" is handled by cardinal; here a bare one
            return sign * t0.value, i + 1, "ordinal", True, 1.0, False
        return None

    def _times_scale(self, toks: list[NumberToken], k: int, frac: float) -> tuple[float, int]:
        """frac times a following magnitude: "half a million", "two thirds of a million"."""
        n = len(toks)
        k0 = k
        if k < n and toks[k].cls == "OF":
            k += 1
        if k < n and toks[k].cls == "A":
            k += 1
        if k < n and toks[k].cls in ("S", "Z", "H") and not (toks[k].plural and toks[k].cls != "Z"):
            return frac * toks[k].value, k + 1
        return frac, k0

    def _fraction_tail(self, toks: list[NumberToken], i: int, j: int, value: float,
                       facts: dict[str, Any]) -> tuple[float, int, str] | None:
        """A fraction or ordinal that goes on from the cardinal toks[i:j] of ``value``:
        "one and a half", "three fifths", "twenty-first", "two hundred and fifty-four
        hundredths"; (value, index after it, form) or ``None``."""
        n = len(toks)
        if j >= n:
            return None
        t = toks[j]
        words_only = all(x.cls != "D" for x in toks[i:j])
        # whole "and" fraction: "one and a half", "twenty and three fifths"
        if t.cls == "AND" and j + 2 < n:
            k = j + 1
            if toks[k].cls == "A":
                num, k2 = 1.0, k + 1
            else:
                num, k2, _ = self.cardinal(toks, k)
                if k2 == k:
                    return None
            if k2 < n and toks[k2].cls in ("F", "O") and (toks[k2].cls == "F" or toks[k2].value >= 3):
                den_tok = toks[k2]
                if den_tok.cls == "O" and not den_tok.plural and num != 1:
                    return None
                frac = num / den_tok.value
                k3 = k2 + 1
                return self._mixed(toks, value, frac, facts, k3), self._mixed_end(toks, k3), "fraction"
            return None
        if t.cls == "X" and j + 1 < n and toks[j + 1].cls == "O" and toks[j + 1].value < 10 and words_only \
                and toks[j + 1].sep.strip() in ("", "-"):
            return value / (t.value + toks[j + 1].value), j + 2, "fraction"
        if t.cls == "AND" and words_only and j + 1 < n and toks[j + 1].cls == "O" and not toks[j + 1].plural:
            # "one hundred and fifth" is the 105th
            v2, j2, f2 = self.cardinal(toks, i, as_ordinal=j + 1)
            if j2 == j + 2 and f2["ordinal"]:
                return v2, j2, "ordinal"
        if words_only and value == 1 and j == i + 1 and toks[i].cls == "U" and t.cls in ("U", "X", "H"):
            # "one one-hundred-fifth": one over a compound ordinal
            k = j
            while k < n and toks[k].cls in ("U", "T", "X", "H", "S", "AND"):
                k += 1
            if k < n and k > j and toks[k].cls == "O" and not toks[k].plural:
                v2, j2, f2 = self.cardinal(toks, j, as_ordinal=k)
                if j2 == k + 1 and f2["ordinal"] and v2 >= 20:
                    return 1.0 / v2, j2, "fraction"
        if t.cls not in ("O", "F"):
            return None
        if t.cls == "O" and not t.plural:
            # ordinal compound: "twenty-first", "one hundred twenty fifth", "two hundredth"
            v2, j2, f2 = self.cardinal(toks, i, as_ordinal=j)
            if j2 == j + 1 and f2["ordinal"] and words_only and not (j == i + 1 and toks[i].cls == "U" and t.value < 100):
                return v2, j + 1, "ordinal"
        if not words_only:
            return None
        if t.cls == "O" and t.value < 3:
            return None
        den = t.value
        num_end = j
        if t.cls == "O" and t.value < 10 and j - 1 > i and toks[j - 1].cls == "X" and not (
                j - 2 >= i and toks[j - 2].cls == "AND"):
            den += toks[j - 1].value
            num_end = j - 1
        and_at = facts["and_at"]
        if t.cls == "O" and and_at > i and _is_power_of_ten(den):
            # "two hundred and fifty-four hundredths" is 200.54: before a tenths or
            # hundredths denominator, "and" is the decimal point
            part, k, _ = self.cardinal(toks[:j], and_at + 1)
            if k == j and 0 < part < den:
                return facts["before_and"] + part / den, j + 1, "fraction"
        if num_end == j and and_at >= 0 and and_at == j - 2 and toks[j - 1].cls == "U":
            frac = toks[j - 1].value / den
            return self._mixed(toks, facts["before_and"], frac, facts, j + 1), self._mixed_end(toks, j + 1), "fraction"
        if num_end == i:
            return None
        num, k, _ = self.cardinal(toks, i)
        if k != num_end:
            num, k, _ = self.cardinal(toks[:num_end], i)
            if k != num_end:
                return None
        v, k2 = self._times_scale(toks, j + 1, num / den)
        return v, k2, "fraction"

    def _mixed(self, toks: list[NumberToken], whole: float, frac: float, facts: dict[str, Any], k: int) -> float:
        """A whole number and a fraction, times a scale word at k or the one before them
        ("one and a half million", "two million and a half")."""
        n = len(toks)
        if k < n and toks[k].cls in ("S", "H") and not toks[k].plural:
            scale = toks[k].value
            if facts["scaled"]:
                return whole + frac * scale
            return (whole + frac) * scale
        if facts["scaled"]:
            return whole + frac * facts["last_scale"]
        return whole + frac

    @staticmethod
    def _mixed_end(toks: list[NumberToken], k: int) -> int:
        """Where :meth:`_mixed` stops reading: past a scale word at k."""
        if k < len(toks) and toks[k].cls in ("S", "H") and not toks[k].plural:
            return k + 1
        return k
