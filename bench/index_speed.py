"""Benchmark `annotator index`: 10,000 documents, 500,000 annotations.

Generates a workspace in a temporary folder (corpus/, annotations/, bib/),
then measures in one process:

* the reference: loading and validating every annotation file (store.load);
* build_index (loads again, reads sources and bib/, formats references with
  citeproc-py, builds the four views);
* rendering Markdown, JSON and HTML.

Peak memory is the process's maximum resident set size (getrusage), taken
after generation, which streams one document at a time and stays small.

    python bench/index_speed.py [--docs 10000] [--entries 1000] [--paragraphs 5] [--keep DIR]
    python bench/index_speed.py --docs 100000 --paragraphs 1     # an archive of short items

`annotator status` (counts per document, read from the JSON only) is timed
on the same workspace. Targets (issues 7, 16): index in < 30 s and < 2 GB.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from annotator.index.build import build_index
from annotator.index.html import render_html
from annotator.index.text import render_json, render_markdown
from annotator.models import AnnotationFile, sha256_bytes, stable_id
from annotator.review.workflow import status
from annotator.store import store
from annotator.workspace import Workspace

PARAGRAPHS = 5  # each holds 10 annotations: 4 actors, 1 marker, 2 citations, 3 claims
VERBS = ["secure", "reshape", "test", "weaken", "strengthen", "fund", "watch", "defend"]
THINGS = ["border", "pipeline", "treaty", "army", "railway", "market", "alliance", "region"]
TYPES = ["person", "state", "organization", "group"]


def actor_pool(n: int) -> list[tuple[str, str, str]]:
    return [(f"Actor{i} {chr(65 + i % 26)}{i % 7}", f"actor-{i}", TYPES[i % 4]) for i in range(n)]


def write_bib(path: Path, entries: int) -> list[str]:
    keys, lines = [], []
    for i in range(entries):
        key = f"author{i}{2000 + i % 24}"
        keys.append(key)
        kind = ("book", "article", "techreport", "incollection")[i % 4]
        lines.append(f"@{kind}{{{key},\n  author = {{Author{i}, Anna and Second{i % 50}, Bo}},\n"
                     f"  title = {{On the {THINGS[i % 8]} of things {i}}},\n  journal = {{Journal {i % 30}}},\n"
                     f"  booktitle = {{Collected {i % 40}}},\n  publisher = {{Press {i % 20}}},\n"
                     f"  institution = {{Institute {i % 10}}},\n  year = {{{2000 + i % 24}}}\n}}\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    return keys


class DocBuilder:
    """One generated document: text and annotation dicts with exact offsets."""

    def __init__(self, rng: random.Random, actors, keys, paragraphs: int = PARAGRAPHS):
        self.rng, self.actors, self.keys, self.paragraphs = rng, actors, keys, paragraphs
        self.parts: list[str] = []
        self.size = 0
        self.anns: list[dict] = []
        self.notes: list[tuple[str, list[str]]] = []

    def add(self, text: str, kind: str | None = None, **fields) -> None:
        if kind:
            status = "proposed" if self.rng.random() < 0.1 else "accepted"
            self.anns.append({"kind": kind, "id": stable_id(kind, self.size, text), "start": self.size,
                              "end": self.size + len(text), "text": text, "score": 0.9,
                              "provenance": {"tagger": "bench", "rule": "bench"}, "review": {"status": status},
                              **fields})
        self.parts.append(text)
        self.size += len(text)

    def actor(self):
        name, canonical, kind = self.rng.choice(self.actors)
        self.add(name, "actor", type=kind, canonical=canonical)
        return canonical

    def paragraph(self, number: int) -> None:
        speaker = self.actor()
        self.add(" said that ")
        claim_at = len(self.anns)
        self.add("", None)
        start = self.size
        self.actor()
        verb, thing = self.rng.choice(VERBS), self.rng.choice(THINGS)
        self.add(f" will {verb} the {thing} of the region")
        self.anns.insert(claim_at, self._claim(start, "attributed", speaker=speaker, cue="said", mode="indirect"))
        self.add(", according to ")
        channel = self.actor()
        self.anns[claim_at]["channel"] = channel
        self.add(". ")
        start, claim_at = self.size, len(self.anns)
        self.add(f"More than {self.rng.randint(2, 900)} million USD were spent by ")
        self.actor()
        self.add(f" on the {self.rng.choice(THINGS)}")
        self.anns.insert(claim_at, self._claim(start, "cited", footnotes=[str(number)]))
        self.add(f"[footnoteRef:{number}]", "footnote_ref", number=str(number))
        self.add(". The main argument here is that ")
        start = self.size
        self.add(f"the {self.rng.choice(THINGS)} won't change much")
        self.anns.append(self._claim(start, "authorial"))
        self.add(".\n")

    def _claim(self, start: int, kind: str, **fields) -> dict:
        text = "".join(self.parts)[start:self.size]
        return {"kind": "claim", "id": stable_id("claim", start, text), "start": start, "end": self.size,
                "text": text, "score": 0.8, "provenance": {"tagger": "bench", "rule": "bench"},
                "review": {"status": "proposed" if self.rng.random() < 0.1 else "accepted"},
                "claim_kind": kind, **fields}

    def note(self, number: int) -> None:
        self.add(f"[{number}:  ")
        for j in range(2):
            key = self.rng.choice(self.keys)
            resolved = self.rng.random() > 0.05
            written = f"Author{key[6:-4]} {key[-4:]}, {self.rng.randint(1, 300)}"
            self.add(written, "citation", number=str(number), authors=f"Author{key[6:-4]}", year=key[-4:],
                     locator=written.rsplit(", ", 1)[1], bib_key=key if resolved else None)
            self.add("; " if j == 0 else ".]  ")

    def build(self, doc_id: int) -> tuple[str, str]:
        self.add(f"Document {doc_id}\n")
        for n in range(1, self.paragraphs + 1):
            self.paragraph(n)
        for n in range(1, self.paragraphs + 1):
            self.note(n)
        self.add("\n")
        return "".join(self.parts), f"doc{doc_id:05d}.txt"


def generate(root: Path, docs: int, entries: int, paragraphs: int = PARAGRAPHS, seed: int = 7) -> int:
    ws = Workspace(root)
    for folder in ("corpus", "annotations", "bib"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    keys = write_bib(ws.bib / "bench.bib", entries)
    rng, actors, total = random.Random(seed), actor_pool(2000), 0
    for i in range(docs):
        builder = DocBuilder(rng, actors, keys, paragraphs)
        text, name = builder.build(i)
        (ws.corpus / name).write_bytes(text.encode("utf-8"))
        data = {"schema_version": 1, "doc": name, "sha256": sha256_bytes(text.encode("utf-8")), "tagger": "bench",
                "annotations": [a for a in builder.anns if a["text"]], "orphans": []}
        total += len(data["annotations"])
        # Through the models and the store's own writer, so files look exactly like saved ones.
        ws.annotation_path(name).write_text(store.dumps(AnnotationFile.model_validate(data)), encoding="utf-8")
    return total


def peak_mb() -> float:
    """Peak resident memory of this process, and of the largest worker process."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, func):
    """Wall time (what a user waits) and CPU time (this process and its workers)."""
    start, cpu = time.perf_counter(), cpu_seconds()
    result = func()
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    print(f"{label:<34} {seconds:7.2f} s wall {cpu:7.2f} s cpu   peak RSS {peak_mb():6.0f} MB "
          f"(largest worker {worker_peak_mb():.0f} MB)", flush=True)
    return result, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=1_000)
    parser.add_argument("--paragraphs", type=int, default=PARAGRAPHS, help="paragraphs (and notes) a document")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--workers", type=int, help="worker processes (default: build_index decides)")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="index-bench-"))
    try:
        return run(root, args.docs, args.entries, args.workers, args.paragraphs)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def load_all(ws: Workspace) -> int:
    """The reference: read and validate every annotation file, keeping nothing."""
    return sum(len(store.load(p).annotations) for p in ws.annotation_files())


def run(root: Path, docs: int, entries: int, workers: int | None, paragraphs: int = PARAGRAPHS) -> int:
    total, _ = timed(f"generate {docs} documents", lambda: generate(root, docs, entries, paragraphs))
    print(f"  {total} annotations, {entries} bibliography entries, in {root}")
    ws = Workspace(root)
    _, reference = timed("reference: load + validate (1 proc)", lambda: load_all(ws))
    rows, status_seconds = timed("annotator status (workflow.status)", lambda: status(ws))
    print(f"  {len(rows)} documents counted")
    index, build = timed("build_index", lambda: build_index(ws, workers=workers))
    print(f"  {len(index.claims)} claims, {len(index.sources)} sources, {len(index.actors)} actors, "
          f"{len(index.problems)} problems")
    spent, slowest = build, 0.0
    for name, render in (("markdown", render_markdown), ("json", render_json), ("html", render_html)):
        text, seconds = timed(f"render {name}", lambda render=render: render(index))
        spent, slowest = spent + seconds, max(slowest, seconds)
        print(f"  {len(text.encode('utf-8')) / 1e6:.1f} MB")
        del text
    peak = max(peak_mb(), worker_peak_mb())
    print(f"one `annotator index` (build + slowest render): {build + slowest:.2f} s; "
          f"build + all three renders: {spent:.2f} s = {spent / reference:.2f}x the load-only reference; "
          f"peak RSS {peak:.0f} MB (targets: < 30 s, < 2048 MB); `annotator status`: {status_seconds:.2f} s")
    return 0 if spent < 30 and peak < 2048 and status_seconds < 30 else 1


if __name__ == "__main__":
    sys.exit(main())
