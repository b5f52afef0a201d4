"""Markers and notes must pair one to one; what does not pair is a problem."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from annotator.models import Document, Problem


@dataclass(frozen=True)
class Wording:
    """How a shape names its markers and notes in problem messages."""

    note: str  # e.g. "[{label}: …]"
    note_noun: str = "note"


def check_pairs(doc: Document, wording: Wording) -> None:
    def problem(offset: int, reason: str) -> None:
        doc.problems.append(Problem(file=doc.name, offset=offset, line=doc.line_of(offset), reason=reason))

    markers = Counter(m.label for m in doc.markers)
    notes = Counter(n.label for n in doc.notes)
    for m in doc.markers:
        if m.label not in notes:
            problem(m.start, f"marker {doc.text[m.start:m.end]} has no {wording.note_noun} "
                             f"{wording.note.format(label=m.label)}")
    for n in doc.notes:
        if n.label not in markers:
            problem(n.start, f"note {wording.note.format(label=n.label)} is called by no marker")
    for label, count in notes.items():
        if count > 1:
            again = [n for n in doc.notes if n.label == label][1]
            problem(again.start, f"note {label} is defined {count} times")
    for label, count in markers.items():
        if count > 1:
            reused = [m for m in doc.markers if m.label == label][1]
            problem(reused.start, f"marker {label} is used {count} times")
