"""The index fixture: two documents (an essay with notes, a news item),
their reviewed annotations and a tiny .bib, written into a workspace."""

from __future__ import annotations

from pathlib import Path

from annotator.models import (
    ActorAnnotation,
    AnnotationFile,
    Candidate,
    CitationAnnotation,
    ClaimAnnotation,
    FootnoteRefAnnotation,
    Provenance,
    Review,
    sha256_bytes,
    stable_id,
)
from annotator.store import store
from annotator.workspace import Workspace

DOC = "essay.txt"
NEWS = "news.txt"
ESSAY_TEXT = (
    "Background\n"
    "After 20 years, more than 2 trillion USD spent by the US alone,[footnoteRef:1] and more than 220,000 "
    "war deaths[footnoteRef:2], the Taliban returned to Kabul. Moscow opposed any intervention.[footnoteRef:3]\n"
    "The main argument of this essay is that <script>alert('x')</script> & friends won't change much.\n"
    "[1:  Crawford 2021, 14–15.]  [2:  Crawford and Lutz 2019, 1; Smith 2020.]  [3:  Cooley 2012, 30.]\n"
)
NEWS_TEXT = (
    "date 2021-08-30 Central Asia reacts\n"
    "President Kassym-Jomart Tokayev said that Kazakhstan will not interfere, according to Kazinform.\n"
    "Uzbekistan has closed its border, said Shavkat Mirziyoyev.\n"
)
BIB = r"""
@book{crawford2021, author = {Crawford, Neta C.}, title = {The Pentagon, Climate Change, and War},
  publisher = {MIT Press}, address = {Cambridge, MA}, year = {2021}}
@techreport{crawford2019, author = {Crawford, Neta C. and Lutz, Catherine},
  title = {Human Cost of Post-9/11 Wars}, institution = {Watson Institute, Brown University}, year = {2019}}
@book{cooley2012, author = {Cooley, Alexander},
  title = {Great Games, Local Rules: The New Great Power Contest in Central Asia},
  publisher = {Oxford University Press}, year = {2012}}
@article{evil2020, author = {{Evil Corp}}, title = {Why <script>alert(1)</script> is text},
  journal = {Journal of Tests}, volume = {1}, pages = {1--2}, year = {2020}}
@misc{tass2021b, author = {{TASS}}, year = {2021}, keywords = {stub}}
@misc{tass2021a, author = {{TASS}}, year = {2021}, keywords = {stub}}
"""
TAGGER = "test-0"


def _ann(cls, text: str, source: str, status: str = "accepted", nth: int = 0, **fields):
    start = -1
    for _ in range(nth + 1):
        start = source.index(text, start + 1)
    kind = cls.model_fields["kind"].default
    return cls(id=stable_id(kind, start, text), start=start, end=start + len(text), text=text,
               provenance=Provenance(tagger=TAGGER, rule="test"), review=Review(status=status), **fields)


def _cite(source: str, written: str, number: str, authors: str, year: str, locator: str = "", **fields):
    return _ann(CitationAnnotation, written, source, number=number, authors=authors, year=year,
                locator=locator, **fields)


def essay_annotations() -> AnnotationFile:
    t = ESSAY_TEXT
    anns = [
        _ann(FootnoteRefAnnotation, "[footnoteRef:1]", t, number="1"),
        _cite(t, "Crawford 2021, 14–15", "1", "Crawford", "2021", "14–15", bib_key="crawford2021"),
        _cite(t, "Crawford and Lutz 2019, 1", "2", "Crawford and Lutz", "2019", "1", bib_key="crawford2019"),
        _cite(t, "Smith 2020", "2", "Smith", "2020"),
        _cite(t, "Cooley 2012, 30", "3", "Cooley", "2012", "30", candidates=[
            Candidate(key="cooley2012", score=0.8), Candidate(key="cooley2012b", score=0.8)]),
        _ann(ClaimAnnotation, "more than 2 trillion USD spent by the US alone", t, claim_kind="cited",
             footnotes=["1"]),
        _ann(ClaimAnnotation, "more than 220,000 war deaths", t, claim_kind="cited", footnotes=["2"]),
        _ann(ClaimAnnotation, "Moscow opposed any intervention.", t, claim_kind="cited", footnotes=["3"],
             status="proposed"),
        _ann(ClaimAnnotation, "<script>alert('x')</script> & friends won't change much", t,
             claim_kind="authorial", status="edited"),
        _ann(ActorAnnotation, "US", t, type="state", canonical="united-states"),
        _ann(ActorAnnotation, "the Taliban", t, type="group", canonical="taliban"),
        _ann(ActorAnnotation, "Moscow", t, type="state", canonical="russia", status="proposed"),
        _ann(ActorAnnotation, "Background", t, type="organization", canonical="background", status="rejected"),
    ]
    orphan = ClaimAnnotation(id="clm-orphan", start=0, end=5, text="gone.", claim_kind="authorial",
                             provenance=Provenance(tagger=TAGGER, rule="test"), review=Review(status="accepted"))
    return AnnotationFile(doc=DOC, sha256=sha256_bytes(t.encode()), tagger=TAGGER, annotations=anns, orphans=[orphan])


def news_annotations() -> AnnotationFile:
    t = NEWS_TEXT
    anns = [
        _ann(ActorAnnotation, "Kassym-Jomart Tokayev", t, type="person", canonical="tokayev", role="President"),
        _ann(ActorAnnotation, "Kazakhstan", t, type="state", canonical="kazakhstan"),
        _ann(ActorAnnotation, "Kazinform", t, type="organization", canonical="kazinform"),
        _ann(ActorAnnotation, "Uzbekistan", t, type="state", canonical="uzbekistan"),
        _ann(ActorAnnotation, "Shavkat Mirziyoyev", t, type="person", canonical="mirziyoyev"),
        _ann(ClaimAnnotation, "Kazakhstan will not interfere", t, claim_kind="attributed", speaker="tokayev",
             channel="kazinform", cue="said", mode="indirect"),
        _ann(ClaimAnnotation, "Uzbekistan has closed its border", t, claim_kind="attributed",
             speaker="mirziyoyev", cue="said", mode="direct"),
    ]
    return AnnotationFile(doc=NEWS, sha256=sha256_bytes(t.encode()), tagger=TAGGER, annotations=anns)


def make_workspace(root: Path) -> Workspace:
    """A small workspace: two documents, their annotations, and a tiny .bib."""
    ws = Workspace(root)
    for folder in ("corpus", "annotations", "bib"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name, text, afile in ((DOC, ESSAY_TEXT, essay_annotations()), (NEWS, NEWS_TEXT, news_annotations())):
        (ws.corpus / name).write_bytes(text.encode("utf-8"))
        store.save(ws.annotation_path(name), afile)
    (ws.bib / "sources.bib").write_text(BIB, encoding="utf-8")
    return ws
