"""Find an annotation again after its source text was edited.

In the manner of the W3C Web Annotation TextQuoteSelector: the quote with
a little context either side; exact match first, then fuzzy.
"""

from __future__ import annotations

from .models import AnnotationBase

CONTEXT = 32


def context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def reanchor(ann: AnnotationBase, new_text: str) -> AnnotationBase | None:
    """The annotation moved to where its quote now stands, or None (orphan)."""
    if new_text[ann.start : ann.end] == ann.text:
        return ann
    hits = _exact_hits(ann.text, new_text)
    if not hits:
        return None
    best = min(hits, key=lambda s: (-_context_score(ann, new_text, s), abs(s - ann.start)))
    return _moved(ann, best, new_text)


def _exact_hits(quote: str, text: str) -> list[int]:
    hits, pos = [], text.find(quote)
    while pos != -1 and quote:
        hits.append(pos)
        pos = text.find(quote, pos + 1)
    return hits


def _context_score(ann: AnnotationBase, text: str, start: int) -> int:
    before, after = context(text, start, start + len(ann.text))
    return int(before.endswith(ann.before)) + int(after.startswith(ann.after))


# Offsets a kind keeps besides its span; they move with it.
_OFFSETS = ("cue_start", "cue_end", "note_start", "note_end")


def _moved(ann: AnnotationBase, start: int, text: str) -> AnnotationBase:
    end = start + len(ann.text)
    before, after = context(text, start, end)
    update = {"start": start, "end": end, "before": before, "after": after}
    delta = start - ann.start
    for name in _OFFSETS:
        value = getattr(ann, name, None)
        if value is not None:
            update[name] = value + delta
    return ann.model_copy(update=update)
