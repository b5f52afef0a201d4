"""Readings of a citation that the parser's first reading leaves open: the stored
text read again (for its title, its withheld pages), a number read as part of a
name, a short note's date, and page ranges compared whatever their dashes."""

from __future__ import annotations

import re
from typing import Any

from annotator.citations.parse import parse_note
from annotator.models import CitationAnnotation

# `link.Resolver` and `link.Link`: `link` calls this module, so it does not import them back
Resolver = Any
Link = Any


def page_span(pages: str) -> tuple[str, str]:
    """`341–61` and `341--361` as one (first, last) page pair."""
    m = re.match(r"\s*(\d+)\s*[-–—‑]+\s*(\d+)", pages)
    if not m:
        return (pages.strip(), "")
    first, last = m.groups()
    return first, first[:max(0, len(first) - len(last))] + last


def retry(resolver: Resolver, c: CitationAnnotation, title: str) -> Link | None:
    """`France 24` read as author `France`, page 24 (MLA); `UNODC, Opium Survey 2021`
    read as an author-date citation when it is a short note whose title ends in a year."""
    if not c.year and re.fullmatch(r"\d+", c.locator or ""):
        retry = resolver.resolve(f"{c.authors} {c.locator}", "", "", title)
        if retry.key:
            retry.locator, retry.reason = "", retry.reason + " (number read as part of the name)"
            return retry
    if c.year and ", " in c.authors:
        author, short = c.authors.split(", ", 1)
        for year, title, why in ((c.year, short, "short note with its date"),
                                 ("", f"{short} {c.year}{c.year_suffix}", "short note: the year ends the title")):
            retry = resolver.resolve(author, year, c.year_suffix if year else "", title)
            if retry.key:
                retry.reason += f" ({why})"
                return retry
    return None


def reparse(c: CitationAnnotation) -> list:
    """The stored citation text read again for its title; in parentheses when that
    is how it was read (MLA's `(Author, Title 14)`)."""
    for text in (c.text, f"({c.text})"):
        parsed = parse_note(text, 0) if c.text else []
        if len(parsed) == 1 and parsed[0].locator == c.locator:
            return parsed
    return []
