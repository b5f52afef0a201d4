"""Loading BibTeX: bad input is reported with file and line, nothing is dropped."""

from pathlib import Path

import pytest

from annotator.bib.bibtex import load, load_bib, parse_bibtex, parse_name, probable_duplicates, split_names, stub_entry
from annotator.errors import BibError

ROOT = Path(__file__).resolve().parents[1]

BAD = r"""@Book{cooley2012,
  Author = {Cooley, Alexander},
  TITLE = {Great Games, Local Rules},
  year = 2012
}

@misc{unodc2021, author = {{United Nations Office on Drugs and Crime}}, title = {Opium {\"U}berblick}, year = {2021}}
@misc{cooley2012, author = {Someone, Else}, year = {2000}}
@misc{broken, author = {Never, Closed, title = {Y}, year = {2000}
@misc{mixed, author = {M{\"u}ller, J{\"o}rg and van der Berg, Jan and {Комитет национальной безопасности} and Ivanov, Ya.},
  year = {2021}, Title = {A}, title = {B}}
@misc{cyr, author = {Чоршанбиев, Абдулло}, year = {2021}}
@misc{atend, author = {Y}, year = {2000}
"""


@pytest.fixture
def bad():
    return parse_bibtex(BAD, "bad.bib")


def test_every_block_is_an_entry_or_a_problem(bad):
    keys = [e.key for e in bad.entries]
    assert keys == ["cooley2012", "unodc2021", "cooley2012", "mixed", "cyr"]
    failed = [p for p in bad.problems if "not loaded" in p.reason]
    assert [p.line for p in failed] == [9, 13]
    assert all(p.file == "bad.bib" and p.severity == "error" for p in failed)


def test_duplicate_key_is_kept_and_reported(bad):
    dup = [e for e in bad.entries if e.duplicate]
    assert [(e.key, e.line, e.authors[0].last, e.year) for e in dup] == [("cooley2012", 8, "Someone", "2000")]
    assert any(p.line == 8 and "duplicate key 'cooley2012'" in p.reason for p in bad.problems)
    assert bad.by_key()["cooley2012"].year == "2012"


def test_field_names_ignore_case(bad):
    cooley = bad.entries[0]
    assert cooley.title == "Great Games, Local Rules" and cooley.authors[0].first == "Alexander"
    mixed = bad.entries[3]
    assert mixed.title == "A"
    assert any("'Title' given twice" in p.reason or "'title' given twice" in p.reason for p in bad.problems)


def test_braced_corporate_and_cyrillic_names_survive_latex_decoding(bad):
    unodc, mixed, cyr = bad.entries[1], bad.entries[3], bad.entries[4]
    assert unodc.authors[0].corporate and unodc.authors[0].last == "United Nations Office on Drugs and Crime"
    assert unodc.title == "Opium Überblick"
    names = [(n.first, n.von, n.last, n.corporate) for n in mixed.authors]
    assert names == [("Jörg", "", "Müller", False), ("Jan", "van der", "Berg", False),
                     ("", "", "Комитет национальной безопасности", True), ("Ya.", "", "Ivanov", False)]
    assert (cyr.authors[0].last, cyr.authors[0].first) == ("Чоршанбиев", "Абдулло")


def test_split_names_only_at_depth_zero():
    assert split_names("{Office on Drugs and Crime} and Smith, J. AND Doe, A.") == [
        "{Office on Drugs and Crime}", "Smith, J.", "Doe, A."]
    assert parse_name("Jan van der Berg").von == "van der"


def test_missing_author_or_year_is_a_warning():
    bib = parse_bibtex("@misc{x, title = {T}}", "x.bib")
    assert bib.entries[0].key == "x"
    assert [p.reason for p in bib.problems] == ["entry 'x' has no author and no year"]


def test_stub_entries_are_recognised():
    bib = parse_bibtex(stub_entry("tass2021", "TASS", "2021") + stub_entry("rfe", "Radio Free Europe", "2020"), "s.bib")
    assert [e.stub for e in bib.entries] == [True, True]
    assert bib.entries[1].authors[0].corporate
    assert not parse_bibtex("@misc{a, author={A}, year={2000}, note={A stubborn case}}").entries[0].stub


def test_entry_without_a_key_is_reported_not_loaded():
    bib = parse_bibtex("@article{, author={A}, year={2000}}\n@misc{ok, author={B}, year={2001}}", "k.bib")
    assert [e.key for e in bib.entries] == ["ok"]
    assert [(p.line, p.reason) for p in bib.problems] == [(1, "@article entry has no key: not loaded")]


def test_stub_of_a_citation_with_a_stray_brace_is_still_one_whole_entry():
    bib = parse_bibtex(stub_entry("smith2020", "Smith}", "2020", "A {title"), "s.bib")
    assert [(e.key, e.year, e.title, [a.last for a in e.authors]) for e in bib.entries] == [
        ("smith2020", "2020", "A title", ["Smith"])]
    assert bib.problems == []


def test_probable_duplicates_share_title_year_and_author():
    bib = parse_bibtex("@book{a, author={Cooley, A.}, title={Great Games}, year={2012}}\n"
                       "@book{b, author={Cooley, Alexander}, title={Great  games}, year={2012}}\n"
                       "@book{c, author={Cooley, Alexander}, title={Great Games}, year={2013}}")
    assert [(x.key, y.key) for x, y in probable_duplicates(bib.entries)] == [("a", "b")]


def test_duplicate_keys_across_files_and_missing_path(tmp_path):
    (tmp_path / "a.bib").write_text("@misc{k, author={A}, year={2000}}", encoding="utf-8")
    (tmp_path / "b.bib").write_text("@misc{k, author={B}, year={2001}}", encoding="utf-8")
    entries, problems = load(tmp_path)
    assert [e.duplicate for e in entries] == [False, True]
    assert "duplicate key 'k'" in problems[0].reason and problems[0].file.endswith("b.bib")
    with pytest.raises(BibError, match="no such bibliography"):
        load_bib(tmp_path / "missing.bib")


def test_the_repository_bibliography_loads_cleanly():
    bib = load_bib(ROOT / "bib")
    assert bib.problems == []
    assert len(bib.entries) >= 50 and sum(e.stub for e in bib.entries) >= 40
    assert bib.by_key()["cooley2012"].title.startswith("Great Games, Local Rules")


@pytest.mark.parametrize("latex, text", [
    (r"Opium {\"U}berblick", "Opium Überblick"),
    (r"{\c C}elik, Ay{\c s}e", "Çelik, Ayşe"),
    (r"Caf{\'e}s and {NATO}", "Cafés and NATO"),
    (r"Ro\v{z}ni\v cek", "Rožniček"),
    (r"Stra\ss e", "Straße"),
    (r"``Can China Rise?'' pp. 1--20", "“Can China Rise?” pp. 1–20"),
    (r"{\relax Ya}kov", "Yakov"),  # not in the fast path: pylatexenc decodes it
])
def test_latex_decoding(latex, text):
    from annotator.bib.bibtex import decode
    assert decode(latex) == text


def test_biblatex_data_string_macros_translators_and_crossref():
    from annotator.bib.bibtex import parse_bibtex
    from annotator.bib.link import Resolver

    bib = parse_bibtex(r"""
@string{hup = {Harvard University Press}}
@book{ed, editor={Smith, Ann}, title={Rivers}, date={1901/1903}, publisher=hup # { Cambridge}}
@book{tr, translator={Moss, Cy}, title={Dams}, date={1999}, origdate={1962}}
@book{parent, editor={Hale, Ann}, title={Big Book}, year={2004}, publisher={Dale}}
@incollection{child, author={Lind, Bo}, title={Chapter}, crossref={parent}}
@misc{m, author={Nye, Di}, title={X}, year=2001, month="28~" # jul}
""", "t.bib")
    by = bib.by_key()
    assert by["ed"].year == "1901" and by["ed"].fields["publisher"] == "Harvard University Press Cambridge"
    assert [n.last for n in by["tr"].authors] == ["Moss"]
    assert (by["child"].year, by["child"].fields["booktitle"], by["child"].fields["publisher"]) == ("2004", "Big Book",
                                                                                                  "Dale")
    assert not bib.problems
    resolver = Resolver(bib)
    assert resolver.resolve("Moss", "1999").key == "tr"
    assert resolver.resolve("Lind", "2004").key == "child"
