"""The model's PERSON and ORG entities, trimmed, filtered and typed.

The small English model tags headings ("Background"), products
("Kalashnikovs"), demonyms ("Kazakh"), exercises ("Kaysar-2021") and places
("Karachi") as people or organisations, and splits or over-extends names.
These rules keep what is plausibly an actor and give it a type and an id.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from annotator.nlp.doc_scan import doc_text
from annotator.nlp.knowledge import knowledge

from .data import Gazetteer, slug
from .glued import joined_names, partners, split_person
from .offices import after_portfolio, trim, with_initials
from .places import (
    ends_in_place_noun,
    is_institution,
    names_a_place,
    names_before_place_nouns,
    person_place_heads,
)
from .rules import NER, Mention
from .things import in_dateline, lone_thing, names_a_people, names_a_thing, names_a_title

# The word lists (institution, place, event and product heads) are data:
# annotator/data/lexicon/institution_heads.json and place_heads.json.
# Halves of compound adjectives: "Sino-American", "Russo-Uzbek".
COMBINING = {"sino", "russo", "anglo", "indo", "afro", "euro", "anti", "pro", "post", "pan", "-"}
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 200


def ner_mentions(doc: Doc, gaz: Gazetteer, excluded: list[Span]) -> list[Mention]:
    """The model's PERSON and ORG entities, trimmed, filtered and typed."""
    blocked = {t.i for span in excluded for t in span}
    text = doc_text(doc)
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        span = trim(ent)
        if span is not None and ent.label_ == "ORG":
            span = _after_title(_after_owner(span, gaz))
        elif span is not None:
            span = with_initials(after_portfolio(_with_first_names(_without_demonym(span, gaz), gaz)))
        if span is not None:
            spans += split_person(span, ent.label_, gaz)
    spans = joined_names(spans)
    # One sense per text: a name that is a place once ("the Qosh Tepa canal") is a place throughout.
    before_place = names_before_place_nouns(text, knowledge(doc))
    # Only plain evidence spreads ("Wagner camp" may be the group's camp: that mention alone is a place).
    places = {span.text for span, label in spans if ends_in_place_noun(span) or span.text in before_place}
    lower_words = set(_LOWER_WORD.findall(text))  # read once: the heading test asks per span
    lines = Lines(text)
    out = []
    for span, label in spans:
        if span.text in places or _covered(span, blocked) or not _plausible(span, label, gaz, lines, lower_words):
            continue
        if label == "ORG":
            span = _extend_institution(span)
        if span.end < len(doc) and doc[span.end].lower_ == "clan":
            span = doc[span.start:span.end + 1]  # "the Kadyrov clan" is a group
        out += [_typed(_with_owner(part, gaz), gaz, label) for part in _bodies(span)]
    return out


def _bodies(span: Span) -> list[Span]:
    """"Border Troops of the State Committee for National Security" names two
    bodies, one inside the other; "Ministry of Foreign Affairs" names one."""
    doc, kb = span.doc, knowledge(span.doc)
    parts = partners(span)
    if len(parts) > 1:
        return parts
    # Heads of bodies that belong to another body: "the Border Troops of the State Committee …".
    units = kb.derived("unit_heads", lambda: kb.institution_heads.heads | kb.institution_heads.units)
    for i, tok in enumerate(span):
        if tok.lower_ != "of" or i == 0 or i >= len(span) - 1 or span[i - 1].lower_ not in units:
            continue
        j = span.start + i + 1 + (doc[span.start + i + 1].lower_ == "the")
        rest = doc[j:span.end]
        if len(rest) and rest[0].is_title and is_institution(rest):
            return [span[:i], rest]
    return [span]


def _covered(span: Span, blocked: set[int]) -> bool:
    """Every word is a known non-actor: "Xinjiang Uighur", "the Kremlin" as a place."""
    return all(t.i in blocked or t.is_punct for t in span)


def _plausible(span: Span, label: str, gaz: Gazetteer, lines: Lines, lower_words: set[str]) -> bool:
    text, kb = span.text, knowledge(span.doc)
    if not (text[:1].isupper() or text[:1].isdigit()) or text in gaz.excluded:
        return False
    if _dateline(span):
        return False  # "DUSHANBE, June 26 —": where the story was filed
    if _YEAR.search(text) or text in gaz.currencies or span[0].lower_ == "operation":
        return False  # exercises ("Kaysar-2021", "Operation Tornado"), currency codes ("USD")
    if label == "ORG" and (text in gaz.places or _names_a_text_or_idea(span) or names_a_place(span)
                           or names_a_title(span)):
        return False
    if label == "PERSON" and ((len(span) == 1 and text in gaz.places) or span[-1].lower_ in person_place_heads(kb)
                              or lone_thing(span)):
        return False  # "fields in Lebap", "Qosh Tepa Canal", "the Border"; a surname met in full is linked later
    if names_a_people(span, lines.text) or in_dateline(span, gaz.state_aliases):
        return False  # "Rohingyas" beside "Rohingya refugees"
    if _names_a_portfolio(span) or names_a_thing(span) or _in_heading(span, lines, lower_words):
        return False
    if len(span) == 1 and (span[0].lower_ in kb.institution_heads.generic or _common_word(span[0])):
        return False  # "State" in "Secretary of State", "Groups" opening a sentence
    if all(_not_a_name(t, gaz) for t in span if not t.is_punct):
        return False  # "Kazakh", "Tajiks", "Russo-Chinese", "Kazakh Minister"
    return lines.of(span).strip() != span.text  # a heading line that is just the name


def _not_a_name(tok, gaz: Gazetteer) -> bool:
    """Demonyms, their plurals, compound halves and titles name nobody."""
    text = tok.text
    return (text in gaz.demonyms or text[:-1] in gaz.demonyms or tok.lower_ in COMBINING
            or tok.lower_ in knowledge(tok.doc).titles.nouns)


def _common_word(tok) -> bool:
    """A capitalised word the tagger reads as a common noun, verb or adverb."""
    return tok.is_title and tok.pos_ in ("NOUN", "VERB", "ADV", "ADJ", "PRON", "DET", "ADP")


def _names_a_text_or_idea(span: Span) -> bool:
    """"the Collective Security Treaty" is a document, "Offensive Realism" a theory,
    "the Termez Cargo Center" a building."""
    last, kb = span[-1].lower_, knowledge(span.doc)
    if last in ("center", "centre") and len(span) > 1 and span[-2].lower_ in kb.place_heads.venue_kinds:
        return True
    thing = last in kb.institution_heads.documents or last in kb.place_heads.buildings
    return thing or (last.endswith("ism") and len(last) > 5)


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z'’-]*")


def _dateline(span: Span) -> bool:
    doc = span.doc
    at_line_start = span.start == 0 or doc[span.start - 1].is_space
    return (at_line_start and span.text.isupper() and len(span.text) > 3
            and span.end < len(doc) and doc[span.end].text == ",")


def _after_title(span: Span | None) -> Span | None:
    """"Kazakh President Kassym-Jomart Tokayev" read as one organisation: the
    title is a role, the name after it a person (the title rules take it)."""
    if span is None:
        return None
    titles = knowledge(span.doc).titles.nouns
    for i, tok in enumerate(span[:-1]):
        if tok.lower_ in titles and tok.is_title and all(t.pos_ == "PROPN" for t in span[i + 1:]):
            return None
    return span


class Lines:
    """The text's lines, found once: the heading tests ask for the line of every span."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def of(self, span: Span) -> str:
        at = bisect_left(self.breaks, span.start_char)
        start = self.breaks[at - 1] + 1 if at else 0
        end = self.breaks[at] if at < len(self.breaks) else len(self.text)
        return self.text[start:end] if end - start <= MAX_HEADING_CHARS else ""  # a long line is no heading


def _in_heading(span: Span, lines: Lines, lower_words: set[str]) -> bool:
    """Title Case words of a heading the model reads as names ("Labour
    Migration, Repression and Recruitment", "## Downstream responses"): on a
    heading line, a span whose every word also stands in lower case in the
    text is common words, not a name."""
    line = lines.of(span).strip()
    heading = line.startswith("#") or (0 < len(line.split()) <= MAX_HEADING_WORDS
                                       and not line.endswith((".", "?", "!", ":", ";", ",")))
    if not heading or line == span.text or is_institution(span):
        return False  # a whole-line span is a heading of its own; "Security Council" is a body
    words = [t.lower_ for t in span if t.is_alpha]
    return bool(words) and all(w in lower_words for w in words)


def _names_a_portfolio(span: Span) -> bool:
    """"Interior" in "Interior Minister Ramazon Rahimzoda": a ministry's field
    in front of "Minister" is part of the person's title, not a body."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in ("minister", "ministers")


def _without_demonym(span: Span, gaz: Gazetteer) -> Span | None:
    """No name starts with a nationality: "Tajik ISKP commanders" is ISKP."""
    start = span.start
    while start < span.end and span.doc[start].text in gaz.demonyms:
        start += 1
    return span.doc[start:span.end] if start < span.end else None


def _with_first_names(span: Span | None, gaz: Gazetteer) -> Span | None:
    """"Erbol" + "Sultanbaev": the model leaves out an unfamiliar first name
    that the parse joins to the surname (a proper noun, compound of it)."""
    if span is None:
        return None
    doc, start = span.doc, span.start
    titles = knowledge(doc).titles.nouns
    while start > 0:
        tok = doc[start - 1]
        if not (tok.pos_ == "PROPN" and tok.is_title and tok.dep_ == "compound" and not tok.ent_type_
                and span.start <= tok.head.i < span.end and tok.lower_ not in titles
                and not _not_a_name(tok, gaz) and slug(tok.text) not in gaz.entries):
            break
        start -= 1
    return doc[start:span.end]


def _after_owner(span: Span, gaz: Gazetteer) -> Span | None:
    """"Uzbekistan’s Foreign Ministry" read as one name is a state and its
    body: the body starts after the possessive (the state is a gazetteer match)."""
    for i, tok in enumerate(span[:-1]):
        if tok.text in ("'s", "’s") and i > 0:
            entry = gaz.entries.get(slug(span[:i].text))
            if entry is not None and entry.type == "state":
                return span[i + 1:]
            return span
    return span


def _extend_institution(span: Span) -> Span:
    """"Uzbek State Committee" + "for the Defense Industry" and "Islamic
    Renaissance Party" + "of Tajikistan" are one name each."""
    doc, end = span.doc, span.end
    if not is_institution(span) or end >= len(doc) or doc[end].lower_ not in ("for", "of", "on"):
        return span
    i = end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    j = i
    # Title-case words continue the name, but a date does not ("… Center on Monday").
    while j < len(doc) and doc[j].ent_type_ not in ("DATE", "TIME") and (
            doc[j].is_title or (doc[j].lower_ in ("and", "of") and j + 1 < len(doc) and doc[j + 1].is_title)):
        j += 1
    return doc[span.start:j] if j > i else span


def _with_owner(span: Span, gaz: Gazetteer) -> Span:
    """"Kyrgyz" + "Interior Ministry" is one name: a state body with its state."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text in gaz.demonyms and is_institution(span):
        return doc[span.start - 1:span.end]
    return span


def _owner_id(span: Span, gaz: Gazetteer) -> str | None:
    """The state a government body belongs to: "Kyrgyz …" or "Kyrgyzstan's …"."""
    doc = span.doc
    if span[0].text in gaz.demonyms:
        return gaz.demonyms[span[0].text]
    if span.start >= 2 and doc[span.start - 1].text in ("'s", "’s"):
        entry = gaz.entries.get(slug(doc[span.start - 2].text))
        return entry.id if entry is not None and entry.type == "state" else None
    return None


def _typed(span: Span, gaz: Gazetteer, label: str = "ORG") -> Mention:
    before = span.doc[span.start - 1].lower_ if span.start else ""
    kb = knowledge(span.doc)
    if any(t.lower_ in kb.institution_heads.groups for t in span):
        kind = "group"
    elif label == "PERSON" or "PERSON" in (span[0].ent_type_, span[-1].ent_type_) or before in kb.titles.nouns:
        kind = "person"  # "Foreign Minister Ruslan Kazakbaev" read as ORG
    else:
        kind = "organization"
    score = kb.scores.actors.of(f"ner-{kind}")
    canonical = slug(span.text)
    owner = _owner_id(span, gaz) if kind == "organization" and is_institution(span) else None
    if owner:
        name = span[1:] if span[0].text in gaz.demonyms else span
        # One id for "Kyrgyz X" and "Kyrgyzstan's X", prefixed with the demonym as
        # the data file's bodies are ("kazakh-foreign-ministry").
        demonyms = gaz.entries[owner].demonyms if owner in gaz.entries else []
        canonical = f"{slug(demonyms[0]) if demonyms else owner}-{slug(name.text)}"
    return Mention(span.start, span.end, kind, canonical, "ner", score, NER)
