"""The number reader's grammar: everything compiled from one set of rule tables.

Each part of the reader keeps its own piece of the grammar next to the code that reads
with it (:class:`~.words.WordGrammar` in :mod:`.words`, and so on); :class:`Grammar`
compiles them all from one :class:`~.tables.Tables`, and :func:`grammar` keeps one per
Tables.
"""
from __future__ import annotations

import functools

from .approximators import ApproximatorGrammar
from .changes import ChangeGrammar
from .digits import DigitGrammar
from .kinds import KindGrammar
from .magnitudes import MagnitudeGrammar
from .ranges import RangeGrammar
from .tables import Tables
from .units_currencies import UnitGrammar
from .words import WordGrammar


class Grammar(ApproximatorGrammar, WordGrammar, MagnitudeGrammar, DigitGrammar, UnitGrammar, KindGrammar,
              RangeGrammar, ChangeGrammar):
    """Everything compiled from one :class:`~.tables.Tables`: regexes and lookup dicts."""

    def __init__(self, tables: Tables) -> None:
        d = tables.data
        # in this order: a vague quantity's first word starts a mention (words), and
        # the scale words are the magnitudes'
        self._compile_approximators(d)
        self._compile_words(d)
        self._compile_magnitudes(d)
        self._compile_digits(d)
        self._compile_units(d)
        self._compile_kinds(d)
        self._compile_ranges(d)
        self._compile_changes(d)


@functools.lru_cache(maxsize=8)
def grammar(tables: Tables) -> Grammar:
    """The grammar of ``tables``, compiled the first time it is asked for."""
    return Grammar(tables)
