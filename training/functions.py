"""Registered functions the training recipe names in ``config.cfg``.

Imported by ``training/train.py`` before spaCy reads the config. Nothing here runs when
reconcile analyses articles: the tokenizer rules (``reconcile.number_tokens.v1``, from
:mod:`reconcile.tokenizer`) are saved inside the trained pipeline.
"""
from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.training import Example
from spacy.util import registry

import reconcile.tokenizer  # noqa: F401  (registers reconcile.number_tokens.v1)

# A figure as a treebank writes it: digits with thousands separators or a decimal part.
# Four-digit years and clock times are not varied: "in 2016" must stay a year.
FIGURE = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


def news_figure(rng: random.Random) -> str:
    """A number written the way news writes counts, money and percentages."""
    size = rng.choice((1, 2, 2, 3, 4, 5, 6, 7))
    value = rng.randint(1, 9) * 10 ** (size - 1) + rng.randint(0, 10 ** (size - 1))
    if size >= 4 and rng.random() < 0.85:
        text = f"{value:,}"
    else:
        text = str(value)
    if rng.random() < 0.25:
        text += "." + str(rng.randint(1, 99)).rjust(rng.choice((1, 2)), "0")
    return text


@registry.augmenters("reconcile.number_variants.v1")
def make_number_variants(level: float = 0.4) -> Callable[[Language, Example], Iterator[Example]]:
    """Yield each training example, and with probability ``level`` a copy whose figures vary.

    The treebanks hold few news figures ("13,350", "2.49", "79.90"); a copy of a sentence
    with its numbers rewritten keeps every head, label and tag, so the parser learns that
    a figure's shape does not change where it hangs. Years and other non-figures stay.
    """

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        rng = random.Random(zlib.crc32(example.text.encode("utf-8")))
        if rng.random() >= level:
            return
        data = example.to_dict()
        tokens = data["token_annotation"]
        words = list(tokens["ORTH"])
        changed = False
        for i, (word, pos) in enumerate(zip(words, tokens["POS"])):
            if pos == "NUM" and FIGURE.fullmatch(word) and not YEAR.fullmatch(word):
                words[i] = news_figure(rng)
                changed = True
        if not changed:
            return
        tokens["ORTH"] = words
        tokens["LEMMA"] = [w if p == "NUM" else lemma for w, p, lemma in zip(words, tokens["POS"], tokens["LEMMA"])]
        text = "".join(w + (" " if space else "") for w, space in zip(words, tokens["SPACY"]))
        yield Example.from_dict(nlp.make_doc(text), data)

    return augment
