"""Note-bibliography citations (Chicago full and short notes) and MLA's
author-page form, for a note part in which no author-date citation was found."""

from __future__ import annotations

import re
from itertools import islice

from . import pubdata
from .model import LOCATOR, YEAR, ParsedCitation, set_locator
from .names import is_name_like, split_prefix

_OPEN_CLOSE = {"“": "”", '"': '"', "‘": "’", "«": "»"}
# Words Chicago title case leaves lowercase.
_TITLE_LOWER = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with",
                "from", "into", "as", "vs.", "nor", "but", "after", "over", "under", "is", "are", "its"}


def parse(text: str, start: int, end: int, in_parens: bool = False) -> list[ParsedCitation]:
    if in_parens:  # notes are never parenthesised; MLA is
        cite = _author_page(text, start, end) or _note_form(text, start, end)
    else:
        cite = _note_form(text, start, end) or _author_page(text, start, end) or _after_lead_in(text, start, end)
    return [cite] if cite else []


# Legal writing sets the signal in italics: "*See* Hale", "*See *Hale", "_Cf._ Hale"
_SEE = re.compile(r"(?i)(?<![a-z])(?:see(?:\s+also)?|cf\.)[*_]*\s+[*_]*")
# Where a lead-in may end: a signal, or the end of a sentence of prose before the work
# ("… changed circumstances. U.S. Gov't Accountability Office, Title 2 (2008)").
_LEAD_END = re.compile(_SEE.pattern + r"|(?<=[.!?])\s+(?-i:(?=[*_]*[A-Z]))")
# Each lead-in tried costs a scan of the rest of the note: a few are tried, not a "see" flood.
MAX_LEAD_INS = 12

# A locator that ends a note is sought in its last LOCATOR_SPAN characters only: searched
# from every comma of a long "1, 1, 1, … x", the pattern ran to the end from each (quadratic).
LOCATOR_SPAN = 120
_TITLE_TAIL = re.compile(r",\s*" + LOCATOR.pattern + r"\s*$")
_LOCATOR_TAIL = re.compile(r"(?:^|[)”\"’,:])\s*:?\s*(" + LOCATOR.pattern + r")\s*$")
_PAGE_TAIL = re.compile(r"\s(" + LOCATOR.pattern + r")$")


def _at_end(pattern: re.Pattern, text: str) -> re.Match | None:
    """`pattern`, which ends at the end of `text`, looked for in its last LOCATOR_SPAN characters."""
    return pattern.search(text, max(0, len(text) - LOCATOR_SPAN))


def _after_lead_in(text: str, start: int, end: int) -> ParsedCitation | None:
    """"For a similar conclusion, see Harrington, Valley and Emirate, 190": the
    note form after prose that leads into it; the prose is the prefix."""
    ends = (m for m in _LEAD_END.finditer(text, start, end) if m.group(0).strip() or _prose_end(text, m.start()))
    for m in islice(ends, MAX_LEAD_INS):
        cite = _note_form(text, m.end(), end)
        if cite is not None:  # the form may have found a lead-in of its own ("*See*")
            cite.prefix = " ".join(p for p in (text[start:m.end()].strip(), cite.prefix) if p)
            return cite
    return None


def _prose_end(text: str, space: int) -> bool:
    """A sentence of prose ends with a lowercase word; "Exec." or "Mgmt." are abbreviations."""
    word = _word_before(text, space).lstrip("(\"“‘*_")
    return word[:1].islower() and not pubdata.abbreviation(word)


def _commas(text: str, start: int, end: int) -> list[int]:
    """Positions of ", " outside parentheses and quotes."""
    out, depth, quote = [], 0, ""
    for i in range(start, end):
        ch = text[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in _OPEN_CLOSE:
            quote = _OPEN_CLOSE[ch]
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0 and i + 1 < end and text[i + 1] == " ":
            out.append(i)
    return out


def _authors_end(text: str, start: int, commas: list[int]) -> int | None:
    """End of the author list: `A, B, and C` runs to the chunk opened by "and"."""
    bounds = [start] + [c + 2 for c in commas]
    for j in range(1, min(len(commas), 8)):
        chunk = text[bounds[j]:commas[j]]
        if chunk.startswith(("and ", "& ")):
            names = [text[bounds[k]:commas[k]] for k in range(j + 1)]
            if all(len(n.split()) <= 5 and is_name_like(n.removeprefix("and ").removeprefix("& ")) for n in names):
                return commas[j]
    return commas[0] if commas else None


def _title(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """The title that follows the authors, and where it stops."""
    close = _OPEN_CLOSE.get(text[pos]) if pos < end else None
    if close:
        stop = text.find(close, pos + 1, end)
        if stop < 0:
            return None
        return text[pos + 1:stop].strip().rstrip(",."), stop + 1
    paren = text.find(" (", pos, end)
    if paren > 0 and YEAR.search(text, paren, end):
        return text[pos:paren].strip(), paren
    tail = _at_end(_TITLE_TAIL, text[pos:end])
    stop = pos + tail.start() if tail else end
    return text[pos:stop].strip().rstrip(","), stop


def _title_case(title: str) -> bool:
    words = [w for w in re.split(r"[\s:]+", title) if w]
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    latin_lower = [w for w in words if w[0].islower() and w[0].isascii() and w.lower() not in _TITLE_LOWER]
    return not latin_lower


_PAGES_ONLY = re.compile(r"\d+(?:\s*[–\-]\s*\d+)?(?:,\s*\d+(?:\s*[–\-]\s*\d+)?)*")
_NAME_TAIL = re.compile(r"(?P<translation>\s*\\?\[[^\[\]\n]{1,80}\\?\])?(?P<role>\s*\((?:eds?|trans|comp)\.\))?$")


def _note_form(text: str, start: int, end: int) -> ParsedCitation | None:
    commas = _commas(text, start, end)
    a_end = _authors_end(text, start, commas)
    if a_end is None:
        return None
    # "Xiao Tianliang \[肖天亮\] (ed.)": the name, its translation (kept), a role in parentheses (not)
    named = _NAME_TAIL.search(text, start, a_end)
    split = split_prefix(text[start:named.start() if named else a_end])
    if split and named and named.group("translation"):
        split = (split[0], split[1] + named.group("translation"))
    role = re.match(r"(?:ed|eds|comp|trans)\.,\s+", text[a_end + 2:end])  # "Sally Cummings, ed., Title"
    t_start = a_end + 2 + (role.end() if role else 0)
    end, remark = _remark(text, t_start, end)
    title = _title(text, t_start, end)
    if split is None or title is None or not title[0]:
        return None
    lead, authors = split
    quoted = text[t_start] in _OPEN_CLOSE
    cite = ParsedCitation(start=start + len(lead), end=end, text=text[start + len(lead):end],
                          authors=authors, prefix=lead.strip(), title=title[0], form="short-note")
    dated = re.search(r",\s*(1[5-9]\d\d|20\d\d)([a-z]?)$", cite.title)
    if dated and not quoted:  # CMOS 18 short note: "Mearsheimer, Tragedy of Great Power Politics, 2014, 360"
        cite.title = cite.title[:dated.start()]
    year = (dated.group(1), dated.group(2)) if dated else _year_after(text, title[1], end)
    if year:
        cite.year, cite.year_suffix = year
        cite.form = "short-note" if dated else "full-note"
    _note_locator(cite, text[title[1]:end])
    if not cite.locator and _PAGES_ONLY.fullmatch(cite.title):  # "Yeun and Richardson, 249": no title, a page
        cite.locator, cite.locator_label, cite.title = cite.title, "page", ""
    if not cite.locator and not quoted:  # Bluebook: "Overview and Next Steps 5 (2010)"
        cite.locator = pubdata.bluebook_pin(text[t_start:end])
        cite.locator_label = "page" if cite.locator else cite.locator_label
    _mla_page(cite, quoted)
    if not (year or cite.locator or quoted or _title_case(title[0])):
        return None
    cite.suffix = remark
    return cite


def _mla_page(cite: ParsedCitation, quoted: bool) -> None:
    """MLA's `Levy, War in the Modern Great Power System 124`: a page after an unmarked title,
    with no comma. (A number that ends the title itself, `… after 2001`, the linker tells.)"""
    m = re.search(r"\s(\d+(?:\s*[–\-]\s*\d+)?)$", cite.title)
    if not (cite.locator or cite.year or quoted) and m and not YEAR.fullmatch(m.group(1)):
        cite.locator, cite.locator_label = m.group(1), "page"
        cite.title = cite.title[:m.start()]


def _note_locator(cite: ParsedCitation, tail: str) -> None:
    """The pages at the end of a note, after its title and publication data (and
    before the URL or DOI that may close it)."""
    tail = re.sub(r"(?:,\s*(?:https?://|doi:)\S+)+\s*$", "", tail)
    loc = _at_end(_LOCATOR_TAIL, tail)
    # The search embeds LOCATOR, so its group always matches LOCATOR alone.
    if loc and not YEAR.fullmatch(loc.group(1).strip()) and (m := LOCATOR.match(loc.group(1))):
        set_locator(cite, m)
        if cite.year:  # `“Title,” 2014, 80`: the date is not a page
            cite.locator = re.sub(rf"^{re.escape(cite.year + cite.year_suffix)},\s*", "", cite.locator)


_SENTENCE = re.compile(r"\.\s+(?=[*_]*[A-ZА-ЯЁ])")  # "… 9. *See generally* …": emphasis may open it
# Abbreviations whose dot does not end a sentence: "ed. Madeleine Reeves", "no. 5".
_ABBREV = {"ed", "eds", "no", "vol", "pp", "p", "chap", "trans", "jr", "st", "repr", "n.d", "al", "comp", "mr",
           "mrs", "dr", "prof", "vs", "gen", "col", "lt", "sgt", "rev"}


def _ends_sentence(text: str, dot: int) -> bool:
    w = _word_before(text, dot)
    return not (w.lower() in _ABBREV or re.fullmatch(r"[A-Z]|[A-Z]\.[A-Z]", w))


def _word_before(text: str, dot: int) -> str:
    """The word that ends at `dot` (one newline between allowed, as `(\\S+)$` reads it),
    found walking back: searching text[:dot] made every candidate dot cost the whole text."""
    end = dot - 1 if dot > 0 and text[dot - 1] == "\n" else dot
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


def _remark(text: str, pos: int, end: int) -> tuple[int, str]:
    """A sentence after the publication data is the note's own remark, not the citation."""
    m = next((m for m in _SENTENCE.finditer(text, pos, end) if _ends_sentence(text, m.start())
              and not _dated_after(text, pos, m, end)), None)
    told = _EXPLAINED.search(text, pos, m.start() if m else end)
    if told:  # the parenthetical and any sentence after it are the remark
        return told.start() + 1, text[told.end() - 1:end].strip()
    if not m:
        return end, ""
    tail = end
    while tail < len(text) and text[tail] == ".":
        tail += 1
    return m.start(), text[m.end():tail].strip()


def _dated_after(text: str, pos: int, dot: re.Match, end: int) -> bool:
    """A dot before the citation's own date is an abbreviation, not a sentence's end:
    Bluebook abbreviates freely ("U.S. Chief Info. Officer, White House, Plan 17 (2010)")."""
    if YEAR.search(text, pos, dot.start()):
        return False
    nxt = _SENTENCE.search(text, dot.end(), end)
    return bool(_PARENTHESISED_YEAR.search(text, dot.end(), nxt.start() if nxt else end))


_PARENTHESISED_YEAR = re.compile(r"\s\d+\s+\((?:[^()]*\s)?(?:1[5-9]|20)\d\d\)")
# Bluebook's explanatory parenthetical after the date or the page: "… 17 (2010) (calling for …)",
# "… Steps 9 ("Federal IT projects …")".
_EXPLAINED = re.compile(r"[)\d]\s+\((?=[a-z\"“])")


def _year_after(text: str, pos: int, end: int) -> tuple[str, str] | None:
    for m in YEAR.finditer(text, pos, end):
        return (m.group(1), m.group(2)) if m.group(1) else (m.group(3), "")
    return None


def _author_page(text: str, start: int, end: int) -> ParsedCitation | None:
    """MLA: `Crawford 14`, `Crawford and Lutz`, `Crawford, Short Title 14`."""
    in_parens = start > 0 and text[start - 1] == "(" or text[start - 2:start] == "; "
    loc = _at_end(_PAGE_TAIL, text[start:end])
    if not (in_parens or loc):
        return None
    body_end = start + loc.start() if loc else end
    commas = _commas(text, start, body_end)
    a_end = commas[0] if commas else body_end
    authors = text[start:a_end].strip()
    if not is_name_like(authors):
        return None
    cite = ParsedCitation(start=start, end=end, text=text[start:end], authors=authors, form="author-page")
    if commas:
        cite.title = text[a_end + 2:body_end].strip().strip("“”\"‘’").rstrip(",")
    if loc and (m := LOCATOR.match(loc.group(1))):
        set_locator(cite, m)
    return cite
