"""How a proposal looks on screen (rich). Renders; never reads keys or files.

The span is highlighted with a style and also bracketed with ⟦ ⟧, so that
its boundaries stay visible without colour (a plain log, a screen capture)
while a reviewer grows or shrinks it.
"""

from __future__ import annotations

import re
from typing import overload

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from annotator.models import Annotation

from .query import Progress, type_of

SPAN_STYLE = "bold black on yellow"
CUE_STYLE = "underline cyan"
# Where a sentence ends: a stop, maybe a closing quote, space, then a capital.
_SENTENCE_END = re.compile(r"[.!?][”\"’)\]]*\s+(?=[A-Z“\"(\[])")
MAX_CONTEXT = 600

MAIN_KEYS = "a accept  r reject  s skip  e edit  u undo  b/← back  ? help  q quit"
EDIT_KEYS = "t type  [ grow start  { shrink start  ] grow end  } shrink end  " \
            "c canonical  p speaker  l bib link  u undo  Enter done  Esc back"

HELP = {
    "main": [
        ("a", "accept the proposal as it is, go to the next"),
        ("r", "reject it, go to the next"),
        ("s / →", "skip: leave it proposed, go to the next"),
        ("e", "edit: type, span boundaries, canonical actor, speaker, bib link"),
        ("u", "undo the last decision (again for the one before, and so on)"),
        ("b / ←", "back to the previous proposal"),
        ("q", "quit; every decision is already saved, `annotator review` resumes"),
    ],
    "edit": [
        ("t", "change the type (actor type, claim kind, note kind)"),
        ("[  {", "grow / shrink the span by a word at its start"),
        ("]  }", "grow / shrink the span by a word at its end"),
        ("c", "canonical actor: pick a known one or type a new one"),
        ("p", "a claim's speaker: pick, type, or 0 for an unnamed source"),
        ("l", "a citation's bibliography link: pick a candidate, 0 unlinks"),
        ("u", "undo the last edit"),
        ("Enter", "done: keep the edits, go to the next proposal"),
        ("Esc", "back to the proposal without moving on"),
    ],
}


def context_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding the span, within its paragraph, at most ~600 chars."""
    para_lo = text.rfind("\n", 0, start) + 1
    para_hi = text.find("\n", end)
    para_hi = len(text) if para_hi == -1 else para_hi
    ends = list(_SENTENCE_END.finditer(text, para_lo, start))
    lo = ends[-1].end() if ends else para_lo
    nxt = _SENTENCE_END.search(text, end, para_hi)
    hi = nxt.start() + 1 if nxt else para_hi
    if hi - lo > MAX_CONTEXT:
        lo, hi = max(lo, start - MAX_CONTEXT // 2), min(hi, end + MAX_CONTEXT // 2)
    return lo, max(hi, end)


def note_window(ann: Annotation, text: str) -> tuple[int, int] | None:
    """A citation's whole note block (`[8:  …]`): its sentences are too short alone."""
    number = getattr(ann, "number", None)
    if ann.kind != "citation" or not number:
        return None
    lo = text.rfind(f"[{number}:", 0, ann.start)
    hi = text.find("]", ann.end)
    if lo == -1 or hi == -1 or hi - lo > MAX_CONTEXT:
        return None
    return lo, hi + 1


def highlighted(ann: Annotation, text: str) -> Text:
    lo, hi = note_window(ann, text) or context_window(text, ann.start, ann.end)
    lead = "…" if lo > 0 and text[lo - 1] != "\n" else ""
    out = Text(lead)
    out.append(text[lo : ann.start])
    out.append("⟦")
    out.append(text[ann.start : ann.end], style=SPAN_STYLE)
    out.append("⟧")
    out.append(text[ann.end : hi])
    if hi < len(text) and text[hi] != "\n":
        out.append("…")
    _underline_cue(out, ann, lo, hi, len(lead))
    return out


def _underline_cue(out: Text, ann: Annotation, lo: int, hi: int, lead: int) -> None:
    """Underline a claim's cue (`said`, `according to`) outside the span."""
    cue_start, cue_end = getattr(ann, "cue_start", None), getattr(ann, "cue_end", None)
    if cue_start is None or cue_end is None or not lo <= cue_start < cue_end <= hi:
        return
    if cue_end <= ann.start:
        shift = lead - lo
    elif cue_start >= ann.end:
        shift = lead - lo + 2  # past the two brackets
    else:
        return  # inside the span: already highlighted
    out.stylize(CUE_STYLE, cue_start + shift, cue_end + shift)


def fields(ann: Annotation) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for name, value in _field_rows(ann):
        if value not in (None, "", []):
            table.add_row(name, Text(str(value)))
    return table


def _field_rows(ann: Annotation) -> list[tuple[str, object]]:
    review = ann.review
    when = f" at {review.time.astimezone():%Y-%m-%d %H:%M %Z}" if review.time else ""
    decided = f"{review.status} by {review.reviewer}{when}" if not ann.pending else review.status
    kind = " · ".join(x for x in (ann.kind, type_of(ann)) if x)
    rows: list[tuple[str, object]] = [("kind", kind), ("status", decided)]
    rows += _kind_rows(ann)
    rows += [("score", f"{ann.score:.2f}"), ("rule", ann.provenance.rule),
             ("id", f"{ann.id}  {ann.start}–{ann.end}")]
    return rows


def _kind_rows(ann: Annotation) -> list[tuple[str, object]]:
    if ann.kind == "actor":
        return [("canonical", ann.canonical), ("role", ann.role)]
    if ann.kind == "claim":
        sources = ", ".join(s.key + (f" {s.locator}" if s.locator else "") for s in ann.sources)
        unnamed = f"(unnamed: {ann.source})" if ann.source else "(unnamed)"  # "officials", "the statement"
        return [("speaker", ann.speaker or (unnamed if ann.claim_kind == "attributed" else None)),
                ("channel", ann.channel), ("cue", ann.cue), ("mode", ann.mode),
                ("footnotes", ", ".join(ann.footnotes)), ("source", sources)]
    if ann.kind == "citation":
        year = ann.year + ann.year_suffix
        linked = f"{ann.bib_key} ({ann.link_score:.2f})" if ann.bib_key and ann.link_score is not None else ann.bib_key
        cands = ", ".join(f"{c.key} {c.score:.2f}" for c in ann.candidates)
        return [("citation", f"{ann.authors} {year}" + (f", {ann.locator}" if ann.locator else "")),
                ("note", ann.number), ("source", linked or "(not linked)"), ("candidates", cands)]
    return [("note", f"{ann.note_kind} {ann.number}"), ("note text", short(ann.note_text))]


def changed_table(ann: Annotation) -> Table:
    """The words a decision was taken on beside the words there now: the person decides again."""
    was = ann.changed
    assert was is not None
    review = was.review
    who = f" by {review.reviewer}" if review.reviewer else ""
    now = ann.note_text if ann.kind == "footnote_ref" else ann.text
    table = Table(title=f"changed since the decision: {was.reason}", title_justify="left", expand=True)
    table.add_column(f"{review.status}{who} as", ratio=1)
    table.add_column("now", ratio=1)
    table.add_row(Text(short(was.text) or ""), Text(short(now) or ""))
    return table


@overload
def short(value: str, limit: int = 200) -> str: ...
@overload
def short(value: None, limit: int = 200) -> None: ...
def short(value: str | None, limit: int = 200) -> str | None:
    """At most `limit` characters, an ellipsis marking the cut."""
    if value is None or len(value) <= limit:
        return value
    return value[: limit - 1] + "…"


def one_line(text: str) -> str:
    """One line for a status message: a span may run over line breaks."""
    return short(" ".join(text.split()), 60)


def screen(ann: Annotation, text: str, doc: str, prog: Progress, mode: str, message: str = "") -> Group:
    """Everything shown for one proposal."""
    title = f"{prog.line()} · {doc}"  # progress first: a long name is what gets cut
    keys = Text(EDIT_KEYS if mode == "edit" else MAIN_KEYS, style="dim")
    parts: list[RenderableType] = [Panel(highlighted(ann, text), title=title, title_align="left"), fields(ann), keys]
    if ann.changed is not None:
        parts.insert(1, changed_table(ann))
    if mode == "edit":
        parts.insert(0, Text("EDIT", style="bold magenta"))
    if message:
        parts.append(Text(message, style="bold"))
    return Group(*parts)


def end_screen(prog: Progress, message: str = "") -> Group:
    done = sum(prog.decided.values())
    lines = [Text(f"End of the queue: {prog.total} proposals, {done} reviewed.", style="bold"),
             Text("u undo  b/← back  q quit", style="dim")]
    if message:
        lines.append(Text(message, style="bold"))
    return Group(*lines)


def help_table(mode: str) -> Table:
    table = Table(title=f"keys ({mode})", show_header=False, box=None, padding=(0, 2))
    for key, what in HELP[mode]:
        table.add_row(Text(key, style="bold"), what)
    return table


def picker(title: str, typed: str, options: list[str], extra: str = "", typing: bool = True) -> Group:
    """A list to pick from by digit, with what has been typed so far."""
    lines = [Text(f"{title}> {typed}", style="bold")]
    lines += [Text(f"  {i}  {opt}") for i, opt in enumerate(options, 1)]
    if extra:
        lines.append(Text(f"  {extra}"))
    hint = "digit: pick · type to filter · Enter: use what you typed · Esc: cancel" if typing \
        else "digit: pick · Esc: cancel"
    lines.append(Text(hint, style="dim"))
    return Group(*lines)


def show(console: Console, renderable) -> None:
    """Draw a fresh screen on a terminal; append when writing to a file."""
    if console.is_terminal:
        console.clear()
    console.print(renderable)
