"""A .docx read natively, shown to every later stage as Word-export text.

The rendering is the shape `word_export` already reads: each paragraph on
its own, blocks separated by a blank line, a note call as `[footnoteRef:N]`
and the paragraph's notes after it as `  [N:  note text]` on the same line.
It is built deterministically from the XML, so offsets are exact into it and
the same file always gives the same text. Tracked changes are read as
accepted (insertions kept, deletions dropped) and reported.

Notes are numbered as Word shows them: footnotes 1, 2, … in the order they
are called; endnotes carry on after the last footnote, so labels stay unique.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from annotator.models import Document, Problem, sha256_bytes

from . import word_export
from .docx_fields import RawField, citation_fields
from .docx_lists import Lists
from .docx_package import Package, open_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
BLOCK_SEP = "\n\n"
# Containers whose children are read as if they stood in their place.
TRANSPARENT = {W + t for t in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "sdtContent", "fldSimple",
                               "dir", "bdo")}
CHANGES = {W + t for t in ("ins", "del", "moveFrom", "moveTo")}
DROPPED = {W + t for t in ("del", "moveFrom", "rPr", "pPr", "sdtPr", "sdtEndPr", "footnoteRef", "endnoteRef",
                           "delText", "delInstrText", "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart",
                           "commentRangeEnd", "drawing", "pict", "object", "lastRenderedPageBreak")}
CHARS = {W + "tab": "\t", W + "noBreakHyphen": "-", W + "softHyphen": "", W + "cr": "\n", W + "br": "\n"}


@dataclass
class _Field:
    """A field being read: its instruction so far and where its result starts."""

    instruction: list[str] = field(default_factory=list)
    start: int | None = None  # set at the separator: from then on, text is the field's result


class Renderer:
    """Writes the text in one pass; notes are written inline after their paragraph."""

    def __init__(self, package: Package, keep_nodes: bool = False):
        self.pkg = package
        # (offset, w:t element, characters of it left out at its start): where each text node was written.
        self.nodes: list[tuple[int, etree._Element, int]] | None = [] if keep_nodes else None
        self.out: list[str] = []
        self.size = 0
        self.fields: list[RawField] = []
        self.changes = 0
        self.in_note = False
        self.lead = False
        self.stack: list[_Field] = []
        self.pending: list[tuple[str, str]] = []  # (kind, id) of notes called in the current block
        self.labels: dict[tuple[str, str], str] = {}
        self.notes = {"footnote": _note_map(package.footnotes), "endnote": _note_map(package.endnotes)}
        self.lists = Lists(package.numbering, package.styles)
        self.first_endnote = 1 + len(package.body.findall(f".//{W}footnoteReference"))
        self.next_label = {"footnote": 1, "endnote": self.first_endnote}

    # -- output ------------------------------------------------------------

    def put(self, text: str) -> None:
        if not text or any(f.start is None for f in self.stack):  # inside a field's instruction
            return
        if self.lead:  # a note's own leading space (after Word's number mark) is not its text
            text = text.lstrip()
            if not text:
                return
            self.lead = False
        self.out.append(text)
        self.size += len(text)

    def text_node(self, t: etree._Element) -> None:
        text = t.text or ""
        before = self.size
        self.put(text)
        if self.nodes is not None and self.size > before:
            self.nodes.append((before, t, len(text) - (self.size - before)))

    def trim_end(self, floor: int) -> None:
        """Drop trailing whitespace written since offset `floor`."""
        while self.out and self.size > floor:
            last = self.out[-1]
            cut = min(len(last) - len(last.rstrip()), self.size - floor)
            if not cut:
                break
            self.out[-1] = last[: len(last) - cut]
            self.size -= cut
            if self.out[-1]:
                break
            self.out.pop()
        self.fields = [f if f.end <= self.size else f._replace(end=self.size) for f in self.fields]

    # -- blocks ------------------------------------------------------------

    def render(self) -> str:
        self.blocks(self.pkg.body)
        return "".join(self.out)

    def blocks(self, parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                self.block(lambda c=child: self.paragraph(c, prefix=self.lists.prefix(c)))
            elif tag == W + "tbl":
                # Direct rows only: a table nested in a cell is read with that cell's paragraphs.
                for row in child.findall(W + "tr"):
                    self.block(lambda r=row: self.row(r))
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                inner = child.find(W + "sdtContent") if tag == W + "sdt" else child
                if inner is not None:
                    self.blocks(inner)

    def block(self, write) -> None:
        """One paragraph or table row, its notes after it; nothing at all when empty."""
        mark = (len(self.out), self.size, len(self.fields))
        if self.out:
            self.put(BLOCK_SEP)
        write()
        for f in self.stack:
            if f.start is None:  # an instruction never ends in another paragraph: show what follows
                f.start = self.size
        self.flush_notes()
        if not "".join(self.out[mark[0]:]).strip():
            del self.out[mark[0]:]
            self.size, self.fields = mark[1], self.fields[: mark[2]]
            if self.nodes:
                self.nodes = [n for n in self.nodes if n[0] < self.size]

    def row(self, row: etree._Element) -> None:
        for i, cell in enumerate(row.findall(W + "tc")):
            if i:
                self.put("\t")
            self.joined(cell.iter(W + "p"))

    def joined(self, paragraphs) -> None:
        """Paragraphs of a cell or a note on one line, a space between those with text."""
        start = self.size
        for p in paragraphs:
            mark = (len(self.out), self.size)
            if self.size > start:
                self.put(" ")
            written = self.size
            self.inline(p)
            if self.size == written:  # nothing in this one: no space for it either
                del self.out[mark[0]:]
                self.size = mark[1]

    def paragraph(self, p: etree._Element, prefix: str = "") -> None:
        self.put(prefix)
        self.inline(p)

    def inline(self, parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in DROPPED:
                self.changes += tag in CHANGES
                continue
            if tag in CHANGES:
                self.changes += 1
            if tag == W + "r":
                self.run(child)
            elif tag == W + "fldSimple":
                self.simple_field(child)
            elif tag == W + "sdt":
                self.content_control(child)
            elif tag in TRANSPARENT:
                self.inline(child)
            elif tag == MC + "AlternateContent":
                self.inline(child.find(MC + "Fallback") if child.find(MC + "Fallback") is not None else child)

    def content_control(self, sdt: etree._Element) -> None:
        """Its content; Mendeley Cite keeps a citation's data in the control's tag."""
        start, inner, tag = self.size, sdt.find(W + "sdtContent"), sdt.find(f"{W}sdtPr/{W}tag")
        if inner is not None:
            self.inline(inner)
        if tag is not None and tag.get(W + "val", "").startswith("MENDELEY_CITATION"):
            self.record(tag.get(W + "val", ""), start)

    def run(self, r: etree._Element) -> None:
        for child in r:
            tag = child.tag
            if tag == W + "t":
                self.text_node(child)
            elif tag in CHARS:
                self.put(" " if self.in_note and tag in (W + "br", W + "cr", W + "tab") else CHARS[tag])
            elif tag == W + "instrText":
                if self.stack and self.stack[-1].start is None:
                    self.stack[-1].instruction.append(child.text or "")
            elif tag == W + "fldChar":
                self.field_char(child.get(W + "fldCharType"))
            elif tag in (W + "footnoteReference", W + "endnoteReference") and not self.in_note:
                self.note_call("footnote" if tag == W + "footnoteReference" else "endnote", child.get(W + "id", ""))

    # -- fields ------------------------------------------------------------

    def field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.stack.append(_Field())
        elif kind == "separate" and self.stack:
            self.stack[-1].start = self.size
        elif kind == "end" and self.stack:
            done = self.stack.pop()
            if self.stack and self.stack[-1].start is None:
                # A field inside another's instruction (EndNote's EN.CITE.DATA) is part of that instruction.
                self.stack[-1].instruction += [" ", *done.instruction]
            else:
                self.record("".join(done.instruction), done.start if done.start is not None else self.size)

    def simple_field(self, el: etree._Element) -> None:
        start = self.size
        self.inline(el)
        self.record(el.get(W + "instr", ""), start)

    def record(self, instruction: str, start: int) -> None:
        if instruction.strip() and all(f.start is not None for f in self.stack):
            self.fields.append(RawField(instruction.strip(), start, self.size))

    # -- notes -------------------------------------------------------------

    def note_call(self, kind: str, note_id: str) -> None:
        key = (kind, note_id)
        if key not in self.labels:
            self.labels[key] = str(self.next_label[kind])
            self.next_label[kind] += 1
        self.put(f"[{kind}Ref:{self.labels[key]}]")
        self.pending.append(key)

    def flush_notes(self) -> None:
        pending, self.pending = self.pending, []
        saved, self.stack = self.stack, []  # a body field still open does not hide the notes
        for kind, note_id in pending:
            note = self.notes[kind].get(note_id)
            self.put(f"  [{self.labels[(kind, note_id)]}:  ")
            if note is not None:
                self.note_text(note)
            self.stack = []
            self.put("]")
        self.stack = saved

    def note_text(self, note: etree._Element) -> None:
        self.in_note = self.lead = True
        start = self.size
        self.joined(note.iter(W + "p"))
        self.trim_end(start)
        self.in_note = self.lead = False


def _note_map(part: etree._Element | None) -> dict[str, etree._Element]:
    if part is None:
        return {}
    notes = (n for n in part if isinstance(n.tag, str) and n.tag.endswith(("}footnote", "}endnote")))
    return {n.get(W + "id", ""): n for n in notes}


def read_docx(data: bytes, path: str | Path, name: str | None = None) -> Document:
    """A .docx as a `Document`: its Word-export rendering, sha256 of the .docx bytes."""
    path = Path(path)
    renderer = Renderer(open_package(data, path))
    text = renderer.render()
    doc = Document(name=name or path.name, path=str(path), text=text, sha256=sha256_bytes(data), shape="poi")
    doc.fields, problems = citation_fields(renderer.fields, doc.name)
    word_export.parse(doc)
    for problem in problems:
        doc.problems.append(problem.model_copy(update={"line": doc.line_of(problem.offset or 0)}))
    if renderer.changes:
        doc.problems.append(Problem(file=doc.name, reason=f"the document has {renderer.changes} unaccepted tracked "
                                    "changes; read as if accepted (insertions kept, deletions dropped)"))
    if not text.strip():
        doc.problems.append(Problem(file=doc.name, reason="empty document", severity="error"))
    doc.masked.sort()
    return doc


def docx_text(data: bytes, path: str | Path) -> str:
    """Only the rendered text (what the index and review show)."""
    return Renderer(open_package(data, path)).render()
