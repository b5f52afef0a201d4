"""Cheap whole-document scans for the rule components.

Iterating a Doc in Python builds a Token object per token, and the rules
did that many times per document. Here a scan reads one attribute column
with `Doc.to_array` (token attributes are string hashes), tests each
distinct value once, and returns only the token indices that pass; the
rules then look at those few tokens.

Inside `scanning(doc)` the columns and the sentence list are computed once
and shared by every rule of the component; outside it each call computes
its own, so the functions stay correct wherever they are called from.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

_CACHE = "_annotator_scan"  # doc.user_data key, only while `scanning` is open
_TEXT = "_annotator_text"  # doc.user_data key, from the first `doc_text` to `release_text`


@contextmanager
def scanning(doc: Doc) -> Iterator[None]:
    """Share scans for the block. The cache must not outlive it: numpy
    arrays and spans in user_data would break Doc serialisation, and a
    later component may change the tokens."""
    doc.user_data[_CACHE] = {}
    try:
        yield
    finally:
        doc.user_data.pop(_CACHE, None)


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: each `doc.text` builds a Token per
    token, and the actor rules, the claim rules and the proposer all read it.
    Unlike the scans it may outlive `scanning`: retokenizing merges tokens but
    never changes a character, so the text stays right until the Doc is done
    (`release_text`)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def release_text(doc: Doc) -> None:
    """Drop `doc_text`'s copy once the Doc's annotations are made, so a Doc
    kept or serialised later carries no second copy of its text."""
    doc.user_data.pop(_TEXT, None)


def forget(doc: Doc) -> None:
    """Drop shared scans after retokenizing: token indices have moved."""
    if _CACHE in doc.user_data:
        doc.user_data[_CACHE] = {}


def _cached(doc: Doc, key: str, make: Callable[[], object]):
    cache = doc.user_data.get(_CACHE)
    if cache is None:
        return make()
    if key not in cache:
        cache[key] = make()
    return cache[key]


def _column(doc: Doc, attr: str) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(distinct values, index of each token's value among them)."""
    def make():
        distinct, where = numpy.unique(doc.to_array(attr), return_inverse=True)
        return distinct, where.reshape(-1)
    return _cached(doc, attr, make)


def _strings(doc: Doc, attr: str) -> list[str]:
    """The strings of `_column(doc, attr)`'s distinct values."""
    strings = doc.vocab.strings
    return _cached(doc, f"{attr}-strings", lambda: [strings[v] for v in _column(doc, attr)[0].tolist()])


def tokens_where(doc: Doc, test: Callable[[str], bool], attr: str = "ORTH") -> list[int]:
    """Indices, ascending, of tokens whose `attr` string (ORTH, LOWER, LEMMA) passes `test`."""
    if not len(doc):
        return []
    keep = numpy.array([test(s) for s in _strings(doc, attr)], dtype=bool)
    return numpy.nonzero(keep[_column(doc, attr)[1]])[0].tolist()


def tokens_in(doc: Doc, words: Iterable[str], attr: str = "ORTH") -> list[int]:
    """Indices, ascending, of tokens whose `attr` string is one of `words`;
    compares hashes only (callers recheck the text where a collision would matter)."""
    if not len(doc) or not words:
        return []
    distinct, where = _column(doc, attr)
    ids = numpy.fromiter((get_string_id(w) for w in words), dtype=numpy.uint64)
    return numpy.nonzero(numpy.isin(distinct, ids)[where])[0].tolist()


def flagged(doc: Doc, attr: str) -> list[int]:
    """Indices of tokens with a boolean flag set ("IS_SPACE", "IS_TITLE", …)."""
    return numpy.nonzero(doc.to_array(attr))[0].tolist() if len(doc) else []


def union(*indices: list[int]) -> list[int]:
    return sorted(set().union(*indices))


def sentences(doc: Doc) -> list[Span]:
    """`list(doc.sents)`, computed once inside `scanning`."""
    return _cached(doc, "sents", lambda: list(doc.sents))


def sentences_of(sents: list[Span], indices: list[int]) -> list[tuple[int, Span]]:
    """(token index, its sentence) for ascending token indices."""
    starts = [s.start for s in sents]
    return [(i, sents[bisect_right(starts, i) - 1]) for i in indices]
