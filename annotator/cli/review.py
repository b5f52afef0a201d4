"""Commands: review (interactive and batch), status.

Options, the terminal (single keys, signals) and what is printed; the work
itself is one call into `annotator.review.workflow`. These open instantly:
nothing here or below imports spaCy or loads a model.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

import click

from annotator.models import KINDS
from annotator.review import orphans as ro
from annotator.review import query as rq
from annotator.review import workflow
from annotator.review.edit import TYPE_CHOICES

from .main import main, reports_errors, workspace

TYPES = sorted({t for choices in TYPE_CHOICES.values() for t in choices})


def filter_options(func):
    """The options that choose annotations, shared by interactive and batch review."""
    options = [
        click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only this kind (repeatable)."),
        click.option("--type", "types", multiple=True, type=click.Choice(TYPES),
                     help="Only this actor type, claim kind or note kind (repeatable)."),
        click.option("--status", "statuses", multiple=True, type=click.Choice(rq.STATUSES),
                     help="Only this status (repeatable). Batch default: proposed."),
        click.option("--min-score", type=float,
                     help="Only proposals scored at least this. With --orphans: only orphans whose best "
                          f"match scores at least this (--place: default {ro.MIN_SCORE})."),
        click.option("--max-score", type=float,
                     help="Only proposals scored at most this. With --orphans: best match at most this."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.command()
@click.argument("docs", nargs=-1)
@filter_options
@click.option("--order", type=click.Choice(rq.ORDERS), default="doc", show_default=True,
              help="doc: document order; score: lowest score first; kind: by kind.")
@click.option("--reviewer", help="Name recorded with each decision [default: $ANNOTATOR_REVIEWER, else login name].")
@click.option("--accept", "accept_all", is_flag=True, help="Batch: accept everything matching, no interface.")
@click.option("--reject", "reject_all", is_flag=True, help="Batch: reject everything matching, no interface.")
@click.option("--dry-run", is_flag=True,
              help="With --accept/--reject/--place/--drop: list what would change, change nothing.")
@click.option("--orphans", is_flag=True,
              help="Settle orphans instead: reviewed annotations not found again after their text was edited.")
@click.option("--place", "place_all", is_flag=True,
              help="With --orphans, batch: place every orphan at its best match scoring at least --min-score.")
@click.option("--drop", "drop_all", is_flag=True, help="With --orphans, batch: drop every orphan matching.")
@click.pass_context
@reports_errors
def review(ctx, docs, kinds, types, statuses, min_score, max_score, order, reviewer, accept_all, reject_all, dry_run,
           orphans, place_all, drop_all):
    """Review proposals one at a time with single keys (DOCS: default all).

    \b
    Keys: a accept  r reject  s skip  e edit  u undo  b/← back  ? help  q quit
    Edit: t type  [ { grow/shrink start  ] } grow/shrink end  c canonical
          p speaker  l bib link  Enter done  Esc back
    Every decision is saved at once; `annotator review` resumes at the first
    proposal still undecided.

    \b
    --orphans shows each orphan where it was and where it most likely went
    (its best fuzzy match in the current text, scored 0-1).
    Keys: p place it there  d drop it  s skip  u undo  ? help  q quit

    \b
    Examples:
      annotator review --kind claim --order score
      annotator review --accept --kind footnote_ref --min-score 0.9 --dry-run
      annotator review --orphans essay.txt
      annotator review --orphans --place --min-score 0.9 --dry-run
    """
    if orphans or place_all or drop_all:
        _check_orphan_options(orphans, place_all, drop_all, accept_all or reject_all, order, dry_run)
        filters = rq.Filters(kinds, types, statuses)
        if place_all or drop_all:
            action = "place" if place_all else "drop"
            outcomes = workflow.settle_all(workspace(ctx), action, docs, filters, min_score=min_score,
                                           max_score=max_score, reviewer=reviewer, dry_run=dry_run)
            _orphan_batch_report(outcomes, action, dry_run)
        else:
            with _keys() as keys, _exit_on_signals():
                settled = workflow.settle(workspace(ctx), _console(), keys, docs,
                                          ro.Choice(filters, min_score, max_score), reviewer=reviewer)
            click.echo(_orphans_farewell(settled))
        return
    if accept_all and reject_all:
        raise click.UsageError("choose one of --accept and --reject")
    if dry_run and not (accept_all or reject_all):
        raise click.UsageError("--dry-run goes with --accept or --reject")
    ws = workspace(ctx)
    filters = rq.Filters(kinds, types, statuses, min_score, max_score)
    if accept_all or reject_all:
        to: rq.Verdict = "accepted" if accept_all else "rejected"
        missing: list[str] = []
        changes = workflow.decide_all(ws, to, docs, filters, reviewer=reviewer, dry_run=dry_run, missing=missing)
        for reason in missing:
            click.echo(f"skipped: {reason}", err=True)
        _batch_report(changes, to, dry_run)
        return
    with _keys() as keys, _exit_on_signals():
        reviewed = workflow.review(ws, _console(), keys, docs, filters, order=order, reviewer=reviewer)
    for reason in reviewed.missing:
        click.echo(f"skipped: {reason}", err=True)
    click.echo(_farewell(reviewed))


def _console():
    from rich.console import Console

    return Console(highlight=False)


@contextmanager
def _keys():
    """Single keys without Enter on a terminal; characters from a pipe otherwise.

    The terminal stays in cbreak mode for the whole session (not per key,
    as click.getchar does) so keys typed ahead of the screen are not
    flushed away, and output keeps its normal line endings.
    """
    from annotator.review.keys import KeyBuffer

    if not sys.stdin.isatty():
        yield KeyBuffer(lambda: sys.stdin.read(1))
        return
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd, termios.TCSANOW)
    try:
        yield KeyBuffer(lambda: os.read(fd, 64).decode("utf-8", "replace"))
    finally:
        # TCSANOW, not TCSADRAIN: draining waits for the terminal to read our
        # output, which never happens once it is gone (SIGHUP).
        termios.tcsetattr(fd, termios.TCSANOW, saved)


@contextmanager
def _exit_on_signals():
    """SIGTERM or a closed terminal (SIGHUP) end the review like q does: the
    terminal is restored and the lock released (SIGKILL cannot be caught;
    the next review recovers its stale lock)."""
    import signal

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    saved = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _farewell(reviewed: workflow.Reviewed) -> str:
    if not reviewed.queued:
        return "Nothing matches these filters."
    changed = reviewed.changed
    made = ", ".join(f"{changed[s]} {s}" for s in ("accepted", "edited", "rejected") if changed[s])
    left = reviewed.left
    tail = f"{left} still proposed; `annotator review` resumes there." if left else "Nothing left to review here."
    return f"{made}; all saved. {tail}" if made else f"No decisions made. {tail}"


def _batch_report(changes: list[rq.Change], to: str, dry_run: bool) -> None:
    verb = {"accepted": "accept", "rejected": "reject"}[to]
    for c in changes:
        text = " ".join(c.ann.text.split())
        click.echo(f"{c.doc}\t{c.ann.id}\t{c.ann.kind}\t{c.ann.score:.2f}\t{c.ann.status} -> {to}\t{text}")
    head = f"would {verb}" if dry_run else f"{to}"
    click.echo(f"{head} {len(changes)} annotation(s) in {len({c.doc for c in changes})} document(s)"
               + (" (dry run: nothing changed)" if dry_run else ""))


def _check_orphan_options(orphans, place_all, drop_all, accept_or_reject, order, dry_run) -> None:
    if not orphans:
        raise click.UsageError("--place and --drop go with --orphans")
    if place_all and drop_all:
        raise click.UsageError("choose one of --place and --drop")
    if accept_or_reject:
        raise click.UsageError("--accept and --reject decide proposals; orphans are settled with --place or --drop")
    if order != "doc":
        raise click.UsageError("orphans come in document order; --order does not apply")
    if dry_run and not (place_all or drop_all):
        raise click.UsageError("--dry-run goes with --place or --drop")


def _orphans_farewell(settled: workflow.Settled) -> str:
    if not settled.documents:
        return "No orphans: every reviewed annotation has its place."
    if not settled.queued:
        return "No orphan matches these filters."
    counts, left = settled.counts, settled.left
    made = ", ".join(f"{counts[s]} {s}" for s in ("placed", "dropped") if counts[s])
    tail = f"{left} orphan(s) left; `annotator review --orphans` shows them again." if left else "No orphans left here."
    return f"{made}; all saved. {tail}" if made else f"No decisions made. {tail}"


def _orphan_batch_report(outcomes: list[ro.Outcome], action: str, dry_run: bool) -> None:
    for o in outcomes:
        click.echo(f"{o.item.doc}\t{o.item.ann.id}\t{o.item.ann.kind}\t{o.item.ann.status}\t{_outcome(o)}\t"
                   + " ".join(o.item.ann.text.split()))
    done = [o for o in outcomes if o.action != "keep"]
    head = f"would {action}" if dry_run else {"place": "placed", "drop": "dropped"}[action]
    kept = len(outcomes) - len(done)
    click.echo(f"{head} {len(done)} orphan(s) in {len({o.item.doc for o in done})} document(s)"
               + (f"; {kept} left as orphans" if kept else "")
               + (" (dry run: nothing changed)" if dry_run else ""))


def _outcome(o: ro.Outcome) -> str:
    ann, place = o.item.ann, o.item.place
    if o.action == "place" and place is not None:  # a placed orphan always had a place
        return f"place {ann.start}-{ann.end} -> {place.start}-{place.end} ({place.score:.2f})"
    return o.action if o.action == "drop" else f"keep: {o.why}"


@main.command()
@click.argument("docs", nargs=-1)
@click.pass_context
@reports_errors
def status(ctx, docs):
    """Counts of annotations by kind and review status, per document."""
    rows = workflow.status(workspace(ctx), docs)
    n_changed = sum(counts["changed"] for row in rows for counts in row.counts.values())
    columns = ("proposed", "accepted", "edited", "rejected") + (("changed",) if n_changed else ())
    if n_changed:
        click.echo(f"{n_changed} annotation(s) changed since their decision: "
                   "`annotator review --status changed` decides them again")
    lost = [row for row in rows if row.orphans]
    if lost:  # first, so that it is seen above long tables
        click.echo(f"{sum(len(r.orphans) for r in lost)} orphan(s) in {len(lost)} document(s), listed below: "
                   "`annotator review --orphans` places or drops them")
    for row in rows:
        if row.missing:
            click.echo(f"skipped: {row.missing}", err=True)
            continue
        click.echo(row.doc)
        if row.unnamed:  # how much of the story rests on sources nobody names
            click.echo(f"  attributed claims: {row.attributed}, of which {row.unnamed} from unnamed sources")
        click.echo(f"  {'kind':<13}" + "".join(f"{c:>10}" for c in columns) + f"{'total':>8}")
        for kind, counts in row.counts.items():
            cells = "".join(f"{counts[c]:>10}" for c in columns)
            click.echo(f"  {kind:<13}{cells}{sum(counts.values()):>8}")
        if row.orphans:
            click.echo(f"  orphans: {len(row.orphans)} reviewed annotation(s) not found again in the edited text")
        for ann in row.orphans:
            text = " ".join(ann.text.split())
            click.echo(f"    {ann.id}\t{ann.kind}\t{ann.status}\t{text}")
