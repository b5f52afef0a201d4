"""Build the .docx test fixtures from text, with pandoc (pypandoc-binary) and python-docx.

    .venv/bin/pip install pypandoc-binary && .venv/bin/python tests/data/docx/make_fixtures.py

Nothing here is hand-written XML per case: pandoc writes real Word footnotes,
tables, lists, headings, hyperlinks and tracked changes from Markdown;
reference-manager fields are put in place of placeholder words afterwards,
as Zotero, Mendeley and EndNote write them (complex fldChar runs, or fldSimple).
"""

from __future__ import annotations

import base64
import copy
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
import pypandoc
from lxml import etree
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
ESSAY = ROOT / "corpus" / "essay-central-asian-security-after-the-taliban.txt"
MARKER = re.compile(r"\[footnoteRef:(\d+)\]")
NOTE = re.compile(r"\s*\[(\d+):\s+(.*?)\](?=\s*(?:\[\d+:|$))")


def escape(text: str) -> str:
    """Every ASCII punctuation mark taken literally by pandoc's Markdown."""
    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~^$@&\"'=:;,/?%])", r"\\\1", text)


def export_to_markdown(text: str) -> str:
    """Word-export text (`[footnoteRef:N]`, `[N:  note]`) as Markdown with real footnotes."""
    body, notes = [], []
    for line in text.splitlines():
        first = re.search(r"\s*\[\d+:\s", line)
        prose, tail = (line[: first.start()], line[first.start():]) if first else (line, "")
        for label, note in NOTE.findall(tail):
            notes.append(f"[^{label}]: {escape(note.strip())}")
        parts = MARKER.split(prose)
        body.append("".join(escape(p) if i % 2 == 0 else f"[^{p}]" for i, p in enumerate(parts)).strip())
    return "\n\n".join(b for b in body if b) + "\n\n" + "\n\n".join(notes) + "\n"


def pandoc(markdown: str, out: Path) -> None:
    pypandoc.convert_text(markdown, "docx", format="markdown-smart", outputfile=str(out))


# -- fields -----------------------------------------------------------------


def _run(inner: str) -> str:
    return f"<w:r {nsdecls('w')}>{inner}</w:r>"


def _text(text: str) -> str:
    return f'<w:t xml:space="preserve">{_xml(text)}</w:t>'


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def complex_field(instruction: str, result: str, pieces: int = 3) -> list:
    """begin, the instruction split over several instrText runs (as Word saves it), separate, result, end."""
    size = -(-len(instruction) // pieces)
    chunks = [instruction[i:i + size] for i in range(0, len(instruction), size)]
    xml = [_run('<w:fldChar w:fldCharType="begin"/>')]
    xml += [_run(f'<w:instrText xml:space="preserve">{_xml(c)}</w:instrText>') for c in chunks]
    xml += [_run('<w:fldChar w:fldCharType="separate"/>'), _run(_text(result)), _run('<w:fldChar w:fldCharType="end"/>')]
    return [parse_xml(x) for x in xml]


def simple_field(instruction: str, result: str) -> list:
    return [parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="{_xml(instruction)}">{_run(_text(result))}</w:fldSimple>')]


def replace_placeholders(path: Path, fields: dict[str, list]) -> None:
    """Put each field where its placeholder word stands, in the body and in the notes."""
    document = docx.Document(str(path))
    parts = [document.part] + [rel.target_part for rel in document.part.rels.values()
                               if rel.reltype.endswith(("/footnotes", "/endnotes"))]
    for part in parts:
        root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
        for word, elements in fields.items():
            t = next((t for t in root.iter(qn("w:t")) if t.text and word in t.text), None)
            if t is not None:
                _split_run(t, word, elements)
        if not hasattr(part, "element"):
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    document.save(str(path))


def _split_run(t, word: str, elements: list) -> None:
    run = t.getparent()
    before, after = t.text.split(word, 1)
    t.text = before
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    anchor = run
    for el in elements:
        anchor.addnext(el)
        anchor = el
    if after:
        tail = parse_xml(_run(_text(after)))
        anchor.addnext(tail)


def zotero_instruction(items: list[dict], locator: str = "") -> str:
    data = {"citationID": "a1b2c3", "properties": {"formattedCitation": "", "plainCitation": "", "noteIndex": 0},
            "citationItems": [{"id": i, "uris": [f"http://zotero.org/users/1/items/ZK{item['id']}"],
                               "itemData": item, **({"locator": locator, "label": "page"} if locator else {})}
                              for i, item in enumerate(items, 1)],
            "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json"}
    return "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(data, ensure_ascii=False)


FEATURES = """# Security after the withdrawal

Russia moved troops to Tajikistan, as the [ministry said](https://mil.ru/report).[^1]

- Kazakhstan closed its border.[^2]
- Uzbekistan kept talking
    - with the Taliban

1. first step
2. second step

| Country | Position |
|---|---|
| Kyrgyzstan | Japarov called for calm.[^3] |
| Turkmenistan | silent |

The talks were [never]{.deletion author="Editor" date="2021-09-01T00:00:00Z"} [quietly]{.insertion author="Editor" date="2021-09-01T00:00:00Z"} resumed in Doha.[^4]

[^1]: Crawford 2021, 14. See <https://watson.brown.edu/costsofwar>.

    A second paragraph of the note.

[^2]: Smith and Jones 2020, 3.

[^3]: Trenin 2021.

[^4]: Lemon 2021[, 5]{.deletion author="Editor" date="2021-09-01T00:00:00Z"}.
"""


FIELDS = """# Costs of war

The wars cost more than 2 trillion USD ZOTERO1 and killed more than 220,000 people ZOTERO2.

China will seek regional hegemony MENDELEY1.

Great powers compete for Central Asia MENDELEYCITE.

Moscow prefers a power equilibrium.[^1]

Central Asia will keep its multi-vector diplomacy.[^2]

[^1]: ZOTERO3

[^2]: See ENDNOTE1.
"""
CRAWFORD = {"id": 101, "type": "report", "title": "The U.S. Budgetary Costs of the Post-9/11 Wars",
            "publisher": "Watson Institute for International and Public Affairs, Brown University",
            "author": [{"family": "Crawford", "given": "Neta C."}], "issued": {"date-parts": [["2021", 9]]}}
CRAWFORD_LUTZ = {"id": 102, "type": "report", "DOI": "10.5555/costsofwar.2019",
                 "title": "Human Cost of Post-9/11 Wars: Direct War Deaths in Major War Zones",
                 "author": [{"family": "Crawford", "given": "Neta C."}, {"family": "Lutz", "given": "Catherine"}],
                 "issued": {"date-parts": [[2019, 11]]}}
MEARSHEIMER = {"id": "ITEM-1", "type": "book", "title": "The Tragedy of Great Power Politics",
               "publisher": "W. W. Norton", "DOI": "10.5555/tragedy.2014",
               "author": [{"dropping-particle": "", "family": "Mearsheimer", "given": "John J.",
                           "non-dropping-particle": "", "parse-names": False, "suffix": ""}],
               "issued": {"date-parts": [["2014"]]}}
TRENIN = {"id": 104, "type": "article-newspaper", "title": "Russia and China in Central Asia",
          "author": [{"family": "Trenin", "given": "Dmitri"}], "issued": {"date-parts": [[2021]]},
          "note": "Citation Key: trenin2021"}


def mendeley_instruction(item: dict, locator: str) -> str:
    """Mendeley Desktop's shape: `ADDIN CSL_CITATION`, ITEM-n ids, a `mendeley` block."""
    data = {"citationItems": [{"id": "ITEM-1", "itemData": item, "locator": locator,
                               "uris": ["http://www.mendeley.com/documents/?uuid=5d1e7c2a-0000-4000-8000-000000000001"]}],
            "mendeley": {"formattedCitation": "", "plainTextFormattedCitation": ""}, "properties": {"noteIndex": 0},
            "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json"}
    return "ADDIN CSL_CITATION " + json.dumps(data)


COOLEY_NEXON = {"id": "c0a1", "type": "book", "title": "Exit from Hegemony", "publisher": "Oxford University Press",
                "author": [{"family": "Cooley", "given": "Alexander"}, {"family": "Nexon", "given": "Daniel H."}],
                "issued": {"date-parts": [[2021]]}}


def mendeley_cite_control(item: dict, result: str) -> list:
    """Mendeley Cite (the Word add-in since 2020): no field, a content control whose tag is
    MENDELEY_CITATION_v3_ and the citation JSON in base64 (URL-safe, unpadded)."""
    data = {"citationID": "MENDELEY_CITATION_c0a1", "properties": {"noteIndex": 0}, "isEdited": False,
            "manualOverride": {"isManuallyOverridden": False, "citeprocText": result, "manualOverrideText": ""},
            "citationItems": [{"id": item["id"], "itemData": item, "isTemporary": False}]}
    tag = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    return [parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:tag w:val="MENDELEY_CITATION_v3_{tag}"/><w:id w:val="7"/>'
                      f"</w:sdtPr><w:sdtContent>{_run(_text(result))}</w:sdtContent></w:sdt>")]


def endnote_instruction() -> str:
    """EndNote's Cite While You Write shape: `ADDIN EN.CITE` and its own XML record."""
    return ("ADDIN EN.CITE <EndNote><Cite><Author>Cooley</Author><Year>2012</Year><RecNum>7</RecNum><Pages>45</Pages>"
            "<DisplayText>Cooley 2012, 45</DisplayText><record><rec-number>7</rec-number>"
            '<ref-type name="Book">6</ref-type><contributors><authors><author><style face="normal" font="default" '
            'size="100%">Cooley, Alexander</style></author></authors></contributors><titles><title>Great Games, '
            "Local Rules: The New Great Power Contest in Central Asia</title></titles><dates><year>2012</year>"
            "</dates><publisher>Oxford University Press</publisher></record></Cite></EndNote>")


def build_fields(out: Path) -> None:
    pandoc(FIELDS, out)
    replace_placeholders(out, {
        "ZOTERO1": complex_field(zotero_instruction([CRAWFORD], "14–15"), "(Crawford 2021, 14–15)"),
        "ZOTERO2": complex_field(zotero_instruction([CRAWFORD_LUTZ, MEARSHEIMER]),
                                 "(Crawford and Lutz 2019; Mearsheimer 2014)", pieces=5),
        "MENDELEY1": simple_field(mendeley_instruction(MEARSHEIMER, "360–411"), "(Mearsheimer 2014, 360–411)"),
        "MENDELEYCITE": mendeley_cite_control(COOLEY_NEXON, "(Cooley and Nexon 2021)"),
        "ZOTERO3": complex_field(zotero_instruction([TRENIN]), "Trenin 2021"),
        "ENDNOTE1": complex_field(endnote_instruction(), "Cooley 2012, 45"),
    })


NOTES = """Russia moved troops to Tajikistan.[^1] China stayed silent.[^2] Kazakhstan offered talks.[^3]

[^1]: Crawford 2021, 14.

[^2]: Trenin 2021.

[^3]: Lemon 2021, 5.
"""
ENDNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
ENDNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"


def build_endnotes(out: Path) -> None:
    """Pandoc writes footnotes only: the second note is moved into an endnotes part, as Word keeps it."""
    pandoc(NOTES, out)
    with zipfile.ZipFile(out) as z:
        files = {n: z.read(n) for n in z.namelist()}
    body, notes = etree.fromstring(files["word/document.xml"]), etree.fromstring(files["word/footnotes.xml"])
    refs = list(body.iter(qn("w:footnoteReference")))
    moved_id = refs[1].get(qn("w:id"))
    refs[1].tag = qn("w:endnoteReference")
    endnotes = etree.Element(qn("w:endnotes"), nsmap=notes.nsmap)
    for note in list(notes):
        if note.get(qn("w:id")) in ("-1", "0", moved_id):
            kept = copy.deepcopy(note) if note.get(qn("w:id")) != moved_id else note
            kept.tag = qn("w:endnote")
            for mark in kept.iter(qn("w:footnoteRef")):
                mark.tag = qn("w:endnoteRef")
            endnotes.append(kept)
    files["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
    files["word/footnotes.xml"] = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
    files["word/endnotes.xml"] = etree.tostring(endnotes, xml_declaration=True, encoding="UTF-8", standalone=True)
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/word/endnotes.xml" ContentType="{ENDNOTES_CT}"/></Types>'.encode())
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdEndnotes" Type="{ENDNOTES_RT}" Target="endnotes.xml"/>'
                             "</Relationships>".encode())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    pandoc(export_to_markdown(ESSAY.read_text(encoding="utf-8")), out / "essay.docx")
    pandoc(FEATURES, out / "features.docx")
    build_fields(out / "fields.docx")
    build_endnotes(out / "endnotes.docx")
    for name in ("essay.docx", "features.docx", "fields.docx", "endnotes.docx"):
        print("wrote", out / name)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        main()
