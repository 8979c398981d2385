"""The place model: which names are countries and their subdivisions, and what contains what.

Names come from pycountry (ISO 3166-1 countries and ISO 3166-2 subdivisions: states,
provinces, regions, union territories), matched without case or accents ("Tamil Nadu" is
"Tamil Nādu"). A subdivision lies inside its country, so a state's figure is a part of
the national one; a city is no entry here (a name after "in" is a place all the same).
The table ships as ``data/places.json``; ``python -c "from reconcile.places import
write_table; write_table()"`` rebuilds it from the installed pycountry.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Place:
    """A country or a subdivision: its ISO code, its kind, and the country it lies in."""

    name: str
    code: str
    kind: str
    country: str


def fold(name: str) -> str:
    """``name`` without case, accents or extra spaces: the key places are matched on.

    >>> fold("  Tamil Nādu ")
    'tamil nadu'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().split())


PLACES_FILE = Path(__file__).with_name("data") / "places.json"
"""The table :func:`build_table` makes from pycountry, shipped so that a run need not load
pycountry's databases (about 45 ms); a test checks it against pycountry."""


@lru_cache(maxsize=1)
def _table() -> dict[str, Place]:
    rows = json.loads(PLACES_FILE.read_text(encoding="utf-8"))
    return {key: Place(*row) for key, row in rows.items()}


def build_table() -> dict[str, Place]:
    """Every country and subdivision name of pycountry, folded, with its :class:`Place`."""
    import pycountry

    table: dict[str, Place] = {}
    for sub in pycountry.subdivisions:
        table.setdefault(fold(sub.name), Place(sub.name, sub.code, sub.type.lower(), sub.country_code))
    # a country's name wins over a subdivision of the same name ("Georgia")
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            table[fold(name)] = Place(country.name, country.alpha_2, "country", country.alpha_2)
    return table


def write_table(path: Path = PLACES_FILE) -> int:
    """Write :func:`build_table` to ``path`` (the shipped table by default); the number of names."""
    table = build_table()
    rows = {key: [p.name, p.code, p.kind, p.country] for key, p in sorted(table.items())}
    path.write_text(json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(rows)


def lookup(name: str) -> Place | None:
    """The country or subdivision called ``name``, or ``None``.

    >>> lookup("Tripura").country, lookup("Texas").kind
    ('IN', 'state')
    """
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    return _table().get(key)


@lru_cache(maxsize=1)
def _codes() -> dict[tuple[str, str], Place]:
    return {(p.country, p.code.rsplit("-", 1)[-1]): p for p in _table().values() if p.kind != "country"}


def abbreviation(word: str, countries: Iterable[str]) -> Place | None:
    """The subdivision an upper-case abbreviation names in one of ``countries`` (ISO codes):
    "BC" in a Canadian story is British Columbia, "NSW" in an Australian one New South
    Wales; ``None`` where the word is no such code, or is one in two of them.

    >>> abbreviation("BC", ["CA"]).name, abbreviation("BC", ["US"])
    ('British Columbia', None)
    """
    if not (2 <= len(word) <= 3 and word.isalpha() and word.isupper()):
        return None
    found = {_codes().get((country, word)) for country in countries} - {None}
    return found.pop() if len(found) == 1 else None


def contains(whole: str, part: str) -> bool:
    """Whether the place ``whole`` contains the place ``part`` (India contains Tripura).

    >>> contains("India", "Tripura"), contains("Tripura", "India")
    (True, False)
    """
    outer, inner = lookup(whole), lookup(part)
    if outer is None or inner is None or outer == inner:
        return False
    return outer.kind == "country" and inner.country == outer.code
