"""Speakers described, not named: "the Kazakh President", "the ministry",
"a spokesman", "officials", "both sides", "the UN statement".

A title or a body noun takes the actor named before it that fits (`coref`);
officials, sources and a possessor's representative stay unnamed sources
(the guide keeps their phrase as the claim's source, with no speaker).
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from annotator.nlp.knowledge import knowledge

from .coref import PAST_SENTENCES, Mention, is_body_noun, nominal_body, pronoun_person, titled_person
from .lexicon import Lexicon

GROUP_PRONOUNS = {"they", "them"}


class ActorIndex(Protocol):
    """What these rules read of `speakers.ActorIndex` (a Protocol: no import circle)."""

    mentions: list[Mention]
    demonyms: dict[str, str]

    def actor(self, i: int) -> str | None: ...

    def kind(self, i: int) -> str | None: ...


def nominal(tok: Token, actors: ActorIndex, lex: Lexicon) -> tuple[str | tuple[str, ...] | None, str] | None:
    """"The Kazakh President", "the Tajik side", "the ministry", "a spokesman", "officials"."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    unnamed = low in lex.unnamed or lemma in lex.unnamed or lemma in lex.titles
    if unnamed and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return _on_behalf_of(tok, actors), "unnamed"  # "a ministry spokesman": nobody named before
    if unnamed and _introduced_unnamed(tok):
        return _on_behalf_of(tok, actors), "unnamed"  # "a presidential official said … the official added"
    if tok.tag_ == "NNS" and lemma in lex.titles and _a_pair(tok):
        # "The two leaders said in a joint statement": the last two people named (held-out h19).
        two = _last_distinct(actors, tok, "person", 2)
        if len(two) == 2:
            return two, "nominal"
    if tok.tag_ == "NNS" and (lemma == "side" or lemma in lex.titles):
        # "both sides blamed each other", "the ministers agreed": actors named elsewhere
        # but spoken of as a group are a collective source (the guide's "the sides noted").
        return None, "unnamed"
    if tok.tag_ != "NNS" and (lemma in lex.titles or low in lex.titles):
        title = lemma if lemma in lex.titles else low
        return titled_person(actors.mentions, tok, title, lex.titles, actors.demonyms), "nominal"
    if lemma == "side":  # "the Tajik side said": the state of that demonym
        demonyms = actors.demonyms
        side = next((demonyms[c.lower_] for c in tok.children if c.lower_ in demonyms), None)
        if side:
            return side, "nominal"
    if is_body_noun(tok):
        local = knowledge(tok.doc).speakers.local_modifiers
        if any(c.dep_ in ("amod", "compound") and c.lower_ in local for c in tok.children):
            return None, "unnamed"  # "the provincial government said": not the state
        return nominal_body(actors.mentions, tok), "nominal"
    if tok.tag_ == "NN" and low in lex.unnamed and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        # "The former official told …": the person the text has just named.
        found = titled_person(actors.mentions, tok, low, lex.titles, actors.demonyms)
        if found:
            return found, "nominal"
    if low in lex.unnamed or lemma in lex.unnamed:
        return _on_behalf_of(tok, actors), "unnamed"
    return None


def _introduced_unnamed(tok: Token) -> bool:
    """"The official" after "a presidential official said": the same noun
    with "a" in this or the sentences just before is the one meant, unnamed."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    doc, lemma = tok.doc, tok.lemma_.lower()
    start = tok.sent.start
    for _ in range(PAST_SENTENCES):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return any(t.lemma_.lower() == lemma and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
               for t in doc[start:tok.i])


def _a_pair(tok: Token) -> bool:
    """"the two leaders", "both presidents"."""
    return any(c.lower_ in ("two", "both") for c in tok.children)


def _last_distinct(actors: ActorIndex, tok: Token, kind: str, n: int) -> tuple[str, ...]:
    ids: list[str] = []
    for m in sorted((m for m in actors.mentions if m.start < tok.i and m.kind == kind), key=lambda m: -m.start):
        if m.id not in ids:
            ids.append(m.id)
        if len(ids) == n:
            break
    return tuple(reversed(ids))


def _on_behalf_of(tok: Token, actors: ActorIndex) -> str | None:
    """"A spokesman for the Kazakh Foreign Ministry", "a ministry spokesman":
    the body a spokesperson speaks for. Officials and sources stay unnamed
    even when their side is named ("U.S. officials", "an Islamic Jihad
    source"), and so does a possessor ("Chile's representative requested"):
    the guide keeps those as the claim's source, with no speaker."""
    spokespeople = knowledge(tok.doc).speakers.spokespeople
    if tok.lemma_.lower() not in spokespeople:
        return None
    for c in tok.children:
        if c.dep_ == "compound" and c.i < tok.i and actors.kind(c.i) in ("organization", "group", "state"):
            return actors.actor(c.i)
        if c.dep_ == "prep" and c.lower_ in ("for", "of") and tok.lemma_.lower() in spokespeople:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and actors.actor(obj.i):
                return actors.actor(obj.i)
    return None


def _part_of_owner(tok: Token, owner: Token, actors: ActorIndex) -> bool:
    """"several LDP local chapters", "Yoon's office": members of a body or a
    person's office speak, not their owner (the guide: a possessor is never
    the speaker); "the UN statement", "Mearsheimer's theory" still name theirs."""
    body_nouns = knowledge(tok.doc).speakers.body_nouns
    return tok.tag_ == "NNS" or (actors.kind(owner.i) == "person" and tok.lower_ in body_nouns)


def described(tok: Token, actors: ActorIndex, lex: Lexicon) -> tuple[str | None, str] | None:
    """"Mearsheimer's theory", "the UN statement", "his office"; not the owner
    of a person ("Chile's representative requested": the representative
    speaks, unnamed)."""
    lemma = tok.lemma_.lower()
    if lemma in knowledge(tok.doc).speakers.spokespeople or lemma in lex.unnamed:
        return None, "unnamed"
    owner = next((left for left in tok.subtree if left.i < tok.i and actors.actor(left.i)), None)
    if owner is not None:
        if _part_of_owner(tok, owner, actors):
            return None, "unnamed"
        return actors.actor(owner.i), "actor"
    # "the report by the International Crisis Group", "a statement from the CSTO",
    # "a statement released by the border service".
    released = [g for c in tok.children if c.dep_ == "acl" for g in c.children if g.dep_ == "agent"]
    for c in [*tok.children, *released]:
        obj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.lower_ in ("by", "from") else None
        if obj is not None and actors.actor(obj.i):
            return actors.actor(obj.i), "actor"
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    if poss is not None:
        return pronoun_person(actors.mentions, poss), "pronoun"
    if tok.lower_ in GROUP_PRONOUNS:
        return None, "pronoun"
    return None
