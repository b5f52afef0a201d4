"""A note's text (or a part of it) read as the note forms are written:
`;`-separated parts, each an Ibid., a reference entry, author-date citations,
or a note-bibliography / MLA form (`notes`). Prose around a citation is its
prefix and suffix. The entry point `parse.parse_note` adds the works cited by
title anywhere (`works`) and what the prose between citations holds (`gaps`).
"""

from __future__ import annotations

import re

from . import notes, refs
from .ibid import IBID, ibid_at
from .model import LOCATOR, YEAR, ParsedCitation, set_locator
from .names import split_prefix

# What may follow a citation's year: an end, a locator; not a subtitle colon ("Survey 2021: Cultivation").
_AFTER_YEAR = re.compile(r"\s*(?:$|[.;,)\]]|:\s*\d)|\s+(?:pp?|pg)\.\s*\d")  # "(Hong 2011 pp. 90–99)"
_LOCATOR_LEAD = re.compile(r"\s*[,:]\s*|\s+(?=(?:pp?|pg)\.\s*\d)")
_WORDY = re.compile(r"[^\s,.]")


def parse_plain(text: str, start: int, end: int) -> list[ParsedCitation]:
    """The citations of text[start:end] (already unwrapped) by the note forms, with the
    lead-in of a parenthesised cluster (`See (X 2021; Y 2020).`) as its prefix."""
    group = _paren_group(text, start, end)
    cites = parse_region(text, *group, in_parens=True) if group else []
    if group and cites:
        lead, tail = text[start:group[0] - 1].strip(), tidy(text[group[1] + 1:with_dots(text, end)])
        cites[0].prefix = " ".join(p for p in (lead, cites[0].prefix) if p)
        # "(Nurmatov & Lee, 2020, p. 9); Иванов 2022, 5.": the cluster goes on after the parenthesis
        more = re.compile(r"\)\s*;\s*").match(text, group[1], end)
        rest = parse_region(text, *unwrap(text, more.end(), end)) if more else []
        if rest:
            return cites + rest
        cites[-1].suffix = " ".join(p for p in (cites[-1].suffix, tail) if p)
        return cites
    return parse_region(text, start, end, in_parens=text[start - 1:start] == "(")


_LEAD_IN = re.compile(r"(?i)(?:^|\b(?:see(?:\s+also)?|cf\.|compare|e\.g\.,?|for example,?|for instance,?))\s*$")


def _paren_group(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`See (X 2021; Y 2020). Remark.`: the inside of a parenthesised cluster that
    opens the note or follows a lead-in such as "see"."""
    open_at = text.find("(", start, end)
    if open_at < 0 or not _LEAD_IN.search(text[start:open_at]):
        return None
    close = _closes_at(text, open_at, min(end + 1, len(text)))
    if close < 0:
        return None
    return open_at + 1, close


def parse_region(text: str, start: int, end: int, in_parens: bool = False) -> list[ParsedCitation]:
    cites: list[ParsedCitation] = []
    leftover: list[tuple[int, int]] = []  # parts that cite nothing: commentary
    for seg_start, seg_end in _segments(text, start, end):
        found = _parse_segment(text, seg_start, seg_end, cites, in_parens)
        if not found:
            leftover.append((seg_start, seg_end))
            continue
        if leftover and not cites:
            found[0].prefix = _join(text, leftover, found[0].prefix)
        elif leftover:
            cites[-1].suffix = _join(text, leftover, cites[-1].suffix, before=False)
        leftover = []
        cites.extend(found)
    if leftover and cites:
        cites[-1].suffix = _join(text, leftover, cites[-1].suffix, before=False)
    return cites


def _join(text: str, parts: list[tuple[int, int]], own: str, before: bool = True) -> str:
    prose = "; ".join(text[a:b].strip() for a, b in parts if text[a:b].strip())
    pieces = [prose, own] if before else [own, prose]
    return "; ".join(p for p in pieces if p)


def unwrap(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace and the parentheses that in-text styles put round a note."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or _closing_dot(text, start, end)):
        end -= 1
    if start < end and text[start] == "(" and text[end - 1] == ")" and _closes_at(text, start, end) == end - 1:
        return start + 1, end - 1
    return start, end


def _closing_dot(text: str, start: int, end: int) -> bool:
    """A full stop ends the note, unless it ends an abbreviation (`et al.`, `n.d.`)."""
    # Only the last few characters can match (and the lookbehinds still see before
    # them): searching from `start` made a run of dots quadratic.
    return text[end - 1] == "." and not _ABBREV.search(text, max(start, end - 1 - _ABBREV_LONGEST), end - 1)


_ABBREV = re.compile(r"(?:\bal|\bn\.d|\beds?|(?<![\w.])[A-Z])$")
_ABBREV_LONGEST = 3  # "n.d", "eds"


def _closes_at(text: str, open_at: int, end: int) -> int:
    """Where the parenthesis at `open_at` closes before `end`; -1 if it does not."""
    depth = 0
    for i in range(open_at, end):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return -1


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`;`-separated parts at parenthesis depth 0."""
    parts, depth, cut = [], 0, start
    for i in range(start, end):
        ch = text[i]
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        if ch == ";" and depth <= 0:
            parts.append((cut, i))
            cut = i + 1
    parts.append((cut, end))
    return [unwrap(text, a, b) for a, b in parts if text[a:b].strip()]


def _parse_segment(text: str, start: int, end: int, before: list[ParsedCitation],
                   in_parens: bool = False) -> list[ParsedCitation]:
    ibid = IBID.match(text, start)
    if ibid:
        return [ibid_at(text, ibid.end(), end, start)]
    ref = refs.reference(text, start, end)
    if ref is not None:
        return [ref]
    found = author_date(text, start, end, before)
    return found or notes.parse(text, start, end, in_parens)


def tidy(prose: str) -> str:
    """Prose after a citation, without the punctuation that closed the citation."""
    prose = prose.strip()
    prose = re.sub(r"^[.,;:)\]]+\s*", "", prose)
    return prose if re.search(r"\w", prose) else ""


def author_date(text: str, start: int, end: int, before: list[ParsedCitation]) -> list[ParsedCitation]:
    found: list[ParsedCitation] = []
    cursor = start
    for m in YEAR.finditer(text, start, end):
        if m.start() < cursor or not _AFTER_YEAR.match(text, m.end(), end):
            continue
        cite = _citation_at(text, cursor, m, end, found or before, fresh=not found)
        if cite is None:
            continue
        if found and cite.prefix and cursor < cite.start:
            _move_prose(text, cursor, cite, found[-1])
        found.append(cite)
        cursor = cite.end
    if found:
        found[-1].suffix = tidy(text[cursor:with_dots(text, end)])
    return found


def with_dots(text: str, end: int) -> int:
    """Give back the closing dots `_unwrap` took, so a closing remark keeps its full stop."""
    while end < len(text) and text[end] == ".":
        end += 1
    return end


def _move_prose(text: str, cursor: int, cite: ParsedCitation, prev: ParsedCitation) -> None:
    """Between two citations, whole sentences belong to the first, the lead-in to the second."""
    gap = tidy(text[cursor:cite.start])
    lead = cite.prefix
    if gap.endswith(lead) and gap != lead:
        prev.suffix = tidy(gap[: -len(lead)])


def _citation_at(text: str, cursor: int, m: re.Match, end: int, prev: list[ParsedCitation],
                 fresh: bool) -> ParsedCitation | None:
    # Counted and searched in place: the region grows while no citation is found, and
    # copying or rewriting it for every year made a note of many years quadratic.
    if text.count("(", cursor, m.start()) > text.count(")", cursor, m.start()):
        return None  # a year inside a parenthesis: publication data of a note-style citation
    year, suffix = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), "")
    if not _WORDY.search(text, cursor, m.start()):
        if not prev:
            return None
        authors, a_start, prefix = prev[-1].authors, m.start(), ""
    else:
        region = text[cursor:m.start()]
        split = split_prefix(region.rstrip().rstrip(","))
        if split is None:
            return None
        lead, authors = split
        if _has_title(authors):
            return None
        a_start = cursor + region.index(authors, len(lead))
        prefix = lead.strip().rstrip(",").rstrip() if fresh or lead.strip() else ""
    cite = ParsedCitation(start=a_start, end=m.end(), text="", authors=authors, year=year,
                          year_suffix=suffix, prefix=prefix)
    # "2021, 14" (Chicago, APA) or "2021: 14" (Harvard)
    loc = _LOCATOR_LEAD.match(text, m.end(), end)
    if loc and not YEAR.match(text, loc.end()):
        lm = LOCATOR.match(text, loc.end(), end)
        if lm:
            set_locator(cite, lm)
            cite.end = lm.end()
    cite.text = text[cite.start:cite.end]
    return cite


def _has_title(authors: str) -> bool:
    """`Mearsheimer, Tragedy of Great Power Politics`: a part of four words or more after a
    comma is a title (a short note), not one more name of an author list."""
    parts = re.split(r",\s+(?:and\s+|&\s+)?", authors)
    return len(parts) > 1 and any(len(p.split()) > 3 for p in parts[1:])
