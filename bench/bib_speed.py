"""Time loading a generated 10,000-entry .bib and linking 10,000 citations to it.

    python bench/bib_speed.py [N]

The reference is bibtexparser's bare `parse_string` of the same text in the same
process: the difference is what annotator adds (name splitting, LaTeX decoding,
problems). Targets (issue 5): load < 3 s, link < 2 s.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import bibtexparser  # noqa: E402

from annotator.bib.bibtex import load_bib  # noqa: E402
from annotator.bib.link import Resolver, link_citations  # noqa: E402
from annotator.models import CitationAnnotation, Provenance  # noqa: E402

SURNAMES = ["Crawford", "Cooley", "Nexon", "Laruelle", "Peyrouse", "M{\\\"u}ller", "van der Berg", "de Bruijn",
            "Smith", "Khan", "Umarov", "Lemon", "Trenin", "Korolev", "Чоршанбиев", "Иванов", "Standish", "Putz"]
CORPORATE = ["United Nations Office on Drugs and Crime", "TASS", "Radio Free Europe/Radio Liberty", "CSTO",
             "Радио Азаттык", "The New York Times", "France 24", "World Bank"]


def name(rng: random.Random, i: int) -> tuple[str, str]:
    """(BibTeX author field, how an author-date citation writes it)."""
    if rng.random() < 0.15:
        org = f"{rng.choice(CORPORATE)} {i}"
        return "{" + org + "}", org
    people = [(f"{rng.choice(SURNAMES)}{i}", f"A{rng.randint(0, 9)}.") for _ in range(rng.choice([1, 1, 2, 3, 4]))]
    field = " and ".join(f"{last}, {first}" for last, first in people)
    shown = [p[0].replace('{\\"u}', "ü").replace("M{\\\"u}", "Mü") for p in people]
    cited = shown[0] + " et al." if len(shown) >= 4 else " and ".join(shown) if len(shown) < 3 else \
        f"{shown[0]}, {shown[1]}, and {shown[2]}"
    return field, cited


def generate(n: int, seed: int = 7) -> tuple[str, list[tuple[str, str, str]]]:
    rng = random.Random(seed)
    blocks, cites = [], []
    for i in range(n):
        field, cited = name(rng, i)
        year = str(rng.randint(1990, 2023))
        blocks.append(f"@article{{key{i},\n  author = {{{field}}},\n  title = {{Title number {i}: "
                      f"A Study of {{NATO}} and Caf{{\\'e}}s}},\n  journal = {{Journal {i % 50}}},\n"
                      f"  year = {{{year}}},\n  pages = {{1--20}}\n}}\n")
        cites.append((f"key{i}", cited, year))
    return "\n".join(blocks), cites


def timed(label: str, func):
    """Wall and CPU seconds: on a shared machine the CPU time is the steadier figure."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    print(f"{label:55} {time.perf_counter() - wall:7.3f} s wall {time.process_time() - cpu:7.3f} s cpu")
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    text, cites = generate(n)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.bib"
        path.write_text(text, encoding="utf-8")
        timed(f"bibtexparser.parse_string, bare ({n} entries)", lambda: bibtexparser.parse_string(text))
        bib = timed(f"annotator load_bib ({n} entries)", lambda: load_bib(path))
    print(f"  entries {len(bib.entries)}, problems {len(bib.problems)}")
    prov = Provenance(tagger="bench", rule="bench")
    anns = [CitationAnnotation(id=f"c{i}", start=0, end=1, text="", number=str(i), authors=a, year=y,
                               provenance=prov) for i, (_, a, y) in enumerate(cites)]
    resolver = timed("Resolver index", lambda: Resolver(bib))
    linked = timed(f"link_citations ({len(anns)} citations)", lambda: link_citations(anns, resolver))
    right = sum(c.bib_key == key for c, (key, _, _) in zip(linked, cites))
    print(f"  linked right {right}/{len(cites)}, unresolved {sum(c.bib_key is None for c in linked)}")


if __name__ == "__main__":
    main()
