"""The tagging pass: note prose mapped back to the file, and parallel runs."""

from __future__ import annotations

from helpers import ESSAY, NEWS

from annotator.readers import read_document, read_text
from annotator.tagging.propose import note_prose
from annotator.tagging.run import tag

NOTED = (
    "Russia opposed the plan.[footnoteRef:1] Tajikistan agreed.[footnoteRef:2]\n"
    "\n"
    "[1:  Crawford 2021, 14. Additionally, Washington will pay; Cooley 2012.]\n"
    "[2:  Ibid.]\n"
)


def test_note_prose_keeps_only_prose_and_maps_back_to_the_file():
    doc = read_text(NOTED, "noted.txt")
    text, pieces = note_prose(doc)
    # The citations and the stretches without a letter ("; ", "Ibid." is a citation) are gone.
    assert "Crawford" not in text and "Cooley" not in text and "Ibid" not in text
    assert "Washington will pay" in text
    for start, end, offset in pieces:
        assert doc.text[offset:offset + end - start] == text[start:end]


def test_note_prose_of_notes_citing_only_is_empty():
    doc = read_text("A claim.[footnoteRef:1]\n\n[1:  Crawford 2021, 14.]\n", "plain.txt")
    assert note_prose(doc) == ("", [])


def test_actors_in_notes_get_file_offsets(nlp):
    doc = read_text(NOTED, "noted.txt")
    afile = next(tag([doc], nlp))
    washington = [a for a in afile.annotations if a.kind == "actor" and a.text == "Washington"]
    assert len(washington) == 1
    assert NOTED[washington[0].start:washington[0].end] == "Washington"
    assert washington[0].start > NOTED.index("[1:")


def test_two_jobs_give_the_same_files_in_the_same_order(nlp):
    docs = [read_document(ESSAY), read_document(NEWS), read_text(NOTED, "noted.txt")]
    one = [f.model_dump() for f in tag(docs, nlp, jobs=1)]
    two = [f.model_dump() for f in tag(docs, nlp, jobs=2)]
    assert [f["doc"] for f in two] == [d.name for d in docs]
    assert two == one
