"""The review of orphans (decisions whose words the edited text lost): one at
a time, where it was and where it most likely went now; p, d, s, u."""

from __future__ import annotations

from collections import Counter

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from . import view
from .keys import QUIT, RIGHT, Quit, key_reader
from .orphans import CannotPlace, Orphan, OrphanSession

ORPHAN_KEYS = "p place  d drop  s skip  u undo  ? help  q quit"
ORPHAN_HELP = [
    ("p", "place it at the suggested match: an annotation again, its decision kept"),
    ("d", "drop it for good: the decision is forgotten"),
    ("s / →", "skip: leave it an orphan, go to the next"),
    ("u", "undo the last place or drop (again for the one before, and so on)"),
    ("q", "quit; every decision is already saved"),
]


class OrphanLoop:
    """One orphan at a time: where it was, where it most likely went; p, d, s, u."""

    def __init__(self, session: OrphanSession, console: Console, keys):
        self.session = session
        self.console = console
        self.read = key_reader(keys)
        self.message = ""

    def run(self) -> Counter:
        """Until quit; returns how many orphans are placed, dropped, left."""
        try:
            while True:
                self.draw()
                self.on_key(self.key())
        except Quit:
            return self.session.counts()

    def key(self) -> str:
        try:
            key = self.read()
        except (EOFError, KeyboardInterrupt):
            raise Quit from None
        if key in QUIT:
            raise Quit
        return key

    def draw(self) -> None:
        item = self.session.current()
        shown = _orphans_end(self.session) if item is None else _orphan_screen(self.session, item)
        if self.message:
            shown = Group(shown, Text(self.message, style="bold"))
        view.show(self.console, shown)
        self.message = ""

    def on_key(self, key: str) -> None:
        actions = {"p": self.place, "d": self.drop, "s": self.session.skip, RIGHT: self.session.skip,
                   "u": self.undo, "?": self.help}
        action = actions.get(key)
        if action is None:
            self.message = f"{key!r} is not a key here; ? shows the keys"
        elif self.session.done and key in ("p", "d", "s", RIGHT):
            self.message = "Nothing left here: u undo, q quit"
        else:
            action()

    def place(self) -> None:
        item = self.session.current()
        assert item is not None, "on_key places only while orphans are left"
        text = self.session.text(item)
        try:
            new = self.session.place()
        except CannotPlace as err:
            self.message = f"{err}: d drops it, s leaves it an orphan"
            return
        self.message = f"placed {new.kind} “{view.one_line(new.text)}” at line {_line(text, new.start)} (saved)"

    def drop(self) -> None:
        ann = self.session.drop()
        self.message = f"dropped {ann.kind} “{view.one_line(ann.text)}” (saved)"

    def undo(self) -> None:
        item = self.session.undo()
        self.message = "Nothing to undo." if item is None else f"undone: {item.ann.id} is an orphan again (saved)"

    def help(self) -> None:
        table = Table(title="keys (orphans)", show_header=False, box=None, padding=(0, 2))
        for key, what in ORPHAN_HELP:
            table.add_row(Text(key, style="bold"), what)
        view.show(self.console, table)
        self.console.print("[dim]press any key to go back[/]")
        try:
            self.read()  # q too goes back here, it does not quit
        except (EOFError, KeyboardInterrupt):
            raise Quit from None


def _orphan_screen(session: OrphanSession, item: Orphan) -> Group:
    """The orphan's old quote in its old context, and its likely place now."""
    ann, text = item.ann, session.text(item)
    done = session.counts()
    title = (f"orphan {session.pos + 1} of {len(session.items)} · {done['placed']} placed · "
             f"{done['dropped']} dropped · {item.doc} · was")
    was = Text("…" if ann.before else "")
    was.append(ann.before)
    was.append("⟦")
    was.append(ann.text, style=view.SPAN_STYLE)
    was.append("⟧")
    was.append(ann.after + ("…" if ann.after else ""))
    parts: list[RenderableType] = [Panel(was, title=title, title_align="left")]
    new, p = session.candidate(item), item.place
    if new is None or p is None:  # there is a candidate only where there is a place
        best = f" (best match {item.score:.2f})" if item.place else ""
        parts.append(Text(f"no likely place in the current text{best}", style="bold"))
    else:
        head = (f"now, most likely · match {p.score:.2f} (quote {p.quote:.2f}, context {p.context:.2f}) · "
                f"line {_line(text, p.start)}")
        parts.append(Panel(view.highlighted(new, text), title=head, title_align="left"))
    return Group(*parts, view.fields(ann), Text(ORPHAN_KEYS, style="dim"))


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _orphans_end(session: OrphanSession) -> Group:
    done = session.counts()
    return Group(Text(f"End of the orphans: {done['placed']} placed, {done['dropped']} dropped, "
                      f"{done['orphan']} left.", style="bold"),
                 Text("u undo  q quit", style="dim"))
