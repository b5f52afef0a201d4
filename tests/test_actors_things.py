"""Words the model reads as people or bodies that are things, places or peoples."""

from __future__ import annotations

import pytest
import spacy

from annotator.nlp.actors.things import lone_thing, names_a_people, names_a_title


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("text, start, expected", [
    ("troops along the Frontier", 3, True),  # a name takes no "the"
    ("after catching SARS-2 last year", 2, True),  # a digit
    ("was taken to ICU on Friday", 3, True),  # an acronym
    ("said Okafor on Friday", 1, False),
    ("the Okafor government fell", 1, False),  # a name modifying a noun after "the"
    ("Okafor said so", 0, False),
])
def test_lone_thing(nlp, text, start, expected):
    doc = nlp(text)  # the parse: a name may modify a noun after "the"
    assert lone_thing(doc[start:start + 1]) is expected


def test_plural_of_a_modifier_is_a_people(blank):
    text = "The Karens fled. Karen refugees crossed the river."
    doc = blank(text)
    assert names_a_people(doc[1:2], text)
    assert not names_a_people(blank("Reuters said so.")[0:1], "Reuters said so.")


def test_things_are_not_tagged(nlp):
    with nlp.select_pipes(disable=["annotator_claims"]):
        doc = nlp("Officials said the Brexit talks stalled, while patrols along the Border grew. "
                  "Analyst Tom Reid posted on Twitter that Kachins and Kachin refugees were safe.")
        found = [s.text for s in doc.spans["actors"]]
    assert "Tom Reid" in found
    assert not {"Brexit", "Border", "Twitter", "Kachins"} & set(found)


@pytest.mark.parametrize("text, start, end, expected", [
    ("He met the Kremlin Deputy Chief Spokesman today.", 3, 7, True),
    ("Two Cabinet Secretaries were ill.", 1, 3, True),
    ("The Council of Ministers met.", 1, 4, False),
    ("The Interior Ministry said so.", 1, 3, False),
])
def test_a_run_ending_in_a_title_names_an_office(nlp, text, start, end, expected):
    doc = nlp(text)
    assert names_a_title(doc[start:end]) is expected


def test_events_named_after_a_place_or_body_are_not_actors(nlp):
    with nlp.select_pipes(disable=["annotator_claims"]):
        doc = nlp("A week after the Kargil airstrikes, leaders met at the Third ASEAN Summit in Manila.")
        found = [s.text for s in doc.spans["actors"]]
    assert not [t for t in found if "Kargil" in t or "Summit" in t]


def test_a_country_glued_to_a_date_in_a_dateline_is_the_country(nlp):
    with nlp.select_pipes(disable=["annotator_claims"]):
        doc = nlp("KAMPALA, Uganda Jul 26 – Police arrested two reporters on Friday.")
        found = [(s.text, s.label_) for s in doc.spans["actors"]]
    assert ("Uganda", "state") in found and not [t for t, _ in found if "Jul" in t]
