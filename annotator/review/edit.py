"""Edits a reviewer makes to one annotation. Pure: annotation in, copy out.

Every function takes `(ann, text, ...)` with `text` the document's source,
and returns the changed copy, or None when the edit does not apply (an
actor has no speaker; a one-word span cannot shrink). `Session.edit` stamps
the result as `edited` and saves it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import get_args

from annotator.models import ActorType, Annotation, ClaimKind, NoteKind
from annotator.store.anchor import context

# The unit by which a span grows or shrinks: a word with inner hyphens or
# dots ("Kassym-Jomart", "U.S"), a clitic on its own ("’s", so that
# "Taliban’s" shrinks to "Taliban"), or one punctuation mark.
WORD = re.compile(r"\w+(?:[-.]\w+)*|[’']\w+|[^\w\s]")
_LOOKBACK = 200

TYPE_FIELD = {"actor": "type", "claim": "claim_kind", "footnote_ref": "note_kind"}
TYPE_CHOICES = {
    "actor": get_args(ActorType),
    "claim": get_args(ClaimKind),
    "footnote_ref": get_args(NoteKind),
}


# -- span -------------------------------------------------------------------


def respan(ann: Annotation, text: str, start: int, end: int) -> Annotation | None:
    if not 0 <= start < end <= len(text):
        return None
    before, after = context(text, start, end)
    return ann.model_copy(update={"start": start, "end": end, "text": text[start:end],
                                  "before": before, "after": after})


def grow_start(ann: Annotation, text: str) -> Annotation | None:
    """Take in the word before the span."""
    lo = max(0, ann.start - _LOOKBACK)
    words = list(WORD.finditer(text, lo, ann.start))
    return respan(ann, text, words[-1].start(), ann.end) if words else None


def grow_end(ann: Annotation, text: str) -> Annotation | None:
    """Take in the word after the span."""
    word = WORD.search(text, ann.end)
    return respan(ann, text, ann.start, word.end()) if word else None


def shrink_start(ann: Annotation, text: str) -> Annotation | None:
    """Drop the span's first word (never the last one left)."""
    words = list(WORD.finditer(text, ann.start, ann.end))
    return respan(ann, text, words[1].start(), ann.end) if len(words) > 1 else None


def shrink_end(ann: Annotation, text: str) -> Annotation | None:
    """Drop the span's last word (never the last one left)."""
    words = list(WORD.finditer(text, ann.start, ann.end))
    return respan(ann, text, ann.start, words[-2].end()) if len(words) > 1 else None


# -- labels and links -------------------------------------------------------


def set_type(ann: Annotation, text: str, value: str) -> Annotation | None:
    """Change an actor's type, a claim's kind, or a note's kind."""
    name = TYPE_FIELD.get(ann.kind)
    if name is None or value not in TYPE_CHOICES[ann.kind] or getattr(ann, name) == value:
        return None
    return ann.model_copy(update={name: value})


def set_canonical(ann: Annotation, text: str, value: str) -> Annotation | None:
    if ann.kind != "actor" or not actor_id(value):
        return None
    return ann.model_copy(update={"canonical": actor_id(value)})


def set_speaker(ann: Annotation, text: str, value: str | None) -> Annotation | None:
    """A claim's speaker; None (or "") for an unnamed source."""
    if ann.kind != "claim":
        return None
    return ann.model_copy(update={"speaker": actor_id(value) if value else None})


def set_bib(ann: Annotation, text: str, key: str | None) -> Annotation | None:
    """Link a citation to one of its candidate sources, or unlink it (None)."""
    if ann.kind != "citation":
        return None
    if key is None:
        return ann.model_copy(update={"bib_key": None, "link_score": None, "link_reason": "unlinked by reviewer"})
    found = next((c for c in ann.candidates if c.key == key), None)
    if found is None:
        return None
    return ann.model_copy(update={"bib_key": key, "link_score": found.score, "link_reason": "chosen by reviewer"})


def actor_id(name: str | None) -> str:
    """A canonical actor id as the corpus writes them: lowercase, hyphenated.

    "Kassym-Jomart Tokayev" -> "kassym-jomart-tokayev"; accents go, other
    scripts stay (a Cyrillic name keeps its letters).
    """
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^\w]+", "-", plain.lower()).strip("-_")


def known_actors(files) -> list[str]:
    """Canonical ids used in the corpus, most mentioned first."""
    counts: dict[str, int] = {}
    for afile in files:
        for ann in afile.annotations:
            if ann.kind == "actor" and ann.status != "rejected":
                counts[ann.canonical] = counts.get(ann.canonical, 0) + 1
    return sorted(counts, key=lambda c: (-counts[c], c))


def matches(choices: list[str], typed: str, limit: int = 9) -> list[str]:
    """The known ids best matching what was typed: prefix, then substring, then fuzzy."""
    if not typed:
        return choices[:limit]
    want = actor_id(typed)
    first = [c for c in choices if c.startswith(want)]
    then = [c for c in choices if want in c and c not in first]
    found = first + then
    if len(found) < limit:
        from rapidfuzz import process  # only when typing falls back to fuzzy

        fuzzy = process.extract(want, choices, limit=limit, score_cutoff=60)
        found += [c for c, _, _ in fuzzy if c not in found]
    return found[:limit]
