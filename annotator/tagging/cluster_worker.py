"""What runs on a Dask worker (imported there, and by `cluster` only once
Dask is known to be installed): the pipeline loaded once per worker, and the
task that tags a batch of documents with it."""

from __future__ import annotations

import ctypes
import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any, cast

from distributed import WorkerPlugin, get_worker

from annotator.models import AnnotationFile, Document


class PipelineLoader(WorkerPlugin):
    """Builds the tagging pipeline when a worker starts (or joins later), from
    the model name and the workspace's knowledge files the client sent.
    Registered again under the same name (the same model and knowledge), it
    is kept as it is: a cluster that outlives a run keeps the loaded pipeline."""

    idempotent = True

    def __init__(self, model: str | None, knowledge: dict[str, bytes]):
        self.model, self.knowledge = model, knowledge
        what = json.dumps([model, sorted((k, hashlib.sha256(v).hexdigest()) for k, v in knowledge.items())])
        self.name = f"annotator-pipeline-{hashlib.sha256(what.encode()).hexdigest()[:16]}"
        self.folder: Path | None = None
        self.nlp: Any = None  # a spaCy Language, once set up
        self.label = ""

    def setup(self, worker) -> None:
        from annotator.nlp.pipeline import build, model_label

        _roomy_malloc()

        # The knowledge as a workspace folder of its own: `build` reads it once, from files.
        self.folder = Path(tempfile.mkdtemp(prefix="annotator-knowledge-"))
        for name, data in self.knowledge.items():
            path = self.folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        actors = self.folder / "actors.jsonl"
        self.nlp = build(self.model, user_actors=actors if actors.exists() else None, knowledge_dir=self.folder)
        self.label = model_label(self.nlp)

    def teardown(self, worker) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def tag_batch(docs: list[Document], plugin: str) -> list[AnnotationFile | tuple[str, str]]:
    """Proposals for a batch, in order, with the pipeline of the `plugin` so
    named; when the batch fails, each document alone, so only the one that
    fails becomes (its name, the error)."""
    from annotator.tagging.pages import propose_each

    loader = cast(PipelineLoader, get_worker().plugins[plugin])
    try:
        return list(propose_each(docs, loader.nlp, loader.label))
    except Exception:
        pass
    out: list[AnnotationFile | tuple[str, str]] = []
    for doc in docs:
        try:
            out += propose_each([doc], loader.nlp, loader.label)
        except Exception as err:
            out.append((doc.name, f"{type(err).__name__}: {err}"))
    return out


# glibc's mallopt parameters, and the sizes its own dynamic thresholds reach.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
TRIM, MMAP = 128 * 2**20, 32 * 2**20


def _roomy_malloc() -> None:
    """Undo the nanny's MALLOC_TRIM_THRESHOLD_=65536 (Dask sets it to give memory
    back to the system): it also fixes glibc's mmap threshold at 128 KB, so every
    array the parser allocates is mapped and unmapped again, and a worker tagged
    with 25% more CPU than this process. The sizes are those glibc itself reaches
    when left alone."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, MMAP)
        libc.mallopt(M_TRIM_THRESHOLD, TRIM)
    except (OSError, AttributeError):
        pass  # not glibc: nothing to undo
