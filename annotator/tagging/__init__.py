"""Tagging: the one bridge from spaCy Docs to our annotation models.

`propose` turns a read `Document` and its parsed Doc into proposed
annotations; `workers` runs it in several processes; `run.tag` chooses
between the two.
"""
