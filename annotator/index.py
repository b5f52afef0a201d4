"""The claim-to-source index: which claims rest on which sources, which sources
carry which claims, who says what, and what is still wrong.

`build_index(workspace)` reads annotations/, corpus/ and bib/ and returns an
`Index` (plain data, see index_model); `assemble` does the same from objects
already in memory. Renderers live in index_text (md, csv, json) and
index_html. Nothing here prints; bad input becomes an `IndexProblem`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from . import store
from .bib import BibEntry, Bibliography, load_bib
from .errors import AnnotatorError
from .index_csl import DEFAULT_STYLE, format_references
from .index_doc import DocInput, DocView, claim_rows, doc_problems
from .index_model import DocumentInfo, Index, IndexProblem
from .index_views import actor_rows, source_rows
from .models import Problem, sha256_bytes
from .readers import decode
from .workspace import Workspace

__all__ = ["DocInput", "Index", "assemble", "build_index", "iter_documents", "load_documents"]

REVIEWED = frozenset({"accepted", "edited"})


def build_index(ws: Workspace, *, include_proposed: bool = False, style: str | None = None) -> Index:
    """The index of a workspace; accepted and edited annotations unless `include_proposed`."""
    problems: list[IndexProblem] = []
    bib = load_bib(ws.bib_files()) if ws.bib_files() else Bibliography()
    problems += [_bib_problem(p) for p in bib.problems]
    # A generator: one annotation file in memory at a time, however large the corpus.
    docs = iter_documents(ws, problems)
    return assemble(docs, bib.entries, include_proposed=include_proposed, style=style, problems=problems)


def assemble(docs: Iterable[DocInput], entries: Iterable[BibEntry], *, include_proposed: bool = False,
             style: str | None = None, problems: Iterable[IndexProblem] = ()) -> Index:
    """The index from documents and entries in memory; `docs` may be a generator."""
    statuses = REVIEWED | {"proposed"} if include_proposed else REVIEWED
    by_key = _first_per_key(entries)
    refs = format_references(by_key.values(), style)
    claims, found, infos, mentions = [], [], [], []
    for doc in docs:
        view = DocView(doc, statuses)
        rows = claim_rows(view, refs)
        claims += rows
        found += doc_problems(view, refs, rows)
        infos.append(DocumentInfo(name=doc.name, claims=len(rows), text=doc.text))
        mentions += [(doc.name, a.canonical, a.type, a.text) for a in view.actors]
    found += problems  # after the loop: a loading generator adds to them as it goes
    claims.sort(key=lambda r: (r.document, r.start, r.end, r.id))
    infos.sort(key=lambda d: d.name)
    return Index(style=style or DEFAULT_STYLE, include_proposed=include_proposed, documents=infos,
                 claims=claims, sources=source_rows(by_key, refs, claims), actors=actor_rows(mentions, claims),
                 problems=sorted(found, key=_problem_order))


def _first_per_key(entries: Iterable[BibEntry]) -> dict[str, BibEntry]:
    """Citations link to the first entry of a key; bib.py reports the duplicates."""
    out: dict[str, BibEntry] = {}
    for e in entries:
        if not getattr(e, "duplicate", False):
            out.setdefault(e.key, e)
    return out


def _problem_order(p: IndexProblem) -> tuple:
    return (p.document, p.line or 0, p.kind, p.annotation, p.message)


def _bib_problem(p: Problem) -> IndexProblem:
    return IndexProblem(kind="bib", severity=p.severity, document=Path(p.file).name, line=p.line, message=p.reason)


def load_documents(ws: Workspace) -> tuple[list[DocInput], list[IndexProblem]]:
    """Every annotation file with its source text; unreadable ones become problems."""
    problems: list[IndexProblem] = []
    return list(iter_documents(ws, problems)), problems


def iter_documents(ws: Workspace, problems: list[IndexProblem]) -> Iterator[DocInput]:
    """Like `load_documents`, one file at a time; problems are appended as found."""
    for path in ws.annotation_files():
        try:
            afile = store.load(path)
        except AnnotatorError as err:
            problems.append(IndexProblem(kind="store", severity="error", document=path.name, message=str(err)))
            continue
        yield DocInput(afile, _source_text(ws, afile, problems))


def _source_text(ws: Workspace, afile, problems: list[IndexProblem]) -> str | None:
    path = ws.corpus / afile.doc
    try:
        data = path.read_bytes()
        text = decode(data, str(path))
    except (OSError, AnnotatorError) as err:
        problems.append(IndexProblem(kind="source", document=afile.doc, message=f"source not readable "
                                     f"({getattr(err, 'strerror', None) or err}); no lines or context shown"))
        return None
    if sha256_bytes(data) != afile.sha256:
        problems.append(IndexProblem(kind="source", document=afile.doc, message="source changed since it was "
                                     "tagged; run `annotator tag` to re-anchor the annotations"))
    return text
