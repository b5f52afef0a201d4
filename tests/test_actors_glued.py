"""Titles and bodies glued to a person's name (issue 13): the person is an
actor of their own. Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(nlp):
    with nlp.select_pipes(disable=["annotator_claims"]):
        yield nlp


def people(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [s.text for s in doc.spans["actors"] if s.label_ == "person"]


def test_title_before_a_hyphenated_name_is_left_out(nlp):
    found = people(nlp, "Kazakh President Kassym-Jomart Tokayev and Russian President Vladimir Putin spoke.")
    assert found == ["Kassym-Jomart Tokayev", "Vladimir Putin"]


def test_a_state_glued_to_a_name_is_split_off(nlp):
    doc = nlp("The talks were chaired by the Speaker of the Parliament of Turkmenistan Gurbanguly Berdimuhamedov.")
    found = [(s.text, s.label_) for s in doc.spans["actors"]]
    assert ("Gurbanguly Berdimuhamedov", "person") in found
    assert not any("Turkmenistan Gurbanguly" in text for text, _ in found)


def test_an_abbreviated_title_is_no_given_name(nlp):
    assert people(nlp, "DPM Rustam Azimov said the plan works.") == ["Rustam Azimov"]


def test_a_body_name_after_an_acronym_stays_a_body(nlp):
    assert people(nlp, "The figures were published by the UN Monitoring Team in July.") == []


def test_a_state_body_in_lower_case_is_an_organisation(nlp):
    doc = nlp("The Armenian border service said the crossing was closed. Armenia's border guard service agreed.")
    found = [(s.text, s.label_, s._.canonical) for s in doc.spans["actors"]]
    assert ("Armenian border service", "organization", "armenian-border-service") in found
    assert ("border guard service", "organization", "armenian-border-guard-service") in found


def test_a_kind_before_an_outlet_name_is_no_body(nlp):
    doc = nlp("He told the Armenian state news agency Armenpress that talks would resume.")
    assert not any("news agency" in s.text for s in doc.spans["actors"])


def test_a_state_before_a_military_body_is_no_person(nlp):
    assert people(nlp, "The Armenia Air Force said two jets were lost.") == []


def test_a_transliteration_variant_takes_the_known_persons_id(nlp):
    doc = nlp("Uzbek President Shavkat Mirziyoev opened the summit in Samarkand.")
    found = [(s.text, s._.canonical) for s in doc.spans["actors"] if s.label_ == "person"]
    assert found == [("Shavkat Mirziyoev", "shavkat-mirziyoyev")]


def test_spelling_keys_fold_the_usual_alternations():
    from annotator.nlp.actors.variants import key

    assert key("Qasym-Jomart Toqayev") == key("Kassym-Jomart Tokayev")
    assert key("Abdulla Aripov") != key("Abdulla Arifov")


def test_the_last_word_of_a_portfolio_is_no_given_name(nlp):
    found = people(nlp, "The Minister for the Environment Peter Hollander said the plan would be delayed.")
    assert found == ["Peter Hollander"]


def test_a_long_office_before_a_name_is_left_out(nlp):
    text = "Minister of State for Trade and Industry Daniel Mwangi Otieno opened the fair on Monday."
    assert people(nlp, text) == ["Daniel Mwangi Otieno"]


def test_an_honorific_or_a_national_title_is_no_given_name(nlp):
    assert people(nlp, "Taoiseach Brendan Gallagher said the talks would go on.") == ["Brendan Gallagher"]
    assert people(nlp, "Datuk Seri Azman Harun said the border stays shut.") == ["Azman Harun"]


def test_initials_before_a_name_are_part_of_it(nlp):
    doc = nlp("Foreign Minister A K Rahman Chowdhury spoke on Friday. Later, Rahman Chowdhury added that talks went well.")
    found = [(s.text, s._.canonical) for s in doc.spans["actors"] if s.label_ == "person"]
    assert found[0] == ("A K Rahman Chowdhury", "a-k-rahman-chowdhury")
    assert ("Rahman Chowdhury", "a-k-rahman-chowdhury") in found


def test_a_short_form_of_a_longer_name_is_the_same_person(nlp):
    doc = nlp("Defence Minister Hamid Yusof Karim visited the base. Hamid Yusof said the troops were ready.")
    ids = {s._.canonical for s in doc.spans["actors"] if s.label_ == "person"}
    assert ids == {"hamid-yusof-karim"}


def test_a_family_name_first_is_the_bare_name_of_the_person(nlp):
    doc = nlp("The talks were led by Park Min-jun, a senior diplomat. Park also said the deal was close.")
    found = [(s.text, s._.canonical) for s in doc.spans["actors"] if s.label_ == "person"]
    assert ("Park", "park-min-jun") in found


def test_a_capital_a_before_a_name_is_an_article(nlp):
    assert "A Kazakh Rail spokesman" not in people(nlp, "A Kazakh Rail spokesman told reporters the line was shut.")


def test_a_party_and_a_rank_before_a_name_are_split_off(nlp):
    assert people(nlp, "He replied to Labour MP Siobhán Ó Briain on Tuesday.") == ["Siobhán Ó Briain"]


def test_a_name_after_its_kind_and_a_comma_is_that_kind_throughout(nlp):
    doc = nlp("Peru's government and the largest rebel group, the FRN, will meet on Monday.\n\n"
              "The FRN said it wanted a ceasefire.")
    found = [(s.text, s.label_, s._.canonical) for s in doc.spans["actors"] if s.text == "FRN"]
    assert found == [("FRN", "group", "frn"), ("FRN", "group", "frn")]
