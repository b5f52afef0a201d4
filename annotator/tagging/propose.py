"""The one bridge from spaCy Docs (and parsed notes) to our annotation models.

`propose` turns one read `Document` and its processed spaCy `Doc` into an
`AnnotationFile` of proposals. Nothing here touches the disk.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator import TAGGER_VERSION
from annotator.citations.fields import with_fields
from annotator.citations.parse import ParsedCitation, find_inline, parse_note
from annotator.models import (
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
from annotator.nlp.actors.data import slug
from annotator.nlp.cited import cited_clauses
from annotator.nlp.doc_scan import doc_text, release_text

# Raw NER, used only when the actor component is not in the pipeline.
NER_TYPES = {"PERSON": "person", "GPE": "state", "ORG": "organization", "NORP": "group"}


class Proposer:
    """Makes annotations for one document, filling the fields all share."""

    def __init__(self, doc: Document, model: str | None, cites: list[list[ParsedCitation]] | None = None,
                 offset: int = 0):
        self.doc = doc
        self.model = model
        self.cites = parse_notes(doc) if cites is None else cites  # per note, from `parse_notes`
        # Where the processed text starts in the file: a piece of a long body (see `pages`).
        self.offset = offset

    def base(self, kind: str, start: int, end: int, rule: str, score: float, *key: object) -> dict:
        start, end = start + self.offset, end + self.offset
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
    previous: list = []  # the citations of the last note that had any
    earlier: list = []  # every citation so far, for short notes to find their full note
    for note, parsed in zip(p.doc.notes, p.cites):
        for i, c in enumerate(parsed):
            # An Ibid. after a citation of its own note names that one; first in a note, the last note's.
            _complete(c, parsed[i - 1:i] if i else previous, earlier)
        previous = parsed or previous
        earlier += parsed
        for c in parsed:
            out.append(CitationAnnotation(
                **p.base("citation", c.start, c.end, _rule(c, "note-citation"), 1.0, note.label, *_item_key(c)),
                number=note.label, authors=c.authors, year=c.year, year_suffix=c.year_suffix,
                locator=c.locator, prefix=c.prefix, suffix=c.suffix, ibid=c.ibid, title=c.title, item=c.item,
            ))
    return out


def _rule(c: ParsedCitation, rule: str) -> str:
    return f"{c.item.manager.lower()}-field" if c.item else rule


def _item_key(c: ParsedCitation) -> tuple[str, ...]:
    """Items of one field that no printed citation matched share its span: their ids differ by item."""
    return (c.item.manager, c.item.id) if c.item else ()


_ID = re.compile(r"[*_]?id\b", re.IGNORECASE)


def _complete(c, previous: list, earlier: list) -> None:
    """What a note leaves to the reader: "Ibid." names the previous note's one
    source, and a Chicago short note ("Harrington, Valley and Emirate, 88")
    the year of the full note it shortens."""
    # Bluebook's "Id." names the authority cited just before, however many the last note held
    source = previous[-1:] if c.ibid and _ID.match(c.text) else previous
    if c.ibid and not c.authors and len(source) == 1:
        c.authors, c.year, c.year_suffix = source[0].authors, source[0].year, source[0].year_suffix
        if not c.locator:  # a bare Ibid. keeps the earlier locator
            c.locator, c.locator_label = source[0].locator, source[0].locator_label
    elif c.form == "short-note" and not c.year:
        surname = c.authors.split()[-1] if c.authors.split() else ""
        short = c.title.lower().strip(" “”\"‘’,")
        full = [e for e in earlier if e.form == "full-note" and e.year and e.authors.split()[-1:] == [surname]
                and short and short in e.title.lower()]
        if full:
            c.year, c.year_suffix = full[-1].year, full[-1].year_suffix


def actors(p: Proposer, sdoc: Doc, pieces: list[Piece] | None = None) -> list[ActorAnnotation]:
    """Actor mentions of a processed text: the body (offsets are the file's),
    or the note prose joined by `note_prose` (mapped back through `pieces`)."""
    if "actors" in sdoc.spans:
        # One `span._` per span: each access builds a new accessor object.
        found = [(s, s.label_, u.canonical, u.role, u.affiliation, u.rule, u.score)
                 for s in sdoc.spans["actors"] for u in (s._,)]
    else:
        found = [(e, NER_TYPES[e.label_], slug(e.text), None, None, "ner", 0.5)
                 for e in sdoc.ents if e.label_ in NER_TYPES]
    starts = [piece[0] for piece in pieces] if pieces else []
    out = []
    for span, type_, canonical, role, affiliation, rule, score in found:
        start, end = span.start_char, span.end_char
        if pieces:
            at, end_at, offset = pieces[bisect_right(starts, start) - 1]
            if end > end_at:
                continue  # runs from one note into the next: no mention does
            start, end = start - at + offset, end - at + offset
        out.append(ActorAnnotation(
            **p.base("actor", start, end, rule or "actors", score or 0.5, type_, canonical),
            type=type_, canonical=canonical or slug(span.text), role=role, affiliation=affiliation,
        ))
    return out


# (start, end) of a stretch of note prose in the joined text, and where it starts in the file.
Piece = tuple[int, int, int]
NOTE_GAP = "\n\n"  # between notes: a paragraph break, which no sentence or entity crosses
PROSE_RUN = re.compile(r"\S(?:.*\S)?", re.DOTALL)  # a stretch trimmed of the blanks around it


def parse_notes(doc: Document) -> list[list[ParsedCitation]]:
    """Each note's citations (file offsets): read once, for the citation
    annotations and for the note prose between them."""
    return [with_fields(parse_note(note.text, note.text_start), doc.fields, doc.text, note.text_start, note.text_end)
            for note in doc.notes]


def note_prose(doc: Document, cites: list[list[ParsedCitation]] | None = None) -> tuple[str, list[Piece]]:
    """The notes' prose, where actors may stand ("Additionally, Washington
    will …"): each note's text between its citations, as one text for the
    whole document (spaCy's cost per text outweighs a note's few words), and
    the pieces that map it back to the file. Stretches with no letter
    (the "; " between citations) are left out: the model would only parse them."""
    parts: list[str] = []
    pieces: list[Piece] = []
    at = 0
    for note, found in zip(doc.notes, parse_notes(doc) if cites is None else cites):
        bounds = [0] + [x - note.text_start for c in found for x in (c.start, c.end)] + [len(note.text)]
        sep = NOTE_GAP if parts else ""
        for start, end in zip(bounds[::2], bounds[1::2]):
            run = PROSE_RUN.search(note.text, start, end)
            if run is None or not any(ch.isalpha() for ch in run.group()):
                continue
            at += len(sep)
            parts.append(sep + run.group())
            pieces.append((at, at + len(run.group()), note.text_start + run.start()))
            at += len(run.group())
            sep = " "  # stretches of one note: one sentence may run across a citation
    return "".join(parts), pieces


def claims(p: Proposer, sdoc: Doc, inline: list[CitationAnnotation], text: str) -> list[ClaimAnnotation]:
    out = [c for span in sdoc.spans.get("claims", []) for c in _claims(p, span)]
    # Offsets in `text`, which is the file's from `p.offset` on: a piece holds only its own markers.
    markers = [(m.label, here) for m in p.doc.markers if 0 <= (here := m.start - p.offset) < len(text)]
    markers += [(c.id, at) for c in inline if (at := _opening_paren(text, c.start - p.offset)) is not None]
    inline_ids = {c.id for c in inline}
    for start, end, labels in cited_clauses(sdoc, markers, text):
        notes = [label for label in labels if label not in inline_ids]
        out.append(ClaimAnnotation(
            **p.base("claim", start, end, "cited-clause", 0.9, "cited", *labels),
            claim_kind="cited", footnotes=notes, citations=[label for label in labels if label in inline_ids],
        ))
    return out


def _claims(p: Proposer, span: Span) -> list[ClaimAnnotation]:
    """One annotation per speaker: "Both Beijing and Dushanbe deny …" is two claims."""
    info = dict(span._.claim or {})
    kind = span.label_
    rule = info.get("rule") or span._.rule or "claims"
    score = info.get("score") or span._.score or 0.5
    speakers = info.get("speakers") or [info.get("speaker")]
    return [ClaimAnnotation(
        **p.base("claim", span.start_char, span.end_char, rule, score, kind, speaker, info.get("cue_start")),
        claim_kind=kind, speaker=speaker, channel=info.get("channel"),
        cue=info.get("cue"), cue_start=info.get("cue_start"), cue_end=info.get("cue_end"),
        mode=info.get("mode"), source=info.get("source") if speaker is None else None,
    ) for speaker in speakers]


def _opening_paren(text: str, start: int) -> int | None:
    """Where "(Crawford 2021, 14)" opens; None for a narrative "Crawford (2021)",
    whose claim follows the name instead of ending at it."""
    paren = text.rfind("(", max(0, start - 40), start + 1)
    if paren == -1 or ")" in text[paren:start]:
        return None
    return paren


def inline_citations(p: Proposer, body: str) -> list[CitationAnnotation]:
    """Author-date citations in the body text, e.g. "(Crawford 2021, 14)"."""
    notes = [(n.start, n.end) for n in p.doc.notes]
    fields = [f for f in p.doc.fields if not any(s <= f.start < e for s, e in notes)]
    return [CitationAnnotation(
        **p.base("citation", c.start, c.end, _rule(c, "inline-citation"), 0.9, "inline", *_item_key(c)),
        authors=c.authors, year=c.year, year_suffix=c.year_suffix, locator=c.locator,
        prefix=c.prefix, suffix=c.suffix, ibid=c.ibid, title=c.title, item=c.item,
    ) for c in with_fields(find_inline(body), fields, body, 0, len(body))]


def propose(doc: Document, sdoc: Doc, notes: tuple[Doc, list[Piece]] | None = None,
            model: str | None = None, cites: list[list[ParsedCitation]] | None = None) -> AnnotationFile:
    """All proposals for one document: `sdoc` is its processed body, `notes`
    its processed note prose with the pieces from `note_prose` (only their
    actors count: claims and citations stand in the body and the notes' citations);
    `cites`: the notes' citations, if the caller has parsed them."""
    p = Proposer(doc, model, cites)
    found = footnote_refs(p) + citations(p) + body_annotations(p, sdoc)
    if notes is not None:
        found += actors(p, *notes)
    unique = {a.id: a for a in found}
    return AnnotationFile(doc=doc.name, sha256=doc.sha256, tagger=TAGGER_VERSION, annotations=list(unique.values()))


def body_annotations(p: Proposer, sdoc: Doc) -> list:
    """Inline citations, actors and claims of a processed body (or a piece of one)."""
    text = doc_text(sdoc)  # joined once, by the pipeline's rules: the readers below need it too
    inline = inline_citations(p, text)
    found = inline + actors(p, sdoc) + claims(p, sdoc, inline, text)
    release_text(sdoc)
    return found


def propose_all(docs: list[Document], nlp: Language, model: str | None = None,
                batch_size: int = 4) -> Iterator[AnnotationFile]:
    """Proposals for documents, in input order, in this process (each of
    `workers` runs this on its share; `run.tag` chooses between them)."""
    longest = max((len(d.text) for d in docs), default=0)
    nlp.max_length = max(nlp.max_length, longest + 1)
    # Bodies and note prose in two streams: a batch mixing long bodies with
    # short notes ran ~9% slower than the two apart (the model's batches
    # work best on texts of like length).
    cites = [parse_notes(doc) for doc in docs]
    prose = [note_prose(doc, found) for doc, found in zip(docs, cites)]
    bodies = nlp.pipe((doc.body() for doc in docs), batch_size=batch_size)
    notes = nlp.pipe((text for text, pieces in prose if pieces), batch_size=batch_size)
    for doc, sdoc, (_, pieces), found in zip(docs, bodies, prose, cites):
        yield propose(doc, sdoc, (next(notes), pieces) if pieces else None, model, found)
