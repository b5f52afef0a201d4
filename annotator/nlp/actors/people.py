"""People: the title in front of a name, surnames, and nominal mentions.

A role is the title written in front of a person's name ("Kazakh President
Kassym-Jomart Tokayev", "the Taliban's de facto leader Abdul Ghani Baradar",
"Deputy Minister of Foreign Affairs Akan Rakhmetullin"). It is found by
walking left from the name over title words, capitalised words and the few
connectors titles use ("of", "for", "'s", "de facto"); the run must hold a
title noun, else it is not a title ("As Andrey Kazantsev").
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Token

from annotator.nlp.doc_scan import tokens_in
from annotator.nlp.knowledge import knowledge

# The title words themselves (nouns, modifiers, offices) are data:
# annotator/data/lexicon/titles.json, read through `knowledge(doc).titles`.
CONNECTORS = {"of", "for", "and", "the", "-", "'s", "’s", "on"}
GOVERNMENT_NOUNS = {"government"}


def role_start(doc: Doc, start: int, others: AbstractSet[int] = frozenset()) -> int | None:
    """Index where the title before the name at `start` begins, or None.

    `others` are tokens of other people's names: a title never runs over one
    ("German Chancellor Olaf Scholz and French President Emmanuel Macron")."""
    i, first = start - 1, None
    sent_start = doc[start].sent.start
    titles = knowledge(doc).titles
    while i >= sent_start and i not in others and _title_part(doc[i], start, titles):
        first = i
        i -= 1
    if first is None:
        return None
    while first < start and doc[first].lower_ in CONNECTORS:
        first += 1  # a title does not start with "the", "of" or "'s"
    run = doc[first:start]
    if not any(t.lower_ in titles.nouns for t in run):
        return None
    return first if len(run) else None


def _title_part(tok: Token, name_start: int, titles) -> bool:
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return False
    low = tok.lower_
    if low in titles.nouns or low in titles.modifiers or low in CONNECTORS:
        return True
    if tok.is_alpha and tok.text[0].isupper():
        # "Kazakh", "CNN", "Deputy" belong to a title; "When", "As", "But" do not.
        return tok.pos_ in ("PROPN", "NOUN", "ADJ")
    # A lowercase modifier inside the title's noun phrase: "foreign policy chief".
    return (tok.dep_ in ("compound", "amod") and tok.pos_ in ("NOUN", "ADJ")
            and tok.i < tok.head.i < name_start + 3)


def trim_role(doc: Doc, first: int, start: int) -> str:
    """The role text; a dangling connector at the end ("Minister of") is dropped."""
    end = start
    while end > first and doc[end - 1].lower_ in CONNECTORS:
        end -= 1
    return doc[first:end].text


def office_of(text: str, offices: frozenset[str]) -> str | None:
    """The office a role names ("Kazakh President" -> "president"), if any."""
    low = text.lower()
    return next((o for o in sorted(offices, key=len, reverse=True) if low.endswith(o)), None)


def nominal_candidates(doc: Doc, demonyms: dict[str, str]) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, state id) for "Kazakh President" / "Uzbek government".

    kind is "office" (a person, resolved later against named people) or
    "government" (the state). A name right after the office makes it a
    title, not a nominal mention.
    """
    found = []
    for tok in (doc[i] for i in tokens_in(doc, demonyms)):
        state = demonyms.get(tok.text)
        if state is None or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        if nxt.lower_ in GOVERNMENT_NOUNS:
            found.append((tok.i, tok.i + 2, "government", state))
            continue
        end = _office_end(doc, tok.i + 1, knowledge(doc).titles.offices)
        if end and not (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title):
            found.append((tok.i, end, "office", state))
    return found


def _office_end(doc: Doc, i: int, offices: frozenset[str]) -> int | None:
    for width in (2, 1):
        if i + width <= len(doc) and doc[i:i + width].text.lower() in offices:
            return i + width
    return None
