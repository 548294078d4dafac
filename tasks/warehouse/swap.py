"""The warehouse file: is it current, copy the previous build for an incremental one."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tasks import parquet


def is_current(processed_dir: Path, warehouse: Path) -> bool:
    """True when the warehouse exists and was built after the last committed batch (of any kind but run records)."""
    warehouse = Path(warehouse)
    if not warehouse.exists() or warehouse.with_name(warehouse.name + ".failed").exists():
        return False
    folder = Path(processed_dir) / parquet.COMMITS
    if not folder.is_dir():
        return True
    built = warehouse.stat().st_mtime_ns
    return all(p.stat().st_mtime_ns <= built for p in folder.iterdir()
               if p.name.endswith(".json") and not p.name.startswith("run-"))



def _copy_previous(warehouse: Path, tmp: Path) -> str:
    """Copy the previous warehouse to ``tmp``; returns "" when copied, else the reason for a full build."""
    if not warehouse.exists():
        return "no previous warehouse"
    if warehouse.with_name(warehouse.name + ".failed").exists():
        return "the last build failed"
    if warehouse.with_name(warehouse.name + ".wal").exists():
        return "the previous warehouse has a write-ahead log (written to outside a build)"
    try:
        # a read-only connection holds DuckDB's shared file lock: no writer can change the file while it is copied
        lock = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        return f"cannot open the previous warehouse read-only: {exc}"
    try:
        shutil.copyfile(warehouse, tmp)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        return f"cannot copy the previous warehouse: {exc}"
    finally:
        lock.close()
    return ""


