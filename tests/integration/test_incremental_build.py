"""Incremental warehouse builds: an incremental build equals a full build of the same data, table by table.

A realistic processed dir is made with the real stages (ingest, clean, spaCy
extraction, story stage, Parquet; no Prefect): the five seed articles plus a
small local drop (a two-outlet port strike, a council vote naming only
"Mayor Harrison"). Then a late drop arrives:

- a lightly edited copy of a strike article from a third outlet: it joins the
  existing strike story (syndicated copy);
- a marathon report naming "Ruth Harrison": the corpus now holds exactly one
  full name with that surname, so the council article's old "Harrison"
  mentions are re-linked to her entity id although that story gets no new
  article.

The incremental build must recompute exactly those three stories (the seeds'
story is reused) and give the same rows in every table as a full build.
The checks on fallbacks (full refresh, failed build, changed models, a
writer holding the warehouse, a WAL, leftovers of analysts) and the atomic
swap reuse the same processed dir.
"""
from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tasks import batches, ingest, parquet, stories, warehouse
from tasks.settings import DEFAULT_MODEL, SQL_DIR

pytestmark = pytest.mark.slow

LOCAL = {
    "harbour1.txt": """Port workers walk out in Valmora over pay

Dock workers at the port of Valmora began a 48-hour strike on Tuesday after talks with the harbour authority \
collapsed over a 6 percent pay claim.

Union leader Tomas Brandt said the stoppage would halt container traffic at all four terminals. "We did not want \
this strike, but the authority left us no choice," Brandt told reporters outside the main gate.

The harbour authority said it had offered a 3 percent rise and called the walkout irresponsible. About 1,200 \
workers are covered by the agreement.

Shipping lines diverted three vessels to the neighbouring port of Lantis, according to the authority.
""",
    "harbour2.txt": """Valmora dockers strike after pay talks fail

About 1,200 dock workers in Valmora stopped work on Tuesday for 48 hours, the first strike at the port in a decade.

"We did not want this strike, but the authority left us no choice," said Tomas Brandt, who leads the port \
workers' union. The union is seeking a 6 percent pay rise; the harbour authority has offered 3 percent.

Three container ships were sent to Lantis instead, the harbour authority said, and freight companies warned of delays.
""",
    "council.txt": """Riverton council approves library budget

The Riverton city council voted 7-2 on Thursday to approve a 4.5 million dollar budget for the new central library.

Mayor Harrison said the library would open next year. Harrison told the council that the vote was historic.

Opponents said the money should go to road repairs. The building will replace the old library on Mill Street.
""",
    "manifest.csv": "file,outlet,published_at\n"
                    "harbour1.txt,Harbour Gazette,2025-06-03T09:00:00Z\n"
                    "harbour2.txt,Coastal Chronicle,2025-06-03T15:00:00Z\n"
                    "council.txt,Metro Herald,2025-07-10T18:00:00Z\n",
}
LATE = {
    "harbour3.txt": LOCAL["harbour1.txt"].replace("began a 48-hour", "started a 48-hour")
                                         .replace("collapsed over", "broke down over"),
    "marathon.txt": """Ruth Harrison wins the Northfield marathon

Ruth Harrison won the Northfield marathon on Sunday in 2 hours 21 minutes, the fastest time ever recorded on the course.

She pulled away from the leading group at the 30 kilometre mark and finished more than a minute ahead of the \
defending champion, Ruth Harrison said after the race.

Organisers said 14,000 runners took part, a record for the race.
""",
    "manifest.csv": "file,outlet,published_at\n"
                    "harbour3.txt,Valley Tribune,2025-06-03T17:00:00Z\n"
                    "marathon.txt,Summit Daily,2025-11-16T14:00:00Z\n",
}


def write_drop(raw: Path, drop: str, files: dict[str, str]) -> None:
    (raw / drop).mkdir(parents=True)
    for name, text in files.items():
        (raw / drop / name).write_text(text, encoding="utf-8")


def ingest_new(raw: Path, processed: Path, run_id: str) -> list[str]:
    """The flow's stages without Prefect: new files -> batches -> Parquet -> story stage."""
    files, _ = batches.select_new(ingest.discover(raw), batches.load_ledger(processed))
    known = dict.fromkeys(batches.load_known_article_ids(processed), "an earlier run")
    model = os.environ.get("NEWSAGREE_MODEL", DEFAULT_MODEL)
    new_ids: list[str] = []
    for i, group in enumerate(batches.plan_batches(files, 200)):
        outcome = batches.finalise_batch(batches.process_files(raw, group, model), group, known)
        parquet.write_batch(processed, f"{run_id}-{i:05d}", group[0].drop_id, outcome.tables, run_id)
        new_ids += outcome.new_ids
    rows = stories.update_stories(processed, new_ids, run_id)
    if any(rows.values()):
        parquet.write_batch(processed, f"stories-{run_id}", "_corpus", rows, run_id)
    return new_ids


def tables_of(con: duckdb.DuckDBPyConnection, db: str) -> dict[str, list[tuple[str, str]]]:
    rows = con.execute("select schema_name || '.' || table_name, column_name, data_type from duckdb_columns() "
                       "where database_name = ? and schema_name in ('main', 'build_meta') "
                       "and table_name <> 'build_info' order by table_name, column_index", [db]).fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, col, typ in rows:
        out.setdefault(table, []).append((col, typ))
    return out


def differences(a: Path, b: Path) -> dict[str, tuple[int, int]]:
    """Tables whose rows differ between two warehouses (as multisets): name -> (rows only in a, only in b)."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{a}' as a (read_only)")
        con.execute(f"attach '{b}' as b (read_only)")
        ta, tb = tables_of(con, "a"), tables_of(con, "b")
        assert ta.keys() == tb.keys(), set(ta) ^ set(tb)
        out = {}
        for t in sorted(ta):
            assert ta[t] == tb[t], (t, ta[t], tb[t])
            only_a, only_b = (con.execute(f"select count(*) from (select * from {x}.{t} except all "
                                          f"select * from {y}.{t})").fetchone()[0]
                              for x, y in (("a", "b"), ("b", "a")))
            if only_a or only_b:
                out[t] = (only_a, only_b)
        return out
    finally:
        con.close()


def q(db: Path, sql: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def story_of(db: Path, source_path: str) -> str:
    return q(db, "select story_id from articles where source_path = ?", [source_path])[0][0]


def harrison_ids(db: Path) -> set[str]:
    return {r[0] for r in q(db, "select m.entity_id from entity_mentions as m join articles as a using (article_id) "
                                "where a.source_path = 'local/council.txt' and m.text = 'Harrison'")}


@dataclasses.dataclass
class Corpus:
    root: Path
    processed: Path              # after the late drop (root / "processed-before": before it)
    before: Path                 # warehouse built before the late drop
    inc: Path                    # incremental build after it, from `before`
    full: Path                   # full build after it
    first: warehouse.BuildResult
    second: warehouse.BuildResult
    third: warehouse.BuildResult


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds_dir):
    """Build on seeds + local drop, add the late drop, build incrementally and fully."""
    root = tmp_path_factory.mktemp("incremental")
    raw, processed = root / "raw", root / "processed"
    shutil.copytree(seeds_dir, raw / "sample")
    write_drop(raw, "local", LOCAL)
    ingest_new(raw, processed, "run-1")
    before = root / "before.duckdb"
    first = warehouse.build(processed, before)
    shutil.copytree(processed, root / "processed-before")

    write_drop(raw, "late", LATE)
    assert len(ingest_new(raw, processed, "run-2")) == 2
    inc = root / "incremental.duckdb"
    shutil.copy(before, inc)
    second = warehouse.build(processed, inc)
    full = root / "full.duckdb"
    third = warehouse.build(processed, full, full_refresh=True)
    return Corpus(root, processed, before, inc, full, first, second, third)


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
    assert 1 < res.chunks < res.n_stories                              # several chunks, one of several stories
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


def _copy(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    return dst


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
