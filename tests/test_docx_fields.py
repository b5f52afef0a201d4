"""Reference-manager fields in a .docx: item data from the field, linked by DOI, key, or authors+year+title."""

import base64
import json
import shutil
from pathlib import Path

import pytest

from annotator import api
from annotator.index.build import build_index
from annotator.models import AnnotationFile
from annotator.readers import read_document
from annotator.readers.docx_fields import RawField, citation_fields, read_instruction
from annotator.workspace import Workspace

DOCX = Path(__file__).resolve().parent / "data" / "docx"
ENDNOTE_XML = ("<EndNote><Cite><Author>Cooley</Author><Year>2012</Year><RecNum>7</RecNum><Pages>45</Pages><record>"
               "<contributors><authors><author><style face=\"normal\">Cooley, Alexander</style></author></authors>"
               "</contributors><titles><title>Great Games</title></titles>"
               "<electronic-resource-num>10.1/gg</electronic-resource-num></record></Cite></EndNote>")


def test_zotero_field_json():
    data = {"citationItems": [{"uris": ["http://zotero.org/users/9/items/ABCD1234"], "locator": "14",
                               "itemData": {"type": "book", "title": "T", "DOI": "10.1/x",
                                            "author": [{"family": "Laruelle", "given": "Marlene"}, {"literal": "UNODC"}],
                                            "issued": {"date-parts": [["2019", 3]]}}}]}
    items, locators = read_instruction(" ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(data) + " ")
    assert locators == ["14"]
    assert items[0].model_dump(exclude_defaults=True) == {
        "manager": "Zotero", "id": "ABCD1234", "authors": ["Laruelle, Marlene", "UNODC"], "year": "2019",
        "title": "T", "doi": "10.1/x", "type": "book"}


def test_mendeley_field_and_a_raw_date():
    data = {"citationItems": [{"id": "ITEM-1", "uris": ["http://www.mendeley.com/documents/?uuid=u-1"],
                               "itemData": {"id": "ITEM-1", "citation-key": "lemon2021",
                                            "author": [{"family": "Lemon", "given": "Edward", "non-dropping-particle": ""}],
                                            "issued": {"raw": "March 2021"}}}]}
    items, _ = read_instruction("ADDIN CSL_CITATION " + json.dumps(data))
    assert (items[0].manager, items[0].id, items[0].key, items[0].year) == ("Mendeley", "u-1", "lemon2021", "2021")


@pytest.mark.parametrize("instruction", [
    "ADDIN EN.CITE " + ENDNOTE_XML,
    "ADDIN EN.CITE  ADDIN EN.CITE.DATA " + base64.b64encode(ENDNOTE_XML.encode()).decode(),
])
def test_endnote_field_plain_and_base64(instruction):
    items, locators = read_instruction(instruction)
    assert [(i.manager, i.id, i.authors, i.year, i.title, i.doi) for i in items] == [
        ("EndNote", "7", ["Cooley, Alexander"], "2012", "Great Games", "10.1/gg")]
    assert locators == ["45"]


def test_other_fields_are_not_citations_and_broken_ones_are_problems():
    assert read_instruction('HYPERLINK "https://example.org"') is None
    assert read_instruction("PAGE \\* MERGEFORMAT") is None
    fields, problems = citation_fields([RawField('ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems": [', 5, 9)], "a.docx")
    assert fields == []
    assert [p.reason for p in problems] == [
        "citation field not read (Zotero JSON broken at character 19); its printed text is parsed instead"]


def test_fields_of_the_fixture_sit_on_their_printed_text():
    doc = read_document(DOCX / "fields.docx")
    shown = [(doc.text[f.start:f.end], [i.manager for i in f.items]) for f in doc.fields]
    assert shown == [("(Crawford 2021, 14–15)", ["Zotero"]),
                     ("(Crawford and Lutz 2019; Mearsheimer 2014)", ["Zotero", "Zotero"]),
                     ("(Mearsheimer 2014, 360–411)", ["Mendeley"]), ("(Cooley and Nexon 2021)", ["Mendeley"]),
                     ("Trenin 2021", ["Zotero"]),
                     ("Cooley 2012, 45", ["EndNote"])]
    assert "ADDIN" not in doc.text and doc.problems == []


def _tag(root: Path, bib: str | None) -> AnnotationFile:
    (root / "corpus").mkdir(parents=True)
    shutil.copy(DOCX / "fields.docx", root / "corpus")
    if bib is not None:
        (root / "bib").mkdir()
        (root / "bib" / "refs.bib").write_text(bib, encoding="utf-8")
    api.tag(Workspace(root))
    return AnnotationFile.model_validate_json((root / "annotations" / "fields.json").read_text(encoding="utf-8"))


def _citations(afile: AnnotationFile) -> list[tuple]:
    return [(c.text, c.authors, c.year, c.locator, c.bib_key, c.link_reason)
            for c in afile.annotations if c.kind == "citation"]


def test_without_a_bib_every_item_is_linked_and_indexed_from_its_field(tmp_path):
    afile = _tag(tmp_path, None)
    cites = _citations(afile)
    assert [c[:4] for c in cites] == [
        ("Crawford 2021, 14–15", "Crawford", "2021", "14–15"), ("Crawford and Lutz 2019", "Crawford and Lutz", "2019", ""),
        ("Mearsheimer 2014", "Mearsheimer", "2014", ""), ("Mearsheimer 2014, 360–411", "Mearsheimer", "2014", "360–411"),
        ("Cooley and Nexon 2021", "Cooley and Nexon", "2021", ""),
        ("Trenin 2021", "Trenin", "2021", ""), ("Cooley 2012, 45", "Cooley", "2012", "45")]
    assert all(c[4] and c[5].endswith("field (no entry in bib/: listed from the field)") for c in cites)
    assert cites[2][4] == cites[3][4]  # one work, cited through Zotero and Mendeley: one key (its DOI)
    index = build_index(Workspace(tmp_path), include_proposed=True)
    assert {s.key for s in index.sources} == {c[4] for c in cites}
    cooley = next(s for s in index.sources if s.key.startswith("cooley2012"))
    assert cooley.reference.startswith("Cooley, Alexander. 2012. Great Games, Local Rules")
    cited = [c for c in index.claims if c.kind == "cited"]
    assert len(cited) == 6 and all(r.sources and r.sources[0].status == "resolved" for r in cited)


BIB = """@book{tragedy, author = {Mearsheimer, John J.}, title = {A Different Title}, year = {2001}, doi = {https://doi.org/10.5555/TRAGEDY.2014}}
@techreport{crawford2019, author = {Crawford, Neta C. and Lutz, Catherine}, title = {Human Cost of Post-9/11 Wars}, year = {2019}}
@misc{trenin2021, author = {Trenin, Dmitri}, year = {2021}}
@misc{trenin2021b, author = {Trenin, Dmitri}, year = {2021}}
"""


def test_with_a_bib_by_doi_then_key_then_authors_year_title(tmp_path):
    links = {c[0]: (c[4], c[5]) for c in _citations(_tag(tmp_path, BIB))}
    assert links["Mearsheimer 2014, 360–411"] == ("tragedy", "from Mendeley field (DOI)")
    assert links["Mearsheimer 2014"] == ("tragedy", "from Zotero field (DOI)")
    assert links["Trenin 2021"] == ("trenin2021", "from Zotero field (key)")
    assert links["Crawford and Lutz 2019"][0] == "crawford2019"
    assert links["Crawford and Lutz 2019"][1].startswith("from Zotero field (author+year")
    assert links["Crawford 2021, 14–15"][1] == "from Zotero field (no entry in bib/: listed from the field)"
    assert links["Cooley and Nexon 2021"][1] == "from Mendeley field (no entry in bib/: listed from the field)"


def test_mendeley_cite_content_control():
    from annotator.readers.docx_fields import _base64

    data = json.dumps({"citationItems": [{"id": "x", "itemData": {"title": "T", "issued": {"date-parts": [[2020]]}}}]})
    tag = "MENDELEY_CITATION_v3_" + base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")
    items, _ = read_instruction(tag)
    assert (items[0].manager, items[0].id, items[0].title, items[0].year) == ("Mendeley", "x", "T", "2020")
    with pytest.raises(ValueError, match="Mendeley Cite is not base64"):
        _base64("ab$", "Mendeley Cite")
