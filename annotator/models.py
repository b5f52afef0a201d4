"""Pydantic models shared by every stage. No I/O here.

Two families live in this module:

* what a reader makes of a source file (`Document`, `Marker`, `Note`,
  `Problem`): plain, in-memory, never written to disk as such;
* what the store writes (`Annotation` and its four kinds, `AnnotationFile`):
  strict (`extra="forbid"`), versioned by `SCHEMA_VERSION`, so a hand-edited
  file with a typo in a field name fails loudly instead of losing data.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

# 2: claims carry `source`, the phrase naming an unnamed source (files of 1 are migrated on load).
SCHEMA_VERSION: Final = 2

Status = Literal["proposed", "accepted", "rejected", "edited"]
ActorType = Literal["person", "state", "organization", "group"]
ClaimKind = Literal["cited", "attributed", "authorial"]
NoteKind = Literal["footnote", "endnote"]
Shape = Literal["poi", "markdown", "plain"]  # the input forms `readers` knows


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------
# Reader output
# --------------------------------------------------------------------------


class Problem(Strict):
    """Something wrong with an input, kept as data instead of raised."""

    file: str
    reason: str
    offset: int | None = None
    line: int | None = None
    severity: Literal["error", "warning"] = "warning"

    def where(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}"
        if self.offset is not None:
            return f"{self.file}@{self.offset}"
        return self.file

    def __str__(self) -> str:
        return f"{self.where()}: {self.reason}"


class Marker(Strict):
    """A note call in the body: `[footnoteRef:8]` or `[^8]`."""

    label: str
    kind: NoteKind = "footnote"
    start: int
    end: int


class Note(Strict):
    """A note block: `[8:  text]` or `[^8]: text`.

    `start`/`end` cover the whole block; `text_start`/`text_end` its trimmed
    content, so `source[text_start:text_end]` is the note's text.
    """

    label: str
    kind: NoteKind = "footnote"
    start: int
    end: int
    text_start: int
    text_end: int
    text: str


class Document(Strict):
    """A source file as read: its exact text and where its notes are."""

    name: str
    path: str
    text: str
    sha256: str
    shape: Shape
    date: str | None = None
    markers: list[Marker] = []
    notes: list[Note] = []
    problems: list[Problem] = []
    # Spans (start, end) that hold no body prose: markers, note blocks, the
    # date prefix. The NLP pass sees them as blanks so offsets stay exact.
    masked: list[tuple[int, int]] = []

    def body(self) -> str:
        """The text with markers and notes blanked out, same length."""
        chars = list(self.text)
        for start, end in self.masked:
            for i in range(start, end):
                if chars[i] not in "\n\r":
                    chars[i] = " "
        return "".join(chars)

    def note(self, label: str) -> Note | None:
        return next((n for n in self.notes if n.label == label), None)

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------
# Annotations (stored)
# --------------------------------------------------------------------------


class Provenance(Strict):
    tagger: str
    model: str | None = None
    rule: str


class Review(Strict):
    status: Status = "proposed"
    reviewer: str | None = None
    time: datetime | None = None
    # The tagger version whose proposal this decision was taken on.
    proposed_by: str | None = None


class Candidate(Strict):
    key: str
    score: float


class Source(Strict):
    """One bibliography entry a cited claim rests on."""

    key: str
    locator: str = ""


class AnnotationBase(Strict):
    id: str
    start: int
    end: int
    text: str
    # A little context either side (W3C TextQuoteSelector style), so the
    # annotation can be found again after its source is edited.
    before: str = ""
    after: str = ""
    score: float = 1.0
    provenance: Provenance
    review: Review = Field(default_factory=Review)

    @property
    def status(self) -> Status:
        return self.review.status

    @property
    def reviewed(self) -> bool:
        return self.review.status != "proposed"


class ActorAnnotation(AnnotationBase):
    kind: Literal["actor"] = "actor"
    type: ActorType
    canonical: str
    role: str | None = None
    affiliation: str | None = None  # the state or body a role implies ("Kazakh President" → kazakhstan)


class FootnoteRefAnnotation(AnnotationBase):
    kind: Literal["footnote_ref"] = "footnote_ref"
    number: str
    note_kind: NoteKind = "footnote"
    note_start: int | None = None
    note_end: int | None = None
    note_text: str | None = None


class CitationAnnotation(AnnotationBase):
    kind: Literal["citation"] = "citation"
    number: str | None = None  # the note it sits in; None when inline
    authors: str
    year: str
    year_suffix: str = ""
    locator: str = ""
    prefix: str = ""  # prose before it in the note ("For a broader …, see")
    suffix: str = ""  # prose after it
    ibid: bool = False
    title: str = ""  # short or full title, when a note-style citation gives one
    bib_key: str | None = None
    link_score: float | None = None
    link_reason: str | None = None
    candidates: list[Candidate] = []


class ClaimAnnotation(AnnotationBase):
    kind: Literal["claim"] = "claim"
    claim_kind: ClaimKind
    footnotes: list[str] = []  # labels of the notes that support it
    citations: list[str] = []  # ids of inline citations ("(Crawford 2021, 14)") that support it
    speaker: str | None = None
    channel: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    mode: Literal["direct", "indirect"] | None = None
    # The phrase naming an unnamed or collective source ("officials", "the
    # statement", "reportedly") when no actor is the speaker.
    source: str | None = None
    sources: list[Source] = []


Annotation = Annotated[
    ActorAnnotation | FootnoteRefAnnotation | CitationAnnotation | ClaimAnnotation,
    Field(discriminator="kind"),
]
KINDS = ("footnote_ref", "citation", "actor", "claim")


class AnnotationFile(Strict):
    """One document's annotations, as stored in `annotations/<doc>.json`."""

    schema_version: Literal[2] = SCHEMA_VERSION
    doc: str
    sha256: str
    tagger: str
    annotations: list[Annotation] = []
    # Reviewed annotations that could not be found again in an edited source.
    orphans: list[Annotation] = []


CONTEXT = 32  # characters of text kept either side of an annotation


def quote_context(text: str, start: int, end: int) -> tuple[str, str]:
    """The text just before and after a span, to find it again after edits."""
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def stable_id(kind: str, *parts: object) -> str:
    """An id derived from content, so re-runs give identical files."""
    raw = "\x1f".join([kind, *map(str, parts)])
    digest = hashlib.blake2b(raw.encode("utf-8"), digest_size=6).hexdigest()
    short = {"footnote_ref": "fn", "citation": "cit", "actor": "act", "claim": "clm"}
    return f"{short.get(kind, kind)}-{digest}"
