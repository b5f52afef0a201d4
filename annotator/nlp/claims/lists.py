"""Subjects that name several speakers: "Egypt and the United States have
agreed", "Kyrgyzstan, Tajikistan deny …", "Some media outlets, including the
Yomiuri Shimbun and the Mainichi Shimbun, reported": the parse often loses
or mislabels such lists, and each actor named in them speaks.
"""

from __future__ import annotations

from spacy.tokens import Token

from .nominal import ActorIndex

INCLUDING = {"including", "among", "like"}


def included_names(subj: Token, actors: ActorIndex) -> list[Token]:
    """The actors a group subject names as its members ("Some media outlets,
    including the Yomiuri Shimbun and the Mainichi Shimbun"); the rest of
    the group, unnamed, gets no claim of its own (real_news2's convention)."""
    if not subj.n_rights or actors.actor(subj.i):
        return []
    for prep in subj.rights:
        if prep.dep_ == "prep" and prep.lower_ in INCLUDING:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and actors.actor(obj.i):
                return [obj, *[c for c in obj.conjuncts if actors.actor(c.i)]]
    return []


def stranded_conjunct(subj: Token) -> list[Token]:
    """"Egypt and the United States have agreed …": the parse may leave the
    first of two conjoined names as a root of its own, with the "and" on the
    verb; that name is still a subject."""
    doc, i = subj.doc, subj.left_edge.i
    if i < 2 or doc[i - 1].dep_ != "cc" or doc[i - 1].lower_ not in ("and", "&"):
        return []
    prev = doc[i - 2]
    return [prev] if prev.pos_ == "PROPN" and prev.head.i == prev.i else []


def listed_names(subj: Token, actors: ActorIndex) -> list[Token]:
    """"Kyrgyzstan, Tajikistan agree …", "Cairo, Washington agree …": a
    headline lists its subjects with a comma, which the parse reads as an
    apposition or an adverb. Two actors of one kind cannot stand in
    apposition to each other, so they are a list."""
    kind, own = actors.kind(subj.i), actors.actor(subj.i)
    if kind is None:
        return []
    verb, doc = subj.head, subj.doc
    near = [c for c in subj.rights if c.dep_ == "appos"] if subj.n_rights else []
    if subj.i > 1 and doc[subj.left_edge.i - 1].text == ",":  # only a comma before the subject lists another
        near += [c for c in verb.lefts if c.dep_ == "npadvmod" and c.i < subj.i and doc[c.i + 1].text == ","]
    return [c for c in near if actors.kind(c.i) == kind and actors.actor(c.i) != own]
