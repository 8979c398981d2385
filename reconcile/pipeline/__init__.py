"""reconcile's shipped English pipeline: where it lives, how it loads, what it keeps.

The pipeline in ``en_reconcile/`` is package data, trained by ``training/train.py`` from
UD English EWT and GUM and licensed CC BY-SA 4.0 (see ``LICENSE-MODEL`` and
``ATTRIBUTION.md`` in the repository root). It is loaded from the installed package,
never from the network.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import srsly
from spacy.language import Language

from reconcile.errors import ModelError

PIPELINE_NAME = "en_reconcile"
PIPELINE_DIR = Path(__file__).resolve().parent / PIPELINE_NAME


def label_strings(nlp: Language) -> set[str]:
    """Every string the pipeline's components name: labels, tags and morphological features.

    These are the strings a pruned vocabulary keeps; word forms are not among them.
    """
    keep: set[str] = set()
    for _, pipe in nlp.components:
        labels: Iterable[str] = getattr(pipe, "labels", ()) or ()
        for label in labels:
            keep.add(label)
            # a morphologizer label is "POS=NOUN|Number=Sing": its parts are strings too
            for part in label.split("|"):
                keep.add(part)
                keep.update(part.split("=", 1))
    keep.discard("")
    return keep


def prune_strings(path: Path) -> tuple[int, int]:
    """Cut ``path/vocab/strings.json`` down to the pipeline's label strings.

    spaCy saves every word form seen in training in the vocabulary's strings; the
    model's weights need none of them (its features are hashes computed from the text
    at run time). Returns ``(kept, dropped)``.
    """
    import spacy

    nlp = spacy.load(path)
    keep = label_strings(nlp)
    strings_path = path / "vocab" / "strings.json"
    strings = srsly.read_json(strings_path)
    kept = sorted(s for s in strings if s in keep)
    srsly.write_json(strings_path, kept)
    return len(kept), len(strings) - len(kept)


def load_shipped() -> Language:
    """Load the shipped pipeline from the installed package (never from the network).

    Raises
    ------
    ModelError
        The pipeline's files are missing or cannot be read: the install is broken.
    """
    import spacy

    if not (PIPELINE_DIR / "config.cfg").is_file():
        raise ModelError(
            f"reconcile's pipeline is missing from {PIPELINE_DIR}; reinstall reconcile "
            "(`pip install --force-reinstall reconcile`) or name an installed one with --model"
        )
    try:
        return spacy.load(PIPELINE_DIR)
    except (OSError, ValueError) as e:
        raise ModelError(f"reconcile's pipeline in {PIPELINE_DIR} cannot be loaded ({e}); reinstall reconcile") from e
