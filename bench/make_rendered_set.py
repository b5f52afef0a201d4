"""Render a test set of footnoted documents, one per citation style.

    python bench/make_rendered_set.py            # writes tests/data/rendered/

Each document is in the Word-export shape (`[footnoteRef:N]` markers, `[N:  note]`
blocks) and cites entries of tests/data/rendered/sources.bib; some entries are
never cited (distractors). Next to each `<style>.txt` a `<style>.truth.json`
lists, per note, the keys and locators that were rendered.

Harvard (harvard-cite-them-right) is rendered by citeproc-py with the CSL style it
ships; citeproc-py has no year-suffix or given-name disambiguation, so those are
added afterwards as citeproc-js would. citeproc-py ships no other style, so
chicago-author-date, apa, mla, apsa and chicago-note-bibliography (full notes,
short notes, Ibid.) are rendered here following their manuals and CSL files.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import warnings
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.bib.bibtex import BibEntry, BibName, load_bib  # noqa: E402

OUT = ROOT / "tests/data/rendered"
SOURCES = OUT / "sources.bib"
DISTRACTORS = {"crawford2016", "cooley2017dictators", "mearsheimer2001", "unodc2018", "tass2020", "smith2019",
               "eurasianet2019", "laruelle2013"}
DOCS = 3
STYLES = ["chicago-author-date", "apa", "harvard-cite-them-right", "modern-language-association",
          "american-political-science-association", "chicago-note-bibliography"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PROSE = ["Border security remained the first concern of every government in the region.",
         "Moscow and Beijing coordinated more closely than before.",
         "The withdrawal changed the calculus of smaller states.",
         "Observers disagreed about the durability of the new order.",
         "Trade routes through the region were rerouted within months."]


def family(n: BibName) -> str:
    return n.last if n.corporate or not n.von else f"{n.von} {n.last}"


def given_first(n: BibName) -> str:
    return n.full() if not n.corporate else n.last


def initials(n: BibName) -> str:
    return " ".join(p[0] + "." for p in n.first.split() if p) if n.first else ""


def join_names(names: list[str], conj: str, serial: bool, etal_min: int) -> str:
    if len(names) >= etal_min:
        return f"{names[0]} et al."
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} {conj} {names[1]}"
    return ", ".join(names[:-1]) + ("," if serial else "") + f" {conj} {names[-1]}"


def short_title(e: BibEntry) -> str:
    return e.fields.get("shorttitle") or re.split(r":\s", e.title)[0]


def quoted(e: BibEntry, title: str) -> str:
    """Chicago and MLA quote the titles of parts (articles, web pages); books stay plain in a text export."""
    return f"“{title}”" if e.entry_type in ("article", "misc", "incollection") else title


class Disambiguation:
    """Year suffixes and given names over the entries a document cites, as citeproc-js does."""

    def __init__(self, cited: list[BibEntry], names_of):
        groups: dict[tuple, list[BibEntry]] = defaultdict(list)
        for e in cited:
            groups[(names_of(e), e.year)].append(e)
        self.suffix, self.add_given = {}, set()
        for group in groups.values():
            persons = {tuple(n.full() for n in e.authors) for e in group}
            if len(persons) > 1:  # same surnames, different people: show given names
                self.add_given |= {e.key for e in group}
                continue
            ordered = sorted(group, key=lambda e: (date_key(e), e.title.lower().removeprefix("the ")))
            for i, e in enumerate(ordered):
                self.suffix[e.key] = chr(ord("a") + i) if len(group) > 1 else ""


def date_key(e: BibEntry) -> tuple[int, int]:
    month = e.fields.get("month", "")[:3].lower()
    m = [x[:3].lower() for x in MONTHS].index(month) + 1 if month else 0
    return m, int(e.fields.get("day", 0) or 0)


# --------------------------------------------------------------------------- author-date styles


def author_date(style: str, e: BibEntry, loc: tuple[str, str], d: Disambiguation) -> str:
    given = e.key in d.add_given
    if style == "apa":
        names = [(initials(n) + " " if given and initials(n) else "") + family(n) for n in e.authors]
        text = join_names(names, "&", True, 3) + ", " + e.year + d.suffix.get(e.key, "")
        return text + apa_locator(loc)
    names = [(n.first + " " if given and n.first else "") + family(n) for n in e.authors]
    etal = 4 if style == "chicago-author-date" else 5
    text = join_names(names, "and", True, etal) + " " + e.year + d.suffix.get(e.key, "")
    return text + (", " + label(loc, "chap.") if loc[1] else "")


def label(loc: tuple[str, str], chapter: str) -> str:
    kind, value = loc
    return f"{chapter} {value}" if kind == "chapter" else value


def apa_locator(loc: tuple[str, str]) -> str:
    kind, value = loc
    if not value:
        return ""
    if kind == "chapter":
        return f", Chapter {value}"
    return f", {'pp.' if re.search('[–-]', value) else 'p.'} {value}"


def mla(e: BibEntry, loc: tuple[str, str], by_author: dict) -> str:
    names = join_names([family(n) for n in e.authors], "and", True, 3)
    if len(by_author[tuple(family(n) for n in e.authors)]) > 1:
        names += ", " + quoted(e, short_title(e))
    return names + (" " + label(loc, "ch.") if loc[1] else "")


def harvard(processor, e: BibEntry, loc: tuple[str, str], d: Disambiguation) -> str:
    from citeproc import Citation, CitationItem, Locator

    item = CitationItem(e.key, locator=Locator(loc[0], loc[1])) if loc[1] else CitationItem(e.key)
    citation = Citation([item])
    processor.register(citation)
    text = str(processor.cite(citation, lambda _: None)).strip("()")
    if d.suffix.get(e.key):
        text = re.sub(rf"\b{e.year}\b", e.year + d.suffix[e.key], text, count=1)
    if e.key in d.add_given:
        text = initials(e.authors[0]) + " " + text
    return text


# --------------------------------------------------------------------------- chicago notes


def full_note(e: BibEntry, loc: tuple[str, str]) -> str:
    names = join_names([given_first(n) for n in e.authors], "and", True, 4)
    f = e.fields
    page = label(loc, "chap.") if loc[1] else ""
    place = f"{f['address']}: " if f.get("address") else ""
    if e.entry_type == "article":
        issue = f", no. {f['number']}" if f.get("number") else ""
        return f"{names}, “{e.title},” {f['journal']} {f.get('volume', '')}{issue} ({e.year}): {page or pages(f)}"
    if e.entry_type == "incollection":
        eds = join_names([n.full() for n in parse_editors(f["editor"])], "and", True, 4)
        return (f"{names}, “{e.title},” in {f['booktitle']}, ed. {eds} ({place}{f['publisher']}, {e.year})"
                + (f", {page}" if page else ""))
    if e.entry_type == "misc":
        when = f"{MONTHS[date_key(e)[0] - 1]} {date_key(e)[1]}, {e.year}"
        url = f", {f['url']}" if f.get("url") else ""
        return f"{names}, “{e.title},” {f.get('howpublished', '')}, {when}{url}"
    publisher = f.get("publisher") or f.get("institution", "")
    return f"{names}, {e.title} ({place}{publisher}, {e.year})" + (f", {page}" if page else "")


def pages(f: dict) -> str:
    return f.get("pages", "").replace("--", "–")


def parse_editors(raw: str) -> list[BibName]:
    from annotator.bib.bibtex import parse_name, split_names

    return [parse_name(n) for n in split_names(raw)]


def short_note(e: BibEntry, loc: tuple[str, str]) -> str:
    names = join_names([family(n) for n in e.authors], "and", True, 4)
    title = short_title(e)
    if e.entry_type in ("article", "misc", "incollection"):
        return f"{names}, “{title},”" + (f" {label(loc, 'chap.')}" if loc[1] else "")
    return f"{names}, {title}" + (f", {label(loc, 'chap.')}" if loc[1] else "")


# --------------------------------------------------------------------------- documents


def random_locator(rng: random.Random) -> tuple[str, str]:
    r = rng.random()
    if r < 0.35:
        return "page", ""
    if r < 0.45:
        return "chapter", str(rng.randint(1, 9))
    first = rng.randint(1, 380)
    return ("page", f"{first}–{first + rng.randint(1, 12)}") if r < 0.7 else ("page", str(first))


def fit(e: BibEntry, loc: tuple[str, str]) -> tuple[str, str]:
    """Chapters are cited in books and reports, not in articles or web pages."""
    if e.entry_type == "misc":  # web pages and news items have no pages
        return "page", ""
    if loc[0] == "chapter" and e.entry_type not in ("book", "techreport"):
        return "page", loc[1]
    return loc


def plan(rng: random.Random, cited: list[BibEntry], notes: int = 36) -> list[list[tuple[BibEntry, tuple]]]:
    """Which entries each note cites: every cited entry at least once, some repeats."""
    pool = cited[:]
    rng.shuffle(pool)
    out: list[list] = []
    while len(out) < notes:
        k = rng.choice([1, 1, 1, 2, 3])
        picks = [pool.pop() if pool else rng.choice(cited) for _ in range(k)]
        if out and rng.random() < 0.15:  # the same single source again: Ibid. in note styles
            picks = [out[-1][0][0]]
        picks = list({e.key: e for e in picks}.values())
        out.append([(e, fit(e, random_locator(rng))) for e in picks])
    return out


def render_note(style: str, items: list, seen: set, prev: list, tools: dict, rng: random.Random) -> str:
    if style == "chicago-note-bibliography":
        parts = []
        for e, loc in items:
            if len(items) == 1 and prev and len(prev) == 1 and prev[0][0].key == e.key:
                parts.append("Ibid." if not loc[1] else f"Ibid., {label(loc, 'chap.')}")
            else:
                parts.append(short_note(e, loc) if e.key in seen else full_note(e, loc))
            seen.add(e.key)
        text = "; ".join(p.rstrip(".") for p in parts)
        text = text[0].upper() + text[1:]
        # a closing quotation mark takes the full stop inside: “Title.”
        return text[:-2] + ".”" if text.endswith(",”") else text + "."
    if style == "harvard-cite-them-right":
        parts = [harvard(tools["processor"], e, loc, tools["d"]) for e, loc in items]
    elif style == "modern-language-association":
        parts = [mla(e, loc, tools["by_author"]) for e, loc in items]
    else:
        parts = [author_date(style, e, loc, tools["d"]) for e, loc in items]
    return "(" + "; ".join(parts) + ")"


def decorate(note: str, rng: random.Random) -> str:
    """Some notes get a lead-in or a closing remark, as essays write them."""
    r = rng.random()
    if r < 0.12 and not note.startswith("Ibid"):
        return "See " + note
    if r < 0.22:
        return note + " " + rng.choice(PROSE)
    return note


def tools_for(style: str, cited: list[BibEntry]) -> dict:
    surnames = lambda e: tuple(family(n) for n in e.authors)  # noqa: E731
    by_author: dict = defaultdict(list)
    for e in cited:
        by_author[surnames(e)].append(e)
    tools = {"d": Disambiguation(cited, surnames), "by_author": by_author}
    if style == "harvard-cite-them-right":
        tools["processor"] = harvard_processor()
    return tools


def harvard_processor():
    import citeproc
    from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.bibtex import BibTeX

    warnings.simplefilter("ignore")
    path = os.path.join(os.path.dirname(citeproc.__file__), "data/styles/harvard-cite-them-right.csl")
    style = CitationStylesStyle(path, validate=False)
    return CitationStylesBibliography(style, BibTeX(str(SOURCES), encoding="utf-8"), formatter.plain)


def document(style: str, entries: list[BibEntry], seed: int) -> tuple[str, list[dict]]:
    rng = random.Random(seed)
    cited = [e for e in entries if e.key not in DISTRACTORS]
    tools = tools_for(style, cited)
    paras, truth, seen, prev, n = [], [], set(), [], 0
    for i, items in enumerate(plan(rng, cited)):
        n += 1
        note = decorate(render_note(style, items, seen, prev, tools, rng), rng)
        prev = items
        truth.append({"note": str(n), "sources": [{"key": e.key, "locator": loc[1], "label": loc[0]}
                                                  for e, loc in items]})
        paras.append((f"{rng.choice(PROSE)[:-1]} in case {i + 1}.[footnoteRef:{n}]", f"[{n}:  {note}]"))
    body = "Rendered test document (" + style + ")\n\n"
    for k in range(0, len(paras), 3):
        chunk = paras[k:k + 3]
        body += " ".join(p for p, _ in chunk) + "  " + "  ".join(b for _, b in chunk) + " \n\n\n"
    return body, truth


def main() -> None:
    entries = load_bib(SOURCES).entries
    for i, style in enumerate(STYLES):
        for k in range(1, DOCS + 1):  # several documents per style, so no figure rests on one file
            text, truth = document(style, entries, seed=1000 * k + i)
            (OUT / f"{style}-{k}.txt").write_text(text, encoding="utf-8")
            (OUT / f"{style}-{k}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                         encoding="utf-8")
            print(f"{style}-{k}: {len(truth)} notes, {sum(len(t['sources']) for t in truth)} citations")


if __name__ == "__main__":
    main()
