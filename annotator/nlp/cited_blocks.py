"""Text blocks around a cited clause: where a paragraph or a block
quotation begins, read from line structure alone.

A single line break inside a hard-wrapped paragraph (Markdown source, or
plain text wrapped at 80 columns) does not end the sentence: the line after
it goes on in lower case. Any other line break (a blank line, a heading,
a list item, a new paragraph of a text with one paragraph per line) does.
"""

from __future__ import annotations


def block_start(text: str, start: int, end: int) -> int:
    """The start of the line block that holds `end`, not before `start`:
    just after the last line break in [start, end) that is not a soft wrap."""
    line = text.rfind("\n", start, end)
    while line >= start and _soft_wrap(text, line):
        line = text.rfind("\n", start, line)
    return max(start, line + 1)


def _soft_wrap(text: str, newline: int) -> bool:
    before = text[text.rfind("\n", 0, newline) + 1:newline]
    after = text[newline + 1:newline + 41].lstrip(" \t")
    # A heading or table row ends at its line break whatever follows.
    block = before.strip() and not before.lstrip().startswith(("#", "|"))
    return bool(block) and after[:1].islower()
