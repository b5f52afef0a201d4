"""Candidate actor mentions: gazetteer matches and corrected NER entities.

Each rule proposes `Mention`s; `annotator.nlp.actors` keeps the longest
non-overlapping ones (ties go to the more trusted rule) and links them.
This module holds the gazetteer rules; `ner` corrects the model's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from annotator.nlp.doc_scan import forget, tokens_where
from annotator.nlp.knowledge import knowledge

from .data import Gazetteer
from .metonymy import stands_for_government
from .people import GOVERNMENT_NOUNS
from .things import in_dateline

# Trust of a rule, for ties between mentions of the same span.
GAZETTEER, DEFINED, NOMINAL, NER = 3, 3, 2, 1


@dataclass
class Mention:
    start: int
    end: int
    type: str
    canonical: str
    rule: str
    score: float
    trust: int
    role: str | None = None
    affiliation: str | None = None


def build_matcher(nlp, gazetteer: Gazetteer) -> PhraseMatcher:
    """One PhraseMatcher over every alias and seat, keyed "kind|id"."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for entry in gazetteer.entries.values():
        for kind, names in (("alias", entry.aliases), ("seat", entry.seats)):
            if names:
                matcher.add(f"{kind}|{entry.id}", list(nlp.tokenizer.pipe(names)))
    return matcher


def alias_tokens(nlp, gazetteer: Gazetteer) -> tuple[set[str], set[str]]:
    """Last tokens of aliases and seats, and the one-token ones among them,
    to undo "UzA." / "Daesh-K." glued to a full stop and "U.S.-led"."""
    names = [a for e in gazetteer.entries.values() if e.type != "exclude" for a in e.aliases + e.seats]
    docs = list(nlp.tokenizer.pipe(names))
    last = {d[-1].text for d in docs if not d[-1].text.endswith(".")}
    return last, {d[0].text for d in docs if len(d) == 1}


def split_glued(doc: Doc, last_tokens: set[str], whole: set[str]) -> None:
    """The tokenizer keeps "UzA." at a sentence end (an abbreviation to it)
    and "U.S.-led" as one token; split them where the first part ends or is
    a known name, keeping the model's entities."""
    # Only tokens ending in "." or holding a "-" can split: test those, not every token.
    glued = tokens_where(doc, lambda text: text.endswith(".") or "-" in text)
    pieces = {i: p for i in glued if (p := _pieces(doc, doc[i], last_tokens, whole))}
    if not pieces:
        return
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    with doc.retokenize() as retok:
        for i, parts in pieces.items():
            t = doc[i]
            head = t.head if t.head is not t else (t, 0)
            heads = [head] + [(t, 0)] * (len(parts) - 1)
            retok.split(t, parts, heads=heads, attrs=_piece_attrs(t, parts))
    forget(doc)
    spans = [doc.char_span(s, e, label=lab, alignment_mode="contract") for s, e, lab in ents]
    doc.ents = [s for s in spans if s is not None]


def _piece_attrs(t, parts: list[str]) -> dict[str | int, list[Any]]:
    """The name keeps the token's analysis; "." and "-" are punctuation; "led"
    in "U.S.-led" is a participle."""
    punct = {".": (".", "punct"), "-": ("HYPH", "punct")}
    tags = [t.tag_] + [punct[p][0] if p in punct else "VBN" for p in parts[1:]]
    pos = [t.pos_] + ["PUNCT" if p in punct else "VERB" for p in parts[1:]]
    deps = [t.dep_] + [punct[p][1] if p in punct else "amod" for p in parts[1:]]
    return {"TAG": tags, "POS": pos, "DEP": deps, "LEMMA": [parts[0]] + [p.lower() for p in parts[1:]]}


def _pieces(doc: Doc, t, last_tokens: set[str], whole: set[str]) -> list[str] | None:
    text = t.text
    if text.endswith(".") and text[:-1] in last_tokens and (
            len(text) > 2 or (t.i > 0 and doc[t.i - 1].text == "-")):
        return [text[:-1], "."]
    head, dash, rest = text.partition("-")
    if dash and head in whole and rest[:1].islower():
        return [head, "-", rest]
    return None


def gazetteer_mentions(doc: Doc, matcher: PhraseMatcher, gaz: Gazetteer) -> tuple[list[Mention], list[Span]]:
    """Known actors found in the text, plus spans no other rule may claim:
    known non-actors ("South China Sea") and rejected matches ("in the Kremlin")."""
    matches = [(doc.vocab.strings[k].split("|"), s, e) for k, s, e in matcher(doc)]
    alias_starts = {s for (kind, _), s, _ in matches if kind == "alias"}
    excluded = [doc[s:e] for (_, i), s, e in matches if gaz.entries[i].type == "exclude"]
    # Person names the model found; one starting with a nationality ("Tajik ISKP") is no name.
    people = [(e.start, e.end) for e in doc.ents
              if e.label_ == "PERSON" and len(e) > 1 and e[0].text not in gaz.demonyms
              and not in_dateline(e, gaz.state_aliases)]
    mentions, scores = [], knowledge(doc).scores.actors
    blocked = _Blocked((x.start, x.end) for x in excluded)
    for (kind, entry_id), start, end in matches:
        entry = gaz.entries[entry_id]
        if entry.type == "exclude" or blocked.covers(start, end):
            continue  # "China" in "South China Sea"; but "Islam Karimov" is a name
        if kind == "seat" and end < len(doc) and doc[end].lower_ in GOVERNMENT_NOUNS:
            end += 1  # "the Dublin government" is the state, wherever it stands
            score = scores.of("seat-metonymy")
            mentions.append(Mention(start, end, "state", entry.id, "seat-metonymy", score, GAZETTEER))
            continue
        span = doc[start:end]
        if not _keep_match(span, kind, entry.type, alias_starts, people, gaz.places):
            excluded.append(span)
            blocked.add(start, end)
            continue
        rule = "seat-metonymy" if kind == "seat" else "gazetteer"
        mentions.append(Mention(start, end, entry.type, entry.id, rule, scores.of(rule), GAZETTEER))
    return mentions, excluded


class _Blocked:
    """Token ranges no match may sit inside. Looked up by start, since a long
    text has hundreds of them and a scan per match grew with their square."""

    def __init__(self, ranges=()):
        self.ends: dict[int, int] = {}  # start -> furthest end
        self.longest = 0
        for start, end in ranges:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self.ends[start] = max(self.ends.get(start, end), end)
        self.longest = max(self.longest, end - start)

    def covers(self, start: int, end: int) -> bool:
        """Whether some range [s, e) has s <= start and end <= e."""
        return any(self.ends.get(s, -1) >= end for s in range(start, start - self.longest - 1, -1))


def _keep_match(span: Span, kind: str, type_: str, alias_starts: set[int], people: list, places: set[str]) -> bool:
    if _shouted(span) or (type_ != "person" and _inside_person_name(span, people)):
        return False  # "IS" in an all-caps headline; "George Washington"
    if kind == "seat":
        return stands_for_government(span)
    if type_ == "state":
        return not _in_hyphenated_name(span, alias_starts, places) and not _names_an_era(span)
    return True


def _inside_person_name(span: Span, people: list[tuple[int, int]]) -> bool:
    # A lone "Ashgabat" tagged PERSON is a model slip; "Chad Smith" is a person.
    start, end = span.start, span.end
    return any(s <= start and end <= e and e - s > end - start for s, e in people)


def _shouted(span: Span) -> bool:
    """An all-caps alias inside all-caps text is a word, not an acronym."""
    if not span.text.isupper():
        return False
    doc = span.doc
    near = [t for t in doc[max(0, span.start - 3):span.end + 3]
            if t.is_alpha and not span.start <= t.i < span.end]
    return bool(near) and all(t.is_upper for t in near)


def _in_hyphenated_name(span: Span, alias_starts: set[int], places: set[str]) -> bool:
    """"US-Dollar", "US-American", "China-Pakistan-Economic Corridor" and
    "Central Asia-China pipeline" are not the state; "US-led", "Russia-China
    talks", "Israel-Gaza violence" and "China-Africa ties" are: a capitalised
    word in the chain that is neither a known name nor a place decides, unless
    the chain joins partners ("ties", "relations")."""
    chain = _hyphen_chain(span)
    if not chain:
        return False
    last = max([span.end - 1] + [w.i for w in chain])
    if last + 1 < len(span.doc) and span.doc[last + 1].lower_ in RELATION_NOUNS:
        return False
    return any(w.text[:1].isupper() and w.i not in alias_starts and w.text not in places for w in chain)


def _hyphen_chain(span: Span) -> list:
    doc, words = span.doc, []
    i = span.end
    while i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
        words.append(doc[i + 1])
        i += 2
    i = span.start - 1
    while i >= 1 and doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_:
        words.append(doc[i - 1])
        i -= 2
    return words


def _names_an_era(span: Span) -> bool:
    """"since Vietnam" names the war, not the state."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in ("since", "during", "until", "till")


DASHES = {"-", "–", "—"}
# Nouns after a chain of names that make it a pair of partners, not one name.
RELATION_NOUNS = {"relations", "talks", "ties"}


def in_project_name(doc: Doc, m: Mention) -> bool:
    """A name in a chain joined by dashes that names a route or a pipeline is
    part of that project's name, not an actor; "Russia–China relations" stays."""
    start, end = m.start, m.end
    while True:  # names joined by dashes, or glued with no space ("Hairatan–Mazar-i-Sharif")
        if start >= 2 and doc[start - 1].text in DASHES and doc[start - 2].is_title:
            start -= 2
        elif start >= 1 and not doc[start - 1].whitespace_ and not doc[start - 1].is_punct:
            start -= 1
        elif end + 1 < len(doc) and doc[end].text in DASHES and doc[end + 1].is_title:
            end += 2
        elif end < len(doc) and not doc[end - 1].whitespace_ and not doc[end].is_punct or (
                end + 1 < len(doc) and doc[end].text in DASHES and not doc[end].whitespace_):
            end += 1
        else:
            break
    chain = doc[start:end]
    if not any(t.text in DASHES for t in chain) or sum(t.is_title for t in chain) < 2:
        return False  # not a chain of names ("Beijing-backed projects" is one name)
    j = end
    if j < len(doc) and doc[j].text == "(":  # "(TAPI)"
        close = next((k for k in range(j + 1, min(j + 5, len(doc))) if doc[k].text == ")"), None)
        j = close + 1 if close is not None else j
    # The project noun comes next, or after one noun that says what it carries ("gas pipeline"):
    # "the Russia–China relations road map" names no route.
    projects = knowledge(doc).place_heads.projects  # "the Turkmenistan–Afghanistan–Pakistan–India (TAPI) gas pipeline"
    for k in (j, j + 1):
        if k < len(doc) and (doc[k].lemma_.lower() in projects or doc[k].lower_ in projects):
            return True
        if k >= len(doc) or doc[k].pos_ != "NOUN" or doc[k].lower_ in RELATION_NOUNS:
            break
    return False
