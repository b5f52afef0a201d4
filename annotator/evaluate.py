"""The one gold scorer: the tagger's annotations against hand-checked gold
files (footnotes with citations and cited claims, actors, claims).

`annotator eval`, the quality tests and `bench/*_quality.py` all score
through here. They differ only in where the annotations come from: stored
in a workspace (`evaluate_workspace`, everything not rejected counts as the
tagger's answer) or tagged afresh with a given pipeline (`tag_gold`). Gold
documents are matched to texts and annotation files by the sha256 of the
source bytes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from annotator.store import store

from .errors import StoreError
from .gold import load_gold
from .models import Document
from .workspace import Workspace

if TYPE_CHECKING:
    from spacy.language import Language

CITATION_FIELDS = ("authors", "year", "year_suffix", "locator", "prefix", "suffix")
Pair = tuple[dict, list]  # a gold document and the tagger's annotations of the same text


class Score(BaseModel):
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    note: str = ""

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Rate(BaseModel):
    name: str
    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0


class Report(BaseModel):
    documents: int = 0
    scores: list[Score] = []
    rates: list[Rate] = []

    def score(self, name: str) -> Score:
        return next(s for s in self.scores if s.name == name)

    def rate(self, name: str) -> Rate:
        return next(r for r in self.rates if r.name == name)

    def figures(self) -> dict[str, float]:
        """Every figure by name: a score's F1, a rate's value."""
        return {s.name: s.f1 for s in self.scores} | {r.name: r.value for r in self.rates}


# --- gold documents tagged afresh


def tag_gold(items: list[tuple[dict, Document]], nlp: Language) -> list[Pair]:
    """Tag the gold documents' texts with `nlp`, as `annotator tag` would."""
    from annotator.tagging.run import tag  # only this path needs spaCy

    files = tag([doc for _, doc in items], nlp)
    return [(gold, afile.annotations) for (gold, _), afile in zip(items, files, strict=True)]


# --- one document's figures


def _span(item: dict) -> tuple[int, int]:
    return tuple(item["span"])


def _score(name: str, gold: set, found: set) -> Score:
    return Score(name=name, tp=len(gold & found), fp=len(found - gold), fn=len(gold - found))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def footnotes(gold: dict, anns: list) -> tuple[list[Score], list[Rate]]:
    refs = {(a.start, a.end, a.note_start, a.note_end) for a in anns if a.kind == "footnote_ref"}
    want = {(*_span(f["marker"]), *_span(f["note"])) for f in gold["footnotes"]}
    return [_score("footnote markers + notes", want, refs)], []


def citations(gold: dict, anns: list) -> tuple[list[Score], list[Rate]]:
    # Gold records the citations of notes only (it has no place for the body's), so a
    # citation found in the body is neither right nor wrong here: it is not scored.
    notes = [_span(f["note"]) for f in gold["footnotes"] if "note" in f]
    found = {(a.start, a.end): a for a in anns if a.kind == "citation"
             and (not notes or any(s <= a.start and a.end <= e for s, e in notes))}
    want = {_span(c): c for f in gold["footnotes"] for c in f["citations"]}
    rates = []
    matched = [(want[s], found[s]) for s in want.keys() & found.keys()]
    for name in CITATION_FIELDS:
        rates.append(Rate(name=f"citation {name}", hits=sum(g[name] == getattr(a, name) for g, a in matched),
                          total=len(want)))
    core = ("authors", "year", "year_suffix", "locator")
    rates.append(Rate(name="citation authors+year+suffix+locator", total=len(want),
                      hits=sum(all(g[n] == getattr(a, n) for n in core) for g, a in matched)))
    scores = [_score("citation spans", set(want), set(found))]
    if any("bib_key" in c for c in want.values()):  # gold that records links (its text came with a .bib)
        scores.append(_score("citation links to bib/ (span + key)",
                             {(s, c["bib_key"]) for s, c in want.items() if c.get("bib_key")},
                             {(s, a.bib_key) for s, a in found.items() if a.bib_key}))
    return scores, rates


def actors(gold: dict, anns: list) -> tuple[list[Score], list[Rate]]:
    """Exact-span mentions; type and role judged on the matched spans."""
    found = {(a.start, a.end): a for a in anns if a.kind == "actor"}
    want = {_span(g): g for g in gold["actors"]}
    both = sorted(want.keys() & found.keys())
    typed = sum(want[s]["type"] == found[s].type for s in both)
    roles = sum(want[s].get("role") == found[s].role for s in both)
    return ([_score("actor spans", set(want), set(found))],
            [Rate(name="actor type (matched)", hits=typed, total=len(both)),
             Rate(name="actor role (matched)", hits=roles, total=len(both))])


def actor_pairs(gold: dict, anns: list) -> list[tuple[str, str]]:
    """(gold canonical, our canonical) for each mention found with its exact span."""
    found = {(a.start, a.end): a.canonical for a in anns if a.kind == "actor"}
    want = {_span(g): g["canonical"] for g in gold["actors"]}
    return [(want[s], found[s]) for s in sorted(want.keys() & found.keys())]


def bcubed(pairs: list[tuple[str, str]]) -> float:
    """B-cubed F1 of predicted clusters against gold clusters over mentions."""
    if not pairs:
        return 0.0
    by_gold, by_pred = defaultdict(list), defaultdict(list)
    for i, (g, p) in enumerate(pairs):
        by_gold[g].append(i)
        by_pred[p].append(i)
    prec = rec = 0.0
    for g, p in pairs:
        same = len(set(by_gold[g]) & set(by_pred[p]))
        prec += same / len(by_pred[p])
        rec += same / len(by_gold[g])
    prec, rec = prec / len(pairs), rec / len(pairs)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def id_map(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Our canonical id → the gold id it most often stands for."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for g, p in pairs:
        votes[p][g] += 1
    return {p: c.most_common(1)[0][0] for p, c in votes.items()}


def cited_claim(note: dict, anns: list):
    """Our cited claim for a gold note: the first that names the note and
    overlaps its gold clause; None if there is none."""
    g = _span(note["claim"])
    return next((a for a in anns if a.kind == "claim" and a.claim_kind == "cited"
                 and str(note["number"]) in a.footnotes and _overlap(g, (a.start, a.end))), None)


def right_extent(gold_span: tuple[int, int], span: tuple[int, int]) -> bool:
    """Covers >= 80% of the gold clause and adds <= 20% of its length."""
    ov, length = _overlap(gold_span, span), gold_span[1] - gold_span[0]
    return ov >= 0.8 * length and (span[1] - span[0] - ov) <= 0.2 * length


def cited(gold: dict, anns: list) -> list[Rate]:
    """Per note: a cited claim found for it (`cited_claim`), of the right
    extent, or with the gold clause's very span (boundary-exact)."""
    total, hit, extent, exact = 0, 0, 0, 0
    for f in gold["footnotes"]:
        if not f.get("claim"):  # a note that backs no clause has no cited claim to find
            continue
        total += 1
        a = cited_claim(f, anns)
        if a is None:
            continue
        hit += 1
        extent += right_extent(_span(f["claim"]), (a.start, a.end))
        exact += (a.start, a.end) == _span(f["claim"])
    return [Rate(name="cited claims found", hits=hit, total=total),
            Rate(name="cited claims right extent", hits=extent, total=total),
            Rate(name="cited claims boundary-exact", hits=exact, total=total)]


def covers(gold_span: tuple[int, int], span: tuple[int, int]) -> bool:
    """A claim matches a gold claim when it covers at least half of its span."""
    return _overlap(gold_span, span) * 2 >= gold_span[1] - gold_span[0]


def claims(gold: dict, anns: list, kind: str, ids: dict[str, str] | None = None, name: str = "") -> Score:
    """Half-overlap matching (of the gold span), one-to-one. With `ids`, the
    speaker must be the gold's too, after mapping our ids through `ids`
    (an empty map compares the ids as tagged)."""
    want = [g for g in gold["claims"] if g["kind"] == kind]
    found = [a for a in anns if a.kind == "claim" and a.claim_kind == kind]
    used, tp = set(), 0
    for g in want:
        fits = [i for i, a in enumerate(found) if i not in used and covers(_span(g), (a.start, a.end))]
        if ids is not None:  # one claim per speaker may share a span ("UNHCR and IOM asked"): pair like with like
            fits = [i for i in fits if ids.get(found[i].speaker, found[i].speaker) == g["speaker"]]
        if fits:
            used.add(fits[0])
            tp += 1
    return Score(name=name or f"{kind} claims", tp=tp, fp=len(found) - tp, fn=len(want) - tp)


def unnamed(gold: dict, anns: list) -> Rate:
    """Gold attributed claims no actor speaks ("officials said"): found when one of
    ours covers the span with no speaker either (the rate issue 13 asks after)."""
    want = [g for g in gold["claims"] if g["kind"] == "attributed" and not g.get("speaker")]
    ours = [(a.start, a.end) for a in anns if a.kind == "claim" and a.claim_kind == "attributed" and not a.speaker]
    hits = sum(any(covers(_span(g), span) for span in ours) for g in want)
    return Rate(name="unnamed-source claims found (span, no speaker)", hits=hits, total=len(want))


# --- totals


def _sum(scores: list[Score]) -> list[Score]:
    total: dict[str, Score] = {}
    for s in scores:
        t = total.setdefault(s.name, Score(name=s.name))
        t.tp, t.fp, t.fn = t.tp + s.tp, t.fp + s.fp, t.fn + s.fn
    return list(total.values())


def _sum_rates(rates: list[Rate]) -> list[Rate]:
    total: dict[str, Rate] = {}
    for r in rates:
        t = total.setdefault(r.name, Rate(name=r.name, hits=0, total=0))
        t.hits, t.total = t.hits + r.hits, t.total + r.total
    return list(total.values())


def _claim_scores(gold: dict, anns: list, ids: dict[str, str]) -> list[Score]:
    return [claims(gold, anns, "attributed", name="attributed claims (span)"),
            claims(gold, anns, "authorial", name="authorial claims (span)"),
            claims(gold, anns, "attributed", ids, name="attributed claims (span + speaker)"),
            claims(gold, anns, "attributed", {}, name="attributed claims (span + speaker id as tagged)")]


def evaluate_pairs(pairs: list[Pair]) -> Report:
    """Totals over all documents. Our actor ids are mapped to the gold's
    through the mentions of all documents at once, and B-cubed is taken
    over all of them: one id means one actor across the collection."""
    scores: list[Score] = []
    rates: list[Rate] = []
    pairs_of_ids: list[tuple[str, str]] = []
    for gold, anns in pairs:
        for fn in (footnotes, citations, actors):
            s, r = fn(gold, anns)
            scores, rates = scores + s, rates + r
        rates += [*cited(gold, anns), unnamed(gold, anns)]
        pairs_of_ids += actor_pairs(gold, anns)
    ids = id_map(pairs_of_ids)
    for gold, anns in pairs:
        scores += _claim_scores(gold, anns, ids)
    rates = _sum_rates(rates)
    b3 = bcubed(pairs_of_ids)
    rates.append(Rate(name="actor canonical B-cubed F1 (x1000)", hits=round(b3 * 1000), total=1000))
    return Report(documents=len(pairs), scores=_sum(scores), rates=rates)


def pooled(reports: list[Report]) -> Report:
    """Several reports as one: counts summed (B-cubed, a rate out of 1000 per
    report, becomes the mean of theirs)."""
    return Report(documents=sum(r.documents for r in reports), scores=_sum([s for r in reports for s in r.scores]),
                  rates=_sum_rates([x for r in reports for x in r.rates]))


def per_document(pairs: list[Pair]) -> list[Report]:
    """Each document scored alone (its own id map and B-cubed)."""
    return [evaluate_pairs([pair]) for pair in pairs]


def evaluate_workspace(ws: Workspace, gold_dir: Path) -> Report:
    stored = {afile.sha256: afile for afile in map(store.load, ws.annotation_files())}
    pairs = [(gold, [a for a in stored[gold["sha256"]].annotations if a.status != "rejected"])
             for gold in load_gold(gold_dir) if gold.get("sha256") in stored]
    if not pairs:
        raise StoreError(f"{gold_dir}: no gold file matches a tagged document (by sha256); run annotator tag first")
    return evaluate_pairs(pairs)
