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
"""

import asyncio
import logging
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from prefect import flow
from prefect.runner import Runner
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.local_api import LocalPrefectAPI
from flows.nightly import nightly, task_runner_for
from tasks import batches, ingest
from tasks.runlock import run_lock
from tasks.settings import Settings

DEPLOYMENT = "nightly"
FLOW_NAME = "newsagree-scheduled"
log = logging.getLogger("newsagree.serve")


@flow(name=FLOW_NAME)
def scheduled(raw_dir: str, processed_dir: str, warehouse: str, model: str, batch_size: int = 200,
              n_process: int = 2, runner: str = "process") -> dict:
    """The nightly flow as a deployment: plain parameters, the run lock held (waiting up to an hour)."""
    settings = Settings.from_env(raw_dir=raw_dir, processed_dir=processed_dir, warehouse=warehouse, model=model,
                                 batch_size=batch_size, n_process=n_process, runner=runner)
    with run_lock(settings.lock_path, wait_seconds=3600):
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
            fr = run_deployment(f"{FLOW_NAME}/{DEPLOYMENT}", timeout=0)
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
    try:
        api.wait_healthy(timeout)
        log.warning("started a Prefect server at %s for this serve process", api.url.removesuffix("/api"))
        with temporary_settings(updates={PREFECT_API_URL: api.url}):
            yield api.url
    finally:
        api.stop()


def serve(settings: Settings, cron: str | None, poll_seconds: float = 60.0) -> None:
    with prefect_server() as api_url:
        _serve(settings, cron, poll_seconds, api_url)


class _Runner(Runner):
    def handle_sigterm(self, *args, **kwargs):   # SIGTERM (systemd stop, kill): the same clean shutdown as Ctrl-C
        raise KeyboardInterrupt


def _serve(settings: Settings, cron: str | None, poll_seconds: float, api_url: str) -> None:
    params = {"raw_dir": str(Path(settings.raw_dir).resolve()),
              "processed_dir": str(Path(settings.processed_dir).resolve()),
              "warehouse": str(Path(settings.warehouse).resolve()), "model": settings.model,
              "batch_size": settings.batch_size, "n_process": settings.n_process, "runner": settings.runner}
    stop = threading.Event()
    if poll_seconds and poll_seconds > 0:
        threading.Thread(target=watch_drops, args=(settings, poll_seconds, stop, api_url), daemon=True,
                         name="drop-watcher").start()
    runner = _Runner(name=DEPLOYMENT, pause_on_shutdown=True)
    runner.add_flow(scheduled, name=DEPLOYMENT, cron=cron, parameters=params, concurrency_limit=1,
                    description="newsagree nightly: ingest new drops and rebuild the warehouse")
    log.warning("deployment %s/%s registered (cron %r, concurrency limit 1)", FLOW_NAME, DEPLOYMENT, cron)
    try:
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        log.warning("shutting down")
    finally:
        stop.set()
