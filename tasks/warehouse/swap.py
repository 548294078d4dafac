"""The warehouse file: can it be opened, is it current, copy it for an incremental build, swap a new one in.

DuckDB keeps uncheckpointed writes in ``<file>.wal`` beside the database and replays that log at the next
open; a log that belongs to another file makes every open fail (``WAL does not match database file``).
Renaming a new file over a warehouse that another process holds read-write (an analyst's session) would
leave that process's log beside the new file: every reader fails from then on, and the rows it writes are
lost. So:

- a warehouse held read-write by another process is never built over or swapped: ``WarehouseBusy`` names
  the file and the fix (DuckDB's own file lock tells: a read-only open fails on it);
- the log of a writer that is gone (killed) is folded into its file (open read-write, checkpoint) before
  the build reads it; a log that does not match its file is moved aside (``<file>.wal.orphaned-<time>``,
  kept for inspection) and the warehouse is rebuilt from Parquet;
- the swap renames the new file in while a read-only connection holds DuckDB's shared lock on the old one,
  so no writer can open it between the check and the rename;
- a warehouse that cannot be opened (zero bytes, damaged) is never current: the next run rebuilds it.
"""
from __future__ import annotations

import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from tasks import parquet

_LOCKED = "Could not set lock"
_FOREIGN_WAL = "WAL does not match"


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse open read-write."""


def wal_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".wal")


def _busy(warehouse: Path, exc: BaseException) -> WarehouseBusy:
    return WarehouseBusy(
        f"the warehouse {warehouse} is open read-write by another process ({exc}); a new build would make its "
        "write-ahead log unreadable. Close that connection (analysts open the warehouse with "
        "`duckdb -readonly`) and run again.")


def _move_wal_aside(warehouse: Path) -> Path:
    dest = warehouse.with_name(f"{warehouse.name}.wal.orphaned-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
    os.replace(wal_path(warehouse), dest)
    return dest


def settle(warehouse: Path) -> str:
    """Make the warehouse file openable on its own: "" when it opens read-only without a log beside it,
    else the reason it cannot be used (a full build replaces it). Raises WarehouseBusy when another process
    holds it read-write. A writer's leftover log is folded into the file; a foreign log is moved aside."""
    warehouse = Path(warehouse)
    if not warehouse.exists():
        return "no previous warehouse"
    for _ in range(2):
        try:
            con = duckdb.connect(str(warehouse), read_only=True)
        except duckdb.Error as exc:
            if _LOCKED in str(exc):
                raise _busy(warehouse, exc) from None
            if _FOREIGN_WAL in str(exc) and wal_path(warehouse).exists():
                _move_wal_aside(warehouse)
                continue
            return f"cannot open the previous warehouse: {exc}"
        con.close()
        if not wal_path(warehouse).exists():
            return ""
        try:   # the log of a writer that is gone: fold it into the file (it replays, so it matches)
            con = duckdb.connect(str(warehouse))
            con.execute("checkpoint")
            con.close()
        except duckdb.Error as exc:
            # the read-only open worked, so no writer holds it: readers do (their shared lock); the log is
            # moved aside at the swap, and the new file is built in full
            return f"cannot fold the write-ahead log into the previous warehouse: {exc}"
        if not wal_path(warehouse).exists():
            return ""
    return "the previous warehouse keeps a write-ahead log"


def is_current(processed_dir: Path, warehouse: Path) -> bool:
    """True when the warehouse opens (read-only, with its contract tables) and was built after the last
    committed batch (of any kind but run records). Another process holding it read-write: not current
    (the run that follows says so)."""
    warehouse = Path(warehouse)
    if not warehouse.exists() or warehouse.with_name(warehouse.name + ".failed").exists():
        return False
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return False
    try:
        have = {r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
    finally:
        con.close()
    from tasks.warehouse.runner import CONTRACT_TABLES   # the one list (tests narrow it)
    if not set(CONTRACT_TABLES) <= have:
        return False
    folder = Path(processed_dir) / parquet.COMMITS
    if not folder.is_dir():
        return True
    built = warehouse.stat().st_mtime_ns
    return all(p.stat().st_mtime_ns <= built for p in folder.iterdir()
               if p.name.endswith(".json") and not p.name.startswith(("run-", ".")))   # hidden: .verified.json


def _copy_previous(warehouse: Path, tmp: Path) -> str:
    """Copy the previous warehouse to ``tmp``; returns "" when copied, else the reason for a full build."""
    if not warehouse.exists():
        return "no previous warehouse"
    if warehouse.with_name(warehouse.name + ".failed").exists():
        return "the last build failed"
    reason = settle(warehouse)
    if reason:
        return reason
    try:
        # a read-only connection holds DuckDB's shared file lock: no writer can change the file while it is copied
        lock = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        if _LOCKED in str(exc):
            raise _busy(warehouse, exc) from None
        return f"cannot open the previous warehouse read-only: {exc}"
    try:
        shutil.copyfile(warehouse, tmp)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        return f"cannot copy the previous warehouse: {exc}"
    finally:
        lock.close()
    return ""


@contextmanager
def _shared_lock(warehouse: Path):
    """Hold DuckDB's shared lock on the current warehouse (if it opens) so no writer opens it meanwhile."""
    con = None
    if warehouse.exists():
        try:
            con = duckdb.connect(str(warehouse), read_only=True)
        except duckdb.Error as exc:
            if _LOCKED in str(exc):
                raise _busy(warehouse, exc) from None
            # unreadable (damaged, or a foreign log): replaced below, the log moved aside
    try:
        yield
    finally:
        if con is not None:
            con.close()


def swap_in(tmp: Path, warehouse: Path) -> None:
    """Rename the finished build ``tmp`` over ``warehouse`` atomically; no write-ahead log of the old file
    is left beside the new one (one that is there is moved aside). Raises WarehouseBusy (``tmp`` left in
    place for the caller) when another process holds the warehouse read-write."""
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    with _shared_lock(warehouse):
        if wal_path(warehouse).exists():
            _move_wal_aside(warehouse)
        os.replace(tmp, warehouse)
