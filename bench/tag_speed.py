"""Tagging speed: words per second of the full tagging pass against bare
`nlp.pipe` of the same spaCy model on the same text, in the same process.

    python bench/tag_speed.py [--words 100000] [--repeat 3] [--model NAME]

Prints words/s for: the bare model, the tagging pass (single process), the
tagging pass with --jobs 2, and the ratios the foundation issue asks for.
The three runs take turns for `--repeat` rounds and each keeps its best
time (as `timeit` does): on a shared machine a single round swings by 5%,
as much as the margins measured.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from annotator.nlp.pipeline import build, load_model, model_label
from annotator.readers import read_document
from annotator.tagging.run import tag

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
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model")
    args = parser.parse_args()
    docs = corpus(args.words)
    words = sum(len(d.body().split()) for d in docs)
    bare, full = load_model(args.model), build(args.model)
    bodies = [d.body() for d in docs]
    # Warm both pipelines once so neither pays first-call costs in the timing.
    list(bare.pipe(bodies[:2]))
    list(tag(docs[:2], full))
    runs = {
        "bare": lambda: list(bare.pipe(bodies, batch_size=4)),
        "tag": lambda: list(tag(docs, full, model=model_label(full))),
        "tag2": lambda: list(tag(docs, full, model=model_label(full), jobs=2)),
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, run in runs.items():
            times[name].append(timed(run))
    t_bare, t_tag, t_tag2 = (min(times[name]) for name in runs)
    print(f"text: {len(docs)} documents, {words:,} words; model {model_label(full)}; pipeline {full.pipe_names}")
    print(f"bare nlp.pipe          {words / t_bare:10,.0f} words/s  ({t_bare:.2f} s)")
    print(f"tagging pass, 1 job    {words / t_tag:10,.0f} words/s  ({t_tag:.2f} s)")
    print(f"tagging pass, 2 jobs   {words / t_tag2:10,.0f} words/s  ({t_tag2:.2f} s)")
    print(f"best of {args.repeat} rounds; every round's ratio tagging/bare: "
          + ", ".join(f"{b / t:.2f}x" for b, t in zip(times["bare"], times["tag"])))
    print(f"ratio tagging/bare (1 job): {t_bare / t_tag:.2f}x   (target >= 0.9x)")
    print(f"ratio 2 jobs/1 job:         {t_tag / t_tag2:.2f}x   (target >= 1.5x)")


if __name__ == "__main__":
    main()
