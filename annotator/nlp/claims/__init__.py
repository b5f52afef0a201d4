"""Claims: the spaCy component that finds who says what.

`component` is the `annotator_claims` factory. `lexicon` reads the cue verbs,
`speech` and `direct` find reported and quoted speech, `content` its extent,
`speakers`, `coref` and `channels` who said it and through whom, `headlines`,
`paragraphs` and `quotes` the text's own layout, `authorial` the author's
theses. May use `nlp.actors`' data, never the other way round.
"""
