"""End-to-end: real Prefect flow runs (session harness), real spaCy, real Parquet, real DuckDB."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from flows.nightly import run_nightly
from tasks import warehouse
from tasks.settings import SQL_DIR, Settings

pytestmark = pytest.mark.slow


def contract_columns() -> dict[str, list[str]]:
    """Warehouse tables and minimum columns, parsed from docs/CONTRACT.md (a copy of ../shared/CONTRACT.md)."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "CONTRACT.md").read_text()
    section = text.split("## Warehouse tables", 1)[1]
    out = {}
    for line in section.splitlines():
        m = re.match(r"^\| `(\w+)` \| (.+) \|$", line)
        if m:
            out[m.group(1)] = re.findall(r"`(\w+)`", re.sub(r"\([^)]*\)", "", m.group(2)))
    return out


def _settings(root: Path, raw: Path, **kw) -> Settings:
    base = {"raw_dir": raw, "processed_dir": root / "processed", "warehouse": root / "warehouse.duckdb",
                "runner": "thread", "n_process": 1}
    base.update(kw)
    return Settings.from_env(env={}, **base)


def _q(db: Path, sql: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _counts(db: Path) -> dict[str, int]:
    return {t: _q(db, f'select count(*) from "{t}"')[0][0] for t in warehouse.CONTRACT_TABLES if t != "runs"}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, prefect_harness):
    """One cold run on the five seeds (shared by the tests of this module that only read)."""
    root = tmp_path_factory.mktemp("seeded")
    raw = root / "raw"
    shutil.copytree(Path(__file__).resolve().parents[2] / "data" / "raw" / "sample", raw / "sample")
    settings = _settings(root, raw)
    summary = run_nightly(settings)
    return settings, summary


def test_cold_run_on_seeds(seeded):
    settings, summary = seeded
    assert summary["status"] == "success"
    assert summary["articles_new"] == 5 and summary["files_rejected"] == 0
    assert set(summary["stage_seconds"]) == {"discover", "extract", "stories", "build"}
    assert all(v >= 0 for v in summary["stage_seconds"].values())
    db = settings.warehouse
    assert _q(db, "select count(*) from articles")[0][0] == 5
    assert _q(db, "select count(*) from rejected_files")[0][0] == 0
    # every CONTRACT table exists with at least the CONTRACT columns
    for table, cols in contract_columns().items():
        have = {r[0] for r in _q(db, "select column_name from information_schema.columns where table_name = ?", [table])}
        assert set(cols) <= have, (table, set(cols) - have)
    assert _q(db, "select count(*) from sentences")[0][0] > 100
    assert _q(db, "select count(*) from entity_mentions")[0][0] > 100
    assert _q(db, "select count(*) from quotes where kind = 'direct'")[0][0] >= 10
    runs = _q(db, "select status, files_seen, articles_new, pipeline_version from runs")
    assert runs == [("success", 5, 5, runs[0][3])]


def test_rerun_adds_nothing_and_new_drop_processes_only_new_file(seeded, tmp_path):
    settings, _ = seeded
    before = _counts(settings.warehouse)
    again = run_nightly(settings)
    assert (again["files_new"], again["files_skipped"], again["articles_new"]) == (0, 5, 0)
    assert _counts(settings.warehouse) == before
    assert again["message"].startswith("nothing new")

    new_drop = Path(settings.raw_dir) / "2025-05-20"
    new_drop.mkdir()
    (new_drop / "peskov.txt").write_text(
        "Kremlin says no summit planned\n\nKremlin spokesman Dmitry Peskov said on Tuesday that no date had been set "
        "for a meeting between the two presidents. \u201cThere are no concrete plans yet,\u201d Peskov told reporters.\n",
        encoding="utf-8")
    third = run_nightly(settings)
    assert (third["files_new"], third["files_skipped"], third["articles_new"]) == (1, 5, 1)
    # the warehouse is updated incrementally: only the new article's story is recomputed
    assert third["build"].startswith("incremental: 1 of "), third["build"]
    after = _counts(settings.warehouse)
    assert after["articles"] == before["articles"] + 1
    # the no-op run was recorded too and shows up with the next build
    assert [r[0] for r in _q(settings.warehouse, "select articles_new from runs order by started_at")] == [5, 0, 1]
    assert after["sentences"] > before["sentences"]


def test_duplicates_and_bad_files_are_rejected_not_fatal(tmp_path, prefect_harness, seeds_dir):
    raw = tmp_path / "raw"
    shutil.copytree(seeds_dir, raw / "a")
    (raw / "b").mkdir()
    shutil.copy(seeds_dir / "000_47eb2f71d4d50947.txt", raw / "b" / "copy.txt")    # same text, other drop
    (raw / "b" / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (raw / "b" / "notes.pdf").write_bytes(b"%PDF-1.4 whatever")
    (raw / "b" / "empty.txt").write_text("   \n\n  ")
    hostile_title = "O'Brien's \"plan\"; DROP TABLE articles; --"
    (raw / "b" / "hostile.md").write_text(
        "---\ntitle: '" + hostile_title.replace("'", "''") + "'\noutlet: \"Bob's News'); DELETE FROM quotes; --\"\n---\n\n"
        "Officials said on Friday that the bridge would reopen in June after repairs costing $4 million.\n\n"
        "\u201cWe're confident,\u201d said Mary O'Neil, the city's transport chief.\n", encoding="utf-8")
    summary = run_nightly(_settings(tmp_path, raw))
    assert summary["status"] == "success" and summary["articles_new"] == 6
    db = tmp_path / "warehouse.duckdb"
    reasons = dict(_q(db, "select source_path, reason from rejected_files"))
    assert reasons == {"b/copy.txt": "duplicate", "b/picture.txt": "binary", "b/notes.pdf": "unsupported_format",
                       "b/empty.txt": "empty"}
    # strings from articles reach SQL only through Parquet: stored verbatim, nothing executed
    assert _q(db, "select title, outlet from articles where source_path = 'b/hostile.md'") == [
        (hostile_title, "Bob's News'); DELETE FROM quotes; --")]
    assert _q(db, "select count(*) from quotes where speaker_name = ?", ["Mary O'Neil"])[0][0] == 1
    # every input file appears exactly once, in articles or rejected_files
    seen = [r[0] for r in _q(db, "select source_path from articles union all select source_path from rejected_files")]
    files = sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file())
    assert sorted(seen) == files


def test_read_only_analyst_connection_survives_a_run(seeded):
    settings, _ = seeded
    analyst = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        n_before = analyst.execute("select count(*) from articles").fetchone()[0]
        summary = run_nightly(settings.with_(full_refresh=True))
        assert summary["status"] == "success" and summary["articles_new"] == n_before
        # the open connection still reads its (old) snapshot
        assert analyst.execute("select count(*) from articles").fetchone()[0] == n_before
    finally:
        analyst.close()
    assert _q(settings.warehouse, "select count(*) from articles")[0][0] == n_before


def test_failing_data_test_fails_build_and_keeps_previous_warehouse(seeded, tmp_path):
    settings, _ = seeded
    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    (sql / "tests" / "assert_no_putin.sql").write_text(
        "-- test: deliberately failing: no article mentions Putin\n"
        "select article_id, title from articles where body like '%Putin%'\n")
    before = settings.warehouse.stat().st_ino
    with pytest.raises(warehouse.DataTestError) as err:
        warehouse.build(settings.processed_dir, settings.warehouse, sql_dir=sql)
    assert "assert_no_putin" in str(err.value) and "5 failing row(s)" in str(err.value)
    assert settings.warehouse.stat().st_ino == before          # previous warehouse untouched
    assert Path(str(settings.warehouse) + ".failed").exists()   # failed build kept for inspection


def test_status_shows_runs_counts_and_rejected(seeded):
    from flows.summary import format_status
    settings, summary = seeded
    out = format_status(settings.warehouse)
    assert summary["run_id"] in out and "success" in out
    assert "articles" in out and "quote_agreement" in out
    assert "rejected files (" in out


def test_story_stage_in_a_child_process_commits_the_same_rows(tmp_path, seeds_dir, monkeypatch):
    """Large corpora run the story stage in a spawned child: same assignments as in-process."""
    import shutil

    from tasks import batches, corpus, ingest, parquet
    raw = tmp_path / "raw" / "d1"
    shutil.copytree(seeds_dir, raw)
    results = {}
    for mode, threshold in (("inline", 10 ** 9), ("child", 0)):
        proc = tmp_path / mode
        files = ingest.discover(tmp_path / "raw")
        out = batches.process_files(tmp_path / "raw", files, Settings.from_env().model)
        outcome = batches.finalise_batch(out, files, {})
        parquet.write_batch(proc, "r1-00000", "d1", outcome.tables, "r1")
        monkeypatch.setattr(corpus, "ISOLATE_FROM", threshold)
        counts = corpus.run_isolated(proc, outcome.new_ids, "r1", False)
        assert counts["story_assignments"] == len(outcome.new_ids) == 5
        sa = parquet.read_table(proc, "story_assignments", ["article_id", "story_id"]).to_pylist()
        results[mode] = sorted((r["article_id"], r["story_id"]) for r in sa)
    assert results["inline"] == results["child"]
