"""Changes: the direction of a figure stated as a rise or a fall, and the level a change
reached.

"fell 0.7 per cent", "grew by $7.2 billion", "was up 5%" are changes (``change="up"``
or ``"down"``); "rose to 312", "dropped 0.7 per cent to 6,912", "climbed 35% in 2021
to 1.8 million", "fell from 68% to 61%" end at a level (``change="level"``). The change
words are in the ``contexts`` section of ``data/quantities.toml``.
"""
from __future__ import annotations

import re
from typing import Any

from .reading import CLAIM_KINDS, Mention, ReaderBase

# "to", "to a record", "to an all-time high of" ending the text before a level
_LEVEL_TO = re.compile(r"\bto\s+(?:an?\s+(?:(?:new|fresh|record|all-time|[a-z]+-(?:year|month|week|day))[\s-]+)*"
                       r"(?:(?:high|low|peak|total)\s+)?(?:of\s+)?)?$")
# what may stand between a change and " to": nothing, a noun ("45 points"), a time ("in 2021")
_LEVEL_GAP = re.compile(r"\s+(?:[^\W\d_]+\s+){0,2}(?:(?:in|on|since|during|over|from|by|for|last|this)\s+[\w ]{1,16}?\s+)?")


class ChangeGrammar:
    """The part of :class:`~.grammar.Grammar` for changes: the words that state a rise
    or a fall, and what may stand between them and the figure."""

    def _compile_changes(self, d: Any) -> None:
        """The change words, by direction, and their last two letters for a quick test."""
        ctx = d.get("contexts", {})
        self.change_words = frozenset(w.lower() for w in ctx.get("change_words", ()))
        self.change_up = frozenset(w.lower() for w in ctx.get("change_up", ()))
        self.change_down = frozenset(w.lower() for w in ctx.get("change_down", ()))
        self.change_skip = frozenset(w.lower() for w in ctx.get("change_skip", ()))
        self.change_adverb_after = frozenset(w.lower() for w in ctx.get("change_adverb_after", ()))
        self.change_adverb_words = frozenset({"up", "down", "higher", "lower"})
        self.change_first = self.change_up | self.change_down | self.change_skip
        # the last two letters of each (and of an adverb, "-ly"): most words before a
        # figure end otherwise, and no more is looked at
        self.change_tails = frozenset(w[-2:] for w in self.change_first) | {"ly"}


class ChangeReader(ReaderBase):
    """Reading a figure as a change, or as the level a change reached."""

    def _direction(self, s: int) -> str | None:
        """"up" or "down" when a change word states the figure at s as a change: "fell
        0.7 per cent", "grew by $7.2 billion", "was up 5%"; else ``None``."""
        g, low = self.g, self.low
        # most figures follow a word that is none of these: decided without splitting
        j = low.rfind(" ", max(0, s - 24), s - 1)
        last = low[j + 1:s - 1]
        if last not in g.change_first and not last.endswith("ly"):
            return None
        toks = low[max(0, s - 40):s].split()
        i = len(toks) - 1
        skipped = 0
        while i >= 0 and skipped < 2 and (toks[i] in g.change_skip or len(toks[i]) > 4 and toks[i].endswith("ly")):
            i -= 1
            skipped += 1
        return self._change_word(toks, i, at_start=s <= 40)

    def _change_word(self, toks: list[str], i: int, *, at_start: bool) -> str | None:
        """The direction of toks[i] as a change word; "up" and "down" only after a verb
        such as "was" or at the start of a clause ("..., up 5%")."""
        if i < 0:
            return None
        g, w = self.g, toks[i]
        if w in g.change_adverb_words and not (
                i > 0 and (toks[i - 1] in g.change_adverb_after or toks[i - 1][-1:] in ",;:") or i == 0 and at_start):
            return None
        if w in g.change_up:
            return "up"
        if w in g.change_down:
            return "down"
        return None

    def _levels(self, ms: list[Mention]) -> None:
        """Mark the level a change reached: "rose to 312", "dropped 0.7 per cent to 6,912",
        "climbed 35% in 2021 to 1.8 million"."""
        text, low = self.text, self.low
        for i, b in enumerate(ms):
            if b.change is not None or b.kind not in CLAIM_KINDS or b.low is None and b.high is None:
                continue
            if low[b.start - 3:b.start] != "to " and low.find(" to a", max(0, b.start - 40), b.start) < 0:
                continue
            w0 = max(0, b.start - 60)
            tm = _LEVEL_TO.search(low, w0, b.start)
            if tm is None:
                continue
            toks = low[w0:tm.start()].split()
            j = len(toks) - 1
            if j >= 0 and len(toks[j]) > 4 and toks[j].endswith("ly"):
                j -= 1  # "fell sharply to"
            if text[tm.start() - 1:tm.start()] == " " and self._change_word(toks, j, at_start=w0 == 0):
                b.change = "level"
                continue
            for a in ms[max(0, i - 2):i][::-1]:
                if a.change in ("up", "down") and tm.start() - a.end <= 24 \
                        and _LEVEL_GAP.fullmatch(text, a.end, tm.start()):
                    b.change = "level"
                    break
