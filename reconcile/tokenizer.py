"""News numbers as tokens: the tokenizer rules the shipped pipeline is trained and run with.

spaCy's English tokenizer keeps most figures whole ("13,350", "79.90", "5:45"), but a
currency or magnitude written against the digits stays glued to them ("$US12,480,000",
"RM75,000", "2.49bn", "5:45am", "49.6C"), and the parser then meets a word it has never
seen where a number should be. :func:`customize_tokenizer` splits those off, so that the
figure is one token and the currency, magnitude or unit another. The training recipe
applies it before the pipeline is initialized (``[initialize.before_init]`` in
``training/config.cfg``), so the parser learns on the tokens it meets at run time, and
spaCy saves the rules with the pipeline.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_prefix_regex, compile_suffix_regex, registry

from reconcile.errors import ModelError

# A run of more characters with no space in it is no word: a base64 image, "1/1/1/...",
# "((((...". spaCy's tokenizer strips the affixes of a run one at a time and searches what
# is left again after each, so such a run costs the square of its length (a 20 KB one,
# half a minute); kept whole, it is one token, which the claim reader skips and reports.
LONG_RUN_CHARS = 64
LONG_RUN = rf"[^\s]{{{LONG_RUN_CHARS + 1},}}"

# A currency written before the digits: "$US12", "US$12", "A$3.9m", "RM75,000",
# "Rs1.2bn", "Rp500", "HK$10". Only before a digit, so "US" or "RM" as words stay whole.
CURRENCY_PREFIXES = (
    r"(?:US|A|AU|C|CA|NZ|HK|S|SG|R|NT|Z)\$(?=[0-9])",
    r"\$(?:US|A|AU|C|CA|NZ|HK|S|SG)(?=[0-9])",
    r"(?:RM|Rs\.?|Rp|USD|EUR|GBP|INR|AUD|CAD|JPY|CNY)(?=[0-9])",
)
# A magnitude, clock or temperature written after the digits: "2.49bn", "5m" (already
# split by spaCy's unit suffixes), "3tn", "40k", "5:45am", "3.30p.m.", "49.6C", "121F".
NUMBER_SUFFIXES = (
    r"(?<=[0-9])(?:bn|mn|mln|bln|tn|trn|tr|k|K|cr)",
    r"(?<=[0-9])(?:[ap]\.m\.|[ap]m|[AP]M)",
    r"(?<=[0-9])(?:°?[CF])",
)


def customize_tokenizer(nlp: Language) -> Language:
    """Add reconcile's number rules to ``nlp``'s tokenizer, in place; return ``nlp``.

    >>> import spacy
    >>> nlp = customize_tokenizer(spacy.blank("en"))
    >>> [t.text for t in nlp.make_doc("$US12,480,000 and 2.49bn at 5:45am")]
    ['$US', '12,480,000', 'and', '2.49', 'bn', 'at', '5:45', 'am']
    """
    tokenizer = nlp.tokenizer
    prefixes = list(CURRENCY_PREFIXES) + list(nlp.Defaults.prefixes or ())
    suffixes = list(NUMBER_SUFFIXES) + list(nlp.Defaults.suffixes or ())
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    keep_long_runs_whole(tokenizer)
    return nlp


def keep_long_runs_whole(tokenizer: Tokenizer) -> Tokenizer:
    """Make every run of more than ``LONG_RUN_CHARS`` non-space characters one token.

    Adds :data:`LONG_RUN` to the tokenizer's ``token_match`` (kept as a pattern, so
    spaCy saves it with the pipeline), in place; returns ``tokenizer``. Tokenizing is
    then linear in the length of the text, whatever the text holds. Calling it twice
    changes nothing more.

    Raises
    ------
    ModelError
        The tokenizer's ``token_match`` is a function that is no compiled pattern's.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = keep_long_runs_whole(nlp.tokenizer)
    >>> [len(t) for t in nlp.make_doc("(" * 70 + "5 people) died.")]
    [71, 6, 1, 4, 1]
    """
    prior = tokenizer.token_match
    pattern = getattr(prior, "__self__", None)
    if prior is not None and pattern is None:
        raise ModelError("the pipeline's tokenizer has a token_match that is no regular expression; "
                         "reconcile cannot add its long-run rule to it: use a pipeline without one")
    if pattern is not None and LONG_RUN in pattern.pattern:
        return tokenizer
    tokenizer.token_match = re.compile(LONG_RUN if prior is None else f"(?:{pattern.pattern})|{LONG_RUN}",
                                       0 if pattern is None else pattern.flags).match
    return tokenizer


@registry.callbacks("reconcile.number_tokens.v1")
def make_number_tokens() -> Callable[[Language], Language]:
    """The ``before_init`` callback of the training recipe: :func:`customize_tokenizer`."""
    return customize_tokenizer
