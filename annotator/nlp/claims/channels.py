"""Channels: the outlet a statement reaches us through.

News names the medium beside the speaker: "told RIA Novosti that …", "said
in an interview with Kabar", "was quoted by TASS as saying", "Interfax
quoted a source as saying". The speaker stays the person or body that spoke;
the outlet becomes the channel. An outlet that is the only source ("Asia-Plus
reported") is the speaker and no channel is recorded.

An addressee is a channel only when it is a news outlet: "told the UN
Security Council that …" names an audience, not a medium. Outlets are the
actor ids listed in cues.json, or organizations whose name says "news",
"radio", "agency" and the like (outlets the gazetteer does not know).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from annotator.nlp.knowledge import knowledge

from .lexicon import Lexicon
from .speakers import ActorIndex

# Not "agency": "told the International Atomic Energy Agency" names an audience.
MEDIA_NAME = re.compile(r"\b(news|novosti|radio|tv|television|times|press|daily|gazeta|journal|tribune|herald|"
                        r"telegraph|izvestia|vedomosti|kommersant|inform|media)\b", re.I)
QUOTE_LEMMAS = {"quote", "cite"}


def cited_source(cue: Token) -> Token | None:
    """"TASS reported, citing the Foreign Ministry, that …": the body cited
    (the parse hangs "citing" on the cue or on its clause)."""
    comp = [c for c in cue.children if c.dep_ == "ccomp"]
    for host in (cue, *comp):
        for c in host.children:
            if c.dep_ == "advcl" and c.lemma_.lower() == "cite":
                return next((g for g in c.children if g.dep_ == "dobj"), None)
    return None


def quoted_by(tok: Token) -> tuple[Token | None, Token | None] | None:
    """(speaker, outlet) tokens of "X was quoted by O as saying" and
    "O quoted X as saying"; None when the cue is not in that frame."""
    as_ = tok.head
    if tok.tag_ != "VBG" or as_.lower_ != "as" or as_.head.lemma_.lower() not in QUOTE_LEMMAS:
        return None
    quoted = as_.head
    deps = {c.dep_: c for c in quoted.children}
    if "nsubjpass" in deps:
        # "by TASS" is the agent, or hangs on "saying" when it comes last.
        by = deps.get("agent") or next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        return deps["nsubjpass"], _object(by) if by is not None else None
    return deps.get("dobj"), deps.get("nsubj")


def is_outlet(tok: Token, actors: ActorIndex, lex: Lexicon) -> str | None:
    """The actor id of an outlet mentioned at this token, if it is one."""
    found = actors.actor(tok.i)
    if found is None:
        return None
    if found in lex.outlets or actors.kind(tok.i) == "organization" and MEDIA_NAME.search(actors.text(tok.i)):
        return found
    return None


def outlet_channel(cue: Token, actors: ActorIndex, lex: Lexicon) -> str | None:
    """The outlet a cue names as its medium: its addressee ("told TASS") or
    the object of "in an interview with / in comments to"."""
    for c in cue.children:
        if c.dep_ in ("dobj", "dative", "iobj") or (c.dep_ == "prep" and c.lower_ in ("to", "with")):
            target = _object(c) if c.dep_ in ("dative", "prep") and c.pos_ == "ADP" else c
            found = _outlet_named(target, actors, lex) if target is not None else None
            if found:
                return found
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            found = _medium(c, actors, lex)
            if found:
                return found
    return None


def _outlet_named(target: Token, actors: ActorIndex, lex: Lexicon) -> str | None:
    """The outlet at the addressee, or named beside it: "told the news website Kun.uz"."""
    return is_outlet(target, actors, lex) or next(
        (o for c in target.children if c.dep_ in ("appos", "compound") and (o := is_outlet(c, actors, lex))), None)


def _object(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _medium(prep: Token, actors: ActorIndex, lex: Lexicon) -> str | None:
    """"in an interview with Kabar", "in comments to Interfax"."""
    noun, kb = _object(prep), knowledge(prep.doc)
    media = kb.derived("media", lambda: kb.speakers.medium_nouns | {n.rstrip("s") for n in kb.speakers.medium_nouns})
    if noun is None or noun.lemma_.lower() not in media:
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "to", "for"):
            target = _object(c)
            found = is_outlet(target, actors, lex) if target is not None else None
            if found:
                return found
    return None
