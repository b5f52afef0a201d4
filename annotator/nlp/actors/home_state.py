"""The state a story is about, named by a capitalised common noun.

National papers write "the Government", "the State", "the Republic" or "the
Islamic Republic" for their own state, or the state the story is about: the
capital letter makes the noun a name. Which state it is, the text says by
naming it most often. "the Republic of Uzbekistan" and "the State Duma" are
names of their own, and a lowercase "the government" is left alone.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from annotator.nlp.doc_scan import tokens_in
from annotator.nlp.knowledge import knowledge

from .data import Gazetteer
from .rules import NOMINAL, Mention

MAX_WORDS = 2  # "Islamic Republic"


def home_state_mentions(doc: Doc, chosen: list[Mention], taken: set[int], gaz: Gazetteer) -> list[Mention]:
    nouns = knowledge(doc).institution_heads.state_nouns
    if not nouns:
        return []
    found = []
    for i in tokens_in(doc, {w.split()[0].title() for w in nouns}):
        end = _noun_end(doc, i, nouns)
        if end is not None and not any(k in taken for k in range(i, end)) and _stands_alone(doc, i, end):
            found.append((i, end))
    # A noun that is part of a named state's official name ("the Islamic Republic"
    # of "Islamic Republic of Iran") is that state; it then counts for the rest.
    named = [m.canonical for m in chosen if m.type == "state"]
    out, rest = [], []
    for start, end in found:
        state = _most_named([c for c in named if _in_official_name(doc[start:end].text, c, gaz)])
        if state:
            out.append(_mention(doc, start, end, state))
        else:
            rest.append((start, end))
    home = _most_named(named + [m.canonical for m in out])
    return out + [_mention(doc, start, end, home) for start, end in rest if home]


def _mention(doc: Doc, start: int, end: int, state: str) -> Mention:
    score = knowledge(doc).scores.actors.of("nominal-government")
    return Mention(start, end, "state", state, "nominal-government", score, NOMINAL)


def _in_official_name(noun: str, state: str, gaz: Gazetteer) -> bool:
    entry = gaz.entries.get(state)
    return entry is not None and any(f" {noun} " in f" {alias} " for alias in entry.aliases)


def _most_named(states: list[str]) -> str | None:
    """The state named most often; on a tie, the one named first."""
    counts = Counter(states)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -states.index(c)))


def _noun_end(doc: Doc, i: int, nouns: frozenset[str]) -> int | None:
    for width in range(MAX_WORDS, 0, -1):
        words = doc[i:i + width]
        if i + width <= len(doc) and all(t.is_title for t in words) and words.text.lower() in nouns:
            return i + width
    return None


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """After "the", and not the start of a longer name ("the State Duma",
    "the Republic of Kazakhstan", "the State-run")."""
    if start == 0 or doc[start - 1].lower_ != "the":
        return False
    if end == len(doc):
        return True
    nxt = doc[end]
    return nxt.lower_ not in ("of", "-") and not (nxt.is_alpha and nxt.text[:1].isupper())
