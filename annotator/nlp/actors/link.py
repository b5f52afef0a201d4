"""Linking within a document: one id per real actor.

* acronyms defined in the text: "Shanghai Cooperation Organization (SCO)";
* surnames and short forms are in surnames.py;
* titles and the nominal mentions they allow: "the Kazakh President" is the
  person named earlier with that title.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from annotator.nlp.doc_scan import tokens_in
from annotator.nlp.knowledge import knowledge

from .data import Gazetteer, slug
from .people import nominal_candidates, office_of, role_start, trim_role
from .rules import DEFINED, GAZETTEER, NOMINAL, Mention


def _score(doc: Doc, rule: str) -> float:
    """How far to trust a rule's mentions: annotator/data/scores.json, "actors"."""
    return knowledge(doc).scores.actors.of(rule)


_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&/.-]{1,9}$")


def define_acronyms(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> dict[str, Mention]:
    """"Long Name (ACR)": the acronym and the long name share one id.

    When either half is known to the gazetteer its id wins, so the pair
    links up with mentions in other documents.
    """
    by_start = {m.start: m for m in mentions}
    defined: dict[str, Mention] = {}
    for m in mentions:
        if m.type in ("person", "state") or m.end + 2 >= len(doc):
            continue
        if doc[m.end].text != "(" or doc[m.end + 2].text != ")":
            continue
        acr = doc[m.end + 1]
        if not _ACRONYM.match(acr.text) or sum(c.isupper() for c in acr.text) < 2:
            continue
        known = by_start.get(acr.i)
        if known is not None and known.rule != "ner" and m.rule == "ner":
            m.canonical, m.type = known.canonical, known.type
        elif known is not None and known.rule == "ner":
            known.canonical, known.type, known.rule = m.canonical, m.type, "acronym"
        defined[acr.text] = m
    return defined


def acronym_mentions(doc: Doc, defined: dict[str, Mention], mentions: list[Mention]) -> list[Mention]:
    """Later uses of a defined acronym: new mentions where no rule found one,
    and the model's own mentions of it relinked to the long name's id."""
    for m in mentions:
        long = defined.get(doc[m.start:m.end].text)
        if long is not None and m.rule == "ner":
            m.canonical, m.type, m.rule = long.canonical, long.type, "acronym"
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for i in tokens_in(doc, defined):
        long = defined.get(doc[i].text)  # a hash collision is not a match
        if long is not None and i not in taken:
            out.append(Mention(i, i + 1, long.type, long.canonical, "acronym", _score(doc, "acronym"), DEFINED))
    return out


def set_roles(doc: Doc, people: list[Mention], mentions: list[Mention], gaz: Gazetteer) -> None:
    names = {i for p in people for i in range(p.start, p.end)}
    for m in people:
        first, end = role_start(doc, m.start, names), m.start
        if first is None and m.start > 1 and doc[m.start - 1].text == ",":
            # A comma title: "the Information Minister, Lai Mohammed".
            first, end = role_start(doc, m.start - 1, names), m.start - 1
        if first is None:
            continue
        m.role = trim_role(doc, first, end)
        # "referred to as ‘Mr Lukashenko’": a quoted form of address is the point, so it stays.
        if not (first > 0 and doc[first - 1].is_quote):
            m.role = _without_honorifics(m.role, knowledge(doc).titles.honorifics)
        inside = [o for o in mentions if first <= o.start and o.end <= end]
        demonym = next((gaz.demonyms[t.text] for t in doc[first:end] if t.text in gaz.demonyms), None)
        m.affiliation = demonym or (inside[-1].canonical if inside else m.affiliation)


def _without_honorifics(role: str, honorifics: frozenset[str] | None) -> str | None:
    """"Mr", "Datuk Seri" are forms of address, not roles: "Foreign Office Spokesman Mr." keeps the office."""
    words = role.split()
    while words and honorifics and words[-1].lower() in honorifics:
        words.pop()
    while words and honorifics and words[0].lower() in honorifics:
        words.pop(0)
    return " ".join(words) or None


def title_name_mentions(doc: Doc, taken: set[int]) -> list[Mention]:
    """A capitalised title followed by a name NER missed: "Minister Akan Rakhmetullin"."""
    out, titles = [], knowledge(doc).titles
    for tok in (doc[i] for i in tokens_in(doc, titles.nouns, "LOWER") if i < len(doc) - 1):
        if not (tok.is_title and tok.lower_ in titles.nouns and _name_word(doc[tok.i + 1], titles)):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 3 and _name_word(doc[end], titles):
            end += 1
        if end < len(doc) and doc[end].lower_ in titles.nouns:
            continue  # "Deputy Police Minister …": "Police" is inside a longer title
        if end > tok.i + 1 and not any(i in taken for i in range(tok.i + 1, end)):
            text = doc[tok.i + 1:end].text
            out.append(Mention(tok.i + 1, end, "person", slug(text), "title-name", _score(doc, "title-name"), NOMINAL))
    return out


def _name_word(tok, titles) -> bool:
    low = tok.lower_
    return tok.pos_ == "PROPN" and tok.is_title and low not in titles.nouns and low not in titles.modifiers


def nominal_mentions(doc: Doc, people: list[Mention], gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """"Uzbek government" is the state; "the Kazakh President" the person
    named with that title elsewhere in the document (left out if none)."""
    out, titles = [], knowledge(doc).titles
    for start, end, kind, state in nominal_candidates(doc, gaz.demonyms):
        if any(i in taken for i in range(start, end)) or _unspecific(doc, start):
            continue
        text = doc[start:end].text
        if kind == "office" and _named_after(doc, end, taken):
            continue  # "The Russian President, Vladimir Putin, …": a title in apposition is the role
        if kind == "government":
            out.append(Mention(start, end, "state", state, "nominal-government",
                               _score(doc, "nominal-government"), NOMINAL))
            continue
        holder = _holder(people, text, office_of(text, titles.offices), state, start, gaz, titles)
        if holder is not None:
            out.append(Mention(start, end, "person", holder.canonical, "nominal-person", _score(doc, "nominal-person"),
                               NOMINAL, role=text, affiliation=state))
    return out


# Words that make "Afghan government" any or none, not the one acting: "no previous Afghan government".
UNSPECIFIC = {"no", "any", "every", "each", "previous", "successive", "a", "an"}


def _unspecific(doc: Doc, start: int) -> bool:
    return any(doc[i].lower_ in UNSPECIFIC for i in range(max(0, start - 2), start))


def _named_after(doc: Doc, end: int, taken: set[int]) -> bool:
    """A name follows the office after a comma: "The Russian President, Vladimir Putin"."""
    return end + 1 < len(doc) and doc[end].text == "," and (end + 1) in taken and doc[end + 1].ent_type_ == "PERSON"


def _role_office(role: str, offices: frozenset[str]) -> str | None:
    """The office a role holds; "Tajik opposition leader" leads no state, so only
    a bare "<demonym> leader" counts as the state's leader."""
    office = office_of(role, offices)
    return None if office == "leader" and len(role.split()) > 2 else office


def _same_office(a: str | None, b: str | None, heads: frozenset[str]) -> bool:
    """`heads`: the offices that head a state, which "leader" stands for."""
    return a == b or (a == "leader" and b in heads) or (b == "leader" and a in heads)


def _holder(people: list[Mention], text: str, office: str | None, state: str, at: int,
            gaz: Gazetteer, titles) -> Mention | None:
    """Who holds the office: a person titled so in this document, else a
    person named in it whose gazetteer entry holds that office there."""
    heads = titles.head_of_state
    same = [p for p in people if p.role and (p.role.lower() == text.lower()
            or (_same_office(_role_office(p.role, titles.offices), office, heads) and p.affiliation == state))]
    if not same:
        same = [p for p in people if _holds(gaz.entries.get(p.canonical), office, state, heads)]
    before = [p for p in same if p.start < at]
    return before[-1] if before else (same[0] if same else None)


def _holds(entry, office: str | None, state: str, heads: frozenset[str]) -> bool:
    return entry is not None and entry.affiliation == state and _same_office(entry.office, office, heads)



def _title_case_line(doc: Doc, i: int) -> bool:
    """Whether the line holding token i capitalises all its words (a headline)."""
    start, end = i, i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    words = [t for t in doc[start:end] if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and all(t.is_title or t.is_upper for t in words)


def body_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A known organisation followed by the name of one of its bodies is that
    body: "the CSTO Joint Staff said" is not the CSTO's word."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out, kb = [], knowledge(doc)
    # Last words of a body inside a known organisation: "CSTO Joint Staff", "SCO Secretariat".
    tails = kb.derived("body_tails", lambda: kb.institution_heads.heads | kb.institution_heads.body_tails)
    titles = kb.titles.nouns
    for m in mentions:
        if m.type != "organization" or m.trust != GAZETTEER:
            continue
        j = m.end
        while (j < len(doc) and j - m.end < 3 and doc[j].is_title and j not in taken
               and doc[j].pos_ in ("NOUN", "PROPN") and doc[j].ent_type_ in ("", "ORG")
               and doc[j].lower_ not in titles):
            j += 1
        if j > m.end and _title_case_line(doc, m.start):
            continue  # "SCO Holds Board Meeting In Tashkent": a headline capitalises every word
        while j > m.end and doc[j - 1].lower_ not in tails:
            j -= 1
        if j > m.end:
            out.append(Mention(m.start, j, "organization", f"{m.canonical}-{slug(doc[m.end:j].text)}",
                               "body-of-organization", _score(doc, "body-of-organization"), GAZETTEER))
    return out




def kind_named_mentions(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """A name in apposition to a noun of its kind, which the model may miss
    or mistype: "the state gas company Turkmengaz", "the militant group
    Jamaat Ansarullah". The kind noun gives the type."""
    out, heads = [], knowledge(doc).institution_heads
    for tok in (doc[i] for i in tokens_in(doc, ("appos",), "DEP")):
        start = _name_start(tok)
        kind = tok.head.lemma_.lower()
        known_kind = kind in heads.org_kinds or kind in heads.group_kinds
        if not _right_after(doc, tok.head.i, start) or not tok.text[:1].isupper() or not known_kind:
            continue
        # Taken words are no bar: "the state newspaper Neutral Turkmenistan" is longer than
        # the state in it, and on an equal span the gazetteer's reading wins.
        if doc[start:tok.i + 1].text in gaz.places:
            continue
        if any(doc[i].text in gaz.demonyms for i in range(start, tok.i + 1)):
            continue
        type_ = "group" if kind in heads.group_kinds else "organization"
        out.append(Mention(start, tok.i + 1, type_, slug(doc[start:tok.i + 1].text), "named-by-kind",
                           _score(doc, "named-by-kind"), NOMINAL))
    return out


def _right_after(doc: Doc, kind: int, start: int) -> bool:
    """The name follows its kind noun, at once or after a comma and "the":
    "the rebel group, the ELN, said"."""
    between = [t.lower_ for t in doc[kind + 1:start]]
    return between in ([], [","], [",", "the"])


def _name_start(tok) -> int:
    """Where the name ending at `tok` begins: the capitalised words before it
    that the parse hangs on it ("Jamaat" of "Jamaat Ansarullah")."""
    doc, start = tok.doc, tok.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i \
            and doc[start - 1].text[:1].isupper():
        start -= 1
    return start




def appositive_people(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """A name the model missed that an apposition calls a person: "Bakhrom
    Ismoilov, a lawyer for several of the convicts, told RFE/RL …"."""
    out, kb = [], knowledge(doc)
    person_nouns = kb.derived("person_nouns", lambda: kb.titles.nouns | kb.titles.person_nouns)
    for tok in (doc[i] for i in tokens_in(doc, ("appos",), "DEP")):
        head = tok.head
        if tok.lemma_.lower() not in person_nouns or head.pos_ != "PROPN" or not head.is_title or head.i > tok.i:
            continue
        start = _name_start(head)
        names = doc[start:head.i + 1]
        if len(names) < 2 or any(i in taken for i in range(start, head.i + 1)) or head.ent_type_ in ("GPE", "LOC"):
            continue  # one word alone may be anything; two proper names with "a lawyer" are a person
        if any(t.text in gaz.demonyms or slug(t.text) in gaz.entries for t in names):
            continue
        out.append(Mention(start, head.i + 1, "person", slug(names.text), "appositive-person",
                           _score(doc, "appositive-person"), NOMINAL))
    return out
