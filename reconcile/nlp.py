"""The one place the spaCy pipeline is assembled.

The default is reconcile's own trained pipeline, shipped inside the package
(:mod:`reconcile.pipeline`: tokenizer with news-number rules, tagger, morphologizer,
dependency parser with Universal Dependencies labels, rule lemmatizer), with our
components on top: sentence breaks at line ends (set before the parser, which keeps
them), the number reader (:mod:`reconcile.quantities`) and the claim reader
(:mod:`reconcile.claims`). A pipeline the user has installed can be named instead; the
same components then run on top of it, and a parser with spaCy's ClearNLP labels
("dobj", "pobj") is mapped to the Universal Dependencies scheme first
(:mod:`reconcile.ud`).

The trained components cost nearly all the time, and the claims need the parse only
around numbers: by default (``parse="numbers"``) the number reader runs first and one
step, :class:`NumberSentences`, runs the trained components on the sentences that hold
a number alone; ``parse="all"`` parses every sentence.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, LEMMA, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span
from spacy.util import load_language_data, minibatch, registry
from spacy.vocab import Vocab

from reconcile.errors import ModelError
from reconcile.pipeline import load_shipped
from reconcile.tokenizer import keep_long_runs_whole
from reconcile.ud import UD_SCHEME, needs_ud_mapping

TEXT_KEY = "reconcile.text"
NEWLINE_SENTENCES = "reconcile_line_breaks"
LOOKUP_LEMMAS = "reconcile_lookup_lemmas"
AUX_LEMMAS = "reconcile_aux_lemmas"
PARSE_NUMBERS = "reconcile_parse_numbers"
PARSE_MODES = ("numbers", "all")
DEFAULT_PARSE = "numbers"
QUANTITIES_KEY = "quantities"
# the kinds of token the cheap sentence split tells apart (NumberSentences.sentence_starts)
_SPACE, _BREAK, _STOP, _OPENER, _QUOTE, _PUNCT, _LOWER, _WORD, _OTHER = range(9)
_OPENERS = frozenset({"\u201c", "\u2018", "(", "[", "{", "\u00ab"})
_QUOTES = frozenset({'"', "'"})  # opening only with a space before and none after
_STOPS = frozenset(Sentencizer.default_punct_chars)
# what the trained components write, copied from each parsed stretch into the whole Doc
_PARSE_ATTRS = (TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE)
# contracted auxiliaries, which no lemma table of spacy-lookups-data lists
_CONTRACTED_AUX = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'d": "would", "'ll": "will",
                   "wo": "will", "ca": "can", "sha": "shall"}


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once and kept in ``doc.user_data``.

    ``Doc.text`` builds a Token for every word each time it is read; the components
    that need the text share one copy, and :func:`make_doc` stores the input text so
    that it is never joined at all.
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize ``text`` for ``nlp.pipe``, with the text kept for :func:`doc_text`."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    return doc


@Language.component(
    NEWLINE_SENTENCES,
    assigns=["token.is_sent_start"],
)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and datelines carry no full stop.

    A line break is always inside a whitespace token ("\\n", "\\n\\n"); the token after it
    starts a sentence, and the break itself starts none (unless it follows another).
    Only the tokens around line breaks are touched, found from the Doc's arrays.
    """
    flags = doc.to_array([IS_SPACE, ORTH, SENT_START])
    strings = doc.vocab.strings
    breaks = [k for k in numpy.flatnonzero(flags[:, 0]).tolist() if "\n" in strings[flags[k, 1]]]
    if not breaks:
        return doc
    is_break = set(breaks)
    starts = flags[:, 2].astype("int64")
    for k in breaks:
        if k + 1 < len(doc):
            starts[k + 1] = 1
        if k >= 1 and k - 1 not in is_break:
            starts[k] = -1
    # one write: setting Token.is_sent_start checks the whole Doc for a parse each time
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


@lru_cache(maxsize=1)
def _lookup_table() -> dict[str, str]:
    """spacy-lookups-data's English word -> lemma table, loaded once per process.

    Read into a plain dict: ``load_lookups`` builds a spaCy ``Table`` instead, hashing
    each of the 41,000 words into it and its Bloom filter one at a time, which takes
    twice as long as reading the file. Looked up by the word, a dict gives the same
    lemmas.
    """
    return load_language_data(registry.lookups.get("en")["lemma_lookup"])


def word_lemma(word: str) -> str:
    """The lemma of a word out of context, from spacy-lookups-data: "wounded" -> "wound"."""
    return _lookup_table().get(word, word)


class VerbLemmas:
    """The verb a word comes from ("wounded" -> "wound", "aged" -> "age", "was" -> "be").

    The rule lemmatizer's own verb tables (exceptions, suffix rules, the index of verbs),
    applied as spaCy applies them to a verb; the pipeline's lemmatizer has them loaded.
    """

    def __init__(self, exceptions: dict[str, list[str]], rules: list[list[str]], index: frozenset[str]) -> None:
        self.exceptions, self.rules, self.index = exceptions, rules, index

    def __call__(self, word: str) -> str:
        if word in self.exceptions:
            return self.exceptions[word][0]
        if word in self.index:
            return word
        for old, new in self.rules:
            if word.endswith(old):
                form = word[:len(word) - len(old)] + new
                if form in self.index:
                    return form
        return word


def verb_lemmas(nlp: Language) -> Callable[[str], str]:
    """The verb lemma of a word by ``nlp``'s rule lemmatizer; without one, :func:`word_lemma`."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if nlp.has_pipe("lemmatizer") else None
    if lookups is None or not all(lookups.has_table(t) for t in ("lemma_exc", "lemma_rules", "lemma_index")):
        return word_lemma
    return VerbLemmas(dict(lookups.get_table("lemma_exc").get("verb", {})),
                      list(lookups.get_table("lemma_rules").get("verb", [])),
                      frozenset(lookups.get_table("lemma_index").get("verb", ())))


class LookupLemmas:
    """The lemma of each word from the lookup table of spacy-lookups-data.

    What spaCy's ``lemmatizer`` does in ``lookup`` mode (a word not in the table is its
    own lemma), over the Doc's arrays rather than Token by Token: each distinct word is
    looked up once and remembered, and the lemmas are written in one ``from_array``.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.strings = vocab.strings
        self.table = _lookup_table()
        self.lemma_of: dict[int, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        doc.from_array([LEMMA], numpy.array(self.lemmas(doc.to_array(ORTH).tolist()), dtype="uint64"))
        return doc

    def lemmas(self, orths: list[int]) -> list[int]:
        """The lemma (a string id) of each word (a string id)."""
        lemma_of, table, strings = self.lemma_of, self.table, self.strings
        out = []
        for orth in orths:
            lemma = lemma_of.get(orth)
            if lemma is None:
                word = strings[orth]
                lemma = lemma_of[orth] = strings.add(table.get(word, word))
            out.append(lemma)
        return out


@Language.factory(LOOKUP_LEMMAS, assigns=["token.lemma"])
def make_lookup_lemmas(nlp: Language, name: str) -> LookupLemmas:
    """Build the ``reconcile_lookup_lemmas`` component (English lookup table)."""
    return LookupLemmas(nlp.vocab)


class AuxLemmas:
    """The lemma of an auxiliary ("was", "had", "were" -> "be", "have", "be").

    spaCy's English rule lemmatizer has tables for nouns, verbs, adjectives and adverbs
    only, so an auxiliary keeps its own form; its lemma is its verb's ("was" as a main
    verb is "be" too).
    """

    def __init__(self, verb_lemma: Callable[[str], str]) -> None:
        self.verb_lemma = verb_lemma

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ == "AUX":
                low = token.lower_
                lemma = _CONTRACTED_AUX.get(low) or self.verb_lemma(low)
                if lemma != token.lemma_:
                    token.lemma_ = lemma
        return doc


@Language.factory(AUX_LEMMAS, requires=["token.pos", "token.lemma"], assigns=["token.lemma"])
def make_aux_lemmas(nlp: Language, name: str) -> AuxLemmas:
    """Build the ``reconcile_aux_lemmas`` component from the rule lemmatizer's verb tables."""
    return AuxLemmas(verb_lemmas(nlp))


class NumberSentences:
    """Run the trained components only on the sentences that hold a number.

    The claim reader needs the parse around numbers, and most sentences of a news article
    hold none. This step stands in for the components it is given (in the shipped
    pipeline: tok2vec, tagger, morphologizer, the line-break rule, parser, lemmatizer and
    the auxiliary lemmas), which stay in the pipeline, disabled. For a batch of Docs it

    1. splits each Doc into sentences cheaply (:meth:`sentence_starts`);
    2. picks the sentences that hold a quantity of ``doc.spans[spans_key]`` (the number
       reader reads the text, not the parse, so it runs first), and ``context``
       sentences before each; picked neighbours make one stretch (:meth:`stretches`);
    3. runs the components over every stretch of the batch, each stretch a Doc of its
       own, and copies what they wrote (tag, POS, morphology, lemma, head, dependency
       label, entities, sentence starts) back into its Doc.

    A Doc keeps every token and offset. A token outside the stretches has no tag, POS,
    morphology, head or label (``token.dep_ == ""``; it is its own head), the lemma of
    the lookup table of spacy-lookups-data (as :class:`LookupLemmas` gives it) and the
    cheap sentence starts; inside a stretch the parser sets the sentence starts, as it
    does over a whole Doc. The token vectors of a stretch also see the ``reach`` tokens
    before it, as they do in the whole Doc, so that its first words are tagged and
    parsed alike ("SAN FRANCISCO, 20 January (Atlas News Agency) - Alphabet will cut
    12,000 jobs" is two sentences either way).
    """

    def __init__(self, components: list[tuple[str, Callable[[Doc], Doc]]], vocab: Vocab, *, reach: int = 0,
                 context: int = 0, spans_key: str = QUANTITIES_KEY, events: frozenset[str] = frozenset(),
                 verb_lemma: Callable[[str], str] = word_lemma, batch_size: int = 256) -> None:
        self.components = components
        self.reach = reach
        self.context = context
        self.spans_key = spans_key
        self.events = events
        self.verb_lemma = verb_lemma
        self.batch_size = batch_size
        self.lookup = LookupLemmas(vocab)
        self._articles = frozenset({vocab.strings.add("a"), vocab.strings.add("an")})
        # what is known of a word (by its string id), found once per process
        self._kinds: dict[int, int] = {}
        self._event_words: dict[int, bool] = {}

    def __call__(self, doc: Doc) -> Doc:
        self._run([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """The Docs of ``stream``, a batch at a time: a batch's stretches are parsed together."""
        for batch in minibatch(stream, size=batch_size):
            self._run(batch)
            yield from batch

    def sentence_starts(self, doc: Doc) -> list[int]:
        """The token indices where the cheap split starts a sentence (0 first).

        A sentence starts after a line break (as :func:`line_breaks` has it), and after a
        full stop, question or exclamation mark (spaCy's ``sentencizer`` marks, and any
        closing quotes or brackets after them) where the next word is not lower-case
        ('How many of you?" one diver asks' is one sentence) and the sentence so far has
        a word ("1. Casualties" is one). An opening quote or bracket goes with the
        sentence it opens.

        >>> nlp = spacy.blank("en")
        >>> doc = nlp('He said. "We went." 1. Casualties\\n\\nNone? he asked.')
        >>> starts = NumberSentences([], nlp.vocab).sentence_starts(doc)
        >>> [doc[a:b].text for a, b in zip(starts, starts[1:] + [len(doc)])]
        ['He said.', '"We went."', '1. Casualties\\n\\n', 'None? he asked.']
        """
        rows = doc.to_array([ORTH, SPACY]).tolist()
        kinds = [self._kind(doc, orth) for orth, _ in rows]
        starts = [0] if rows else []
        after_stop = after_break = worded = False
        for k, kind in enumerate(kinds):
            if kind == _SPACE:
                continue
            if kind == _BREAK:
                after_break = True
                continue
            # a straight quote opens when a space comes before it and none after
            opens = kind == _OPENER or kind == _QUOTE and 0 < k < len(rows) - 1 and rows[k - 1][1] \
                and not rows[k][1] and kinds[k + 1] not in (_SPACE, _BREAK)
            if k and (after_break or after_stop and worded and (kind in (_WORD, _OTHER) or opens)):
                starts.append(k)
                after_stop = after_break = worded = False
            elif kind in (_WORD, _LOWER, _OTHER):
                after_stop = False
            if kind == _STOP:
                after_stop = True
            elif kind in (_WORD, _LOWER):
                worded = True
        return starts

    def stretches(self, doc: Doc) -> list[tuple[int, int]]:
        """The token ranges ``(start, end)`` of ``doc`` that the components run on."""
        return self._plan(doc)[1]

    def _plan(self, doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
        starts = self.sentence_starts(doc)
        picked: set[int] = set()
        at = [span.start for span in doc.spans.get(self.spans_key, [])]
        if self.events:
            at.extend(self._implicit_ones(doc))
        for i in at:
            k = bisect_right(starts, i) - 1
            picked.update(range(max(0, k - self.context), k + 1))
        ranges: list[tuple[int, int]] = []
        for k in sorted(picked):
            start, end = starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)
            if ranges and ranges[-1][1] == start:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
        return starts, ranges

    def _dates(self, doc: Doc) -> dict[int, int]:
        """The dates of several tokens the number reader found ("Sept. 27", "9 March
        2024"), as first token -> end: each is parsed as one word (:data:`DATE_STAND_IN`)."""
        out: dict[int, int] = {}
        if not Span.has_extension("quantity"):
            return out
        for span in doc.spans.get(self.spans_key, []):
            q = span._.quantity
            if q is not None and q.kind == "date" and span.end - span.start > 1 \
                    and not any(t.is_space or "\n" in t.whitespace_ for t in span[:-1]) \
                    and not (span.end < len(doc) and doc[span.end].text in ("(", "-", "\u2013", "\u2014")):
                # "AUSTIN, Jan 2 (Wire) - ": a dateline's date stays as written, the parse of
                # what follows it is read as it was trained
                out[span.start] = span.end
        return out

    def _implicit_ones(self, doc: Doc) -> list[int]:
        """Where "a" or "an" after a word of ``events`` may count one ("destroyed a tank").

        The claim reader reads such an article as a figure (``ClaimReader._implicit_ones``),
        by the lemma the parse gives the word before it; before the parse, any of the
        word's lemmas out of context will do.
        """
        orths = doc.to_array(ORTH).tolist()
        strings, known, articles = doc.vocab.strings, self._event_words, self._articles
        out = []
        for k in range(1, len(orths)):
            if orths[k] not in articles:
                continue
            before = orths[k - 1]
            found = known.get(before)
            if found is None:
                word = strings[before]
                low = word.lower()
                found = known[before] = word[:1].islower() and any(
                    w in self.events for w in (low, word_lemma(low), self.verb_lemma(low)))
            if found:
                out.append(k)
        return out

    def _kind(self, doc: Doc, orth: int) -> int:
        kind = self._kinds.get(orth)
        if kind is None:
            text = doc.vocab.strings[orth]
            if text.isspace():
                kind = _BREAK if "\n" in text else _SPACE
            elif text in _STOPS:
                kind = _STOP
            elif text in _OPENERS:
                kind = _OPENER
            elif text in _QUOTES:
                kind = _QUOTE
            elif text[:1].islower():
                kind = _LOWER
            elif any(c.isalpha() for c in text):
                kind = _WORD
            elif all(unicodedata.category(c).startswith("P") for c in text):
                kind = _PUNCT
            else:
                kind = _OTHER  # a number, a symbol
            self._kinds[orth] = kind
        return kind

    def _run(self, docs: list[Doc]) -> None:
        plans = []
        parts: list[Doc] = []
        wide: list[tuple[Doc, int]] = []
        for doc in docs:
            starts, ranges = self._plan(doc)
            words = doc.to_array([ORTH, SPACY, NORM])
            dates = self._dates(doc)
            for start, end in ranges:
                parts.append(_piece(doc, words, start, end, dates))
                if self.reach:
                    before = min(start, self.reach)
                    # a date across the stretch's start stays words, so that the stretch's
                    # tokens are the last of the wider piece's
                    kept = {k: stop for k, stop in dates.items() if not k < start < stop}
                    wide.append((_piece(doc, words, start - before, end, kept), _kept(start - before, start, kept)))
            plans.append((starts, ranges, words, dates))
        components = self.components
        if wide:
            # the token vectors, from the stretch with the words before it; the
            # components after tok2vec read them from ``doc.tensor``
            tok2vec = components[0][1]
            vectored = tok2vec.pipe([w for w, _ in wide], batch_size=self.batch_size)  # type: ignore[attr-defined]
            for part, done_wide, (_, before) in zip(parts, vectored, wide):
                part.tensor = done_wide.tensor[before:]
            components = components[1:]
        for _, proc in components:
            if hasattr(proc, "pipe"):
                parts = list(proc.pipe(parts, batch_size=self.batch_size))
            else:
                parts = [proc(part) for part in parts]
        done = iter(parts)
        for doc, (starts, ranges, words, dates) in zip(docs, plans):
            if not len(doc):
                continue
            values = numpy.zeros((len(doc), len(_PARSE_ATTRS)), dtype="uint64")
            values[:, _PARSE_ATTRS.index(LEMMA)] = self.lookup.lemmas(words[:, 0].tolist())
            sent_starts = numpy.full(len(doc), -1, dtype="int64")
            sent_starts[starts] = 1
            for start, end in ranges:
                part = next(done)
                if len(part) == end - start:
                    values[start:end] = part.to_array(_PARSE_ATTRS)
                    sent_starts[start:end] = part.to_array(SENT_START).astype("int64")
                else:
                    _expand(doc, part, start, end, dates, values, sent_starts)
                sent_starts[start] = 1
            doc.from_array(_PARSE_ATTRS, values)
            # after the heads: setting them makes every token outside a stretch a non-start
            doc.from_array([SENT_START], sent_starts.astype("uint64"))


DATE_STAND_IN = "Monday"
"""The one word a date of several tokens ("Sept. 27", "9 March 2024") is parsed as: a
date's number read as a clause's subject ("the quarter ended Sept. 27 came in at $4.62
billion") is a garden path a day's name never leads down."""


def _piece(doc: Doc, words: numpy.ndarray, start: int, end: int, dates: dict[int, int] | None = None) -> Doc:
    """Tokens ``start:end`` of ``doc`` as a Doc of their own (``words``: ORTH, SPACY, NORM),
    each date of several tokens (``dates``: first token -> end) as one stand-in word."""
    strings = doc.vocab.strings
    orths, spaces, norms = words[start:end, 0].tolist(), [bool(x) for x in words[start:end, 1].tolist()], \
        words[start:end, 2]
    if not dates or not any(start <= k < end for k in dates):
        piece = Doc(doc.vocab, words=[strings[o] for o in orths], spaces=spaces)
        piece.from_array([NORM], norms)  # a tokenizer exception's norm ("n't" -> "not")
        return piece
    out_words, out_spaces, out_norms = [], [], []
    k = start
    while k < end:
        stop = dates.get(k)
        if stop is not None and stop <= end:
            out_words.append(DATE_STAND_IN)
            out_spaces.append(spaces[stop - 1 - start])
            out_norms.append(doc.vocab.strings.add(DATE_STAND_IN.lower()))
            k = stop
            continue
        out_words.append(strings[orths[k - start]])
        out_spaces.append(spaces[k - start])
        out_norms.append(int(norms[k - start]))
        k += 1
    piece = Doc(doc.vocab, words=out_words, spaces=out_spaces)
    piece.from_array([NORM], numpy.asarray(out_norms, dtype="uint64"))
    return piece


def _kept(start: int, end: int, dates: dict[int, int]) -> int:
    """How many tokens of a piece the tokens ``start:end`` of its Doc make (a date is one)."""
    n, k = 0, start
    while k < end:
        stop = dates.get(k)
        k = stop if stop is not None and stop <= end else k + 1
        n += 1
    return n


def _expand(doc: Doc, part: Doc, start: int, end: int, dates: dict[int, int], values: numpy.ndarray,
            sent_starts: numpy.ndarray) -> None:
    """Write the parse of a piece whose dates stood in as one word back to tokens
    ``start:end`` of ``doc``: a date's first token takes the stand-in's analysis (its
    head, its relation), its others hang on it, as a name's parts do."""
    origin: list[int] = []  # the doc token each piece token stands for
    k = start
    while k < end:
        origin.append(k)
        stop = dates.get(k)
        k = stop if stop is not None and stop <= end else k + 1
    attrs = part.to_array(_PARSE_ATTRS)
    firsts = part.to_array(SENT_START).astype("int64")
    head_col, dep_col, pos_col, tag_col = (_PARSE_ATTRS.index(a) for a in (HEAD, DEP, POS, TAG))
    strings = doc.vocab.strings
    for j, i in enumerate(origin):
        row = attrs[j].copy()
        head = j + int(row[head_col].astype("int64"))
        row[head_col] = numpy.uint64(numpy.int64(origin[head] - i).astype("uint64"))
        stop = dates.get(i)
        if stop is not None and stop <= end:
            row[pos_col], row[tag_col] = strings.add("PROPN"), strings.add("NNP")
        lemma = values[i, _PARSE_ATTRS.index(LEMMA)]
        values[i] = row
        values[i, _PARSE_ATTRS.index(LEMMA)] = lemma if stop is not None and stop <= end else row[
            _PARSE_ATTRS.index(LEMMA)]
        sent_starts[i] = firsts[j]
        for m in range(i + 1, stop if stop is not None and stop <= end else i + 1):
            inner = values[m]
            inner[head_col] = numpy.uint64(numpy.int64(i - m).astype("uint64"))
            number = doc[m].like_num
            inner[dep_col] = strings.add("nummod" if number else "flat")
            inner[pos_col] = strings.add("NUM" if number else "PROPN")
            inner[tag_col] = strings.add("CD" if number else "NNP")
            sent_starts[m] = -1


def _reach(nlp: Language, name: str) -> int:
    """How many tokens either side a token's vector sees in the tok2vec ``name`` (0: unknown).

    A window encoder of depth d and window w sees d * w tokens either side.
    """
    if nlp.get_pipe_meta(name).factory != "tok2vec":
        return 0
    encode = nlp.config["components"][name].get("model", {}).get("encode", {})
    try:
        return int(encode["window_size"]) * int(encode["depth"])
    except (KeyError, TypeError, ValueError):
        return 0


@Language.factory(
    PARSE_NUMBERS,
    default_config={"components": [], "context": 0, "spans_key": QUANTITIES_KEY, "lexicon": None},
    requires=["doc.spans"],
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep", "token.head",
             "token.ent_iob", "token.ent_type", "token.is_sent_start"],
)
def make_number_sentences(nlp: Language, name: str, components: list[str], context: int, spans_key: str,
                          lexicon: str | None) -> NumberSentences:
    """Build ``reconcile_parse_numbers`` over the named components of ``nlp`` (see :class:`NumberSentences`).

    ``components`` run, in their order, on the sentences that hold a quantity of
    ``doc.spans[spans_key]`` (default ``"quantities"``) or an "a" that counts one after
    a verb of the event table of the shipped word tables, extended by ``lexicon`` (a
    path; default ``None``), and on ``context`` sentences before each (default 0).
    """
    from reconcile.lexicon import load_lexicon

    lex = load_lexicon(lexicon)
    events = frozenset(w for w, event in lex.event_of.items() if event not in lex.neutral_events)
    return NumberSentences([(c, nlp.get_pipe(c)) for c in components], nlp.vocab,
                           reach=_reach(nlp, components[0]) if components else 0, context=context,
                           spans_key=spans_key, events=events, verb_lemma=verb_lemmas(nlp),
                           batch_size=nlp.batch_size)


def build_nlp(model: str | None = None, *, lexicon: str | Path | None = None,
              parse: str = DEFAULT_PARSE) -> Language:
    """Build the extraction pipeline.

    Parameters
    ----------
    model
        Name or path of an installed spaCy pipeline to start from. ``None`` (the
        default) loads reconcile's shipped pipeline from the installed package.
    lexicon
        A user TOML file extending the shipped word tables (see ``data/lexicon.toml``).
        ``None`` uses the shipped tables alone.
    parse
        Which sentences the trained components (tok2vec, tagger, parser...) read.
        ``"numbers"`` (the default): only those that hold a number, through one
        ``reconcile_parse_numbers`` step (:class:`NumberSentences`) that stands in for
        them; the others keep their tokens, lookup lemmas and sentence starts. ``"all"``:
        every sentence, as the pipeline ships. Claims are the same either way but for a
        few where the parse of a sentence depends on its neighbours. A pipeline with no
        parser is built as for ``"all"``.

    Raises
    ------
    ModelError
        The named pipeline is not installed, or the shipped one is missing or broken.
    ValueError
        ``parse`` is not one of ``"numbers"``, ``"all"``.
    """
    if parse not in PARSE_MODES:
        raise ValueError(f"parse={parse!r}: use one of {', '.join(map(repr, PARSE_MODES))}")
    return _build(model, str(lexicon) if lexicon else None, parse)


@lru_cache(maxsize=4)
def _build(model: str | None, lexicon: str | None, parse: str) -> Language:
    # imported for their registrations
    import reconcile.claims  # noqa: F401
    from reconcile.claims.event import EVENT
    from reconcile.claims.scope import SCOPE
    from reconcile.claims.speaker import SPEAKER
    from reconcile.claims.thing import THING
    from reconcile.claims.time import TIME
    import reconcile.quantities  # noqa: F401

    if model:
        try:
            nlp = spacy.load(model)
        except OSError as e:
            raise ModelError(
                f"spaCy pipeline {model!r} is not installed; install it first "
                f"(`pip install` its package) or leave out --model to use reconcile's own"
            ) from e
        if needs_ud_mapping(nlp):
            nlp.add_pipe(UD_SCHEME, after="parser")
        try:
            keep_long_runs_whole(nlp.tokenizer)
        except ModelError:
            pass  # a tokenizer of the user's own making: long runs are slower to split, not misread
    else:
        nlp = load_shipped()
        # a run of 65+ characters with no space (base64, "1/1/1/...") is one token:
        # spaCy's affix splitting is quadratic on such runs
        keep_long_runs_whole(nlp.tokenizer)
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    if nlp.has_pipe("sentencizer"):
        nlp.add_pipe(NEWLINE_SENTENCES, after="sentencizer")
    elif nlp.has_pipe("parser"):
        nlp.add_pipe(NEWLINE_SENTENCES, before="parser")  # the parser keeps boundaries set before it
    else:
        nlp.add_pipe(NEWLINE_SENTENCES)
    if not nlp.has_pipe("lemmatizer"):
        nlp.add_pipe(LOOKUP_LEMMAS)
    elif nlp.has_pipe("morphologizer") or nlp.has_pipe("tagger"):
        nlp.add_pipe(AUX_LEMMAS, after="lemmatizer")
    parsed = nlp.has_pipe("parser")
    stand_in = list(nlp.pipe_names) if parse == "numbers" and parsed else []
    nlp.add_pipe("reconcile_quantities")
    if stand_in:
        # the number reader reads the text alone; what it finds says which sentences to parse
        nlp.add_pipe(PARSE_NUMBERS, config={"components": stand_in, "lexicon": lexicon})
    if parsed:
        nlp.add_pipe(THING)
        nlp.add_pipe(EVENT, config={"lexicon": lexicon})
        nlp.add_pipe(TIME)
        nlp.add_pipe(SCOPE)
        nlp.add_pipe(SPEAKER, config={"lexicon": lexicon})
    nlp.add_pipe("reconcile_claims", config={"lexicon": lexicon})
    # disabled last: the claim reader's factory takes its verb tables from the lemmatizer
    for name in stand_in:
        nlp.disable_pipe(name)
    return nlp
