"""Names that are places, and names of bodies, in the model's entities.

"the Torkham crossing", "the Gorno-Badakhshan Autonomous Region", "the
border town of Serhetabat" name places; "the International Fund for Saving
the Aral Sea" ends in a place but heads a body. The NER filter (ner.py)
asks these questions of every span.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from annotator.nlp.knowledge import Knowledge, knowledge


def names_a_place(span: Span) -> bool:
    """"the Torkham crossing": a name that modifies a place noun is that place;
    "the Gorno-Badakhshan Autonomous Region" ends in one; "the border town of
    Serhetabat" is named by one."""
    root, heads = span.root, knowledge(span.doc).place_heads.heads
    if ends_in_place_noun(span):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in heads:
        return True
    return root.dep_ == "compound" and root.head.lemma_.lower() in heads


def next_place_nouns(kb: Knowledge) -> frozenset[str]:
    """Place nouns that, right after a name, make it a place."""
    return kb.derived("next_place_nouns", lambda: kb.place_heads.heads - kb.place_heads.not_after_names)


def person_place_heads(kb: Knowledge) -> frozenset[str]:
    """Place nouns that end no person's name ("Qosh Tepa Canal"; unlike "Field" or "Port")."""
    return kb.derived("person_place_heads", lambda: next_place_nouns(kb) | kb.place_heads.person_place_heads)


def _before_place(kb: Knowledge) -> re.Pattern:
    """Up to four capitalised words before such a noun, in lower case: "the Qosh Tepa canal"."""
    def make() -> re.Pattern:
        nouns = "|".join(sorted(next_place_nouns(kb)))
        return re.compile(rf"((?:[A-ZА-ЯЁ][\w'’-]*\s+){{1,4}})(?:{nouns})s?\b")
    return kb.derived("before_place", make)


def names_before_place_nouns(text: str, kb: Knowledge) -> set[str]:
    """Every name the text puts before a place noun (the last one to four capitalised words)."""
    names: set[str] = set()
    for m in _before_place(kb).finditer(text):
        words = m.group(1).split()
        names.update(" ".join(words[i:]) for i in range(len(words)))
    return names


def ends_in_place_noun(span: Span) -> bool:
    """"the Gorno-Badakhshan Autonomous Region" (but "the International Fund for
    Saving the Aral Sea" is a body); "the Qosh Tepa canal", "the Panj and Amu Darya rivers"."""
    doc, kb = span.doc, knowledge(span.doc)
    if len(span) > 1 and span[-1].lower_ in kb.place_heads.heads and not is_institution(span):
        return True
    nxt = span.end
    if nxt + 1 < len(doc) and doc[nxt].lower_ in ("and", "or", ","):  # "the Torkham and Chaman crossings"
        nxt += 1
        while nxt < len(doc) and doc[nxt].is_title:
            nxt += 1
    return nxt < len(doc) and doc[nxt].lemma_.lower() in next_place_nouns(kb)


def is_institution(span: Span) -> bool:
    heads = knowledge(span.doc).institution_heads.heads
    return any(t.lower_ in heads for t in span)
