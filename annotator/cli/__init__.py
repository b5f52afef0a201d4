"""Command-line interface: the `main` group loads each command's module on use."""

from .main import main

__all__ = ["main"]
