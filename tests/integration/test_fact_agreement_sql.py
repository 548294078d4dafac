"""fact_agreement on a real DuckDB: facts from tasks.facts on hand-written texts, written to real Parquet,
read through sql/staging/stg_facts.sql, sql/marts/facts.sql and sql/agreement/int_fact_intervals.sql,
joined with hand-built `articles` and `syndication` tables (the shapes of those marts), then the sql/tests/assert_fact_agreement_* invariants."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks.facts import extract_facts
from tasks.schemas import FACTS
from tasks.warehouse import expand_deduplicate, render_incremental

SQL = Path(__file__).resolve().parents[2] / "sql"
SOURCE_RE = re.compile(r"\{\{\s*source\(\s*['\"](\w+)['\"]\s*\)\s*\}\}")

# (article_id, outlet, story_id, syndication_group_id, body)
ARTICLES = [
    ("a1", "Outlet A", "s1", "a1", "Putin held a two-hour call with Trump on Monday. "
                                   "Both sides agreed to exchange 1,000 prisoners each."),
    ("b1", "Outlet B", "s1", "b1", "The conversation, which reportedly lasted over two hours, was frank. "
                                   "The last phone call between the two leaders occurred on March 18 and lasted "
                                   "more than two hours."),
    ("c1", "Outlet C", "s1", "c1", "Trump described a very productive two-hour call. "
                                   "They will swap 1,000 prisoners each."),
    ("d1", "Outlet D", "s1", "d1", "The two-hour phone call ended without a deal."),
    # s2: two independent outlets disagree on the ceasefire length
    ("f1", "Outlet F", "s2", "f1", "The ceasefire will last 30 days, officials said."),
    ("g1", "Outlet G", "s2", "g1", "A 60-day ceasefire was proposed."),
    # s3: one wire story printed (once edited) by three outlets
    ("h1", "Outlet H", "s3", "w1", "A 30-day ceasefire was agreed on Monday."),
    ("i1", "Outlet I", "s3", "w1", "A 45-day ceasefire was agreed on Monday."),
    ("j1", "Outlet J", "s3", "w1", "A 30-day ceasefire was agreed on Monday."),
    # s4: two articles of the same outlet disagree: not independent sources
    ("k1", "Outlet K", "s4", "k1", "A 30-day ceasefire was agreed on Monday."),
    ("k2", "Outlet K", "s4", "k2", "The government wanted a 90-day ceasefire."),
]


def _sentences(body: str) -> list[dict]:
    out = []
    for m in re.finditer(r".+?(?:[.!?](?=\s|$)|$)", body):
        a = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        if m.end() > a:
            out.append({"sentence_no": len(out), "start_char": a, "end_char": m.end(), "text": body[a:m.end()]})
    return out


def _model_sql(path: Path, sources: dict[str, str]) -> str:
    text = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    return render_incremental(expand_deduplicate(SOURCE_RE.sub(lambda m: sources[m.group(1)], body))).strip().rstrip(";")


@pytest.fixture(scope="module")
def con(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    tmp = tmp_path_factory.mktemp("facts_wh")
    rows = []
    for aid, _outlet, _story, _group, body in ARTICLES:
        for r in extract_facts({"article_id": aid, "body": body}, _sentences(body), []):
            rows.append({**r, "run_id": "r1", "pipeline_version": "test"})
    path = tmp / "facts.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=FACTS), path)

    c = duckdb.connect(str(tmp / "wh.duckdb"))
    c.execute("create table articles (article_id varchar, outlet varchar, story_id varchar, body varchar)")
    c.executemany("insert into articles values (?, ?, ?, ?)", [(a, o, s, b) for a, o, s, _g, b in ARTICLES])
    c.execute("create table syndication (article_id varchar, syndication_group_id varchar)")
    c.executemany("insert into syndication values (?, ?)", [(a, g) for a, _o, _s, g, _b in ARTICLES])
    src = {"facts": f"read_parquet(['{path.as_posix()}'])"}
    c.execute("create view stg_facts as " + _model_sql(SQL / "staging" / "stg_facts.sql", src))
    c.execute("create table facts as " + _model_sql(SQL / "marts" / "facts.sql", src))
    c.execute("create table int_fact_intervals as " + _model_sql(SQL / "agreement" / "int_fact_intervals.sql", src))
    c.execute("create table fact_agreement as " + _model_sql(SQL / "agreement" / "fact_agreement.sql", src))
    yield c
    c.close()


def _row(con, story: str, about: str) -> dict:
    cur = con.execute("select * from fact_agreement where story_id = ? and about = ?", [story, about])
    cols = [d[0] for d in cur.description]
    got = cur.fetchall()
    assert len(got) == 1, got
    return dict(zip(cols, got[0]))


def test_two_hour_call_agreed_by_four_outlets(con):
    r = _row(con, "s1", "call")
    assert (r["kind"], r["unit"], r["consensus_value"]) == ("duration", "hour", 2.0)
    assert r["n_outlets"] == 4 and r["n_sources"] == 4 and r["n_outlets_reporting"] == 4
    assert r["outlets"] == ["Outlet A", "Outlet B", "Outlet C", "Outlet D"]
    assert r["consensus_text"] == "PT2H"
    assert r["conflict"] is False


def test_previous_call_is_its_own_group(con):
    r = _row(con, "s1", "previous call")
    assert r["n_outlets"] == 1 and r["outlets"] == ["Outlet B"] and r["conflict"] is False


def test_prisoners_agreed_by_two(con):
    r = _row(con, "s1", "prisoners")
    assert (r["kind"], r["consensus_value"], r["n_outlets"], r["values"]) == ("count", 1000.0, 2, [1000.0])


def test_independent_disagreement_is_a_conflict(con):
    r = _row(con, "s2", "ceasefire")
    assert r["conflict"] is True
    assert r["values"] == [30.0, 60.0] and r["n_outlets_reporting"] == 2 and r["n_outlets"] == 1
    assert r["consensus_value"] == 30.0          # tie on sources and outlets: the smaller value


def test_wire_copies_neither_conflict_nor_count_twice(con):
    r = _row(con, "s3", "ceasefire")
    # h1/i1/j1 are one syndication group: one independent source, however many outlets print it
    assert r["conflict"] is False
    assert r["consensus_value"] == 30.0
    assert r["n_sources"] == 1 and r["n_outlets"] == 2 and r["outlets"] == ["Outlet H", "Outlet J"]
    assert r["n_outlets_reporting"] == 3 and r["values"] == [30.0, 45.0]


def test_same_outlet_disagreement_is_not_a_conflict(con):
    r = _row(con, "s4", "ceasefire")
    assert r["conflict"] is False and r["n_outlets_reporting"] == 1 and r["values"] == [30.0, 90.0]


def test_data_tests_pass(con):
    for p in sorted((SQL / "tests").glob("assert_fact_agreement_*.sql")):
        rows = con.execute(_model_sql(p, {})).fetchall()
        assert rows == [], (p.name, rows)


def test_data_test_catches_a_broken_row(con):
    con.execute("create temp table fa_backup as select * from fact_agreement")
    try:
        con.execute("update fact_agreement set n_outlets = n_outlets_reporting + 1 where about = 'call'")
        rows = con.execute(_model_sql(SQL / "tests" / "assert_fact_agreement_counts.sql", {})).fetchall()
        assert len(rows) == 1
    finally:
        con.execute("delete from fact_agreement")
        con.execute("insert into fact_agreement select * from fa_backup")
