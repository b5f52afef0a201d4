"""Reference-list entries written into a note (APA and its kin):
`Tursunova, D. (2023). Title. Publisher.`, `Nurmatov, A., & Lee, S. (2020).
Title. Journal, 4(2), 1–9.`, `Shanghai Cooperation Organisation. (2023).
Annual report. SCO Secretariat.` Pure string work, no spaCy.

The citation is the entry without its final full stop: authors as written
(initials kept; a corporate author loses the full stop APA puts after it),
the year in parentheses, the title sentence and the publication sentence
after it when there is one. A sentence of prose after the entry is the
citation's suffix; prose before it ("See") its prefix.
"""

from __future__ import annotations

import re

from .model import ParsedCitation
from .names import is_name_like

# Authors, then "(2023)." / "(2023a)." / "(2023, March 4)." / "(n.d.)."
_HEAD = re.compile(r"(?P<authors>[^()]{2,120}?)\s*\((?P<year>(?:1[5-9]|20)\d\d|n\.d\.)(?P<suffix>[a-z]?)"
                   r"(?:,[^()]{1,30})?\)\.\s+")
_LEAD = re.compile(r"(?i)(?:see(?:\s+also)?|cf\.|compare|e\.g\.,?|for example,?)\s+")
_SENTENCE_END = re.compile(r"\.(?=\s+[A-ZА-ЯЁ\"“]|\s*$)")
_INITIAL = re.compile(r"(?:^|[\s,])[A-ZА-ЯЁ]\.$")
_INITIAL_LETTER = re.compile(r"[A-ZА-ЯЁ]")
# Connectors a publisher's or journal's name may hold in lower case.
_NAME_LOWER = {"of", "and", "for", "the", "in", "on", "&", "de", "du", "und"}
MAX_PUBLICATION_WORDS = 8
MAX_PUBLICATION_SENTENCES = 2
_TITLE_PIN = re.compile(r"\s\((?:pp?\.|pg\.|at)\s*(?P<value>\d+(?:\s*[–\-]\s*\d+)?)\)$")


def reference(text: str, start: int, end: int) -> ParsedCitation | None:
    """The reference entry opening this part of a note, if it is one."""
    lead = _LEAD.match(text, start, end)
    at = lead.end() if lead else start
    head = _HEAD.match(text, at, end)
    if head is None:
        return _dotted(text, start, at, end)
    authors = head.group("authors").strip()
    if authors.endswith(".") and not _INITIAL.search(authors):
        authors = authors[:-1]  # "Shanghai Cooperation Organisation." is APA's full stop, not an initial
    if not is_name_like(authors.replace(", &", " and").replace(" & ", " and ")):
        return None
    title_end = _sentence_end(text, head.end(), end)
    stop = title_end
    # the publisher's sentence, and an edition's after it ("Zondervan. Kindle Edition.")
    for _ in range(MAX_PUBLICATION_SENTENCES):
        after = _next_sentence(text, stop, end)
        if after is None or not _publication(text[after[0]:after[1]]):
            break
        stop = after[1]
    title = text[head.end():title_end].strip()
    pin = _TITLE_PIN.search(title)  # a Kindle reference's page after its title: "*Title* (p. 24)"
    cite = ParsedCitation(start=at, end=stop, text=text[at:stop], authors=authors, form="reference",
                          title=title[:pin.start()].rstrip() if pin else title,
                          locator=pin.group("value") if pin else "", locator_label="page" if pin else "",
                          prefix=text[start:at].strip().rstrip(",") if lead else "")
    year = head.group("year")
    cite.year, cite.year_suffix = year, head.group("suffix")
    tail = end
    while tail < len(text) and text[tail] == ".":
        tail += 1  # the note's own full stop ends the remark, as in the other forms
    cite.suffix = re.sub(r"^[.,;:]+\s*", "", text[stop:tail].strip())
    return cite


# Chicago author-date reference entry: "Rothstein, Richard. 2018. Title. Place: Publisher. 55-56."
_DOT_HEAD = re.compile(r"(?P<authors>[^()]{2,120}?)\.\s+(?P<year>(?:1[5-9]|20)\d\d)(?P<suffix>[a-z]?)\.\s+")
_DOT = re.compile(r"\.(?:\s+|$)")
_PINPOINT = re.compile(r"(?:(?:pp?|pg)\.\s*)?(?P<value>\d+(?:\s*[–\-]\s*\d+)?(?:ff?\.?)?)"
                       r"|(?P<labelled>(?:Chapter|Chap\.|Section|Part|Figure|Table)\s+\w+)")


def _dotted(text: str, start: int, at: int, end: int) -> ParsedCitation | None:
    """`Surname, First. 2018. Title. Place: Publisher. 55-56.`: the entry, its
    publication sentences, a URL and the pinpoint that may close it."""
    head = _DOT_HEAD.match(text, at, end)
    if head is None:
        return None
    authors = head.group("authors").strip()
    if re.search(r"(?:^|[\s,])[A-Z]$", authors):
        authors += "."  # "Glass, Michael R.": the initial's full stop
    if not is_name_like(authors.replace(", &", " and").replace(" & ", " and")):
        return None
    parts = _dot_sentences(text, head.end(), end)
    stop, locator = parts[0][1], ""
    for a, b in parts[1:]:
        sentence = text[a:b]
        pin = _PINPOINT.fullmatch(sentence)
        if not (pin or re.match(r"(?:https?://|doi:|<)", sentence) or (not locator and _publication(sentence))):
            break
        if pin:
            locator = pin.group("value") or pin.group("labelled")
        stop = b
    cite = ParsedCitation(start=at, end=stop, text=text[at:stop], authors=authors, form="reference",
                          year=head.group("year"), year_suffix=head.group("suffix"), locator=locator,
                          title=text[head.end():parts[0][1]].strip(), prefix=text[start:at].strip().rstrip(","))
    return cite


def _dot_sentences(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """The sentences of text[pos:end] split at every full stop but an initial's,
    whatever follows it (a URL, a page number)."""
    parts, begin = [], pos
    for m in _DOT.finditer(text, pos, end + 1 if end < len(text) else end):
        if m.start() >= begin and not _initial_before(text, begin, m.start()):
            parts.append((begin, m.start()))
            begin = m.end()
    if begin < end:
        parts.append((begin, end))
    return parts or [(pos, end)]


def _sentence_end(text: str, pos: int, end: int) -> int:
    """Where the sentence starting at `pos` ends (before its full stop)."""
    for m in _SENTENCE_END.finditer(text, pos, end + 1 if end < len(text) else end):
        if not _initial_before(text, pos, m.start()):
            return m.start()
    return end


def _initial_before(text: str, pos: int, dot: int) -> bool:
    """`_INITIAL` on text[pos:dot + 1] ("A." ends no sentence), read off the two
    characters before the dot: searching the slice cost the whole sentence per dot."""
    letter = dot - 1
    if letter < pos or not _INITIAL_LETTER.fullmatch(text[letter]):
        return False
    return letter == pos or text[letter - 1].isspace() or text[letter - 1] == ","


def _next_sentence(text: str, stop: int, end: int) -> tuple[int, int] | None:
    begin = stop + 1
    while begin < end and text[begin].isspace():
        begin += 1
    return (begin, _sentence_end(text, begin, end)) if begin < end else None


def _publication(sentence: str) -> bool:
    """"Routledge", "Oxford University Press", "Central Asian Survey, 42(1), 1–19",
    a DOI or address; a sentence of prose ("The book counts …") is not."""
    if re.match(r"(?i)(?:https?://|doi:|www\.)", sentence):
        return True
    words = re.sub(r"[\d(),:–\-]+", " ", sentence).split()
    return 0 < len(words) <= MAX_PUBLICATION_WORDS and all(w[:1].isupper() or w.lower() in _NAME_LOWER for w in words)
