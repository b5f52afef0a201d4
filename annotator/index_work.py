"""The per-document work of the index, spread over worker processes.

Validating annotation files through the models is most of the cost of an
index (and formatting references with citeproc-py most of the rest); both
are independent per file or per entry, so a large corpus is cut in chunks
and built on every core. Workers are spawned, not forked: a clean
interpreter per worker, whatever threads the caller holds.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Iterator

from . import store
from .errors import AnnotatorError
from .index_csl import format_references
from .index_doc import DocInput, DocPart, doc_part
from .index_model import IndexProblem
from .models import sha256_bytes
from .readers import decode
from .workspace import Workspace

PARALLEL_FROM = 400  # documents; below this, starting workers costs more than it saves
CHUNK = 200  # documents per task
ENTRY_CHUNK = 250  # bibliography entries per task


def worker_count(requested: int | None, documents: int) -> int:
    if requested is not None:
        return max(1, requested)
    if documents < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def load_parts(ws: Workspace, paths: list[Path], statuses: frozenset[str], keys: frozenset[str]) -> tuple[list[DocPart], list[IndexProblem]]:
    """Load and index some annotation files: the task one worker runs."""
    problems: list[IndexProblem] = []
    parts = [doc_part(doc, statuses, keys) for doc in iter_documents(ws, paths, problems)]
    return parts, problems


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
    path = ws.corpus / afile.doc
    try:
        data = path.read_bytes()
        text = decode(data, str(path))
    except (OSError, AnnotatorError) as err:
        problems.append(IndexProblem(kind="source", document=afile.doc, message=f"source not readable "
                                     f"({getattr(err, 'strerror', None) or err}); no lines or context shown"))
        return None
    if sha256_bytes(data) != afile.sha256:
        problems.append(IndexProblem(kind="source", document=afile.doc, message="source changed since it was "
                                     "tagged; run `annotator tag` to re-anchor the annotations"))
    return text


def run_parallel(ws: Workspace, paths: list[Path], statuses: frozenset[str], entries: list, style: str | None,
                 workers: int) -> tuple[list[DocPart], list[IndexProblem], dict[str, str]]:
    """Documents and references on `workers` processes; results in submission order."""
    keys = frozenset(e.key for e in entries)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # References first: one slow entry chunk should not finish last.
        ref_tasks = [pool.submit(format_references, entries[i:i + ENTRY_CHUNK], style)
                     for i in range(0, len(entries), ENTRY_CHUNK)]
        doc_tasks = [pool.submit(load_parts, ws, paths[i:i + CHUNK], statuses, keys)
                     for i in range(0, len(paths), CHUNK)]
        return _gather(doc_tasks, ref_tasks)


def _gather(doc_tasks: list[Future], ref_tasks: list[Future]) -> tuple[list[DocPart], list[IndexProblem], dict[str, str]]:
    parts: list[DocPart] = []
    problems: list[IndexProblem] = []
    for task in doc_tasks:
        chunk_parts, chunk_problems = task.result()
        parts += chunk_parts
        problems += chunk_problems
    refs: dict[str, str] = {}
    for task in ref_tasks:
        refs.update(task.result())
    return parts, problems, refs
