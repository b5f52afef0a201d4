#!/usr/bin/env python3
"""Check the real_news2 gold files.

Usage: python3 check.py [DIR ...]   (default: this folder)

For every NAME.json in the folder, with its NAME.txt beside it, this verifies:
  - the key set of the file, of each actor and of each claim
  - "source" names the .txt and "sha256" is the hash of the .txt bytes
  - "footnotes" is empty (news texts have none)
  - every span is [start, end) inside the text, and text[start:end] == "text"
  - actors and claims are sorted by span start
  - no two actor spans overlap
  - actor types are person/state/organization/group and canonical ids are
    lowercase-hyphenated; an actor span has no leading "the" and no
    trailing possessive
  - every claim speaker id and channel id is the canonical id of an actor
    mention in the same file
  - claims are kind "attributed", mode direct/indirect, with a non-empty cue;
    "source" is a non-empty string exactly when the speaker is null
  - no claim span starts or ends with whitespace, and none ends with
    punctuation or a quote mark
  - a direct claim starts right after a quote mark (its end may be followed
    by closing punctuation, then the quote mark, or by the end of a
    paragraph when a quote runs on into the next paragraph)
  - the file starts with a header line followed by a blank line, unless the
    stored page had neither headline nor date (then the text starts with
    its first paragraph)
Exit status 0 when every file passes, 1 otherwise.
"""
import hashlib
import json
import os
import re
import sys

TOP_KEYS = {"source", "sha256", "footnotes", "actors", "claims"}
ACTOR_KEYS = {"span", "text", "type", "canonical", "role"}
CLAIM_KEYS = {"kind", "span", "text", "speaker", "cue", "mode", "channel", "source"}
TYPES = {"person", "state", "organization", "group"}
OPEN_QUOTES = "\"“‘'"
CLOSE_QUOTES = "\"”’'"
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_file(json_path):
    errors = []
    err = errors.append
    folder = os.path.dirname(json_path)
    name = os.path.basename(json_path)[:-5]
    try:
        gold = json.load(open(json_path, encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"cannot read JSON: {exc}"]
    txt_path = os.path.join(folder, name + ".txt")
    if not os.path.exists(txt_path):
        return [f"missing text file {name}.txt"]
    raw = open(txt_path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"text is not UTF-8: {exc}"]

    if set(gold) != TOP_KEYS:
        err(f"top-level keys {sorted(gold)} != {sorted(TOP_KEYS)}")
    if gold.get("source") != name + ".txt":
        err(f"source {gold.get('source')!r} != {name + '.txt'!r}")
    sha = hashlib.sha256(raw).hexdigest()
    if gold.get("sha256") != sha:
        err(f"sha256 mismatch: file has {gold.get('sha256')}, text is {sha}")
    if gold.get("footnotes") != []:
        err("footnotes is not an empty list")

    def span_ok(item, what):
        span = item.get("span")
        if (not isinstance(span, list) or len(span) != 2
                or not all(isinstance(x, int) for x in span)):
            err(f"{what}: bad span {span!r}")
            return None
        s, e = span
        if not (0 <= s < e <= len(text)):
            err(f"{what}: span {span} outside text (len {len(text)})")
            return None
        if text[s:e] != item.get("text"):
            err(f"{what}: text {item.get('text')!r} != slice {text[s:e]!r}")
        return s, e

    actors = gold.get("actors", [])
    claims = gold.get("claims", [])
    ids = set()
    prev = None
    spans = []
    for i, a in enumerate(actors):
        what = f"actor {i} {a.get('text')!r}"
        if set(a) != ACTOR_KEYS:
            err(f"{what}: keys {sorted(a)}")
        se = span_ok(a, what)
        if se is None:
            continue
        if prev is not None and se[0] < prev:
            err(f"{what}: actors not sorted by start")
        prev = se[0]
        spans.append((se[0], se[1], a.get("text")))
        if a.get("type") not in TYPES:
            err(f"{what}: type {a.get('type')!r}")
        cid = a.get("canonical")
        if not isinstance(cid, str) or not ID_RE.match(cid):
            err(f"{what}: canonical id {cid!r} not lowercase-hyphenated")
        else:
            ids.add(cid)
        t = a.get("text") or ""
        if re.match(r"(?i)the\s", t):
            err(f"{what}: span starts with 'the'")
        if re.search(r"['’]s?$", t):
            err(f"{what}: span ends with a possessive")
        role = a.get("role")
        if role is not None and (not isinstance(role, str) or not role.strip()):
            err(f"{what}: role must be null or a non-empty string")
    spans.sort()
    for (s1, e1, t1), (s2, e2, t2) in zip(spans, spans[1:]):
        if s2 < e1:
            err(f"overlapping actor spans {t1!r} [{s1},{e1}) and {t2!r} [{s2},{e2})")

    prev = None
    for i, c in enumerate(claims):
        what = f"claim {i} {str(c.get('text'))[:40]!r}"
        if set(c) != CLAIM_KEYS:
            err(f"{what}: keys {sorted(c)}")
        se = span_ok(c, what)
        if c.get("kind") != "attributed":
            err(f"{what}: kind {c.get('kind')!r}")
        if c.get("mode") not in ("direct", "indirect"):
            err(f"{what}: mode {c.get('mode')!r}")
        if not isinstance(c.get("cue"), str) or not c["cue"].strip():
            err(f"{what}: empty cue")
        spk = c.get("speaker")
        if spk is not None and spk not in ids:
            err(f"{what}: speaker {spk!r} is not an actor id in this file")
        ch = c.get("channel")
        if ch is not None and ch not in ids:
            err(f"{what}: channel {ch!r} is not an actor id in this file")
        src = c.get("source")
        if spk is None and not (isinstance(src, str) and src.strip()):
            err(f"{what}: null speaker needs a source phrase")
        if spk is not None and src is not None:
            err(f"{what}: named speaker but source {src!r}")
        if se is None:
            continue
        s, e = se
        if prev is not None and s < prev:
            err(f"{what}: claims not sorted by start")
        prev = s
        body = text[s:e]
        if body != body.strip():
            err(f"{what}: span starts or ends with whitespace")
        if body and (body[-1] in ".,;:!?" or body[-1] in CLOSE_QUOTES + OPEN_QUOTES):
            err(f"{what}: span ends with punctuation or a quote mark")
        if c.get("mode") == "direct":
            if s == 0 or text[s - 1] not in OPEN_QUOTES:
                err(f"{what}: direct claim does not start right after a quote mark")
            rest = text[e:e + 3]
            if not (re.match(r"[.,;:!?]?[" + re.escape(CLOSE_QUOTES) + "]", rest)
                    or re.match(r"[.,;:!?]?(\n|$)", rest)):
                err(f"{what}: direct claim is not followed by a closing quote "
                    f"(or a paragraph end): {rest!r}")

    lines = text.split("\n")
    if len(lines) > 2 and lines[1] == "":
        pass  # header line, blank line, body
    elif len(lines) > 1 and lines[0] and lines[1] == "":
        pass
    else:
        err("no blank line after the first line")
    if text.endswith("\n\n") or not text.endswith("\n"):
        err("text should end with exactly one newline")
    if re.search(r"[ \t]+\n", text):
        err("trailing whitespace on a line")
    return errors


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    folders = argv[1:] or [here]
    total = bad = 0
    for folder in folders:
        for fn in sorted(os.listdir(folder)):
            if not fn.endswith(".json"):
                continue
            total += 1
            errs = check_file(os.path.join(folder, fn))
            if errs:
                bad += 1
                print(f"FAIL {fn}")
                for e in errs:
                    print(f"   - {e}")
            else:
                print(f"ok   {fn}")
        txts = {f[:-4] for f in os.listdir(folder) if f.endswith(".txt")}
        jsons = {f[:-5] for f in os.listdir(folder) if f.endswith(".json")}
        for orphan in sorted(txts - jsons):
            bad += 1
            print(f"FAIL {orphan}.txt has no .json")
    print(f"{total - bad if bad <= total else 0}/{total} files pass")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
