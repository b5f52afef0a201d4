"""Bibliography data as biblatex writes it, beyond what bibtexparser resolves:
`@string` macros joined with `#`, and `crossref`/`xdata` inheritance."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# `bibtex.BibEntry` and `bibtex.BibName`: `bibtex` calls this module, so it does not import them back
BibEntry = Any
BibName = Any

_CONCAT = re.compile(r"\s+#\s+")
_MONTH_MACROS = {m: m.capitalize() for m in "jan feb mar apr may jun jul aug sep oct nov dec".split()}


def joined(value: str, strings: dict[str, str]) -> str:
    """`hup # { Cambridge}`, `"28~" # jul`: `@string` macros joined with `#`, as BibTeX joins them."""
    if "#" not in value or not _CONCAT.search(value):
        return value
    parts = []
    for part in _CONCAT.split(value.strip()):
        part = part.strip()
        if len(part) > 1 and part[0] + part[-1] in ("{}", '""'):
            parts.append(part[1:-1])
        else:
            parts.append(strings.get(part.lower(), _MONTH_MACROS.get(part.lower(), part)))
    return "".join(parts).strip()


def inherit(entries: list[BibEntry], read_names: Callable[[str], list[BibName]],
            read_year: Callable[[dict[str, str]], str]) -> None:
    """`crossref`/`xdata`: a child takes the fields it lacks from its parent (the parent's
    title as its `booktitle`), so a chapter gets its book's year, editors and publisher."""
    by_key = {e.key: e for e in entries if not e.duplicate}
    for i, e in enumerate(entries):
        parents = [by_key[k.strip()] for k in re.split(r"\s*,\s*", e.fields.get("crossref", "") + ","
                                                       + e.fields.get("xdata", "")) if k.strip() in by_key]
        if not parents:
            continue
        fields = dict(e.fields)
        for parent in parents:
            if parent.title and "booktitle" not in fields and e.entry_type.startswith("in"):
                fields["booktitle"] = parent.title
            for name, value in parent.fields.items():
                if name not in ("title", "crossref", "xdata", "ids", "shorthand", "label"):
                    fields.setdefault(name, value)
        raw_names = fields.get("author") or fields.get("editor") or fields.get("translator") or ""
        entries[i] = e.model_copy(update={"fields": fields, "year": e.year or read_year(fields),
                                             "authors": e.authors or read_names(raw_names)})
