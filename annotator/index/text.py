"""Render an `Index` as Markdown, CSV or JSON text (the HTML page is `html`).

`views` picks any of claims, sources, actors, problems, in that order.
CSV holds one table, so `render_csv` takes one view.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator

from .csl import to_markdown
from .gc import gc_paused
from .model import INDEX_ADAPTER, VIEWS, ClaimLink, Index, SourceRef

NO_SOURCE = "no source"


def render_json(index: Index, views: Iterable[str] = VIEWS) -> str:
    # pydantic-core serialises the dataclasses directly: ~10x faster than json.dumps on dicts.
    data = INDEX_ADAPTER.dump_json(index, indent=2, include={"style", "include_proposed", "documents", *views})
    return data.decode("utf-8") + "\n"


# --- Markdown -------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


_MD_SPACE = re.compile(r"\s\s|[^\S ]")


def md_escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup; newlines become spaces."""
    if _MD_SPACE.search(text) or text[:1].isspace() or text[-1:].isspace():
        text = " ".join(text.split())
    # Most values hold no markup; searching first spares building a copy.
    return _MD_SPECIAL.sub(r"\\\1", text) if _MD_SPECIAL.search(text) else text


def render_markdown(index: Index, views: Iterable[str] = VIEWS) -> str:
    parts = [f"# Claim-to-source index\n\n{_summary(index)}\n"]
    sections = {"claims": _md_claims, "sources": _md_sources, "actors": _md_actors, "problems": _md_problems}
    with gc_paused():  # many small strings, no cycles: collections would only re-scan the index
        for view in views:
            parts.append("\n".join(sections[view](index)) + "\n")
    return "\n".join(parts)


def _summary(index: Index) -> str:
    which = "accepted, edited and proposed" if index.include_proposed else "accepted and edited"
    counts = ", ".join(plural(len(items), noun) for items, noun in (
        (index.documents, "document"), (index.claims, "claim")))
    if unnamed := sum(1 for r in index.claims if r.unnamed):  # how much of the story rests on unnamed sources
        counts += f" ({unnamed} from unnamed sources)"
    return (f"{counts} ({which}), {plural(len(index.sources), 'source')} ({len(index.uncited())} uncited), "
            f"{plural(len(index.actors), 'actor')}, {plural(len(index.problems), 'problem')}. "
            f"References: {index.style}.")


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _place(document: str, line: int | None) -> str:
    return f"{md_escape(document)}:{line}" if line is not None else md_escape(document)


def _md_claims(index: Index) -> Iterator[str]:
    yield f"## By claim ({len(index.claims)})\n"
    marked = index.marked_references()
    for row in index.claims:
        who = "".join(f" · {label} {md_escape(v)}" for label, v in (
            ("speaker", row.speaker), ("unnamed source", row.unnamed), ("channel", row.channel)) if v)
        pending = f" · *{row.status}*" if row.status in ("proposed", "changed") else ""
        yield f"- **{_place(row.document, row.line)}** · {row.kind}{who}{pending}: “{md_escape(row.text)}”"
        refs: list[SourceRef | None] = list(row.sources) or [None]
        for ref in refs:
            yield f"  - {_md_ref(ref, marked)}"
    if not index.claims:
        yield "None."


def _md_ref(ref: SourceRef | None, marked: dict[str, str]) -> str:
    if ref is None:
        return f"*{NO_SOURCE}*"
    where = f", {md_escape(ref.locator)}" if ref.locator else ""
    if ref.status != "resolved":
        return f"{ref.status}: {md_escape(ref.key or ref.label)}{where}"
    return f"`{ref.key}`{where} — {to_markdown(marked.get(ref.key or '', ''), md_escape)}"


def _md_sources(index: Index) -> Iterator[str]:
    yield f"## By source ({len(index.sources)})\n"
    for src in index.sources:
        yield f"- `{src.key}` — {to_markdown(src.marked, md_escape)}"
        for c in src.claims:
            yield f"  - {_md_link(c)}"
        if not src.claims:
            yield "  - *cited by no claim*"
    if not index.sources:
        yield "None: bib/ holds no entries."
    uncited = index.uncited()
    yield f"\n### Uncited sources ({len(uncited)})\n"
    yield ", ".join(f"`{s.key}`" for s in uncited) or "None."


def _md_link(c: ClaimLink) -> str:
    where = f" ({md_escape(c.locator)})" if c.locator else ""
    return f"{_place(c.document, c.line)}{where}: “{md_escape(c.text)}”"


def _md_actors(index: Index) -> Iterator[str]:
    yield f"## By actor ({len(index.actors)})\n"
    for a in index.actors:
        names = ", ".join(md_escape(n) for n in a.names)
        yield f"- **{md_escape(a.canonical)}** ({a.type or 'unknown'}), {_mentions(a.mentions)}: {names}"
        for label, links in (("says", a.speaker_of), ("via", a.channel_of), ("mentioned in", a.mentioned_in)):
            for c in links:
                yield f"  - {label} {_md_link(c)}"
    if not index.actors:
        yield "None."


def _md_problems(index: Index) -> Iterator[str]:
    yield f"## Problems ({len(index.problems)})\n"
    for p in index.problems:
        yield f"- {p.severity} · {p.kind} · {_place(p.document, p.line)}: {md_escape(p.message)}"
    if not index.problems:
        yield "None."


# --- CSV ------------------------------------------------------------------

COLUMNS = {
    "claims": ["claim", "document", "line", "kind", "review", "speaker", "unnamed_source", "channel", "text",
               "source", "status", "locator", "reference"],
    "sources": ["source", "type", "reference", "claim", "document", "line", "locator", "text"],
    "actors": ["actor", "type", "mentions", "names", "role", "claim", "document", "line", "text"],
    "problems": ["severity", "kind", "document", "line", "annotation", "message"],
}


def render_csv(index: Index, view: str) -> str:
    """One table, one row per pair (claim × source, source × claim, actor × claim)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS[view])
    rows = {"claims": _csv_claims, "sources": _csv_sources, "actors": _csv_actors, "problems": _csv_problems}
    writer.writerows(rows[view](index))
    return out.getvalue()


def _csv_claims(index: Index) -> Iterator[list]:
    for r in index.claims:
        head = [r.id, r.document, r.line, r.kind, r.status, r.speaker or "", r.unnamed or "", r.channel or "", r.text]
        for ref in r.sources:
            yield head + [ref.key or ref.label, ref.status, ref.locator, ref.reference]
        if not r.sources:
            yield head + ["", NO_SOURCE, "", ""]


def _csv_sources(index: Index) -> Iterator[list]:
    for s in index.sources:
        head = [s.key, s.type, s.reference]
        for c in s.claims:
            yield head + [c.claim, c.document, c.line, c.locator, c.text]
        if not s.claims:
            yield head + ["", "", "", "", ""]


def _csv_actors(index: Index) -> Iterator[list]:
    for a in index.actors:
        head = [a.canonical, a.type or "", a.mentions, "; ".join(a.names)]
        links = [("speaker", c) for c in a.speaker_of] + [("channel", c) for c in a.channel_of]
        links += [("mentioned", c) for c in a.mentioned_in]
        for role, c in links:
            yield head + [role, c.claim, c.document, c.line, c.text]
        if not links:
            yield head + ["", "", "", "", ""]


def _csv_problems(index: Index) -> Iterator[list]:
    for p in index.problems:
        yield [p.severity, p.kind, p.document, p.line, p.annotation, p.message]


def _mentions(n: int) -> str:
    return plural(n, "mention")
