"""Indexes: which claims rest on which sources, by claim, source and actor.

`build` assembles an `Index` (`model`) from the stored annotations (`work`,
`doc`) and the bibliography; `views`, `text` and `html` render it, and
`output` picks the renderings `annotator index` writes; `csl` and
`csl_json` format references in CSL styles.
"""
