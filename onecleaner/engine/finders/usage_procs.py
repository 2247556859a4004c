"""The usage map walked by several processes, put together as one process would make it.

One CPython process lists folders no faster than its bare os.scandir + stat loop, about twice
what `du` takes on a warm page cache, and threads share one interpreter; so the map of a big
tree is walked by worker processes, one per CPU (README, Performance: alone 1.7-1.9x `du`,
split over 2 processes 1.1x).

Splitting. The walked folder is the first task; the calling process keeps the tasks and gives
each to the first worker free. A worker walks its task with the same walk as one process
(`WalkPool.walk`: no link followed, no filesystem or mount point crossed) and records, per
folder in walk order, what it measured. While another worker waits for work (a count the
workers read in shared memory), the walk hands off its shallowest waiting folder: it opens and
checks it as any other, sends its path and (device, inode) back as a new task, and leaves a
hole in its record. The worker given it opens it again, refuses it if it is no longer that
folder (PATH_SWAPPED), and walks it the same way. Each worker has its own pipe, and the calling
process always reads them, so no worker waits on another.

Putting together. The parent replays the records in walk order into one `UsageFold`, filling
each hole with its task's record (waiting for it when it is not there yet), so the map is the
one a single process makes: the same sizes, the same skips in the same order, each hard-linked
file counted where the depth-first, name-ordered walk meets it first. Records come in chunks
while the workers walk, so progress and finished folders reach the face as they come.

Cancel and failure. On a cancel the parent keeps what it has replayed (each folder entered is
left, so sizes add up) and ends the workers, which only read. A worker that dies (killed, out
of memory) or cannot start raises WorkersLost, and the caller walks again in its own process
(the map reads, never writes). A bug in a worker is raised in the parent with its traceback.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any

from onecleaner.engine import treewalk
from onecleaner.engine.finders.usage import UsageFold, measure
from onecleaner.engine.finders.walk import allocated
from onecleaner.engine.reasons import Reason
from onecleaner.engine.treewalk import Folder, Sub, shared_pool

#: Record events, in walk order (plain tuples: a worker sends one per folder).
ENTER = 0  # (ENTER, name, own blocks, Measured)
LEAVE = 1  # (LEAVE,)
REFUSED = 2  # (REFUSED, name, Reason, own blocks or None)
HOLE = 3  # (HOLE, name, task id): the folder's record is that task's
SEND_EVERY = 0.05  # seconds between a worker's chunks of record
#: Tests: hand off every folder the walk may, whether or not a worker waits (the map must not
#: change). Read by the parent and passed to the workers (a forkserver's do not see patches).
HAND_OFF_ALWAYS = False

Task = tuple[int, str, tuple[int, int] | None]  # id, path, (device, inode) to find there
Event = tuple[Any, ...]


class _Flag:
    """The workers' shared cancel flag: one byte of shared memory, read at every folder (a
    multiprocessing Event takes a lock for each look)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def is_set(self) -> bool:
        return bool(self.value.value)


class WorkersLost(Exception):
    """A worker process could not start or stopped before its work was done."""


class WorkerFailed(RuntimeError):
    """An error inside a worker process (a bug): its traceback is the message."""


# -- in a worker process -----------------------------------------------------------------------


class _Recorder:
    """A worker's lister and events: measures folders, hands off folders, records the walk."""

    def __init__(self, index: int, conn: Connection, wanted: Any, always: bool) -> None:
        self.conn = conn
        self.wanted = wanted  # workers idle minus tasks waiting (the parent's, shared)
        self.always = always
        self.ids = itertools.count(index << 40)  # unique across workers; 0 is the root's
        self.task = 0
        self.events: list[Event] = []
        self.sent = time.monotonic()

    def hand_off(self) -> bool:
        """Asked by the walk after each folder: does another worker wait for work?"""
        return self.always or self.wanted.value > 0

    # -- the lister (a walk thread) --

    def list_folder(
        self, folder: Folder, handle: int | str, stopping: Callable[[], bool]
    ) -> list[Sub]:
        if folder.handed_off:  # opened and checked by the walk: another worker lists it
            st = folder.stat
            assert st is not None
            task = next(self.ids)  # on the calling thread: the walk hands off only there
            self.conn.send(("task", (task, folder.path, (st.st_dev, st.st_ino))))
            folder.result = task
            return []
        subs, folder.result = measure(handle, stopping)
        return subs

    # -- the events (this worker's calling thread, in walk order) --

    def enter(self, folder: Folder) -> None:
        if folder.handed_off:
            self.events.append((HOLE, folder.name, folder.result))
            return
        assert folder.stat is not None
        self.events.append((ENTER, folder.name, allocated(folder.stat), folder.result))
        if time.monotonic() - self.sent >= SEND_EVERY:
            self.send(done=False)

    def leave(self, folder: Folder) -> None:
        if not folder.handed_off:
            self.events.append((LEAVE,))

    def refused(self, folder: Folder) -> None:
        st = folder.own_stat
        own = allocated(st) if st is not None else None
        self.events.append((REFUSED, folder.name, folder.refused, own))

    def send(self, done: bool, why: Reason | None = None) -> None:
        self.conn.send(("chunk", self.task, self.events, done, why))
        self.events = []
        self.sent = time.monotonic()


def _work(
    index: int,
    conn: Connection,
    stop: Any,
    wanted: Any,
    mounts: frozenset[str],
    threads: int,
    always: bool,
) -> None:
    """A worker process: walk the tasks the parent sends until it sends None, sending back each
    task's record and the folders it hands off."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which cancels
    if sys.platform != "win32":  # blocked by the parent until ignored here
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    stopping = _Flag(stop)
    try:
        recorder = _Recorder(index, conn, wanted, always)
        pool = shared_pool(threads)
        while True:
            task: Task | None = conn.recv()
            if task is None:
                return
            recorder.task, path, expect = task
            why = None
            if not stopping.is_set():
                why = pool.walk(
                    path,
                    recorder,
                    recorder,
                    mounts=mounts,
                    cancel=stopping,
                    expect=expect,
                    hand_off=recorder.hand_off,
                )
            recorder.send(done=True, why=why)
    except EOFError:  # the parent is gone
        return
    except BaseException:  # a bug: the parent raises it with this traceback
        with contextlib.suppress(OSError):
            conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


# -- in the calling process --------------------------------------------------------------------


class _Replay:
    """Puts the workers' records together, in walk order, into one fold."""

    def __init__(
        self,
        root: str,
        fold: UsageFold,
        cancel: threading.Event | None,
        tick: Callable[[], None] | None,
    ) -> None:
        self.root = root
        self.fold = fold
        self.cancel = cancel
        self.tick = tick
        self.last = time.monotonic()
        self.pending: dict[int, deque[Event]] = {0: deque()}  # received, not yet replayed
        self.done: dict[int, Reason | None] = {}  # tasks whose record is complete
        self.holes: list[tuple[int, str, str]] = [(0, root, "")]  # (task, path, name) replayed
        self.paths: list[str] = []  # the folders entered and not yet left
        self.root_why: Reason | None = None

    def receive(self, task: int, events: list[Event], done: bool, why: Reason | None) -> None:
        self.pending.setdefault(task, deque()).extend(events)
        if done:
            self.done[task] = why

    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()

    def ticked(self) -> None:
        """Report progress if it is due."""
        if self.tick is not None:
            now = time.monotonic()
            if now - self.last >= treewalk.PROGRESS_EVERY:
                self.last = now
                self.tick()

    def advance(self) -> bool:
        """Replay all that can be; True once the whole walk is replayed (False: waiting for a
        worker, or cancelled)."""
        fold = self.fold
        paths = self.paths
        while self.holes and not self.cancelled():
            task, hole_path, hole_name = self.holes[-1]
            queue = self.pending.get(task)
            if queue:
                event = queue.popleft()
                kind = event[0]
                if kind == ENTER:
                    path = os.path.join(paths[-1], event[1]) if paths else self.root
                    fold.open_folder(path, event[2], event[3])
                    paths.append(path)
                    self.ticked()
                elif kind == LEAVE:
                    fold.close_folder()
                    paths.pop()
                elif kind == REFUSED:
                    fold.refuse(os.path.join(paths[-1], event[1]), event[1], event[2], event[3])
                else:
                    self.holes.append((event[2], os.path.join(paths[-1], event[1]), event[1]))
                continue
            if task not in self.done:
                return False  # its worker is still walking it
            why = self.done.pop(task)
            self.pending.pop(task, None)
            self.holes.pop()
            if why is not None:
                if task == 0:
                    self.root_why = why
                else:  # the folder handed off was not there any more, or not the same
                    fold.refuse(hole_path, hole_name, why, None)
        return not self.holes

    def close(self) -> None:
        """A cancelled walk: leave the folders entered so far (their sizes add up)."""
        for _ in self.paths:
            self.fold.close_folder()
        self.paths = []


class _Dispatch:
    """The tasks waiting and the workers idle: each task goes to the first worker free."""

    def __init__(self, conns: list[Any], wanted: Any) -> None:
        self.conns = conns
        self.wanted = wanted
        self.idle: deque[Any] = deque(conns)
        self.tasks: deque[Task] = deque()

    def add(self, task: Task) -> None:
        self.tasks.append(task)
        self.dispatch()

    def freed(self, conn: Any) -> None:
        self.idle.append(conn)
        self.dispatch()

    def all_idle(self) -> bool:
        return len(self.idle) == len(self.conns) and not self.tasks

    def dispatch(self) -> None:
        while self.idle and self.tasks:
            self.idle.popleft().send(self.tasks.popleft())
        self.wanted.value = len(self.idle) - len(self.tasks)


def _context() -> BaseContext:
    """How workers start: a fork of this process when it runs one thread (the command line), a
    fork of a clean server when it runs more (the window: forking it could copy a held lock);
    a fresh interpreter where fork is unsafe (macOS) or missing (Windows)."""
    if sys.platform == "linux":
        if threading.active_count() == 1 and threading.current_thread() is threading.main_thread():
            return multiprocessing.get_context("fork")
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload([__name__])
        return server
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back while workers start: a forked worker keeps it blocked until it has
    set it aside, and this process gets it (and cancels) once they are started."""
    if sys.platform == "win32" or threading.current_thread() is not threading.main_thread():
        yield  # Windows has no signal mask; another thread's mask is its own
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def walk_in_processes(
    root: str,
    fold: UsageFold,
    processes: int,
    mounts: frozenset[str],
    threads: int,
    cancel: threading.Event | None,
    tick: Callable[[], None] | None,
) -> Reason | None:
    """Walk `root` (resolved) in `processes` workers into `fold`; returns why `root` could not
    be opened, or None. Raises WorkersLost (walk again alone) or WorkerFailed (a bug)."""
    ctx = _context()
    stop = ctx.RawValue("b", 0)
    wanted = ctx.RawValue("i", 0)
    workers: list[Any] = []
    conns: list[Any] = []  # Connection; PipeConnection on Windows
    whole = False
    try:
        try:
            with _ctrl_c_held():
                for index in range(1, processes + 1):
                    mine, theirs = ctx.Pipe()
                    args = (index, theirs, stop, wanted, mounts, threads, HAND_OFF_ALWAYS)
                    worker = ctx.Process(  # type: ignore[attr-defined]
                        target=_work, args=args, name=f"onecleaner-usage-{index}", daemon=True
                    )
                    worker.start()
                    theirs.close()
                    workers.append(worker)
                    conns.append(mine)
        except Exception as exc:  # no process, no pipe, no server: walk alone
            raise WorkersLost(f"could not start a worker process: {exc}") from exc
        replay = _Replay(root, fold, cancel, tick)
        dispatch = _Dispatch(conns, wanted)
        dispatch.add((0, root, None))
        whole = _run(replay, dispatch)
        return replay.root_why
    finally:
        if whole:  # every worker waits for a task: None ends it
            for conn in conns:
                conn.send(None)
        else:  # cancelled or failed: what the workers do is not wanted (they only read)
            stop.value = 1
            for worker in workers:
                worker.terminate()
        _end(workers, conns)


def _run(replay: _Replay, dispatch: _Dispatch) -> bool:
    """Receive, hand out and replay until the walk is whole (True) or cancelled (False)."""
    while not replay.advance():
        if replay.cancelled():
            replay.close()  # what is replayed stays whole
            return False
        if dispatch.all_idle():  # every record is in, and a part is still missing
            raise WorkerFailed("a usage walk lost a part of the tree (a hole with no task)")
        # The pipes written to; progress still flows while a long folder is walked.
        ready: list[Any] = wait(dispatch.conns, timeout=max(treewalk.PROGRESS_EVERY, 0.01))
        for conn in ready:
            try:
                while conn.poll():
                    message = conn.recv()
                    if message[0] == "chunk":
                        _, task, events, done, why = message
                        replay.receive(task, events, done, why)
                        if done:
                            dispatch.freed(conn)
                    elif message[0] == "task":
                        dispatch.add(message[1])
                    else:
                        raise WorkerFailed(f"a usage walk worker failed:\n{message[1]}")
            except (EOFError, OSError):  # its end of the pipe closed: killed, out of memory
                raise WorkersLost("a worker process stopped before its work was done") from None
        replay.ticked()
    return True


def _end(workers: list[Any], conns: list[Any]) -> None:
    """Wait for the workers to exit; end any that has not within a second."""
    deadline = time.monotonic() + 1.0
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
        if worker.is_alive():
            worker.terminate()
            worker.join()
    for conn in conns:
        conn.close()


__all__ = ["HAND_OFF_ALWAYS", "WorkerFailed", "WorkersLost", "walk_in_processes"]
