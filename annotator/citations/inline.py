"""Author-date citations in running text: a parenthetical `(Crawford 2021, 14)`
and a narrative `Crawford (2021, 14)`, in a body or in a note's prose."""

from __future__ import annotations

import re

from . import pandoc
from .model import LOCATOR, YEAR, ParsedCitation, set_locator
from .names import is_name_like
from .region import author_date, parse_plain, unwrap


def find_inline(text: str, offset: int = 0) -> list[ParsedCitation]:
    """Author-date citations in body text: `(Crawford 2021, 14)`, `Crawford (2021)`;
    and pandoc citations (`[@crawford2021, 14]`, `@crawford2021`)."""
    keyed = pandoc.find(text)
    for c in keyed:
        c.start += offset
        c.end += offset
    cites: list[ParsedCitation] = []
    for m in re.finditer(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)", text):
        inner_start, inner_end = m.start(1), m.end(1)
        if not YEAR.search(text, inner_start, inner_end):
            continue
        if YEAR.match(text, inner_start):
            cites += _narrative(text, m, offset)
            continue
        found = [c for c in parse_plain(text, *unwrap(text, inner_start, inner_end)) if c.form == "author-date"]
        for c in found:
            c.start += offset
            c.end += offset
        cites += found
    if keyed:
        cites = sorted(keyed + [c for c in cites if not any(c.start < k.end and k.start < c.end for k in keyed)],
                       key=lambda c: c.start)
    return cites


def _narrative(text: str, m: re.Match, offset: int) -> list[ParsedCitation]:
    """`Crawford (2021, 14)`: the author stands before the parenthesis."""
    window = max(0, m.start() - 120)
    found = _NARRATIVE_NAME.search(text, window, m.start())
    # Words with their offsets: the name's start is read off them, never searched
    # for again ("Anna  Smith" joins to "Anna Smith", which the text does not hold).
    words = list(_WORD.finditer(text, found.start(1), found.end(1))) if found else []
    at = next((i for i in range(len(words)) if is_name_like(_joined(words[i:]))), None)
    if at is None:
        return []
    author, a_start = re.sub(r"['’]s$", "", _joined(words[at:])), words[at].start()  # "Hale's (1998)"
    before = text[window:a_start].split()
    if before and before[-1].lower() in _NOT_BEFORE_AUTHOR:
        return []  # "the invasion of Afghanistan (2001)": a place and a date, not a citation
    named = ParsedCitation(start=0, end=0, text="", authors=author)
    cites = author_date(text, m.start(1), m.end(1), [named])
    if cites:
        cites[0].start = a_start
        cites[-1].end = m.end()
        after = _AFTER_PAREN.match(text, m.end())
        if after and not cites[-1].locator:  # "Kilgarriff (2001), p. 99"
            set_locator(cites[-1], LOCATOR.match(after.group("loc")))  # type: ignore[arg-type]
            cites[-1].end = after.end()
    for c in cites:
        c.text = text[c.start:c.end]
        c.start += offset
        c.end += offset
    return cites


_AFTER_PAREN = re.compile(r",\s*(?P<loc>(?:pp?|pg)\.\s*\d+(?:\s*[–\-]\s*\d+)?)(?![\w/])")


def _joined(words: list[re.Match]) -> str:
    return " ".join(w.group() for w in words)


_WORD = re.compile(r"\S+")
_NOT_BEFORE_AUTHOR = {"of", "in", "the", "to", "from", "at", "on", "by", "into", "with", "for", "since", "until"}
# A name stays on one line: a line break before a capital is a sentence or heading
# break (as `nlp.claims.paragraphs` reads it), so "# Heading\nSmith (2019)" names Smith.
_NARRATIVE_NAME = re.compile(
    r"([A-Z][\w'’\-]+(?:[^\S\n]+(?:[A-Z][\w'’\-]+|and|&|et al\.))*)\s*$")
