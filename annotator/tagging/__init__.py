"""Tagging: the one bridge from spaCy Docs to our annotation models.

`propose` turns a read `Document` and its parsed Doc into proposed
annotations; `pages` tags long texts in pieces; `workers` runs it in several
processes; `run.tag` chooses between the two; `cluster` sends documents to a
Dask cluster instead (`cluster_worker` runs there).
"""
