"""Cited clauses: the clause each footnote marker or inline citation supports."""

from __future__ import annotations

import re

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.nlp.cited import cited_clauses
from annotator.readers import read_text

BLANK = spacy.blank("en")
MARK = re.compile(r"\[footnoteRef:(\d+)\]|\[\^(\d+)\]")


def clauses(text: str, nlp=BLANK) -> list[tuple[str, list[str]]]:
    """Clauses as text for markers in raw text, on the blanked body."""
    doc = read_text(text, "t.txt")
    markers = [(m.label, m.start) for m in doc.markers]
    parsed = nlp(doc.body())
    return [(doc.text[s:e], labels) for s, e, labels in cited_clauses(parsed, markers)]


def test_clause_ends_before_marker_without_punctuation():
    got = clauses("Russia sent troops.[footnoteRef:1] Later it left.\n\n[1:  TASS 2021.]")
    assert got == [("Russia sent troops", ["1"])]


def test_two_markers_in_one_sentence_give_two_clauses_and_drop_and():
    text = ("It was a failure: 20 years, more than 2 trillion USD spent,[footnoteRef:1] "
            "and more than 220,000 deaths[footnoteRef:2].\n\n[1:  A 2020.]  [2:  B 2021.]")
    assert clauses(text) == [("more than 2 trillion USD spent", ["1"]), ("more than 220,000 deaths", ["2"])]


def test_clause_starts_after_semicolon_and_colon():
    text = ("Uzbekistan trades with Kabul; Tashkent hopes to reach Karachi.[footnoteRef:1] "
            "The rest is history: Moscow was first.[footnoteRef:2]\n\n[1:  A 2020.]  [2:  B 2021.]")
    assert [c for c, _ in clauses(text)] == ["Tashkent hopes to reach Karachi", "Moscow was first"]


def test_trailing_colon_before_marker_is_left_out():
    text = "As Kazantsev sketched out, there are two scenarios (and Russia):[footnoteRef:8] A strong rule.\n\n[8:  K 2021.]"
    assert clauses(text) == [("As Kazantsev sketched out, there are two scenarios (and Russia)", ["8"])]


def test_adjacent_markers_share_one_clause():
    text = "Drills were held.[footnoteRef:3][footnoteRef:4] Then peace.\n\n[3:  A 2020.]  [4:  B 2021.]"
    assert clauses(text) == [("Drills were held", ["3", "4"])]


def test_markdown_markers_and_raw_text():
    doc = spacy.blank("en")("China pledged aid[^1] and Russia sent arms.[^2]")
    got = cited_clauses(doc, [("1", 17), ("2", 42)])
    assert [(doc.text[s:e], labels) for s, e, labels in got] == [
        ("China pledged aid", ["1"]), ("Russia sent arms", ["2"])]


def test_inline_author_date_citation():
    text = "The CSTO lacked a purpose (Crawford 2021, 14). It found one."
    doc = spacy.blank("en")(text)
    (start, end, labels), = cited_clauses(doc, [("Crawford 2021, 14", text.index("("))])
    assert text[start:end] == "The CSTO lacked a purpose" and labels == ["Crawford 2021, 14"]


def test_heading_on_the_line_before_is_not_part_of_the_clause(nlp):
    text = "What matters: the power shift\nWhat matters is the shift.[footnoteRef:1]\n\n[1:  A 2020.]"
    assert clauses(text, nlp) == [("What matters is the shift", ["1"])]


def test_no_markers_no_clauses():
    assert cited_clauses(spacy.blank("en")("Nothing cited here."), []) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-5, 120), max_size=6))
def test_any_marker_offsets_give_ordered_clauses(offsets):
    doc = BLANK("Russia sent troops; China: aid,   and more  (Crawford 2021, 14). Then peace.")
    for start, end, labels in cited_clauses(doc, [(str(i), o) for i, o in enumerate(offsets)]):
        assert 0 <= start <= end <= len(doc.text) and labels


def test_hard_wrapped_paragraph_is_one_block():
    text = ("Glaciers in the Andes have lost a third of their\nsurface since the survey of\n"
            "   the previous decade.[^1] Rivers\nfollowed.[^2]\n\n[^1]: A 2020.\n[^2]: B 2021.\n")
    assert [c for c, _ in clauses(text)] == [
        "Glaciers in the Andes have lost a third of their\nsurface since the survey of\n   the previous decade",
        "Rivers\nfollowed"]


def test_line_break_before_a_capital_or_after_a_heading_ends_the_block():
    text = ("## Rivers in the dry season\nrivers shrank.[^1]\nTwo lakes dried up\nin the north.[^2]\n\n"
            "[^1]: A 2020.\n[^2]: B 2021.\n")
    assert [c for c, _ in clauses(text)] == ["rivers shrank", "Two lakes dried up\nin the north"]


def test_block_quotation_is_claimed_whole():
    text = ("She wrote:\n\n> The harvest failed twice. Prices rose\n> and the towns emptied.[^1]\n\n"
            "> Then came the rain. Nobody\nhad expected it.[^2]\n\nLater they came back.[^3]\n\n"
            "[^1]: A 2020.\n[^2]: B 2021.\n[^3]: C 2022.\n")
    assert [c for c, _ in clauses(text)] == [
        "The harvest failed twice. Prices rose\n> and the towns emptied",
        "Then came the rain. Nobody\nhad expected it", "Later they came back"]


def test_quotation_closing_at_the_marker_takes_the_sentence_it_opens_in():
    text = ("The mayor said that “the bridge is safe. It will open in May.”[^1] Nobody believed it. "
            'Critics called the plan "a gamble. A costly one."[^2]\n\n[^1]: A 2020.\n[^2]: B 2021.\n')
    assert [c for c, _ in clauses(text)] == [
        "The mayor said that “the bridge is safe. It will open in May",
        'Critics called the plan "a gamble. A costly one']


def test_final_question_mark_and_closing_quote_are_left_out():
    text = 'Who pays for the dam?[^1] Engineers call it “obsolete.”[^2]\n\n[^1]: A 2020.\n[^2]: B 2021.\n'
    assert [c for c, _ in clauses(text)] == ["Who pays for the dam", "Engineers call it “obsolete"]


def test_bullets_headings_and_table_cells_are_not_part_of_the_clause():
    text = ("## Dams on the Nile[^1]\n\n* Egypt objected to the dam.[^2]\n\n"
            "| Ethiopia | filled the reservoir[^3] |\n\n[^1]: A 2020.\n[^2]: B 2021.\n[^3]: C 2022.\n")
    assert [c for c, _ in clauses(text)] == ["Dams on the Nile", "Egypt objected to the dam", "filled the reservoir"]


def test_list_item_without_a_verb_gives_the_whole_sentence(nlp):
    text = ("Three ports were surveyed: Mombasa, Dar es Salaam and Beira.[^1] "
            "The survey found two problems: the cranes were old; the roads flooded often.[^2]\n\n"
            "[^1]: A 2020.\n[^2]: B 2021.\n")
    assert [c for c, _ in clauses(text, nlp)] == [
        "Three ports were surveyed: Mombasa, Dar es Salaam and Beira", "the roads flooded often"]


def test_emphasis_that_closes_after_the_marker_is_left_out():
    text = "### Heat\n\n_Cities must plan for heat.[^1]_ They rarely do, *as the *audit* shows*.[^2]\n\n[^1]: A.\n[^2]: B.\n"
    assert [c for c, _ in clauses(text)] == ["Cities must plan for heat", "They rarely do, *as the *audit* shows*"]


def test_closing_single_quote_goes_only_when_the_clause_opened_one():
    text = ("The report called the levee ‘a relic.’[^1] It blamed the engineers’[^2] plans.\n\n"
            "[^1]: A.\n[^2]: B.\n")
    assert [c for c, _ in clauses(text)] == ["The report called the levee ‘a relic", "It blamed the engineers’"]


def test_marker_after_an_image_or_include_backs_no_clause():
    text = ("Mills hired children.[^1]\n\n![A boy at a loom](loom.jpg)[^2]\n\n"
            '{% include figure.html src="mill.jpg" %}[^3]\n\n[^1]: A.\n[^2]: B.\n[^3]: C.\n')
    assert clauses(text) == [("Mills hired children", ["1"])]


def test_question_after_a_colon_takes_the_whole_sentence():
    text = ("The drought raised one question: who owns the river?[^1] Farmers answered: the state does.[^2] "
            'It ended badly: the mayor asked "who pays?"[^3]\n\n[^1]: A.\n[^2]: B.\n[^3]: C.\n')
    assert [c for c, _ in clauses(text)] == [
        "The drought raised one question: who owns the river", "the state does", 'the mayor asked "who pays']


def test_marker_on_the_first_word_of_a_going_sentence_backs_no_clause():
    text = ("Maps came first. @Halley1686[^1] drew winds. Its use was commercial,[^2] transformative,[^3] "
            "or neither.[^4]\n\n<p>The archive holds letters.[^5]</p>\n\n"
            "[^1]: A.\n[^2]: B.\n[^3]: C.\n[^4]: D.\n[^5]: E.\n")
    assert [c for c, _ in clauses(text)] == [
        "Its use was commercial", "transformative", "neither", "The archive holds letters"]


def test_wrapped_line_after_a_comma_or_before_a_link_or_figure_goes_on():
    text = ("The pioneers were Kermack,\nMcKendrick and Delaporte, who drew on\n[the census](c.html) of\n"
            "1901 for it.[^1]\n\n[^1]: A.\n")
    assert [c for c, _ in clauses(text)] == [
        "The pioneers were Kermack,\nMcKendrick and Delaporte, who drew on\n[the census](c.html) of\n1901 for it"]


def test_items_of_a_list_with_a_marker_each_are_claims_even_without_verbs(nlp):
    text = ("The causes are well known: drought;[^1] overgrazing;[^2] poor policy.[^3] "
            "Two ports were rebuilt: Beira and Nacala.[^4]\n\n[^1]: A.\n[^2]: B.\n[^3]: C.\n[^4]: D.\n")
    assert [c for c, _ in clauses(text, nlp)] == [
        "drought", "overgrazing", "poor policy", "Two ports were rebuilt: Beira and Nacala"]
