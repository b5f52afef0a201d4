"""Does a capital or seat of government stand for the government?

"Moscow opposed…", "Washington's miscalculation", "accused Washington",
"tensions between Beijing and Washington" name a government acting; "the
takeover of Kabul", "dialogues in Moscow", "Kabul airport" name a place.
The decision reads the dependency parse around the name: which function it
has (subject, object, possessor, object of a preposition) and which word
governs it. The word lists (annotator/data/lexicon/metonymy.json) are about
English usage, not about any text: verbs and nouns whose argument is
naturally a place.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.knowledge import knowledge


def stands_for_government(span: Span) -> bool:
    """True when the capital or seat in `span` acts, speaks or wants."""
    tok, words = span.root, knowledge(span.doc).metonymy
    after = _hyphen_word(span)
    if after is not None:
        # "Moscow-backed" is the government; "Kabul-based" is a place.
        return after.islower() and after.endswith("ed") and after != "based"
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.is_lower and nxt.lemma_ in words.place_nouns:
        return False  # "the Buenos Aires daily", "the Kabul airport": a modifier of a place noun, whatever the parse
    tok = _climb(tok)
    dep = tok.dep_
    if dep in ("nsubj", "nsubjpass"):
        return _subject_acts(tok, words)
    if dep == "poss":
        return tok.head.lemma_.lower() not in words.place_nouns
    if dep in ("dobj", "npadvmod", "dative", "oprd") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head.lemma_.lower() not in words.place_verbs
    if dep == "pobj":
        return _object_of_preposition(tok, words)
    if dep == "compound":
        if nxt is not None and _misread_cue(nxt):
            return True  # a headline's "Beijing rejects charge" parsed as a compound; "Kremlin claims"
        # "Kremlin spokesman" serves the government; "Kampala police spokesman" the city's police.
        noun = nxt if nxt is not None and nxt.pos_ == "NOUN" and nxt.dep_ == "compound" else tok.head
        return noun.lemma_.lower() in words.official_nouns
    return False


def _hyphen_word(span: Span) -> str | None:
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end].whitespace_:
        return doc[span.end + 1].text
    return None


def _climb(tok: Token) -> Token:
    """A conjunct or apposition shares the function of the word it joins;
    a compound on a non-noun ("Beijing security-wise") is a misparse of it."""
    for _ in range(4):
        if tok.dep_ in ("conj", "appos") and tok.head is not tok:
            tok = tok.head
        elif tok.dep_ == "compound" and tok.head.pos_ not in ("NOUN", "PROPN"):
            tok = tok.head
        else:
            break
    return tok


def _subject_acts(tok: Token, words) -> bool:
    verb = tok.head
    lemma = verb.lemma_.lower()
    if tok.dep_ == "nsubjpass":
        return lemma not in words.place_verbs
    if lemma == "be":
        # "Kabul is a city" is a place; "Moscow was the first to plead" acts.
        attrs = [c.lemma_.lower() for c in verb.children if c.dep_ in ("attr", "acomp")]
        return not any(a in words.place_nouns or a in words.place_adjectives for a in attrs)
    return lemma not in words.place_subject_verbs


def _object_of_preposition(tok: Token, words) -> bool:
    prep = tok.head
    word = prep.lower_
    governor = prep.head.lemma_.lower()
    if word in words.place_preps:
        return governor in words.stance_nouns
    if word == "of":
        return governor in words.policy_nouns
    if word in ("since", "during", "until", "till"):
        return False
    if word == "for":  # "nothing for Washington" benefits the government; "left for Moscow" goes there
        return governor not in words.place_verbs and governor not in words.place_nouns
    motion = governor in words.place_verbs or governor in words.motion_words
    return not motion and governor not in words.place_nouns


def names_a_building(span: Span) -> bool:
    """"the embassy in Bishkek was hit", "protesters outside the embassy":
    a mission as a building, not the body that speaks ("the embassy announced")."""
    tok, words = _climb(span.root), knowledge(span.doc).metonymy
    head = tok.head.lemma_.lower()
    if tok.dep_ in ("nsubjpass", "dobj"):
        return head in words.place_verbs
    return tok.dep_ == "pobj" and tok.head.lower_ in words.place_preps


def _misread_cue(tok: Token) -> bool:
    """A speech verb in the third person ("rejects", "denies") that the parser
    read as a noun, as headlines drop the words that would tell it; or a
    speech noun ("claims", "demands"): either way the seat is the speaker."""
    low = tok.lower_
    if tok.pos_ not in ("NOUN", "PROPN") or not low.endswith("s"):
        return False
    cues = knowledge(tok.doc).derived("cue_lemmas", lambda: {c.lemma for c in knowledge(tok.doc).cues.speech})
    stems = {low[:-1], low[:-2], low[:-3] + "y"}  # "rejects", "pushes", "denies"
    return bool(stems & cues)
