"""Citation → bibliography entry, with a score, a reason and, when the
bibliography cannot tell, the candidates. Nothing is guessed: an unresolved or
ambiguous citation keeps `bib_key = None` and says why."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from annotator.citations.pandoc import key_of
from annotator.models import AnnotationFile, Candidate, CitationAnnotation, ClaimAnnotation, Source
from annotator.nlp.knowledge.load import package_scores
from annotator.store.follow import sources_kept

from .bibtex import BibEntry, Bibliography
from .fields import doi_index, item_key, match_item
from .names import author_score, cited_names, fold, index_keys, lookup_keys
from .readings import page_span, reparse, retry

# Thresholds and confidence factors are data: annotator/data/scores.json, "linking".
LIMITS = package_scores().linking
# Opens the reason of a citation that several entries fit equally well. Its
# candidates are the choice to make; an unresolved citation's candidates (the
# author's works of other years) are only hints.
AMBIGUOUS = "ambiguous"
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


@dataclass
class Link:
    key: str | None
    score: float
    reason: str
    candidates: list[Candidate] = field(default_factory=list)
    locator: str | None = None  # set when linking reads the locator differently from the parser


def _date_sort(e: BibEntry) -> tuple[int, int]:
    """Month and day, the order in which citeproc hands out year suffixes."""
    m = re.match(r"\d{4}-(\d{1,2})(?:-(\d{1,2}))?", e.fields.get("date", ""))
    if m:
        return int(m.group(1)), int(m.group(2) or 0)
    month = _MONTHS.get(e.fields.get("month", "")[:3].lower(), 0)
    day = re.match(r"\d+", e.fields.get("day", ""))
    return month, int(day.group()) if day else 0


def _title_sort(title: str) -> str:
    return re.sub(r"^(the|a|an) ", "", fold(title))


def _year_parts(e: BibEntry) -> tuple[str, str]:
    m = re.match(r"\s*(\d{4})([a-z]?)", e.year)
    return (m.group(1), m.group(2)) if m else (e.year.strip(), "")


class Resolver:
    """An index over the entries; `resolve` takes a citation's fields."""

    def __init__(self, entries: Iterable[BibEntry] | Bibliography):
        items = entries.entries if isinstance(entries, Bibliography) else entries
        self.entries = [e for e in items if not e.duplicate]
        self.index: dict[str, list[BibEntry]] = defaultdict(list)
        for e in self.entries:
            for k in index_keys(e):
                self.index[k].append(e)
        self.keys = list(self.index)
        self.by_key = {e.key: e for e in self.entries}
        self.by_doi = doi_index(self.entries)
        self.suffix = self._assign_suffixes()

    def _assign_suffixes(self) -> dict[str, str]:
        """Same authors, same year: letters a, b, c by date, then title, as citeproc does."""
        groups: dict[tuple, list[BibEntry]] = defaultdict(list)
        for e in self.entries:
            names = tuple(fold(n.last) for n in e.authors)
            groups[(names, _year_parts(e)[0])].append(e)
        out: dict[str, str] = {}
        for group in groups.values():
            if len(group) == 1:
                out[group[0].key] = _year_parts(group[0])[1]
                continue
            explicit = {e.key: _year_parts(e)[1] for e in group if _year_parts(e)[1]}
            ordered = sorted(group, key=lambda e: (_date_sort(e), _title_sort(e.title), e.key))
            for i, e in enumerate(ordered):
                out[e.key] = explicit.get(e.key) or (chr(ord("a") + i) if len(group) > 1 and i < 26 else "")
        return out

    def _pool(self, authors: str) -> list[BibEntry]:
        seen: dict[str, BibEntry] = {}
        for k in lookup_keys(authors):
            for e in self.index.get(k, ()):
                seen.setdefault(e.key, e)
        if not seen and self.keys:
            # transliteration variants and typos: nearest index keys only
            near = process.extract(fold(authors), self.keys, scorer=fuzz.ratio,
                                   score_cutoff=LIMITS.author_key_cutoff, limit=5)
            for k, _, _ in near:
                for e in self.index[k]:
                    seen.setdefault(e.key, e)
        return list(seen.values())

    def resolve(self, authors: str, year: str = "", year_suffix: str = "", title: str = "") -> Link:
        scored = [(author_score(authors, e), e) for e in self._pool(authors)]
        scored = [(s, e) for s, e in scored if s >= LIMITS.author_min]
        if not scored:
            return Link(None, 0.0, f"no entry by '{authors}'" if authors.strip() else "no author to look up")
        reason = "author"
        if len(scored) > 1 and cited_names(authors)[1]:
            # "Laruelle et al." stands for three or more authors in every common
            # style (two are always written out): a two-author work by Laruelle is
            # a weaker reading, kept only when nothing else fits.
            many = [(s, e) for s, e in scored if len(e.authors) >= 3]
            if many:
                scored, reason = many, "author (et al.: three or more)"
        undated = [(s, e) for s, e in scored if not _year_parts(e)[0]]
        if year == "n.d." and undated:
            scored, reason = undated, "author+n.d."
        if year and year != "n.d.":
            same = [(s, e) for s, e in scored if _year_parts(e)[0] == year]
            if not same:
                return Link(None, 0.0, f"no entry by '{authors}' in {year}", _cands(scored))
            scored, reason = same, "author+year"
            if year_suffix:
                scored, reason = self._by_suffix(scored, year_suffix), reason + "+suffix"
                if not scored:
                    return Link(None, 0.0, f"no entry '{authors} {year}{year_suffix}'", _cands(same))
        return _decide(scored, title, reason)

    def _by_suffix(self, scored: list, suffix: str) -> list:
        return [(s, e) for s, e in scored if self.suffix.get(e.key, "") == suffix]


def _cands(scored: list) -> list[Candidate]:
    ranked = sorted(scored, key=lambda x: (-x[0], x[1].key))
    return [Candidate(key=e.key, score=round(s, 3)) for s, e in ranked[:10]]


def title_score(short: str, entry: BibEntry) -> float:
    """A short title is the head of the full one (Chicago drops the subtitle)."""
    a = fold(short)
    best = 0.0
    for full in (entry.title, entry.fields.get("shorttitle", "")):
        b, head = fold(full), fold(re.split(r"[:.?!]", full)[0])
        if a and b:
            best = max(best, fuzz.ratio(a, head), fuzz.ratio(a, b), fuzz.partial_ratio(a, b) if len(a) >= 8 else 0)
    if not set(re.findall(r"\d+", a)) <= set(re.findall(r"\d+", fold(entry.title))):
        best /= 2  # "Opium Survey 2021" is not "Opium Survey 2018": numbers must agree
    return best / 100


def _decide(scored: list, title: str, reason: str) -> Link:
    if title:
        ranked = sorted(((s * title_score(title, e), s, e) for s, e in scored), key=lambda x: (-x[0], x[2].key))
        best, s, e = ranked[0]
        if len(ranked) == 1:
            if best >= LIMITS.title_min:
                return Link(e.key, round(best, 3), reason + "+title")
            score = round(LIMITS.title_differs * s, 3)
            return Link(e.key, score, reason + " (only entry by this author; title differs)")
        if best >= LIMITS.title_min and ranked[1][0] <= best - LIMITS.title_margin:
            return Link(e.key, round(best, 3), reason + "+title")
        return Link(None, 0.0, f"{AMBIGUOUS}: title '{title}' does not single out one entry",
                    _cands([(x, y) for x, _, y in ranked]))
    if len(scored) > 1:
        return Link(None, 0.0, f"{AMBIGUOUS}: {len(scored)} entries match ({reason})", _cands(scored))
    s, e = scored[0]
    return Link(e.key, round(s, 3), reason)


def is_ambiguous(c: CitationAnnotation) -> bool:
    """Unlinked because more than one entry fits, not because none does."""
    return not c.bib_key and bool(c.candidates) and (c.link_reason or "").startswith(AMBIGUOUS)


def resolve_citation(resolver: Resolver, c: CitationAnnotation) -> Link:
    """One citation (not Ibid.), with retries for readings the parser could not settle."""
    key = key_of(c.text)
    if key:  # a pandoc citation names its entry
        if key in resolver.by_key:
            return Link(key, 1.0, "citation key")
        return Link(None, 0.0, f"no entry with key '{key}'")
    parsed = reparse(c)
    if parsed and parsed[0].form == "authors-work":  # "the author's [blog]": which work, the text does not say
        return Link(None, 0.0, "another work of an author cited before: not identified by its text")
    title = c.title or (parsed[0].title if parsed else "")
    link = resolver.resolve(c.authors, c.year, c.year_suffix, title)
    if link.key is None and not link.candidates:
        link = retry(resolver, c, title) or link
    entry = resolver.by_key.get(link.key or "")
    if entry and not c.locator and parsed and parsed[0].pages and link.locator is None:
        # a range the parser withheld as the work's own pages: a pinpoint unless the entry says so
        if page_span(parsed[0].pages) != page_span(entry.fields.get("pages", "")):
            link.locator = parsed[0].pages
    if entry and c.locator and link.locator is None:
        pages = re.sub(r"[-–—]+", "–", entry.fields.get("pages", ""))
        if parsed and parsed[0].form == "full-note" and pages == c.locator:
            link.locator = ""  # a full note without a locator prints the article's page range
        elif entry.title.endswith(" " + c.locator):
            link.locator = ""  # MLA `Smith, Militant Networks after 2001`: the number ends the title
    return link


def item_link(resolver: Resolver, c: CitationAnnotation) -> Link:
    """A reference manager's item links by its own data; one bib/ lacks stands for itself."""
    assert c.item is not None
    found = match_item(c.item, resolver, c.authors)
    if found:
        return Link(found[0], found[1], f"from {c.item.manager} field ({found[2]})")
    return Link(item_key(c.item), 1.0, f"from {c.item.manager} field (no entry in bib/: listed from the field)")


def _ibid_link(previous: list[CitationAnnotation]) -> Link:
    keys = list(dict.fromkeys(c.bib_key for c in previous if c.bib_key))
    if len(keys) == 1 and all(c.bib_key for c in previous):
        return Link(keys[0], 1.0, "ibid: the previous note's source")
    if not previous:
        return Link(None, 0.0, "ibid with no previous note")
    return Link(None, 0.0, "ibid: the previous note has no single linked source",
                [Candidate(key=k, score=LIMITS.ibid_candidate) for k in keys])


def link_citations(citations: list[CitationAnnotation], bib: Iterable[BibEntry] | Bibliography | Resolver
                   ) -> list[CitationAnnotation]:
    """Fill bib_key, link_score, link_reason and candidates; citations in document order.

    Decided citations keep their bib_key: a person's decision outranks the resolver.
    """
    resolver = bib if isinstance(bib, Resolver) else Resolver(bib)
    out: list[CitationAnnotation] = []
    previous: list[CitationAnnotation] = []  # the citations of the last note seen
    current: list[CitationAnnotation] = []
    cited: set[str] = set()
    for c in citations:
        if current and (c.number is None or c.number != current[-1].number):
            previous, current = current, []
        if c.pending:
            link = (item_link(resolver, c) if c.item else _ibid_link(previous) if c.ibid
                    else resolve_citation(resolver, c))
            c = _apply(c, _prefer_cited(link, cited, "cited earlier in this document"))
        if c.bib_key:
            cited.add(c.bib_key)
        current.append(c)
        out.append(c)
    return _second_pass(out, cited)


def _prefer_cited(link: Link, keys: set[str], why: str) -> Link:
    """An ambiguous citation whose candidates include exactly one work this document
    cites elsewhere (a Chicago short note after its full note) takes that work."""
    if link.key or not link.candidates:
        return link
    top = max(cand.score for cand in link.candidates)
    hits = [cand for cand in link.candidates if cand.key in keys and cand.score >= top - LIMITS.cited_margin]
    if len(hits) != 1:
        return link
    return Link(hits[0].key, round(LIMITS.cited_factor * hits[0].score, 3), f"{link.reason}; the only candidate {why}",
                link.candidates, link.locator)


def _second_pass(out: list[CitationAnnotation], keys: set[str]) -> list[CitationAnnotation]:
    done = []
    for c in out:
        if c.pending and not c.bib_key and c.candidates:
            link = _prefer_cited(Link(None, 0.0, c.link_reason or "", c.candidates), keys, "cited in this document")
            c = _apply(c, link) if link.key else c
        done.append(c)
    return done


def _apply(c: CitationAnnotation, link: Link) -> CitationAnnotation:
    update = {"bib_key": link.key, "link_score": link.score, "link_reason": link.reason,
              "candidates": link.candidates}
    if link.locator is not None:
        update["locator"] = link.locator
    return c.model_copy(update=update)


def claim_sources(claim: ClaimAnnotation, citations: list[CitationAnnotation]) -> list[Source]:
    """The sources of a cited claim: the linked citations of its notes, in order."""
    notes, inline = set(claim.footnotes), set(claim.citations)
    found = [Source(key=c.bib_key, locator=c.locator) for c in citations
             if (c.number in notes or c.id in inline) and c.bib_key and c.status != "rejected"]
    return list({(s.key, s.locator): s for s in found}.values())


def fill_sources(claims: list[ClaimAnnotation], citations: list[CitationAnnotation]) -> list[ClaimAnnotation]:
    """Cited claims get their `sources`; other claims are returned unchanged."""
    return [cl.model_copy(update={"sources": claim_sources(cl, citations)}) if cl.claim_kind == "cited" else cl
            for cl in claims]


def link_file(afile: AnnotationFile, bib: Iterable[BibEntry] | Bibliography | Resolver) -> AnnotationFile:
    """Link one document's citations and fill its cited claims' sources. A decided
    claim whose sources come out other than they were needs a new decision
    (`sources_kept`): every re-link (`tag`, `link`) meets that rule here."""
    cites = sorted((a for a in afile.annotations if a.kind == "citation"), key=lambda a: (a.start, a.end))
    linked = {c.id: c for c in link_citations(cites, bib)}
    claims = [a for a in afile.annotations if a.kind == "claim"]
    filled = {c.id: c for c in fill_sources(claims, list(linked.values()))}
    anns = [linked.get(a.id) or filled.get(a.id) or a for a in afile.annotations]
    return sources_kept(afile, afile.model_copy(update={"annotations": anns}))
