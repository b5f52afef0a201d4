"""Bluebook citations as Markdown writers type them: emphasis around `Id.`,
`supra` short forms, case names that are link texts, short case forms."""

import pytest

from annotator.citations.parse import parse_note


def fields(note):
    return [(c.text, c.authors, c.year, c.locator, c.ibid) for c in parse_note(note)]


@pytest.mark.parametrize("note, text, locator", [
    ("*Id.*", "*Id.*", ""),
    ("*Id*.", "*Id*.", ""),
    ("*Id. *at 12.", "*Id. *at 12", "12"),
    ("_Id._ at 40-41.", "_Id._ at 40-41", "40-41"),
])
def test_id_with_its_emphasis_and_pinpoint(note, text, locator):
    assert fields(note) == [(text, "", "", locator, True)]


def test_ibid_is_no_id():
    assert all(c.form != "legal" for c in parse_note("Ibid., 12."))


def test_supra_takes_the_short_name_written_before_it():
    found = fields("Rivers Report, *supra* note 3, at 16–17 (noting the delays). *See* Hale, *supra* note 2, at 8.")
    assert found == [("Rivers Report, *supra* note 3, at 16–17", "Rivers Report", "", "16–17", False),
                     ("Hale, *supra* note 2, at 8", "Hale", "", "8", False)]


def test_case_name_as_link_text_and_with_all_its_words():
    assert fields("[Hale v. Roe Mills, Inc.][4], 501 U.S. 12, 15-16 (1991).") == [
        ("[Hale v. Roe Mills, Inc.][4], 501 U.S. 12, 15-16 (1991)", "Hale v. Roe Mills, Inc.", "1991", "15-16", False)]
    (c,) = parse_note("Bank of the Rivers v. Lind, 501 U.S. 12, 14 (1991).")
    assert c.authors == "Bank of the Rivers v. Lind"


def test_short_case_form_with_emphasis():
    assert fields("*Hale*, 501 U.S. at 20-21.") == [("*Hale*, 501 U.S. at 20-21", "Hale", "", "20-21", False)]


def test_id_names_the_last_authority_of_the_note_before():
    from annotator.readers import read_text
    from annotator.tagging.propose import Proposer, citations

    text = ("A.[^1] B.[^2]\n\n[^1]: Hale v. Roe, 501 U.S. 12, 14 (1991); Lind v. Ash, 502 U.S. 7, 9 (1992).\n"
            "[^2]: *Id.* at 10.\n")
    got = [(c.authors, c.year, c.locator) for c in citations(Proposer(read_text(text, "x.md"), None))]
    assert got[-1] == ("Lind v. Ash", "1992", "10")


@pytest.mark.parametrize("note, locator", [
    ("Ann Hale & Bo Lind, *Rivers*, 18 Harv. J.L. & Tech. 319, 373 (2005).", "373"),
    ("River Board, *Overview and Next Steps* 5 (2010).", "5"),
    ("River Board, *Agencies Need Policies* 2, 13 (2008).", "2, 13"),
    ("Ann Hale, “Rivers,” *Water* 58, no. 5 (2010).", ""),  # an issue number, no page
    ("Ann Hale, “Rivers,” December 10, 2010 (Update April 2012).", ""),  # a date
])
def test_bluebook_pinpoint_before_the_dated_parenthesis(note, locator):
    (c,) = parse_note(note)
    assert c.locator == locator


def test_bluebook_unmarked_title_pinpoint_and_access_date():
    (c,) = parse_note("River Board of the North, Overview and Next Steps 5 (2010).")
    assert (c.year, c.locator) == ("2010", "5")
    (c,) = parse_note("Ann Hale, Rivers of the North 2 (Oxford: Oak Press, 2006).")
    assert c.locator == ""  # a place and publisher: Chicago, no Bluebook pinpoint
    (c,) = parse_note("*Trends*, River Dashboard, <http://x.org/> (last visited Sept. 6, 2011).")
    assert c.year == ""


def test_signal_in_emphasis_with_a_slipped_closing_mark_is_a_lead_in():
    (c,) = parse_note("*See generally *Ann Hale, *Rivers* (Oxford: Oak Press, 2001).")
    assert (c.text, c.authors, c.prefix) == ("Ann Hale, *Rivers* (Oxford: Oak Press, 2001)", "Ann Hale",
                                            "*See generally *")


def test_paragraph_sign_continues_the_publication_data():
    (c,) = parse_note("Ann Hale, *Dams*, 11 River Rep. ¶ 17 (Apr. 1997).")
    assert c.text == "Ann Hale, *Dams*, 11 River Rep. ¶ 17 (Apr. 1997)" and c.year == "1997"


def test_statute_with_its_section_as_locator_also_as_a_link():
    assert fields("Codified as [5 U.S.C. § 552][3].") == [("[5 U.S.C. § 552][3]", "", "", "§ 552", False)]
    assert fields("See 42 U.S.C. § 1983 (2012).") == [("42 U.S.C. § 1983 (2012)", "", "2012", "§ 1983", False)]


def test_emphasised_signal_before_an_unmarked_bluebook_book():
    (c,) = parse_note("These costs are high. *See* Ann B. Hale, River Procurement Management 30 (1991).")
    assert (c.text, c.authors, c.year, c.locator, c.prefix) == (
        "Ann B. Hale, River Procurement Management 30 (1991)", "Ann B. Hale", "1991", "30", "These costs are high. *See*")
