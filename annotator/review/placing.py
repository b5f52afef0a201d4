"""Where did an orphan go: the best candidate span in the edited text for a
reviewed annotation that lost its place, how alike it is, and putting it back."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from annotator.models import Annotation, AnnotationFile, FootnoteRefAnnotation

# anchor's own search steps, used here without its thresholds: an orphan is
# what those thresholds turned down, and now a person judges the best of it.
from annotator.store.anchor import DISTINCTIVE, align, context, exact_hits, moved
from annotator.store.follow import number_now

# Below this a match is noise, shown as "no likely place". Measured on the
# sample corpus: other mentions of an annotated word, compared by the words
# around them, are at most 0.44 alike.
NEAR = 0.5
# `--place` default: the bar `store.anchor` sets for moving an annotation without
# asking (MIN_FUZZY = 80), well clear of the 0.44 of a wrong mention.
MIN_SCORE = 0.8

_WORD = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Place:
    """A candidate span in the current text and how alike it is to the old one."""

    start: int
    end: int
    quote: float  # old quote against the new span, by characters (0-1)
    context: float  # old surroundings against the new, by words (0-1)
    distinctive: bool  # the quote identifies the place alone

    @property
    def score(self) -> float:
        """The quote's likeness; for a quote that is short or occurs more than
        once ("Russia"), no more than its surroundings' likeness either."""
        return self.quote if self.distinctive else min(self.quote, self.context)

    @property
    def likely(self) -> bool:
        return self.score >= NEAR


def best_place(ann: Annotation, text: str) -> Place | None:
    """The best candidate for where the quote went, likely or not; None if there is none."""
    if not ann.text or not text:
        return None
    spans: set[tuple[int, int] | None] = {(s, s + len(ann.text)) for s in exact_hits(ann.text, text)}
    spans.add(align(ann, text, ann.before + ann.text + ann.after, len(ann.before)))
    spans.add(align(ann, text, ann.text, 0))  # when the surroundings were rewritten
    places = [_scored(ann, text, *span) for span in spans if span is not None]
    return max(places, key=lambda p: (p.score, -abs(p.start - ann.start)), default=None)


def _scored(ann: Annotation, text: str, start: int, end: int) -> Place:
    new = text[start:end]
    before, after = context(text, start, end)
    # Words, not characters: unrelated English prose shares about half its
    # characters but few of its words.
    pairs = ((ann.before, before[-len(ann.before):]), (ann.after, after[: len(ann.after)]))
    sides = [_words_alike(old, now) for old, now in pairs if old]
    # `store.anchor`'s notion: a long quote identifies its place alone, unless its
    # new words occur more than once (a citation repeated in two notes).
    distinctive = len(ann.text) >= DISTINCTIVE and text.count(new) == 1
    return Place(start, end, quote=fuzz.ratio(ann.text, new) / 100,
                 context=sum(sides) / len(sides) if sides else 1.0, distinctive=distinctive)


def _words_alike(a: str, b: str) -> float:
    return fuzz.ratio(_WORD.findall(a), _WORD.findall(b)) / 100


def placed(ann: Annotation, place: Place, text: str) -> Annotation:
    """The orphan moved to `place`, review fields kept, validated like a stored one."""
    new = moved(ann, place.start, place.end, text)
    if isinstance(new, FootnoteRefAnnotation):  # placed on "[^4]", it is marker 4 now, not the 3 it was
        new = new.model_copy(update={"number": number_now(ann.text, new.text, new.number)})
    return type(new).model_validate(new.model_dump())


def clash(afile: AnnotationFile, new: Annotation) -> Annotation | None:
    """A reviewed annotation of the same kind on the same span, or with the same id."""
    return next((a for a in afile.annotations if a.reviewed and _same(a, new)), None)


def _same(a: Annotation, b: Annotation) -> bool:
    return a.id == b.id or (a.kind, a.start, a.end) == (b.kind, b.start, b.end)


def put_back(afile: AnnotationFile, orphan: Annotation, new: Annotation) -> None:
    """Move an orphan into the annotations. A proposal on its span (or with its
    id) goes, as in `store.merge`: the decision wins."""
    afile.orphans.remove(orphan)
    afile.annotations = [a for a in afile.annotations if not _same(a, new)] + [new]
