"""Claim quality against the gold files in tests/data/gold.

    python bench/claim_quality.py [--verbose] [--gold-actors]

Prints, per document and in total:
* cited claims: found / extent-ok (covers >= 80% of the gold clause, adds
  <= 20%) / boundary-exact;
* attributed claims: P/R/F1, a match needing the content span to cover at
  least half of the gold span and the speaker to be the gold speaker
  (strict) or any speaker (speaker-agnostic);
* authorial claims: recall and precision (same overlap rule).

Speakers are compared as canonical ids. With `--gold-actors` the gold actor
mentions replace the actor component's output, which isolates the claim
rules from actor errors.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.nlp.cited import cited_clauses  # noqa: E402
from annotator.nlp.pipeline import build  # noqa: E402
from annotator.readers import read_document  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"


def gold_pairs() -> list[tuple[dict, Path]]:
    """Each gold file with the corpus file of the same sha256."""
    by_hash = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in (ROOT / "corpus").glob("*.txt")}
    pairs = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["sha256"] in by_hash:
            pairs.append((gold, by_hash[gold["sha256"]]))
    return pairs


def tag(nlp, path: Path, gold: dict, gold_actors: bool):
    """The parsed Doc with claims; optionally with the gold actors in place."""
    document = read_document(path)
    if not gold_actors:
        return document, nlp(document.body())
    with nlp.select_pipes(disable=[n for n in ("annotator_actors", "annotator_claims") if n in nlp.pipe_names]):
        doc = nlp(document.body())
    spans = []
    for actor in gold["actors"]:
        span = doc.char_span(*actor["span"], label=actor["type"], alignment_mode="expand")
        if span is not None:
            span._.canonical = actor["canonical"]
            spans.append(span)
    doc.spans["actors"] = spans
    return document, nlp.get_pipe("annotator_claims")(doc)


def cited_figures(document, doc, gold: dict, verbose: bool) -> list[int]:
    got = {}
    for start, end, labels in cited_clauses(doc, [(m.label, m.start) for m in document.markers]):
        for label in labels:
            got[label] = (start, end)
    found = ok = exact = 0
    for note in gold["footnotes"]:
        g = tuple(note["claim"]["span"])
        p = got.get(str(note["number"]))
        if p is None:
            continue
        found += 1
        inter = max(0, min(g[1], p[1]) - max(g[0], p[0]))
        good = inter >= 0.8 * (g[1] - g[0]) and (p[1] - p[0]) - inter <= 0.2 * (g[1] - g[0])
        ok += good
        exact += p == g
        if verbose and p != g:
            print(f"  cited {note['number']}: {'ok ' if good else 'BAD'} got {doc.text[p[0]:p[1]]!r}\n"
                  f"{'':14}gold {note['claim']['text']!r}")
    return [len(gold["footnotes"]), found, ok, exact]


def id_map(doc, gold: dict) -> dict[str, str]:
    """Predicted actor id -> gold id, by majority over mentions with the same span."""
    votes: dict[str, Counter] = {}
    spans = {(s.start_char, s.end_char): s._.canonical for s in doc.spans.get("actors", [])}
    for actor in gold["actors"]:
        mine = spans.get(tuple(actor["span"]))
        if mine:
            votes.setdefault(mine, Counter())[actor["canonical"]] += 1
    return {mine: c.most_common(1)[0][0] for mine, c in votes.items()}


def predictions(doc) -> list[dict]:
    """One row per claim and speaker (a span may carry several speakers)."""
    rows = []
    for span in doc.spans.get("claims", []):
        claim = span._.claim or {}
        for speaker in claim.get("speakers") or [claim.get("speaker")]:
            rows.append({"kind": span.label_, "span": (span.start_char, span.end_char), "text": span.text,
                         "speaker": speaker, "cue": claim.get("cue"), "channel": claim.get("channel"),
                         "rule": claim.get("rule")})
    return rows


def covers(gold_span, pred_span) -> bool:
    inter = min(gold_span[1], pred_span[1]) - max(gold_span[0], pred_span[0])
    return inter >= 0.5 * (gold_span[1] - gold_span[0])


def match(gold: list[dict], pred: list[dict], strict: bool) -> int:
    used, hits = set(), 0
    for g in gold:
        for k, p in enumerate(pred):
            if k in used or not covers(g["span"], p["span"]):
                continue
            if strict and p["speaker"] != g["speaker"]:
                continue
            used.add(k)
            hits += 1
            break
    return hits


def claim_figures(doc, gold: dict, verbose: bool) -> dict[str, list[int]]:
    """[gold, proposed, strict, speaker-agnostic, strict after mapping ids] per kind."""
    pred, ids = predictions(doc), id_map(doc, gold)
    mapped = [{**p, "speaker": ids.get(p["speaker"], p["speaker"])} for p in pred]
    out = {}
    for kind in ("attributed", "authorial"):
        g = [c for c in gold["claims"] if c["kind"] == kind]
        p = [c for c in pred if c["kind"] == kind]
        m = [c for c in mapped if c["kind"] == kind]
        out[kind] = [len(g), len(p), match(g, p, strict=True), match(g, p, strict=False), match(g, m, strict=True)]
        if verbose:
            show(kind, g, p)
    for mine, theirs in sorted(ids.items()):
        if mine != theirs and any(p["speaker"] == mine for p in pred):
            print(f"  speaker id differs from gold: {mine} -> {theirs}")
    return out


def show(kind: str, gold: list[dict], pred: list[dict]) -> None:
    for g in gold:
        hit = [p for p in pred if covers(g["span"], p["span"]) and p["speaker"] == g["speaker"]]
        if not hit:
            near = [f"{p['speaker']}:{p['text'][:50]!r}" for p in pred if covers(g["span"], p["span"])]
            print(f"  MISS {kind} {g['speaker']} [{g['cue']}] {g['text'][:70]!r} near={near}")
    for p in pred:
        if not any(covers(g["span"], p["span"]) and p["speaker"] == g["speaker"] for g in gold):
            print(f"  FP   {kind} {p['speaker']} [{p['cue']}|{p['rule']}] {p['text'][:70]!r}")


def prf(tp_pred: int, tp_gold: int, n_pred: int, n_gold: int) -> str:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f}"


def report(cited: list[int], claims: dict[str, list[int]]) -> None:
    n, found, ok, exact = cited
    if n:
        print(f"cited: {found}/{n} found, {ok}/{n} extent-ok ({ok / n:.1%}), "
              f"{exact}/{n} boundary-exact ({exact / n:.1%})")
    g, p, strict, loose, mapped = claims["attributed"]
    print(f"attributed (strict speaker):  {prf(strict, strict, p, g)}  [{strict} of {g} gold, {p} proposed]")
    print(f"attributed (speaker ids mapped to gold's via actor spans): {prf(mapped, mapped, p, g)}")
    print(f"attributed (speaker-agnostic): {prf(loose, loose, p, g)}")
    g, p, strict, loose, _ = claims["authorial"]
    print(f"authorial: {prf(loose, loose, p, g)}  [{loose} of {g} gold, {p} proposed]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--gold-actors", action="store_true", help="use the gold actor mentions as speakers")
    args = parser.parse_args()
    nlp = build()
    if "annotator_actors" not in nlp.pipe_names:
        print("note: no annotator_actors component; speakers fall back to NER ids, which differ from gold ids")
    cited, claims = [0, 0, 0, 0], {"attributed": [0] * 5, "authorial": [0] * 5}
    for gold, path in gold_pairs():
        print(f"== {gold['source']} ({path.name})")
        document, doc = tag(nlp, path, gold, args.gold_actors)
        one_cited = cited_figures(document, doc, gold, args.verbose)
        one_claims = claim_figures(doc, gold, args.verbose)
        report(one_cited, one_claims)
        cited = [a + b for a, b in zip(cited, one_cited)]
        for kind in claims:
            claims[kind] = [a + b for a, b in zip(claims[kind], one_claims[kind])]
    print("== total" + (" (gold actors)" if args.gold_actors else ""))
    report(cited, claims)


if __name__ == "__main__":
    main()
