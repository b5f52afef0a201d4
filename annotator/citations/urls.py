"""Web sources given by their address alone: `See <https://…>` after prose,
and a note that is a short title sentence and its address (`Documentation
for TfidfVectorizer. <https://…>`). The address is the citation; no author."""

from __future__ import annotations

import re

from .model import ParsedCitation

_URL = r"(?:<https?://[^<>\s]+>|https?://[^\s<>]*[^\s<>.,;)])"
_SEE_URL = re.compile(rf"(?i)(?<!\w)see(?:\s+also)?:?\s+(?P<url>{_URL})")
# "Title words. <url>": the whole note; a title of a few words, no sentence of prose
_TITLE_URL = re.compile(rf"(?P<title>[A-Z][^.<>\n]{{0,80}}?)\.\s+(?P<url>{_URL})\.?\s*$")
MAX_TITLE_WORDS = 8


# "Also see the author's [blog](url)": a work of the author the note just cited
_AUTHORS_LINK = re.compile(r"(?i)(?<!\w)(?:the|that|this)\s+author['’]s\s+\[[^\[\]]+\]\([^()\s]*\)")


def authors_links(text: str, start: int, end: int) -> list[ParsedCitation]:
    """`the author's [blog](…)`: its authors are those of the citation before it (`ibid.resolve_within`)."""
    return [ParsedCitation(start=m.start(), end=m.end(), text=m.group(), authors="", form="authors-work")
            for m in _AUTHORS_LINK.finditer(text, start, end)]


# "See [Wikipedia](…)": a source named by a link after "see" (not "[documentation](…)")
_SEE_LINK = re.compile(r"(?i:(?<!\w)see(?:\s+also)?:?)\s+(?P<link>\[(?P<name>[A-Z][^\[\]“\"]{0,60})\]\(\s*[^()\s]*\))")


def find(text: str, start: int, end: int, whole_note: bool) -> list[ParsedCitation]:
    """Addresses given as sources in text[start:end]; `whole_note`: the stretch is
    all of a note that cites nothing else."""
    if whole_note and (m := _TITLE_URL.fullmatch(text, start, end)) and \
            len(m.group("title").split()) <= MAX_TITLE_WORDS:
        return [_cite(text, start, m.end("url"))]
    found = [_cite(text, m.start("url"), m.end("url")) for m in _SEE_URL.finditer(text, start, end)]
    for m in _SEE_LINK.finditer(text, start, end):
        cite = _cite(text, m.start("link"), m.end("link"))
        cite.authors = m.group("name").strip()
        found.append(cite)
    return sorted(found, key=lambda c: c.start)


def _cite(text: str, start: int, end: int) -> ParsedCitation:
    return ParsedCitation(start=start, end=end, text=text[start:end], authors="", form="web")


def linked_titles(text: str, start: int, cites: list[ParsedCitation]) -> bool:
    """`[Title](url) (Hale et al., 1990)`: an author-date parenthesis right after a
    link names the linked work, and the citation is the link and the parenthesis.
    True when a citation grew (its prose must be shared out again)."""
    grown = False
    for c in cites:
        if c.form != "author-date" or c.start <= start or text[c.start - 1] != "(" or text[c.end:c.end + 1] != ")":
            continue
        close = c.start - 1
        while close > start and text[close - 1].isspace():
            close -= 1
        link = _link_before(text, start, close)
        if link is not None:
            c.start, c.end = link, c.end + 1
            c.text = text[c.start:c.end]
            grown = True
    return grown


def _link_before(text: str, start: int, close: int) -> int | None:
    """Where the Markdown link `[…](…)` that ends at `close` opens, if one does."""
    if close <= start or text[close - 1] != ")":
        return None
    at = _opening(text, start, close - 1, "(", ")")
    if at is None or at <= start or text[at - 1] != "]":
        return None
    return _opening(text, start, at - 1, "[", "]")


def _opening(text: str, start: int, closing: int, open_: str, close: str) -> int | None:
    """The bracket `open_` that matches the `close` at `closing`, scanning back."""
    depth = 0
    for i in range(closing, start - 1, -1):
        depth += (text[i] == close) - (text[i] == open_)
        if depth == 0:
            return i
    return None
