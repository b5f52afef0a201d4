"""People named without their full name: a capitalised office standing
alone, a surname above the full name, an abbreviated title; and states named
by a demonym or a capital with "government"."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(nlp):
    with nlp.select_pipes(disable=["annotator_claims"]):
        yield nlp


def people(nlp, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    return [(s.text, s._.canonical, s._.role) for s in doc.spans["actors"] if s.label_ == "person"]


def actors(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_, s._.canonical) for s in doc.spans["actors"]]


def test_capitalised_office_alone_is_its_holder(nlp):
    text = ("Chilean Foreign Minister Ana Torres rejected the remarks on Monday. "
            "The Foreign Minister added that the talks would go on.")
    assert ("Foreign Minister", "ana-torres", "Foreign Minister") in people(nlp, text)


def test_office_in_a_headline_names_the_holder_below(nlp):
    text = "Taoiseach rules out new checks\n\nTaoiseach Liam Doyle told parliament that no posts would be built."
    assert people(nlp, text)[0] == ("Taoiseach", "liam-doyle", "Taoiseach")


@pytest.mark.parametrize("text", [
    "President Marta Silva said the Vice President would travel.",  # another office
    "Deputy Foreign Minister Ana Torres met the Foreign Minister.",  # nobody holds it here
    "President Marta Silva was once known only as ‘President’ to her staff.",  # the word, quoted
    "The Foreign Minister said so.",  # nobody named
])
def test_office_without_a_holder_is_not_tagged(nlp, text):
    assert [p for p in people(nlp, text) if p[2] is None or p[0] != p[2]] == people(nlp, text)


def test_surname_in_a_headline_above_the_full_name(nlp):
    text = "Okonjo silent on the dispute\n\nPresident Peter Okonjo has not spoken about the dispute since March."
    assert ("Okonjo", "peter-okonjo", None) in people(nlp, text)


def test_abbreviated_title_goes_to_the_role(nlp):
    text = ("Interior Secretary Paul Wanjiru said the reports were false. "
            "Outlets claimed that CS Wanjiru was in hospital.")
    assert ("Wanjiru", "paul-wanjiru", "CS") in people(nlp, text)


def test_demonym_and_capital_with_government_are_states(nlp):
    text = "The Nigerian government and the Dublin government both replied, but officials in Dublin did not."
    found = actors(nlp, text)
    assert ("Nigerian government", "state", "nigeria") in found
    assert ("Dublin government", "state", "ireland") in found
    assert not [a for a in found if a[0] == "Dublin"]


def test_body_named_with_and_is_one_body(nlp):
    # The model reads two bodies here: "the Nigerian Communications" and "Multimedia Agency".
    found = actors(nlp, "Officers from the police and the Nigerian Communications and Multimedia Agency visited the station.")
    assert ("Nigerian Communications and Multimedia Agency", "organization") in [a[:2] for a in found]


def test_palestine_is_a_state(nlp):
    assert ("Palestine", "state", "palestinian-territory") in actors(nlp, "The minister said Palestine would appeal.")


def test_capitalised_state_nouns_name_the_state_of_the_story(nlp):
    text = ("Iran rejected the new sanctions from the US and Britain. Iran said the Islamic Republic "
            "would not bend. Officials in Iran said the Government had expected them, and the State "
            "Department did not reply. A lowercase government is a description.")
    found = actors(nlp, text)
    assert ("Islamic Republic", "state", "iran") in found
    assert ("Government", "state", "iran") in found
    assert not [a for a in found if a[0] in ("State", "government")]


def test_a_mission_that_speaks_is_a_body(nlp):
    found = actors(nlp, "The Kenyan embassy announced that its visa section would stay closed.")
    assert ("Kenyan embassy", "organization", "kenyan-embassy") in found


def test_a_mission_as_a_building_is_not_an_actor(nlp):
    found = actors(nlp, "In 2016 the Kenyan embassy in Lusaka was hit by a car bomb.")
    assert "Kenyan embassy" not in [a[0] for a in found]


def test_surname_keeps_its_particles(nlp):
    text = "Marta van der Berg chairs the board. Van der Berg said the vote would be held in May."
    assert ("Van der Berg", "marta-van-der-berg", None) in people(nlp, text)


@pytest.mark.parametrize("text, name, role", [
    ("Mr Okafor said the talks had failed.", "Okafor", None),
    ("Ministry Spokesman Mr. Ali Khan said the office was shut.", "Ali Khan", "Ministry Spokesman"),
    ("Critics called him ‘Mr Okafor’ rather than President Okafor.", "Okafor", "Mr"),  # a quoted form of address
])
def test_honorifics_are_no_roles(nlp, text, name, role):
    assert (name, role) in [(p[0], p[2]) for p in people(nlp, text)]


def test_a_comma_title_is_the_role(nlp):
    text = "In a statement, the Information Minister, Peter Okafor, denied the claims."
    assert ("Peter Okafor", "peter-okafor", "Information Minister") in people(nlp, text)
