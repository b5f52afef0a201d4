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
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

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
# A marker's or note's number: what renumbering changes (`[^12]`, `[footnoteRef:12]`,
# `[12:  `); other digits ("in 2019") are words like any other.
_NUMBER = re.compile(r"(?<=[\[^:])\d+")


def number_now(was: str, now: str, number: str) -> str:
    """A marker's number once it stands on `now`: the number `now` shows when
    the two marker texts differ only there (`[^3]` placed on `[^4]`), else
    `number` as it was (a label, or a marker of another shape)."""
    shown = _NUMBER.search(now)
    same_shape = _NUMBER.sub("#", was) == _NUMBER.sub("#", now)
    return shown.group() if shown is not None and same_shape and _NUMBER.search(was) else number


def same_words(a: str | None, b: str | None) -> bool:
    """Equal but for whitespace and typographic quotes."""
    if a is None or b is None:
        return a == b
    return _norm(a) == _norm(b)


def mark_changed(ann: A, was: AnnotationBase, reason: str, words: str | None = None) -> A:
    """`ann` (already at its new place) no longer carries `was`'s decision: it
    needs a new one. A decision kept aside earlier stays the one shown."""
    if ann.changed is not None:
        return ann
    kept = Changed(text=was.text if words is None else words, review=was.review, reason=reason)
    review = Review(status="changed", proposed_by=was.review.proposed_by)
    return ann.model_copy(update={"review": review, "changed": kept})


def sources_kept(old: AnnotationFile, new: AnnotationFile) -> AnnotationFile:
    """A decided claim whose sources are no longer those it had (its note now cites
    another work, or its marker now calls another note) needs a new decision: the
    evidence under it changed even where its words did not. A claim that had no
    sources yet (no bib/ until now) only gains them."""
    before = {a.id: [s.key for s in a.sources] for a in old.annotations
              if isinstance(a, ClaimAnnotation) and a.reviewed and a.sources}
    out = []
    for ann in new.annotations:
        was = before.get(ann.id)
        if isinstance(ann, ClaimAnnotation) and ann.status in ("accepted", "edited") and was is not None:
            now = [s.key for s in ann.sources]
            if now != was:
                ann = mark_changed(ann, ann, f"its sources changed: {', '.join(map(str, was))} → "
                                              f"{', '.join(map(str, now)) or 'none'}")
        out.append(ann)
    return new.model_copy(update={"annotations": out})


class Follower:
    """Where each reviewed annotation of `old` stands in the new text."""

    def __init__(self, old: AnnotationFile, new: AnnotationFile, text: str, notes: Sequence[Note] = ()):
        self.text = text
        self.notes = sorted(notes, key=lambda n: n.start)
        self.note_starts = [n.start for n in self.notes]
        olds = [a for a in old.annotations if isinstance(a, FootnoteRefAnnotation)]
        news = [a for a in new.annotations if isinstance(a, FootnoteRefAnnotation)]
        if old.sha256 == new.sha256:  # the same text (a re-tag by a new tagger): markers stay where they were
            at = {(n.start, n.end): n for n in news}
            self.refs = {o.id: at[(o.start, o.end)] for o in olds if (o.start, o.end) in at}
        else:
            self.refs = match_refs(olds, news)
        # A merge without a tagging (nothing proposed: a caller re-anchoring only)
        # has no markers to follow numbers by: spans re-anchor, numbers stay.
        self.untagged = not new.annotations
        self.labels: dict[str, str] = {o.number: o.number for o in olds} if self.untagged else {}
        for o in olds:
            if o.id in self.refs:
                self.labels.setdefault(o.number, self.refs[o.id].number)
        self.by_id = {a.id: a for a in old.annotations}
        self.old_ref = {o.number: o for o in reversed(olds)}  # the first marker of each note
        self.new_refs: dict[str, list[FootnoteRefAnnotation]] = {}
        for n in news:
            self.new_refs.setdefault(n.number, []).append(n)
        self.proposed: dict[tuple[str, int, int], Annotation] = {(a.kind, a.start, a.end): a for a in new.annotations}
        self.fresh: set[str] = set()  # ids of changed annotations that took the new proposal's fields
        self._ids: set[str] | None = None

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
        k = bisect_right(self.note_starts, moved.start) - 1
        label = self.notes[k].label if k >= 0 and moved.start < self.notes[k].end else None
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
        lost = [f"note {label}" for label, now in zip(ann.footnotes, notes) if now is None]
        lost += [f"citation {cid}" for cid, now in zip(ann.citations, cites) if now is None]
        moved = ann.model_copy(update={"footnotes": [n for n in notes if n is not None],
                                       "citations": [c for c in cites if c is not None]})
        if lost:
            return mark_changed(moved, ann, f"what it rests on is gone: {', '.join(lost)}")
        away = [now for was, now in zip(ann.footnotes, notes) if now is not None and self._marker_left(ann, was, now)]
        if away:
            return mark_changed(moved, ann, f"the marker of note {', '.join(away)} no longer follows its words")
        return moved

    def _marker_left(self, claim: ClaimAnnotation, was: str, now: str) -> bool:
        """Whether note `was` (now `now`) is no longer called right where it was called
        after the claim's words: the notes were swapped or the marker moved to
        another sentence, so the claim would take another sentence's sources."""
        old_claim, old_ref = self.by_id.get(claim.id), self.old_ref.get(was)
        if self.untagged or old_claim is None or old_ref is None:
            return False
        gap = old_ref.start - old_claim.end
        if gap < 0 or gap > len(old_claim.after):  # not called after the claim, or too far to tell
            return False
        between = _norm(old_claim.after[:gap])
        return not any(r.start >= claim.end and _norm(self.text[claim.end:r.start]) == between
                       for r in self.new_refs.get(now, []))

    def citation_ids(self, citation_at: dict[tuple[int, int], str]) -> set[str]:
        if self._ids is None:
            self._ids = set(citation_at.values())
        return self._ids

    def _citation_now(self, cid: str, citation_at: dict[tuple[int, int], str]) -> str | None:
        was = self.by_id.get(cid)
        if was is None:
            return cid if cid in self.citation_ids(citation_at) else None
        moved = reanchor(was, self.text)
        return citation_at.get((moved.start, moved.end)) if moved is not None else None


# -- footnote refs ------------------------------------------------------------


def match_refs(olds: list[FootnoteRefAnnotation], news: list[FootnoteRefAnnotation]
               ) -> dict[str, FootnoteRefAnnotation]:
    """Old footnote ref id -> the new ref that is the same marker.

    Markers keep their order when notes are inserted or deleted, so the old
    and new markers are aligned in order (`_aligned`), each pair scored by its
    note's text and the words around the marker; a marker moved elsewhere (a
    paragraph moved) is then found by its note's text and its words alone.
    """
    old_marks, new_marks = [_Mark.of(o) for o in olds], [_Mark.of(n) for n in news]
    pairs = _aligned(old_marks, new_marks)
    taken = {id(n) for n in pairs.values()}
    free = {id(n): n for n in new_marks if id(n) not in taken}
    rest = [o for o in old_marks if o.ann.id not in pairs]
    same = list(islice(((_around(o, n), k, o, n) for k, o in enumerate(rest) for n in free.values()
                        if o.same_note(n)), MANY))
    for _, _, o, n in sorted(same, key=lambda p: (-p[0], p[1])):
        if o.ann.id not in pairs and id(n) in free:
            pairs[o.ann.id] = free.pop(id(n))
    return {old_id: mark.ann for old_id, mark in pairs.items()}


# An old marker is aligned with the new markers at about its rank only: an
# insertion of k notes shifts ranks by k; NEAR more for notes moved a little.
NEAR = 20
MANY = 10_000  # at most so many pairs of markers moved out of order are compared


@dataclass(frozen=True)
class _Mark:
    """A footnote ref as compared: its note's text and the words around it, normalised once."""

    ann: FootnoteRefAnnotation
    note: str | None
    before: str
    after: str

    @classmethod
    def of(cls, ann: FootnoteRefAnnotation) -> _Mark:
        note = None if ann.note_text is None else f"{ann.note_kind}:{_norm(ann.note_text)}"
        return cls(ann, note, _NUMBER.sub("0", ann.before), _NUMBER.sub("0", ann.after))

    def same_note(self, other: _Mark) -> bool:
        return self.note is not None and self.note == other.note


def _aligned(olds: list[_Mark], news: list[_Mark]) -> dict[str, _Mark]:
    """The order-keeping pairing of old and new markers with the best total
    score (a banded alignment, linear in the number of markers)."""
    lo, hi = NEAR + max(0, len(olds) - len(news)), NEAR + max(0, len(news) - len(olds))
    best: dict[tuple[int, int], tuple[float, int]] = {}  # cell -> (score, move: 0 pair, 1 skip old, 2 skip new)

    def at(i: int, j: int) -> float:
        return best[(i, j)][0] if (i, j) in best else 0.0

    for i, o in enumerate(olds):
        for j in range(max(0, i - lo), min(len(news), i + hi + 1)):
            pair = _pair_score(o, news[j])
            moves = [(at(i - 1, j - 1) + pair, 0) if pair > 0 else (-1.0, 0), (at(i - 1, j), 1), (at(i, j - 1), 2)]
            best[(i, j)] = max(moves, key=lambda m: (m[0], -m[1]))
    out: dict[str, _Mark] = {}
    i, j = len(olds) - 1, len(news) - 1
    while i >= 0 and j >= 0:
        if (i, j) not in best:  # outside the band: step toward it
            i, j = (i, j - 1) if j > i + hi else (i - 1, j)
            continue
        move = best[(i, j)][1]
        if move == 0:
            out[olds[i].ann.id] = news[j]
        i, j = i - (move != 2), j - (move != 1)
    return out


def _pair_score(old: _Mark, new: _Mark) -> float:
    """Positive when `new` may be `old`: the same note text (worth more than any
    other pair), or the same words around the marker (its note was edited)."""
    if old.ann.note_kind != new.ann.note_kind:
        return 0.0
    around = _around(old, new)
    if old.same_note(new):
        return 200.0 + around
    return around - MIN_CONTEXT + 1 if around >= MIN_CONTEXT else 0.0


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_TYPO)).strip()


def _around(old: _Mark, new: _Mark) -> float:
    """How alike the words around two markers are, numbers aside (they are what
    changed). The words before count twice: a marker belongs to the sentence it
    ends; what follows it may be a sentence inserted after it."""
    before = fuzz.ratio(old.before, new.before[-len(old.before):]) if old.before else None
    after = fuzz.ratio(old.after, new.after[: len(old.after)]) if old.after else None
    if before is None or after is None:
        return before if after is None and before is not None else (after if after is not None else 100.0)
    return (2 * before + after) / 3
