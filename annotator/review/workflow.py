"""`annotator review` and `annotator status` as library calls, one call each.

Each function names the documents to work on, takes their locks, reads
them under the locks, decides, saves, and returns what happened for the
caller to show; nothing here prints. The interactive ones receive their
console and their key source (the terminal, or a list of keys), as `loop`
does; the terminal itself (cbreak mode, signals) stays with the caller.

    from annotator.review import workflow
    workflow.decide_all(ws, to="accepted", filters=Filters(kinds=("footnote_ref",), min_score=0.9))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from annotator.errors import MissingSource
from annotator.store import store
from annotator.store.lock import locked
from annotator.workspace import Workspace

from . import orphans as ro
from . import query as rq
from .session import doc_names, load_all, reviewer_name

if TYPE_CHECKING:  # rich is imported only by an interactive review, which draws
    from rich.console import Console

Keys = Iterable[str] | Callable[[], str]  # a list of keys, or a function reading the next one (a terminal)

ANY = rq.Filters()  # every annotation (a batch: every proposal)
ALL_ORPHANS = ro.Choice()


@dataclass
class Reviewed:
    """What an interactive review did."""

    queued: int  # annotations that matched; 0: nothing was shown
    changed: Counter = field(default_factory=Counter)  # status -> decisions made in this review
    left: int = 0  # of those queued, still undecided (proposed or changed)
    missing: list[str] = field(default_factory=list)  # documents left out: their source is gone


@dataclass
class Settled:
    """What an interactive pass over orphans did."""

    documents: int  # documents holding orphans; 0: nothing was shown
    queued: int = 0  # orphans that matched; 0: nothing was shown
    counts: Counter = field(default_factory=Counter)  # "placed", "dropped" -> n
    left: int = 0  # orphans left in those documents


def review(ws: Workspace, console: Console, keys: Keys, docs: tuple[str, ...] | list[str] = (),
           filters: rq.Filters = ANY, order: str = "doc", reviewer: str | None = None) -> Reviewed:
    """Review proposals one at a time with single keys from `keys` (DOCS: default all).

    Every decision is saved at once; a later review starts at the first
    proposal still undecided. `reviewer` defaults as `reviewer_name` says.
    """
    from .loop import Loop  # rich screens: loaded only for an interactive review

    name = reviewer_name(reviewer)
    names = doc_names(ws, docs)
    missing: list[str] = []
    with locked(ws, names, name):
        session = rq.open_session(ws, names, filters, order, name, missing=None if docs else missing)
        if not session.items:
            return Reviewed(queued=0, missing=missing)
        actors = rq.corpus_actors(ws, session)
        changed = Loop(session, console, keys, actors).run()
    left = sum(1 for it in session.items if session.ann(it).pending)
    return Reviewed(len(session.items), changed, left, missing)


def decide_all(ws: Workspace, to: rq.Verdict, docs: tuple[str, ...] | list[str] = (), filters: rq.Filters = ANY,
               reviewer: str | None = None, dry_run: bool = False,
               missing: list[str] | None = None) -> list[rq.Change]:
    """Accept or reject ("accepted", "rejected") every annotation matching, no interface.

    Without statuses in `filters` only proposals are decided, so a batch
    never overturns a decision a person made. With `dry_run` nothing is
    locked or changed: the changes are only listed. With a `missing` list and
    no document named, a document whose source is gone is said there and left out.
    """
    if not filters.statuses:
        filters = replace(filters, statuses=("proposed",))
    name = reviewer_name(reviewer)
    names = doc_names(ws, docs)
    wanted, skip = (names, None) if docs or missing is None else ((), missing)
    if dry_run:
        return rq.batch(load_all(ws, wanted, skip), filters, to, name, dry_run=True)
    with locked(ws, names, name):
        return rq.batch(load_all(ws, wanted, skip), filters, to, name)


def settle(ws: Workspace, console: Console, keys: Keys, docs: tuple[str, ...] | list[str] = (),
           choice: ro.Choice = ALL_ORPHANS, reviewer: str | None = None) -> Settled:
    """Settle orphans one at a time with single keys: place each at its best match, or drop it."""
    from .orphan_loop import OrphanLoop

    name = reviewer_name(reviewer)
    names = ro.with_orphans(ws, doc_names(ws, docs))
    if not names:
        return Settled(documents=0)
    with locked(ws, names, name):
        loaded = ro.load_docs(ws, names)  # read under the lock
        session = ro.OrphanSession(loaded, ro.queue(loaded, choice))
        if not session.items:
            return Settled(documents=len(names))
        counts = OrphanLoop(session, console, keys).run()
    left = sum(len(d.afile.orphans) for d in session.docs.values())
    return Settled(len(names), len(session.items), counts, left)


def settle_all(ws: Workspace, action: str, docs: tuple[str, ...] | list[str] = (), filters: rq.Filters = ANY,
               min_score: float | None = None, max_score: float | None = None, reviewer: str | None = None,
               dry_run: bool = False) -> list[ro.Outcome]:
    """Place ("place") or drop ("drop") every orphan matching, no interface.

    Scores are those of each orphan's best match. To place, `min_score` is
    the bar a match must reach (default `placing.MIN_SCORE`): orphans below
    it are kept and listed with their score, not left out. To drop, it only
    chooses which orphans. With `dry_run` nothing is locked or changed.
    """
    if action == "place":
        choice, bar = ro.Choice(filters, None, max_score), ro.MIN_SCORE if min_score is None else min_score
    else:
        choice, bar = ro.Choice(filters, min_score, max_score), ro.MIN_SCORE
    names = ro.with_orphans(ws, doc_names(ws, docs))
    if dry_run:
        return _settle_all(ws, names, choice, action, bar, dry_run=True)
    with locked(ws, names, reviewer_name(reviewer)):
        return _settle_all(ws, names, choice, action, bar)


def _settle_all(ws: Workspace, names: list[str], choice: ro.Choice, action: str, bar: float,
                dry_run: bool = False) -> list[ro.Outcome]:
    loaded = ro.load_docs(ws, names)  # every document read before any is changed
    return ro.batch(loaded, ro.queue(loaded, choice), action, bar, dry_run)


def status(ws: Workspace, docs: tuple[str, ...] | list[str] = ()) -> list[rq.DocStatus]:
    """Counts of annotations by kind and review status, and the orphans, per document.

    One annotation file at a time, and no source read (only whether it is there):
    an archive's status costs about what reading its JSON costs, in little memory."""
    rows, missing = [], []
    for name in doc_names(ws, docs):
        afile = store.load(ws.annotations / f"{name}.json")
        try:
            ws.source_path(afile.doc)
        except MissingSource as err:  # it blocks only itself, unless it was named
            if docs:
                raise
            missing.append(str(err))
            continue
        rows.append(rq.doc_status(name, afile))
    return rows + [rq.DocStatus(doc="", counts={}, missing=reason) for reason in missing]
