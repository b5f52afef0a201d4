"""Citations in notes: the gold essay notes and the style forms of issue 5."""

import json
from pathlib import Path

import pytest

from annotator.citations.parse import find_inline, parse_note
from annotator.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests/data/gold/003_222f522ad4e5a261.json"
ESSAY = ROOT / "corpus/essay-central-asian-security-after-the-taliban.txt"
FIELDS = ("authors", "year", "year_suffix", "locator", "prefix", "suffix")


def one(text):
    cites = parse_note(text, 0)
    assert len(cites) == 1, cites
    return cites[0]


def test_all_gold_citations_have_exact_spans_and_fields():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    doc = read_document(ESSAY)
    total = exact = 0
    for fn in gold["footnotes"]:
        note = doc.note(str(fn["number"]))
        got = parse_note(note.text, note.text_start)
        assert len(got) == len(fn["citations"]), fn["number"]
        for cite, want in zip(got, fn["citations"]):
            total += 1
            assert [cite.start, cite.end] == want["span"]
            assert doc.text[cite.start:cite.end] == cite.text == want["text"]
            exact += all(getattr(cite, k) == want[k] for k in FIELDS)
    assert total == 55
    assert exact == total


def test_offset_is_added_to_spans():
    cite = one("Crawford 2021, 14–15")
    shifted = parse_note("Crawford 2021, 14–15", 1000)[0]
    assert (shifted.start, shifted.end) == (cite.start + 1000, cite.end + 1000)


def test_bare_year_continues_previous_author():
    a, b = parse_note("Пресс-служба Центрального военного округа 2021a; 2021b", 0)
    assert b.authors == a.authors == "Пресс-служба Центрального военного округа"
    assert (b.year, b.year_suffix, b.text) == ("2021", "b", "2021b")


def test_collapsed_years_keep_author_and_locator():
    a, b = parse_note("Crawford 2021a, 2021b, 15", 0)
    assert (a.year_suffix, a.locator, b.authors, b.year_suffix, b.locator) == ("a", "", "Crawford", "b", "15")


@pytest.mark.parametrize("text, authors", [
    ("France 24 2021", "France 24"),
    ("Khan, Changgang, and Afzaal 2020", "Khan, Changgang, and Afzaal"),
    ("The Joint Press Center of the CSTO training \"Combat Brotherhood-2021” 2021",
     "The Joint Press Center of the CSTO training \"Combat Brotherhood-2021”"),
    ("Газета.uz 2021", "Газета.uz"),
    ("United Nations Office on Drugs and Crime (UNODC) 2021", "United Nations Office on Drugs and Crime (UNODC)"),
    ("van der Berg 2020", "van der Berg"),
    ("(de Bruijn and ten Heuvelhof 2017)", "de Bruijn and ten Heuvelhof"),
    ("Van der Berg 2020", "Van der Berg"),
    ("Crawford et al. 2019.", "Crawford et al."),
])
def test_author_forms(text, authors):
    assert parse_note(text, 0)[0].authors == authors


@pytest.mark.parametrize("text, locator, label", [
    ("Crawford 2021, 14–15", "14–15", "page"),
    ("Crawford, 2021, p. 3", "3", "page"),
    ("(Crawford & Lutz, 2019, pp. 74–97)", "74–97", "page"),
    ("Cooley 2012, ch. 2", "ch. 2", "chapter"),
    ("Mearsheimer 2014, 360–411", "360–411", "page"),
])
def test_locators(text, locator, label):
    cite = one(text)
    assert (cite.locator, cite.locator_label) == (locator, label)


def test_prefix_and_suffix_prose():
    a, b = parse_note("Rasheed 2021; For a study on cooperation, see Korolev 2019.", 0)
    assert (a.prefix, a.suffix) == ("", "")
    assert (b.prefix, b.authors, b.text) == ("For a study on cooperation, see", "Korolev", "Korolev 2019")
    c = one("Crawford 2021, 14. Additionally, costs will rise by 2050.")
    assert c.suffix == "Additionally, costs will rise by 2050."


def test_ibid_carries_only_the_new_locator():
    bare, paged = one("Ibid."), one("ibid., 15.")
    assert bare.ibid and bare.authors == "" and bare.locator == ""
    assert paged.ibid and paged.locator == "15" and paged.text == "ibid., 15"


@pytest.mark.parametrize("text", [
    "Often forgotten, however, are the two other airplanes: one hitting the Pentagon.",
    "Washington, of course, disagreed.",
    "Moscow, Beijing and Tashkent disagree.",
    "In 2019 the costs rose by 2050.",
    "",
])
def test_commentary_cites_nothing(text):
    assert parse_note(text, 0) == []


def test_apa_and_harvard_parenthesised():
    a, b, c = parse_note("(Khan et al., 2020; TASS, 2021a, 2021b)", 0)
    assert (a.authors, a.year, b.authors, b.year_suffix, c.authors, c.year_suffix) == (
        "Khan et al.", "2020", "TASS", "a", "TASS", "b")
    assert a.text == "Khan et al., 2020"


def test_chicago_full_note_book_and_article():
    book = one("Neta C. Crawford, Costs of War (Providence: Watson Institute, 2021), 14.")
    assert (book.authors, book.title, book.year, book.locator, book.form) == (
        "Neta C. Crawford", "Costs of War", "2021", "14", "full-note")
    art = one("Imran Khan, Li Changgang, and Muhammad Afzaal, “Title of Paper,” Journal 5 (2020): 3.")
    assert (art.authors, art.title, art.year, art.locator) == (
        "Imran Khan, Li Changgang, and Muhammad Afzaal", "Title of Paper", "2020", "3")
    comma_title = one("Alexander Cooley, Great Games, Local Rules: The New Great Power Contest "
                      "(New York: Oxford University Press, 2012), 74–97.")
    assert comma_title.title == "Great Games, Local Rules: The New Great Power Contest"


def test_chicago_short_notes():
    book = one("Crawford, Costs of War, 14.")
    assert (book.authors, book.title, book.locator, book.form, book.year) == (
        "Crawford", "Costs of War", "14", "short-note", "")
    art = one("Cooley and Nexon, “Real Crisis,” 105.")
    assert (art.authors, art.title, art.locator) == ("Cooley and Nexon", "Real Crisis", "105")


def test_web_full_note_takes_year_from_date_not_url():
    cite = one("TASS, “Russia Holds Drills,” TASS, August 5, 2021, https://tass.com/2019/1322.")
    assert (cite.authors, cite.year, cite.locator) == ("TASS", "2021", "")


def test_mla_author_page():
    a = one("(Crawford and Lutz 1)")
    assert (a.authors, a.year, a.locator, a.form) == ("Crawford and Lutz", "", "1", "author-page")
    b = one("(Cooley, Great Games 74)")
    assert (b.authors, b.title, b.locator) == ("Cooley", "Great Games", "74")
    assert one("(Khan et al.)").authors == "Khan et al."


def test_inline_citations_in_body():
    text = "As shown (Crawford 2021, 14), and Crawford and Lutz (2019) argue; in 2019 (the year) see (Xin 2021)."
    cites = find_inline(text, 10)
    assert [c.text for c in cites] == ["Crawford 2021, 14", "Crawford and Lutz (2019)", "Xin 2021"]
    assert all(text[c.start - 10:c.end - 10] == c.text for c in cites)
    assert cites[0].locator == "14" and cites[1].authors == "Crawford and Lutz"


def test_parenthesised_cluster_after_a_lead_in_or_before_a_remark():
    a, b = parse_note("See (Crawford & Lutz, 2019, p. 133; Crawford, 2021, p. 50). Both agree.", 0)
    assert (a.prefix, a.authors, a.locator, b.authors, b.suffix) == ("See", "Crawford & Lutz", "133", "Crawford",
                                                                    "Both agree.")
    mla = one("(Laruelle et al. 318–323) Observers disagreed.")
    assert (mla.authors, mla.locator, mla.suffix) == ("Laruelle et al.", "318–323", "Observers disagreed.")
    assert parse_note("Often forgotten (as usual) are the others.", 0) == []


def test_edited_book_full_note_and_subtitle_year():
    ed = one("Sally N. Cummings, ed., Power and Change in Central Asia (London: Routledge, 2002), 5.")
    assert (ed.authors, ed.title, ed.year, ed.locator) == ("Sally N. Cummings", "Power and Change in Central Asia",
                                                           "2002", "5")
    report = one("United Nations Office on Drugs and Crime, Afghanistan Opium Survey 2021: Cultivation "
                 "(Vienna: UNODC, 2021), 186.")
    assert (report.authors, report.year, report.locator, report.form) == (
        "United Nations Office on Drugs and Crime", "2021", "186", "full-note")


def test_full_note_keeps_its_closing_remark_apart():
    cite = one("Neta C. Crawford, Costs of War (Providence: Watson Institute, Brown University, 2021), 325–333. "
               "Border security remained.")
    assert (cite.locator, cite.suffix) == ("325–333", "Border security remained.")
    assert cite.text.endswith("325–333")


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["Crawford", " 2021", "a", ", ", "14–15", "; ", "(", ")", ". ", "See ", "Ibid.", "“T,” ",
                           "Радио", " and ", "p. 3", "et al.", "France 24", ":", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join), st.integers(0, 50))
def test_spans_always_point_into_the_note(note, offset):
    text = " " * offset + note
    for c in parse_note(note, offset):
        assert 0 <= c.start - offset <= c.end - offset <= len(note)
        assert text[c.start:c.end] == c.text


def test_inline_skips_a_place_with_a_date():
    assert find_inline("After the invasion of Afghanistan (2001) the war went on.") == []
    assert [c.authors for c in find_inline("As Mearsheimer (2014, 360) argues, China will rise.")] == ["Mearsheimer"]


def test_cmos18_short_note_with_disambiguating_date():
    cite = one("Mearsheimer, Tragedy of Great Power Politics, 2014, 360.")
    assert (cite.authors, cite.title, cite.year, cite.locator) == ("Mearsheimer", "Tragedy of Great Power Politics",
                                                                   "2014", "360")


@pytest.mark.parametrize("note, text, authors, year, title, prefix, suffix", [
    ("Tursunova, D. (2023). China and the new order in Central Asia. Routledge.",
     "Tursunova, D. (2023). China and the new order in Central Asia. Routledge",
     "Tursunova, D.", "2023", "China and the new order in Central Asia", "", ""),
    ("Holbrook, M. (2022). Guns for hire? Private security in Eurasia. Oxford University Press. The book counts "
     "twelve firms.",
     "Holbrook, M. (2022). Guns for hire? Private security in Eurasia. Oxford University Press",
     "Holbrook, M.", "2022", "Guns for hire? Private security in Eurasia", "", "The book counts twelve firms."),
    ("Shanghai Cooperation Organisation. (2023b). Annual report. SCO Secretariat.",
     "Shanghai Cooperation Organisation. (2023b). Annual report. SCO Secretariat",
     "Shanghai Cooperation Organisation", "2023", "Annual report", "", ""),
    ("See Nurmatov, A., & Lee, S. (2020). Private guards. Central Asian Survey, 39(2), 1–19.",
     "Nurmatov, A., & Lee, S. (2020). Private guards. Central Asian Survey, 39(2), 1–19",
     "Nurmatov, A., & Lee, S.", "2020", "Private guards", "See", ""),
])
def test_reference_entries_in_notes(note, text, authors, year, title, prefix, suffix):
    (c,) = parse_note(note, 0)
    assert (c.text, c.authors, c.year, c.title, c.prefix, c.suffix) == (text, authors, year, title, prefix, suffix)
    assert note[c.start:c.end] == c.text and c.form == "reference"


def test_a_narrative_year_in_parentheses_is_not_a_reference_entry():
    assert all(c.form != "reference" for c in parse_note("Cooley (2012) argues the opposite; Crawford 2021, 14.", 0))


def test_harvard_colon_locators_and_ibid_with_a_colon():
    got = [(c.text, c.authors, c.year, c.locator) for c in parse_note("(Sultanova 2022: 4; Brenner and Oskarov 2023: "
                                                                       "117–19; Human Rights Watch 2022).", 0)]
    assert got == [("Sultanova 2022: 4", "Sultanova", "2022", "4"),
                   ("Brenner and Oskarov 2023: 117–19", "Brenner and Oskarov", "2023", "117–19"),
                   ("Human Rights Watch 2022", "Human Rights Watch", "2022", "")]
    (ibid,) = parse_note("(Ibid.: 35).", 0)
    assert (ibid.text, ibid.ibid, ibid.locator) == ("Ibid.: 35", True, "35")


def test_note_form_after_prose_that_leads_into_it():
    (c,) = parse_note("For a similar conclusion, see Harrington, Valley and Emirate, 190.", 0)
    assert (c.text, c.authors, c.locator, c.prefix) == (
        "Harrington, Valley and Emirate, 190", "Harrington", "190", "For a similar conclusion, see")
    assert parse_note("See the discussion above.", 0) == []


def test_ibid_and_short_notes_take_what_the_earlier_notes_give():
    from annotator.readers import read_text
    from annotator.tagging.propose import Proposer, citations

    text = ("A.[footnoteRef:1] B.[footnoteRef:2] C.[footnoteRef:3]\n\n"
            "[1:  Lucy Harrington, Valley and Emirate: The Panjshir since 1979 (London: Hurst, 2023), 45.]\n"
            "[2:  Ibid., 58–60.]\n[3:  Harrington, Valley and Emirate, 88.]\n")
    got = [(c.authors, c.year, c.locator) for c in citations(Proposer(read_text(text, "x.txt"), None))]
    assert got == [("Lucy Harrington", "2023", "45"), ("Lucy Harrington", "2023", "58–60"), ("Harrington", "2023", "88")]
