"""Who a pronoun, a title or a bare common noun stands for.

News names an actor once and then refers back: "He said", "the minister
added", "the ministry said in a statement", "It said", "They said". A reader
takes the nearest earlier actor that fits, and prefers one that was the
subject of its sentence (the topic) over one mentioned in passing. When
nothing fits we leave the speaker unnamed rather than guess a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from annotator.nlp.knowledge import knowledge

FEMALE_ENDINGS = ("ova", "eva", "yeva", "ina", "kaya", "aya")
MALE_ENDINGS = ("ov", "ev", "yev", "in", "sky", "ski", "iy")
MALE_FIRST_A = {"nikita", "ilya", "mustafa", "musa", "isa", "joshua", "luca", "luka", "taha", "zakaria", "yahya",
                "abdulla", "hamza", "kosta", "sasha"}
PAST_SENTENCES = 3  # how far back a pronoun or a bare noun looks for its antecedent


@dataclass(frozen=True)
class Mention:
    start: int
    id: str
    kind: str  # person | state | organization | group
    role: str  # lowercased title in front of the name, or ""
    text: str
    subject: bool  # the mention heads its clause's subject
    sent: int  # start token of its sentence
    office: str = ""  # from the gazetteer: "foreign minister"
    nation: str = ""  # from the gazetteer: the state a person serves ("tajikistan")


def is_subject(root: Token) -> bool:
    """Whether the mention heads its clause's subject, also when the parse hung
    the name inside a capitalised title chain ("Minister for the Presidency
    Frank Tumwebaze said": the name as the object of "for")."""
    tok = root
    while tok.head.i != tok.i and (tok.dep_ in ("compound", "appos", "flat") or (
            tok.dep_ in ("pobj", "prep") and tok.head.pos_ in ("PROPN", "ADP") and tok.head.i < tok.i)):
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def gender(m: Mention) -> str | None:
    """'f', 'm' or None (unknown), from the title and the shape of the name
    (Slavic and Central Asian surnames mark it: Zakharova / Kabulov)."""
    if any(w in m.role.split() for w in ("spokeswoman", "chairwoman", "mrs", "ms", "madam")):
        return "f"
    # Initials say nothing of gender ("A H Mahmood Ali" is no "-a" given name).
    words = [w.lower() for w in m.text.replace("-", " ").split() if len(w.rstrip(".")) > 1]
    if not words:
        return None
    first, last = words[0], words[-1]
    if last.endswith(FEMALE_ENDINGS):
        return "f"
    if last.endswith(MALE_ENDINGS):
        return "m"  # the surname outranks the first name ("Abdulla Aripov")
    if len(words) > 1 and first.endswith("a") and first not in MALE_FIRST_A:
        return "f"
    return None  # unknown fits both "he" and "she" ("Deborah Lyons")


def _earlier(mentions: list[Mention], tok: Token, sentences: int | None = PAST_SENTENCES) -> list[Mention]:
    """Mentions before tok, nearest first; with `sentences`, only that many sentences back."""
    earlier = [m for m in mentions if m.start < tok.i]
    if sentences is not None:
        starts = sorted({m.sent for m in earlier} | {tok.sent.start}, reverse=True)
        cutoff = starts[min(len(starts) - 1, sentences)]
        earlier = [m for m in earlier if m.sent >= cutoff]
    return earlier[::-1]


def _pick(cands: list[Mention]) -> str | None:
    """The nearest subject among the candidates, else the nearest one."""
    return next((m.id for m in cands if m.subject), cands[0].id if cands else None)


def pronoun_person(mentions: list[Mention], tok: Token, exclude: frozenset[str] = frozenset()) -> str | None:
    """He/she: the nearest person of a compatible gender, subjects first;
    beyond the last few sentences, the nearest such person at all. A person
    in `exclude` cannot be meant (named in the pronoun's own clause)."""
    want = "f" if tok.lower_ in ("she", "her") else "m"
    fits = [m for m in _earlier(mentions, tok, None) if m.kind == "person" and gender(m) in (want, None)
            and m.id not in exclude]
    near = [m for m in _earlier(mentions, tok) if m in fits]
    if near:
        return _pick(near)
    return fits[0].id if fits else None


def titled_person(mentions: list[Mention], tok: Token, title: str, titles: frozenset,
                  demonyms: dict[str, str]) -> str | None:
    """"The minister", "the Tajik leader": the nearest person whose title fits.
    A person known by another title is skipped ("Kazakh President Tokayev"
    is not "the minister"); one named without any title may be anyone."""
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.lower_ not in titles}
    # "the president of Kazakhstan": the state named after the title is the person's.
    of = {g.text.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"}
    kb_titles = knowledge(tok.doc).titles
    weak, generic = None, kb_titles.generic  # titles any office-holder may bear
    earlier = [m for m in _earlier(mentions, tok, None) if m.kind == "person"]
    # A person keeps the title given at an earlier mention ("Police Minister Bheki Cele … Cele told …").
    known: dict[str, set[str]] = {}
    for m in earlier:
        known.setdefault(m.id, set()).update(m.role.split())
    for m in earlier:
        # The title in front of the name, the gazetteer's office, or a title the span kept inside the name.
        words = known[m.id] | set(m.office.split()) or set(m.text.lower().split()) & (titles | mods)
        if not words and not m.nation:
            weak = weak or m.id
            continue
        fits = title in words or title in generic or not (words & titles)
        fits = fits and not (words & kb_titles.subordinate) - mods  # "the minister" is no deputy minister
        of_fits = all(w in words or w == m.nation.replace("-", " ") != "" or demonyms.get(w) == m.nation != ""
                      for w in of)
        if fits and of_fits and all(w in words or demonyms.get(w) == m.nation != "" for w in mods):
            return m.id
    return weak or _headline_holder(mentions, tok, title)


def _headline_holder(mentions: list[Mention], tok: Token, title: str) -> str | None:
    """"Foreign Minister rejects …" on the title line names no one yet: the
    story's first person who bears that title ("Foreign Minister Bruno
    Rodríguez said …") is meant."""
    if "\n" in tok.doc.text[:tok.idx]:
        return None
    return next((m.id for m in mentions if m.start > tok.i and m.kind == "person" and title in m.role.split()), None)


def nominal_body(mentions: list[Mention], tok: Token) -> str | None:
    """"The ministry said", "the bloc called for", "the government denied"."""
    noun, words = tok.lower_, knowledge(tok.doc).speakers
    if noun in words.outlet_nouns:
        return _outlet(mentions, tok)
    if noun in words.body_nouns:
        return next((m.id for m in _earlier(mentions, tok, None)
                     if m.kind != "person" and noun in m.text.lower().split()), None)
    kinds = ("organization",) if noun in words.org_nouns else ("group",) if noun in words.group_nouns else ("state",)
    found = _pick([m for m in _earlier(mentions, tok) if m.kind in kinds])
    if found is None and noun == "group":
        # "The London-based group urged …": a group may be an organisation (Amnesty International).
        found = _pick([m for m in _earlier(mentions, tok) if m.kind == "organization"])
    return found


def _outlet(mentions: list[Mention], tok: Token) -> str | None:
    """"The newspaper said": the nearest earlier organisation the text has
    called a newspaper ("newspaper El Espectador") or that is a known outlet."""
    doc, kb = tok.doc, knowledge(tok.doc)
    kinds = kb.speakers.outlet_nouns
    outlets = kb.derived("outlet_ids", lambda: frozenset(kb.cues.outlets.ids))
    return next((m.id for m in _earlier(mentions, tok, None) if m.kind == "organization" and (
        m.id in outlets or (m.start > 0 and doc[m.start - 1].lower_ in kinds))), None)


def is_body_noun(tok: Token) -> bool:
    """"The bloc", "the prosecutor's office": a definite body noun (the article,
    or a possessor that is no name, makes it definite)."""
    words, low = knowledge(tok.doc).speakers, tok.lower_
    body = (low in words.body_nouns or low in words.org_nouns or low in words.group_nouns or low in words.state_nouns
            or low in words.outlet_nouns)
    return body and any(
        (c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.pos_ == "NOUN") for c in tok.children)


def previous_subject(mentions_at: dict[int, Mention], tok: Token) -> tuple[bool, str | None]:
    """It/they: the subject of the clause before, if it is a body or group.
    Returns (found a subject, its id): a subject that is no actor
    ("Residents fled … They said") means an unnamed source, not a guess."""
    subj = antecedent_subject(tok)
    if subj is None:
        return False, None
    m = mentions_at.get(subj.i)
    return True, m.id if m is not None and m.kind != "person" else None


def antecedent_subject(tok: Token) -> Token | None:
    """The main subject before tok in its own sentence, else in the one before."""
    doc = tok.doc
    sents = [tok.sent]
    if tok.sent.start > 0:
        sents.append(doc[tok.sent.start - 1].sent)
    for k, sent in enumerate(sents):
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.i < tok.i
                    and t.lower_ not in ("it", "they", "this", "that", "which", "who")]
        if k == 0:  # in the pronoun's own sentence only a main-clause subject, not one inside a quote
            subjects = [t for t in subjects if t.head.i == sent.root.i or t.head.head.i == sent.root.i
                        and t.head.dep_ == "conj"]
        # A speaker first ("…, Kyrgyzstan's border service said. …, it said"), then the main clause's subject.
        speaks = _cue_lemmas(doc)
        subjects.sort(key=lambda t: (t.head.lemma_.lower() not in speaks, t.head.i != sent.root.i))
        if subjects:
            return subjects[0]
    return None


def _cue_lemmas(doc) -> frozenset[str]:
    kb = knowledge(doc)
    return kb.derived("cue_lemmas", lambda: frozenset(c.lemma for c in kb.cues.speech))
