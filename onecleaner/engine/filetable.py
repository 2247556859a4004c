"""A target's plan entries stored by folder and by column, read as a sequence of PlanEntry.

A plan of a million files held as a million PlanEntry records (two objects, four big ints and a
full path each) took about 400 bytes a file; by folder, with the numbers in arrays, it takes
about 100 (the file's name and 32 bytes of numbers), and a scan appends four numbers and a name
per file instead of building two records. A PlanEntry is made only when one is read: the
window's table shows a few hundred, a clean reads the columns directly.
"""

from __future__ import annotations

import os
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from onecleaner.engine.entries import (
    _new,
    _set_dev,
    _set_frees,
    _set_ident,
    _set_ino,
    _set_kind,
    _set_mtime,
    _set_path,
    _set_root,
    _set_size,
    _set_tid,
)
from onecleaner.engine.model import EntryKind, Identity, PlanEntry


def numbers(signed: bool = True) -> array[int]:
    """An empty column of 64-bit numbers (inodes are unsigned, the rest signed)."""
    return array("q" if signed else "Q")


@dataclass(frozen=True, slots=True, eq=False)
class FolderFiles:
    """The files of one folder that a plan removes, by column (one row per file).

    `prefix` is the folder's path with its separator: a file's path is `prefix + name`.
    `links` holds the rows that are symbolic links (the rest are regular files).
    """

    prefix: str
    root: str
    target_id: str
    dev: int
    names: tuple[str, ...]
    ino: array[int]
    size: array[int]
    mtime_ns: array[int]
    frees: array[int]
    links: frozenset[int] = frozenset()

    def __len__(self) -> int:
        return len(self.names)

    def path(self, i: int) -> str:
        return self.prefix + self.names[i]

    def kind(self, i: int) -> EntryKind:
        return EntryKind.LINK if i in self.links else EntryKind.FILE

    def entry(self, i: int) -> PlanEntry:
        """Row `i` as a PlanEntry (equal to one made with the normal constructors)."""
        ident = _new(Identity)
        _set_dev(ident, self.dev)
        _set_ino(ident, self.ino[i])
        _set_size(ident, self.size[i])
        _set_mtime(ident, self.mtime_ns[i])
        entry: PlanEntry = _new(PlanEntry)
        _set_path(entry, self.prefix + self.names[i])
        _set_root(entry, self.root)
        _set_tid(entry, self.target_id)
        _set_kind(entry, EntryKind.LINK if i in self.links else EntryKind.FILE)
        _set_ident(entry, ident)
        _set_frees(entry, self.frees[i])
        return entry

    def rows(self) -> Iterator[PlanEntry]:
        for i in range(len(self.names)):
            yield self.entry(i)

    def same_as(self, other: FolderFiles) -> bool:
        return (
            self.prefix == other.prefix
            and self.root == other.root
            and self.target_id == other.target_id
            and self.dev == other.dev
            and self.names == other.names
            and self.ino == other.ino
            and self.size == other.size
            and self.mtime_ns == other.mtime_ns
            and self.frees == other.frees
            and self.links == other.links
        )

    def only(self, keep: Sequence[int]) -> FolderFiles:
        """The same folder with only the rows `keep` (in that order)."""
        where = {old: new for new, old in enumerate(keep)}
        return FolderFiles(
            self.prefix,
            self.root,
            self.target_id,
            self.dev,
            tuple(self.names[i] for i in keep),
            array(self.ino.typecode, [self.ino[i] for i in keep]),
            array(self.size.typecode, [self.size[i] for i in keep]),
            array(self.mtime_ns.typecode, [self.mtime_ns[i] for i in keep]),
            array(self.frees.typecode, [self.frees[i] for i in keep]),
            frozenset(where[i] for i in self.links if i in where),
        )


def split_path(path: str, sep: str = os.sep) -> tuple[str, str]:
    """(the folder's path with its separator, the name): `prefix + name == path`."""
    cut = path.rfind(sep) + 1
    return path[:cut], path[cut:]


class FileTable(Sequence[PlanEntry]):
    """A target's plan entries, folder by folder, in the order the scan found them."""

    __slots__ = ("_bytes", "_starts", "folders")

    def __init__(self, folders: Iterable[FolderFiles] = ()) -> None:
        self.folders: tuple[FolderFiles, ...] = tuple(f for f in folders if len(f))
        starts = [0]
        total = 0
        for f in self.folders:
            starts.append(starts[-1] + len(f))
            total += sum(f.frees)
        self._starts = starts
        self._bytes = total

    @classmethod
    def of(cls, entries: Iterable[PlanEntry], sep: str = os.sep) -> FileTable:
        """The table of `entries`, each run of one folder (same root, target and device) made
        one FolderFiles: the entries read back are equal to these, in the same order."""
        if isinstance(entries, FileTable):
            return entries
        folders: list[FolderFiles] = []
        key: tuple[str, str, str, int] | None = None
        rows: list[PlanEntry] = []
        for e in entries:
            prefix, _ = split_path(e.path, sep)
            here = (prefix, e.root, e.target_id, e.identity.dev)
            if here != key:
                if rows:
                    folders.append(_folder_of(rows, sep))
                key, rows = here, []
            rows.append(e)
        if rows:
            folders.append(_folder_of(rows, sep))
        return cls(folders)

    @property
    def bytes(self) -> int:
        """The space the entries free (allocated bytes; 0 for a hard link whose others stay)."""
        return self._bytes

    def __len__(self) -> int:
        return self._starts[-1]

    @overload
    def __getitem__(self, index: int) -> PlanEntry: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[PlanEntry]: ...

    def __getitem__(self, index: int | slice) -> PlanEntry | Sequence[PlanEntry]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("plan entry index out of range")
        k = bisect_right(self._starts, index) - 1
        return self.folders[k].entry(index - self._starts[k])

    def __iter__(self) -> Iterator[PlanEntry]:
        for f in self.folders:
            yield from f.rows()

    def __bool__(self) -> bool:
        return bool(self.folders)

    def __eq__(self, other: object) -> bool:
        if (
            isinstance(other, FileTable)
            and len(self.folders) == len(other.folders)
            and all(a.same_as(b) for a, b in zip(self.folders, other.folders, strict=True))
        ):
            return True
        if not isinstance(other, Sequence) or len(other) != len(self):
            return False
        return all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash((len(self), self.folders[0].prefix if self.folders else ""))

    def __repr__(self) -> str:
        return f"FileTable({len(self)} entries in {len(self.folders)} folders)"

    def without(self, paths: frozenset[str] | set[str]) -> FileTable:
        """The same table less the entries whose path is in `paths`."""
        if not paths:
            return self
        folders = []
        for f in self.folders:
            prefix = f.prefix
            keep = [i for i, name in enumerate(f.names) if prefix + name not in paths]
            folders.append(f if len(keep) == len(f) else f.only(keep))
        return FileTable(folders)


def _folder_of(rows: list[PlanEntry], sep: str) -> FolderFiles:
    prefix, _ = split_path(rows[0].path, sep)
    cut = len(prefix)
    return FolderFiles(
        prefix,
        rows[0].root,
        rows[0].target_id,
        rows[0].identity.dev,
        tuple(e.path[cut:] for e in rows),
        array("Q", [e.identity.ino for e in rows]),
        array("q", [e.identity.size for e in rows]),
        array("q", [e.identity.mtime_ns for e in rows]),
        array("q", [e.frees for e in rows]),
        frozenset(i for i, e in enumerate(rows) if e.kind is EntryKind.LINK),
    )


__all__ = ["FileTable", "FolderFiles", "numbers", "split_path"]
