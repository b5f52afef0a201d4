"""One function per thing a user does: what the CLI calls, and what a Python
caller can call instead. Sits at the end of the flow, so it may use every
stage: read → tag → store → link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator import TAGGER_VERSION
from annotator.nlp.knowledge.check import check_workspace, workspace_errors
from annotator.readers import find_documents, read_document
from annotator.review.session import reviewer_name
from annotator.store import store
from annotator.store.lock import locked
from annotator.store.merge import changed, changed_reason
from annotator.store.renamed import Renamed, drop_leftover, taken_over
from annotator.store.renamed import find as find_renamed
from annotator.tagging import sizes
from annotator.tagging.sizes import MAX_MB

from .errors import AnnotatorError, InputError, StoreError
from .models import AnnotationFile, Document, Problem
from .workspace import Workspace

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class TagRow:
    doc: str
    notes: int = 0
    citations: int = 0
    actors: int = 0
    claims: int = 0
    problems: int = 0
    reviewed: int = 0
    skipped: bool = False
    changed: int = 0  # reviewed annotations whose words changed under their decision


@dataclass
class TagReport:
    rows: list[TagRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    renamed: list[Renamed] = field(default_factory=list)  # documents whose decisions followed them


def doc_name(ws: Workspace, path: Path) -> str:
    """A document's name: its path inside corpus/, else its file name."""
    try:
        return path.resolve().relative_to(ws.corpus.resolve()).as_posix()
    except ValueError:
        return path.name


def read_all(ws: Workspace, paths: list[Path] | None = None,
             problems: list[Problem] | None = None) -> list[Document]:
    """The documents at `paths` (default corpus/). With a `problems` list, a file
    that cannot be read becomes a problem there and the others are still read."""
    docs = []
    for path in find_documents(paths or [ws.corpus]):
        try:
            doc = read_document(path)
        except InputError as err:
            if problems is None:
                raise
            problems.append(Problem(file=str(path), reason=str(err).removeprefix(f"{path}: "), severity="error"))
            continue
        docs.append(doc.model_copy(update={"name": doc_name(ws, path)}))
    return docs


def stored(ws: Workspace, doc: Document) -> AnnotationFile | None:
    """The stored annotations of a document, checked against its text.

    When the source changed since tagging, the spans cannot be checked here:
    the merge re-anchors them instead.
    """
    path = ws.annotation_path(doc.name)
    if not path.exists():
        return None
    afile = store.load(path)
    if afile.sha256 == doc.sha256:
        store.verify(afile, doc.text, path)
    return afile


def _row(doc: Document, afile: AnnotationFile, skipped: bool = False) -> TagRow:
    counts = {k: 0 for k in ("citation", "actor", "claim")}
    for ann in afile.annotations:
        if ann.kind in counts and ann.status != "rejected":
            counts[ann.kind] += 1
    return TagRow(doc=doc.name, notes=len(doc.notes), citations=counts["citation"], actors=counts["actor"],
                  claims=counts["claim"], problems=len(doc.problems), reviewed=store.reviewed_count(afile),
                  skipped=skipped, changed=len(changed(afile)))


def tag(ws: Workspace, paths: list[Path] | None = None, model: str | None = None, jobs: int = 1,
        force: bool = False, progress: sizes.Progress | None = None, scheduler: str | None = None,
        max_mb: float = MAX_MB) -> TagReport:
    """Propose annotations for documents and store them, keeping reviewed work.
    `scheduler`: a Dask scheduler's address, or local:N (see `tagging.cluster`);
    `max_mb`: a document longer than this many million characters is a problem, not tagged."""
    unread: list[Problem] = []
    docs = read_all(ws, paths, unread)
    old = {d.name: stored(ws, d) for d in docs}  # fail before any work on a broken file
    report = TagReport(problems=unread + [p for d in docs for p in d.problems])
    # A renamed or moved document: its decisions are in the leftover file of its old name.
    renamed = find_renamed(ws, {d.name: d.sha256 for d in docs if old[d.name] is None},
                           {ws.annotation_path(d.name) for d in docs})
    todo = []
    for doc in docs:
        prev = old[doc.name]
        if prev and not force and prev.sha256 == doc.sha256 and prev.tagger == TAGGER_VERSION:
            report.rows.append(_row(doc, prev, skipped=True))
        elif reason := sizes.oversize(doc, max_mb):
            report.problems.append(Problem(file=doc.name, severity="error", reason=reason))
        else:
            todo.append(doc)
    # Held for the whole run: a review open on one of these documents refuses
    # the tagging up front instead of finding its file rewritten underneath it.
    with locked(ws, [d.name for d in todo] + [r.was for r in renamed.values()], reviewer_name(), task="tag"):
        # Read again under the lock: a review that ended since the first read
        # saved decisions that the merge must keep.
        old.update({d.name: stored(ws, d) for d in todo})
        # A leftover is dropped only once its decisions are taken over: a file of the
        # new name that appeared meanwhile keeps the leftover (reported as stray).
        renamed = {name: moved for name, moved in renamed.items() if old[name] is None}
        for name, moved in renamed.items():
            old[name] = taken_over(moved)
        tally = sizes.Tally(todo, progress, f"sending to {scheduler}…" if scheduler else "loading the spaCy model…")
        proposed = (_on_cluster(ws, todo, model, scheduler, report.problems) if scheduler
                    else _each_proposed(ws, todo, model, jobs, report.problems, tally.piece))
        for doc, afile in proposed:
            saved = _save(ws, doc, old[doc.name], afile)
            if doc.name in renamed:
                drop_leftover(renamed[doc.name])
                report.renamed.append(renamed[doc.name])
            report.rows.append(_row(doc, saved))
            tally.document(doc)
    report.rows.sort(key=lambda r: r.doc)
    return report


def _each_proposed(ws: Workspace, docs: list[Document], model: str | None, jobs: int, problems: list[Problem],
                   piece: Callable[[int], None] | None = None) -> Iterator[tuple[Document, AnnotationFile]]:
    """Each document with its proposals. A document whose tagging fails (a bug in a
    rule) becomes a problem of that document; the others are still tagged."""
    # A misspelt field in the workspace's actors, cues or lexicon fails the run
    # even when nothing needs tagging: the next run would tag with it.
    check_workspace(ws)
    if not docs:
        return
    nlp = _pipeline(ws, model)  # once: a retry reuses it
    rest = docs
    while rest:
        done = 0
        try:
            for afile in _propose(rest, nlp, jobs, piece):
                yield rest[done], afile
                done += 1
            return
        except AnnotatorError:
            raise  # no model, a broken actors.jsonl: nothing can be tagged
        except Exception:  # the failing document is in the batch from rest[done]
            pass
        # Tag that one alone: it fails again (a problem) or the culprit was a later
        # one of its batch, which the next round meets first.
        doc, rest = rest[done], rest[done + 1:]
        try:
            afile = next(iter(_propose([doc], nlp, 1, piece)))
        except AnnotatorError:
            raise
        except Exception as err:
            problems.append(_failed(doc.name, f"{type(err).__name__}: {err}"))
            continue
        yield doc, afile


def _failed(name: str, error: str) -> Problem:
    return Problem(file=name, severity="error", reason=f"tagging failed ({error}); not tagged, please report this")


def _pipeline(ws: Workspace, model: str | None) -> Language:
    # Imported here so commands that do not tag never load spaCy.
    from annotator.nlp.pipeline import build

    actors = ws.inside(ws.actors_file, "actors.jsonl") if ws.actors_file.exists() else None
    return build(model, user_actors=actors, knowledge_dir=ws.root)


def _propose(docs: list[Document], nlp: Language, jobs: int,
             piece: Callable[[int], None] | None = None) -> Iterator[AnnotationFile]:
    from annotator.nlp.pipeline import model_label
    from annotator.tagging.run import tag

    return tag(docs, nlp, model=model_label(nlp), jobs=jobs, progress=piece)


def _on_cluster(ws: Workspace, docs: list[Document], model: str | None, scheduler: str,
                problems: list[Problem]) -> Iterator[tuple[Document, AnnotationFile]]:
    """Each document with its proposals from a Dask cluster, as they finish."""
    check_workspace(ws)
    from annotator.tagging.cluster import Failed, tag_on_cluster  # Dask only when asked for

    by_name = {d.name: d for d in docs}
    for result in tag_on_cluster(ws, docs, scheduler, model) if docs else ():
        if isinstance(result, Failed):
            problems.append(_failed(result.doc, result.error))
        else:
            yield by_name[result.doc], result


def _save(ws: Workspace, doc: Document, old: AnnotationFile | None, new: AnnotationFile) -> AnnotationFile:
    # Linked after the merge: reviewed claims kept from the old file take the
    # sources of the notes they rest on now, not those of their old numbers.
    merged = link_file(ws, store.merge(old, new, doc.text, doc.notes))
    if old is not None and store.reviewed_count(merged) < store.reviewed_count(old):
        raise StoreError(f"{ws.annotation_path(doc.name)}: re-tagging would lose reviewed annotations; not saved")
    store.save(ws.annotation_path(doc.name), merged)
    return merged


def link_file(ws: Workspace, afile: AnnotationFile) -> AnnotationFile:
    """Link citations to bib/ and fill claim sources, when a bibliography exists
    or a reference manager's fields (.docx) describe the cited works."""
    with_items = any(a.kind == "citation" and a.item for a in afile.annotations)
    if not ws.bib_files() and not with_items:
        return afile
    from annotator.bib import bibtex as bib
    from annotator.bib import link as linking

    entries = bib.load(ws.bib_files())[0] if ws.bib_files() else []
    return linking.link_file(afile, entries)


# --------------------------------------------------------------------------
# check, show
# --------------------------------------------------------------------------


def check(ws: Workspace, paths: list[Path] | None = None) -> list[Problem]:
    """Problems of the workspace's knowledge files, the corpus and the stored annotations, as data."""
    problems = [Problem(file=err.file, line=err.line, reason=err.reason, severity="error")
                for err in workspace_errors(ws)]
    docs = []
    for path in find_documents(paths or [ws.corpus]):
        try:
            doc = read_document(path)
        except AnnotatorError as err:
            problems.append(Problem(file=str(path), reason=str(err), severity="error"))
            continue
        docs.append(doc.model_copy(update={"name": doc_name(ws, path)}))
    for doc in docs:
        problems += doc.problems + _stored_problems(ws, doc)
    problems += _stray_files(ws, docs, paths)
    return problems


def _stored_problems(ws: Workspace, doc: Document) -> list[Problem]:
    path = str(ws.annotation_path(doc.name))
    try:
        afile = stored(ws, doc)
    except StoreError as err:
        return [Problem(file=path, reason=str(err).removeprefix(f"{path}: "), severity="error")]
    if afile is None:
        return [Problem(file=doc.name, reason="not tagged yet; run: annotator tag")]
    out = []
    if afile.sha256 != doc.sha256:
        out.append(Problem(file=path, reason="the source changed since tagging; run: annotator tag"))
    if afile.orphans:
        out.append(Problem(file=path, reason=f"{len(afile.orphans)} reviewed annotations lost their place (orphans)"))
    out += [Problem(file=path, offset=a.start, reason=changed_reason(a)) for a in changed(afile)]
    return out


def _stray_files(ws: Workspace, docs: list[Document], paths: list[Path] | None) -> list[Problem]:
    if paths:
        return []
    expected = {ws.annotation_path(d.name) for d in docs}
    untagged = {d.name: d.sha256 for d in docs if not ws.annotation_path(d.name).exists()}
    found = {r.path: r.doc for r in find_renamed(ws, untagged, expected).values()}
    return [Problem(file=str(p), reason=f"annotations of a document now named {found[p]} (the same text: renamed or "
                    "moved); `annotator tag` moves its decisions there" if p in found
                    else "annotation file with no source document in corpus/")
            for p in ws.annotation_files() if p not in expected]


def shown(ws: Workspace, name: str) -> tuple[Document, AnnotationFile | None]:
    """A document and its stored annotations, by name in corpus/ or by path."""
    path = Path(name)
    if not path.exists():
        path = ws.corpus / name
    doc = read_document(ws.inside(path, "the document"))
    doc = doc.model_copy(update={"name": doc_name(ws, path)})
    return doc, stored(ws, doc)
