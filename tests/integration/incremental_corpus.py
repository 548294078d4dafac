"""The corpus of the warehouse build tests (test_incremental_build.py, test_warehouse_states.py).

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
from pathlib import Path

import duckdb

from tasks import batches, ingest, parquet, stories, warehouse
from tasks.settings import DEFAULT_MODEL

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


def build_corpus(tmp_path_factory, seeds_dir: Path) -> Corpus:
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


def _copy(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    return dst
