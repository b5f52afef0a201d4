"""Plain text with no notes (news articles)."""

from __future__ import annotations

from annotator.models import Document


def parse(doc: Document) -> None:
    """Nothing to find: plain text has no markers or notes."""
    return None
