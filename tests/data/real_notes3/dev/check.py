#!/usr/bin/env python3
"""Consistency checker for the real_notes3 gold set (stand-alone; standard library only).

Usage:  python3 tests/data/real_notes3/dev/check.py [DIR ...]      (default: the folder holding this file)

For every <doc>.json next to a <doc>.md it verifies:
  * sha256 of the .md bytes equals the gold's "sha256", and "source" names the .md;
  * every span [start, end) is inside the text and text[start:end] == the stored "text"
    (markers, notes, citations, claims);
  * each marker is a Markdown footnote reference "[^N]" whose label equals the footnote's number,
    and each note starts with "[^N]:" for the same N;
  * every marker in the .md pairs with exactly one gold footnote and every "[^N]:" definition in the
    .md is a gold note (no marker without a note, no note without a marker, no duplicate labels);
  * note_text equals the note without its "[^N]:" prefix, stripped;
  * every citation lies inside its note (after the "[^N]:" prefix), citations do not overlap, and
    the required fields are present and are strings (bib_key: string or null);
  * a claim (when not null) ends before its marker, with at most a few characters of punctuation,
    quotes, markup or spaces in between, and lies in the body (not inside a note definition);
  * lists are sorted by span start;
  * when a <doc>.bib exists, every non-null bib_key is an entry key of that file, and no bib_key is
    set when there is no .bib.
Prints one line per document and every fault; exits 1 if any fault was found.
"""
import hashlib
import json
import re
import sys
from pathlib import Path

CIT_FIELDS = ("authors", "year", "year_suffix", "locator", "prefix", "suffix")
DEF_RE = re.compile(r"^\[\^([^\]\s]+)\]:", re.M)
REF_RE = re.compile(r"(?<!\\)\[\^([^\]\s]+)\](?!:)")
GAP_RE = re.compile(r"[\s.,;:?!\"'\u201d\u2019*)%}_]*")


def check_span(text, obj, where, faults):
    span = obj.get("span")
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        faults.append(f"{where}: bad span {span!r}")
        return None
    s, e = span
    if not (0 <= s <= e <= len(text)):
        faults.append(f"{where}: span {span} outside text of length {len(text)}")
        return None
    if text[s:e] != obj.get("text"):
        faults.append(f"{where}: text mismatch: slice {text[s:e]!r} != stored {obj.get('text')!r}")
    return s, e


def bib_keys(path):
    return set(re.findall(r"^\s*@\w+\s*\{\s*([^,\s]+)\s*,", path.read_text(encoding="utf-8"), re.M))


def check_doc(js_path):
    faults = []
    md_path = js_path.with_suffix(".md")
    if not md_path.exists():
        return [f"no text file {md_path.name}"], {}
    raw = md_path.read_bytes()
    text = raw.decode("utf-8")
    gold = json.loads(js_path.read_text(encoding="utf-8"))
    if gold.get("source") != md_path.name:
        faults.append(f"source {gold.get('source')!r} != {md_path.name!r}")
    if gold.get("sha256") != hashlib.sha256(raw).hexdigest():
        faults.append("sha256 does not match the .md bytes")
    for key in ("footnotes", "actors", "claims"):
        if not isinstance(gold.get(key), list):
            faults.append(f"missing list {key!r}")
    bib_path = js_path.with_suffix(".bib")
    keys = bib_keys(bib_path) if bib_path.exists() else None

    def_labels = [m.group(1) for m in DEF_RE.finditer(text)]
    def_starts = {m.start(): m.group(1) for m in DEF_RE.finditer(text)}
    refs = [(m.start(), m.end(), m.group(1)) for m in REF_RE.finditer(text)]
    dup = {x for x in def_labels if def_labels.count(x) > 1}
    if dup:
        faults.append(f"duplicate note labels in text: {sorted(dup)}")

    fns = gold.get("footnotes", [])
    seen_markers, seen_notes = set(), set()
    note_ranges = []
    prev_marker = -1
    n_cit = n_ibid = n_claim = 0
    for f in fns:
        num = f.get("number")
        w = f"note {num}"
        if not isinstance(num, int):
            faults.append(f"{w}: number is not an int")
        if f.get("kind") != "footnote":
            faults.append(f"{w}: kind {f.get('kind')!r}")
        mk = check_span(text, f.get("marker", {}), w + " marker", faults)
        nt = check_span(text, f.get("note", {}), w + " note", faults)
        if mk:
            if mk[0] < prev_marker:
                faults.append(f"{w}: footnotes not sorted by marker start")
            prev_marker = mk[0]
            if f["marker"]["text"] != f"[^{num}]":
                faults.append(f"{w}: marker text {f['marker']['text']!r} is not [^{num}]")
            seen_markers.add(mk)
        if not nt:
            continue
        ns, ne = nt
        note_ranges.append((ns, ne))
        prefix = f"[^{num}]:"
        if not text.startswith(prefix, ns):
            faults.append(f"{w}: note does not start with {prefix!r}")
        if def_starts.get(ns) != str(num):
            faults.append(f"{w}: note start is not a definition of label {num} in the text")
        seen_notes.add(ns)
        # the note must run to the end of a line and not swallow another definition
        if ne < len(text) and text[ne] != "\n":
            faults.append(f"{w}: note does not end at a line end")
        if DEF_RE.search(text, ns + 1, ne) and any(ns < s < ne for s in def_starts):
            faults.append(f"{w}: note span contains another definition")
        body_start = ns + len(prefix)
        if f.get("note_text") != text[body_start:ne].strip():
            faults.append(f"{w}: note_text differs from the note without its prefix")
        prev_end = -1
        for i, c in enumerate(f.get("citations", [])):
            cw = f"{w} citation {i}"
            cs = check_span(text, c, cw, faults)
            if not cs:
                continue
            if not (body_start <= cs[0] and cs[1] <= ne):
                faults.append(f"{cw}: outside its note")
            if cs[0] < prev_end:
                faults.append(f"{cw}: overlaps or is out of order")
            prev_end = cs[1]
            for k in CIT_FIELDS:
                if not isinstance(c.get(k), str):
                    faults.append(f"{cw}: field {k!r} missing or not a string")
            if "bib_key" not in c:
                faults.append(f"{cw}: no bib_key field")
            bk = c.get("bib_key")
            if bk is not None:
                if keys is None:
                    faults.append(f"{cw}: bib_key {bk!r} but no {bib_path.name}")
                elif bk not in keys:
                    faults.append(f"{cw}: bib_key {bk!r} not in {bib_path.name}")
            n_cit += 1
            if re.match(r"\*?(ibid|id)\b", c["text"], re.I):
                n_ibid += 1
        claim = f.get("claim")
        if claim is not None:
            cl = check_span(text, claim, w + " claim", faults)
            n_claim += 1
            if cl and mk:
                gap = text[cl[1]:mk[0]]
                if cl[1] > mk[0] or len(gap) > 6 or not GAP_RE.fullmatch(gap):
                    faults.append(f"{w}: claim does not end just before the marker (gap {gap!r})")
    for (ns, ne) in note_ranges:
        for f in fns:
            c = f.get("claim")
            if c and ns <= c["span"][0] < ne:
                faults.append(f"note {f.get('number')}: claim lies inside a note definition")
    # pairing against the text itself
    for s, e, label in refs:
        if (s, e) not in seen_markers:
            faults.append(f"marker [^{label}] at {s} has no gold footnote")
    for s, label in def_starts.items():
        if s not in seen_notes:
            faults.append(f"note [^{label}]: at {s} has no gold footnote")
    ref_labels = [lab for _, _, lab in refs]
    for lab in set(ref_labels):
        if lab not in def_labels:
            faults.append(f"marker [^{lab}] has no definition in the text")
    for lab in def_labels:
        if lab not in ref_labels:
            faults.append(f"definition [^{lab}] has no marker in the text")
    stats = dict(notes=len(fns), citations=n_cit, ibid=n_ibid, claims=n_claim,
                 commentary=sum(1 for f in fns if not f.get("citations")))
    return faults, stats


def main(argv):
    dirs = [Path(a) for a in argv] or [Path(__file__).resolve().parent]
    total = 0
    agg = dict(notes=0, citations=0, ibid=0, claims=0, commentary=0)
    for d in dirs:
        for js in sorted(d.glob("*.json")):
            faults, stats = check_doc(js)
            total += len(faults)
            for k in agg:
                agg[k] += stats.get(k, 0)
            status = "ok" if not faults else f"{len(faults)} fault(s)"
            print(f"{js.stem}: {status}  {stats}")
            for flt in faults:
                print("   -", flt)
    print(f"TOTAL {agg}  faults={total}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
