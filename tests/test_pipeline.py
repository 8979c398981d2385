"""The shipped pipeline: where it loads from, what it keeps, how it tokenizes and parses.

The parse tests check our *use* of the parse on news sentences whose structure any decent
English parser gets right (a number on its noun, a subject on its copula, an object on its
verb); they are not a benchmark of the parser, which ``benchmarks/parse_accuracy.py`` is.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from spacy.util import load_config

from reconcile.pipeline import PIPELINE_DIR, label_strings, load_shipped
from reconcile.ud import needs_ud_mapping, to_ud

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
FIGURE = re.compile(r"\d+(?:[.,:]\d+)*")


@pytest.fixture(scope="module")
def shipped():
    return load_shipped()


def test_pipeline_loads_from_the_package_with_no_network():
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from reconcile.nlp import build_nlp\n"
        "import reconcile, pathlib\n"
        "nlp = build_nlp()\n"
        "doc = nlp('The Pentagon said two strikes hit Sirte.')\n"
        "print(nlp.meta['name'], doc.has_annotation('DEP'), pathlib.Path(reconcile.__file__).parent)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", check=True)
    name, parsed, package = done.stdout.split()
    assert (name, parsed) == ("reconcile", "True")
    assert Path(package) / "pipeline" / "en_reconcile" == PIPELINE_DIR


def test_pipeline_default_build_parses(nlp):
    assert {"tagger", "morphologizer", "parser", "lemmatizer"} <= set(nlp.pipe_names)
    assert nlp.pipe_names.index("reconcile_line_breaks") < nlp.pipe_names.index("parser")
    problems = nlp.analyze_pipes()["problems"]
    assert not any(problems.values()), problems


def test_pipeline_recipe_matches_the_trained_config():
    recipe = ROOT / "training" / "config.cfg"
    shipped = PIPELINE_DIR / "recipe.cfg"
    assert shipped.read_text(encoding="utf-8") == recipe.read_text(encoding="utf-8"), (
        "training/config.cfg changed since the shipped pipeline was trained: "
        "run `python training/train.py` and commit the new pipeline"
    )
    trained = load_config(PIPELINE_DIR / "config.cfg", interpolate=True)
    wanted = load_config(recipe, overrides={"paths.train": "x", "paths.dev": "y"}, interpolate=True)
    assert trained["components"] == wanted["components"]
    assert trained["nlp"]["pipeline"] == wanted["nlp"]["pipeline"]


def test_pipeline_ships_no_training_text(shipped):
    strings = json.loads((PIPELINE_DIR / "vocab" / "strings.json").read_text(encoding="utf-8"))
    assert set(strings) <= label_strings(shipped)
    assert not [s for s in strings if "@" in s or re.search(r"\d{3}", s)]


def test_pipeline_meta_names_its_sources_and_licence(shipped):
    meta = shipped.meta
    assert meta["license"] == "CC BY-SA 4.0"
    names = " ".join(s["name"] for s in meta["sources"])
    assert "EWT" in names and "GUM" in names
    assert meta["training"]["seconds"] > 0 and meta["training"]["spacy"]
    assert (PIPELINE_DIR / "LICENSE").read_text(encoding="utf-8").startswith("Attribution-ShareAlike 4.0")
    assert "Wikinews" in (PIPELINE_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")


def _fixture_texts() -> list:
    return [pytest.param(path.read_text(encoding="utf-8"), id=f"{path.parent.name}/{path.name}")
            for path in sorted(FIXTURES.glob("clusters/*/*.txt"))]


@pytest.mark.parametrize("text", _fixture_texts())
def test_tokenizer_keeps_every_fixture_figure_whole(shipped, text):
    doc = shipped.make_doc(text)
    starts = {t.idx for t in doc}
    split = [m.group() for m in FIGURE.finditer(text) if any(i in starts for i in range(m.start() + 1, m.end()))]
    assert split == []


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("13,350", ["13,350"]),
        ("$2.49bn", ["$", "2.49", "bn"]),
        ("US$12,480,000", ["US$", "12,480,000"]),
        ("$US12,480,000", ["$US", "12,480,000"]),
        ("RM75,000", ["RM", "75,000"]),
        ("79.90 per cent", ["79.90", "per", "cent"]),
        ("a 42,000-seat stadium", ["a", "42,000", "-", "seat", "stadium"]),
        ("1.87 lakh", ["1.87", "lakh"]),
        ("5:45 am", ["5:45", "am"]),
        ("5:45am", ["5:45", "am"]),
        ("49.6C", ["49.6", "C"]),
        ("€3.5bn", ["€", "3.5", "bn"]),
        ("USA and RMB stay words", ["USA", "and", "RMB", "stay", "words"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_tokenizer_news_numbers(shipped, text, tokens):
    assert [t.text for t in shipped.make_doc(text)] == tokens


def _ud_doc(words, heads, deps, pos, lemmas=None):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_ud_preposition_object_hangs_on_the_verb():
    doc = to_ud(_ud_doc(
        "Five strikes hit targets in Sirte .".split(),
        [1, 2, 2, 2, 2, 4, 2],
        ["nummod", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["NUM", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
    ))
    got = [(t.text, t.head.text, t.dep_) for t in doc]
    assert ("Sirte", "hit", "obl") in got and ("in", "Sirte", "case") in got and ("targets", "hit", "obj") in got


def test_ud_copula_predicate_heads_the_clause():
    doc = to_ud(_ud_doc(
        "Revenue was $ 2.49 billion .".split(),
        [1, 1, 1, 4, 2, 1],
        ["nsubj", "ROOT", "attr", "compound", "nummod", "punct"],
        ["NOUN", "AUX", "SYM", "NUM", "NUM", "PUNCT"],
        ["revenue", "be", "$", "2.49", "billion", "."],
    ))
    got = {t.text: (t.head.text, t.dep_) for t in doc}
    assert got["Revenue"] == ("$", "nsubj") and got["was"] == ("$", "cop") and got["$"] == ("$", "ROOT")


def test_ud_mapping_only_for_clearnlp_parsers(shipped):
    assert not needs_ud_mapping(shipped)
    assert not needs_ud_mapping(spacy.blank("en"))


def test_pipeline_tokenizer_ships_the_long_run_rule(shipped):
    # saved with the pipeline, so build_nlp need not set it (and reload the special cases)
    from reconcile.tokenizer import LONG_RUN

    assert LONG_RUN in shipped.tokenizer.token_match.__self__.pattern
    assert len(shipped.make_doc("1/" * 100)) == 1


def test_pipeline_auxiliaries_take_their_verbs_lemma(nlp):
    doc = nlp("He was there, they had gone and it's done.")
    lemmas = {t.text: t.lemma_ for t in doc if t.pos_ == "AUX"}
    assert lemmas.get("was") == "be" and lemmas.get("had") == "have"
