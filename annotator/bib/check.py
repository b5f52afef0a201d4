"""Workspace-level bibliography work behind `annotator bib check`, `bib stub`
and `link`: citations of every document against `bib/`, as data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.citations.fields import with_fields
from annotator.citations.parse import parse_note
from annotator.errors import BibError
from annotator.models import CitationAnnotation, Problem, Provenance, stable_id
from annotator.readers import find_documents, read_document
from annotator.review.session import reviewer_name
from annotator.store import store
from annotator.store.lock import locked
from annotator.workspace import Workspace

from .bibtex import BibEntry, Bibliography, load_bib, probable_duplicates, stub_entry
from .link import Resolver, is_ambiguous, link_citations, link_file
from .names import acronym, fold


@dataclass
class DocCitation:
    doc: str
    citation: CitationAnnotation


@dataclass
class BibReport:
    problems: list[Problem] = field(default_factory=list)  # failed blocks, duplicate keys, …
    unresolved: list[DocCitation] = field(default_factory=list)
    ambiguous: list[DocCitation] = field(default_factory=list)
    uncited: list[BibEntry] = field(default_factory=list)
    probable_duplicates: list[tuple[BibEntry, BibEntry]] = field(default_factory=list)
    citations: int = 0

    @property
    def clean(self) -> bool:
        return not (self.problems or self.unresolved or self.ambiguous or self.uncited or self.probable_duplicates)


def bibliography(ws: Workspace, paths: list[Path] | None = None) -> Bibliography:
    files = paths or ws.bib_files()
    if not files:
        raise BibError(f"{ws.bib}: no .bib files; put your bibliography there or name files with --bib")
    return load_bib(list(files))


def _from_notes(name: str, path: Path) -> list[CitationAnnotation]:
    """Citations read straight from a document's notes, for documents never tagged."""
    doc = read_document(path)
    prov = Provenance(tagger="bib-check", rule="citations.parse_note")
    return [CitationAnnotation(id=stable_id("citation", c.start, c.end), start=c.start, end=c.end, text=c.text,
                               number=n.label, authors=c.authors, year=c.year, year_suffix=c.year_suffix,
                               locator=c.locator, prefix=c.prefix, suffix=c.suffix, ibid=c.ibid, title=c.title,
                               item=c.item, provenance=prov)
            for n in doc.notes
            for c in with_fields(parse_note(n.text, n.text_start), doc.fields, doc.text, n.text_start, n.text_end)]


def document_citations(ws: Workspace) -> dict[str, list[CitationAnnotation]]:
    """Each document's citations in order: stored ones when tagged, else read from its notes."""
    out: dict[str, list[CitationAnnotation]] = {}
    paths = find_documents([ws.corpus]) if ws.corpus.is_dir() else []
    for path in paths:
        name = path.resolve().relative_to(ws.corpus.resolve()).as_posix()
        stored = ws.annotation_path(name)
        if stored.exists():
            afile = store.load(stored)
            cites = [a for a in afile.annotations if a.kind == "citation" and a.status != "rejected"]
            out[name] = sorted(cites, key=lambda a: (a.start, a.end))
        else:
            out[name] = _from_notes(name, path)
    return out


def check(ws: Workspace, paths: list[Path] | None = None) -> BibReport:
    """Link every document's citations (without saving) and report what is wrong."""
    return _report(ws, bibliography(ws, paths))


def _report(ws: Workspace, bib: Bibliography) -> BibReport:
    resolver = Resolver(bib)
    keys = bib.by_key()
    report = BibReport(problems=list(bib.problems), probable_duplicates=probable_duplicates(bib.entries))
    cited: set[str] = set()
    for doc, cites in document_citations(ws).items():
        for c in link_citations(cites, resolver):
            report.citations += 1
            if c.bib_key and c.bib_key in keys:
                cited.add(c.bib_key)
            elif c.bib_key:  # a reviewed key the bibliography no longer has
                report.unresolved.append(DocCitation(doc, c.model_copy(update={
                    "link_reason": f"reviewed key '{c.bib_key}' is not in the bibliography"})))
            else:
                (report.ambiguous if is_ambiguous(c) else report.unresolved).append(DocCitation(doc, c))
    report.uncited = [e for e in bib.entries if e.key not in cited and not e.duplicate]
    return report


def _stub_key(authors: str, year: str, suffix: str, taken: set[str]) -> str:
    inner = re.findall(r"\(([^()]+)\)", authors)  # `… (UNODC)` names its own short form
    words = [w for w in fold(re.sub(r"\bet al\b\.?", "", authors)).split()
             if len(w) > 1 and w not in ("the", "an")] or ["anon"]
    short = fold(inner[0]) if inner else (acronym(authors) if len(words) > 3 else words[0])
    base = re.sub(r"[^a-z0-9]", "", short) or "anon"
    key, n = f"{base}{year}{suffix}", 1
    while key in taken:
        n += 1
        key = f"{base}{year}{suffix}-{n}"
    taken.add(key)
    return key


def write_stubs(ws: Workspace, out: Path, paths: list[Path] | None = None) -> list[str]:
    """Append BibTeX stubs for unresolved citations to `out`; existing text is never rewritten."""
    bib = bibliography(ws, paths)
    report = _report(ws, bib)
    taken = {e.key for e in bib.entries}
    if out.exists():
        taken |= {e.key for e in load_bib(out).entries}
    seen: set[tuple[str, str, str]] = set()
    blocks, keys = [], []
    for item in report.unresolved:
        c = item.citation
        sig = (c.authors, c.year, c.year_suffix)
        if c.ibid or not c.authors or sig in seen or c.bib_key:
            continue
        seen.add(sig)
        keys.append(_stub_key(c.authors, c.year or "nd", c.year_suffix, taken))
        blocks.append(stub_entry(keys[-1], c.authors, c.year or "n.d."))
    if blocks:
        # The whole file written anew, atomically: a crash or a full disk leaves the
        # old file, never a half-appended entry that breaks the next load.
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        lead = "\n" if old.strip() else ""
        try:
            store.write_atomic(out, [old, lead, "\n".join(blocks)])
        except OSError as err:
            raise BibError(f"{out}: cannot write it ({err.strerror or err}); nothing appended") from None
    return keys


@dataclass
class LinkRow:
    doc: str
    citations: int
    linked: int


def relink(ws: Workspace, paths: list[Path] | None = None) -> list[LinkRow]:
    """Re-run linking over stored annotations (reviewed links are kept) and save.

    Takes the review locks, as `tag` does: a review running meanwhile would
    otherwise find its file rewritten under it and stop."""
    resolver = Resolver(bibliography(ws, paths))
    files = ws.annotation_files()
    rows = []
    with locked(ws, [p.stem for p in files], reviewer_name(), task="link"):
        for path in files:
            afile = link_file(store.load(path), resolver)
            store.save(path, afile)
            cites = [a for a in afile.annotations if a.kind == "citation" and a.status != "rejected"]
            rows.append(LinkRow(afile.doc, len(cites), sum(1 for c in cites if c.bib_key)))
    return rows
