"""Reference-manager citation fields of a .docx, read into `FieldCitation`s.

Zotero writes `ADDIN ZOTERO_ITEM CSL_CITATION {json}`, Mendeley `ADDIN
CSL_CITATION {json}` (both CSL citation JSON: `citationItems` with `itemData`
in CSL-JSON and a `locator`), EndNote `ADDIN EN.CITE <EndNote><Cite>…`
(its own XML; long ones base64 in a nested `EN.CITE.DATA` field). Other
fields (page numbers, cross-references, hyperlinks) are left alone; a
citation field that cannot be read is a problem, not an error.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any, NamedTuple

from lxml import etree

from annotator.models import CitedItem, FieldCitation, Problem


class RawField(NamedTuple):
    instruction: str
    start: int  # where its displayed result stands in the rendered text
    end: int


CSL = re.compile(r"ADDIN\s+(ZOTERO_ITEM\s+)?CSL_CITATION\s*(\{.*)\Z", re.DOTALL)
ENDNOTE = re.compile(r"ADDIN\s+EN\.CITE(?!\.DATA)\s*(.*)\Z", re.DOTALL)
MENDELEY_CITE = re.compile(r"MENDELEY_CITATION_v3_(\S+)\Z")  # Mendeley Cite: base64 JSON in a content control's tag
ENDNOTE_DATA = re.compile(r"ADDIN\s+EN\.CITE\.DATA\s+([A-Za-z0-9+/=\s]+)")
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
KEY_IN_NOTE = re.compile(r"^Citation Key:\s*(\S+)", re.MULTILINE)  # Better BibTeX puts it in `extra`


def citation_fields(raw: list[RawField], file: str) -> tuple[list[FieldCitation], list[Problem]]:
    fields, problems = [], []
    for f in raw:
        try:
            read = read_instruction(f.instruction)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as err:  # JSON of an unexpected shape
            problems.append(Problem(file=file, offset=f.start, reason=f"citation field not read ({err}); "
                                    "its printed text is parsed instead"))
            continue
        if read is not None and read[0]:
            fields.append(FieldCitation(start=f.start, end=f.end, items=read[0], locators=read[1]))
    return fields, problems


def read_instruction(instruction: str) -> tuple[list[CitedItem], list[str]] | None:
    """The items and locators of a citation field; None for any other field."""
    instruction = instruction.strip()
    csl = CSL.match(instruction)
    if csl:
        return _csl(csl.group(2), "Zotero" if csl.group(1) else "Mendeley")
    cite = MENDELEY_CITE.match(instruction)
    if cite:
        return _csl(_base64(cite.group(1), "Mendeley Cite"), "Mendeley")
    endnote = ENDNOTE.match(instruction)
    if endnote:
        return _endnote(endnote.group(1))
    return None


# -- CSL citation JSON (Zotero, Mendeley) -------------------------------------


def _csl(raw: str, manager: str) -> tuple[list[CitedItem], list[str]]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        raise ValueError(f"{manager} JSON broken at character {err.pos}") from None
    items, locators = [], []
    for cited in data.get("citationItems", []) if isinstance(data, dict) else []:
        if not isinstance(cited, dict):
            raise ValueError(f"{manager} citation item is not an object")
        item = cited.get("itemData") or {}
        uris = cited.get("uris") or cited.get("uri") or []
        uris = [uris] if isinstance(uris, str) else uris
        own_id = _own_id(str(uris[0])) if uris else str(item.get("id", cited.get("id", "")))
        key = item.get("citation-key") or item.get("citation_key") or ""
        if not key:
            in_note = KEY_IN_NOTE.search(str(item.get("note", "")))
            key = in_note.group(1) if in_note else ""
        items.append(CitedItem(
            manager=manager, id=own_id, key=str(key), authors=_csl_names(item.get("author") or item.get("editor")),
            year=_csl_year(item.get("issued")), title=str(item.get("title", "")), doi=str(item.get("DOI", "")),
            container=str(item.get("container-title", "")), publisher=str(item.get("publisher", "")),
            type=str(item.get("type", "")), url=str(item.get("URL", ""))))
        locators.append(str(cited.get("locator", "")))
    return items, locators


def _own_id(uri: str) -> str:
    """Zotero's item key ends its URI; Mendeley's uuid is its query."""
    return uri.split("uuid=", 1)[1] if "uuid=" in uri else uri.rstrip("/").rsplit("/", 1)[-1]


def _csl_names(names: Any) -> list[str]:
    out = []
    for n in names if isinstance(names, list) else []:
        if not isinstance(n, dict):
            continue
        family = " ".join(p for p in (n.get("non-dropping-particle"), n.get("family")) if p)
        if family and n.get("given"):
            out.append(f"{family}, {n['given']}")
        elif family or n.get("literal"):
            out.append(family or n["literal"])
    return out


def _csl_year(issued: Any) -> str:
    if not isinstance(issued, dict):
        return ""
    parts = issued.get("date-parts") or [[]]
    if parts and parts[0] and str(parts[0][0]).strip():
        return str(parts[0][0]).strip()
    found = YEAR.search(str(issued.get("raw", "") or issued.get("literal", "")))
    return found.group(1) if found else ""


def _base64(data: str, what: str) -> str:
    """Standard or URL-safe base64, padding optional (Mendeley Cite drops it)."""
    data = "".join(data.split())
    try:
        return base64.b64decode(data + "=" * (-len(data) % 4), altchars=b"-_" if "-" in data or "_" in data
                                else None).decode("utf-8")
    except (binascii.Error, ValueError):
        raise ValueError(f"{what} is not base64") from None


# -- EndNote ------------------------------------------------------------------


def _endnote(raw: str) -> tuple[list[CitedItem], list[str]]:
    data = ENDNOTE_DATA.search(raw)
    if data:  # the citation travels base64-encoded in a nested field
        raw = _base64(data.group(1), "EndNote EN.CITE.DATA")
    raw = raw.strip()
    if not raw:
        return [], []
    try:
        root = etree.fromstring(raw.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, recover=False))
    except etree.XMLSyntaxError as err:
        raise ValueError(f"EndNote XML broken: {err}") from None
    items, locators = [], []
    for cite in root.iter("Cite"):
        record = cite.find("record")
        authors = [_text(a) for a in record.iterfind("contributors/authors/author")] if record is not None else []
        shown = _text(cite.find("Author"))  # the first author's name as cited, when there is no record
        items.append(CitedItem(
            manager="EndNote", id=_text(cite.find("RecNum")), key=_text(record, "label"),
            authors=authors or ([shown] if shown else []),
            year=_text(cite.find("Year")) or _text(record, "dates/year"), title=_text(record, "titles/title"),
            doi=_text(record, "electronic-resource-num"), container=_text(record, "titles/secondary-title"),
            publisher=_text(record, "publisher"), type=_ref_type(record),
            url=_text(record, "urls/related-urls/url")))
        locators.append(_text(cite.find("Pages")))
    return items, locators


def _text(el: etree._Element | None, path: str = "") -> str:
    """Text of an element, styled runs (`<style face="italic">`) joined."""
    if el is not None and path:
        el = el.find(path)
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


ENDNOTE_TYPES = {"Journal Article": "article-journal", "Book": "book", "Book Section": "chapter",
                 "Report": "report", "Web Page": "webpage", "Newspaper Article": "article-newspaper",
                 "Thesis": "thesis", "Conference Paper": "paper-conference"}


def _ref_type(record: etree._Element | None) -> str:
    ref = record.find("ref-type") if record is not None else None
    return ENDNOTE_TYPES.get(ref.get("name", ""), "") if ref is not None else ""
