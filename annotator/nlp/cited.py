"""Cited claims: the clause each footnote marker (or inline citation) supports.

The clause ends just before the marker, without its final punctuation,
closing quote marks or space, and starts at the latest of: the sentence
start, the start of its block (a paragraph, which a hard-wrapped line does
not end; a list item, heading or table cell, without their markup), the
previous marker in the sentence (two markers, two clauses), or a colon or
semicolon (a list item; its leading "and" is dropped). A list item without
a verb, or a question, does not stand alone: a marker alone in its sentence
then backs the whole sentence. A marker closing a block quotation backs the
quoted paragraph, and one closing a quotation that opened in an earlier
sentence backs the text from that sentence on. Markers with nothing but
space or punctuation between them share one clause; a marker on an image,
an include or the first word of a sentence backs none.

Works on the body text (markers blanked to spaces) and on raw text (markers
still in place), with or without a parse: without sentence boundaries a
sentence starts after ". ", "? " or "! " before a capital.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .cited_blocks import block_start, quotation_start, quote_opening
from .doc_scan import doc_text

TRAILING = " \t\r\n\u00a0.,;:"
# Left out at the clause's end too: its final ?/! and closing double quotes ("called it “baroque.”[1]").
CLOSING = TRAILING + "?!”\""
# Closing marks a parse can put at the head of the next sentence ("… copyright.*" While there …).
STRAY_CLOSERS = re.compile(r"[*_\"”’)\]]+\s+")
LIST_BREAKS = (";", ":")
LEADING_CONJ = re.compile(r"(?:and|or|but also)\s+", re.IGNORECASE)
# What a marker looks like when it has not been blanked: [footnoteRef:1], [^1], (Crawford 2021, 14).
MARKER_TEXT = re.compile(r"\s*(?:\[[^\[\]\n]{1,40}\]|\([^()\n]{0,120}\d{4}[^()\n]{0,40}\))")
HTML_TAG = re.compile(r"<[A-Za-z][^<>\n]{0,80}>")
EMPHASIS = re.compile(r"[*_]{1,3}(?=\S)")
# The end of a sentence: final punctuation, then closing marks or markers not yet blanked.
ENDS_SENTENCE = re.compile(r"[.!?…][\"”’)\]*_]*(?:\[[^\[\]\n]{1,40}\])*\s*$")
# A sentence or paragraph end between two clauses (a marker may sit after the full stop).
PARTS_SENTENCES = re.compile(r"[.!?][\"”’)\]]*(?:\[[^\[\]\n]{1,40}\])*(?:\s|$)|\n[ \t]*\n")
SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[*_@]{0,2}[A-Z0-9])")

# A Markdown image, a Liquid/Jinja include or Hugo shortcode standing alone before a marker.
FIGURE = re.compile(r"!\[[^\]]*\]\([^)]*\)|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)

Clause = tuple[int, int, list[str]]


def cited_clauses(doc: Doc, markers: list[tuple[str, int]], text: str | None = None) -> list[Clause]:
    """(start_char, end_char, [labels]) for each group of adjacent markers;
    `text`: doc.text, if the caller has it."""
    if not markers:
        return []
    text = doc_text(doc) if text is None else text
    clauses: list[Clause] = []
    prev_marker = -1
    # An offset outside the text (a stale marker list) is clamped, not trusted.
    inside = sorted(((label, min(max(offset, 0), len(text))) for label, offset in markers), key=lambda m: m[1])
    groups = _groups(text, inside)
    ends = [_clause_end(text, first) for _, first, _ in groups]
    for i, ((labels, _, last), end) in enumerate(zip(groups, ends)):
        followed = i + 1 < len(groups) and not PARTS_SENTENCES.search(text, end, ends[i + 1])
        start = _clause_start(doc, text, end, prev_marker, last, followed)
        prev_marker = last
        if FIGURE.fullmatch(text, start, end) or _on_a_term(text, start, end, last):
            continue  # a note on an image, an include or a term backs no clause
        clauses.append((start, max(start, _single_quote_end(text, start, end)), labels))
    return clauses


def _on_a_term(text: str, start: int, end: int, marker: int) -> bool:
    """A marker on the first word of a sentence that goes on after it
    ("@Vaupel1987a[1] plotted …", "*Small-multiples*[2] are …") notes the
    word, a citation key or a term, not a clause."""
    if start >= end or any(ch.isspace() for ch in text[start:end]):
        return False
    before = text[max(0, start - 80):start].rstrip(" \t")
    if before and not before.endswith("\n") and not ENDS_SENTENCE.search(before):
        return False  # a one-word list item ("commercial,[6] transformative,[7] or …")
    after = _after_marker(text, marker)
    while after < len(text) and text[after] == " ":
        after += 1
    return after < len(text) and (text[after].isalpha() or text[after] == "(")


def _groups(text: str, markers: list[tuple[str, int]]) -> list[tuple[list[str], int, int]]:
    """Markers with only space, punctuation or another marker between them."""
    groups: list[tuple[list[str], int, int]] = []
    for label, offset in markers:
        if groups and _adjacent(text, groups[-1][2], offset):
            labels, first, _ = groups[-1]
            groups[-1] = (labels + [label], first, offset)
        else:
            groups.append(([label], offset, offset))
    return groups


def _adjacent(text: str, prev: int, offset: int) -> bool:
    between = text[prev:offset]
    skip = MARKER_TEXT.match(between)
    rest = between[skip.end():] if skip else between
    return not rest.strip(TRAILING)


def _clause_end(text: str, offset: int) -> int:
    end = offset
    while end > 0 and text[end - 1] in CLOSING:
        end -= 1
    return end


def _single_quote_end(text: str, start: int, end: int) -> int:
    """A closing ’ is left out like a closing ”, when the clause opened a ‘
    (alone, ’ is as often an apostrophe: "the students’")."""
    if end > start and text[end - 1] == "’" and "‘" in text[start:end]:
        return _clause_end(text, end - 1)
    return end


def _after_marker(text: str, prev: int) -> int:
    """First character after the previous marker (blanked or not)."""
    if text[prev:prev + 1] in ("[", "("):
        hit = MARKER_TEXT.match(text, prev)
        if hit:
            return hit.end()
    while prev < len(text) and text[prev] == " ":
        prev += 1  # a blanked marker is a run of spaces
    return prev


def _clause_start(doc: Doc, text: str, end: int, prev_marker: int, marker: int, followed: bool) -> int:
    """`followed`: another marker comes later in the sentence."""
    start, breaks_end = _opening(doc, text, end, marker)
    list_item = False
    if prev_marker >= start:
        start, list_item = _after_marker(text, prev_marker), True
    continues = _list_continues(text, marker)
    alone = not (list_item or continues or followed)
    brk = _list_break(doc, text, start, min(end, breaks_end), end, alone)
    if brk >= 0:
        start, list_item = brk + 1, True
        if continues:
            # "…: 20 years, more than 2 trillion USD spent,[1] and more than …":
            # an item of a comma list ends here, so it starts at the last comma.
            start = max(start, _break_at(text, start, end, ",") + 1)
    return _skip_lead(text, start, end, list_item)


def _opening(doc: Doc, text: str, end: int, marker: int) -> tuple[int, int]:
    """Where the clause may start at the earliest, and where list breaks stop
    counting: a block quotation is claimed whole, and a quotation that closes
    in the sentence takes the clause back to the sentence it opens in."""
    quoted = quotation_start(text, end)
    if quoted is not None:
        return quoted, quoted
    floor = block_start(text, 0, end)
    start = max(floor, _sentence_start(doc, text, end))
    stray = STRAY_CLOSERS.match(text, start, end)
    start = stray.end() if stray else start
    opener = quote_opening(text, start, marker, floor)
    if opener < start:
        return max(floor, _sentence_start(doc, text, opener + 1)), opener
    return start, end


def _list_continues(text: str, marker: int) -> bool:
    """Whether "and"/"or" follows the marker: another list item comes."""
    pos = _after_marker(text, marker)
    while pos < len(text) and (text[pos].isspace() or text[pos] in ",;"):
        pos += 1
    return LEADING_CONJ.match(text, pos) is not None


def _list_break(doc: Doc, text: str, start: int, stop: int, end: int, alone: bool) -> int:
    """The last colon or semicolon in [start, stop) that starts the clause.
    A marker alone in its sentence backs the item after a break only if that
    item says something (has a verb): after "options: X; Y; or Z.[1]" or
    "like the psalmist: Ps 19:8; Ps 119:14.[1]" it backs the whole sentence.
    So it does after "raised the question: where did it come from?[1]": a
    question asserts nothing on its own."""
    brk = max(_break_at(text, start, stop, ch) for ch in LIST_BREAKS)
    if alone and text.startswith("?", end) and text[end + 1:end + 2] not in "\"”’":
        return -1  # (a quoted question ends a statement: asks "what would replace it?")
    if not alone or not doc.has_annotation("POS"):
        return brk
    while brk >= 0 and not _has_verb(doc, brk + 1, end):
        brk = max(_break_at(text, start, brk, ch) for ch in LIST_BREAKS)
    return brk


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or any(t.pos_ in ("VERB", "AUX") for t in span)


def _break_at(text: str, start: int, end: int, ch: str) -> int:
    """Last list break in [start, end) followed by space, outside brackets."""
    depth = 0
    for i in range(end - 1, start - 1, -1):
        c = text[i]
        depth += c in ")]"
        depth -= c in "(["
        if c == ch and depth <= 0 and i + 1 < end and text[i + 1].isspace():
            return i
    return -1


def _skip_lead(text: str, start: int, end: int, list_item: bool) -> int:
    while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
        start += 1
    if list_item:
        conj = LEADING_CONJ.match(text, start, end)
        start = conj.end() if conj else start
    stray = STRAY_CLOSERS.match(text, start, end) or HTML_TAG.match(text, start, end)  # "heat.[1]_ They", "<p>"
    start = stray.end() if stray else start
    emphasis = EMPHASIS.match(text, start, end)
    if emphasis and emphasis.group() not in text[emphasis.end():end]:
        start = emphasis.end()  # "_All of it is claimed.[1]_": it closes after the marker
    return start


def _sentence_start(doc: Doc, text: str, end: int) -> int:
    if end <= 0:
        return 0
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        span = doc.char_span(end - 1, end, alignment_mode="expand")
        if span is not None and len(span):
            return _parsed_start(doc, text, span[0].sent)
    last = 0
    for m in SENTENCE_END.finditer(text, max(0, end - 3000), end):
        last = m.end()
    return last


def _parsed_start(doc: Doc, text: str, sent: Span) -> int:
    """The parse's sentence start, unless the text before it ends no sentence:
    the model splits at a colon or after "(DoD)" now and then, and the clause
    then goes back to the previous sentence's start (a few steps at most)."""
    for _ in range(3):
        before = text[max(0, sent.start_char - 80):sent.start_char]
        if sent.start == 0 or ENDS_SENTENCE.search(before):
            break  # (a line break in between is the caller's: it clamps to the block)
        sent = doc[sent.start - 1].sent
    return sent.start_char
