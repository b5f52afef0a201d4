"""The store: the only writer of `annotations/`.

`store` loads, validates and atomically saves annotation files; `merge`
keeps reviewed decisions through a re-tag: `anchor` finds a span again after
its text was edited, `follow` carries notes through renumbering and sets
aside a decision whose words changed; `renamed` finds the decisions of a
renamed document by its text; `lock` keeps two writers off one document.
"""
