"""Linking a citation that carries a reference manager's item (from a .docx
field): by DOI, then by citation key, then by authors, year and title; and
the item as an entry of its own when bib/ has none for it, so the index can
list the source from the field data alone."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Protocol

from unidecode import unidecode

from annotator.models import AnnotationFile, CitedItem

from .bibtex import BibEntry, BibName
from .names import fold


class Resolver(Protocol):
    """What `link.Resolver` offers (named here so this module need not import `link`, which imports it)."""

    by_doi: dict[str, BibEntry]
    by_key: dict[str, BibEntry]

    def resolve(self, authors: str, year: str = "", year_suffix: str = "", title: str = "") -> Any: ...

CSL_TO_BIBTEX = {"article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
                 "book": "book", "chapter": "incollection", "paper-conference": "inproceedings",
                 "report": "techreport", "thesis": "phdthesis", "webpage": "online"}
CONTAINER = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}


def normal_doi(doi: str) -> str:
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.I).lower()


def doi_index(entries: list[BibEntry]) -> dict[str, BibEntry]:
    return {normal_doi(e.fields["doi"]): e for e in entries if e.fields.get("doi", "").strip()}


def match_item(item: CitedItem, resolver: Resolver, authors: str) -> tuple[str, float, str] | None:
    """(key, score, how) of the bib/ entry the item is, or None."""
    doi = normal_doi(item.doi)
    if doi and doi in resolver.by_doi:
        return resolver.by_doi[doi].key, 1.0, "DOI"
    for key in (item.key, item.id):
        if key and key in resolver.by_key:
            return key, 1.0, "key"
    if authors and item.year:
        link = resolver.resolve(authors, item.year, "", item.title)
        if link.key:
            return link.key, link.score, link.reason
    return None


def item_key(item: CitedItem) -> str:
    """A key for an item bib/ does not hold: its own citation key, else surname, year and a
    short hash of its DOI or title (the same work cited in two documents gets one key)."""
    if item.key:
        return item.key
    surname = item.authors[0].split(",")[0] if item.authors else item.title.split(" ")[0] if item.title else "item"
    stem = re.sub(r"[^a-z0-9]+", "", unidecode(surname).lower()) or "item"
    identity = normal_doi(item.doi) or f"{fold(item.title)}|{item.year}"
    return f"{stem}{item.year}-{hashlib.blake2b(identity.encode(), digest_size=2).hexdigest()}"


def item_entry(item: CitedItem) -> BibEntry:
    """The item as a bibliography entry, for the index and its CSL references."""
    entry_type = CSL_TO_BIBTEX.get(item.type, "misc")
    if entry_type == "article" and not item.container:
        entry_type = "misc"  # a newspaper piece known by title only: "article" would print an empty journal
    fields = {"title": item.title, "year": item.year, "doi": item.doi, "url": item.url, "publisher": item.publisher,
              CONTAINER.get(entry_type, "howpublished"): item.container,
              "author": " and ".join(a if "," in a else "{" + a + "}" for a in item.authors),
              "note": f"from {item.manager} field"}
    return BibEntry(key=item_key(item), entry_type=entry_type, fields={k: v for k, v in fields.items() if v},
                    authors=[_name(a) for a in item.authors], year=item.year, title=item.title)


def _name(author: str) -> BibName:
    if "," in author:
        last, first = (p.strip() for p in author.split(",", 1))
        return BibName(last=last, first=first)
    return BibName(last=author, corporate=True)


def stored_item_entries(paths: list[Path], known: set[str]) -> list[BibEntry]:
    """Entries for the items stored citations link to and `known` keys do not cover.

    Only files that hold an item at all are validated: the others are skipped
    on a byte search, so a corpus without .docx pays almost nothing.
    """
    from annotator.store import store

    holding = [path for path in paths if b'"item": {' in (data := path.read_bytes()) or b'"item":{' in data]
    return item_entries([store.load(path) for path in holding], known)


def item_entries(afiles: list[AnnotationFile], known: set[str]) -> list[BibEntry]:
    """`stored_item_entries` for annotation files already loaded."""
    found: dict[str, BibEntry] = {}
    for afile in afiles:
        for ann in afile.annotations:
            if ann.kind == "citation" and ann.item and ann.bib_key and ann.bib_key not in known:
                entry = item_entry(ann.item)
                if entry.key == ann.bib_key:
                    found.setdefault(entry.key, entry)
    return sorted(found.values(), key=lambda e: e.key)
