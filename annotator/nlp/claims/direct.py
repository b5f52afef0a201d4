"""Direct quotes and "according to" attributions.

A quote is attributed to the cue verb right after it ("…,” the Kazakh
President said), right before it (He said: “…”), or, for a quoted clause,
to a cue verb elsewhere in its sentence. Bare noun phrases in quotes with no
cue beside them are scare quotes, not claims.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from annotator.nlp.doc_scan import tokens_in
from annotator.nlp.knowledge import knowledge

from . import content
from .quotes import Quote, find_quotes
from .speakers import resolve
from .speech import Proposal, Reported

AFTER_WINDOW = 6  # tokens between a closing mark and its cue ("…,” the Kazakh President said)
BEFORE_WINDOW = 10  # tokens between a cue and the opening mark (said in a statement: “…”)
STRIP = " \t\r\n,.;:!?…"


def quote_claims(rep: Reported, indirect: Sequence[Proposal] = ()) -> list[Proposal]:
    """Direct claims; `indirect` lets a cue-less quote continue a reported
    statement ('Tashiev said the deal was close. "We will sign it soon."')."""
    text = rep.text
    found: list[Proposal] = []
    pending: Quote | None = None  # an unclosed quote paragraph waiting for the next one's cue
    for quote in find_quotes(text):
        prop = _attribute(rep, quote, text)
        last = _last_before(found, indirect, rep.doc, quote.start)
        if prop is None and last is not None:
            prop = _continued(rep, quote, text, last)
        if prop is not None and pending is not None:
            found += _carried_back(rep, pending, quote, text, prop)
        pending = quote if prop is None and not quote.closed else None
        if prop is not None:
            found.append(prop)
    return found


def _carried_back(rep: Reported, pending: Quote, quote: Quote, text: str, prop: Proposal) -> list[Proposal]:
    """News style for a quote over several paragraphs: each paragraph opens a
    quote mark, only the last one closes it, and the cue comes at the end
    ('"A.\n\n"B," he said.'): the open paragraph is the same speaker's."""
    between = text[pending.end:quote.start]
    inner = _inner_tokens(rep.doc, pending, text)
    if between.strip() or not _starts_paragraph(text, quote.start) or inner is None or len(inner) < 2:
        return []
    score = knowledge(rep.doc).scores.attributed.quote_paragraphs
    return [Proposal(inner.start, inner.end, "attributed", "quote_paragraphs", score, prop.speaker,
                     list(prop.cue_tokens), "direct", head=inner.root.i, cue_tok=prop.cue_tok)]


def _last_before(found: list[Proposal], indirect, doc, offset: int) -> Proposal | None:
    """The claim that ends last before a character offset."""
    before = [p for p in (*found, *indirect) if doc[p.end - 1].idx < offset]
    return max(before, key=lambda p: p.end, default=None)


def _continued(rep: Reported, quote: Quote, text: str, last: Proposal) -> Proposal | None:
    """A quote of whole sentences right after an attributed one, with no cue
    of its own, goes on in the same voice (news style:
    "A," he said. "B.")."""
    doc = rep.doc
    inner = _inner_tokens(doc, quote, text)
    last_end = doc[last.end - 1].idx + len(doc[last.end - 1].text)
    gap = text[last_end:quote.start]
    if inner is None or not quote.double or not quote.closed or gap.count("\n") > 2 or len(gap) > 200:
        return None
    if not inner[0].is_sent_start and inner.start > 0 and not doc[inner.start - 1].is_sent_start:
        return None
    if gap.count("\n") and not _starts_paragraph(text, quote.start):
        return None
    score = knowledge(doc).scores.attributed.quote_continued
    return Proposal(inner.start, inner.end, "attributed", "quote_continued", score, last.speaker,
                    list(last.cue_tokens), "direct", head=inner.root.i, cue_tok=last.cue_tok)


def _starts_paragraph(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _inner_tokens(doc: Doc, quote: Quote, text: str) -> Span | None:
    start, end = quote.inner
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return doc.char_span(start, end, alignment_mode="expand") if end > start else None


def _attribute(rep: Reported, quote: Quote, text: str) -> Proposal | None:
    doc = rep.doc
    inner = _inner_tokens(doc, quote, text)
    if inner is None or len(inner) == 0:
        return None
    open_tok = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    close_tok = doc.char_span(quote.end - 1, quote.end, alignment_mode="expand") if quote.closed else None
    clause = any(t.pos_ in ("VERB", "AUX") for t in inner) and len(inner) >= 2
    scores = knowledge(doc).scores.attributed
    strategies = [
        ("quote_after", scores.quote_after, lambda: close_tok is not None and _cue_after(rep, close_tok[-1])),
        ("quote_before", scores.quote_before, lambda: open_tok is not None and _cue_before(rep, open_tok[0])),
        ("quote_in_sentence", scores.quote_in_sentence,
         lambda: clause and quote.double and _cue_in_sentence(rep, inner)),
    ]
    cue_tok, rule, score = next(((tok, rule, score) for rule, score, find in strategies if (tok := find())),
                                (None, "", 0.0))
    if cue_tok is None:
        return None
    score, cue = (score if quote.closed else min(score, scores.unclosed_quote_max)), rep.cue(cue_tok)
    assert cue is not None  # every strategy finds a cue token
    return Proposal(inner.start, inner.end, "attributed", rule, score, rep.speaker(cue_tok),
                    rep.cue_tokens(cue_tok, cue), "direct", head=inner.root.i, cue_tok=cue_tok.i)


def _quote_cue(rep: Reported, tok: Token) -> bool:
    cue = rep.cue(tok)
    return cue is not None and "quote" in cue.content


def _cue_after(rep: Reported, last: Token) -> Token | None:
    doc, seen = rep.doc, 0
    for i in range(last.i + 1, min(len(doc), last.i + 1 + 3 * AFTER_WINDOW)):
        tok = doc[i]
        if content.hard_break(tok) or (tok.is_sent_start and seen):
            return None
        if _quote_cue(rep, tok):
            return tok
        seen += not tok.is_punct
        if seen > AFTER_WINDOW or tok.text in ("“", '"', "«", "‘") and seen:
            return None
    return None


def _cue_before(rep: Reported, first: Token) -> Token | None:
    doc = rep.doc
    lo = max(first.sent.start, first.i - BEFORE_WINDOW)
    for i in range(first.i - 1, lo - 1, -1):
        if content.hard_break(doc[i]):
            return None
        if _quote_cue(rep, doc[i]):
            return doc[i]
    return None


def _cue_in_sentence(rep: Reported, inner: Span) -> Token | None:
    sent = inner[0].sent
    for tok in sent:
        if (tok.i < inner.start or tok.i >= inner.end) and _quote_cue(rep, tok):
            return tok
    return None


def according_to(rep: Reported) -> tuple[list[Proposal], dict[int, str | None]]:
    """Claims of "according to X, …" and channels {cue token: X} for chains."""
    doc, claims, channels = rep.doc, [], {}
    for tok in (doc[i] for i in tokens_in(doc, ("according",), "LOWER")):
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        phrase_end, source = _source(rep, tok)
        carrier = _carrier(rep, tok)
        if carrier is not None:
            channels[carrier.i] = source
            continue
        prop = _according_claim(rep, tok, phrase_end, source)
        if prop is not None:
            claims.append(prop)
    return claims, channels


def _source(rep: Reported, tok: Token) -> tuple[int, str | None]:
    """End of "according to X" and X's actor id, if X is one. The owner in
    "a statement from Uzbekistan’s Foreign Ministry" is not the source, the
    ministry is; "Japarov's press secretary, Erbol Sultanbaev" is the secretary."""
    doc, i = rep.doc, tok.i + 2
    found: list[tuple[str | None, bool]] = []  # (actor id, is a possessor) in order
    while i < tok.sent.end and doc[i].text not in (",", ";", ":", ".") and not content.hard_break(doc[i]):
        actor = rep.actors.actor(i)
        if actor and (not found or found[-1][0] != actor or rep.actors.actor(i - 1) != actor):
            found.append((actor, False))
        if actor and doc[i].dep_ == "poss":
            # "according to Yoon's aides": the aides speak, unnamed; "Russia's statement" is Russia's.
            found[-1] = (actor, True) if not _people_noun(rep, doc[i].head) else (None, True)
        i += 1
    if i + 1 < tok.sent.end and doc[i].text == "," and doc[i - 1].lower_ in rep.lex.titles:
        named = rep.actors.actor(i + 1)
        if named and rep.actors.kind(i + 1) == "person":  # the title's name follows it
            end = i + 1
            while end < tok.sent.end and rep.actors.actor(end) == named:
                end += 1
            return end, named
    head = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
    if head is not None and not rep.actors.actor(head.i) and (
            head.lower_ in rep.lex.unnamed or head.lemma_.lower() in rep.lex.unnamed):
        return i, None  # "according to two diplomatic sources consulted by Euronews": the sources, unnamed
    heads = [actor for actor, owner in found if not owner]
    return i, (heads or [actor for actor, _ in found] or [None])[0]


def _people_noun(rep: Reported, noun: Token) -> bool:
    """"aides", "officials", "spokesman": people who speak for the possessor,
    unnamed (the guide: "Chile's representative requested" has no speaker)."""
    lemma = noun.lemma_.lower()
    return noun.lower_ in rep.lex.unnamed or lemma in rep.lex.unnamed or lemma in rep.lex.titles


def _carrier(rep: Reported, tok: Token) -> Token | None:
    """The cue verb an "according to" hangs on (or the cue at its sentence root),
    if someone speaks through it ("the talks focused on" carries nothing)."""
    for cand in (tok.head, tok.sent.root):
        if rep.has_content(cand) and (rep.speaker(cand).ids != (None,) or rep.speaker(cand).how == "unnamed"):
            return cand
    return None


def _according_claim(rep: Reported, tok: Token, phrase_end: int, source: str | None) -> Proposal | None:
    doc, sent = rep.doc, tok.sent
    lead = all(doc[i].is_punct or doc[i].pos_ in ("CCONJ", "ADV") for i in range(sent.start, tok.i))
    start, end = (phrase_end, sent.end) if lead else (sent.start, tok.i)
    start, end = content.trim(doc, *content.clip(doc, start, end))
    if end - start < 3:
        return None
    # The phrase's head: "according to Yoon's aides" is the aides' word, not Yoon's.
    head = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj" and c.i < phrase_end), doc[tok.i + 2])
    speaker = resolve(head if source is None else doc[tok.i + 2], rep.actors, rep.lex)
    if source:
        speaker = type(speaker)((source,), "actor", speaker.token)
    scores = knowledge(doc).scores.attributed
    score = scores.according_to if source else scores.according_to_unsourced
    named = doc[tok.i + 2:phrase_end].text if speaker.ids == (None,) else None  # "according to security sources"
    return Proposal(start, end, "attributed", "according_to", score, speaker, [tok.i, tok.i + 1],
                    "indirect", head=doc[start].i, cue_tok=tok.i, source=named or None)
