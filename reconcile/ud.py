"""Universal Dependencies labels from a parser that speaks spaCy's ClearNLP scheme.

reconcile's components read Universal Dependencies (UD) labels, as the shipped pipeline
writes them: ``obj`` not ``dobj``; a preposition is the ``case`` child of its noun, which
hangs on the verb (``obl``) or noun (``nmod``) itself; a copula's predicate heads the
clause. spaCy's stock English pipelines (``--model en_core_web_sm``) write the ClearNLP
scheme instead. :func:`to_ud` maps one to the other, and this is the one place that
knows the difference.
"""
from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

UD_SCHEME = "reconcile_ud_scheme"

# ClearNLP label -> UD label, where only the name differs
RENAMED = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "poss": "nmod:poss",
    "dative": "iobj",
    "relcl": "acl:relcl",
    "prt": "compound:prt",
    "neg": "advmod",
    "predet": "det:predet",
    "quantmod": "advmod",
    "npadvmod": "obl:npmod",
    "nmod": "compound",
    "attr": "xcomp",
    "acomp": "xcomp",
    "oprd": "xcomp",
    "pcomp": "advcl",
    "intj": "discourse",
    "meta": "parataxis",
    "preconj": "cc:preconj",
    "agent": "case",
}
CLEARNLP_ONLY = frozenset({"dobj", "pobj", "nsubjpass", "auxpass", "prep", "attr", "poss"})


def needs_ud_mapping(nlp: Language) -> bool:
    """Whether ``nlp`` has a parser whose labels are ClearNLP's (so :func:`to_ud` must run)."""
    if not nlp.has_pipe("parser"):
        return False
    return bool(CLEARNLP_ONLY & set(nlp.get_pipe("parser").labels))


def to_ud(doc: Doc) -> Doc:
    """Rewrite a ClearNLP parse of ``doc`` into UD labels and attachment, in place.

    - ``prep`` + ``pobj``: the object takes the preposition's place (``obl`` under a verb
      or adjective, ``nmod`` under a noun) and the preposition becomes its ``case``
      child; "killed in Sirte" hangs "Sirte" on "killed".
    - ``attr`` / ``acomp`` under a copula: the predicate heads the clause and "be"
      becomes its ``cop``; the copula's other children move to the predicate.
    - the rest is renamed (:data:`RENAMED`).
    """
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    pos = [t.pos_ for t in doc]
    restructured: set[int] = set()
    for i, dep in enumerate(deps):
        if dep != "pobj":
            continue
        prep = heads[i]
        if deps[prep] not in ("prep", "agent", "dative") or prep == i:
            continue
        governor = heads[prep]
        heads[i] = governor if governor != prep else i
        deps[i] = "nmod" if pos[governor] in ("NOUN", "PROPN", "PRON", "NUM") and governor != prep else "obl"
        if governor == prep:
            deps[i] = "ROOT"
        heads[prep], deps[prep] = i, "case"
        restructured.update((i, prep))
    for i, dep in enumerate(deps):
        if dep not in ("attr", "acomp") or doc[heads[i]].lemma_ != "be":
            continue
        cop = heads[i]
        for j in range(len(doc)):
            if heads[j] == cop and j != i:
                heads[j] = i
        heads[i], deps[i] = heads[cop] if heads[cop] != cop else i, deps[cop]
        heads[cop], deps[cop] = i, "cop"
        restructured.update((i, cop))
    for i, dep in enumerate(deps):
        if dep == "prep" and heads[i] != i:
            deps[i] = "case"
        elif i not in restructured:
            deps[i] = RENAMED.get(dep, dep)
    # spaCy stores heads as offsets from the token
    offsets = numpy.array([h - i for i, h in enumerate(heads)], dtype="int64")
    labels = numpy.array([strings.add(d) for d in deps], dtype="uint64")
    # spaCy stores head offsets in a uint64 array: a negative offset wraps, as in to_array
    doc.from_array([HEAD, DEP], numpy.stack([offsets.view("uint64"), labels], axis=1))
    return doc


@Language.component(UD_SCHEME, requires=["token.dep", "token.head"], assigns=["token.dep", "token.head"])
def ud_scheme(doc: Doc) -> Doc:
    """The pipeline step of :func:`to_ud` (added by ``build_nlp`` for ClearNLP parsers)."""
    return to_ud(doc)
