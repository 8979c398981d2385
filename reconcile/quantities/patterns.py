"""Building blocks the parts of the number reader share: regex alternations of table
phrases, phrase keys, lazily compiled regexes and character tests.

Nothing here reads a number; each part (:mod:`.words`, :mod:`.units_currencies`, ...)
builds its patterns from these.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

# a lowercased word, or two joined by one hyphen: the words looked at around a figure
LOWER_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)?")
# the letters at a place, up to 64: enough for any word of the tables, and a run of
# thousands ("½½½...", each one a number) is not read to its end from each
LETTERS_AT = re.compile(r"[^\W\d_]{1,64}+")


def phrase_re(phrase: str, lead: bool = True) -> str:
    """A regex of a table phrase: any run of spaces between its words, word boundaries at its
    ends where it starts (``lead``) or ends with a letter or digit."""
    parts = [re.escape(p) for p in phrase.split()]
    body = r"\s+".join(parts)
    if lead and phrase[0].isalnum():
        body = r"\b" + body
    if phrase[-1].isalnum():
        body = body + r"\b"
    return body


def alternation(phrases: list[str] | tuple[str, ...], lead: bool = True) -> str:
    """One regex of all the phrases, longest first (a never-matching one for none)."""
    uniq = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(phrase_re(p, lead) for p in uniq) or "(?!)"


def norm_phrase(s: str) -> str:
    """The key a phrase is looked up by: lowercase, single spaces."""
    return " ".join(s.lower().split())


def word_trie(words: list[str]) -> str:
    """A regex alternation of words, factored by prefix so the engine tries few branches."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(root)


class LazyRegexes(Mapping[str, "re.Pattern[str]"]):
    """Regexes by key, each compiled the first time it is read and kept from then on.

    >>> rx = LazyRegexes({"km": r"\\s*km"})
    >>> rx.get("km").match(" km").group(), rx.get("mi")
    (' km', None)
    """

    __slots__ = ("_patterns", "_compiled")

    def __init__(self, patterns: Mapping[str, str | re.Pattern[str]]) -> None:
        self._patterns = dict(patterns)
        self._compiled: dict[str, re.Pattern[str]] = {}

    def get(self, key: str, default: Any = None) -> Any:
        rx = self._compiled.get(key)
        if rx is not None:
            return rx
        pattern = self._patterns.get(key)
        if pattern is None:
            return default
        rx = self._compiled[key] = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        return rx

    def __getitem__(self, key: str) -> re.Pattern[str]:
        rx = self.get(key)
        if rx is None:
            raise KeyError(key)
        return rx

    def __iter__(self) -> Iterator[str]:
        return iter(self._patterns)

    def __len__(self) -> int:
        return len(self._patterns)


def is_word_char(ch: str) -> bool:
    """Whether ch is one character of \\w."""
    return ch.isalnum() or ch == "_"


def is_letter(ch: str) -> bool:
    """Whether ch is one character of [^\\W\\d_]: alphanumeric but no digit (a letter, "²")."""
    return ch.isalnum() and not ch.isdecimal()


def last_token(window: str) -> str:
    """The last whitespace-separated token of window, lowercased, opening brackets stripped."""
    parts = window.rsplit(None, 1)
    if not parts:
        return ""
    tok = parts[-1].lower().lstrip("([{\"'“‘")
    if tok[-1:] in "<>=$€£¥₹~" and len(tok) > 1 and not tok[:-1].isalpha():
        # "<=" and "US$" are tokens; "x>" is not
        return tok if tok in ("<=", ">=", "< =", "> =") else tok[-1]
    return tok
