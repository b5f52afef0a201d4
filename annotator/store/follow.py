"""Reviewed decisions follow their content, not their numbers.

A note inserted before others renumbers every later note: the reviewed
`[^1]` is now `[^2]`. A footnote ref is therefore found again by its note's
text (and the words around its marker), a note citation takes the number of
the note it now stands in, and a cited claim the numbers its notes now have.
Whatever cannot follow is not guessed: the annotation is marked `changed`
(its decision kept aside for a new one) or, when it cannot be found at all,
left to the store as an orphan.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from annotator.models import (
    Annotation,
    AnnotationBase,
    AnnotationFile,
    Changed,
    CitationAnnotation,
    ClaimAnnotation,
    FootnoteRefAnnotation,
    Note,
    Review,
)

from .anchor import MIN_CONTEXT, A, reanchor

# Typographic quotes and dashes a re-typed or re-exported text may swap: not
# a change of words.
_TYPO = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-"})
_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


def same_words(a: str | None, b: str | None) -> bool:
    """Equal but for whitespace and typographic quotes."""
    if a is None or b is None:
        return a == b
    return _SPACE.sub(" ", a.translate(_TYPO)).strip() == _SPACE.sub(" ", b.translate(_TYPO)).strip()


def mark_changed(ann: A, was: AnnotationBase, reason: str, words: str | None = None) -> A:
    """`ann` (already at its new place) no longer carries `was`'s decision: it
    needs a new one. A decision kept aside earlier stays the one shown."""
    if ann.changed is not None:
        return ann
    kept = Changed(text=was.text if words is None else words, review=was.review, reason=reason)
    review = Review(status="changed", proposed_by=was.review.proposed_by)
    return ann.model_copy(update={"review": review, "changed": kept})


class Follower:
    """Where each reviewed annotation of `old` stands in the new text."""

    def __init__(self, old: AnnotationFile, new: AnnotationFile, text: str, notes: Sequence[Note] = ()):
        self.text = text
        self.notes = list(notes)
        olds = [a for a in old.annotations if isinstance(a, FootnoteRefAnnotation)]
        news = [a for a in new.annotations if isinstance(a, FootnoteRefAnnotation)]
        self.refs = match_refs(olds, news, text)
        # A merge without a tagging (nothing proposed: a caller re-anchoring only)
        # has no markers to follow numbers by: spans re-anchor, numbers stay.
        self.untagged = not new.annotations
        self.labels: dict[str, str] = {o.number: o.number for o in olds} if self.untagged else {}
        for o in olds:
            if o.id in self.refs:
                self.labels.setdefault(o.number, self.refs[o.id].number)
        self.old = old
        self.proposed: dict[tuple[str, int, int], Annotation] = {(a.kind, a.start, a.end): a for a in new.annotations}
        self.fresh: set[str] = set()  # ids of changed annotations that took the new proposal's fields

    def place(self, ann: Annotation) -> Annotation | None:
        """`ann` moved to where its content now stands; None when it is gone."""
        if isinstance(ann, FootnoteRefAnnotation):
            return self._ref(ann)
        moved: Annotation | None = reanchor(ann, self.text)
        if moved is None:
            return None
        if not same_words(moved.text, ann.text):
            moved = mark_changed(moved, ann, "its words were edited since the decision")
        if moved.status == "changed":
            moved = self._proposal_for(moved)
            if moved.id in self.fresh:
                return moved
        if isinstance(moved, CitationAnnotation) and isinstance(ann, CitationAnnotation) and moved.number is not None:
            return self._in_note(moved, ann)
        return moved

    def _proposal_for(self, ann: Annotation) -> Annotation:
        """A changed annotation awaits a new decision on what the tagger reads in
        the new words now (a citation's year and page, a claim's notes), its own
        id and the decision set aside kept."""
        now = self.proposed.get((ann.kind, ann.start, ann.end))
        if now is None:
            return ann
        self.fresh.add(ann.id)
        return now.model_copy(update={"id": ann.id, "review": ann.review, "changed": ann.changed})

    def _ref(self, ann: FootnoteRefAnnotation) -> FootnoteRefAnnotation | None:
        now = self.refs.get(ann.id)
        if now is None:
            return reanchor(ann, self.text) if self.untagged else None
        fields = ("start", "end", "text", "before", "after", "number", "note_start", "note_end", "note_text")
        moved = ann.model_copy(update={f: getattr(now, f) for f in fields})
        if not same_words(ann.note_text, now.note_text):
            moved = mark_changed(moved, ann, "the text of its note was edited since the decision",
                                 words=ann.note_text or ann.text)
        return moved

    def _in_note(self, moved: CitationAnnotation, was: CitationAnnotation) -> CitationAnnotation:
        """A note citation takes the number of the note it now stands in."""
        label = next((n.label for n in self.notes if n.start <= moved.start < n.end), None)
        if label is None and not self.notes:
            label = self.labels.get(was.number or "")
        if label is None:
            return mark_changed(moved, was, f"note {was.number}, where it stood, cannot be found")
        return moved.model_copy(update={"number": label})

    def claim(self, ann: ClaimAnnotation, citation_at: dict[tuple[int, int], str]) -> ClaimAnnotation:
        """A placed claim with the current numbers of its notes and the current ids
        of its inline citations; one that lost a support is `changed`."""
        if ann.id in self.fresh:
            return ann  # the proposal's numbers and ids are those of now
        notes = [self.labels.get(label) for label in ann.footnotes]
        cites = [self._citation_now(cid, citation_at) for cid in ann.citations]
        lost = [label for label, now in zip(ann.footnotes, notes) if now is None]
        lost += [f"citation {cid}" for cid, now in zip(ann.citations, cites) if now is None]
        moved = ann.model_copy(update={"footnotes": [n for n in notes if n is not None],
                                       "citations": [c for c in cites if c is not None]})
        if lost:
            return mark_changed(moved, ann, f"what it rests on is gone: note {', '.join(lost)}")
        return moved

    def _citation_now(self, cid: str, citation_at: dict[tuple[int, int], str]) -> str | None:
        was = next((a for a in self.old.annotations if a.id == cid), None)
        if was is None:
            return cid if cid in citation_at.values() else None
        moved = reanchor(was, self.text)
        return citation_at.get((moved.start, moved.end)) if moved is not None else None


# -- footnote refs ------------------------------------------------------------


def match_refs(olds: list[FootnoteRefAnnotation], news: list[FootnoteRefAnnotation],
               text: str) -> dict[str, FootnoteRefAnnotation]:
    """Old footnote ref id -> the new ref that is the same marker: first by the
    note's text (the words around the marker choose among notes alike), then,
    for the rest, by the words around the marker alone (its note was edited)."""
    free = {id(n): n for n in news}
    by_text: dict[str, list[FootnoteRefAnnotation]] = defaultdict(list)
    for n in news:
        if n.note_text is not None:
            by_text[_norm(n.note_text)].append(n)
    out: dict[str, FootnoteRefAnnotation] = {}
    for o in olds:
        alike = [n for n in by_text.get(_norm(o.note_text or ""), []) if id(n) in free and n.note_kind == o.note_kind]
        if o.note_text is not None and alike:
            out[o.id] = free.pop(id(max(alike, key=lambda n: _around(o, n))))
    pairs = sorted(_near_pairs(olds, news, out, free), key=lambda p: (-p[0], p[1]))
    for score, _, o, n in pairs:
        if score >= MIN_CONTEXT and o.id not in out and id(n) in free:
            out[o.id] = free.pop(id(n))
    return out


# Markers whose notes were edited are compared with the new markers at about
# the same rank only, so a document of thousands of notes stays linear.
NEAR = 20


def _near_pairs(olds, news, out, free):
    slack = NEAR + abs(len(news) - len(olds))
    for i, o in enumerate(olds):
        if o.id in out:
            continue
        for n in news[max(0, i - slack): i + slack + 1]:
            if id(n) in free and n.note_kind == o.note_kind:
                yield _around(o, n), i, o, n


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_TYPO)).strip()


def _around(old: FootnoteRefAnnotation, new: FootnoteRefAnnotation) -> float:
    """How alike the words around two markers are, numbers aside (they are what changed)."""
    sides = [(old.before, new.before[-len(old.before):] if old.before else ""),
             (old.after, new.after[: len(old.after)])]
    scores = [fuzz.ratio(_DIGITS.sub("0", a), _DIGITS.sub("0", b)) for a, b in sides if a]
    return sum(scores) / len(scores) if scores else 100.0

