"""The by-source and by-actor views, derived from the claim rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from .csl import to_plain
from .model import ActorRow, ClaimLink, ClaimRow, SourceRow


def link(row: ClaimRow, locator: str = "") -> ClaimLink:
    return ClaimLink(claim=row.id, document=row.document, line=row.line, kind=row.kind, text=row.text,
                     locator=locator)


def source_rows(entries: dict, refs: dict[str, str], claims: list[ClaimRow]) -> list[SourceRow]:
    """Every entry of bib/, with the claims resting on it (none for uncited entries)."""
    links: dict[str, list[ClaimLink]] = defaultdict(list)
    for row in claims:
        for ref in row.sources:
            if ref.status == "resolved" and ref.key is not None:
                links[ref.key].append(link(row, ref.locator))
    keys = sorted(entries, key=lambda k: (k.casefold(), k))
    return [SourceRow(key=k, type=entries[k].entry_type, reference=to_plain(refs[k]), marked=refs[k],
                      claims=links.get(k, [])) for k in keys]


class _Actor:
    """Tallies for one canonical actor while the view is built."""

    def __init__(self) -> None:
        self.types: Counter[str] = Counter()
        self.names: Counter[str] = Counter()
        self.documents: set[str] = set()
        self.speaker_of: list[ClaimLink] = []
        self.channel_of: list[ClaimLink] = []
        self.mentioned_in: list[ClaimLink] = []

    def row(self, canonical: str) -> ActorRow:
        return ActorRow(
            canonical=canonical, type=_most_common(self.types), names=_by_frequency(self.names),
            mentions=sum(self.names.values()), documents=sorted(self.documents), speaker_of=self.speaker_of,
            channel_of=self.channel_of, mentioned_in=self.mentioned_in,
        )


def actor_rows(mentions: Iterable[tuple[str, str, str, str]], claims: list[ClaimRow]) -> list[ActorRow]:
    """Each canonical actor: its mentions, the claims it makes and the claims that name it.

    An actor that only appears as a speaker or channel (no mention annotated)
    is listed too, with zero mentions, so no claim loses its speaker.
    """
    actors: dict[str, _Actor] = defaultdict(_Actor)
    for document, canonical, type_, name in mentions:  # (document, canonical, type, text)
        tally = actors[canonical]
        tally.types[type_] += 1
        tally.names[name] += 1
        tally.documents.add(document)
    for row in claims:
        if row.speaker:
            actors[row.speaker].speaker_of.append(link(row))
        if row.channel:
            actors[row.channel].channel_of.append(link(row))
        for canonical in row.actors:
            actors[canonical].mentioned_in.append(link(row))
    return [actors[c].row(c) for c in sorted(actors, key=lambda c: (c.casefold(), c))]


def _most_common(counts: Counter[str]) -> str | None:
    return min(counts, key=lambda t: (-counts[t], t)) if counts else None


def _by_frequency(counts: Counter[str]) -> list[str]:
    return sorted(counts, key=lambda n: (-counts[n], n))
