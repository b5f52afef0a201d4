"""Citations: the text of a note, or of a body's parentheses, into `ParsedCitation`s.

Pure text rules, no spaCy: `parse` finds citations in notes and in running
text; `notes` and `refs` read note-bibliography and reference-list forms;
`names` tells names from other words; `model` is what they all return.
May import only the shared base.
"""
