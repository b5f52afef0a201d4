"""The NLP pass: a spaCy pipeline with our rule components added."""
