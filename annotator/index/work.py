"""Where the index's work runs: this process, plus forked workers for a large corpus.

Validating annotation files through the models is most of the cost, and
formatting references with citeproc-py (~4 ms an entry) most of the rest;
both are independent per file and per entry. With workers, they take the
references and a share of the documents while this process indexes the
first documents itself; rows come back as tuples, which pickle ~5x faster
than dataclasses. Fork, not spawn: spawning re-runs the caller's main
module, which breaks scripts without a `__main__` guard. Where fork is
unavailable everything runs here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields
from pathlib import Path

from annotator import readers
from annotator.errors import AnnotatorError
from annotator.models import sha256_bytes
from annotator.store import store
from annotator.workspace import Workspace

from .csl import format_references
from .doc import DocInput, DocPart, doc_part
from .gc import gc_paused
from .model import ClaimRow, IndexProblem, SourceRef

PARALLEL_FROM = 1_000  # work units (a document, or a third of an entry): below, workers cost more than they save
ENTRY_COST = 3  # an entry costs about three documents of 50 annotations
CHUNK = 250  # documents per task


def worker_count(requested: int | None, entries: int, documents: int) -> int:
    """Worker processes besides this one; 0 means all work happens here."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if requested is not None:
        return max(0, requested - 1)
    if documents + ENTRY_COST * entries < PARALLEL_FROM:
        return 0
    return max(1, min((os.cpu_count() or 1) - 1, 7))


def iter_documents(ws: Workspace, paths: list[Path], problems: list[IndexProblem]) -> Iterator[DocInput]:
    """Annotation files with their source texts; what cannot be read becomes a problem."""
    for path in paths:
        try:
            afile = store.load(path)
        except AnnotatorError as err:
            problems.append(IndexProblem(kind="store", severity="error", document=path.name, message=str(err)))
            continue
        yield DocInput(afile, source_text(ws, afile, problems))


def source_text(ws: Workspace, afile, problems: list[IndexProblem]) -> str | None:
    try:
        path = ws.corpus_file(afile.doc, ws.annotation_path(afile.doc))
    except AnnotatorError as err:
        problems.append(IndexProblem(kind="workspace", severity="error", document=afile.doc, message=str(err)))
        return None
    try:
        data = path.read_bytes()
        text = readers.source_text(data, path)
    except (OSError, AnnotatorError) as err:
        problems.append(IndexProblem(kind="source", document=afile.doc, message=f"source not readable "
                                     f"({getattr(err, 'strerror', None) or err}); no lines or context shown"))
        return None
    if sha256_bytes(data) != afile.sha256:
        problems.append(IndexProblem(kind="source", document=afile.doc, message="source changed since it was "
                                     "tagged; run `annotator tag` to re-anchor the annotations"))
    return text


class Workers:
    """This process and `count` forked workers; a context manager that shuts them down."""

    def __init__(self, count: int):
        self.count = count
        self.pool = (ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork"))
                     if count else None)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=True)

    def references(self, entries: list, style: str | None) -> Callable[[], dict[str, str]]:
        """Start formatting; the returned function waits for the references."""
        if not self.pool or not entries:
            return lambda: format_references(entries, style)
        size = -(-len(entries) // self.count)
        tasks = [self.pool.submit(format_references, entries[i:i + size], style)
                 for i in range(0, len(entries), size)]
        return lambda: {key: ref for task in tasks for key, ref in task.result().items()}

    def documents(self, ws: Workspace, paths: list[Path], statuses: frozenset[str], keys: frozenset[str],
                  entries: int, problems: list[IndexProblem]) -> Iterator[DocPart]:
        """Every document's part: the first ones built here while the workers build the rest."""
        here = self._share_here(len(paths), entries)
        tasks = [self.pool.submit(_remote_parts, ws, paths[i:i + CHUNK], statuses, keys)
                 for i in range(here, len(paths), CHUNK)] if self.pool else []
        for doc in iter_documents(ws, paths[:here], problems):
            yield doc_part(doc, statuses, keys)
        for task in tasks:
            packed, found = task.result()
            problems += found
            yield from map(_unpack, packed)

    def _share_here(self, documents: int, entries: int) -> int:
        """Documents for this process: an equal share of all work, the references counted in."""
        if not self.pool:
            return documents
        return min(documents, (documents + ENTRY_COST * entries) // (self.count + 1))


# --- transport: rows as tuples -------------------------------------------------

_ROW = [f.name for f in fields(ClaimRow)]
_SOURCES = _ROW.index("sources")
_REF = [f.name for f in fields(SourceRef)]


def _remote_parts(ws: Workspace, paths: list[Path], statuses: frozenset[str],
                  keys: frozenset[str]) -> tuple[list[tuple], list[IndexProblem]]:
    problems: list[IndexProblem] = []
    with gc_paused():
        parts = [_pack(doc_part(doc, statuses, keys)) for doc in iter_documents(ws, paths, problems)]
    return parts, problems


def _pack(part: DocPart) -> tuple:
    rows = []
    for row in part.rows:
        values = [getattr(row, name) for name in _ROW]
        values[_SOURCES] = [tuple(getattr(s, name) for name in _REF) for s in row.sources]
        rows.append(tuple(values))
    return rows, part.problems, part.info, part.mentions


def _unpack(packed: tuple) -> DocPart:
    rows, problems, info, mentions = packed
    built = []
    for values in rows:
        values = list(values)
        values[_SOURCES] = [SourceRef(*s) for s in values[_SOURCES]]
        built.append(ClaimRow(*values))
    return DocPart(built, problems, info, mentions)
