"""The store: the only writer of `annotations/`.

`store` loads, validates, merges and atomically saves annotation files;
`anchor` finds a span again after its text was edited; `lock` keeps two
writers off one document.
"""
