"""Paragraph breaks are sentence breaks.

The small English model happily runs a sentence across a heading and into
the next paragraph ("Kazakhstan: military mobilisation\\n\\nAs the most …"),
which ruins the parse of both. Setting `is_sent_start` before the parser
runs makes it respect the break. A single newline followed by a lowercase
word is taken as hard-wrapped text and left alone. A wire dateline at the
head of a paragraph ("DUSHANBE, Tajikistan -") is cut off the same way.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from annotator.nlp.doc_scan import flagged

NAME = "annotator_paragraphs"


# A wire dateline: "DUSHANBE, Tajikistan -", "ALMATY (Reuters) -", "BISHKEK —". Left
# in, the parser takes the city for the subject of the first sentence's verb.
CITY = r"[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*"
PLACE = r", [A-Z][\w.]*(?: [A-Z0-9][\w.]*)*"
AGENCY = r",? \([^()\n]{1,30}\)"
BARE_CITY = r"[A-Z][A-Z'.-]{4,}(?: [A-Z][A-Z'.-]+)*"  # no place or agency: five letters, so "NATO - …" is not one
DATELINE = re.compile(rf"(?:{CITY}(?:{PLACE}(?:{AGENCY})?|{AGENCY})|{BARE_CITY}) ?[-—–]{{1,2}} (?=\S)")


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    n = len(doc)
    if n:
        _after_dateline(doc, 0)
    # Only whitespace tokens with a newline matter: scan for them, not every token.
    for i in flagged(doc, "IS_SPACE"):
        tok = doc[i]
        if "\n" not in tok.text:
            continue
        j = tok.i + 1
        while j < n and doc[j].is_space:
            j += 1
        if j >= n:
            break
        blank = tok.text.count("\n") > 1 or any("\n" in doc[k].text for k in range(tok.i + 1, j))
        if blank or not doc[j].text[:1].islower():
            doc[j].is_sent_start = True
            _after_dateline(doc, j)
    return doc


def _after_dateline(doc: Doc, first: int) -> None:
    """Start a sentence after a dateline at the head of a paragraph."""
    if not doc[first].text[:1].isupper():
        return
    start = doc[first].idx
    head = "".join(t.text_with_ws for t in doc[first:first + 24])  # not doc.text: that joins every token
    hit = DATELINE.match(head[:80])
    if hit is None:
        return
    span = doc.char_span(start + hit.end(), start + hit.end() + 1, alignment_mode="expand")
    if span is None or span.start <= first:
        return
    span[0].is_sent_start = True
    # Keep the title and name that follow in one sentence ("Tajik President Emomali Rahmon").
    for tok in doc[span.start + 1:span.start + 8]:
        if not tok.text[:1].isupper() or tok.is_space:
            break
        tok.is_sent_start = False


def ensure_paragraph_breaks(nlp: Language) -> None:
    """Put the component before the parser (once), if the pipeline has one."""
    if NAME in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    nlp.add_pipe(NAME, before="parser")
