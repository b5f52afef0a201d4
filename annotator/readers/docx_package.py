"""Open a .docx package and hand out its XML parts; refuse what is not one.

Every refusal is one `InputError` naming the file and what to do, raised
before anything is read further, so a bad file never gets half a document.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from annotator.errors import InputError

MAX_BYTES = 64 * 1024 * 1024  # a 1,000-page thesis with figures is ~20 MB; beyond this it is likely not prose
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: the old .doc, and encrypted .docx
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
RESAVE = "open it in Word or LibreOffice and save it again as .docx"


@dataclass
class Package:
    """The XML a reader needs: the body, the notes, numbering and styles; and the
    python-docx document they belong to, for a writer that changes and saves them."""

    body: etree._Element
    footnotes: etree._Element | None
    endnotes: etree._Element | None
    numbering: etree._Element | None
    styles: etree._Element | None
    document: Any = None  # docx.Document
    parts: dict[str, Any] = field(default_factory=dict)  # "footnotes"/"endnotes" → python-docx part

    def save(self, path: str | Path) -> None:
        """Write the document, notes edited in place included (python-docx keeps them as bytes)."""
        for name, part in self.parts.items():
            element = getattr(self, name)
            if element is not None and getattr(part, "element", None) is None:
                part._blob = etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
        self.document.save(str(path))


def check_bytes(data: bytes, path: str) -> None:
    """Refuse, with what to do, anything that is not a readable .docx."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: {len(data) / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit for a "
                         ".docx; remove embedded media or split the document")
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED in data:
            raise InputError(f"{path}: the document is encrypted (password-protected); remove the password "
                             "in Word and save it again")
        raise InputError(f"{path}: old binary Word format (.doc); {RESAVE}")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK"):
            raise InputError(f"{path}: corrupt .docx (a damaged or truncated zip); {RESAVE}")
        raise InputError(f"{path}: not a Word document (not a .docx package); {RESAVE}")


def open_package(data: bytes, path: str | Path) -> Package:
    path = str(path)
    check_bytes(data, path)
    # Imported here: only .docx input needs python-docx.
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError) as err:
        raise InputError(f"{path}: a zip file but not a Word document ({err}); {RESAVE}") from None
    except ValueError as err:  # python-docx: "file '…' is not a Word file, content type is '…'"
        raise InputError(f"{path}: not a Word document ({str(err).split(', ')[-1]}); {RESAVE}") from None
    except (zipfile.BadZipFile, etree.XMLSyntaxError, EOFError, OSError, AttributeError, TypeError) as err:
        # AttributeError, TypeError: python-docx meeting parts of a shape it does not expect
        raise InputError(f"{path}: corrupt .docx ({err}); {RESAVE}") from None
    if document.element.body is None:
        raise InputError(f"{path}: corrupt .docx (the document has no body); {RESAVE}")
    parts = {rel.reltype: rel.target_part for rel in document.part.rels.values() if not rel.is_external}
    return Package(body=document.element.body, footnotes=_xml(parts.get(RT.FOOTNOTES), path),
                   endnotes=_xml(parts.get(RT.ENDNOTES), path), numbering=_xml(parts.get(RT.NUMBERING), path),
                   styles=_xml(parts.get(RT.STYLES), path), document=document,
                   parts={name: parts[rt] for name, rt in (("footnotes", RT.FOOTNOTES), ("endnotes", RT.ENDNOTES))
                          if rt in parts})


def _xml(part, path: str) -> etree._Element | None:
    if part is None:
        return None
    element = getattr(part, "element", None)  # parts python-docx knows are parsed already
    if element is not None:
        return element
    try:
        return etree.fromstring(part.blob, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError as err:
        raise InputError(f"{path}: corrupt .docx ({part.partname}: {err}); {RESAVE}") from None
