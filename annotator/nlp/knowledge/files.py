"""Read one knowledge file through its model; any fault is one line.

JSONL faults name the line, JSON faults the key path, and both the field:
`actors.jsonl:3: unknown field 'alias' (did you mean 'aliases'?)`,
`cues.json: speech[4]: unknown field 'lemmma' (did you mean 'lemma'?)`.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from annotator.errors import InputError

M = TypeVar("M", bound=BaseModel)


class KnowledgeError(InputError):
    """A knowledge file (actors, cues, lexicon, patterns) is not valid."""

    def __init__(self, file: Path | str, reason: str, line: int | None = None):
        self.file, self.reason, self.line = str(file), reason, line
        super().__init__(f"{file}:{line}: {reason}" if line is not None else f"{file}: {reason}")


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise KnowledgeError(path, f"not UTF-8 (byte offset {err.start}); convert it first") from None
    except OSError as err:
        raise KnowledgeError(path, f"cannot be read ({err.strerror})") from None


def read_json(path: Path, model: type[M]) -> M:
    try:
        data = json.loads(_text(path))
    except json.JSONDecodeError as err:
        raise KnowledgeError(path, f"not valid JSON ({err.msg})", err.lineno) from None
    try:
        return model.model_validate(data)
    except ValidationError as err:
        where, what = _first_fault(err, model)
        raise KnowledgeError(path, f"{where}: {what}" if where else what) from None


def read_jsonl(path: Path, model: type[M]) -> list[M]:
    """One model per line; blank lines and lines starting with # are skipped."""
    return [row for _, row in numbered_rows(path, model)]


def numbered_rows(path: Path, model: type[M]) -> list[tuple[int, M]]:
    """(line number, model) for each line, for checks that name the line."""
    rows = []
    for line_no, line in enumerate(_text(path).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            rows.append((line_no, model.model_validate_json(line)))
        except ValidationError as err:
            if err.errors()[0]["type"] == "json_invalid":
                raise KnowledgeError(path, "not valid JSON", line_no) from None
            where, what = _first_fault(err, model)
            raise KnowledgeError(path, f"{where}: {what}" if where else what, line_no) from None
    return rows


def _first_fault(err: ValidationError, model: type[BaseModel]) -> tuple[str, str]:
    """(key path to the faulty field, what is wrong with that field). A
    misspelt field comes first: it explains the "missing" one next to it."""
    fault = min(err.errors(), key=lambda e: e["type"] != "extra_forbidden")
    loc = [part for part in fault["loc"] if not (isinstance(part, str) and part.startswith(("function-", "union")))]
    named = max((i for i, part in enumerate(loc) if isinstance(part, str)), default=None)
    if named is None:
        return "", fault["msg"]
    parent, field = loc[:named], str(loc[named]) + "".join(f"[{i}]" for i in loc[named + 1:])
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parent).lstrip(".")
    if fault["type"] == "extra_forbidden":
        near = difflib.get_close_matches(field, _field_names(model), n=1, cutoff=0.6)
        return where, f"unknown field '{field}'" + (f" (did you mean '{near[0]}'?)" if near else "")
    if fault["type"] == "missing":
        return where, f"missing field '{field}'"
    return where, f"field '{field}': {fault['msg'][:1].lower()}{fault['msg'][1:]}"


def _field_names(model: type[BaseModel]) -> set[str]:
    """Every field name and alias of the model and the models inside it."""
    names, todo, seen = set(), [model], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            names.add(info.alias or name)
            todo += [t for t in _models_in(info.annotation)]
    return names


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)]
