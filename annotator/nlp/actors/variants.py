"""Transliteration variants of one person: "Qasym-Jomart Toqaev" is
"Kassym-Jomart Tokayev", "Shavkat Mirziyoev" is "Shavkat Mirziyoyev".

Names from Kazakh, Uzbek, Tajik, Russian, Pashto or Arabic reach English
copy in several spellings. A spelling key folds the usual alternations
(q/k, kh/h, zh/dzh/j, yev/ev, y/i, doubled letters) after `unidecode`; a
person whose key equals a known person's (the gazetteer's aliases, or a
person named earlier in the document) takes that person's id.
"""

from __future__ import annotations

import re

from unidecode import unidecode

from .data import Gazetteer
from .rules import Mention

FOLDS = [("dzh", "j"), ("zh", "j"), ("kh", "h"), ("q", "k"), ("yev", "ev"), ("yeva", "eva"), ("iy", "i"),
         ("yo", "o"), ("ye", "e"), ("y", "i"), ("ou", "u"), ("w", "v"), ("ph", "f")]


def key(name: str) -> str:
    """The spelling key of a name: letters only, alternations folded."""
    text = re.sub(r"[^a-z]", "", unidecode(name).lower())
    for a, b in FOLDS:
        text = text.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", text)


def variant_index(gaz: Gazetteer) -> dict[str, str]:
    """Spelling key -> person id, for the gazetteer's full names (two words or more)."""
    return {key(alias): e.id for e in gaz.entries.values() if e.type == "person"
            for alias in e.aliases if len(alias.split()) > 1}


def link_variants(doc, mentions: list[Mention], known: dict[str, str]) -> None:
    """Give a full name spelt otherwise the id of the known or earlier person."""
    seen: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.type != "person" or m.end - m.start < 2:
            continue
        k = key(doc[m.start:m.end].text)
        if len(k) < 8:
            continue  # short names fold together too easily
        m.canonical = known.get(k) or seen.setdefault(k, m.canonical)
