"""Incremental warehouse builds: an incremental build equals a full build of the same data, table by table.

On the corpus of tests/integration/incremental_corpus.py (seeds, a local drop, then a late drop): the
incremental build must recompute exactly the three changed stories and give the same rows in every table
as a full build; chunked builds equal one pass; full refresh, failed builds and model checks. The hostile
and broken warehouse states are in test_warehouse_states.py.
"""
from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import duckdb
import pytest

from tasks import warehouse
from tasks.settings import SQL_DIR
from tests.integration.incremental_corpus import _copy, differences, harrison_ids, q, story_of

pytestmark = pytest.mark.slow


def test_incremental_build_equals_full_build(corpus):
    assert corpus.second.incremental and not corpus.third.incremental
    assert corpus.second.n_tests == corpus.third.n_tests > 0          # data tests ran over the whole result
    assert differences(corpus.inc, corpus.full) == {}
    assert corpus.second.row_counts == corpus.third.row_counts


@pytest.mark.parametrize("partition_chunks", ["1", "1000"])
def test_chunked_builds_equal_one_pass(corpus, tmp_path, monkeypatch, partition_chunks):
    """With more input rows than chunk_rows the incremental models run chunk by chunk (every model of the
    chain for one chunk of stories, then the next chunk): the same rows as one pass, full and incremental;
    whether the chunks' inputs are split into Parquet up front ("1": always) or selected from the whole
    tables chunk by chunk ("1000": with fewer chunks than that)."""
    monkeypatch.setenv("NEWSAGREE_BUILD_PARTITION_CHUNKS", partition_chunks)
    assert corpus.third.chunks == corpus.second.chunks == 1          # default chunk size: one pass here
    db = tmp_path / "chunked.duckdb"
    res = warehouse.build(corpus.processed, db, full_refresh=True, chunk_rows=300)
    assert res.chunks > 1 and res.chunks < res.n_stories                             # several chunks, one of several stories
    assert q(db, "select value from build_meta.build_info where key = 'chunks'") == [(str(res.chunks),)]
    assert differences(db, corpus.full) == {}
    inc = _copy(corpus.before, tmp_path / "inc.duckdb")
    res = warehouse.build(corpus.processed, inc, chunk_rows=1)         # one chunk per changed story
    assert res.incremental and res.chunks == res.changed_stories == 3
    assert differences(inc, corpus.full) == {}
    # the chunks' Parquet spool and DuckDB's spill folder are gone; nothing but the warehouses is left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chunked.duckdb", "inc.duckdb"]


def test_incremental_build_recomputes_only_changed_stories(corpus):
    inc = corpus.inc
    joined, council, seeds = (story_of(inc, p) for p in ("late/harbour3.txt", "local/council.txt",
                                                          "sample/000_47eb2f71d4d50947.txt"))
    marathon = story_of(inc, "late/marathon.txt")
    # the constructed cases happened: a new article joined an old story, an old mention changed entity
    assert joined == story_of(inc, "local/harbour1.txt") == story_of(corpus.before, "local/harbour1.txt")
    assert len(harrison_ids(corpus.before)) == len(harrison_ids(inc)) == 1
    assert harrison_ids(corpus.before) != harrison_ids(inc)
    assert q(inc, "select value from build_meta.build_info where key = 'mode'") == [("incremental",)]
    changed = _changed(corpus.before, inc)
    assert changed == {joined, council, marathon}
    assert seeds not in changed
    n_stories = q(inc, "select count(distinct story_id) from articles")[0][0]
    assert corpus.second.changed_stories == 3 and corpus.second.n_stories == n_stories > 3
    # a full build computes every story
    assert corpus.first.changed_stories == corpus.first.n_stories == n_stories - 1


def _changed(before: Path, after: Path) -> set[str]:
    con = duckdb.connect()
    try:
        con.execute(f"attach '{before}' as b (read_only)")
        con.execute(f"attach '{after}' as a (read_only)")
        return {r[0] for r in con.execute(
            "select a.story_id from a.build_meta.story_fingerprints as a "
            "left join b.build_meta.story_fingerprints as b on b.story_id = a.story_id "
            "where b.fingerprint is distinct from a.fingerprint").fetchall()}
    finally:
        con.close()


def test_a_fingerprint_blind_to_entity_ids_is_caught(corpus, tmp_path):
    """The comparison can fail: leave entity mentions and quotes (whose resolved speakers carry entity ids)
    out of the story fingerprint, and the council story's stale rows (old entity id) survive."""
    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    fp = sql / "incremental" / "story_fingerprints.sql"
    text = fp.read_text()
    for table in ("entity_mentions", "quotes"):
        branch = (f"    union all\n    select o.story_id, hash('{table}', x) from {table} as x "
                  "join story_of as o using (article_id)\n")
        assert branch in text
        text = text.replace(branch, "")
    fp.write_text(text)
    db = tmp_path / "w.duckdb"
    warehouse.build(corpus.root / "processed-before", db, sql_dir=sql)
    res = warehouse.build(corpus.processed, db, sql_dir=sql)
    assert res.incremental and res.changed_stories == 2
    diff = differences(db, corpus.full)
    assert "main.int_entity_coverage" in diff and "main.int_claim_tokens" in diff


def test_full_refresh_and_doubts_build_everything(corpus, tmp_path):
    processed = corpus.processed
    db = _copy(corpus.before, tmp_path / "w.duckdb")
    res = warehouse.build(processed, db, full_refresh=True)
    assert not res.incremental and res.full_build_reason == "full refresh requested"
    assert res.changed_stories == res.n_stories == corpus.second.n_stories

    db = _copy(corpus.before, tmp_path / "failed.duckdb")
    Path(str(db) + ".failed").write_bytes(b"")
    res = warehouse.build(processed, db)
    assert not res.incremental and "failed" in res.full_build_reason
    assert not Path(str(db) + ".failed").exists()

    db = _copy(corpus.before, tmp_path / "wal.duckdb")
    Path(str(db) + ".wal").write_bytes(b"")     # an empty WAL left by a writer: folded in, nothing to reuse wrongly
    warehouse.build(processed, db)
    assert not Path(str(db) + ".wal").exists() and differences(db, corpus.full) == {}

    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    p = sql / "agreement" / "claim_agreement.sql"
    p.write_text(p.read_text() + "\n")
    db = _copy(corpus.before, tmp_path / "models.duckdb")
    res = warehouse.build(processed, db, sql_dir=sql)
    assert not res.incremental and "other SQL models" in res.full_build_reason
    assert differences(db, corpus.full) == {}


def test_incremental_build_swaps_atomically_and_drops_foreign_objects(corpus, tmp_path):
    db = _copy(corpus.before, tmp_path / "w.duckdb")
    con = duckdb.connect(str(db))
    con.execute("create table scratch as select 1 as x")
    con.execute("create schema analyst")
    con.execute("create view analyst.v as select 2 as y")
    con.close()
    reader = duckdb.connect(str(db), read_only=True)
    n_before = reader.execute("select count(*) from articles").fetchone()[0]
    inode = db.stat().st_ino
    res = warehouse.build(corpus.processed, db)
    assert res.incremental
    assert reader.execute("select count(*) from articles").fetchone()[0] == n_before   # old snapshot still readable
    assert reader.execute("select count(*) from scratch").fetchone()[0] == 1
    reader.close()
    assert db.stat().st_ino != inode
    assert q(db, "select count(*) from articles")[0][0] == n_before + 2
    assert differences(db, corpus.full) == {}        # scratch and the analyst schema are gone


def test_failed_incremental_build_keeps_previous_warehouse(corpus, tmp_path):
    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    (sql / "tests" / "assert_no_marathon.sql").write_text(
        "select story_id from claim_agreement where text ilike '%marathon%'\n")
    db = tmp_path / "w.duckdb"
    warehouse.build(corpus.root / "processed-before", db, sql_dir=sql)
    inode = db.stat().st_ino
    with pytest.raises(warehouse.DataTestError, match="assert_no_marathon"):
        warehouse.build(corpus.processed, db, sql_dir=sql)
    assert db.stat().st_ino == inode and Path(str(db) + ".failed").exists()
    assert q(db, "select value from build_meta.build_info where key = 'mode'") == [("full",)]
    assert "failed" in warehouse.build(corpus.processed, db).full_build_reason


def test_model_checks(tmp_path):
    models = warehouse.load_models(SQL_DIR)
    by_name = {m.name: m for m in models}
    assert {m.name for m in models if m.incremental} >= {"int_claim_tokens", "int_quote_tokens", "claim_agreement",
                                                          "quote_agreement", "fact_agreement", "int_entity_coverage"}
    assert not by_name["entity_coverage"].incremental        # corpus-wide entity name and label
    warehouse.check_models(models)
    fp = warehouse.load_fingerprint(SQL_DIR)
    warehouse.check_fingerprint_covers(models, fp)
    # an incremental model reading something the fingerprint does not hash is refused
    bad = dataclasses.replace(by_name["claim_agreement"], depends_on=[*by_name["claim_agreement"].depends_on,
                                                                      "entities"])
    with pytest.raises(ValueError, match="entities"):
        warehouse.check_fingerprint_covers([*models, bad], fp)
    with pytest.raises(ValueError, match="fingerprint"):
        warehouse.check_fingerprint_covers(models, None)
    # the macro only in incremental models, and every incremental model uses it
    with pytest.raises(ValueError, match="not `-- materialized: incremental`"):
        warehouse.check_models([dataclasses.replace(by_name["claim_agreement"], materialized="")])
    no_macro = dataclasses.replace(by_name["claim_agreement"],
                                   sql=warehouse.render_incremental(by_name["claim_agreement"].sql))
    with pytest.raises(ValueError, match="marks where the story enters"):
        warehouse.check_models([no_macro])
    assert warehouse.render_incremental("where {{ incremental_stories('a.story_id') }}") == "where true"
    assert warehouse.render_incremental("where {{ incremental_stories('a.story_id') }}", changed_only=True) == \
        "where (a.story_id) in (select story_id from _changed_stories)"
