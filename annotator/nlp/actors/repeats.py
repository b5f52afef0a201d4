"""A name once found by its kind, or an acronym the model once read as a
body, is that actor wherever it recurs.

"the rebel group, the ELN, said …" tells us what the ELN is; "The ELN
announced …" two paragraphs later says nothing of it, and the model, which
missed the first mention, misses the others too. One name, one actor
throughout a text: the later mentions take the first one's type and id.
"""

from __future__ import annotations

from spacy.tokens import Doc

from annotator.nlp.doc_scan import tokens_in
from annotator.nlp.knowledge import knowledge

from .rules import NOMINAL, Mention

# Rules whose mentions carry evidence of their own that later bare uses lack.
EVIDENCED = ("named-by-kind",)
MAX_ACRONYM = 6
MAX_CAPS_WORDS = 3  # "PREMIUM TIMES"


def repeated_mentions(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """Other occurrences, word for word, of a name a kind noun introduced
    (the model's own mentions of it are retyped)."""
    out: list[Mention] = []
    score = knowledge(doc).scores.actors.of("named-by-kind")
    for m in mentions:
        if m.rule not in EVIDENCED:
            continue
        words = [t.text for t in doc[m.start:m.end]]
        for other in mentions:  # the model's own reading of the name elsewhere takes the kind's type
            if other.rule == "ner" and [t.text for t in doc[other.start:other.end]] == words:
                other.type, other.canonical = m.type, m.canonical
        out += _repeats(doc, m, words, taken, Mention(0, 0, m.type, m.canonical, m.rule, score, NOMINAL))
    return out


def repeated_acronyms(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """An all-caps name the model once read as a body ("the FO will seek",
    "PREMIUM TIMES") is that body where it missed it ("FO spokesperson"); run after the
    acronyms the text defines have taken theirs."""
    out: list[Mention] = []
    score = knowledge(doc).scores.actors.of("acronym")
    for m in [m for m in mentions if _acronym(doc, m)]:
        like = Mention(0, 0, m.type, m.canonical, "acronym", score, NOMINAL)
        out += _repeats(doc, m, [t.text for t in doc[m.start:m.end]], taken, like)
    return out


def _repeats(doc: Doc, m: Mention, words: list[str], taken: set[int], like: Mention) -> list[Mention]:
    out, n = [], len(words)
    for i in tokens_in(doc, {words[0]}):  # before it too: a headline names it above the story
        if [t.text for t in doc[i:i + n]] != words or taken.intersection(range(i, i + n)):
            continue
        if (i + n < len(doc) and doc[i + n].text[:1].isupper() and doc[i + n].is_alpha) or \
                (i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start):
            continue  # part of a longer name ("ELN Central Command")
        out.append(Mention(i, i + n, like.type, like.canonical, like.rule, like.score, like.trust))
        taken.update(range(i, i + n))
    return out


def _acronym(doc: Doc, m: Mention) -> bool:
    """"FO", "PREMIUM TIMES": a name in capitals, which no common word is."""
    words = [t.text for t in doc[m.start:m.end]]
    if m.rule != "ner" or m.type != "organization" or len(words) > MAX_CAPS_WORDS:
        return False
    short = len(words) > 1 or 2 <= len(words[0]) <= MAX_ACRONYM  # a long one-word name may be a shouted word
    return short and all(w.isalpha() and w.isupper() and len(w) > 1 for w in words)
