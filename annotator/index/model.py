"""The claim-to-source index as plain data: what `build` builds and the
renderers (`text`, `html`) turn into files.

Every list is kept in a stable order by the builder, so two runs over the
same workspace give identical output that diffs well.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter

SourceStatus = Literal["resolved", "unresolved", "ambiguous", "missing"]
VIEWS = ("claims", "sources", "actors", "problems")
# Kept out of the JSON: context and markup for the HTML page, document text.
Hidden = Annotated[str, Field(exclude=True)]


@dataclass(slots=True)  # positional too: `work` rebuilds rows from tuples
class SourceRef:
    """One source a claim rests on, as seen from the claim.

    `status` is `resolved` when `key` names an entry of bib/, `missing` when it
    names none, `unresolved`/`ambiguous` when the citation has no key yet; then
    `label` is the citation as written (`Crawford 2021`).
    """

    key: str | None
    locator: str = ""
    status: SourceStatus = "resolved"
    reference: str = ""
    label: str = ""


@dataclass(slots=True)  # positional too: `work` rebuilds rows from tuples
class ClaimRow:
    id: str
    document: str
    start: int
    end: int
    line: int | None
    kind: str
    status: str
    text: str
    speaker: str | None = None
    unnamed: str | None = None  # no actor speaks: the phrase naming the source ("officials", "the statement")
    channel: str | None = None
    cue: str | None = None
    mode: str | None = None
    footnotes: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # canonical ids of actor mentions inside the span
    # Context for the HTML page only; the JSON stays about claims and sources.
    before: Hidden = ""
    after: Hidden = ""


@dataclass(slots=True, kw_only=True)
class ClaimLink:
    """A claim as listed under a source or an actor."""

    claim: str
    document: str
    line: int | None
    kind: str
    text: str
    locator: str = ""


@dataclass(slots=True, kw_only=True)
class SourceRow:
    key: str
    type: str
    reference: str
    claims: list[ClaimLink] = field(default_factory=list)
    # The reference with style markup kept as sentinels; see `csl`.
    marked: Hidden = ""

    @property
    def cited(self) -> bool:
        return bool(self.claims)


@dataclass(slots=True, kw_only=True)
class ActorRow:
    canonical: str
    type: str | None
    names: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: list[str] = field(default_factory=list)
    speaker_of: list[ClaimLink] = field(default_factory=list)
    channel_of: list[ClaimLink] = field(default_factory=list)
    mentioned_in: list[ClaimLink] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class IndexProblem:
    kind: str
    severity: Literal["error", "warning"] = "warning"
    document: str = ""
    line: int | None = None
    annotation: str = ""
    message: str


@dataclass(slots=True, kw_only=True)
class DocumentInfo:
    name: str
    claims: int = 0
    # The source text, for the HTML page's context view; None when missing.
    text: Annotated[str | None, Field(exclude=True)] = None


@dataclass(kw_only=True)
class Index:
    style: str
    include_proposed: bool = False
    documents: list[DocumentInfo] = field(default_factory=list)
    claims: list[ClaimRow] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    actors: list[ActorRow] = field(default_factory=list)
    problems: list[IndexProblem] = field(default_factory=list)

    def marked_references(self) -> dict[str, str]:
        """Key → reference with style markup, for renderers that look it up per claim."""
        return {s.key: s.marked for s in self.sources}

    def uncited(self) -> list[SourceRow]:
        return [s for s in self.sources if not s.claims]


INDEX_ADAPTER = TypeAdapter(Index)
