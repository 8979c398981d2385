"""Rebuild reconcile's shipped English pipeline from the open treebanks.

    python training/train.py [--treebanks ../shared/treebanks] [--work training/work]

Steps, each printed as it runs:

1. convert UD English EWT and GUM (CoNLL-U) to spaCy's binary corpus format;
2. train ``training/config.cfg`` on EWT train + GUM train, choosing the best model on
   EWT dev + GUM dev (CPU; the time and the machine are recorded);
3. prune the saved vocabulary to the strings the model needs (the treebanks' word
   forms, among them phone numbers and addresses from the EWT e-mails, never ship);
4. write the pipeline into ``reconcile/pipeline/en_reconcile`` with a meta that says
   what it was trained on, under which licences, how long it took and how it scored.

The test sets (EWT test, GUM test, PUD) are never trained on; ``benchmarks/parse_accuracy.py``
scores them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import platform
import shutil
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training.converters import conllu_to_docs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import functions  # noqa: E402,F401  (registers the augmenter and tokenizer callback)

from reconcile.pipeline import PIPELINE_DIR, prune_strings  # noqa: E402

TREEBANKS = ("ewt", "gum")
SPLITS = ("train", "dev", "test")
SENTENCES_PER_DOC = 10


def convert(treebanks: Path, work: Path) -> dict[str, Path]:
    """Write one ``.spacy`` file per treebank and split, and the joined train and dev."""
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for split in SPLITS:
        joined = DocBin(store_user_data=False)
        for bank in TREEBANKS:
            text = (treebanks / bank / f"{split}.conllu").read_text(encoding="utf-8")
            docs = list(conllu_to_docs(text, n_sents=SENTENCES_PER_DOC, no_print=True))
            one = DocBin(docs=docs, store_user_data=False)
            one.to_disk(corpus / f"{bank}-{split}.spacy")
            paths[f"{bank}-{split}"] = corpus / f"{bank}-{split}.spacy"
            for doc in docs:
                joined.add(doc)
            print(f"  {bank} {split}: {len(docs)} docs, {sum(len(d) for d in docs)} words")
        joined.to_disk(corpus / f"{split}.spacy")
        paths[split] = corpus / f"{split}.spacy"
    pud = treebanks / "pud" / "test.conllu"
    if pud.exists():
        docs = list(conllu_to_docs(pud.read_text(encoding="utf-8"), n_sents=SENTENCES_PER_DOC, no_print=True))
        DocBin(docs=docs, store_user_data=False).to_disk(corpus / "pud-test.spacy")
        paths["pud-test"] = corpus / "pud-test.spacy"
    return paths


def meta_for(scores: dict, seconds: float) -> dict:
    """What the shipped pipeline says about itself: sources, licences, scores, build."""
    return {
        "lang": "en",
        "name": "reconcile",
        "version": "0.2.0",
        "description": (
            "reconcile's English pipeline: tokenizer with news-number rules, tagger (PTB), "
            "morphologizer (UPOS + features), dependency parser (Universal Dependencies labels), "
            "sentence recognizer (disabled by default) and rule lemmatizer, trained on CPU "
            "from UD English EWT and GUM."
        ),
        "license": "CC BY-SA 4.0",
        "author": "reconcile contributors",
        "sources": [
            {
                "name": "Universal Dependencies English Web Treebank (UD_English-EWT)",
                "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                "license": "CC BY-SA 4.0",
                "author": "The Board of Trustees of The Leland Stanford Junior University; texts: LDC English Web Treebank (portions Google Inc., Yahoo! Inc., Trustees of the University of Pennsylvania and other authors)",
            },
            {
                "name": "Georgetown University Multilayer corpus (GUM): news, interview, bio, voyage, academic",
                "url": "https://github.com/amir-zeldes/gum",
                "license": "annotations CC BY 4.0; texts CC BY 2.5 (Wikinews), CC BY-SA 3.0 (Wikipedia, Wikivoyage), CC BY 4.0 (academic)",
                "author": "the GUM annotation team (Georgetown University) and the Wikinews, Wikipedia and Wikivoyage contributors",
            },
        ],
        "performance": scores,
        "training": {
            "recipe": "training/config.cfg, run by training/train.py",
            "seconds": round(seconds),
            "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}, {_cores()} cores, {platform.system()}",
            "python": platform.python_version(),
            "spacy": spacy.__version__,
            "date": dt.date.today().isoformat(),
        },
        "spacy_version": f">={spacy.__version__.rsplit('.', 1)[0]},<3.9",
    }


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--treebanks", type=Path, default=ROOT.parent / "shared" / "treebanks")
    parser.add_argument("--work", type=Path, default=HERE / "work", help="corpora and checkpoints (not committed)")
    parser.add_argument("--output", type=Path, default=PIPELINE_DIR, help="where the pipeline is written")
    parser.add_argument("--config", type=Path, default=HERE / "config.cfg", help="the recipe")
    parser.add_argument("--max-steps", type=int, default=None, help="override [training] max_steps (a quick trial)")
    parser.add_argument("--skip-train", action="store_true", help="package the last model-best in --work again")
    args = parser.parse_args(argv)

    print("== converting the treebanks")
    paths = convert(args.treebanks, args.work)
    trained = args.work / "model"
    seconds = 0.0
    if not args.skip_train:
        print("== training (CPU)")
        from spacy.cli.train import train

        overrides = {"paths.train": str(paths["train"]), "paths.dev": str(paths["dev"])}
        if args.max_steps is not None:
            overrides["training.max_steps"] = args.max_steps
        started = time.perf_counter()
        train(args.config, trained, overrides=overrides)
        seconds = time.perf_counter() - started
        (args.work / "seconds.txt").write_text(f"{seconds:.0f}\n")
        print(f"  trained in {seconds / 60:.1f} min")
    else:
        seconds = float((args.work / "seconds.txt").read_text())

    print("== evaluating on the test sets")
    best = trained / "model-best"
    nlp = spacy.load(best)
    scores = {}
    from spacy.training import Corpus

    for key in ("ewt-test", "gum-test", "pud-test"):
        if key in paths:
            result = nlp.evaluate(Corpus(str(paths[key]))(nlp))
            scores[key] = {k: round(result[k], 4) for k in ("dep_uas", "dep_las", "tag_acc", "pos_acc", "morph_acc", "lemma_acc", "sents_f") if result.get(k) is not None}
            print(f"  {key}: " + ", ".join(f"{k}={v:.3f}" for k, v in scores[key].items()))

    print("== packaging")
    staging = args.work / "package"
    if staging.exists():
        shutil.rmtree(staging)
    nlp.meta.update(meta_for(scores, seconds))
    # the trained senter ships switched off: the parser's boundaries (after our line
    # breaks) are the default; benchmarks/parse_accuracy.py compares the two
    if "senter" in nlp.pipe_names:
        nlp.disable_pipe("senter")
    nlp.to_disk(staging)
    kept, dropped = prune_strings(staging)
    print(f"  strings: kept {kept}, dropped {dropped} training-text strings")
    _check_same_parse(best, staging, paths["dev"])
    if args.output.exists():
        shutil.rmtree(args.output)
    shutil.copytree(staging, args.output)
    shutil.copy(args.config, args.output / "recipe.cfg")
    # the model's own licence and attribution travel with it
    shutil.copy(ROOT / "LICENSE-MODEL", args.output / "LICENSE")
    shutil.copy(ROOT / "ATTRIBUTION.md", args.output / "ATTRIBUTION.md")
    size = sum(p.stat().st_size for p in args.output.rglob("*") if p.is_file())
    print(f"  wrote {args.output} ({size / 1e6:.1f} MB)")
    return 0


def _check_same_parse(before: Path, after: Path, dev: Path) -> None:
    """Fail if pruning the strings changed a single tag, head or label on the dev set."""
    from spacy.training import Corpus

    a, b = spacy.load(before), spacy.load(after)
    texts = [eg.reference.text for eg in Corpus(str(dev))(a)][:300]
    for x, y in zip(a.pipe(texts), b.pipe(texts)):
        left = [(t.tag_, t.pos_, str(t.morph), t.head.i, t.dep_, t.lemma_) for t in x]
        right = [(t.tag_, t.pos_, str(t.morph), t.head.i, t.dep_, t.lemma_) for t in y]
        if left != right:
            raise SystemExit(f"pruning the strings changed the analysis of: {x.text[:80]!r}")
    print(f"  pruned pipeline gives the same analysis on {len(texts)} dev documents")


if __name__ == "__main__":
    raise SystemExit(main())
