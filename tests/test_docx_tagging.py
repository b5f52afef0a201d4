"""A .docx tagged end to end: the same findings as its text export, decisions kept across edits."""

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from helpers import ROOT

from annotator import api
from annotator.cli import main
from annotator.models import AnnotationFile
from annotator.workspace import Workspace

DOCX = Path(__file__).resolve().parent / "data" / "docx"
ESSAY_JSON = "essay-central-asian-security-after-the-taliban.json"


@pytest.fixture(scope="module")
def tagged_docx(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("docx")
    (root / "corpus").mkdir()
    shutil.copy(DOCX / "essay.docx", root / "corpus" / "essay.docx")
    shutil.copytree(ROOT / "bib", root / "bib")
    api.tag(Workspace(root))
    return root


def _load(path: Path) -> AnnotationFile:
    return AnnotationFile.model_validate_json(path.read_text(encoding="utf-8"))


def _kind(afile: AnnotationFile, kind: str) -> list:
    return [a for a in afile.annotations if a.kind == kind]


def test_essay_docx_gives_the_text_exports_notes_citations_links_and_cited_claims(tagged_docx, tagged_corpus):
    from_docx = _load(tagged_docx / "annotations" / "essay.json")
    from_text = _load(tagged_corpus / "annotations" / ESSAY_JSON)
    notes = [(a.number, a.note_text) for a in _kind(from_docx, "footnote_ref")]
    assert len(notes) == 31 and notes == [(a.number, a.note_text) for a in _kind(from_text, "footnote_ref")]

    def citations(afile):
        return [(c.number, c.text, c.authors, c.year, c.year_suffix, c.locator, c.prefix, c.suffix, c.ibid,
                 c.bib_key, c.link_reason) for c in _kind(afile, "citation")]

    assert len(citations(from_docx)) == 55 and citations(from_docx) == citations(from_text)
    assert all(c.bib_key for c in _kind(from_docx, "citation"))

    def cited(afile):
        return [(c.text, c.footnotes, [s.key for s in c.sources]) for c in _kind(afile, "claim")
                if c.claim_kind == "cited"]

    assert len(cited(from_docx)) == 31 and cited(from_docx) == cited(from_text)


def test_show_prints_the_rendering(tagged_docx):
    result = CliRunner().invoke(main, ["--root", str(tagged_docx), "show", "essay.docx"])
    assert result.exit_code == 0, result.output
    assert "This summer, Central Asia returned" in result.output


def test_decisions_survive_an_edited_and_resaved_docx(tagged_docx, tmp_path):
    shutil.copytree(tagged_docx, tmp_path / "ws")
    ws = Workspace(tmp_path / "ws")
    path = ws.annotation_path("essay.docx")
    afile = _load(path)
    claim = next(a for a in afile.annotations if a.kind == "claim" and a.claim_kind == "cited")
    data = json.loads(path.read_text(encoding="utf-8"))
    for ann in data["annotations"]:
        if ann["id"] == claim.id:
            ann["review"] = {"status": "accepted", "reviewer": "test"}
    path.write_text(json.dumps(data), encoding="utf-8")

    source = ws.corpus / "essay.docx"
    document = docx.Document(str(source))
    document.paragraphs[0].insert_paragraph_before("A new opening paragraph, written after tagging.")
    document.save(str(source))
    api.tag(ws)
    moved = next(a for a in _load(path).annotations if a.text == claim.text and a.kind == "claim")
    assert moved.status == "accepted" and moved.start > claim.start
    assert api.shown(ws, "essay.docx")[0].text[moved.start:moved.end] == claim.text
    assert not _load(path).orphans


def test_tag_refuses_a_doc_file_and_writes_nothing_for_it(workspace):
    (workspace / "corpus" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    shutil.copy(DOCX / "features.docx", workspace / "corpus" / "features.docx")
    result = CliRunner().invoke(main, ["--root", str(workspace), "tag"])
    assert result.exit_code == 1
    # One line for the .doc; the other document is still tagged (a bad file blocks only itself).
    lines = [line for line in result.output.splitlines() if "old.doc" in line]
    assert len(lines) == 1 and ("old binary Word format (.doc); open it in Word or LibreOffice "
                                "and save it again as .docx") in " ".join(result.output.split())
    assert sorted(p.name for p in (workspace / "annotations").iterdir()) == ["features.json"]


def test_tag_reports_unaccepted_tracked_changes(workspace):
    shutil.copy(DOCX / "features.docx", workspace / "corpus" / "features.docx")
    result = CliRunner().invoke(main, ["--root", str(workspace), "tag"])
    assert result.exit_code == 0  # a warning, as `check` says it: the work is saved, the input needs a look
    assert (workspace / "annotations" / "features.json").exists()
    assert ("warning: features.docx: the document has 3 unaccepted tracked changes; read as if accepted "
            "(insertions kept, deletions dropped)") in " ".join(result.output.split())
    strict = CliRunner().invoke(main, ["--root", str(workspace), "tag", "--strict", "--force"])
    assert strict.exit_code == 1


def test_check_lists_a_corrupt_docx_as_an_error(workspace):
    (workspace / "corpus" / "broken.docx").write_bytes((DOCX / "features.docx").read_bytes()[:3000])
    result = CliRunner().invoke(main, ["--root", str(workspace), "check"])
    assert result.exit_code == 1
    assert "broken.docx: corrupt .docx (a damaged or truncated zip); open it in Word or LibreOffice" in result.output
