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
_GATE = re.compile(r"\b\d+\s+(?:(?:[A-Z][A-Za-z]*\.\s?)+(?:\d[a-z]+\s)?(?:at\s+|§+\s*)?|WL\s)\d+"
                   r"|(?<![A-Za-z\d])[Ii]d[*_]?\.|\bsupra\b")
_PIN = re.compile(r"^(?:at\s+)?")
# A pinpoint after "at": pages and ranges, "580-81", "16–17", "2, 13".
_AT = r"(?:,?\s*at\s+(?P<pin>\d+(?:\s*[–—-]\s*\d+)?(?:,\s*\d+(?:\s*[–—-]\s*\d+)?)*))?"
# Id. with the emphasis Markdown writers put around it: `*Id.*`, `*Id*.`, `*Id. *at 8`, `_id._ at 5`.
_ID = re.compile(r"(?<![\w.])(?P<open>[*_])?[Ii]d(?:\.(?:\s?[*_])?|[*_]\.)" + _AT.replace(",?", ""))
# "Name, supra note 6, at 8" / "Name, *supra*, at 490": the name is what the writer shortened the work to.
_SUPRA = re.compile(r",\s*[*_]?supra[*_]?(?:\s+notes?\s+\d+)?" + _AT)
# Where a supra's name starts: the part's start, a sentence's end, or a Bluebook signal ("*See*", "Compare").
_SIGNAL = r"(?i:\b(?:see(?:\s+also|\s+generally)?|but\s+see|cf\.|compare|accord|contra|e\.g\.,?))"
_NAME_START = re.compile(rf"(?:^|[.;:]\s+|{_SIGNAL}[*_]?\s+[*_]?)(?=[^.;:]*$)")
_LINK = re.compile(r"\[([^\[\]]*)\](?:\[[^\[\]]*\]|\([^()]*\))")  # [text][ref] or [text](url)
MAX_NAME_WORDS = 8


def find(text: str, start: int, end: int) -> list[ParsedCitation]:
    """The legal citations in text[start:end], in order."""
    if not _GATE.search(text, start, end):
        return []
    out: list[ParsedCitation] = []
    for a, b in _parts(text, start, end):
        if _GATE.search(text, a, b):
            mine = _ids(text, a, b) + _supras(text, a, b)
            out += mine + [c for c in _read(text, a, b) if not any(c.start < m.end and m.start < c.end for m in mine)]
    return sorted(out, key=lambda c: c.start)


def _ids(text: str, start: int, end: int) -> list[ParsedCitation]:
    """Every `Id.` (an Ibid. that names the authority cited just before), with its pinpoint."""
    out = []
    for m in _ID.finditer(text, start, end):
        cite = ParsedCitation(start=m.start(), end=m.end(), text=m.group(), authors="", ibid=True, form="ibid")
        if m.group("pin"):
            cite.locator, cite.locator_label = m.group("pin"), "page"
        out.append(cite)
    return out


def _supras(text: str, start: int, end: int) -> list[ParsedCitation]:
    """`DoD Report, *supra* note 1, at 44`: the short name before `supra` is its authors."""
    out = []
    for m in _SUPRA.finditer(text, start, end):
        # the last start: "… at 44. *See* Hale, supra"
        lead = max(_NAME_START.finditer(text, start, m.start()), key=lambda x: x.end(), default=None)
        if lead is None or not 0 < len(text[lead.end():m.start()].split()) <= MAX_NAME_WORDS:
            continue
        cite = ParsedCitation(start=lead.end(), end=m.end(), text=text[lead.end():m.end()],
                              authors=_plain(text[lead.end():m.start()]), form="legal")
        if m.group("pin"):
            cite.locator, cite.locator_label = m.group("pin"), "page"
        out.append(cite)
    return out


def _plain(name: str) -> str:
    """A name as read: link markup and emphasis gone (`[Campbell v. Acuff-Rose][29]` → `Campbell v. Acuff-Rose`)."""
    return re.sub(r"[*_]", "", _LINK.sub(r"\1", name)).strip(" ,")


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
    from eyecite.models import FullCaseCitation, FullLawCitation, ShortCaseCitation

    out = []
    # Markdown emphasis (`*Roe v. Wade*`) hides the case name from eyecite: blanked, same length
    plain = re.sub(r"[*_]", " ", text[start:end])
    try:
        found = get_citations(plain)
    except Exception:  # noqa: BLE001 - a part eyecite cannot read is prose to us, never a crash
        return []
    for c in found:
        a, b = c.full_span() if hasattr(c, "full_span") else c.span()
        a = _name_start(text, start, start + a) - start
        meta = c.metadata
        pin = _PIN.sub("", getattr(meta, "pin_cite", None) or "").strip()
        cite = ParsedCitation(start=start + a, end=start + b, text=text[start + a:start + b], authors="",
                              locator=pin, locator_label="page" if pin else "", form="legal")
        reporter_at = start + c.span()[0]
        if isinstance(c, FullCaseCitation | ShortCaseCitation):
            # the case name as written before the reporter: eyecite's drops words ("Sony Corporation  America")
            cite.authors = _plain(text[start + a:reporter_at]) or _case_name(meta.plaintiff, meta.defendant)
            cite.year = getattr(meta, "year", None) or ""
        elif isinstance(c, FullLawCitation) and c.groups.get("section"):  # "17 U.S.C. § 107": its section
            a = _name_start(text, start, reporter_at) - start
            cite.locator, cite.locator_label = f"§ {c.groups['section']}", "section"
            cite.year = getattr(meta, "year", None) or ""
        else:
            continue  # law-journal and other kinds: not read here
        link = _LINK.match(text, start + a) if text[start + a] == "[" else None
        b = max(b, link.end() - start) if link else b  # "[17 U.S.C. § 107][27]": the whole link
        cite.start, cite.end = start + a, start + b
        cite.text = text[cite.start:cite.end].rstrip()
        cite.end = cite.start + len(cite.text)
        out.append(cite)
    return out


def _name_start(text: str, start: int, at: int) -> int:
    """Where a case name that eyecite starts at `at` opens: with its emphasis mark
    (`*Campbell*`), or at the bracket of the link it is the text of (`[Campbell v. X][29]`)."""
    while at < len(text) and text[at] in " *_":  # the blanked emphasis eyecite may start at
        at += 1
    if at > start and text[at - 1] in "*_":
        return at - 1
    link = text.rfind("[", start, at)
    if link < 0 or "]" in text[link:at]:
        return at
    whole = _LINK.match(text, link)
    return link if whole and whole.end() > text.find("]", at) >= 0 else at


def _case_name(plaintiff: str | None, defendant: str | None) -> str:
    return " v. ".join(p.strip() for p in (plaintiff, defendant) if p and p.strip())
