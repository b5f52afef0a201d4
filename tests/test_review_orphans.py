"""Settling orphans: reviewed annotations whose text was edited away.

Most tests build the orphans as `annotator tag` does, without a model:
every proposal of the review fixture (helpers/review.py) accepted, the text
edited, and `store.merge` run on the edited text. One test goes the whole
way with the tagger.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers.review import DOC, TAGGER, TEXT, annotations, now_since
from rich.console import Console

from annotator.cli import main
from annotator.models import ActorAnnotation, AnnotationFile, Provenance, Review
from annotator.review import orphans as ro
from annotator.review.loop import Loop
from annotator.review.orphan_loop import OrphanLoop
from annotator.review.query import Filters, queue
from annotator.review.session import Session, load_all
from annotator.store import store
from annotator.store.anchor import context
from annotator.workspace import Workspace, init_workspace, open_workspace

ADA = Review(status="accepted", reviewer="ada")
# Tokayev's sentence rewritten: his name, the claim and "CSTO" lose their place.
EDITED = TEXT.replace("Kazakh President Kassym-Jomart Tokayev said that the CSTO would stay.",
                      "Tokayev, in a speech to parliament last week, claimed the bloc would stay.")
ORPHANS = ["act-tok", "clm-said", "act-csto"]  # in document order


def tagged(root: Path, text: str) -> None:
    """What `annotator tag` does to reviewed work when the text changed (minus new proposals)."""
    ws = Workspace(root)
    path = ws.annotation_path(DOC)
    old = store.load(path)
    (ws.corpus / DOC).write_text(text, encoding="utf-8")
    store.save(path, store.merge(old, AnnotationFile(doc=DOC, sha256="1" * 64, tagger=TAGGER), text))


@pytest.fixture
def root(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ANNOTATOR_REVIEWER", "cli-tester")
    ws = init_workspace(tmp_path / "ws")
    (ws.corpus / DOC).write_text(TEXT, encoding="utf-8")
    reviewed = [a.model_copy(update={"review": ADA}) for a in annotations()]
    store.save(ws.annotation_path(DOC), AnnotationFile(doc=DOC, sha256="0" * 64, tagger=TAGGER, annotations=reviewed))
    tagged(ws.root, EDITED)
    return ws.root


def stored(root: Path) -> dict:
    return json.loads((root / "annotations" / "essay.json").read_text(encoding="utf-8"))


def placed_ok(root: Path, ann_id: str) -> dict:
    """The annotation is back, its span and context those of the current text."""
    data = stored(root)
    text = (root / "corpus" / DOC).read_text(encoding="utf-8")
    (ann,) = [a for a in data["annotations"] if a["id"] == ann_id]
    assert text[ann["start"]:ann["end"]] == ann["text"]
    assert (ann["before"], ann["after"]) == context(text, ann["start"], ann["end"])
    assert ann_id not in [a["id"] for a in data["orphans"]]
    return ann


def run(root, *args, input=None):
    return CliRunner().invoke(main, ["--root", str(root), *args], input=input)


def drive(root: Path, keys, choice=None):
    choice = choice or ro.Choice()
    ws = open_workspace(root)
    docs = ro.load_docs(ws, ro.with_orphans(ws, ["essay"]))
    session = ro.OrphanSession(docs, ro.queue(docs, choice))
    out = io.StringIO()
    counts = OrphanLoop(session, Console(file=out, width=120, highlight=False), keys).run()
    return session, counts, " ".join(out.getvalue().split())


# -- where it went ----------------------------------------------------------


def test_the_fixture_has_three_orphans(root):
    assert [a["id"] for a in stored(root)["orphans"]] == ORPHANS


def test_unchanged_text_is_a_perfect_match():
    ann = annotations()[-1]
    place = ro.best_place(ann, TEXT)
    assert (place.start, place.end, place.score) == (ann.start, ann.end, 1.0)


def test_a_long_quote_needs_no_context_a_short_one_does():
    thesis, tokayev = annotations()[-1], annotations()[4]
    rewritten = "Whatever pundits say: " + thesis.text.replace("much", "a thing") + " in the region, not soon"
    text = "Preface. " + EDITED.replace(thesis.text, rewritten)
    place = ro.best_place(thesis, text)
    assert place.distinctive and place.context < 0.5 and place.score > 0.9
    assert text[place.start:place.end].endswith("won’t change a thing")
    place = ro.best_place(tokayev, EDITED)  # the name is there, in other words: not enough
    assert not place.distinctive and not place.likely


def test_a_repeated_quote_is_placed_by_its_context():
    cit = annotations()[7]  # "Crawford 2021, 14–15" in note 1
    text = "Note: " + TEXT + "Another note.  [2:  Crawford 2021, 14–15.]\n"
    place = ro.best_place(cit, text)
    assert not place.distinctive
    assert place.start == cit.start + len("Note: ")


def test_no_text_no_place():
    assert ro.best_place(annotations()[0], "") is None


# -- one at a time, scripted keys --------------------------------------------


def test_screen_shows_old_context_new_place_and_review(root):
    _, _, out = drive(root, ["s", "?", "x", "q"])
    assert "orphan 1 of 3 · 0 placed · 0 dropped · essay · was" in out
    assert "Kassym-Jomart ⟦Tokayev⟧ said that" in out  # the old context
    assert "no likely place in the current text (best match" in out
    assert "status accepted by ada" in out and "kind actor · person" in out
    assert "now, most likely · match 0.50 (quote 0.79, context 0.50)" in out  # the claim, next
    assert "claimed ⟦the bloc would stay⟧." in out
    assert "keys (orphans)" in out


def test_place_drop_skip_undo_quit(root):
    session, counts, out = drive(root, ["p", "d", "p", "s", "u", "u", "d", "q"])
    # act-tok: no place; dropped. clm-said: placed. act-csto: skipped.
    # Two undos put back the placed claim and the drop; act-tok dropped again.
    assert "no likely place for it in the current text: d drops it, s leaves it an orphan" in out
    assert "placed claim “the bloc would stay” at line 3 (saved)" in out
    assert "undone: clm-said is an orphan again (saved)" in out
    assert [a["id"] for a in stored(root)["orphans"]] == ["clm-said", "act-csto"]
    assert counts == {"dropped": 1, "orphan": 2}
    assert session.items[session.pos].ann.id == "clm-said"


def test_placed_orphan_keeps_its_review(root):
    drive(root, ["s", "p", "q"])
    ann = placed_ok(root, "clm-said")
    assert ann["text"] == "the bloc would stay" and ann["start"] == EDITED.index("the bloc would stay")
    assert ann["review"]["status"] == "accepted" and ann["review"]["reviewer"] == "ada"
    assert ann["speaker"] == "kassym-jomart-tokayev"
    assert ann["cue_start"] is None  # "said" is gone; a cue pointing elsewhere would be wrong
    load_all(open_workspace(root))  # the file checks out against the text


def test_end_of_the_orphans_then_undo(root):
    session, counts, out = drive(root, ["d", "d", "d", "p", "u", "q"])
    assert "End of the orphans: 0 placed, 3 dropped, 0 left." in out
    assert "Nothing left here: u undo, q quit" in out
    assert [a["id"] for a in stored(root)["orphans"]] == ["act-csto"]


def test_keys_running_out_quit_and_unknown_keys_are_named(root):
    _, counts, out = drive(root, iter(["z", "d"]))
    assert "'z' is not a key here; ? shows the keys" in out
    assert counts["dropped"] == 1


def test_filters_choose_orphans(root):
    session, _, _ = drive(root, ["q"], ro.Choice(Filters(kinds=("claim",))))
    assert [it.ann.id for it in session.items] == ["clm-said"]
    session, _, _ = drive(root, ["q"], ro.Choice(max_score=0.3))
    assert [it.ann.id for it in session.items] == ["act-tok", "act-csto"]


def test_a_reviewed_annotation_in_the_place_is_not_overwritten(root):
    tagged(root, TEXT)  # the edit undone: every orphan would fit exactly again
    data = stored(root)
    wash = next(a for a in data["annotations"] if a["id"] == "act-wash")
    data["orphans"].append(dict(wash, id="act-wash-earlier"))  # an earlier decision on the same span
    (root / "annotations" / "essay.json").write_text(json.dumps(data), encoding="utf-8")
    session, _, out = drive(root, ["p", "q"], ro.Choice(Filters(kinds=("actor",))))
    assert session.items[0].ann.id == "act-wash-earlier"
    assert "a reviewed actor (act-wash) already stands there: d drops it" in out
    assert "act-wash-earlier" in [a["id"] for a in stored(root)["orphans"]]


def test_a_proposal_in_the_place_gives_way(root):
    tagged(root, TEXT)
    ws = open_workspace(root)
    afile = store.load(ws.annotation_path(DOC))
    tok = next(a for a in afile.orphans if a.id == "act-tok")
    fresh = ActorAnnotation(id="act-fresh", start=tok.start, end=tok.end, text=tok.text, type="person",
                            canonical="tokayev", provenance=Provenance(tagger=TAGGER, rule="ner"))
    afile.annotations.append(fresh)
    store.save(ws.annotation_path(DOC), afile)
    drive(root, ["p", "q"])
    ids = [a["id"] for a in stored(root)["annotations"]]
    assert "act-tok" in ids and "act-fresh" not in ids
    assert placed_ok(root, "act-tok")["start"] == TEXT.index("Tokayev")


# -- the command --------------------------------------------------------------


def test_review_orphans_keys_from_input(root):
    result = run(root, "review", "--orphans", "essay.txt", input="dp")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("1 placed, 1 dropped; all saved. 1 orphan(s) left; "
                                  "`annotator review --orphans` shows them again.\n")
    assert [a["id"] for a in stored(root)["orphans"]] == ["act-csto"]
    assert not (root / "annotations" / ".essay.lock").exists()


def test_no_orphans(root):
    run(root, "review", "--orphans", "--drop")
    result = run(root, "review", "--orphans", input="p")
    assert (result.exit_code, result.output) == (0, "No orphans: every reviewed annotation has its place.\n")


def test_batch_place_dry_run_then_place(root):
    tagged(root, TEXT)  # the edit undone; the orphans stay orphans until someone places them
    before = stored(root)
    result = run(root, "review", "--orphans", "--place", "--dry-run")
    assert result.exit_code == 0, result.output
    tok, said, csto = (annotations()[i] for i in (4, 5, 6))
    assert result.output.splitlines() == [
        f"essay\tact-tok\tactor\taccepted\tplace {tok.start}-{tok.end} -> {tok.start}-{tok.end} (1.00)\tTokayev",
        f"essay\tclm-said\tclaim\taccepted\tplace {said.start}-{said.end} -> {said.start}-{said.end} (1.00)"
        "\tthe CSTO would stay",
        f"essay\tact-csto\tactor\taccepted\tplace {csto.start}-{csto.end} -> {csto.start}-{csto.end} (1.00)\tCSTO",
        "would place 3 orphan(s) in 1 document(s) (dry run: nothing changed)",
    ]
    assert stored(root) == before
    result = run(root, "review", "--orphans", "--place")
    assert result.output.splitlines()[-1] == "placed 3 orphan(s) in 1 document(s)"
    for ann_id in ORPHANS:
        placed_ok(root, ann_id)
    assert stored(root)["orphans"] == []
    assert run(root, "review", "--orphans", "--place").output == "placed 0 orphan(s) in 0 document(s)\n"


def test_batch_place_leaves_weak_matches_with_their_score(root):
    result = run(root, "review", "--orphans", "--place", "--dry-run")
    lines = result.output.splitlines()
    assert lines[0].startswith("essay\tact-tok\tactor\taccepted\tkeep: no likely place (best match 0.")
    assert lines[1].startswith("essay\tclm-said\tclaim\taccepted\tkeep: best match 0.50 < 0.80\t")
    assert lines[-1] == "would place 0 orphan(s) in 0 document(s); 3 left as orphans (dry run: nothing changed)"
    result = run(root, "review", "--orphans", "--place", "--min-score", "0.5", "--kind", "claim")
    assert result.output.splitlines()[-1] == "placed 1 orphan(s) in 1 document(s)"
    assert placed_ok(root, "clm-said")["text"] == "the bloc would stay"


def test_batch_drop_dry_run_then_drop(root):
    result = run(root, "review", "--orphans", "--drop", "--max-score", "0.3", "--dry-run")
    assert [line.split("\t")[1:5] for line in result.output.splitlines()[:-1]] == [
        ["act-tok", "actor", "accepted", "drop"], ["act-csto", "actor", "accepted", "drop"]]
    assert result.output.splitlines()[-1] == "would drop 2 orphan(s) in 1 document(s) (dry run: nothing changed)"
    assert [a["id"] for a in stored(root)["orphans"]] == ORPHANS
    result = run(root, "review", "--orphans", "--drop", "essay")
    assert result.output.splitlines()[-1] == "dropped 3 orphan(s) in 1 document(s)"
    assert stored(root)["orphans"] == []


def test_batch_takes_the_lock_dry_run_does_not(root):
    import os
    import socket

    lock = root / "annotations" / ".essay.lock"

    holder = {"pid": os.getpid(), "host": socket.gethostname(), "user": "grace", "since": now_since()}
    lock.write_text(json.dumps(holder), encoding="utf-8")
    for args in (["--drop"], ["--place"], []):
        result = run(root, "review", "--orphans", *args, input="d")
        assert result.exit_code == 1 and "essay is being reviewed by grace" in result.output
    assert [a["id"] for a in stored(root)["orphans"]] == ORPHANS
    assert run(root, "review", "--orphans", "--drop", "--dry-run").exit_code == 0
    assert lock.exists()


@pytest.mark.parametrize("args, message", [
    (["--place"], "--place and --drop go with --orphans"),
    (["--orphans", "--place", "--drop"], "choose one of --place and --drop"),
    (["--orphans", "--accept"], "--accept and --reject decide proposals; orphans are settled with --place or --drop"),
    (["--orphans", "--order", "score"], "orphans come in document order; --order does not apply"),
    (["--orphans", "--dry-run"], "--dry-run goes with --place or --drop"),
])
def test_usage_errors(root, args, message):
    result = run(root, "review", *args)
    assert result.exit_code == 2
    assert result.output.endswith(f"Error: {message}\n")


# -- bad input: one line naming the file, nothing lost ------------------------


def source_gone(path: Path) -> None:
    path.unlink()


def source_is_a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def source_not_utf8(path: Path) -> None:
    path.write_bytes(EDITED.encode("utf-8").replace("’".encode(), b"\x92"))


@pytest.mark.parametrize("spoil, says", [
    (source_gone, "the source of essay.json is missing"),
    (source_is_a_folder, "cannot read it (Is a directory); its orphans are left as they are"),
    (source_not_utf8, "not UTF-8"),
])
@pytest.mark.parametrize("args", [[], ["--place", "--min-score", "0"], ["--drop"], ["--drop", "--dry-run"]])
def test_unreadable_document(root, spoil, says, args):
    source = root / "corpus" / DOC
    before = (root / "annotations" / "essay.json").read_bytes()
    spoil(source)
    result = run(root, "review", "--orphans", *args, input="pd")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {source}") and says in result.output
    assert result.output.count("\n") == 1
    assert (root / "annotations" / "essay.json").read_bytes() == before
    assert not (root / "annotations" / ".essay.lock").exists()


# -- the other commands name this one -----------------------------------------


def test_status_and_review_name_the_orphan_command(root):
    status = run(root, "status").output.splitlines()
    assert status[0] == ("3 orphan(s) in 1 document(s), listed below: "
                         "`annotator review --orphans` places or drops them")
    assert status[-3:] == ["    act-tok\tactor\taccepted\tTokayev",
                           "    clm-said\tclaim\taccepted\tthe CSTO would stay",
                           "    act-csto\tactor\taccepted\tCSTO"]
    docs = load_all(open_workspace(root))
    loop = Loop(Session(docs, queue(docs), "tester"), Console(file=io.StringIO()), ["q"])
    assert "`annotator review --orphans` places or drops them" in loop.message


def test_orphan_review_does_not_import_spacy():
    code = ("import sys; from annotator.cli import main, review; import annotator.review.orphans, "
            "annotator.review.loop; print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- the whole way, with the tagger -------------------------------------------


def test_edited_source_retagged_then_orphan_placed_back(tagged_corpus, tmp_path, monkeypatch):
    from annotator import api

    monkeypatch.setenv("ANNOTATOR_REVIEWER", "ada")
    root = tmp_path / "ws"
    shutil.copytree(tagged_corpus, root)
    ws = Workspace(root)
    name = "essay-central-asian-security-after-the-taliban"
    docs = load_all(ws, [name])
    items = [it for it in queue(docs, Filters(kinds=("claim",))) if "main argument" in docs[name].find(it.id).text]
    session = Session(docs, items, "ada")
    thesis = session.accept()

    source = ws.corpus / f"{name}.txt"
    text = source.read_text(encoding="utf-8")
    sentence = text[text.rindex(". ", 0, thesis.start) + 2: text.index(".", thesis.end) + 1]
    rewritten = ("Written from Bishkek, its main argument is this: "
                 "the Taliban takeover won’t change much, if anything.")
    source.write_text(text.replace(sentence, rewritten), encoding="utf-8")
    api.tag(ws)
    assert thesis.id in [a.id for a in load_all(ws, [name])[name].afile.orphans]

    result = run(root, "review", "--orphans", name, "--kind", "claim", input="p")
    assert result.exit_code == 0, result.output
    assert "1 placed; all saved. No orphans left here." in result.output
    data = json.loads(ws.annotation_path(f"{name}.txt").read_text(encoding="utf-8"))
    new_text = source.read_text(encoding="utf-8")
    (back,) = [a for a in data["annotations"] if a["id"] == thesis.id]
    assert new_text[back["start"]:back["end"]] == back["text"]
    assert "the Taliban takeover won’t change much" in back["text"]
    assert new_text.index(rewritten) <= back["start"] < back["end"] <= new_text.index(rewritten) + len(rewritten)
    assert (back["before"], back["after"]) == context(new_text, back["start"], back["end"])
    assert back["review"]["status"] == "accepted" and back["review"]["reviewer"] == "ada"
    load_all(ws, [name])  # checks every span against the text

    api.tag(ws, force=True)  # and the next tagging keeps it where it was put
    again = load_all(ws, [name])[name].afile
    assert thesis.id not in [a.id for a in again.orphans]
    kept = next(a for a in again.annotations if a.id == thesis.id)
    assert (kept.start, kept.end, kept.status) == (back["start"], back["end"], "accepted")
