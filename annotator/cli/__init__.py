"""Command-line interface. Importing the command modules registers them."""

from . import bib, core, index, review  # noqa: F401  (registers commands)
from .main import main

__all__ = ["main"]
