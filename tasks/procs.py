"""Child-process helpers: children of a run (process-pool workers, the story stage's child, the local Prefect
API server) end when the run ends, however it ends."""
from __future__ import annotations

import ctypes
import os
import signal
import sys


def exit_with_parent() -> None:
    """Process-pool worker initializer: the worker exits as soon as the process that started it is gone.

    A ProcessPoolExecutor worker waits for its next task on a queue whose pipe it holds both ends of, so it
    never sees its parent die: when the flow-run process is killed (SIGKILL from `newsagree serve`'s
    shutdown when a run has not stopped 30 s after its SIGTERM, the OOM killer, kill -9) its workers
    would finish their batch and then wait forever, a spaCy model each. ``parent_process().sentinel``
    becomes ready when the parent exits, however it exits.
    """
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def _watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=_watch, name="exit-with-parent", daemon=True).start()


_PR_SET_PDEATHSIG = 1   # linux/prctl.h


def die_with_parent(sig: int = signal.SIGKILL):
    """A ``preexec_fn`` for ``subprocess.Popen``: the child gets ``sig`` as soon as the process that started it
    dies, however it dies (SIGKILL, SIGTERM's default action, the OOM killer), so a helper server never
    outlives its run with parent 1 (Linux ``PR_SET_PDEATHSIG``; elsewhere a no-op).

    The signal is tied to the *thread* that forks: call Popen from a thread that lives as long as the child
    should (the main thread). If the parent is already gone when the child gets here, the child ends at once.
    libc is loaded before the fork: the function run in the child only calls ``prctl`` and ``getppid``."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    parent = os.getpid()

    def _preexec() -> None:
        libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
        if os.getppid() != parent:
            os.kill(os.getpid(), sig)

    return _preexec


def release_freed_memory() -> None:
    """Collect garbage and hand the C heap's free pages back to the system (glibc ``malloc_trim``; elsewhere
    only the collection). Called by the flow process between stages: what the extraction stage's batch results
    left freed-but-held in malloc's arenas (hundreds of MB on a drop of many small articles) is then not
    counted again under the warehouse build's own DuckDB memory."""
    import gc
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):      # not glibc (musl has no malloc_trim)
            pass
