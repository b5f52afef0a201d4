"""Quality on the real gold sets: each set tagged afresh in a scratch workspace
(its texts in corpus/, its .bib in bib/, as a user would tag them), then scored
by `annotator.evaluate` against its gold.

    python bench/real_quality.py                 # every dev split
    python bench/real_quality.py --blind         # the blind splits too (score them once, at the end)
    python bench/real_quality.py real_news3/dev  # named sets only

One row per set, then the pooled news and notes rows. News: actor mentions,
attributed claims (span + speaker), the same by span alone, and unnamed-source
claims found. Notes: footnotes paired, citation spans, citations with every
field exact, links to the set's .bib, and cited claims of the right extent. A blind split is left
out unless asked for: its figures are read once, after the work they judge.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator import api  # noqa: E402
from annotator.evaluate import Report, evaluate_workspace, pooled  # noqa: E402
from annotator.workspace import init_workspace  # noqa: E402

DATA = ROOT / "tests" / "data"
TEXTS = ("*.txt", "*.md")


def real_sets(blind: bool) -> list[str]:
    sets = sorted(f"{p.parent.name}/{p.name}" for p in DATA.glob("real_*/*") if p.is_dir())
    return [s for s in sets if blind or not s.endswith("/blind")]


def scored(name: str) -> Report:
    """Tag the set's texts in a scratch workspace and score them against its gold."""
    folder = DATA / name
    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "ws")
        for pattern in TEXTS:
            for text in folder.glob(pattern):
                if text.name != "README.md":
                    shutil.copy(text, ws.corpus / text.name)
        for bib in folder.glob("*.bib"):
            shutil.copy(bib, ws.bib / bib.name)
        api.tag(ws)
        return evaluate_workspace(ws, folder)


def prf(report: Report, name: str) -> str:
    s = report.score(name)
    return f"{s.precision:.3f} {s.recall:.3f} {s.f1:.3f}" if s.tp + s.fp + s.fn else "    -     -     -"


def rate(report: Report, name: str) -> str:
    r = report.rate(name)
    return f"{r.hits:>3}/{r.total:<3}" if r.total else "   -   "


def header(first: str, *columns: str) -> str:
    """Column names as wide as the rows' cells: a P R F1 triple is 17 characters."""
    return f"{first:<18} docs  " + "  ".join(f"{c:<17}" if c.endswith("P R F1") else c for c in columns)


def news_row(name: str, report: Report) -> str:
    return (f"{name:<18} {report.documents:>4}  {prf(report, 'actor spans')}  "
            f"{prf(report, 'attributed claims (span + speaker)')}  {prf(report, 'attributed claims (span)')}  "
            f"{rate(report, 'unnamed-source claims found (span, no speaker)')}")


def notes_row(name: str, report: Report) -> str:
    links = next((s for s in report.scores if s.name.startswith("citation links")), None)
    link = f"{links.f1:.3f}" if links is not None and links.tp + links.fp + links.fn else "  -  "
    return (f"{name:<18} {report.documents:>4}  {prf(report, 'footnote markers + notes')}  "
            f"{prf(report, 'citation spans')}  {rate(report, 'citation authors+year+suffix+locator')}  {link}     "
            f"{rate(report, 'cited claims right extent')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", help="sets under tests/data (default: every dev split)")
    parser.add_argument("--blind", action="store_true", help="score the blind splits too")
    args = parser.parse_args()
    names = args.sets or real_sets(args.blind)
    reports = {name: scored(name) for name in names}
    table(header("news set", "actors P R F1", "claims P R F1", "spans P R F1", "unnamed"), news_row,
          {n: r for n, r in reports.items() if "news" in n})
    table(header("notes set", "notes P R F1", "citations P R F1", "fields", "links F1", "cited claims"), notes_row,
          {n: r for n, r in reports.items() if "notes" in n})


def table(head: str, row, reports: dict[str, Report]) -> None:
    """A row per set, then a pooled row per split that more than one set has."""
    if not reports:
        return
    print(head)
    for name, report in reports.items():
        print(row(name, report))
    for label, part in (("dev, pooled", "/dev"), ("blind, pooled", "/blind")):
        chosen = [r for n, r in reports.items() if n.endswith(part)]
        if len(chosen) > 1:
            print(row(label, pooled(chosen)))
    print()

if __name__ == "__main__":
    main()
