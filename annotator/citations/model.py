"""What a parsed citation is, and the year and locator patterns every citation
form shares (author-date in `parse`, note forms in `notes`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.models import CitedItem


@dataclass
class ParsedCitation:
    start: int  # absolute offsets into the file text
    end: int
    text: str
    authors: str  # as written
    year: str = ""
    year_suffix: str = ""
    locator: str = ""
    locator_label: str = ""  # "page" unless the note says ch., sec., …
    prefix: str = ""
    suffix: str = ""
    ibid: bool = False
    title: str = ""
    form: str = "author-date"  # author-date | full-note | short-note | author-page | ibid | reference | pandoc | field
    item: CitedItem | None = None  # from a reference manager's field (.docx)
    pages: str = ""  # a page range read but not taken as the locator (an article's own pages?)
    key: str = ""  # a pandoc citation's key (`[@hale1998, 84]`): its entry, exactly


YEAR = re.compile(r"(?<![\w\-–/.])(1[5-9]\d\d|20\d\d)([a-z]?)(?![\w/])|(?<!\w)(n\.d\.)")
_LABELS = {"p": "page", "pp": "page", "ch": "chapter", "chapter": "chapter", "chap": "chapter", "chaps": "chapter",
           "sec": "section", "secs": "section", "para": "paragraph", "paras": "paragraph",
           "n": "note", "nn": "note", "vol": "volume", "fig": "figure", "figs": "figure",
           "no": "issue", "l": "line", "ll": "line", "§": "section", "pg": "page", "figure": "figure",
           "table": "table", "tab": "table", "part": "part", "pt": "part", "book": "book", "bk": "book",
           "section": "section"}
# 36, 107ff, 107f., 61:164 (volume:page), 4.5 (a decimal section), xiv
_NUM = r"(?:\d+(?:[.:]\d+)*(?:ff\.?|f\.|[a-z])?|[ivxlc]+)"
_RANGE = rf"{_NUM}(?:\s*[–—\-‑]\s*{_NUM})?"
_NOT_A_YEAR = r"(?!(?:1[5-9]|20)\d\d\b)"  # "Weber 1905, 36, 1922": the 1922 is a second work, not a page
LOCATOR = re.compile(
    rf"(?:(?P<label>(?i:pp|pg|p|chapter|chaps|chap|ch|section|secs|sec|paras|para|nn|n|vol|figure|figs|fig|table|tab"
    rf"|part|pt|book|bk|no|ll|l|§))\.?\s*)?"
    rf"(?P<value>{_RANGE}(?:\s*(?:,|and|&)\s*{_NOT_A_YEAR}\d+[a-z]?(?:\s*[–—\-]\s*\d+)?)*"
    rf"(?:\s+nn?\.\s*\d+(?:\s*[–—\-]\s*\d+)?)?)"  # "45 n. 3": a note on the page
    rf"(?=\s*(?:$|[.;:)\]]|,\s*(?!\d)|,\s*(?:1[5-9]|20)\d\d\b))"
)


def set_locator(cite: ParsedCitation, m: re.Match[str]) -> None:
    """A page is stored as its bare value ("14–15"); any other unit keeps its
    label ("ch. 3"), or a chapter would be read as a page."""
    label = (m.group("label") or "").lower()
    value = m.group("value").strip()
    cite.locator_label = _LABELS.get(label, "page")
    keep = cite.locator_label != "page"
    cite.locator = m.group(0).strip() if keep else value
