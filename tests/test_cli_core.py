"""CLI tests for the core commands: exit codes and the exact error lines."""

import json
import shutil

from click.testing import CliRunner
from helpers import ESSAY

from annotator.cli import main


def run(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), *args])


def test_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in ("tag", "show", "check", "export", "schema", "eval", "init", "review", "index", "bib"):
        assert f"  {name} " in result.output


def test_init_creates_workspace(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "ws")])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "ws").iterdir()) == ["annotations", "bib", "corpus"]


def test_tag_missing_path(workspace):
    result = run(workspace, "tag", "nope.txt")
    assert result.exit_code == 1
    assert result.output == "Error: nope.txt: no such file or folder\n"


def test_tag_binary_file_is_refused_and_nothing_written(workspace):
    (workspace / "corpus" / "blob.txt").write_bytes(b"\x00\x01\x02")
    result = run(workspace, "tag")
    assert result.exit_code == 1
    assert "blob.txt: binary file (NUL byte at offset 0), not a text document" in result.output
    assert list((workspace / "annotations").iterdir()) == []


def test_tag_latin1_file(workspace):
    (workspace / "corpus" / "old.txt").write_bytes("Caf\xe9".encode("latin-1"))
    result = run(workspace, "tag")
    assert result.exit_code == 1
    assert "old.txt:1: not UTF-8 (byte 0xe9 at offset 3)" in result.output


def test_corrupted_annotation_file_is_reported_and_kept(corpus_workspace):
    target = corpus_workspace / "annotations" / f"{ESSAY.stem}.json"
    target.write_text('{"schema_version": 1, "doc": ')
    result = run(corpus_workspace, "tag", str(corpus_workspace / "corpus" / ESSAY.name))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {target}:1:")
    assert "broken JSON" in result.output
    assert target.read_text() == '{"schema_version": 1, "doc": '


def test_check_reports_broken_markup_with_line(workspace):
    (workspace / "corpus" / "bad.txt").write_text("Text.[footnoteRef:1]\n\nMore.[footnoteRef:2]\n[2:  Smith 2020\n")
    result = run(workspace, "check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "warning: bad.txt:1: marker [footnoteRef:1] has no note [1: …]" in lines
    assert "error: bad.txt:4: note [2: is never closed with ']' (read up to the end of its line)" in lines


def test_check_on_clean_untagged_corpus_warns_only(corpus_workspace):
    result = run(corpus_workspace, "check")
    assert result.exit_code == 0
    assert "not tagged yet; run: annotator tag" in result.output
    assert run(corpus_workspace, "check", "--strict").exit_code == 1


def test_schema_is_json():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "AnnotationFile"


def test_tag_export_eval_end_to_end(tagged_corpus, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(tagged_corpus, root)
    result = run(root, "tag")
    assert result.exit_code == 0, result.output
    assert "(unchanged)" in result.output  # skipped by content hash
    rows = [json.loads(line) for line in run(root, "export").output.splitlines()]
    kinds = {r["kind"] for r in rows}
    assert kinds == {"actor", "claim", "citation", "footnote_ref"}
    refs = [r for r in rows if r["kind"] == "footnote_ref"]
    assert len(refs) == 31 and all(r["note_start"] is not None for r in refs)
    assert all(set(r) >= {"doc", "sha256", "id", "kind", "start", "end", "text", "status", "score"} for r in rows)
    report = run(root, "eval", "--gold", "tests/data/gold", "--json")
    assert report.exit_code == 0, report.output
    scores = {s["name"]: s for s in json.loads(report.output)["scores"]}
    assert scores["footnote markers + notes"]["tp"] == 31


def test_retag_is_byte_identical(tagged_corpus, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(tagged_corpus, root)
    before = {p.name: p.read_bytes() for p in (root / "annotations").iterdir()}
    result = run(root, "tag", "--force")
    assert result.exit_code == 0
    assert "unchanged" not in result.output
    after = {p.name: p.read_bytes() for p in (root / "annotations").iterdir()}
    assert before == after


def test_edited_source_with_stale_spans_is_reported(tagged_corpus, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(tagged_corpus, root)
    target = root / "annotations" / f"{ESSAY.stem}.json"
    data = json.loads(target.read_text())
    data["annotations"][0]["text"] = "something else"
    target.write_text(json.dumps(data))
    result = run(root, "tag", "--force")
    assert result.exit_code == 1
    assert f"Error: {target}: annotation {data['annotations'][0]['id']}" in result.output
    assert json.loads(target.read_text()) == data


def test_tag_is_refused_while_a_review_holds_the_document(corpus_workspace):
    from annotator.store.lock import acquire, release
    from annotator.workspace import Workspace

    path = acquire(Workspace(corpus_workspace), ESSAY.name, "alice")
    try:
        result = run(corpus_workspace, "tag", str(corpus_workspace / "corpus" / ESSAY.name))
    finally:
        release(path)
    assert result.exit_code == 1
    assert "alice" in result.output and result.output.startswith("Error: ")
    assert not (corpus_workspace / "annotations" / f"{ESSAY.stem}.json").exists()


def test_lazy_command_table_matches_the_modules():
    import importlib

    from annotator.cli.main import COMMANDS

    for module in set(COMMANDS.values()):
        importlib.import_module(f"annotator.cli.{module}")
    assert set(main.commands) == set(COMMANDS)


def test_tag_empty_file_is_tagged_but_reported(workspace):
    (workspace / "corpus" / "empty.txt").write_text("")
    result = run(workspace, "tag")
    assert result.exit_code == 1
    assert "error: empty.txt: empty document" in result.output
    assert result.output.rstrip().endswith("Error: 1 problem(s) in the input (listed above)")


def test_tag_unclosed_note_names_line_and_keeps_going(workspace):
    (workspace / "corpus" / "a.txt").write_text("Russia said no.[footnoteRef:1]\n[1:  Smith 2020\n\nMore text.\n")
    (workspace / "corpus" / "b.txt").write_text("China agreed.\n")
    result = run(workspace, "tag")
    assert result.exit_code == 1
    assert "error: a.txt:2: note [1: is never closed with ']' (read up to the end of its line)" in result.output
    assert sorted(p.name for p in (workspace / "annotations").glob("*.json")) == ["a.json", "b.json"]


def test_tag_says_what_it_skipped_and_how_to_retag(tagged_corpus, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(tagged_corpus, root)
    result = run(root, "tag")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("2 documents unchanged since they were tagged; "
                                  "`annotator tag --force` re-tags them, keeping reviewed decisions.\n")
    one = run(root, "tag", str(root / "corpus" / ESSAY.name))
    assert one.exit_code == 0, one.output
    assert " 1 document " in one.output
    assert one.output.endswith("1 document unchanged since it was tagged; "
                               "`annotator tag --force` re-tags it, keeping reviewed decisions.\n")


def shown_workspace(tmp_path):
    from test_review import make_workspace

    return make_workspace(tmp_path / "ws")


def show(root, *args):
    """`annotator show` as in a pipe, whatever colour settings the test run inherits."""
    env = {"TERM": "xterm-256color", "COLORTERM": None, "NO_COLOR": None, "FORCE_COLOR": None, "TTY_COMPATIBLE": None}
    return CliRunner(env=env).invoke(main, ["--root", str(root), "show", "essay.txt", *args])


def test_show_marks_spans_with_brackets_when_not_a_terminal(tmp_path):
    root = shown_workspace(tmp_path)
    result = show(root, "--no-notes")
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.output
    assert result.output.startswith("Legend: ⟦actor⟧ (4)  ⟨claim⟩ (3)  ⦃citation⦄ (1)  ⟪footnote_ref⟫ (1)")
    flat = " ".join(result.output.split())  # rich folds long lines
    assert "President Kassym-Jomart ⟦Tokayev⟧ said that ⟨the ⟦CSTO⟧ would stay⟩." in flat
    assert "⟨more than 2 trillion USD spent by the ⟦US⟧ alone⟩,⟪[footnoteRef:1]⟫" in flat
    assert show(root, "--no-notes", "--no-color").output == result.output


def test_show_color_keeps_colour_in_a_pipe(tmp_path):
    root = shown_workspace(tmp_path)
    result = show(root, "--color", "--kind", "actor")
    assert result.exit_code == 0, result.output
    assert "\x1b[1;36mTokayev\x1b[0m" in result.output
    assert "⟦" not in result.output
