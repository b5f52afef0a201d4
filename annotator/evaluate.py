"""Measure stored annotations against gold files (shaped like the project's
hand-checked gold: footnotes with citations and claims, actors, claims).

Everything not rejected counts as the tagger's answer. Gold documents are
matched to stored annotation files by the sha256 of the source bytes.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from annotator.store import store

from .errors import StoreError
from .workspace import Workspace

CITATION_FIELDS = ("authors", "year", "year_suffix", "locator", "prefix", "suffix")


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


def _span(item: dict) -> tuple[int, int]:
    return tuple(item["span"])


def _score(name: str, gold: set, found: set, note: str = "") -> Score:
    return Score(name=name, tp=len(gold & found), fp=len(found - gold), fn=len(gold - found), note=note)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def footnotes(gold: dict, anns: list) -> tuple[list[Score], list[Rate]]:
    refs = {(a.start, a.end, a.note_start, a.note_end) for a in anns if a.kind == "footnote_ref"}
    want = {(*_span(f["marker"]), *_span(f["note"])) for f in gold["footnotes"]}
    return [_score("footnote markers + notes", want, refs)], []


def citations(gold: dict, anns: list) -> tuple[list[Score], list[Rate]]:
    found = {(a.start, a.end): a for a in anns if a.kind == "citation"}
    want = {_span(c): c for f in gold["footnotes"] for c in f["citations"]}
    rates = []
    matched = [(want[s], found[s]) for s in want.keys() & found.keys()]
    for name in CITATION_FIELDS:
        rates.append(Rate(name=f"citation {name}", hits=sum(g[name] == getattr(a, name) for g, a in matched),
                          total=len(want)))
    core = ("authors", "year", "year_suffix", "locator")
    rates.append(Rate(name="citation authors+year+suffix+locator", total=len(want),
                      hits=sum(all(g[n] == getattr(a, n) for n in core) for g, a in matched)))
    return [_score("citation spans", set(want), set(found))], rates


def actors(gold: dict, anns: list) -> tuple[list[Score], list[Rate], dict]:
    found = {(a.start, a.end): a for a in anns if a.kind == "actor"}
    want = {_span(g): g for g in gold["actors"]}
    both = sorted(want.keys() & found.keys())
    typed = sum(want[s]["type"] == found[s].type for s in both)
    pairs = [(want[s]["canonical"], found[s].canonical) for s in both]
    return ([_score("actor spans", set(want), set(found))],
            [Rate(name="actor type (matched)", hits=typed, total=len(both))], {"pairs": pairs})


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


def cited(gold: dict, anns: list) -> list[Rate]:
    found = [a for a in anns if a.kind == "claim" and a.claim_kind == "cited"]
    total, hit, extent, exact = 0, 0, 0, 0
    for f in gold["footnotes"]:
        g = _span(f["claim"])
        total += 1
        mine = [a for a in found if f["number"] == _int(a.footnotes) and _overlap(g, (a.start, a.end))]
        if not mine:
            continue
        a = mine[0]
        hit += 1
        ov = _overlap(g, (a.start, a.end))
        extent += ov >= 0.8 * (g[1] - g[0]) and (a.end - a.start - ov) <= 0.2 * (g[1] - g[0])
        exact += (a.start, a.end) == g
    return [Rate(name="cited claims found", hits=hit, total=total),
            Rate(name="cited claims right extent", hits=extent, total=total),
            Rate(name="cited claims boundary-exact", hits=exact, total=total)]


def _int(labels: list[str]) -> int | None:
    return int(labels[0]) if labels and labels[0].isdigit() else None


def claims(gold: dict, anns: list, ids: dict[str, str], kind: str, speaker: bool) -> Score:
    """Half-overlap matching (of the gold span), one-to-one, optional speaker check."""
    want = [g for g in gold["claims"] if g["kind"] == kind]
    found = [a for a in anns if a.kind == "claim" and a.claim_kind == kind]
    used, tp = set(), 0
    for g in want:
        gs = _span(g)
        fits = [i for i, a in enumerate(found)
                if i not in used and _overlap(gs, (a.start, a.end)) * 2 >= (gs[1] - gs[0])]
        if speaker:  # one claim per speaker may share a span ("UNHCR and IOM asked"): pair like with like
            fits = [i for i in fits if ids.get(found[i].speaker, found[i].speaker) == g["speaker"]]
        if fits:
            used.add(fits[0])
            tp += 1
    label = f"{kind} claims" + (" (span + speaker)" if speaker else " (span)")
    return Score(name=label, tp=tp, fp=len(found) - tp, fn=len(want) - tp)


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


def evaluate_pairs(pairs: list[tuple[dict, list]]) -> Report:
    scores, rates, actor_pairs = [], [], []
    for gold, anns in pairs:
        for fn in (footnotes, citations):
            s, r = fn(gold, anns)
            scores += s
            rates += r
        s, r, extra = actors(gold, anns)
        scores, rates, actor_pairs = scores + s, rates + r, actor_pairs + extra["pairs"]
        rates += cited(gold, anns)
    ids = id_map(actor_pairs)
    for gold, anns in pairs:
        for kind in ("attributed", "authorial"):
            scores.append(claims(gold, anns, ids, kind, speaker=False))
        scores.append(claims(gold, anns, ids, "attributed", speaker=True))
    rates = _sum_rates(rates)
    b3 = bcubed(actor_pairs)
    rates.append(Rate(name="actor canonical B-cubed F1 (x1000)", hits=round(b3 * 1000), total=1000))
    return Report(documents=len(pairs), scores=_sum(scores), rates=rates)


def evaluate_workspace(ws: Workspace, gold_dir: Path) -> Report:
    stored_files = {}
    for path in ws.annotation_files():
        afile = store.load(path)
        stored_files[afile.sha256] = afile
    pairs = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = load_gold(path)
        afile = stored_files.get(gold.get("sha256"))
        if afile is None:
            continue
        pairs.append((gold, [a for a in afile.annotations if a.status != "rejected"]))
    if not pairs:
        raise StoreError(f"{gold_dir}: no gold file matches a tagged document (by sha256); run annotator tag first")
    return evaluate_pairs(pairs)


# --- gold files: checked on load, so a wrong one is a one-line error, not a traceback


class _Spanned(BaseModel):
    model_config = ConfigDict(extra="allow")
    span: tuple[int, int]


class _GoldCitation(_Spanned):
    authors: str
    year: str
    year_suffix: str
    locator: str
    prefix: str
    suffix: str


class _GoldFootnote(BaseModel):
    model_config = ConfigDict(extra="allow")
    number: int
    marker: _Spanned
    note: _Spanned
    claim: _Spanned
    citations: list[_GoldCitation]


class _GoldActor(_Spanned):
    type: str
    canonical: str


class _GoldClaim(_Spanned):
    kind: str
    speaker: str | None


class _Gold(BaseModel):
    model_config = ConfigDict(extra="allow")
    sha256: str
    footnotes: list[_GoldFootnote]
    actors: list[_GoldActor]
    claims: list[_GoldClaim]


def load_gold(path: Path) -> dict:
    """One gold file, as the plain dict the scores read; StoreError when it is not one."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text; not a gold file") from None
    except json.JSONDecodeError as err:
        raise StoreError(f"{path}:{err.lineno}:{err.colno}: broken JSON: {err.msg}; not a gold file") from None
    try:
        _Gold.model_validate(gold)
    except ValidationError as err:
        e = err.errors()[0]
        where = ".".join(map(str, e["loc"]))
        raise StoreError(f"{path}: [{where}] {e['msg']}; not a gold file (see tests/data/gold/README.md)") from None
    return gold
