"""A state's bodies named in lower case: "the Kyrgyz border service",
"Tajikistan's border agency", "Kyrgyzstan's border guard service".

News copy names a state body by what it does, without capitals; the model
finds no entity there, yet the body is the one that speaks ("Kyrgyz border
service, for its part, blames …"). A demonym or a state's possessive, then
lower-case nouns ending in an institution head, make an organisation. The
possessive stays outside the span (the state is an actor of its own); a
demonym is part of the name. Both spellings share one id.
"""

from __future__ import annotations

from spacy.tokens import Doc

from annotator.nlp.doc_scan import tokens_in, union
from annotator.nlp.knowledge import knowledge

from .data import Gazetteer, slug
from .metonymy import names_a_building
from .rules import NOMINAL, Mention

MAX_WORDS = 3  # "border guard service"


def state_bodies(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    heads = knowledge(doc).institution_heads.heads
    missions = knowledge(doc).institution_heads.missions or frozenset()
    out = []
    possessors = [i - 1 for i in tokens_in(doc, ("'s", "’s")) if i > 0]
    for i in union(tokens_in(doc, gaz.demonyms), possessors):  # only these can own a body: no walk over every token
        tok, state = doc[i], _owner(doc, i, gaz)
        if state is None:
            continue
        first = i + 1 if tok.text in gaz.demonyms else i + 2  # after "Kyrgyz" / after "Kyrgyzstan 's"
        end = first
        while end < len(doc) and end - first < MAX_WORDS and doc[end].is_lower and doc[end].pos_ == "NOUN":
            end += 1
        while end > first and doc[end - 1].lower_ not in heads:
            end -= 1
        if end == first and first < len(doc) and doc[first].is_title and doc[first].lower_ in heads:
            end = first + 1  # "the Chinese Embassy": a capitalised head alone
        elif end - first < 2 and not (end > first and doc[first].lower_ in missions):
            continue  # one word ("Kyrgyz government", "Tajik ministry") is left to other rules; "US embassy" is one
        if any(j in taken for j in range(first, end)):
            continue
        if doc[end - 1].lower_ in missions and names_a_building(doc[first:end]):
            continue  # "the Chinese embassy in Bishkek was hit": the building
        if end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
            continue  # "the Russian state news agency RIA Novosti": the kind before a name
        start = i if tok.text in gaz.demonyms else first
        demonyms = gaz.entries[state].demonyms if state in gaz.entries else []
        canonical = f"{slug(demonyms[0]) if demonyms else state}-{slug(doc[first:end].text)}"
        out.append(Mention(start, end, "organization", canonical, "state-body",
                           knowledge(doc).scores.actors.of("state-body"), NOMINAL))
    return out


def _owner(doc: Doc, i: int, gaz: Gazetteer) -> str | None:
    """The state a demonym ("Kyrgyz") or a possessive ("Kyrgyzstan's") names."""
    tok = doc[i]
    if tok.text in gaz.demonyms:
        return gaz.demonyms[tok.text]
    if i + 1 >= len(doc) or doc[i + 1].text not in ("'s", "’s"):
        return None  # checked first: most tokens are neither, and a slug costs a regex
    entry = gaz.entries.get(slug(tok.text))
    return entry.id if entry is not None and entry.type == "state" else None


def party_mentions(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """"the Conservative party", "the Labour party": capitalised words before a
    lowercase "party" name it (a demonym or a known non-actor word alone does
    not: "the Chinese party", "an Islamist party")."""
    out = []
    for i in tokens_in(doc, ("party",)):
        start = i
        while start > 0 and i - start < MAX_WORDS and _name_word(doc[start - 1]) and start - 1 not in taken:
            start -= 1
        if start == i or i in taken or all(t.text in gaz.demonyms or t.text in gaz.excluded for t in doc[start:i]):
            continue
        # Trusted as a state's body in lower case is: a kind noun after capitalised words.
        out.append(Mention(start, i + 1, "organization", slug(doc[start:i + 1].text), "named-party",
                           knowledge(doc).scores.actors.of("state-body"), NOMINAL))
    return out


def _name_word(tok) -> bool:
    return tok.is_alpha and tok.is_title and tok.pos_ in ("PROPN", "ADJ") and not tok.is_sent_start
