"""Review decisions: pure logic, no terminal.

A `Session` walks a queue of annotations (chosen and ordered by
`query`) and records decisions: accept, reject, or an edit made with
`edit`. Every decision is written at once through `store.save`
(atomically), so a killed process loses at most the decision being made.
Undo is a stack of the annotations as they were, several levels deep.
"""

from __future__ import annotations

import getpass
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from annotator.errors import MissingSource, StoreError, WorkspaceError
from annotator.models import Annotation, AnnotationFile, Review, Status
from annotator.readers import source_text
from annotator.store import store
from annotator.workspace import Workspace

REVIEWER_ENV = "ANNOTATOR_REVIEWER"


@dataclass
class Loaded:
    """One document under review: its annotation file and its source text."""

    name: str  # the annotation file's stem, as used on the command line
    path: Path
    afile: AnnotationFile
    text: str
    stamp: tuple = ()  # the file as we last read or wrote it

    def __post_init__(self) -> None:
        self.stamp = self.stamp or _stamp(self.path)
        # Progress is counted on every key, and a batch replaces thousands:
        # look annotations up by id, not by scanning.
        self.by_id = {a.id: a for a in self.afile.annotations}
        self._position = {a.id: i for i, a in enumerate(self.afile.annotations)}

    def find(self, ann_id: str) -> Annotation:
        return self.by_id[ann_id]

    def replace(self, new: Annotation) -> None:
        self.afile.annotations[self._position[new.id]] = self.by_id[new.id] = new

    def save(self) -> None:
        """Save, unless another program (`annotator tag`?) rewrote the file meanwhile:
        writing our older copy over it would undo that program's work."""
        if _stamp(self.path) != self.stamp:
            raise StoreError(f"{self.path}: changed on disk by another program during this review; "
                             "your earlier decisions are saved, start `annotator review` again")
        # A reviewer's own write: it may change or undo decisions (the lock and the
        # stamp check above keep other writers out).
        store.save(self.path, self.afile, decisions=True)
        self.stamp = _stamp(self.path)


def _stamp(path: Path) -> tuple:
    """What changes when a file is replaced or rewritten (os.replace gives a new inode)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return ("missing",)
    return (st.st_ino, st.st_mtime_ns, st.st_size)


@dataclass(frozen=True)
class Item:
    """One place in the review queue: a document and an annotation id."""

    doc: str
    id: str


def reviewer_name(option: str | None = None) -> str:
    """`--reviewer`, else $ANNOTATOR_REVIEWER, else the login name."""
    if option:
        return option
    if os.environ.get(REVIEWER_ENV):
        return os.environ[REVIEWER_ENV]
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return "unknown"


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# -- loading ----------------------------------------------------------------


def doc_names(ws: Workspace, wanted: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Stems of the annotation files to review: all, or those named.

    A document may be named by its file name, its stem, or a path to its
    source or annotation file.
    """
    have = [p.stem for p in ws.annotation_files()]
    if not wanted:
        if not have:
            raise WorkspaceError(f"{ws.annotations}: no annotation files; run `annotator tag` first")
        return have
    names = []
    for arg in wanted:
        stem = _stem(ws, arg)
        if stem not in have:
            raise WorkspaceError(f"{arg}: no annotations for this document in {ws.annotations}; "
                                 "run `annotator tag` first")
        names.append(stem)
    return list(dict.fromkeys(names))


def _stem(ws: Workspace, arg: str) -> str:
    """The annotation file meant by a name on the command line. Not `Path.stem`
    alone: corpus/sub/essay.txt is sub__essay.json, and its stem "essay" would
    open the review of corpus/essay.txt instead."""
    path = Path(arg)
    if (ws.annotations / f"{arg}.json").is_file() or path.suffix == ".json":
        return path.stem if path.suffix == ".json" else arg  # a stem as `status` lists it, or the file
    try:  # a path to the source, inside corpus/: named as `tag` names it
        return ws.annotation_path(path.resolve().relative_to(ws.corpus.resolve()).as_posix()).stem
    except ValueError:
        pass
    if path.exists() or path.is_absolute():  # a source outside corpus/: `tag` names it by its file name
        return ws.annotation_path(path.name).stem
    return ws.annotation_path(arg).stem  # a document name, "sub/essay.txt"


def load(ws: Workspace, name: str) -> Loaded:
    """Read an annotation file and its source, checking one against the other."""
    path = ws.annotations / f"{name}.json"
    # Stamp before reading: a file replaced between the read and the stamp would
    # otherwise pass for the one we read, and our first save would overwrite it.
    stamp = _stamp(path)
    afile = store.load(path)
    source = ws.source_path(afile.doc)
    text = source_text(source.read_bytes(), source)
    store.verify(afile, text, path)
    return Loaded(name=name, path=path, afile=afile, text=text, stamp=stamp)


def load_all(ws: Workspace, wanted: list[str] | tuple[str, ...] = (),
             missing: list[str] | None = None) -> dict[str, Loaded]:
    """The named documents (default all). With a `missing` list and no document
    named, one whose source is gone (renamed, moved) is said there and left
    out: it blocks only itself, the others are still reviewed."""
    out = {}
    for name in doc_names(ws, wanted):
        try:
            out[name] = load(ws, name)
        except MissingSource as err:
            if missing is None or wanted:
                raise
            missing.append(str(err))
    return out


# -- deciding ---------------------------------------------------------------


def decided(ann: Annotation, status: Status, reviewer: str, when: datetime) -> Annotation:
    """A copy carrying the decision; keeps which tagger version proposed it."""
    review = Review(status=status, reviewer=reviewer, time=when, proposed_by=ann.provenance.tagger)
    # A new decision on changed words replaces the one set aside (undo brings it back).
    return ann.model_copy(update={"review": review, "changed": None})


@dataclass
class Step:
    """What undo needs: the annotation as it was, and where the cursor was."""

    item: Item
    before: Annotation
    pos: int


@dataclass
class Session:
    docs: dict[str, Loaded]
    items: list[Item]
    reviewer: str
    clock: Callable[[], datetime] = now
    revisit: bool = False
    pos: int = 0
    history: list[Step] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pos = self.resume_at()
        self.initial = {it: self.ann(it) for it in self.items}

    def changes(self) -> Counter:
        """What this session changed, by status now (undone decisions do not count)."""
        return Counter(self.ann(it).status for it, was in self.initial.items() if self.ann(it) != was)

    def resume_at(self) -> int:
        """The first item still undecided (proposed, or changed since its decision):
        where the person stopped last time.

        A queue holding no proposals at all was asked for on purpose
        (`--status rejected`: look at the rejections again): start at its top.
        """
        pending = [self.ann(it).pending for it in self.items]
        if True not in pending:
            return 0 if self.revisit else len(self.items)
        return pending.index(True)

    def ann(self, item: Item) -> Annotation:
        return self.docs[item.doc].find(item.id)

    @property
    def done(self) -> bool:
        return self.pos >= len(self.items)

    @property
    def item(self) -> Item | None:
        return None if self.done else self.items[self.pos]

    def current(self) -> Annotation | None:
        return None if self.done else self.ann(self.items[self.pos])

    def text(self, item: Item | None = None) -> str:
        """The source text of `item`, by default of the current item (there must be one)."""
        item = item or self.item
        assert item is not None, "no current item: the queue is done"
        return self.docs[item.doc].text

    # Moves.
    def skip(self) -> None:
        self.pos = min(self.pos + 1, len(self.items))

    def back(self) -> bool:
        if self.pos == 0:
            return False
        self.pos -= 1
        return True

    # Decisions: each one saved at once.
    def accept(self) -> Annotation:
        return self._decide("accepted", advance=True)

    def reject(self) -> Annotation:
        return self._decide("rejected", advance=True)

    def edit(self, change: Callable[..., Annotation | None], *args) -> Annotation | None:
        """Apply an edit (an `edit` function); None when it cannot apply."""
        old = self.current()
        new = change(old, self.text(), *args) if old is not None else None
        if new is None:
            return None
        return self._record(decided(new, "edited", self.reviewer, self.clock()), advance=False)

    def undo(self) -> Step | None:
        """Put back the annotation as it was before the last decision."""
        if not self.history:
            return None
        step = self.history.pop()
        loaded = self.docs[step.item.doc]
        loaded.replace(step.before)
        loaded.save()
        self.pos = step.pos
        return step

    def _decide(self, status: Status, advance: bool) -> Annotation:
        old = self.current()
        if old is None:
            raise IndexError("no annotation to decide on: the queue is at its end")
        return self._record(decided(old, status, self.reviewer, self.clock()), advance)

    def _record(self, new: Annotation, advance: bool) -> Annotation:
        item = self.items[self.pos]
        loaded = self.docs[item.doc]
        self.history.append(Step(item=item, before=loaded.find(item.id), pos=self.pos))
        loaded.replace(new)
        loaded.save()
        if advance:
            self.skip()
        return new
