"""Read a source file into a `Document`: exact text, markers, notes, problems.

One module per input shape. The shape is chosen from the text itself, so a
user never has to say which one a file is.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from annotator.errors import InputError
from annotator.models import Document, Problem, Shape, sha256_bytes

from . import markdown, plain, word_export

SUFFIXES = (".txt", ".md", ".markdown", ".text", ".docx", ".doc")
WORD = (".docx", ".doc")  # read as Word packages; a .doc is refused with what to do
_DATE = re.compile(r"\A\ufeff?\s*(date\s+(\d{4}-\d{2}-\d{2}))\b")


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 strictly, or UTF-16 that says so with a byte-order mark (Word's
    "Unicode text"); say where it fails instead of guessing."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError(f"{path}: UTF-32 text; convert it to UTF-8 first, e.g. iconv -f utf-32 -t utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, path)
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (NUL byte at offset {data.index(0)}), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(
            f"{path}:{line}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None


def _decode_utf16(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-16")  # the byte-order mark says which end comes first, and is dropped
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: broken UTF-16 (at byte offset {err.start}: {err.reason}); "
                         "convert it to UTF-8 first, e.g. iconv -f utf-16 -t utf-8") from None


def detect_shape(text: str) -> Shape:
    if word_export.MARKER.search(text) or word_export.NOTE_START.search(text):
        return "poi"
    if markdown.MARKER.search(text):
        return "markdown"
    return "plain"


def read_text(text: str, name: str, path: str = "", sha256: str = "") -> Document:
    """Parse already-decoded text (used by tests and by `read_document`)."""
    shape = detect_shape(text)
    doc = Document(name=name, path=path or name, text=text, sha256=sha256, shape=shape)
    date = _DATE.match(text)
    if date:
        doc.date = date.group(2)
        # "date 2021-08-30" is metadata, not prose: keep it out of the NLP pass.
        doc.masked.append(date.span(1))
    {"poi": word_export.parse, "markdown": markdown.parse, "plain": plain.parse}[shape](doc)
    if not text.strip():
        doc.problems.append(Problem(file=name, reason="empty document", severity="error"))
    doc.masked.sort()
    return doc


def read_document(path: str | Path) -> Document:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a document")
    data = path.read_bytes()
    if path.suffix.lower() in WORD:
        from .docx import read_docx

        return read_docx(data, path)
    text = decode(data, str(path))
    return read_text(text, name=path.name, path=str(path), sha256=sha256_bytes(data))


def source_text(data: bytes, path: str | Path) -> str:
    """The text annotations' offsets point into: decoded, or rendered from a .docx."""
    if Path(path).suffix.lower() in WORD:
        from .docx import docx_text

        return docx_text(data, path)
    return decode(data, str(path))


def find_documents(paths: list[Path]) -> list[Path]:
    """Files named on the command line, and text files inside folders."""
    found: list[Path] = []
    for p in paths:
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        if p.is_dir():
            # "~$essay.docx" is the lock file Word keeps beside an open document.
            found += sorted(f for f in p.rglob("*")
                            if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("~$"))
        else:
            found.append(p)
    return found
