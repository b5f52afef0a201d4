"""Re-anchoring reviewed annotations after their source text was edited."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.models import ActorAnnotation, AnnotationFile, ClaimAnnotation, FootnoteRefAnnotation, Provenance, Review
from annotator.store import store
from annotator.store.anchor import context, reanchor

TEXT = (
    "It turned out to be Washington’s biggest miscalculation since Vietnam. "
    "Russia opposed it. Kazakh President Kassym-Jomart Tokayev said that the CSTO would stay "
    "in the region for years.[footnoteRef:1] Later, Russia agreed.  [1:  Crawford 2021, 14–15.]\n"
)
PROV = Provenance(tagger="annotator-0.1.0", rule="test")
ACCEPTED = Review(status="accepted", reviewer="ada")


def fields(quote: str, text: str = TEXT, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    before, after = context(text, start, end)
    return dict(start=start, end=end, text=quote, before=before, after=after, provenance=PROV, review=ACCEPTED)


def actor(quote: str, nth: int = 0, **kw) -> ActorAnnotation:
    return ActorAnnotation(id=f"act-{quote[:4]}-{nth}", type="state", canonical=quote.lower(), **fields(quote, nth=nth), **kw)


def claim() -> ClaimAnnotation:
    quote = "the CSTO would stay in the region for years"
    cue = TEXT.index(" said") + 1
    return ClaimAnnotation(id="clm-1", claim_kind="attributed", speaker="kassym-jomart-tokayev", cue="said",
                           cue_start=cue, cue_end=cue + 4, **fields(quote))


def footnote() -> FootnoteRefAnnotation:
    note = TEXT.index("[1:  ")
    return FootnoteRefAnnotation(id="fn-1", number="1", note_start=note, note_end=TEXT.index("]\n") + 1,
                                 note_text="Crawford 2021, 14–15.", **fields("[footnoteRef:1]"))


def check(ann, text: str) -> None:
    assert text[ann.start:ann.end] == ann.text
    assert (ann.before, ann.after) == context(text, ann.start, ann.end)


def test_unchanged_text_keeps_the_annotation():
    ann = claim()
    assert reanchor(ann, TEXT) is ann


def test_exact_move_shifts_span_cue_and_note():
    new_text = "A new first sentence. " + TEXT
    moved = reanchor(claim(), new_text)
    check(moved, new_text)
    assert moved.start == claim().start + 22
    assert new_text[moved.cue_start:moved.cue_end] == "said"
    fn = reanchor(footnote(), new_text)
    assert new_text[fn.note_start:fn.note_end] == "[1:  Crawford 2021, 14–15.]"
    assert moved.review == ACCEPTED


def test_exact_move_picks_the_occurrence_with_the_same_context():
    second = actor("Russia", nth=1)  # "Later, Russia agreed."
    new_text = TEXT.replace("It turned out", "In hindsight, it turned out")
    moved = reanchor(second, new_text)
    check(moved, new_text)
    assert new_text[moved.start - 7:moved.end] == "Later, Russia"


def test_fuzzy_reanchor_when_the_quote_itself_was_edited():
    ann = ClaimAnnotation(id="clm-2", claim_kind="authorial",
                          **fields("Washington’s biggest miscalculation since Vietnam"))
    new_text = "Preface. " + TEXT.replace("Washington’s biggest", "Washington's greatest")
    moved = reanchor(ann, new_text)
    check(moved, new_text)
    assert moved.text == "Washington's greatest miscalculation since Vietnam"


def test_fuzzy_reanchor_of_a_respelled_name_and_its_cue():
    new_text = TEXT.replace("Kassym-Jomart Tokayev said that the CSTO would", "Kassym-Jomart Tokaev said the CSTO will")
    tok = reanchor(actor("Kassym-Jomart Tokayev"), new_text)
    check(tok, new_text)
    assert tok.text == "Kassym-Jomart Tokaev"
    moved = reanchor(claim(), new_text)
    check(moved, new_text)
    assert moved.text == "the CSTO will stay in the region for years"
    assert new_text[moved.cue_start:moved.cue_end] == "said"


def test_deleted_text_is_an_orphan():
    new_text = TEXT.replace("Kazakh President Kassym-Jomart Tokayev said that the CSTO would stay in the region "
                            "for years.", "Nothing more to say.")
    assert reanchor(claim(), new_text) is None
    assert reanchor(actor("Kassym-Jomart Tokayev"), new_text) is None


def test_a_short_quote_does_not_jump_to_another_mention():
    # The first "Russia" sentence is rewritten; the other "Russia" is a different mention.
    new_text = TEXT.replace("Russia opposed it.", "Moscow was against it all along.")
    assert reanchor(actor("Russia"), new_text) is None


def test_merge_keeps_decisions_and_reports_orphans():
    old = AnnotationFile(doc="essay.txt", sha256="0" * 64, tagger="annotator-0.1.0",
                         annotations=[claim(), actor("Russia"), actor("Washington")])
    new_text = "Foreword. " + TEXT.replace("Russia opposed it.", "Moscow was against it.")
    retagged = AnnotationFile(doc="essay.txt", sha256="1" * 64, tagger="annotator-0.1.0")
    merged = store.merge(old, retagged, new_text)
    assert [a.id for a in merged.annotations] == ["clm-1", "act-Wash-0"]
    assert [a.id for a in merged.orphans] == ["act-Russ-0"]
    store.verify(merged, new_text, "essay.json")


def test_retagging_an_edited_essay_keeps_decisions_or_reports_orphans(tagged_corpus, tmp_path):
    """The whole way: review real proposals, edit the source, tag again."""
    import shutil

    from annotator import api
    from annotator.review.query import Filters, queue
    from annotator.review.session import Session, load_all
    from annotator.workspace import Workspace

    root = tmp_path / "ws"
    shutil.copytree(tagged_corpus, root)
    ws = Workspace(root)
    docs = load_all(ws, ["essay-central-asian-security-after-the-taliban"])
    session = Session(docs, queue(docs, Filters(kinds=("actor", "claim"))), "ada")
    decided = [session.accept() for _ in range(12)] + [session.reject()]
    first, last = decided[0], decided[-1]
    source = ws.corpus / "essay-central-asian-security-after-the-taliban.txt"
    text = source.read_text(encoding="utf-8")
    cut = text[last.start - 20: last.end + 20]  # the rejected one's words are gone
    source.write_text("Preface added later.\n\n" + text.replace(cut, " "), encoding="utf-8")
    api.tag(ws)
    (afile,) = [d.afile for d in load_all(ws, ["essay-central-asian-security-after-the-taliban"]).values()]
    new_text = source.read_text(encoding="utf-8")
    kept = {a.id: a for a in afile.annotations if a.reviewed}
    assert first.id in kept and kept[first.id].start == first.start + len("Preface added later.\n\n")
    assert all(new_text[a.start:a.end] == a.text for a in kept.values())
    assert [a.id for a in afile.orphans] == [last.id] and afile.orphans[0].status == "rejected"
    assert len(kept) + len(afile.orphans) == len(decided)


@settings(max_examples=60, deadline=None)
@given(at=st.integers(0, len(TEXT)), insert=st.text(alphabet="abc xyz.,\n", max_size=40))
def test_any_insertion_away_from_the_span_moves_it_exactly(at, insert):
    ann = claim()
    if ann.start - len(ann.before) < at <= ann.end + len(ann.after):
        return  # an edit inside the quote or its context is the fuzzy case
    new_text = TEXT[:at] + insert + TEXT[at:]
    moved = reanchor(ann, new_text)
    assert moved is not None and moved.text == ann.text
    assert moved.start == ann.start + (len(insert) if at <= ann.start else 0)
    assert new_text[moved.cue_start:moved.cue_end] == "said"


def test_a_decision_does_not_stay_on_another_mention_that_moved_into_its_place():
    # Two reviewed "Russia"s: the first accepted, the second rejected. The first
    # sentence is deleted, so the second mention now starts where the first was.
    # Same quote at the same offsets is not enough: its context says whose it is.
    text = "Russia and China met in Moscow. Russia said no."
    first, second = (ActorAnnotation(id=f"act-{i}", type="state", canonical="russia", provenance=PROV,
                                     review=Review(status=status, reviewer="ada"), **_at(text, start, "Russia"))
                     for i, start, status in ((1, 0, "accepted"), (2, 32, "rejected")))
    new_text = "Russia said no."
    assert reanchor(first, new_text) is None
    old = AnnotationFile(doc="d.txt", sha256="0" * 64, tagger="t", annotations=[first, second])
    merged = store.merge(old, AnnotationFile(doc="d.txt", sha256="1" * 64, tagger="t"), new_text)
    assert [a.status for a in merged.annotations if (a.start, a.end) == (0, 6)] in ([], ["rejected"])


def _at(text: str, start: int, quote: str) -> dict:
    end = start + len(quote)
    assert text[start:end] == quote
    before, after = context(text, start, end)
    return dict(start=start, end=end, text=quote, before=before, after=after)
