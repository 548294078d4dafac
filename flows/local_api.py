"""Prefect's temporary local API, started as early as possible.

Without ``PREFECT_API_URL`` Prefect starts a temporary API server itself when
the flow starts: it first imports the whole server package in-process (~3 s)
and then waits for the server's own start-up (~5 s), all on the critical path.
`newsagree run` instead starts the same server (``uvicorn
prefect.server.api.server:create_app``, exactly Prefect's command) before it
imports Prefect, spaCy and the rest, so the server boots while we import and
load the model, and sets ``PREFECT_API_URL`` so Prefect uses it. This module
must not import Prefect.
"""
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


class LocalPrefectAPI:
    def __init__(self, proc: subprocess.Popen, url: str):
        self.proc = proc
        self.url = url

    @classmethod
    def start(cls, scheduler: bool = False) -> "LocalPrefectAPI | None":
        """Start a server unless an API is configured; sets PREFECT_API_URL for this process.

        ``scheduler=False``: Prefect's temporary API (what a flow run needs). ``scheduler=True``:
        a full ``prefect server start`` with its services, which schedules need (`newsagree serve`).
        That one runs in a process group of its own, so a Ctrl-C in the terminal (SIGINT to the
        whole foreground group) reaches serve but not its server: serve needs the API to cancel
        a run in progress and pause its schedule, and stops the server itself (``stop``) after that.
        """
        if os.environ.get("PREFECT_API_URL"):
            return None
        spec = importlib.util.find_spec("prefect")
        if spec is None or not spec.submodule_search_locations:
            return None
        app_dir = str(Path(list(spec.submodule_search_locations)[0]).parent)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        group = None
        if scheduler:
            cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
            out = subprocess.DEVNULL
            group = 0   # a process group of its own (same session)
        else:
            env.update({"PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"})
            cmd = [sys.executable, "-m", "uvicorn", "--app-dir", app_dir, "--factory",
                   "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
                   "--log-level", "error", "--lifespan", "on"]
            out = None
        # the server dies with this process even when it is killed (SIGKILL, SIGTERM) and cannot stop it:
        # the temporary API at once (SIGKILL), `prefect server start` with SIGTERM so it stops its own children
        from tasks.procs import die_with_parent
        sig = signal.SIGTERM if scheduler else signal.SIGKILL
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=out, process_group=group,
                                preexec_fn=die_with_parent(sig))
        url = f"http://127.0.0.1:{port}/api"
        os.environ["PREFECT_API_URL"] = url
        return cls(proc, url)

    def wait_healthy(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the local Prefect API exited with code {self.proc.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the local Prefect API did not start within {timeout:.0f} s")
            time.sleep(0.1)

    def stop(self) -> None:
        """Flush Prefect's pending logs to the API, then stop it."""
        if "prefect.logging.handlers" in sys.modules:
            try:
                sys.modules["prefect.logging.handlers"].APILogWorker.drain_all(timeout=5)
            except Exception:  # noqa: BLE001 - shutting down anyway
                pass
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        if os.environ.get("PREFECT_API_URL") == self.url:
            del os.environ["PREFECT_API_URL"]
