"""The prose between a note's citations, which may still cite: an `Ibid.`
after a sentence, a parenthetical `(Hale 1998, 84)` or a narrative
`Hale (1998)` in mid-sentence. What cites nothing is prefix and suffix."""

from __future__ import annotations

import re

from . import ibid, prose, urls
from .inline import find_inline
from .model import ParsedCitation
from .region import parse_plain, parse_region, unwrap, with_dots

KEPT_FORMS = ("ibid", "author-date")  # what the prose around titled works may hold anywhere


def clusters(text: str, start: int, end: int) -> list[ParsedCitation]:
    """Author-date citations in a parenthesis in mid-sentence (`… spread fast (see also
    Hale 1998, 84; cf. Lind 2001) in the north`) or after a name (`Hale (1998, 84; 2001)`);
    none when the parenthesis opens the note (`parse_plain` reads that cluster)."""
    lead = text[start:end].split("(", 1)[0]
    if not re.search(r"\w", lead) or _LEAD_IN.fullmatch(lead.strip()):
        return []
    # "(London: Hurst, 2022)" is a full note's publication data, not a cluster
    found = [c for c in find_inline(text[start:end], start) if not c.prefix.endswith(":")]
    return sorted(found + _apart(mla(text, start, end), found), key=lambda c: c.start)


_PAREN = re.compile(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
# Words that a number follows in a parenthesis that cites nothing: "(Table 2)", "(Figure 3)"
_NOT_AUTHORS = {"table", "figure", "fig.", "chapter", "ch.", "section", "sec.", "part", "book", "vol.", "no.",
                "appendix", "map", "plate", "note", "page", "p.", "pp.", "line", "verse", "art.", "article"}


def mla(text: str, start: int, end: int) -> list[ParsedCitation]:
    """MLA's author-page clusters in mid-sentence: `… surveys (Levy, War in the Modern Great
    Power System 14–20) in most cases`, `(Hale 45; Lind, “Dams”)`. A parenthesis counts when
    every part names an author with a title or a page."""
    out: list[ParsedCitation] = []
    for m in _PAREN.finditer(text, start, end):
        found = parse_plain(text, *unwrap(text, m.start(1), m.end(1)))
        if found and all(_mla_like(c) for c in found):
            out += found
    return out


def _mla_like(c: ParsedCitation) -> bool:
    return c.form == "author-page" and (bool(c.title) or bool(c.locator)) and c.authors[:1].isalpha() and \
        c.authors[:1].isupper() and c.authors.split()[0].lower() not in _NOT_AUTHORS


def _apart(cites: list[ParsedCitation], taken: list[ParsedCitation]) -> list[ParsedCitation]:
    return [c for c in cites if not any(c.start < t.end and t.start < c.end for t in taken)]


_LEAD_IN = re.compile(r"(?i)(?:see(?:\s+also)?|cf\.|compare|e\.g\.,?|for example,?|for instance,?)")


def around(text: str, start: int, end: int, found: list[ParsedCitation]) -> list[ParsedCitation]:
    """A note whose citations `found` stand in its prose: the parts between them
    are read as the note parser reads a note, keeping Ibid. and author-date
    citations, and a short note with no title marks (`Harrington, Valley and
    Emirate, 88`) that a `;` opens, as a part of a cluster."""
    cites = list(found)
    for a, b in _gaps(text, start, with_dots(text, end), found):
        region = unwrap(text, a, b)
        cites += [c for c in parse_region(text, *region) if c.form in KEPT_FORMS or _opens_part(text, start, c)]
    cites.sort(key=lambda c: c.start)
    prose.distribute(text, start, with_dots(text, end), cites)
    ibid.resolve_within(cites)
    return cites


def fill(text: str, start: int, end: int, cites: list[ParsedCitation]) -> list[ParsedCitation]:
    """`cites` with the citations found in the prose between them."""
    extra: list[ParsedCitation] = []
    for a, b in _gaps(text, start, end, cites):
        found = ibid.scan(text, a, b) + urls.find(text, a, b, whole_note=not cites) + urls.authors_links(text, a, b)
        found += _apart(find_inline(text[a:b], a), found)
        found += _apart(mla(text, a, b), found)
        extra += found
    if not extra:
        return cites
    merged = sorted(cites + extra, key=lambda c: c.start)
    prose.distribute(text, start, end, merged)
    ibid.resolve_within(merged)
    return merged


_SENTENCE_END = re.compile(r"[a-z\d)”\"’][.!?]$")


MAX_LEAD_WORDS = 6  # "See", "For the figures, see": a lead-in, not a paragraph of prose


def _opens_part(text: str, start: int, c: ParsedCitation) -> bool:
    """A citation that opens a part of the note, a sentence, or follows a short lead-in there."""
    if not c.prefix or _SENTENCE_END.search(c.prefix):
        return _part_start(text, start, c.start)
    # the prefix may hold whole sentences of prose before the lead-in: only its last one leads in
    lead = _LAST_SENTENCE.split(c.prefix)[-1].lstrip(".,;: ")  # ". *See*": the dot closed the citation before
    lead_at = text.rfind(lead, start, c.start)
    return len(lead.split()) <= MAX_LEAD_WORDS and lead_at >= 0 and _part_start(text, start, lead_at)


_LAST_SENTENCE = re.compile(r"(?<=[a-z\d)”\"’][.!?])\s+")


def _part_start(text: str, start: int, at: int) -> bool:
    """`at` opens the note, a `;`-separated part of it or a sentence."""
    before = text[start:at].rstrip()
    return not before or before.endswith(";") or bool(_SENTENCE_END.search(before))


def _gaps(text: str, start: int, end: int, cites: list[ParsedCitation]) -> list[tuple[int, int]]:
    bounds = [start] + [x for c in sorted(cites, key=lambda c: c.start) for x in (c.start, c.end)] + [end]
    return [(a, b) for a, b in zip(bounds[::2], bounds[1::2]) if b > a and text[a:b].strip()]
