"""The one bridge from spaCy Docs (and parsed notes) to our annotation models.

`propose` turns one read `Document` and its processed spaCy `Doc` into an
`AnnotationFile` of proposals. Nothing here touches the disk.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import TAGGER_VERSION
from .citations import parse_note
from .models import (
    ActorAnnotation,
    AnnotationFile,
    CitationAnnotation,
    ClaimAnnotation,
    Document,
    FootnoteRefAnnotation,
    Provenance,
    quote_context,
    stable_id,
)
from .nlp.cited import cited_clauses

# Raw NER, used only when the actor component is not in the pipeline.
NER_TYPES = {"PERSON": "person", "GPE": "state", "ORG": "organization", "NORP": "group"}


class Proposer:
    """Makes annotations for one document, filling the fields all share."""

    def __init__(self, doc: Document, model: str | None):
        self.doc = doc
        self.model = model

    def base(self, kind: str, start: int, end: int, rule: str, score: float, *key: object) -> dict:
        before, after = quote_context(self.doc.text, start, end)
        return {
            "id": stable_id(kind, start, end, *key),
            "start": start,
            "end": end,
            "text": self.doc.text[start:end],
            "before": before,
            "after": after,
            "score": round(float(score), 3),
            "provenance": Provenance(tagger=TAGGER_VERSION, model=self.model, rule=rule),
        }


def footnote_refs(p: Proposer) -> list[FootnoteRefAnnotation]:
    out = []
    for m in p.doc.markers:
        note = p.doc.note(m.label)
        out.append(FootnoteRefAnnotation(
            **p.base("footnote_ref", m.start, m.end, "reader", 1.0 if note else 0.5, m.label),
            number=m.label, note_kind=m.kind,
            note_start=note.start if note else None, note_end=note.end if note else None,
            note_text=note.text if note else None,
        ))
    return out


def citations(p: Proposer) -> list[CitationAnnotation]:
    out = []
    for note in p.doc.notes:
        for c in parse_note(note.text, note.text_start):
            out.append(CitationAnnotation(
                **p.base("citation", c.start, c.end, "note-citation", 1.0, note.label),
                number=note.label, authors=c.authors, year=c.year, year_suffix=c.year_suffix,
                locator=c.locator, prefix=c.prefix, suffix=c.suffix, ibid=c.ibid, title=c.title,
            ))
    return out


def actors(p: Proposer, sdoc: Doc) -> list[ActorAnnotation]:
    if "actors" in sdoc.spans:
        spans = [(s, s.label_, s._.canonical, s._.role, s._.rule, s._.score) for s in sdoc.spans["actors"]]
    else:
        spans = [(e, NER_TYPES[e.label_], _slug(e.text), None, "ner", 0.5)
                 for e in sdoc.ents if e.label_ in NER_TYPES]
    out = []
    for span, type_, canonical, role, rule, score in spans:
        out.append(ActorAnnotation(
            **p.base("actor", span.start_char, span.end_char, rule or "actors", score or 0.5, type_, canonical),
            type=type_, canonical=canonical or _slug(span.text), role=role,
        ))
    return out


def claims(p: Proposer, sdoc: Doc) -> list[ClaimAnnotation]:
    out = [_claim(p, span) for span in sdoc.spans.get("claims", [])]
    markers = [(m.label, m.start) for m in p.doc.markers]
    for start, end, labels in cited_clauses(sdoc, markers):
        out.append(ClaimAnnotation(
            **p.base("claim", start, end, "cited-clause", 0.9, "cited", *labels),
            claim_kind="cited", footnotes=labels,
        ))
    return out


def _claim(p: Proposer, span: Span) -> ClaimAnnotation:
    info = dict(span._.claim or {})
    kind = span.label_
    return ClaimAnnotation(
        **p.base("claim", span.start_char, span.end_char, span._.rule or "claims", span._.score or 0.5,
                 kind, info.get("speaker"), info.get("cue_start")),
        claim_kind=kind, speaker=info.get("speaker"), channel=info.get("channel"),
        cue=info.get("cue"), cue_start=info.get("cue_start"), cue_end=info.get("cue_end"),
        mode=info.get("mode"),
    )


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def propose(doc: Document, sdoc: Doc, model: str | None = None) -> AnnotationFile:
    p = Proposer(doc, model)
    found = footnote_refs(p) + citations(p) + actors(p, sdoc) + claims(p, sdoc)
    unique = {a.id: a for a in found}
    return AnnotationFile(doc=doc.name, sha256=doc.sha256, tagger=TAGGER_VERSION, annotations=list(unique.values()))


def tag(docs: Iterable[Document], nlp: Language, model: str | None = None,
        jobs: int = 1, batch_size: int = 4) -> Iterator[AnnotationFile]:
    """Run the NLP pass over documents, yielding proposals in input order."""
    docs = list(docs)
    longest = max((len(d.text) for d in docs), default=0)
    nlp.max_length = max(nlp.max_length, longest + 1)
    bodies = (d.body() for d in docs)
    for doc, sdoc in zip(docs, nlp.pipe(bodies, n_process=jobs, batch_size=batch_size)):
        yield propose(doc, sdoc, model)
