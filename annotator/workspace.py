"""A workspace is a folder holding `corpus/`, `annotations/` and `bib/`.

No configuration file is needed: the folder layout is the configuration.
Optional knowledge overrides sit beside them: `actors.jsonl`, `cues.json`
and `lexicon/*.json` (see annotator/data/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import WorkspaceError

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
        path = self.corpus / doc_name
        if not path.exists():
            raise WorkspaceError(f"{path}: the source of {self.annotation_path(doc_name).name} is missing")
        return path

    def check(self) -> Workspace:
        if not self.root.is_dir():
            raise WorkspaceError(f"{self.root}: no such folder")
        return self


def open_workspace(root: str | Path = ".") -> Workspace:
    return Workspace(Path(root)).check()


def init_workspace(root: str | Path) -> Workspace:
    """Create an empty workspace; existing files are left as they are."""
    ws = Workspace(Path(root))
    for name in FOLDERS:
        (ws.root / name).mkdir(parents=True, exist_ok=True)
    return ws
