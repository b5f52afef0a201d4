"""What BibTeX computes and bibtexparser 2 leaves as written: `#` joins and
`crossref` inheritance. Without them `publisher = pub # " " # uni` stays
that text (and is rendered with a stray `\\#`), and a chapter whose year is
in its `crossref` parent has no year: its citation goes unresolved and
`bib stub` adds a duplicate of it."""

from __future__ import annotations

from bibtexparser.model import Entry, Field

# Fields a child never takes from its parent: they name the parent itself.
_OWN = frozenset({"crossref", "xdata", "ids", "key", "shorthand", "label"})
# BibTeX's predefined month macros (`month = "28~" # jul`).
_MONTHS = {m: m.capitalize() for m in "jan feb mar apr may jun jul aug sep oct nov dec".split()}


def joined(value: str, strings: dict[str, str]) -> str:
    """`pub # " " # uni` as one text, `@string` macros expanded (names ignore
    case); a value that is not such a join (`http://x/#part`) is kept as written."""
    if "#" not in value:
        return value
    parts = _top_level(value)
    if len(parts) < 2:
        return value
    out = []
    for part in (p.strip() for p in parts):
        if len(part) > 1 and part[0] + part[-1] in ("{}", '""'):
            out.append(part[1:-1])
        elif part.isdigit():
            out.append(part)
        elif part.lower() in strings or part.lower() in _MONTHS:
            out.append(strings.get(part.lower()) or _MONTHS[part.lower()])
        else:
            return value
    return "".join(out)


def _top_level(value: str) -> list[str]:
    """`value` split at each `#` outside braces and quotes."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(value):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return parts


def inherit(entries: list[Entry]) -> None:
    """BibTeX's `crossref` and biblatex's `xdata` (either may list several keys):
    a child takes each field it lacks from its parents (a parent's title as its
    `booktitle`), in place."""
    by_key = {e.key.strip().lower(): e for e in entries}
    for child in entries:
        refs = [str(f.value).strip().strip("{}\"") for f in child.fields if f.key.lower() in ("crossref", "xdata")]
        keys = [k.strip().lower() for ref in refs for k in ref.split(",") if k.strip()]
        have = {f.key.lower() for f in child.fields}
        for parent in (by_key[k] for k in keys if k in by_key and by_key[k] is not child):
            for f in parent.fields:
                name = "booktitle" if f.key.lower() == "title" else f.key.lower()
                if name not in have and name not in _OWN:
                    child.set_field(Field(name, f.value))
                    have.add(name)
