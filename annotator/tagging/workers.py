"""Tagging in several processes: each worker tags whole documents.

The workers are forked after the model is loaded, so they share its weights
(copy-on-write) and the documents without pickling either; each sends back
only the finished `AnnotationFile`, which is small next to the spaCy Docs.
Where fork is unavailable, documents are tagged here, one after another.
A long document is tagged in pieces by the worker that gets it (see `pages`).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

from spacy.language import Language

from annotator.models import AnnotationFile, Document
from annotator.tagging.pages import propose_each

# What the forked workers inherit: set while the pool runs.
_job: tuple[list[Document], Language, str | None, int] | None = None


def tag_in_workers(docs: list[Document], nlp: Language, model: str | None, jobs: int,
                   batch_size: int) -> Iterator[AnnotationFile]:
    if "fork" not in multiprocessing.get_all_start_methods():
        yield from propose_each(docs, nlp, model, batch_size)
        return
    global _job
    _job = (docs, nlp, model, batch_size)
    # A task is up to `batch_size` documents, so a worker's model gets the
    # batches a single process would (but every worker gets one); tasks are
    # handed out as workers free up, since documents differ in length.
    size = max(1, min(batch_size, -(-len(docs) // jobs)))
    tasks = [(start, min(start + size, len(docs))) for start in range(0, len(docs), size)]
    try:
        # Set until the pool closes: a worker the pool replaces is forked from it too.
        with multiprocessing.get_context("fork").Pool(min(jobs, len(tasks))) as pool:
            for files in pool.imap(_tag_some, tasks, chunksize=1):
                yield from files
    finally:
        _job = None


def _tag_some(task: tuple[int, int]) -> list[AnnotationFile]:
    assert _job is not None, "a worker runs only while the pool does"
    docs, nlp, model, batch_size = _job
    start, end = task
    return list(propose_each(docs[start:end], nlp, model, batch_size))
