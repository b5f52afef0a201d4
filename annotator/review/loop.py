"""The interactive review: reads single keys, shows proposals, records decisions.

It receives its console and its key source, so tests drive it with a list
of keys and a `Console(file=StringIO())`, and the CLI with the terminal
(in cbreak mode: single keys, no Enter). Nothing here opens files: the
`Session` saves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rich.console import Console, Group

from annotator.models import Annotation

from . import edit, view
from .keys import BACKSPACE, ENTER, ESC, LEFT, QUIT, RIGHT, Quit, key_reader
from .query import progress
from .session import Session

SPAN_KEYS = {"[": edit.grow_start, "{": edit.shrink_start, "]": edit.grow_end, "}": edit.shrink_end}


class Loop:
    def __init__(self, session: Session, console: Console, keys, actors: Iterable[str] = ()):
        self.session = session
        self.console = console
        self.read = key_reader(keys)
        self.actors = list(actors)
        self.message = _orphan_note(session)

    def run(self) -> Counter:
        """Review until quit; returns what this session changed, by status."""
        try:
            while True:
                self.draw("main")
                self.main_key(self.key())
        except Quit:
            return self.session.changes()

    def key(self, typing: bool = False) -> str:
        """The next key; q quits, except while a name is being typed."""
        try:
            key = self.read()
        except (EOFError, KeyboardInterrupt):
            raise Quit from None
        if key in QUIT and not (typing and key == "q"):
            raise Quit
        return key

    def draw(self, mode: str, below=None) -> None:
        """The current proposal (or the end of the queue), and a picker under it."""
        prog = progress(self.session)
        item = self.session.item
        if item is None:
            shown = view.end_screen(prog, self.message)
        else:
            shown = view.screen(self.session.ann(item), self.session.text(item), item.doc, prog, mode, self.message)
        view.show(self.console, shown if below is None else Group(shown, below))
        self.message = ""

    # -- main mode --------------------------------------------------------

    def main_key(self, key: str) -> None:
        actions = {"a": self.accept, "r": self.reject, "s": self.skip, RIGHT: self.skip,
                   "u": self.undo, "b": self.back, LEFT: self.back, "e": self.edit_mode,
                   "?": lambda: self.help("main")}
        action = actions.get(key)
        if action is None:
            self.message = f"{key!r} is not a key here; ? shows the keys"
        elif self.session.done and key in ("a", "r", "s", RIGHT, "e"):
            self.message = "Nothing left here: u undo, b back, q quit"
        else:
            action()

    def accept(self) -> None:
        ann = self.session.accept()
        self._said("accepted", ann)

    def reject(self) -> None:
        ann = self.session.reject()
        self._said("rejected", ann)

    def _said(self, what: str, ann) -> None:
        self.message = f"{what} {ann.kind} “{view.one_line(ann.text)}” (saved)"

    def skip(self) -> None:
        self.session.skip()

    def back(self) -> None:
        if not self.session.back():
            self.message = "This is the first proposal."

    def undo(self) -> None:
        step = self.session.undo()
        if step is None:
            self.message = "Nothing to undo."
            return
        self.message = f"undone: {step.item.id} is {step.before.status} again (saved)"

    def help(self, mode: str) -> None:
        view.show(self.console, view.help_table(mode))
        self.console.print("[dim]press any key to go back[/]")
        self.key(typing=True)  # q too goes back here, it does not quit

    # -- edit mode --------------------------------------------------------

    def edit_mode(self) -> None:
        """Edit the current proposal until Enter (done, next) or Esc (stay)."""
        here, edited = self.session.pos, False
        while self.session.pos == here:
            self.draw("edit")
            key = self.key()
            if key in ENTER:
                if edited:
                    self.session.skip()
                return
            if key == ESC:
                return
            edited = self.edit_key(key) or edited

    def edit_key(self, key: str) -> bool:
        """Apply one edit key; True when the annotation changed."""
        if key in SPAN_KEYS:
            return self._apply(SPAN_KEYS[key], "span cannot move that way")
        handlers = {"t": self.pick_type, "c": self.pick_canonical, "p": self.pick_speaker,
                    "l": self.pick_bib, "?": lambda: self.help("edit")}
        if key == "u":
            self.undo()
            return False
        handler = handlers.get(key)
        if handler is None:
            self.message = f"{key!r} is not an edit key; ? shows them"
            return False
        return bool(handler())

    def _apply(self, change, refusal: str, *args) -> bool:
        new = self.session.edit(change, *args)
        if new is None:
            self.message = refusal
            return False
        self.message = f"edited: “{view.one_line(new.text)}” (saved)"
        return True

    def _editing(self) -> Annotation:
        ann = self.session.current()
        assert ann is not None, "edit mode opens only on a proposal"
        return ann

    def pick_type(self) -> bool:
        ann = self._editing()
        choices = list(edit.TYPE_CHOICES.get(ann.kind, ()))
        if not choices:
            self.message = f"a {ann.kind} has no type to change"
            return False
        value = self.choose(f"{ann.kind} type", choices, typing=False)
        return value is not None and self._apply(edit.set_type, "type unchanged", value)

    def pick_canonical(self) -> bool:
        if self._editing().kind != "actor":
            self.message = "only an actor has a canonical id"
            return False
        value = self.choose("canonical actor", self.actors)
        return value is not None and self._apply(edit.set_canonical, "not a usable actor id", value)

    def pick_speaker(self) -> bool:
        if self._editing().kind != "claim":
            self.message = "only a claim has a speaker"
            return False
        value = self.choose("speaker", self.actors, none_label="0  unnamed source")
        return value is not None and self._apply(edit.set_speaker, "speaker unchanged", value or None)

    def pick_bib(self) -> bool:
        ann = self._editing()
        if ann.kind != "citation" or not ann.candidates:
            self.message = "only a citation with candidates can be linked here"
            return False
        keys = [c.key for c in ann.candidates]
        value = self.choose("bib link", keys, typing=False, none_label="0  no link")
        return value is not None and self._apply(edit.set_bib, "link unchanged", value or None)

    def choose(self, title: str, choices: list[str], typing: bool = True, none_label: str = "") -> str | None:
        """A digit picks a shown choice; with `typing`, letters filter and Enter
        takes the typed name as a new id. "" means "none" (digit 0), None cancel."""
        typed = ""
        while True:
            shown = edit.matches(choices, typed) if typing else choices[:9]
            self.draw("edit", below=view.picker(title, typed, shown, none_label, typing))
            key = self.key(typing=typing)
            if key == ESC:
                return None
            if key.isdigit():
                if key == "0" and none_label:
                    return ""
                if 0 < int(key) <= len(shown):
                    return shown[int(key) - 1]
            elif key in ENTER:
                return (edit.actor_id(typed) or None) if typing else None
            elif key in BACKSPACE:
                typed = typed[:-1]
            elif typing and key.isprintable() and len(key) == 1:
                typed += key


def _orphan_note(session: Session) -> str:
    """Say at the start that some earlier decisions lost their place."""
    n = sum(len(d.afile.orphans) for d in session.docs.values())
    if not n:
        return ""
    return (f"{n} earlier decision(s) could not be found again in the edited text: `annotator status` lists them, "
            "`annotator review --orphans` places or drops them")
