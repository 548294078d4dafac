"""Child-process helpers shared by the flow's process pools and the story stage's child process."""
from __future__ import annotations

import os


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
