"""How big a document is, for progress and for the size limit; no spaCy here,
so the library can count and refuse before it loads the model."""

from __future__ import annotations

import re
from collections.abc import Callable

from annotator.models import Document

# One document above this many million characters is refused unless the user
# lifts the limit. Tagged in pieces, its parse takes bounded memory, but its
# annotations (kept whole for the merge with reviewed work) grow with it: 1 MB
# peaked at 430 MB in all, ~80 MB of it annotations, so 5 MB (~800,000 words,
# ~10 minutes on one core) stays under 1 GB.
MAX_MB = 5.0
_WORD = re.compile(r"\S+")


def words(text: str) -> int:
    """Words as progress counts them (runs of non-space), without building a list."""
    return sum(1 for _ in _WORD.finditer(text))


def oversize(doc: Document, max_mb: float) -> str | None:
    """Why `doc` is too large to tag, with the option that lifts the limit; None if it is not."""
    size = len(doc.text) / 1_000_000
    if size <= max_mb:
        return None
    return (f"{len(doc.text):,} characters, over the limit of {max_mb:g} million for one document; not tagged. "
            f"Split the file, or tag it with --max-size {int(size) + 1} (about {size * 80:.0f} MB of memory "
            f"for its annotations and {size * 2:.0f} minutes on one core)")


# Told (what is being done, documents done, documents, words done, words).
Progress = Callable[[str, int, int, int, int], None]


class Tally:
    """Progress over documents and words: a long document moves the words as
    each of its pieces is tagged, not only when it is saved."""

    def __init__(self, docs: list[Document], progress: Progress | None, first: str = "loading the spaCy model…"):
        self.progress, self.names, self.docs, self.done = progress, [d.name for d in docs], len(docs), 0
        self.words = {d.name: words(d.text) for d in docs} if progress else {}
        self.total, self.tagged, self.saved = sum(self.words.values()), 0, 0
        if progress and docs:
            progress(first, 0, self.docs, 0, self.total)

    def piece(self, count: int) -> None:
        """`count` more words tagged in this process: a piece of the next document in order."""
        if self.progress and self.done < self.docs:
            self.tagged = min(self.tagged + count, self.total)
            self.progress(f"{self.names[self.done]} (in pieces)", self.done, self.docs, self.tagged, self.total)

    def document(self, doc: Document) -> None:
        self.done += 1
        if self.progress:
            self.saved += self.words[doc.name]
            self.tagged = max(self.tagged, self.saved)  # its pieces may not have counted its notes
            self.progress(doc.name, self.done, self.docs, self.tagged, self.total)
