"""Inputs and faults real workspaces meet (issue 14): odd spacing, floods of
blank lines, paths out of the workspace, broken side files. No spaCy needed."""

from __future__ import annotations

import codecs
import gc
import json
import re
import time

import pytest
from click.testing import CliRunner
from helpers.tagging import without_model

from annotator import TAGGER_VERSION, api
from annotator.citations.parse import find_inline, parse_note
from annotator.cli import main
from annotator.errors import InputError, StoreError, WorkspaceError
from annotator.models import SCHEMA_VERSION, AnnotationFile, sha256_bytes
from annotator.readers import read_document, read_text
from annotator.store import store
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


def test_a_document_whose_tagging_fails_does_not_stop_the_others(workspace, monkeypatch):
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (workspace / "corpus" / name).write_text(f"Text of {name}.", encoding="utf-8")
    built = without_model(monkeypatch, fails_on=frozenset({"b.txt"}))
    report = api.tag(Workspace(workspace))
    assert [r.doc for r in report.rows] == ["a.txt", "c.txt", "d.txt"]
    assert built == ["nlp"]  # the retry of b.txt alone reuses the pipeline
    [problem] = report.problems
    assert (problem.file, problem.severity) == ("b.txt", "error")
    assert "tagging failed (ValueError: substring not found)" in problem.reason
    assert sorted(p.name for p in (workspace / "annotations").glob("*.json")) == ["a.json", "c.json", "d.json"]


def test_tag_goes_on_past_a_failing_document_and_exits_1_at_the_end(workspace, monkeypatch):
    (workspace / "corpus" / "a.txt").write_text("One.", encoding="utf-8")
    (workspace / "corpus" / "b.txt").write_text("Two.", encoding="utf-8")
    (workspace / "corpus" / "c.txt").write_bytes("Caf\xe9".encode("latin-1"))
    without_model(monkeypatch, fails_on=frozenset({"a.txt"}))
    result = run(workspace, "tag")
    assert result.exit_code == 1
    assert "a.txt: tagging failed (ValueError: substring not found)" in result.output
    assert "c.txt:1: not UTF-8" in result.output
    assert [p.name for p in (workspace / "annotations").glob("*.json")] == ["b.json"]


# -- B. time grows linearly ----------------------------------------------------
# Each input doubled must cost at most ~2.5x (a quadratic scan costs 4x). Sizes are
# small: this compares growth, not absolute time. Time is this process's CPU time,
# the least of a few runs: on a loaded machine the wall clock swung linear ratios
# from 1.1 to 3.3. A case passes when one of five rounds shows linear growth.


def _seconds(work, arg, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        work(arg)
        best = min(best, time.process_time() - start)
    return best


def _growth(work, make, n: int) -> float:
    small, large = make(n), make(2 * n)
    work(small)  # warm caches (compiled patterns, pydantic validators)
    ratios = []
    gc.collect()
    gc.disable()
    try:
        while len(ratios) < 5 and min(ratios, default=9) > 2.5:
            ratios.append(_seconds(work, large) / max(_seconds(work, small), 1e-6))
    finally:
        gc.enable()
    return min(ratios)


def _read(text: str) -> None:
    read_text(text, "x.txt")


READER_FLOODS = {
    # markers inside notes are looked up among all notes; thousands of notes at once
    "markers in many notes": (lambda n: "".join(f"A.[^{i}] " for i in range(n)) + "\n\n"
                              + "".join(f"[^{i}]: Smith {'[^x] ' * 20}2021.\n" for i in range(n)), 300),
    "markers without notes, late in a text": (lambda n: "x" * (100 * n) + "\nA point.[^x]" * n, 300),
    "one-space lines in a note": (lambda n: "A point.[^1]\n\n[^1]: Smith." + " \n" * n + "    more", 3000),
    "a long line without spaces": (lambda n: "A" * n + " .[^1]\n\n[^1]: " + "b" * n, 10000),
    "nested brackets in a word note": (lambda n: "A.[footnoteRef:1]\n[1:  " + "[" * n + "]" * n + "]", 3000),
}


@pytest.mark.parametrize("case", READER_FLOODS)
def test_readers_take_linear_time(case):
    make, n = READER_FLOODS[case]
    assert _growth(_read, make, n) <= 2.5


NOTE_FLOODS = {
    "a run of dots": (lambda n: "Smith 2001" + "." * n, 1000),
    "sentences before a year": (lambda n: "Yes. " * n + "Smith 2001", 1500),
    "a long list of pages": (lambda n: "Crawford " + "1, " * n + "x", 400),
    "a flood of lead-ins": (lambda n: "see " * n + "x", 500),
    "initials in a reference": (lambda n: "Smith, A. (2001). Title " + "A. " * n, 1000),
    "deeply nested parentheses": (lambda n: "(" * n + "Smith 2001" + ")" * n, 1500),
    "blank lines": (lambda n: "Smith" + "\n \n" * n + "2001", 1000),
    "a word without spaces": (lambda n: "See " + "a" * n + " 2001.", 10000),
}


@pytest.mark.parametrize("case", NOTE_FLOODS)
def test_note_citations_take_linear_time(case):
    make, n = NOTE_FLOODS[case]
    assert _growth(parse_note, make, n) <= 2.5


INLINE_FLOODS = {
    "many narrative citations": (lambda n: "As Anna  Smith (2019) argues. " * n, 150),
    "deeply nested parentheses": (lambda n: "(" * n + "Smith 2001" + ")" * n, 20000),
    "years in one parenthesis": (lambda n: "(" + "x 2001 " * n + ")", 1000),
}


@pytest.mark.parametrize("case", INLINE_FLOODS)
def test_inline_citations_take_linear_time(case):
    make, n = INLINE_FLOODS[case]
    assert _growth(find_inline, make, n) <= 2.5


@pytest.mark.parametrize("text", [
    "One.\n\nTwo.\n \nThree.\n\n\nFour.\nFive.", "One.\n\nTwo.\n\nThree. \n\n", "One.\n\nTwo.\n\nThree.\n\nFour.",
    "\n\nOne.\n \t\nTwo.\r\n\r\nThree.\n\u00a0\nFour.", "One.\nTwo.\nThree.\nFour.",
])
def test_the_concluding_paragraph_is_found_as_before(text):
    from annotator.nlp.claims.authorial import _conclusion_start

    breaks = len(re.findall(r"\n\s*\n\s*(?=\S)", text))  # the old, cubic reading
    assert _conclusion_start(text) == (text.rfind("\n", 0, len(text.rstrip())) + 1 if breaks >= 3 else len(text))


def test_finding_the_concluding_paragraph_takes_linear_time():
    from annotator.nlp.claims.authorial import _conclusion_start

    assert _growth(_conclusion_start, lambda n: "A point.\n" + " \n" * n, 300) <= 2.5


# -- C. the workspace is a boundary ------------------------------------------------

SECRET = "TOP-SECRET-LINE never to be read"


def annotation_file(ws_root, doc: str, text: str = "") -> None:
    """An annotation file naming `doc`, written by hand (as an attacker would)."""
    afile = AnnotationFile(doc=doc, sha256=sha256_bytes(text.encode()), tagger=TAGGER_VERSION)
    path = ws_root / "annotations" / "evil.json"
    path.write_text(json.dumps(afile.model_dump(mode="json")), encoding="utf-8")


@pytest.fixture
def outside(tmp_path):
    """A workspace in tmp_path/ws and a secret file next to it, outside."""
    (tmp_path / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    root = tmp_path / "ws"
    for name in ("corpus", "annotations", "bib"):
        (root / name).mkdir(parents=True)
    return root


@pytest.mark.parametrize("doc, reason", [
    ("../../secret.txt", "leads out of corpus/ (..)"),
    ("sub/../../../secret.txt", "leads out of corpus/ (..)"),
    ("ABSOLUTE", "is an absolute path, not a name inside corpus/"),
])
def test_index_refuses_an_annotation_file_naming_a_file_outside(outside, doc, reason):
    doc = str(outside.parent / "secret.txt") if doc == "ABSOLUTE" else doc
    annotation_file(outside, doc, SECRET + "\n")
    result = run(outside, "index", "--format", "html", "--out", str(outside / "index.html"))
    assert result.exit_code == 1
    evil = outside / "annotations" / "evil.json"
    assert f"{evil}: [doc] {doc!r} {reason}; refused (fix or delete the file)" in result.output
    assert SECRET not in (outside / "index.html").read_text(encoding="utf-8")


def test_other_commands_refuse_it_too(outside):
    annotation_file(outside, "../../secret.txt")
    evil = outside / "annotations" / "evil.json"
    result = run(outside, "check")  # a stray file: named, never read
    assert f"{evil}: annotation file with no source document in corpus/" in result.output
    result = run(outside, "review", "evil")
    assert result.exit_code == 1
    assert f"{evil}: [doc] '../../secret.txt' leads out of corpus/ (..)" in result.output
    assert SECRET not in result.output


def test_a_corpus_file_the_user_symlinked_in_stays_readable(outside):
    (outside / "corpus" / "linked.txt").symlink_to(outside.parent / "secret.txt")
    annotation_file(outside, "linked.txt", SECRET + "\n")
    result = run(outside, "index", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"][0]["name"] == "linked.txt"


def test_show_refuses_a_path_outside_the_workspace(outside):
    result = run(outside, "show", str(outside.parent / "secret.txt"))
    assert result.exit_code == 1
    assert "the document lies outside the workspace" in result.output
    assert SECRET not in result.output
    result = run(outside, "show", "../../secret.txt")
    assert result.exit_code == 1 and SECRET not in result.output


def test_actors_file_symlinked_out_of_the_workspace_is_refused(outside):
    (outside.parent / "actors.jsonl").write_text('{"id": "x", "aliases": ["Secret"]}\n', encoding="utf-8")
    (outside / "actors.jsonl").symlink_to(outside.parent / "actors.jsonl")
    with pytest.raises(WorkspaceError, match=r"actors.jsonl: actors.jsonl lies outside the workspace .*; refused"):
        api._pipeline(Workspace(outside), None)


def test_index_refuses_annotation_and_bib_files_symlinked_out(outside):
    (outside.parent / "refs.bib").write_text("@book{k, title={" + SECRET + "}}\n", encoding="utf-8")
    (outside / "bib" / "refs.bib").symlink_to(outside.parent / "refs.bib")
    result = run(outside, "index", "--format", "md")
    assert result.exit_code == 1
    assert "refs.bib: a symlink that lies outside the workspace" in result.output
    assert SECRET not in result.output


# -- D. smaller: one-line errors, honest exits, atomic writes ------------------------


def good_annotation_file(ws_root, name: str, text: str = "A text.") -> None:
    (ws_root / "corpus" / f"{name}.txt").write_text(text, encoding="utf-8")
    afile = AnnotationFile(doc=f"{name}.txt", sha256=sha256_bytes(text.encode()), tagger=TAGGER_VERSION)
    (ws_root / "annotations" / f"{name}.json").write_text(json.dumps(afile.model_dump(mode="json")), encoding="utf-8")


@pytest.mark.parametrize("content, message", [
    ('{"sha256": "ab", ', ":1:18: broken JSON: Expecting property name enclosed in double quotes; not a gold file"),
    ('{"schema_version": 1, "doc": "a.txt", "sha256": "ab"}', ": [footnotes] Field required; not a gold file"),
    ('{"sha256": "ab", "footnotes": [], "claims": [], "actors": [{"span": [1], "type": "state", "canonical": "x"}]}',
     ": [actors.0.span.1] Field required; not a gold file"),
    ('[1, 2]', ": [] Input should be a valid dictionary"),
])
def test_eval_with_a_wrong_gold_file_says_so_in_one_line(workspace, tmp_path, content, message):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "g.json").write_text(content, encoding="utf-8")
    result = run(workspace, "eval", "--gold", str(gold))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {gold / 'g.json'}{message}")
    assert "Traceback" not in result.output and len(result.output.splitlines()) == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(tmp_path, encoding):
    text = "Anna Smith (2019) argues.[^1]\n\n[^1]: Smith 2019, 4 — «ок».\n"
    data = text.encode(encoding)
    if encoding != "utf-16":  # the plain codec writes its own mark
        data = ("\ufeff" + text).encode(encoding)
    (tmp_path / "u16.md").write_bytes(data)
    doc = read_document(tmp_path / "u16.md")
    assert doc.text == text and doc.shape == "markdown" and [n.text for n in doc.notes] == ["Smith 2019, 4 — «ок»."]
    assert doc.sha256 == sha256_bytes(data)


def test_broken_utf16_and_utf32_get_a_clear_message(tmp_path):
    (tmp_path / "u32.txt").write_bytes("Text".encode("utf-32"))
    with pytest.raises(InputError, match=r"u32.txt: UTF-32 text; convert it to UTF-8 first"):
        read_document(tmp_path / "u32.txt")
    (tmp_path / "odd.txt").write_bytes(codecs.BOM_UTF16_LE + b"T\x00e")
    with pytest.raises(InputError, match=r"odd.txt: broken UTF-16 \(at byte offset 4: truncated data\)"):
        read_document(tmp_path / "odd.txt")


def test_a_newer_schema_says_to_upgrade_annotator(workspace):
    good_annotation_file(workspace, "a")
    path = workspace / "annotations" / "a.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    newer = SCHEMA_VERSION + 1
    data["schema_version"] = newer
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StoreError) as err:
        store.load(path)
    assert str(err.value) == (f"{path}: written by a newer annotator (schema {newer}); upgrade annotator "
                              f"(this one reads schema {SCHEMA_VERSION})")
    result = run(workspace, "check")
    assert f"written by a newer annotator (schema {newer}); upgrade annotator" in result.output


def test_index_with_a_broken_annotation_file_exits_1_and_names_it(workspace):
    good_annotation_file(workspace, "a")
    good_annotation_file(workspace, "b")
    broken = workspace / "annotations" / "b.json"
    broken.write_text('{"schema_version": 1, "doc": ', encoding="utf-8")
    out = workspace / "index.html"
    result = run(workspace, "index", "--format", "html", "--out", str(out))
    assert result.exit_code == 1
    assert f"Error: left out of the index: {broken}:1:30: broken JSON" in result.output
    assert out.exists()  # the page is written, with the problem listed in it
    assert "b.json" in out.read_text(encoding="utf-8")


def test_export_out_is_atomic_and_a_missing_folder_is_one_line(workspace):
    good_annotation_file(workspace, "a")
    out = workspace / "export.jsonl"
    assert run(workspace, "export", "--out", str(out)).exit_code == 0
    before = out.read_bytes()
    good_annotation_file(workspace, "b")
    (workspace / "annotations" / "b.json").write_text("{", encoding="utf-8")  # met after a.json
    result = run(workspace, "export", "--out", str(out))
    assert result.exit_code == 1 and "b.json:1:2: broken JSON" in result.output
    assert out.read_bytes() == before
    assert sorted(p.name for p in workspace.iterdir()) == ["annotations", "bib", "corpus", "export.jsonl"]
    missing = workspace / "nowhere" / "export.jsonl"
    result = run(workspace, "export", "--out", str(missing))
    assert result.exit_code == 1
    assert result.output == f"Error: {missing.parent}: no such folder; create it first\n"
