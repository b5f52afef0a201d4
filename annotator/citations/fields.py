"""Citations that a reference manager's field in a .docx describes.

The printed text of a Zotero, Mendeley or EndNote field ("(Crawford 2021,
14)") is parsed like any other, but its item data wins: authors, year,
title and locator come from the field, and the citation carries the item
(DOI, key) for linking. A printed citation is matched to its item by the
first author's surname, else by position; an item no printed citation
matches covers the whole field.
"""

from __future__ import annotations

from unidecode import unidecode

from annotator.models import CitedItem, FieldCitation

from .model import ParsedCitation


def fold(s: str) -> str:
    return unidecode(s).casefold()


def authors_as_cited(item: CitedItem) -> str:
    """How author-date prints the item's authors: "Crawford", "Crawford and Lutz", "Smith et al."."""
    families = [a.split(",")[0].strip() for a in item.authors if a.strip()]
    if len(families) > 2:
        return f"{families[0]} et al."
    return " and ".join(families)


def with_fields(parsed: list[ParsedCitation], fields: list[FieldCitation], text: str, lo: int, hi: int
                ) -> list[ParsedCitation]:
    """`parsed` (citations found in text[lo:hi]) with those inside a field replaced by its items."""
    inside = [f for f in fields if lo <= f.start < f.end <= hi]
    if not inside:
        return parsed
    out = [c for c in parsed if not any(_overlaps(c, f) for f in inside)]
    for f in inside:
        printed = [c for c in parsed if _overlaps(c, f)]
        used: set[int] = set()
        for i, (item, locator) in enumerate(zip(f.items, f.locators)):
            match = _printed_for(item, printed, i, len(f.items), used)
            out.append(_from_item(item, locator, match, f, text))
    return sorted(out, key=lambda c: (c.start, c.end))


def _overlaps(c: ParsedCitation, f: FieldCitation) -> bool:
    return c.start < f.end and f.start < c.end


def _printed_for(item: CitedItem, printed: list[ParsedCitation], i: int, count: int, used: set[int]
                 ) -> ParsedCitation | None:
    surname = fold(item.authors[0].split(",")[0]) if item.authors else ""
    for j, c in enumerate(printed):
        if j not in used and surname and surname in fold(c.authors) and (not c.year or c.year == item.year):
            used.add(j)
            return c
    if len(printed) == count and i not in used:
        used.add(i)
        return printed[i]
    return None


def _from_item(item: CitedItem, locator: str, match: ParsedCitation | None, f: FieldCitation, text: str
               ) -> ParsedCitation:
    start, end = (match.start, match.end) if match else (f.start, f.end)
    return ParsedCitation(
        start=start, end=end, text=text[start:end], authors=authors_as_cited(item) or (match.authors if match else ""),
        year=item.year or (match.year if match else ""), locator=locator or (match.locator if match else ""),
        prefix=match.prefix if match else "", suffix=match.suffix if match else "",
        ibid=match.ibid if match else False, title=item.title, form="field", item=item)
