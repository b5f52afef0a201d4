"""Load `bib/*.bib` into `BibEntry` models, with every problem kept as data.

With its helper `joins` (`#` joins, `crossref`), the only module that imports
bibtexparser. Known traps of bibtexparser 2 that
are handled here: blocks it cannot parse and duplicate keys go to
`failed_blocks` and would vanish from `entries`; LaTeX decoding before names
are split breaks `{{United Nations Office on Drugs and Crime}}` and braced
Cyrillic names; field names are case-sensitive.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path

import bibtexparser
from bibtexparser.middlewares.names import parse_single_name_into_parts
from bibtexparser.model import Block, DuplicateBlockKeyBlock, Entry, Field, ParsingFailedBlock
from pydantic import BaseModel, ConfigDict

from annotator.errors import BibError
from annotator.models import Problem

from .joins import inherit, joined
from .latex import decode

STUB_MARK = "stub"
# bibtexparser logs each failed block; they are reported as Problems instead.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").propagate = False


class BibName(BaseModel):
    """One author or editor; `corporate` names are kept whole."""

    model_config = ConfigDict(frozen=True)
    last: str
    first: str = ""
    von: str = ""
    corporate: bool = False

    def full(self) -> str:
        return " ".join(p for p in (self.first, self.von, self.last) if p)


class BibEntry(BaseModel):
    key: str
    entry_type: str
    fields: dict[str, str]  # lowercase names, values decoded from LaTeX
    authors: list[BibName] = []  # author, else editor, else translator
    year: str = ""
    title: str = ""
    file: str = ""
    line: int = 0
    stub: bool = False
    duplicate: bool = False  # a second entry with an already used key


class Bibliography(BaseModel):
    entries: list[BibEntry] = []
    problems: list[Problem] = []

    def by_key(self) -> dict[str, BibEntry]:
        """First entry per key; duplicates stay in `entries` and in the problems."""
        out: dict[str, BibEntry] = {}
        for e in self.entries:
            out.setdefault(e.key, e)
        return out


_AND = re.compile(r"\s+and\s+", re.I)
_SIMPLE_NAME = re.compile(r"([A-Z][^,{}\\\s]*(?: [A-Z][^,{}\\\s]*)*), ([^,{}\\]+)")


def split_names(raw: str) -> list[str]:
    """Split on ` and ` at brace depth 0 only, so `{Office on Drugs and Crime}` stays whole."""
    if "{" not in raw:  # the usual case needs no brace counting
        return [n.strip() for n in _AND.split(raw) if n.strip()]
    names, depth, cut, i = [], 0, 0, 0
    while i < len(raw):
        ch = raw[i]
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0 and raw[i:i + 5].lower() == " and ":
            names.append(raw[cut:i])
            cut = i = i + 5
            continue
        i += 1
    names.append(raw[cut:])
    return [n.strip() for n in names if n.strip()]


def parse_name(raw: str) -> BibName:
    """One raw BibTeX name → parts, decoding LaTeX per part after splitting."""
    raw = " ".join(raw.split())
    if raw.startswith("{") and raw.endswith("}") and _balanced(raw[1:-1]):
        return BibName(last=decode(raw[1:-1]), corporate=True)
    simple = _SIMPLE_NAME.fullmatch(raw)
    if simple:  # "Crawford, Neta C.": no particle, no brace, no LaTeX
        return BibName(last=decode(simple.group(1)), first=decode(simple.group(2)))
    try:
        parts = parse_single_name_into_parts(raw, strict=False)
    except ValueError:  # InvalidNameError: a malformed name is still a name, kept whole
        return BibName(last=decode(raw), corporate=True)
    return BibName(last=decode(" ".join(parts.last + parts.jr)), first=decode(" ".join(parts.first)),
                   von=decode(" ".join(parts.von)))


def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def is_stub(fields: dict[str, str]) -> bool:
    keywords = re.split(r"[,;\s]+", fields.get("keywords", "").lower())
    return STUB_MARK in keywords or fields.get("note", "").lower().startswith(STUB_MARK)


def _line(block: Block | Field) -> int | None:
    """The 1-based line a block or field starts on (bibtexparser counts from 0,
    and knows it for whatever it parsed from text)."""
    return None if block.start_line is None else block.start_line + 1


def _entry(block: Entry, file: str, problems: list[Problem], duplicate: bool = False,
           strings: dict[str, str] | None = None) -> BibEntry:
    fields: dict[str, str] = {}
    line = _line(block) or 0  # a BibEntry's 0: line unknown
    for f in block.fields:
        name = f.key.lower()
        if name in fields:
            why = f"entry '{block.key}': field '{f.key}' given twice (names ignore case); the first is kept"
            problems.append(Problem(file=file, line=_line(f), reason=why))
            continue
        value = joined(f.value if isinstance(f.value, str) else str(f.value), strings or {})
        fields[name] = _unenclose(value) if duplicate else value
    raw_names = fields.get("author") or fields.get("editor") or fields.get("translator") or ""
    authors = [parse_name(n) for n in split_names(raw_names)]
    decoded = {k: (v if k in ("author", "editor") else decode(v)) for k, v in fields.items()}
    return BibEntry(key=block.key, entry_type=block.entry_type.lower(), fields=decoded, authors=authors,
                    year=_year(decoded), title=decoded.get("title", ""), file=file, line=line,
                    stub=is_stub(decoded), duplicate=duplicate)


def _unenclose(value: str) -> str:
    """Blocks bibtexparser rejected skip its middlewares: drop the outer braces or quotes here."""
    value = value.strip()
    if len(value) > 1 and value[0] + value[-1] in ("{}", '""') and _balanced(value[1:-1]):
        return value[1:-1]
    return value


def _year(fields: dict[str, str]) -> str:
    if fields.get("year"):
        return fields["year"].strip()
    m = re.match(r"\s*(\d{4})", fields.get("date", ""))
    return m.group(1) if m else ""


def parse_bibtex(text: str, file: str = "<string>") -> Bibliography:
    """Parse BibTeX text; failed blocks and duplicate keys become problems."""
    library = bibtexparser.parse_string(text)
    bib = Bibliography()
    strings = {s.key.lower(): str(s.value) for s in library.strings}
    inherit(library.entries)
    for block in library.blocks:
        if isinstance(block, (Entry, DuplicateBlockKeyBlock)) and not block.key.strip():  # nothing could cite it
            what = f"@{block.entry_type} entry" if isinstance(block, Entry) else "an entry"  # a second keyless one
            bib.problems.append(Problem(file=file, line=_line(block), severity="error",
                                        reason=f"{what} has no key: not loaded"))
        elif isinstance(block, Entry):
            bib.entries.append(_entry(block, file, bib.problems, strings=strings))
        elif isinstance(block, DuplicateBlockKeyBlock):
            bib.problems.append(Problem(file=file, line=_line(block), severity="error",
                                        reason=f"duplicate key '{block.key}' (kept, but citations link to the first)"))
            if isinstance(block.ignore_error_block, Entry):  # always, for a duplicate key
                bib.entries.append(_entry(block.ignore_error_block, file, bib.problems, duplicate=True))
        elif isinstance(block, ParsingFailedBlock):
            bib.problems.append(Problem(file=file, line=_line(block), severity="error",
                                        reason=_failure(block)))
    _check_entries(bib, file)
    return bib


def _failure(block: ParsingFailedBlock) -> str:
    raw = (block.raw or "").strip()
    first = raw.splitlines()[0][:60] if raw else ""
    why = getattr(block.error, "abort_reason", "") or str(block.error or "") or "syntax error"
    return f"block '{first}' not loaded (unclosed entry or syntax error): {why.strip()}"


def _check_entries(bib: Bibliography, file: str) -> None:
    for e in bib.entries:
        missing = [f for f in ("author", "year") if not (e.authors if f == "author" else e.year)]
        if missing and not ((e.fields.get("editor") or e.fields.get("translator")) and missing == ["author"]):
            bib.problems.append(Problem(file=file, line=e.line,
                                        reason=f"entry '{e.key}' has no {' and no '.join(missing)}"))


def bib_paths(root: str | Path) -> list[Path]:
    """`*.bib` files in a folder (sorted), or the file itself."""
    root = Path(root)
    if root.is_file():
        return [root]
    return sorted(root.glob("*.bib")) if root.is_dir() else []


def load_bib(paths: Sequence[str | Path] | str | Path) -> Bibliography:
    """Load files and folders of `.bib` files into one bibliography."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    bib = Bibliography()
    for item in items:
        if not Path(item).exists():
            raise BibError(f"{item}: no such bibliography file or folder")
        for path in bib_paths(item):
            bib = _merge(bib, _load_file(path))
    _cross_file_duplicates(bib)
    return bib


def load(paths: Sequence[str | Path] | str | Path) -> tuple[list[BibEntry], list[Problem]]:
    """`load_bib` as a pair (entries, problems), the shape `api.link_file` uses."""
    bib = load_bib(paths)
    return bib.entries, bib.problems


def _load_file(path: Path) -> Bibliography:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise BibError(f"{path}: not UTF-8 (byte offset {err.start}); convert it first") from None
    return parse_bibtex(text, str(path))


def _merge(a: Bibliography, b: Bibliography) -> Bibliography:
    return Bibliography(entries=a.entries + b.entries, problems=a.problems + b.problems)


def _cross_file_duplicates(bib: Bibliography) -> None:
    """bibtexparser only sees duplicates inside one file; report those across files."""
    seen: dict[str, BibEntry] = {}
    for e in bib.entries:
        first = seen.setdefault(e.key, e)
        if first is not e and first.file != e.file and not e.duplicate:
            e.duplicate = True
            bib.problems.append(Problem(file=e.file, line=e.line, severity="error",
                                        reason=f"duplicate key '{e.key}' (first in {first.file}:{first.line})"))


def probable_duplicates(entries: list[BibEntry]) -> list[tuple[BibEntry, BibEntry]]:
    """Pairs of entries with different keys but the same title, year and first author."""
    groups: dict[tuple[str, str, str], BibEntry] = {}
    pairs = []
    for e in entries:
        if e.duplicate or not e.title:
            continue
        sig = (re.sub(r"\W+", " ", e.title.lower()).strip(), e.year, e.authors[0].last.lower() if e.authors else "")
        if sig in groups and groups[sig].key != e.key:
            pairs.append((groups[sig], e))
        groups.setdefault(sig, e)
    return pairs


def stub_entry(key: str, authors: str, year: str, title: str = "") -> str:
    """A BibTeX stub for a citation that resolves to nothing, marked as a stub."""
    authors, title = _brace_safe(authors), _brace_safe(title)
    lines = [f"@misc{{{key},", f"  author = {{{stub_authors(authors)}}},", f"  year = {{{year}}},"]
    if title:
        lines.append(f"  title = {{{title}}},")
    lines += [f"  keywords = {{{STUB_MARK}}},", f"  note = {{{STUB_MARK}: only author and year are known}}", "}"]
    return "\n".join(lines) + "\n"


def _brace_safe(value: str) -> str:
    """Text from a note put inside BibTeX braces: an unbalanced brace would end
    the field early and swallow the rest of the entry, so drop them."""
    return value if _balanced(value) else value.replace("{", "").replace("}", "")


def stub_authors(authors: str) -> str:
    """Cited authors → a BibTeX author field; names of several words are braced whole.

    Author-date citations give surnames only, so `France 24` or `The New York
    Times` is one corporate name, not a first name and a surname.
    """
    etal = re.search(r"\bet al\b", authors)
    authors = re.sub(r",?\s*\bet al\b\.?", "", authors).strip()
    if etal:  # BibTeX's own word for "and more": keeps the entry a multi-author one
        return stub_authors(authors) + " and others"
    parts = re.split(r"\s*(?:,\s*and\s+|,\s*&\s*|\s+&\s+|,\s+)\s*", authors)
    if any(len(p.split()) > 3 for p in parts) or len(parts) == 1 and len(authors.split()) > 3:
        return "{" + authors + "}"
    names = [p for part in parts for p in re.split(r"\s+and\s+", part)]
    return " and ".join(n if len(n.split()) == 1 or n.split()[0].islower() else "{" + n + "}" for n in names)
