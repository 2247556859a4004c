"""A walk of one folder tree on a pool of threads, delivered in a fixed depth-first order.

The calling thread lists folders itself while that keeps it busy (a warm page cache, a fast
disk); once it is seen waiting on the disk for three quarters of a moment (`IoWait`), the
folders left go to worker threads (open, os.scandir and stat release the GIL while the disk is
read, so a slow disk is read several folders at a time). Either way the calling thread gets the
folders back in depth-first order, subfolders by name, whatever the timing, so anything built
from the walk's events (a plan, a usage map) is the same at every thread count.

Never followed, never crossed: on POSIX every folder is opened with O_NOFOLLOW|O_DIRECTORY
relative to its parent's descriptor (kept open until its last subfolder is opened), never by
path; a folder on another device, in the mount table (a bind mount keeps its parent's device)
or that statx reports as the root of a mount is not entered. On Windows a folder that is a
reparse point (junction, link, mounted volume) is not entered. Cancellation is checked before
each folder by every thread, and inside big folders by the lister; progress is reported on the
calling thread only.
"""

from __future__ import annotations

import errno
import os
import queue
import stat
import threading
import time
from collections import deque
from collections.abc import Callable
from operator import itemgetter
from typing import Any, Protocol

from onecleaner.engine.fsops import open_dir_nofollow
from onecleaner.engine.mounts import MountRootTest
from onecleaner.engine.reasons import Reason, SkipCode

IS_POSIX = os.name == "posix"
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_REPARSE = 0x400  # FILE_ATTRIBUTE_REPARSE_POINT: a junction, a symlink or a mounted folder
PROGRESS_EVERY = 0.05  # seconds between progress reports
DELIVER_EVERY = 0.005  # seconds between deliveries of what the workers listed
CHECK_EVERY = 4096  # entries between cancel checks inside one big folder

OTHER_FILESYSTEM = Reason.of(SkipCode.OTHER_FILESYSTEM)
MOUNT_POINT = Reason.of(SkipCode.MOUNT_POINT)
LINK_NOT_FOLLOWED = Reason.of(SkipCode.LINK_NOT_FOLLOWED)
SWAPPED = Reason.of(SkipCode.PATH_SWAPPED)

#: A subfolder a lister wants walked: its name and the lister's rules below it.
Sub = tuple[str, Any]
_by_name = itemgetter(0)


def reason_for(exc: OSError, what: str = "folder") -> Reason:
    """Why a file or folder could not be read."""
    if isinstance(exc, FileNotFoundError):
        return Reason.of(SkipCode.VANISHED)
    if isinstance(exc, PermissionError):
        return Reason.of(SkipCode.PERMISSION_DENIED, what=what)
    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
        return Reason.of(SkipCode.SWAPPED_DURING_SCAN, what=what)
    if exc.errno == errno.EMFILE:
        return Reason.of(SkipCode.TOO_DEEP, what=what)
    return Reason.of(SkipCode.UNREADABLE, what=what, error=str(exc.strerror or exc))


class Folder:
    """One folder of a walk: where it is, the lister's rules there, and what listing it gave.

    `result` is whatever the lister made of its files; `refused` says why it was not entered
    (then `own_stat` is its own stat when it is a real folder that could not be opened).
    """

    __slots__ = ("children", "context", "depth", "handed_off", "handle", "listed", "name",
                 "own_stat", "parent", "path", "refs", "refused", "result", "stat",
                 "walk")  # fmt: skip

    def __init__(
        self, walk: _Walk, path: str, name: str, depth: int, parent: Folder | None, context: Any
    ) -> None:
        self.walk = walk
        self.path = path
        self.name = name
        self.depth = depth
        self.parent = parent
        self.context = context
        self.handle: int | str = -1
        self.refs = 1  # its own listing, then one per subfolder not yet opened
        self.children: list[Folder] = []
        self.result: Any = None
        self.refused: Reason | None = None
        self.own_stat: os.stat_result | None = None
        self.stat: os.stat_result | None = None
        self.handed_off = False  # listed early, for the lister to pass on whole (see `walk`)
        self.listed = False  # set last, once everything above is in place


class Cancel(Protocol):
    """A cancel flag: a threading.Event, or a flag in memory shared with other processes."""

    def is_set(self) -> bool: ...


class Lister(Protocol):
    """What a walk does in each folder (on a worker thread)."""

    def list_folder(
        self, folder: Folder, handle: int | str, stopping: Callable[[], bool]
    ) -> list[Sub]:
        """List the open folder: set `folder.result`, return the subfolders to walk.

        `stopping()` (cheap) says the walk is cancelled: a long listing asks it now and then.
        """
        ...


class Events(Protocol):
    """What the calling thread receives, in depth-first order."""

    def enter(self, folder: Folder) -> None:
        """A folder listed (its `result` set), before anything below it."""

    def leave(self, folder: Folder) -> None:
        """A folder entered earlier, with everything below it delivered."""

    def refused(self, folder: Folder) -> None:
        """A subfolder that was not entered, and why (`folder.refused`)."""


class _Walk:
    """The state of one tree walk: what is left, the lock that counts it, where results go."""

    def __init__(
        self,
        lister: Lister,
        dev: int,
        mounts: frozenset[str],
        cancel: Cancel | None,
    ) -> None:
        self.lister = lister
        self.dev = dev
        self.mounts = mounts
        self.cancel = cancel
        self.lock = threading.Lock()
        self.pending = 1  # folders created and not yet listed (or dropped)
        self.finished = threading.Event()  # set when `pending` reaches 0
        self.stop = False  # set on cancel or on an error in a worker
        self.error: BaseException | None = None

    def stopping(self) -> bool:
        if self.stop:
            return True
        if self.cancel is not None and self.cancel.is_set():
            self.stop = True
            return True
        return False

    def run(self, folder: Folder, mount_root: MountRootTest | None) -> list[Folder]:
        """Open and list one folder; returns its subfolders to walk (first one last)."""
        children: list[Folder] = []
        try:
            if folder.parent is None or self._open(folder, mount_root):
                subs = self.lister.list_folder(folder, folder.handle, self.stopping)
                if subs:
                    subs.sort(key=_by_name)
                    sep = os.sep
                    prefix = folder.path + sep if not folder.path.endswith(sep) else folder.path
                    depth = folder.depth + 1
                    children = [
                        Folder(self, prefix + name, name, depth, folder, context)
                        for name, context in subs
                    ]
                folder.children = children
        except BaseException as exc:  # a bug in a lister: stop every thread, raise it later
            self.error = self.error or exc
            self.stop = True
            children = []
            folder.children = children
        with self.lock:
            folder.refs += len(children) - 1
            if folder.refs == 0:
                _close(folder.handle)
            self.pending += len(children) - 1
            finished = self.pending == 0
        folder.listed = True
        if finished:
            self.finished.set()
        return children

    def release(self, folder: Folder) -> None:
        """One subfolder of `folder` is opened (or dropped): close it when none is left."""
        with self.lock:
            folder.refs -= 1
            if folder.refs == 0:
                _close(folder.handle)

    def _open(self, folder: Folder, mount_root: MountRootTest | None) -> bool:
        """Open a subfolder relative to its parent; False (with `refused` set) when refused."""
        parent = folder.parent
        assert parent is not None
        path = folder.path
        handle: int | str
        try:
            if IS_POSIX:
                parent_fd = parent.handle
                assert isinstance(parent_fd, int)
                try:
                    handle = os.open(folder.name, _DIR_FLAGS, dir_fd=parent_fd)
                except PermissionError:
                    folder.own_stat = _own_stat(parent_fd, folder.name, path, self.dev)
                    raise
                finally:
                    self.release(parent)
                try:
                    st = os.fstat(handle)
                    mounted = mount_root is not None and bool(mount_root(handle))
                except OSError:
                    os.close(handle)
                    raise
            else:
                self.release(parent)
                handle = path
                st = os.lstat(path)
                if not stat.S_ISDIR(st.st_mode) or getattr(st, "st_file_attributes", 0) & _REPARSE:
                    folder.refused = LINK_NOT_FOLLOWED
                    return False
                mounted = False
        except OSError as exc:
            folder.refused = reason_for(exc)
            return False
        if st.st_dev != self.dev or mounted or path in self.mounts:
            _close(handle)
            folder.refused = OTHER_FILESYSTEM if st.st_dev != self.dev else MOUNT_POINT
            return False
        folder.handle = handle
        folder.stat = st
        return True

    def drop(self, folder: Folder) -> None:
        """A folder the walk will not list (cancelled): its parent's descriptor is released."""
        if folder.parent is not None:
            self.release(folder.parent)
        with self.lock:
            self.pending -= 1
            finished = self.pending == 0
        if finished:
            self.finished.set()


class _Delivery:
    """Hands listed folders to the events in depth-first order, as far as they are listed,
    with progress due after each folder; a cancel stops the delivery at once."""

    def __init__(
        self, root: Folder, events: Events, walk: _Walk, tick: Callable[[], None] | None
    ) -> None:
        self.events = events
        self.walk = walk
        self.tick = tick
        self.last = time.monotonic()
        self.stack: list[list[Any]] = [[root, -1]]  # [folder, next child (-1: not entered)]

    def ticked(self) -> None:
        """Report progress if it is due."""
        if self.tick is not None:
            now = time.monotonic()
            if now - self.last >= PROGRESS_EVERY:
                self.last = now
                self.tick()

    def advance(self) -> None:
        """Deliver every folder whose turn has come (none once the walk is cancelled)."""
        events = self.events
        stack = self.stack
        stopping = self.walk.stopping
        while stack and not stopping():
            top = stack[-1]
            folder: Folder = top[0]
            if top[1] < 0:
                if not folder.listed:
                    return
                if folder.refused is not None:
                    events.refused(folder)
                    stack.pop()
                    continue
                events.enter(folder)
                folder.result = None  # the events took it
                top[1] = 0
                self.ticked()
            children = folder.children
            i = top[1]
            if i < len(children):
                top[1] = i + 1
                stack.append([children[i], -1])
                continue
            events.leave(folder)
            folder.children = []  # what is delivered is no longer needed
            folder.parent = None
            stack.pop()

    def close(self) -> None:
        """A cancelled walk: leave the folders entered so far, deliver nothing more."""
        while self.stack:
            folder, turn = self.stack.pop()
            if turn >= 0:
                self.events.leave(folder)


class IoWait:
    """Whether the calling thread's walk mostly waits on the disk: over a window of folders,
    the wall time it took against the CPU time this thread spent (os.scandir, stat and open
    release the GIL while they wait, so that is when other threads can list meanwhile)."""

    WINDOW = 0.05  # seconds of walking between two looks
    #: The share of a window spent waiting that hands the walk to the pool. A cold scan on a
    #: fast virtual disk waited 17-26% of each window, and threads made it slower there; on the
    #: issue's slow disk a one-thread walk took 9.9 s where `du` took 8.4 s (the disk set the
    #: pace), and 4 threads halved it (README, Performance).
    WAITING = 0.75

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.thread_time()

    def waiting(self) -> bool:
        wall = time.perf_counter()
        spent = wall - self.wall
        if spent < self.WINDOW:
            return False
        cpu = time.thread_time()
        waited = spent - (cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return waited > self.WAITING * spent


class WalkPool:
    """Threads that walk folder trees; several walks (from several threads) may share them.

    With one thread no thread is started: the calling thread lists every folder itself; with
    more it lists folders too until the walk waits on the disk (see `_walk_inline`).
    """

    def __init__(self, threads: int = 1) -> None:
        self.threads = max(1, threads)
        self._shared: queue.SimpleQueue[Folder | None] = queue.SimpleQueue()
        self._idle = 0  # workers waiting for a folder (a hint: when to hand work over)
        self._idle_lock = threading.Lock()
        self._workers: list[threading.Thread] = []
        if self.threads > 1:
            for n in range(self.threads):
                worker = threading.Thread(target=self._work, name=f"walk-{n}", daemon=True)
                worker.start()
                self._workers.append(worker)

    def __enter__(self) -> WalkPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker threads (after the current walk)."""
        for _ in self._workers:
            self._shared.put(None)
        for worker in self._workers:
            worker.join()
        self._workers = []

    def walk(
        self,
        root: str,
        lister: Lister,
        events: Events,
        *,
        context: Any = None,
        mounts: frozenset[str] = frozenset(),
        cancel: Cancel | None = None,
        tick: Callable[[], None] | None = None,
        expect: tuple[int, int] | None = None,
        hand_off: Callable[[], bool] | None = None,
    ) -> Reason | None:
        """Walk the resolved folder `root`; returns why it could not be opened, or None.

        `tick` is called on this thread about every PROGRESS_EVERY seconds. A cancelled walk
        delivers nothing after the cancel is seen (what was delivered before stays, in order,
        each entered folder left). An error in a lister stops every thread and is raised here.

        `expect`: the (device, inode) `root` must be (another process checked it; anything
        else there now is refused as swapped). `hand_off`, asked after each folder this thread
        lists: when it says yes, the shallowest folder still waiting is opened and checked at
        once and listed with `handed_off` set, for the lister to pass on whole (to another
        process); it is still delivered in its place.
        """
        try:
            handle: int | str
            if IS_POSIX:
                handle = open_dir_nofollow(root)
                try:
                    st = os.fstat(handle)
                except OSError:
                    os.close(handle)
                    raise
            else:
                handle = root
                st = os.stat(root)
        except OSError as exc:
            return reason_for(exc)
        if expect is not None and (st.st_dev, st.st_ino) != expect:
            _close(handle)
            return SWAPPED
        walk = _Walk(lister, st.st_dev, mounts, cancel)
        top = Folder(walk, root, os.path.basename(root) or root, 0, None, context)
        top.handle = handle
        top.stat = st
        delivery = _Delivery(top, events, walk, tick)
        try:
            left = self._walk_inline(walk, top, delivery, hand_off)
            if left:
                self._walk_parallel(walk, left, delivery)
        finally:
            walk.stop = True
            if self.threads > 1:
                self._wait_finished(walk)
        if walk.error is not None:
            raise walk.error
        delivery.close()  # after a cancel: what was delivered stays whole
        return None

    # -- one thread ---------------------------------------------------------------------------

    def _walk_inline(
        self,
        walk: _Walk,
        top: Folder,
        delivery: _Delivery,
        hand_off: Callable[[], bool] | None = None,
    ) -> list[Folder]:
        """List folders on this thread while that is the faster way; returns the folders left
        for the pool once the walk is seen waiting on the disk (nothing when it is done).

        On a warm page cache a walk is CPU-bound and threads only add GIL handovers (here 8
        threads made a warm scan 2-3x slower than one); on a cold disk it mostly waits, and
        listing several folders at once pays (see `IoWait` and the README's figures).
        """
        stack = [top]
        mount_root = MountRootTest() if IS_POSIX else None  # its buffer is this walk's own
        waits = IoWait() if self.threads > 1 else None
        try:
            while stack:
                folder = stack.pop()
                if walk.stopping():
                    walk.drop(folder)
                    continue
                children = walk.run(folder, mount_root)
                stack.extend(reversed(children))
                if hand_off is not None and len(stack) > 1 and hand_off():
                    given = stack.pop(0)  # the last-named sibling of the shallowest level
                    given.handed_off = True
                    walk.run(given, mount_root)
                delivery.advance()
                if waits is not None and stack and waits.waiting():
                    left, stack = stack[::-1], []  # the next folder first
                    return left
            return []
        finally:
            for folder in stack:
                walk.drop(folder)

    # -- many threads -------------------------------------------------------------------------

    def _walk_parallel(self, walk: _Walk, left: list[Folder], delivery: _Delivery) -> None:
        """Hand the folders `left` to the workers; deliver what they listed every few
        milliseconds (waking this thread for each folder cost more than listing it)."""
        for folder in left:
            self._shared.put(folder)
        finished = walk.finished
        while not walk.stopping():  # a cancel: what is listed later is not delivered
            done = finished.wait(DELIVER_EVERY)
            delivery.advance()
            if done:
                return
            delivery.ticked()  # a long folder: progress still flows

    def _wait_finished(self, walk: _Walk) -> None:
        """Wait until every folder of `walk` is listed or dropped (all descriptors closed)."""
        walk.finished.wait()

    def _work(self) -> None:
        """A worker: list folders depth-first, handing the shallowest ones to idle workers."""
        shared = self._shared
        mount_root = MountRootTest() if IS_POSIX else None
        local: deque[Folder] = deque()
        while True:
            if local:
                folder = local.pop()
                if local and self._idle:  # someone waits: give away the biggest part left
                    shared.put(local.popleft())
            else:
                with self._idle_lock:
                    self._idle += 1
                item = shared.get()
                with self._idle_lock:
                    self._idle -= 1
                if item is None:
                    return
                folder = item
            walk = folder.walk
            if walk.stopping():
                walk.drop(folder)
                continue
            local.extend(reversed(walk.run(folder, mount_root)))


_pools: dict[int, WalkPool] = {}
_pools_lock = threading.Lock()


def _forget_pools() -> None:
    """In a forked child: the pools' threads did not survive the fork, so start afresh."""
    global _pools_lock
    _pools.clear()
    _pools_lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(after_in_child=_forget_pools)


def shared_pool(threads: int) -> WalkPool:
    """The process's pool of `threads` walking threads, started on first use and kept: a
    scan of a small tree would otherwise spend more on starting threads than on walking.
    Walks from several threads at once share it safely."""
    with _pools_lock:
        pool = _pools.get(threads)
        if pool is None:
            pool = _pools[threads] = WalkPool(threads)
        return pool


def _own_stat(parent: int | str, name: str, path: str, dev: int) -> os.stat_result | None:
    """An unopenable folder's own stat, when it is a real folder on the walked filesystem."""
    try:
        if isinstance(parent, int):
            st = os.stat(name, dir_fd=parent, follow_symlinks=False)
        else:
            st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_dev != dev:
        return None
    return st


def _close(handle: int | str) -> None:
    if isinstance(handle, int) and handle >= 0:
        os.close(handle)


__all__ = [
    "CHECK_EVERY",
    "IS_POSIX",
    "LINK_NOT_FOLLOWED",
    "MOUNT_POINT",
    "OTHER_FILESYSTEM",
    "PROGRESS_EVERY",
    "SWAPPED",
    "Cancel",
    "Events",
    "Folder",
    "Lister",
    "Sub",
    "WalkPool",
    "reason_for",
    "shared_pool",
]
