"""annotator: find who claims what on which evidence in footnoted texts."""

__version__ = "0.4.0"
TAGGER_VERSION = f"annotator-{__version__}"
