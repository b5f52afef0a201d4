"""The bibliography: the only user of bibtexparser, and linking to it.

`bibtex` loads `bib/*.bib` into entries (with `latex` for accents and
commands); `link` and `names` link citations to entries; `check` reports
what is unresolved, ambiguous, uncited or duplicated.
"""
