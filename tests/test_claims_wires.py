"""Wire services are channels, the quoted person the speaker (issue 13).
Sentences written for these tests."""

from __future__ import annotations


def claims(nlp, text: str) -> set[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    return {(s.text, s._.claim["speaker"], s._.claim["channel"]) for s in doc.spans["claims"]
            if s.label_ == "attributed"}


def people(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [s.text for s in doc.spans["actors"] if s.label_ == "person"]


def test_it_quoted_takes_the_agency_named_before_as_channel(nlp):
    found = claims(nlp, "Interfax ran the report on Monday. It quoted Rudenko as saying the talks would resume.")
    assert found == {("the talks would resume", "rudenko", "interfax")}


def test_a_closing_according_to_is_the_channel_not_content(nlp):
    found = claims(nlp, "Deputy Foreign Minister Andrei Rudenko said the border would reopen, according to Interfax.")
    assert found == {("the border would reopen", "andrei-rudenko", "interfax")}


def test_initials_glued_to_a_surname_name_a_person_who_speaks(nlp):
    text = "The news agency AKIpress quoted A.Karimova as saying that the talks went well."
    assert people(nlp, text) == ["A.Karimova"]
    assert claims(nlp, text) == {("the talks went well", "a-karimova", "akipress")}


def test_initials_before_a_body_word_are_no_person(nlp):
    assert people(nlp, "Troops of the U.S.Army left the base.") == []


def test_termed_as_keeps_the_as_phrase(nlp):
    found = claims(nlp, 'Armenia has termed the minister\'s remarks regarding the 2020 war as "baseless".')
    assert {(text, speaker) for text, speaker, _ in found} == {
        ('the minister\'s remarks regarding the 2020 war as "baseless', "armenia")}


def test_reminded_panned_and_doubled_down_are_cues(nlp):
    found = claims(nlp, "Nikol Pashinyan reminded reporters that the treaty was signed in 2020. "
                        "Ilham Aliyev panned the proposal. Ilham Aliyev doubled down on his demand for a corridor.")
    assert {(text, speaker) for text, speaker, _ in found} == {
        ("the treaty was signed in 2020", "nikol-pashinyan"), ("the proposal", "ilham-aliyev"),
        ("his demand for a corridor", "ilham-aliyev")}


def test_a_long_name_after_an_office_is_one_person_and_the_speaker(nlp):
    text = ("Angolan President Joao Lourenco opened the talks. President of Equatorial Guinea Teodoro Obiang "
            "Nguema Mbasogo said the loans were fair.")
    doc = nlp(text)
    assert "Teodoro Obiang Nguema Mbasogo" in [s.text for s in doc.spans["actors"] if s.label_ == "person"]
    assert claims(nlp, text) == {("the loans were fair", "teodoro-obiang-nguema-mbasogo", None)}


def test_it_said_takes_the_speaker_before_not_the_topic(nlp):
    text = ("Rebels are shelling the town and soldiers are returning fire, the Armenian border service said on "
            "Monday.\n\nSoldiers were holding the bridge as fighting went on in the hills, it said on Friday.")
    found = {(t, s) for t, s, _ in claims(nlp, text)}
    assert ("Soldiers were holding the bridge as fighting went on in the hills", "armenian-border-service") in found


def test_a_trailing_cue_with_an_auxiliary_and_an_aside(nlp):
    text = ("Rebels are shelling the town and soldiers are returning fire, Armenia's border guard service has said, "
            "a sharp escalation of the conflict.")
    found = {(t, s) for t, s, _ in claims(nlp, text)}
    assert found == {("Rebels are shelling the town and soldiers are returning fire", "armenian-border-guard-service")}


def test_a_headline_names_its_speaker_after_a_dash(nlp):
    found = claims(nlp, "date 2023-05-02 Armenia to deepen ties with France — Nikol Pashinyan\n\nThe visit went well.")
    assert found == {("Armenia to deepen ties with France", "nikol-pashinyan", None)}


def test_a_dash_before_a_word_that_names_no_actor_is_no_claim(nlp):
    assert claims(nlp, "Border clashes flare up again - analysis\n\nThe visit went well.") == set()


def test_a_people_heading_a_title_case_headline_is_an_unnamed_source(nlp):
    doc = nlp("Armenians Demand Release Of Detained Protesters\n\nYEREVAN -- Dozens gathered on Monday.")
    found = [(s.text, s._.claim["speaker"], s._.claim["source"]) for s in doc.spans["claims"]]
    assert found == [("Release Of Detained Protesters", None, "Armenians")]


def test_the_newspaper_is_the_outlet_named_before(nlp):
    found = claims(nlp, "The talks will start on Monday, newspaper El Heraldo reported on Sunday. "
                        "The newspaper said the date would be announced in Quito.")
    assert ("the date would be announced in Quito", "el-heraldo", None) in found


def test_a_title_in_the_headline_is_the_first_person_with_that_title(nlp):
    found = claims(nlp, "Interior Minister rejects claims of abuse\n\n"
                        "Interior Minister Karl Lindqvist said on Monday that the police had acted lawfully.")
    assert ("claims of abuse", "karl-lindqvist", None) in found


def test_a_person_citing_examples_still_speaks(nlp):
    found = claims(nlp, "Chancellor Maria Weber spoke on Monday.\n\n"
                        "\"That has got to change,\" she added, citing John Smith as an example.")
    # "citing X as Y" is her claim too (real_news2's "citing … as some of the issues").
    assert found == {("That has got to change", "maria-weber", None), ("John Smith as an example", "maria-weber", None)}
