"""Rich renderings for the core commands: tables, highlighted text."""

from __future__ import annotations

import os
from contextlib import contextmanager

from rich.console import Console, Group
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from annotator.models import AnnotationFile, Document, Problem

STYLES = {
    "actor": "bold cyan",
    "claim": "underline yellow",
    "citation": "green",
    "footnote_ref": "bold magenta",
}


# Without colour each kind is marked by its own brackets, unlikely in a text.
MARKS = {
    "actor": ("⟦", "⟧"),
    "claim": ("⟨", "⟩"),
    "citation": ("⦃", "⦄"),
    "footnote_ref": ("⟪", "⟫"),
}


def console(stderr: bool = False, color: bool | None = None) -> Console:
    """Rich output; `color` None: colour when writing to a terminal."""
    out = Console(stderr=stderr, highlight=False, force_terminal=color)
    if not _tty(out.file) and "COLUMNS" not in os.environ:
        out.width = 120  # piped or captured: rich's 80 columns would fold file names
    return out


def _tty(file) -> bool:
    try:
        return file.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


@contextmanager
def tag_progress():
    """A progress bar on stderr over the words to tag, fed by
    `advance(name, documents done, documents, words done, words)`.

    It appears only once there is work (nothing at all when every document is
    unchanged or the input is refused) and vanishes when finished, so the
    summary table stands alone.
    """
    progress = Progress(TextColumn("Tagging"), BarColumn(), TextColumn("{task.fields[docs]} documents"),
                        TextColumn("{task.completed:,}/{task.total:,} words"), TimeElapsedColumn(),
                        TextColumn("{task.description}"), console=console(stderr=True), transient=True)
    task = None

    def advance(name: str, done: int, total: int, words: int, all_words: int) -> None:
        nonlocal task
        if task is None:
            progress.start()
            task = progress.add_task(name, total=max(all_words, 1), docs="")
        progress.update(task, completed=words, description=name, docs=f"{done}/{total}")

    try:
        yield advance
    finally:
        if task is not None:
            progress.stop()


def tag_table(report) -> Table:
    table = Table(title="annotator tag", title_justify="left")
    for name in ("document", "notes", "citations", "actors", "claims", "problems", "reviewed"):
        table.add_column(name, justify="left" if name == "document" else "right", overflow="fold")
    totals = [0] * 6
    for row in report.rows:
        values = [row.notes, row.citations, row.actors, row.claims, row.problems, row.reviewed]
        totals = [t + v for t, v in zip(totals, values)]
        name = row.doc + (" (unchanged)" if row.skipped else "")
        table.add_row(name, *map(str, values))
    table.add_section()
    n = len(report.rows)
    table.add_row(f"{n} document" + ("" if n == 1 else "s"), *map(str, totals), style="bold")
    return table


def skipped_line(report) -> str | None:
    """Why a run did no work: said plainly, since a first `annotator tag` on a
    fresh clone finds the worked example already tagged."""
    n = sum(1 for row in report.rows if row.skipped)
    if not n:
        return None
    if n == 1:
        return ("1 document unchanged since it was tagged; `annotator tag --force` re-tags it, "
                "keeping reviewed decisions.")
    return (f"{n} documents unchanged since they were tagged; `annotator tag --force` re-tags them, "
            "keeping reviewed decisions.")


def renamed_lines(report) -> list[str]:
    """Documents found again by their text under a new name: said, since their annotation file moved too."""
    return [f"{r.doc}: the decisions of {r.was} followed it (the same text, renamed or moved); "
            f"{r.path.name} was merged into its annotation file and removed" for r in report.renamed]


def changed_line(report) -> str | None:
    """Decisions set aside because their words changed: said after every run that finds any."""
    rows = [row for row in report.rows if row.changed]
    if not rows:
        return None
    where = ", ".join(f"{row.doc}: {row.changed}" for row in rows)
    return (f"{sum(r.changed for r in rows)} reviewed annotation(s) changed since their decision ({where}); "
            "their decisions are kept aside, not carried over: `annotator review --status changed` decides again.")


def problem_lines(problems: list[Problem]) -> list[str]:
    return [f"{p.severity}: {p}" for p in problems]


def render_document(doc: Document, afile: AnnotationFile | None, kinds: set[str], notes: bool = True,
                    color: bool = True) -> Group:
    """The text with its spans in colour, or (`color` False) between brackets, one pair per kind."""
    anns = [a for a in (afile.annotations if afile else []) if (not kinds or a.kind in kinds)]
    shown = [a for a in anns if a.status != "rejected"]
    if color:
        text = Text(doc.text)
        for ann in sorted(shown, key=lambda a: (a.kind != "claim", a.start)):
            text.stylize(STYLES[ann.kind], ann.start, ann.end)
    else:
        text = Text(bracketed(doc.text, shown))
    parts = [_legend(shown, color), text]
    if notes and doc.notes:
        parts.append(Text("\nNotes", style="bold"))
        parts += [Text(f"[{n.label}] {n.text}") for n in doc.notes]
    return Group(*parts)


def bracketed(text: str, anns: list) -> str:
    """`text` with each span between its kind's brackets; nested spans nest."""
    marks = []  # (offset, rank, tie, mark): at one offset closings before openings, inner ones innermost
    for ann in anns:
        opening, closing = MARKS[ann.kind]
        marks.append((ann.start, 1, -ann.end, opening))
        marks.append((ann.end, 0, -ann.start, closing))
    out, pos = [], 0
    for offset, _, _, mark in sorted(marks, key=lambda m: m[:3]):
        out += [text[pos:offset], mark]
        pos = offset
    out.append(text[pos:])
    return "".join(out)


def _legend(anns: list, color: bool) -> Text:
    legend = Text("Legend: ")
    for kind, style in STYLES.items():
        count = sum(1 for a in anns if a.kind == kind)
        opening, closing = MARKS[kind]
        legend.append(f"{kind} ({count})" if color else f"{opening}{kind}{closing} ({count})",
                      style=style if color else "")
        legend.append("  ")
    return legend


def eval_table(report) -> Group:
    scores = Table(title=f"Against gold ({report.documents} documents)", title_justify="left")
    for name in ("measure", "tp", "fp", "fn", "precision", "recall", "F1"):
        scores.add_column(name, justify="left" if name == "measure" else "right")
    for s in report.scores:
        scores.add_row(s.name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
    rates = Table()
    for name in ("measure", "hits", "of", "rate"):
        rates.add_column(name, justify="left" if name == "measure" else "right")
    for r in report.rates:
        rates.add_row(r.name, str(r.hits), str(r.total), f"{r.value:.3f}")
    return Group(scores, rates)
