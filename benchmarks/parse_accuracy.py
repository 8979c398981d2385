#!/usr/bin/env python3
"""How well the shipped pipeline parses: tags, heads, labels, sentences, and numbers.

Usage::

    python benchmarks/parse_accuracy.py [--model PATH] [--treebanks ../shared/treebanks]

Scores the shipped pipeline (or ``--model``) on the test sets it never trained on: UD
English EWT test, GUM test, and PUD (1,000 news and Wikipedia sentences, a test set
only). Each CoNLL-U file is read as documents of ten sentences, as the training recipe
reads it, and parsed from its raw text with the pipeline's own tokenizer, so the figures
include tokenization errors (spaCy's scorer aligns the tokens).

Printed per set: tag (PTB) and POS accuracy, UAS, LAS, sentence-boundary F, and LAS on
number tokens alone (gold UPOS NUM, or a digit in the word): does each number hang on
the right head with the right label? A number token the tokenizer split or merged
counts as wrong. Sentence boundaries are compared three ways: the parser's (the
default), the trained senter's (parser off), and the rule sentencizer's.

The last line is ``parse: ewt_las=L1 gum_las=L2 pud_las=L3 num_las=L4 sents_f=F``
(num_las over all three sets; sents_f of the default boundaries on PUD).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.training.converters import conllu_to_docs

ROOT = Path(__file__).resolve().parent.parent
TREEBANKS = ROOT.parent / "shared" / "treebanks"
SETS = {"ewt": "ewt/test.conllu", "gum": "gum/test.conllu", "pud": "pud/test.conllu"}
DIGIT = re.compile(r"\d")


def examples(nlp: Language, path: Path) -> list[Example]:
    """Gold documents of ten sentences, each paired with the raw text's own tokens."""
    docs = conllu_to_docs(path.read_text(encoding="utf-8"), n_sents=10, no_print=True)
    # the converter makes its own vocabulary; the scorer needs the gold in the pipeline's
    docs = DocBin(docs=docs).get_docs(nlp.vocab)
    return [Example(nlp.make_doc(gold.text), gold) for gold in docs]


def is_number(token) -> bool:
    return token.pos_ == "NUM" or bool(DIGIT.search(token.text))


def number_las(examples: list[Example]) -> tuple[int, int]:
    """(right, total) over gold number tokens: one predicted token, right head and label."""
    right = total = 0
    for eg in examples:
        gold, pred = eg.reference, eg.predicted
        to_pred = eg.alignment.y2x
        to_gold = eg.alignment.x2y
        for g in gold:
            if not is_number(g):
                continue
            total += 1
            mapped = to_pred[g.i].ravel().tolist()
            if len(mapped) != 1:
                continue
            p = pred[mapped[0]]
            if to_gold[p.i].ravel().tolist() != [g.i]:
                continue
            head = to_gold[p.head.i].ravel().tolist()
            if head == [g.head.i] and p.dep_.lower() == g.dep_.lower():
                right += 1
    return right, total


def parsed(nlp: Language, egs: list[Example]) -> list[Example]:
    """Each gold document paired with the pipeline's analysis of its raw text."""
    return [Example(doc, eg.reference) for doc, eg in zip(nlp.pipe(eg.reference.text for eg in egs), egs)]


def score(nlp: Language, egs: list[Example]) -> tuple[dict, tuple[int, int]]:
    from spacy.scorer import Scorer

    done = parsed(nlp, egs)
    return Scorer(nlp).score(done), number_las(done)


def sentence_f(nlp: Language, egs: list[Example]) -> float:
    from spacy.scorer import Scorer

    return Scorer.score_spans(parsed(nlp, egs), "sents")["sents_f"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="a pipeline path or name (default: the shipped one)")
    ap.add_argument("--treebanks", type=Path, default=TREEBANKS)
    opts = ap.parse_args(argv)
    if opts.model:
        nlp = spacy.load(opts.model)
    else:
        from reconcile.pipeline import load_shipped

        nlp = load_shipped()
    has_senter = "senter" in nlp.component_names
    rules = spacy.blank("en")
    rules.tokenizer = nlp.tokenizer
    rules.add_pipe("sentencizer")

    las: dict[str, float] = {}
    num_right = num_total = 0
    default_f = {}
    print(f"{'set':5} {'words':>7} {'tag':>6} {'pos':>6} {'uas':>6} {'las':>6} {'num_las':>8} {'sents_f':>8} {'senter_f':>9} {'rules_f':>8}")
    for name, rel in SETS.items():
        path = opts.treebanks / rel
        if not path.exists():
            print(f"{name}: {path} not found", file=sys.stderr)
            continue
        egs = examples(nlp, path)
        scores, (right, total) = score(nlp, egs)
        num_right += right
        num_total += total
        las[name] = scores["dep_las"]
        default_f[name] = scores["sents_f"]
        if has_senter:
            was_disabled = "senter" in nlp.disabled
            nlp.enable_pipe("senter")
            nlp.disable_pipe("parser")
            try:
                senter_f = sentence_f(nlp, egs)
            finally:
                nlp.enable_pipe("parser")
                if was_disabled:
                    nlp.disable_pipe("senter")
        else:
            senter_f = float("nan")
        rules_f = sentence_f(rules, egs)
        words = sum(len(eg.reference) for eg in egs)
        print(
            f"{name:5} {words:7d} {scores['tag_acc']:6.3f} {scores['pos_acc']:6.3f} {scores['dep_uas']:6.3f} "
            f"{scores['dep_las']:6.3f} {right / max(total, 1):8.3f} {scores['sents_f']:8.3f} {senter_f:9.3f} {rules_f:8.3f}"
        )
    num_las = num_right / max(num_total, 1)
    print(f"number tokens: {num_right}/{num_total} attached right with the right label")
    print(
        f"parse: ewt_las={las.get('ewt', float('nan')):.3f} gum_las={las.get('gum', float('nan')):.3f} "
        f"pud_las={las.get('pud', float('nan')):.3f} num_las={num_las:.3f} sents_f={default_f.get('pud', float('nan')):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
