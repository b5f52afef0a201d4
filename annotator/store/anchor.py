"""Find an annotation again after its source text was edited.

In the manner of the W3C Web Annotation TextQuoteSelector: the quote with
a little context either side; exact match first, then fuzzy. What cannot be
found with confidence is not guessed: `reanchor` returns None and the store
keeps the annotation as an orphan for a person to look at.
"""

from __future__ import annotations

from typing import TypeVar

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from annotator.models import AnnotationBase

CONTEXT = 32
# Mean similarity (0-100) of the old and new context an exact hit needs.
# Below it the quote is probably another mention of the same words
# ("Russia" occurs dozens of times), not the annotated one.
MIN_CONTEXT = 60
# A quote this long is distinctive on its own: an exact hit counts even
# when both sides of its context were rewritten.
DISTINCTIVE = 20
# How alike quote-with-context must be (0-100) to accept a fuzzy hit, and
# how alike the old and new quote themselves.
MIN_FUZZY = 80
MIN_QUOTE = 70

# Moving an annotation keeps its kind: a claim moved is a claim.
A = TypeVar("A", bound=AnnotationBase)


def context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def reanchor(ann: A, new_text: str) -> A | None:
    """The annotation moved to where its quote now stands, or None (orphan)."""
    # The same quote at the same offsets is another mention when the text
    # before it was cut ("Russia … . Russia said no." -> "Russia said no."):
    # its context must agree too, as for any other exact hit.
    if new_text[ann.start : ann.end] == ann.text and _confident(ann, new_text, ann.start):
        return ann
    span = _exact(ann, new_text) or _fuzzy(ann, new_text)
    if span is None:
        return None
    return moved(ann, span[0], span[1], new_text)


# -- exact ------------------------------------------------------------------


def _exact(ann: AnnotationBase, text: str) -> tuple[int, int] | None:
    hits = exact_hits(ann.text, text)
    if not hits:
        return None
    scored = [(_context_score(ann, text, s), -abs(s - ann.start), s) for s in hits]
    score, _, best = max(scored)
    if not _enough(ann, score):
        return None
    return best, best + len(ann.text)


def _confident(ann: AnnotationBase, text: str, start: int) -> bool:
    return _enough(ann, _context_score(ann, text, start))


def _enough(ann: AnnotationBase, score: float) -> bool:
    return score >= MIN_CONTEXT or len(ann.text) >= DISTINCTIVE


def exact_hits(quote: str, text: str) -> list[int]:
    hits, pos = [], text.find(quote) if quote else -1
    while pos != -1:
        hits.append(pos)
        pos = text.find(quote, pos + 1)
    return hits


def _context_score(ann: AnnotationBase, text: str, start: int) -> float:
    """Mean similarity of the old and new context; 100 when none was kept."""
    before, after = context(text, start, start + len(ann.text))
    sides = [(ann.before, before[-len(ann.before):]), (ann.after, after[: len(ann.after)])]
    scores = [fuzz.ratio(old, new) for old, new in sides if old]
    return sum(scores) / len(scores) if scores else 100.0


# -- fuzzy ------------------------------------------------------------------


def _fuzzy(ann: AnnotationBase, text: str) -> tuple[int, int] | None:
    """Locate quote-with-context approximately, then map the quote's ends into it.

    The old `before + quote + after` is aligned character by character
    (Levenshtein opcodes) with the best matching stretch of the new text;
    where the quote began and ended in the old string is carried over.
    """
    if not ann.text:
        return None
    span = align(ann, text, ann.before + ann.text + ann.after, len(ann.before), MIN_FUZZY)
    if span is None or fuzz.ratio(ann.text, text[span[0] : span[1]]) < MIN_QUOTE:
        return None
    return span


def align(ann: AnnotationBase, text: str, needle: str, lead: int, cutoff: float = 0) -> tuple[int, int] | None:
    """Where the quote, found at `lead` in `needle`, lies in the stretch of
    `text` that best matches `needle` (whole words); None below `cutoff`."""
    found = fuzz.partial_ratio_alignment(needle, text, score_cutoff=cutoff)
    if found is None:
        return None
    lo = max(0, found.dest_start - CONTEXT // 2)
    hi = min(len(text), found.dest_end + CONTEXT // 2)
    ops = Levenshtein.opcodes(needle, text[lo:hi])
    start = lo + _map_start(ops, lead)
    end = lo + _map_end(ops, lead + len(ann.text))
    return _trimmed(text, *_whole_words(ann, text, start, end))


def _map_start(ops, pos: int) -> int:
    """Where the old character at `pos` went in the new string."""
    for op in ops:
        if op.src_start <= pos < op.src_end:
            if op.tag == "equal":
                return op.dest_start + pos - op.src_start
            return op.dest_start if op.tag == "delete" else min(op.dest_start + pos - op.src_start, op.dest_end)
    return ops.dest_len


def _map_end(ops, pos: int) -> int:
    """Where the new string ends a span that ended at old `pos` (exclusive)."""
    last = pos - 1
    for op in ops:
        if op.src_start <= last < op.src_end:
            if op.tag == "equal":
                return op.dest_start + last - op.src_start + 1
            return op.dest_start if op.tag == "delete" else op.dest_end
    return ops.dest_len


def _whole_words(ann: AnnotationBase, text: str, start: int, end: int) -> tuple[int, int]:
    """Do not cut a word in two where the old span did not."""
    if ann.text[0].isalnum() and not ann.before[-1:].isalnum():
        while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
    if ann.text[-1].isalnum() and not ann.after[:1].isalnum():
        while 0 < end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
            end += 1
    return start, end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# -- moving -----------------------------------------------------------------


def moved(ann: A, start: int, end: int, text: str) -> A:
    before, after = context(text, start, end)
    update = {"start": start, "end": end, "text": text[start:end], "before": before, "after": after}
    delta = start - ann.start
    if getattr(ann, "cue_start", None) is not None:
        update.update(_moved_cue(ann, text, delta))
    if getattr(ann, "note_start", None) is not None:
        update.update(_moved_note(ann, text, delta))
    return ann.model_copy(update=update)


def _moved_cue(ann, text: str, delta: int) -> dict:
    """The cue moves with the claim; if an edit shifted it, the nearest same cue."""
    lo, hi = ann.cue_start + delta, ann.cue_end + delta
    if ann.cue is None or text[lo:hi] == ann.cue:
        return {"cue_start": lo, "cue_end": hi}
    near = [s for s in exact_hits(ann.cue, text) if abs(s - lo) <= 2 * CONTEXT]
    if not near:
        return {"cue_start": None, "cue_end": None}
    best = min(near, key=lambda s: abs(s - lo))
    return {"cue_start": best, "cue_end": best + len(ann.cue)}


def _moved_note(ann, text: str, delta: int) -> dict:
    """A note block follows its paragraph, not its marker: find it by its text."""
    lo, hi = ann.note_start + delta, (ann.note_end or ann.note_start) + delta
    if ann.note_text is None or ann.note_text in text[lo:hi]:
        return {"note_start": lo, "note_end": hi}
    pos = text.find(ann.note_text, ann.start + delta)
    if pos == -1:
        return {"note_start": None, "note_end": None}
    open_at = text.rfind("[", 0, pos)
    close_at = text.find("]", pos + len(ann.note_text))
    start = open_at if open_at != -1 else pos
    end = close_at + 1 if close_at != -1 else pos + len(ann.note_text)
    return {"note_start": start, "note_end": end}
