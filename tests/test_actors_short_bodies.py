"""A body named again by its capitalised head noun alone."""

from __future__ import annotations

import pytest

from annotator.nlp.actors.repeats import repeated_acronyms
from annotator.nlp.actors.rules import Mention
from annotator.nlp.knowledge import knowing
from annotator.nlp.knowledge import load as load_knowledge


@pytest.fixture(scope="module")
def nlp(nlp):
    with nlp.select_pipes(disable=["annotator_claims"]):
        yield nlp


def bodies(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s._.canonical) for s in doc.spans["actors"] if s.label_ == "organization"]


def test_head_noun_names_the_body_named_before(nlp):
    found = bodies(nlp, "The Supreme Court of Kenya ruled on Monday. Lawyers said the Court had erred.")
    full = [c for t, c in found if t.startswith("Supreme Court")]
    assert full and ("Court", full[0]) in found


def test_head_noun_of_two_bodies_is_left_alone(nlp):
    found = bodies(nlp, "The Supreme Court of Kenya and the High Court of Uganda met. Lawyers said the Court had erred.")
    assert "Court" not in [t for t, _ in found]


def test_head_noun_before_any_body_is_left_alone(nlp):
    assert "Council" not in [t for t, _ in bodies(nlp, "Lawyers said the Council had erred.")]


def test_an_acronym_read_as_a_body_once_is_that_body_throughout(nlp):
    doc = nlp("The KRA spokesperson declined to comment. Later the KRA will seek a meeting, officials said.")
    found = [(s.text, s._.canonical) for s in doc.spans["actors"]]
    assert [t for t, _ in found].count("KRA") == 2 and len({c for t, c in found if t == "KRA"}) == 1


def test_a_name_found_by_its_kind_counts_in_the_headline_above(nlp):
    doc = nlp("Government and MRL rebels to meet\n\nThe rebel group, the MRL, said it would attend.")
    assert [s.text for s in doc.spans["actors"]].count("MRL") == 2


def test_partners_glued_by_a_hyphen_are_two_bodies(nlp):
    doc = nlp("The ruling National Unity Party-Sovereignty coalition lost its majority. NUP leaders met.")
    found = [(s.text, s._.canonical) for s in doc.spans["actors"]]
    assert ("National Unity Party", "national-unity-party") in found
    assert ("NUP", "national-unity-party") in found


def test_a_name_in_capitals_read_once_is_that_body_throughout(nlp):
    doc = nlp("Police arrested a reporter of DAILY NEWS on Monday.\n\nDAILY NEWS has rejected the claims.")
    read = [Mention(5, 7, "organization", "daily-news", "ner", 0.7, 1)]  # the model's one reading
    with knowing(doc, load_knowledge("")):
        found = repeated_acronyms(doc, read, {5, 6})
    assert [(doc[m.start:m.end].text, m.canonical) for m in found] == [("DAILY NEWS", "daily-news")]


@pytest.mark.parametrize("text, name", [
    ("Leaders of the Reform party said the vote was rigged.", "Reform party"),
    ("The Conservative party has called for an inquiry.", "Conservative party"),
])
def test_capitalised_words_before_party_name_it(nlp, text, name):
    doc = nlp(text)  # a SpanGroup needs its Doc alive
    assert (name, "organization") in [(s.text, s.label_) for s in doc.spans["actors"]]


def test_a_demonym_or_a_creed_before_party_names_no_party(nlp):
    doc = nlp("It was once the only legal Islamist party; the Chinese party disagreed.")
    found = [s.text for s in doc.spans["actors"]]
    assert not [t for t in found if t.endswith("party")]


def test_a_demonym_before_a_short_form_is_part_of_it(nlp):
    text = ("The Kenyan High Commission said on Friday that the High Commission (HC) would close. "
            "Kenyan HC staff left the building.")
    doc = nlp(text)
    assert "Kenyan HC" in [s.text for s in doc.spans["actors"]]
