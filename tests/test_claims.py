"""The claim component: attributed speech, speakers, cues, authorial theses."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import InputError
from annotator.nlp.actors.data import slug as actor_slug
from annotator.nlp.claims.lexicon import inflections, load_lexicon
from annotator.nlp.claims.quotes import find_quotes
from annotator.nlp.claims.speakers import slug

QUOTE_MARKS = ['"', "“", "”", "«", "»", "„", "‘", "’", "'", "‹", "›"]


def claims(nlp, text: str, kind: str = "attributed") -> list[dict]:
    doc = nlp(text)
    return [{"text": s.text, **s._.claim} for s in doc.spans["claims"] if s.label_ == kind]


def one(nlp, text: str) -> dict:
    found = claims(nlp, text)
    assert len(found) == 1, found
    return found[0]


# --- direct quotes -------------------------------------------------------

@pytest.mark.parametrize("text", [
    '"We are in contact with the Taliban every day," said President Shavkat Mirziyoyev.',
    "“We are in contact with the Taliban every day,” said President Shavkat Mirziyoyev.",
    '"We are in contact with the Taliban every day,” said President Shavkat Mirziyoyev.',
    "Shavkat Mirziyoyev said: «We are in contact with the Taliban every day.»",
    "‘We are in contact with the Taliban every day,’ Shavkat Mirziyoyev said.",
])
def test_direct_quote_styles(nlp, text):
    claim = one(nlp, text)
    assert claim["text"] == "We are in contact with the Taliban every day"
    assert claim["speaker"] == "shavkat-mirziyoyev" and claim["mode"] == "direct" and claim["cue"] == "said"
    assert text[claim["cue_start"]:claim["cue_end"]] == "said"


def test_quote_split_around_the_verb(nlp):
    found = claims(nlp, '"The situation is stable," Vladimir Putin said, "but we must remain vigilant."')
    assert [c["text"] for c in found] == ["The situation is stable", "but we must remain vigilant"]
    assert {c["speaker"] for c in found} == {"vladimir-putin"}


def test_quote_spanning_sentences(nlp):
    claim = one(nlp, '"We will judge them by their deeds. Nothing else matters," Vladimir Putin added.')
    assert claim["text"] == "We will judge them by their deeds. Nothing else matters"


def test_quote_continued_in_the_next_sentence(nlp):
    found = claims(nlp, '"We are ready to help," Vladimir Putin said. "Russia will not leave its allies alone."')
    assert [c["text"] for c in found] == ["We are ready to help", "Russia will not leave its allies alone"]
    assert found[1]["speaker"] == "vladimir-putin" and found[1]["score"] < found[0]["score"]


def test_scare_quotes_are_not_claims(nlp):
    assert claims(nlp, "Russia fought its ‘war against terror’ in the Caucasus.") == []


@pytest.mark.parametrize("text", [
    'He said "stop and this never closes\n\nA second paragraph follows here.',
    '"\n\nVladimir Putin said that Russia will help.',
    "Kazakhstan said « yes » and then “ more ” words ” here.",
])
def test_unbalanced_quotes_never_swallow_a_paragraph(nlp, text):
    doc = nlp(text)
    for span in doc.spans["claims"]:
        assert "\n\n" not in span.text


def test_find_quotes_pairs_per_paragraph():
    text = 'a "b" c\n"d e\nf'
    assert [(text[q.start:q.end], q.closed) for q in find_quotes(text)] == [('"b"', True), ('"d e', False)]


# --- indirect speech -----------------------------------------------------

def test_indirect_that_clause(nlp):
    claim = one(nlp, "The CSTO warned that the situation could deteriorate quickly.")
    assert (claim["text"], claim["speaker"], claim["mode"]) == (
        "the situation could deteriorate quickly", "csto", "indirect")


def test_indirect_gerund_and_infinitive(nlp):
    claim = one(nlp, "Kazakhstan affirmed continuing its dialogue with the Taliban.")
    assert claim["text"] == "continuing its dialogue with the Taliban" and claim["speaker"] == "kazakhstan"
    claim = one(nlp, "China pledged to pay for a new border post.")
    assert claim["text"] == "to pay for a new border post" and claim["speaker"] == "china"


def test_parenthetical_cue(nlp):
    claim = one(nlp, "The decision, Vladimir Putin said, was final.")
    assert claim["speaker"] == "vladimir-putin" and claim["text"].endswith("was final")


def test_call_on_takes_the_infinitive(nlp):
    claim = one(nlp, "The UN Security Council called on the Taliban to allow safe passage.")
    assert (claim["text"], claim["cue"]) == ("the Taliban to allow safe passage", "called on")


def test_plural_title_is_an_unnamed_source(nlp):
    claim = one(nlp, "Vladimir Putin met the envoy. Analysts say the Kremlin is worried.")
    assert claim["speaker"] is None


def test_multiword_cue(nlp):
    claim = one(nlp, "Emomali Rahmon called for an inclusive government in Kabul.")
    assert claim["cue"] == "called for" and claim["text"] == "an inclusive government in Kabul"


def test_chained_report_keeps_its_parts(nlp):
    found = claims(nlp, "Kassym-Jomart Tokayev said the army was ready and added that it would be mobilised.")
    assert [(c["text"], c["cue"]) for c in found] == [
        ("the army was ready", "said"), ("it would be mobilised", "added")]
    assert {c["speaker"] for c in found} == {"kassym-jomart-tokayev"}


def test_conjoined_speakers_share_one_span(nlp):
    claim = one(nlp, "Kazakhstan and Uzbekistan announced that they would send humanitarian aid.")
    assert claim["speakers"] == ["kazakhstan", "uzbekistan"]


def test_belief_verbs_are_not_claims(nlp):
    assert claims(nlp, "Some analysts believe the Taliban will split. The Kremlin fears a spill-over.") == []


def test_passive_cue_without_speaker_is_not_a_claim(nlp):
    assert claims(nlp, "As stated above, nothing has changed. It is said that the Taliban control the border.") == []


# --- speakers and channels ----------------------------------------------

def test_according_to_chain_gives_speaker_and_channel(nlp):
    claim = one(nlp, '"We are in contact with the Taliban," said President Shavkat Mirziyoyev, according to UzA.')
    assert (claim["speaker"], claim["channel"]) == ("shavkat-mirziyoyev", "uza")


@pytest.mark.parametrize("text", [
    "According to Reuters, the Taliban control most of the border.",
    "The Taliban control most of the border, according to Reuters.",
])
def test_according_to_alone(nlp, text):
    claim = one(nlp, text)
    assert claim["speaker"] == "reuters" and claim["text"].lower() == "the taliban control most of the border"


def test_pronoun_speaker(nlp):
    claim = one(nlp, "Joe Biden arrived in Geneva. He stated that the talks were constructive.")
    assert claim["speaker"] == "joe-biden"


def test_nominal_speaker_with_title(nlp):
    claim = one(nlp, 'Kassym-Jomart Tokayev met officials. "Our borders are secure," the Kazakh President said.')
    assert claim["speaker"] == "kassym-jomart-tokayev"


def test_unnamed_source_has_no_speaker(nlp):
    assert one(nlp, "Officials said the border would stay closed.")["speaker"] is None


def test_nested_report_gets_the_outer_speaker_as_channel(nlp):
    found = claims(nlp, "Shavkat Mirziyoyev states that Abdul Ghani Baradar gave assurances to not attack Uzbekistan.")
    inner = next(c for c in found if c["cue"] == "gave assurances")
    assert inner["text"] == "to not attack Uzbekistan"
    assert (inner["speaker"], inner["channel"]) == ("abdul-ghani-baradar", "shavkat-mirziyoyev")


# --- authorial -----------------------------------------------------------

def test_authorial_thesis_and_conclusion(nlp):
    text = ("Background\n\nThe main argument of this essay is that little will change. "
            "Facing this, it becomes apparent that only a strong state is useful.\n")
    found = claims(nlp, text, "authorial")
    assert [c["text"] for c in found] == ["The main argument of this essay is that little will change",
                                          "Facing this, it becomes apparent that only a strong state is useful"]
    assert all(c["score"] <= 0.5 for c in found)


def test_title_line_is_not_a_thesis(nlp):
    assert claims(nlp, "Tajikistan refuses to recognise the Taliban\n\nDUSHANBE - Text.\n", "authorial") == []


def test_asserting_heading_without_label(nlp):
    text = ("Essay title\n\nArgument: Afghanistan changed less than we think\n\nThe text goes on here.\n\n"
            "Background\n\nMore text.\n")
    assert [c["text"] for c in claims(nlp, text, "authorial")] == ["Afghanistan changed less than we think"]


# --- lexicon and robustness ----------------------------------------------

def test_lexicon_has_no_belief_verbs_among_cues():
    lex = load_lexicon()
    assert not set(lex.cues) & lex.beliefs
    assert {"signalled", "emphasised", "analyses", "said"} <= set(lex.forms)
    assert "signalling" in inflections("signal")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 200), st.sampled_from(QUOTE_MARKS)), max_size=8))
def test_random_quote_marks_never_crash(nlp, inserts):
    text = list('Kazakh President Tokayev said the army is ready. "We act," he said.\n\nChina denied it.')
    for pos, mark in inserts:
        text.insert(pos % (len(text) + 1), mark)
    text = "".join(text)
    doc = nlp(text)
    for span in doc.spans["claims"]:
        assert 0 <= span.start_char < span.end_char <= len(text)
        assert "\n\n" not in span.text


def test_speaker_ids_are_built_like_actor_ids():
    """A speaker no actor rule found still gets the id the actor layer would give."""
    assert slug("the Taliban’s") == "taliban"
    assert slug("Токаев") == actor_slug("Токаев") == "tokaev"
    assert slug("Sean O'Brien") == actor_slug("Sean O'Brien") == "sean-obrien"


def test_a_broken_user_lexicon_is_one_clear_error(tmp_path):
    bad = tmp_path / "cues.json"
    bad.write_text('{"speech": [{"lemma": "say"}]}', encoding="utf-8")
    with pytest.raises(InputError, match=r"cues.json: speech\[0\]: missing field 'content'"):
        load_lexicon(str(bad))
    with pytest.raises(InputError, match="cannot be read"):
        load_lexicon(str(tmp_path / "missing.json"))
