"""A corpus file renamed or moved: its decisions follow it, found by content.

An annotation file is named after its document. When the document is renamed
(or moved into a folder of corpus/), the next `tag` would find no decisions
for the new name and leave the old ones stranded in a file whose source is
gone. The text it was tagged on has the same SHA-256 as the renamed file: that
is how the leftover is recognised. An edited *and* renamed file is not guessed
at: `check` lists its leftover annotation file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.errors import StoreError, WorkspaceError
from annotator.models import AnnotationFile
from annotator.workspace import Workspace

from . import store


@dataclass(frozen=True)
class Renamed:
    """The leftover annotation file of a document now called `doc`."""

    path: Path  # the leftover file, removed once its decisions are saved under the new name
    was: str  # the document's old name
    doc: str


def leftovers(ws: Workspace, expected: set[Path]) -> dict[str, list[Path]]:
    """Annotation files not in `expected` whose source is gone, by the SHA-256 of
    the text they were tagged on. A broken file is not one: `check` names it."""
    out: dict[str, list[Path]] = {}
    for path in ws.annotation_files():
        if path in expected:
            continue
        try:
            afile = store.load(path)
            if ws.corpus_file(afile.doc, path).exists():
                continue
        except (StoreError, WorkspaceError):
            continue
        out.setdefault(afile.sha256, []).append(path)
    return out


def find(ws: Workspace, docs: dict[str, str], expected: set[Path]) -> dict[str, Renamed]:
    """For each document (name -> SHA-256 of its text) with no annotation file yet,
    the leftover annotation file of the same text, if exactly one; each leftover
    is taken by one document only (a copy is not a rename)."""
    pool = leftovers(ws, expected) if docs else {}
    out: dict[str, Renamed] = {}
    for name, sha in docs.items():
        paths = pool.get(sha, [])
        if len(paths) == 1:
            path = paths.pop()
            out[name] = Renamed(path=path, was=store.load(path).doc, doc=name)
    return out


def taken_over(renamed: Renamed) -> AnnotationFile:
    """The leftover's annotations, now under the document's new name (read again:
    call it under the lock)."""
    return store.load(renamed.path).model_copy(update={"doc": renamed.doc})


def drop_leftover(renamed: Renamed) -> None:
    """Remove the leftover once its decisions are saved under the new name."""
    renamed.path.unlink(missing_ok=True)
