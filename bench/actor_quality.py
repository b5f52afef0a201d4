"""Actor quality on the gold files, and what the actor layer costs in speed.

    python bench/actor_quality.py [--errors] [--words 50000]

Prints, per gold file and overall: exact-span precision, recall and F1;
type accuracy and role accuracy on the matched spans; B-cubed F1 of the
canonical clusters over the matched mentions (ids need not equal the gold's
strings, only group the same mentions). Scored by `annotator.evaluate` on
what tagging with the actor component stores (body and note prose). Then
times the model alone and the model plus the actor component on the same
texts repeated to about `--words` words.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from annotator import evaluate
from annotator.gold import gold_documents as gold_documents_of
from annotator.models import Document

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
CORPUS = ROOT / "corpus"


def gold_documents(gold_dir: Path = GOLD) -> list[tuple[dict, Document]]:
    """Gold files with their texts, looked for in corpus/ and beside the gold."""
    return gold_documents_of(gold_dir, [CORPUS])


def row(report: evaluate.Report) -> str:
    spans = report.score("actor spans")
    figures = {"P": spans.precision, "R": spans.recall, "F1": spans.f1,
               "type": report.rate("actor type (matched)").value, "role": report.rate("actor role (matched)").value,
               "B3": report.rate("actor canonical B-cubed F1 (x1000)").value}
    return " ".join(f"{k} {v:.3f}" for k, v in figures.items())


def show_errors(name: str, gold: dict, anns: list, text: str) -> None:
    want = {tuple(a["span"]): (a["type"], a["canonical"], a["role"]) for a in gold["actors"]}
    found = {(a.start, a.end): (a.type, a.canonical, a.role) for a in anns if a.kind == "actor"}
    for span in sorted(set(want) | set(found)):
        g, p = want.get(span), found.get(span)
        if g and p and g[0] == p[0] and g[2] == p[2]:
            continue
        where = text[max(0, span[0] - 30):span[1] + 20].replace("\n", " ")
        print(f"  {name} {span} gold={g} pred={p} | {where}")


def timing(words: int, rounds: int = 3) -> tuple[float, float, float]:
    """Seconds for the model alone, model + actors, and the actor component
    alone on already parsed docs: best of `rounds` alternating runs of one
    pipeline (the machine is shared, so single runs are noisy)."""
    from annotator.nlp.pipeline import build

    texts = [doc.body() for _, doc in gold_documents()]
    per_round = sum(len(t.split()) for t in texts)
    batch = texts * max(1, round(words / per_round))
    nlp = build(components=("annotator_actors",))
    tagger = nlp.get_pipe("annotator_actors")
    list(nlp.pipe(texts))
    best = [float("inf")] * 3
    for _ in range(rounds):
        with nlp.select_pipes(disable=["annotator_actors"]):
            t0 = time.perf_counter()
            docs = list(nlp.pipe(batch))
            best[0] = min(best[0], time.perf_counter() - t0)
        t0 = time.perf_counter()
        list(nlp.pipe(batch))
        best[1] = min(best[1], time.perf_counter() - t0)
        t0 = time.perf_counter()
        for doc in docs:
            tagger(doc)
        best[2] = min(best[2], time.perf_counter() - t0)
    return best[0], best[1], best[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every missed or wrong span")
    parser.add_argument("--words", type=int, default=50_000, help="words to time (0: skip timing)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold JSON files")
    args = parser.parse_args()
    from annotator.nlp.pipeline import build

    items = gold_documents(args.gold)
    pairs = evaluate.tag_gold(items, build(components=("annotator_actors",)))
    for (gold, anns), (_, doc), report in zip(pairs, items, evaluate.per_document(pairs), strict=True):
        print(f"{doc.name[:48]:48} {row(report)}")
        if args.errors:
            show_errors(doc.name[:12], gold, anns, doc.text)
    print(f"{'overall':48} {row(evaluate.evaluate_pairs(pairs))}")
    if args.words:
        base, full, own = timing(args.words)
        print(f"speed: model {base:.2f}s, model+actors {full:.2f}s (ratio {full / base:.3f}); "
              f"actor component alone {own:.2f}s (ratio {(base + own) / base:.3f})")


if __name__ == "__main__":
    main()
