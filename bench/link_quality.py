"""Link precision, recall, F1 and locator accuracy per citation style, over the
rendered test set in tests/data/rendered/ (make it with make_rendered_set.py).

    python bench/link_quality.py [-v]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.bib.bibtex import load_bib  # noqa: E402
from annotator.bib.link import Resolver, link_citations  # noqa: E402
from annotator.citations.parse import parse_note  # noqa: E402
from annotator.models import CitationAnnotation, Provenance, stable_id  # noqa: E402
from annotator.readers import read_document  # noqa: E402

RENDERED = ROOT / "tests/data/rendered"


def citations(path: Path) -> list[CitationAnnotation]:
    doc = read_document(path)
    prov = Provenance(tagger="bench", rule="parse_note")
    return [CitationAnnotation(id=stable_id("citation", c.start, c.end), start=c.start, end=c.end, text=c.text,
                               number=n.label, authors=c.authors, year=c.year, year_suffix=c.year_suffix,
                               locator=c.locator, ibid=c.ibid, title=c.title, provenance=prov)
            for n in doc.notes for c in parse_note(n.text, n.text_start)]


def norm_locator(loc: str) -> str:
    return re.sub(r"^(?i:pp?|chapter|chap|ch)\.?\s*", "", loc.strip()).replace("-", "–")


def score(doc: str, resolver: Resolver, verbose: bool) -> Counter:
    truth = json.loads((RENDERED / f"{doc}.truth.json").read_text(encoding="utf-8"))
    linked = link_citations(citations(RENDERED / f"{doc}.txt"), resolver)
    n = Counter(expected=sum(len(t["sources"]) for t in truth))
    for t in truth:
        want = Counter(s["key"] for s in t["sources"])
        locs = {s["key"]: norm_locator(s["locator"]) for s in t["sources"]}
        for c in (c for c in linked if c.number == t["note"]):
            if not c.bib_key:
                if verbose:
                    print(f"  {doc} note {t['note']}: {c.text!r} unresolved: {c.link_reason}")
                continue
            n["predicted"] += 1
            if want[c.bib_key] > 0:
                want[c.bib_key] -= 1
                n["tp"] += 1
                n["locator"] += norm_locator(c.locator) == locs[c.bib_key]
                if verbose and norm_locator(c.locator) != locs[c.bib_key]:
                    print(f"  {doc} note {t['note']}: locator {c.locator!r} != {locs[c.bib_key]!r}")
            elif verbose:
                print(f"  {doc} note {t['note']}: {c.text!r} -> {c.bib_key} is wrong")
    return n


def main() -> None:
    verbose = "-v" in sys.argv
    resolver = Resolver(load_bib(RENDERED / "sources.bib"))
    docs = sorted(p.name.removesuffix(".truth.json") for p in RENDERED.glob("*.truth.json"))
    totals: dict[str, Counter] = {}
    for doc in docs:
        style = re.sub(r"-\d+$", "", doc)
        totals[style] = totals.get(style, Counter()) + score(doc, resolver, verbose)
    print(f"{'style':40} {'docs':>4} {'cites':>5} {'P':>6} {'R':>6} {'F1':>6} {'locator':>8}")
    for style, n in totals.items():
        p = n["tp"] / n["predicted"] if n["predicted"] else 0.0
        r = n["tp"] / n["expected"] if n["expected"] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        loc = n["locator"] / n["tp"] if n["tp"] else 0.0
        count = sum(1 for d in docs if re.sub(r"-\d+$", "", d) == style)
        print(f"{style:40} {count:4d} {n['expected']:5d} {p:6.3f} {r:6.3f} {f1:6.3f} {loc:8.3f}")


if __name__ == "__main__":
    main()
