"""Does a capital or seat of government stand for the government?

"Moscow opposed…", "Washington's miscalculation", "accused Washington",
"tensions between Beijing and Washington" name a government acting; "the
takeover of Kabul", "dialogues in Moscow", "Kabul airport" name a place.
The decision reads the dependency parse around the name: which function it
has (subject, object, possessor, object of a preposition) and which word
governs it. The word lists below are about English usage, not about any
text: verbs and nouns whose argument is naturally a place.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Verbs whose object (or passive subject) is a place: "captured Kabul".
PLACE_VERBS = {
    "capture", "seize", "take", "enter", "visit", "reach", "leave", "flee", "surround",
    "attack", "bomb", "hit", "storm", "besiege", "overrun", "evacuate", "encircle",
    "shell", "fly", "tour", "conquer", "liberate", "occupy", "approach", "near", "target",
    "strike", "land", "arrive", "return", "travel", "move", "relocate", "head", "link",
    "connect", "bypass", "cross",
}
# Active verbs whose subject is a place: "Kabul fell", "Dushanbe lies".
PLACE_SUBJECT_VERBS = {"fall", "lie", "sit", "border", "stretch", "locate", "situate", "burn", "flood"}
# Nouns a place name completes: "citizens of Kabul", "Moscow's streets", "a city".
PLACE_NOUNS = {
    "street", "airport", "resident", "citizen", "population", "mayor", "outskirt", "suburb",
    "center", "centre", "skyline", "district", "metro", "university", "hospital", "square",
    "neighbourhood", "neighborhood", "city", "capital", "town", "home", "gate", "embassy",
    "fall", "takeover", "capture", "siege", "control", "road", "highway", "flight", "bank",
    "mosque", "market", "school", "people", "inhabitant", "part", "area", "region", "province",
}
# How a place is, not a government: "Kabul was calm".
PLACE_ADJECTIVES = {"calm", "quiet", "tense", "cold", "hot", "empty", "crowded", "deserted", "safe",
                    "peaceful", "chaotic", "dangerous", "busy", "dark", "beautiful", "large", "small"}
# Nouns that make "in Dushanbe" mean the people in power there.
STANCE_NOUNS = {
    "hostility", "rhetoric", "thinking", "mood", "sentiment", "policymaker", "decision-maker",
    "hardliner", "hawk", "frustration", "anger", "concern", "alarm", "unease", "worry",
    "reaction", "response", "irritation", "suspicion", "calculation", "calculus",
    "some", "many", "few", "those",  # "Some in Washington argue …"
}
# Nouns that make "of Moscow" mean the government: "the policy of Moscow".
POLICY_NOUNS = {
    "policy", "position", "stance", "decision", "strategy", "support", "influence",
    "interest", "approach", "view", "demand", "pressure", "role", "ally", "partner", "rival",
    "plan", "effort", "involvement", "sanction", "recognition", "intention", "diplomacy",
    "line", "response", "reaction", "refusal", "backing", "rhetoric", "claim", "aim", "goal",
}
# Nouns whose modifier names the government they serve: "Kremlin spokesman".
OFFICIAL_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "official", "aide", "adviser",
                  "advisor", "envoy", "leadership", "administration", "government", "regime",
                  "policy", "diplomat", "negotiator", "representative", "ally", "proxy"}
PLACE_PREPS = {"in", "at", "near", "around", "outside", "inside", "across", "throughout",
               "within", "into", "through", "via", "beyond", "out"}
MOTION_PREPS = {"to", "from", "toward", "towards"}
MOTION_WORDS = PLACE_VERBS | {"go", "come", "drive", "walk", "run", "march", "advance", "trip",
                              "journey", "visit", "flight", "road", "route", "way", "distance",
                              "km", "kilometre", "kilometer", "mile", "train", "bus", "deport",
                              "withdraw", "retreat", "escape", "evacuation", "refugee", "send",
                              "dispatch", "deploy", "transfer", "deliver", "bring", "ship", "airlift",
                              "delegation", "mission", "convoy", "export", "import", "railway",
                              "railroad", "rail", "pipeline", "corridor", "bridge", "link", "connection"}


def stands_for_government(span: Span) -> bool:
    """True when the capital or seat in `span` acts, speaks or wants."""
    tok = span.root
    after = _hyphen_word(span)
    if after is not None:
        # "Moscow-backed" is the government; "Kabul-based" is a place.
        return after.islower() and after.endswith("ed") and after != "based"
    tok = _climb(tok)
    dep = tok.dep_
    if dep in ("nsubj", "nsubjpass"):
        return _subject_acts(tok)
    if dep == "poss":
        return tok.head.lemma_.lower() not in PLACE_NOUNS
    if dep in ("dobj", "npadvmod", "dative", "oprd") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head.lemma_.lower() not in PLACE_VERBS
    if dep == "pobj":
        return _object_of_preposition(tok)
    if dep == "compound":
        return tok.head.lemma_.lower() in OFFICIAL_NOUNS  # "Kremlin spokesman"
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


def _subject_acts(tok: Token) -> bool:
    verb = tok.head
    lemma = verb.lemma_.lower()
    if tok.dep_ == "nsubjpass":
        return lemma not in PLACE_VERBS
    if lemma == "be":
        # "Kabul is a city" is a place; "Moscow was the first to plead" acts.
        attrs = [c.lemma_.lower() for c in verb.children if c.dep_ in ("attr", "acomp")]
        return not any(a in PLACE_NOUNS or a in PLACE_ADJECTIVES for a in attrs)
    return lemma not in PLACE_SUBJECT_VERBS


def _object_of_preposition(tok: Token) -> bool:
    prep = tok.head
    word = prep.lower_
    governor = prep.head.lemma_.lower()
    if word in PLACE_PREPS:
        return governor in STANCE_NOUNS
    if word == "of":
        return governor in POLICY_NOUNS
    if word in ("since", "during", "until", "till"):
        return False
    return governor not in MOTION_WORDS and governor not in PLACE_NOUNS
