"""A name once found by its kind is that actor wherever it recurs.

"the rebel group, the ELN, said …" tells us what the ELN is; "The ELN
announced …" two paragraphs later says nothing of it, and the model, which
missed the first mention, misses the others too. One name, one actor
throughout a text: the later mentions take the first one's type and id.
"""

from __future__ import annotations

from spacy.tokens import Doc

from annotator.nlp.knowledge import knowledge

from .rules import NOMINAL, Mention

# Rules whose mentions carry evidence of their own that later bare uses lack.
EVIDENCED = ("named-by-kind",)


def repeated_mentions(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """Later occurrences, word for word, of a name a kind noun introduced
    (the model's own mentions of it are retyped)."""
    out: list[Mention] = []
    score = knowledge(doc).scores.actors.of("named-by-kind")
    for m in mentions:
        if m.rule not in EVIDENCED:
            continue
        words = [t.text for t in doc[m.start:m.end]]
        n = len(words)
        for other in mentions:  # the model's own reading of the name elsewhere takes the kind's type
            if other.rule == "ner" and [t.text for t in doc[other.start:other.end]] == words:
                other.type, other.canonical = m.type, m.canonical
        for i in range(m.end, len(doc) - n + 1):
            if [t.text for t in doc[i:i + n]] != words or taken.intersection(range(i, i + n)):
                continue
            if (i + n < len(doc) and doc[i + n].text[:1].isupper() and doc[i + n].is_alpha) or \
                    (i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start):
                continue  # part of a longer name ("ELN Central Command")
            out.append(Mention(i, i + n, m.type, m.canonical, "named-by-kind", score, NOMINAL))
            taken.update(range(i, i + n))
    return out
