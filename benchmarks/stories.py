#!/usr/bin/env python3
"""Grouping mixed articles into stories: pairwise accuracy, and time as the input grows.

Usage::

    python benchmarks/stories.py [CLUSTERS_DIR] [--sizes 2500,5000,10000]

Reads the ``*.txt`` articles of every cluster folder under CLUSTERS_DIR (default
``../shared/benchmarks/clusters`` beside the checkout), each with its ``gold.json``
``articles`` field as metadata (outlet, published), mixes them into one input and runs
``group_stories(articles, by="auto")``. The cluster folders are the truth; it prints
pairwise precision, recall and F1 (over all pairs of articles: same story vs same
folder) and the time taken; then the same with every date removed, where names alone
must tell the events apart. Two articles of different clusters may share a file name
(``globe-wire.txt``); the later one's source becomes ``globe-wire~2``.

Then it times synthetic inputs of each size in ``--sizes``: copy ``k`` of every article
has its names perturbed the same way throughout the copy (capitalised words gain a
suffix, acronyms have their letters shifted; country names, months and weekdays are
kept, so they recur in every copy and grow common), which makes each copy a separate set
of stories published on the same dates. Near-linear cost shows as a time per article
that stays flat as the size doubles (CPU time is the figure to read on a busy machine);
the synthetic grouping is scored too, against (copy, cluster).

Before the synthetic sets, every cluster is grouped on its own, as one event's reports
given alone (``alone: K/33 clusters whole``, naming the clusters that split), and the
ferry reports of ``fixtures/inputs`` are grouped beside the good records of
``fixtures/bad`` (``ferry:``, whether the five ferry reports make one story).

The last line is ``stories: articles=N pairwise_f1=X seconds=S`` for the cluster mix.
"""
from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import time
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from reconcile.model import Article
from reconcile.places import lookup
from reconcile.sources import apply_metadata, read_articles, read_metadata
from reconcile.stories import Story, group_stories, word_tables

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks" / "clusters"
FERRY_INPUTS = (ROOT / "fixtures" / "inputs", ROOT / "fixtures" / "bad")
FERRY = ("port-authority", "desk:2", "harbour-gazette", "coastline-wire", "wires:2")
"""The ferry reports of ``fixtures/inputs``: one event."""
DEFAULT_SIZES = (2_500, 5_000, 10_000)
_NAME = re.compile(r"\b[^\W\d_][^\W\d_]+\b")


def read_clusters(clusters_dir: Path) -> tuple[list[Article], list[str]]:
    """Every cluster's articles with their gold metadata, and each article's cluster."""
    articles: list[Article] = []
    labels: list[str] = []
    seen: dict[str, int] = {}
    for cluster in sorted(p for p in clusters_dir.iterdir() if (p / "gold.json").is_file()):
        read, skipped = read_articles([str(p) for p in sorted(cluster.glob("*.txt"))])
        if skipped:
            raise SystemExit(f"{cluster}: could not read {[s.name for s in skipped]}")
        for article in apply_metadata(read, read_metadata(cluster / "gold.json")):
            seen[article.source] = seen.get(article.source, 0) + 1
            if seen[article.source] > 1:
                article = dataclasses.replace(article, source=f"{article.source}~{seen[article.source]}")
            articles.append(article)
            labels.append(cluster.name)
    if not articles:
        raise SystemExit(f"no clusters with a gold.json under {clusters_dir}")
    return articles, labels


def pairwise(stories: Sequence[Story], labels: Sequence[str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of ``stories`` against the true ``labels``."""
    story_of = {i: n for n, story in enumerate(stories) for i in story.indices}
    tp = fp = fn = 0
    for by_story, by_label in _pair_keys(story_of, labels):
        tp += by_story and by_label
        fp += by_story and not by_label
        fn += by_label and not by_story
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _pair_keys(story_of: dict[int, int], labels: Sequence[str]):
    # Only pairs that share a story or a label can count; others are true negatives.
    # Grouping indices by each key keeps this linear in the pairs that matter.
    groups: dict[tuple[str, object], list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(("label", label), []).append(i)
        groups.setdefault(("story", story_of[i]), []).append(i)
    seen: set[tuple[int, int]] = set()
    for members in groups.values():
        for i, j in combinations(members, 2):
            if (i, j) not in seen:
                seen.add((i, j))
                yield story_of[i] == story_of[j], labels[i] == labels[j]


def perturb(text: str, copy: int, keep: frozenset[str]) -> str:
    """``text`` with every name changed the same way for copy ``copy`` (0: unchanged)."""
    if copy == 0:
        return text
    suffix = _letters(copy)

    def change(m: re.Match[str]) -> str:
        word = m.group()
        if not word[0].isupper() or word.lower() in keep:
            return word
        if word.isupper():
            # An acronym keeps its length, so that it still reads as one: its letters
            # shift by the copy's base-26 digits, distinct for 26 ** len(word) copies.
            shifts = [ord(ch) - 97 for ch in suffix] + [0] * len(word)
            return "".join(chr((ord(ch) - 65 + shift) % 26 + 65) if "A" <= ch <= "Z" else ch
                           for ch, shift in zip(word, shifts))
        return word + suffix

    return _NAME.sub(change, text)


def _letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 26)
        out += chr(97 + r)
    return out


def synthetic(articles: Sequence[Article], labels: Sequence[str], size: int) -> tuple[list[Article], list[str]]:
    """``size`` articles: copies of ``articles`` with perturbed names, in order."""
    keep = word_tables().not_names | _country_words(articles)
    out: list[Article] = []
    out_labels: list[str] = []
    copy = 0
    while len(out) < size:
        for article, label in zip(articles, labels):
            if len(out) == size:
                break
            out.append(dataclasses.replace(
                article,
                source=f"{article.source}@{copy}",
                text=perturb(article.text, copy, keep),
                outlet=perturb(article.outlet, copy, keep) if article.outlet else None,
            ))
            out_labels.append(f"{label}@{copy}")
        copy += 1
    return out, out_labels


def _country_words(articles: Sequence[Article]) -> frozenset[str]:
    words: set[str] = set()
    for article in articles:
        for m in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", article.text):
            place = lookup(m.group())
            if place is not None and place.kind == "country":
                words.update(w.lower() for w in m.group().split())
    return frozenset(words)


def alone(articles: Sequence[Article], labels: Sequence[str]) -> list[tuple[str, list[tuple[str, ...]]]]:
    """Each cluster grouped on its own, and the sources of the stories it came out as."""
    by_label: dict[str, list[Article]] = {}
    for article, label in zip(articles, labels):
        by_label.setdefault(label, []).append(article)
    return [(label, [story.sources for story in group_stories(members)]) for label, members in sorted(by_label.items())]


def ferry() -> tuple[list[Story], bool]:
    """The stories of ``fixtures/inputs`` beside ``fixtures/bad``, and whether the ferry reports make one."""
    articles, _ = read_articles([str(p) for p in FERRY_INPUTS])
    stories = group_stories(articles)
    return stories, any(set(FERRY) <= set(story.sources) for story in stories)


def timed(articles: Sequence[Article]) -> tuple[list[Story], float, float]:
    """The stories of ``articles``, and the wall-clock and CPU seconds grouping took."""
    wall, cpu = time.perf_counter(), time.process_time()
    stories = group_stories(articles)
    return stories, time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("clusters", nargs="?", default=str(SHARED))
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                    help="synthetic input sizes to time, comma-separated (default %(default)s)")
    opts = ap.parse_args(argv)
    sizes = [int(s) for s in opts.sizes.split(",") if s.strip()]
    articles, labels = read_clusters(Path(opts.clusters))
    stories, seconds, cpu = timed(articles)
    p, r, f1 = pairwise(stories, labels)
    clusters = len(set(labels))
    print(f"clusters: {clusters} clusters, {len(articles)} articles -> {len(stories)} stories; "
          f"pairwise precision={p:.3f} recall={r:.3f} f1={f1:.3f}; {seconds:.2f}s (cpu {cpu:.2f}s)")
    # Without dates only names can tell the events apart, as in a feed of one day.
    undated, took, cpu = timed([dataclasses.replace(a, published=None) for a in articles])
    up, ur, uf = pairwise(undated, labels)
    print(f"undated: the same articles without dates -> {len(undated)} stories; "
          f"pairwise precision={up:.3f} recall={ur:.3f} f1={uf:.3f}; {took:.2f}s (cpu {cpu:.2f}s)")
    split = [(label, found) for label, found in alone(articles, labels) if len(found) > 1]
    print(f"alone: {clusters - len(split)}/{clusters} clusters whole"
          + "".join(f"; {label} split {[len(s) for s in found]}" for label, found in split))
    ferry_stories, whole = ferry()
    print(f"ferry: fixtures/inputs + fixtures/bad -> {len(ferry_stories)} stories; "
          f"the {len(FERRY)} ferry reports {'in one story' if whole else 'split'}: "
          f"{next((list(s.sources) for s in ferry_stories if 'harbour-gazette' in s.sources), [])}")
    for size in sizes:
        mixed, mixed_labels = synthetic(articles, labels, size)
        found, took, cpu = timed(mixed)
        sp, sr, sf = pairwise(found, mixed_labels)
        print(f"synthetic: {size} articles ({len(set(mixed_labels))} true stories) -> {len(found)} stories; "
              f"pairwise precision={sp:.3f} recall={sr:.3f} f1={sf:.3f}; "
              f"{took:.2f}s (cpu {cpu:.2f}s), {cpu / size * 1e3:.2f} ms cpu per article")
    print(f"stories: articles={len(articles)} pairwise_f1={f1:.3f} seconds={seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
