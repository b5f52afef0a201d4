"""Atomic outputs and honest exit codes (issue 14, item 7): `index --out`,
`bib stub`, `crossref` years, `#` joins, who holds a lock, and `tag`'s exit
code on warnings agreeing with `check`'s."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from helpers.tagging import without_model

from annotator.bib.bibtex import parse_bibtex
from annotator.cli import main
from annotator.models import AnnotationFile
from annotator.store import store
from annotator.store.lock import acquire
from annotator.workspace import Workspace


def run(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), *args])


def no_model(monkeypatch):
    without_model(monkeypatch)


# -- index --out ----------------------------------------------------------------


def test_index_out_is_written_whole_or_not_at_all(workspace, monkeypatch):
    out = workspace / "site" / "index.md"
    out.parent.mkdir()
    out.write_text("the previous index\n", encoding="utf-8")

    def torn(fd, *args):  # the disk fills up halfway through the page
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", torn)
    result = run(workspace, "index", "--out", str(out))
    assert result.exit_code == 1
    assert f"{out}: cannot write it (No space left on device)" in result.output
    assert out.read_text(encoding="utf-8") == "the previous index\n"
    assert [p.name for p in out.parent.iterdir()] == ["index.md"]  # no temp file left


def test_index_out_in_a_new_folder_is_written(workspace):
    out = workspace / "new" / "deeper" / "index.md"
    result = run(workspace, "index", "--out", str(out))
    assert result.exit_code == 0 and out.is_file()


# -- bib stub -------------------------------------------------------------------


def untagged_citing(workspace, note: str) -> None:
    (workspace / "corpus" / "a.md").write_text(f"Kabul fell.[^1]\n\n[^1]: {note}\n", encoding="utf-8")


def test_bib_stub_into_a_missing_folder_exits_1_and_says_so(workspace):
    (workspace / "bib" / "b.bib").write_text("@book{x, author={Ann Lee}, title={T}, year={2001}}\n")
    untagged_citing(workspace, "Rao 2001, 9.")
    result = run(workspace, "bib", "stub", "--out", str(workspace / "nowhere" / "stubs.bib"))
    assert result.exit_code == 1 and "no such folder" in result.output


def test_bib_stub_keeps_the_old_file_when_the_write_fails(workspace, monkeypatch):
    (workspace / "bib" / "b.bib").write_text("@book{x, author={Ann Lee}, title={T}, year={2001}}\n")
    untagged_citing(workspace, "Rao 2001, 9.")
    out = workspace / "bib" / "stubs.bib"
    out.write_text("@misc{old, author={Old One}, year={1999}}\n", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    result = run(workspace, "bib", "stub", "--out", str(out))
    assert result.exit_code == 1 and "cannot write it (No space left on device); nothing appended" in result.output
    assert out.read_text(encoding="utf-8") == "@misc{old, author={Old One}, year={1999}}\n"


def test_a_crossref_child_takes_its_parent_s_year_and_gets_no_stub(workspace):
    (workspace / "bib" / "b.bib").write_text(
        "@book{big, editor={Bo Ma}, title={Big Book}, year={2010}, publisher={P}}\n"
        "@incollection{xu, author={Cy Xu}, title={Chapter}, crossref={big}}\n", encoding="utf-8")
    untagged_citing(workspace, "Xu 2010, 5.")
    [xu] = [e for e in parse_bibtex((workspace / "bib" / "b.bib").read_text()).entries if e.key == "xu"]
    assert (xu.year, xu.fields["booktitle"], xu.fields["publisher"]) == ("2010", "Big Book", "P")
    result = run(workspace, "bib", "stub", "--out", str(workspace / "bib" / "stubs.bib"))
    assert result.exit_code == 0 and result.output.startswith("0 stub(s)")


@pytest.mark.parametrize("value, expected", [
    ('pub # " " # uni', "Oxford University Press"),
    ('{Oxford} # " " # UNI', "Oxford University Press"),
    ("{http://example.org/#part}", "http://example.org/#part"),
    ('unknown # " " # uni', 'unknown # " " # uni'),  # not a join of known parts: kept as written
])
def test_a_string_join_is_one_text_with_no_stray_hash(value, expected):
    bib = parse_bibtex('@string{pub = "Oxford"}\n@string{uni = {University Press}}\n'
                       f"@book{{a, author={{Ann Lee}}, title={{T}}, year=2001, publisher = {value}}}\n")
    assert bib.entries[0].fields["publisher"] == expected


# -- locks say who holds them ---------------------------------------------------------


def test_a_running_tag_is_not_called_a_review(workspace):
    (workspace / "corpus" / "a.txt").write_text("Text.", encoding="utf-8")
    store.save(workspace / "annotations" / "a.json", AnnotationFile(doc="a.txt", sha256="0", tagger="t"))
    acquire(Workspace(workspace), "a.txt", "bob", task="tag")
    result = run(workspace, "review", "--accept")
    assert result.exit_code == 1
    assert "a is being tagged by bob" in result.output and "wait until that tag ends" in result.output
    assert "reviewed" not in result.output


# -- tag and check agree on warnings --------------------------------------------------


def test_tag_exits_as_check_does_on_warnings_only(workspace, monkeypatch):
    no_model(monkeypatch)
    (workspace / "corpus" / "a.md").write_text("Kabul fell.[^1] It did.[^2]\n\n[^1]: Rao 2001.\n",
                                               encoding="utf-8")
    tagged = run(workspace, "tag")
    checked = run(workspace, "check")
    assert "warning: a.md" in tagged.output and "warning: a.md" in checked.output
    assert tagged.exit_code == checked.exit_code == 0
    assert "1 warning(s) in the input" in tagged.output
    assert run(workspace, "tag", "--force", "--strict").exit_code == run(workspace, "check", "--strict").exit_code == 1


def test_tag_exits_1_on_an_error_as_check_does(workspace, monkeypatch):
    no_model(monkeypatch)
    (workspace / "corpus" / "a.txt").write_text("", encoding="utf-8")
    assert run(workspace, "tag").exit_code == run(workspace, "check").exit_code == 1
