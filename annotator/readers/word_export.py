"""Word export text (Apache POI / Tika): `[footnoteRef:N]` calls a note that
stands as a block `[N:  note text]` after the paragraph."""

from __future__ import annotations

import re

from annotator.models import Document, Marker, Note, NoteKind, Problem

from .pairing import Lines, Wording, check_pairs

MARKER = re.compile(r"\[(footnote|endnote)Ref:(\d+)\]")
NOTE_START = re.compile(r"\[(\d+):\s")


def _block_end(text: str, start: int, limit: int) -> tuple[int, bool]:
    """End (exclusive) of the note block opened at `start`, and whether it closed.

    Brackets inside a note are counted so `[8:  see [ibid.]]` ends at the
    second `]`. A note whose inner brackets do not balance ends at the last
    `]` before the next block or line end; one with no `]` at all is
    unterminated.
    """
    depth = 0
    for i in range(start, limit):
        ch = text[i]
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1, True
    last = text.rfind("]", start, limit)
    if last > start:
        return last + 1, True
    return limit, False


MAX_NOTE_LINES = 40  # a note of several paragraphs closes within this many lines, or it is unclosed


def _paragraphs_end(text: str, start: int, next_start: int) -> int | None:
    """A note of several paragraphs (`[3:  First.\nSecond.]`): where its bracket
    closes at the end of a later line, before the next note and with no marker
    between; None when it does not (the note is unclosed)."""
    stop = len(text) if next_start == -1 else next_start
    depth = 0
    lines = 0
    for i in range(start, stop):
        ch = text[i]
        if ch == "\n":
            lines += 1
            if lines > MAX_NOTE_LINES:
                return None
        elif ch == "[":
            if MARKER.match(text, i):
                return None
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                rest = text[i + 1:text.find("\n", i + 1) if text.find("\n", i + 1) != -1 else len(text)]
                return i + 1 if not rest.strip() else None
    return None


def _limit(text: str, start: int, next_start: int) -> int:
    """Where a note block must end at the latest: the next block or line end."""
    stop = len(text) if next_start == -1 else next_start
    newline = text.find("\n", start, stop)  # not past `stop`: notes on one line made it quadratic
    return stop if newline == -1 else newline


def _read_notes(doc: Document, kinds: dict[str, NoteKind]) -> None:
    text = doc.text
    starts = [m for m in NOTE_START.finditer(text) if not MARKER.match(text, m.start())]
    lines = Lines(text)
    for i, m in enumerate(starts):
        nxt = starts[i + 1].start() if i + 1 < len(starts) else -1
        limit = _limit(text, m.start(), nxt)
        end, closed = _block_end(text, m.start(), limit)
        if not closed and (several := _paragraphs_end(text, m.start(), nxt)) is not None:
            end, closed = several, True
        label = m.group(1)
        body_end = end - 1 if closed else end
        content = text[m.end() : body_end]
        lead = len(content) - len(content.lstrip())
        t_start = m.end() + lead
        t_end = t_start + len(content.strip())
        if not closed:
            doc.problems.append(Problem(
                file=doc.name, offset=m.start(), line=lines.of(m.start()), severity="error",
                reason=f"note [{label}: is never closed with ']' (read up to the end of its line)"))
        doc.notes.append(Note(label=label, kind=kinds.get(label, "footnote"), start=m.start(), end=end,
                              text_start=t_start, text_end=t_end, text=text[t_start:t_end]))
        doc.masked.append((m.start(), end))


def parse(doc: Document) -> None:
    kinds: dict[str, NoteKind] = {}
    for m in MARKER.finditer(doc.text):
        kind: NoteKind = "endnote" if m.group(1) == "endnote" else "footnote"  # MARKER allows only these
        doc.markers.append(Marker(label=m.group(2), kind=kind, start=m.start(), end=m.end()))
        kinds.setdefault(m.group(2), kind)
        doc.masked.append(m.span())
    _read_notes(doc, kinds)
    check_pairs(doc, Wording(note="[{label}: …]"))
