"""Shared fixtures: the spaCy pipeline loaded once, small workspaces, the
tagged corpus. Shared constants and builders live in `helpers.py`."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest
from helpers import CORPUS, ROOT
from hypothesis import HealthCheck, settings

from annotator.nlp import pipeline
from annotator.workspace import Workspace

BUILD = pipeline.build  # the real one: the fixtures below put a sharing one in its place

# Property-based tests (tests/test_fuzz.py): the same examples on every run
# (derandomize), so CI is reproducible; a few hundred per target by default,
# ten thousand with `pytest --fuzz`.
_PROPERTY = dict(derandomize=True, deadline=None, print_blob=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.register_profile("default", max_examples=300, **_PROPERTY)
settings.register_profile("fuzz", max_examples=10_000, **_PROPERTY)


def pytest_addoption(parser):
    parser.addoption("--fuzz", action="store_true", default=False,
                     help="property-based tests with 10,000 examples per target (default: 300)")


def pytest_configure(config):
    settings.load_profile("fuzz" if config.getoption("--fuzz") else "default")


@functools.cache
def _pipeline():
    return BUILD()


def _own_knowledge(folder) -> bool:
    """Whether a workspace holds knowledge of its own (then the shared pipeline would be wrong)."""
    return folder is not None and any(Workspace(Path(folder)).knowledge_files())


def _build_sharing():
    """`pipeline.build` that hands out the session's pipeline when asked for
    the default one (as `annotator tag` asks), and builds any other."""

    def build(name=None, components=pipeline.COMPONENTS, user_actors=None, knowledge_dir=None):
        default = name is None and tuple(components) == pipeline.COMPONENTS and not user_actors
        if default and not _own_knowledge(knowledge_dir):
            return _pipeline()
        return BUILD(name, components, user_actors, knowledge_dir)

    return build


@pytest.fixture(scope="session")
def nlp():
    """The full tagging pipeline (model, actor and claim components), loaded
    once per session: the model load costs more than most tests. Shared, so
    a test must leave it as it found it (`select_pipes` restores itself)."""
    return _pipeline()


@pytest.fixture(autouse=True)
def _one_model(monkeypatch):
    """Tagging through `api.tag` or the CLI uses the session's pipeline too
    (loaded on first use, so tests without a model do not pay for it)."""
    monkeypatch.setattr(pipeline, "build", _build_sharing())


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
    with pytest.MonkeyPatch.context() as patch:  # session-scoped: the autouse patch is not in force yet
        patch.setattr(pipeline, "build", _build_sharing())
        api.tag(Workspace(root))
    return root
