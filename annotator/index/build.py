"""The claim-to-source index: which claims rest on which sources, which sources
carry which claims, who says what, and what is still wrong.

`build_index(workspace)` reads annotations/, corpus/ and bib/ and returns an
`Index` (plain data, see `model`); `assemble` does the same from objects
already in memory. Renderers live in `text` (md, csv, json) and
`html`. Nothing here prints; bad input becomes an `IndexProblem`.

Module map: `doc` (one document's rows and problems), `views` (by
source, by actor), `csl` and `csl_json` (references through CSL),
`work` (worker processes for large corpora).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.bib.bibtex import BibEntry, Bibliography, load_bib
from annotator.bib.fields import stored_item_entries
from annotator.errors import AnnotatorError
from annotator.models import Problem
from annotator.workspace import Workspace

from .csl import DEFAULT_STYLE, add_year_suffixes, check_style, format_references, to_plain
from .doc import DocInput, DocPart, doc_part
from .gc import gc_paused
from .model import ClaimRow, DocumentInfo, Index, IndexProblem
from .views import actor_rows, source_rows
from .work import Workers, iter_documents, worker_count

__all__ = ["DocInput", "Index", "assemble", "build_index", "load_documents", "unindexed"]

REVIEWED = frozenset({"accepted", "edited"})


def statuses(include_proposed: bool) -> frozenset[str]:
    # "changed": decided once, on words that are no longer there: as pending as a proposal.
    return REVIEWED | {"proposed", "changed"} if include_proposed else REVIEWED


def build_index(ws: Workspace, *, include_proposed: bool = False, style: str | None = None,
                workers: int | None = None) -> Index:
    """The index of a workspace; accepted and edited annotations unless `include_proposed`.

    `workers`: processes in all (1: everything in this one); by default a
    large corpus uses every core. The result does not depend on it.
    """
    found: list[IndexProblem] = []
    bib_files = _in_workspace(ws, ws.bib_files(), found)
    bib = load_bib(bib_files) if bib_files else Bibliography()
    problems = [_bib_problem(p) for p in bib.problems]
    by_key = _first_per_key(bib.entries)
    check_style(style)
    paths = _in_workspace(ws, ws.annotation_files(), found)
    # Works a .docx's reference manager describes and bib/ lacks: listed from the field data.
    by_key.update({e.key: e for e in stored_item_entries(paths, set(by_key))})
    wanted, keys = statuses(include_proposed), frozenset(by_key)
    with Workers(worker_count(workers, len(by_key), len(paths))) as pool:
        references = pool.references(list(by_key.values()), style)
        # A generator: here, one annotation file in memory at a time, however large the corpus.
        parts = pool.documents(ws, paths, wanted, keys, len(by_key), found)
        return _collect(parts, by_key, references, style, include_proposed, problems, found)


def unindexed(index: Index) -> list[IndexProblem]:
    """The problems that left a whole file out of the index: an annotation file that
    cannot be read, a file refused at the workspace's boundary."""
    return [p for p in index.problems if p.severity == "error" and p.kind in ("store", "workspace")]


def _in_workspace(ws: Workspace, paths: list[Path], problems: list[IndexProblem]) -> list[Path]:
    """The files that resolve inside the workspace; a symlink out of it becomes a problem."""
    kept = []
    for path in paths:
        try:
            kept.append(ws.inside(path, "a symlink that"))
        except AnnotatorError as err:
            problems.append(IndexProblem(kind="workspace", severity="error", document=path.name, message=str(err)))
    return kept


def assemble(docs: Iterable[DocInput], entries: Iterable[BibEntry], *, include_proposed: bool = False,
             style: str | None = None, problems: Iterable[IndexProblem] = ()) -> Index:
    """The index from documents and entries already in memory; `docs` may be a generator."""
    by_key = _first_per_key(entries)
    wanted, keys = statuses(include_proposed), frozenset(by_key)
    parts = (doc_part(doc, wanted, keys) for doc in docs)
    return _collect(parts, by_key, lambda: format_references(by_key.values(), style), style, include_proposed,
                    list(problems))


def load_documents(ws: Workspace) -> tuple[list[DocInput], list[IndexProblem]]:
    """Every annotation file with its source text; unreadable ones become problems."""
    problems: list[IndexProblem] = []
    return list(iter_documents(ws, ws.annotation_files(), problems)), problems


def _collect(parts: Iterable[DocPart], by_key: dict[str, BibEntry], references: Callable[[], dict[str, str]],
             style: str | None, include_proposed: bool, *problem_lists: list[IndexProblem]) -> Index:
    claims: list[ClaimRow] = []
    found: list[IndexProblem] = []
    infos: list[DocumentInfo] = []
    mentions: list[tuple[str, str, str, str]] = []
    with gc_paused():
        for part in parts:
            claims += part.rows
            found += part.problems
            infos.append(part.info)
            mentions += part.mentions
        for extra in problem_lists:  # read after the loop: a loading generator appends as it goes
            found += extra
        refs = add_year_suffixes(references(), by_key.values(), style)
        _fill_references(claims, refs)
        claims.sort(key=lambda r: (r.document, r.start, r.end, r.id))
        infos.sort(key=lambda d: d.name)
        return Index(style=style or DEFAULT_STYLE, include_proposed=include_proposed, documents=infos,
                     claims=claims, sources=source_rows(by_key, refs, claims), actors=actor_rows(mentions, claims),
                     problems=sorted(found, key=_problem_order))


def _fill_references(claims, refs: dict[str, str]) -> None:
    """Rows are built before references are formatted (maybe in other processes)."""
    plain = {key: to_plain(marked) for key, marked in refs.items()}
    for row in claims:
        for ref in row.sources:
            if ref.status == "resolved":
                ref.reference = plain.get(ref.key, "")


def _first_per_key(entries: Iterable[BibEntry]) -> dict[str, BibEntry]:
    """Citations link to the first entry of a key; `bib.bibtex` reports the duplicates."""
    out: dict[str, BibEntry] = {}
    for e in entries:
        if not getattr(e, "duplicate", False):
            out.setdefault(e.key, e)
    return out


def _problem_order(p: IndexProblem) -> tuple:
    return (p.document, p.line or 0, p.kind, p.annotation, p.message)


def _bib_problem(p: Problem) -> IndexProblem:
    return IndexProblem(kind="bib", severity=p.severity, document=Path(p.file).name, line=p.line, message=p.reason)
