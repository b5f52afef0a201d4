"""Review: decisions on proposals, one at a time or in batches.

`session` holds the decisions and undo; `query` picks what to review;
`edit` changes a span, type or link; `orphans` settles decisions whose text
moved; `view` draws one proposal; `loop` reads keys from an injected source
and drives the rest. `workflow` is the whole of `annotator review` and
`annotator status`, one call each: locks, loading, then one of the above.
"""
