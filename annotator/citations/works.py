"""Works cited by title anywhere in a note's prose. Pure string work, no spaCy.

Note-bibliography notes as CSL styles and people print them (`Hale, “Title,”
Journal 12, no. 3 (1998): 84`, `Hale, Title (Place: Publisher, 1998), 84`,
short notes `Hale, “Title,” 84`), their bibliography-style cousins (`Hale,
Anne. "Title." Journal …`), works with no personal author cited by title
(`“Title,” New York Times, 2 May 1892`), titles written as the text of a
Markdown link (`Hale, A., ["Title"](url), 2012`), and author-date citations
written as a link (`[Hale, 2012](url), pp. 41-42`).

The title is the anchor: quoted, italic, or a quoted or italic link text.
The authors are the name just before it; the publication data run after it
to the end of the citation (`pubdata`), and give the year and the locator.
"""

from __future__ import annotations

import re

from . import pubdata
from .model import ParsedCitation
from .names import NOT_FIRST, PARTICLES, is_name_like

_OPENER = re.compile(r"[_*]\[|\[|[“\"‘]|(?<![\w_*])[_*](?=[^\s_*])")
_CLOSE = {"“": "”", '"': '"'}
_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\(\s*(?P<url>[^()\s]*)\)")
_LINK_CITE = re.compile(r"(?P<authors>[^\d,]+?),?\s+(?P<year>(?:1[5-9]|20)\d\d)(?P<suffix>[a-z]?)")
_LINK_PAGES = re.compile(r",\s*(?:(?:pp?|pg)\.\s*)?\d+(?:\s*[–\-]\s*\d+)?(?![\w/])")
# A Bluebook signal in emphasis, its closing mark after a space as writers slip it: `*See *`, `*See generally *`.
_EMPHASISED_SIGNAL = re.compile(r"([*_])(?i:see(?:\s+also|\s+generally)?|but\s+see|cf\.|accord|compare)\s*\1")
MAX_TITLE = 400  # characters: a quote longer than this is prose, not a title
# What may stand between a name and its title: ", " / ". " (bibliography style) / ", eds. ".
_SEPARATOR = re.compile(r"(?:,\s+(?:eds?|trans|comp)\.)?(?:,|\.(?=\s))\s+$")
_NAME_ABBREV = {"Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.", "St.", "Bros.", "Dr.", "Prof.", "Mr.", "Mrs.", "al."}
_NAME_LOWER = PARTICLES | {"and", "&", "et", "al.", "y", "zu"}
MAX_NAME_WORDS = 60
LOOK_BACK = 400  # characters before a title where its authors may start
LOOK_AHEAD = 400  # characters after a title where its publication data show


class Title:
    """A title anchor: where its marks open and close, and how it was written."""

    def __init__(self, start: int, end: int, text: str, kind: str) -> None:
        self.start, self.end, self.text, self.kind = start, end, text, kind  # kind: quoted | italic | link-cite


def read_title(text: str, at: int, end: int) -> Title | None:
    """The title whose opening mark is at `at`, if one is written there."""
    ch = text[at]
    if ch in "_*" and text[at + 1:at + 2] == "[":
        link = _LINK.match(text, at + 1, end)
        if link and text[link.end():link.end() + 1] == ch:
            return Title(at, link.end() + 1, link.group("text"), "italic")
        return None
    if ch == "[":
        link = _LINK.match(text, at, end)
        if not link:
            return None
        inner = link.group("text").strip()
        if inner[:1] in "“\"" and inner[-1:] in "”\"":
            return Title(at, link.end(), inner[1:-1].strip().rstrip(","), "quoted")
        if _LINK_CITE.fullmatch(inner) and is_name_like(_LINK_CITE.fullmatch(inner).group("authors")):  # type: ignore[union-attr]
            return Title(at, link.end(), inner, "link-cite")
        return None
    if ch == "“":
        close = _balanced_close(text, at, min(end, at + MAX_TITLE))
    elif ch in _CLOSE:
        close = text.find(_CLOSE[ch], at + 1, min(end, at + MAX_TITLE))
    elif ch == "‘":
        m = re.compile(r"’(?!\w)").search(text, at + 1, min(end, at + MAX_TITLE))
        close = m.start() if m else -1
    else:  # _italic_ / *italic*
        m = re.compile(rf"(?<!\s){re.escape(ch)}(?![\w{re.escape(ch)}])").search(text, at + 1, min(end, at + MAX_TITLE))
        close = m.start() if m else -1
    if close < 0 or "\n\n" in text[at:close]:
        return None
    kind = "quoted" if ch in "“\"‘" else "italic"
    # a translation in (escaped) brackets after the title belongs to it: `“Expert: …” \[专家：…\]`
    translated = _TRANSLATION.match(text, close + 1, end)
    return Title(at, translated.end() if translated else close + 1, text[at + 1:close].strip().rstrip(",."), kind)


_TRANSLATION = re.compile(r"\s*\\?\[[^\[\]\n]{1,200}?\\?\](?![(\[])")


def _name_before(text: str, lo: int, at: int) -> tuple[int, str]:
    """The author name that ends right before a title at `at` (after a ", " or ". "),
    and where it starts; (at, "") when there is none."""
    sep = _SEPARATOR.search(text, max(lo, at - 24), at)  # `, eds. ` at most: the end only
    if not sep:
        return at, ""
    name_end = sep.start()
    words = list(re.finditer(r"\S+", text[lo:name_end]))
    if sep.group().startswith(".") and words and re.fullmatch(r"[A-Z]", words[-1].group()):
        name_end += 1  # "Smith, J. “Title”": the initial keeps its full stop
    taken: list[re.Match] = []
    for w in reversed(words[-MAX_NAME_WORDS:]):
        if not _name_word(w.group(), last=not taken):
            break
        taken.insert(0, w)
    while taken and (taken[0].group().rstrip(",") in NOT_FIRST or not taken[0].group()[:1].isupper()):
        taken.pop(0)  # "See Hale", "and Hale", "Also"
    if not taken:
        return _role_name(text, lo, name_end, at)
    start = lo + taken[0].start()
    name = text[start:name_end].strip()
    return (start, name) if _names_like(name) else (at, "")


_ROLE = re.compile(r"(?:^|(?<=[.;:?!]\s))(?P<name>[A-Z][\w’'\-]*(?: [a-z][\w’'\-]*){1,2})$")


def _role_name(text: str, lo: int, name_end: int, at: int) -> tuple[int, str]:
    """`… at the time. Private advertiser, ‘A Computer Wanted’`: a role or body of two or three
    words with lower-case ones, alone between a sentence's start and the title."""
    m = _ROLE.search(text, max(lo, name_end - 60), name_end)
    if m and m.group("name").split()[0] not in NOT_FIRST:
        return m.start("name"), m.group("name")
    return at, ""


def _names_like(name: str) -> bool:
    """An author list; a long one (twelve names) is read name by name."""
    if len(name.split()) <= MAX_LIST_WORDS or is_name_like(name):
        return is_name_like(name)
    parts = [p for p in re.split(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&)\s+", name) if p.strip()]
    return all(len(p.split()) <= 5 and (is_name_like(p) or re.fullmatch(r"(?:[A-Z]\.?\s*)+", p)) for p in parts)


MAX_LIST_WORDS = 16  # `names.MAX_WORDS`: past it, an author list is checked name by name


_NAME_IN = re.compile(r"(?<=[a-z,] )(?P<name>[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){0,3}) in $")


def _name_in(text: str, lo: int, at: int) -> tuple[int, str]:
    """`… criticised by Rawes in *Spinoza's Ratios*`: a name in mid-sentence, then "in"
    and the title, names the work's author; (at, "") when the text before is otherwise."""
    m = _NAME_IN.search(text, max(lo, at - 120), at)  # four words and ` in `
    if m and is_name_like(m.group("name")):
        return m.start("name"), m.group("name")
    return at, ""


def _name_word(word: str, last: bool) -> bool:
    if re.search(r"[\d\"“”‘()\[\]<>_*:;]", word) or (word.count("’") and word.endswith("’")):
        return False
    core = word.rstrip(",")
    if core in _NAME_LOWER:
        return True
    if not core[:1].isupper():
        return False
    # "Processor." ends a sentence; "Inc." and "A." do not
    return last or not (core.endswith(".") and len(core) > 2 and core[-2].islower() and core not in _NAME_ABBREV)


def _boundary(text: str, start: int, lo: int, at: int) -> bool:
    """A title with no author opens a citation only where a citation may begin: the
    note's start, after a `;`, a sentence or "see"; never right after another title."""
    before = text[lo:at].rstrip()
    if not before:
        return lo == start
    if before.endswith("."):
        return not pubdata.abbreviation(before.split()[-1])
    return before.endswith((";", ":", "?", "!")) or bool(re.search(r"(?i)\bsee$", before[-12:]))


def find(text: str, start: int, end: int) -> list[ParsedCitation]:
    """The works cited by title in text[start:end], in order, with exact spans."""
    heads = _heads(text, start, end)
    cites = []
    for i, (c_start, authors, title) in enumerate(heads):
        limit = heads[i + 1][0] if i + 1 < len(heads) else end
        cite = _citation(text, c_start, authors, title, limit)
        if cite is not None:
            cites.append(cite)
    return cites


def _heads(text: str, start: int, end: int) -> list[tuple[int, str, Title]]:
    """Where each citation starts, its authors and its title."""
    heads: list[tuple[int, str, Title]] = []
    pos, lo = start, start
    depth, counted = 0, start  # parentheses open before `counted`, counted once (not per title)
    while (m := _OPENER.search(text, pos, end)) is not None:
        if signal := _EMPHASISED_SIGNAL.match(text, m.start(), end):  # "*See *Hale, …": a lead-in, no title
            pos = lo = signal.end()
            continue
        title = read_title(text, m.start(), end)
        if title is None:
            pos = m.start() + 1
            continue
        pos = title.end
        depth += text.count("(", counted, title.start) - text.count(")", counted, title.start)
        counted = title.start
        if depth > 0:
            continue  # inside a parenthesis: an MLA cluster `(Hale, “Title” 45)` or publication data
        if title.kind == "link-cite":
            heads.append((title.start, "", title))
            lo = title.end
            continue
        # a name is at most MAX_NAME_WORDS words: look back that far, not to the note's start
        near = max(lo, title.start - LOOK_BACK)
        c_start, authors = _name_before(text, near, title.start)
        if not authors:
            c_start, authors = _name_in(text, near, title.start)
        if not authors and not _boundary(text, start, near, title.start):
            continue
        if not _followed(text, title, end, bool(authors)) and not _titled_after_see(text, near, title, end):
            continue
        heads.append((c_start, authors, title))
        lo = title.end
    return heads


def _balanced_close(text: str, at: int, stop: int) -> int:
    """The ” that closes the “ at `at`, over a quotation inside the title
    (`“640 Project – … on “If There’s a Spear…””`); the first ” when they do not pair up."""
    depth = 0
    for i in range(at, stop):
        depth += (text[i] == "“") - (text[i] == "”")
        if depth == 0:
            return i
    return text.find("”", at + 1, stop)


def _titled_after_see(text: str, lo: int, title: Title, end: int) -> bool:
    """`For further information, see: “640 Project.”`: a short note by title alone that ends the note."""
    return title.kind == "quoted" and not text[title.end:end].strip(" .") and \
        bool(re.search(r"(?i)\bsee(?:\s+also)?:?\s*$", text[lo:title.start]))


def _followed(text: str, title: Title, end: int, authored: bool) -> bool:
    """A title opens a citation when publication data or the note's end follow it,
    not when prose does (`*The Zen of Python* is a collection …`)."""
    rest = text[title.end:min(end, title.end + LOOK_AHEAD)].lstrip()
    if text[title.end - 2:title.end - 1] in (",", "."):  # `“Title,” 2 May 1892`: the style closed the title
        rest = ", " + rest
    if authored:
        # MLA's page follows the title with no comma: `Kozman, “Title” 83`
        return not rest or rest[0] in ",.;:(<[_*" or rest[0].isdigit() or bool(re.match(r"(?:In|in)\s+[_*]", rest))
    # no author: publication data with a date, a URL or a container must follow
    data = rest[:pubdata.extent(rest, 0, len(rest))]
    return rest[:1] in (",", ".", "(", "<", "_", "*") and bool(re.search(r"\d|https?:|<|[_*]\w", data))


def _citation(text: str, start: int, authors: str, title: Title, limit: int) -> ParsedCitation | None:
    if title.kind == "link-cite":
        return _link_cite(text, title, limit)
    stop = pubdata.trim(text, start, pubdata.extent(text, title.end, limit))
    stop = max(stop, title.end)
    data = text[title.end:stop]
    cite = ParsedCitation(start=start, end=stop, text=text[start:stop], authors=authors, title=title.text,
                          form="short-note")
    found = pubdata.year(data)
    if found:
        cite.year, cite.year_suffix = found
        cite.form = "full-note"
    marked = bool(re.search(r"(?<![\w_])_[^_]+_|\*[^*]+\*", data))
    container = title.kind == "quoted" and (marked or _named_after(data)) or bool(re.match(r"[,.]?\s*[Ii]n\s", data))
    cite.locator, cite.pages = pubdata.locator(data, container)
    cite.locator_label = "page"
    return cite


_MONTH_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$")


def _named_after(data: str) -> bool:
    """`“Title,” Astrobiology 15, no. 5 (2015)`: a name after a quoted title, with no
    marks left (plain text), is the journal or book that holds the work."""
    m = re.match(r"[,.]?\s*(?P<word>[A-Z][\w&’'\-]*)", data)
    if m is None:
        return False
    return not _MONTH_WORD.match(m.group("word")) and m.group("word") not in ("Accessed", "Retrieved")


def _link_cite(text: str, title: Title, limit: int) -> ParsedCitation:
    """`[Šurda, 2012](url)`, with the pages that may follow the link."""
    m = _LINK_CITE.fullmatch(title.text)
    assert m is not None  # read_title made it a link-cite only on a match
    stop = title.end
    pages = _LINK_PAGES.match(text, stop, limit)
    locator = ""
    if pages:
        stop = pages.end()
        locator = re.sub(r"^,\s*(?:(?:pp?|pg)\.\s*)?", "", pages.group())
    return ParsedCitation(start=title.start, end=stop, text=text[title.start:stop], authors=m.group("authors").strip(),
                          year=m.group("year"), year_suffix=m.group("suffix"), locator=locator, form="author-date")
