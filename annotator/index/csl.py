"""Formatted references through the Citation Style Language (citeproc-py).

Bibliography entries become CSL-JSON items here (`csl_json`), because
citeproc-py's own BibTeX reader loses corporate names and LaTeX. References
are rendered with a formatter that marks emphasis with sentinel characters
instead of HTML: citeproc-py does not escape field text, so a title holding
`<script>` would pass through raw. Renderers escape first, then turn the
sentinels into their own markup (`to_html`, `to_markdown`, `to_plain`).
"""

from __future__ import annotations

import html
import re
import types
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from string import ascii_lowercase

from annotator.errors import AnnotatorError

from .csl_json import to_csl

DEFAULT_STYLE = "chicago-author-date"
# Sentinels: control characters that never occur in bibliography text.
ON = {"i": "\x0e", "b": "\x10"}
OFF = {"i": "\x0f", "b": "\x11"}


class StyleError(AnnotatorError):
    """The citation style cannot be found or read."""


def _wrap(tag: str) -> type:
    return type(f"Mark{tag}", (str,), {"__new__": lambda cls, t: str.__new__(cls, ON[tag] + t + OFF[tag])})


# The interface citeproc-py expects of a formatter module.
MARKED = types.SimpleNamespace(
    preformat=lambda text: text, Italic=_wrap("i"), Oblique=_wrap("i"), Bold=_wrap("b"),
    Light=str, Underline=str, Superscript=str, Subscript=str, SmallCaps=str,
)


def bundled_styles() -> list[str]:
    folder = resources.files("annotator") / "data" / "csl"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csl"))


def style_path(style: str | None) -> str:
    """A bundled name, a name citeproc-py ships, or a path to a .csl file."""
    name = style or DEFAULT_STYLE
    if name in bundled_styles():
        return str(resources.files("annotator") / "data" / "csl" / f"{name}.csl")
    if name.endswith(".csl") or "/" in name:
        if not Path(name).is_file():
            raise StyleError(f"{name}: no such CSL style file")
        return name
    from citeproc import STYLES_PATH

    if (Path(STYLES_PATH) / f"{name}.csl").is_file():
        return str(Path(STYLES_PATH) / f"{name}.csl")
    known = ", ".join(bundled_styles() + ["harvard-cite-them-right"])
    raise StyleError(f"unknown citation style '{name}'; use one of {known}, or a path to a .csl file")


@lru_cache(maxsize=8)
def _load_style(path: str):
    from citeproc import CitationStylesStyle

    _speed_up_citeproc()
    try:
        return CitationStylesStyle(path, validate=False)
    except Exception as err:  # lxml and citeproc raise many kinds; say which file
        raise StyleError(f"{path}: not a usable CSL style ({err})") from None


def check_style(style: str | None) -> None:
    """Load the style now, so a wrong one fails before any work (and forked workers inherit it)."""
    _load_style(style_path(style))


def format_references(entries: Iterable, style: str | None = None) -> dict[str, str]:
    """Entry key → reference with sentinel markup, in the given style.

    An entry citeproc-py cannot render gets a plain fallback (authors, year,
    title) rather than failing the whole index.
    """
    entries = list(entries)
    csl_style = _load_style(style_path(style))
    items = [to_csl(e, f"item{i}") for i, e in enumerate(entries)]
    try:
        rendered = _render(csl_style, items)
    except Exception:  # one bad entry: retry one by one to isolate it
        rendered = [_render_one(csl_style, item, e) for item, e in zip(items, entries)]
    return {e.key: text for e, text in zip(entries, rendered)}


def add_year_suffixes(refs: dict[str, str], entries: Iterable, style: str | None = None) -> dict[str, str]:
    """`2021a`, `2021b` for one author's works of one year, in styles that ask for it.

    citeproc-py leaves CSL's year-suffix disambiguation out, so two stubs
    (`TASS 2021`) would read alike. Letters go in title-then-key order, the
    order of the bibliography, after the first standalone year.
    """
    if 'disambiguate-add-year-suffix="true"' not in _style_text(style_path(style)):
        return refs
    groups: dict[tuple, list] = defaultdict(list)
    for e in entries:
        names = tuple(a.last for a in getattr(e, "authors", [])) or (e.key,)
        groups[(names, e.year[:4])].append(e)
    out = dict(refs)
    for (_, year), group in groups.items():
        if len(group) > 1 and year.isdigit():
            for letter, e in zip(ascii_lowercase, sorted(group, key=lambda e: (e.title, e.key))):
                out[e.key] = re.sub(rf"(?<!\d){year}(?![\da-z])", year + letter, out[e.key], count=1)
    return out


@lru_cache(maxsize=8)
def _style_text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _render(csl_style, items: list[dict]) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    if not items:
        return []
    bib = CitationStylesBibliography(csl_style, CiteProcJSON(items), MARKED)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    by_id = {item.key: str(text) for item, text in zip(bib.items, bib.bibliography())}
    return [by_id[item["id"]] for item in items]


def _render_one(csl_style, item: dict, entry) -> str:
    try:
        return _render(csl_style, [item])[0]
    except Exception:
        return ". ".join(p for p in (_fallback_names(entry), entry.year, entry.title) if p) + "."


def _fallback_names(entry) -> str:
    return ", ".join(a.full() for a in getattr(entry, "authors", []))


def to_plain(marked: str) -> str:
    for mark in (*ON.values(), *OFF.values()):
        marked = marked.replace(mark, "")
    return marked


def to_html(marked: str) -> str:
    out = html.escape(marked, quote=False)
    for tag in ON:
        out = out.replace(ON[tag], f"<{tag}>").replace(OFF[tag], f"</{tag}>")
    return out


def to_markdown(marked: str, escape) -> str:
    out = escape(marked)
    for tag, mark in (("i", "*"), ("b", "**")):
        out = out.replace(ON[tag], mark).replace(OFF[tag], mark)
    return out


_SPED_UP = False


def _speed_up_citeproc() -> None:
    """Memoise citeproc-py's style-tree look-ups (3-4x faster rendering).

    citeproc-py re-runs the same XPath queries and `calls_variable` walks over
    the static style tree for every item: ~25 ms an entry with Chicago. The
    answers depend only on the tree, never on the item, so caching them per
    element is safe; keys hold the lxml proxies alive, keeping identity stable.
    """
    global _SPED_UP
    if _SPED_UP:
        return
    import citeproc.model as model
    import citeproc.source as source

    model.CitationStylesElement.xpath_search = _memo(model.CitationStylesElement.xpath_search)
    for cls in vars(model).values():
        if isinstance(cls, type) and "calls_variable" in cls.__dict__:
            setattr(cls, "calls_variable", _memo(cls.__dict__["calls_variable"]))  # noqa: B010 (a class, not an instance)
    source.CitationItem.reference = property(_cached_reference(source.CitationItem.reference.fget))
    _SPED_UP = True


def _cached_reference(fget):
    """An item's reference is looked up ~500 times while it renders; it never changes."""

    def reference(item):
        cached = item.__dict__.get("_annotator_reference")
        if cached is None:
            cached = item.__dict__["_annotator_reference"] = fget(item)
        return cached

    return reference


def _memo(method):
    cache: dict = {}

    def cached(self, *args):
        key = (self, *args)
        if key not in cache:
            cache[key] = method(self, *args)
        return cache[key]

    return cached
