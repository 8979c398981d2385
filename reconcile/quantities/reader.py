"""The scanner of the number reader, and :func:`parse_quantities`.

:class:`Reader` combines the parts, one module each, and reads a text in two passes:

1. :meth:`Reader.scan` jumps from anchor to anchor (the next digit, the next number
   word) and reads a mention at each (:meth:`Reader.read_at`): the number in digits
   (:mod:`.digits`) or words (:mod:`.words`), its magnitude (:mod:`.magnitudes`) and
   its unit or currency (:mod:`.units_currencies`), or what it is when it is no count
   (:mod:`.kinds`).
2. :meth:`Reader._combine` goes over the mentions in order: approximators and bounds
   (:mod:`.approximators`), changes (:mod:`.changes`), and two mentions that make one
   (:mod:`.ranges`).
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..errors import QuantityError
from ..model import Quantity
from .approximators import ApproximatorReader
from .changes import ChangeReader
from .digits import ORD_FIRST, UNICODE_FRACTIONS, DigitReader, split_digits
from .grammar import Grammar, grammar
from .kinds import KindReader
from .magnitudes import MagnitudeReader
from .patterns import LETTERS_AT, is_word_char
from .ranges import RangeReader, ratios
from .reading import CLAIM_KINDS, Mention, number_mention
from .tables import Tables, load_tables
from .units_currencies import UnitReader
from .words import SIMPLE_WORD, WordReader


class Reader(DigitReader, WordReader, MagnitudeReader, UnitReader, KindReader, ApproximatorReader,
             RangeReader, ChangeReader):
    """Reads one text: the scanner loop, and the parts it calls (see the module)."""

    def __init__(self, g: Grammar, text: str) -> None:
        self.g = g
        self.text = text
        self.low = text.lower()
        self.floor = 0
        self.digits = (-1, -1)  # the last run of digits _special_at found: start, end
        self.marks = (0, 0, -1, -1)  # what _word_marks found: from, run end, "://", "@"

    def scan(self) -> list[Mention]:
        """Every mention of the text, in order: read at each anchor (the next digit or number
        word), then combined by :meth:`_combine`."""
        g, text = self.g, self.text
        out: list[Mention] = []
        pos = 0
        n = len(text)
        low = self.low
        if len(low) == len(text):
            word_first, word_next, wtext = g.word_first, g.word_next.search, low
        else:  # a character whose lowercase is longer ("İ") would shift offsets
            word_first, word_next, wtext = g.word_first_ci, g.word_next_ci.search, text
        digit_next = (g.digit_scan_ascii if text.isascii() else g.digit_scan).search
        # where the next digit and the next number word are (n: none)
        m = digit_next(text)
        d_at = m.start() if m is not None else n
        m = word_first.match(wtext)
        w_at, w_end = m.span() if m is not None else (-1, -1)
        while pos < n:
            if d_at < pos:
                m = digit_next(text, pos)
                d_at = m.start() if m is not None else n
            if w_at < pos:
                m = word_next(wtext, max(pos - 1, 0))  # the character before may be at pos - 1
                while m is not None and is_word_char(wtext[m.start()]):  # "é" is part of a word
                    m = word_next(wtext, m.start() + 1)
                w_at, w_end = m.span(1) if m is not None else (n, n)
            if d_at == n and w_at == n:
                break
            if d_at < w_at:
                ds = d_at
                s, fail_end, is_digit = ds, ds + 1, text[ds].isdigit()
                if is_digit and ds - 1 >= pos and text[ds - 1] in "-−.":
                    if not (ds - 1 > 0 and (text[ds - 2].isalnum() or text[ds - 2] in ".,-−")):
                        s = ds - 1
                elif is_digit and ds - 2 >= pos and text[ds - 1].isspace() and text[ds - 2] in "-−":
                    if not (ds - 2 > 0 and (text[ds - 3].isalnum() or text[ds - 3] in ".,-−")) and not (
                            text[ds - 1] == " " and text[:ds - 2].strip()):
                        s = ds - 2
                if (s == ds and is_digit) or text[s] == "-":
                    sp = self._special_at(s)
                    if sp is not None:
                        if sp.kind != "none":
                            out.append(sp)
                        pos = max(sp.end, s + 1)
                        continue
                # inside a word ("COVID19", "x2")? skip to the end of it
                if s > 0 and (text[s - 1].isalpha() or text[s - 1] == "_") and text[s].isdigit() and not (
                        text[max(0, s - 3):s].upper() in g.money_codes and not text[max(0, s - 4):s - 3].isalpha()) \
                        and not self._glued_money_before(s):
                    e = s
                    while e < n and (text[e].isalnum()):
                        e += 1
                    pos = e
                    continue
            else:
                ws, we = w_at, w_end
                s, fail_end = ws, we
                w = wtext[ws:we] if wtext is low else wtext[ws:we].lower()
                t = ws
                while t > pos and text[t - 1].isspace():
                    t -= 1
                art = -1
                if t < ws and w in g.a_words:
                    if t - 1 >= pos and text[t - 1] in "aA" and not (t - 2 >= 0 and is_word_char(text[t - 2])):
                        art = t - 1
                    elif t - 2 >= pos and text[t - 2:t] in ("an", "An", "AN") and not (
                            t - 3 >= 0 and is_word_char(text[t - 3])):
                        art = t - 2
                if art >= 0:
                    s, fail_end = art, ws
                elif w in g.a_only:
                    pos = we
                    continue
            self.floor = out[-1].end if out else 0
            mention = self._signed(s) if text[s] in "-−" else self.read_at(s)
            if mention is None:
                pos = fail_end
                continue
            if isinstance(mention, list):
                out.extend(mention)
                pos = mention[-1].end
            else:
                out.append(mention)
                pos = mention.end
        return self._combine(out)

    def read_at(self, s: int) -> Mention | list[Mention] | None:
        """The mention that starts at s (a digit, a fraction character, a number word,
        "a"/"an" before one, a vague quantity's first word), with what is written
        around it; ``None`` where there is none."""
        g, text = self.g, self.text
        ch = text[s]
        # vague quantities come first: "a few hundred", "dozens of", "tens of thousands"
        if not ch.isdigit():
            wm = LETTERS_AT.match(text, s)
            vm = g.vague_re.match(text, s) if wm and wm.group().lower() in g.vague_first else None
            if vm:
                return self._vague(s, vm)
        if ch in UNICODE_FRACTIONS:
            return self._extend(self._fraction_char(s))
        if ch.isdigit():
            if self.digits[0] == s:
                e = self.digits[1]  # found by _special_at
            else:
                e = s + 1
                while e < len(text) and text[e].isdigit():
                    e += 1
            if text[e:e + 1] in ORD_FIRST:
                mm = self._digit_ordinal(s)
                if mm is not None:
                    return mm
            if "/" in text[s:s + 16]:
                mm = self._digit_fraction(s)
                if mm is not None:
                    return self._extend(mm)
            lone = self._lone_digits(s, e)
            if lone is not None:  # what number() makes of one digit token, and no more to check
                value, e, raw = lone
                return self._extend(number_mention(s, e, value, 1.0, value.is_integer() and "," not in raw
                                                   and "." not in raw, False))
            toks = None
        else:
            toks = self._lone_word(s)
            if toks is not None and toks[0].cls in SIMPLE_WORD and toks[0].word != "one":
                t = toks[0]  # "five", "twenty": as with one digit token
                return self._extend(number_mention(s, t.end, t.value, 1.0, False, True))
        if toks is None:
            toks = self.tokens(s)
        if not toks:
            return None
        if toks[0].cls == "DX":
            raw = toks[0].word
            pieces = split_digits(raw)
            out = [Mention(toks[0].start + a, toks[0].start + b, v, v, rule="number.digits") for v, a, b in pieces]
            return out or None
        if toks[0].cls == "A" and len(toks) == 1:
            return None
        r = self.number(toks)
        if r is None:
            return None
        value, k, form, words, magnitude, plain = r
        last = toks[k - 1]
        mm = number_mention(toks[0].start, last.end, value, magnitude, plain and float(value).is_integer()
                            and "," not in toks[0].word and "." not in toks[0].word, words)
        if form == "ordinal":
            mm.kind, mm.rule = "ordinal", "ordinal.words"
            if re.match(r"\s+to\s+(?:the\s+)?last\b", text[mm.end:mm.end + 16], re.I):
                return None
            return mm
        if k == 1 and toks[0].word == "one" and self._one_is_no_number(s, mm.end):
            return None  # "one of the best", "that one": no count
        if form == "fraction-bare":
            # a bare "half" is read only where it quantifies: "half of", "more than half"
            after = text[mm.end:mm.end + 4].lower()
            before = text[max(0, s - 6):s].lower()
            if not (after.startswith(" of") or before.endswith("than ") or before.endswith("and ")):
                return None
            mm.rule = "number.fraction"
            return self._extend(mm)
        if form == "fraction":
            mm.rule = "number.fraction"
        if toks[0].cls == "A" and k == 1:
            return None
        return self._extend(mm)

    def _combine(self, ms: list[Mention]) -> list[Mention]:
        """The second pass over the mentions: approximators and bounds, change directions,
        then each pair of neighbours as a range or a score, then levels."""
        for mm in ms:
            if mm.kind in ("date", "time", "phone", "model"):
                continue
            self._prefix(mm)
            self._postfix(mm)
            if mm.kind in CLAIM_KINDS and self.low[mm.start - 3:mm.start - 1] in self.g.change_tails \
                    and self.text[mm.start - 1] in " \u00a0":
                mm.change = self._direction(mm.start)
        out: list[Mention] = []
        i = 0
        while i < len(ms):
            a = ms[i]
            b = ms[i + 1] if i + 1 < len(ms) else None
            if b is not None and a.kind not in ("date", "time", "phone", "model", "ordinal") and b.kind not in (
                    "date", "time", "phone", "model", "ordinal"):
                r = self._plus_minus(a, b) or self._range(a, b)
                if isinstance(r, list):
                    out.extend(r)
                    i += 2
                    continue
                if r is not None:
                    out.append(r)
                    i += 2
                    continue
            out.append(a)
            i += 1
        self._levels(out)
        return out


def parse_quantities(text: str, *, tables: Tables | None = None) -> list[Quantity]:
    """Every numeric mention in ``text``, in order, one reading per stretch of text.

    Parameters
    ----------
    text
        Any string. Offsets in the result point into it: ``text[q.start:q.end] == q.text``.
    tables
        Rule tables from :func:`load_tables` (default ``None``: the shipped tables).

    Returns
    -------
    list[Quantity]
        Sorted by ``start``; overlapping readings are resolved to the longest.

    Raises
    ------
    QuantityError
        ``text`` is not a string.

    Examples
    --------
    >>> [(q.text, q.low, q.high) for q in parse_quantities("between 40 and 60 people")]
    [('between 40 and 60', 40.0, 60.0)]
    """
    if not isinstance(text, str):
        raise QuantityError(f"parse_quantities needs a str, got {type(text).__name__}")
    g = grammar(tables if tables is not None else load_tables())
    try:
        reader = Reader(g, text)
        mentions = reader.scan()
    except (ValueError, OverflowError, ZeroDivisionError, IndexError, KeyError, TypeError, RecursionError) as e:
        raise QuantityError(f"could not read the numbers in this text: {e}") from e
    out: list[Quantity] = []
    last_end = -1
    for mm in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if mm.start < last_end or mm.end <= mm.start:
            continue
        if mm.kind == "skip":
            # a URL or e-mail address: its digits are not mentions
            last_end = mm.end
            continue
        if mm.low is not None and not math.isfinite(mm.low) or mm.high is not None and not math.isfinite(mm.high):
            continue
        out.append(mm.quantity(text))
        last_end = mm.end
    return ratios(out, text, reader.low)


def iter_quantities(texts: Iterator[str] | list[str], *, tables: Tables | None = None) -> Iterator[list[Quantity]]:
    """:func:`parse_quantities` over many texts, sharing one compiled grammar."""
    for t in texts:
        yield parse_quantities(t, tables=tables)
