"""Tagging on a Dask cluster (`tagging.cluster`): the same files as a local
run, reviewed decisions kept when a worker dies mid-run, failures as
problems of their documents, and no Dask at all without --scheduler."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from helpers import CORPUS

from annotator import api
from annotator.cli import main
from annotator.errors import ClusterError
from annotator.models import AnnotationFile
from annotator.review.session import decided
from annotator.store import store
from annotator.workspace import Workspace, init_workspace

SHORT = [f"Minister {name} said that the talks in {city} had failed.\n\nThe report adds little.[^1]\n\n[^1]: Smith 2020, 4."
         for name, city in [("Lavrov", "Dushanbe"), ("Tokayev", "Astana"), ("Mirziyoyev", "Tashkent"),
                            ("Rahmon", "Khujand"), ("Japarov", "Bishkek"), ("Berdymukhamedov", "Ashgabat")]]


def fill(workspace) -> Workspace:
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copy(path, workspace / "corpus" / path.name)
    for i, text in enumerate(SHORT):
        (workspace / "corpus" / f"short-{i}.txt").write_text(text, encoding="utf-8")
    return Workspace(workspace)


def files(ws: Workspace) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in ws.annotation_files()}


def test_without_dask_the_error_says_which_command_installs_it(workspace, monkeypatch):
    ws = fill(workspace)
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    with pytest.raises(ClusterError, match=r'needs Dask distributed.*pip install "annotator\[cluster\]"'):
        api.tag(ws, scheduler="local:2")
    result = CliRunner().invoke(main, ["--root", str(workspace), "tag", "--scheduler", "local:2"])
    assert result.exit_code == 1 and 'install it with: pip install "annotator[cluster]"' in result.output
    assert not ws.annotation_files()


def test_tagging_without_a_scheduler_never_imports_dask():
    code = ("import sys, annotator.api, annotator.cli.core, annotator.tagging.run, annotator.tagging.pages; "
            "assert not {m.split('.')[0] for m in sys.modules} & {'dask', 'distributed'}, 'dask imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_local_cluster_needs_a_number_of_workers(workspace):
    pytest.importorskip("distributed")
    with pytest.raises(ClusterError, match="local:N needs a number of worker processes, e.g. local:2"):
        api.tag(fill(workspace), scheduler="local:two")


def test_a_document_that_fails_on_a_worker_is_its_own_failure(monkeypatch):
    pytest.importorskip("distributed")
    from annotator.tagging import cluster_worker, pages

    def propose_each(docs, nlp, model):
        for doc in docs:
            if doc.name == "bad.txt":
                raise ValueError("boom")
            yield AnnotationFile(doc=doc.name, sha256=doc.sha256, tagger="t")

    loader = SimpleNamespace(nlp=None, label="m")
    monkeypatch.setattr(cluster_worker, "get_worker", lambda: SimpleNamespace(plugins={"p": loader}))
    monkeypatch.setattr(pages, "propose_each", propose_each)
    docs = [SimpleNamespace(name=name, sha256="0" * 64) for name in ("a.txt", "bad.txt", "c.txt")]
    out = cluster_worker.tag_batch(docs, "p")
    assert [o.doc if isinstance(o, AnnotationFile) else o for o in out] == ["a.txt", ("bad.txt", "ValueError: boom"),
                                                                             "c.txt"]


def test_batches_are_small_enough_for_every_worker_to_get_several():
    from annotator.tagging.cluster import TASKS_PER_WORKER, batches

    docs = [SimpleNamespace(text="word " * 10) for _ in range(40)]
    assert len(batches(docs, 2)) == 2 * TASKS_PER_WORKER
    long = [SimpleNamespace(text="w" * 30_000) for _ in range(3)]
    assert [len(b) for b in batches(long, 1)] == [1, 1, 1]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A real scheduler and two workers, each a process of its own (as `dask
    scheduler` and `dask worker` run on a cluster's machines): (address, workers)."""
    pytest.importorskip("distributed")
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": folder}
    scheduler = subprocess.Popen([*dask, "--port", "0", "--no-dashboard", "--scheduler-file", str(info)], **quiet)
    workers = []
    try:
        for _ in range(100):
            if info.exists() and info.read_text().strip():
                break
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        worker = [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1", "--no-nanny",
                  "--no-dashboard"]
        workers = [subprocess.Popen(worker, **quiet) for _ in range(2)]
        yield address, workers
    finally:
        for process in [*workers, scheduler]:
            process.kill()
            process.wait()


def test_a_cluster_run_writes_the_files_a_local_run_writes(tmp_path, cluster):
    address, _ = cluster
    local, remote = (fill(init_workspace(tmp_path / name).root) for name in ("local", "remote"))
    api.tag(local)
    report = api.tag(remote, scheduler=address)
    assert not report.problems and len(report.rows) == 8
    assert files(remote) == files(local)


def test_a_run_stopped_on_the_client_keeps_what_it_wrote_and_the_next_run_goes_on(tmp_path, cluster):
    address, _ = cluster
    ws = fill(init_workspace(tmp_path / "ws").root)

    def stop_after_one(name, done, total, words, all_words):
        if done == 1:
            raise KeyboardInterrupt  # Ctrl-C on the client

    with pytest.raises(KeyboardInterrupt):
        api.tag(ws, scheduler=address, progress=stop_after_one)
    written = {p.name for p in ws.annotation_files()}
    assert len(written) == 1
    report = api.tag(ws, scheduler=address)
    assert not report.problems
    assert {r.doc for r in report.rows if r.skipped} == {store.load(ws.annotations / n).doc for n in written}
    assert len(ws.annotation_files()) == 8

def test_a_worker_killed_mid_run_loses_no_document_and_no_decision(tmp_path, cluster):
    address, workers = cluster
    ws = fill(init_workspace(tmp_path / "ws").root)
    api.tag(ws, scheduler=address)
    path = ws.annotation_path("short-0.txt")
    afile = store.load(path)
    claim = next(a for a in afile.annotations if a.kind == "claim")
    afile.annotations[afile.annotations.index(claim)] = decided(claim, "accepted", "ana", datetime.now(UTC))
    store.save(path, afile)
    before = files(ws)

    def kill_once(name, done, total, words, all_words):
        if done == 1:
            workers[0].kill()  # its running and waiting batches go to the other worker

    report = api.tag(ws, scheduler=address, force=True, progress=kill_once)
    assert workers[0].poll() is not None
    assert not report.problems
    assert sorted(r.doc for r in report.rows) == sorted(p.name for p in ws.corpus.iterdir())
    kept = next(a for a in store.load(path).annotations if a.id == claim.id)
    assert (kept.status, kept.review.reviewer) == ("accepted", "ana")
    assert files(ws) == before  # the same proposals, the decision kept: nothing lost, nothing doubled


def test_the_scheduler_can_come_from_the_environment(workspace):
    pytest.importorskip("distributed")
    fill(workspace)
    result = CliRunner(env={"ANNOTATOR_SCHEDULER": "local:two"}).invoke(main, ["--root", str(workspace), "tag"])
    assert result.exit_code == 1
    assert "--scheduler local:two: local:N needs a number of worker processes, e.g. local:2" in result.output
