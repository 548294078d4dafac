"""Run bookkeeping without Prefect: the run summary, its row in the `runs` table, and the no-op run.

A run with nothing new (no new or changed raw file, no full refresh, the warehouse up to date with the
committed Parquet) has nothing to orchestrate. `newsagree run` checks that here first, before importing
Prefect or loading the spaCy model, so such a run costs file stats, one ledger read and one warehouse check.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tasks import PIPELINE_VERSION, batches, ingest, parquet, warehouse
from tasks.runlock import run_locks
from tasks.settings import Settings


@dataclass
class RunSummary:
    run_id: str
    status: str = "running"
    files_seen: int = 0
    files_new: int = 0
    files_skipped: int = 0
    articles_new: int = 0
    duplicates: int = 0
    files_rejected: int = 0
    batches: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    warehouse_rows: dict[str, int] = field(default_factory=dict)
    data_tests: int = 0
    build: str = ""            # "incremental: 5 of 734 stories recomputed" or "full (<reason>)"
    duration_s: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)   # discover, extract, stories, build
    message: str = ""


def record_run(processed_dir: Path, summary: RunSummary, started: datetime) -> float:
    """Write the run's row (part of the `_runs` table, committed like any batch); returns its duration_s."""
    finished = datetime.now(UTC)
    duration_s = (finished - started).total_seconds()
    row = {
        "run_id": summary.run_id, "started_at": started, "finished_at": finished, "status": summary.status,
        "files_seen": summary.files_seen, "files_new": summary.files_new, "articles_new": summary.articles_new,
        "articles_skipped": summary.files_skipped, "files_rejected": summary.files_rejected,
        "duration_s": duration_s, "pipeline_version": PIPELINE_VERSION,
        "message": summary.message[:2000],
    }
    key = f"{batches.RUN_BATCH_PREFIX}{summary.run_id}-{summary.status}"
    parquet.write_batch(processed_dir, key, "_runs", {"runs": [row]}, summary.run_id)
    return duration_s


def noop_summary(settings: Settings, skipped: int, started: datetime) -> dict:
    """Record a run that found nothing new; the summary shows the duration the `runs` row holds."""
    summary = RunSummary(run_id=batches.new_run_id(started), status="success", files_seen=skipped,
                         files_skipped=skipped, message="nothing new; warehouse unchanged")
    summary.duration_s = round(record_run(Path(settings.processed_dir), summary, started), 2)
    return asdict(summary)


def skipped_if_nothing_new(settings: Settings) -> int | None:
    """The number of (already processed) raw files when nothing is new, else None. Call under the run lock."""
    if settings.full_refresh:
        return None
    if parquet.verify_commits(Path(settings.processed_dir)):
        return None             # parts disagree with their commit markers: the flow repairs them or fails clearly
    files = ingest.discover(Path(settings.raw_dir))
    new, skipped = batches.select_new(files, batches.load_ledger(Path(settings.processed_dir)))
    if new or not warehouse.is_current(Path(settings.processed_dir), Path(settings.warehouse)):
        return None
    return len(skipped)


def try_noop_run(settings: Settings, wait_seconds: float, started: datetime) -> dict | None:
    """Under the run locks: record and return a no-op run's summary when nothing is new, else None."""
    with run_locks(settings.lock_path, Path(settings.processed_dir), wait_seconds):
        skipped = skipped_if_nothing_new(settings)
        return None if skipped is None else noop_summary(settings, skipped, started)
