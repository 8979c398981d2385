"""Units and currencies written with a number: "$5", "US$ 1MM", "$US12,480,000",
"RM75,000", "USD 200", "5m USD", "75 USD million", "5%", "per cent of 10", "10 km",
"49.6C", "121F", "minus 3 degrees", "3 dollars 50 cents", "5 feet 2 inches".

:meth:`UnitReader._extend` reads everything written around a bare number: its
magnitude (:mod:`.magnitudes`), a unit or currency before or after it, and, with none,
hands it to :mod:`.kinds` (a year, an age, a model). A unit gives a mention its kind
(``percent``, ``money``, ``measure``) and its unit name. The units are the ``units``
section of ``data/quantities.toml``; converting between them is :mod:`reconcile.units`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .patterns import LOWER_WORDS, LazyRegexes, alternation, last_token, norm_phrase
from .reading import Mention, ReaderBase

# Where a unit after a number can begin (past spaces, one hyphen or one bracket) and
# its key: the letters there, or the one symbol.
# Keys are short words; a longer run of letters is no key, and is not read to its end
# (a run of thousands of letters or "½" after a number would be read at every one).
_UNIT_KEY_AT = re.compile(r"\s*(?:[-(\[{<]\s*)?([^\W\d_]{1,64}+(?![^\W\d_])|[^\s\w])")
_TEMPERATURE_LETTERS = frozenset({"unit.degc_letter", "unit.degf_letter"})
_CURRENCY_SIGN_END = re.compile(r"[$€£¥₹₩₽฿]\s*$")
_MONEY_TOKEN_END = re.compile(r"(?<![\w$])(\$?[^\W\d_]{1,5}\.?\$?)\s*$")
_CENTS = re.compile(r"\s*(?:and\s+)?(?P<n>\d{1,2}\b|[a-z])", re.I)
_INCHES = re.compile(r"\s*(?:and\s+)?(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:inches|inch|in\b|\")", re.I)


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit rule: its id, unit name, kind and scale; ``magnitude_only``: a unit only
    after a number with a magnitude of a thousand or more ("3 billion won", but "won
    3-2" and "5 marks" are none)."""

    id: str
    unit: str
    kind: str
    scale: float
    magnitude_only: bool


def _unit_key(text: str, i: int) -> str:
    """The letters starting at i (a symbol stands alone): what a unit is looked up by."""
    n = len(text)
    if i >= n:
        return ""
    if not text[i].isalpha():
        return text[i]
    e = i + 1
    while e < n and text[e].isalpha():
        e += 1
    return text[i:e]


class UnitGrammar:
    """The part of :class:`~.grammar.Grammar` for units and currencies: each phrase by
    where it is written, the currencies that can be glued to digits, the ISO codes, and
    the patterns that find a unit before or after a number."""

    def _compile_units(self, d: Any) -> None:
        """Each unit phrase by where it is written, its case, the glued currencies and ISO
        codes, then the patterns that find them."""
        ctx = d.get("contexts", {})
        self.units_after: dict[str, Unit] = {}
        self.units_before: dict[str, Unit] = {}
        glued_only: list[str] = []
        cs_after: list[str] = []
        cs_before: list[str] = []
        for rid, r in d.get("units", {}).items():
            u = Unit(f"unit.{rid}", r["unit"], r["kind"], float(r.get("scale", 1.0)),
                     r.get("number_before") == "magnitude")
            before = r.get("position", "after") == "before"
            target = self.units_before if before else self.units_after
            for p in r["phrases"]:
                cs = bool(r.get("case_sensitive")) or (len(p) == 1 and p.isalpha())
                key = p if cs else norm_phrase(p)
                target.setdefault(key, u)
                if cs:
                    (cs_before if before else cs_after).append(p)
                if r.get("glued"):
                    glued_only.append(p)
        self.glued_only = frozenset(glued_only)
        # currency prefixes that end in a letter and can be glued to the digits after
        # them ("$US12,480,000", "RM75,000", "Rs15,000"): the keys of units_before
        self.glued_money_before = frozenset(
            k for k, u in self.units_before.items()
            if u.kind == "money" and k[-1:].isalpha() and " " not in k and len(k) <= 6)
        money_codes = sorted({p for p in list(self.units_after) + list(self.units_before)
                              if re.fullmatch(r"[a-z]{3}", p) and p.upper() in (
                                  {x.upper() for x in self.units_after if (self.units_after[x].kind == "money")}
                                  | {x.upper() for x in self.units_before if self.units_before[x].kind == "money"})
                              and (self.units_after.get(p) or self.units_before.get(p)).unit == p.upper()})
        self.money_codes = {c.upper(): (self.units_after.get(c) or self.units_before[c]) for c in money_codes}
        for code, unit in self.money_codes.items():
            if code not in self.units_before and code.lower() not in self.units_before:
                # "NOK 10.2 billion" as "10.2 billion NOK": an ISO code the tables list
                # after a number is written before it too, in capitals
                self.units_before[code] = unit
                cs_before.append(code)
        self.angle_words = frozenset(w.lower() for w in ctx.get("angle_words", ()))
        self.not_temperature_words = frozenset(w.lower() for w in ctx.get("not_temperature_words", ()))
        self.temperature_words = frozenset(w.lower() for w in ctx.get("temperature_words", ()))
        # a bare "N degrees" that is no angle is a temperature whose scale is not stated:
        # its own unit, compared only with others like it (104 degrees in Dallas is
        # Fahrenheit, 40 degrees in Delhi Celsius; a guess would make false conflicts)
        self.degree_unstated = Unit("unit.degree_temperature", "temperature_degree", "measure", 1.0, False)
        ua_ci = [p for p in self.units_after if p not in cs_after]
        ub_ci = [p for p in self.units_before if p not in cs_before]
        codes = "|".join(sorted(self.money_codes))
        # The first letters (or first symbol) of every unit written after a number: a
        # cheap test before the unit regex, which most numbers ("5,000 fighters") fail.
        unit_head = r"(\s*-\s*|\s*[(\[{<]\s*|\s*)"
        unit_tail = r"(?P<close>\s*[)\]}>])?"
        # every unit, and "M" + a currency code ("MUSD"): the longest pattern of all, and
        # only an "M" + code key below needs it
        unit_after = (unit_head + r"(?:(?P<m>M)(?P<code>" + codes + r")\b|(?P<u>"
                      + alternation(cs_after, lead=False) + "|(?i:" + alternation(ua_ci, lead=False) + r")))"
                      + unit_tail)
        # One small regex per key, so that a number is tried only against the units
        # that can follow it; "M" + a currency code ("MUSD") needs the whole one.
        keyed: dict[str, tuple[list[str], list[str]]] = {}
        for p in cs_after:
            keyed.setdefault(_unit_key(p.lower(), 0), ([], []))[0].append(p)
        for p in ua_ci:
            keyed.setdefault(_unit_key(p.lower(), 0), ([], []))[1].append(p)
        # compiled when first asked for: a text meets a few of the hundreds of keys, and
        # compiling them all would be most of the time a fresh process spends on them
        patterns: dict[str, str | re.Pattern[str]] = {
            key: unit_head + r"(?:(?P<m>(?!))(?P<code>(?!))|(?P<u>" + alternation(cs, lead=False)
            + "|(?i:" + alternation(ci, lead=False) + r")))" + unit_tail
            for key, (cs, ci) in keyed.items()}
        for c in self.money_codes:
            patterns["m" + c.lower()] = unit_after
        self.unit_after_at = LazyRegexes(patterns)
        # the first three letters of every key, and the keys of one or two: "people"
        # after a number starts none ("peo", "pe", "p"), and no regex is tried
        self.unit_heads = frozenset(k[:3] for k in self.unit_after_at)
        self.unit_before = re.compile(
            r"(?:(?P<m>\bM)(?P<code>" + codes + r")|(?P<u>(?<![\w$])(?:" + alternation(cs_before)
            + "|(?i:" + alternation(ub_ci) + r"))))\s*$")
        self.before_last = frozenset([norm_phrase(p).split()[-1] for p in self.units_before]
                                     + ["m" + c.lower() for c in self.money_codes])
        self.before_last_char = frozenset(w[-1] for w in self.before_last if w)
        # a last word that only ends phrases ("of": "per cent of"): the words that can
        # start them, one of which must be in the text before the number
        starts_by_last: dict[str, set[str]] = {}
        for p in self.units_before:
            words = norm_phrase(p).split()
            starts_by_last.setdefault(words[-1], set()).add(words[0] if len(words) > 1 else "")
        self.before_starts = {w: tuple(sorted(ws)) for w, ws in starts_by_last.items() if "" not in ws}
        self.before_last_tails = frozenset(w[-2:] for w in self.before_last if len(w) >= 2)


class UnitReader(ReaderBase):
    """Reading the unit or currency written with a number."""

    def _extend(self, mm: Mention) -> Mention | list[Mention] | None:
        """mm with what is written around it: a magnitude (:mod:`.magnitudes`), then a
        unit or currency before or after it; a number with neither goes to
        :meth:`~.kinds.KindReader._without_unit`."""
        g, text = self.g, self.text
        e = mm.end
        # glued or spaced magnitude abbreviation: "2bn", "10k", "$1.45m", "10 bln"
        if not mm.words and mm.low is not None:
            nxt = text[e:e + 3].lstrip(" ")[:1]
            if nxt and nxt in g.abbrev_first:
                model = self._magnitude_after(mm)
                if model is not None:
                    return model
                e = mm.end
        # unit or currency before: "$5", "US$ 1MM", "USD 200", "£ 8.10 million"
        lo_lim = max(self.floor, mm.start - 12)
        pre = text[lo_lim:mm.start]
        before: Unit | None = None
        tail = pre.rstrip()[-2:].lower()
        bm = None
        if tail and tail[-1:] in g.before_last_char and (tail in g.before_last_tails or tail[-1:] in g.before_last):
            last = last_token(pre)
            if last in g.before_last and self._starts_before(pre, last):
                bm = g.unit_before.search(pre)
        if bm:
            if bm.group("m"):
                before = g.money_codes.get(bm.group("code"))
                if before is not None:
                    mm.scale(1e6)
            else:
                raw = bm.group("u")
                before = g.units_before.get(raw) or g.units_before.get(norm_phrase(raw))
            if before is not None:
                mm.start = lo_lim + bm.start()
        # unit after
        unit: Unit | None = None
        unit_re = self._unit_after_re(e)
        um = unit_re.match(text, e) if unit_re is not None else None
        if um:
            if um.group("m"):
                unit = g.money_codes.get(um.group("code"))
                if unit is not None and before is None:
                    mm.scale(1e6)
            else:
                raw = um.group("u")
                unit = g.units_after.get(raw) or g.units_after.get(norm_phrase(raw))
                sep = um.group(1)
                glued = sep == ""
                if unit and raw in g.glued_only and not glued:
                    unit = None
                if unit and not glued and raw.isalpha() and len(raw) == 1 and raw not in ("m", "t", "g", "l", "C", "F"):
                    unit = None
                if unit and unit.id in _TEMPERATURE_LETTERS and not self._temperature_letter(mm, um, sep):
                    unit = None
                if unit and unit.magnitude_only and mm.magnitude < 1e3:
                    unit = None
                if unit and any(c in sep for c in "([{<") and not um.group("close"):
                    unit = None
                if unit and sep.strip() == "-" and unit.kind == "money" and not raw.isalpha():
                    unit = None
                # a symbol glued to the next number is that number's: "1 $10"
                if unit and not raw[-1].isalnum() and text[um.end("u"):um.end("u") + 1].isdigit():
                    unit = None
            if unit is not None and before is not None:
                # "$ 10 dollars" keeps both; "$ 20,000.00 $ 37,305.97" does not
                if not (unit.unit == before.unit and um.group("u") and um.group("u")[0].isalpha()):
                    unit = None
            if unit is not None:
                if um.group("close") and any(c in um.group(1) for c in "([{<"):
                    end_u = um.end()
                else:
                    end_u = um.end("u") if um.group("u") else um.end()
                mm.end = e = end_u
                # "75 USD million"
                if unit.kind == "money" and mm.magnitude == 1.0:
                    sm = g.scale_after.match(text, e)
                    if sm and not sm.group(1).lower().endswith("s"):
                        w = sm.group(1).lower()
                        mult = g.scales.get(w, 1.0)
                        if mult >= 1e3:
                            mm.scale(mult)
                            mm.end = e = sm.end()
        # "pounds" after a big number is sterling
        if unit is not None and unit.id == "unit.pound" and mm.magnitude >= 1e6:
            unit = g.units_after.get("pounds sterling", unit)
        if unit is None and before is not None:
            unit = before
            mm.unit_pos = "before"
        elif unit is not None:
            mm.unit_pos = "after"
        if unit is not None and unit.id == "unit.degree" and mm.low is not None and not self._angle_near(mm):
            # "minus 3 degrees", "highs of 35 degrees": a temperature unless an angle's words are near
            unit = g.degree_unstated
        if unit is None:
            return self._without_unit(mm, e)
        mm.kind = unit.kind
        mm.unit = unit.unit
        if unit.scale != 1.0 and mm.low is not None:
            mm.low = mm.low * unit.scale
            mm.high = mm.high * unit.scale if mm.high is not None else None
        mm.rule = unit.id if not mm.rule.startswith("vague") else mm.rule + "+" + unit.id
        mm.plain_int = False
        # "3 dollars 50 cents", "5 feet 2 inches": the second part joins the first
        self._compound(mm, unit)
        return mm

    def _temperature_letter(self, mm: Mention, um: re.Match[str], sep: str) -> bool:
        """Whether "C" or "F" after a number is a temperature: "49.6C", "121F", "46.7 C",
        the value plausible for weather or a body, the letter standing alone ("777F" is a
        freighter, "5 F-16s" are jets)."""
        v = mm.low
        if v is None or mm.magnitude != 1.0 or sep not in ("", " "):
            return False
        if abs(v) > (70 if um.group("u") == "C" else 135):
            return False
        nxt = self.text[um.end("u"):um.end("u") + 1]
        if nxt and (nxt.isalnum() or nxt in "-_'’/&"):
            return False
        # "13F filings": a form's name, known by the words about filing it
        words = LOWER_WORDS.findall(self.low, max(0, mm.start - 32), min(len(self.low), um.end() + 32))
        return not any(w in self.g.not_temperature_words for w in words)

    def _angle_near(self, mm: Mention) -> bool:
        """Whether an angle's word is near a bare "N degrees" ("turned 90 degrees", "a
        180-degree turn", "15 degrees north"); a temperature's word outweighs it."""
        words = LOWER_WORDS.findall(self.low, max(0, mm.start - 48), min(len(self.low), mm.end + 32))
        g = self.g
        if any(w in g.temperature_words for w in words):
            return False
        return any(w in g.angle_words for w in words)

    def _unit_after_re(self, e: int) -> re.Pattern[str] | None:
        """The pattern of the units whose key (see :data:`_UNIT_KEY_AT`) starts at or
        just after e, if any. Most numbers are followed by a space and a word that is
        no unit, or by punctuation; those are decided without a regex."""
        g, text = self.g, self.text
        c = text[e:e + 1]
        if c == " ":
            head = text[e + 1:e + 4]
            if head[:1].isalpha() and head.isascii() and (head := head.lower()) not in g.unit_heads \
                    and head[:2] not in g.unit_heads and head[:1] not in g.unit_heads:
                return None  # "68 people": no key starts "peo", nor is "pe" or "p" one
        elif c and not (c.isalnum() or c.isspace() or c in "-([{<_"):
            return g.unit_after_at.get(c)  # a symbol is its own key: "%", "$"; "." is none
        km = _UNIT_KEY_AT.match(text, e)
        return g.unit_after_at.get(km.group(1).lower()) if km else None

    def _compound(self, mm: Mention, unit: Unit) -> None:
        """Join a second part to mm: "3 dollars 50 cents", "$3 and 50 cents", "5 feet 2 inches"."""
        text = self.text
        if unit.kind == "money" and unit.scale == 1.0:
            cm = _CENTS.match(text, mm.end)
            if cm and mm.low is not None:
                toks = self.tokens(cm.start("n"))
                r = self.number(toks) if toks else None
                if r and r[0] < 100 and r[2] == "cardinal" and r[0] == int(r[0]) and r[0] >= 0:
                    end = toks[r[1] - 1].end
                    rest = text[end:end + 8].lower()
                    cents_word = re.match(r"\s*(cents?|¢|c\b)", rest)
                    if cents_word or not re.match(r"\s*[\w$€£]", rest):
                        mm.low += r[0] / 100
                        mm.high = mm.low
                        mm.end = end + (cents_word.end() if cents_word else 0)
        elif unit.unit == "foot":
            im = _INCHES.match(text, mm.end)
            if im and mm.low is not None:
                mm.low += float(im.group("n")) / 12
                mm.high = mm.low
                mm.end = im.end()

    def _starts_before(self, pre: str, last: str) -> bool:
        """Whether a unit phrase that ends in ``last`` can end ``pre``: "of" needs "per
        cent" or "percent" before it, and most numbers after "of" have neither."""
        starts = self.g.before_starts.get(last)
        if starts is None:
            return True
        pre = pre.lower()
        return any(w in pre for w in starts)

    def _currency_before(self, s: int) -> bool:
        """Whether a currency sign or code is written just before s ("£3m", "US$3m", "RM3m")."""
        pre = self.text[max(0, s - 8):s]
        if _CURRENCY_SIGN_END.search(pre):
            return True
        tm = _MONEY_TOKEN_END.search(pre)
        if tm is None:
            return False
        tok = tm.group(1)
        gm = self.g.glued_money_before
        return tok in gm or tok.lower() in gm or tok.isupper() and tok in self.g.money_codes

    def _glued_money_before(self, s: int) -> bool:
        """Whether the letters glued before the digit at s are a currency ("$US12,480,000",
        "RM75,000", "Rs15,000"), not part of a word ("COVID19")."""
        text = self.text
        ls = s - 1
        while ls > 0 and text[ls - 1].isalpha() and s - ls < 6:
            ls -= 1
        if ls > 0 and text[ls - 1] == "$":
            ls -= 1
        if ls > 0 and (text[ls - 1].isalnum() or text[ls - 1] == "_"):
            return False
        tok = text[ls:s]
        gm = self.g.glued_money_before
        return tok in gm or tok.lower() in gm

    def _percent_of(self, mm: Mention, at: int, written: str) -> None:
        """"percent of 10", "per cent of twenty-two": the count mm, after the "of"
        written at ``at`` (``written`` from there to mm), is a percentage when a
        percent unit ends just before the "of"."""
        g, text = self.g, self.text
        window = text[max(0, at - 12):at + len(written)].rstrip()
        if mm.kind != "count" or not self._starts_before(window, "of"):
            return
        pm2 = g.unit_before.search(window)
        if pm2 and pm2.group("u") and norm_phrase(pm2.group("u")) in g.units_before and \
                g.units_before[norm_phrase(pm2.group("u"))].kind == "percent" and mm.kind == "count":
            u = g.units_before[norm_phrase(pm2.group("u"))]
            mm.start = max(0, at - 12) + pm2.start()
            mm.kind, mm.unit, mm.rule = "percent", "%", u.id
