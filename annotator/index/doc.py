"""One document's part of the index: its claim rows and its problems.

`DocView` holds the look-ups a document's claims need (lines, citations by
note, actor mentions by offset) so each claim is resolved in O(log n).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from annotator.models import ActorAnnotation, AnnotationFile, CitationAnnotation, ClaimAnnotation

from .model import ClaimRow, DocumentInfo, IndexProblem, SourceRef, SourceStatus

CONTEXT = 160  # characters of context either side of a claim on the HTML page


@dataclass
class DocInput:
    """An annotation file and its source text (None when the source is missing)."""

    afile: AnnotationFile
    text: str | None = None

    @property
    def name(self) -> str:
        return self.afile.doc


class DocView:
    def __init__(self, doc: DocInput, statuses: frozenset[str]):
        self.name, self.text, self.afile = doc.name, doc.text, doc.afile
        # Sorted here so citations within a note, and all that follows, do not depend on file order.
        self.included = sorted((a for a in doc.afile.annotations if a.status in statuses),
                               key=lambda a: (a.start, a.end, a.kind, a.id))
        self._newlines = [m.start() for m in re.finditer("\n", doc.text or "")]
        self.notes: dict[str, list[CitationAnnotation]] = defaultdict(list)
        for a in self.included:
            if isinstance(a, CitationAnnotation) and a.number is not None:
                self.notes[a.number].append(a)
        self.actors = [a for a in self.included if isinstance(a, ActorAnnotation)]
        self._starts = [a.start for a in self.actors]
        self._canonical = {a.id: a.canonical for a in doc.afile.annotations if isinstance(a, ActorAnnotation)}

    def claims(self) -> list[ClaimAnnotation]:
        return [a for a in self.included if isinstance(a, ClaimAnnotation)]  # `included` is in order

    def line(self, offset: int) -> int | None:
        return None if self.text is None else bisect.bisect_left(self._newlines, offset) + 1

    def canonical(self, actor: str | None) -> str | None:
        """Speakers and channels are canonical ids; an actor annotation id is accepted too."""
        return self._canonical.get(actor, actor) if actor else actor

    def actors_within(self, start: int, end: int) -> list[str]:
        found = []
        for i in range(bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)):
            a = self.actors[i]
            if a.end <= end and a.canonical not in found:
                found.append(a.canonical)
        return found

    def context(self, start: int, end: int) -> tuple[str, str]:
        """The rest of the claim's paragraph (line), at most CONTEXT characters each side, "…" where cut."""
        if self.text is None:
            return "", ""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end == -1 else line_end
        before = self.text[max(line_start, start - CONTEXT):start]
        after = self.text[end:min(line_end, end + CONTEXT)]
        if start - CONTEXT > line_start:  # cut: start and end at a word, not inside one
            before = "…" + before[before.find(" ") + 1:]
        if end + CONTEXT < line_end:
            after = after[: max(after.rfind(" "), 0)] + "…"
        return before, after


@dataclass
class DocPart:
    """What one document adds to the index; built alone, so it can be built in a worker process."""

    rows: list[ClaimRow]
    problems: list[IndexProblem]
    info: DocumentInfo
    mentions: Sequence[tuple[str, str, str, str]]  # (document, canonical, type, text)


def doc_part(doc: DocInput, statuses: frozenset[str], keys: Container[str]) -> DocPart:
    """`keys` are the bibliography's keys; references are filled in later, once formatted."""
    view = DocView(doc, statuses)
    rows = claim_rows(view, keys)
    mentions = [(doc.name, a.canonical, a.type, a.text) for a in view.actors]
    info = DocumentInfo(name=doc.name, claims=len(rows), text=doc.text)
    return DocPart(rows, doc_problems(view, keys, rows), info, mentions)


def claim_rows(view: DocView, keys: Container[str]) -> list[ClaimRow]:
    return [_claim_row(view, c, keys) for c in view.claims()]


def _claim_row(view: DocView, claim: ClaimAnnotation, keys: Container[str]) -> ClaimRow:
    before, after = view.context(claim.start, claim.end)
    return ClaimRow(
        id=claim.id, document=view.name, start=claim.start, end=claim.end, line=view.line(claim.start),
        kind=claim.claim_kind, status=claim.status, text=claim.text, speaker=view.canonical(claim.speaker),
        unnamed=None if claim.speaker else claim.source,
        channel=view.canonical(claim.channel), cue=claim.cue, mode=claim.mode, footnotes=list(claim.footnotes),
        sources=_dedupe(_claim_sources(view, claim, keys)), actors=view.actors_within(claim.start, claim.end),
        before=before, after=after,
    )


def _claim_sources(view: DocView, claim: ClaimAnnotation, keys: Container[str]) -> Iterator[SourceRef]:
    """The claim's own `sources` once linking filled them; else through its notes' citations."""
    if claim.sources:
        for s in claim.sources:
            yield _keyed(s.key, s.locator, keys)
        return
    for number in claim.footnotes:
        for cit in view.notes.get(number, []):
            yield _from_citation(cit, keys)


def _keyed(key: str, locator: str, keys: Container[str]) -> SourceRef:
    return SourceRef(key=key, locator=locator, status="resolved" if key in keys else "missing")


def _from_citation(cit: CitationAnnotation, keys: Container[str]) -> SourceRef:
    if cit.bib_key:
        return _keyed(cit.bib_key, cit.locator, keys)
    status: SourceStatus = "ambiguous" if cit.candidates else "unresolved"
    return SourceRef(key=None, locator=cit.locator, status=status, label=citation_label(cit))


def citation_label(cit: CitationAnnotation) -> str:
    return f"{cit.authors} {cit.year}{cit.year_suffix}".strip()


def _dedupe(refs: Iterator[SourceRef]) -> list[SourceRef]:
    seen, out = set(), []
    for ref in refs:
        sig = (ref.key, ref.label, ref.locator)
        if sig not in seen:
            seen.add(sig)
            out.append(ref)
    return out


def doc_problems(view: DocView, keys: Container[str], rows: list[ClaimRow]) -> list[IndexProblem]:
    return [*_pending(view), *_orphans(view), *_citation_problems(view, keys), *_stale(view), *_unsourced(rows)]


def _problem(view: DocView, kind: str, message: str, offset: int | None = None, ann: str = "",
             severity: Literal["error", "warning"] = "warning") -> IndexProblem:
    line = view.line(offset) if offset is not None else None
    return IndexProblem(kind=kind, severity=severity, document=view.name, line=line, annotation=ann, message=message)


def _pending(view: DocView) -> Iterator[IndexProblem]:
    counts = Counter(a.kind for a in view.afile.annotations if a.status == "proposed")
    for kind, n in sorted(counts.items()):
        yield _problem(view, "pending", f"{n} {kind} proposal{'s' if n > 1 else ''} not reviewed yet")
    for a in view.afile.annotations:
        if a.status == "changed" and a.changed is not None:
            yield _problem(view, "changed", f"{a.kind} {a.changed.review.status} as {a.changed.text!r} now reads "
                           f"{a.text!r}: left out until decided again (annotator review --status changed)",
                           a.start, a.id)


def _orphans(view: DocView) -> Iterator[IndexProblem]:
    for a in view.afile.orphans:
        yield _problem(view, "orphan", f"reviewed {a.kind} {a.text!r} no longer found in the source "
                       f"(was at {a.start}-{a.end}); re-review it", ann=a.id, severity="error")


def _citation_problems(view: DocView, keys: Container[str]) -> Iterator[IndexProblem]:
    for a in view.afile.annotations:
        if not isinstance(a, CitationAnnotation) or a.status == "rejected":
            continue
        where = f" in note {a.number}" if a.number else ""
        if a.bib_key and a.bib_key not in keys:
            yield _problem(view, "missing-entry", f"citation {citation_label(a)!r}{where} points to '{a.bib_key}', "
                           "which no entry of bib/ has", a.start, a.id, "error")
        elif not a.bib_key and a.candidates:
            options = ", ".join(f"{c.key} ({c.score:.2f})" for c in a.candidates)
            yield _problem(view, "ambiguous", f"citation {citation_label(a)!r}{where} could be {options}", a.start,
                           a.id)
        elif not a.bib_key:
            yield _problem(view, "unresolved", f"citation {citation_label(a)!r}{where} matches no entry of bib/",
                           a.start, a.id)


def _stale(view: DocView) -> Iterator[IndexProblem]:
    if view.text is None:
        return
    for a in view.afile.annotations:
        if a.status != "rejected" and view.text[a.start:a.end] != a.text:
            yield _problem(view, "stale", f"{a.kind} says {a.text!r} but the source has "
                           f"{view.text[a.start:a.end]!r} there; re-tag to re-anchor", a.start, a.id, "error")


def _unsourced(rows: list[ClaimRow]) -> Iterator[IndexProblem]:
    for row in rows:
        if row.kind == "cited" and not any(s.status == "resolved" for s in row.sources):
            # A note that cites nothing is commentary (guide): say so, it is not a linking failure.
            why = (f"rests on note {', '.join(row.footnotes)}, which cites nothing" if row.footnotes and not row.sources
                   else "has no source in bib/")
            yield IndexProblem(kind="no-source", document=row.document, line=row.line, annotation=row.id,
                               message=f"cited claim {_short(row.text)!r} {why}")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
