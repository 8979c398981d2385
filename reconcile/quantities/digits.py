"""Numbers written in digits: "1,234,567", "4.75", "1 000", "1'000", "12,50", "١٢",
"2½", "3e6", "2.998×10^8", "10⁶", "-5", "3rd", "1/2", "½ million".

:func:`digits_value` reads one digit string in any of the conventions news uses
(thousands by comma, space, dot or apostrophe; Indian lakh groups; a decimal comma;
scientific notation) and of any script; :class:`DigitReader` finds where a digit
string stands alone, a signed number, an ordinal or a fraction in digits.
"""
from __future__ import annotations

import math
import re
from typing import Any

from .reading import Mention, ReaderBase

UNICODE_FRACTIONS = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4,
    "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625,
    "⅞": 0.875,
}

# Characters a text can carry inside a number without showing them: a soft hyphen, zero-
# width spaces and joiners, a byte-order mark ("4\u200b5" is 45). A NUL byte is none:
# it ends a number.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_DROP = str.maketrans("", "", _INVISIBLE + "'’")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_DIGITS = str.maketrans(_SUPERSCRIPTS + "⁻⁺", "0123456789-+")
_FRACTION_CHARS = "".join(UNICODE_FRACTIONS)
DIGITS = (r"(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?![\d,]))+(?:\.\d+)?(?![\d,.]\d)"
          r"|\d{1,3}(?:['’]\d{3})+(?![\d'’])(?:\.\d+)?"  # Swiss thousands: "1'000"
          r"|\d+[" + _FRACTION_CHARS + r"]"  # "2½"
          r"|\d+(?:[" + _INVISIBLE + r"]+\d+)*(?:[.,]\d+(?:[" + _INVISIBLE + r"]+\d+)*)*|\.\d+)"
          r"(?:[eE][+-]?\d+\b|\^[-+]*\d+|\s*[x×]\s*10(?:\^[-+]?\d+|[⁻⁺]?[" + _SUPERSCRIPTS + r"]+)"
          r"|(?<=(?<![\d.,])10)[⁻⁺]?[" + _SUPERSCRIPTS + r"]+)?")
_EXPONENT = re.compile(r"(?:[eE]([+-]?\d+)|\^([-+]*)(\d+)|\s*[x×]\s*10\^([-+]?\d+))$")
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_INDIAN_GROUPS = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}")
_COMMA_DECIMAL = re.compile(r"\d+,\d{1,2}")
_DIGIT_GROUPS = re.compile(r"\d+(?:[.,]\d+)*")  # "68", "5,000", "2.5": what DIGITS reads before a word
# the first letter of "st", "nd", "rd", "th" after digits: only then an ordinal is tried
ORD_FIRST = frozenset("sSnNrRtT")
_FRACTION_DIGITS = re.compile(r"(?:(?P<w>\d+)\s+)?(?P<n>\d+)\s*/\s*(?P<d>\d+)(?![\d/])")


def digits_value(raw: str) -> list[tuple[float, int, int]] | None:
    """Value of a digit string; several when it is a list ("22,24") or an address."""
    if raw.isdecimal():  # the common case, "2019", "15"
        v = float(raw)
        return [(v, 0, len(raw))] if math.isfinite(v) else None
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if not s.isascii():
        s = s.replace("\u2009", " ").translate(_INVISIBLE_DROP)
    elif "'" in s:
        s = s.replace("'", "")
    if s[-1] in UNICODE_FRACTIONS:  # "2½"
        return [(float(s[:-1]) + UNICODE_FRACTIONS[s[-1]], 0, len(raw))] if s[:-1].isdecimal() else None
    if not s[-1].isdecimal():  # "10⁶", "2.998 × 10⁸"
        s = s.translate(_SUPERSCRIPT_DIGITS)
        if s[-1].isdecimal() and "^" not in s:
            sm = re.search(r"10([-+]?\d+)$", s)
            if sm is None:
                return None
            s = s[:sm.start()] + "10^" + sm.group(1)
    expo = 0.0
    m = _EXPONENT.search(s) if ("e" in s or "E" in s or "^" in s) else None
    power = None
    if m:
        if m.group(1) is not None:
            expo = float(m.group(1))
        elif m.group(3) is not None:
            power = float(m.group(3)) * (-1 if m.group(2).count("-") % 2 else 1)
        else:
            expo = float(m.group(4))
        s = s[:m.start()]
    body = s.replace(" ", "")
    if _PLAIN_NUMBER.fullmatch(body):
        v = float(body.replace(",", ""))
    elif _INDIAN_GROUPS.fullmatch(body):
        v = float(body.replace(",", ""))
    elif _DOT_GROUPS.fullmatch(body):
        v = float(body.replace(".", "").replace(",", "."))
    elif _COMMA_DECIMAL.fullmatch(body):
        v = float(body.replace(",", "."))
    else:
        return None
    if power is not None:
        try:
            v = v ** power
        except (OverflowError, ZeroDivisionError):
            return None
    elif expo:
        v = v * 10.0 ** expo if abs(expo) < 300 else math.inf
    if not math.isfinite(v):
        return None
    return [(v, 0, len(raw))]


def split_digits(raw: str) -> list[tuple[float, int, int]]:
    """Pieces of a digit string that is not one number ("22,24,26", "192.168.1.2")."""
    out = []
    for m in re.finditer(r"\d+", raw):
        out.append((float(m.group()), m.start(), m.end()))
    return out


class DigitGrammar:
    """The part of :class:`~.grammar.Grammar` that finds digits: the scan for the next
    digit or fraction character, and digit ordinals."""

    def _compile_digits(self, d: Any) -> None:
        """The scans for the next digit, and the digit-ordinal pattern."""
        # Where a mention can start: a digit or a fraction character, a pattern the
        # regex engine can skip through quickly.
        self.digit_scan = re.compile(r"[\d" + "".join(UNICODE_FRACTIONS) + r"]")
        # an ASCII text has no other digits, and the engine tests a plain range in half the time
        self.digit_scan_ascii = re.compile(r"[0-9]")
        self.digit_ordinal = re.compile(r"\d+(?:st|nd|rd|th)\b", re.I)


class DigitReader(ReaderBase):
    """Reading a number written in digits."""

    def _lone_digits(self, s: int, e: int) -> tuple[float, int, str] | None:
        """The value, end and text of a digit string at s that stands alone, read
        without :meth:`tokens` in the common case: "68", "5,000", "2.5", followed by a
        space and a word that is no number word, by punctuation or by the end of the
        text. ``None`` where the full reading is needed. The digits at s run to e."""
        text = self.text
        if text[e:e + 1] in "'’" and text[e + 1:e + 4].isdecimal():
            return None  # "1'000": Swiss thousands, read by tokens()
        if text[e:e + 1] not in ".," and text[s:e].isdecimal():
            raw = text[s:e]  # "68": no separator, so _DIGIT_GROUPS would match just these
        else:
            m = _DIGIT_GROUPS.match(text, s)
            if m is None:
                return None
            raw, e = m.group(), m.end()
        if not self._run_ends(e):
            return None
        vals = digits_value(raw)
        if vals is None or len(vals) != 1:
            return None
        return vals[0][0], e, raw

    def _signed(self, s: int) -> Mention | list[Mention] | None:
        """A number written with a minus sign: "-5", "<-30", "- 10 k" at the start."""
        text = self.text
        j = s + 1
        while j < len(text) and text[j] == " ":
            j += 1
        if j >= len(text) or not (text[j].isdigit() or text[j] == "."):
            return None
        inner = self.read_at(j)
        if not isinstance(inner, Mention) or inner.low is None or inner.kind in ("year", "ordinal") or inner.start != j:
            return inner
        inner.low, inner.high = -inner.high if inner.high is not None else None, -inner.low
        inner.start = s
        return inner

    def _digit_ordinal(self, s: int) -> Mention | None:
        """"3rd", "21st" at s (a letter of such a suffix follows the digits), else ``None``."""
        text = self.text
        dm = self.g.digit_ordinal.match(text, s)
        if dm and not text[dm.end():dm.end() + 1].isalnum():
            v = float(re.match(r"\d+", dm.group()).group())
            return Mention(s, dm.end(), v, v, kind="ordinal", rule="ordinal.digits")
        return None

    def _digit_fraction(self, s: int) -> Mention | None:
        """"1/2", "2 3/4" at s (a slash is near), else ``None``; "24/7" and "1/2/2024" are none."""
        text = self.text
        fr = _FRACTION_DIGITS.match(text, s)
        if fr and not (s > 0 and text[s - 1] in "/"):
            a, b = int(fr.group("n")), int(fr.group("d"))
            whole = float(fr.group("w")) if fr.group("w") else 0.0
            if b != 0 and (a < b or fr.group("w")) and not text[fr.end():fr.end() + 1] == "/":
                v = whole + a / b
                return Mention(s, fr.end(), v, v, rule="number.fraction")
        return None

    def _fraction_char(self, s: int) -> Mention:
        """A fraction character at s, with a scale word after it: "½", "¾ million"."""
        g, text = self.g, self.text
        ch = text[s]
        mm = Mention(s, s + 1, UNICODE_FRACTIONS[ch], UNICODE_FRACTIONS[ch], rule="number.fraction")
        sm = g.scale_after.match(text, s + 1)
        if sm and sm.group(1).lower() in g.scales:  # "½ million"; "½ millions" is no number
            mm.scale(g.scales[sm.group(1).lower()])
            mm.end = sm.end()
        return mm
