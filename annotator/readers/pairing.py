"""Markers and notes must pair one to one; what does not pair is a problem."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.models import Document, Marker, Note, Problem


@dataclass(frozen=True)
class Wording:
    """How a shape names its markers and notes in problem messages."""

    note: str  # e.g. "[{label}: …]"
    note_noun: str = "note"


class Lines:
    """Line numbers from the newline offsets, found once: `Document.line_of` counts
    from the start of the text each time, quadratic over thousands of problems."""

    def __init__(self, text: str):
        self.text = text
        self._breaks: list[int] | None = None

    def of(self, offset: int) -> int:
        if self._breaks is None:
            self._breaks = [m.start() for m in re.finditer("\n", self.text)]
        return bisect_left(self._breaks, offset) + 1


def check_pairs(doc: Document, wording: Wording) -> None:
    lines = Lines(doc.text)

    def problem(offset: int, reason: str) -> None:
        doc.problems.append(Problem(file=doc.name, offset=offset, line=lines.of(offset), reason=reason))

    markers = Counter(m.label for m in doc.markers)
    notes = Counter(n.label for n in doc.notes)
    for m in doc.markers:
        if m.label not in notes:
            problem(m.start, f"marker {doc.text[m.start:m.end]} has no {wording.note_noun} "
                             f"{wording.note.format(label=m.label)}")
    for n in doc.notes:
        if n.label not in markers:
            problem(n.start, f"note {wording.note.format(label=n.label)} is called by no marker")
    second_note, second_marker = _seconds(doc.notes), _seconds(doc.markers)
    for label, count in notes.items():
        if count > 1:
            problem(second_note[label], f"note {label} is defined {count} times")
    for label, count in markers.items():
        if count > 1:
            problem(second_marker[label], f"marker {label} is used {count} times")


def _seconds(items: Sequence[Marker | Note]) -> dict[str, int]:
    """Where each label is used a second time."""
    seen: set[str] = set()
    second: dict[str, int] = {}
    for item in items:
        if item.label in seen:
            second.setdefault(item.label, item.start)
        seen.add(item.label)
    return second
