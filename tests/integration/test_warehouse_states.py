"""Hostile and broken warehouse states (issue 14): a writer holding the warehouse, WAL files of dead or
other writers, unreadable warehouses, names that must never run as SQL, damaged part files. Each runs on a
copy of the corpus of tests/integration/incremental_corpus.py.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tasks import batches, parquet, warehouse
from tests.integration.incremental_corpus import _copy, differences, ingest_new, q

pytestmark = pytest.mark.slow


# ---------------------------------------------------------------- hostile and broken warehouse states (issue 14)

def _hold_open(db: Path) -> subprocess.Popen:
    """Another process (an analyst's session) holding the warehouse read-write, with rows in its WAL."""
    writer = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "c.execute('create table scratch as select 1 as x'); "
                               "print('open', flush=True); time.sleep(120)", str(db)],
        stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "open"
    return writer


def test_a_writer_holding_the_warehouse_is_never_swapped_over(corpus, tmp_path):
    """Issue 14 #1: a build swapped a new file in while another process held the old one read-write; its
    write-ahead log then lay beside the new file and every new reader failed (`WAL does not match database
    file`), while the run said success. Now the build refuses, naming the file and the fix; once the holder
    is gone (killed: its WAL stays behind) the next build folds that WAL in and every reader can open the result."""
    db = _copy(corpus.before, tmp_path / "w.duckdb")
    writer = _hold_open(db)
    try:
        assert Path(str(db) + ".wal").exists()
        with pytest.raises(warehouse.WarehouseBusy, match="w.duckdb.*open read-write"):
            warehouse.build(corpus.processed, db)
        assert not warehouse.is_current(corpus.processed, db)
    finally:
        writer.kill()
        writer.wait()
    assert Path(str(db) + ".wal").exists()          # the killed holder's WAL
    res = warehouse.build(corpus.processed, db)
    assert not Path(str(db) + ".wal").exists()
    assert q(db, "select count(*) from articles")[0][0] == corpus.third.row_counts["articles"]
    assert differences(db, corpus.full) == {}
    assert res.incremental


def test_a_dead_writers_wal_with_readers_holding_the_file_is_never_left_beside_the_new_one(corpus, tmp_path):
    """A killed writer's WAL that cannot be folded in because analysts hold read-only connections: the build
    is full, the WAL is moved aside at the swap, and every new reader can open the result."""
    db = _copy(corpus.before, tmp_path / "w.duckdb")
    writer = _hold_open(db)
    writer.kill()
    writer.wait()
    reader = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
                               "print('open', flush=True); time.sleep(120)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "open"
        res = warehouse.build(corpus.processed, db)
    finally:
        reader.kill()
        reader.wait()
    assert not res.incremental and "write-ahead log" in res.full_build_reason
    assert not Path(str(db) + ".wal").exists() and len(list(tmp_path.glob("w.duckdb.wal.orphaned-*"))) == 1
    assert differences(db, corpus.full) == {}


def test_a_wal_of_another_file_is_moved_aside_and_the_warehouse_rebuilt(corpus, tmp_path):
    """Issue 14 #1, the permanent state: a WAL beside the warehouse that belongs to another file makes every
    open fail. It is never `current`; the build moves it aside (kept for inspection) and rebuilds."""
    other = _copy(corpus.before, tmp_path / "other.duckdb")
    writer = _hold_open(other)
    writer.kill()
    writer.wait()
    db = tmp_path / "w.duckdb"
    warehouse.build(corpus.processed, db)
    shutil.copy(str(other) + ".wal", str(db) + ".wal")
    with pytest.raises(duckdb.Error, match="WAL does not match"):
        q(db, "select 1")
    assert not warehouse.is_current(corpus.processed, db)
    warehouse.build(corpus.processed, db)
    assert q(db, "select count(*) from articles")[0][0] == corpus.third.row_counts["articles"]
    assert len(list(tmp_path.glob("w.duckdb.wal.orphaned-*"))) == 1


def test_an_unreadable_warehouse_is_never_current(corpus, tmp_path):
    """Issue 14 #8: a zero-byte (or otherwise unreadable) warehouse was `current`, so a run with nothing new
    reported success over it. Now it is rebuilt."""
    db = tmp_path / "w.duckdb"
    warehouse.build(corpus.processed, db)
    (corpus.processed / parquet.COMMITS / ".verified.json").unlink(missing_ok=True)
    assert parquet.verify_commits(corpus.processed) == []       # its cache file, written after the build,
    assert warehouse.is_current(corpus.processed, db)           # is no new batch
    for broken in (b"", b"not a database at all" * 100):
        db.write_bytes(broken)
        assert not warehouse.is_current(corpus.processed, db)
        res = warehouse.build(corpus.processed, db)
        assert not res.incremental and "cannot open" in res.full_build_reason
        assert q(db, "select count(*) from articles")[0][0] == corpus.third.row_counts["articles"]
        assert warehouse.is_current(corpus.processed, db)


def test_table_names_and_settings_are_never_executed_as_sql(corpus, tmp_path, monkeypatch):
    """Issue 14 #2: a table named `articles"; copy (...) to '...'; --` in the warehouse was executed by the next
    incremental build (dropping foreign objects) and by `newsagree status`; so was NEWSAGREE_BUILD_MEMORY.
    Identifiers are quoted, settings validated, and only the project's models are carried over."""
    from flows.summary import format_status

    out = tmp_path / "pwned.csv"
    evil = f"articles\"; copy (select 1 as x) to '{out}'; --"
    quoted = '"' + evil.replace('"', '""') + '"'
    db = _copy(corpus.before, tmp_path / "w.duckdb")
    con = duckdb.connect(str(db))
    con.execute(f"create table {quoted} (x int)")
    con.execute(f"create schema {quoted}")
    con.execute("create macro pwn(x) as x + 1")
    con.execute("create sequence seq_pwn")
    con.close()
    shutil.copy(db, tmp_path / "status.duckdb")
    res = warehouse.build(corpus.processed, db)
    assert res.incremental
    assert not out.exists()
    assert q(db, "select count(*) from duckdb_tables() where table_name = ?", [evil]) == [(0,)]
    assert q(db, "select count(*) from duckdb_schemas() where schema_name = ?", [evil]) == [(0,)]
    assert q(db, "select count(*) from duckdb_functions() where function_name = 'pwn'") == [(0,)]
    assert q(db, "select count(*) from duckdb_sequences()") == [(0,)]
    assert differences(db, corpus.full) == {}

    text = format_status(tmp_path / "status.duckdb")
    assert not out.exists()
    assert "articles\"; copy" in text         # listed, not executed

    for bad in (f"1GB'; copy (select 1 as x) to '{out}'; select '", "lots", "1 GB; drop table x"):
        monkeypatch.setenv("NEWSAGREE_BUILD_MEMORY", bad)
        with pytest.raises(ValueError, match="NEWSAGREE_BUILD_MEMORY"):
            warehouse.build(corpus.processed, db, full_refresh=True)
        assert not out.exists()
    monkeypatch.setenv("NEWSAGREE_BUILD_MEMORY", "1.5 GB")
    assert warehouse.build_memory_limit() == "1.5 GB"
    monkeypatch.setenv("NEWSAGREE_BUILD_MEMORY", "75%")
    assert warehouse.build_memory_limit() == "75%"


def test_a_damaged_part_file_is_never_a_silent_loss(corpus, tmp_path):
    """Issue 14 #6: truncate one `sentences` part: builds failed (good) until the operator deleted that part;
    then everything succeeded with articles that had no sentences. The commit markers' row counts are now
    checked against the files: the build names the damaged file, and the run's repair extracts the batch's
    files again from the raw folder (they are still there), after which nothing is missing."""
    processed = tmp_path / "processed"
    shutil.copytree(corpus.processed, processed)
    part = next(iter(parquet.committed_files(processed, "sentences")))
    part.write_bytes(part.read_bytes()[:200])
    db = tmp_path / "w.duckdb"
    with pytest.raises(parquet.DamagedProcessed, match=part.name):
        warehouse.build(processed, db)
    part.unlink()                                   # what the operator did
    with pytest.raises(parquet.DamagedProcessed, match=f"{part.name}: missing"):
        warehouse.build(processed, db)
    assert not db.exists()

    raw = corpus.root / "raw"
    repaired = batches.repair_processed(processed, raw)
    assert len(repaired) == 1 and part.name in repaired[0]
    assert parquet.verify_commits(processed) == []
    assert len(ingest_new(raw, processed, "run-3")) > 0       # the batch's files, extracted again
    res = warehouse.build(processed, db)
    assert q(db, "select count(*) from articles a where not exists "
                 "(select 1 from sentences s where s.article_id = a.article_id)") == [(0,)]
    assert res.row_counts == corpus.third.row_counts      # same rows (of a newer run_id)

    # a batch whose raw files are gone cannot be repaired: the run fails naming the file and the fix
    gone = tmp_path / "gone"
    shutil.copytree(corpus.processed, gone)
    part = next(iter(parquet.committed_files(gone, "quotes")))
    part.write_bytes(b"")
    with pytest.raises(parquet.DamagedProcessed, match=f"(?s){part.name}.*--full-refresh"):
        batches.repair_processed(gone, tmp_path / "empty-raw")
