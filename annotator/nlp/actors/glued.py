"""Names glued to what stands before them.

The model reads an office or a body right before a person as one name:
"Kazakh President Kassym-Jomart Tokayev" or "… of Turkmenistan Gurbanguly
Berdimuhamedov" as one organisation, "DPM Rustam Azimov" as a person whose
name starts with an abbreviation. The person is an actor of their own (and
the speaker of what they say); the office is their role, and a body or
state in front stays an actor too.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from annotator.nlp.doc_scan import doc_text
from annotator.nlp.knowledge import knowledge

from .data import Gazetteer, slug
from .places import is_institution
from .rules import NOMINAL, Mention

# "A.Karimova", "Sh.Mirziyoyev", "A.K.Tokayev": initials glued to a surname, the
# style of Central Asian and Russian agencies; no place or body is written so.
INITIAL_NAME = re.compile(r"(?:[A-Z][a-z]?\.){1,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def split_person(span: Span, label: str, gaz: Gazetteer) -> list[tuple[Span, str]]:
    """An ORG or PERSON span that ends in a person's name, split into the
    actor in front (if it is one, not just a title) and the person: "Sinn
    Féin TD Caoimhghín Ó Caoláin" is a party and its deputy."""
    if label not in ("ORG", "PERSON") or len(span) < 3:
        return [(span, label)]
    titles = knowledge(span.doc).titles.nouns
    for k in range(1, len(span) - 1):
        head, name = span[:k], span[k:]
        if not _name_like(name, titles) or not _glued_in_front(head, gaz, titles):
            continue
        front = [] if head[-1].lower_ in titles else [(head, "ORG")]
        return [*front, (name, "PERSON")]
    return [(span, label)]


def _glued_in_front(head: Span, gaz: Gazetteer, titles: frozenset[str]) -> bool:
    """A title ("Kazakh President"), an abbreviation ("DPM", "CSTO") or what
    ends in a known actor ("Turkmenistan", "Parliament of Turkmenistan")."""
    last = head[-1]
    if last.lower_ in titles or acronym(last):
        return True
    return any(head[j:].text in gaz.alias_ids or slug(head[j:].text) in gaz.entries for j in range(len(head)))


def _name_like(name: Span, titles: frozenset[str]) -> bool:
    """Two or more capitalised proper nouns (hyphens allowed: "Kassym-Jomart"),
    none a title or the head of a body's name."""
    heads = _body_words(name.doc)
    words = [t for t in name if t.text != "-"]
    return len(words) >= 2 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and not acronym(t) and t.lower_ not in titles
        and t.lower_ not in heads for t in words)


def _body_words(doc) -> frozenset[str]:
    """Words of body, group and thing names ("UN Monitoring Team" names no person)."""
    kb = knowledge(doc)
    ih = kb.institution_heads
    return kb.derived("glued_body_words", lambda: ih.heads | ih.units | ih.body_tails | ih.groups | ih.documents
                      | ih.events | ih.org_kinds | ih.group_kinds)


def acronym(tok: Token) -> bool:
    """"DPM", "CSTO": capitals only, no given name looks so."""
    return tok.is_alpha and tok.is_upper and len(tok) > 1


def initial_names(doc: Doc, taken: set[int]) -> list[Mention]:
    """People the model misses because their given name is an initial glued
    to the surname ("A.Karimova said"): one token or the tokenizer's pieces
    of one word."""
    out, text = [], doc_text(doc)
    for m in INITIAL_NAME.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isalnum() or before == "." or after.isalnum():
            continue
        span = doc.char_span(m.start(), m.end())
        surname = m.group().rsplit(".", 1)[-1].lower()
        if span is None or any(t.i in taken for t in span) or surname in _body_words(doc):  # "U.S.Army"
            continue
        score = knowledge(doc).scores.actors.of("initial-name")
        out.append(Mention(span.start, span.end, "person", slug(span.text), "initial-name", score, NOMINAL))
    return out


def joined_names(spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """"Teodoro Obiang" + "Nguema Mbasogo": two PERSON entities the model cut
    from one long name, with nothing between them, are one person; and
    "Malaysian Communications" + "and" + "Multimedia Commission" one body."""
    out: list[tuple[Span, str]] = []
    for span, label in spans:
        if out and label == out[-1][1] == "PERSON" and out[-1][0].end == span.start and not span[0].is_punct:
            prev = out[-1][0]
            out[-1] = (prev.doc[prev.start:span.end], label)
            continue
        if out and label == out[-1][1] == "ORG" and _one_body(out[-1][0], span):
            prev = out[-1][0]
            out[-1] = (prev.doc[prev.start:span.end], label)
            continue
        out.append((span, label))
    return out


def _one_body(first: Span, second: Span) -> bool:
    """"X and Y Commission": the head noun of the second name covers both
    fields when the first has none of its own ("Communications")."""
    doc = first.doc
    return (first.end + 1 == second.start and doc[first.end].lower_ == "and"
            and not is_institution(first) and is_institution(second) and second[0].is_title)


def partners(span: Span) -> list[Span]:
    """"Liberal Democratic Party-Komeito coalition": a body's head glued by a
    hyphen to another name joins two partners, each an actor."""
    doc = span.doc
    heads = knowledge(doc).institution_heads.heads
    for k in range(span.start + 1, span.end - 1):
        if (doc[k].text == "-" and not doc[k].whitespace_ and not doc[k - 1].whitespace_
                and doc[k - 1].lower_ in heads and doc[k + 1].is_title):
            return [doc[span.start:k], doc[k + 1:span.end]]
    return [span]
