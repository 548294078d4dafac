"""Atomic Parquet partitions under the processed dir.

Layout: ``<processed>/<table>/drop=<drop_id>/part-<batch_key>.parquet``.

Every file is written as a hidden temp file in its final folder and renamed
(``os.replace``), so a reader never sees a half-written file. A batch spans
several tables; it becomes visible only when its commit marker
``<processed>/_commits/<batch_key>.json`` exists, and that marker is written
last. Readers (``committed_files`` / ``read_table`` and the warehouse) only
see parts of committed batches; ``remove_uncommitted`` deletes the leftovers
of a crashed run. A marker records the rows of each part: ``verify_commits``
checks them against the files (a truncated or deleted part is damage, never a
silent loss).
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, UTC
from pathlib import Path
from collections.abc import Callable, Iterable
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from tasks import PIPELINE_VERSION
from tasks.faults import failpoint
from tasks.schemas import TABLES

COMMITS = "_commits"
_PART_RE = re.compile(r"^part-(?P<key>.+)\.parquet$")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(value: str) -> str:
    """A path component safe for partition folder names (drop ids come from folder names)."""
    return _SAFE.sub("_", value) or "_"


def atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call ``write`` on a temp file in the same folder (a fresh name: mkstemp never follows a planted link),
    fsync, rename over ``path``; a failed write leaves no temp file. Streams, so large files (the story index
    of 100k articles is ~200 MB) are never built in memory first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see atomic_write)."""
    atomic_write(path, lambda fh: fh.write(data))


def to_arrow(table: str, rows: list[dict], run_id: str) -> pa.Table:
    """Rows (dicts) -> Arrow table with the table's explicit schema, stamped with run_id/pipeline_version."""
    schema = TABLES[table]
    cols: dict[str, list] = {}
    for field in schema:
        if field.name == "run_id" and not any("run_id" in r for r in rows[:1]):
            cols[field.name] = [run_id] * len(rows)
        elif field.name == "pipeline_version" and not any("pipeline_version" in r for r in rows[:1]):
            cols[field.name] = [PIPELINE_VERSION] * len(rows)
        else:
            cols[field.name] = [r.get(field.name) for r in rows]
    return pa.Table.from_pydict(cols, schema=schema)


def write_part(processed_dir: Path, table: str, drop_id: str, batch_key: str, data: pa.Table) -> Path:
    """Write one partition file atomically; returns its final path."""
    folder = Path(processed_dir) / table / f"drop={safe_name(drop_id)}"
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"part-{batch_key}.parquet"
    fd, tmp = tempfile.mkstemp(prefix=f".part-{batch_key}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        pq.write_table(data, tmp, compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        failpoint("write_part", table)
        os.replace(tmp, final)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return final


def write_batch(processed_dir: Path, batch_key: str, drop_id: str, tables: dict[str, list[dict]],
                run_id: str, info: dict | None = None) -> dict[str, int]:
    """Write every table of one batch, then its commit marker. Returns rows written per table.

    Empty tables are not written (no file); the commit marker lists what was.
    """
    counts: dict[str, int] = {}
    for table, rows in tables.items():
        if not rows:
            counts[table] = 0
            continue
        write_part(processed_dir, table, drop_id, batch_key, to_arrow(table, rows, run_id))
        counts[table] = len(rows)
        failpoint("after_part", table)
    commit(processed_dir, batch_key, {"drop_id": drop_id, "run_id": run_id, "rows": counts, **(info or {})})
    return counts


def commit(processed_dir: Path, batch_key: str, info: dict) -> None:
    marker = Path(processed_dir) / COMMITS / f"{batch_key}.json"
    info = {**info, "committed_at": datetime.now(UTC).isoformat()}
    atomic_write_bytes(marker, json.dumps(info, sort_keys=True).encode())


def committed_keys(processed_dir: Path) -> set[str]:
    folder = Path(processed_dir) / COMMITS
    if not folder.is_dir():
        return set()
    return {p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json") and not p.name.startswith(".")}


def _parts(processed_dir: Path, table: str) -> Iterable[tuple[str, Path]]:
    root = Path(processed_dir) / table
    if not root.is_dir():
        return
    for drop in sorted(root.iterdir()):
        if not drop.is_dir() or not drop.name.startswith("drop="):
            continue
        for f in sorted(drop.iterdir()):
            m = _PART_RE.match(f.name)
            if m:
                yield m.group("key"), f


def committed_files(processed_dir: Path, table: str, keys: set[str] | None = None) -> list[Path]:
    """Absolute paths of the committed part files of ``table`` (sorted)."""
    keys = committed_keys(processed_dir) if keys is None else keys
    return [f.resolve() for key, f in _parts(processed_dir, table) if key in keys]


def remove_uncommitted(processed_dir: Path) -> int:
    """Delete part files (and stray temp files) that belong to no committed batch. Returns files removed."""
    processed_dir = Path(processed_dir)
    if not processed_dir.is_dir():
        return 0
    keys = committed_keys(processed_dir)
    removed = 0
    for table_dir in processed_dir.iterdir():
        if not table_dir.is_dir() or table_dir.name.startswith("_"):
            continue
        for drop in table_dir.iterdir():
            if not drop.is_dir():
                continue
            for f in drop.iterdir():
                m = _PART_RE.match(f.name)
                if (m and m.group("key") not in keys) or (f.name.startswith(".") and f.name.endswith(".tmp")):
                    f.unlink(missing_ok=True)
                    removed += 1
    return removed


def read_table(processed_dir: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """All committed rows of ``table`` (optionally only some columns); an empty table with the schema if none."""
    schema = TABLES[table]
    files = committed_files(processed_dir, table)
    if columns:
        schema = pa.schema([schema.field(c) for c in columns])
    if not files:
        return schema.empty_table()
    return pa.concat_tables([_read_part(f, schema) for f in files])


def _read_part(path: Path, schema: pa.Schema) -> pa.Table:
    """One part file as ``schema``; columns added to the schema after the part was written are null."""
    pf = pq.ParquetFile(path)
    have = set(pf.schema_arrow.names)
    t = pf.read(columns=[n for n in schema.names if n in have])
    for f in schema:
        if f.name not in have:
            t = t.append_column(f, pa.nulls(t.num_rows, f.type))
    return t.select(schema.names).cast(schema)


# ---------------------------------------------------------------- commit markers against their files

_VERIFIED = ".verified.json"   # in _commits: part files already checked, by (size, mtime_ns): later runs only stat them


@dataclass
class Damage:
    """A committed batch whose files disagree with its commit marker."""
    batch_key: str
    table: str
    path: Path
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem} (batch {self.batch_key})"


class DamagedProcessed(RuntimeError):
    """Committed Parquet disagrees with its commit markers."""


def damage_error(damage: list[Damage], fix: str) -> DamagedProcessed:
    """The error naming every damaged file (up to 20) and the fix."""
    listed = "\n".join(f"  {d}" for d in damage[:20])
    more = f"\n  ... and {len(damage) - 20} more" if len(damage) > 20 else ""
    return DamagedProcessed(f"the processed folder is damaged: {len(damage)} file(s) disagree with their "
                            f"commit markers:\n{listed}{more}\n{fix}")


def part_path(processed_dir: Path, table: str, drop_id: str, batch_key: str) -> Path:
    return Path(processed_dir) / table / f"drop={safe_name(drop_id)}" / f"part-{batch_key}.parquet"


def read_marker(processed_dir: Path, batch_key: str) -> dict:
    return json.loads((Path(processed_dir) / COMMITS / f"{batch_key}.json").read_text(encoding="utf-8"))


def verify_commits(processed_dir: Path) -> list[Damage]:
    """Check every committed batch against its marker: each table it lists with rows has its part file, the
    file is readable Parquet, and holds exactly that many rows. Footers are read once per file version (a
    cache of checked (size, mtime) beside the markers); later runs only stat the files. Returns the damage."""
    processed_dir = Path(processed_dir)
    cache_path = processed_dir / COMMITS / _VERIFIED
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    checked: dict[str, list[int]] = {}
    damage: list[Damage] = []
    for key in sorted(committed_keys(processed_dir)):
        marker = processed_dir / COMMITS / f"{key}.json"
        try:
            info = read_marker(processed_dir, key)
            rows = {t: int(n) for t, n in info.get("rows", {}).items()}
            drop_id = str(info["drop_id"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            damage.append(Damage(key, "", marker, f"commit marker unreadable: {exc}"))
            continue
        for table, n in sorted(rows.items()):
            if n <= 0 or table not in TABLES:
                continue
            path = part_path(processed_dir, table, drop_id, key)
            try:
                st = path.stat()
            except OSError:
                damage.append(Damage(key, table, path, f"missing; its commit marker lists {n} row(s)"))
                continue
            rel = path.relative_to(processed_dir).as_posix()
            stamp = [st.st_size, st.st_mtime_ns, n]
            if cache.get(rel) == stamp:
                checked[rel] = stamp
                continue
            try:
                found = pq.read_metadata(path).num_rows
            except Exception as exc:  # noqa: BLE001 - any reader error means an unreadable file
                damage.append(Damage(key, table, path, f"unreadable Parquet ({type(exc).__name__}: {exc})"))
                continue
            if found != n:
                damage.append(Damage(key, table, path, f"holds {found} row(s), its commit marker says {n}"))
                continue
            checked[rel] = stamp
    if checked != cache and (processed_dir / COMMITS).is_dir():
        atomic_write_bytes(cache_path, json.dumps(checked, sort_keys=True).encode())
    return damage


def uncommit(processed_dir: Path, batch_key: str) -> None:
    """Make a committed batch uncommitted (marker first), then remove its files: as if it never ran."""
    (Path(processed_dir) / COMMITS / f"{batch_key}.json").unlink(missing_ok=True)
    remove_uncommitted(processed_dir)
