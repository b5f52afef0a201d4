"""The source of a claim no actor speaks: the phrase the guide keeps.

"U.S. officials say …", "the statement read …", "Both sides said …", "It
was reported that …", "according to security sources": no actor is the
speaker, but an analyst counting who says what must see how much of a
story rests on such sources. The phrase is the subject's noun phrase
without what follows the head ("An official source at the ministry" keeps
"An official source"), or the cue itself when nothing names the source
("reportedly", "was told").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .speech import Proposal

# Words in front of a head noun that belong to its phrase ("both sides", "U.S. officials", "Chile's representative").
PREMODIFIERS = {"det", "predet", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "npadvmod"}


def unnamed_source(doc: Doc, p: Proposal) -> str | None:
    """The source phrase of a claim with no speaker; None when an actor speaks."""
    if p.kind != "attributed" or (p.speaker is not None and p.speaker.ids != (None,)):
        return None
    if p.source:
        return p.source
    if p.speaker is not None and p.speaker.token is not None:
        return noun_phrase(doc[p.speaker.token])
    return " ".join(doc[i].text for i in p.cue_tokens) or None


def noun_phrase(head: Token) -> str:
    """The head with the words in front of it that modify it."""
    doc, start = head.doc, head.i
    for child in head.lefts:
        if child.dep_ in PREMODIFIERS:
            start = min(start, child.left_edge.i)
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start:head.i + 1].text
