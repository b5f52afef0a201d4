"""Pandoc citations: `[@key, p. 12]`, `[see @a; @b 33-35]`, `[-@key]`, and the
narrative `@key` (with its locator in brackets: `@key [p. 33]`), in notes and
in a body. Each item is a citation that carries its key, which links it to
its entry exactly; prose inside the brackets is its prefix and suffix."""

from __future__ import annotations

import re

from .model import LOCATOR, ParsedCitation, set_locator

# Pandoc's key: a letter, digit or `_`, then those and internal punctuation; or `{braced}`.
_KEY = r"(?:\{(?P<bkey>[^{}]+)\}|(?P<key>[\w](?:[\w:.#$%&\-+?<>~/]*[\w])?))"
_BRACKET = re.compile(r"(?<![\\\w])\[(?P<body>[^\[\]]*?-?@[^\[\]]*)\](?!\()")
_ITEM = re.compile(rf"(?P<suppress>-)?@{_KEY}")
_NARRATIVE = re.compile(rf"(?<![\w@\[\\-])@{_KEY}(?:\s+\[(?P<loc>[^\[\]@]*)\])?")
_LOCATOR_LEAD = re.compile(r"\s*,?\s*")
# After a narrative key, only a locator with its unit: "@key, chapter 4", not "@key, 2001" or "@key, and".
_LABELLED = re.compile(r",\s*(?P<loc>(?i:pp?|chapter|chap|ch|section|sec|para|figure|fig|table|part|§)\.?\s*\d)")
_LABELLED_LOC = re.compile(
    r"(?P<label>(?i:pp|p|chapter|chap|ch|section|sec|para|figure|fig|table|part|§))\.?\s*(?P<value>\d+(?:\s*[–—-]\s*\d+)?)\b")


def find(text: str, start: int = 0, end: int | None = None) -> list[ParsedCitation]:
    """Every pandoc citation in text[start:end], bracketed or narrative, in order."""
    end = len(text) if end is None else end
    cites: list[ParsedCitation] = []
    taken: list[tuple[int, int]] = []
    for m in _BRACKET.finditer(text, start, end):
        items = _items(text, m.start("body"), m.end("body"))
        if len(items) == 1 and not items[0].prefix and not items[0].suffix:
            _bracketed(text, items[0], m.start(), m.end())
        if items:
            cites += items
            taken.append(m.span())
    for m in _NARRATIVE.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in taken) or _email(text, m.start()):
            continue
        cite = _cite(text, m.start(), m.end(), m.group("bkey") or m.group("key"))
        loc_text = m.group("loc")
        if loc_text and (lm := LOCATOR.match(text, m.start("loc") + _lead(loc_text), m.end("loc"))):
            set_locator(cite, lm)
        elif lm := _LABELLED.match(text, m.end(), end):  # "@Fairchild2005, chapter 4 for …"
            loc = _LABELLED_LOC.match(text, lm.start("loc"), end)
            if loc:
                set_locator(cite, loc)
                cite.end = loc.end()
                cite.text = text[cite.start:cite.end]
        cites.append(cite)
    return sorted(cites, key=lambda c: c.start)


def _items(text: str, start: int, end: int) -> list[ParsedCitation]:
    """The `;`-separated items of a bracketed citation; none if one item has no key."""
    out: list[ParsedCitation] = []
    cut = start
    parts = []
    for i in range(start, end + 1):
        if i == end or text[i] == ";":
            parts.append((cut, i))
            cut = i + 1
    for a, b in parts:
        m = _ITEM.search(text, a, b)
        if m is None:
            return []
        cite = _cite(text, m.start(), m.end(), m.group("bkey") or m.group("key"))
        cite.prefix = text[a:m.start()].strip().rstrip(",")
        after = _LOCATOR_LEAD.match(text, m.end(), b)
        lm = LOCATOR.match(text, after.end(), b) if after else None
        if lm and lm.end() > lm.start():
            set_locator(cite, lm)
            cite.end = lm.end()
        cite.text = text[cite.start:cite.end]
        cite.suffix = text[cite.end:b].strip().lstrip(",").strip()
        out.append(cite)
    return out


def key_of(text: str) -> str:
    """The key of a stored pandoc citation's text (`@hale1998, p. 12`, `[-@hale1998]`); "" if it is none."""
    m = re.match(rf"\[?-?@{_KEY}", text)
    return (m.group("bkey") or m.group("key")) if m else ""


def _cite(text: str, start: int, end: int, key: str) -> ParsedCitation:
    cite = ParsedCitation(start=start, end=end, text=text[start:end], authors="", key=key, form="pandoc")
    if m := _NAME_YEAR.fullmatch(key):  # the key is all a reader sees of the source: read it as written
        cite.authors, cite.year, cite.year_suffix = m.group("name"), m.group("year"), m.group("suffix")
    return cite


# A key of the common "name + year" shape (`Vaupel1987a`, `R2016`, `hale_1998`): authors, year, suffix.
_NAME_YEAR = re.compile(r"(?P<name>[^\W\d_](?:[^\d]*[^\W\d_])?)[_:\-]?(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z]?)")


def _bracketed(text: str, cite: ParsedCitation, start: int, end: int) -> None:
    """A bracket that holds one key and its locator only is that citation, brackets and all (`[@Abel2014]`)."""
    cite.start, cite.end = start, end
    cite.text = text[start:end]


def _lead(s: str) -> int:
    return len(s) - len(s.lstrip())


def _email(text: str, at: int) -> bool:
    """`name@example.org` is an address, not a citation."""
    return at > 0 and not text[at - 1].isspace() and text[at - 1] not in "([;,"
