"""Note text → citations, with exact spans. Pure string work, no spaCy.

Three shapes are recognised, tried in this order on each `;`-separated part
of a note:

* author-date (Chicago author-date, APA, Harvard, APSA): `Crawford 2021, 14–15`,
  `Crawford, 2021, p. 14`, a bare `2021b` continuing the previous author;
* note-bibliography (Chicago notes): full notes `Neta C. Crawford, Title
  (Place: Publisher, 2021), 14` and short notes `Crawford, Short Title, 14`;
* author-page (MLA): `(Crawford 14)`, `(Crawford and Lutz)`;
* reference entries (APA): `Tursunova, D. (2023). Title. Publisher.`,
  tried first (see `refs`).

`Ibid.` / `ibid., 15` become an `ibid` citation carrying only the locator.
Prose around a citation is kept as its `prefix` / `suffix`; a note with no
citation at all is commentary and yields an empty list.

Pandoc citations (`[see @key, p. 12]`, `@key`: `pandoc`) are found first;
else legal citations (`legal`, read by eyecite) and works cited by title,
anywhere in the note (`works`: full and short notes, bibliography style,
title-only works, Markdown link titles); else
mid-sentence clusters (`gaps.clusters`). The rest of the note is read by the
forms above (`region`), and the prose between citations may still hold an
Ibid. or an author-date citation (`gaps`).
"""

from __future__ import annotations

import re

from . import gaps, legal, pandoc, prose, refs, urls, works
from .inline import find_inline
from .model import LOCATOR, YEAR, ParsedCitation
from .region import parse_plain, unwrap, with_dots

__all__ = ["LOCATOR", "YEAR", "ParsedCitation", "find_inline", "parse_note"]


# A short note that is its authors alone: "Briottet et al.", "Hale and Lind et al."
_ET_AL = re.compile(r"[A-Z][\w’'\-]+(?:\s+(?:and|&)\s+[A-Z][\w’'\-]+)?\s+et\s+al\.?")


def _names_alone(text: str, start: int, end: int) -> list[ParsedCitation]:
    m = _ET_AL.fullmatch(text, start, with_dots(text, end))
    return [ParsedCitation(start=m.start(), end=m.end(), text=m.group(), authors=m.group(), form="short-note")] \
        if m else []


def parse_note(text: str, offset: int = 0) -> list[ParsedCitation]:
    """All citations in one note's text; `offset` is where `text` starts in the file."""
    start, end = unwrap(text, 0, len(text))
    keyed = pandoc.find(text, start, end)
    cases = legal.find(text, start, with_dots(text, end))
    # a reference entry that opens the note is one citation, whatever its authors' `;` or title marks
    entry = [] if keyed or cases else [r for r in [refs.reference(text, start, end)] if r]
    titled = keyed or cases + entry + [w for w in works.find(text, start, with_dots(text, end))
                                       if not any(w.start < c.end and c.start < w.end for c in cases + entry)]
    titled.sort(key=lambda c: c.start)
    if titled:
        cites = gaps.around(text, start, end, titled)
    else:
        cites = parse_plain(text, start, end)
        # a full note's "(Place: Publisher, 1960)" is no mid-sentence cluster
        if not any(c.form in ("full-note", "short-note", "reference") for c in cites) and \
                (mid := gaps.clusters(text, start, end)):
            cites = gaps.around(text, start, end, mid)
    cites = gaps.fill(text, start, with_dots(text, end), cites) or _names_alone(text, start, end)
    if urls.linked_titles(text, start, cites):
        prose.distribute(text, start, with_dots(text, end), cites)
    for c in cites:
        c.start += offset
        c.end += offset
    return cites
