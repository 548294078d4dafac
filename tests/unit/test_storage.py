"""Parquet partitions, commit markers, warehouse model ordering and data tests, run lock — real files, real DuckDB."""
from __future__ import annotations

import multiprocessing as mp
import os
from datetime import datetime, UTC
from pathlib import Path

import duckdb
import pytest

from tasks import batches, parquet, warehouse
from tasks.runlock import RunLocked, run_lock

NOW = datetime(2025, 5, 19, tzinfo=UTC)


def _article(aid: str, path: str, drop: str = "d1") -> dict:
    return {"article_id": aid, "drop_id": drop, "source_path": path, "file_hash": "h" + aid, "outlet": "O",
            "outlet_source": "metadata", "title": "T", "body": "Body text here.", "n_words": 3, "n_paragraphs": 1,
            "ingested_at": NOW}


def test_batch_is_invisible_until_committed(tmp_path):
    arrow = parquet.to_arrow("articles", [_article("a1", "d1/x.txt")], "run1")
    parquet.write_part(tmp_path, "articles", "d1", "k1", arrow)
    assert parquet.committed_files(tmp_path, "articles") == []
    assert parquet.read_table(tmp_path, "articles").num_rows == 0
    assert parquet.remove_uncommitted(tmp_path) == 1
    counts = parquet.write_batch(tmp_path, "k2", "d1", {"articles": [_article("a2", "d1/y.txt")], "quotes": []}, "run2")
    assert counts == {"articles": 1, "quotes": 0}
    t = parquet.read_table(tmp_path, "articles")
    assert t.column("article_id").to_pylist() == ["a2"]
    assert t.column("run_id").to_pylist() == ["run2"]
    assert t.column("pipeline_version").to_pylist()[0]
    assert not list(tmp_path.rglob("*.tmp"))


def test_drop_names_are_made_safe(tmp_path):
    parquet.write_batch(tmp_path, "k", "../../evil drop", {"articles": [_article("a", "x.txt")]}, "r")
    files = parquet.committed_files(tmp_path, "articles")
    assert len(files) == 1 and files[0].is_relative_to(tmp_path.resolve())


def _write_models(sql: Path) -> None:
    for sub in ("staging", "marts", "agreement", "tests"):
        (sql / sub).mkdir(parents=True)
    (sql / "staging" / "stg_articles.sql").write_text(
        "-- model: stg_articles\n-- depends_on:\nselect article_id, outlet from {{ source('articles') }}\n")
    (sql / "agreement" / "by_outlet.sql").write_text(
        "-- model: by_outlet\n-- description: articles per outlet\n-- depends_on: outlet_articles\n"
        "-- column outlet: the outlet\nselect outlet, count(*) as n from outlet_articles group by outlet\n")
    (sql / "marts" / "outlet_articles.sql").write_text(
        "-- model: outlet_articles\n-- depends_on: stg_articles\nwith a as (select * from stg_articles)\nselect * from a\n")
    (sql / "tests" / "assert_positive.sql").write_text("select * from by_outlet where n <= 0\n")


def test_models_run_in_dependency_order_and_swap_atomically(tmp_path, monkeypatch):
    sql = tmp_path / "sql"
    _write_models(sql)
    monkeypatch.setattr(warehouse.runner, "CONTRACT_TABLES", ("outlet_articles", "by_outlet"))
    order = [m.name for m in warehouse.order_models(warehouse.load_models(sql))]
    assert order.index("stg_articles") < order.index("outlet_articles") < order.index("by_outlet")
    proc = tmp_path / "processed"
    db = tmp_path / "wh.duckdb"
    # no Parquet yet: staging is an empty, typed relation
    res = warehouse.build(proc, db, sql_dir=sql)
    assert res.row_counts == {"outlet_articles": 0, "by_outlet": 0} and res.n_tests == 1
    parquet.write_batch(proc, "k1", "d1", {"articles": [_article("a1", "d1/a.txt"), _article("a2", "d1/b.txt")]}, "r1")
    reader = duckdb.connect(str(db), read_only=True)
    res = warehouse.build(proc, db, sql_dir=sql)
    assert reader.execute("select count(*) from by_outlet").fetchone()[0] == 0   # old snapshot still readable
    reader.close()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select outlet, n from by_outlet").fetchall() == [("O", 2)]
    con.close()


def test_failing_data_test_reports_rows_and_keeps_old_file(tmp_path, monkeypatch):
    sql = tmp_path / "sql"
    _write_models(sql)
    monkeypatch.setattr(warehouse.runner, "CONTRACT_TABLES", ("by_outlet",))
    proc, db = tmp_path / "p", tmp_path / "wh.duckdb"
    warehouse.build(proc, db, sql_dir=sql)
    inode = db.stat().st_ino
    (sql / "tests" / "assert_no_outlet_o.sql").write_text("select outlet, n from by_outlet where outlet = 'O'\n")
    parquet.write_batch(proc, "k1", "d1", {"articles": [_article("a1", "d1/a.txt")]}, "r1")
    with pytest.raises(warehouse.DataTestError) as err:
        warehouse.build(proc, db, sql_dir=sql)
    assert "assert_no_outlet_o: 1 failing row(s)" in str(err.value) and "('O', 1)" in str(err.value)
    assert db.stat().st_ino == inode


def test_unknown_dependency_and_cycles_are_errors(tmp_path):
    sql = tmp_path / "sql"
    _write_models(sql)
    (sql / "marts" / "bad.sql").write_text("-- depends_on: nothing_here\nselect 1\n")
    with pytest.raises(ValueError, match="unknown model"):
        warehouse.order_models(warehouse.load_models(sql))
    (sql / "marts" / "bad.sql").write_text("-- depends_on: by_outlet\nselect 1\n")
    (sql / "marts" / "outlet_articles.sql").write_text("-- depends_on: stg_articles, bad\nselect 1\n")
    with pytest.raises(ValueError, match="cycle"):
        warehouse.order_models(warehouse.load_models(sql))


def test_source_paths_with_quotes_are_escaped(tmp_path):
    proc = tmp_path / "it's processed"
    parquet.write_batch(proc, "k1", "d'1", {"articles": [_article("a1", "x")]}, "r")
    rel = warehouse.source_relation(proc, "articles")
    assert duckdb.connect().execute(f"select count(*) from {rel}").fetchone()[0] == 1


class _F:
    def __init__(self, rel, drop, size=10, mtime=1):
        self.rel_path, self.drop_id, self.size, self.mtime_ns, self.path = rel, drop, size, mtime, Path("/nonexistent")


def test_plan_batches_one_drop_per_batch_and_files_whole():
    files = [_F(f"a/{i}.txt", "a") for i in range(5)] + [_F("b/big.jsonl", "b", size=4000 * 50)] + [_F("b/x.txt", "b")]
    plan = batches.plan_batches(files, batch_size=2)
    assert [[f.rel_path for f in b] for b in plan] == [
        ["a/0.txt", "a/1.txt"], ["a/2.txt", "a/3.txt"], ["a/4.txt"], ["b/big.jsonl"], ["b/x.txt"]]


def test_select_new_uses_size_and_mtime_before_hashing():
    ledger = {"a/x.txt": (10, 1, "h"), "a/y.txt": (10, 1, "h")}
    new, skipped = batches.select_new([_F("a/x.txt", "a"), _F("a/z.txt", "a")], ledger)
    assert [f.rel_path for f in new] == ["a/z.txt"] and [f.rel_path for f in skipped] == ["a/x.txt"]


def test_finalise_batch_rejects_articles_seen_before_and_drops_their_rows():
    result = {
        "articles": [_article("a1", "d/1.txt"), _article("a2", "d/2.txt")],
        "sentences": [{"article_id": "a1", "sentence_no": 0}, {"article_id": "a2", "sentence_no": 0}],
        "entity_mentions": [], "quotes": [], "facts": [], "rejected_files": [],
    }
    known = {"a1": "old/1.txt"}
    out = batches.finalise_batch(result, [_F("d/1.txt", "d"), _F("d/2.txt", "d")], known, NOW)
    assert [a["article_id"] for a in out.tables["articles"]] == ["a2"]
    assert [s["article_id"] for s in out.tables["sentences"]] == ["a2"]
    (dup,) = out.tables["rejected_files"]
    assert dup["reason"] == "duplicate" and "old/1.txt" in dup["detail"]
    assert {r["source_path"]: (r["n_articles"], r["n_rejected"]) for r in out.tables["file_ledger"]} == {
        "d/1.txt": (0, 1), "d/2.txt": (1, 0)}
    assert known == {"a1": "old/1.txt", "a2": "d/2.txt"}


def _hold_lock(path, ready, release):
    with run_lock(Path(path)):
        ready.set()
        release.wait(20)


def test_second_run_is_refused_while_the_first_holds_the_lock(tmp_path):
    ctx = mp.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    p = ctx.Process(target=_hold_lock, args=(str(tmp_path / "wh.lock"), ready, release))
    p.start()
    try:
        assert ready.wait(30)
        with pytest.raises(RunLocked, match="another newsagree run is in progress"):
            with run_lock(tmp_path / "wh.lock", wait_seconds=0.5):
                pass
    finally:
        release.set()
        p.join(30)
    with run_lock(tmp_path / "wh.lock"):   # free again once the holder is gone
        pass


def test_lock_is_released_when_holder_is_killed(tmp_path):
    ctx = mp.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    p = ctx.Process(target=_hold_lock, args=(str(tmp_path / "wh.lock"), ready, release))
    p.start()
    assert ready.wait(30)
    os.kill(p.pid, 9)
    p.join(30)
    with run_lock(tmp_path / "wh.lock", wait_seconds=5):   # RunLocked if the dead holder's lock were stale
        pass


def test_status_shows_control_characters_escaped(tmp_path):
    """Issue 14 #12: `newsagree status` printed file names raw, so a name holding `ESC[2J` (clear screen) or an
    OSC title sequence reached the terminal. Every control character is shown escaped."""
    from flows.summary import format_status
    db = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create table runs (run_id varchar, status varchar, started_at timestamp, duration_s double, "
                "files_seen int, files_new int, articles_new int, articles_skipped int, files_rejected int)")
    con.execute("insert into runs values ('r1', 'success', now(), 1.0, 1, 1, 0, 0, 1)")
    con.execute("create table rejected_files (source_path varchar, reason varchar, detail varchar, "
                "rejected_at timestamp)")
    evil = "d/\x1b[2J\x1b]0;owned\x07name\u202egnp.txt"
    con.execute("insert into rejected_files values (?, 'empty', ?, now())", [evil, "bad \x9b31m detail"])
    con.close()
    text = format_status(db)
    assert not any(c in text for c in "\x1b\x07\x9b\u202e")
    assert "d/\\x1b[2J\\x1b]0;owned\\x07name\\u202egnp.txt" in text and "bad \\x9b31m detail" in text


def test_lock_file_is_never_opened_through_a_link(tmp_path):
    """Issue 14 #11: a symlink (or hard link) planted at `wh.lock` made the run truncate and overwrite its target."""
    from tasks.runlock import UnsafeLockFile
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    (tmp_path / "wh.lock").symlink_to(target)
    with pytest.raises(UnsafeLockFile, match="symbolic link"):
        with run_lock(tmp_path / "wh.lock"):
            pass
    os.link(target, tmp_path / "other.lock")
    with pytest.raises(UnsafeLockFile, match="hard link"):
        with run_lock(tmp_path / "other.lock"):
            pass
    assert target.read_text() == "keep me"


def test_report_temp_file_is_never_opened_through_a_link(tmp_path):
    """Issue 14 #11: a symlink at `.index.html.tmp` made the report overwrite its target."""
    from tasks.report import render as report
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    out = tmp_path / "site"
    out.mkdir()
    (out / ".index.html.tmp").symlink_to(target)
    report._write(out / "index.html", "<html></html>")
    assert target.read_text() == "keep me"
    assert (out / "index.html").read_text() == "<html></html>" and not (out / "index.html").is_symlink()


def test_two_runs_on_one_processed_folder_are_refused_whatever_their_warehouses(tmp_path):
    """Issue 14 #10: the run lock belonged to the warehouse only, so two runs on one processed folder with
    different warehouses both ran and processed every file twice. Run A holds its locks (waiting in
    before_flow); run B, same processed folder, other warehouse, is refused."""
    import threading
    from flows.nightly import run_nightly
    from tasks.settings import Settings

    (tmp_path / "raw").mkdir()
    a = Settings(raw_dir=tmp_path / "raw", processed_dir=tmp_path / "processed", warehouse=tmp_path / "a.duckdb")
    b = a.with_(warehouse=tmp_path / "b.duckdb")
    holding, release = threading.Event(), threading.Event()

    class Stop(Exception):
        pass

    def hold():
        holding.set()
        release.wait(30)
        raise Stop

    def run_a():
        try:
            run_nightly(a, before_flow=hold)
        except Stop:
            pass

    t = threading.Thread(target=run_a)
    t.start()
    try:
        assert holding.wait(30)

        def flow_would_start():
            raise AssertionError("run B got past the locks while run A holds the processed folder")
        with pytest.raises(RunLocked, match="another newsagree run is in progress"):
            run_nightly(b, before_flow=flow_would_start)
    finally:
        release.set()
        t.join(30)


def test_a_batch_past_its_time_limit_is_rejected_as_timeout_and_the_next_one_runs(tmp_path, monkeypatch, nlp):
    """Issue 14: a per-batch time limit. A batch that never ends (here an article makes extraction loop in
    Python, as the YAML alias bomb did) has its files rejected as `timeout`; the next batch is processed."""
    from tasks import ingest
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    (raw / "d" / "poison.txt").write_text("Poison headline\n\nThis article makes the extractor hang: XYZZY.\n")
    (raw / "d" / "good.txt").write_text("Good headline\n\nThe council met on Monday and approved the budget.\n")
    files = {f.rel_path: f for f in ingest.discover(raw)}
    monkeypatch.setenv("NEWSAGREE_FAILPOINT", "extract_article:hang:XYZZY")
    from tasks.settings import DEFAULT_MODEL
    out = batches.process_files_within(raw, [files["d/poison.txt"]], DEFAULT_MODEL, 1.0)
    assert [(r["source_path"], r["reason"]) for r in out["rejected_files"]] == [("d/poison.txt", "timeout")]
    assert out["articles"] == [] and "NEWSAGREE_BATCH_TIMEOUT" in out["rejected_files"][0]["detail"]
    out = batches.process_files_within(raw, [files["d/good.txt"]], DEFAULT_MODEL, 60.0)
    assert [a["source_path"] for a in out["articles"]] == ["d/good.txt"] and out["rejected_files"] == []
    outcome = batches.finalise_batch(batches.timed_out([files["d/poison.txt"]], 1.0), [files["d/poison.txt"]], {})
    assert outcome.tables["file_ledger"][0]["n_rejected"] == 1 and outcome.tables["file_ledger"][0]["file_hash"] is None


def test_model_names_must_be_identifiers(tmp_path):
    """Issue 14 #2 (audit): a model's name becomes a table name in SQL text, so it must be a plain identifier."""
    sql = tmp_path / "sql"
    _write_models(sql)
    (sql / "marts" / "evil.sql").write_text('-- model: x"; copy (select 1) to \'p.csv\'; --\nselect 1 as x\n')
    with pytest.raises(ValueError, match="identifiers"):
        warehouse.check_models(warehouse.load_models(sql))
    assert warehouse.quote_ident('a"b') == '"a""b"'
