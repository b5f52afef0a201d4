"""Reading .docx natively: the Word-export rendering, its notes, and refusals."""

import io
import zipfile
from pathlib import Path

import pytest
from helpers import ESSAY

from annotator.errors import InputError
from annotator.readers import find_documents, read_document, source_text
from annotator.readers.docx_package import MAX_BYTES, OLE_MAGIC

DOCX = Path(__file__).resolve().parent / "data" / "docx"


def test_essay_docx_has_the_same_notes_as_its_text_export():
    doc, text = read_document(DOCX / "essay.docx"), read_document(ESSAY)
    assert doc.shape == "poi" and doc.problems == []
    assert [(n.label, n.text) for n in doc.notes] == [(n.label, n.text) for n in text.notes]
    assert [m.label for m in doc.markers] == [str(i) for i in range(1, 32)]
    assert all(doc.text[m.start:m.end] == f"[footnoteRef:{m.label}]" for m in doc.markers)


def test_sha256_is_that_of_the_docx_bytes():
    import hashlib

    path = DOCX / "essay.docx"
    assert read_document(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_rendering_is_deterministic_and_is_the_source_text():
    path = DOCX / "features.docx"
    doc = read_document(path)
    assert read_document(path).text == doc.text == source_text(path.read_bytes(), path)


def test_headings_lists_tables_links_and_multi_paragraph_notes():
    doc = read_document(DOCX / "features.docx")
    blocks = doc.text.split("\n\n")
    assert blocks[0] == "Security after the withdrawal"
    assert blocks[1].startswith("Russia moved troops to Tajikistan, as the ministry said.[footnoteRef:1]")
    assert "• Kazakhstan closed its border.[footnoteRef:2]  [2:  Smith and Jones 2020, 3.]" in blocks
    assert "  • with the Taliban" in blocks
    assert ["1. first step", "2. second step"] == [b for b in blocks if b[:2] in ("1.", "2.")]
    assert "Kyrgyzstan\tJaparov called for calm.[footnoteRef:3]  [3:  Trenin 2021.]" in blocks
    assert doc.note("1").text == ("Crawford 2021, 14. See https://watson.brown.edu/costsofwar. "
                                  "A second paragraph of the note.")
    assert [p.reason for p in doc.problems if p.severity == "error"] == []


def test_tracked_changes_read_as_accepted_and_reported():
    doc = read_document(DOCX / "features.docx")
    assert "The talks were  quietly resumed in Doha." in doc.text and "never" not in doc.text
    assert doc.note("4").text == "Lemon 2021."
    assert [p.reason for p in doc.problems] == [
        "the document has 3 unaccepted tracked changes; read as if accepted (insertions kept, deletions dropped)"]


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("name, data, message", [
    ("old.doc", OLE_MAGIC + b"\0" * 600, "old.doc: old binary Word format (.doc); open it in Word or LibreOffice "
                                         "and save it again as .docx"),
    ("locked.docx", OLE_MAGIC + "EncryptedPackage".encode("utf-16-le"),
     "locked.docx: the document is encrypted (password-protected); remove the password in Word and save it again"),
    ("text.docx", b"just some text", "text.docx: not a Word document (not a .docx package); open it in Word"),
    ("sheet.docx", _zip({"[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'content-types"/>', "xl/workbook.xml": "<workbook/>"}),
     "sheet.docx: a zip file but not a Word document"),
    ("cut.docx", (DOCX / "features.docx").read_bytes()[:4000], "cut.docx: corrupt .docx (a damaged or truncated zip)"),
])
def test_bad_word_files_are_refused_with_what_to_do(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_document(path)
    said = str(err.value).removeprefix(f"{tmp_path}/")
    assert said.startswith(message) and "\n" not in said


def test_corrupt_part_inside_a_good_zip(tmp_path):
    with zipfile.ZipFile(DOCX / "features.docx") as z:
        files = {n: z.read(n) for n in z.namelist()}
    files["word/document.xml"] = files["word/document.xml"][:500]
    path = tmp_path / "broken.docx"
    path.write_bytes(_zip(files))  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"broken.docx: corrupt .docx \(.*\); open it in Word"):
        read_document(path)


def test_a_package_with_no_document_body_is_refused_in_one_line(tmp_path):
    with zipfile.ZipFile(DOCX / "features.docx") as z:
        files = {n: z.read(n) for n in z.namelist()}
    files["word/document.xml"] = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                                  b'wordprocessingml/2006/main"/>')
    path = tmp_path / "bodiless.docx"
    path.write_bytes(_zip(files))  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"bodiless.docx: corrupt .docx \(the document has no body\)"):
        read_document(path)


@pytest.mark.parametrize("instruction", [
    'ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems": [1]}',
    'ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems": [{"itemData": {"issued": {"date-parts": [2019]}}}]}',
    'ADDIN CSL_CITATION {"citationItems": [{"itemData": {"author": "Smith"}}]}',
])
def test_citation_field_json_of_an_odd_shape_is_a_problem_not_a_crash(instruction):
    from annotator.readers.docx_fields import RawField, citation_fields

    fields, problems = citation_fields([RawField(instruction, 0, 5)], "odd.docx")
    assert fields == [] or all(f.items for f in fields)
    assert fields or problems and "its printed text is parsed instead" in problems[0].reason


def test_oversize_file_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    from annotator.readers import docx_package

    monkeypatch.setattr(docx_package, "MAX_BYTES", 1000)
    path = tmp_path / "big.docx"
    path.write_bytes((DOCX / "features.docx").read_bytes())
    with pytest.raises(InputError, match=r"big.docx: 0 MB, over the 0 MB limit"):
        read_document(path)
    assert MAX_BYTES >= 32 * 2**20


def test_corpus_listing_takes_docx_and_skips_word_lock_files(tmp_path):
    for name in ("a.docx", "~$a.docx", "b.txt", "c.pdf"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in find_documents([tmp_path])] == ["a.docx", "b.txt"]


def test_endnotes_are_numbered_after_the_footnotes():
    doc = read_document(DOCX / "endnotes.docx")
    assert doc.text.startswith("Russia moved troops to Tajikistan.[footnoteRef:1] China stayed silent.[endnoteRef:3] "
                               "Kazakhstan offered talks.[footnoteRef:2]  [1:  Crawford 2021, 14.]  [3:  Trenin 2021.]")
    assert [(n.label, n.kind, n.text) for n in doc.notes] == [
        ("1", "footnote", "Crawford 2021, 14."), ("3", "endnote", "Trenin 2021."), ("2", "footnote", "Lemon 2021, 5.")]
    assert doc.problems == []


def _built(tmp_path, build) -> Path:
    """A .docx made with python-docx: `build(document)` adds the case."""
    import docx

    document = docx.Document()
    build(document)
    path = tmp_path / "built.docx"
    document.save(str(path))
    return path


def test_nested_table_is_read_once_with_its_cell(tmp_path):
    def build(document):
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Outer"
        inner = table.cell(0, 1).add_table(rows=1, cols=1)
        inner.cell(0, 0).text = "Inner"
        document.add_paragraph("After.")

    assert read_document(_built(tmp_path, build)).text == "Outer\tInner\n\nAfter."


def test_a_field_never_separated_does_not_hide_the_rest_of_the_document(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def build(document):
        p = document.add_paragraph("Claimed here ")
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText> ADDIN ZOTERO_ITEM CSL_CITATION {{}}</w:instrText></w:r>'))
        document.add_paragraph("The next paragraph stays.")

    doc = read_document(_built(tmp_path, build))
    assert doc.text == "Claimed here \n\nThe next paragraph stays."


def test_empty_content_control_and_empty_paragraphs_are_skipped(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def build(document):
        document.add_paragraph("First.")
        document.add_paragraph("")
        document.element.body.append(parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr/></w:sdt>'))
        document.add_paragraph("Second.")

    assert read_document(_built(tmp_path, build)).text == "First.\n\nSecond."
