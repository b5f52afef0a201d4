"""Cue verbs of real news headlines and reports (issue 13): a noun object,
or one named 'as' something, is the content. Sentences written for these tests."""

from __future__ import annotations

import pytest


def claims(nlp, text: str) -> set[tuple[str, str | None]]:
    doc = nlp(text)
    return {(s.text, s._.claim["speaker"]) for s in doc.spans["claims"] if s.label_ == "attributed"}


@pytest.mark.parametrize("text,expected", [
    ("Peru downplays new tariffs on copper", ("new tariffs on copper", "peru")),
    ("Chile slams Argentina's new fishing rules as unfair", ("Argentina's new fishing rules as unfair", "chile")),
    ("President Maria Lopez apologized for the delays in the payments.",
     ("the delays in the payments", "maria-lopez")),
])
def test_a_noun_object_of_a_cue_is_the_content(nlp, text, expected):
    assert expected in claims(nlp, text)


def test_according_to_a_persons_aides_is_an_unnamed_source(nlp):
    doc = nlp("The vote will be delayed until May, according to President Karl Lindqvist's aides.")
    found = [(s._.claim["speaker"], s._.claim["source"]) for s in doc.spans["claims"] if s.label_ == "attributed"]
    assert found == [(None, "President Karl Lindqvist's aides")]


def test_dismissing_a_suggestion_is_a_claim_but_dismissing_a_minister_is_not(nlp):
    found = claims(nlp, "President Maria Lopez dismissed the suggestion that the vote had been rigged.")
    assert ("the suggestion that the vote had been rigged", "maria-lopez") in found
    assert not claims(nlp, "President Maria Lopez dismissed the finance minister on Friday.")


def test_the_official_after_an_unnamed_official_stays_unnamed(nlp):
    doc = nlp("President Karl Lindqvist visited the base on Monday. \"The system is safe,\" a presidential "
              "official said. The rules were tightened last year, the official added.")
    found = {(s.text, s._.claim["speaker"], s._.claim["source"]) for s in doc.spans["claims"]
             if s.label_ == "attributed"}
    assert ("The rules were tightened last year", None, "the official") in found
