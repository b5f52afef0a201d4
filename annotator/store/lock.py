"""One reviewer per document at a time.

A lock is a small JSON file next to the annotation file,
`annotations/.<doc>.lock`, created with O_EXCL so that of two processes
starting at once exactly one wins. It names its holder (pid, host, user,
since when) so the one refused knows whom to ask. A lock whose process is
gone (killed, crashed) is recovered: on the same host we can ask the kernel
whether the pid is alive.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from annotator.errors import LockError
from annotator.workspace import Workspace

# A lock file with no readable holder is one being written right now, unless
# it is older than this: then its writer died between create and write.
UNREADABLE_GRACE = 10.0


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    user: str
    since: str
    # What the holder does: "review", "tag", "link". Lock files written before
    # it was recorded hold a review (the only writer that locked then).
    task: str = "review"

    @classmethod
    def me(cls, user: str, task: str = "review") -> Holder:
        since = datetime.now().astimezone().replace(microsecond=0).isoformat(sep=" ")
        return cls(pid=os.getpid(), host=socket.gethostname(), user=user, since=since, task=task)

    def describe(self) -> str:
        return f"{self.user} (pid {self.pid} on {self.host}, since {self.since})"

    def alive(self) -> bool:
        """False only when we know the holder is gone: same host, and no such pid,
        or the pid now belongs to a process started after the lock was taken
        (pids are reused: soon, in a container)."""
        if self.host != socket.gethostname():
            return True
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # exists, owned by another user
            pass
        started, since = _started(self.pid), _parse_since(self.since)
        return started is None or since is None or started <= since + REUSE_SLACK


# `since` has whole seconds and the boot time too; and a clock may be set a
# little meanwhile. A pid's process must have started this much after the lock
# was taken to count as another process.
REUSE_SLACK = 10.0


def _started(pid: int) -> float | None:
    """When a process started (epoch seconds), where /proc tells; else None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        ticks = int(stat[stat.rindex(")") + 2 :].split()[19])  # field 22, counted after "(comm)"
        btime = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                     if line.startswith("btime "))
        return btime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _parse_since(since: str) -> float | None:
    try:
        return datetime.fromisoformat(since).timestamp()
    except (TypeError, ValueError):
        return None


def lock_path(ws: Workspace, doc: str) -> Path:
    """One lock per annotation file, whichever name the caller has: `tag`
    passes a document name ("sub/news.v2.txt"), `review` the annotation
    file's stem ("sub__news.v2"). `Path.stem` alone would give these two
    different locks (and "news" for both "news.v2" and "news.v3")."""
    own = ws.annotations / f"{doc}.json"
    stem = doc if own.is_file() else ws.annotation_path(doc).stem
    return ws.annotations / f".{stem}.lock"


def read_holder(path: Path) -> Holder | None:
    try:
        return Holder(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


# How a refused caller hears what the holder is doing.
_DOING = {"review": "being reviewed", "tag": "being tagged", "link": "being linked"}


def acquire(ws: Workspace, doc: str, user: str, task: str = "review") -> Path:
    """Take the lock on one document, recovering a stale one; else LockError."""
    path = lock_path(ws, doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    me = Holder.me(user, task)
    for _ in range(3):  # a recovered lock may be taken again by a third process
        if _create(path, me):
            return path
        _recover_or_refuse(path, doc)
    raise LockError(f"{doc}: could not take the review lock {path}; try again")


def _create(path: Path, me: Holder) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(me), fh)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        # Not taken after all: a lock with no holder in it would turn every
        # review away as "starting right now" until its grace runs out.
        path.unlink(missing_ok=True)
        raise
    return True


def _recover_or_refuse(path: Path, doc: str) -> None:
    holder = read_holder(path)
    if holder is not None and holder.alive():
        doing = _DOING.get(holder.task, f"in use ({holder.task})")
        raise LockError(
            f"{doc} is {doing} by {holder.describe()}; wait until that {holder.task} ends. "
            f"If that process is gone, delete {path}"
        )
    if holder is None and _age(path) < UNREADABLE_GRACE:
        raise LockError(f"{doc}: another command is starting on it right now ({path}); try again in a moment")
    _remove_if_same(path, holder)


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return UNREADABLE_GRACE


def _remove_if_same(path: Path, stale: Holder | None) -> None:
    """Remove the stale lock, but not a fresh one another process put there meanwhile.

    Renaming is atomic, so of two recovering processes only one moves the
    file; the mover then checks it moved the stale lock and puts back
    anything else.
    """
    aside = path.with_name(f"{path.name}.stale.{os.getpid()}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return
    if read_holder(aside) != stale:
        try:
            os.link(aside, path)
        except FileExistsError:
            pass
    aside.unlink(missing_ok=True)


def release(path: Path) -> None:
    """Remove the lock if it is still ours."""
    holder = read_holder(path)
    if holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname():
        path.unlink(missing_ok=True)


@contextmanager
def locked(ws: Workspace, docs: list[str], user: str, task: str = "review") -> Iterator[list[Path]]:
    """Hold the locks of several documents; all or none."""
    taken: list[Path] = []
    # Two names may share one lock (essay.txt and essay.md, one annotation file):
    # take it once, else this process is turned away by its own lock.
    once: dict[Path, str] = {}
    for doc in sorted(docs):  # a fixed order, so two sessions cannot deadlock
        once.setdefault(lock_path(ws, doc), doc)
    try:
        for doc in once.values():
            taken.append(acquire(ws, doc, user, task))
        yield taken
    finally:
        for path in taken:
            release(path)
