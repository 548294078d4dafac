"""Leftovers of killed builds (the half-built file, its WAL, the chunk spool, DuckDB's spill folder) are removed
by the next build, and a build's own spill folder sits beside its file so that removal finds it."""
from pathlib import Path

from tasks.warehouse.runner import _fresh_build_path, _spill_dir


def test_stale_build_leftovers_are_removed(tmp_path: Path):
    wh = tmp_path / "wh.duckdb"
    dead = tmp_path / ".wh.duckdb.run.4242.building"
    dead.write_bytes(b"half a database")
    dead.with_name(dead.name + ".wal").write_bytes(b"log")
    spill = _spill_dir(dead)
    spill.mkdir()
    (spill / "duckdb_temp_storage_DEFAULT-0.tmp").write_bytes(b"\0" * 4096)
    chunks = dead.with_name(dead.name + ".chunks")
    (chunks / "_inputs").mkdir(parents=True)
    other = tmp_path / ".other.duckdb.run.1.building"       # another warehouse's build is left alone
    other.write_bytes(b"x")

    new = _fresh_build_path(wh, "run")

    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name]
    assert new.parent == tmp_path and new.name.startswith(".wh.duckdb.run.") and not new.exists()
    assert _spill_dir(new).name.startswith(".wh.duckdb.run.") and _spill_dir(new).name.endswith(".building.spill")


def test_build_tuning_defaults_live_in_settings(monkeypatch):
    from tasks.settings import TUNING, tuning
    from tasks.warehouse.runner import build_memory_limit
    assert TUNING["build_memory"].default == "auto"
    assert build_memory_limit({}).endswith("MB") and 256 <= int(build_memory_limit({})[:-2]) <= 1000
    assert tuning("build_chunk_rows", {}) == 250000
    assert tuning("build_chunk_rows", {"NEWSAGREE_BUILD_CHUNK_ROWS": "5000"}) == 5000
    assert build_memory_limit({"NEWSAGREE_BUILD_MEMORY": "2GB"}) == "2GB"


def test_auto_build_memory_leaves_room_for_what_the_process_holds():
    """auto: 1 GB for a lean process; a flow process that still holds 600 MB of a large drop's leftovers gives
    DuckDB 200 MB less, so the run's tree stays near its 2 GB budget (issue 14); never below 256 MB."""
    from tasks.warehouse.runner import auto_memory_limit, build_memory_limit
    assert auto_memory_limit(None) == "1000MB"
    assert auto_memory_limit(250 * 10**6) == "1000MB"
    assert auto_memory_limit(600 * 10**6) == "800MB"
    assert auto_memory_limit(5 * 10**9) == "256MB"
    assert build_memory_limit({"NEWSAGREE_BUILD_MEMORY": " Auto "}) == build_memory_limit({})
