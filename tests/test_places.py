"""The place model: names from pycountry, matched without case or accents, and containment."""
from __future__ import annotations

import pytest

from reconcile import places


@pytest.mark.parametrize(
    ("name", "code", "kind"),
    [("Tripura", "IN-TR", "state"), ("tamil nadu", "IN-TN", "state"), ("Texas", "US-TX", "state"),
     ("India", "IN", "country"), ("the United Kingdom", "GB", "country")],
    ids=["state", "accents-folded", "us-state", "country", "with-the"],
)
def test_places_lookup(name, code, kind):
    place = places.lookup(name)
    assert place is not None and (place.code, place.kind) == (code, kind)


def test_places_unknown_names_are_none():
    assert places.lookup("Sirte") is None  # a city: no ISO 3166 entry
    assert places.lookup("Pentagon") is None


@pytest.mark.parametrize(
    ("whole", "part", "expected"),
    [("India", "Tripura", True), ("Tripura", "India", False), ("Mexico", "Texas", False), ("India", "India", False)],
    ids=["country-state", "state-country", "other-country", "same"],
)
def test_places_contains(whole, part, expected):
    assert places.contains(whole, part) is expected


def test_places_shipped_table_is_what_pycountry_gives():
    # regenerate with: python -c "from reconcile.places import write_table; write_table()"
    from reconcile.places import _table, build_table

    assert _table() == build_table()


def test_places_an_abbreviation_names_a_subdivision_of_a_country_the_story_names():
    from reconcile.places import abbreviation

    assert abbreviation("BC", ["CA"]).name == "British Columbia"
    assert abbreviation("NSW", ["AU"]).name == "New South Wales"
    assert abbreviation("TX", ["US", "MX"]).name == "Texas"
    assert abbreviation("BC", ["US"]) is None  # no such state
    assert abbreviation("Bc", ["CA"]) is None and abbreviation("B", ["CA"]) is None
