"""A body named again by its capitalised head noun alone.

"the Council of the EU … the work of the Council", "Foreign Ministry
spokesman … the Ministry said": once a body is named in full, "the" and its
capitalised head noun name it again, as a surname names a person. A head
that several bodies named in the text share is left alone (which one?), and
so is a head with no body named before it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from annotator.nlp.doc_scan import tokens_in
from annotator.nlp.knowledge import knowledge

from .rules import NOMINAL, Mention


def short_body_mentions(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    heads = knowledge(doc).institution_heads.heads
    bodies = [m for m in mentions if m.type == "organization" and m.end - m.start > 1]
    if not bodies:
        return []
    score = knowledge(doc).scores.actors.of("surname")
    out = []
    for i in tokens_in(doc, {h.title() for h in heads}):
        if i in taken or not _stands_alone(doc, i):
            continue
        named = {m.canonical for m in bodies if m.end <= i and _has_head(doc, m, doc[i].lower_)}
        if len(named) == 1:
            out.append(Mention(i, i + 1, "organization", named.pop(), "short-body", score, NOMINAL))
    return out


def _has_head(doc: Doc, m: Mention, head: str) -> bool:
    return any(t.lower_ == head for t in doc[m.start:m.end])


def _stands_alone(doc: Doc, i: int) -> bool:
    """After "the" and before no other part of a name ("the Council of …",
    "the Council Secretariat")."""
    if i == 0 or doc[i - 1].lower_ != "the":
        return False
    if i + 1 == len(doc):
        return True
    nxt = doc[i + 1]
    return nxt.lower_ not in ("of", "for", "on", "-") and not (nxt.is_alpha and nxt.text[:1].isupper())


def link_initials(doc: Doc, mentions: list[Mention]) -> None:
    """"LDP" and "Liberal Democratic Party" in one text, with no brackets to
    define it: an all-caps name whose letters are the initials of a body's
    capitalised words is that body."""
    short = [m for m in mentions if m.end - m.start == 1 and m.rule == "ner" and doc[m.start].is_upper]
    if not short:
        return
    bodies = [m for m in mentions if m.type in ("organization", "group") and m.end - m.start > 1]
    by_initials: dict[str, set[str]] = {}
    for m in bodies:
        initials = "".join(t.text[0] for t in doc[m.start:m.end] if t.is_alpha and t.text[0].isupper())
        by_initials.setdefault(initials, set()).add(m.canonical)
    for m in short:
        text = doc[m.start].text
        if len(by_initials.get(text, ())) == 1:
            m.canonical = next(iter(by_initials[text]))


def with_owner_demonym(doc: Doc, mentions: list[Mention], demonyms: dict[str, str]) -> None:
    """"British HC" after "the British High Commission … (HC)": a demonym in
    front of a body's short form is part of its name, as it is of the long
    one."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.type != "organization" or m.end - m.start != 1 or m.start == 0 or (m.start - 1) in taken:
            continue
        owner = doc[m.start - 1].text
        if owner not in demonyms or not doc[m.start].is_upper:
            continue
        if any(o.end - o.start > 1 and doc[o.start].text == owner
               and "".join(t.text[0] for t in doc[o.start + 1:o.end] if t.is_title) == doc[m.start].text
               for o in mentions):
            m.start -= 1
