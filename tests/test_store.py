import json

import pytest

from annotator import store
from annotator.errors import StoreError
from annotator.models import ActorAnnotation, AnnotationFile, Provenance, Review, stable_id

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
        store.save(path, afile())
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.json"]


def test_committed_schema_is_current():
    from pathlib import Path

    committed = Path(__file__).resolve().parent.parent / "annotator" / "schema" / "annotations.schema.json"
    assert json.loads(committed.read_text()) == store.schema()
