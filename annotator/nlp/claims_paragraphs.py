"""Paragraph breaks are sentence breaks.

The small English model happily runs a sentence across a heading and into
the next paragraph ("Kazakhstan: military mobilisation\\n\\nAs the most …"),
which ruins the parse of both. Setting `is_sent_start` before the parser
runs makes it respect the break. A single newline followed by a lowercase
word is taken as hard-wrapped text and left alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "annotator_paragraphs"


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    n = len(doc)
    for tok in doc:
        if not (tok.is_space and "\n" in tok.text):
            continue
        j = tok.i + 1
        while j < n and doc[j].is_space:
            j += 1
        if j >= n:
            break
        blank = tok.text.count("\n") > 1 or any("\n" in doc[k].text for k in range(tok.i + 1, j))
        if blank or not doc[j].text[:1].islower():
            doc[j].is_sent_start = True
    return doc


def ensure_paragraph_breaks(nlp: Language) -> None:
    """Put the component before the parser (once), if the pipeline has one."""
    if NAME in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    nlp.add_pipe(NAME, before="parser")
