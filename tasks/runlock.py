"""One `newsagree run` at a time per warehouse: an advisory file lock (fcntl.flock).

The lock is released by the kernel when the process dies, so a run killed
with SIGKILL never leaves a stale lock behind.
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path


class RunLocked(RuntimeError):
    """Another run holds the lock."""


@contextmanager
def run_lock(path: Path, wait_seconds: float = 0.0):
    """Hold an exclusive lock on ``path`` for the duration; wait up to ``wait_seconds`` for it, else raise RunLocked."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
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
