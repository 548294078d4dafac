"""Failpoints: named places where a test can make the pipeline die or fail on purpose.

Set ``NEWSAGREE_FAILPOINT=<name>[:<action>[:<match>]]`` (action ``kill`` —
SIGKILL of the current process, the default —, ``term`` — SIGTERM, what `timeout`
and systemd send —, ``raise``, or ``hang`` — loop in Python until stopped; with ``match``
the failpoint fires only when its detail text contains it, e.g. one article). The crash tests in
tests/integration/test_faults.py use them to kill a real ``newsagree run`` at
every stage; in normal operation the variable is unset and a failpoint is a
dictionary look-up.
"""
from __future__ import annotations

import os
import signal
import time

ENV = "NEWSAGREE_FAILPOINT"


class InjectedFault(RuntimeError):
    """Raised by a failpoint whose action is ``raise``."""


def failpoint(name: str, detail: str = "") -> None:
    spec = os.environ.get(ENV)
    if not spec:
        return
    target, _, rest = spec.partition(":")
    action, _, match = rest.partition(":")
    if target != name or (match and match not in detail):
        return
    if action == "raise":
        raise InjectedFault(f"injected fault at {name}")
    if action == "hang":      # a stage that never ends (an input that makes a parser loop, burning CPU): time limits stop it
        n = 0
        while True:
            n += 1
    os.kill(os.getpid(), signal.SIGTERM if action == "term" else signal.SIGKILL)
    time.sleep(60)            # SIGTERM may be handled: do not run on past the failpoint meanwhile
