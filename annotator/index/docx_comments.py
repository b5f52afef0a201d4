"""The review handed back into Word: a copy of each .docx source with one
comment per reviewed claim, on the claim's words, and one on each
unresolved citation.

Offsets of the stored annotations point into the reader's rendering of the
.docx; the renderer records which text node each stretch came from, so a
span maps back to runs. A run is split where a span starts or ends inside
it, and the comment range wraps the runs in between. Word allows comments
in footnotes and endnotes too, so a citation in a note is commented where
it stands.
"""

from __future__ import annotations

import copy
import os
import tempfile
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from annotator.errors import AnnotatorError
from annotator.models import AnnotationBase, AnnotationFile, CitationAnnotation, ClaimAnnotation, sha256_bytes
from annotator.readers.docx import Renderer, W
from annotator.readers.docx_package import Package, open_package

AUTHOR, INITIALS = "annotator", "AN"
REVIEWED = ("accepted", "edited")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class Commented:
    """What one copy received: comments written, and spans that could not be placed."""

    doc: str
    path: Path
    claims: int = 0
    citations: int = 0
    skipped: list[str] = field(default_factory=list)


class TextMap:
    """Rendered offset → (w:t element, index in its text), kept true as runs are split."""

    def __init__(self, nodes: list[tuple[int, etree._Element, int]]):
        self.nodes = list(nodes)
        self.starts = [n[0] for n in self.nodes]

    def locate(self, offset: int) -> tuple[int, etree._Element, int] | None:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        start, t, skip = self.nodes[i]
        k = offset - start + skip
        return (i, t, k) if k < len(t.text or "") else None

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """The span narrowed to document text: a list bullet or a tab is the rendering's, not a run's."""
        while start < end and self.locate(start) is None:
            start += 1
        while end > start and self.locate(end - 1) is None:
            end -= 1
        return start, end

    def split(self, i: int, t: etree._Element, k: int) -> etree._Element:
        """Cut the run holding `t` before character `k`; the new run (returned) holds the rest."""
        run = t.getparent()
        rest = copy.deepcopy(run)
        for child in list(rest):
            if child.tag != W + "rPr":
                rest.remove(child)
        tail = copy.deepcopy(t)
        tail.text, t.text = (t.text or "")[k:], (t.text or "")[:k]
        for node in (t, tail):
            node.set(XML_SPACE, "preserve")
        rest.append(tail)
        for sibling in list(t.itersiblings()):
            rest.append(sibling)
        run.addnext(rest)
        start, _, skip = self.nodes[i]
        self.nodes.insert(i + 1, (start + k - skip, tail, 0))
        self.starts.insert(i + 1, start + k - skip)
        return rest


def place_comment(text_map: TextMap, start: int, end: int, comment_id: int) -> bool:
    """Wrap text[start:end] in a comment range; False when it does not start and end in a run's text."""
    first, last = text_map.locate(start), text_map.locate(end - 1)
    if first is None or last is None:
        return False
    # The end first: splitting there leaves the start's node and offsets as they are.
    after = text_map.split(last[0], last[1], last[2] + 1)
    first = text_map.locate(start)
    assert first is not None
    begin = text_map.split(*first) if first[2] else first[1].getparent()
    if begin.getparent() is None or after.getparent() is None:
        return False
    begin.addprevious(parse_xml(f'<w:commentRangeStart {nsdecls("w")} w:id="{comment_id}"/>'))
    after.addprevious(parse_xml(f'<w:commentRangeEnd {nsdecls("w")} w:id="{comment_id}"/>'))
    after.addprevious(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                                f'<w:commentReference w:id="{comment_id}"/></w:r>'))
    return True


def claim_comment(claim: ClaimAnnotation, references: dict[str, str]) -> list[str]:
    """The paragraphs of a claim's comment: what it is, then its sources."""
    head = [f"{claim.claim_kind} claim ({claim.status})"]
    if claim.speaker:
        head.append(f"speaker: {claim.speaker}")
    if claim.cue:
        head.append(f"cue: “{claim.cue}”")
    if claim.channel:
        head.append(f"channel: {claim.channel}")
    lines = [" · ".join(head)]
    for source in claim.sources:
        where = f" ({source.locator})" if source.locator else ""
        lines.append(f"Source{where}: {references.get(source.key) or source.key}")
    if claim.claim_kind == "cited" and not claim.sources:
        lines.append("Source: none linked")
    return lines


def citation_comment(c: CitationAnnotation) -> list[str]:
    lines = [f"Unresolved citation “{c.text}”: {c.link_reason or 'no entry in bib/'}"]
    if c.candidates:
        lines.append("Candidates: " + ", ".join(cand.key for cand in c.candidates))
    return lines


def commented_copy(source: Path, afile: AnnotationFile, dest: Path, references: dict[str, str]) -> Commented:
    """Write `dest`: the .docx at `source` with the comments of `afile`."""
    data = source.read_bytes()
    if sha256_bytes(data) != afile.sha256:
        raise AnnotatorError(f"{source}: changed since it was tagged; run annotator tag first")
    package = open_package(data, source)
    renderer = Renderer(package, keep_nodes=True)
    text = renderer.render()
    text_map = TextMap(renderer.nodes or [])
    done = Commented(doc=afile.doc, path=dest)
    todo: list[tuple[AnnotationBase, list[str]]] = [(a, claim_comment(a, references)) for a in afile.annotations
            if isinstance(a, ClaimAnnotation) and a.status in REVIEWED]
    todo += [(a, citation_comment(a)) for a in afile.annotations
             if isinstance(a, CitationAnnotation) and not a.bib_key and a.status != "rejected"]
    for ann, lines in sorted(todo, key=lambda pair: (pair[0].start, pair[0].end)):
        if text[ann.start:ann.end] != ann.text:
            done.skipped.append(f"{ann.id}: its text is not where it was stored")
            continue
        _add(package, text_map, ann, lines, done)
    _save(package, dest)
    return done


def _add(package: Package, text_map: TextMap, ann: AnnotationBase, lines: list[str], done: Commented) -> None:
    start, end = text_map.snap(ann.start, ann.end)
    if end <= start:
        done.skipped.append(f"{ann.id}: “{ann.text}” holds no text of the document's runs")
        return
    comment = package.document.comments.add_comment(text=lines[0], author=AUTHOR, initials=INITIALS)
    for line in lines[1:]:
        comment.add_paragraph(line)
    place_comment(text_map, start, end, comment.comment_id)
    if isinstance(ann, ClaimAnnotation):
        done.claims += 1
    else:
        done.citations += 1


def _save(package: Package, dest: Path) -> None:
    """Atomically: a crash leaves no half-written copy."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    os.close(fd)
    try:
        package.save(tmp)
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
