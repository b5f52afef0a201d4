"""Candidate actor mentions: gazetteer matches and corrected NER entities.

Each rule proposes `Mention`s; `annotator.nlp.actors` keeps the longest
non-overlapping ones (ties go to the more trusted rule) and links them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .actors_data import Gazetteer, slug
from .actors_metonymy import stands_for_government
from .actors_people import TITLE_NOUNS

GAZETTEER, DEFINED, NOMINAL, NER = 3, 3, 2, 1  # trust, for ties between equal spans
# Words that make an unknown organisation name an armed or militant movement.
GROUP_WORDS = {"movement", "front", "brigade", "brigades", "battalion", "jamaat", "mujahideen",
               "militia", "jihad", "tehrik", "lashkar", "jaish", "hizb", "clan", "insurgency",
               "resistance", "taliban", "liberation"}
# Heads of government-body names that continue with "for/of …":
# "State Committee" + "for the Defense Industry".
INSTITUTION_HEADS = {"committee", "ministry", "council", "agency", "service", "department",
                     "office", "commission", "bureau", "directorate", "institute", "center",
                     "centre", "organization", "organisation", "fund", "court", "academy"}
# Halves of compound adjectives: "Sino-American", "Russo-Uzbek".
COMBINING = {"sino", "russo", "anglo", "indo", "afro", "euro", "anti", "pro", "post", "pan", "-"}
# Names of documents, plans and projects, not of bodies that act.
DOCUMENT_WORDS = {"treaty", "agreement", "accord", "accords", "pact", "convention", "protocol",
                  "charter", "declaration", "doctrine", "initiative", "corridor", "pipeline",
                  "plan", "strategy", "act", "law", "resolution", "programme", "program"}
PLACE_HEADS = {"crossing", "border", "valley", "province", "district", "airport", "airbase",
               "base", "river", "pass", "region", "gorge", "checkpoint", "port", "dam", "mine",
               "field", "oblast", "city", "village", "town", "highway", "corridor", "camp"}
GENERIC_WORDS = {"state", "government", "parliament", "ministry", "army", "police", "court",
                 "council", "committee", "president", "minister", "defense", "defence"}
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_TRIM_END = {"'s", "’s", "’", "'", "(", ")", ",", "."}


@dataclass
class Mention:
    start: int
    end: int
    type: str
    canonical: str
    rule: str
    score: float
    trust: int
    role: str | None = None
    affiliation: str | None = None


def build_matcher(nlp, gazetteer: Gazetteer) -> PhraseMatcher:
    """One PhraseMatcher over every alias and seat, keyed "kind|id"."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for entry in gazetteer.entries.values():
        for kind, names in (("alias", entry.aliases), ("seat", entry.seats)):
            if names:
                matcher.add(f"{kind}|{entry.id}", list(nlp.tokenizer.pipe(names)))
    return matcher


def alias_last_tokens(nlp, gazetteer: Gazetteer) -> set[str]:
    """Last tokens of aliases, to undo "UzA." / "Daesh-K." glued to a full stop."""
    names = [a for e in gazetteer.entries.values() if e.type != "exclude" for a in e.aliases]
    return {d[-1].text for d in nlp.tokenizer.pipe(names) if not d[-1].text.endswith(".")}


def split_glued_periods(doc: Doc, last_tokens: set[str]) -> None:
    """The tokenizer reads "UzA." at a sentence end as an abbreviation; split
    off the full stop when the rest ends a known alias, keeping the entities."""
    glued = [t for t in doc if t.text.endswith(".") and t.text[:-1] in last_tokens
             and (len(t.text) > 2 or (t.i > 0 and doc[t.i - 1].text == "-"))]
    if not glued:
        return
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    with doc.retokenize() as retok:
        for t in glued:
            head = t.head if t.head is not t else (t, 0)
            retok.split(t, [t.text[:-1], "."], heads=[head, (t, 0)],
                        attrs={"POS": [t.pos_, "PUNCT"], "DEP": [t.dep_, "punct"]})
    spans = [doc.char_span(s, e, label=lab, alignment_mode="contract") for s, e, lab in ents]
    doc.ents = [s for s in spans if s is not None]


def gazetteer_mentions(doc: Doc, matcher: PhraseMatcher, gaz: Gazetteer) -> tuple[list[Mention], list[Span]]:
    """Known actors found in the text, plus spans no other rule may claim:
    known non-actors ("South China Sea") and rejected matches ("in the Kremlin")."""
    matches = [(doc.vocab.strings[k].split("|"), s, e) for k, s, e in matcher(doc)]
    alias_starts = {s for (kind, _), s, _ in matches if kind == "alias"}
    excluded = [doc[s:e] for (_, i), s, e in matches if gaz.entries[i].type == "exclude"]
    blocked = {t.i for span in excluded for t in span}
    people = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    mentions = []
    for (kind, entry_id), start, end in matches:
        entry, span = gaz.entries[entry_id], doc[start:end]
        if entry.type == "exclude" or blocked.intersection(range(start, end)):
            continue
        if not _keep_match(span, kind, entry.type, alias_starts, people):
            excluded.append(span)
            continue
        rule = "seat-metonymy" if kind == "seat" else "gazetteer"
        score = 0.8 if kind == "seat" else 0.95
        mentions.append(Mention(start, end, entry.type, entry.id, rule, score, GAZETTEER))
    return mentions, excluded


def _keep_match(span: Span, kind: str, type_: str, alias_starts: set[int], people: list) -> bool:
    if _shouted(span) or (type_ != "person" and _inside_person_name(span, people)):
        return False  # "IS" in an all-caps headline; "George Washington"
    if kind == "seat":
        return stands_for_government(span)
    if type_ == "state":
        return not _in_hyphenated_name(span, alias_starts) and not _names_an_era(span)
    return True


def _inside_person_name(span: Span, people: list[tuple[int, int]]) -> bool:
    # A lone "Ashgabat" tagged PERSON is a model slip; "Chad Smith" is a person.
    return any(s <= span.start and span.end <= e and e - s > len(span) for s, e in people)


def _shouted(span: Span) -> bool:
    """An all-caps alias inside all-caps text is a word, not an acronym."""
    if not span.text.isupper():
        return False
    doc = span.doc
    near = [t for t in doc[max(0, span.start - 3):span.end + 3] if t.is_alpha and t not in span]
    return bool(near) and all(t.is_upper for t in near)


def _in_hyphenated_name(span: Span, alias_starts: set[int]) -> bool:
    """"US-Dollar", "US-American", "China-Pakistan-Economic Corridor" and
    "Central Asia-China pipeline" are not the state; "US-led" and
    "Russia-China talks" are: a capitalised non-actor in the chain decides."""
    return any(w.text[:1].isupper() and w.i not in alias_starts for w in _hyphen_chain(span))


def _hyphen_chain(span: Span) -> list:
    doc, words = span.doc, []
    i = span.end
    while i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
        words.append(doc[i + 1])
        i += 2
    i = span.start - 1
    while i >= 1 and doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_:
        words.append(doc[i - 1])
        i -= 2
    return words


def _names_an_era(span: Span) -> bool:
    """"since Vietnam" names the war, not the state."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in ("since", "during", "until", "till")


def ner_mentions(doc: Doc, gaz: Gazetteer, excluded: list[Span]) -> list[Mention]:
    """The model's PERSON and ORG entities, trimmed, filtered and typed."""
    blocked = {t.i for span in excluded for t in span}
    text = doc.text  # built once: Doc.text joins every token
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        span = _trim(ent)
        if span is None or any(t.i in blocked for t in span) or not _plausible(span, ent.label_, gaz, text):
            continue
        if ent.label_ == "ORG":
            span = _extend_institution(span)
        if span.end < len(doc) and doc[span.end].lower_ == "clan":
            span = doc[span.start:span.end + 1]  # "the Kadyrov clan" is a group
        out.append(_typed(_with_owner(span, gaz), gaz))
    return out


def _trim(span: Span) -> Span | None:
    doc, start, end = span.doc, span.start, span.end
    for i in range(start, end):  # "Shanghai Cooperation Organization (SCO": stop at "("
        if doc[i].text == "(":
            end = i
            break
    while start < end and (doc[start].lower_ == "the" or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRIM_END or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _plausible(span: Span, label: str, gaz: Gazetteer, doc_text: str) -> bool:
    text = span.text
    if not (text[:1].isupper() or text[:1].isdigit()) or text in gaz.excluded:
        return False
    if _YEAR.search(text) or text in gaz.currencies or span[0].lower_ == "operation":
        return False  # exercises ("Kaysar-2021", "Operation Tornado"), currency codes ("USD")
    if label == "ORG" and (text in gaz.places or _names_a_text_or_idea(span) or _names_a_place(span)):
        return False
    if len(span) == 1 and span[0].lower_ in GENERIC_WORDS:
        return False  # "State" in "Secretary of State"
    if all(t.text in gaz.demonyms or t.text[:-1] in gaz.demonyms or t.lower_ in COMBINING
           for t in span if not t.is_punct):
        return False  # "Kazakh", "Tajiks", "Russo-Chinese"
    return not _is_heading(span, doc_text)


def _names_a_text_or_idea(span: Span) -> bool:
    """"the Collective Security Treaty" is a document, "Offensive Realism" a theory."""
    last = span[-1].lower_
    return last in DOCUMENT_WORDS or (last.endswith("ism") and len(last) > 5)


def _names_a_place(span: Span) -> bool:
    """"the Torkham crossing": a name that modifies a place noun is that place."""
    root = span.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_HEADS


def _is_heading(span: Span, text: str) -> bool:
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return line.strip() == span.text


def _extend_institution(span: Span) -> Span:
    """"Uzbek State Committee" + "for the Defense Industry" is one name."""
    doc, end = span.doc, span.end
    if span[-1].lower_ not in INSTITUTION_HEADS or end >= len(doc) or doc[end].lower_ not in ("for", "of", "on"):
        return span
    i = end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    j = i
    while j < len(doc) and (doc[j].is_title or (doc[j].lower_ in ("and", "of") and j + 1 < len(doc) and doc[j + 1].is_title)):
        j += 1
    return doc[span.start:j] if j > i else span


def _with_owner(span: Span, gaz: Gazetteer) -> Span:
    """"Kyrgyz" + "Interior Ministry" is one name: a state body with its state."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text in gaz.demonyms and _is_institution(span):
        return doc[span.start - 1:span.end]
    return span


def _is_institution(span: Span) -> bool:
    return any(t.lower_ in INSTITUTION_HEADS for t in span)


def _owner_id(span: Span, gaz: Gazetteer) -> str | None:
    """The state a government body belongs to: "Kyrgyz …" or "Kyrgyzstan's …"."""
    doc = span.doc
    if span[0].text in gaz.demonyms:
        return gaz.demonyms[span[0].text]
    if span.start >= 2 and doc[span.start - 1].text in ("'s", "’s"):
        entry = gaz.entries.get(slug(doc[span.start - 2].text))
        return entry.id if entry is not None and entry.type == "state" else None
    return None


def _typed(span: Span, gaz: Gazetteer) -> Mention:
    before = span.doc[span.start - 1].lower_ if span.start else ""
    if any(t.lower_ in GROUP_WORDS for t in span):
        kind, score = "group", 0.7
    elif span[0].ent_type_ == "PERSON" or before in TITLE_NOUNS:
        kind, score = "person", 0.75  # "Foreign Minister Ruslan Kazakbaev" read as ORG
    else:
        kind, score = "organization", 0.7
    canonical = slug(span.text)
    owner = _owner_id(span, gaz) if kind == "organization" and _is_institution(span) else None
    if owner:
        name = span[1:] if span[0].text in gaz.demonyms else span
        canonical = f"{owner}-{slug(name.text)}"  # one id for "Kyrgyz X" and "Kyrgyzstan's X"
    return Mention(span.start, span.end, kind, canonical, "ner", score, NER)
