"""Typed errors. Each carries a message a user understands: what, where, what
to do. Only the CLI turns them into exit codes."""


class AnnotatorError(Exception):
    """Something went wrong."""

    exit_code = 1

    def __init__(self, message: str | None = None):
        super().__init__(message or (self.__doc__ or "").strip())


class InputError(AnnotatorError):
    """A source file cannot be read."""


class StoreError(AnnotatorError):
    """An annotation file is broken or does not match its source."""


class BibError(AnnotatorError):
    """A bibliography file cannot be read."""


class ModelError(AnnotatorError):
    """No spaCy English model is installed."""


class LockError(AnnotatorError):
    """Another review holds the lock on this document."""


class WorkspaceError(AnnotatorError):
    """The folder is not a workspace."""


class MissingSource(WorkspaceError):
    """The corpus file an annotation file belongs to is gone (renamed, moved, deleted)."""


class ClusterError(AnnotatorError):
    """The Dask cluster cannot be used (not installed, not reachable, no pipeline on a worker)."""
