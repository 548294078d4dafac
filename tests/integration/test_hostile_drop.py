"""Issue 14, done-when 2 at test size: a drop with every hostile input class plus 300 tiny articles (one feed
split over batches) goes through a real flow run, and every raw entry ends in `articles` or `rejected_files`
exactly once per record (bench/hostile.py's reconciliation; `python -m bench.hostile` runs it at 200k)."""
from __future__ import annotations

import os

import duckdb
import pytest

from bench.hostile import INJECTION_NAME, reconcile, write_hostile_drop, write_tiny_articles
from flows.nightly import run_nightly
from tasks import batches
from tasks.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture()
def hostile_raw(tmp_path):
    raw = tmp_path / "raw"
    write_hostile_drop(raw, tmp_path / "outside", scale=0.005)
    write_tiny_articles(raw, 300, feed_share=0.5, txt_share=0.1, lines_per_file=50)
    yield raw
    (raw / "hostile" / "locked.txt").chmod(0o644)


def test_hostile_drop_with_tiny_articles_reconciles(tmp_path, hostile_raw, prefect_harness):
    settings = Settings.from_env(env={}, raw_dir=hostile_raw, processed_dir=tmp_path / "processed",
                                 warehouse=tmp_path / "wh.duckdb", runner="thread", n_process=1, batch_size=4)
    summary = run_nightly(settings)
    assert summary["status"] == "success"
    rec = reconcile(hostile_raw, settings.warehouse)
    assert rec.ok, (rec.missing, rec.short, rec.duplicated, rec.unexpected)
    # every record is a row: 300 tiny articles, the hostile files, and 3 manifest problems
    assert rec.articles + rec.rejected == rec.records_expected + 3
    reasons = rec.reasons
    for reason in ("binary", "empty", "malformed_json", "too_large", "too_deep", "outside_raw_dir",
                   "symlink_alias", "unreadable", "unsupported_format", "no_text", "duplicate", "missing_file"):
        assert reasons.get(reason), (reason, reasons)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        tiny = con.execute("select count(*) from articles where drop_id = 'tiny'").fetchone()[0]
        injected = con.execute("select count(*) from articles where source_path = ?",
                               [f"hostile/{INJECTION_NAME}"]).fetchone()[0]
        secret = con.execute("select count(*) from articles where body like '%SECRET%'").fetchone()[0]
    finally:
        con.close()
    assert tiny == 300 and injected == 1 and secret == 0
    assert not (tmp_path / "pwned.csv").exists() and not os.path.exists("pwned.csv")
    # the feed went through the flow in parts, and the ledger knows it whole
    ledger = batches.load_ledger(settings.processed_dir)
    assert "tiny/feed.jsonl" in ledger and not ledger.partial
    from tasks import parquet
    parts = parquet.read_table(settings.processed_dir, "file_ledger", ["source_path", "first_line"]).to_pydict()
    assert sum(1 for p, f in zip(parts["source_path"], parts["first_line"]) if p == "tiny/feed.jsonl" and f) >= 2
    again = run_nightly(settings)
    assert again["status"] == "success" and again["files_new"] == 0
