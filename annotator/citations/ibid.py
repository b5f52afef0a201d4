"""`Ibid.` wherever a note writes it: opening the note or a part of it, after a
sentence of prose (`… possible.’ Ibid., 296`), after "see" (`– see Ibid.`).
An Ibid. in a note that cited something before it refers to that citation."""

from __future__ import annotations

import re

from .model import LOCATOR, ParsedCitation, set_locator

IBID = re.compile(r"(?i)\bibid(?:em)?\b\.?")
_LOCATOR_LEAD = re.compile(r"\.?\s*[,:]?\s*")  # "ibid., 15", "Ibid.: 35"
# What may stand right before an Ibid. that a sentence or a lead-in opens.
_OPENS = re.compile(r"(?:^|[.?!’”;:(–—]|(?i:\bsee(?:\s+also)?))\s*$")
LOOK_BACK = 12  # characters: enough for "see also " and a closing quote


def ibid_at(text: str, pos: int, end: int, start: int) -> ParsedCitation:
    """The Ibid. that starts at `start` and whose word ends at `pos`, with its locator.
    A bare `Ibid.` keeps its own full stop; one with a locator ends at the locator."""
    word_end = min(pos, end)
    if text[word_end - 1] == ".":
        word_end -= 1
    cite = ParsedCitation(start=start, end=word_end, text="", authors="", ibid=True, form="ibid")
    m = _LOCATOR_LEAD.match(text, word_end, end)
    loc = LOCATOR.match(text, m.end(), end) if m and m.end() > word_end else None
    if loc:
        set_locator(cite, loc)
        cite.end = loc.end()
    elif text[word_end:word_end + 1] == ".":
        cite.end = word_end + 1
    cite.text = text[cite.start:cite.end]
    return cite


def scan(text: str, start: int, end: int) -> list[ParsedCitation]:
    """Every Ibid. in text[start:end] that opens a sentence or follows a lead-in."""
    found: list[ParsedCitation] = []
    for m in IBID.finditer(text, start, end):
        if found and m.start() < found[-1].end:
            continue
        if m.start() > start and not _OPENS.search(text[max(start, m.start() - LOOK_BACK):m.start()]):
            continue
        found.append(ibid_at(text, m.end(), end, m.start()))
    return found


def resolve_within(cites: list[ParsedCitation]) -> None:
    """An Ibid. after another citation of the same note names that citation's work
    (and its locator, when the Ibid. gives none)."""
    for prev, cite in zip(cites, cites[1:]):
        if cite.form == "authors-work" and not cite.authors:  # "the author's [blog]": the author, not the work
            cite.authors = prev.authors
        if cite.ibid and not cite.authors and prev.authors:
            cite.authors, cite.year, cite.year_suffix = prev.authors, prev.year, prev.year_suffix
            if not cite.locator:
                cite.locator, cite.locator_label = prev.locator, prev.locator_label
