"""Claim quality against the gold files in tests/data/gold.

    python bench/claim_quality.py [--verbose] [--gold-actors]

Prints, per document and in total:
* cited claims: found / extent-ok (covers >= 80% of the gold clause, adds
  <= 20%) / boundary-exact;
* attributed claims: P/R/F1, a match needing the content span to cover at
  least half of the gold span and the speaker to be the gold speaker
  (strict), the gold speaker once our ids are mapped to the gold's through
  the actor mentions, or any speaker (speaker-agnostic);
* authorial claims: recall and precision (same overlap rule).

Scored by `annotator.evaluate` on what tagging stores. With `--gold-actors`
the gold actor mentions replace the actor component's output, which
isolates the claim rules from actor errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator import evaluate  # noqa: E402
from annotator.gold import gold_documents  # noqa: E402
from annotator.models import Document  # noqa: E402
from annotator.nlp.pipeline import build  # noqa: E402
from annotator.tagging.propose import propose  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"


def with_gold_actors(nlp, document: Document, gold: dict) -> list:
    """The document's annotations when the claim layer sees the gold actors."""
    with nlp.select_pipes(disable=[n for n in ("annotator_actors", "annotator_claims") if n in nlp.pipe_names]):
        doc = nlp(document.body())
    spans = []
    for actor in gold["actors"]:
        span = doc.char_span(*actor["span"], label=actor["type"], alignment_mode="expand")
        if span is not None:
            span._.canonical = actor["canonical"]
            spans.append(span)
    doc.spans["actors"] = spans
    return propose(document, nlp.get_pipe("annotator_claims")(doc)).annotations


def show_ids(gold: dict, anns: list) -> None:
    ids = evaluate.id_map(evaluate.actor_pairs(gold, anns))
    speakers = {a.speaker for a in anns if a.kind == "claim"}
    for mine, theirs in sorted(ids.items()):
        if mine != theirs and mine in speakers:
            print(f"  speaker id differs from gold: {mine} -> {theirs}")


def show_cited(gold: dict, anns: list, text: str) -> None:
    for note in gold["footnotes"]:
        g, a = tuple(note["claim"]["span"]), evaluate.cited_claim(note, anns)
        if a is not None and (a.start, a.end) != g:
            good = evaluate.right_extent(g, (a.start, a.end))
            print(f"  cited {note['number']}: {'ok ' if good else 'BAD'} got {text[a.start:a.end]!r}\n"
                  f"{'':14}gold {note['claim']['text']!r}")


def show_claims(gold: dict, anns: list) -> None:
    for kind in ("attributed", "authorial"):
        want = [c for c in gold["claims"] if c["kind"] == kind]
        found = [a for a in anns if a.kind == "claim" and a.claim_kind == kind]

        def near(g, a):
            return evaluate.covers(tuple(g["span"]), (a.start, a.end))

        def same(g, a):
            return near(g, a) and a.speaker == g["speaker"]

        for g in want:
            if not any(same(g, a) for a in found):
                near_by = [f"{a.speaker}:{a.text[:50]!r}" for a in found if near(g, a)]
                print(f"  MISS {kind} {g['speaker']} [{g['cue']}] {g['text'][:70]!r} near={near_by}")
        for a in found:
            if not any(same(g, a) for g in want):
                print(f"  FP   {kind} {a.speaker} [{a.cue}|{a.provenance.rule}] {a.text[:70]!r}")


def prf(s: evaluate.Score) -> str:
    return f"P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}"


def report(r: evaluate.Report) -> None:
    found, ok, exact = (r.rate(f"cited claims {x}") for x in ("found", "right extent", "boundary-exact"))
    n = found.total
    if n:
        print(f"cited: {found.hits}/{n} found, {ok.hits}/{n} extent-ok ({ok.value:.1%}), "
              f"{exact.hits}/{n} boundary-exact ({exact.value:.1%})")
    strict = r.score("attributed claims (span + speaker id as tagged)")
    print(f"attributed (strict speaker):  {prf(strict)}  "
          f"[{strict.tp} of {strict.tp + strict.fn} gold, {strict.tp + strict.fp} proposed]")
    mapped = r.score("attributed claims (span + speaker)")
    print(f"attributed (speaker ids mapped to gold's via actor spans): {prf(mapped)}")
    print(f"attributed (speaker-agnostic): {prf(r.score('attributed claims (span)'))}")
    authorial = r.score("authorial claims (span)")
    print(f"authorial: {prf(authorial)}  [{authorial.tp} of {authorial.tp + authorial.fn} gold, "
          f"{authorial.tp + authorial.fp} proposed]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--gold-actors", action="store_true", help="use the gold actor mentions as speakers")
    args = parser.parse_args()
    nlp = build()
    if "annotator_actors" not in nlp.pipe_names:
        print("note: no annotator_actors component; speakers fall back to NER ids, which differ from gold ids")
    items = gold_documents(GOLD, [ROOT / "corpus"])
    if args.gold_actors:
        pairs = [(gold, with_gold_actors(nlp, document, gold)) for gold, document in items]
    else:
        pairs = evaluate.tag_gold(items, nlp)
    for (gold, anns), (_, document), one in zip(pairs, items, evaluate.per_document(pairs), strict=True):
        print(f"== {gold['source']} ({document.name})")
        if args.verbose:
            show_cited(gold, anns, document.text)
            show_claims(gold, anns)
        show_ids(gold, anns)
        report(one)
    print("== total" + (" (gold actors)" if args.gold_actors else ""))
    report(evaluate.evaluate_pairs(pairs))


if __name__ == "__main__":
    main()
