"""What follows a cited work's title: where its publication data end, and
the year and pinpoint they hold. Pure string work, no spaCy.

The data are read as tokens (URLs, links, parenthesised groups, italic and
quoted titles, words), so a `;` or a full stop inside a container title or
a publisher's parenthesis does not end the citation. A citation ends at a
`;`, at a sentence of prose, or where a lowercase word of prose follows the
date or pages (`…, 14 Apr 2013 for an article that …`).
"""

from __future__ import annotations

import re

from .model import YEAR

_TOKEN = re.compile(
    r"(?P<url><[^<>\s]+>|(?:https?://|doi:)[^\s<>]*[^\s<>.,;]"
    r"|(?<![\w./])(?:[a-z\d-]+\.)+[a-z]{2,}/[^\s<>]*[^\s<>.,;])"  # an address without its scheme: "x.tno.nl/p/a.pdf"
    r"|(?P<link>\[[^\[\]]*\]\(\s*[^()\s]*(?:\s+\"[^\"\n]*\")?\s*\))"  # [text](url "title")
    r"|(?P<group>\((?:[^()]|\([^()]*\))*\))"
    r"|(?P<ital>(?<![\w_])_(?!_)[^_\n]+?_(?![\w_])|(?<!\*)\*(?!\*)[^*\n]+?\*(?!\*))"
    r"|(?P<quote>“[^”]*”|\"[^\"\n]*\"|‘[^‘]*?’(?!\w))"
    r"|(?P<semi>;)"
    r"|(?P<word>[^\s;(<\[]+|[(<\[])"
)
# Lowercase words that publication data hold ("ed.", "accessed", "edited by").
PUB_WORDS = {"p.", "pp.", "pg.", "no.", "nos.", "vol.", "vols.", "sec.", "ed.", "eds.", "trans.", "comp.", "accessed",
             "edited", "translated", "compiled", "by", "n.p.", "n.d.", "in", "and", "&", "repr.", "ser.", "s.v.",
             "col.", "cols.", "fig.", "para.", "n.", "nn.", "chap.", "ch.", "pt.", "bk.", "art.", "et", "al.", "of",
             "the", "de", "la", "du", "der", "von", "van", "on", "at", "last", "modified", "updated", "retrieved",
             "from", "via", "online", "available", "published", "orig.", "vol", "no", "edition", "ahead", "print",
             "forthcoming", "preprint", "diss.", "thesis",
             # the medium of an archival or web item: "…, audio, 1:00, <url>", "…, photograph, 1924"
             "audio", "video", "image", "photograph", "photo", "film", "map", "recording", "sound", "transcript",
             "manuscript", "typescript", "letter", "speech", "poster", "pamphlet", "broadside"}
# Words whose full stop ends no sentence.
_ABBREV = {"p", "pp", "pg", "no", "nos", "vol", "vols", "sec", "ed", "eds", "trans", "comp", "n.p", "n.d", "repr",
           "ser", "col", "fig", "para", "n", "nn", "chap", "ch", "pt", "bk", "art", "al", "inc", "ltd", "co", "corp",
           "jr", "sr", "st", "mass", "calif", "conn", "ill", "mich", "univ", "dept", "assn", "jan", "feb", "mar",
           "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec", "orig", "s.v", "u.s", "u.k", "e.g", "i.e", "cf", "vs"}
_PAGE_PHRASE = re.compile(r"[a-z][a-z ]*\bpp?\.\s*\d")


def abbreviation(word: str) -> bool:
    core = word.rstrip(".").lstrip("(\"“‘_*").lower()
    return core in _ABBREV or bool(re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", core))


def _element(token: re.Match) -> bool:
    """A token that can open a further part of the publication data after a full stop."""
    kind = token.lastgroup
    word = token.group()
    return kind in ("url", "link", "group", "ital") or word[:1].isdigit() or word in _OPENING_WORDS


_OPENING_WORDS = ("In", "Vol.", "No.", "DOI:", "¶", "§")  # "… Rep. ¶ 17": a paragraph or section follows


def extent(text: str, pos: int, end: int) -> int:
    """Where the publication data that start at `pos` end (before trimming)."""
    tokens = list(_TOKEN.finditer(text, pos, end))
    for i, tok in enumerate(tokens):
        kind, word = tok.lastgroup, tok.group()
        if kind == "semi":
            return tok.start()
        if kind == "word" and (_prose_word(text, tokens, i, end) or _sentence_after_link(tokens, i)):
            return tok.start()
        if kind == "word" and word.endswith(".") and _sentence_end(text, tokens, i):
            return tok.end() - 1
    return end


def _prose_word(text: str, tokens: list[re.Match], i: int, end: int) -> bool:
    """A lowercase word that is no part of publication data, after a date, pages or a link."""
    word = tokens[i].group()
    if not (word[:1].islower() and word[:1].isascii()) or word.rstrip(",") in PUB_WORDS:
        return False
    if _PAGE_PHRASE.match(text, tokens[i].start(), end):  # "citation on p. 540"
        return False
    if i == 0:
        return True
    prev = tokens[i - 1]
    return prev.lastgroup != "word" or prev.group()[-1:].isdigit() or prev.group().endswith((",", ")", ">"))


def _sentence_after_link(tokens: list[re.Match], i: int) -> bool:
    """A sentence of prose after an address whose full stop the link swallowed
    (`[http://x.cn/a.htm.](…) The details come from …`): a capital, then lowercase words."""
    if i == 0 or tokens[i - 1].lastgroup not in ("url", "link") or not tokens[i].group()[:1].isupper():
        return False
    nxt = [t.group() for t in tokens[i + 1:i + 3]]
    return len(nxt) == 2 and all(w.isalpha() and w.islower() and w not in PUB_WORDS for w in nxt)


def _sentence_end(text: str, tokens: list[re.Match], i: int) -> bool:
    """A full stop that ends the citation: not an abbreviation's, and no further
    element (URL, container, parenthesis, number) follows in the next few words."""
    tok = tokens[i]
    if tok.group() != "." and abbreviation(tok.group()):
        return False
    if tok.end() < len(text) and not text[tok.end()].isspace():
        return False
    rest = tokens[i + 1:i + 5]
    if not rest:
        return False
    if _element(rest[0]):
        return False
    # "Online edition. (Minneapolis: …)": a short sentence leading to an element
    for j, nxt in enumerate(rest[:3]):
        if nxt.group().endswith(".") and j + 1 < len(rest) and _element(rest[j + 1]):
            return False
    return True


def trim(text: str, start: int, stop: int) -> int:
    """The end of a citation: without the closing full stop, comma, escape or a dangling "and"."""
    while stop > start:
        tail = text[start:stop]
        m = re.search(r"(?:[\s,;:\\]|\.|\s(?:and|&))$", tail)
        if not m or (tail.endswith(".") and abbreviation(tail.split()[-1])):
            break
        stop = start + m.start()
    return stop


# ---- year and pinpoint


def _blank(s: str, pattern: str) -> str:
    return re.sub(pattern, lambda m: " " * len(m.group()), s)


_URLS = r"<[^<>\s]+>|(?:https?://|doi:|DOI:)\s*\S+|\]\(\s*[^()\s]*\)|\b10\.\d{4,}/\S+"
_ACCESSED = (r"(?i)\b(?:accessed|retrieved|last modified|(?:last\s+)?visited|viewed)\b"
             r"\s*(?:(?-i:[A-Z])[a-z]+\.?\s+\d{1,2},\s*\d{4}|[^,;()]*)")
_ITALIC = re.compile(r"(?<![\w_])_[^_]+_(?![\w_])|\*[^*]+\*")


def year(data: str) -> tuple[str, str] | None:
    """The publication year: outside container titles first, never from a URL or an access date."""
    clean = _blank(_blank(data, _URLS), _ACCESSED)
    outside = _blank(clean, _ITALIC.pattern)
    for source in (outside, clean.replace("_", " ").replace("*", " ")):
        m = YEAR.search(source)
        if m:
            return (m.group(1), m.group(2)) if m.group(1) else (m.group(3), "")
    return None


_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s")
_NUM = r"(?:(?:\d+:(?!0))?\d+[a-z]?|[ivxlc]+)"  # 2:1111 (volume:page; "1:00" is a duration), 36, xiv
_PAGES = rf"{_NUM}(?:\s*[–—\-‑]\s*{_NUM})?(?:ff\.?|f\.)?(?:\s+nn?\.\s*\d+)?"  # 31, 31–33, 107ff, 31 n. 4
_PIN = re.compile(rf"(?:(?P<label>pp?|pg)\.\s*)?(?P<value>{_PAGES}(?:,\s*{_PAGES})*)")
_LABELLED = re.compile(r"(?i:chapter|chap\.|ch\.|sec\.|section|para\.|n\.|figure|fig\.|table|part|book)"
                       r"\s+(?:\d[\w.:–\-]*|[ivxlcIVXLC]+)")
_PHRASE = re.compile(rf"\b(?:on|at)\s+pp?\.\s*(?P<value>{_PAGES})")


def locator(data: str, container: bool) -> tuple[str, str]:
    """The pinpoint (`(1972): 16`, `…, 2008), 118-120`, `citation on p. 540`, `Chapter 3`), and
    a page range withheld from it: a work in a container prints its own range (`(2015):
    341–61`), which only the bibliography can tell from a pinpoint (`bib.link` asks it). A
    newspaper's page after the issue date is neither. `… (2011), 112–27, 64`: the last is the pinpoint."""
    clean = _blank(data, _URLS)
    phrase = _PHRASE.search(clean)
    if phrase:
        return phrase.group("value"), ""
    if not container and (bluebook := bluebook_pin(clean)):
        return bluebook, ""
    parts = [p.strip() for p in re.split(r",\s+|\)\s*:\s*|(?<=\d)\.\s+", clean.strip(" .,;"))]
    while parts and not parts[-1].strip(" .,;"):
        parts.pop()
    if not parts:
        return "", ""
    last = parts[-1].strip(" .,;")
    if _LABELLED.fullmatch(last):
        return last, ""
    pages: list[str] = []
    while parts and (m := _PIN.fullmatch(parts[-1].strip(" .,;"))) and not YEAR.fullmatch(m.group("value")):
        pages.insert(0, _PIN.fullmatch(parts.pop().strip(" .,;")).group("value"))  # type: ignore[union-attr]
    if not pages:
        return "", ""
    if not container:
        return ", ".join(pages), ""
    if _dated(parts):  # a newspaper's page(s), or a pinpoint: the entry's pages tell (`bib.link`)
        return "", ", ".join(pages) if len(pages) == 1 else ""
    if len(pages) == 2:  # "(2011), 112–27, 64": the work's pages, then the pinpoint
        return pages[1], ""
    if len(pages) > 1:
        return "", ""
    return ("", pages[0]) if _RANGE_RE.search(pages[0]) else (pages[0], "")


# Bluebook prints the pinpoint before the parenthesised date: `Title 5 (2010)`, `Goals 2, 13 (2008)`,
# `18 Harv. J.L. & Tech. 319, 373 (2005)` (volume, journal, first page, pinpoint).
_BLUEBOOK = re.compile(rf"(?:^|(?<=[\w.)\]*_]))\s*(?<!\bno\.)(?<!\bvol\.)(?<!\bat)\s?"
                       rf"(?P<pages>{_PAGES}(?:,\s*{_PAGES})*)"
                       rf"\s+\([^():]*\b(?:1[5-9]|20)\d\d\)\s*[.,;]?\s*$")  # "(2010)", "(June 28, 2010)": no place
_VOLUME_JOURNAL = re.compile(r"(?:^|[,\s])\d+\s+[A-Z][^,()]*$")


def bluebook_pin(clean: str) -> str:
    """The pinpoint Bluebook prints before the parenthesised date, or "" when there is none."""
    m = _BLUEBOOK.search(clean)
    if not m:
        return ""
    pages = [p.strip() for p in m.group("pages").split(",")]
    if any(YEAR.fullmatch(p) for p in pages) or _MONTH.search(clean[max(0, m.start() - 10):m.start("pages")] + " "):
        return ""  # a date ("December 10, 2010 (Update 2012)"), no page
    if len(pages) > 1 and _VOLUME_JOURNAL.search(clean[:m.start("pages")].rstrip()):
        pages = pages[1:]  # the article's first page, then the pinpoint
    return ", ".join(pages)


_RANGE_RE = re.compile(r"\d\s*[–—\-‑]\s*\d")


def _dated(parts: list[str]) -> bool:
    """The part before the page is a day's date (`January 28, 1922`): a newspaper's page."""
    before = " ".join(parts[-2:]) if parts else ""
    return bool(parts) and bool(_MONTH.search(before + " ")) and bool(YEAR.search(parts[-1])) \
        and "(" not in parts[-1] and not parts[-1].endswith(")")
