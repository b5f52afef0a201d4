"""Pydantic models shared by every stage. No I/O here.

Two families live in this module:

* what a reader makes of a source file (`Document`, `Marker`, `Note`,
  `Problem`): plain, in-memory, never written to disk as such;
* what the store writes (`Annotation` and its four kinds, `AnnotationFile`):
  strict (`extra="forbid"`), versioned by `SCHEMA_VERSION`, so a hand-edited
  file with a typo in a field name fails loudly instead of losing data.

It is kept whole, past 300 lines, on purpose: the committed JSON Schema of
annotation files is generated from these classes, and one module read top to
bottom is the schema a user edits against.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

# The newest schema this annotator reads and writes. A file is written with the
# lowest version that can hold it (`store.dumps`): version 2 added the `changed`
# status and field and the claim `source` (the phrase naming an unnamed source),
# so only a file holding one of them says 2, and an older annotator asked to
# read it says "upgrade annotator" instead of misreading a decision.
SCHEMA_VERSION: Final = 2

# "changed": a reviewed annotation whose words were edited since the decision;
# the decision is kept in `changed` and a new one is needed (not "accepted").
Status = Literal["proposed", "accepted", "rejected", "edited", "changed"]
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


class CitedItem(Strict):
    """One cited work as a reference manager stores it in a Word field."""

    manager: Literal["Zotero", "Mendeley", "EndNote"]
    id: str = ""  # the manager's own id: Zotero item key, Mendeley uuid, EndNote record number
    key: str = ""  # a citation key, when the item carries one (CSL `citation-key`, Better BibTeX)
    authors: list[str] = []  # "Family, Given", or a name as one piece ("World Bank")
    year: str = ""
    title: str = ""
    doi: str = ""
    container: str = ""  # journal, book or site
    publisher: str = ""
    type: str = ""  # CSL type ("article-journal", "report", …)
    url: str = ""


class FieldCitation(Strict):
    """A reference manager's citation field in a .docx: what it cites, and
    where its displayed result ("(Crawford 2021, 14)") stands in the text."""

    start: int
    end: int
    items: list[CitedItem]
    locators: list[str]  # one per item ("14–15", or "")


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
    fields: list[FieldCitation] = []  # .docx only: reference-manager citation fields

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


class Changed(Strict):
    """A decision taken on words that are no longer there: kept, never carried over."""

    text: str  # the words the decision was taken on
    review: Review  # that decision
    reason: str = ""  # what changed, in a reviewer's words


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
    # Set with status "changed"; left out of the file when None (`store.dumps`).
    changed: Changed | None = None

    @property
    def status(self) -> Status:
        return self.review.status

    @property
    def reviewed(self) -> bool:
        """A person decided on it once: the store keeps it through every re-tag."""
        return self.review.status != "proposed"

    @property
    def pending(self) -> bool:
        """No decision stands on its words: proposed, or changed since its decision."""
        return self.review.status in ("proposed", "changed")


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
    item: CitedItem | None = None  # the work as a reference manager's field (.docx) gives it
    bib_key: str | None = None
    link_score: float | None = None
    link_reason: str | None = None
    candidates: list[Candidate] = []

    @model_serializer(mode="wrap")
    def _without_empty_item(self, handler: SerializerFunctionWrapHandler) -> dict:
        # Only .docx citations have an item: files of other documents stay as they were.
        data = handler(self)
        if data.get("item", 0) is None:
            del data["item"]
        return data


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

    schema_version: Literal[1, 2] = 1
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
