"""A bibliography entry (`bib.BibEntry`) → a CSL-JSON item for citeproc-py.

Names come from `bib.bibtex`'s own splitting and parsing, so corporate authors
(`{United Nations Office on Drugs and Crime}`) stay whole as CSL `literal`s.
"""

from __future__ import annotations

import re

from annotator.bib.bibtex import parse_name, split_names

TYPES = {
    "article": "article-journal", "book": "book", "booklet": "pamphlet", "inbook": "chapter",
    "incollection": "chapter", "inproceedings": "paper-conference", "conference": "paper-conference",
    "manual": "book", "mastersthesis": "thesis", "phdthesis": "thesis", "thesis": "thesis",
    "techreport": "report", "report": "report", "online": "webpage", "electronic": "webpage",
    "www": "webpage", "misc": "document", "unpublished": "manuscript", "newspaper": "article-newspaper",
    "periodical": "article-journal", "collection": "book", "proceedings": "book",
}
# BibTeX/BibLaTeX field → CSL variable, for fields copied as text.
TEXT_FIELDS = {
    "title": "title", "subtitle": "", "journal": "container-title", "journaltitle": "container-title",
    "booktitle": "container-title", "publisher": "publisher", "address": "publisher-place",
    "location": "publisher-place", "volume": "volume", "edition": "edition", "series": "collection-title",
    "doi": "DOI", "url": "URL", "isbn": "ISBN", "issn": "ISSN", "note": "note", "howpublished": "medium",
    "shorttitle": "title-short", "language": "language", "abstract": "", "keywords": "",
}
# Who published, for types whose publisher BibTeX names otherwise.
PUBLISHER_FALLBACK = ("institution", "school", "organization")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def to_csl(entry, item_id: str) -> dict:
    fields = {k.lower(): _clean(v) for k, v in entry.fields.items() if k.lower() not in ("author", "editor")}
    item: dict = {"id": item_id, "type": _type(entry.entry_type, fields)}
    for name, var in TEXT_FIELDS.items():
        if fields.get(name) and var:
            item.setdefault(var, fields[name])
    if fields.get("subtitle") and "title" in item:
        item["title"] = f"{item['title']}: {fields['subtitle']}"
    _publisher(item, fields)
    _numbers(item, fields)
    _dates(item, entry, fields)
    _names(item, entry)
    return item


def _type(entry_type: str, fields: dict) -> str:
    # "document" is CSL 1.0.2's catch-all; an older type renders a stub as "Preprint".
    csl = TYPES.get(entry_type.lower(), "document")
    if csl == "article-journal" and fields.get("entrysubtype", "").lower() == "newspaper":
        return "article-newspaper"
    return csl


def _publisher(item: dict, fields: dict) -> None:
    if "publisher" not in item:
        for name in PUBLISHER_FALLBACK:
            if fields.get(name):
                item["publisher"] = fields[name]
                break
    if item["type"] == "thesis":
        item["genre"] = "PhD diss." if "phd" in fields.get("type", "phd").lower() else "Master's thesis"
    elif fields.get("type"):  # a report series or kind: "Costs of War", "Working Paper"
        item["genre"] = fields["type"]


def _numbers(item: dict, fields: dict) -> None:
    if fields.get("pages"):
        item["page"] = re.sub(r"\s*-{1,3}\s*", "–", fields["pages"])
    number = fields.get("number") or fields.get("issue")
    if number:
        item["issue" if item["type"].startswith("article") else "number"] = number


def _dates(item: dict, entry, fields: dict) -> None:
    issued = _date_parts(fields.get("date", "")) or _year_month(entry, fields)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    accessed = _date_parts(fields.get("urldate", ""))
    if accessed:
        item["accessed"] = {"date-parts": [accessed]}


def _date_parts(value: str) -> list[int]:
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value)
    return [int(p) for p in m.groups() if p] if m else []


def _year_month(entry, fields: dict) -> list[int]:
    m = re.match(r"\s*(\d{4})", getattr(entry, "year", "") or fields.get("year", ""))
    if not m:
        return []
    month = fields.get("month", "").strip().lower()
    number = _MONTHS.get(month[:3]) or (int(month) if month.isdigit() and 0 < int(month) < 13 else 0)
    return [int(m.group(1)), number] if number else [int(m.group(1))]


def _names(item: dict, entry) -> None:
    for role in ("author", "editor", "translator"):
        raw = entry.fields.get(role, "")
        if raw:
            item[role] = [_csl_name(parse_name(n)) for n in split_names(raw)]


def _csl_name(name) -> dict:
    if name.corporate or not name.first:
        return {"literal": _clean(name.last)}
    out = {"family": _clean(name.last), "given": _clean(name.first)}
    if name.von:
        out["non-dropping-particle"] = name.von
    return out


def _clean(value: str) -> str:
    """Braces that protected case in BibTeX are noise in CSL-JSON."""
    value = value.replace("\\&", "&").replace("{", "").replace("}", "")
    return " ".join(value.split())
