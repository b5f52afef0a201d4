"""Text blocks around a cited clause: where a paragraph or a block
quotation begins, read from line structure alone.

A single line break inside a hard-wrapped paragraph (Markdown source, or
plain text wrapped at 80 columns) does not end the sentence: the line after
it goes on in lower case (after a link or emphasis mark, or in figures), or
the line before ends with a comma. Any other line break (a blank line, a
heading, a list item, a new paragraph of a text with one paragraph per
line) does.
"""

from __future__ import annotations

import re

QUOTE_LINE = re.compile(r"[ \t]{0,3}>[ \t]?")
# What opens a line without being part of its text: a list bullet or number, a heading's hashes.
LINE_LEAD = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)]|#{1,6})[ \t]+")


def block_start(text: str, start: int, end: int) -> int:
    """The start of the line block that holds `end`, not before `start`:
    just after the last line break in [start, end) that is not a soft wrap."""
    line = text.rfind("\n", start, end)
    while line >= start and _soft_wrap(text, line):
        line = text.rfind("\n", start, line)
    if line + 1 < start:
        return start
    if text.startswith("|", line + 1):  # a table cell: the text since the last "|"
        return text.rfind("|", line + 1, end) + 1
    lead = LINE_LEAD.match(text, line + 1, end)
    return lead.end() if lead else line + 1


def _soft_wrap(text: str, newline: int) -> bool:
    before = text[text.rfind("\n", 0, newline) + 1:newline].rstrip()
    # A heading or table row ends at its line break whatever follows.
    if not before or before.lstrip().startswith(("#", "|")):
        return False
    after = text[newline + 1:newline + 41].lstrip(" \t").lstrip("[*_(\"“‘")
    if after[:1].isdigit():  # "… in\n1990 the dam …", but not "… in 1990.\n1991 saw …"
        return not before.endswith((".", "!", "?", ":", '"', "”"))
    return after[:1].islower() or before.endswith(",")


def quotation_start(text: str, end: int) -> int | None:
    """Where the Markdown block quotation holding `end` begins (after its
    "> "), or None outside one: a marker closing a block quotation backs the
    whole quoted paragraph."""
    line = text.rfind("\n", 0, end) + 1
    while line > 0 and _soft_wrap(text, line - 1):
        line = text.rfind("\n", 0, line - 1) + 1  # a "lazy" line goes on the quotation above it
    if not QUOTE_LINE.match(text, line):
        return None
    while line > 0:
        before = text.rfind("\n", 0, line - 1) + 1
        mark = QUOTE_LINE.match(text, before)
        if mark is None or not text[mark.end():line - 1].strip():
            break  # a "> " line with nothing on it ends the quoted paragraph
        line = before
    mark = QUOTE_LINE.match(text, line)
    return mark.end() if mark else line


def quote_opening(text: str, start: int, stop: int, floor: int) -> int:
    """The opening quote mark, in [floor, start), of a quotation that closes
    in [start, stop); `start` when the quotations there are balanced."""
    depth = unmatched = 0
    for ch in text[start:stop]:
        if ch == "“":
            depth += 1
        elif ch == "”":
            unmatched += depth == 0
            depth = max(0, depth - 1)
    if unmatched:
        found = text.rfind("“", floor, start)
        return found if found >= 0 else start
    if text.count('"', start, stop) % 2 and text.count('"', floor, start) % 2:
        return text.rfind('"', floor, start)  # straight quotes: the odd one out opens it
    return start
