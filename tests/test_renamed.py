"""A renamed or moved corpus file keeps its decisions (found by its text), and a
missing source blocks only its own document (issue 14)."""

from __future__ import annotations

import io

from click.testing import CliRunner
from helpers.tagging import without_model
from rich.console import Console

from annotator import TAGGER_VERSION, api
from annotator.cli import main
from annotator.models import ActorAnnotation, AnnotationFile, Provenance, Review, sha256_bytes
from annotator.review import workflow
from annotator.store import store
from annotator.workspace import Workspace

TEXT = "Russia and China met in Moscow.\n"


def run(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), *args])


def no_model(monkeypatch):
    """Tagging without spaCy: one proposal, "China", in every document."""

    def china(d):
        start = d.text.index("China")
        return AnnotationFile(doc=d.name, sha256=d.sha256, tagger=TAGGER_VERSION, annotations=[ActorAnnotation(
            id=f"act-{start}", start=start, end=start + 5, text="China", type="state", canonical="china",
            before=d.text[:start], after=d.text[start + 5:], provenance=Provenance(tagger=TAGGER_VERSION, rule="t"))])

    without_model(monkeypatch, china)


def accepted(workspace, name: str, text: str = TEXT) -> None:
    """`name` in corpus/, tagged, its "Russia" accepted."""
    (workspace / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
    (workspace / "corpus" / name).write_text(text, encoding="utf-8")
    ws = Workspace(workspace)
    path = ws.annotation_path(name)
    russia = ActorAnnotation(id="act-russia", start=0, end=6, text="Russia", after=text[6:38], type="state",
                             canonical="russia", provenance=Provenance(tagger=TAGGER_VERSION, rule="t"),
                             review=Review(status="accepted", reviewer="ada"))
    sha = sha256_bytes(text.encode("utf-8"))
    store.save(path, AnnotationFile(doc=name, sha256=sha, tagger=TAGGER_VERSION, annotations=[russia]))


def test_a_renamed_document_takes_its_decisions_along_and_tag_says_so(workspace, monkeypatch):
    no_model(monkeypatch)
    accepted(workspace, "old.txt")
    (workspace / "corpus" / "sub").mkdir()
    (workspace / "corpus" / "old.txt").rename(workspace / "corpus" / "sub" / "new.txt")
    result = run(workspace, "tag")
    assert result.exit_code == 0, result.output
    assert "sub/new.txt: the decisions of old.txt followed it (the same text, renamed or moved)" in result.output
    ws = Workspace(workspace)
    assert not (workspace / "annotations" / "old.json").exists()
    afile = store.load(ws.annotation_path("sub/new.txt"), TEXT)
    assert afile.doc == "sub/new.txt"
    assert {(a.text, a.status) for a in afile.annotations} == {("Russia", "accepted"), ("China", "proposed")}
    assert run(workspace, "check").output.strip() == "No problems."


def test_a_copy_does_not_take_the_decisions_twice(workspace, monkeypatch):
    no_model(monkeypatch)
    accepted(workspace, "old.txt")
    (workspace / "corpus" / "old.txt").rename(workspace / "corpus" / "a.txt")
    (workspace / "corpus" / "b.txt").write_text(TEXT, encoding="utf-8")
    report = api.tag(Workspace(workspace))
    assert [(r.was, r.doc) for r in report.renamed] == [("old.txt", "a.txt")]
    assert [r.reviewed for r in report.rows] == [1, 0]


def test_a_renamed_and_edited_document_is_not_guessed_at(workspace, monkeypatch):
    no_model(monkeypatch)
    accepted(workspace, "old.txt")
    (workspace / "corpus" / "old.txt").unlink()
    (workspace / "corpus" / "new.txt").write_text("Russia and China met in Astana.\n", encoding="utf-8")
    report = api.tag(Workspace(workspace))
    assert report.renamed == [] and (workspace / "annotations" / "old.json").exists()
    assert any("no source document" in p.reason for p in api.check(Workspace(workspace)))


def test_a_missing_source_blocks_only_its_own_document(workspace, monkeypatch):
    accepted(workspace, "gone.txt")
    accepted(workspace, "here.txt", "Russia and China met in Moscow again.\n")
    (workspace / "corpus" / "gone.txt").unlink()
    status = run(workspace, "status")
    assert status.exit_code == 0, status.output
    assert "here" in status.output and "skipped: " in status.output and "gone.txt" in status.output
    assert "renamed or moved? `annotator tag` finds it by its content" in status.output
    out = Console(file=io.StringIO(), width=120)
    done = workflow.review(Workspace(workspace), out, "q")
    assert len(done.missing) == 1 and "gone.txt" in done.missing[0]
    assert done.queued == 1  # here.txt is still reviewed: its one annotation is in the queue
    batch = run(workspace, "review", "--reject")
    assert batch.exit_code == 0 and "skipped: " in batch.output and "gone.txt" in batch.output
    named = run(workspace, "status", "gone.txt")
    assert named.exit_code == 1 and "the source of gone.json is missing" in named.output


def test_check_names_the_new_name_before_the_tagging(workspace):
    accepted(workspace, "old.txt")
    (workspace / "corpus" / "old.txt").rename(workspace / "corpus" / "new.txt")
    reasons = [p.reason for p in api.check(Workspace(workspace))]
    assert "annotations of a document now named new.txt (the same text: renamed or moved); " \
        "`annotator tag` moves its decisions there" in reasons


def test_a_leftover_is_kept_when_a_file_of_the_new_name_appeared_meanwhile(workspace, monkeypatch):
    # Between the first read and the lock another run wrote new.json: the leftover
    # was not taken over, so it must not be deleted (its decisions are only there).
    no_model(monkeypatch)
    accepted(workspace, "old.txt")
    (workspace / "corpus" / "old.txt").rename(workspace / "corpus" / "new.txt")
    ws = Workspace(workspace)
    real, calls = api.stored, []

    def racy(ws_, doc):
        calls.append(doc.name)
        if calls.count("new.txt") == 2:  # the read under the lock
            store.save(ws.annotation_path("new.txt"), AnnotationFile(doc="new.txt", sha256=doc.sha256,
                                                                     tagger=TAGGER_VERSION))
        return real(ws_, doc)

    monkeypatch.setattr(api, "stored", racy)
    api.tag(ws)
    leftover = store.load(workspace / "annotations" / "old.json")
    assert [(a.text, a.status) for a in leftover.annotations] == [("Russia", "accepted")]
