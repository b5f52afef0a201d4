"""Actor quality on the gold files, and what the actor layer costs in speed.

    python bench/actor_quality.py [--errors] [--words 50000]

Prints, per gold file and overall: exact-span precision, recall and F1;
type accuracy and role accuracy on the matched spans; B-cubed F1 of the canonical clusters
over the matched mentions (ids need not equal the gold's strings, only
group the same mentions). Then times the model alone and the model plus
the actor component on the same texts repeated to about `--words` words.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

from annotator.evaluate import bcubed

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
CORPUS = ROOT / "corpus"


def gold_pairs(gold_dir: Path = GOLD) -> list[tuple[Path, dict]]:
    """(document path, gold) matched by the sha256 of the file's bytes; texts
    are looked for in corpus/ and beside the gold files."""
    texts = list(CORPUS.glob("*.txt")) + list(gold_dir.glob("*.txt"))
    by_sha = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in texts}
    pairs = []
    for g in sorted(gold_dir.glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        if gold["sha256"] in by_sha:
            pairs.append((by_sha[gold["sha256"]], gold))
    return pairs


def predict(nlp, path: Path) -> dict[tuple[int, int], tuple[str, str, str]]:
    from annotator.readers import read_document

    doc = nlp(read_document(path).body())
    return {(s.start_char, s.end_char): (s.label_, s._.canonical, s._.role) for s in doc.spans["actors"]}


def score(items: list[tuple[dict, dict]]) -> dict[str, float]:
    """items: (gold spans -> (type, canonical, role), predicted spans -> the same)."""
    tp = n_gold = n_pred = same_type = same_role = 0
    clusters = []
    for gold, pred in items:
        n_gold, n_pred = n_gold + len(gold), n_pred + len(pred)
        for span, (gtype, gcanon, grole) in gold.items():
            if span in pred:
                tp += 1
                same_type += pred[span][0] == gtype
                same_role += pred[span][2] == grole
                clusters.append((gcanon, pred[span][1]))
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = {"type": same_type / tp if tp else 0.0, "role": same_role / tp if tp else 0.0}
    return {"P": p, "R": r, "F1": f, **acc, "B3": bcubed(clusters)}


def gold_actors(gold: dict) -> dict[tuple[int, int], tuple[str, str]]:
    return {tuple(a["span"]): (a["type"], a["canonical"], a["role"]) for a in gold["actors"]}


def show_errors(name: str, gold: dict, pred: dict, text: str) -> None:
    for span in sorted(set(gold) | set(pred)):
        g, p = gold.get(span), pred.get(span)
        if g and p and g[0] == p[0] and g[2] == p[2]:
            continue
        where = text[max(0, span[0] - 30):span[1] + 20].replace("\n", " ")
        print(f"  {name} {span} gold={g} pred={p} | {where}")


def timing(words: int, rounds: int = 3) -> tuple[float, float, float]:
    """Seconds for the model alone, model + actors, and the actor component
    alone on already parsed docs: best of `rounds` alternating runs of one
    pipeline (the machine is shared, so single runs are noisy)."""
    from annotator.nlp.pipeline import build
    from annotator.readers import read_document

    texts = [read_document(p).body() for p, _ in gold_pairs()]
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

    nlp = build(components=("annotator_actors",))
    items = []
    for path, gold in gold_pairs(args.gold):
        g, p = gold_actors(gold), predict(nlp, path)
        items.append((g, p))
        row = score([(g, p)])
        print(f"{path.name[:48]:48} " + " ".join(f"{k} {v:.3f}" for k, v in row.items()))
        if args.errors:
            show_errors(path.name[:12], g, p, path.read_text(encoding="utf-8"))
    print(f"{'overall':48} " + " ".join(f"{k} {v:.3f}" for k, v in score(items).items()))
    if args.words:
        base, full, own = timing(args.words)
        print(f"speed: model {base:.2f}s, model+actors {full:.2f}s (ratio {full / base:.3f}); "
              f"actor component alone {own:.2f}s (ratio {(base + own) / base:.3f})")


if __name__ == "__main__":
    main()
