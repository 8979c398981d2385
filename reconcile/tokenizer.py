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

from collections.abc import Callable

from spacy.language import Language
from spacy.util import compile_prefix_regex, compile_suffix_regex, registry

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
    return nlp


@registry.callbacks("reconcile.number_tokens.v1")
def make_number_tokens() -> Callable[[Language], Language]:
    """The ``before_init`` callback of the training recipe: :func:`customize_tokenizer`."""
    return customize_tokenizer
