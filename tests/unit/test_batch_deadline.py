"""The per-batch time limit counts the batch thread's CPU time: a batch waiting for CPU on a loaded machine is
not timed out, a batch burning CPU past the limit is."""
from __future__ import annotations

import time

import pytest

from tasks.batches import BatchTimeout, _Deadline


def test_waiting_is_not_cpu_time():
    t0 = time.monotonic()
    with _Deadline(0.5):
        time.sleep(1.5)             # what a batch sees when other processes hold the cores
    assert time.monotonic() - t0 >= 1.5


def test_burning_cpu_past_the_limit_raises():
    t0 = time.monotonic()
    n = 0
    with pytest.raises(BatchTimeout):
        with _Deadline(0.5):
            while time.monotonic() - t0 < 60:
                n += 1
    assert time.monotonic() - t0 < 30


def test_a_finished_block_leaves_nothing_pending():
    with _Deadline(0.2):
        pass
    n = 0
    t0 = time.thread_time()
    fired = None
    try:
        while time.thread_time() - t0 < 0.6:    # burn past the old limit: nothing may fire now
            n += 1
    except BatchTimeout as exc:
        fired = exc
    assert fired is None, f"a finished deadline fired afterwards: {fired!r}"
    assert time.thread_time() - t0 >= 0.6
