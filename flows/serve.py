"""`newsagree serve`: a long-running Prefect schedule for the nightly flow, plus a drop watcher.

- The nightly flow is served as the deployment ``newsagree-scheduled/nightly``
  with the given cron schedule and a concurrency limit of one (Prefect queues
  a run that would overlap another; the run lock guards against runs started
  outside Prefect too).
- A watcher thread polls the raw dir every ``poll_seconds``; when it finds new
  or changed files it triggers a run of the deployment and waits for that run
  to finish before polling again.

With ``PREFECT_API_URL`` pointing at a Prefect server (``prefect server start``)
the schedule and runs are visible in its UI; without it Prefect starts a
temporary local API that lives as long as this process.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from prefect import flow

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


def watch_drops(settings: Settings, poll_seconds: float, stop: threading.Event) -> None:
    """Trigger a deployment run whenever new raw files appear; one at a time."""
    from prefect.deployments import run_deployment
    while not stop.wait(poll_seconds):
        try:
            if not has_new_files(settings):
                continue
            log.info("new raw files found: triggering %s/%s", FLOW_NAME, DEPLOYMENT)
            fr = run_deployment(f"{FLOW_NAME}/{DEPLOYMENT}", timeout=None, poll_interval=2)
            log.info("triggered run %s finished: %s", fr.name, fr.state.type.value if fr.state else "?")
        except Exception as exc:  # noqa: BLE001 - keep watching; the next poll retries
            log.warning("drop watcher: %s: %s", type(exc).__name__, exc)
            time.sleep(poll_seconds)


def serve(settings: Settings, cron: str | None, poll_seconds: float = 60.0) -> None:
    params = {"raw_dir": str(Path(settings.raw_dir).resolve()),
              "processed_dir": str(Path(settings.processed_dir).resolve()),
              "warehouse": str(Path(settings.warehouse).resolve()), "model": settings.model,
              "batch_size": settings.batch_size, "n_process": settings.n_process, "runner": settings.runner}
    stop = threading.Event()
    if poll_seconds and poll_seconds > 0:
        threading.Thread(target=watch_drops, args=(settings, poll_seconds, stop), daemon=True,
                         name="drop-watcher").start()
    try:
        scheduled.serve(name=DEPLOYMENT, cron=cron, parameters=params, global_limit=1,
                        description="newsagree nightly: ingest new drops and rebuild the warehouse")
    finally:
        stop.set()
