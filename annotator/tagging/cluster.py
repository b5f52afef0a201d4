"""Tagging on a Dask distributed cluster: `annotator tag --scheduler ADDRESS`.

The client (this process) reads the corpus and ships the texts, with the
workspace's knowledge files, to the workers, so they need no shared folder,
only the same `pip install` (package and model). Each worker loads the
pipeline once (`cluster_worker.PipelineLoader`), and tags batches of
documents as `--jobs` does; long documents are tagged in pieces there. The
workers return proposals; the client alone merges them with reviewed work
and writes annotations/ (in `api.tag`, under the same locks, atomically).

A batch whose worker died is run again elsewhere (Dask's own rescheduling,
then `RETRIES`); a document that fails on a worker comes back as `Failed`
with the worker's error, and the others go on. Dask is imported only here
and only when asked for: without --scheduler, tagging never loads it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType

from annotator.errors import ClusterError
from annotator.models import AnnotationFile, Document
from annotator.workspace import Workspace

INSTALL = 'pip install "annotator[cluster]"'
# A batch is about this many characters (~4,000 words, a second of tagging):
# a task costs the scheduler about a millisecond, small next to that.
TASK_CHARS = 25_000
TASKS_PER_WORKER = 4  # at least, so a slow or lost worker holds up a small share
RETRIES = 2


@dataclass
class Failed:
    """A document whose tagging failed on a worker: a problem of that document."""

    doc: str
    error: str


def tag_on_cluster(ws: Workspace, docs: list[Document], scheduler: str,
                   model: str | None = None) -> Iterator[AnnotationFile | Failed]:
    """Proposals (or failures) for `docs` as the cluster finishes them, in no set order."""
    distributed = _dask()
    from annotator.tagging.cluster_worker import PipelineLoader

    knowledge = {p.relative_to(ws.root).as_posix(): p.read_bytes() for p in ws.knowledge_files()}
    loader = PipelineLoader(model, knowledge)
    cluster, client = _connect(distributed, scheduler)
    try:
        try:
            # Named by what it loads: a cluster that outlives this run keeps the pipeline for the next
            # run with the same model and knowledge, and loads another for other knowledge.
            client.register_plugin(loader, name=loader.name)
        except Exception as err:
            raise ClusterError(f"a Dask worker cannot load the tagging pipeline ({type(err).__name__}: {err}); "
                               "install the same annotator and spaCy model on every worker") from None
        workers = max(1, sum(client.nthreads().values()))  # slots for tasks, on the workers there now
        yield from _results(distributed, client, batches(docs, workers), workers, loader.name)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def batches(docs: list[Document], workers: int) -> list[list[Document]]:
    """Runs of documents of about `TASK_CHARS`, at least `TASKS_PER_WORKER` per worker."""
    most = max(1, -(-len(docs) // (workers * TASKS_PER_WORKER)))
    out: list[list[Document]] = []
    size = 0
    for doc in docs:
        if not out or size >= TASK_CHARS or len(out[-1]) >= most:
            out.append([])
            size = 0
        out[-1].append(doc)
        size += len(doc.text)
    return out


def _results(distributed: ModuleType, client, todo: list[list[Document]], workers: int,
             plugin: str) -> Iterator[AnnotationFile | Failed]:
    """Submit batches a few at a time (the client holds the rest, not the
    scheduler: workers that join later still find work waiting), yielding
    each batch's results as it finishes."""
    from annotator.tagging.cluster_worker import tag_batch

    window, pending = max(8, 4 * workers), iter(todo)
    running = {}
    for batch in (b for _, b in zip(range(window), pending)):
        running[client.submit(tag_batch, batch, plugin, retries=RETRIES, pure=False)] = batch
    finished = distributed.as_completed(list(running))
    for future in finished:
        batch = running.pop(future)
        try:
            results = [r if isinstance(r, AnnotationFile) else Failed(*r) for r in future.result()]
        except Exception as err:  # the batch failed on every try (a worker that kept dying)
            results = [Failed(d.name, f"on the cluster: {type(err).__name__}: {err}") for d in batch]
        future.release()
        follow = next(pending, None)
        if follow is not None:  # before the client saves these: the workers go on meanwhile
            new = client.submit(tag_batch, follow, plugin, retries=RETRIES, pure=False)
            running[new] = follow
            finished.add(new)
        yield from results


def _dask() -> ModuleType:
    try:
        import distributed
    except ImportError:
        raise ClusterError(f"--scheduler needs Dask distributed, which is not installed; install it with: {INSTALL}"
                           ) from None
    return distributed


def _connect(distributed: ModuleType, scheduler: str):
    """(the cluster started here or None, a client of the scheduler)."""
    if scheduler.startswith("local:"):
        count = scheduler.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"--scheduler {scheduler}: local:N needs a number of worker processes, e.g. local:2")
        cluster = distributed.LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.ERROR)
        return cluster, distributed.Client(cluster)
    try:
        return None, distributed.Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({err}); start one with "
                           "`dask scheduler` and workers with `dask worker ADDRESS`") from None
