"""The word tables claim extraction and alignment rely on, loaded from ``data/``.

Tables are data (``data/lexicon.toml``, ``data/countries.txt``); a user's TOML file with
the same layout extends them: lists are merged, keys the user gives win.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import load_lookups

from reconcile.errors import DataFileError

NATIONAL = "<national>"
CAPITAL = "<capital>"  # "the capital": some city, not the whole country


LEGAL_FORMS = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "se", "ag", "sa", "nv", "bv", "gmbh", "spa",
                         "ab", "asa", "oyj", "kk", "lp", "llp", "pte", "pty"})
"""Company legal forms that end a name ("BioNTech SE", "Pfizer Inc"), lower-case, no dots."""


@dataclass(frozen=True)
class Lexicon:
    """Word tables, lower-cased, ready for lookups."""

    thing_of: dict[str, str]  # word or phrase -> canonical thing
    event_of: dict[str, str]  # lemma -> canonical event
    figure_nouns: dict[str, str]
    attribution_verbs: frozenset[str]
    attribution_preps: tuple[str, ...]
    hedges: frozenset[str]
    negations: frozenset[str]
    incremental: frozenset[str]
    batches: frozenset[str]  # "the last four boys": a batch of a total, never the total
    change_verbs: frozenset[str]
    furniture: frozenset[str]
    national: tuple[str, ...]
    whole_words: frozenset[str]  # "23% overall", "1,200 in all": the whole, never what is counted
    alias_of: dict[str, str]  # lower-cased name -> canonical name
    people: frozenset[str]
    neutral_events: frozenset[str]
    personal: frozenset[str]
    event_things: dict[str, str]
    event_objects: dict[str, frozenset[str]]  # verb -> the objects with which it says its event
    event_scope: dict[str, frozenset[str]]  # event class -> the only things of which it says what happened
    verb_figures: dict[str, str]  # verb -> the figure its object states ("offered 17.5%": an offer)
    goal_nouns: dict[str, str]  # noun -> "goal" or "forecast": "its 2 million target" is no actual
    change_nouns: dict[str, str]  # noun -> "up" or "down": "the stock's 11.2% slide"
    thinking_verbs: frozenset[str]  # "42 percent think ...": what they think is what is counted
    beside_words: frozenset[str]  # "near", "off": where it happened is beside the place
    shares: dict[str, str]  # "voter vote" -> turnout: a share of a thing to which something happened
    holding_verbs: frozenset[str]  # "the captain had 8,122 flight hours": the subject holds the figure
    venues: frozenset[str]
    occurrences: frozenset[str]  # nouns that end an event's name: "Camp Fire", "Noto Peninsula Earthquake"
    capacity_verbs: frozenset[str]  # lemmas: "hold 38,000" is a capacity
    capacity_compounds: frozenset[str]  # "42,000-seat": a capacity
    countries: dict[str, str]  # lower-cased country name -> name as written in the table
    nouns: frozenset[str]
    verbs: frozenset[str]
    adjectives: frozenset[str]
    stop_words: frozenset[str]

    @cached_property
    def thing_classes(self) -> frozenset[str]:
        """Every canonical thing of the table ("strike", "death"...)."""
        return frozenset(self.thing_of.values())

    @cached_property
    def event_classes(self) -> frozenset[str]:
        """Every canonical event of the table ("die", "target"...)."""
        return frozenset(self.event_of.values())

    @cached_property
    def event_topics(self) -> frozenset[str]:
        """Things that say what happened to them ("death", "arrest"...)."""
        return frozenset(self.event_things.values())

    def canonical_name(self, name: str) -> str:
        """The canonical name of an actor or place: "ISIL" -> "Islamic State"."""
        words = name.split()
        while len(words) > 1 and words[-1].strip(".,").lower() in LEGAL_FORMS:
            words.pop()  # "BioNTech SE", "Pfizer Inc.": the company, whatever its legal form
        key = " ".join(words).strip(" .,'\u2019").lower()
        if key.startswith("the "):
            key = key[4:]
        return self.alias_of.get(key) or self.countries.get(key) or " ".join(words).rstrip(",")

    def thing_class(self, phrase: str, head: str) -> str:
        """The canonical thing of a thing phrase: "air strikes" / "strike" -> "strike"."""
        phrase = phrase.lower()
        for n in (3, 2):
            words = phrase.split()
            if len(words) >= n and " ".join(words[-n:]) in self.thing_of:
                return self.thing_of[" ".join(words[-n:])]
        return self.thing_of.get(head, head)


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load the shipped tables, extended by the user's TOML file at ``path`` (``None``: off).

    Raises
    ------
    DataFileError
        The user's file cannot be read or is not valid TOML.
    """
    data = tomllib.loads(resources.files("reconcile.data").joinpath("lexicon.toml").read_text("utf-8"))
    if path is not None:
        try:
            data = _merge(data, tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise DataFileError(f"cannot read lexicon file {path}: {e}") from e
    try:
        thing_of = {w.lower(): canon for canon, words in data["things"].items() for w in [canon, *words]}
        event_of = {w.lower(): canon for canon, words in data["events"].items() for w in [canon, *words]}
        alias_of = {w.lower(): canon for canon, words in data["aliases"].items() for w in [canon, *words]}
    except (KeyError, AttributeError, TypeError) as e:
        raise DataFileError(f"lexicon tables are malformed: {e}") from e
    countries_text = resources.files("reconcile.data").joinpath("countries.txt").read_text("utf-8")
    countries = {
        line.strip().lower(): line.strip()
        for line in countries_text.splitlines()
        if line.strip() and not line.startswith("#")
    }
    nouns, verbs, adjectives = _pos_words()
    return Lexicon(
        thing_of=thing_of,
        event_of=event_of,
        figure_nouns={k.lower(): v for k, v in data["figure_nouns"].items()},
        attribution_verbs=frozenset(data["attribution"]["verbs"]),
        attribution_preps=tuple(data["attribution"]["prepositional"]),
        hedges=frozenset(data["hedges"]["words"]),
        negations=frozenset(data["negations"]["words"]),
        incremental=frozenset(data["incremental"]["words"]),
        batches=frozenset(data["incremental"].get("batches", [])),
        change_verbs=frozenset(data["change_verbs"]["words"]),
        furniture=frozenset(data["furniture"]["lines"]),
        national=tuple(data["scope"]["national"]),
        whole_words=frozenset(data["scope"].get("whole", [])),
        alias_of=alias_of,
        people=frozenset(data.get("people", {}).get("things", [])),
        neutral_events=frozenset(data.get("neutral_events", {}).get("words", [])),
        personal=frozenset(data.get("personal", {}).get("things", [])),
        event_things=dict(data.get("event_things", {})),
        event_objects={k.lower(): frozenset(v) for k, v in data.get("event_objects", {}).items()},
        event_scope={k.lower(): frozenset(v) for k, v in data.get("event_scope", {}).items()},
        verb_figures={k.lower(): v for k, v in data.get("verb_figures", {}).items()},
        goal_nouns={k.lower(): v for k, v in data.get("goal_nouns", {}).items()},
        change_nouns={k.lower(): v for k, v in data.get("change_nouns", {}).items()},
        thinking_verbs=frozenset(data["attribution"].get("thinking", [])),
        beside_words=frozenset(data["scope"].get("beside", [])),
        shares={k.lower(): v for k, v in data.get("shares", {}).items()},
        holding_verbs=frozenset(data.get("holding", {}).get("verbs", [])),
        venues=frozenset(data.get("venues", {}).get("nouns", [])),
        occurrences=frozenset(data.get("occurrences", {}).get("nouns", [])),
        capacity_verbs=frozenset(data.get("capacity", {}).get("verbs", [])),
        capacity_compounds=frozenset(data.get("capacity", {}).get("compounds", [])),
        countries=countries,
        nouns=nouns,
        verbs=verbs,
        adjectives=adjectives,
        stop_words=frozenset(STOP_WORDS),
    )


@lru_cache(maxsize=1)
def _pos_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    # WordNet's base forms by part of speech, as spacy-lookups-data ships them: the
    # nearest thing to a tagger that a blank pipeline has.
    index = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    return frozenset(index["noun"]), frozenset(index["verb"]), frozenset(index["adj"])
