"""An `Index` as the texts `annotator index` writes, each with where it goes.

One text for Markdown, JSON and HTML (all views on one page); CSV holds one
table, so one text per view, in files named after `out` (index-claims.csv …).
"""

from __future__ import annotations

from pathlib import Path

from .html import render_html
from .model import VIEWS, Index
from .text import render_csv, render_json, render_markdown

FORMATS = ("md", "csv", "json", "html")
_PAGES = {"md": render_markdown, "json": render_json, "html": render_html}


def outputs(index: Index, fmt: str = "md", view: str = "all", out: Path | None = None) -> dict[Path | None, str]:
    """Path (None: standard output) → text, for `fmt` and `view` (one of VIEWS, or "all")."""
    views = list(VIEWS) if view == "all" else [view]
    if fmt != "csv":
        return {out: _PAGES[fmt](index, views)}
    if out is None and len(views) > 1:
        raise ValueError("CSV holds one table: choose a view, or a file name to write one file per view")
    return {_csv_path(out, v, len(views)): render_csv(index, v) for v in views}


def _csv_path(out: Path | None, view: str, n_views: int) -> Path | None:
    if out is None or n_views == 1:
        return out
    return out.with_name(f"{out.stem}-{view}{out.suffix or '.csv'}")
