"""The whole flow in one call: articles in, a :class:`Report` out."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from reconcile.align import DEFAULT_THRESHOLD
from reconcile.claims import extract_claims
from reconcile.judge import reconcile
from reconcile.model import Article, Report, Skipped


def make_report(articles: Iterable[Article], *, skipped: Sequence[Skipped] = (), model: str | None = None,
                lexicon: str | None = None, threshold: float = DEFAULT_THRESHOLD, n_process: int = 1) -> Report:
    """Extract the claims of ``articles``, align and judge them.

    Parameters
    ----------
    articles
        As read by :func:`reconcile.read_articles` (with metadata applied).
    skipped
        Inputs that could not be read, carried into the report (default none).
    model, lexicon, n_process
        As for :func:`reconcile.extract_claims`.
    threshold
        As for :func:`reconcile.reconcile` (default 0.6).
    """
    articles = list(articles)  # read twice: for claims and for the report
    claims = extract_claims(articles, model=model, lexicon=lexicon, n_process=n_process)
    findings = reconcile(claims, threshold=threshold, as_frame=False)
    return Report(articles=list(articles), claims=claims, findings=findings, skipped=list(skipped))
