"""Read every numeric mention in a text as a :class:`~reconcile.model.Quantity`.

One string-level core, :func:`parse_quantities`, does the reading with precompiled
regular expressions and a small scanner over number words; the spaCy component
``reconcile_quantities`` calls the same core on ``doc.text`` and stores the result in
``doc.spans["quantities"]`` with ``span._.quantity``.

The words, approximators, comparators, vague quantities and units live in
``reconcile/data/quantities.toml``; :func:`load_tables` merges a user's TOML or JSON
file over it. Every rule has an id, recorded in ``Quantity.rule``.

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

import dataclasses
import functools
import json
import math
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import DataFileError, QuantityError
from .model import Quantity

DATA_FILE = Path(__file__).with_name("data") / "quantities.toml"
SPANS_KEY = "quantities"
FACTORY_NAME = "reconcile_quantities"

_RULE_SECTIONS = ("approximators", "comparators", "vague", "units")
_SCALAR_SECTIONS = ("cardinals", "ordinals", "fractions", "scales", "abbreviations")
_LIST_SECTIONS = ("dates", "labels", "contexts")
_UNICODE_FRACTIONS = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4,
    "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625,
    "⅞": 0.875,
}
_MINUS = "-−–"
# Cap on how far back a prefix ("in excess of", "between") is looked for.
_LOOKBACK = 48


@dataclass(frozen=True, eq=False)
class Tables:
    """The merged rule tables (shipped file, then the user's), read-only.

    ``data`` maps section names to their entries; ``sources`` names the files merged,
    shipped file first. Instances hash by identity so compiled grammars can be cached.
    """

    data: Mapping[str, Any]
    sources: tuple[str, ...]


# --------------------------------------------------------------------------- tables


def _read_table_file(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DataFileError(f"cannot read rule table {path}: {e.strerror or e}") from e
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, tomllib.TOMLDecodeError) as e:
        raise DataFileError(f"rule table {path} is not valid {'JSON' if path.suffix.lower() == '.json' else 'TOML'}: {e}") from e
    if not isinstance(data, dict):
        raise DataFileError(f"rule table {path} must hold a table of sections at the top")
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any], origin: str) -> dict[str, Any]:
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in base.items()}
    for section, entries in extra.items():
        if section == "version":
            continue
        if section not in _RULE_SECTIONS + _SCALAR_SECTIONS + _LIST_SECTIONS:
            raise DataFileError(f"{origin}: unknown section [{section}]; known: "
                                + ", ".join(_RULE_SECTIONS + _SCALAR_SECTIONS + _LIST_SECTIONS))
        if not isinstance(entries, dict):
            raise DataFileError(f"{origin}: [{section}] must be a table")
        merged = dict(out.get(section, {}))
        merged.update(entries)
        out[section] = merged
    return out


def _validate(data: dict[str, Any], origin: str) -> None:
    for section in _SCALAR_SECTIONS:
        for key, value in data.get(section, {}).items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise DataFileError(f"{origin}: [{section}] {key} must be a finite number, got {value!r}")
    for section in _RULE_SECTIONS:
        for rid, rule in data.get(section, {}).items():
            where = f"{origin}: [{section}.{rid}]"
            if not isinstance(rule, dict):
                raise DataFileError(f"{where} must be a table")
            phrases = rule.get("phrases")
            if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
                raise DataFileError(f"{where} needs phrases = [\"...\"] (non-empty strings)")
            if section == "vague":
                lo, hi = rule.get("low"), rule.get("high")
                if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (lo, hi)) or lo > hi:
                    raise DataFileError(f"{where} needs numbers low <= high")
            if section == "units" and rule.get("kind") not in ("percent", "money", "measure"):
                raise DataFileError(f"{where} kind must be percent, money or measure")
            if section == "units" and not isinstance(rule.get("unit"), str):
                raise DataFileError(f"{where} needs unit = \"...\"")
            if section == "comparators" and rule.get("side") not in ("low", "high", "point"):
                raise DataFileError(f"{where} side must be low, high or point")
            if section == "approximators" and rule.get("bound", "point") not in ("point", "below", "above"):
                raise DataFileError(f"{where} bound must be point, below or above")
    for section in _LIST_SECTIONS:
        for key, words in data.get(section, {}).items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise DataFileError(f"{origin}: [{section}] {key} must be a list of strings")


def _freeze(obj: Any) -> Any:
    if isinstance(obj, dict):
        return MappingProxyType({k: _freeze(v) for k, v in obj.items()})
    if isinstance(obj, list):
        return tuple(_freeze(v) for v in obj)
    return obj


@functools.lru_cache(maxsize=16)
def _load_tables_cached(path: str | None) -> Tables:
    shipped = _read_table_file(DATA_FILE)
    data = _merge({}, shipped, str(DATA_FILE))
    sources = [str(DATA_FILE)]
    if path is not None:
        user = _read_table_file(Path(path))
        data = _merge(data, user, path)
        sources.append(path)
    _validate(data, " + ".join(sources))
    return Tables(data=_freeze(data), sources=tuple(sources))


def load_tables(path: str | Path | None = None) -> Tables:
    """The shipped rule tables, with a user's TOML or JSON file merged over them.

    Parameters
    ----------
    path
        A file with the layout of ``reconcile/data/quantities.toml`` (default ``None``:
        the shipped tables alone). Scalar sections merge key by key; rule sections
        (``[units.<id>]`` ...) merge by id, so a shipped id is replaced and a new id
        added. Results are cached per path.

    Raises
    ------
    DataFileError
        The file cannot be read or does not have the expected layout.
    """
    return _load_tables_cached(None if path is None else str(Path(path)))


# --------------------------------------------------------------------------- grammar


def _phrase_re(phrase: str, lead: bool = True) -> str:
    parts = [re.escape(p) for p in phrase.split()]
    body = r"\s+".join(parts)
    if lead and phrase[0].isalnum():
        body = r"\b" + body
    if phrase[-1].isalnum():
        body = body + r"\b"
    return body


def _alt(phrases: list[str] | tuple[str, ...], lead: bool = True) -> str:
    uniq = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(_phrase_re(p, lead) for p in uniq) or "(?!)"


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


@dataclass(frozen=True, slots=True)
class _Unit:
    id: str
    unit: str
    kind: str
    scale: float
    magnitude_only: bool


@dataclass(frozen=True, slots=True)
class _Cmp:
    id: str
    side: str
    inclusive: bool


@dataclass(frozen=True, slots=True)
class _Approx:
    id: str
    tolerance: float
    bound: str


class _LazyRegexes(Mapping[str, "re.Pattern[str]"]):
    """Regexes by key, each compiled the first time it is read and kept from then on.

    >>> rx = _LazyRegexes({"km": r"\\s*km"})
    >>> rx.get("km").match(" km").group(), rx.get("mi")
    (' km', None)
    """

    __slots__ = ("_patterns", "_compiled")

    def __init__(self, patterns: Mapping[str, str | re.Pattern[str]]) -> None:
        self._patterns = dict(patterns)
        self._compiled: dict[str, re.Pattern[str]] = {}

    def get(self, key: str, default: Any = None) -> Any:
        rx = self._compiled.get(key)
        if rx is not None:
            return rx
        pattern = self._patterns.get(key)
        if pattern is None:
            return default
        rx = self._compiled[key] = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        return rx

    def __getitem__(self, key: str) -> re.Pattern[str]:
        rx = self.get(key)
        if rx is None:
            raise KeyError(key)
        return rx

    def __iter__(self) -> Iterator[str]:
        return iter(self._patterns)

    def __len__(self) -> int:
        return len(self._patterns)


class _Grammar:
    """Everything compiled from one :class:`Tables`: regexes and lookup dicts."""

    def __init__(self, tables: Tables) -> None:
        d = tables.data
        self.cardinals = {k.lower(): float(v) for k, v in d.get("cardinals", {}).items()}
        self.ordinals = {k.lower(): float(v) for k, v in d.get("ordinals", {}).items()}
        self.fractions = {k.lower(): float(v) for k, v in d.get("fractions", {}).items()}
        self.scales = {k.lower(): float(v) for k, v in d.get("scales", {}).items()}
        self.abbrev = {k: float(v) for k, v in d.get("abbreviations", {}).items()}
        self.ordinal_plurals = {}
        for w, v in self.ordinals.items():
            plural = w[:-1] + "ves" if w.endswith("f") else w + "s"
            self.ordinal_plurals[plural] = v
        # "firsts", "seconds" as plurals are fraction denominators only in compounds.
        self.approx_before: dict[str, _Approx] = {}
        self.approx_after: dict[str, _Approx] = {}
        for rid, r in d.get("approximators", {}).items():
            a = _Approx(f"approx.{rid}", float(r.get("tolerance", 0.1)), r.get("bound", "point"))
            target = self.approx_after if r.get("position", "before") == "after" else self.approx_before
            for p in r["phrases"]:
                target[_norm(p)] = a
        self.cmp_before: dict[str, _Cmp] = {}
        self.cmp_after: dict[str, _Cmp] = {}
        for rid, r in d.get("comparators", {}).items():
            c = _Cmp(f"cmp.{rid}", r["side"], bool(r.get("inclusive", True)))
            target = self.cmp_after if r.get("position", "before") == "after" else self.cmp_before
            for p in r["phrases"]:
                target[_norm(p)] = c
        self.vague: dict[str, tuple[str, float, float]] = {}
        for rid, r in d.get("vague", {}).items():
            for p in r["phrases"]:
                self.vague[_norm(p)] = (f"vague.{rid}", float(r["low"]), float(r["high"]))
        self.units_after: dict[str, _Unit] = {}
        self.units_before: dict[str, _Unit] = {}
        glued_only: list[str] = []
        cs_after: list[str] = []
        cs_before: list[str] = []
        for rid, r in d.get("units", {}).items():
            u = _Unit(f"unit.{rid}", r["unit"], r["kind"], float(r.get("scale", 1.0)),
                      r.get("number_before") == "magnitude")
            before = r.get("position", "after") == "before"
            target = self.units_before if before else self.units_after
            for p in r["phrases"]:
                cs = bool(r.get("case_sensitive")) or (len(p) == 1 and p.isalpha())
                key = p if cs else _norm(p)
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
        months = list(d.get("dates", {}).get("months", ()))
        labels = list(d.get("labels", {}).get("words", ()))
        ctx = d.get("contexts", {})
        self.score_words = frozenset(w.lower() for w in ctx.get("score_words", ()))
        self.change_words = frozenset(w.lower() for w in ctx.get("change_words", ()))
        self.score_after = frozenset(w.lower() for w in ctx.get("score_after", ()))
        self.change_up = frozenset(w.lower() for w in ctx.get("change_up", ()))
        self.change_down = frozenset(w.lower() for w in ctx.get("change_down", ()))
        self.change_skip = frozenset(w.lower() for w in ctx.get("change_skip", ()))
        self.change_adverb_after = frozenset(w.lower() for w in ctx.get("change_adverb_after", ()))
        self.angle_words = frozenset(w.lower() for w in ctx.get("angle_words", ()))
        self.change_adverb_words = frozenset({"up", "down", "higher", "lower"})
        self.change_first = self.change_up | self.change_down | self.change_skip
        # the last two letters of each (and of an adverb, "-ly"): most words before a
        # figure end otherwise, and no more is looked at
        self.change_tails = frozenset(w[-2:] for w in self.change_first) | {"ly"}
        self.not_temperature_words = frozenset(w.lower() for w in ctx.get("not_temperature_words", ()))
        self.temperature_words = frozenset(w.lower() for w in ctx.get("temperature_words", ()))
        # a bare "N degrees" that is no angle is a temperature whose scale is not stated:
        # its own unit, compared only with others like it (104 degrees in Dallas is
        # Fahrenheit, 40 degrees in Delhi Celsius; a guess would make false conflicts)
        self.degree_unstated = _Unit("unit.degree_temperature", "temperature_degree", "measure", 1.0, False)
        zones = _alt(list(ctx.get("time_zones", ())))
        # "15.05 BST", "10.30pm", "1630 GMT": a clock, written with a dot or four digits,
        # only with a zone or am/pm after it ("15.05" alone is a number)
        self.clock_zone = re.compile(
            r"(?:\d{1,2}\.[0-5]\d(?!\d)|(?:[01]\d|2[0-3])[0-5]\d(?![\d.,]))"
            r"(?:\s*(?i:[ap]\.m\.|[ap]m\b)|\s*(?:" + zones + r"))"
            r"|\d{1,2}(?::[0-5]\d)?\s+(?i:noon|midnight)\b")

        number_words = (list(self.cardinals) + list(self.ordinals) + list(self.ordinal_plurals)
                        + list(self.fractions) + list(self.scales)
                        + [w + "s" for w in self.scales if not w.endswith("s")])
        vague_alt = _alt(list(self.vague))
        # Anchors: where a mention can start. Cheap to scan for; the reader decides.
        # Two scans over the text, each a pattern the regex engine can skip through
        # quickly: single digit/fraction characters, and whole number words (matched
        # in the lowercased text). A vague word that needs "a"/"an" before it ("a few",
        # "a number of") anchors only with that article.
        heads = set(number_words) | {p.split()[0] for p in self.vague if p.split()[0] not in ("a", "an")}
        after_a = {p.split()[1] for p in self.vague if p.split()[0] in ("a", "an") and " " in p}
        self.a_only = frozenset(after_a - heads)
        self.a_words = frozenset(set(number_words) | after_a)
        self.digit_scan = re.compile(r"[\d" + "".join(_UNICODE_FRACTIONS) + r"]")
        # an ASCII text has no other digits, and the engine tests a plain range in half the time
        self.digit_scan_ascii = re.compile(r"[0-9]")
        words = _trie(sorted(heads | after_a | {"minus", "negative"}))
        # A word at the very start, and the next one after a character that is no ASCII
        # letter, digit or underscore: a pattern that starts with a plain character
        # class lets the engine skip the letters of other words without trying the
        # words there (a class of categories, such as \W, costs twice as much to test).
        # The scanner passes over a word whose character before is a letter of another
        # script, so the two are the same as a search for r"\b(?:words)\b", as every
        # word starts with a letter.
        self.word_first = re.compile(r"(?:" + words + r")\b")
        self.word_next = re.compile(r"[^a-z0-9_](" + words + r")\b")
        self.word_first_ci = re.compile(self.word_first.pattern, re.I)
        self.word_next_ci = re.compile(self.word_next.pattern, re.I)
        self.pronoun_one = frozenset(w.lower() for w in ctx.get("one_is_a_pronoun_after", ()))
        self.vague_re = re.compile(r"(?i:" + vague_alt + r")")
        self.vague_first = frozenset(p.split()[0] for p in self.vague)
        # The words a run of number words and digits is made of.
        self.run_words = frozenset(number_words) | {"a", "an", "and", "point", "of", "minus", "negative"}
        # their first two letters (or only one): a word that starts otherwise is none
        self.run_heads = frozenset(w[:2] for w in self.run_words)
        # each word's token class, worked out once (see _word_class)
        self.word_classes = {w: c for w in self.run_words if (c := _word_class(self, w)) is not None}
        self.scale_after = re.compile(r"\s*-?\s*(?i:(" + _alt([w for w in self.scales if self.scales[w] >= 100]
                                     + [w + "s" for w in self.scales if self.scales[w] >= 100 and not w.endswith("s")])
                                     + r"))")
        abbrev_cs = [a for a in self.abbrev if len(a) == 1 or a.isupper()]
        abbrev_ci = [a for a in self.abbrev if a not in abbrev_cs]
        self.abbrev_first = frozenset(a[0] for a in self.abbrev) | frozenset(a[0].upper() for a in self.abbrev)
        self.abbrev_re = re.compile(r"( {0,2})(" + "|".join(re.escape(a) for a in sorted(abbrev_cs, key=len, reverse=True))
                                    + (r"|(?i:" + "|".join(re.escape(a) for a in sorted(abbrev_ci, key=len, reverse=True)) + ")" if abbrev_ci else "")
                                    + r")(?![\w$€£])")
        ua_ci = [p for p in self.units_after if p not in cs_after]
        ub_ci = [p for p in self.units_before if p not in cs_before]
        codes = "|".join(sorted(self.money_codes))
        # The first letters (or first symbol) of every unit written after a number: a
        # cheap test before the unit regex, which most numbers ("5,000 fighters") fail.
        unit_head = r"(\s*-\s*|\s*[(\[{<]\s*|\s*)"
        unit_tail = r"(?P<close>\s*[)\]}>])?"
        self.unit_after = re.compile(
            unit_head + r"(?:(?P<m>M)(?P<code>" + codes + r")\b|(?P<u>"
            + _alt(cs_after, lead=False) + "|(?i:" + _alt(ua_ci, lead=False) + r")))" + unit_tail)
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
            key: unit_head + r"(?:(?P<m>(?!))(?P<code>(?!))|(?P<u>" + _alt(cs, lead=False)
            + "|(?i:" + _alt(ci, lead=False) + r")))" + unit_tail
            for key, (cs, ci) in keyed.items()}
        for c in self.money_codes:
            patterns["m" + c.lower()] = self.unit_after
        self.unit_after_at = _LazyRegexes(patterns)
        # the first three letters of every key, and the keys of one or two: "people"
        # after a number starts none ("peo", "pe", "p"), and no regex is tried
        self.unit_heads = frozenset(k[:3] for k in self.unit_after_at)
        self.unit_before = re.compile(
            r"(?:(?P<m>\bM)(?P<code>" + codes + r")|(?P<u>(?<![\w$])(?:" + _alt(cs_before)
            + "|(?i:" + _alt(ub_ci) + r"))))\s*$")
        self.prefix_phrases = frozenset(_norm(p) for p in list(self.approx_before) + list(self.cmp_before)
                                        + ["between", "from", "of"])
        self.prefix_maxk = max(len(p.split()) for p in self.prefix_phrases)
        by_last: dict[str, dict[int, set[str]]] = {}
        for p in self.prefix_phrases:
            words = p.split(" ")
            by_last.setdefault(words[-1], {}).setdefault(len(words), set()).add(p)
        self.prefix_by_last = {w: tuple((k, frozenset(ps)) for k, ps in sorted(by_k.items(), reverse=True))
                               for w, by_k in by_last.items()}
        self.prefix_last = frozenset(_norm(p).split()[-1] for p in
                                     list(self.approx_before) + list(self.cmp_before) + ["between", "from", "of"])
        self.before_last = frozenset([_norm(p).split()[-1] for p in self.units_before]
                                     + ["m" + c.lower() for c in self.money_codes])
        self.before_last_char = frozenset(w[-1] for w in self.before_last if w)
        # a last word that only ends phrases ("of": "per cent of"): the words that can
        # start them, one of which must be in the text before the number
        starts_by_last: dict[str, set[str]] = {}
        for p in self.units_before:
            words = _norm(p).split()
            starts_by_last.setdefault(words[-1], set()).add(words[0] if len(words) > 1 else "")
        self.before_starts = {w: tuple(sorted(ws)) for w, ws in starts_by_last.items() if "" not in ws}
        self.before_last_tails = frozenset(w[-2:] for w in self.before_last if len(w) >= 2)
        self.postfix_first = frozenset(p[0].lower() for p in list(self.cmp_after) + list(self.approx_after)) | {"-"}
        self.postfix_first2 = frozenset(p.lstrip("-")[:2].lower() for p in list(self.cmp_after) + list(self.approx_after))
        self.postfix = re.compile(
            r"(?:\s*|\s*-\s*)(?i:(?P<p>" + _alt(list(self.cmp_after) + list(self.approx_after)) + r"))(?![\w+])")
        self.connector = re.compile(r"\s*(?:(?P<dash>[-–—~])|(?i:\b(?P<w>to|through|thru|and|or|till|until)\b))\s*")
        self.bound_joiner = re.compile(r"\s*(?:,\s*|\s+(?:and|but|,)\s+|\s*,\s*and\s+)$")
        month_alt = _alt(months)
        day = r"\d{1,2}(?:st|nd|rd|th)?"
        self.at_digit = re.compile(
            r"(?P<phone>\d{3}-\d{3}-\d{4}\b)"
            r"|(?P<time>\d{1,2}(?::[0-5]\d){1,2}(?:\s*(?i:[ap]\.?m\b\.?))?|\d{1,2}\s*(?i:[ap]\.m\.|[ap]m\b)|\d{1,2}\s+o'clock\b)"
            r"|(?P<date>\d{4}-\d{2}-\d{2}\b|\d{1,2}/\d{1,2}/\d{2,4}\b|\d{4}-(?:0[1-9]|1[0-2])\b(?!-)"
            r"|" + day + r"\s+(?:of\s+)?(?:" + month_alt + r")\.?(?:,?\s+\d{4}\b)?)"
            r"|(?P<model>(?:9/11|24/7|7/7)\b)")
        # After a day's one or two digits and a space, the pattern above goes on only
        # with a clock's "am"/"pm", "o'clock", "of" or a month; after a letter, only with
        # "am"/"pm" or "st"/"nd"/"rd"/"th". "5 people" is not tried.
        self.day_next = frozenset({a + b for a in "aApP" for b in ".mM"} | {"o'", "of"}
                                  | {m[:2] for m in months})
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
        self.digit_ordinal = re.compile(r"\d+(?:st|nd|rd|th)\b", re.I)
        self.word_before = re.compile(r"(\w+)\W*$")


# Characters a text can carry inside a number without showing them: a soft hyphen, zero-
# width spaces and joiners, a byte-order mark ("4\u200b5" is 45). A NUL byte is none:
# it ends a number.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_DROP = str.maketrans("", "", _INVISIBLE + "'’")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_DIGITS = str.maketrans(_SUPERSCRIPTS + "⁻⁺", "0123456789-+")
_FRACTION_CHARS = "".join(_UNICODE_FRACTIONS)
_DIGITS = (r"(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?![\d,]))+(?:\.\d+)?(?![\d,.]\d)"
           r"|\d{1,3}(?:['’]\d{3})+(?![\d'’])(?:\.\d+)?"  # Swiss thousands: "1'000"
           r"|\d+[" + _FRACTION_CHARS + r"]"  # "2½"
           r"|\d+(?:[" + _INVISIBLE + r"]+\d+)*(?:[.,]\d+(?:[" + _INVISIBLE + r"]+\d+)*)*|\.\d+)"
           r"(?:[eE][+-]?\d+\b|\^[-+]*\d+|\s*[x×]\s*10(?:\^[-+]?\d+|[⁻⁺]?[" + _SUPERSCRIPTS + r"]+)"
           r"|(?<=(?<![\d.,])10)[⁻⁺]?[" + _SUPERSCRIPTS + r"]+)?")
# One step of a run of number words and digits: a separator (spaces, or one hyphen
# with spaces around it), then letters or a digit string.
_RUN_STEP = re.compile(r"(\s*-\s*|\s+)?(?:([^\W\d_]+)|(" + _DIGITS + r"))")


class _Written:
    """The prefix as written, in the shape of a match (``group("p")``, ``start()``)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text.rstrip()

    def group(self, _name: str) -> str:
        return self.text

    def start(self) -> int:
        return 0


_OPENERS = "([{\"'“‘"


def _phrase_before(window: str, by_last: dict[str, tuple[tuple[int, frozenset[str]], ...]],
                   maxk: int) -> tuple[str, int] | None:
    """The longest phrase that ends ``window``, and where it starts there.

    ``by_last`` maps the last word of the phrases to their lengths in words (longest
    first), each with the phrases of that length.
    """
    cut = max(0, len(window) - 60)
    toks = window[cut:].split()
    if cut and toks and not window[cut - 1].isspace():
        toks = toks[1:]  # a word cut in two by the window is not a word
    if not toks:
        return None
    entries = by_last.get(toks[-1].lower().lstrip(_OPENERS))
    if entries is None:
        return None
    n = len(toks)
    for k, phrases in entries:
        if k > n:
            continue
        phrase = (toks[-1] if k == 1 else " ".join(toks[n - k:])).lower().lstrip(_OPENERS)
        if phrase in phrases:
            # where the k-th last token starts, found from the end of the window
            at = len(window)
            for tok in reversed(toks[-k:]):
                at = window.rfind(tok, 0, at)
            return phrase, at + len(toks[-k]) - len(toks[-k].lstrip(_OPENERS))
    return None


# After "300 or more" etc.: words that show the postfix belongs to what follows.
_POSTFIX_STOP = re.compile(r"\s*(?:than|or|to|equal)\b|\s*[-−]?\d", re.I)


# Where a unit after a number can begin (past spaces, one hyphen or one bracket) and
# its key: the letters there, or the one symbol.
# Keys are short words; a longer run of letters is no key, and is not read to its end
# (a run of thousands of letters or "½" after a number would be read at every one).
_UNIT_KEY_AT = re.compile(r"\s*(?:[-(\[{<]\s*)?([^\W\d_]{1,64}+(?![^\W\d_])|[^\s\w])")
_URL_LOOKBACK = 200  # how far back from a digit a URL or e-mail address is looked for
_TO_LAST_SPACE = re.compile(r".*\s", re.DOTALL)
_NON_SPACE_RUN = re.compile(r"\S*")
# an "@" inside an e-mail address: r"[\w.+-]+@[\w-]+\.\w" matches around it
_MAIL_AT = re.compile(r"(?<=[\w.+-])(@)(?=[\w-]+\.\w)")


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


def _counted_noun_after(text: str, i: int) -> bool:
    """Whether a plural noun follows i ("1.4m demonstrators"): then "m" is million."""
    m = _NEXT_WORD.match(text, i)
    if not m:
        return False
    w = m.group(1).lower()
    return w in _IRREGULAR_PLURALS or (len(w) > 3 and w.endswith("s") and not w.endswith("ss"))


_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Za-z]+)\b")
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women"})


def _is_power_of_ten(x: float) -> bool:
    return x >= 10 and math.log10(x).is_integer()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _is_letter(ch: str) -> bool:
    """Whether ch is one character of [^\\W\\d_]: alphanumeric but no digit (a letter, "²")."""
    return ch.isalnum() and not ch.isdecimal()
_ORD_FIRST = frozenset("sSnNrRtT")
_ONE_IDIOM = re.compile(r"\s+(?:of\s+(?:the|his|her|its|their|our|my|your|those|these)\b"
                        r"|another\b|by\s+one\b|or\s+(?:another|other)\b)", re.IGNORECASE)
_CLAIM_KINDS = frozenset({"count", "percent", "money", "measure"})
# "to", "to a record", "to an all-time high of" ending the text before a level
_LEVEL_TO = re.compile(r"\bto\s+(?:an?\s+(?:(?:new|fresh|record|all-time|[a-z]+-(?:year|month|week|day))[\s-]+)*"
                       r"(?:(?:high|low|peak|total)\s+)?(?:of\s+)?)?$")
# what may stand between a change and " to": nothing, a noun ("45 points"), a time ("in 2021")
_LEVEL_GAP = re.compile(r"\s+(?:[^\W\d_]+\s+){0,2}(?:(?:in|on|since|during|over|from|by|for|last|this)\s+[\w ]{1,16}?\s+)?")
_PLUS_MINUS = re.compile(r",?\s*(?:plus\s+or\s+minus|±|\+/-|\+-|give\s+or\s+take)\s*"
                         r"|(?P<half>,?\s*(?:plus\s+or|\+/?)\s*)", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|during|until|till|by|before|after|of|early|late|mid)\s+$")
_SCORE_BEFORE = re.compile(r"(?<![\d.,])\d{1,2}-\d{1,2}, $")
_TEMPERATURE_LETTERS = frozenset({"unit.degc_letter", "unit.degf_letter"})
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)?")
# a capitalised name and a comma just before an age: "John Smith, 45, of Leeds"
_APPOSITION = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z'’-]+, $")
_CURRENCY_SIGN_END = re.compile(r"[$€£¥₹₩₽฿]\s*$")
_MONEY_TOKEN_END = re.compile(r"(?<![\w$])(\$?[^\W\d_]{1,5}\.?\$?)\s*$")
_RANGE_ON = re.compile(r"\s+to\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)
_DIGIT_GROUPS = re.compile(r"\d+(?:[.,]\d+)*")  # "68", "5,000", "2.5": what _DIGITS reads before a word
_LONE_END = frozenset("\n\r\t%);:!?\"'\u201d\u2019]}")  # after a digit string: it stands alone
# the letters at a place, up to 64: enough for any word of the tables, and a run of
# thousands ("½½½...", each one a number) is not read to its end from each
_LETTERS_AT = re.compile(r"[^\W\d_]{1,64}+")
_TAIL_WORD = re.compile(r"(?:[^\W\d_]|\.)+$")


def _last_token(window: str) -> str:
    """The last whitespace-separated token of window, lowercased, opening brackets stripped."""
    parts = window.rsplit(None, 1)
    if not parts:
        return ""
    tok = parts[-1].lower().lstrip("([{\"'“‘")
    if tok[-1:] in "<>=$€£¥₹~" and len(tok) > 1 and not tok[:-1].isalpha():
        # "<=" and "US$" are tokens; "x>" is not
        return tok if tok in ("<=", ">=", "< =", "> =") else tok[-1]
    return tok


def _word_class(g: _Grammar, w: str) -> tuple[str, float, bool, str] | None:
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


def _cased(words: set[str]) -> list[str]:
    out = set()
    for w in words:
        out.update((w, w[:1].upper() + w[1:], w.upper()))
    return sorted(out)


def _trie(words: list[str]) -> str:
    """A regex alternation of words, factored by prefix so the engine tries few branches."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(root)


@functools.lru_cache(maxsize=8)
def _grammar(tables: Tables) -> _Grammar:
    return _Grammar(tables)


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class _M:
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
        return _new_quantity(text[self.start:self.end], self.start, self.end, self.low, self.high,
                             self.low_inc if self.low is not None else False,
                             self.high_inc if self.high is not None else False,
                             self.approx, self.kind, self.unit, self.qualifier, self.tolerance, self.rule,
                             self.change)


def _number(start: int, end: int, value: float, magnitude: float, plain_int: bool, words: bool) -> _M:
    """A count read from digits or number words, before anything around it is read."""
    # positional (one per mention; keywords cost as much again): low_inc, high_inc,
    # approx, kind, unit, qualifier, tolerance, rule, magnitude, has_prefix, plain_int, words
    return _M(start, end, value, value, True, True, False, "count", None, None, 0.0,
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


_new_quantity = _slot_constructor(Quantity)


@dataclass(slots=True)
class _Tok:
    cls: str
    value: float
    start: int
    end: int
    word: str
    sep: str
    plural: bool = False


_SIMPLE_WORD = frozenset({"U", "T", "X"})  # a number word that is a whole number alone


_EXPONENT = re.compile(r"(?:[eE]([+-]?\d+)|\^([-+]*)(\d+)|\s*[x×]\s*10\^([-+]?\d+))$")
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_INDIAN_GROUPS = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}")
_COMMA_DECIMAL = re.compile(r"\d+,\d{1,2}")


def _digits_value(raw: str) -> list[tuple[float, int, int]] | None:
    """Value of a digit string; several when it is a list ("22,24") or an address."""
    if raw.isdecimal():  # the common case, "2019", "15"
        v = float(raw)
        return [(v, 0, len(raw))] if math.isfinite(v) else None
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if not s.isascii():
        s = s.replace("\u2009", " ").translate(_INVISIBLE_DROP)
    elif "'" in s:
        s = s.replace("'", "")
    if s[-1] in _UNICODE_FRACTIONS:  # "2½"
        return [(float(s[:-1]) + _UNICODE_FRACTIONS[s[-1]], 0, len(raw))] if s[:-1].isdecimal() else None
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


def _split_digits(raw: str) -> list[tuple[float, int, int]]:
    """Pieces of a digit string that is not one number ("22,24,26", "192.168.1.2")."""
    out = []
    for m in re.finditer(r"\d+", raw):
        out.append((float(m.group()), m.start(), m.end()))
    return out


class _Reader:
    """Reads one text: the scanner loop and the pieces it calls."""

    def __init__(self, g: _Grammar, text: str) -> None:
        self.g = g
        self.text = text
        self.low = text.lower()
        self.floor = 0
        self.digits = (-1, -1)  # the last run of digits _special_at found: start, end
        self.marks = (0, 0, -1, -1)  # what _word_marks found: from, run end, "://", "@"

    # ---- tokens of a run of number words / digits
    def tokens(self, pos: int, limit: int = 40) -> list[_Tok]:
        g, text = self.g, self.text
        toks: list[_Tok] = []
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
                t = _Tok(c[0], c[1], m.start(2), e, c[3], sep, c[2])
                pos = e
            else:
                if toks and toks[-1].cls == "D":
                    break
                i, pos = m.start(3), m.end(3)
                raw = m.group(3)
                vals = _digits_value(raw)
                if vals is None or len(vals) != 1:
                    if not toks:
                        toks.append(_Tok("DX", 0.0, i, pos, raw, sep))
                    break
                t = _Tok("D", vals[0][0], i, pos, raw, sep)
            toks.append(t)
        return toks

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
        vals = _digits_value(raw)
        if vals is None or len(vals) != 1:
            return None
        return vals[0][0], e, raw

    def _lone_word(self, s: int) -> list[_Tok] | None:
        """What :meth:`tokens` gives at s for a number word standing alone ("five
        strikes", "the second time"), found without it; ``None`` where the full reading
        is needed (a run of number words, a hyphen, a digit after the word)."""
        text = self.text
        wm = _LETTERS_AT.match(text, s)
        if wm is None:
            return None
        c = self.g.word_classes.get(wm.group().lower())
        if c is None:
            return None
        e = wm.end()
        if not self._run_ends(e):
            return None
        return [_Tok(c[0], c[1], s, e, c[3], "", c[2])]

    def _run_ends(self, e: int) -> bool:
        """Whether a run of number words and digits surely ends at e: the text ends,
        punctuation follows, or a space and a word that is no number word."""
        text = self.text
        c = text[e] if e < len(text) else ""
        if c == " ":
            head = text[e + 1:e + 3].lower()
            if head not in self.g.run_heads and head[:1] not in self.g.run_heads:
                return _is_letter(text[e + 1:e + 2])  # "68 people"
            follow = _LETTERS_AT.match(text, e + 1)
            return follow is not None and follow.group().lower() not in self.g.run_words
        return not c or c in _LONE_END or c in ",." and not text[e + 1:e + 2].isdigit()

    # ---- cardinal grammar over tokens
    @staticmethod
    def cardinal(toks: list[_Tok], i: int, as_ordinal: int = -1) -> tuple[float, int, dict[str, Any]]:
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

    def number(self, toks: list[_Tok]) -> tuple[float, int, str, bool, float, bool] | None:
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
            if cls in _SIMPLE_WORD:
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

    def _times_scale(self, toks: list[_Tok], k: int, frac: float) -> tuple[float, int]:
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

    def _fraction_tail(self, toks: list[_Tok], i: int, j: int, value: float,
                       facts: dict[str, Any]) -> tuple[float, int, str] | None:
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

    def _mixed(self, toks: list[_Tok], whole: float, frac: float, facts: dict[str, Any], k: int) -> float:
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
    def _mixed_end(toks: list[_Tok], k: int) -> int:
        if k < len(toks) and toks[k].cls in ("S", "H") and not toks[k].plural:
            return k + 1
        return k

    # ---- the scanner
    def scan(self) -> list[_M]:
        g, text = self.g, self.text
        out: list[_M] = []
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
                while m is not None and _is_word_char(wtext[m.start()]):  # "é" is part of a word
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
                    if t - 1 >= pos and text[t - 1] in "aA" and not (t - 2 >= 0 and _is_word_char(text[t - 2])):
                        art = t - 1
                    elif t - 2 >= pos and text[t - 2:t] in ("an", "An", "AN") and not (
                            t - 3 >= 0 and _is_word_char(text[t - 3])):
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

    def _special_at(self, s: int) -> _M | None:
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
                return _M(ws, we, None, None, kind="skip", rule="skip.url")
        prev = text[s - 1] if s > 0 else ""
        if prev in "+(":
            pm = g.phone_at.match(text, s - 1)
            if pm:
                return _M(s - 1, pm.end(), None, None, kind="phone", rule="phone.shape")
        if prev == "-" and s > 1 and text[s - 2].isalpha():
            ls = s - 1
            while ls > 0 and text[ls - 1].isalpha() and s - ls < 8:
                ls -= 1
            if not (ls > 0 and text[ls - 1].isalnum()) and s - 1 - ls <= 6:
                tm = g.model_tail.match(text, s)
                if tm:
                    return _M(ls, tm.end(), None, None, kind="model", rule="model.shape")
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
            return _M(s, dm.end(), None, None, kind=kind, rule=f"{kind}.shape")
        n = e - s
        if (after == "." and n <= 2 and text[e + 1:e + 3].isdigit()) or after == " " and (
                n == 4 and (text[e + 1:e + 2].isupper() or text[e + 1:e + 2] in "apl")
                or n <= 2 and text[e + 1:e + 2] in "nmNM"):
            cm = g.clock_zone.match(text, s)
            if cm and not (s > 0 and (text[s - 1].isdigit() or text[s - 1] in ".,")):
                return _M(s, cm.end(), None, None, kind="time", rule="time.shape")
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
                    return _M(wstart, mm.end(), None, None, kind="date", rule="date.shape")
            if word in g.labels and word[:1].isupper():
                lm = g.label_num.match(text, s)
                if lm:
                    return _M(wstart, lm.end(), None, None, kind="model", rule="model.label")
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

    def _signed(self, s: int) -> _M | list[_M] | None:
        """A number written with a minus sign: "-5", "<-30", "- 10 k" at the start."""
        text = self.text
        j = s + 1
        while j < len(text) and text[j] == " ":
            j += 1
        if j >= len(text) or not (text[j].isdigit() or text[j] == "."):
            return None
        inner = self.read_at(j)
        if not isinstance(inner, _M) or inner.low is None or inner.kind in ("year", "ordinal") or inner.start != j:
            return inner
        inner.low, inner.high = -inner.high if inner.high is not None else None, -inner.low
        inner.start = s
        return inner

    def read_at(self, s: int) -> _M | list[_M] | None:
        g, text = self.g, self.text
        ch = text[s]
        # vague quantities come first: "a few hundred", "dozens of", "tens of thousands"
        if not ch.isdigit():
            wm = _LETTERS_AT.match(text, s)
            vm = g.vague_re.match(text, s) if wm and wm.group().lower() in g.vague_first else None
            if vm:
                return self._vague(s, vm)
        if ch in _UNICODE_FRACTIONS:
            mm = _M(s, s + 1, _UNICODE_FRACTIONS[ch], _UNICODE_FRACTIONS[ch], rule="number.fraction")
            sm = g.scale_after.match(text, s + 1)
            if sm and sm.group(1).lower() in g.scales:  # "½ million"; "½ millions" is no number
                mm.scale(g.scales[sm.group(1).lower()])
                mm.end = sm.end()
            return self._extend(mm)
        if ch.isdigit():
            if self.digits[0] == s:
                e = self.digits[1]  # found by _special_at
            else:
                e = s + 1
                while e < len(text) and text[e].isdigit():
                    e += 1
            dm = g.digit_ordinal.match(text, s) if text[e:e + 1] in _ORD_FIRST else None
            if dm and not text[dm.end():dm.end() + 1].isalnum():
                return _M(s, dm.end(), float(re.match(r"\d+", dm.group()).group()),
                          float(re.match(r"\d+", dm.group()).group()), kind="ordinal", rule="ordinal.digits")
            fr = _FRACTION_DIGITS.match(text, s) if "/" in text[s:s + 16] else None
            if fr and not (s > 0 and text[s - 1] in "/"):
                a, b = int(fr.group("n")), int(fr.group("d"))
                whole = float(fr.group("w")) if fr.group("w") else 0.0
                if b != 0 and (a < b or fr.group("w")) and not text[fr.end():fr.end() + 1] == "/":
                    v = whole + a / b
                    mm = _M(s, fr.end(), v, v, rule="number.fraction")
                    return self._extend(mm)
            lone = self._lone_digits(s, e)
            if lone is not None:  # what number() makes of one digit token, and no more to check
                value, e, raw = lone
                return self._extend(_number(s, e, value, 1.0, value.is_integer() and "," not in raw
                                            and "." not in raw, False))
            toks = None
        else:
            toks = self._lone_word(s)
            if toks is not None and toks[0].cls in _SIMPLE_WORD and toks[0].word != "one":
                t = toks[0]  # "five", "twenty": as with one digit token
                return self._extend(_number(s, t.end, t.value, 1.0, False, True))
        if toks is None:
            toks = self.tokens(s)
        if not toks:
            return None
        if toks[0].cls == "DX":
            raw = toks[0].word
            pieces = _split_digits(raw)
            out = [_M(toks[0].start + a, toks[0].start + b, v, v, rule="number.digits") for v, a, b in pieces]
            return out or None
        if toks[0].cls == "A" and len(toks) == 1:
            return None
        r = self.number(toks)
        if r is None:
            return None
        value, k, form, words, magnitude, plain = r
        last = toks[k - 1]
        mm = _number(toks[0].start, last.end, value, magnitude, plain and float(value).is_integer()
                     and "," not in toks[0].word and "." not in toks[0].word, words)
        if form == "ordinal":
            mm.kind, mm.rule = "ordinal", "ordinal.words"
            if re.match(r"\s+to\s+(?:the\s+)?last\b", text[mm.end:mm.end + 16], re.I):
                return None
            return mm
        if k == 1 and toks[0].word == "one" and _ONE_IDIOM.match(text, mm.end):
            return None  # "one of the best", "one another", "one by one": no count
        if k == 1 and toks[0].word == "one" and not _RANGE_ON.match(text, mm.end):
            # "that one", "the same one": a pronoun; "that one to three will be" is a range
            wb = g.word_before.search(text, max(0, s - 20), s)
            if wb and wb.group(1).lower() in g.pronoun_one:
                return None
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

    def _vague(self, s: int, vm: re.Match[str]) -> _M:
        g, text = self.g, self.text
        phrase = _norm(vm.group())
        rid, lo, hi = g.vague[phrase]
        end = vm.end()
        sm = g.scale_after.match(text, end)
        if sm is None and phrase.endswith(" of") and phrase[:-3] in g.vague:
            # "hundreds of people": the mention is "hundreds"
            end = vm.start() + len(vm.group().rstrip()[:-2].rstrip())
        mag = 1.0
        if sm:
            w = sm.group(1).lower()
            base = w if w in g.scales else w[:-1]
            mag = g.scales.get(base, 1.0)
            end = sm.end()
        mm = _M(s, end, lo * mag, hi * mag, approx=True, rule=rid, magnitude=mag,
                qualifier=_norm(vm.group()))
        mm.words = True
        return self._extend(mm)

    # ---- around a number: magnitude, unit, prefix, postfix
    def _extend(self, mm: _M) -> _M | list[_M] | None:
        g, text = self.g, self.text
        e = mm.end
        # glued or spaced magnitude abbreviation: "2bn", "10k", "$1.45m", "10 bln"
        if not mm.words and mm.low is not None:
            nxt = text[e:e + 3].lstrip(" ")[:1]
            am = g.abbrev_re.match(text, e) if nxt and nxt in g.abbrev_first else None
            if am and not (am.group(1) and len(am.group(2)) == 1 and am.group(2) not in "kKMG"):
                a = am.group(2)
                mult = g.abbrev.get(a, g.abbrev.get(a.lower(), 1.0))
                if a == "m" and not self._currency_before(mm.start) and not (
                        not am.group(1) and (_counted_noun_after(text, am.end()) or self._unit_word_after(am.end()))):
                    pass  # "1.8m" is metres; "£3m", "1.4m demonstrators", "40m cubic metres" are millions
                elif a == "G" and not am.group(1) and mm.low == int(mm.low) and 0 < mm.low < 10:
                    # "5G", "4G": a mobile network generation, not five billion
                    return _M(mm.start, am.end(), None, None, kind="model", rule="model.shape")
                else:
                    mm.scale(mult)
                    mm.end = e = am.end()
                    mm.plain_int = False
        # unit or currency before: "$5", "US$ 1MM", "USD 200", "£ 8.10 million"
        lo_lim = max(self.floor, mm.start - 12)
        pre = text[lo_lim:mm.start]
        before: _Unit | None = None
        tail = pre.rstrip()[-2:].lower()
        bm = None
        if tail and tail[-1:] in g.before_last_char and (tail in g.before_last_tails or tail[-1:] in g.before_last):
            last = _last_token(pre)
            if last in g.before_last and self._starts_before(pre, last):
                bm = g.unit_before.search(pre)
        if bm:
            if bm.group("m"):
                before = g.money_codes.get(bm.group("code"))
                if before is not None:
                    mm.scale(1e6)
            else:
                raw = bm.group("u")
                before = g.units_before.get(raw) or g.units_before.get(_norm(raw))
            if before is not None:
                mm.start = lo_lim + bm.start()
        # unit after
        unit: _Unit | None = None
        unit_re = self._unit_after_re(e)
        um = unit_re.match(text, e) if unit_re is not None else None
        if um:
            if um.group("m"):
                unit = g.money_codes.get(um.group("code"))
                if unit is not None and before is None:
                    mm.scale(1e6)
            else:
                raw = um.group("u")
                unit = g.units_after.get(raw) or g.units_after.get(_norm(raw))
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
        if unit is not None:
            mm.kind = unit.kind
            mm.unit = unit.unit
            if unit.scale != 1.0 and mm.low is not None:
                mm.low = mm.low * unit.scale if unit.kind != "money" else mm.low * unit.scale
                mm.high = mm.high * unit.scale if mm.high is not None else None
            mm.rule = unit.id if not mm.rule.startswith("vague") else mm.rule + "+" + unit.id
            mm.plain_int = False
            # "3 dollars 50 cents", "5 feet 2 inches": the second part joins the first
            self._compound(mm, unit)
        elif mm.plain_int and mm.low is not None and 1000 <= mm.low <= 2100 and mm.end - mm.start == 4:
            mm.kind, mm.rule = "year", "year.digits"
        elif mm.plain_int and mm.low is not None and 0 < mm.low < 120 and text[e:e + 2] in (", ", ",\n") \
                and _APPOSITION.search(text, max(0, mm.start - 40), mm.start):
            # "John Smith, 45, of Leeds": an age in apposition to a name
            mm.kind, mm.unit, mm.rule = "measure", "year", "unit.age_apposition"
        elif mm.low is not None and not mm.words and e < len(text) and text[e].isalpha() and text[e] not in "x×":
            # digits glued to letters that are no unit: "13F", "777F", "3D"
            return _M(mm.start, self._word_end(e), None, None, kind="model", rule="model.shape")
        return mm

    def _temperature_letter(self, mm: _M, um: re.Match[str], sep: str) -> bool:
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
        words = _WORDS.findall(self.low, max(0, mm.start - 32), min(len(self.low), um.end() + 32))
        return not any(w in self.g.not_temperature_words for w in words)

    def _angle_near(self, mm: _M) -> bool:
        """Whether an angle's word is near a bare "N degrees" ("turned 90 degrees", "a
        180-degree turn", "15 degrees north"); a temperature's word outweighs it."""
        words = _WORDS.findall(self.low, max(0, mm.start - 48), min(len(self.low), mm.end + 32))
        g = self.g
        if any(w in g.temperature_words for w in words):
            return False
        return any(w in g.angle_words for w in words)

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

    def _compound(self, mm: _M, unit: _Unit) -> None:
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

    def _word_end(self, e: int) -> int:
        text = self.text
        while e < len(text) and (text[e].isalnum() or text[e] in "-_"):
            e += 1
        return e

    def _starts_before(self, pre: str, last: str) -> bool:
        """Whether a unit phrase that ends in ``last`` can end ``pre``: "of" needs "per
        cent" or "percent" before it, and most numbers after "of" have neither."""
        starts = self.g.before_starts.get(last)
        if starts is None:
            return True
        pre = pre.lower()
        return any(w in pre for w in starts)

    def _currency_before(self, s: int) -> bool:
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

    # ---- prefixes, postfixes and ranges over the list of mentions
    def _combine(self, ms: list[_M]) -> list[_M]:
        for mm in ms:
            if mm.kind in ("date", "time", "phone", "model"):
                continue
            self._prefix(mm)
            self._postfix(mm)
            if mm.kind in _CLAIM_KINDS and self.low[mm.start - 3:mm.start - 1] in self.g.change_tails \
                    and self.text[mm.start - 1] in " \u00a0":
                mm.change = self._direction(mm.start)
        out: list[_M] = []
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

    def _levels(self, ms: list[_M]) -> None:
        """Mark the level a change reached: "rose to 312", "dropped 0.7 per cent to 6,912",
        "climbed 35% in 2021 to 1.8 million"."""
        text, low = self.text, self.low
        for i, b in enumerate(ms):
            if b.change is not None or b.kind not in _CLAIM_KINDS or b.low is None and b.high is None:
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

    def _score_around(self, a: _M, b: _M) -> bool:
        """Whether "3-1" is a score by what is around it: "a 3-1 win", "6-4, 6-3"."""
        if not (a.plain_int and b.plain_int and a.low < 200 and b.low < 200):
            return False
        nm = _WORDS.match(self.low, b.end + 1) if self.text[b.end:b.end + 1] == " " else None
        if nm is not None and nm.group() in self.g.score_after:
            return True
        return _SCORE_BEFORE.search(self.text, max(0, a.start - 12), a.start) is not None

    def _plus_minus(self, a: _M, b: _M) -> _M | None:
        """"$2 billion, plus or minus 15%", "5.2 ± 0.3": a range around a."""
        if a.low is None or a.low != a.high or b.low is None or b.low != b.high:
            return None
        gap = self.text[a.end:b.start]
        if len(gap) > 20:
            return None
        pm = _PLUS_MINUS.fullmatch(gap)
        if pm is None or pm.group("half") is not None and self.low[b.start:b.start + 1] not in ("m", "-", "−"):
            return None  # "plus or" needs the "minus" or "-" that b starts with
        if b.kind not in ("count", "percent") and (b.kind, b.unit) != (a.kind, a.unit):
            return None
        d, v = abs(b.low), a.low
        if b.kind == "percent" and a.kind != "percent":
            d = abs(v) * d / 100
        elif b.magnitude > 1 and a.magnitude == 1:
            v = v * b.magnitude  # "4.2 ± 0.3 million"
        return _M(a.start, b.end, v - d, v + d, kind=a.kind, unit=a.unit, qualifier="plus or minus",
                  rule="range.plus_minus", unit_pos=a.unit_pos)

    def _prefix(self, mm: _M) -> None:
        g, text = self.g, self.text
        pre = text[max(0, mm.start - _LOOKBACK):mm.start]
        if _last_token(pre) not in g.prefix_last:
            return
        hit = _phrase_before(pre, g.prefix_by_last, g.prefix_maxk)
        if hit is None:
            return
        phrase, at = hit
        written = pre[at:]
        pm = _Written(written)
        new_start = mm.start - len(pre) + at
        if phrase in ("between", "from"):
            mm.has_prefix = f"{phrase}@{new_start}"
            return
        if phrase == "of":
            # "percent of 10", "per cent of twenty-two"
            window = text[max(0, new_start - 12):new_start + len(written)].rstrip()
            if mm.kind != "count" or not self._starts_before(window, "of"):
                return
            pm2 = g.unit_before.search(window)
            if pm2 and pm2.group("u") and _norm(pm2.group("u")) in g.units_before and \
                    g.units_before[_norm(pm2.group("u"))].kind == "percent" and mm.kind == "count":
                u = g.units_before[_norm(pm2.group("u"))]
                mm.start = max(0, new_start - 12) + pm2.start()
                mm.kind, mm.unit, mm.rule = "percent", "%", u.id
            return
        if mm.low is None:
            return
        if phrase[0] in "<>≤≥" and pre[:at].endswith(("<", ">", "=")):
            return
        a = g.approx_before.get(phrase)
        if a is not None:
            self._apply_approx(mm, a, pm.group("p"))
            mm.start = new_start
            # "more than about 300", "nearly" stacked on a comparator is rare; stop here
            return
        c = g.cmp_before.get(phrase)
        if c is not None:
            if mm.approx and mm.rule.startswith("vague"):
                return
            self._apply_cmp(mm, c, pm.group("p"))
            mm.start = new_start
            # an approximator before the comparator: "about more than" is not English,
            # but "some more than" is not either; nothing to stack

    def _apply_approx(self, mm: _M, a: _Approx, written: str) -> None:
        v = mm.low if mm.low is not None else mm.high
        mm.approx = True
        mm.tolerance = a.tolerance
        mm.qualifier = " ".join(written.split())
        mm.rule = f"{a.id}+{mm.rule}" if mm.rule else a.id
        if a.bound == "below" and mm.low == mm.high:
            mm.low, mm.high, mm.high_inc = None, v, False
        elif a.bound == "above" and mm.low == mm.high:
            mm.low, mm.high, mm.low_inc = v, None, False

    def _apply_cmp(self, mm: _M, c: _Cmp, written: str) -> None:
        mm.qualifier = " ".join(written.split())
        mm.rule = f"{c.id}+{mm.rule}"
        if c.side == "low":
            mm.high = None
            mm.low_inc = c.inclusive
        elif c.side == "high":
            mm.low = None
            mm.high_inc = c.inclusive

    def _postfix(self, mm: _M) -> None:
        g, text = self.g, self.text
        if mm.low is None and mm.high is None:
            return
        nxt = text[mm.end:mm.end + 8].lstrip()[:2].lower()
        if not nxt or nxt[:1] not in g.postfix_first or nxt[:1].isalpha() and nxt not in g.postfix_first2:
            return  # "68 people": "pe" starts no postfix ("plus"); the regex is not tried
        pm = g.postfix.match(text, mm.end)
        if not pm:
            return
        phrase = _norm(pm.group("p"))
        rest = text[pm.end():pm.end() + 12]
        if phrase not in ("+",) and _POSTFIX_STOP.match(rest):
            return
        if phrase == "+" and rest[:1].isdigit():
            return
        if phrase == "plus" and not text[mm.end:pm.start("p")].strip() == "-":
            return
        if phrase in ("odd", "-odd") and not text[mm.end:pm.start("p")].strip() == "-":
            return
        a = g.approx_after.get(phrase)
        if a is not None:
            self._apply_approx(mm, a, pm.group("p"))
            mm.end = pm.end()
            return
        c = g.cmp_after.get(phrase)
        if c is None:
            return
        if mm.qualifier and mm.low is not None and mm.high is not None and mm.low != mm.high:
            return
        if c.side == "point":
            # "less than 5000 or equal": the bound becomes inclusive
            if mm.low is not None and mm.high is None:
                mm.low_inc = True
            elif mm.high is not None and mm.low is None:
                mm.high_inc = True
            mm.rule = f"{c.id}+{mm.rule}"
            mm.end = pm.end()
            return
        v = mm.low if mm.low is not None else mm.high
        mm.qualifier = " ".join(pm.group("p").split())
        mm.rule = f"{c.id}+{mm.rule}"
        if c.side == "low":
            mm.low, mm.high, mm.low_inc = v, None, c.inclusive
        else:
            mm.low, mm.high, mm.high_inc = None, v, c.inclusive
        mm.end = pm.end()

    def _range(self, a: _M, b: _M) -> _M | list[_M] | None:
        g, text = self.g, self.text
        gap = text[a.end:b.start]
        if len(gap) > 24:
            return None
        # "one over three", "2000 over 3": a fraction when nothing follows
        if gap == " " and (b.qualifier or "").lower() == "over" and a.low is not None and a.low == a.high \
                and a.kind in ("count", "year") and b.kind == "count" and b.low and b.high is None \
                and re.match(r"\s*(?:[.?!;,]|$)", text[b.end:b.end + 2]):
            return _M(a.start, b.end, a.low / b.low, a.low / b.low, rule="number.fraction")
        # two one-sided bounds joined: "more than 10 and less than 40"
        if a.qualifier and b.qualifier and not a.approx and not b.approx and a.kind == b.kind and a.unit == b.unit:
            jm = g.bound_joiner.match(gap) if gap.strip() else None
            if jm and jm.end() == len(gap):
                lo_m, hi_m = (a, b) if a.high is None and b.low is None else (b, a) if b.high is None and a.low is None else (None, None)
                if lo_m is not None and hi_m is not None and lo_m.low is not None and hi_m.high is not None and lo_m.low < hi_m.high:
                    return _M(a.start, b.end, lo_m.low, hi_m.high, lo_m.low_inc, hi_m.high_inc, kind=a.kind,
                              unit=a.unit, qualifier=f"{a.qualifier} .. {b.qualifier}", rule="range.bounds")
            return None
        cm = g.connector.fullmatch(gap)
        if not cm:
            return None
        dash, word = cm.group("dash"), (cm.group("w") or "").lower()
        if word == "or":
            return None
        if a.low is None or a.high is None or b.low is None and b.high is None:
            return None
        if a.low != a.high and not a.rule.startswith("vague"):
            return None
        if word == "and" and not a.has_prefix.startswith("between"):
            return None
        if a.has_prefix.startswith("from") and word not in ("to", "through", "thru", "till", "until") and not dash:
            return None
        if a.kind == "year" and dash and gap == dash and b.kind == "count" and b.plain_int and b.end - b.start == 2:
            hi = (a.low // 100) * 100 + b.low
            if hi > a.low:
                return _M(a.start, b.end, a.low, hi, kind="year", rule="range.years")
        # A range joins two values of one kind. "dropped 0.7 per cent to 6,912": a unit
        # written after the first and none on the second; "climbed 35% in 2021 to 1.8
        # million": a year, then a count; "grew by $7.2 billion to $88.1 billion": a
        # whole change, then the level it reached. "fell 3 to 4 per cent" stays a range.
        if a.unit_pos == "after" and b.unit is None and not a.rule.startswith("vague") and not (
                a.unit == "meter" and b.magnitude == 1e6 and text[a.end - 1] == "m"):  # "from 1.1m to 1.4m people"
            return None
        if a.kind == "year" and b.kind != "year" and (b.magnitude > 1 or b.kind != "count" or _YEAR_BEFORE.search(
                self.low, max(0, a.start - 10), a.start)):
            return None
        if a.change in ("up", "down") and not a.has_prefix and (a.unit is not None or a.magnitude > 1):
            return None
        lo = a.low
        hi = b.high if b.high is not None else b.low
        if hi is None:
            return None
        # a score or a change, not a range
        before_words = text[max(0, a.start - 40):a.start].lower().split()[-3:]
        if dash and not gap.strip(" ") != gap and a.low is not None and gap == dash:
            if any(w.strip(".,;:") in g.score_words for w in before_words) or self._score_around(a, b) or (
                    a.low >= hi and not b.magnitude > 1 and a.plain_int is False and a.kind == "count"
                    and b.kind == "count" and a.low == int(a.low) and hi == int(hi) and a.low < 100):
                a.rule, b.rule = "score", "score"
                return [a, b]
        if a.has_prefix.startswith("from"):
            from_start = int(a.has_prefix.split("@")[1])
            prior = text[max(0, from_start - 30):from_start].lower().split()[-2:]
            if any(w.strip(".,;:") in g.change_words for w in prior):
                if b.change is None and b.kind in _CLAIM_KINDS:
                    b.change = "level"  # "fell from 68% to 61%": 61% is where it fell to
                return None
            a.start = from_start
        elif a.has_prefix.startswith("between"):
            a.start = int(a.has_prefix.split("@")[1])
        if a.unit == "meter" and b.magnitude == 1e6 and b.kind != "measure" and text[a.end - 1] == "m" \
                and text[a.end - 2].isdigit():
            # "from 1.1m to 1.4m demonstrators": the "m" of both ends is million
            a.kind, a.unit, a.magnitude, a.unit_pos = b.kind, b.unit, 1e6, ""
            lo = a.low * 1e6
        # carry the magnitude and the unit across: "10 to 20 billion", "$10-20 million"
        if b.magnitude > 1 and a.magnitude == 1 and not a.words == (not b.words) and lo * b.magnitude <= hi:
            lo = lo * b.magnitude
        elif b.magnitude > 1 and a.magnitude == 1 and lo < hi / b.magnitude:
            lo = lo * b.magnitude
        kind, unit = a.kind, a.unit
        if a.kind in ("count", "year") and b.kind not in ("count", "year"):
            kind, unit = b.kind, b.unit
        elif b.kind not in ("count", "year") and (b.kind != a.kind or b.unit != a.unit):
            return None
        if a.kind == "year" and b.kind == "count":
            kind = "count"
        if lo > hi:
            return None
        r = _M(a.start, b.end, lo, hi, a.low_inc, b.high_inc if b.high is not None else True,
               approx=a.approx or b.approx, kind=kind, unit=unit,
               qualifier=a.qualifier or b.qualifier, tolerance=max(a.tolerance, b.tolerance) if a.low == a.high else 0.0,
               rule=f"range.{'dash' if dash else word}", unit_pos=a.unit_pos or b.unit_pos,
               change=a.change if a.change in ("up", "down") else None)
        if b.high is None:
            r.high, r.high_inc = b.low, True
        return r


_FRACTION_DIGITS = re.compile(r"(?:(?P<w>\d+)\s+)?(?P<n>\d+)\s*/\s*(?P<d>\d+)(?![\d/])")
_CENTS = re.compile(r"\s*(?:and\s+)?(?P<n>\d{1,2}\b|[a-z])", re.I)
_INCHES = re.compile(r"\s*(?:and\s+)?(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:inches|inch|in\b|\")", re.I)


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
    g = _grammar(tables if tables is not None else load_tables())
    try:
        reader = _Reader(g, text)
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
    return _ratios(out, text, reader.low)


_OUT_OF = re.compile(r"\s+out\s+of\s+(?:every\s+)?$", re.IGNORECASE)
_OUT_OF_ANYWHERE = re.compile(r"\sout\s+of\s")  # in the lowercased text: where _OUT_OF can match


def _ratios(found: list[Quantity], text: str, low: str) -> list[Quantity]:
    """"four out of five" is a share (80%), not two counts: news uses it for proportions.

    ``low`` is ``text.lower()``.
    """
    if len(found) < 2 or "out" not in low or _OUT_OF_ANYWHERE.search(low) is None:
        return found  # "about", "without": most texts with "out" have no "out of"
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and a.kind == b.kind == "count" and a.value is not None and b.value \
                and not a.approximate and not b.approximate and 0 <= a.value <= b.value \
                and _OUT_OF.match(text[a.end: b.start]):
            share = 100.0 * a.value / b.value
            out.append(Quantity(text=text[a.start: b.end], start=a.start, end=b.end, low=share, high=share,
                                kind="percent", unit="%", qualifier="out of", rule=f"ratio.out_of+{a.rule}"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def iter_quantities(texts: Iterator[str] | list[str], *, tables: Tables | None = None) -> Iterator[list[Quantity]]:
    """:func:`parse_quantities` over many texts, sharing one compiled grammar."""
    for t in texts:
        yield parse_quantities(t, tables=tables)


# --------------------------------------------------------------------------- spaCy

from spacy.language import Language  # noqa: E402  (kept next to the component it serves)
from spacy.tokens import Doc, Span  # noqa: E402

from reconcile.nlp import doc_text  # noqa: E402

if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)


class QuantityTagger:
    """spaCy component: ``doc.spans[spans_key]`` holds every quantity, ``span._.quantity`` its reading."""

    def __init__(self, tables: Tables, spans_key: str = SPANS_KEY) -> None:
        self.tables = tables
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for q in parse_quantities(doc_text(doc), tables=self.tables):
            span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
            if span is None:
                continue
            span._.quantity = q
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(FACTORY_NAME, default_config={"tables_path": None, "spans_key": SPANS_KEY},
                  assigns=["doc.spans"], requires=[])
def make_quantity_tagger(nlp: Language, name: str, tables_path: str | None, spans_key: str) -> QuantityTagger:
    """Build the ``reconcile_quantities`` component.

    ``tables_path`` (default ``None``: shipped tables) names a user rule file merged over
    the shipped one; ``spans_key`` (default ``"quantities"``) is the ``doc.spans`` key.
    """
    return QuantityTagger(load_tables(tables_path), spans_key=spans_key)


__all__ = ["DATA_FILE", "FACTORY_NAME", "SPANS_KEY", "QuantityTagger", "Tables", "iter_quantities",
           "load_tables", "make_quantity_tagger", "parse_quantities"]
