"""Magnitudes after a number: scale words and their abbreviations, "2bn", "10k",
"$1.45m", "10 bln", "MUSD 5", "1.2 million", "½ million".

Which "m" is million: after a currency ("£3m"), before a plural noun ("1.4m
demonstrators") or before a unit ("40m cubic metres"); otherwise it is metres ("1.8m
tall", read by :mod:`.units_currencies`). "10G" is ten billion; "5G" is a model (a
network generation). The abbreviations are the ``abbreviations`` of
``data/quantities.toml``, the scale words its ``scales``.
"""
from __future__ import annotations

import re
from typing import Any

from .patterns import alternation
from .reading import Mention, ReaderBase

_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Za-z]+)\b")
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women"})


def _counted_noun_after(text: str, i: int) -> bool:
    """Whether a plural noun follows i ("1.4m demonstrators"): then "m" is million."""
    m = _NEXT_WORD.match(text, i)
    if not m:
        return False
    w = m.group(1).lower()
    return w in _IRREGULAR_PLURALS or (len(w) > 3 and w.endswith("s") and not w.endswith("ss"))


class MagnitudeGrammar:
    """The part of :class:`~.grammar.Grammar` for magnitudes: the abbreviations, and a
    scale word of a hundred or more after a number. Compiled after
    :class:`~.words.WordGrammar` (the scale words are its ``scales``)."""

    def _compile_magnitudes(self, d: Any) -> None:
        """The abbreviations by case, and the scale words of a hundred or more."""
        self.abbrev = {k: float(v) for k, v in d.get("abbreviations", {}).items()}
        self.scale_after = re.compile(r"\s*-?\s*(?i:(" + alternation([w for w in self.scales if self.scales[w] >= 100]
                                     + [w + "s" for w in self.scales if self.scales[w] >= 100 and not w.endswith("s")])
                                     + r"))")
        abbrev_cs = [a for a in self.abbrev if len(a) == 1 or a.isupper()]
        abbrev_ci = [a for a in self.abbrev if a not in abbrev_cs]
        self.abbrev_first = frozenset(a[0] for a in self.abbrev) | frozenset(a[0].upper() for a in self.abbrev)
        self.abbrev_re = re.compile(r"( {0,2})(" + "|".join(re.escape(a) for a in sorted(abbrev_cs, key=len, reverse=True))
                                    + (r"|(?i:" + "|".join(re.escape(a) for a in sorted(abbrev_ci, key=len, reverse=True)) + ")" if abbrev_ci else "")
                                    + r")(?![\w$€£])")


class MagnitudeReader(ReaderBase):
    """Reading the magnitude written after a number."""

    def _magnitude_after(self, mm: Mention) -> Mention | None:
        """Scale mm by the magnitude abbreviation glued or spaced after it ("2bn", "10k",
        "$1.45m", "10 bln"), when one is there. ``None``, mm scaled or not; or, for
        "5G", the model that mm and its letter are instead."""
        g, text = self.g, self.text
        am = g.abbrev_re.match(text, mm.end)
        if am and not (am.group(1) and len(am.group(2)) == 1 and am.group(2) not in "kKMG"):
            a = am.group(2)
            mult = g.abbrev.get(a, g.abbrev.get(a.lower(), 1.0))
            if a == "m" and not self._currency_before(mm.start) and not (
                    not am.group(1) and (_counted_noun_after(text, am.end()) or self._unit_word_after(am.end()))):
                pass  # "1.8m" is metres; "£3m", "1.4m demonstrators", "40m cubic metres" are millions
            elif a == "G" and not am.group(1) and mm.low == int(mm.low) and 0 < mm.low < 10:
                # "5G", "4G": a mobile network generation, not five billion
                return Mention(mm.start, am.end(), None, None, kind="model", rule="model.shape")
            else:
                mm.scale(mult)
                mm.end = am.end()
                mm.plain_int = False
        return None

    def _unit_word_after(self, i: int) -> bool:
        """Whether a space and a unit of more than one letter follow i ("40m cubic
        metres", "5m USD"): then the "m" before i is million, not metres."""
        text = self.text
        if text[i:i + 1] != " ":
            return False
        ure = self._unit_after_re(i)
        um = ure.match(text, i) if ure is not None else None
        if um is None:
            return False
        return um.group("m") is not None or len(um.group("u") or "") > 1
