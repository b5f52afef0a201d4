"""Single keys from a terminal or a test: the key names the review loops
share, a buffer that splits what a terminal delivers at once, and `Quit`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

ENTER = ("\r", "\n")
ESC = "\x1b"
QUIT = ("q", "\x03", "\x04")  # q, Ctrl-C, Ctrl-D (raw mode delivers them as keys)
BACKSPACE = ("\x7f", "\x08")
LEFT, RIGHT = "\x1b[D", "\x1b[C"

# An escape sequence a terminal sends for one key (arrows: ESC [ D).
_SEQUENCE = re.compile(r"\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Za-z]|.", re.S)


class KeyBuffer:
    """Keys from a source that may deliver several at once (a paste, a fast
    typist, tmux send-keys): split into single keys, arrows kept whole."""

    def __init__(self, read: Callable[[], str]):
        self.read = read
        self.pending: list[str] = []

    def __call__(self) -> str:
        while not self.pending:
            chunk = self.read()
            if not chunk:
                raise EOFError
            self.pending = _SEQUENCE.findall(chunk)
        return self.pending.pop(0)


class Quit(Exception):
    """The person asked to stop (or the keys ran out)."""


def key_reader(keys: Iterable[str] | Callable[[], str]) -> Callable[[], str]:
    """One key at a time from a callable (a terminal) or an iterable (a test);
    an iterable that runs out ends the review as the end of a pipe does."""
    if callable(keys):
        return keys
    it = iter(keys)

    def read() -> str:
        try:
            return next(it)
        except StopIteration:
            raise EOFError from None

    return read
