"""Reviewed footnote refs, their citations and their cited claims follow their
marker and note text when a note inserted before them renumbers the notes
(issue 14, item 1)."""

from __future__ import annotations

from annotator import api
from annotator.bib import check as bib_check
from annotator.index.build import build_index
from annotator.models import AnnotationFile, CitationAnnotation, ClaimAnnotation, FootnoteRefAnnotation, Provenance
from annotator.review import workflow
from annotator.store import store
from annotator.store.anchor import context
from annotator.workspace import Workspace

BIB = """@book{smith2019, author={Smith, Anna}, title={Borders}, year={2019}}
@book{jones2020, author={Jones, Bob}, title={Gas}, year={2020}}
@book{brown2018, author={Brown, Carl}, title={Rails}, year={2018}}
"""
BORDER = "The border with Afghanistan remains closed to most trade."
PIPE = "The pipeline is not a luxury for Turkmenistan."
RAIL = "Rail links to Uzbekistan are expanding."
BEFORE = f"# Essay\n\n{BORDER}[^1] {PIPE}[^2]\n\n[^1]: Smith 2019, 14.\n[^2]: Jones 2020, 7.\n"
AFTER = (f"# Essay\n\n{RAIL}[^1] {BORDER}[^2] {PIPE}[^3]\n\n"
         "[^1]: Brown 2018, 3.\n[^2]: Smith 2019, 14.\n[^3]: Jones 2020, 7.\n")
# The same in a Word export: markers `[footnoteRef:N]`, notes `[N:  …]` after their paragraph.
WORD_BEFORE = (f"Essay\n\n{BORDER}[footnoteRef:1] {PIPE}[footnoteRef:2]  [1:  Smith 2019, 14.]  "
               "[2:  Jones 2020, 7.]\n")
WORD_AFTER = (f"Essay\n\n{RAIL}[footnoteRef:1] {BORDER}[footnoteRef:2] {PIPE}[footnoteRef:3]  "
              "[1:  Brown 2018, 3.]  [2:  Smith 2019, 14.]  [3:  Jones 2020, 7.]\n")


def reviewed_then_renumbered(workspace, before: str = BEFORE, after: str = AFTER):
    (workspace / "bib" / "b.bib").write_text(BIB, encoding="utf-8")
    (workspace / "corpus" / "d.md").write_text(before, encoding="utf-8")
    ws = Workspace(workspace)
    api.tag(ws)
    workflow.decide_all(ws, "accepted", reviewer="ada")
    (workspace / "corpus" / "d.md").write_text(after, encoding="utf-8")
    api.tag(ws)
    return ws, store.load(ws.annotation_path("d.md"))


def by_text(afile: AnnotationFile, kind: str, start_of: str):
    return [a for a in afile.annotations if a.kind == kind and a.text.startswith(start_of)]


def test_reviewed_notes_citations_and_claims_take_the_new_numbers(workspace):
    ws, afile = reviewed_then_renumbered(workspace)
    refs = {a.note_text: (a.number, a.text, a.status) for a in afile.annotations if a.kind == "footnote_ref"}
    assert refs == {"Brown 2018, 3.": ("1", "[^1]", "proposed"), "Smith 2019, 14.": ("2", "[^2]", "accepted"),
                    "Jones 2020, 7.": ("3", "[^3]", "accepted")}
    cites = {a.text: (a.number, a.status) for a in afile.annotations if a.kind == "citation"}
    assert cites == {"Brown 2018, 3": ("1", "proposed"), "Smith 2019, 14": ("2", "accepted"),
                     "Jones 2020, 7": ("3", "accepted")}
    [border] = by_text(afile, "claim", "The border")
    [pipe] = by_text(afile, "claim", "The pipeline")
    assert (border.footnotes, border.status, pipe.footnotes, pipe.status) == (["2"], "accepted", ["3"], "accepted")
    assert not afile.orphans
    store.verify(afile, AFTER, "d.json")


def test_link_and_index_give_each_claim_the_sources_of_its_own_note(workspace):
    ws, _ = reviewed_then_renumbered(workspace)
    bib_check.relink(ws)  # `annotator link`: recomputes every claim's sources from the stored numbers
    afile = store.load(ws.annotation_path("d.md"))
    sources = {a.text.split()[1]: [s.key for s in a.sources] for a in afile.annotations if a.kind == "claim"}
    assert sources == {"border": ["smith2019"], "pipeline": ["jones2020"], "links": ["brown2018"]}
    index = build_index(ws)  # accepted claims only
    assert {row.text.split()[1]: [s.key for s in row.sources] for row in index.claims} == {
        "border": ["smith2019"], "pipeline": ["jones2020"]}


def test_a_word_export_renumbered_keeps_each_claim_on_its_own_note(workspace):
    ws, afile = reviewed_then_renumbered(workspace, WORD_BEFORE, WORD_AFTER)
    refs = {a.note_text: (a.number, a.text, a.status) for a in afile.annotations if a.kind == "footnote_ref"}
    assert refs["Smith 2019, 14."] == ("2", "[footnoteRef:2]", "accepted")
    assert refs["Jones 2020, 7."] == ("3", "[footnoteRef:3]", "accepted")
    claims = {a.text.split()[1]: (a.footnotes, [s.key for s in a.sources], a.status)
              for a in afile.annotations if a.kind == "claim"}
    assert claims["border"] == (["2"], ["smith2019"], "accepted")
    assert claims["pipeline"] == (["3"], ["jones2020"], "accepted")
    store.verify(afile, WORD_AFTER, "d.json")


def test_check_is_quiet_when_everything_followed(workspace):
    ws, _ = reviewed_then_renumbered(workspace)
    assert [p for p in api.check(ws) if "d.json" in p.file] == []


# -- without spaCy: the merge alone -------------------------------------------

PROV = Provenance(tagger="t", rule="test")


def _base(text: str, quote: str, status: str = "proposed", nth: int = 0, **kw) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    before, after = context(text, start, end)
    review = {"status": status, "reviewer": "ada"} if status != "proposed" else {}
    return dict(start=start, end=end, text=quote, before=before, after=after, provenance=PROV, review=review, **kw)


def tagging(text: str, notes: dict[str, str], status: str = "proposed") -> AnnotationFile:
    """What the tagger proposes for `text` (markers `[^n]`, notes `[^n]: …`)."""
    anns: list = []
    for label, note in notes.items():
        anns.append(FootnoteRefAnnotation(id=f"fn-{label}-{status}", number=label, note_text=note,
                                          **_base(text, f"[^{label}]", status)))
        cite = note.rstrip(".")
        nth = text[: text.index(f"[^{label}]: ")].count(cite)
        anns.append(CitationAnnotation(id=f"cit-{label}-{status}", number=label, authors=cite.split()[0],
                                       year=cite.split()[1].rstrip(","), **_base(text, cite, status, nth=nth)))
    return AnnotationFile(doc="d.md", sha256=status, tagger="t", annotations=anns)


def test_two_notes_with_the_same_text_are_told_apart_by_the_words_around_their_markers():
    old_text = "Kabul fell.[^1] Tashkent waited.[^2]\n\n[^1]: Ibid. 2020, 1.\n[^2]: Ibid. 2020, 1.\n"
    new_text = "A preface.[^1] Kabul fell.[^2] Tashkent waited.[^3]\n\n[^1]: Rao 2001, 9.\n" \
               "[^2]: Ibid. 2020, 1.\n[^3]: Ibid. 2020, 1.\n"
    old = tagging(old_text, {"1": "Ibid. 2020, 1.", "2": "Ibid. 2020, 1."}, "accepted")
    claim = ClaimAnnotation(id="clm-t", claim_kind="cited", footnotes=["2"], **_base(old_text, "Tashkent waited",
                                                                                         "accepted"))
    old.annotations.append(claim)
    new = tagging(new_text, {"1": "Rao 2001, 9.", "2": "Ibid. 2020, 1.", "3": "Ibid. 2020, 1."})
    merged = store.merge(old, new, new_text)
    refs = {a.id: a.number for a in merged.annotations if a.kind == "footnote_ref" and a.reviewed}
    assert refs == {"fn-1-accepted": "2", "fn-2-accepted": "3"}
    [moved] = [a for a in merged.annotations if a.id == "clm-t"]
    assert (moved.footnotes, moved.status) == (["3"], "accepted")


def test_a_claim_whose_note_is_gone_is_changed_and_check_says_so():
    old_text = "Kabul fell.[^1] Tashkent waited.[^2]\n\n[^1]: Rao 2001, 9.\n[^2]: Lee 2019, 4.\n"
    new_text = "Kabul fell.[^1] Tashkent waited.\n\n[^1]: Rao 2001, 9.\n"
    old = tagging(old_text, {"1": "Rao 2001, 9.", "2": "Lee 2019, 4."}, "accepted")
    old.annotations.append(ClaimAnnotation(id="clm-t", claim_kind="cited", footnotes=["2"],
                                           **_base(old_text, "Tashkent waited", "accepted")))
    merged = store.merge(old, tagging(new_text, {"1": "Rao 2001, 9."}), new_text)
    [moved] = [a for a in merged.annotations if a.id == "clm-t"]
    assert moved.status == "changed" and moved.footnotes == []
    assert moved.changed.review.status == "accepted" and "note 2" in moved.changed.reason
    assert api.changed(merged) == [moved]
    assert [a.id for a in merged.orphans] == ["fn-2-accepted", "cit-2-accepted"]


def test_a_claim_whose_note_now_cites_another_work_is_changed_not_accepted(workspace):
    # Same numbers, same words of the claim; only what note 1 cites is new.
    after = BEFORE.replace("[^1]: Smith 2019, 14.", "[^1]: Brown 2018, 3.")
    ws, afile = reviewed_then_renumbered(workspace, after=after)
    (border,) = by_text(afile, "claim", "The border")
    assert border.status == "changed" and "sources changed: smith2019 → brown2018" in border.changed.reason
    (pipe,) = by_text(afile, "claim", "The pipeline")
    assert pipe.status == "accepted" and [s.key for s in pipe.sources] == ["jones2020"]


def test_swapped_notes_do_not_carry_accepted_claims_to_another_sentence_s_sources(workspace):
    # The author swaps the two notes: each sentence's marker now calls the other work.
    after = f"# Essay\n\n{BORDER}[^1] {PIPE}[^2]\n\n[^1]: Jones 2020, 7.\n[^2]: Smith 2019, 14.\n"
    ws, afile = reviewed_then_renumbered(workspace, after=after)
    claims = [a for a in afile.annotations if a.kind == "claim" and a.claim_kind == "cited"]
    assert claims and all(c.status == "changed" for c in claims)
    assert all("no longer follows its words" in c.changed.reason for c in claims)
    assert not [r for r in build_index(ws).claims if r.kind == "cited"]  # the index leaves them out


def test_a_relink_that_gives_a_decided_claim_other_sources_marks_it_changed(workspace):
    # `annotator link` after the bibliography changed (its citations not reviewed, so
    # re-linked): the same rule as a re-tag.
    from annotator.review.query import Filters

    (workspace / "bib" / "b.bib").write_text(BIB, encoding="utf-8")
    (workspace / "corpus" / "d.md").write_text(BEFORE, encoding="utf-8")
    ws = Workspace(workspace)
    api.tag(ws)
    workflow.decide_all(ws, "accepted", filters=Filters(kinds=("claim",)), reviewer="ada")
    (workspace / "bib" / "b.bib").write_text(BIB.replace("smith2019", "smith2019a"), encoding="utf-8")
    bib_check.relink(ws)
    afile = store.load(ws.annotation_path("d.md"))
    (border,) = by_text(afile, "claim", "The border")
    assert border.status == "changed" and "smith2019 → smith2019a" in border.changed.reason
    (pipe,) = by_text(afile, "claim", "The pipeline")
    assert pipe.status == "accepted"


def test_a_marker_placed_by_hand_takes_the_number_its_new_place_shows():
    from annotator.review.placing import best_place, placed

    old_text = "Kabul fell.[^3] Tashkent waited.\n\n[^3]: Rao 2001, 9.\n"
    ref = tagging(old_text, {"3": "Rao 2001, 9."}, "accepted").annotations[0]
    new_text = "A preface.[^1] Kabul fell at last.[^4] Tashkent waited.\n\n[^1]: Lee 1999.\n[^4]: Rao 2001, 9.\n"
    place = best_place(ref, new_text)
    assert place is not None and new_text[place.start:place.end] == "[^4]"
    now = placed(ref, place, new_text)
    assert (now.number, now.review.status) == ("4", "accepted")


def test_a_label_or_a_marker_of_another_shape_keeps_its_number():
    from annotator.store.follow import number_now

    assert number_now("[^3]", "[^4]", "3") == "4"
    assert number_now("[footnoteRef:3]", "[footnoteRef:12]", "3") == "12"
    assert number_now("[^note]", "[^note]", "note") == "note"
    assert number_now("[^3]", "[^note]", "3") == "3"  # another shape: no number to read
