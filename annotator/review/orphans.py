"""Orphans: reviewed annotations that lost their place when their source was edited.

`annotator tag` keeps them in `AnnotationFile.orphans` rather than guess
(`store.anchor`). Here a person settles each one: put it back where it most
likely went, or drop it. Logic only; the keys and the screen are in
`review.loop`. Every decision is saved at once through `Loaded.save`
(atomic, and refused if another program rewrote the file meanwhile).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from annotator.errors import InputError
from annotator.models import Annotation, AnnotationFile
from annotator.store import store

# anchor's own search steps, used here without its thresholds: an orphan is
# what those thresholds turned down, and now a person judges the best of it.
from annotator.store.anchor import DISTINCTIVE, align, context, exact_hits, moved
from annotator.workspace import Workspace

from .query import Filters
from .session import Loaded, load

# Below this a match is noise, shown as "no likely place". Measured on the
# sample corpus: other mentions of an annotated word, compared by the words
# around them, are at most 0.44 alike.
NEAR = 0.5
# `--place` default: the bar `store.anchor` sets for moving an annotation without
# asking (MIN_FUZZY = 80), well clear of the 0.44 of a wrong mention.
MIN_SCORE = 0.8

_WORD = re.compile(r"\w+|[^\w\s]")


class CannotPlace(Exception):
    """The orphan has no place to go, or another decision already stands there."""


# -- where did it go --------------------------------------------------------


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


# -- loading ----------------------------------------------------------------


def with_orphans(ws: Workspace, names: list[str]) -> list[str]:
    """The named documents that hold orphans (annotation files only, no sources)."""
    return [name for name in names if store.load(ws.annotations / f"{name}.json").orphans]


def load_docs(ws: Workspace, names: list[str]) -> dict[str, Loaded]:
    """Annotation files with their sources; all read before anything changes."""
    docs = {}
    for name in names:
        try:
            docs[name] = load(ws, name)
        except OSError as err:  # unreadable: permissions, a folder in its place
            raise InputError(f"{err.filename or name}: cannot read it ({err.strerror}); "
                             "its orphans are left as they are") from None
    return docs


@dataclass(frozen=True)
class Choice:
    """Which orphans: annotation filters, and a range of best-match score."""

    filters: Filters = Filters()
    min_score: float | None = None
    max_score: float | None = None


@dataclass
class Orphan:
    """One orphan in the queue, with its best place in the current text."""

    doc: str
    ann: Annotation
    place: Place | None
    state: str = "orphan"  # or "placed", "dropped"

    @property
    def score(self) -> float:
        return self.place.score if self.place else 0.0


def queue(docs: dict[str, Loaded], choice: Choice = Choice()) -> list[Orphan]:
    """The orphans of these documents in document order (by their old place)."""
    items = []
    for name, loaded in docs.items():
        for ann in sorted(loaded.afile.orphans, key=lambda a: (a.start, a.end)):
            if choice.filters.match(ann):
                item = Orphan(name, ann, best_place(ann, loaded.text))
                if (choice.min_score is None or item.score >= choice.min_score) and (
                        choice.max_score is None or item.score <= choice.max_score):
                    items.append(item)
    return items


# -- one at a time ----------------------------------------------------------


@dataclass
class Step:
    """What undo needs: the document's two lists as they were, and the cursor."""

    pos: int
    annotations: list
    orphans: list


@dataclass
class OrphanSession:
    docs: dict[str, Loaded]
    items: list[Orphan]
    pos: int = 0
    history: list[Step] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.pos >= len(self.items)

    def current(self) -> Orphan | None:
        return None if self.done else self.items[self.pos]

    def text(self, item: Orphan) -> str:
        return self.docs[item.doc].text

    def _settling(self) -> Orphan:
        item = self.current()
        assert item is not None, "placing or dropping needs an orphan left (the loop checks `done`)"
        return item

    def candidate(self, item: Orphan) -> Annotation | None:
        """The orphan as it would stand at its likely place."""
        return placed(item.ann, item.place, self.text(item)) if item.place and item.place.likely else None

    def counts(self) -> Counter:
        return Counter(it.state for it in self.items)

    def skip(self) -> None:
        self.pos = min(self.pos + 1, len(self.items))

    def place(self) -> Annotation:
        item = self._settling()
        new = self.candidate(item)
        if new is None:
            raise CannotPlace("no likely place for it in the current text")
        afile = self.docs[item.doc].afile
        other = clash(afile, new)
        if other is not None:
            raise CannotPlace(f"a reviewed {other.kind} ({other.id}) already stands there")
        self._record(item, "placed", lambda: put_back(afile, item.ann, new))
        return new

    def drop(self) -> Annotation:
        item = self._settling()
        afile = self.docs[item.doc].afile
        self._record(item, "dropped", lambda: afile.orphans.remove(item.ann))
        return item.ann

    def _record(self, item: Orphan, state: str, change) -> None:
        loaded = self.docs[item.doc]
        step = Step(self.pos, list(loaded.afile.annotations), list(loaded.afile.orphans))
        change()
        try:
            store.verify(loaded.afile, loaded.text, loaded.path)
            loaded.save()
        except Exception:  # not saved (the file changed on disk?): memory stays what the disk holds
            _restore(loaded, step)
            raise
        self.history.append(step)
        item.state = state
        self.skip()

    def undo(self) -> Orphan | None:
        """Put the document back as it was before the last decision."""
        if not self.history:
            return None
        step = self.history.pop()
        item = self.items[step.pos]
        loaded = self.docs[item.doc]
        _restore(loaded, step)
        loaded.save()
        item.state, self.pos = "orphan", step.pos
        return item


def _restore(loaded: Loaded, step: Step) -> None:
    loaded.afile.annotations = list(step.annotations)
    loaded.afile.orphans = list(step.orphans)


# -- batch ------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    item: Orphan
    action: str  # "place", "drop" or "keep"
    why: str = ""  # for "keep"


def batch(docs: dict[str, Loaded], items: list[Orphan], action: str, min_score: float = MIN_SCORE,
          dry_run: bool = False) -> list[Outcome]:
    """Drop every orphan, or place every one whose best match scores at least
    `min_score`; one atomic save per changed document."""
    if action not in ("place", "drop"):
        raise ValueError(f"orphans are placed or dropped, not {action!r}")
    work = {name: loaded.afile.model_copy(deep=True) for name, loaded in docs.items()}
    outcomes = [_settle(work[it.doc], docs[it.doc].text, it, action, min_score) for it in items]
    changed = {o.item.doc for o in outcomes if o.action != "keep"}
    if not dry_run:
        for name in sorted(changed):
            store.verify(work[name], docs[name].text, docs[name].path)
            docs[name].afile = work[name]
            docs[name].save()
    return outcomes


def _settle(afile: AnnotationFile, text: str, item: Orphan, action: str, min_score: float) -> Outcome:
    if action == "drop":
        afile.orphans.remove(item.ann)
        return Outcome(item, "drop")
    if item.place is None or not item.place.likely:
        return Outcome(item, "keep", "no likely place" + (f" (best match {item.score:.2f})" if item.place else ""))
    if item.score < min_score:
        return Outcome(item, "keep", f"best match {item.score:.2f} < {min_score:.2f}")
    new = placed(item.ann, item.place, text)
    other = clash(afile, new)  # also one placed earlier in this batch
    if other is not None:
        return Outcome(item, "keep", f"a reviewed {other.kind} ({other.id}) stands there")
    put_back(afile, item.ann, new)
    return Outcome(item, "place")
