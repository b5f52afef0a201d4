"""JSON Schemas of the knowledge files, generated from their models.

The committed copies in `annotator/data/schema/` let an editor check a data
file as it is typed; a test fails when they fall behind the models.
Rewrite them with: python -m annotator.nlp.knowledge.schema
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .load import DATA
from .models import LEXICONS, ActorRow, Cues, PatternLine, Scores

# Schema file -> the model of the file (of one line, for JSONL files).
SCHEMAS: dict[str, type[BaseModel]] = {
    "actors.schema.json": ActorRow,
    "cues.schema.json": Cues,
    "scores.schema.json": Scores,
    "patterns.schema.json": PatternLine,
    **{f"lexicon.{name}.schema.json": model for name, model in LEXICONS.items()},
}


def schema(model: type[BaseModel]) -> dict:
    return model.model_json_schema(by_alias=True)


def render(model: type[BaseModel]) -> str:
    return json.dumps(schema(model), indent=1, ensure_ascii=False) + "\n"


def write_all(folder: Path = DATA / "schema") -> list[Path]:
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all():
        print(path)
