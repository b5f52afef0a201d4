"""The only writer of `annotations/`: load, validate, merge, save atomically.

A stored file is read only through the models, checked against its source,
and never overwritten by a file that holds less reviewed work.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from .anchor import reanchor
from .errors import StoreError
from .models import AnnotationFile, KINDS

_ORDER = {kind: i for i, kind in enumerate(KINDS)}


def _first_error(err: ValidationError, data: object) -> str:
    e = err.errors()[0]
    loc = list(e["loc"])
    where = ".".join(map(str, loc))
    if len(loc) >= 2 and loc[0] in ("annotations", "orphans") and isinstance(data, dict):
        try:
            ann_id = data[loc[0]][loc[1]].get("id", "?")
            where = f"annotation {ann_id} ({where})"
        except (IndexError, AttributeError, KeyError, TypeError):
            pass
    return f"[{where}] {e['msg']}"


def parse(raw: str, path: Path) -> AnnotationFile:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        raise StoreError(f"{path}:{err.lineno}:{err.colno}: broken JSON: {err.msg}; fix or delete the file") from None
    try:
        return AnnotationFile.model_validate(data)
    except ValidationError as err:
        raise StoreError(f"{path}: {_first_error(err, data)}") from None


def load(path: Path, source_text: str | None = None) -> AnnotationFile:
    """Read and validate one annotation file; check spans against the source."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text; it is not an annotation file") from None
    afile = parse(raw, path)
    if source_text is not None:
        verify(afile, source_text, path)
    return afile


def verify(afile: AnnotationFile, source_text: str, path: Path | str) -> None:
    for ann in afile.annotations:
        if source_text[ann.start : ann.end] != ann.text:
            found = source_text[ann.start : ann.end]
            raise StoreError(
                f"{path}: annotation {ann.id} ({ann.kind} at {ann.start}-{ann.end}) says {ann.text!r} "
                f"but the source has {found!r} there; re-tag to re-anchor, or fix the file"
            )


def dumps(afile: AnnotationFile) -> str:
    # Sort a copy: callers (the review session) index `afile.annotations` by position.
    ordered = sorted(afile.annotations, key=lambda a: (a.start, a.end, _ORDER[a.kind], a.id))
    data = afile.model_copy(update={"annotations": ordered}).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(path: Path, afile: AnnotationFile) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = dumps(afile)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def merge(old: AnnotationFile | None, new: AnnotationFile, new_text: str) -> AnnotationFile:
    """New proposals plus every reviewed decision of the old file.

    Reviewed annotations are re-anchored in the (possibly edited) text; those
    that cannot be found become orphans. A proposal that lands where a
    reviewed annotation of the same kind stands is dropped: the decision wins,
    including a rejection.
    """
    if old is None:
        return new
    kept, orphans = [], list(old.orphans)
    for ann in old.annotations:
        if not ann.reviewed:
            continue
        moved = reanchor(ann, new_text)
        (kept if moved is not None else orphans).append(moved or ann)
    taken = {(a.kind, a.start, a.end) for a in kept} | {a.id for a in kept}
    fresh = [a for a in new.annotations if (a.kind, a.start, a.end) not in taken and a.id not in taken]
    return new.model_copy(update={"annotations": kept + fresh, "orphans": orphans})


def reviewed_count(afile: AnnotationFile) -> int:
    return sum(1 for a in afile.annotations if a.reviewed) + len(afile.orphans)


def schema() -> dict:
    return TypeAdapter(AnnotationFile).json_schema()
