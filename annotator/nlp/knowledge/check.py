"""A workspace's own knowledge files, checked one by one: what `annotator
check` lists and what stops `annotator tag` before any work."""

from __future__ import annotations

from annotator.workspace import Workspace

from .files import KnowledgeError, read_json, read_jsonl
from .load import load, no_stray_files
from .models import LEXICONS, ActorRow, Cues


def workspace_errors(ws: Workspace) -> list[KnowledgeError]:
    """One error per broken file (the first fault in it); then, when every
    file is sound on its own, what only shows once they are merged."""
    errors = []
    for path in ws.knowledge_files():
        try:
            _check_file(ws, path)
        except KnowledgeError as err:
            errors.append(err)
    if not errors:
        try:
            load(ws.root)
        except KnowledgeError as err:
            errors.append(err)
    return errors


def check_workspace(ws: Workspace) -> None:
    """Raise the first error of `workspace_errors`."""
    errors = workspace_errors(ws)
    if errors:
        raise errors[0]


def _check_file(ws: Workspace, path) -> None:
    if path == ws.actors_file:
        read_jsonl(path, ActorRow)
    elif path == ws.cues_file:
        read_json(path, Cues)
    elif path.name.removesuffix(".json") in LEXICONS and path.suffix == ".json":
        read_json(path, LEXICONS[path.stem])
    else:
        no_stray_files(path.parent)
