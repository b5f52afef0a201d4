"""Orphans: reviewed annotations that lost their place when their source was edited.

`annotator tag` keeps them in `AnnotationFile.orphans` rather than guess
(`store.anchor`). Here a person settles each one: put it back where it most
likely went, or drop it. Logic only; the keys and the screen are in
`review.orphan_loop`, where an orphan likely went in `review.placing`.
Every decision is saved at once through `Loaded.save` (atomic, and refused
if another program rewrote the file meanwhile).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.errors import InputError
from annotator.models import Annotation, AnnotationFile
from annotator.store import store
from annotator.workspace import Workspace

from .placing import MIN_SCORE, Place, best_place, clash, placed, put_back
from .query import Filters
from .session import Loaded, load


class CannotPlace(Exception):
    """The orphan has no place to go, or another decision already stands there."""


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
