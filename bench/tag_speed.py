"""Tagging speed: words per second of the full tagging pass against bare
`nlp.pipe` of the same spaCy model on the same text, in the same process.

    python bench/tag_speed.py [--words 100000] [--model NAME]

Prints words/s for: the bare model, the tagging pass (single process), the
tagging pass with --jobs 2, and the ratios the foundation issue asks for.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from annotator import tagging
from annotator.nlp.pipeline import build, load_model, model_label
from annotator.readers import read_document

ROOT = Path(__file__).resolve().parent.parent


def corpus(words: int) -> list:
    docs = [read_document(p) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    per_round = sum(len(d.body().split()) for d in docs)
    rounds = -(-words // per_round)
    return [d.model_copy(update={"name": f"{i}-{d.name}"}) for i in range(rounds) for d in docs]


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--model")
    args = parser.parse_args()
    docs = corpus(args.words)
    words = sum(len(d.body().split()) for d in docs)
    bare, full = load_model(args.model), build(args.model)
    bodies = [d.body() for d in docs]
    # Warm both pipelines once so neither pays first-call costs in the timing.
    list(bare.pipe(bodies[:2]))
    list(tagging.tag(docs[:2], full))
    t_bare = timed(lambda: list(bare.pipe(bodies, batch_size=4)))
    t_tag = timed(lambda: list(tagging.tag(docs, full, model=model_label(full))))
    t_tag2 = timed(lambda: list(tagging.tag(docs, full, model=model_label(full), jobs=2)))
    print(f"text: {len(docs)} documents, {words:,} words; model {model_label(full)}; pipeline {full.pipe_names}")
    print(f"bare nlp.pipe          {words / t_bare:10,.0f} words/s  ({t_bare:.2f} s)")
    print(f"tagging pass, 1 job    {words / t_tag:10,.0f} words/s  ({t_tag:.2f} s)")
    print(f"tagging pass, 2 jobs   {words / t_tag2:10,.0f} words/s  ({t_tag2:.2f} s)")
    print(f"ratio tagging/bare (1 job): {t_bare / t_tag:.2f}x   (target >= 0.9x)")
    print(f"ratio 2 jobs/1 job:         {t_tag / t_tag2:.2f}x   (target >= 1.5x)")


if __name__ == "__main__":
    main()
