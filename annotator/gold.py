"""Gold files: hand-checked annotations of a text (footnotes with citations
and cited claims, actors, claims), as `tests/data/gold/README.md` describes.

Checked on load, so a wrong file is a one-line error naming it, not a
traceback inside the scorer. A gold file finds its text by the sha256 of
the text's bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from annotator.readers import read_document

from .errors import StoreError
from .models import Document, sha256_bytes


def load_gold(gold_dir: Path) -> list[dict]:
    """Every gold file in `gold_dir`, checked (StoreError names a broken one)."""
    return [load_gold_file(path) for path in sorted(Path(gold_dir).glob("*.json"))]


def gold_documents(gold_dir: Path, text_dirs: Iterable[Path] = ()) -> list[tuple[dict, Document]]:
    """Each gold file with the text of the same sha256, looked for in
    `text_dirs` and beside the gold files; gold without a text is left out."""
    texts = [p for folder in (*text_dirs, Path(gold_dir)) for p in sorted(Path(folder).iterdir())
             if p.suffix in (".txt", ".md")]
    by_sha = {sha256_bytes(p.read_bytes()): p for p in texts}
    return [(gold, read_document(by_sha[gold["sha256"]])) for gold in load_gold(gold_dir) if gold["sha256"] in by_sha]


class _Spanned(BaseModel):
    model_config = ConfigDict(extra="allow")
    span: tuple[int, int]


class _GoldCitation(_Spanned):
    authors: str
    year: str
    year_suffix: str
    locator: str
    prefix: str
    suffix: str


class _GoldFootnote(BaseModel):
    model_config = ConfigDict(extra="allow")
    number: int
    marker: _Spanned
    note: _Spanned
    claim: _Spanned | None = None  # a note that backs no claim in the text
    citations: list[_GoldCitation]


class _GoldActor(_Spanned):
    type: str
    canonical: str


class _GoldClaim(_Spanned):
    kind: str
    speaker: str | None


class _Gold(BaseModel):
    model_config = ConfigDict(extra="allow")
    sha256: str
    footnotes: list[_GoldFootnote]
    actors: list[_GoldActor]
    claims: list[_GoldClaim]


def load_gold_file(path: Path) -> dict:
    """One gold file, as the plain dict the scores read; StoreError when it is not one."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text; not a gold file") from None
    except json.JSONDecodeError as err:
        raise StoreError(f"{path}:{err.lineno}:{err.colno}: broken JSON: {err.msg}; not a gold file") from None
    try:
        _Gold.model_validate(gold)
    except ValidationError as err:
        e = err.errors()[0]
        where = ".".join(map(str, e["loc"]))
        raise StoreError(f"{path}: [{where}] {e['msg']}; not a gold file (see tests/data/gold/README.md)") from None
    return gold
