"""Which annotations to review, in what order; progress; status counts; batch.

Shared by the interactive review and batch review so that the same options
pick the same annotations in both.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from annotator.models import KINDS, Annotation, AnnotationFile
from annotator.store.store import load
from annotator.workspace import Workspace

from .edit import known_actors
from .session import Item, Loaded, Session, decided, load_all, now

ORDERS = ("doc", "score", "kind")
STATUSES = ("proposed", "accepted", "edited", "rejected", "changed")
_KIND_RANK = {kind: i for i, kind in enumerate(KINDS)}
Verdict = Literal["accepted", "rejected"]  # what a batch decides


def type_of(ann: Annotation) -> str | None:
    """What a kind calls its type: an actor's type, a claim's kind, a note's kind."""
    if ann.kind == "actor":
        return ann.type
    if ann.kind == "claim":
        return ann.claim_kind
    if ann.kind == "footnote_ref":
        return ann.note_kind
    return None


@dataclass(frozen=True)
class Filters:
    """Empty tuples and None mean "any"."""

    kinds: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    min_score: float | None = None
    max_score: float | None = None

    def match(self, ann: Annotation) -> bool:
        return (
            (not self.kinds or ann.kind in self.kinds)
            and (not self.types or type_of(ann) in self.types)
            and (not self.statuses or ann.status in self.statuses)
            and (self.min_score is None or ann.score >= self.min_score)
            and (self.max_score is None or ann.score <= self.max_score)
        )


def queue(docs: dict[str, Loaded], filters: Filters = Filters(), order: str = "doc") -> list[Item]:
    """The annotations to review, in the chosen order."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    rank = {name: i for i, name in enumerate(docs)}
    rows = [(name, a) for name, loaded in docs.items() for a in loaded.afile.annotations if filters.match(a)]
    rows.sort(key=lambda row: _sort_key(order, rank[row[0]], row[1]))
    return [Item(doc=name, id=a.id) for name, a in rows]


def _sort_key(order: str, doc_rank: int, ann: Annotation) -> tuple:
    in_doc = (doc_rank, ann.start, ann.end, _KIND_RANK[ann.kind])
    if order == "score":
        return (ann.score, *in_doc)
    if order == "kind":
        return (_KIND_RANK[ann.kind], *in_doc)
    return in_doc


def open_session(ws: Workspace, names: list[str], filters: Filters, order: str, reviewer: str,
                 missing: list[str] | None = None) -> Session:
    """A review of the named documents, at the first proposal still undecided.
    With a `missing` list, a document whose source is gone is said there and left out."""
    loaded = load_all(ws, () if missing is not None else names, missing)
    # Asking only for reviewed statuses means "look at those again".
    revisit = bool(filters.statuses) and "proposed" not in filters.statuses
    return Session(loaded, queue(loaded, filters, order), reviewer, revisit=revisit)


def corpus_actors(ws: Workspace, session: Session) -> list[str]:
    """Canonical actor ids of the whole corpus, not only the documents under review."""
    files = [d.afile for d in session.docs.values()]
    files += [load(p) for p in ws.annotation_files() if p.stem not in session.docs]
    return known_actors(files)


# -- progress ---------------------------------------------------------------


@dataclass
class Progress:
    """Where the cursor is: n of N overall and within the current kind."""

    n: int
    total: int
    kind: str | None = None
    kind_n: int = 0
    kind_total: int = 0
    decided: Counter = field(default_factory=Counter)  # kind -> reviewed so far

    def line(self) -> str:
        done = sum(self.decided.values())
        head = f"{min(self.n, self.total)} of {self.total}"
        if self.kind:
            head += f" · {self.kind} {self.kind_n} of {self.kind_total}"
        return f"{head} · {done} reviewed"


def progress(session) -> Progress:
    items, pos = session.items, session.pos
    anns = [session.ann(it) for it in items]
    decided_by_kind = Counter(a.kind for a in anns if a.reviewed)
    result = Progress(n=pos + 1, total=len(items), decided=decided_by_kind)
    if pos < len(items):
        kind = anns[pos].kind
        result.kind = kind
        result.kind_n = sum(1 for a in anns[: pos + 1] if a.kind == kind)
        result.kind_total = sum(1 for a in anns if a.kind == kind)
    return result


# -- status -----------------------------------------------------------------


@dataclass
class DocStatus:
    doc: str
    counts: dict[str, Counter]  # kind -> status -> n
    orphans: list[Annotation] = field(default_factory=list)
    missing: str = ""  # why the document could not be read (its source is gone); then no counts
    attributed: int = 0  # attributed claims not rejected
    unnamed: int = 0  # of them, those no actor speaks (an unnamed source: "officials said")


def status(docs: dict[str, Loaded]) -> list[DocStatus]:
    """Counts by kind and status per document."""
    return [doc_status(name, loaded.afile) for name, loaded in docs.items()]


def doc_status(name: str, afile: AnnotationFile) -> DocStatus:
    """One document's counts by kind and status, from its annotation file alone."""
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    for ann in afile.annotations:
        counts[ann.kind][ann.status] += 1
    said = [a for a in afile.annotations
            if a.kind == "claim" and a.claim_kind == "attributed" and a.status != "rejected"]
    return DocStatus(doc=name, counts=counts, orphans=list(afile.orphans), attributed=len(said),
                     unnamed=sum(1 for a in said if a.speaker is None))


# -- batch ------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    doc: str
    ann: Annotation  # as it is now
    to: Verdict


def batch(docs: dict[str, Loaded], filters: Filters, to: Verdict, reviewer: str, dry_run: bool = False) -> list[Change]:
    """Accept or reject every annotation that matches; one atomic save per document.

    Annotations already carrying the wanted status are left alone, so
    running the same batch twice changes nothing the second time.
    """
    if to not in ("accepted", "rejected"):
        raise ValueError(f"batch review accepts or rejects, not {to!r}")
    changes = [Change(it.doc, docs[it.doc].find(it.id), to) for it in queue(docs, filters)]
    changes = [c for c in changes if c.ann.status != to]
    if not dry_run:
        _apply(docs, changes, reviewer)
    return changes


def _apply(docs: dict[str, Loaded], changes: list[Change], reviewer: str) -> None:
    when = now()
    for change in changes:
        docs[change.doc].replace(decided(change.ann, change.to, reviewer, when))
    for name in dict.fromkeys(c.doc for c in changes):
        docs[name].save()
