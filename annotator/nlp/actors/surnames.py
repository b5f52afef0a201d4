"""Surnames and short forms: one id for every way a person is named.

"Tokayev" after "Kassym-Jomart Tokayev", "Kim" after "Kim Sung-han" (family
name first), "Ismail Sabri" after "Ismail Sabri Yaakob" and "Mahmood Ali"
after "A H Mahmood Ali" are the same person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from annotator.nlp.doc_scan import tokens_in
from annotator.nlp.knowledge import knowledge

from .rules import NOMINAL, Mention

MAX_TITLE_ABBREVIATION = 4  # "CS", "DPM", "AG"
# "Kim Sung-han", "Liang Wen-chieh": a Korean or Chinese name written family
# name first, the given name hyphenated with a lowercase second syllable.
FAMILY_FIRST = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+")


def _score(doc: Doc, rule: str) -> float:
    return knowledge(doc).scores.actors.of(rule)


def surname_mentions(doc: Doc, people: list[Mention], taken: set[int]) -> list[Mention]:
    """Bare surnames the model missed, of a full name met in the document
    (also before it: a headline names "Duterte" above "Rodrigo Duterte")."""
    first_seen: dict[str, tuple[int, Mention]] = {}
    titles = knowledge(doc).titles.nouns
    for m in people:
        last = doc[m.end - 1]
        if m.end - m.start > 1 and last.lower_ not in titles:
            first_seen.setdefault(last.text, (m.start, m))
        if FAMILY_FIRST.fullmatch(doc[m.start:m.end].text):  # "Kim Sung-han" … "Kim said"
            first_seen.setdefault(doc[m.start].text, (m.start, m))
    out = []
    for tok in (doc[i] for i in tokens_in(doc, first_seen)):
        seen = first_seen.get(tok.text)
        if seen and tok.i not in taken and _read_as_name(tok):
            out.append(Mention(tok.i, tok.i + 1, "person", seen[1].canonical, "surname",
                               _score(doc, "surname"), NOMINAL))
    return out


def add_particles(doc: Doc, mentions: list[Mention]) -> None:
    """A bare surname whose full name has particles in front of it takes them."""
    full = {m.canonical: m for m in mentions if m.type == "person" and m.end - m.start > 2}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.type == "person" and m.end - m.start == 1 and m.canonical in full:
            m.start = _with_particles(doc, m.start, full[m.canonical], taken)


def _with_particles(doc: Doc, i: int, full: Mention, taken: set[int]) -> int:
    """"Von der Leyen" after "Ursula von der Leyen": the lowercase particles
    in front of the surname belong to it, capitalised at a sentence start."""
    particles: list[str] = []
    j = full.end - 2
    while j > full.start and doc[j].is_lower:
        particles.insert(0, doc[j].lower_)
        j -= 1
    n = len(particles)
    if n and i - n >= 0 and [t.lower_ for t in doc[i - n:i]] == particles and not taken.intersection(range(i - n, i)):
        return i - n
    return i


def _read_as_name(tok) -> bool:
    """A proper noun; or a capitalised word opening a sentence, which the
    model often misreads there ("Okonjo silent on …" read as a verb)."""
    return tok.pos_ == "PROPN" or (tok.is_sent_start and tok.is_title and tok.pos_ in ("VERB", "NOUN", "ADJ"))


def split_abbreviated_titles(doc: Doc, mentions: list[Mention]) -> None:
    """"CS Matiangi" after "Fred Matiangi": an all-caps abbreviation in front
    of a surname met in full with another first word is a title ("CS",
    "DPM"), so it goes to the role and the name is the surname. One letter
    is an initial or a particle ("Ó Caoláin"), not a title."""
    full = [m for m in mentions if m.type == "person" and m.end - m.start > 1]
    for m in full:
        first, last = doc[m.start], doc[m.end - 1]
        if m.end - m.start != 2 or not (first.is_upper and first.is_alpha and 1 < len(first) <= MAX_TITLE_ABBREVIATION):
            continue
        if any(f is not m and doc[f.end - 1].text == last.text and doc[f.start].text != first.text for f in full):
            m.start, m.role = m.start + 1, first.text


def link_people(doc: Doc, mentions: list[Mention]) -> None:
    """Give a bare surname the id of the full name met earlier (else later);
    a surname the model took for an organisation is the person too. A short
    form of a longer name ("Ismail Sabri" of "Ismail Sabri Yaakob", "Mahmood
    Ali" of "A H Mahmood Ali", "Martin" after "Mr") is that person too."""
    full = [m for m in mentions if m.type == "person" and m.end - m.start > 1]
    for m in mentions:
        if m.end - m.start > 1 or m.rule == "title-name":
            _link_short_form(doc, m, full)
            continue
        if m.rule not in ("ner", "gazetteer") or m.type == "state":
            continue
        if m.rule == "gazetteer" and m.type != "person":
            continue  # a known organisation is not a surname
        surname = doc[m.start].text
        match = [f for f in full if doc[f.end - 1].text == surname]
        # Chinese names put the family name first: "Wang Yi" … "Wang".
        match = match or [f for f in full if doc[f.start].text == surname]
        earlier = [f for f in match if f.start < m.start]
        if earlier or match:
            m.canonical = (earlier[-1] if earlier else match[0]).canonical
            m.type = "person"


def _link_short_form(doc: Doc, m: Mention, full: list[Mention]) -> None:
    """A person's name that starts or ends a longer person's name in the
    document takes its id: the nearest earlier such name, else the first."""
    if m.type != "person" or m.rule not in ("ner", "title-name"):
        return
    words = [t.text for t in doc[m.start:m.end]]
    n = len(words)

    def longer(f: Mention) -> bool:
        other = [t.text for t in doc[f.start:f.end]]
        return len(other) > n and (other[:n] == words or other[-n:] == words)

    match = [f for f in full if longer(f)]
    earlier = [f for f in match if f.start < m.start]
    if match:
        m.canonical = (earlier[-1] if earlier else match[0]).canonical
