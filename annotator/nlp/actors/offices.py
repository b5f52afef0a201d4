"""Where a person's name starts: the words the model reads into it.

The model runs a title ("Mullah Mohammad Yaqoob"), an abbreviated rank
("DPM Rustam Azimov") or the last word of an office's portfolio ("Minister
for the Presidency Frank Tumwebaze" gives "Presidency Frank Tumwebaze") into
a person's name, and leaves out given names written as bare initials ("A H
Mahmood Ali" gives "H Mahmood Ali"). The office is the mention's role, not
part of the name, and a name split so gets an id the person's other
mentions do not share.
"""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.knowledge import knowledge

from .glued import acronym

# Tokens a mention never ends with.
_TRIM_END = {"'s", "’s", "’", "'", "(", ")", ",", "."}
# Words no name ends with: the model's span may run on at a text's cut end ("the Border Troops of").
_TRAILING_WORDS = {"of", "and", "for", "the", "on", "in", "to"}
# Words that join an office to its portfolio: "Minister for Security", "Head of Public Services".
_PORTFOLIO_JOINS = {"for", "of", "and", "the", "&", "(", ")"}
# Capital letters that are words of their own.
_WORD_LETTERS = {"A", "I"}
# How far back from a name an office's title may stand ("Minister of State for Media Affairs and Communications").
_MAX_PORTFOLIO_WORDS = 8


def trim(span: Span) -> Span | None:
    """Leave out "the", a possessive, a bracketed acronym, and for a person
    a leading title ("Mullah Mohammad Yaqoob"): the title is the role."""
    doc, start, end = span.doc, span.start, span.end
    kb = knowledge(doc)
    if span.label_ == "PERSON":  # "Mullah Mohammad Yaqoob"; "DPM Rustam Azimov": an abbreviation is no given name
        while start < end - 1 and (doc[start].lower_ in kb.titles.nouns or (acronym(doc[start]) and end - start > 2)):
            start += 1
    for i in range(start, end):  # "Shanghai Cooperation Organization (SCO": stop at "("
        if doc[i].text == "(":
            end = i
            break
    while start < end and (doc[start].lower_ == "the" or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRIM_END or doc[end - 1].is_space
                           or doc[end - 1].lower_ in _TRAILING_WORDS):
        end -= 1
    media = kb.institution_heads.media
    if end - start > 1 and doc[end - 1].lower_ == "news" and end < len(doc) and doc[end].lower_ in media:
        end -= 1  # "the IRNA news agency": the outlet is IRNA
    return doc[start:end] if end > start else None


def after_portfolio(span: Span | None) -> Span | None:
    """"Security Ismail Sabri Yaakob" after "Senior Minister for": the words
    that end the office's portfolio are left out, the name is what follows.
    Only behind a title a few words back, and only words that must belong to
    the portfolio: the first one right after "for", "of" or "the" (no name
    starts an office's field), then known fields ("Public Services")."""
    if span is None or len(span) < 3 or not _in_office_chain(span):
        return span
    doc, start = span.doc, span.start
    portfolios = knowledge(doc).titles.portfolios
    if doc[start - 1].lower_ in _PORTFOLIO_JOINS:
        start += 1
    while span.end - start > 2 and doc[start].lower_ in portfolios:
        start += 1
    return doc[start:span.end]


def _in_office_chain(span: Span) -> bool:
    """A title noun before the span, reached over capitalised portfolio
    words and "for", "of", "and"; a join word must stand among them."""
    doc, titles = span.doc, knowledge(span.doc).titles.nouns
    joined = False
    for i in range(span.start - 1, max(span.start - 1 - _MAX_PORTFOLIO_WORDS, -1), -1):
        tok = doc[i]
        if tok.lower_ in titles and tok.is_title:
            return joined
        if tok.lower_ in _PORTFOLIO_JOINS:
            joined = True
        elif not tok.is_title:
            return False
    return False


def with_initials(span: Span | None) -> Span | None:
    """"A H Mahmood Ali": single capital letters right before a person's
    name are their given names' initials, part of the name."""
    if span is None:
        return None
    doc, start = span.doc, span.start
    # "A" and "I" are words too ("A Kazatomprom spokesman"): initials only before another initial.
    while start > 0 and _initial(doc[start - 1]) and (doc[start - 1].text not in _WORD_LETTERS or _initial(doc[start])):
        start -= 1
    if start == span.start or (start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha
                               and doc[start - 1].lower_ not in knowledge(doc).titles.nouns
                               and not doc[start - 1].is_sent_start):
        return span  # "Sector A Ali Khan": a capital word before the letters makes them part of something else
    return doc[start:span.end]


def _initial(tok) -> bool:
    """"A", "H", "A.": one capital letter, with or without its stop."""
    text = tok.text
    letter = text[:-1] if text.endswith(".") else text
    return len(letter) == 1 and letter.isupper() and letter.isalpha()
