"""The nightly flow: discover -> ingest + extract (batches, in parallel) -> Parquet -> stories -> SQL models -> data tests.

Thin by design: every step is a function in tasks/; this module only wires
them to Prefect tasks and chooses where the heavy batches run (local
processes, threads, or an existing Dask cluster).
"""

import logging
import time
from contextlib import nullcontext
from dataclasses import asdict
from datetime import datetime, UTC
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.futures import as_completed
from prefect.utilities.annotations import quote
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from tasks import batches, corpus, ingest, parquet, warehouse
from tasks.procs import exit_with_parent, release_freed_memory
from tasks.faults import failpoint
from tasks.runlock import run_locks
from tasks.runs import RunSummary, noop_summary as _noop_summary, record_run as _record_run
from tasks.settings import Settings


def progress_line(done: int, total: int, elapsed: float, width: int = 20) -> str:
    """A log-friendly progress bar: `[#####---------------] batch 5/20 (25%), 12 s, ~36 s left`."""
    frac = done / total if total else 1.0
    bar = "#" * round(frac * width) + "-" * (width - round(frac * width))
    left = f", ~{elapsed / done * (total - done):.0f} s left" if 0 < done < total else ""
    return f"[{bar}] batch {done}/{total} ({frac:.0%}), {elapsed:.0f} s{left}:"


# ---------------------------------------------------------------- tasks

@task(name="discover", retries=2, retry_delay_seconds=1)
def discover_task(raw_dir: Path, processed_dir: Path) -> tuple[list, list]:
    """Files under the raw dir, split into (new or changed, already processed)."""
    files = ingest.discover(raw_dir)
    return batches.select_new(files, batches.load_ledger(processed_dir))


@task(name="process-batch")
def process_batch_task(raw_dir: Path, files: list, model: str, time_limit: float = 0.0) -> dict:
    """Read, clean and extract one batch of files (runs on a worker); past ``time_limit`` seconds its files
    are rejected as `timeout`."""
    return batches.process_files_within(raw_dir, files, model, time_limit)


@task(name="write-batch", retries=2, retry_delay_seconds=1)
def write_batch_task(processed_dir: Path, batch_key: str, drop_id: str, tables: dict, run_id: str) -> dict:
    return parquet.write_batch(processed_dir, batch_key, drop_id, tables, run_id)


@task(name="update-stories")
def stories_task(processed_dir: Path, new_ids: list[str], run_id: str, full_refresh: bool) -> dict:
    return corpus.run_isolated(processed_dir, new_ids, run_id, full_refresh)


@task(name="build-warehouse")
def build_task(processed_dir: Path, warehouse_path: Path, run_id: str, full_refresh: bool = False) -> warehouse.BuildResult:
    return warehouse.build(processed_dir, warehouse_path, tag=run_id, full_refresh=full_refresh)


def describe_build(result: warehouse.BuildResult) -> str:
    if result.incremental:
        return f"incremental: {result.changed_stories} of {result.n_stories} stories recomputed"
    return f"full ({result.full_build_reason})" if result.full_build_reason else "full"


def _release_workers() -> None:
    """All batches are in: stop the worker processes now, so their memory (a spaCy model each) is
    free before the story stage and the warehouse build, instead of at the end of the flow."""
    from prefect.context import FlowRunContext
    ctx = FlowRunContext.get()
    if ctx is not None and isinstance(ctx.task_runner, ProcessPoolTaskRunner):
        ctx.task_runner.cancel_all()


def task_runner_for(settings: Settings):
    if settings.runner == "dask":
        from prefect_dask import DaskTaskRunner
        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.n_process, "threads_per_worker": 1})
    if settings.runner == "process" and settings.n_process > 1:
        return ProcessPoolTaskRunner(max_workers=settings.n_process, initializer=exit_with_parent)
    return ThreadPoolTaskRunner(max_workers=1)


# ---------------------------------------------------------------- flow

class _BatchSink:
    """Where finished batches go: their tables are written as one committed Parquet batch each, their counts
    added to the run summary, their new article ids kept for the story stage."""

    def __init__(self, processed: Path, summary: RunSummary, known: dict, n_batches: int, log) -> None:
        self.processed, self.summary, self.known, self.n_batches, self.log = processed, summary, known, n_batches, log
        self.pending: dict = {}          # future (or "inline") -> its files
        self.new_ids: list[str] = []
        self.done = 0
        self.t0 = time.perf_counter()

    def collect(self, fut) -> None:
        self.collect_result(fut, fut.result())

    def collect_result(self, key_, result) -> None:
        files = self.pending.pop(key_)
        outcome = batches.finalise_batch(result, files, self.known)
        key = f"{self.summary.run_id}-{self.done:05d}"
        # quote(): the rows are plain data; stop Prefect from walking every row looking for futures
        counts = write_batch_task(self.processed, key, files[0].drop_id, quote(outcome.tables),  # type: ignore[call-overload]  # Task's signature knows no quote()
                                  self.summary.run_id)
        for t, n in counts.items():
            self.summary.rows[t] = self.summary.rows.get(t, 0) + n
        self.summary.articles_new += outcome.n_new
        self.summary.duplicates += outcome.n_duplicates
        self.summary.files_rejected += outcome.n_rejected
        self.new_ids.extend(outcome.new_ids)
        self.done += 1
        self.log.info("%s %d new article(s), %d rejected", progress_line(self.done, self.n_batches,
                      time.perf_counter() - self.t0), outcome.n_new, outcome.n_rejected)

    def collect_next(self) -> None:
        self.collect(next(as_completed(list(self.pending))))


def _prepare_processed(settings: Settings, log) -> None:
    """Full refresh forgets the processed folder; parts of an interrupted run go; damaged parts are repaired."""
    processed = Path(settings.processed_dir)
    if settings.full_refresh:
        batches.reset_processed(processed)
    removed = parquet.remove_uncommitted(processed)
    if removed:
        log.info("removed %d uncommitted part file(s) left by an interrupted run", removed)
    for line in batches.repair_processed(processed, Path(settings.raw_dir)):   # (run_nightly did it already; serve did not)
        log.warning("%s", line)


def _discover_step(settings: Settings, summary: RunSummary, log) -> tuple[list, dict]:
    """New or changed files, planned into batches; the article ids earlier runs hold (to flag duplicates)."""
    t_stage = time.perf_counter()
    processed = Path(settings.processed_dir)
    new_files, skipped = discover_task(Path(settings.raw_dir), processed)
    failpoint("after_discover")
    summary.files_seen = len(new_files) + len(skipped)
    summary.files_new, summary.files_skipped = len(new_files), len(skipped)
    plan = batches.plan_batches(new_files, settings.batch_size, settings.workers)
    summary.batches = len(plan)
    log.info("%d file(s) seen: %d new, %d already processed; %d batch(es)",
             summary.files_seen, len(new_files), len(skipped), len(plan))
    known = dict.fromkeys(batches.load_known_article_ids(processed), "an earlier run") if plan else {}
    summary.stage_seconds["discover"] = round(time.perf_counter() - t_stage, 2)
    return plan, known


def _extract_step(settings: Settings, plan: list, known: dict, summary: RunSummary, log) -> list[str]:
    """Run the batches (one alone runs here, several on the task runner, at most 2 per worker in flight) and
    write each as it finishes; returns the new article ids."""
    raw, model, limit = Path(settings.raw_dir), settings.model, settings.batch_timeout
    sink = _BatchSink(Path(settings.processed_dir), summary, known, len(plan), log)
    if len(plan) == 1:   # one batch: run it here, no worker start-up cost
        fut = process_batch_task.submit(raw, plan[0], model, limit) if settings.runner == "dask" else None
        result = fut.result() if fut else process_batch_task(raw, plan[0], model, limit)
        sink.pending["inline"] = plan[0]
        sink.collect_result("inline", result)
    else:
        max_inflight = max(2, 2 * settings.n_process)
        for files in plan:
            while len(sink.pending) >= max_inflight:
                sink.collect_next()
            sink.pending[process_batch_task.submit(raw, files, model, limit)] = files
    while sink.pending:
        sink.collect_next()
    _release_workers()
    release_freed_memory()
    summary.stage_seconds["extract"] = round(time.perf_counter() - sink.t0, 2)
    return sink.new_ids


def _stories_step(settings: Settings, new_ids: list[str], summary: RunSummary) -> None:
    """Assign the new articles to stories (also picks up articles an interrupted earlier run committed but never
    assigned)."""
    t_stage = time.perf_counter()
    stories_task(Path(settings.processed_dir), quote(new_ids), summary.run_id, settings.full_refresh)  # type: ignore[call-overload]  # Task's signature knows no quote()
    summary.stage_seconds["stories"] = round(time.perf_counter() - t_stage, 2)


def _build_step(settings: Settings, summary: RunSummary) -> None:
    """Build and test the warehouse; its row counts, tests and kind of build go into the summary."""
    t_stage = time.perf_counter()
    release_freed_memory()       # the story stage's rows (when it ran here) are not held under DuckDB's memory
    built = build_task(Path(settings.processed_dir), Path(settings.warehouse), summary.run_id, settings.full_refresh)
    summary.stage_seconds["build"] = round(time.perf_counter() - t_stage, 2)
    summary.warehouse_rows = built.row_counts
    summary.data_tests = built.n_tests
    summary.build = describe_build(built)


def _record_failure(processed: Path, summary: RunSummary, started: datetime, exc: BaseException) -> None:
    """The failed run is recorded with its error; recording must not hide the original error."""
    summary.status = "failed"
    summary.message = f"{type(exc).__name__}: {exc}"
    try:
        summary.duration_s = round(_record_run(processed, summary, started), 2)
    except Exception:  # noqa: BLE001 - the original error matters more
        pass


@flow(name="newsagree-nightly", log_prints=False)
def nightly(settings: Settings, run_id: str | None = None, started: datetime | None = None) -> dict:
    """Ingest new raw files, extract, write Parquet, update stories, build and test the warehouse."""
    log = get_run_logger()
    t0 = time.perf_counter()
    started = started or datetime.now(UTC)   # the CLI passes its own start: one duration per run
    summary = RunSummary(run_id=run_id or batches.new_run_id(started))
    processed = Path(settings.processed_dir)
    try:
        _prepare_processed(settings, log)
        plan, known = _discover_step(settings, summary, log)
        new_ids = _extract_step(settings, plan, known, summary, log)
        _stories_step(settings, new_ids, summary)
        summary.status = "success"
        summary.duration_s = round(_record_run(processed, summary, started), 2)   # = the runs row
        _build_step(settings, summary)
    except BaseException as exc:
        _record_failure(processed, summary, started, exc)
        raise
    finally:
        summary.duration_s = summary.duration_s or round(time.perf_counter() - t0, 2)
    return asdict(summary)


def run_nightly(settings: Settings, wait_seconds: float = 0.0, before_flow=None,
                started: datetime | None = None, temporary_api: bool = False) -> dict:
    """Hold the run locks (warehouse and processed folder) and run the flow with the task runner the settings ask for.

    When nothing is new (no new or changed raw file, no full refresh, and the
    warehouse is up to date with the committed Parquet) there is nothing to
    orchestrate: the run is recorded and returns in seconds without starting
    Prefect. The warehouse's ``runs`` table shows such runs after its next build.

    ``temporary_api``: the Prefect API lives only as long as this run (the CLI's local API): the flow run
    sends no heartbeats. Nothing could watch them (the API stops with the run), and ending the heartbeat
    thread made every run wait up to 1 s after its last task (the thread sleeps in 1 s steps).
    """
    started = started or datetime.now(UTC)
    with run_locks(settings.lock_path, Path(settings.processed_dir), wait_seconds):
        # parts that disagree with their commit markers: extracted again below, or a clear failure
        # (a full refresh forgets every extraction batch anyway: the flow repairs what is left after that)
        repaired = [] if settings.full_refresh else batches.repair_processed(Path(settings.processed_dir),
                                                                            Path(settings.raw_dir))
        for line in repaired:
            logging.getLogger("newsagree").warning("%s", line)
        files = ingest.discover(Path(settings.raw_dir))
        new = files
        skipped: list[ingest.RawFile] = []
        if not settings.full_refresh:
            new, skipped = batches.select_new(files, batches.load_ledger(Path(settings.processed_dir)))
            if not new and warehouse.is_current(Path(settings.processed_dir), Path(settings.warehouse)):
                return _noop_summary(settings, len(skipped), started)
        run = _ready_while_api_starts(settings, new)
        if before_flow is not None:   # e.g. wait for the local API the CLI started before its imports
            before_flow()
        with _without_heartbeats() if temporary_api else nullcontext():
            return run(settings, started=started)


def _without_heartbeats():
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


def _ready_while_api_starts(settings: Settings, new: list):
    """What the flow run needs that does not need the API, done while the CLI's local API server starts
    (its start-up, ~4 CPU s, is what the run waits for): the flow with its task runner (Prefect builds its
    parameter schema), a batch that runs inline warmed up (``batches.warm_up``: its model, modules and rule
    patterns), and the imports a flow run would otherwise make on first use (Prefect's flow and task
    engines; pandas, which pyarrow imports on the first ``Table.from_pydict``). Returns the flow to call."""
    if settings.runner != "dask" and len(batches.plan_batches(new, settings.batch_size, settings.workers)) == 1:
        batches.warm_up(settings.model)   # the inline batch's model, modules and rule patterns
    import prefect.flow_engine  # noqa: F401
    import prefect.task_engine  # noqa: F401
    import pyarrow as pa
    pa.Table.from_pydict({"warm": [0]})
    return nightly.with_options(task_runner=task_runner_for(settings))


@flow(name="newsagree-build")
def build_flow(settings: Settings) -> dict:
    result = build_task(Path(settings.processed_dir), Path(settings.warehouse), batches.new_run_id(),
                        settings.full_refresh)
    return {"warehouse_rows": result.row_counts, "data_tests": result.n_tests, "duration_s": round(result.seconds, 2),
            "build": describe_build(result)}
