"""Run the models and data tests into a new file and swap it in (``build``)."""
from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tasks import PIPELINE_VERSION, parquet
from tasks.faults import failpoint
from tasks.settings import SQL_DIR, TUNING, tuning
from tasks.warehouse.chunks import BUILD_CHUNK_ROWS, _default_spool, _plan_chunks, _run_chunked
from tasks.warehouse.incremental import (Incremental, IncrementalUnavailable, _check_copy, _drop_foreign_objects,
                                         _story_fingerprints, _update_incremental, _write_build_info,
                                         model_set_fingerprint)
from tasks.warehouse.models import Model, check_fingerprint_covers, check_models, load_fingerprint, load_models, phase_order
from tasks.warehouse.render import _sql_str, _strip_sql, one_row, quote_ident, render
from tasks.warehouse.swap import WarehouseBusy, _copy_previous, settle, swap_in

BUILD_MEMORY_LIMIT = TUNING["build_memory"].default    # DuckDB's memory_limit for a build (NEWSAGREE_BUILD_MEMORY)
# NEWSAGREE_BUILD_MEMORY=auto: DuckDB gets AUTO_MAX_MB, less what the building process holds beyond AUTO_LEAN_MB
# (a fresh `newsagree build` holds ~250 MB and gets all of it; the 200k-article hostile run's flow process held
# ~600 MB after extraction, and with a fixed 1 GB its build peaked at 1.65 GB, 1.96 GB with the local API)
AUTO_MAX_MB, AUTO_LEAN_MB, AUTO_FLOOR_MB = 1000, 400, 256
_MEMORY_RE = re.compile(r"^\s*(\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)|\d+(\.\d+)?\s*%)\s*$", re.IGNORECASE)
CONTRACT_TABLES = (
    "articles", "rejected_files", "sentences", "entity_mentions", "entities", "quotes", "facts",
    "stories", "quote_agreement", "quote_variants", "entity_coverage", "claim_agreement",
    "fact_agreement", "outlet_agreement", "claim_conflicts", "runs",
)


class DataTestError(RuntimeError):
    """One or more sql/tests assertions returned rows."""

    def __init__(self, failures: dict[str, list[tuple]], columns: dict[str, list[str]]):
        self.failures = failures
        self.columns = columns
        lines = [f"{len(failures)} data test(s) failed:"]
        for name, rows in failures.items():
            lines.append(f"  {name}: {len(rows)} failing row(s); columns {columns[name]}")
            for r in rows[:5]:
                lines.append(f"    {r}")
        super().__init__("\n".join(lines))



def run_models(con: duckdb.DuckDBPyConnection, models: list[Model], processed_dir: Path,
               incremental: Incremental | None = None, chunk_rows: int | None = None,
               spool: Path | None = None) -> dict[str, float]:
    """Build every model in dependency order; returns seconds per model.

    Without ``incremental`` every model is built in full and no fingerprints are stored (docs, tests).
    With it, the story fingerprints are stored before the first incremental model, and when
    ``incremental.reuse`` (``con`` is a copy of the previous build) incremental models are updated in
    place for the changed stories only; every other model is rebuilt. When the stories to compute hold
    more than ``chunk_rows`` input rows (default BUILD_CHUNK_ROWS), the incremental models run chunk by
    chunk (see _run_chunked, which spools the chunks' rows under ``spool``, default a folder beside the
    database): same rows, bounded memory, time linear in the corpus size."""
    check_models(models)
    keys = parquet.committed_keys(processed_dir)
    timings: dict[str, float] = {}
    built: set[str] = set()
    ordered = phase_order(models)
    story_scoped = [m for m in ordered if m.incremental]
    chunked = False
    for m in ordered:
        if incremental is not None and m.incremental and m is story_scoped[0]:
            t0 = time.perf_counter()
            sql = _strip_sql(render(incremental.fingerprint, processed_dir, keys))
            _story_fingerprints(con, incremental, sql, built)
            chunks = _plan_chunks(con, chunk_rows or BUILD_CHUNK_ROWS)
            incremental.chunks = max(len(chunks), 1)
            timings["story_fingerprints"] = time.perf_counter() - t0
            if len(chunks) > 1:
                inputs = [t for t in incremental.fingerprint.depends_on if any(t in m.depends_on for m in story_scoped)]
                _run_chunked(con, story_scoped, processed_dir, keys, incremental.reuse, chunks, timings,
                             spool or _default_spool(con), inputs)
                built.update(x.name for x in story_scoped)
                chunked = True
        if chunked and m.incremental:
            continue
        t0 = time.perf_counter()
        changed_only = incremental is not None and incremental.reuse and m.incremental
        body = _strip_sql(render(m, processed_dir, keys, changed_only))
        if changed_only:
            _update_incremental(con, m, body)
        else:
            try:
                con.execute(f"create or replace {m.kind} {quote_ident(m.name)} as\n{body}")
            except duckdb.Error as exc:
                raise RuntimeError(f"SQL model {m.name} ({m.path}) failed: {exc}") from exc
        timings[m.name] = time.perf_counter() - t0
        built.add(m.name)
    return timings


def run_tests(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> tuple[int, dict[str, list[tuple]], dict[str, list[str]]]:
    """Run every sql/tests/*.sql; returns (n_tests, failures name -> rows, columns)."""
    failures: dict[str, list[tuple]] = {}
    columns: dict[str, list[str]] = {}
    tests = sorted((sql_dir / "tests").glob("*.sql"))
    for p in tests:
        cur = con.execute(_strip_sql(p.read_text(encoding="utf-8")))
        rows = cur.fetchmany(20)
        if rows:
            failures[p.stem] = rows
            columns[p.stem] = [d[0] for d in cur.description]
    return len(tests), failures, columns


def missing_contract_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    have = {r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
    return [t for t in CONTRACT_TABLES if t not in have]


@dataclass
class BuildResult:
    warehouse: Path
    n_models: int
    n_tests: int
    row_counts: dict[str, int]
    seconds: float
    timings: dict[str, float]
    incremental: bool = False           # rows of unchanged stories were reused from the previous warehouse
    full_build_reason: str = ""         # why not incremental (empty when incremental)
    n_stories: int | None = None        # stories in the story fingerprints (None: no incremental models)
    changed_stories: int | None = None  # stories whose incremental rows were computed in this build
    chunks: int | None = None           # chunks of stories the incremental models ran in (1: one pass)


def build_memory_limit(env=None) -> str:
    """NEWSAGREE_BUILD_MEMORY (default BUILD_MEMORY_LIMIT), checked: a size such as `1GB`, `1.5 GiB`, `512MB`,
    a share of RAM such as `75%`, or `auto` (:func:`auto_memory_limit` of what this process holds now).
    Anything else is refused here: the value becomes SQL text."""
    value = str(tuning("build_memory", env))
    if value.strip().lower() == "auto":
        return auto_memory_limit(_own_rss_bytes())
    if not _MEMORY_RE.match(value):
        raise ValueError(f"NEWSAGREE_BUILD_MEMORY={value!r} is not a memory size: use e.g. 1GB, 1.5 GiB, "
                         "512MB, 75% or auto")
    return value.strip()


def auto_memory_limit(held_bytes: int | None) -> str:
    """NEWSAGREE_BUILD_MEMORY=auto for a process that holds ``held_bytes`` now (None: unknown, the maximum)."""
    held_mb = 0 if held_bytes is None else held_bytes // 10**6
    return f"{max(AUTO_FLOOR_MB, AUTO_MAX_MB - max(0, held_mb - AUTO_LEAN_MB))}MB"


def _own_rss_bytes() -> int | None:
    """This process's resident memory now (Linux /proc; None elsewhere)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None



def _check_processed(processed_dir: Path) -> None:
    """Refuse to build over parts that disagree with their commit markers: a missing or truncated part would
    silently drop rows (or fail deep inside DuckDB)."""
    damage = parquet.verify_commits(processed_dir)
    if damage:
        raise parquet.damage_error(damage, "Fix: `newsagree run` extracts the damaged batches again from their raw "
                                           "files (or says what to do when it cannot); then build.")


def _fresh_build_path(warehouse: Path, tag: str) -> Path:
    """The new warehouse's temp path, after removing leftovers of killed builds (builds run under the run
    lock, so any other in-progress file is one)."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    tmp = warehouse.with_name(f".{warehouse.name}.{parquet.safe_name(tag)}.{os.getpid()}.building")
    for stale in warehouse.parent.glob(f".{warehouse.name}.*.building*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)     # the chunk spool of a killed build
        else:
            stale.unlink(missing_ok=True)                # a file, or a link planted there (never followed)
    if tmp.exists() or tmp.is_symlink():
        raise RuntimeError(f"cannot build: {tmp} exists and cannot be removed")
    return tmp


def _spill_dir(tmp: Path) -> Path:
    """DuckDB's spill folder for one build, beside the file being built: removed after the build, and a
    killed build's (whose spill files can be gigabytes) is removed with its other leftovers by the next
    build (_fresh_build_path: it matches ``.<warehouse>.*.building*``)."""
    return tmp.with_name(tmp.name + ".spill")


def _connect_bounded(tmp: Path, memory_limit: str) -> duckdb.DuckDBPyConnection:
    """A connection to the file being built with bounded memory whatever the corpus size: DuckDB spills to
    disk past the limit (measured on 8x PolNeAR: peak RSS 3.2 GB by default, 1.1 GB with these settings)."""
    con = duckdb.connect(str(tmp))
    con.execute(f"set memory_limit = {_sql_str(memory_limit)}")
    con.execute("set preserve_insertion_order = false")
    con.execute(f"set temp_directory = {_sql_str(str(_spill_dir(tmp)))}")
    return con

def _initial_full_reason(warehouse: Path, tmp: Path, full_refresh: bool, has_incremental: bool) -> str:
    """Why this build cannot reuse the previous one ("" when it can: the previous warehouse is then copied
    to ``tmp``). WarehouseBusy when another process holds the warehouse read-write."""
    previous = settle(warehouse)
    if full_refresh:
        return "full refresh requested"
    if not has_incremental:
        return "no incremental models"
    return previous or _copy_previous(warehouse, tmp)


@dataclass
class _Outcome:
    n_tests: int
    failures: dict[str, list[tuple]]
    columns: dict[str, list[str]]
    counts: dict[str, int]
    timings: dict[str, float]


def _build_in(con: duckdb.DuckDBPyConnection, models: list[Model], processed_dir: Path, inc: Incremental | None,
              chunk_rows: int | None, full_reason: str, model_fp: str, sql_dir: Path) -> _Outcome:
    """Every model, the contract check, the build info and the data tests, in the open file ``con``."""
    baseline_blocks = None
    if not full_reason:
        baseline_blocks = _check_copy(con, model_fp)
        _drop_foreign_objects(con, models)
    timings = run_models(con, models, processed_dir, inc, chunk_rows)
    failpoint("during_build")
    missing = missing_contract_tables(con)
    if missing:
        raise RuntimeError(f"warehouse is missing CONTRACT table(s): {missing}")
    _write_build_info(con, {
        "model_fingerprint": model_fp, "pipeline_version": PIPELINE_VERSION,
        "mode": "full" if full_reason else "incremental", "full_build_reason": full_reason,
        "stories": inc.n_stories if inc else None, "changed_stories": inc.changed_stories if inc else None,
        "chunks": inc.chunks if inc else None,
        "baseline_blocks": baseline_blocks,
    })
    n_tests, failures, columns = run_tests(con, sql_dir)
    counts = {t: one_row(con, f"select count(*) from {quote_ident(t)}")[0] for t in CONTRACT_TABLES}
    con.execute("checkpoint")
    return _Outcome(n_tests, failures, columns, counts, timings)


def _remove_attempt(tmp: Path) -> None:
    """Delete an abandoned attempt's file and its write-ahead log."""
    tmp.unlink(missing_ok=True)
    tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)


def _keep_failed(tmp: Path, warehouse: Path) -> None:
    """A failed build's file is kept as ``<warehouse>.failed`` for inspection (never swapped in)."""
    if tmp.exists():
        os.replace(tmp, warehouse.with_name(warehouse.name + ".failed"))
    tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)


def _attempts(tmp: Path, warehouse: Path, memory_limit: str, models: list[Model], processed_dir: Path,
              fingerprint: Model | None, chunk_rows: int | None, full_reason: str, model_fp: str,
              sql_dir: Path) -> tuple[_Outcome, Incremental | None, str]:
    """Build into ``tmp``: incrementally over the copied previous build when ``full_reason`` is empty,
    and over again as a full build in an empty file when that copy cannot be opened or reused."""
    has_incremental = any(m.incremental for m in models)
    while True:
        try:
            con = _connect_bounded(tmp, memory_limit)
        except duckdb.Error as exc:
            if full_reason:
                raise
            tmp.unlink(missing_ok=True)      # a copy this DuckDB cannot open: build from scratch
            full_reason = f"cannot open a copy of the previous warehouse: {exc}"
            continue
        inc = Incremental(fingerprint, reuse=not full_reason) if has_incremental and fingerprint else None
        try:
            outcome = _build_in(con, models, processed_dir, inc, chunk_rows, full_reason, model_fp, sql_dir)
        except IncrementalUnavailable as exc:
            con.close()
            _remove_attempt(tmp)
            full_reason = str(exc)
            continue
        except BaseException:
            con.close()
            _keep_failed(tmp, warehouse)
            raise
        con.close()
        return outcome, inc, full_reason


def build(processed_dir: Path, warehouse: Path, sql_dir: Path = SQL_DIR, tag: str = "build",
          full_refresh: bool = False, chunk_rows: int | None = None) -> BuildResult:
    """Build every model into a new file, run the data tests, swap the file in atomically.

    Incremental models reuse the previous build's rows of unchanged stories unless ``full_refresh``
    or any doubt (see the module docstring); an incremental attempt that cannot reuse them is redone
    as a full build. ``chunk_rows`` (default BUILD_CHUNK_ROWS) bounds the input rows of one chunk of
    stories when the incremental models run chunk by chunk (see run_models)."""
    t0 = time.perf_counter()
    memory_limit = build_memory_limit()
    processed_dir = Path(processed_dir)
    _check_processed(processed_dir)
    warehouse = Path(warehouse)
    tmp = _fresh_build_path(warehouse, tag)
    models = load_models(sql_dir)
    fingerprint = load_fingerprint(sql_dir)
    check_models(models)
    check_fingerprint_covers(models, fingerprint)
    full_reason = _initial_full_reason(warehouse, tmp, full_refresh, any(m.incremental for m in models))
    try:
        outcome, inc, full_reason = _attempts(tmp, warehouse, memory_limit, models, processed_dir, fingerprint,
                                              chunk_rows, full_reason, model_set_fingerprint(sql_dir), sql_dir)
    finally:
        shutil.rmtree(_spill_dir(tmp), ignore_errors=True)
    if outcome.failures:
        os.replace(tmp, warehouse.with_name(warehouse.name + ".failed"))
        raise DataTestError(outcome.failures, outcome.columns)
    failpoint("before_swap")
    try:
        swap_in(tmp, warehouse)
    except WarehouseBusy:
        tmp.unlink(missing_ok=True)
        raise
    warehouse.with_name(warehouse.name + ".failed").unlink(missing_ok=True)
    return BuildResult(warehouse, len(models), outcome.n_tests, outcome.counts, time.perf_counter() - t0,
                       outcome.timings, incremental=not full_reason, full_build_reason=full_reason,
                       n_stories=inc.n_stories if inc else None,
                       changed_stories=inc.changed_stories if inc else None,
                       chunks=inc.chunks if inc else None)
