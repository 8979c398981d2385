"""What every part of the number reader works on: the mention being read and the
reader's state.

A mention (:class:`Mention`) starts as a bare number from :mod:`.digits` or
:mod:`.words`; the parts around it (:mod:`.magnitudes`, :mod:`.units_currencies`,
:mod:`.approximators`, :mod:`.kinds`, :mod:`.ranges`, :mod:`.changes`) widen it, give
it a unit or a kind, or join it to the next one, and it becomes a
:class:`~reconcile.model.Quantity` at the end.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Quantity

if TYPE_CHECKING:
    from .grammar import Grammar

# the kinds a claim can be made of; the others (year, date, time, ...) are no figures
CLAIM_KINDS = frozenset({"count", "percent", "money", "measure"})


@dataclass(slots=True)
class Mention:
    """A mention while it is being read."""

    start: int
    end: int
    low: float | None
    high: float | None
    low_inc: bool = True
    high_inc: bool = True
    approx: bool = False
    kind: str = "count"
    unit: str | None = None
    qualifier: str | None = None
    tolerance: float = 0.0
    rule: str = ""
    magnitude: float = 1.0
    has_prefix: str = ""
    plain_int: bool = False
    words: bool = False
    unit_pos: str = ""  # where the unit is written: "before" ("$5") or "after" ("5%")
    change: str | None = None

    def scale(self, mult: float) -> None:
        """Multiply a single value by a magnitude: "2bn", "MUSD 5", "75 USD million"."""
        self.low = self.high = (self.low or 0) * mult
        self.magnitude = mult

    def quantity(self, text: str) -> Quantity:
        """The mention as a :class:`~reconcile.model.Quantity` (``text`` is the whole text)."""
        return new_quantity(text[self.start:self.end], self.start, self.end, self.low, self.high,
                            self.low_inc if self.low is not None else False,
                            self.high_inc if self.high is not None else False,
                            self.approx, self.kind, self.unit, self.qualifier, self.tolerance, self.rule,
                            self.change)


def number_mention(start: int, end: int, value: float, magnitude: float, plain_int: bool, words: bool) -> Mention:
    """A count read from digits or number words, before anything around it is read."""
    # positional (one per mention; keywords cost as much again): low_inc, high_inc,
    # approx, kind, unit, qualifier, tolerance, rule, magnitude, has_prefix, plain_int, words
    return Mention(start, end, value, value, True, True, False, "count", None, None, 0.0,
                   "number.words" if words else "number.digits", magnitude, "", plain_int, words)


def _slot_constructor(cls: type) -> Any:
    """A function that makes a frozen, slotted dataclass from all its fields, in order.

    The dataclass's own ``__init__`` sets each field through ``object.__setattr__``
    (the class forbids plain assignment); this one calls each slot's setter directly,
    which takes half the time. The reader makes one Quantity per mention, so it is
    worth it here. It runs no ``__post_init__`` (Quantity has none) and takes no
    defaults: every field is given.
    """
    names = [f.name for f in dataclasses.fields(cls)]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    namespace.update({f"_set_{n}": getattr(cls, n).__set__ for n in names})
    body = "".join(f"    _set_{n}(obj, {n})\n" for n in names)
    exec(f"def make({', '.join(names)}):\n    obj = _new(_cls)\n{body}    return obj\n", namespace)
    return namespace["make"]


new_quantity = _slot_constructor(Quantity)


class ReaderBase:
    """The state of one text's reading, which every part of :class:`~.reader.Reader` shares.

    The parts are mixin classes, one per module, combined into ``Reader``; they call
    one another's methods through ``self`` (a method found on the class costs no more
    than one of a single class, which matters in the scanner's loop).

    Attributes
    ----------
    g
        The compiled tables (:class:`~.grammar.Grammar`).
    text, low
        The text and its lowercase (which a character such as "İ" makes longer; the
        scanner then looks for number words in the text itself).
    floor
        The end of the last mention read: a unit before a number is not looked for
        before it.
    digits
        The last run of digits :meth:`~.kinds.KindReader._special_at` found: start, end.
    marks
        What :meth:`~.kinds.KindReader._word_marks` found: from, run end, "://", "@".
    """

    g: Grammar
    text: str
    low: str
    floor: int
    digits: tuple[int, int]
    marks: tuple[int, int, int, int]
