"""Legal citations as courts and law reviews print them: `Brown v. Board of
Education, 347 U.S. 483, 495 (1954)`, `Id. at 12`, `Brown, supra, at 490`.

Read by `eyecite` (the Free Law Project's extractor, with its database of
reporters), not by patterns of our own. It is imported only for a note that
shows a reporter-like `volume Reporter page`, an `Id.` or a `supra`, and run
on each `;`-separated part, which keeps one case's year from running into
the next citation. A case's name is its "authors" (what the linker and a
reader match on); the pinpoint is the locator; `Id.` is an Ibid.
"""

from __future__ import annotations

import logging
import re

from .model import ParsedCitation

# eyecite logs the overlaps it settles itself ("Unknown overlap case"): not the user's concern.
logging.getLogger("eyecite").addHandler(logging.NullHandler())
logging.getLogger("eyecite").propagate = False

# A quick look before eyecite is loaded: a volume, a reporter, a page; or Id. / supra.
# Reporters carry a full stop (`U.S.`, `F.3d`, `S. Ct.`), but for Westlaw's `WL`.
_GATE = re.compile(r"\b\d+\s+(?:(?:[A-Z][A-Za-z]*\.\s?)+(?:\d[a-z]+\s)?|WL\s)\d+|(?<!\w)[Ii]d\.|\bsupra\b")
_PIN = re.compile(r"^(?:at\s+)?")


def find(text: str, start: int, end: int) -> list[ParsedCitation]:
    """The legal citations in text[start:end], in order."""
    if not _GATE.search(text, start, end):
        return []
    out: list[ParsedCitation] = []
    for a, b in _parts(text, start, end):
        if _GATE.search(text, a, b):
            out += _read(text, a, b)
    return out


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, cut, depth = [], start, 0
    for i in range(start, end):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if text[i] == ";" and depth <= 0:
            parts.append((cut, i))
            cut = i + 1
    parts.append((cut, end))
    return parts


def _read(text: str, start: int, end: int) -> list[ParsedCitation]:
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation, IdCitation, SupraCitation

    out = []
    # Markdown emphasis (`*Roe v. Wade*`) hides the case name from eyecite: blanked, same length
    plain = re.sub(r"[*_]", " ", text[start:end])
    try:
        found = get_citations(plain)
    except Exception:  # noqa: BLE001 - a part eyecite cannot read is prose to us, never a crash
        return []
    for c in found:
        a, b = c.full_span() if hasattr(c, "full_span") else c.span()
        if a > 0 and text[start + a - 1] in "*_":
            a -= 1  # the span opens with the name's own emphasis mark
        meta = c.metadata
        pin = _PIN.sub("", getattr(meta, "pin_cite", None) or "").strip()
        cite = ParsedCitation(start=start + a, end=start + b, text=text[start + a:start + b], authors="",
                              locator=pin, locator_label="page" if pin else "", form="legal")
        if isinstance(c, FullCaseCitation):
            cite.authors = _case_name(meta.plaintiff, meta.defendant)
            cite.year = meta.year or ""
        elif isinstance(c, IdCitation):
            cite.ibid, cite.form = True, "ibid"
        elif isinstance(c, SupraCitation):
            cite.authors = meta.antecedent_guess or ""
        else:
            continue  # statutes, law-journal and other kinds: not read here
        out.append(cite)
    return out


def _case_name(plaintiff: str | None, defendant: str | None) -> str:
    return " v. ".join(p.strip() for p in (plaintiff, defendant) if p and p.strip())
