"""Knowledge as data: the word lists, cues, patterns and scores the rules
apply, read from `annotator/data/` and a workspace's overrides, validated
by the models in `models` (no spaCy needed, so `annotator check` can use it)."""

from .files import KnowledgeError, read_json, read_jsonl
from .load import Knowledge, knowing, knowledge, load

__all__ = ["Knowledge", "KnowledgeError", "knowing", "knowledge", "load", "read_json", "read_jsonl"]
