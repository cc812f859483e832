"""Whether another process holds a store's write lock (RocksDB's POSIX record lock on the file LOCK).

A reader must not open a store that a build is writing: Oxigraph leaves reading under a writer
undefined. The question is asked with an open-file-description lock test (Linux's F_OFD_GETLK), which
sees every process's record locks, ours included, and names the holder's pid. The descriptor it needs
stays open for the life of the process: closing any descriptor of a file drops all of this process's
record locks on it, which would silently release the lock of a store this process itself has open.
"""
from __future__ import annotations

import fcntl
import os
import struct
from pathlib import Path

# struct flock on 64-bit Linux: l_type, l_whence (short), l_start, l_len (off_t), l_pid (pid_t), padding.
_FLOCK = struct.Struct("hhqqi4x")
_PROBES: dict[tuple[int, int], int] = {}  # (device, inode) of a LOCK file → the descriptor kept to test it


def locked_by_another_process(folder: Path) -> bool:
    try:
        info = (folder / "LOCK").stat()
    except OSError:  # no lock file yet: nobody has opened the store for writing
        return False
    if not hasattr(fcntl, "F_OFD_GETLK") or _FLOCK.size != 32:
        return _listed_in_proc_locks(info)
    key = (info.st_dev, info.st_ino)
    try:
        if key not in _PROBES:
            _PROBES[key] = os.open(folder / "LOCK", os.O_RDONLY | os.O_CLOEXEC)
        wanted = _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _, _, _, holder = _FLOCK.unpack(fcntl.fcntl(_PROBES[key], fcntl.F_OFD_GETLK, wanted))
    except OSError:
        return _listed_in_proc_locks(info)
    return kind != fcntl.F_UNLCK and holder != os.getpid()


def _listed_in_proc_locks(info: os.stat_result) -> bool:
    """The same answer read from /proc/locks (slower: the kernel lists every lock of the machine)."""
    try:
        locks = Path("/proc/locks").read_text()
    except OSError:  # not Linux: nothing to tell
        return False
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    return any(fields[5] == device and fields[4] != str(os.getpid())
               for fields in (line.split() for line in locks.splitlines()) if len(fields) > 5)
