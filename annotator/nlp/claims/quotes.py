"""Find quotations: straight, curly and guillemet marks, balanced or not.

One pass over the characters of each paragraph. A quote never runs past its
paragraph, so a stray mark can at worst claim the rest of one paragraph,
never the document; an unclosed quote is returned flagged so callers can
score it lower.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = set("\"“”«»„")
OPEN_CONTEXT = set(" \t\n\r([{—–-/:") | {""}
# Every character `_pair` looks at: a regex finds them without a Python step per character.
QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(DOUBLE)) + "'‘’‹›") + "]")
MAX_QUOTE = 2000  # characters; longer "quotes" are almost always a lost mark


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just past the closing mark (or the paragraph end)
    closed: bool
    double: bool

    @property
    def inner(self) -> tuple[int, int]:
        return (self.start + 1, self.end - 1 if self.closed else self.end)


DEFAULT_ROLE = {"“": "open", "„": "open", "«": "open", "”": "close", "»": "close"}


def _role(text: str, i: int) -> str | None:
    """'open', 'close' or None for the quote-like character at i."""
    ch = text[i]
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if ch in ("'", "’", "‘", "‹", "›"):
        return _single_role(ch, before, after)
    if ch == '"':
        return "open" if before in OPEN_CONTEXT or before.isspace() else "close"
    role = DEFAULT_ROLE[ch]
    # Context overrides the glyph: German „…“ and »…«, Swedish ”…”.
    if role == "open" and before and not before.isspace() and before not in OPEN_CONTEXT and not after.isalnum():
        return "close"
    if role == "close" and (before in OPEN_CONTEXT or before.isspace()) and after.isalnum():
        return "open"
    return role


def _single_role(ch: str, before: str, after: str) -> str | None:
    # An apostrophe inside a word (won’t, Russia’s) is not a quote mark.
    if before.isalnum() and after.isalnum():
        return None
    if ch in ("‘", "‹") or (ch == "'" and (before in OPEN_CONTEXT or before.isspace()) and after.isalnum()):
        return "open"
    if before and not before.isspace() and not after.isalnum():
        return "close"
    return None


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Quotes in text[start:end], paired per paragraph (a line)."""
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    pos = start
    while pos < end:
        line_end = text.find("\n", pos, end)
        line_end = end if line_end == -1 else line_end
        quotes += _pair(text, pos, line_end)
        pos = line_end + 1
    return quotes


def _pair(text: str, start: int, end: int) -> list[Quote]:
    found: list[Quote] = []
    open_at = {True: -1, False: -1}  # double / single: offset of a pending opener
    for mark in QUOTE_MARK.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        role, double = _role(text, i), ch in DOUBLE
        if role == "open" and open_at[double] < 0:
            open_at[double] = i
        elif role == "close" and open_at[double] >= 0:
            if i - open_at[double] <= MAX_QUOTE:
                found.append(Quote(open_at[double], i + 1, True, double))
            open_at[double] = -1
        elif role == "open":  # a second opener: the first one was stray
            open_at[double] = i
    pending = open_at[True]
    if pending >= 0 and end - pending <= MAX_QUOTE:
        found.append(Quote(pending, end, False, True))
    return sorted(found, key=lambda q: q.start)
