"""Standard output and error as a shell expects them: never a crash on a character the terminal
cannot show, and a quiet end when the reader goes away (`onecleaner list --json | head -1`)."""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
from typing import TextIO

#: What a shell reports for a program that wrote into a closed pipe (killed by SIGPIPE).
CLOSED_PIPE_EXIT = 128 + int(getattr(signal, "SIGPIPE", 13)) if os.name != "nt" else 1

_prepared = False


def prepare() -> None:
    """Make a character the terminal's encoding lacks print as an escape, and the final flush
    of a closed pipe quiet (once per process)."""
    global _prepared
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A closed or detached stream has nothing to print on.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    if not _prepared:
        _prepared = True
        atexit.register(_flush_quietly)


def closed_pipe() -> int:
    """The reader of our output went away: stop writing, say nothing, exit as a shell expects."""
    _flush_quietly()
    return CLOSED_PIPE_EXIT


def _flush_quietly() -> None:
    """Flush both streams; one whose reader is gone is pointed at the null device instead.

    Also runs at exit, before the interpreter's own flush, which would report a closed pipe on
    stderr ("Exception ignored ... BrokenPipeError") and turn the exit code into 120.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            _discard(stream)
        except (OSError, ValueError):  # closed, or another error: nothing more to do here
            pass


def _discard(stream: TextIO | None) -> None:
    """Point `stream`'s file descriptor at the null device, so what is still buffered goes
    nowhere instead of failing again (only for a real descriptor, never a test's capture)."""
    if stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError):  # no descriptor (a capture) or already closed
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)
