"""The review fixture: one short essay with one proposal of every kind,
written into a workspace as `annotator tag` would leave it (no model needed)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from annotator.models import (
    ActorAnnotation,
    AnnotationFile,
    Candidate,
    CitationAnnotation,
    ClaimAnnotation,
    FootnoteRefAnnotation,
    Provenance,
)
from annotator.store import store
from annotator.store.anchor import context
from annotator.workspace import init_workspace

DOC = "essay.txt"
TEXT = (
    "Introduction\n\n"
    "It turned out to be Washington’s biggest miscalculation since Vietnam: more than 2 trillion USD "
    "spent by the US alone,[footnoteRef:1] and more. Kazakh President Kassym-Jomart Tokayev said that "
    "the CSTO would stay.  [1:  Crawford 2021, 14–15.]\n"
    "The main argument of this essay is that the Taliban takeover won’t change much.\n"
)
TAGGER = "annotator-0.1.0"


def span(quote: str) -> tuple[int, int]:
    """Where a quote stands; "US" is the one in "the US", not in "USD"."""
    start = TEXT.index(quote) if quote != "US" else TEXT.index("the US") + 4
    return start, start + len(quote)


def common(ann_id: str, quote: str, score: float, rule: str) -> dict:
    start, end = span(quote)
    before, after = context(TEXT, start, end)
    return dict(id=ann_id, start=start, end=end, text=quote, before=before, after=after, score=score,
                provenance=Provenance(tagger=TAGGER, model="en_core_web_sm", rule=rule))


def annotations() -> list:
    """In document order: act-wash, clm-cited, act-us, fn-1, act-tok, clm-said, act-csto, cit-1, clm-thesis."""
    return [
        ActorAnnotation(**common("act-wash", "Washington", 0.8, "capital"), type="state", canonical="united-states"),
        ClaimAnnotation(**common("clm-cited", "more than 2 trillion USD spent by the US alone", 0.9, "cited"),
                        claim_kind="cited", footnotes=["1"]),
        ActorAnnotation(**common("act-us", "US", 0.9, "gazetteer"), type="state", canonical="united-states"),
        FootnoteRefAnnotation(**common("fn-1", "[footnoteRef:1]", 0.99, "poi-marker"), number="1",
                              note_text="Crawford 2021, 14–15."),
        ActorAnnotation(**common("act-tok", "Tokayev", 0.95, "ner"), type="person", canonical="kassym-jomart-tokayev"),
        ClaimAnnotation(**common("clm-said", "the CSTO would stay", 0.7, "said-that"), claim_kind="attributed",
                        speaker="kassym-jomart-tokayev", cue="said", mode="indirect"),
        ActorAnnotation(**common("act-csto", "CSTO", 0.9, "gazetteer"), type="organization", canonical="csto"),
        CitationAnnotation(**common("cit-1", "Crawford 2021, 14–15", 0.95, "note-citation"), number="1",
                           authors="Crawford", year="2021", locator="14–15",
                           candidates=[Candidate(key="crawford2021", score=0.9), Candidate(key="crawford2021a", score=0.6)]),
        ClaimAnnotation(**common("clm-thesis", "The main argument of this essay is that the Taliban takeover won’t "
                                 "change much", 0.4, "thesis"), claim_kind="authorial"),
    ]


ORDER = ["act-wash", "clm-cited", "act-us", "fn-1", "act-tok", "clm-said", "act-csto", "cit-1", "clm-thesis"]


def make_workspace(root: Path, text: str = TEXT, anns: list | None = None) -> Path:
    ws = init_workspace(root)
    (ws.corpus / DOC).write_text(text, encoding="utf-8")
    afile = AnnotationFile(doc=DOC, sha256="0" * 64, tagger=TAGGER, annotations=anns or annotations())
    store.save(ws.annotation_path(DOC), afile)
    return root


def on_disk(root: Path) -> dict[str, dict]:
    data = json.loads((root / "annotations" / "essay.json").read_text(encoding="utf-8"))
    return {a["id"]: a for a in data["annotations"]}


def statuses(root: Path) -> dict[str, str]:
    return {i: a["review"]["status"] for i, a in on_disk(root).items()}


def now_since(ago: float = 0) -> str:
    """A lock's `since` as the store lock writes it, `ago` seconds back."""
    return (datetime.now().astimezone() - timedelta(seconds=ago)).replace(microsecond=0).isoformat(sep=" ")
