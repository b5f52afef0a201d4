"""`annotator.review.workflow`: everything `annotator review` does, one call each, no CLI."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from test_review import ORDER, annotations, make_workspace, on_disk, statuses
from test_review_orphans import ADA, EDITED, ORPHANS, stored, tagged

from annotator.review import orphans as ro
from annotator.review import workflow
from annotator.review.query import Filters
from annotator.store.lock import lock_path
from annotator.workspace import open_workspace


@pytest.fixture
def ws(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_REVIEWER", "py-caller")
    return open_workspace(make_workspace(tmp_path / "ws"))


def console() -> Console:
    return Console(file=io.StringIO(), width=120)


def test_review_with_keys_saves_and_says_what_is_left(ws):
    done = workflow.review(ws, console(), "ars")
    assert (done.queued, done.changed["accepted"], done.changed["rejected"], done.left) == (9, 1, 1, 7)
    assert [statuses(ws.root)[i] for i in ORDER[:3]] == ["accepted", "rejected", "proposed"]
    assert on_disk(ws.root)["act-wash"]["review"]["reviewer"] == "py-caller"
    assert not lock_path(ws, "essay.txt").exists()


def test_review_of_nothing_shows_nothing(ws):
    out = console()
    done = workflow.review(ws, out, ["a"], filters=Filters(min_score=2), reviewer="ada")
    assert (done.queued, sum(done.changed.values())) == (0, 0)
    assert out.file.getvalue() == ""
    assert set(statuses(ws.root).values()) == {"proposed"}


def test_decide_all_takes_proposals_only_and_dry_run_changes_nothing(ws):
    workflow.review(ws, console(), "r")  # act-wash rejected by a person
    would = workflow.decide_all(ws, "accepted", dry_run=True)
    assert [c.ann.id for c in would] == ORDER[1:]
    assert statuses(ws.root)["act-us"] == "proposed"
    done = workflow.decide_all(ws, "accepted", filters=Filters(kinds=("actor",)), reviewer="ada")
    assert [c.ann.id for c in done] == ["act-us", "act-tok", "act-csto"]
    assert statuses(ws.root)["act-wash"] == "rejected"
    assert on_disk(ws.root)["act-us"]["review"]["reviewer"] == "ada"


@pytest.fixture
def orphaned(tmp_path, monkeypatch):
    """Every annotation reviewed, then the text edited under three of them."""
    monkeypatch.setenv("ANNOTATOR_REVIEWER", "py-caller")
    root = make_workspace(tmp_path / "ws", anns=[a.model_copy(update={"review": ADA}) for a in annotations()])
    tagged(root, EDITED)
    return open_workspace(root)


def test_settle_with_keys(orphaned):
    done = workflow.settle(orphaned, console(), "dp")  # act-tok has no likely place; clm-said has
    assert (done.documents, done.queued, done.counts["placed"], done.counts["dropped"], done.left) == (1, 3, 1, 1, 1)
    assert [a["id"] for a in stored(orphaned.root)["orphans"]] == ORPHANS[2:]


def test_settle_says_when_there_is_nothing(orphaned):
    assert workflow.settle(orphaned, console(), "p", choice=ro.Choice(Filters(kinds=("citation",)))).queued == 0
    workflow.settle_all(orphaned, "drop")
    assert workflow.settle(orphaned, console(), "p").documents == 0


def test_settle_all_place_keeps_those_below_the_bar(orphaned):
    outcomes = workflow.settle_all(orphaned, "place", min_score=1.01, dry_run=True)
    assert [(o.item.ann.id, o.action) for o in outcomes] == [(i, "keep") for i in ORPHANS]
    assert len(stored(orphaned.root)["orphans"]) == 3
    dropped = workflow.settle_all(orphaned, "drop", filters=Filters(kinds=("claim",)))
    assert [(o.item.ann.id, o.action) for o in dropped] == [("clm-said", "drop")]
    assert [a["id"] for a in stored(orphaned.root)["orphans"]] == ["act-tok", "act-csto"]


def test_status(orphaned):
    (row,) = workflow.status(orphaned)
    assert (row.doc, [a.id for a in row.orphans]) == ("essay", ORPHANS)
