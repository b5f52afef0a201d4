"""Long documents in pieces (`tagging.pages`), progress over words, and the size limit."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from helpers import ESSAY

from annotator import api
from annotator.cli import main
from annotator.readers import read_document
from annotator.store import store
from annotator.tagging import pages
from annotator.tagging.propose import propose_all
from annotator.tagging.sizes import words
from annotator.workspace import Workspace


def test_pieces_end_at_paragraph_breaks_and_cover_the_text():
    text = "".join(f"Paragraph {i} says something.\n\n" for i in range(400))
    spans = pages.split(text, 1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == nxt for (_, end), (nxt, _) in zip(spans, spans[1:]))
    assert all(0 < end - start <= 1000 for start, end in spans)
    assert all(text[:end].endswith("\n\n") for _, end in spans[:-1])


@pytest.mark.parametrize("text, ends", [
    ("One line after another.\n" * 200, "\n"),
    ("A sentence. " * 400, ". "),
    ("a" * 5000, "a"),  # no break at all: cut where the size ends
])
def test_pieces_fall_back_to_lesser_breaks(text, ends):
    spans = pages.split(text, 1000)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(0 < end - start <= 1000 and text[:end].endswith(ends) for start, end in spans)


def test_a_text_of_normal_length_is_one_piece():
    assert pages.split("Short.\n\nText.") == [(0, 13)]


def test_note_prose_pieces_are_mapped_into_each_chunk():
    pieces = [(0, 10, 100), (12, 30, 200), (32, 40, 300)]
    starts = [at for at, _, _ in pieces]
    assert pages.within(pieces, starts, 0, 20) == [(0, 10, 100), (12, 20, 200)]
    assert pages.within(pieces, starts, 20, 40) == [(0, 10, 208), (12, 20, 300)]


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(pages, "PAGE_CHARS", 4000)


def test_a_long_document_tagged_in_pieces_keeps_the_files_offsets(nlp, small_pages):
    doc = read_document(ESSAY)
    told: list[int] = []
    [paged] = pages.propose_each([doc], nlp, "m", progress=told.append)
    [whole] = propose_all([doc], nlp, "m")
    store.verify(paged, doc.text, ESSAY)  # every span's text is the file's at its offsets
    assert len(told) == len(pages.split(doc.body())) > 1 and sum(told) == words(doc.body())

    def of(afile, *kinds):
        return {(a.kind, a.start, a.end) for a in afile.annotations if a.kind in kinds}

    # Notes are read whole; the model's findings differ only where a piece cuts a context.
    assert of(paged, "footnote_ref", "citation") == of(whole, "footnote_ref", "citation")
    for kind in ("actor", "claim"):
        assert len(of(paged, kind) & of(whole, kind)) >= 0.8 * len(of(whole, kind))


def test_progress_moves_over_words_within_a_long_document(workspace, small_pages):
    (workspace / "corpus" / ESSAY.name).write_bytes(ESSAY.read_bytes())
    (workspace / "corpus" / "short.txt").write_text("Smith said that the talks failed.", encoding="utf-8")
    calls = []
    api.tag(Workspace(workspace), progress=lambda *args: calls.append(args))
    assert calls[0][1:] == (0, 2, 0, calls[0][4])
    moved = [c for c in calls if c[1] == 0 and c[3] > 0]
    assert len(moved) > 1 and "(in pieces)" in moved[0][0]  # before the long document is saved
    assert [c[3] for c in calls] == sorted(c[3] for c in calls)
    assert calls[-1][1:] == (2, 2, calls[-1][4], calls[-1][4])


def test_a_document_over_the_size_limit_is_a_problem_and_the_others_are_tagged(workspace):
    (workspace / "corpus" / "big.txt").write_text("Word. " * 400, encoding="utf-8")
    (workspace / "corpus" / "small.txt").write_text("Word.", encoding="utf-8")
    report = api.tag(Workspace(workspace), max_mb=0.001)
    [problem] = report.problems
    assert (problem.file, problem.severity) == ("big.txt", "error")
    assert "2,400 characters, over the limit of 0.001 million for one document; not tagged" in problem.reason
    assert "--max-size 1" in problem.reason
    assert [r.doc for r in report.rows] == ["small.txt"]


def test_the_cli_refuses_it_in_one_line_with_the_option_that_lifts_it(workspace):
    (workspace / "corpus" / "big.txt").write_text("Word. " * 400, encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(workspace), "tag", "--max-size", "0.001"])
    assert result.exit_code == 1
    assert "big.txt: 2,400 characters, over the limit of 0.001 million" in result.output
    assert "--max-size 1" in result.output and "Traceback" not in result.output
    assert not list((workspace / "annotations").glob("*.json"))
