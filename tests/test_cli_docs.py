"""The README's command reference is the commands' own --help, kept fresh."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def make_usage():
    spec = importlib.util.spec_from_file_location("make_usage", DOCS / "make_usage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def usage_blocks(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_readme_usage_blocks_are_fresh():
    mu = make_usage()
    text = mu.README.read_text(encoding="utf-8")
    assert mu.with_usage(text) == text, "README.md usage blocks are stale: run python docs/make_usage.py"


def test_usage_blocks_name_the_command_annotator():
    mu = make_usage()
    blocks = usage_blocks(mu.README.read_text(encoding="utf-8"), mu.START, mu.END)
    usages = re.findall(r"^Usage: (\S+)", blocks, flags=re.M)
    assert len(usages) >= 12 and set(usages) == {"annotator"}


def test_a_stale_block_is_caught():
    mu = make_usage()
    text = mu.README.read_text(encoding="utf-8")
    stale = text.replace("Usage: annotator tag", "Usage: main tag", 1)
    assert stale != text and mu.with_usage(stale) == text
