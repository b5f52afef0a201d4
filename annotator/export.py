"""Exports of the stored annotations: one JSON line per annotation, and
commented copies of Word documents. Each reads the store only."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.store import store

from .errors import AnnotatorError, StoreError
from .models import AnnotationFile, sha256_bytes
from .workspace import Workspace

EXPORT_FIELDS = {
    "actor": ("type", "canonical", "role"),
    "footnote_ref": ("number", "note_start", "note_end"),
    "citation": ("number", "authors", "year", "year_suffix", "locator", "prefix", "suffix", "bib_key"),
    "claim": ("claim_kind", "footnotes", "speaker", "cue", "cue_start", "cue_end", "mode", "channel", "sources"),
}
ALL_FIELDS = sorted({f for fields in EXPORT_FIELDS.values() for f in fields})


def export_rows(ws: Workspace) -> Iterator[dict]:
    """One flat dict per stored annotation; fields that do not apply are None."""
    for path in ws.annotation_files():
        afile = store.load(path)
        for ann in afile.annotations:
            yield _export_row(afile, ann)


def _export_row(afile: AnnotationFile, ann) -> dict:
    row = {"doc": afile.doc, "sha256": afile.sha256, "id": ann.id, "kind": ann.kind, "start": ann.start,
           "end": ann.end, "text": ann.text, "status": ann.status, "score": ann.score}
    row.update({name: None for name in ALL_FIELDS})
    for name in EXPORT_FIELDS[ann.kind]:
        value = getattr(ann, name)
        if name == "sources":
            value = [s.key for s in value]
        row[name] = value
    return row


def export_jsonl(ws: Workspace) -> Iterator[str]:
    for row in export_rows(ws):
        yield json.dumps(row, ensure_ascii=False)


def write_text(path: Path, text: str) -> None:
    """Write an output file (an index page) atomically, its folder made if needed:
    the previous page stays whole until the new one is complete."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        store.write_atomic(path, [text])
    except OSError as err:
        raise StoreError(f"{path}: cannot write it ({err.strerror or err})") from None


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write an export atomically: a broken annotation file met halfway leaves the
    previous export whole, not a partial one over it."""
    try:
        store.write_atomic(path, (line + "\n" for line in lines))
    except OSError as err:  # a full disk, a folder not ours: said in one line
        raise StoreError(f"{path}: cannot write it ({err.strerror or err})") from None


def export_docx(ws: Workspace, out: Path, style: str | None = None) -> list:
    """A commented copy of each tagged .docx in corpus/, written to `out` (never over the original):
    a comment per reviewed claim and per unresolved citation. Returns `index.docx_comments.Commented`s."""
    from annotator.bib.bibtex import load_bib
    from annotator.bib.fields import item_entries
    from annotator.index.csl import check_style, format_references, to_plain
    from annotator.index.docx_comments import commented_copy

    check_style(style)
    files = [(p, store.load(p)) for p in ws.annotation_files()]
    files = [(p, a) for p, a in files if a.doc.lower().endswith(".docx")]
    if not files:
        raise AnnotatorError(f"{ws.annotations}: no tagged .docx documents to export; run annotator tag first")
    target = out.resolve()
    for folder in (ws.corpus, ws.annotations, ws.bib):  # a copy there could replace an original
        if target == folder.resolve() or target.is_relative_to(folder.resolve()):
            raise AnnotatorError(f"{out}: inside the workspace's {folder.name}/; choose another --out folder")
    if out.exists() and not out.is_dir():
        raise AnnotatorError(f"{out}: a file, not a folder; choose another --out folder")
    for _, afile in files:  # every refusal before the first copy is written
        source = ws.source_path(afile.doc)
        if (out / afile.doc).resolve() == source.resolve():
            raise AnnotatorError(f"{out}: would overwrite the original {afile.doc}; choose another --out folder")
        if sha256_bytes(source.read_bytes()) != afile.sha256:
            raise AnnotatorError(f"{source}: changed since it was tagged; run annotator tag first")
    entries = load_bib(ws.bib_files()).entries if ws.bib_files() else []
    entries += item_entries([a for _, a in files], {e.key for e in entries})  # loaded above: not read again
    used = {s.key for _, a in files for c in a.annotations if c.kind == "claim" for s in c.sources}
    references = {k: to_plain(v) for k, v in format_references([e for e in entries if e.key in used], style).items()}
    return [commented_copy(ws.source_path(a.doc), a, out / a.doc, references) for _, a in files]
