"""A capitalised office standing alone for the one person who holds it.

"Cuban Foreign Minister Bruno Rodríguez … the Foreign Minister said" and a
headline "Taoiseach rules out border posts" over "Taoiseach Enda Kenny": the
capital letter says the title names one person, and the person titled so in
the same document says who. Lowercase descriptions ("the president said")
are left to the claim layer's speaker resolution, and a title nobody in the
document holds is not tagged.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotator.nlp.doc_scan import tokens_in
from annotator.nlp.knowledge import knowledge

from .people import office_of
from .rules import NOMINAL, Mention

MAX_OFFICE_WORDS = 3  # "Secretary of State"


def bare_office_mentions(doc: Doc, people: list[Mention], taken: set[int]) -> list[Mention]:
    """"the President", "Foreign Minister", "Secretary of State" as a person
    named with that title elsewhere in the document (the nearest before, else
    the first after, as a headline comes before the story)."""
    offices = knowledge(doc).titles.offices
    firsts = {o.split()[0].title() for o in offices}
    out = []
    for i in tokens_in(doc, firsts):
        end = _office_end(doc, i, offices)
        if end is None or any(k in taken for k in range(i, end)) or not _stands_alone(doc, i, end, taken):
            continue
        text = doc[i:end].text
        holder = _holder(people, office_of(text, offices), i, doc)
        if holder is not None:
            score = knowledge(doc).scores.actors.of("nominal-person")
            out.append(Mention(i, end, "person", holder.canonical, "nominal-person", score, NOMINAL,
                               role=text, affiliation=holder.affiliation))
    return out


def _office_end(doc: Doc, i: int, offices: frozenset[str]) -> int | None:
    for width in range(MAX_OFFICE_WORDS, 0, -1):
        if i + width <= len(doc) and doc[i:i + width].text.lower() in offices:
            return i + width
    return None


def _stands_alone(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """Not part of a longer title ("Vice President", "Federation Council
    Speaker", "Kenya's President"), nor the title of a name or of a body
    that follows ("President Duterte", "President of Turkmenistan",
    "Prime Minister's Office")."""
    titles = knowledge(doc).titles
    if _quoted(doc, start, end):
        return False  # "not recognised as ‘President’": the word, not the office-holder
    if start > 0 and not doc[start].is_sent_start:
        prev = doc[start - 1]
        if prev.text in ("'s", "’s", "-") or prev.lower_ in titles.modifiers or prev.lower_ in titles.nouns:
            return False
        if _capitalised_word(prev) and prev.pos_ != "DET":
            return False
    if end < len(doc):
        nxt = doc[end]
        if end in taken or nxt.lower_ in ("of", "-", "for"):
            return False
        if _capitalised_word(nxt) and nxt.pos_ in ("PROPN", "NOUN"):
            return False
    return True


def _quoted(doc: Doc, start: int, end: int) -> bool:
    return 0 < start and end < len(doc) and doc[start - 1].is_quote and doc[end].is_quote


def _capitalised_word(tok: Token) -> bool:
    return tok.is_alpha and (tok.is_title or tok.is_upper)


def _holder(people: list[Mention], office: str | None, at: int, doc: Doc) -> Mention | None:
    """The person whose title in this document names the same office."""
    if office is None:
        return None
    titles = knowledge(doc).titles
    others = titles.modifiers | titles.nouns  # "Vice", "Deputy", "former" make another office
    same = [p for p in people if p.role and p.rule != "nominal-person" and _holds(p.role, office, others)]
    before = [p for p in same if p.start < at]
    return before[-1] if before else (same[0] if same else None)


def _holds(role: str, office: str, others: frozenset[str]) -> bool:
    """"Cuban Foreign Minister" holds the foreign minister's office; "Vice
    President" and "former President" do not hold the president's."""
    words, size = role.lower().split(), len(office.split())
    if words[-size:] != office.split():
        return False
    return len(words) == size or words[-size - 1] not in others
