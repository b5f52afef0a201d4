"""Tagging one large text: time and peak memory of the tagging pass against
bare `nlp.pipe` of the same spaCy model on the same text.

    python bench/size_speed.py [--mb 1] [--model NAME] [--only bare|pieces|tag]

The text is the bundled essay repeated (its notes renumbered) up to `--mb`
megabytes. Each run is a child process of its own, so each peak memory
(`ru_maxrss`) is that run's alone; the parent prints the figures and the ratio
the size issue asks for (tagging ≤ 1.5× bare, peak under 1 GB). "pieces" is
the bare model on the pieces that tagging parses one at a time (see
`tagging.pages`): the model's own cost without one huge Doc.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bare: the model on the whole body at once; pieces: the model on the pieces tagging parses; tag: tagging.
MODES = ("bare", "pieces", "tag")
ESSAY = ROOT / "corpus" / "essay-central-asian-security-after-the-taliban.txt"


def large_text(mb: float) -> str:
    """The essay repeated, each copy's notes numbered after the last copy's."""
    essay = ESSAY.read_text(encoding="utf-8")
    notes = max(int(n) for n in re.findall(r"footnoteRef:(\d+)", essay))
    copies = []
    for i in range(max(1, round(mb * 1_000_000 / len(essay.encode())))):
        shift = lambda m, i=i: f"{m.group(1)}{int(m.group(2)) + i * notes}"  # noqa: E731
        copies.append(re.sub(r"(footnoteRef:|\[)(\d+)(?=[\]:])", shift, essay))
    return "\n\n".join(copies)


def run(mode: str, mb: float, model: str | None) -> None:
    """One timed run in this process; prints `seconds peak_mb words`."""
    from annotator.nlp.pipeline import build, load_model, model_label
    from annotator.readers import read_text
    from annotator.tagging.pages import split
    from annotator.tagging.run import tag

    doc = read_text(large_text(mb), "large.txt")
    words = len(doc.body().split())
    if mode in ("bare", "pieces"):
        nlp = load_model(model)
        nlp.max_length = len(doc.text) + 1
        body = doc.body()
        texts = [body[s:e] for s, e in split(body)] if mode == "pieces" else [body]
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=1):
            pass
    else:
        nlp = build(model)
        start = time.perf_counter()
        list(tag([doc], nlp, model=model_label(nlp)))
    seconds = time.perf_counter() - start
    print(f"{seconds:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} {words}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--model")
    parser.add_argument("--only", choices=MODES)
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run(args.child, args.mb, args.model)
        return
    figures = {}
    for mode in [args.only] if args.only else MODES:
        cmd = [sys.executable, __file__, "--mb", str(args.mb), "--child", mode]
        cmd += ["--model", args.model] if args.model else []
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
        seconds, peak, words = float(out[-3]), float(out[-2]), int(out[-1])
        figures[mode] = seconds
        print(f"{mode:5} {seconds:8.1f} s  {words / seconds:8.0f} words/s  peak {peak:6.0f} MB  ({words} words)")
    for base in ("bare", "pieces"):
        if base in figures and "tag" in figures:
            print(f"tag / {base}: {figures['tag'] / figures[base]:.2f} (target ≤ 1.5)")


if __name__ == "__main__":
    main()
