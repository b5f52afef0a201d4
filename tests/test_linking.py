"""Resolving citations to bibliography entries: scores, reasons, candidates."""

import json
from pathlib import Path

import pytest

from annotator.bib.bibtex import load_bib, parse_bibtex
from annotator.bib.link import Resolver, claim_sources, is_ambiguous, link_citations, link_file
from annotator.citations.parse import parse_note
from annotator.models import AnnotationFile, CitationAnnotation, ClaimAnnotation, Provenance, Review
from annotator.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
ESSAY = ROOT / "corpus/essay-central-asian-security-after-the-taliban.txt"

BIB = r"""
@book{crawford2021, author={Crawford, Neta C.}, title={The Costs of War: A Ledger}, year={2021}}
@misc{crawford2019, author={Crawford, Neta C. and Lutz, Catherine}, title={Human Cost}, year={2019}}
@misc{khan2020, author={Khan, Imran and Changgang, Li and Afzaal, Muhammad and Doe, J.}, title={Corridors}, year={2020}}
@misc{berg2018, author={van der Berg, Jan}, title={Dutch Views}, year={2018}}
@misc{unodc2021, author={{United Nations Office on Drugs and Crime}}, title={Opium Survey}, year={2021}}
@misc{rferl2020, author={{Radio Free Europe/Radio Liberty}}, title={Report}, year={2020}}
@misc{tass2021x, author={{TASS}}, title={Beta story}, date={2021-05-02}}
@misc{tass2021y, author={{TASS}}, title={Alpha story}, date={2021-03-01}}
@misc{tass2021z, author={{TASS}}, title={Gamma story}, date={2021-03-01}}
@misc{smitha, author={Smith, Anna}, title={First Thing}, year={2015}}
@misc{smithb, author={Smith, Bob}, title={Second Thing}, year={2015}}
@misc{chor, author={Chorshanbiev, Abdullo}, title={Dushanbe}, year={2021}}
@misc{azattyk, author={{Радио Азаттык}}, title={Новости}, year={2021}}
@misc{france24, author={{France 24}}, title={Kabul falls}, year={2021}}
"""


@pytest.fixture(scope="module")
def resolver():
    return Resolver(parse_bibtex(BIB, "t.bib"))


@pytest.mark.parametrize("authors, year, suffix, key", [
    ("Crawford", "2021", "", "crawford2021"),
    ("Neta C. Crawford", "2021", "", "crawford2021"),
    ("Crawford and Lutz", "2019", "", "crawford2019"),
    ("Crawford & Lutz", "2019", "", "crawford2019"),
    ("Khan et al.", "2020", "", "khan2020"),
    ("Khan, Changgang, Afzaal, and Doe", "2020", "", "khan2020"),
    ("van der Berg", "2018", "", "berg2018"),
    ("Van der Berg", "2018", "", "berg2018"),
    ("Berg", "2018", "", "berg2018"),
    ("United Nations Office on Drugs and Crime (UNODC)", "2021", "", "unodc2021"),
    ("UNODC", "2021", "", "unodc2021"),
    ("RFE/RL", "2020", "", "rferl2020"),
    ("Чоршанбиев", "2021", "", "chor"),
    ("Radio Azattyk", "2021", "", "azattyk"),
    ("France 24", "2021", "", "france24"),
])
def test_author_forms_resolve(resolver, authors, year, suffix, key):
    link = resolver.resolve(authors, year, suffix)
    assert (link.key, link.candidates) == (key, []), link.reason
    assert link.score >= 0.85


def test_year_suffixes_follow_date_then_title(resolver):
    # citeproc hands out a, b, c in bibliography order: date, then title
    assert [resolver.resolve("TASS", "2021", s).key for s in "abc"] == ["tass2021y", "tass2021z", "tass2021x"]
    assert resolver.resolve("TASS", "2021", "d").key is None


def test_ambiguous_is_reported_with_candidates_never_guessed(resolver):
    link = resolver.resolve("TASS", "2021")
    assert link.key is None and "ambiguous" in link.reason
    assert {c.key for c in link.candidates} == {"tass2021x", "tass2021y", "tass2021z"}
    smith = resolver.resolve("Smith", "2015")
    assert smith.key is None and len(smith.candidates) == 2
    assert resolver.resolve("A. Smith", "2015").key == "smitha"


def _linked(resolver, authors, year, title=""):
    c = CitationAnnotation(id="c", start=0, end=1, text="x", number="1", authors=authors, year=year, title=title,
                           provenance=Provenance(tagger="t", rule="r"))
    return link_citations([c], resolver)[0]


def test_ambiguous_means_several_entries_fit_not_none(resolver):
    assert is_ambiguous(_linked(resolver, "TASS", "2021"))
    assert is_ambiguous(_linked(resolver, "TASS", "2021", title="Story"))  # the title fits all three
    wrong_year = _linked(resolver, "Crawford", "1999")
    assert wrong_year.candidates and not is_ambiguous(wrong_year)  # candidates are hints: a stub is due
    assert not is_ambiguous(_linked(resolver, "Crawford", "2021"))


def test_unresolved_says_why(resolver):
    assert "no entry by 'Nobody'" in resolver.resolve("Nobody", "2021").reason
    wrong_year = resolver.resolve("Crawford", "1999")
    assert wrong_year.key is None and [c.key for c in wrong_year.candidates] == ["crawford2021"]
    assert resolver.resolve("Crawford and Smith", "2019").key is None


def test_et_al_means_three_or_more_authors():
    bib = parse_bibtex(r"""
@book{two, author={Laruelle, Marlene and Peyrouse, Sebastien}, title={Globalizing}, year={2013}}
@article{four, author={Laruelle, Marlene and Peyrouse, S. and Axyonova, V. and Kozhirova, S.}, title={Soft Power}, year={2019}}
""", "t.bib")
    resolver = Resolver(bib)
    # MLA gives no year: "et al." alone tells the four-author work from the two-author one.
    assert resolver.resolve("Laruelle et al.").key == "four"
    assert resolver.resolve("Laruelle and Peyrouse").key == "two"
    # With only the two-author work in the bibliography, a loose "et al." still finds it.
    assert Resolver([e for e in bib.entries if e.key == "two"]).resolve("Laruelle et al.", "2013").key == "two"


def test_short_note_title_picks_the_work(resolver):
    assert resolver.resolve("Smith", "", "", "Second Thing").key == "smithb"
    assert resolver.resolve("Crawford", "", "", "Costs of War").key == "crawford2021"
    assert resolver.resolve("Smith", "", "", "Unknown").key is None


def ann(text, number, **kw):
    cites = parse_note(text, 0)
    c = cites[0]
    fields = dict(authors=c.authors, year=c.year, year_suffix=c.year_suffix, locator=c.locator, ibid=c.ibid)
    fields.update(kw)
    return CitationAnnotation(id=f"cit-{number}-{text[:5]}", start=0, end=len(c.text), text=c.text,
                              provenance=Provenance(tagger="t", rule="r"), number=number, **fields)


def test_ibid_takes_previous_note_source_with_new_locator():
    bib = parse_bibtex(BIB)
    out = link_citations([ann("Neta C. Crawford, The Costs of War (Providence: Brown, 2021), 14.", "1"),
                          ann("Ibid., 15.", "2"), ann("Ibid.", "3"), ann("Crawford, Costs of War, 20.", "4")], bib)
    assert [(c.bib_key, c.locator) for c in out] == [("crawford2021", "14"), ("crawford2021", "15"),
                                                    ("crawford2021", ""), ("crawford2021", "20")]
    assert out[1].link_reason.startswith("ibid")


def test_mla_number_that_belongs_to_the_name():
    out = link_citations([ann("(France 24)", "1")], parse_bibtex(BIB))
    assert (out[0].authors, out[0].bib_key, out[0].locator) == ("France", "france24", "")


def test_reviewed_citations_keep_their_key():
    reviewed = ann("Crawford 2021", "1", bib_key="manual", review=Review(status="accepted"))
    out = link_citations([reviewed, ann("Crawford 2021", "2")], parse_bibtex(BIB))
    assert [c.bib_key for c in out] == ["manual", "crawford2021"]


def test_claim_sources_come_from_its_notes():
    bib = parse_bibtex(BIB)
    cites = link_citations([ann("Crawford 2021, 14", "1"), ann("Crawford and Lutz 2019", "2"),
                            ann("Nobody 2000", "2")], bib)
    claim = ClaimAnnotation(id="clm-1", start=0, end=1, text="x", provenance=Provenance(tagger="t", rule="r"),
                            claim_kind="cited", footnotes=["1", "2"])
    assert [(s.key, s.locator) for s in claim_sources(claim, cites)] == [("crawford2021", "14"), ("crawford2019", "")]
    afile = AnnotationFile(doc="d", sha256="s", tagger="t", annotations=[*cites, claim])
    linked = link_file(afile, bib)
    assert [s.key for s in linked.annotations[-1].sources] == ["crawford2021", "crawford2019"]


def test_every_essay_citation_resolves_to_one_key():
    doc = read_document(ESSAY)
    bib = load_bib(ROOT / "bib")
    anns = [CitationAnnotation(id=f"c{i}", start=c.start, end=c.end, text=c.text, number=n.label,
                               authors=c.authors, year=c.year, year_suffix=c.year_suffix, locator=c.locator,
                               provenance=Provenance(tagger="t", rule="r"))
            for n in doc.notes for i, c in enumerate(parse_note(n.text, n.text_start))]
    out = link_citations(anns, bib)
    assert len(out) == 55 and all(c.bib_key and not c.candidates for c in out)
    keys = {(c.authors, c.year + c.year_suffix): c.bib_key for c in out}
    assert keys[("TASS", "2021b")] == "tass2021b" and keys[("Cooley", "2012")] == "cooley2012"
    assert keys[("Пресс-служба Центрального военного округа", "2021b")] == "tsvo2021b"
    assert len({c.bib_key for c in out}) == len({(c.authors, c.year + c.year_suffix) for c in out}) - 0


# --------------------------------------------------------------------------
# CLI: bib check, bib stub, link
# --------------------------------------------------------------------------

from click.testing import CliRunner  # noqa: E402

from annotator.bib.check import document_citations  # noqa: E402
from annotator.cli import main  # noqa: E402
from annotator.store import store  # noqa: E402
from annotator.store.lock import locked  # noqa: E402
from annotator.workspace import Workspace  # noqa: E402


def essay_workspace(tmp_path, bib_text):
    for name in ("corpus", "annotations", "bib"):
        (tmp_path / name).mkdir()
    (tmp_path / "corpus" / ESSAY.name).write_bytes(ESSAY.read_bytes())
    (tmp_path / "bib" / "refs.bib").write_text(bib_text, encoding="utf-8")
    return tmp_path


def test_bib_check_on_the_repository_is_clean():
    result = CliRunner().invoke(main, ["--root", str(ROOT), "bib", "check", "--strict"])
    assert result.exit_code == 0, result.output
    assert "55 citation(s): 0 unresolved, 0 ambiguous; 0 entry(ies) cited by nothing" in result.output


def test_bib_check_strict_fails_and_stub_fixes_unresolved(tmp_path):
    full = (ROOT / "bib" / "essay.bib").read_text(encoding="utf-8")
    head = full[: full.index("@misc{tass2021a")] + "@misc{unused1999, author={Nobody}, year={1999}}\n@misc{open,"
    ws = essay_workspace(tmp_path, head)
    runner = CliRunner()
    result = runner.invoke(main, ["--root", str(ws), "bib", "check", "--strict"])
    assert result.exit_code == 1
    assert "@15794: unresolved citation 'TASS 2021a' (note 12): no entry by 'TASS'" in result.output
    assert "entry 'unused1999' is cited by no document" in result.output
    assert "refs.bib:" in result.output and "not loaded" in result.output
    before = (ws / "bib" / "refs.bib").read_text(encoding="utf-8")
    stubbed = runner.invoke(main, ["--root", str(ws), "bib", "stub", "--out", str(ws / "bib" / "stubs.bib")])
    assert stubbed.exit_code == 0 and "tass2021a" in stubbed.output
    assert (ws / "bib" / "refs.bib").read_text(encoding="utf-8") == before
    after = runner.invoke(main, ["--root", str(ws), "bib", "check"])
    assert "0 unresolved, 0 ambiguous" in after.output
    again = runner.invoke(main, ["--root", str(ws), "bib", "stub", "--out", str(ws / "bib" / "stubs.bib")])
    assert "0 stub(s) appended" in again.output


def test_bib_check_without_bibliography_is_one_clear_error(tmp_path):
    ws = essay_workspace(tmp_path, "")
    (ws / "bib" / "refs.bib").unlink()
    result = CliRunner().invoke(main, ["--root", str(ws), "bib", "check"])
    assert result.exit_code == 1
    assert "no .bib files; put your bibliography there or name files with --bib" in result.output


def stored_essay(tmp_path):
    ws = essay_workspace(tmp_path, (ROOT / "bib" / "essay.bib").read_text(encoding="utf-8"))
    cites = document_citations(Workspace(ws))[ESSAY.name]
    afile = AnnotationFile(doc=ESSAY.name, sha256="x", tagger="t", annotations=cites)
    store.save(ws / "annotations" / (ESSAY.stem + ".json"), afile)
    return ws


def test_link_waits_for_no_review(tmp_path):
    ws = stored_essay(tmp_path)
    with locked(Workspace(ws), [ESSAY.stem], "grace"):
        result = CliRunner().invoke(main, ["--root", str(ws), "link"])
    assert result.exit_code == 1 and "is being reviewed by grace" in result.output


def test_link_relinks_stored_annotations(tmp_path):
    ws = stored_essay(tmp_path)
    result = CliRunner().invoke(main, ["--root", str(ws), "link"])
    assert result.exit_code == 0 and f"{ESSAY.name}: 55/55 citation(s) linked" in result.output
    saved = store.load(ws / "annotations" / (ESSAY.stem + ".json"))
    assert sum(1 for a in saved.annotations if a.kind == "citation" and a.bib_key) == 55


def test_short_note_whose_title_ends_in_a_year():
    bib = parse_bibtex(r"""
@techreport{opium2021, author={{United Nations Office on Drugs and Crime}}, title={Afghanistan Opium Survey 2021}, year={2021}}
@techreport{opium2018, author={{United Nations Office on Drugs and Crime}}, title={Afghanistan Opium Survey 2018}, year={2018}}
""")
    out = link_citations([ann("United Nations Office on Drugs and Crime, Afghanistan Opium Survey 2021, 186.", "1")], bib)
    assert (out[0].bib_key, out[0].locator) == ("opium2021", "186")


def test_rendered_set_every_style():
    """The committed rendered documents (bench/make_rendered_set.py): nothing linked wrong, little missed."""
    rendered = ROOT / "tests/data/rendered"
    resolver = Resolver(load_bib(rendered / "sources.bib"))
    truths = sorted(rendered.glob("*.truth.json"))
    assert len(truths) >= 6, "the rendered set is missing: run bench/make_rendered_set.py"
    for truth_path in truths:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        doc = read_document(truth_path.with_name(truth_path.name.replace(".truth.json", ".txt")))
        anns = [CitationAnnotation(id=f"c{n.label}-{c.start}", start=c.start, end=c.end, text=c.text, number=n.label,
                                   authors=c.authors, year=c.year, year_suffix=c.year_suffix, locator=c.locator,
                                   ibid=c.ibid, title=c.title, provenance=Provenance(tagger="t", rule="r"))
                for n in doc.notes for c in parse_note(n.text, n.text_start)]
        linked = link_citations(anns, resolver)
        want = {(t["note"], s["key"]) for t in truth for s in t["sources"]}
        got = {(c.number, c.bib_key) for c in linked if c.bib_key}
        assert got <= want, (truth_path.name, got - want)
        # MLA gives no year: works of one author that the bibliography holds twice stay ambiguous
        floor = 0.82 if "modern-language" in truth_path.name else 0.97
        assert len(got) / len(want) >= floor, truth_path.name


def test_no_date_prefers_undated_entries():
    r = Resolver(parse_bibtex("@misc{a, author={Lemon, Edward}, title={X}}\n"
                              "@misc{b, author={Lemon, Edward}, title={Y}, year={2021}}"))
    assert r.resolve("Lemon", "n.d.").key == "a"
