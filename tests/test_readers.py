import json

import pytest
from helpers import ESSAY, GOLD, NEWS

from annotator.errors import InputError
from annotator.readers import read_document, read_text


def gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def test_essay_markers_and_notes_match_gold_spans():
    doc = read_document(ESSAY)
    g = gold("003_222f522ad4e5a261.json")
    assert doc.sha256 == g["sha256"]
    assert [(m.start, m.end) for m in doc.markers] == [tuple(f["marker"]["span"]) for f in g["footnotes"]]
    assert [(n.start, n.end) for n in doc.notes] == [tuple(f["note"]["span"]) for f in g["footnotes"]]
    assert [n.text for n in doc.notes] == [f["note_text"] for f in g["footnotes"]]
    assert doc.problems == []


def test_body_blanks_markers_and_notes_keeping_offsets():
    doc = read_document(ESSAY)
    body = doc.body()
    assert len(body) == len(doc.text)
    assert "[footnoteRef" not in body and "Crawford 2021" not in body
    assert body[:200] == doc.text[:200]


def test_plain_news_has_date_and_masks_it():
    doc = read_document(NEWS)
    assert doc.shape == "plain" and doc.date == "2021-08-30"
    assert "date 2021" not in doc.body()
    assert doc.body().strip().startswith("With the US withdrawal")


def test_note_with_nested_brackets_ends_at_matching_bracket():
    text = "A claim.[footnoteRef:1]\n [1:  Smith 2020 [reprint], 3.]  \nNext paragraph [x]."
    doc = read_text(text, "t.txt")
    assert doc.notes[0].text == "Smith 2020 [reprint], 3."
    assert doc.problems == []


def test_endnotes_and_cyrillic():
    text = "Claim.[endnoteRef:1]\n[1:  Радио Азаттык 2021]"
    doc = read_text(text, "t.txt")
    assert doc.markers[0].kind == "endnote" and doc.notes[0].kind == "endnote"
    assert doc.notes[0].text == "Радио Азаттык 2021"


@pytest.mark.parametrize("text, reason", [
    ("Claim.[footnoteRef:1] more.", "marker [footnoteRef:1] has no note [1: …]"),
    ("Claim.\n[1:  Smith 2020]", "note [1: …] is called by no marker"),
    ("A.[footnoteRef:1]\n[1:  Smith 2020]  [1:  Jones 2021]", "note 1 is defined 2 times"),
    ("A.[footnoteRef:1]\n[1:  Smith 2020 and never closed\nNext", "note [1: is never closed with ']' (read up to the end of its line)"),
])
def test_broken_footnote_markup_becomes_problems(text, reason):
    doc = read_text(text, "t.txt")
    assert reason in [p.reason for p in doc.problems]
    assert all(p.line for p in doc.problems)


def test_unclosed_note_does_not_swallow_the_next_paragraph():
    doc = read_text("A.[footnoteRef:1]\n[1:  Smith 2020\nThe next paragraph is prose.", "t.txt")
    assert "The next paragraph" in doc.body()


def test_markdown_footnotes_with_multiline_definition():
    text = "Russia objected.[^1] China agreed.[^note]\n\n[^1]: Smith 2020, 4.\n    Continued here.\n[^note]: Jones 2021.\n"
    doc = read_text(text, "t.md")
    assert doc.shape == "markdown"
    assert [m.label for m in doc.markers] == ["1", "note"]
    assert doc.notes[0].text == "Smith 2020, 4.\n    Continued here."
    assert doc.problems == []
    assert "[^" not in doc.body()


def test_markdown_marker_without_definition():
    doc = read_text("Claim.[^9]\n", "t.md")
    assert doc.problems[0].reason == "marker [^9] has no definition [^9]:"


def test_bom_and_crlf_kept_exactly(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffdate 2021-01-02 Title\r\nRussia said so.[footnoteRef:1]\r\n[1:  Smith 2020]\r\n".encode())
    doc = read_document(path)
    assert doc.text.startswith("\ufeff") and "\r\n" in doc.text
    assert doc.date == "2021-01-02"
    assert doc.notes[0].text == "Smith 2020"
    assert doc.text[doc.markers[0].start:doc.markers[0].end] == "[footnoteRef:1]"


def test_empty_file_is_a_problem(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    assert [p.reason for p in read_document(path).problems] == ["empty document"]


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match=r"image.txt: binary file \(NUL byte at offset 8\)"):
        read_document(path)


def test_latin1_file_is_refused_with_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("first line\nCaf\xe9 politics".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1.txt:2: not UTF-8 \(byte 0xe9 at offset 14\)"):
        read_document(path)


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
