"""The real-text gold sets load through the scorer's own checks and agree with
their texts: every span's text is the text at those offsets. A gold file that
drifts from its text would score the tagger against the wrong words."""

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.gold import gold_documents, load_gold

DATA = Path(__file__).parent / "data"
SETS = sorted(p for p in DATA.glob("real_*/*") if p.is_dir())


def _spans(gold: dict):
    for note in gold["footnotes"]:
        yield from (note[k] for k in ("marker", "note", "claim") if note.get(k))
        yield from note["citations"]
    yield from gold["actors"]
    yield from gold["claims"]


@pytest.mark.parametrize("folder", SETS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_gold_file_has_its_text_and_its_spans_match(folder):
    golds = load_gold(folder)
    texts = {gold["sha256"]: doc.text for gold, doc in gold_documents(folder, [folder])}
    assert golds and len(texts) == len(golds)
    for gold in golds:
        text = texts[gold["sha256"]]
        for item in _spans(gold):
            start, end = item["span"]
            assert text[start:end] == item["text"], (gold.get("source"), item)


def test_every_real_set_is_found():
    assert {f"{p.parent.name}/{p.name}" for p in SETS} >= {
        "real_news/dev", "real_news/blind", "real_news2/dev", "real_news3/dev", "real_news3/blind",
        "real_notes/dev", "real_notes/blind", "real_notes2/dev", "real_notes3/dev", "real_notes3/blind"}


# The stand-alone checkers the annotators ran (conventions beyond spans: sorted
# lists, quote-delimited direct claims, note pairing); the first sets predate them.
CHECKED = [("real_news2/check.py", s) for s in ("real_news2/dev", "real_news3/dev", "real_news3/blind")] + \
    [("real_notes2/check.py", s) for s in ("real_notes2/dev", "real_notes3/dev", "real_notes3/blind")]


@pytest.mark.parametrize(("checker", "folder"), CHECKED, ids=[f for _, f in CHECKED])
def test_gold_set_passes_its_annotators_checker(checker, folder):
    result = subprocess.run([sys.executable, str(DATA / checker), str(DATA / folder)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
