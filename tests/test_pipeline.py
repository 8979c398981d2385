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


def test_pipeline_default_build_parses(nlp, nlp_all):
    trained = {"tagger", "morphologizer", "parser", "lemmatizer"}
    assert trained <= set(nlp_all.pipe_names)
    assert nlp_all.pipe_names.index("reconcile_line_breaks") < nlp_all.pipe_names.index("parser")
    # parse="numbers", the default: one step runs them, and they stay in the pipeline, disabled
    assert trained <= set(nlp.disabled) and "reconcile_parse_numbers" in nlp.pipe_names
    for built in (nlp, nlp_all):
        problems = built.analyze_pipes()["problems"]
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
    doc = nlp("Two were there, they had gone and it's done.")
    lemmas = {t.text: t.lemma_ for t in doc if t.pos_ == "AUX"}
    assert lemmas.get("were") == "be" and lemmas.get("had") == "have"


# -- parse="numbers": the trained components read only the sentences that hold a number --

def _claims(nlp, articles) -> list[dict]:
    from reconcile.claims import extract_claims

    return [c.to_dict() for c in extract_claims(articles, nlp=nlp)]


def test_nlp_parse_modes_give_the_same_claims_on_the_seed_cluster(nlp, nlp_all, seed_articles):
    claims = _claims(nlp, seed_articles)
    assert claims and claims == _claims(nlp_all, seed_articles)


@pytest.mark.parametrize("path", [
    "baltimore-key-bridge-collapse-2024/northstar-wire.txt",  # a dateline before the first figure
    "france-pension-strike-march-2023/provence-daily-echo.txt",  # a quote opening a sentence
    "kanjuruhan-stadium-crush-2022/malang-post.txt",
    "mpox-emergency-declaration-2024/continental-health-review.txt",
], ids=lambda p: p.split("/")[1])
def test_nlp_parse_modes_give_the_same_claims_on_fixture_articles(nlp, nlp_all, path):
    from reconcile.sources import read_articles

    articles, skipped = read_articles([str(FIXTURES / "clusters" / path)])
    assert not skipped
    claims = _claims(nlp, articles)
    assert claims and claims == _claims(nlp_all, articles)


def test_nlp_parses_only_the_sentences_that_hold_a_number(nlp):
    doc = nlp("The minister spoke at length. Officials said 300 people were killed. Rain fell.\n\n"
              "Strikes destroyed a tank.")
    spoke, killed, rain, tank = doc.sents
    assert [spoke.text, rain.text] == ["The minister spoke at length.", "Rain fell.\n\n"]
    for sent in (spoke, rain):
        assert all(t.dep_ == "" and t.pos_ == "" and t.tag_ == "" and t.head.i == t.i for t in sent)
    # the lemmas of the lookup table, word by word
    assert [t.lemma_ for t in spoke] == ["The", "minister", "speak", "at", "length", "."]
    # "a tank" after "destroyed" is a count of one to the claim reader: parsed too
    for sent in (killed, tank):
        assert all(t.dep_ and t.pos_ for t in sent)
    assert {t.text: (t.pos_, t.dep_) for t in killed}["300"] == ("NUM", "nummod")
    assert {t.text: t.dep_ for t in tank}["tank"] == "obj"


def test_nlp_parse_numbers_keeps_every_token_and_offset(nlp, nlp_all):
    text = (FIXTURES / "clusters" / "baltimore-key-bridge-collapse-2024" / "northstar-wire.txt").read_text(
        encoding="utf-8")
    doc, whole = nlp(text), nlp_all(text)
    assert doc.text == text
    assert [(t.text, t.idx, t.whitespace_) for t in doc] == [(t.text, t.idx, t.whitespace_) for t in whole]
    assert [(s.start_char, s.end_char) for s in doc.spans["quantities"]] == \
        [(s.start_char, s.end_char) for s in whole.spans["quantities"]]
    assert any(not t.dep_ for t in doc) and all(t.dep_ for t in whole if not t.is_space)


def test_nlp_parse_numbers_sends_fewer_words_through_the_parser(nlp, seed_articles, monkeypatch):
    step = nlp.get_pipe("reconcile_parse_numbers")
    parsed: list[int] = []

    class Counting:
        """The parser, counting the tokens of every Doc handed to it."""

        def __init__(self, parser):
            self.parser = parser

        def pipe(self, docs, **kwargs):
            docs = list(docs)
            parsed.extend(len(d) for d in docs)
            return self.parser.pipe(docs, **kwargs)

    monkeypatch.setattr(step, "components", [(name, Counting(c) if name == "parser" else c)
                                             for name, c in step.components])
    from reconcile.nlp import _kept

    docs = list(nlp.pipe(a.text for a in seed_articles))
    total = sum(len(d) for d in docs)
    # the stretches' tokens, a date of several tokens as one word
    assert sum(parsed) == sum(_kept(start, end, step._dates(d)) for d in docs for start, end in step.stretches(d))
    assert sum(parsed) < sum(end - start for d in docs for start, end in step.stretches(d))  # a date was one word
    assert 0 < sum(parsed) < 0.7 * total  # 525 of 959 tokens


def test_nlp_parse_numbers_runs_on_a_named_pipeline_and_one_without_a_parser(nlp, seed_articles, tmp_path):
    from reconcile.nlp import build_nlp

    named = build_nlp(str(PIPELINE_DIR))
    assert "reconcile_parse_numbers" in named.pipe_names
    assert _claims(named, seed_articles) == _claims(nlp, seed_articles)
    spacy.blank("en").to_disk(tmp_path / "blank")
    blank = build_nlp(str(tmp_path / "blank"))  # nothing to leave out: built as for "all"
    assert "reconcile_parse_numbers" not in blank.pipe_names and _claims(blank, seed_articles)


def test_nlp_build_names_the_parse_modes():
    from reconcile.nlp import build_nlp

    with pytest.raises(ValueError, match="use one of 'numbers', 'all'"):
        build_nlp(parse="some")


def test_nlp_docstring_examples_run():
    import doctest

    import reconcile.nlp

    result = doctest.testmod(reconcile.nlp)
    assert result.attempted and not result.failed
