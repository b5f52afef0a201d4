"""Time reading a generated 200-page .docx with 500 footnotes (before any NLP).

    python bench/docx_speed.py [PAGES] [NOTES]

The document is the essay fixture's body and notes repeated, note ids renumbered,
until it has PAGES pages of 500 words and NOTES footnotes (extra calls are dropped), its text split
into runs of about four words as Word saves it;
no pandoc needed. Target (issue 15): under 2 s. Prints the best of 3 rounds, and
the share spent opening the package (python-docx) versus rendering the text; then the
time to write a commented copy with 1,000 comments (export --format docx).
"""

from __future__ import annotations

import copy
import io
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.index.docx_comments import commented_copy  # noqa: E402
from annotator.models import AnnotationFile, ClaimAnnotation, Provenance, Review  # noqa: E402
from annotator.readers import read_document  # noqa: E402
from annotator.readers.docx import Renderer  # noqa: E402
from annotator.readers.docx_package import open_package  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOURCE = ROOT / "tests" / "data" / "docx" / "essay.docx"
WORDS_PER_PAGE = 500


def build(pages: int, notes: int) -> bytes:
    with zipfile.ZipFile(SOURCE) as z:
        files = {n: z.read(n) for n in z.namelist()}
    body_xml, notes_xml = etree.fromstring(files["word/document.xml"]), etree.fromstring(files["word/footnotes.xml"])
    body = body_xml.find(W + "body")
    section = body.find(W + "sectPr")
    paras = [p for p in body if p.tag != W + "sectPr"]
    originals = [n for n in notes_xml if int(n.get(W + "id")) > 0]
    for p in paras + [section]:
        body.remove(p)
    words, next_id, copies = 0, 1, {n.get(W + "id"): n for n in originals}
    while words < pages * WORDS_PER_PAGE:
        for p in paras:
            clone = copy.deepcopy(p)
            for ref in clone.iter(W + "footnoteReference"):
                if next_id > notes:
                    ref.getparent().remove(ref)
                    continue
                note = copy.deepcopy(copies[ref.get(W + "id")])
                note.set(W + "id", str(next_id + 10))
                notes_xml.append(note)
                ref.set(W + "id", str(next_id + 10))
                next_id += 1
            split_runs(clone)
            body.append(clone)
            words += len("".join(t.text or "" for t in clone.iter(W + "t")).split())
    body.append(section)
    for n in originals:
        notes_xml.remove(n)
    files["word/document.xml"] = etree.tostring(body_xml, xml_declaration=True, encoding="UTF-8", standalone=True)
    files["word/footnotes.xml"] = etree.tostring(notes_xml, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def split_runs(p: etree._Element, words: int = 4) -> None:
    """Word splits text into many runs (revision ids, spelling marks); pandoc writes few. Split to ~4 words."""
    for run in list(p.iter(W + "r")):
        t = run.find(W + "t")
        pieces = (t.text or "").split(" ") if t is not None else []
        if len(pieces) <= words:
            continue
        chunks = [" ".join(pieces[i:i + words]) + " " for i in range(0, len(pieces), words)]
        chunks[-1] = chunks[-1][:-1]
        t.text = chunks[0]
        anchor = run
        for chunk in chunks[1:]:
            clone = copy.deepcopy(run)
            clone.find(W + "t").text = chunk
            anchor.addnext(clone)
            anchor = clone


COMMENTS = 1000


def commented(path: Path, doc, out: Path) -> None:
    """A comment on the first sentence-like stretch of each paragraph, as many as COMMENTS."""
    prov = Provenance(tagger="bench", rule="bench")
    claims, at = [], 0
    for block in doc.text.split("\n\n"):
        body = block.split("[footnoteRef")[0]
        if len(body) > 60 and len(claims) < COMMENTS:
            start, end = at + 5, at + 55
            claims.append(ClaimAnnotation(id=f"c{len(claims)}", start=start, end=end, text=doc.text[start:end],
                                          provenance=prov, claim_kind="authorial",
                                          review=Review(status="accepted")))
        at += len(block) + 2
    afile = AnnotationFile(doc=path.name, sha256=doc.sha256, tagger="bench", annotations=claims)
    commented_copy(path, afile, out, {})


def best(fn, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    notes = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    data = build(pages, notes)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.docx"
        path.write_bytes(data)
        doc = read_document(path)
        whole = best(lambda: read_document(path))
        opening = best(lambda: open_package(data, path))
        package = open_package(data, path)
        rendering = best(lambda: Renderer(package).render())
        export = best(lambda: commented(path, doc, Path(tmp) / "out.docx"), rounds=1)
    words = len(doc.body().split())
    print(f"{path.name}: {len(data) / 2**20:.1f} MB, {words:,} words (~{words // WORDS_PER_PAGE} pages), "
          f"{len(doc.notes)} footnotes, {len(doc.text):,} characters rendered, {len(doc.problems)} problems")
    print(f"read_document: {whole:.3f} s (target < 2 s), best of 3; opening the package {opening:.3f} s, "
          f"rendering alone {rendering:.3f} s")
    print(f"export --format docx: {export:.3f} s for a copy with {COMMENTS} comments (one a paragraph)")


if __name__ == "__main__":
    main()
