"""Read every numeric mention in a text as a :class:`~reconcile.model.Quantity`.

One string-level core, :func:`parse_quantities`, does the reading with precompiled
regular expressions and a small scanner over number words; the spaCy component
``reconcile_quantities`` calls the same core on ``doc.text`` and stores the result in
``doc.spans["quantities"]`` with ``span._.quantity``.

The words, approximators, comparators, vague quantities and units live in
``reconcile/data/quantities.toml``; :func:`load_tables` merges a user's TOML or JSON
file over it. Every rule has an id, recorded in ``Quantity.rule``.

The reader is in parts, one module each, every module saying what it reads:

========================  ==========================================================
:mod:`.tables`            the rule tables: loading, merging, checking
:mod:`.grammar`           what the tables compile to, each part's piece of it
:mod:`.reader`            the scanner and :func:`parse_quantities`
:mod:`.digits`            numbers in digits: separators, scripts, exponents, "3rd", "1/2"
:mod:`.words`             numbers in words and the cardinal grammar
:mod:`.magnitudes`        "2bn", "10k", "£3m" against "1.8m", "1.2 million"
:mod:`.approximators`     "about", "more than", "300 or more", "a few hundred"
:mod:`.units_currencies`  "$5", "RM75,000", "USD 200", "5%", "10 km", "49.6C"
:mod:`.kinds`             no count: dates, times, phones, models, labels, years, ages
:mod:`.ranges`            ranges, paired bounds, scores, "plus or minus", "out of"
:mod:`.changes`           "fell 0.7%" (down) and "to 6,912" (the level reached)
:mod:`.reading`           the mention being read and the reader's state
:mod:`.patterns`          regex building blocks the parts share
:mod:`.component`         the spaCy component
========================  ==========================================================

Readings worth knowing:

* "about 5,000" is ``low=high=5000, approximate=True, tolerance=0.1``; "nearly
  187,000" is ``high=187000`` (exclusive), ``low=None``, approximate.
* Ranges ("between 40 and 60", "40-60", "10 to 20 billion") are closed intervals;
  a magnitude or unit written once is carried to both ends.
* "won 3-2" (a score) is two counts, rule ``score``; "rose from 300 to 500" is two
  numbers, not a range.
* Years ("in 2015") have kind ``year`` and their value; dates, clock times, phone
  numbers and model numbers ("T-72", "Boeing 737") have no value (``low=high=None``)
  so that nothing downstream takes them for counts.
* "X out of Y" is a share, kind percent ("four out of five" is 80%, rule ``ratio.out_of``);
  "one over three" (nothing following) is a fraction.
* "magnitude 6.8" and "a magnitude-6.8 quake" are ``6.8``, kind ``measure``, unit
  ``dimensionless`` (rule ``unit.magnitude``): a reading on a scale, never a count.
* "m" after digits is million after a currency ("£3m") or before a plural noun
  ("1.4m demonstrators", carried to "from 1.1m to 1.4m demonstrators"); otherwise
  metres ("1.8m tall"). "10G" is ten billion; "5G" is a model (a network generation).
* "between 1.1 million and 1.4 million" is a range: after "and", a decimal or a
  second scale word starts a new number; stacked scales compose ("three lakh crore").

>>> [q.describe() for q in parse_quantities("about 5,000 fighters and two T-72 tanks")]
['~5,000', '2', '?']
"""
from __future__ import annotations

from .component import FACTORY_NAME, SPANS_KEY, QuantityTagger, make_quantity_tagger
from .reader import iter_quantities, parse_quantities
from .tables import DATA_FILE, Tables, load_tables

__all__ = ["DATA_FILE", "FACTORY_NAME", "SPANS_KEY", "QuantityTagger", "Tables", "iter_quantities",
           "load_tables", "make_quantity_tagger", "parse_quantities"]
