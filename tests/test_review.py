"""The review loop and its decision logic, driven by scripted keys.

Fixtures are small AnnotationFile objects written into a tmp workspace, so
no tagger or model is needed; the fixture itself is in helpers/review.py.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from helpers.review import DOC, ORDER, TAGGER, TEXT, annotations, make_workspace, on_disk, span, statuses
from helpers.tagging import without_model
from rich.console import Console

from annotator.errors import StoreError
from annotator.review import edit
from annotator.review import query as rq
from annotator.review.loop import Loop
from annotator.review.session import Session, load_all, reviewer_name
from annotator.store import store
from annotator.store.lock import lock_path
from annotator.workspace import Workspace

CLOCK = datetime(2026, 11, 23, 18, 40, tzinfo=UTC)


@pytest.fixture
def ws(tmp_path):
    from annotator.workspace import open_workspace

    return open_workspace(make_workspace(tmp_path))


def drive(ws, keys, filters=None, order="doc", actors=("kassym-jomart-tokayev", "csto", "united-states")):
    filters = filters or rq.Filters()
    docs = load_all(ws)
    session = Session(docs, rq.queue(docs, filters, order), "tester", clock=lambda: CLOCK)
    out = io.StringIO()
    tally = Loop(session, Console(file=out, width=120, highlight=False), keys, list(actors)).run()
    return session, tally, out.getvalue()


# -- decisions ------------------------------------------------------------


def test_accept_reject_skip_are_saved_at_once(ws):
    session, tally, _ = drive(ws, ["a", "r", "s", "a", "q"])
    got = statuses(ws.root)
    assert [got[i] for i in ORDER[:4]] == ["accepted", "rejected", "proposed", "accepted"]
    assert tally == {"accepted": 2, "rejected": 1}
    review = on_disk(ws.root)["act-wash"]["review"]
    assert review == {"status": "accepted", "reviewer": "tester", "time": "2026-11-23T18:40:00Z",
                      "proposed_by": TAGGER}


def test_screen_shows_context_highlight_and_fields(ws):
    _, _, out = drive(ws, ["q"])
    assert "to be ⟦Washington⟧’s biggest" in out
    assert "1 of 9 · actor 1 of 4 · 0 reviewed" in out
    for shown in ("actor · state", "united-states", "0.80", "capital", "a accept"):
        assert shown in out


def test_edit_span_boundary_grow_and_shrink(ws):
    # act-tok is 5th: skip four, edit: grow start twice, shrink start once, done.
    drive(ws, ["s"] * 4 + ["e", "[", "[", "{", "\r", "q"])
    tok = on_disk(ws.root)["act-tok"]
    assert tok["text"] == "Kassym-Jomart Tokayev"
    assert TEXT[tok["start"]:tok["end"]] == tok["text"]
    assert tok["before"].endswith("Kazakh President ") and tok["after"].startswith(" said")
    assert tok["review"]["status"] == "edited"


def test_edited_span_moving_past_another_loses_nothing(ws):
    # Shrinking a claim's start past other annotations changes the file's order
    # when it is saved; the decisions after it must land on the right annotations.
    before = set(on_disk(ws.root))
    drive(ws, ["s", "e"] + ["{"] * 8 + ["\r", "a", "a", "a", "q"])
    after = on_disk(ws.root)
    assert set(after) == before
    for ann in after.values():
        assert TEXT[ann["start"]:ann["end"]] == ann["text"]


def test_span_cannot_shrink_below_one_word(ws):
    _, _, out = drive(ws, ["e", "{", "}", "\x1b", "q"])
    assert "span cannot move that way" in out
    assert statuses(ws.root)["act-wash"] == "proposed"


def test_undone_decisions_are_not_counted(ws):
    _, tally, _ = drive(ws, ["a", "r", "u", "a", "e", "[", "]", "\r", "q"])
    assert tally == {"accepted": 2, "edited": 1}


def test_undo_several_levels(ws):
    session, tally, out = drive(ws, ["a", "r", "e", "]", "\r", "u", "u", "u", "u", "q"])
    assert set(statuses(ws.root).values()) == {"proposed"}
    assert on_disk(ws.root)["act-us"]["text"] == "US"
    assert session.pos == 0 and not tally  # nothing changed in the end
    assert "Nothing to undo." in out


def test_back_and_arrow_keys(ws):
    session, _, out = drive(ws, ["s", "s", "b", "\x1b[D", "\x1b[D", "\x1b[C", "q"])
    assert session.pos == 1
    assert "This is the first proposal." in out


def test_resume_at_first_still_proposed(ws):
    drive(ws, ["a", "s", "a", "q"])
    session, _, out = drive(ws, ["q"])
    assert session.items[session.pos].id == "clm-cited"
    assert "2 of 9" in out


def test_end_of_queue_then_undo(ws):
    session, _, out = drive(ws, ["a"] * 9 + ["a", "u", "q"])
    assert "End of the queue: 9 proposals, 9 reviewed." in out
    assert "Nothing left here" in out
    assert statuses(ws.root)["clm-thesis"] == "proposed"
    assert session.items[session.pos].id == "clm-thesis"


def test_keys_running_out_quit(ws):
    _, tally, _ = drive(ws, iter(["a"]))
    assert tally == {"accepted": 1}


# -- edit submenu ---------------------------------------------------------


def test_edit_type_canonical_speaker_bib(ws):
    keys = ["e", "t", "3", "c", "u", "s", "a", "\r", "\r",  # act-wash: organization, new canonical "usa"
            "a", "a", "a", "a",  # clm-cited .. act-tok
            "e", "p", "0", "\r",  # clm-said: unnamed speaker
            "a", "e", "l", "2", "\r", "q"]  # act-csto accepted; cit-1 linked to its second candidate
    drive(ws, keys)
    got = on_disk(ws.root)
    assert (got["act-wash"]["type"], got["act-wash"]["canonical"]) == ("organization", "usa")
    assert got["clm-said"]["speaker"] is None
    assert (got["cit-1"]["bib_key"], got["cit-1"]["link_score"]) == ("crawford2021a", 0.6)
    assert {got[i]["review"]["status"] for i in ("act-wash", "clm-said", "cit-1")} == {"edited"}


def test_canonical_picked_from_known_actors_q_types(ws):
    # While typing a name, q is a letter, not quit.
    _, _, out = drive(ws, ["e", "c", "i", "r", "a", "q", "\x7f", "\x7f", "\x7f", "\x7f", "c", "s", "1", "\r", "q"])
    assert "canonical actor> cs" in out
    assert on_disk(ws.root)["act-wash"]["canonical"] == "csto"


def test_escape_in_picker_changes_nothing(ws):
    drive(ws, ["e", "c", "x", "\x1b", "\x1b", "q"])
    assert statuses(ws.root)["act-wash"] == "proposed"


def test_edit_keys_that_do_not_apply(ws):
    _, _, out = drive(ws, ["e", "p", "l", "z", "\x1b", "q"])
    assert "only a claim has a speaker" in out
    assert "only a citation with candidates can be linked here" in out
    assert "'z' is not an edit key" in out


# -- queue, filters, progress ---------------------------------------------


def ids(ws, filters=None, order="doc"):
    return [it.id for it in rq.queue(load_all(ws), filters or rq.Filters(), order)]


def test_orders(ws):
    assert ids(ws) == ORDER
    assert ids(ws, order="score")[:3] == ["clm-thesis", "clm-said", "act-wash"]
    assert ids(ws, order="kind") == ["fn-1", "cit-1", "act-wash", "act-us", "act-tok", "act-csto",
                                     "clm-cited", "clm-said", "clm-thesis"]


def test_filters(ws):
    assert ids(ws, rq.Filters(kinds=("claim",))) == ["clm-cited", "clm-said", "clm-thesis"]
    assert ids(ws, rq.Filters(types=("state", "authorial"))) == ["act-wash", "act-us", "clm-thesis"]
    assert ids(ws, rq.Filters(min_score=0.9, max_score=0.94)) == ["clm-cited", "act-us", "act-csto"]
    drive(ws, ["a", "q"])
    assert ids(ws, rq.Filters(statuses=("accepted",))) == ["act-wash"]


def test_filtered_session_only_shows_matches(ws):
    session, _, out = drive(ws, ["a", "q"], rq.Filters(kinds=("claim",)), order="score")
    assert statuses(ws.root)["clm-thesis"] == "accepted"
    assert "1 of 3 · claim 1 of 3" in out


def test_progress_counts_per_kind(ws):
    session, _, _ = drive(ws, ["a", "a", "a", "q"])
    prog = rq.progress(session)
    assert (prog.n, prog.total, prog.kind, prog.kind_n, prog.kind_total) == (4, 9, "footnote_ref", 1, 1)
    assert prog.decided == {"actor": 2, "claim": 1}


def test_status_summary(ws):
    drive(ws, ["a", "r", "q"])
    (row,) = rq.status(load_all(ws))
    assert row.counts["actor"] == {"accepted": 1, "proposed": 3}
    assert row.counts["claim"] == {"rejected": 1, "proposed": 2}


def test_status_counts_claims_from_unnamed_sources(tmp_path):
    from annotator.workspace import open_workspace

    anns = [a.model_copy(update={"speaker": None, "source": "officials"}) if a.id == "clm-said" else a
            for a in annotations()]
    (row,) = rq.status(load_all(open_workspace(make_workspace(tmp_path, anns=anns))))
    assert (row.attributed, row.unnamed) == (1, 1)


def test_the_review_shows_an_unnamed_source(tmp_path):
    from annotator.review.view import fields

    said = next(a for a in annotations() if a.id == "clm-said").model_copy(update={"speaker": None, "source": "officials"})
    out = io.StringIO()
    Console(file=out, width=120).print(fields(said))
    assert "(unnamed: officials)" in out.getvalue()


# -- batch ----------------------------------------------------------------


def test_batch_dry_run_changes_nothing_then_applies(ws):
    filters = rq.Filters(kinds=("actor",), statuses=("proposed",), min_score=0.9)
    changes = rq.batch(load_all(ws), filters, "accepted", "tester", dry_run=True)
    assert [c.ann.id for c in changes] == ["act-us", "act-tok", "act-csto"]
    assert set(statuses(ws.root).values()) == {"proposed"}
    rq.batch(load_all(ws), filters, "accepted", "tester")
    got = statuses(ws.root)
    assert [got[i] for i in ("act-wash", "act-us", "act-tok", "act-csto")] == ["proposed"] + ["accepted"] * 3
    assert rq.batch(load_all(ws), filters, "accepted", "tester") == []


# -- pure edits and helpers -----------------------------------------------


@pytest.mark.parametrize("change, quote, expected", [
    (edit.grow_end, "Washington", "Washington’s"),
    (edit.grow_end, "the US alone", "the US alone,"),
    (edit.grow_start, "Tokayev", "Kassym-Jomart Tokayev"),
    (edit.shrink_end, "the US alone,", "the US alone"),
    (edit.shrink_end, "Washington’s", "Washington"),
    (edit.shrink_start, "Kazakh President", "President"),
    (edit.shrink_end, "CSTO", None),
])
def test_span_words(change, quote, expected):
    ann = annotations()[0].model_copy(update=dict(zip(("start", "end"), span(quote)), text=quote))
    new = change(ann, TEXT)
    assert (new.text if new else None) == expected


def test_actor_ids_and_matches():
    assert edit.actor_id("Kassym-Jomart Tokayev") == "kassym-jomart-tokayev"
    assert edit.actor_id("Ostrovsky’s") == "ostrovsky-s"
    assert edit.actor_id("Комитет  КНБ") == "комитет-кнб"
    known = ["russia", "kassym-jomart-tokayev", "csto", "united-states"]
    assert edit.matches(known, "cs") == ["csto"] + edit.matches(known, "cs")[1:]
    assert edit.matches(known, "states")[0] == "united-states"
    assert edit.matches(known, "tokaev")[0] == "kassym-jomart-tokayev"


def test_reviewer_name(monkeypatch):
    monkeypatch.setenv("ANNOTATOR_REVIEWER", "ada")
    assert reviewer_name("grace") == "grace"
    assert reviewer_name(None) == "ada"
    monkeypatch.delenv("ANNOTATOR_REVIEWER")
    monkeypatch.setenv("LOGNAME", "linus")
    assert reviewer_name(None) == "linus"


def test_file_rewritten_by_another_program_is_not_overwritten(ws):
    docs = load_all(ws)
    session = Session(docs, rq.queue(docs), "tester")
    session.accept()
    retagged = store.load(ws.annotation_path(DOC))
    retagged.tagger = "annotator-0.2.0"
    store.save(ws.annotation_path(DOC), retagged)  # e.g. `annotator tag` meanwhile
    with pytest.raises(StoreError, match="changed on disk by another program during this review"):
        session.accept()
    assert store.load(ws.annotation_path(DOC)).tagger == "annotator-0.2.0"


def test_keys_running_out_while_typing_a_name_quit(ws):
    _, tally, _ = drive(ws, ["a", "e", "c", "q", "q"])
    assert tally == {"accepted": 1}


def test_key_buffer_splits_chunks_and_keeps_arrows_whole():
    from annotator.review.keys import KeyBuffer

    chunks = iter(["ar\x1b[D", "\x1b", "é", ""])
    keys = KeyBuffer(lambda: next(chunks))
    assert [keys() for _ in range(5)] == ["a", "r", "\x1b[D", "\x1b", "é"]
    with pytest.raises(EOFError):
        keys()


def test_tag_and_review_take_the_same_lock_whatever_the_document_is_called(tmp_path):
    """`tag` names a document by its path in corpus/, `review` by its annotation file."""
    ws = Workspace(tmp_path)
    ws.annotations.mkdir()
    (ws.annotations / "sub__news.v2.json").write_text("{}", encoding="utf-8")
    assert lock_path(ws, "sub/news.v2.txt") == lock_path(ws, "sub__news.v2") == ws.annotations / ".sub__news.v2.lock"
    assert lock_path(ws, "news.v3.txt") != lock_path(ws, "news.v2.txt")


# -- other writers while reviewing ----------------------------------------


def no_model(monkeypatch):
    """`annotator tag` without spaCy: no new proposals, only the merge and the save."""
    from annotator import api

    without_model(monkeypatch)
    return api


def test_tag_that_read_the_file_before_a_review_does_not_undo_it(ws, monkeypatch):
    api = no_model(monkeypatch)
    take_lock = api.locked

    def review_meanwhile(*args, **kwargs):
        # The window between tag reading annotations/ and taking the lock: a
        # batch review runs to its end in it.
        rq.batch(load_all(ws), rq.Filters(kinds=("actor",)), "accepted", "ada")
        return take_lock(*args, **kwargs)

    monkeypatch.setattr(api, "locked", review_meanwhile)
    api.tag(ws)  # it reads the file again under the lock, and merges the review's decisions
    assert [statuses(ws.root)[i] for i in ("act-wash", "act-us", "act-tok", "act-csto")] == ["accepted"] * 4


def test_two_documents_with_one_annotation_file_do_not_share_decisions(ws, monkeypatch):
    api = no_model(monkeypatch)
    drive(ws, ["a", "r", "q"])
    (ws.corpus / "essay.md").write_text("# Essay\n\nAnother text, " + TEXT, encoding="utf-8")
    before = ws.annotation_path(DOC).read_bytes()
    with pytest.raises(StoreError, match="holds the annotations of essay.txt, not of essay.md"):
        api.tag(ws, [ws.corpus / "essay.md"])
    assert ws.annotation_path(DOC).read_bytes() == before


def test_a_file_replaced_while_it_was_being_read_is_not_overwritten(ws, monkeypatch):
    from annotator.review import session as review

    read = store.load

    def read_then_replaced(path, *args):
        afile = read(path, *args)
        other = afile.model_copy(update={"tagger": "annotator-0.2.0"})
        store.save(path, other)  # another program, right after our read
        return afile

    monkeypatch.setattr(review.store, "load", read_then_replaced)
    docs = load_all(ws)
    monkeypatch.undo()
    session = Session(docs, rq.queue(docs), "tester")
    with pytest.raises(StoreError, match="changed on disk by another program"):
        session.accept()
    assert store.load(ws.annotation_path(DOC)).tagger == "annotator-0.2.0"


def test_tagging_two_documents_with_one_annotation_file_says_so(ws, monkeypatch):
    # essay.txt and essay.md share annotations/essay.json, so also one lock: taking
    # it twice must not turn the tagging away as "being reviewed" by itself.
    api = no_model(monkeypatch)
    drive(ws, ["a", "q"])
    (ws.corpus / "essay.md").write_text("# Essay\n\nAnother text, " + TEXT, encoding="utf-8")
    before = ws.annotation_path(DOC).read_bytes()
    with pytest.raises(StoreError, match="holds the annotations of essay.txt, not of essay.md"):
        api.tag(ws)
    assert ws.annotation_path(DOC).read_bytes() == before
    assert not list(ws.annotations.glob(".*.lock"))
