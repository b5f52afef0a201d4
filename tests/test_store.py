import json
import os
import re
import time
from pathlib import Path

import pytest

from annotator.errors import StoreError
from annotator.models import ActorAnnotation, AnnotationFile, ClaimAnnotation, Provenance, Review, stable_id
from annotator.store import store

TEXT = "Russia and China met in Moscow. Russia said no."


def actor(start: int, end: int, status: str = "proposed", canonical: str = "russia") -> ActorAnnotation:
    return ActorAnnotation(
        id=stable_id("actor", start, end), start=start, end=end, text=TEXT[start:end],
        before=TEXT[max(0, start - 32):start], after=TEXT[end:end + 32],
        provenance=Provenance(tagger="t-1", rule="test"), review=Review(status=status),
        type="state", canonical=canonical,
    )


def afile(*anns, sha: str = "abc") -> AnnotationFile:
    return AnnotationFile(doc="d.txt", sha256=sha, tagger="t-1", annotations=list(anns))


def test_save_and_load_round_trip_is_byte_stable(tmp_path):
    path = tmp_path / "d.json"
    store.save(path, afile(actor(32, 38), actor(0, 6)))
    first = path.read_bytes()
    loaded = store.load(path, TEXT)
    store.save(path, loaded)
    assert path.read_bytes() == first
    assert [a.start for a in loaded.annotations] == [0, 32]  # stable order


def test_broken_json_names_file_and_line(tmp_path):
    path = tmp_path / "d.json"
    path.write_text('{"schema_version": 1,\n "doc": ')
    with pytest.raises(StoreError, match=r"d.json:2:\d+: broken JSON"):
        store.load(path)


def test_unknown_field_names_the_annotation(tmp_path):
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6)))
    data = json.loads(path.read_text())
    data["annotations"][0]["canonicall"] = "x"
    path.write_text(json.dumps(data))
    with pytest.raises(StoreError, match=r"annotation act-\w+ \(annotations.0.actor.canonicall\)"):
        store.load(path)


def test_span_that_no_longer_matches_source(tmp_path):
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6)))
    with pytest.raises(StoreError, match=r"says 'Russia' but the source has 'Russie' there"):
        store.load(path, "Russie" + TEXT[6:])


def test_merge_keeps_reviewed_and_replaces_proposals():
    old = afile(actor(0, 6, "accepted", canonical="russian-federation"), actor(11, 16), actor(32, 38, "rejected"))
    new = afile(actor(0, 6), actor(23, 29), actor(32, 38))
    merged = store.merge(old, new, TEXT)
    by_start = {a.start: a for a in merged.annotations}
    assert by_start[0].canonical == "russian-federation" and by_start[0].status == "accepted"
    assert by_start[32].status == "rejected"  # a rejection is not re-proposed
    assert 11 not in by_start and 23 in by_start


def test_merge_reanchors_after_edit_and_keeps_orphans():
    old = afile(actor(0, 6, "accepted"), actor(11, 16, "accepted", canonical="china"))
    edited = "Today Russia and India met in Moscow. Russia said no."
    merged = store.merge(old, afile(), edited)
    assert [(a.start, a.text) for a in merged.annotations] == [(6, "Russia")]
    assert [a.text for a in merged.orphans] == ["China"]


def test_save_is_atomic_on_failure(tmp_path, monkeypatch):
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6, "accepted")))
    before = path.read_bytes()

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", boom)
    with pytest.raises(OSError):
        store.save(path, afile(actor(0, 6, "accepted"), actor(32, 38)))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.json"]


def test_committed_schema_is_current():
    from pathlib import Path

    committed = Path(__file__).resolve().parent.parent / "annotator" / "data" / "schema" / "annotations.schema.json"
    assert json.loads(committed.read_text()) == store.schema()


# -- hand-edited files: one line naming file and annotation -------------------


def hand_edited(tmp_path, edit) -> Path:
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6, "accepted"), actor(11, 16), actor(32, 38)))
    data = json.loads(path.read_text())
    edit(data["annotations"])
    path.write_text(json.dumps(data, indent=2))
    return path


def same_id(anns):
    anns[2]["id"] = anns[1]["id"]


def inverted(anns):
    anns[1]["start"], anns[1]["end"], anns[1]["text"] = 16, 11, ""


def empty(anns):
    anns[1]["end"], anns[1]["text"] = 11, ""


def negative(anns):
    anns[1]["start"], anns[1]["end"] = -6, -1  # TEXT[-6:-1] is a slice too


@pytest.mark.parametrize("edit, says", [
    (same_id, r"annotation act-\w+ \(annotations.2\)\] the same id as annotations.1"),
    (inverted, r"annotation act-\w+ \(annotations.1\)\] span 16-11 is empty or reversed"),
    (empty, r"annotation act-\w+ \(annotations.1\)\] span 11-11 is empty or reversed"),
    (negative, r"annotation act-\w+ \(annotations.1\)\] span -6--1 starts before the text"),
])
def test_hand_edited_span_or_id_names_file_and_annotation(tmp_path, edit, says):
    path = hand_edited(tmp_path, edit)
    with pytest.raises(StoreError, match=rf"^{re.escape(str(path))}: \[{says}") as err:
        store.load(path)
    assert "\n" not in str(err.value)


def test_a_key_written_twice_is_not_silently_dropped(tmp_path):
    # json.loads keeps the last of two equal keys: the first value would be lost on the next save.
    path = hand_edited(tmp_path, lambda anns: None)
    raw = path.read_text()
    path.write_text(raw.replace('"status": "accepted"', '"status": "accepted", "status": "rejected"', 1))
    with pytest.raises(StoreError, match=rf"^{re.escape(str(path))}: \[annotation act-\w+ \(annotations.0\)\] "
                                         r"key 'status' is written twice"):
        store.load(path)


def test_a_file_load_would_refuse_is_never_written(tmp_path):
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6, "accepted")))
    before = path.read_bytes()
    twin = actor(32, 38).model_copy(update={"id": actor(0, 6).id})
    with pytest.raises(StoreError, match=r"the same id as annotations.0"):
        store.save(path, afile(actor(0, 6, "accepted"), twin))
    assert path.read_bytes() == before


def test_merge_takes_a_proposal_made_twice_once():
    # The tagger's ids are made from kind, span and key: one id twice is one proposal twice.
    merged = store.merge(None, afile(actor(0, 6), actor(0, 6), actor(32, 38)), TEXT)
    assert [a.start for a in merged.annotations] == [0, 32]
    merged = store.merge(afile(actor(11, 16, "accepted")), afile(actor(0, 6), actor(0, 6)), TEXT)
    assert [a.start for a in merged.annotations] == [11, 0]


# -- writing: durable, in place of the old file, nothing left behind ---------


def test_save_syncs_the_folder_so_the_rename_survives_a_power_cut(tmp_path, monkeypatch):
    import stat

    synced = []
    real = store.os.fsync
    monkeypatch.setattr(store.os, "fsync", lambda fd: (synced.append(os.fstat(fd).st_mode), real(fd)))
    store.save(tmp_path / "d.json", afile(actor(0, 6)))
    assert any(stat.S_ISDIR(mode) for mode in synced) and any(stat.S_ISREG(mode) for mode in synced)


def test_save_keeps_the_file_s_permissions(tmp_path):
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6)))
    path.chmod(0o640)  # e.g. shared with a group, hidden from others
    store.save(path, afile(actor(0, 6, "accepted")))
    assert path.stat().st_mode & 0o777 == 0o640


def test_save_clears_temp_files_a_killed_save_left(tmp_path):
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6)))
    left = tmp_path / ".d.json.k1ll3d.tmp"  # what SIGKILL between mkstemp and rename leaves
    left.write_text("{half", encoding="utf-8")
    os.utime(left, (time.time() - 3600, time.time() - 3600))
    other = tmp_path / ".e.json.busy.tmp"  # another document's: not ours to touch
    other.write_text("{", encoding="utf-8")
    os.utime(other, (time.time() - 3600, time.time() - 3600))
    store.save(path, afile(actor(0, 6, "accepted")))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".e.json.busy.tmp", "d.json"]


# -- writing: never less than the file on disk holds -------------------------


def test_a_writer_that_read_the_file_too_early_cannot_undo_decisions(tmp_path):
    # `annotator tag` read the file, then a review decided, then tag saves what it merged.
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6), actor(32, 38)))
    early = store.load(path)
    store.save(path, afile(actor(0, 6, "accepted"), actor(32, 38)), decisions=True)  # the review
    with pytest.raises(StoreError, match=r"d.json: holds 1 reviewed decision\(s\) this write would lose "
                                         r"\(act-\w+ accepted\); not saved: it changed since it was read"):
        store.save(path, store.merge(early, afile(actor(0, 6), actor(32, 38)), TEXT))
    assert store.load(path).annotations[0].status == "accepted"


def test_decisions_kept_as_orphans_or_moved_are_not_lost(tmp_path):
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6, "accepted"), actor(11, 16, "rejected")))
    edited = "Today Russia and India met in Moscow. Russia said no."
    merged = store.merge(store.load(path), afile(), edited)
    assert merged.orphans
    store.save(path, merged)  # moved and orphaned: every decision is still there


def test_a_reviewer_may_undo_or_drop_decisions(tmp_path):
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6, "accepted")))
    store.save(path, afile(actor(0, 6)), decisions=True)
    assert store.load(path).annotations[0].status == "proposed"


def test_another_document_s_annotations_are_not_taken_over(tmp_path):
    # essay.txt and essay.md both map to annotations/essay.json.
    path = tmp_path / "essay.json"
    store.save(path, afile(actor(0, 6, "accepted")).model_copy(update={"doc": "essay.txt"}))
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"essay.json: holds the annotations of essay.txt, not of essay.md"):
        store.save(path, afile(actor(0, 6, "accepted")).model_copy(update={"doc": "essay.md"}))
    assert path.read_bytes() == before


def test_a_broken_file_on_disk_is_not_overwritten(tmp_path):
    path = tmp_path / "d.json"
    path.write_text('{"schema_version": 1, "doc": ', encoding="utf-8")
    with pytest.raises(StoreError, match="broken JSON"):
        store.save(path, afile(actor(0, 6)))
    assert path.read_text(encoding="utf-8") == '{"schema_version": 1, "doc": '


def test_an_id_orphaned_twice_is_kept_twice(tmp_path):
    # "Moscow" accepted, then edited away (an orphan); the tagger proposes the
    # new word at its old span with the same id, it is accepted, and edited
    # away too: two orphans with one id, both decisions kept.
    path = tmp_path / "d.json"
    first = actor(0, 6, "accepted")
    second = first.model_copy(update={"review": Review(status="rejected", reviewer="ada")})
    old = afile(second).model_copy(update={"orphans": [first]})
    merged = store.merge(old, afile(), "Nothing of it is left.")
    assert [a.status for a in merged.orphans] == ["accepted", "rejected"]
    store.save(path, merged)
    assert len(store.load(path).orphans) == 2


def test_a_file_made_read_only_is_not_replaced(tmp_path):
    # A rename replaces a file whatever its mode: the write bit is checked here.
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6, "accepted")))
    path.chmod(0o444)
    before = path.read_bytes()
    for decisions in (False, True):
        with pytest.raises(StoreError, match=r"d.json: read-only \(mode 0444\); not overwritten"):
            store.save(path, afile(actor(0, 6, "accepted"), actor(32, 38)), decisions=decisions)
    assert path.read_bytes() == before


def test_a_file_is_written_with_the_lowest_schema_that_holds_it(tmp_path):
    # Schema 2 added the claim `source` (and `changed`): a file with neither stays
    # schema 1, byte for byte, so an older annotator still reads it.
    path = tmp_path / "d.json"
    store.save(path, afile(actor(0, 6, "accepted")))
    data = json.loads(path.read_text())
    assert data["schema_version"] == 1 and "source" not in json.dumps(data)
    loaded = store.load(path, TEXT)
    assert loaded.annotations[0].status == "accepted"
    claim = ClaimAnnotation(id="c1", start=0, end=6, text=TEXT[0:6], provenance=Provenance(tagger="t-1", rule="test"),
                            claim_kind="attributed", source="officials")
    loaded.annotations.append(claim)
    store.save(path, loaded)
    data = json.loads(path.read_text())
    assert data["schema_version"] == 2 and [a.get("source") for a in data["annotations"]] == [None, "officials"]
    assert store.load(path, TEXT).annotations[1].source == "officials"


def test_a_citation_with_a_reference_manager_item_is_written_as_schema_2(tmp_path):
    # `item` came after schema 1: an older annotator must say "upgrade", not "extra input".
    from annotator.models import CitationAnnotation, CitedItem

    text = "Smith 2019, 14."
    cite = CitationAnnotation(id="cit-1", start=0, end=14, text=text[:14], provenance=Provenance(tagger="t-1", rule="t"),
                              number="1", authors="Smith", year="2019", item=CitedItem(manager="Zotero", title="X"))
    path = tmp_path / "d.json"
    store.save(path, AnnotationFile(doc="d.docx", sha256="abc", tagger="t-1", annotations=[cite]))
    assert json.loads(path.read_text())["schema_version"] == 2
    assert store.load(path).annotations[0].item.title == "X"
