"""Numbers that are no count: what a number is when it names, dates or labels something.

* Dates, clock times, phone numbers and model numbers ("T-72", "Boeing 737", "Flight
  2216", "Windows 11", "5G", "13F", "9/11", "15.05 BST", "10:50 am", "noon") have no
  value (``low=high=None``), so that nothing downstream takes them for counts.
* Years ("in 2015") have kind ``year`` and their value.
* "John Smith, 45, of Leeds" is an age (a measure in years).
* The digits of URLs and e-mail addresses are no mentions at all; nor is "one" as a
  pronoun or in an idiom ("that one", "one of the", "one by one").

The months, the label words ("Flight", "Game", "UPDATE") and the time zones are the
``dates``, ``labels`` and ``contexts`` sections of ``data/quantities.toml``.
"""
from __future__ import annotations

import re
from typing import Any

from .patterns import alternation
from .reading import Mention, ReaderBase

_URL_LOOKBACK = 200  # how far back from a digit a URL or e-mail address is looked for
_TO_LAST_SPACE = re.compile(r".*\s", re.DOTALL)
_NON_SPACE_RUN = re.compile(r"\S*")
# an "@" inside an e-mail address: r"[\w.+-]+@[\w-]+\.\w" matches around it
_MAIL_AT = re.compile(r"(?<=[\w.+-])(@)(?=[\w-]+\.\w)")
_ONE_IDIOM = re.compile(r"\s+(?:of\s+(?:the|his|her|its|their|our|my|your|those|these)\b"
                        r"|another\b|by\s+one\b|or\s+(?:another|other)\b)", re.IGNORECASE)
_RANGE_ON = re.compile(r"\s+to\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)
# a capitalised name and a comma just before an age: "John Smith, 45, of Leeds"
_APPOSITION = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z'’-]+, $")
_TAIL_WORD = re.compile(r"(?:[^\W\d_]|\.)+$")


class KindGrammar:
    """The part of :class:`~.grammar.Grammar` for what is no count: the shapes of
    dates, clock times, phone and model numbers, months and labels."""

    def _compile_kinds(self, d: Any) -> None:
        """The shapes of dates, clock times, phone and model numbers; months and labels."""
        months = list(d.get("dates", {}).get("months", ()))
        labels = list(d.get("labels", {}).get("words", ()))
        ctx = d.get("contexts", {})
        zones = alternation(list(ctx.get("time_zones", ())))
        # "15.05 BST", "10.30pm", "1630 GMT": a clock, written with a dot or four digits,
        # only with a zone or am/pm after it ("15.05" alone is a number)
        self.clock_zone = re.compile(
            r"(?:\d{1,2}\.[0-5]\d(?!\d)|(?:[01]\d|2[0-3])[0-5]\d(?![\d.,]))"
            r"(?:\s*(?i:[ap]\.m\.|[ap]m\b)|\s*(?:" + zones + r"))"
            r"|\d{1,2}(?::[0-5]\d)?\s+(?i:noon|midnight)\b")
        self.pronoun_one = frozenset(w.lower() for w in ctx.get("one_is_a_pronoun_after", ()))
        month_alt = alternation(months)
        day = r"\d{1,2}(?:st|nd|rd|th)?"
        self.at_digit = re.compile(
            r"(?P<phone>\d{3}-\d{3}-\d{4}\b)"
            r"|(?P<time>\d{1,2}(?::[0-5]\d){1,2}(?:\s*(?i:[ap]\.?m\b\.?))?|\d{1,2}\s*(?i:[ap]\.m\.|[ap]m\b)|\d{1,2}\s+o'clock\b)"
            r"|(?P<date>\d{4}-\d{2}-\d{2}\b|\d{1,2}/\d{1,2}/\d{2,4}\b|\d{4}-(?:0[1-9]|1[0-2])\b(?!-)"
            r"|" + day + r"(?:\s+and\s+" + day + r"|\s*[-\u2013]\s*" + day + r")?\s+(?:of\s+)?(?:" + month_alt
            + r")\.?(?:,?\s+\d{4}\b)?)"
            r"|(?P<model>(?:9/11|24/7|7/7)\b)")
        # After a day's one or two digits and a space, the pattern above goes on only
        # with a clock's "am"/"pm", "o'clock", "of" or a month; after a letter, only with
        # "am"/"pm" or "st"/"nd"/"rd"/"th". "5 people" is not tried.
        self.day_next = frozenset({a + b for a in "aApP" for b in ".mM"} | {"o'", "of", "an"}
                                  | {m[:2] for m in months})  # "an": "on 24 and 25 September"
        self.day_suffix_first = frozenset("aApPsnrt")
        self.phone_at = re.compile(r"\+\d{1,3}[-\s.]?\(?\d{1,4}\)?(?:[-\s./]\d{2,5}){2,}|\(\d{3}\)\s*\d{3}[-\s]\d{4}")
        self.month_date = re.compile(r"(?:" + month_alt + r")\.?\s+" + day + r"(?:,?\s+\d{4})?\b(?!\s*(?:%|per))"
                                     r"|(?:" + month_alt + r")\.?,?\s+\d{4}\b")
        self.months = frozenset(m.rstrip(".") for m in months)
        self.labels = frozenset(labels)
        # every month and label word (its dots stripped) by its last two letters: a
        # cheap test of the word before a number (None, no test, if a user's table has
        # a one-letter word)
        by_tail: dict[str, set[str]] = {}
        for w in self.months | self.labels:
            by_tail.setdefault(w.rstrip(".")[-2:], set()).add(w.rstrip("."))
        self.month_label_by_tail = {t: tuple(sorted(ws)) for t, ws in by_tail.items()} \
            if all(len(t) == 2 for t in by_tail) else None
        self.label_num = re.compile(r"\d[\d.]*[A-Za-z]*\b")
        self.model_tail = re.compile(r"\d+[A-Za-z]*\b")
        self.word_before = re.compile(r"(\w+)\W*$")


class KindReader(ReaderBase):
    """Deciding that a number is no count."""

    def _special_at(self, s: int) -> Mention | None:
        """A date, time, phone or model number, or a URL, around the digit at s."""
        g, text = self.g, self.text
        # URLs and e-mail addresses: their digits are not mentions
        lo = max(0, s - _URL_LOOKBACK)
        sm = _TO_LAST_SPACE.match(text, lo, s)
        ws = sm.end() if sm is not None else lo
        chunk_head = text[ws:s + 1] if ws < s else ""  # a digit after a space starts none
        if "/" in chunk_head or "@" in chunk_head or "www." in chunk_head:
            we, scheme_at, mail_at = self._word_marks(ws, s)
            if scheme_at >= ws or text.startswith("www.", ws) or mail_at > ws:
                return Mention(ws, we, None, None, kind="skip", rule="skip.url")
        prev = text[s - 1] if s > 0 else ""
        if prev in "+(":
            pm = g.phone_at.match(text, s - 1)
            if pm:
                return Mention(s - 1, pm.end(), None, None, kind="phone", rule="phone.shape")
        if prev == "-" and s > 1 and text[s - 2].isalpha():
            ls = s - 1
            while ls > 0 and text[ls - 1].isalpha() and s - ls < 8:
                ls -= 1
            if not (ls > 0 and text[ls - 1].isalnum()) and s - 1 - ls <= 6:
                tm = g.model_tail.match(text, s)
                if tm:
                    return Mention(ls, tm.end(), None, None, kind="model", rule="model.shape")
        e = s
        while e < len(text) and text[e].isdigit():
            e += 1
        self.digits = (s, e)
        after = text[e:e + 1]
        if after in ("-", ":", "/"):
            dm = g.at_digit.match(text, s)
        elif e - s <= 2 and after and (after.isalpha() and after in g.day_suffix_first or after.isspace() and (
                text[e + 1:e + 3] in g.day_next or text[e + 1:e + 2].isspace())):
            dm = g.at_digit.match(text, s)
        else:
            dm = None
        if dm and not (s > 0 and text[s - 1].isdigit()):
            kind = dm.lastgroup or "date"
            return Mention(s, dm.end(), None, None, kind=kind, rule=f"{kind}.shape")
        n = e - s
        if (after == "." and n <= 2 and text[e + 1:e + 3].isdigit()) or after == " " and (
                n == 4 and (text[e + 1:e + 2].isupper() or text[e + 1:e + 2] in "apl")
                or n <= 2 and text[e + 1:e + 2] in "nmNM"):
            cm = g.clock_zone.match(text, s)
            if cm and not (s > 0 and (text[s - 1].isdigit() or text[s - 1] in ".,")):
                return Mention(s, cm.end(), None, None, kind="time", rule="time.shape")
        if prev in (" ", "\u00a0"):
            we = s - 1
            while we > 0 and text[we - 1] == " ":
                we -= 1
            k = we
            while k > 0 and text[k - 1] == ".":
                k -= 1
            by_tail = g.month_label_by_tail
            if by_tail is not None and not text.endswith(by_tail.get(text[max(0, k - 2):k], ()), 0, k):
                return None  # the word before is no month or label: most numbers stop here
            # the word before: month and label words are short, so a longer run of
            # letters is no such word
            tm = _TAIL_WORD.search(text, max(0, we - 12), we)
            if tm is None or (tm.start() > 0 and (text[tm.start() - 1].isalpha() or text[tm.start() - 1] == ".")):
                return None
            wstart = tm.start()
            word = text[wstart:we]
            if word and word.rstrip(".") in g.months:
                mm = g.month_date.match(text, wstart)
                if mm:
                    return Mention(wstart, mm.end(), None, None, kind="date", rule="date.shape")
            if word in g.labels:  # as listed: "Flight 370", "flight 2216", "no. 5"
                lm = g.label_num.match(text, s)
                if lm:
                    return Mention(wstart, lm.end(), None, None, kind="model", rule="model.label")
        return None

    def _word_marks(self, ws: int, s: int) -> tuple[int, int, int]:
        """From ws (at or before s, in the same run of non-space characters): the end
        of that run, the start of its last "://" and the position of its last "@" that
        an e-mail address has around it, at or after ws (-1: none). Found once per run
        and kept: a run of thousands of digits and slashes asks at every digit."""
        start, we, scheme_at, mail_at = self.marks
        if start <= ws and s < we:
            return we, scheme_at, mail_at
        text = self.text
        we = _NON_SPACE_RUN.match(text, s).end()
        scheme_at = text.rfind("://", ws, we)
        mail_at = max((a.start(1) for a in _MAIL_AT.finditer(text, ws, we)), default=-1)
        self.marks = (ws, we, scheme_at, mail_at)
        return we, scheme_at, mail_at

    def _without_unit(self, mm: Mention, e: int) -> Mention:
        """mm, which has no unit and ends at e: a year ("in 2015"), an age in apposition
        ("John Smith, 45, of Leeds"), a model ("13F", "777F", "3D"), or else as read."""
        text = self.text
        if mm.plain_int and mm.low is not None and 1000 <= mm.low <= 2100 and mm.end - mm.start == 4:
            mm.kind, mm.rule = "year", "year.digits"
        elif mm.plain_int and mm.low is not None and 0 < mm.low < 120 and text[e:e + 2] in (", ", ",\n") \
                and _APPOSITION.search(text, max(0, mm.start - 40), mm.start):
            # "John Smith, 45, of Leeds": an age in apposition to a name
            mm.kind, mm.unit, mm.rule = "measure", "year", "unit.age_apposition"
        elif mm.low is not None and not mm.words and e < len(text) and text[e].isalpha() and text[e] not in "x×":
            # digits glued to letters that are no unit: "13F", "777F", "3D"
            return Mention(mm.start, self._word_end(e), None, None, kind="model", rule="model.shape")
        return mm

    def _word_end(self, e: int) -> int:
        """Where the word (letters, digits, "-", "_") that goes on at e ends."""
        text = self.text
        while e < len(text) and (text[e].isalnum() or text[e] in "-_"):
            e += 1
        return e

    def _one_is_no_number(self, s: int, e: int) -> bool:
        """Whether the word "one" at s..e is in an idiom ("one of the best", "one
        another", "one by one") or a pronoun ("that one", "the same one"); "that one to
        three will be" is a range, so a number."""
        g, text = self.g, self.text
        if _ONE_IDIOM.match(text, e):
            return True
        if _RANGE_ON.match(text, e):
            return False
        wb = g.word_before.search(text, max(0, s - 20), s)
        return bool(wb and wb.group(1).lower() in g.pronoun_one)
