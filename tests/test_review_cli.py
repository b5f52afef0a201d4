"""`annotator review` and `annotator status` on the command line.

CliRunner for exit codes and exact messages; a real pseudo-terminal for
the interactive command, including a review killed with SIGKILL.
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers.review import ORDER, make_workspace, now_since, on_disk, statuses

from annotator.cli import main

LOCK = Path("annotations") / ".essay.lock"


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_REVIEWER", "cli-tester")
    return make_workspace(tmp_path / "ws")


def run(root, *args, input=None):
    return CliRunner().invoke(main, ["--root", str(root), *args], input=input)


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def write_lock(root: Path, pid: int, user: str = "grace", host: str | None = None, since: str | None = None) -> Path:
    path = root / LOCK
    holder = {"pid": pid, "host": host or socket.gethostname(), "user": user, "since": since or now_since()}
    path.write_text(json.dumps(holder), encoding="utf-8")
    return path


# -- interactive through CliRunner (keys from the input stream) ------------


def test_review_keys_from_input(root):
    result = run(root, "review", input="ars")
    assert result.exit_code == 0, result.output
    assert [statuses(root)[i] for i in ORDER[:3]] == ["accepted", "rejected", "proposed"]
    assert on_disk(root)["act-wash"]["review"]["reviewer"] == "cli-tester"
    assert result.output.endswith("1 accepted, 1 rejected; all saved. 7 still proposed; "
                                  "`annotator review` resumes there.\n")
    assert not (root / LOCK).exists()


def test_review_with_filters_and_reviewer_option(root):
    result = run(root, "review", "essay", "--kind", "actor", "--type", "person", "--reviewer", "ada", input="a")
    assert result.exit_code == 0, result.output
    assert "1 of 1 · actor 1 of 1" in result.output
    assert on_disk(root)["act-tok"]["review"]["reviewer"] == "ada"


def test_l_links_a_citation_in_edit_mode_and_b_is_only_back(root):
    result = run(root, "review", "--kind", "citation", input="eb?xl2\r")
    assert result.exit_code == 0, result.output
    assert "'b' is not an edit key; ? shows them" in result.output
    assert "l bib link" in result.output and "b bib link" not in result.output
    assert " ".join(result.output.split()).count("l a citation's bibliography link: pick a candidate, 0 unlinks") == 1
    assert on_disk(root)["cit-1"]["bib_key"] == "crawford2021a"
    assert result.output.endswith("1 edited; all saved. Nothing left to review here.\n")


def test_nothing_matches(root):
    result = run(root, "review", "--min-score", "2")
    assert (result.exit_code, result.output) == (0, "Nothing matches these filters.\n")


def test_unknown_document(root):
    result = run(root, "review", "nope.txt")
    assert result.exit_code == 1
    assert result.output == (f"Error: nope.txt: no annotations for this document in {root / 'annotations'}; "
                             "run `annotator tag` first\n")


def test_no_annotations_yet(tmp_path):
    (tmp_path / "annotations").mkdir()
    result = run(tmp_path, "status")
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'annotations'}: no annotation files; run `annotator tag` first\n"


def test_broken_annotation_file(root):
    (root / "annotations" / "essay.json").write_text("{", encoding="utf-8")
    result = run(root, "review")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {root / 'annotations' / 'essay.json'}:1:2: broken JSON")


@pytest.mark.parametrize("args, message", [
    (["--accept", "--reject"], "choose one of --accept and --reject"),
    (["--dry-run"], "--dry-run goes with --accept or --reject"),
])
def test_usage_errors(root, args, message):
    result = run(root, "review", *args)
    assert result.exit_code == 2
    assert result.output.endswith(f"Error: {message}\n")


def test_bad_option_value(root):
    result = run(root, "review", "--kind", "sentence")
    assert result.exit_code == 2
    assert "Invalid value for '--kind': 'sentence' is not one of" in result.output


# -- batch and status -----------------------------------------------------


def test_batch_dry_run_then_accept(root):
    result = run(root, "review", "--accept", "--kind", "actor", "--min-score", "0.9", "--dry-run")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "essay\tact-us\tactor\t0.90\tproposed -> accepted\tUS",
        "essay\tact-tok\tactor\t0.95\tproposed -> accepted\tTokayev",
        "essay\tact-csto\tactor\t0.90\tproposed -> accepted\tCSTO",
        "would accept 3 annotation(s) in 1 document(s) (dry run: nothing changed)",
    ]
    assert set(statuses(root).values()) == {"proposed"}
    result = run(root, "review", "--accept", "--kind", "actor", "--min-score", "0.9")
    assert result.output.splitlines()[-1] == "accepted 3 annotation(s) in 1 document(s)"
    assert [statuses(root)[i] for i in ("act-us", "act-tok", "act-csto")] == ["accepted"] * 3


def test_batch_reject_leaves_reviewed_alone(root):
    run(root, "review", input="a")  # act-wash accepted by hand
    result = run(root, "review", "--reject", "--kind", "actor")
    assert result.output.splitlines()[-1] == "rejected 3 annotation(s) in 1 document(s)"
    assert statuses(root)["act-wash"] == "accepted"


def test_status(root):
    run(root, "review", input="ar")
    result = run(root, "status")
    assert result.exit_code == 0
    assert result.output == (
        "essay\n"
        "  kind           proposed  accepted    edited  rejected   total\n"
        "  footnote_ref          1         0         0         0       1\n"
        "  citation              1         0         0         0       1\n"
        "  actor                 3         1         0         0       4\n"
        "  claim                 2         0         0         1       3\n"
    )


# -- locks ----------------------------------------------------------------


def test_second_review_is_refused_naming_the_holder(root):
    since = now_since()
    path = write_lock(root, os.getpid(), since=since)  # this test process: certainly alive
    result = run(root, "review", input="a")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: essay is being reviewed by grace (pid {os.getpid()} on {socket.gethostname()}, "
        f"since {since}); wait until that review ends. If that process is gone, delete {path}\n"
    )
    assert set(statuses(root).values()) == {"proposed"}
    assert path.exists()


def test_batch_is_refused_too_but_dry_run_is_not(root):
    write_lock(root, os.getpid())
    assert run(root, "review", "--accept").exit_code == 1
    assert run(root, "review", "--accept", "--dry-run").exit_code == 0


def test_lock_on_another_host_is_never_taken_as_stale(root):
    write_lock(root, dead_pid(), host="elsewhere.example")
    assert run(root, "review", input="a").exit_code == 1


def test_lock_whose_pid_now_belongs_to_a_later_process_is_recovered(root):
    # The holder was killed, and its pid went to a process started after the
    # lock was taken (pids are few and soon reused in a container): not the holder.
    later = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        path = write_lock(root, later.pid, since=now_since(ago=3600))
        result = run(root, "review", input="a")
    finally:
        later.kill()
        later.wait()
    assert result.exit_code == 0, result.output
    assert statuses(root)["act-wash"] == "accepted"
    assert not path.exists()


def test_lock_of_a_live_holder_is_kept(root):
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        time.sleep(0.2)
        write_lock(root, holder.pid, since=now_since())  # taken after the holder started
        assert run(root, "review", input="a").exit_code == 1
    finally:
        holder.kill()
        holder.wait()
    assert statuses(root)["act-wash"] == "proposed"


def test_stale_lock_is_recovered(root):
    path = write_lock(root, dead_pid())
    result = run(root, "review", input="a")
    assert result.exit_code == 0, result.output
    assert statuses(root)["act-wash"] == "accepted"
    assert not path.exists()
    assert not list((root / "annotations").glob(".essay.lock*"))


# -- a real terminal ------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-B]")


class Terminal:
    """The real command in a pseudo-terminal, read and typed into like a person would."""

    def __init__(self, root: Path, *args: str):
        import fcntl
        import struct
        import termios

        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "ANNOTATOR_REVIEWER": "pty-tester"}
        code = "from annotator.cli import main; main()"
        self.proc = subprocess.Popen([sys.executable, "-c", code, "--root", str(root), *args],
                                     stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.master, self.seen = master, ""

    def expect(self, needle: str, timeout: float = 15) -> str:
        """Wait until `needle` appears in output not yet consumed; return that output."""
        deadline = time.monotonic() + timeout
        while needle not in self.seen:
            ready, _, _ = select.select([self.master], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise AssertionError(f"timed out waiting for {needle!r}; screen so far:\n{self.seen[-2000:]}")
            try:
                self.seen += ANSI.sub("", os.read(self.master, 65536).decode("utf-8", "replace"))
            except OSError:  # the child closed the terminal
                raise AssertionError(f"exited before {needle!r}:\n{self.seen[-2000:]}") from None
        upto = self.seen.index(needle) + len(needle)
        got, self.seen = self.seen[:upto], self.seen[upto:]
        return got

    def press(self, keys: str, then: str) -> str:
        os.write(self.master, keys.encode())
        return self.expect(then)

    def close(self) -> int:
        """Wait for the command to end, reading what it still writes meanwhile
        (a process blocked on a full terminal never ends, so keep reading until
        it has; a busy CI machine may take a while)."""
        deadline = time.monotonic() + 60
        while self.proc.poll() is None and time.monotonic() < deadline:
            if select.select([self.master], [], [], 0.1)[0]:
                try:
                    self.seen += ANSI.sub("", os.read(self.master, 65536).decode("utf-8", "replace"))
                except OSError:
                    time.sleep(0.05)  # the terminal is closing; the process is on its way out
        code = self.proc.wait(timeout=max(1.0, deadline - time.monotonic()))
        os.close(self.master)
        return code


def test_real_terminal_session(root):
    term = Terminal(root, "review")
    screen = term.expect("q quit")
    assert "to be ⟦Washington⟧’s biggest" in screen and "1 of 9 · actor 1 of 4" in screen
    term.press("a", "accepted actor “Washington” (saved)")
    term.press("r", "rejected claim")
    term.press("e", "Enter done")
    term.press("[", "edited: “the US” (saved)")
    term.press("\r", "4 of 9")
    term.press("u", "undone: act-us is proposed again")
    term.press("q", "still proposed")
    assert term.close() == 0
    got = statuses(root)
    assert [got[i] for i in ORDER[:3]] == ["accepted", "rejected", "proposed"]
    assert on_disk(root)["act-us"]["text"] == "US"


def test_killed_review_keeps_every_earlier_decision(root):
    term = Terminal(root, "review")
    term.expect("q quit")
    term.press("a", "(saved)")
    term.press("r", "(saved)")
    term.press("e", "Enter done")
    term.press("]", "(saved)")
    term.press("\r", "4 of 9")
    term.press("a", "(saved)")
    os.killpg(term.proc.pid, signal.SIGKILL)  # no chance to clean up
    assert term.close() == -signal.SIGKILL
    got = on_disk(root)
    assert [got[i]["review"]["status"] for i in ORDER[:5]] == ["accepted", "rejected", "edited", "accepted", "proposed"]
    assert got["act-us"]["text"] == "US alone"
    assert (root / LOCK).exists()  # left behind by the killed process…
    result = run(root, "review", input="a")  # …and recovered by the next one
    assert result.exit_code == 0, result.output
    assert statuses(root)["act-tok"] == "accepted"
    assert not list((root / "annotations").glob(".essay.json.*.tmp"))


def test_review_does_not_import_spacy(root):
    code = ("import sys; from annotator.cli import main; import annotator.review.loop, annotator.review.orphan_loop, annotator.review.view; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'torch')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_revisit_rejections_starts_at_the_top(root):
    run(root, "review", input="rr")
    result = run(root, "review", "--status", "rejected", input="a")
    assert "1 of 2 · actor 1 of 1" in result.output
    assert [statuses(root)[i] for i in ORDER[:2]] == ["accepted", "rejected"]


def test_review_real_tagger_output(tagged_corpus, tmp_path):
    import shutil

    root = tmp_path / "ws"
    shutil.copytree(tagged_corpus, root)
    essay = "essay-central-asian-security-after-the-taliban"
    # accept, reject, then edit the third: grow its end by a word, done.
    result = run(root, "review", essay, "--kind", "claim", "--order", "score", input="are]\r")
    assert result.exit_code == 0, result.output
    assert "1 of " in result.output and "· claim 1 of " in result.output
    claim_row = run(root, "status", essay).output.splitlines()[-1].split()
    kind, proposed, accepted, edited, rejected, total = claim_row[0], *map(int, claim_row[1:])
    assert (kind, accepted, edited, rejected, proposed) == ("claim", 1, 1, 1, total - 3)


def test_terminated_review_releases_its_lock(root):
    term = Terminal(root, "review")
    term.expect("q quit")
    term.press("a", "(saved)")
    term.proc.send_signal(signal.SIGTERM)
    assert term.close() == 128 + signal.SIGTERM
    assert not (root / LOCK).exists()
    assert statuses(root)["act-wash"] == "accepted"


def test_edited_source_asks_for_a_re_tag(root):
    source = root / "corpus" / "essay.txt"
    source.write_text("Preface. " + source.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(root, "review")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {root / 'annotations' / 'essay.json'}: annotation act-wash (actor at ")
    assert result.output.endswith("re-tag to re-anchor, or fix the file\n")


def test_orphans_are_listed_and_announced(root):
    path = root / "annotations" / "essay.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    lost = data["annotations"].pop(0)
    lost["review"] = {"status": "accepted", "reviewer": "ada", "time": "2026-11-23T18:00:00Z", "proposed_by": "x"}
    data["orphans"] = [lost]
    path.write_text(json.dumps(data), encoding="utf-8")
    status = run(root, "status").output.splitlines()
    assert status[-2:] == ["  orphans: 1 reviewed annotation(s) not found again in the edited text",
                           "    act-wash\tactor\taccepted\tWashington"]
    review = " ".join(run(root, "review", input="q").output.split())  # unwrap the screen
    assert "1 earlier decision(s) could not be found again in the edited text: `annotator status` lists them" in review


# -- hand-edited annotation files: refused in one line, never overwritten ----


def two_share_an_id(data):
    data["annotations"][2]["id"] = data["annotations"][0]["id"]  # act-us becomes a second act-wash


def empty_span(data):
    ann = data["annotations"][2]
    ann["end"], ann["text"] = ann["start"], ""


def unknown_kind(data):
    data["annotations"][2]["kind"] = "person"


@pytest.mark.parametrize("spoil, says", [
    (two_share_an_id, "[annotation act-wash (annotations.2)] the same id as annotations.0"),
    (empty_span, "[annotation act-us (annotations.2)] span "),
    (unknown_kind, "[annotation act-us (annotations.2)] Input tag 'person'"),
])
@pytest.mark.parametrize("args, keys", [(["review"], "aaa"), (["review", "--accept"], None), (["status"], None),
                                        (["tag"], None)])
def test_hand_edited_file_is_refused_and_left_alone(root, spoil, says, args, keys):
    path = root / "annotations" / "essay.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    spoil(data)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    before = path.read_bytes()
    result = run(root, *args, input=keys)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Error: {path}: {says}")
    assert result.output.count("\n") == 1
    assert path.read_bytes() == before


def test_a_lock_that_could_not_be_written_is_not_left_behind(root, monkeypatch):
    from annotator.store import lock as review_lock

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(review_lock.json, "dump", disk_full)
    result = run(root, "review", "--accept")
    assert result.exit_code != 0
    monkeypatch.undo()
    assert not (root / LOCK).exists()  # else every review is refused as "starting right now"
    assert run(root, "review", "--accept").exit_code == 0


def test_a_source_in_a_subfolder_is_not_taken_for_its_namesake(root):
    # corpus/essay.txt and corpus/sub/essay.txt: annotations/essay.json and sub__essay.json.
    from annotator.store import store
    from annotator.workspace import Workspace

    ws = Workspace(root)
    (ws.corpus / "sub").mkdir()
    (ws.corpus / "sub" / "essay.txt").write_text((ws.corpus / "essay.txt").read_text(encoding="utf-8"),
                                                 encoding="utf-8")
    top = store.load(ws.annotation_path("essay.txt"))
    store.save(ws.annotation_path("sub/essay.txt"), top.model_copy(update={"doc": "sub/essay.txt"}))
    before = ws.annotation_path("essay.txt").read_bytes()
    for named in (str(ws.corpus / "sub" / "essay.txt"), "sub/essay.txt"):
        result = run(root, "review", named, "--kind", "actor", input="a")
        assert result.exit_code == 0, result.output
        assert "sub__essay" in result.output
    assert ws.annotation_path("essay.txt").read_bytes() == before
    assert store.load(ws.annotation_path("sub/essay.txt")).annotations[0].status == "accepted"
    assert run(root, "review", "essay.txt", "--kind", "actor", input="a").exit_code == 0
    assert store.load(ws.annotation_path("essay.txt")).annotations[0].status == "accepted"
