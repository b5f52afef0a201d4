"""Author matching for the resolver: cited author text against `BibName`s.

Names are compared in a folded form (unidecode, lowercase, letters and digits
only), so `Радио Азаттык` meets `Radio Azattyk` and `Müller` meets `Muller`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from unidecode import unidecode

from .bibtex import BibEntry, BibName

ET_AL = re.compile(r",?\s*\bet\s+al\b\.?", re.I)
_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*&\s*|\s+and\s+|\s*&\s*|,\s+)\s*")
_INITIALS = re.compile(r"(?:[A-ZА-ЯЁ]\.\s*-?\s*)+")
_PAREN = re.compile(r"\s*[(\[]([^()\[\]]+)[)\]]\s*")
_SMALL = {"of", "the", "and", "for", "on", "in", "at", "to", "de", "des", "du", "la", "le", "und", "a", "an"}
PARTICLES = {"van", "der", "den", "de", "von", "zu", "da", "di", "del", "della", "du", "des", "la", "le", "ter", "ten"}


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Compare form: transliterated, lowercase, words of letters and digits."""
    latin = s if s.isascii() else unidecode(s)
    # One word for `O’Brien` and `García-Jiménez`: a cited surname is matched whole
    latin = _JOINER.sub("", latin)
    return " ".join(_NON_WORD.sub(" ", latin.lower()).split())


_NON_WORD = re.compile(r"[^0-9a-z]+")
_JOINER = re.compile(r"(?<=[A-Za-z])['\-](?=[A-Za-z])")


def acronym(name: str) -> str:
    """`United Nations Office on Drugs and Crime` → `unodc`."""
    words = [w for w in re.split(r"[\s\-/]+", unidecode(name)) if w and w.lower() not in _SMALL]
    return "".join(w[0] for w in words if w[0].isalpha()).lower() if len(words) > 1 else ""


@lru_cache(maxsize=200_000)
def entry_aliases(name: BibName) -> frozenset[str]:
    """Every folded form by which a text may cite this name."""
    if name.corporate or not name.first:
        whole = _PAREN.sub(" ", name.last)
        forms = {fold(whole), fold(name.last), acronym(whole)}
        forms |= {fold(p) for p in _PAREN.findall(name.last)}
        return frozenset(f for f in forms if f)
    last = fold(name.last)
    forms = {last, fold(f"{name.von} {name.last}")}
    return frozenset(f for f in forms if f)


def cited_names(authors: str) -> tuple[list[str], bool]:
    """Cited author text → folded names, and whether it ended in `et al.`."""
    etal = bool(ET_AL.search(authors))
    text = ET_AL.sub("", authors).strip()
    # APA keeps initials after each surname ("Nurmatov, A., & Lee, S."): they name nobody alone.
    parts = [p for p in _SPLIT.split(text) if p.strip() and not _INITIALS.fullmatch(p.strip())]
    return parts, etal


@lru_cache(maxsize=200_000)
def name_forms(cited: str) -> frozenset[str]:
    """Folded forms of one cited name: whole, surname (last words), acronym in parentheses."""
    forms = {fold(cited), fold(_PAREN.sub(" ", cited))}
    forms |= {fold(p) for p in _PAREN.findall(cited)}
    if re.fullmatch(r"[A-ZА-Я0-9/.\-&]+", cited.strip()):
        forms.add(fold(cited).replace(" ", ""))  # `RFE/RL` is the acronym `rferl`
    words = fold(_PAREN.sub(" ", cited)).split()
    for i in range(1, len(words)):
        # `Neta C. Crawford` → `crawford`; `Jan van der Berg` → `van der berg`, `berg`
        if words[i - 1] in PARTICLES or i == len(words) - 1 or words[i] in PARTICLES:
            forms.add(" ".join(words[i:]))
    return frozenset(f for f in forms if f)


def name_score(cited: str, name: BibName) -> float:
    """1.0 for an exact surname or corporate form; a fuzzy score down to 0."""
    forms, aliases = name_forms(cited), entry_aliases(name)
    matched = forms & aliases
    if matched:
        return 1.0 if _initials_agree(cited, name, matched) else 0.5
    whole = fold(_PAREN.sub(" ", cited))
    best = max((fuzz.ratio(whole, a) for a in aliases), default=0.0)
    if name.corporate:
        best = max(best, max((fuzz.token_set_ratio(whole, a) for a in aliases if len(a) > 6), default=0.0) - 5)
    return best / 100 if best >= 88 else 0.0


def _initials_agree(cited: str, name: BibName, matched: frozenset[str]) -> bool:
    """`A. Smith` is not `Smith, Bob`: given names written in the citation must agree."""
    words = fold(_PAREN.sub(" ", cited)).split()
    first = fold(name.first)
    if name.corporate or not first:
        return True
    for alias in matched:
        tail = alias.split()
        if len(words) > len(tail) and words[-len(tail):] == tail:
            lead = [w for w in words[:-len(tail)] if w not in PARTICLES]
            return not lead or lead[0][0] == first[0]
    return True


def author_score(authors: str, entry: BibEntry) -> float:
    """How well the cited author text names the entry's authors, 0..1."""
    if not entry.authors:
        return 0.0
    whole = max((name_score(authors, n) for n in entry.authors[:1]), default=0.0) if len(entry.authors) == 1 else 0.0
    names, etal = cited_names(authors)
    if not names:
        return whole
    if etal:
        if len(entry.authors) < 2:
            return whole
        return min(name_score(names[0], entry.authors[0]), 1.0)
    if len(names) != len(entry.authors):
        return whole
    scores = [name_score(c, n) for c, n in zip(names, entry.authors)]
    return max(whole, min(scores))


def index_keys(entry: BibEntry) -> frozenset[str]:
    """Lookup keys of an entry: its first author's folded forms and their last words."""
    if not entry.authors:
        return frozenset()
    keys = entry_aliases(entry.authors[0])
    return keys | {k.split()[-1] for k in keys if k}


def lookup_keys(authors: str) -> frozenset[str]:
    names, _ = cited_names(authors)
    first = names[0] if names else authors
    keys = name_forms(first) | name_forms(authors)
    return keys | {k.split()[-1] for k in keys if k}
