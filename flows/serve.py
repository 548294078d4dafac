"""`newsagree serve`: a long-running Prefect schedule for the nightly flow, plus a drop watcher.

- The nightly flow is served as the deployment ``newsagree-scheduled/nightly``
  with the given cron schedule and a concurrency limit of one (Prefect queues
  a run that would overlap another; the run lock guards against runs started
  outside Prefect too).
- A watcher thread polls the raw dir every ``poll_seconds``; when it finds new
  or changed files it triggers a run of the deployment and waits for that run
  to finish before polling again.

Schedules need a real Prefect server (Prefect's temporary API cannot
schedule). With ``PREFECT_API_URL`` set (e.g. to a ``prefect server start``
you run yourself) that server is used; otherwise ``serve`` starts
``prefect server start`` on a free local port for as long as it runs and
stops it on exit.

Shutdown (SIGTERM or SIGINT, idle or during a run): the signal handler only
tells the watcher to stop and wakes the runner's event loop (``_Shutdown``);
the loop then stops the runner the way Prefect stops it (``Runner.astop``): a flow run in
progress, which Prefect runs in a child process, is cancelled — SIGTERM to that
process, SIGKILL if it is still alive 30 s later, state Cancelled — and the
schedule is paused. Only then is the Prefect server stopped. The order
matters: a run process left alive outlives its API, retries its last state
update against a server that is gone, and Prefect's (non-daemon) thread that
waits for it keeps the interpreter from exiting. Prefect's stop needs the API;
serve's own server is therefore in a process group of its own (a terminal's
Ctrl-C does not reach it), and if the API is gone anyway (every process of a
systemd unit gets the SIGTERM) serve ends the run processes itself after
``STOP_SECONDS``. A cancelled run is an interrupted run: the next one removes
its uncommitted part files and redoes what it had not committed (the run lock
is released by the kernel; extraction workers exit with their run process,
``tasks.procs.exit_with_parent``).
"""

import asyncio
import logging
import os
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from prefect import flow
from prefect.runner import Runner
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.local_api import LocalPrefectAPI
from flows.nightly import nightly, task_runner_for
from tasks import batches, ingest
from tasks.runlock import run_locks
from tasks.settings import DEFAULTS, SERVE_POLL_SECONDS, Settings

if TYPE_CHECKING:
    from prefect.client.schemas.objects import FlowRun

DEPLOYMENT = "nightly"
FLOW_NAME = "newsagree-scheduled"
log = logging.getLogger("newsagree.serve")


@flow(name=FLOW_NAME)
def scheduled(raw_dir: str, processed_dir: str, warehouse: str, model: str,
              batch_size: int = DEFAULTS.batch_size, n_process: int = DEFAULTS.n_process,
              runner: str = DEFAULTS.runner) -> dict:
    """The nightly flow as a deployment: plain parameters, the run lock held (waiting up to an hour)."""
    settings = Settings.from_env(raw_dir=raw_dir, processed_dir=processed_dir, warehouse=warehouse, model=model,
                                 batch_size=batch_size, n_process=n_process, runner=runner)
    with run_locks(settings.lock_path, Path(settings.processed_dir), wait_seconds=3600):
        return nightly.with_options(task_runner=task_runner_for(settings))(settings)


def has_new_files(settings: Settings) -> bool:
    new, _ = batches.select_new(ingest.discover(Path(settings.raw_dir)),
                                batches.load_ledger(Path(settings.processed_dir)))
    return bool(new)


def watch_drops(settings: Settings, poll_seconds: float, stop: threading.Event, api_url: str) -> None:
    """Trigger a deployment run whenever new raw files appear; one at a time."""
    with temporary_settings(updates={PREFECT_API_URL: api_url}):   # settings contexts are per thread
        _watch(settings, poll_seconds, stop)


def _watch(settings: Settings, poll_seconds: float, stop: threading.Event) -> None:
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    while not stop.wait(poll_seconds):
        try:
            if not has_new_files(settings):
                continue
            log.warning("new raw files found: triggering %s/%s", FLOW_NAME, DEPLOYMENT)
            fr = cast("FlowRun", run_deployment(f"{FLOW_NAME}/{DEPLOYMENT}", timeout=0))   # sync call
            with get_client(sync_client=True) as client:   # wait for it, but stay responsive to shutdown
                while not stop.wait(poll_seconds):
                    state = client.read_flow_run(fr.id).state
                    if state is not None and state.is_final():
                        log.warning("triggered run %s finished: %s", fr.name, state.type.value)
                        break
        except Exception as exc:  # noqa: BLE001 - keep watching; the next poll retries
            log.warning("drop watcher: %s: %s", type(exc).__name__, exc)


@contextmanager
def prefect_server(timeout: float = 120.0):
    """Yield the API URL of a Prefect server: PREFECT_API_URL if set, else a `prefect server start` of our own."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    api = LocalPrefectAPI.start(scheduler=True)
    assert api is not None   # start() returns None only when PREFECT_API_URL is set, handled above
    try:
        api.wait_healthy(timeout)
        log.warning("started a Prefect server at %s for this serve process", api.url.removesuffix("/api"))
        with temporary_settings(updates={PREFECT_API_URL: api.url}):
            yield api.url
    finally:
        api.stop()


def serve(settings: Settings, cron: str | None, poll_seconds: float = SERVE_POLL_SECONDS) -> None:
    with prefect_server() as api_url:
        _serve(settings, cron, poll_seconds, api_url)


class _Shutdown:
    """The SIGTERM/SIGINT handler while the runner's event loop runs: it only wakes the loop.

    A Python signal handler runs in the main thread, which is the loop's thread, between two bytecodes
    of whatever the loop is doing; raising there (KeyboardInterrupt) tears the loop down without
    stopping the runner, and its flow-run process outlives serve's Prefect server (see the module
    docstring). So the handler sets ``stop`` (the drop watcher ends) and asks the loop, through its
    thread-safe wake-up, to set ``requested``; ``_run_until_stopped`` does the rest. Repeated signals
    while stopping change nothing (the stop is bounded already). Before the loop exists a signal
    raises KeyboardInterrupt, as everywhere else in the CLI.
    """

    def __init__(self, stop: threading.Event):
        self.stop = stop
        self.loop: asyncio.AbstractEventLoop | None = None
        self.requested: asyncio.Event | None = None

    def __call__(self, signum, frame) -> None:
        if self.loop is None:
            raise KeyboardInterrupt
        self.stop.set()
        try:
            self.loop.call_soon_threadsafe(self._request, signum)
        except RuntimeError:   # the loop has closed: the runner is stopped already
            pass

    def _request(self, signum: int) -> None:
        name = signal.Signals(signum).name
        if self.requested is None or self.requested.is_set():
            log.warning("%s received: already shutting down", name)
            return
        log.warning("%s received: cancelling any run in progress and shutting down", name)
        self.requested.set()


class _Runner(Runner):
    """Prefect's Runner; ``start()`` installs ``handle_sigterm`` as the SIGTERM handler.

    Prefect's own handler calls the blocking ``stop()`` from inside the running loop and then
    ``sys.exit``; serve's goes through ``_Shutdown`` instead.
    """
    on_signal: "_Shutdown | None" = None

    def handle_sigterm(self, signum=signal.SIGTERM, frame=None):
        if self.on_signal is None:
            raise KeyboardInterrupt
        self.on_signal(signum, frame)


# Prefect's stop: up to 30 s for a run process to exit after its SIGTERM, then SIGKILL, plus some API calls
STOP_SECONDS = 45.0


async def _run_until_stopped(runner: _Runner, shutdown: _Shutdown) -> None:
    """Run the runner until it ends or a signal asks it to stop; then stop it as Prefect does."""
    shutdown.requested = asyncio.Event()
    shutdown.loop = asyncio.get_running_loop()
    start = asyncio.ensure_future(runner.start())
    requested = asyncio.ensure_future(shutdown.requested.wait())
    try:
        await asyncio.wait({start, requested}, return_when=asyncio.FIRST_COMPLETED)
        if start.done():
            return start.result()
        stopping = asyncio.ensure_future(_stop_runner(runner, start))
        done, _ = await asyncio.wait({stopping}, timeout=STOP_SECONDS)
        if not done:
            # the stop needs the API (to cancel, to pause the schedule) and retries for minutes without it
            # (e.g. every process got the SIGTERM, the Prefect server too): end the run processes directly,
            # then leave what is left of the stop to asyncio.run, which cancels it
            log.warning("the runner did not stop within %.0f s (Prefect API gone?): terminating run processes",
                        STOP_SECONDS)
            await asyncio.to_thread(_terminate_run_processes)
        else:
            stopping.result()
    finally:
        requested.cancel()


async def _stop_runner(runner: _Runner, start: asyncio.Future) -> None:
    if runner.started:
        await runner.astop()   # cancels the runs in progress, then ends the runner's loops
    else:
        start.cancel()         # still registering the deployment: nothing runs yet
    try:
        await start            # Runner.__aexit__: pauses the schedule, waits for the run processes
    except asyncio.CancelledError:
        pass


def _terminate_run_processes(grace: float = 10.0) -> None:
    """SIGTERM, then SIGKILL after ``grace`` s, to this process's multiprocessing children: Prefect's
    runner starts each flow run as one (``run_flow_in_subprocess``)."""
    import multiprocessing
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    deadline = time.monotonic() + grace
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            child.kill()
            child.join(5)


def _serve(settings: Settings, cron: str | None, poll_seconds: float, api_url: str) -> None:
    params = {"raw_dir": str(Path(settings.raw_dir).resolve()),
              "processed_dir": str(Path(settings.processed_dir).resolve()),
              "warehouse": str(Path(settings.warehouse).resolve()), "model": settings.model,
              "batch_size": settings.batch_size, "n_process": settings.n_process, "runner": settings.runner}
    stop = threading.Event()
    watcher = None
    if poll_seconds and poll_seconds > 0:
        watcher = threading.Thread(target=watch_drops, args=(settings, poll_seconds, stop, api_url), daemon=True,
                                   name="drop-watcher")
        watcher.start()
    runner = _Runner(name=DEPLOYMENT, pause_on_shutdown=True)
    runner.add_flow(scheduled, name=DEPLOYMENT, cron=cron, parameters=params, concurrency_limit=1,
                    description="newsagree nightly: ingest new drops and rebuild the warehouse")
    log.warning("deployment %s/%s registered (cron %r, concurrency limit 1)", FLOW_NAME, DEPLOYMENT, cron)
    shutdown = runner.on_signal = _Shutdown(stop)
    previous = {sig: signal.signal(sig, shutdown) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        asyncio.run(_run_until_stopped(runner, shutdown))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        stop.set()
        if watcher is not None:
            watcher.join(timeout=10)   # it wakes on `stop`; it may be finishing one API call
    log.warning("shutting down")
