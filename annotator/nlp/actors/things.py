"""Words the model reads as names of people or bodies that name no actor.

The small model tags "the Border", "the Levant", "COVID-19" as people and
"Rohingyas" as an organisation. The form of the word says otherwise: a
person's name takes no "the", holds no digit and is not an acronym; a plural
whose singular modifies nouns in the same text ("Rohingya refugees") names a
people, not one actor. These tests look only at the span and its neighbours.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from annotator.nlp.knowledge import knowledge


def lone_thing(span: Span) -> bool:
    """A one-word "person" that cannot be one: "the Border", "COVID-19", "ICU"."""
    if len(span) != 1:
        return False
    tok, doc = span[0], span.doc
    if any(ch.isdigit() for ch in tok.text) or (tok.is_upper and len(tok) > 1):
        return True
    # "the Kadyrov clan", "the Biden administration": a name may modify a noun after "the".
    return span.start > 0 and doc[span.start - 1].lower_ == "the" and tok.dep_ not in ("compound", "nmod", "amod")


def names_a_people(span: Span, text: str) -> bool:
    """"Rohingyas" beside "Rohingya refugees": the plural of a word that the
    text also uses as a modifier of a common noun is a people."""
    word = span.text
    if len(span) != 1 or len(word) < 4 or not word.endswith("s") or not word[:1].isupper():
        return False
    return re.search(rf"\b{re.escape(word[:-1])} [a-z]", text) is not None


def names_a_thing(span: Span) -> bool:
    """An event or a product, not a body: "the Crocus attack", "two Makarov
    pistols", "a Lada packed with explosives" (a name that heads a phrase
    with "a" is a thing: no actor takes "a")."""
    root, doc = span.root, span.doc
    heads, head = knowledge(doc).institution_heads, root.head.lemma_.lower()
    if root.dep_ == "compound" and (head in heads.events or head in heads.products):
        return True
    if len(span) > 1 and span[-1].lemma_.lower() in heads.events and span[-1].lower_ not in heads.heads:
        return True  # "the Fifth BRICS Summit" is a meeting; the bloc in it is a name of its own
    # "a Lada packed with explosives", but "a Kazatomprom spokesman" names the company.
    return (len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in ("a", "an")
            and root.dep_ not in ("compound", "amod", "nmod"))


def names_a_title(span: Span) -> bool:
    """"White House National Security Advisor", "Cabinet Secretaries": a run
    of capitalised words ending in a title noun names an office or its
    holders, not a body ("Council of Ministers" is one: "of" joins a body)."""
    low = span[-1].lower_
    nouns = knowledge(span.doc).titles.nouns
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else low
    if len(span) < 2 or (low not in nouns and singular not in nouns):
        return False
    return not any(t.lower_ in ("of", "for") for t in span)


def in_dateline(span: Span, states: set[str]) -> bool:
    """"NAIROBI, Kenya Jul 26": a country, a month and a day read as one
    name; a number right after a name that starts with a country dates it."""
    doc = span.doc
    return (len(span) > 1 and span[0].text in states and span.end < len(doc) and doc[span.end].like_num)
