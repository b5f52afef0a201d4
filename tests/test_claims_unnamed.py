"""Unnamed and collective sources (issue 13): speaker null, the phrase that
names the source kept as the claim's `source`. Sentences written for these
tests, in the style of wire copy; none is taken from a gold text."""

from __future__ import annotations

from typing import NamedTuple

import pytest


class U(NamedTuple):
    text: str
    speaker: str | None
    cue: str
    source: str | None


def claims(nlp, text: str) -> set[U]:
    doc = nlp(text)
    return {U(s.text, sp, s._.claim["cue"], s._.claim.get("source"))
            for s in doc.spans["claims"] if s.label_ == "attributed" for sp in s._.claim["speakers"]}


CASES = {
    "body_officials": (
        "EU officials said the sanctions would stay in place until the summer.",
        [U("the sanctions would stay in place until the summer", None, "said", "EU officials")]),
    "group_source": (
        "A Hezbollah source confirmed that the prisoners had been released.",
        [U("the prisoners had been released", None, "confirmed", "A Hezbollah source")]),
    "possessor_representative": (
        "Chile's representative said the resolution went too far.",
        [U("the resolution went too far", None, "said", "Chile's representative")]),
    "both_sides": (
        "Armenia and Azerbaijan traded fire overnight. Both sides said the other had fired first.",
        [U("the other had fired first", None, "said", "Both sides")]),
    "statement_read": (
        '"The talks were constructive," the statement read. The minister read the report aloud.',
        [U("The talks were constructive", None, "read", "the statement")]),
    "told_passive": (
        "The delegates were told that the vote would be delayed until Friday.",
        [U("the vote would be delayed until Friday", None, "told", "were told")]),
    "reported_to": (
        "The general is reported to have resigned after the defeat.",
        [U("The general is reported to have resigned after the defeat", None, "reported", "is reported")]),
    "reportedly": (
        "Rebels reportedly seized two villages near the river.",
        [U("Rebels reportedly seized two villages near the river", None, "reportedly", "reportedly")]),
    "reportedly_on_a_cue": (  # the named speaker's claim carries the adverb
        "Reportedly, Ankara pledged to pay for the new bridge.",
        [U("to pay for the new bridge", "turkey", "pledged", None)]),
    "inverted_media": (
        "The dam had been damaged in the storm, reported local media citing a regional official.",
        [U("The dam had been damaged in the storm", None, "reported", "local media")]),
    "participle_is_no_inversion": (
        "Ilham Aliyev left the summit early, saying the talks had failed.",
        [U("the talks had failed", "ilham-aliyev", "saying", None)]),
    "temporal_as_with_an_object": ("The buildup continues as the ministry has been disclosing new figures.", []),
    "hypothetical_cue": ("Armenia might find it hard to keep the road open.", []),
    "reportedly_in_a_headline_after_a_masked_date": (  # the reader blanks "date 2020-01-02" to spaces
        " " * 15 + " Two soldiers reportedly killed in border shooting\n\nThe situation is calm.",
        [U("Two soldiers reportedly killed in border shooting", None, "reportedly", "reportedly")]),
    "passive_inside_a_report": (  # part of what the minister said, not a report of its own
        "Minister Ilham Aliyev said no injuries had been reported.",
        [U("no injuries had been reported", "ilham-aliyev", "said", None)]),
    "passive_with_agent": ("The delegates were told by the chairman to sit down.", []),
    "local_government": (
        "Floods hit the valley on Monday. The provincial government said two bridges had collapsed.",
        [U("two bridges had collapsed", None, "said", "The provincial government")]),
    "president_of_a_state": (
        "Russian President Vladimir Putin received Kazakh President Kassym-Jomart Tokayev. "
        "The president of Russia said the talks were useful.",
        [U("the talks were useful", "vladimir-putin", "said", None)]),
    "title_chain_after_the_content": (
        "The country is ready to expand trade with Iran, Chairman of the People's Council of Turkmenistan "
        "Gurbanguly Berdimuhamedov said.",
        [U("The country is ready to expand trade with Iran", "gurbanguly-berdimuhamedov", "said", None)]),
    "office_chain_with_brackets": (
        "Uzbekistan is ready to expand trade with Kazakhstan, Chairman of the Senate (Upper House) of Uzbekistan "
        "Tanzila Narbaeva said during a call with the Kazakh Speaker.",
        [U("Uzbekistan is ready to expand trade with Kazakhstan", "tanzila-narbaeva", "said", None)]),
    "reportedly_between_speaker_and_cue": (  # a layered report: the unnamed report and the speaker's own claim
        "Finance Minister Karl Lindqvist reportedly told his deputy that the budget would be cut.",
        [U("Finance Minister Karl Lindqvist reportedly told his deputy that the budget would be cut", None,
           "reportedly", "reportedly"),
         U("the budget would be cut", "karl-lindqvist", "told", None)]),
    "reports_with_a_clause": (
        "There are reports that the governor has left the country.",
        [U("the governor has left the country", None, "reports", "reports")]),
    "denied_reports_are_the_denial": (  # the report noun inside another claim is part of it
        "Minister Karl Lindqvist denied the reports that he would resign.",
        [U("he would resign", "karl-lindqvist", "denied", None)]),
    "members_of_a_party": (
        "Karl Lindqvist leads the Green Party. Several Green Party branches have called on him to resign.",
        [U("him to resign", None, "called on", "Several Green Party branches")]),
    "according_to_sources_an_outlet_consulted": (  # the outlet that consulted them is no speaker
        "The plan was badly received in Oslo, according to three sources consulted by The Guardian.",
        [U("The plan was badly received in Oslo", None, "according to", "three sources consulted by The Guardian")]),
    "the_ministers_agreed": (
        "Karl Lindqvist met Ole Berg in Oslo. The ministers agreed that the bridge should be rebuilt.",
        [U("the bridge should be rebuilt", None, "agreed", "The ministers")]),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_unnamed_sources(nlp, text, expected):
    assert claims(nlp, text) == set(expected)
