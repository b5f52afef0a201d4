"""The only writer of `annotations/`: load, validate, merge, save atomically.

A stored file is read only through the models, checked against its source,
and never overwritten by a file that holds less reviewed work.
"""

from __future__ import annotations

import glob
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from annotator.errors import StoreError
from annotator.models import KINDS, SCHEMA_VERSION, AnnotationFile
from annotator.workspace import document_name_problem

from .merge import merge, once  # noqa: F401  (store.merge: the store's one entry point)

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


# Set by `_pairs` in an object that has a key twice: json.loads would keep the
# last value silently, and the next save would drop the first for good.
_TWICE = "\x00written twice"


def _pairs(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            out.setdefault(_TWICE, key)
        out[key] = value
    return out


def _twice(value: object) -> str | None:
    """A key written twice anywhere inside `value`."""
    if isinstance(value, dict):
        if _TWICE in value:
            return value[_TWICE]
        value = list(value.values())
    if isinstance(value, list):
        return next((key for key in map(_twice, value) if key is not None), None)
    return None


def _where(field: str, i: int, ann: object) -> str:
    ann_id = ann.get("id", "?") if isinstance(ann, dict) else getattr(ann, "id", "?")
    return f"annotation {ann_id} ({field}.{i})"


def parse(raw: str, path: Path) -> AnnotationFile:
    try:
        data = json.loads(raw, object_pairs_hook=_pairs)
    except json.JSONDecodeError as err:
        raise StoreError(f"{path}:{err.lineno}:{err.colno}: broken JSON: {err.msg}; fix or delete the file") from None
    _check_keys(data, path)
    _check_version(data, path)
    try:
        afile = AnnotationFile.model_validate(data)
    except ValidationError as err:
        raise StoreError(f"{path}: {_first_error(err, data)}") from None
    check(afile, path)
    return afile


def _check_version(data: object, path: Path) -> None:
    """A file from a newer annotator says so (the model alone would say "Input should be 1")."""
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise StoreError(f"{path}: written by a newer annotator (schema {version}); upgrade annotator "
                         f"(this one reads schema {SCHEMA_VERSION})")


def _check_keys(data: object, path: Path) -> None:
    if not isinstance(data, dict):
        return
    for field in ("annotations", "orphans"):
        anns = data.get(field)
        for i, ann in enumerate(anns if isinstance(anns, list) else []):
            key = _twice(ann)
            if key is not None:
                raise StoreError(f"{path}: [{_where(field, i, ann)}] key {key!r} is written twice; keep one")
    key = _twice(data)
    if key is not None:
        raise StoreError(f"{path}: key {key!r} is written twice; keep one")


def check(afile: AnnotationFile, path: Path | str) -> None:
    """What the models cannot say alone: each annotation's id once (the review
    finds annotations by id: a second one would take the first one's decisions), and
    spans that can be spans of some text (a negative or empty slice of the
    source can equal the quote, so `verify` would let it pass). Whether the
    quote is the source's is `verify`'s to say, with the source at hand. The
    document must be a name inside corpus/: the file may come from anyone."""
    reason = document_name_problem(afile.doc)
    if reason:
        raise StoreError(f"{path}: [doc] {afile.doc!r} {reason}; refused (fix or delete the file)")
    for field in ("annotations", "orphans"):
        seen: dict[str, int] = {}
        for i, ann in enumerate(getattr(afile, field)):
            where = f"{path}: [{_where(field, i, ann)}]"
            # Orphans are settled by value, not id, and may share one: an id
            # freed by an orphan is made again for a new mention at its old
            # span, and that one may be orphaned in its turn.
            if field == "annotations" and ann.id in seen:
                raise StoreError(f"{where} the same id as {field}.{seen[ann.id]}; ids must be unique")
            seen[ann.id] = i
            if ann.start < 0:
                raise StoreError(f"{where} span {ann.start}-{ann.end} starts before the text")
            if ann.end <= ann.start:
                raise StoreError(f"{where} span {ann.start}-{ann.end} is empty or reversed")


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


_SCHEMA_2_FIELDS = ("changed", "source", "item")  # added after schema 1; absent unless set


def dumps(afile: AnnotationFile) -> str:
    # Sort a copy: callers (the review session) index `afile.annotations` by position.
    ordered = sorted(afile.annotations, key=lambda a: (a.start, a.end, _ORDER[a.kind], a.id))
    data = afile.model_copy(update={"annotations": ordered}).model_dump(mode="json")
    # The lowest schema that holds the file: one with no `changed` annotation and
    # no claim `source` (the fields schema 2 added) is a schema 1 file, byte for
    # byte as before, and older annotators read it.
    newer = False
    for ann in data["annotations"] + data["orphans"]:
        for name in _SCHEMA_2_FIELDS:
            if ann.get(name) is None:
                ann.pop(name, None)
            else:
                newer = True
    data["schema_version"] = SCHEMA_VERSION if newer else 1
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(path: Path, afile: AnnotationFile, *, decisions: bool = False) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half.

    `decisions`: this write is a reviewer's own (a decision, an undo, an
    orphan dropped), made under the review lock. Any other writer (tag, link)
    must keep every decision the file on disk holds now: it may have read the
    file before a review changed it.
    """
    check(afile, path)  # never write what `load` would refuse
    text = dumps(afile)
    mode = _mode(path)
    if not mode & stat.S_IWUSR:
        # The rename below would replace it regardless: someone protected it on purpose.
        raise StoreError(f"{path}: read-only (mode {mode:04o}); not overwritten. "
                         "Make it writable (chmod u+w) to let annotator change it")
    if not decisions:
        _keeps_the_decisions(path, afile)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, [text], mode)
    _sweep(path)


def write_atomic(path: Path, chunks: Iterable[str], mode: int | None = None) -> None:
    """Write `chunks` to `path` through a temporary file in the same folder: a crash,
    or an error while the chunks are made, leaves the old file or the new one, never half."""
    if not path.parent.is_dir():
        raise StoreError(f"{path.parent}: no such folder; create it first")
    mode = _mode(path) if mode is None else mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), mode)  # mkstemp makes 0600; keep the file's own mode, else the usual one
            fh.writelines(chunks)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)  # the rename itself is only durable once the folder is synced


def _keeps_the_decisions(path: Path, afile: AnnotationFile) -> None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return
    try:
        on_disk = parse(raw.decode("utf-8"), path)  # a broken file raises here: it is not overwritten
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text; it is not an annotation file, not overwritten") from None
    if on_disk.doc != afile.doc:
        raise StoreError(f"{path}: holds the annotations of {on_disk.doc}, not of {afile.doc}: two documents "
                         "share this file name (essay.txt and essay.md?); rename one. If the document was "
                         "renamed, set \"doc\" in the file to its new name")
    have = {_decision(a) for a in afile.annotations + afile.orphans if a.reviewed}
    # A decision set aside on a `changed` annotation is kept, not lost.
    have |= {(a.id, a.changed.review.model_dump_json()) for a in afile.annotations + afile.orphans if a.changed}
    lost = [a for a in on_disk.annotations + on_disk.orphans if a.reviewed and _decision(a) not in have]
    if lost:
        shown = ", ".join(f"{a.id} {a.status}" for a in lost[:3]) + (", …" if len(lost) > 3 else "")
        raise StoreError(f"{path}: holds {len(lost)} reviewed decision(s) this write would lose ({shown}); "
                         "not saved: it changed since it was read (a review meanwhile?); run the command again")


def _decision(ann) -> tuple:
    return ann.id, ann.review.model_dump_json()


def _mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder; the file itself is synced
        pass
    finally:
        os.close(fd)


# A temp file this old is not being written: its writer was killed between
# mkstemp and rename. Saves hold the review lock, so none runs this long.
STALE_TMP = 600.0


def _sweep(path: Path) -> None:
    """Remove temp files of this annotation file that killed saves left behind."""
    cutoff = time.time() - STALE_TMP
    for left in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if left.stat().st_mtime < cutoff:
                left.unlink()
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def reviewed_count(afile: AnnotationFile) -> int:
    return sum(1 for a in afile.annotations if a.reviewed) + len(afile.orphans)


def schema() -> dict:
    return TypeAdapter(AnnotationFile).json_schema()
