"""Shared fixtures: paths of the bundled corpus and gold, small workspaces."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
ESSAY = CORPUS / "essay-central-asian-security-after-the-taliban.txt"
NEWS = CORPUS / "2021-08-30-central-asia-reacts-to-taliban-takeover.txt"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """An empty workspace folder."""
    for name in ("corpus", "annotations", "bib"):
        (tmp_path / name).mkdir()
    return tmp_path


@pytest.fixture
def corpus_workspace(workspace: Path) -> Path:
    """A workspace holding a copy of the bundled corpus."""
    for path in CORPUS.iterdir():
        shutil.copy(path, workspace / "corpus" / path.name)
    return workspace


@pytest.fixture(scope="session")
def tagged_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus tagged once per test session (read-only: copy it to change it)."""
    from annotator import api
    from annotator.workspace import Workspace

    root = tmp_path_factory.mktemp("tagged")
    shutil.copytree(CORPUS, root / "corpus")
    if (ROOT / "bib").is_dir():
        shutil.copytree(ROOT / "bib", root / "bib")
    api.tag(Workspace(root))
    return root
