"""Actors: the spaCy component that finds people, states, organisations and groups.

`component` is the `annotator_actors` factory; `ner` corrects the model's
entities, `rules` adds what NER misses, `people` and `link` give every mention
one canonical id, `metonymy` reads a capital or a state as its government,
`data` holds the gazetteers. Never imports `nlp.claims`.
"""
