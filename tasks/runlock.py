"""One `newsagree run` at a time per warehouse and per processed folder: advisory file locks (fcntl.flock).

A run writes both: two runs on one processed folder with different warehouses
would process every new file twice, so a run holds the lock of each
(``run_locks``: the warehouse's ``<warehouse>.lock`` first, then the processed
folder's ``<processed>/.newsagree.lock``; every run takes them in that order).
The locks are released by the kernel when the process dies, so a run killed
with SIGKILL never leaves a stale lock behind.

A lock file is opened with ``O_NOFOLLOW`` and must be a regular file with one
link: a symlink or hard link planted at its name would make the run write its
pid line into (truncate) the file it points at.
"""
from __future__ import annotations

import fcntl
import os
import stat
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

PROCESSED_LOCK = ".newsagree.lock"


class RunLocked(RuntimeError):
    """Another run holds the lock."""


class UnsafeLockFile(RuntimeError):
    """The lock file is a symlink, a hard link or not a regular file."""


def processed_lock_path(processed_dir: Path) -> Path:
    """The processed folder's run lock."""
    return Path(processed_dir) / PROCESSED_LOCK


def _open_lock_file(path: Path) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if path.is_symlink():
            raise UnsafeLockFile(f"lock file {path} is a symbolic link; remove it (newsagree creates its own)") from exc
        raise
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:
        os.close(fd)
        raise UnsafeLockFile(f"lock file {path} is not a plain file of its own (a hard link or special file); "
                             "remove it (newsagree creates its own)")
    return fd


@contextmanager
def run_lock(path: Path, wait_seconds: float = 0.0):
    """Hold an exclusive lock on ``path`` for the duration; wait up to ``wait_seconds`` for it, else raise RunLocked."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = _open_lock_file(path)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "unknown"
                    raise RunLocked(
                        f"another newsagree run is in progress ({holder}); lock file {path}. "
                        "Wait for it to finish or pass --wait SECONDS.") from None
                time.sleep(0.5)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
        yield
    finally:
        os.close(fd)


@contextmanager
def run_locks(warehouse_lock: Path, processed_dir: Path, wait_seconds: float = 0.0):
    """The locks of a run: the warehouse's, then the processed folder's (always in this order, so two runs
    never wait for each other crosswise)."""
    deadline = time.monotonic() + wait_seconds
    with ExitStack() as stack:
        stack.enter_context(run_lock(warehouse_lock, wait_seconds))
        stack.enter_context(run_lock(processed_lock_path(processed_dir), max(0.0, deadline - time.monotonic())))
        yield
