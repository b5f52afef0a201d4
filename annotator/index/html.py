"""Render an `Index` as one self-contained HTML page (inline CSS and JS, no
network): tabs per view, a search box, filters by document, kind, actor and
source, and each claim linked to its place in its document, highlighted.

Every piece of document or bibliography text goes through `esc` (or
`to_html`, which escapes before adding markup): a source holding `<script>`
shows as text. The page works without JS too, with every view shown.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from .csl import to_html
from .gc import gc_paused
from .html_docs import document_sections
from .model import VIEWS, ClaimLink, ClaimRow, Index, SourceRef
from .text import plural

TITLES = {"claims": "Claims", "sources": "Sources", "actors": "Actors", "problems": "Problems",
          "documents": "Documents"}


_SPECIAL = re.compile(r"[&<>\"']")


def esc(value: object) -> str:
    text = "" if value is None else str(value)
    # Most values need no escaping; searching is cheaper than five replaces.
    return html.escape(text, quote=True) if _SPECIAL.search(text) else text


@lru_cache(maxsize=100_000)
def _json_item(value: str) -> str:
    return esc(json.dumps(value, ensure_ascii=False))


def _data(values: Iterable[str]) -> str:
    """A JSON list in an attribute (escaped), read by the page's filter script."""
    return "[" + ",".join(_json_item(v) for v in sorted(set(values))) + "]"


def render_html(index: Index, views: Iterable[str] = VIEWS) -> str:
    with gc_paused():  # many small strings, no cycles: collections would only re-scan the index
        return _render(index, [v for v in VIEWS if v in views])


def _render(index: Index, views: list[str]) -> str:
    tabs = views + (["documents"] if "claims" in views else [])
    ids = ClaimIds(index)
    sections = {"claims": _claims, "sources": _sources, "actors": _actors, "problems": _problems}
    body = [_header(index, tabs), '<main><div class="wrap">']
    for view in views:
        body += [f'<section class="view" id="{view}"><h2>{TITLES[view]}</h2>', *sections[view](index, ids),
                 "</section>"]
    if "documents" in tabs:
        body += ['<section class="view" id="documents"><h2>Documents</h2>', *document_sections(index, ids),
                 "</section>"]
    body.append("</div></main>")
    template = (resources.files("annotator") / "data" / "index_template.html").read_text(encoding="utf-8")
    return template.replace("<!--@BODY@-->", "\n".join(body))


class ClaimIds:
    """Short element ids (`c12`), so no document text ever lands in an id."""

    def __init__(self, index: Index):
        # Keyed by document too: ids are unique within an annotation file only.
        self.number = {(row.document, row.id): i for i, row in enumerate(index.claims, start=1)}

    def card(self, document: str, claim_id: str) -> str:
        return f"c{self.number.get((document, claim_id), 0)}"

    def context(self, document: str, claim_id: str) -> str:
        return f"x{self.number.get((document, claim_id), 0)}"

    def for_document(self, document: str) -> DocIds:
        return DocIds(self, document)


class DocIds:
    """`ClaimIds` for one document, for code that only knows claim ids."""

    def __init__(self, ids: ClaimIds, document: str):
        self.ids, self.document = ids, document

    def card(self, claim_id: str) -> str:
        return self.ids.card(self.document, claim_id)

    def context(self, claim_id: str) -> str:
        return self.ids.context(self.document, claim_id)


def _header(index: Index, tabs: list[str]) -> str:
    sizes = {"claims": len(index.claims), "sources": len(index.sources), "actors": len(index.actors),
             "problems": len(index.problems), "documents": len(index.documents)}
    nav = "".join(f'<a href="#{t}" data-view="{t}">{TITLES[t]}<span class="n">{sizes[t]}</span></a>' for t in tabs)
    which = "accepted, edited and proposed" if index.include_proposed else "accepted and edited"
    unnamed = sum(1 for r in index.claims if r.unnamed)
    claims = plural(len(index.claims), "claim") + (f", {unnamed} from unnamed sources" if unnamed else "")
    summary = (f"{plural(len(index.documents), 'document')} · {claims} ({which}) · "
               f"{plural(len(index.sources), 'source')}, {len(index.uncited())} uncited · "
               f"references in {esc(index.style)}")
    return (f'<header><div class="wrap"><h1>Claim-to-source index</h1><p class="summary">{summary}</p>'
            f'<div class="filters">{_filters(index)}</div><nav>{nav}</nav></div></header>')


def _filters(index: Index) -> str:
    actors = sorted({a for r in index.claims for a in (r.speaker, r.channel, *r.actors) if a})
    keys = sorted({s.key for r in index.claims for s in r.sources if s.key})
    return "".join([
        '<input type="search" id="q" placeholder="Search text, sources, actors…" aria-label="Search">',
        _select("doc", "All documents", [d.name for d in index.documents]),
        _select("kind", "All kinds", sorted({r.kind for r in index.claims})),
        _select("actor", "All actors", actors),
        _select("source", "All sources", keys),
        '<span class="count" id="count" aria-live="polite"></span>',
    ])


def _select(name: str, label: str, values: list[str]) -> str:
    options = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
    return (f'<select class="claims-only" data-filter="{name}" aria-label="{label}">'
            f'<option value="">{label}</option>{options}</select>')


def _claims(index: Index, ids: ClaimIds) -> Iterator[str]:
    marked = index.marked_references()
    for row in index.claims:
        yield _claim_card(row, marked, ids)
    if not index.claims:
        yield '<p class="muted">No claims.</p>'


def _claim_card(row: ClaimRow, marked: dict[str, str], ids: ClaimIds) -> str:
    actors = [a for a in (row.speaker, row.channel, *row.actors) if a]
    attrs = (f'data-doc="{_data([row.document])}" data-kind="{_data([row.kind])}" '
             f'data-actor="{_data(actors)}" data-source="{_data(s.key for s in row.sources if s.key)}"')
    refs = "".join(_source_li(s, marked) for s in row.sources) or '<li class="none">no source</li>'
    return (f'<article class="item claim" id="{ids.card(row.document, row.id)}" {attrs}>'
            f'<div class="meta">{_claim_meta(row, ids)}</div>'
            f'<blockquote><span class="ctx">{esc(row.before.lstrip())}</span><mark>{esc(row.text)}</mark>'
            f'<span class="ctx">{esc(row.after.rstrip())}</span></blockquote>'
            f'<ul class="refs">{refs}</ul></article>')


def _claim_meta(row: ClaimRow, ids: ClaimIds) -> str:
    place = f"{row.document}:{row.line}" if row.line is not None else row.document
    parts = [f'<span class="badge k-{esc(row.kind)}">{esc(row.kind)}</span>',
             f'<a class="jump" href="#{ids.context(row.document, row.id)}" title="Show in context">{esc(place)}</a>']
    if row.status in ("proposed", "changed"):  # changed: decided once, on words no longer there
        parts.append(f'<span class="badge s-proposed">{esc(row.status)}</span>')
    for label, value in (("speaker", row.speaker), ("unnamed source", row.unnamed), ("via", row.channel),
                         ("cue", row.cue), ("", row.mode)):
        if value:
            parts.append(f"<span>{label + ' ' if label else ''}<b>{esc(value)}</b></span>")
    if row.footnotes:
        parts.append(f"<span>note {esc(', '.join(row.footnotes))}</span>")
    return "".join(parts)


def _source_li(ref: SourceRef, marked: dict[str, str]) -> str:
    where = f", {esc(ref.locator)}" if ref.locator else ""
    if ref.status != "resolved":
        return f'<li class="none">{esc(ref.status)}: {esc(ref.key or ref.label)}{where}</li>'
    return f"<li><code>{esc(ref.key)}</code>{where} — {to_html(marked.get(ref.key or '', ''))}</li>"


def _link_li(c: ClaimLink, ids: ClaimIds, label: str = "") -> str:
    place = f"{c.document}:{c.line}" if c.line is not None else c.document
    where = f" <span class=\"muted\">({esc(c.locator)})</span>" if c.locator else ""
    return (f'<li>{esc(label)}<a class="jump" href="#{ids.card(c.document, c.claim)}">{esc(place)}</a>{where} '
            f"“{esc(c.text)}”</li>")


def _sources(index: Index, ids: ClaimIds) -> Iterator[str]:
    for src in index.sources:
        links = "".join(_link_li(c, ids) for c in src.claims) or '<li class="muted">cited by no claim</li>'
        yield (f'<article class="item source"><h3><code>{esc(src.key)}</code> '
               f'<span class="muted">{esc(src.type)}</span></h3><p class="ref">{to_html(src.marked)}</p>'
               f'<ul class="refs">{links}</ul></article>')
    if not index.sources:
        yield '<p class="muted">No bibliography entries in bib/.</p>'


def _actors(index: Index, ids: ClaimIds) -> Iterator[str]:
    for a in index.actors:
        links = [_link_li(c, ids, "says: ") for c in a.speaker_of] + [_link_li(c, ids, "via: ") for c in a.channel_of]
        links += [_link_li(c, ids, "mentioned: ") for c in a.mentioned_in]
        mentions = plural(a.mentions, "mention")
        yield (f'<article class="item actor"><h3>{esc(a.canonical)} <span class="muted">{esc(a.type or "")} · '
               f'{mentions}</span></h3><div class="meta">{esc(", ".join(a.names))}</div>'
               f'<ul class="refs">{"".join(links)}</ul></article>')


def _problems(index: Index, ids: ClaimIds) -> Iterator[str]:
    if not index.problems:
        yield '<p class="muted">No problems.</p>'
        return
    yield "<table><thead><tr><th>severity</th><th>kind</th><th>where</th><th>what</th></tr></thead><tbody>"
    for p in index.problems:
        where = esc(f"{p.document}:{p.line}" if p.line is not None else p.document)
        if (p.document, p.annotation) in ids.number:  # a problem of an indexed claim: link to its card
            where = f'<a class="jump" href="#{ids.card(p.document, p.annotation)}">{where}</a>'
        yield (f'<tr><td class="sev-{esc(p.severity)}">{esc(p.severity)}</td><td>{esc(p.kind)}</td>'
               f"<td>{where}</td><td>{esc(p.message)}</td></tr>")
    yield "</tbody></table>"
