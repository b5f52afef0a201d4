"""A workspace is a folder holding `corpus/`, `annotations/` and `bib/`.

No configuration file is needed: the folder layout is the configuration.
Optional knowledge overrides sit beside them: `actors.jsonl`, `cues.json`
and `lexicon/*.json` (see annotator/data/README.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from .errors import MissingSource, WorkspaceError

FOLDERS = ("corpus", "annotations", "bib")


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def corpus(self) -> Path:
        return self.root / "corpus"

    @property
    def annotations(self) -> Path:
        return self.root / "annotations"

    @property
    def bib(self) -> Path:
        return self.root / "bib"

    @property
    def actors_file(self) -> Path:
        """A user's own actors, added to or overriding the package's."""
        return self.root / "actors.jsonl"

    @property
    def cues_file(self) -> Path:
        """A user's own cue verbs, merged with the package's cues.json."""
        return self.root / "cues.json"

    @property
    def lexicon_dir(self) -> Path:
        """A user's word lists (`titles.json` …), merged with annotator/data/lexicon/."""
        return self.root / "lexicon"

    def knowledge_files(self) -> list[Path]:
        """The workspace's own knowledge files that exist: actors, cues, lexicon overrides."""
        own = [p for p in (self.actors_file, self.cues_file) if p.is_file()]
        return own + (sorted(p for p in self.lexicon_dir.iterdir() if p.is_file()) if self.lexicon_dir.is_dir() else [])

    def annotation_path(self, doc_name: str) -> Path:
        # A document in a subfolder of corpus/ keeps its folder in the name.
        stem = Path(doc_name).with_suffix("").as_posix().replace("/", "__")
        return self.annotations / f"{stem}.json"

    def annotation_files(self) -> list[Path]:
        if not self.annotations.is_dir():
            return []
        return sorted(self.annotations.glob("*.json"))

    def bib_files(self) -> list[Path]:
        return sorted(self.bib.glob("*.bib")) if self.bib.is_dir() else []

    def source_path(self, doc_name: str) -> Path:
        """Where the document an annotation file names lives."""
        path = self.corpus_file(doc_name, self.annotation_path(doc_name))
        if not path.exists():
            raise MissingSource(f"{path}: the source of {self.annotation_path(doc_name).name} is missing; "
                                "renamed or moved? `annotator tag` finds it by its content")
        return path

    def corpus_file(self, doc_name: str, named_in: Path | str) -> Path:
        """corpus/`doc_name`, refused when the name leads out of corpus/ (a shared or
        cloned workspace must never read outside itself). Checked on the name, not
        the resolved path: a corpus file the user symlinked in stays readable."""
        reason = document_name_problem(doc_name)
        path = self.corpus / doc_name
        if reason is None and not _lexically_inside(path, self.corpus):
            reason = "leads out of corpus/"
        if reason:
            raise WorkspaceError(f"{named_in}: document {doc_name!r} {reason}; refused (fix or delete that file)")
        return path

    def inside(self, path: Path, what: str) -> Path:
        """`path` if it resolves inside the workspace, or is a file placed in corpus/
        (maybe a symlink the user made); else a WorkspaceError naming `what`."""
        if not (path.resolve().is_relative_to(self.root.resolve()) or _lexically_inside(path, self.corpus)):
            raise WorkspaceError(f"{path}: {what} lies outside the workspace {self.root}; refused")
        return path

    def check(self) -> Workspace:
        if not self.root.is_dir():
            raise WorkspaceError(f"{self.root}: no such folder")
        return self


def document_name_problem(name: str) -> str | None:
    """Why `name`, read from a file, cannot name a document in corpus/; None when it can."""
    if not name or "\0" in name:
        return "is empty or holds a NUL character"
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).anchor:
        return "is an absolute path, not a name inside corpus/"
    if ".." in PurePosixPath(name).parts or ".." in PureWindowsPath(name).parts:
        return "leads out of corpus/ (..)"
    return None


def _lexically_inside(path: Path, folder: Path) -> bool:
    return Path(os.path.normpath(os.path.abspath(path))).is_relative_to(os.path.normpath(os.path.abspath(folder)))


def open_workspace(root: str | Path = ".") -> Workspace:
    return Workspace(Path(root)).check()


def init_workspace(root: str | Path) -> Workspace:
    """Create an empty workspace; existing files are left as they are."""
    ws = Workspace(Path(root))
    for name in FOLDERS:
        (ws.root / name).mkdir(parents=True, exist_ok=True)
    return ws
