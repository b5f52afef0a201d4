"""Tagging documents: in this process or, given several jobs, in workers.

The choice sits here, above both `propose` and `workers`, so neither needs
the other lazily: `workers` runs `propose` in each process it forks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from annotator.models import AnnotationFile, Document
from annotator.tagging.propose import propose_all
from annotator.tagging.workers import tag_in_workers


def tag(docs: Iterable[Document], nlp: Language, model: str | None = None,
        jobs: int = 1, batch_size: int = 4) -> Iterator[AnnotationFile]:
    """Run the NLP pass over documents, yielding proposals in input order.

    With several jobs, each worker process tags whole documents and sends
    back their annotations (see `workers`): shipping spaCy Docs back to this
    process, as `nlp.pipe(n_process=…)` does, left it decoding Docs and
    making annotations while the workers waited, on a machine with as many
    cores as workers.
    """
    docs = list(docs)
    if jobs > 1 and len(docs) > 1:
        yield from tag_in_workers(docs, nlp, model, jobs, batch_size)
    else:
        yield from propose_all(docs, nlp, model, batch_size)
