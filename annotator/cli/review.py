"""Placeholder: commands land here."""

from .main import main  # noqa: F401
