"""A body named again by its capitalised head noun alone."""

from __future__ import annotations

import pytest


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
