"""`annotator export --format docx`: the review as Word comments on a copy, read back
with an independent reader (zipfile + ElementTree) to check every comment's words."""

import hashlib
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from helpers import ROOT

from annotator import api, export
from annotator.cli import main
from annotator.errors import AnnotatorError
from annotator.models import AnnotationFile
from annotator.review.query import Filters
from annotator.review.workflow import decide_all
from annotator.workspace import Workspace

DOCX = Path(__file__).resolve().parent / "data" / "docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RENDERED_ONLY = re.compile(r"\[(?:foot|end)noteRef:\d+\]|^\s*(?:•|\d+\.)\s")


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> Path:
    """Three .docx tagged with the sample bib, every claim accepted."""
    root = tmp_path_factory.mktemp("export")
    (root / "corpus").mkdir()
    for name in ("essay.docx", "features.docx", "fields.docx"):
        shutil.copy(DOCX / name, root / "corpus" / name)
    shutil.copytree(ROOT / "bib", root / "bib")
    ws = Workspace(root)
    api.tag(ws)
    decide_all(ws, "accepted", filters=Filters(kinds=("claim",)), reviewer="test")
    return root


def comment_ranges(path: Path) -> dict[str, tuple[str, str]]:
    """Comment id → (the words its range covers, its text), read straight from the package XML."""
    with zipfile.ZipFile(path) as z:
        comments = ET.fromstring(z.read("word/comments.xml"))
        parts = [ET.fromstring(z.read(n)) for n in ("word/document.xml", "word/footnotes.xml") if n in z.namelist()]
    said = {c.get(W + "id"): "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p"))
            for c in comments.iter(W + "comment")}
    covered: dict[str, str] = {}
    for part in parts:
        open_ids: set[str] = set()
        for el in part.iter():
            if el.tag == W + "commentRangeStart":
                open_ids.add(el.get(W + "id"))
                covered.setdefault(el.get(W + "id"), "")
            elif el.tag == W + "commentRangeEnd":
                open_ids.discard(el.get(W + "id"))
            elif el.tag == W + "t":
                for cid in open_ids:
                    covered[cid] += el.text or ""
    return {cid: (covered.get(cid, ""), text) for cid, text in said.items()}


@pytest.fixture(scope="module")
def exported(reviewed) -> Path:
    out = reviewed / "reviewed"
    export.export_docx(Workspace(reviewed), out, style=None)
    return out


@pytest.mark.parametrize("name", ["essay.docx", "features.docx", "fields.docx"])
def test_every_reviewed_claim_has_one_comment_on_its_words(reviewed, exported, name):
    afile = AnnotationFile.model_validate_json(
        Workspace(reviewed).annotation_path(name).read_text(encoding="utf-8"))
    claims = [a for a in afile.annotations if a.kind == "claim" and a.status == "accepted"]
    unresolved = [a for a in afile.annotations if a.kind == "citation" and not a.bib_key]
    ranges = comment_ranges(exported / name)
    assert len(ranges) == len(claims) + len(unresolved) and claims
    by_words: dict[str, list[str]] = {}
    for words, text in ranges.values():
        by_words.setdefault(words, []).append(text)
    for claim in claims:
        words = RENDERED_ONLY.sub("", claim.text).replace("\t", "")  # a tab between table cells is no run's text
        texts = by_words.get(words, [])
        assert any(t.startswith(f"{claim.claim_kind} claim (accepted)") for t in texts), claim.text


def test_comment_names_kind_speaker_cue_and_sources(reviewed, exported):
    texts = [t for _, t in comment_ranges(exported / "essay.docx").values()]
    assert any(t.startswith("cited claim (accepted)\nSource (14–15): Crawford, Neta C. 2021. The U.S. Budgetary")
               for t in texts)
    assert any(t.startswith("attributed claim (accepted) · speaker: ") and " · cue: “" in t for t in texts)


def test_unresolved_citation_is_commented_where_it_stands(reviewed, exported):
    ranges = comment_ranges(exported / "features.docx")
    unresolved = [(w, t) for w, t in ranges.values() if t.startswith("Unresolved citation")]
    smith = [t for w, t in unresolved if w == "Smith and Jones 2020, 3"]  # the comment sits on its words
    assert len(smith) == 1 and "“Smith and Jones 2020, 3”" in smith[0]
    assert all(t.startswith(f"Unresolved citation “{w}”") for w, t in unresolved)


def test_original_is_never_changed_and_copies_open_in_two_readers(reviewed, exported):
    for name in ("essay.docx", "features.docx", "fields.docx"):
        original = reviewed / "corpus" / name
        assert hashlib.sha256(original.read_bytes()).digest() == hashlib.sha256((DOCX / name).read_bytes()).digest()
        assert len(list(docx.Document(str(original)).comments)) == 0
        copy = docx.Document(str(exported / name))
        assert len(list(copy.comments)) == len(comment_ranges(exported / name))
    docx2python = pytest.importorskip("docx2python").docx2python
    with docx2python(exported / "essay.docx") as read:
        assert read.comments and read.comments[0][0] == "more than 2 trillion USD spent by the US alone"


@pytest.mark.parametrize("inside", ["corpus", "corpus/sub", "annotations", "bib"])
def test_out_folder_inside_the_workspace_s_own_folders_is_refused(reviewed, inside):
    # corpus/sub/essay.docx could be another original: a copy there would replace it.
    before = {p: p.read_bytes() for p in (reviewed / "corpus").rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, ["--root", str(reviewed), "export", "--format", "docx",
                                       "--out", str(reviewed / inside)])
    assert result.exit_code == 1
    assert "inside the workspace's" in result.output and "choose another --out folder" in result.output
    assert {p: p.read_bytes() for p in (reviewed / "corpus").rglob("*") if p.is_file()} == before


def test_out_that_is_a_file_is_refused_in_one_line(reviewed, tmp_path):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(reviewed), "export", "--format", "docx",
                                       "--out", str(tmp_path / "afile")])
    assert result.exit_code == 1 and "a file, not a folder" in result.output and "Traceback" not in result.output


def test_cli_docx_needs_out_and_reports_counts(reviewed, tmp_path):
    result = CliRunner().invoke(main, ["--root", str(reviewed), "export", "--format", "docx"])
    assert result.exit_code == 2 and "--format docx needs --out FOLDER" in result.output
    result = CliRunner().invoke(main, ["--root", str(reviewed), "export", "--format", "docx", "--out",
                                       str(tmp_path), "--style", "apa"])
    assert result.exit_code == 0, result.output
    assert f"{tmp_path}/fields.docx: 6 claim comment(s), 0 unresolved citation(s)" in result.output.splitlines()


def test_a_docx_edited_since_tagging_is_refused_before_any_copy(reviewed, tmp_path):
    shutil.copytree(reviewed, tmp_path / "ws")
    source = tmp_path / "ws" / "corpus" / "fields.docx"
    document = docx.Document(str(source))
    document.add_paragraph("Added after tagging.")
    document.save(str(source))
    with pytest.raises(AnnotatorError, match=r"fields.docx: changed since it was tagged; run annotator tag first"):
        export.export_docx(Workspace(tmp_path / "ws"), tmp_path / "out")
    assert not (tmp_path / "out").exists()
