"""The HTML page's Documents view: each source text, escaped, with its claims
highlighted. Claims may overlap (a sentence and a clause of it), so the text
is cut at every claim boundary and each piece is marked with all the claims
covering it (`data-c="c3 c4"`); the page's script lights up one claim's pieces.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterator

from .model import ClaimRow, Index


def document_sections(index: Index, ids) -> Iterator[str]:
    by_doc: dict[str, list[ClaimRow]] = defaultdict(list)
    for row in index.claims:
        by_doc[row.document].append(row)
    for n, doc in enumerate(index.documents, start=1):
        yield f'<article class="item document" id="d{n}"><h3>{html.escape(doc.name)}</h3>'
        if doc.text is None:
            yield '<p class="muted">The source text is not available (see Problems).</p></article>'
            continue
        marked = highlighted(doc.text, by_doc.get(doc.name, []), ids.for_document(doc.name))
        yield f'<div class="doctext">{marked}</div></article>'


def highlighted(text: str, claims: list[ClaimRow], ids) -> str:
    """The text escaped, with an anchor at each claim start and marks over claim spans."""
    starts: dict[int, list[str]] = defaultdict(list)
    ends: dict[int, list[str]] = defaultdict(list)
    for row in claims:
        start, end = max(0, min(row.start, len(text))), max(0, min(row.end, len(text)))
        if start < end:
            starts[start].append(row.id)
            ends[end].append(row.id)
    cuts = sorted({0, len(text), *starts, *ends})
    out: list[str] = []
    open_ids: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        open_ids = [c for c in open_ids if c not in ends.get(a, ())] + starts.get(a, [])
        out += [_anchor(ids, c) for c in starts.get(a, [])]
        out.append(_piece(text[a:b], open_ids, ids))
    return "".join(out)


def _anchor(ids, claim_id: str) -> str:
    return f'<span id="{ids.context(claim_id)}" data-claim="{ids.card(claim_id)}"></span>'


def _piece(text: str, open_ids: list[str], ids) -> str:
    if not open_ids:
        return html.escape(text)
    cards = " ".join(ids.card(c) for c in open_ids)
    return f'<mark data-c="{cards}">{html.escape(text)}</mark>'
