"""Long documents in pieces, so memory stays bounded whatever their length.

spaCy holds a whole text's tokens, parse and our components' scans at once:
one text of 1 MB took 3.5 GB. A body longer than `PAGE_CHARS` is parsed in
pieces that end at paragraph breaks, one piece at a time, and its note prose
the same way; each piece's annotations carry the file's offsets. The notes'
citations and footnote refs need no model and are read whole.

What a piece cannot see: a pronoun whose actor stands in the piece before,
and the concluding paragraph (authorial theses) is each piece's last. Texts
of normal length (the longest of the bundled corpus is 30,000 characters)
are never split, so their tagging is unchanged.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator

from spacy.language import Language

from annotator import TAGGER_VERSION
from annotator.models import AnnotationFile, Document
from annotator.tagging.propose import (
    Piece,
    Proposer,
    actors,
    body_annotations,
    citations,
    footnote_refs,
    note_prose,
    parse_notes,
    propose_all,
)
from annotator.tagging.sizes import words

PAGE_CHARS = 60_000  # characters the model parses at once: about 10,000 words
# Where a piece may end, best first: a paragraph break, a line break, a sentence end, a space.
_BREAKS = ("\n\n", "\n", ". ", " ")

Progress = Callable[[int], None]  # told the number of words just tagged


def is_long(doc: Document) -> bool:
    return len(doc.text) > PAGE_CHARS


def split(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) pieces of `text`, each at most `size` (`PAGE_CHARS`)
    characters, ending at the best break in their second half."""
    size = size or PAGE_CHARS
    spans, start = [], 0
    while len(text) - start > size:
        low, high = start + size // 2, start + size
        cut = next((at + len(b) for b in _BREAKS if (at := text.rfind(b, low, high - len(b) + 1)) != -1), high)
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def within(pieces: list[Piece], starts: list[int], start: int, end: int) -> list[Piece]:
    """The note-prose `pieces` (`starts`: where each starts) that fall in
    [start, end), counted from `start`; a piece cut by either end keeps its
    part, its file offset moved along."""
    first = max(0, bisect_right(starts, start) - 1)
    out = []
    for at, stop, offset in pieces[first:bisect_left(starts, end)]:
        low, high = max(at, start), min(stop, end)
        if low < high:
            out.append((low - start, high - start, offset + low - at))
    return out


def propose_long(doc: Document, nlp: Language, model: str | None = None,
                 progress: Progress | None = None) -> AnnotationFile:
    """All proposals for one long document, parsed piece by piece."""
    cites = parse_notes(doc)
    whole = Proposer(doc, model, cites)
    found: list = [*footnote_refs(whole), *citations(whole)]
    body = doc.body()
    spans = split(body)
    for (start, end), sdoc in zip(spans, nlp.pipe((body[s:e] for s, e in spans), batch_size=1)):
        found += body_annotations(Proposer(doc, model, cites, offset=start), sdoc)
        if progress:
            progress(words(body[start:end]))
    prose, pieces = note_prose(doc, cites)
    starts = [at for at, _, _ in pieces]
    spans = split(prose) if pieces else []
    for (start, end), sdoc in zip(spans, nlp.pipe((prose[s:e] for s, e in spans), batch_size=1)):
        if inside := within(pieces, starts, start, end):  # none: `actors` would read body offsets
            found += actors(whole, sdoc, inside)
    unique = {a.id: a for a in found}
    return AnnotationFile(doc=doc.name, sha256=doc.sha256, tagger=TAGGER_VERSION, annotations=list(unique.values()))


def propose_each(docs: list[Document], nlp: Language, model: str | None = None, batch_size: int = 4,
                 progress: Progress | None = None) -> Iterator[AnnotationFile]:
    """Proposals for documents in input order: runs of normal ones streamed
    through `propose_all` together, a long one alone and in pieces."""
    run: list[Document] = []
    for doc in docs:
        if is_long(doc):
            yield from propose_all(run, nlp, model, batch_size)
            run = []
            yield propose_long(doc, nlp, model, progress)
        else:
            run.append(doc)
    yield from propose_all(run, nlp, model, batch_size)
