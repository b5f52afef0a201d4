"""Markdown footnotes: `text[^label]` and a definition `[^label]: note text`,
whose continuation lines are indented (as in Pandoc and CommonMark extensions)
or follow its paragraph lazily, with no blank line between."""

from __future__ import annotations

import re
from bisect import bisect_right

from annotator.models import Document, Marker, Note

from .pairing import Wording, check_pairs

# `\[^.\]` (escaped brackets, as a regular expression in prose) is no marker.
MARKER = re.compile(r"(?<!\\)\[\^([^\]\s\\]+)\](?!:)")
DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*", re.MULTILINE)


# Lines that open a new block and so end a paragraph (CommonMark): no lazy continuation.
BLOCK_START = re.compile(r"[ ]{0,3}(?:#{1,6}\s|>|```|~~~|[-*_](?:\s*[-*_]){2,}\s*$|[-+*]\s|1[.)]\s|\||<)")


def _definition_end(text: str, start: int) -> int:
    """A definition runs on over indented lines (and blank lines before them) and
    over lazy lines: non-blank lines right after a line of its paragraph."""
    pos = text.find("\n", start)
    if pos == -1:
        return len(text)
    end = pos
    in_paragraph = True
    while pos < len(text):
        nxt = text.find("\n", pos + 1)
        line_end = nxt if nxt != -1 else len(text)
        line = text[pos + 1 : line_end]
        if not line.strip():
            in_paragraph = False
        elif line.startswith(("    ", "\t")) or (in_paragraph and not DEFINITION.match(line)
                                                  and not BLOCK_START.match(line)):
            end, in_paragraph = line_end, True
        else:
            break
        if nxt == -1:
            break
        pos = nxt
    return end


def parse(doc: Document) -> None:
    text = doc.text
    for m in DEFINITION.finditer(text):
        end = _definition_end(text, m.end())
        content = text[m.end() : end]
        t_start = m.end() + (len(content) - len(content.lstrip()))
        t_end = t_start + len(content.strip())
        doc.notes.append(Note(label=m.group(1), start=m.start(), end=end,
                              text_start=t_start, text_end=t_end, text=text[t_start:t_end]))
        doc.masked.append((m.start(), end))
    # Definitions come in order and do not overlap: bisect, not a scan of every note per marker.
    starts = [n.start for n in doc.notes]
    # Labels match case-insensitively (CommonMark): `[^Note]` calls `[^note]:`.
    labels = {n.label.casefold(): n.label for n in reversed(doc.notes)}
    for m in MARKER.finditer(text):
        at = bisect_right(starts, m.start()) - 1
        if at < 0 or m.start() >= doc.notes[at].end:
            label = labels.get(m.group(1).casefold(), m.group(1))
            doc.markers.append(Marker(label=label, start=m.start(), end=m.end()))
            doc.masked.append(m.span())
    check_pairs(doc, Wording(note="[^{label}]:", note_noun="definition"))
