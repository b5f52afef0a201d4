"""A decision whose words changed is no longer a decision (issue 14, item 2):
kept aside with its old words, the annotation marked `changed`, said by
`tag`, `status`, `check` and the index, and decided again in `review`."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner
from rich.console import Console

from annotator import api
from annotator.cli import main
from annotator.index.build import build_index
from annotator.models import AnnotationFile, ClaimAnnotation, Provenance
from annotator.review import workflow
from annotator.review.query import Filters
from annotator.store import store
from annotator.store.anchor import context
from annotator.workspace import Workspace

PIPE = "The pipeline is not a luxury for Turkmenistan."
TEXT = f"# Essay\n\nThe border with Afghanistan remains closed to most trade. {PIPE}[^1]\n\n[^1]: Jones 2020, 7.\n"
EDITED = TEXT.replace("is not a luxury", "is a luxury")


def run(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), *args])


def accepted_then_edited(workspace, new_text: str = EDITED):
    (workspace / "corpus" / "d.md").write_text(TEXT, encoding="utf-8")
    ws = Workspace(workspace)
    api.tag(ws)
    workflow.decide_all(ws, "accepted", reviewer="ada")
    (workspace / "corpus" / "d.md").write_text(new_text, encoding="utf-8")
    return ws


def pipeline_claim(afile: AnnotationFile) -> ClaimAnnotation:
    [claim] = [a for a in afile.annotations if a.kind == "claim" and "pipeline" in a.text]
    return claim


def test_edited_words_under_an_accepted_claim_make_it_changed_and_every_command_says_so(workspace):
    ws = accepted_then_edited(workspace)
    result = run(workspace, "tag")
    assert result.exit_code == 0, result.output
    assert "1 reviewed annotation(s) changed since their decision (d.md: 1)" in result.output
    raw = json.loads(ws.annotation_path("d.md").read_text(encoding="utf-8"))
    assert raw["schema_version"] == 2  # an older annotator says "upgrade" instead of misreading it
    claim = pipeline_claim(store.load(ws.annotation_path("d.md"), EDITED))
    assert claim.status == "changed" and claim.text == "The pipeline is a luxury for Turkmenistan"
    assert claim.changed.text == "The pipeline is not a luxury for Turkmenistan"
    assert (claim.changed.review.status, claim.changed.review.reviewer) == ("accepted", "ada")
    status = run(workspace, "status")
    assert "1 annotation(s) changed since their decision" in status.output and "changed" in status.output
    check = run(workspace, "check")
    assert "claim" in check.output and "accepted as 'The pipeline is not a luxury for Turkmenistan', now " \
        "'The pipeline is a luxury for Turkmenistan'" in check.output
    assert "No problems." not in check.output
    assert all(row.text != claim.text for row in build_index(ws).claims)  # nobody accepted these words
    pending = run(workspace, "index", "--include-proposed")
    assert "cited · *changed*: “The pipeline is a luxury for Turkmenistan”" in pending.output


def test_review_shows_both_texts_and_a_new_decision_replaces_the_old_one(workspace):
    ws = accepted_then_edited(workspace)
    api.tag(ws)
    out = Console(file=io.StringIO(), width=160)
    done = workflow.review(ws, out, "a", filters=Filters(statuses=("changed",)), reviewer="bo")
    screen = out.file.getvalue()
    assert "accepted by ada as" in screen and "now" in screen
    assert "The pipeline is not a luxury for Turkmenistan" in screen
    assert (done.queued, done.changed["accepted"]) == (1, 1)
    claim = pipeline_claim(store.load(ws.annotation_path("d.md")))
    assert (claim.status, claim.review.reviewer, claim.changed) == ("accepted", "bo", None)
    raw = json.loads(ws.annotation_path("d.md").read_text(encoding="utf-8"))
    assert raw["schema_version"] == 1 and all("changed" not in a for a in raw["annotations"])


def test_a_plain_review_starts_at_a_changed_annotation(workspace):
    ws = accepted_then_edited(workspace)
    api.tag(ws)
    out = Console(file=io.StringIO(), width=160)
    done = workflow.review(ws, out, "q")
    assert done.left == 1 and "changed since the decision" in out.file.getvalue()


def test_spacing_and_typographic_quotes_are_not_a_change(workspace):
    ws = accepted_then_edited(workspace, TEXT.replace("is not a", "is  not\na"))
    api.tag(ws)
    afile = store.load(ws.annotation_path("d.md"))
    assert api.changed(afile) == []
    kept = [a for a in afile.annotations if a.kind == "claim" and " ".join(a.text.split()) == PIPE[:-1]]
    assert [a.status for a in kept] == ["accepted"]


def test_a_batch_accept_leaves_changed_annotations_alone(workspace):
    ws = accepted_then_edited(workspace)
    api.tag(ws)
    workflow.decide_all(ws, "accepted", reviewer="bo")
    assert pipeline_claim(store.load(ws.annotation_path("d.md"))).status == "changed"


# -- without spaCy -------------------------------------------------------------

PROV = Provenance(tagger="t", rule="test")


def claim_at(text: str, quote: str, status: str) -> ClaimAnnotation:
    start = text.index(quote)
    before, after = context(text, start, start + len(quote))
    return ClaimAnnotation(id="clm-1", claim_kind="authorial", start=start, end=start + len(quote), text=quote,
                           before=before, after=after, provenance=PROV, review={"status": status, "reviewer": "ada"})


def test_rejected_words_edited_keep_the_rejection_aside_too():
    old = AnnotationFile(doc="d.md", sha256="0", tagger="t", annotations=[claim_at(TEXT, PIPE[:-1], "rejected")])
    merged = store.merge(old, AnnotationFile(doc="d.md", sha256="1", tagger="t"), EDITED)
    [ann] = merged.annotations
    assert (ann.status, ann.changed.review.status, ann.text) == ("changed", "rejected", PIPE[:-1].replace(
        "not ", ""))
    store.verify(merged, EDITED, "d.json")


def test_changed_twice_keeps_the_words_first_decided_on():
    once = store.merge(AnnotationFile(doc="d.md", sha256="0", tagger="t", annotations=[
        claim_at(TEXT, PIPE[:-1], "accepted")]), AnnotationFile(doc="d.md", sha256="1", tagger="t"), EDITED)
    again = EDITED.replace("a luxury", "a real luxury")
    twice = store.merge(once, AnnotationFile(doc="d.md", sha256="2", tagger="t"), again)
    [ann] = twice.annotations
    assert ann.status == "changed" and ann.changed.text == PIPE[:-1]
    assert again[ann.start:ann.end] == ann.text
