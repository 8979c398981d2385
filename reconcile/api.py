"""The whole flow in one call: articles in, a :class:`Report` out; and claims from several processes."""
from __future__ import annotations

import os
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from reconcile.align import DEFAULT_THRESHOLD
from reconcile.claims import extract_claims, iter_claims
from reconcile.figures import build_figures
from reconcile.judge import reconcile
from reconcile.lexicon import Lexicon
from reconcile.model import STATUSES, Article, Claim, Figure, Finding, Report, Skipped
from reconcile.stories import DEFAULT_BY, group_stories
from reconcile.tolerance import Rates, Tolerance, as_rates

DEFAULT_CHUNK = 16
"""Articles a worker is handed at once by :func:`iter_claims_parallel`."""


def make_report(articles: Iterable[Article], *, skipped: Sequence[Skipped] = (), model: str | None = None,
                lexicon: str | None = None, threshold: float = DEFAULT_THRESHOLD, n_process: int = 1,
                group_by: str = DEFAULT_BY, rates: Rates | Mapping[str, float] | Iterable[str] | None = None,
                reference_rates: bool = True, tolerance: Tolerance | None = None) -> Report:
    """Extract the claims of ``articles``, align and judge them.

    Parameters
    ----------
    articles
        As read by :func:`reconcile.read_articles` (with metadata applied).
    skipped
        Inputs that could not be read, carried into the report (default none).
    model, lexicon
        As for :func:`reconcile.extract_claims`.
    n_process
        Worker processes (default 1; ``-1``: one per core), fed through
        :func:`iter_claims_parallel`.
    threshold
        As for :func:`reconcile.reconcile` (default 0.6).
    group_by, rates, reference_rates, tolerance
        How articles form stories (default ``"auto"``), exchange rates (default ``None``),
        whether to fall back on reference rates (default ``True``) and the tolerance policy
        (default ``None``); see :func:`judge_claims`.
    """
    articles = list(articles)  # read twice: for claims and for the report
    if n_process == 1:
        claims = extract_claims(articles, model=model, lexicon=lexicon)
    else:
        jobs = (os.cpu_count() or 1) if n_process == -1 else n_process
        claims = list(iter_claims_parallel(articles, jobs=jobs, model=model, lexicon=lexicon))
    return judge_claims(articles, claims, skipped=skipped, threshold=threshold, group_by=group_by, rates=rates,
                        reference_rates=reference_rates, tolerance=tolerance)


def judge_claims(articles: Sequence[Article], claims: Sequence[Claim], *, skipped: Sequence[Skipped] = (),
                 threshold: float = DEFAULT_THRESHOLD, lexicon: Lexicon | None = None,
                 group_by: str = DEFAULT_BY, rates: Rates | Mapping[str, float] | Iterable[str] | None = None,
                 reference_rates: bool = True, tolerance: Tolerance | None = None) -> Report:
    """Group the articles into stories, then align, judge and gather into figures the
    claims of each story apart: no finding or figure mixes two stories, and what is found
    in one story does not depend on the articles of another.

    Parameters
    ----------
    articles
        The articles the claims were read from.
    claims
        Their claims, from :func:`reconcile.extract_claims` or :func:`iter_claims_parallel`.
    skipped
        Inputs that could not be read, carried into the report (default none).
    threshold
        As for :func:`reconcile.reconcile` (default 0.6).
    lexicon
        Word tables; ``None`` uses the shipped ones.
    group_by
        How articles form stories, as for :func:`reconcile.stories.group_stories`:
        ``"auto"`` (default), ``"folder"``, ``"field:NAME"`` or ``"none"``.
    rates, reference_rates, tolerance
        As for :func:`reconcile.reconcile`: exchange rates (default ``None``), which may
        prove a conflict; where none links two currencies, the bundled reference rates
        (default ``True``), at which sums may agree but never conflict; the tolerance
        policy (default ``None``: the default one).
    """
    table = as_rates(rates) if rates is not None else None
    stories = group_stories(articles, by=group_by)
    story_of = {src: story.id for story in stories for src in story.sources}
    by_story: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_story[story_of.get(c.source, "")].append(c)
    findings: list[Finding] = []
    figures: list[Figure] = []
    for story in stories:
        found = reconcile(by_story[story.id], threshold=threshold, lexicon=lexicon, rates=table,
                          reference_rates=reference_rates, tolerance=tolerance, as_frame=False)
        findings.extend(found)
        figures.extend(build_figures(by_story[story.id], found, story=story.id if len(stories) > 1 else "",
                                     rates=table))
    findings.sort(key=lambda f: STATUSES.index(f.status))  # stable: each story's order within a status
    return Report(articles=list(articles), claims=list(claims), findings=findings, skipped=list(skipped),
                  figures=figures, stories=stories)


def iter_claims_parallel(articles: Iterable[Article], *, jobs: int = 2, model: str | None = None,
                         lexicon: str | None = None, chunk_size: int = DEFAULT_CHUNK,
                         in_flight: int | None = None) -> Iterator[Claim]:
    """Claims of each article in turn, read by ``jobs`` worker processes; a stream in, a stream out.

    Articles are drawn from ``articles`` only as workers need them, in chunks of
    ``chunk_size``, with at most ``in_flight`` chunks handed out and not yet yielded
    back: a long stream of articles is never read ahead whole, and claims never pile
    up behind a slow chunk. Claims come out in the order of the articles, the same as
    :func:`reconcile.claims.iter_claims` gives on one process. Each worker builds its
    own pipeline once.

    Parameters
    ----------
    articles
        As read by :func:`reconcile.read_articles`; any iterable, read once.
    jobs
        Worker processes (default 2). ``1`` or fewer reads the articles in this
        process, with no pool.
    model, lexicon
        As for :func:`reconcile.extract_claims` (default ``None``: the shipped ones).
    chunk_size
        Articles per chunk (default 16).
    in_flight
        Chunks handed out at most at once (default ``None``: twice ``jobs``).

    Examples
    --------
    >>> from reconcile.model import Article
    >>> [c.quantity.text for c in iter_claims_parallel([Article("a", "No figures here.")], jobs=1)]
    []
    """
    if jobs <= 1:
        yield from iter_claims(articles, model=model, lexicon=lexicon)
        return
    limit = max(1, in_flight if in_flight is not None else 2 * jobs)
    feed = iter(articles)
    pool = ProcessPoolExecutor(max_workers=jobs)
    pending: deque[Future[list[Claim]]] = deque()
    try:
        while chunk := list(islice(feed, max(1, chunk_size))):
            pending.append(pool.submit(_claims_of_chunk, chunk, model, lexicon))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # a reader that stops early, or an error: no chunk is started that nobody will read
        pool.shutdown(wait=True, cancel_futures=True)


def _claims_of_chunk(chunk: list[Article], model: str | None, lexicon: str | None) -> list[Claim]:
    return list(iter_claims(chunk, model=model, lexicon=lexicon))
