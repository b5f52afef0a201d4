"""Inputs and faults real workspaces meet (issue 14): odd spacing, floods of
blank lines, paths out of the workspace, broken side files. No spaCy needed."""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from annotator import TAGGER_VERSION, api
from annotator.citations.parse import find_inline, parse_note
from annotator.cli import main
from annotator.models import AnnotationFile
from annotator.workspace import Workspace


def run(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), *args])


# -- A. inline citations after odd spacing ----------------------------------


@pytest.mark.parametrize("text, name", [
    ("As Anna  Smith (2019) argues, the border is closed.", "Anna  Smith"),
    ("As Anna\tSmith (2019) argues, the border is closed.", "Anna\tSmith"),
    ("# Heading\nSmith (2019) argues that the border is closed.", "Smith"),
    ("Conclusion\n\nSmith (2019) argues that the border is closed.", "Smith"),
])
def test_narrative_citation_after_odd_spacing_keeps_its_exact_span(text, name):
    [cite] = find_inline(text, offset=5)
    assert cite.authors == " ".join(name.split())
    assert text[cite.start - 5:cite.end - 5] == cite.text == f"{name} (2019)"


def no_model(monkeypatch, fails_on=()):
    """`_propose` without spaCy; documents named in `fails_on` hit a bug in a rule."""

    def propose(ws, docs, model, jobs):
        for d in docs:
            if d.name in fails_on:
                raise ValueError("substring not found")
            yield AnnotationFile(doc=d.name, sha256=d.sha256, tagger=TAGGER_VERSION)

    monkeypatch.setattr(api, "_propose", propose)


def test_a_document_whose_tagging_fails_does_not_stop_the_others(workspace, monkeypatch):
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (workspace / "corpus" / name).write_text(f"Text of {name}.", encoding="utf-8")
    no_model(monkeypatch, fails_on={"b.txt"})
    report = api.tag(Workspace(workspace))
    assert [r.doc for r in report.rows] == ["a.txt", "c.txt", "d.txt"]
    [problem] = report.problems
    assert (problem.file, problem.severity) == ("b.txt", "error")
    assert "tagging failed (ValueError: substring not found)" in problem.reason
    assert sorted(p.name for p in (workspace / "annotations").glob("*.json")) == ["a.json", "c.json", "d.json"]


def test_tag_goes_on_past_a_failing_document_and_exits_1_at_the_end(workspace, monkeypatch):
    (workspace / "corpus" / "a.txt").write_text("One.", encoding="utf-8")
    (workspace / "corpus" / "b.txt").write_text("Two.", encoding="utf-8")
    (workspace / "corpus" / "c.txt").write_bytes("Caf\xe9".encode("latin-1"))
    no_model(monkeypatch, fails_on={"a.txt"})
    result = run(workspace, "tag")
    assert result.exit_code == 1
    assert "a.txt: tagging failed (ValueError: substring not found)" in result.output
    assert "c.txt:1: not UTF-8" in result.output
    assert [p.name for p in (workspace / "annotations").glob("*.json")] == ["b.json"]
