"""Tagging documents on this machine: in this process or in forked workers
(`cluster` sends them to a Dask cluster instead, without a model here).

The choice sits here, above `pages` and `workers`, so neither needs the
other lazily: `workers` runs `pages.propose_each` in each process it forks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from annotator.models import AnnotationFile, Document
from annotator.tagging.pages import Progress, propose_each
from annotator.tagging.workers import tag_in_workers


def tag(docs: Iterable[Document], nlp: Language, model: str | None = None,
        jobs: int = 1, batch_size: int = 4, progress: Progress | None = None) -> Iterator[AnnotationFile]:
    """Run the NLP pass over documents, yielding proposals in input order.

    With several jobs, each worker process tags whole documents and sends
    back their annotations (see `workers`): shipping spaCy Docs back to this
    process, as `nlp.pipe(n_process=…)` does, left it decoding Docs and
    making annotations while the workers waited, on a machine with as many
    cores as workers. `progress` hears of each piece of a long document
    tagged in this process (see `pages`).
    """
    docs = list(docs)
    if jobs > 1 and len(docs) > 1:
        yield from tag_in_workers(docs, nlp, model, jobs, batch_size)
    else:
        yield from propose_each(docs, nlp, model, batch_size, progress)
