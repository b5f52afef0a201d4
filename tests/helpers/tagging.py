"""`annotator tag` without spaCy: the proposer replaced, the merge, links and
saves real. `make` gives each document's proposals; the default gives none."""

from __future__ import annotations

from collections.abc import Callable

from annotator import TAGGER_VERSION, api
from annotator.models import AnnotationFile, Document


def empty(doc: Document) -> AnnotationFile:
    return AnnotationFile(doc=doc.name, sha256=doc.sha256, tagger=TAGGER_VERSION)


def without_model(monkeypatch, make: Callable[[Document], AnnotationFile] = empty,
                  fails_on: frozenset[str] = frozenset()) -> list[str]:
    """Tag with `make` instead of the pipeline; documents named in `fails_on`
    hit a bug in a rule. Returns the list each pipeline build appends to."""
    built: list[str] = []

    def propose(docs, nlp, jobs, piece=None):
        for doc in docs:
            if doc.name in fails_on:
                raise ValueError("substring not found")
            yield make(doc)

    monkeypatch.setattr(api, "_propose", propose)
    monkeypatch.setattr(api, "_pipeline", lambda ws, model: built.append("nlp") or "nlp")
    return built
