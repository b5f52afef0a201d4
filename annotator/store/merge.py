"""Merge a new tagging with the reviewed decisions of the stored file."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.models import Annotation, AnnotationFile, ClaimAnnotation, Note

from .follow import Follower


def merge(old: AnnotationFile | None, new: AnnotationFile, new_text: str,
          notes: Sequence[Note] = ()) -> AnnotationFile:
    """New proposals plus every reviewed decision of the old file.

    Reviewed annotations follow their content in the (possibly edited) text
    (`follow`): spans are re-anchored, note numbers are those of the notes
    now; those that cannot be found become orphans, those whose words changed
    are `changed`. A proposal that lands where a reviewed annotation of the
    same kind stands is dropped: the decision wins, including a rejection.
    `notes`: the document's notes now, to number note citations by the note
    they stand in (without them, by the marker of their old note).
    """
    new = once(new)
    if old is None:
        return new
    follower = Follower(old, new, new_text, notes)
    placed: list[Annotation] = []
    orphans = list(old.orphans)
    for ann in old.annotations:
        if not ann.reviewed:
            continue
        moved = follower.place(ann)
        (placed if moved is not None else orphans).append(moved or ann)
    # Claims after the rest: their inline citations' ids are those the citations have now.
    citation_at = {(a.start, a.end): a.id for a in new.annotations if a.kind == "citation"}
    citation_at.update({(a.start, a.end): a.id for a in placed if a.kind == "citation"})
    kept = [follower.claim(a, citation_at) if isinstance(a, ClaimAnnotation) else a for a in placed]
    taken = {(a.kind, a.start, a.end) for a in kept} | {a.id for a in kept}
    fresh = [a for a in new.annotations if (a.kind, a.start, a.end) not in taken and a.id not in taken]
    return new.model_copy(update={"annotations": kept + fresh, "orphans": orphans})


def once(afile: AnnotationFile) -> AnnotationFile:
    """A proposal made twice taken once: an id is made from kind, span and key,
    and a file with one id twice is refused (the review finds annotations by id)."""
    seen: set[str] = set()
    anns = []
    for a in afile.annotations:
        if a.id not in seen:
            seen.add(a.id)
            anns.append(a)
    return afile if len(anns) == len(afile.annotations) else afile.model_copy(update={"annotations": anns})


def changed(afile: AnnotationFile) -> list[Annotation]:
    """Annotations whose words (or notes) changed since their decision: to decide again."""
    return [a for a in afile.annotations if a.status == "changed"]


def changed_reason(ann: Annotation) -> str:
    """One line for a changed annotation: what was decided on which words, what stands there now."""
    was = ann.changed
    old = " ".join(was.text.split()) if was else "?"
    status = was.review.status if was else "decided"
    now, why = " ".join(ann.text.split()), was.reason if was else ""
    return (f"{ann.kind} {ann.id} {status} as {old!r}, now {now!r}: {why}; "
            "decide again: annotator review --status changed")
