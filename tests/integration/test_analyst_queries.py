"""The analyst queries published in docs/analyst_queries.md (and README.md's "## Analyst queries")
run against real warehouses: the hand-built one from test_report (exact answers) and a real seeds run.

Also checks the data dictionary against a freshly built warehouse: every column of every
table has a description line in its model header.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_report import build_sample_warehouse, seeds_warehouse_path  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "analyst_queries.md"
README = REPO / "README.md"


def analyst_section(text: str) -> str:
    """The '## Analyst queries' section of a markdown text ('' when absent)."""
    m = re.search(r"^## Analyst queries[^\n]*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return m.group(1) if m else ""


def sql_blocks(text: str, origin: str) -> list[tuple[str, str]]:
    """(id, sql) for every ```sql block, named after the heading above it."""
    out: list[tuple[str, str]] = []
    heading = "intro"
    n_under: dict[str, int] = {}
    for m in re.finditer(r"^#{2,4} (?P<h>.+?)\s*$|^```sql\s*\n(?P<sql>.*?)^```", text, re.M | re.S):
        if m.group("h"):
            heading = m.group("h")
            continue
        n_under[heading] = n_under.get(heading, 0) + 1
        suffix = f" #{n_under[heading]}" if n_under[heading] > 1 else ""
        out.append((f"{origin}: {heading}{suffix}", m.group("sql").strip().rstrip(";")))
    return out


def published_queries() -> list[tuple[str, str]]:
    queries = sql_blocks(analyst_section(DOC.read_text(encoding="utf-8")), "docs/analyst_queries.md")
    if README.exists():
        queries += sql_blocks(analyst_section(README.read_text(encoding="utf-8")), "README.md")
    return queries


QUERIES = published_queries()


def by_title(word: str) -> str:
    """The docs query whose heading contains ``word``."""
    hits = [q for t, q in QUERIES if t.startswith("docs/") and word.lower() in t.lower()]
    assert hits, f"no published query about {word!r}"
    return hits[0]


def run(db: Path, sql: str) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]
    finally:
        con.close()


def test_there_is_a_handful_of_queries():
    doc_queries = [t for t, _ in QUERIES if t.startswith("docs/")]
    assert 5 <= len(doc_queries) <= 10, doc_queries
    readme = README.read_text(encoding="utf-8") if README.exists() else ""
    if analyst_section(readme):
        # once pasted into README, README and docs carry the same queries
        assert sorted(q for t, q in QUERIES if t.startswith("README")) == \
            sorted(q for t, q in QUERIES if t.startswith("docs/"))


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return build_sample_warehouse(tmp_path_factory.mktemp("aq") / "warehouse.duckdb")


@pytest.mark.parametrize("title,sql", QUERIES, ids=[t for t, _ in QUERIES])
def test_query_runs_on_hand_built_warehouse(sample_db, title, sql):
    assert run(sample_db, sql), f"{title}: no rows on the hand-built warehouse"


def test_answers_on_hand_built_warehouse(sample_db):
    quotes = run(sample_db, by_title("worded differently"))
    assert len(quotes) == 1 and quotes[0]["n_outlets"] == 3 and len(quotes[0]["wordings"]) == 3
    facts = run(sample_db, by_title("disagree"))
    assert [(f["about"], f["values_by_outlet"]) for f in facts] == [
        ("prisoner exchange", ["Euro Observer = 1000.0", "Moscow Digest = 1200.0"])]
    spell = {r["spelling"]: r["outlets"] for r in run(sample_db, by_title("Kiev"))}
    assert spell == {"Kiev": ["Moscow Digest"], "Kyiv": ["Balkan Wire", "Euro Observer", "North Press"]}
    differ = {r["name"]: r["last_words"] for r in run(sample_db, by_title("Kyiv #2"))}
    assert differ == {"Kyiv": ["kiev", "kyiv"], "Volodymyr Zelensky": ["zelenskiy", "zelensky"]}
    excl = {r["outlet"]: r["exclusive_claims"] for r in run(sample_db, by_title("Exclusive"))}
    assert excl["Euro Observer"] == 1 and excl["The Daily Guardian"] == 1 and excl["North Press"] == 0
    pairs = run(sample_db, by_title("agree most"))
    assert (pairs[0]["outlet_1"], pairs[0]["outlet_2"], pairs[0]["mean_jaccard"]) == ("Balkan Wire", "North Press", 1.0)
    breadth = run(sample_db, by_title("breadth"))
    assert [r["n_outlets"] for r in breadth] == [5, 1]
    assert (breadth[0]["corroborated_claims"], breadth[0]["n_claims"], breadth[0]["fact_conflicts"]) == (4, 6, 1)


# --------------------------------------------------------------------------- the real seeds warehouse

@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, prefect_harness) -> Path:
    return seeds_warehouse_path(tmp_path_factory)


@pytest.mark.slow
@pytest.mark.parametrize("title,sql", QUERIES, ids=[t for t, _ in QUERIES])
def test_query_runs_on_seeds_warehouse(seeds_db, title, sql):
    # runs on a real pipeline's warehouse with the documented columns (the seeds need not answer every
    # question: they have no fact conflicts)
    con = duckdb.connect(str(seeds_db), read_only=True)
    try:
        cols = [d[0] for d in con.execute(sql).description]
    finally:
        con.close()
    assert cols and len(cols) == len(set(cols)), (title, cols)


@pytest.mark.slow
def test_seeds_spell_kiev_and_kyiv(seeds_db):
    """Seed 001 writes Kiev, the others Kyiv: both spellings, from different outlets."""
    spell = {r["spelling"]: set(r["outlets"]) for r in run(seeds_db, by_title("Kiev"))}
    assert {"Kiev", "Kyiv"} <= set(spell)
    assert spell["Kiev"] != spell["Kyiv"]
    # ... and they are linked to one entity whose outlets spell it differently
    differ = [r for r in run(seeds_db, by_title("Kyiv #2")) if {"kiev", "kyiv"} <= set(r["last_words"])]
    assert len(differ) == 1, differ


@pytest.mark.slow
def test_every_warehouse_column_is_documented(seeds_db):
    """Every column of every table in a freshly built warehouse has a `-- column` line in its model header."""
    from tasks.warehouse import load_models

    docs = {m.name: m for m in load_models() if m.kind == "table"}
    con = duckdb.connect(str(seeds_db), read_only=True)
    try:
        rows = con.execute("select c.table_name, c.column_name from information_schema.columns as c "
                           "join information_schema.tables as t using (table_schema, table_name) "
                           "where c.table_schema = 'main' and t.table_type = 'BASE TABLE' "
                           "order by c.table_name, c.ordinal_position").fetchall()
    finally:
        con.close()
    assert rows
    missing = [f"{t}.{c}" for t, c in rows if t not in docs or not docs[t].columns.get(c, "").strip()]
    assert not missing, ("undocumented warehouse columns (add `-- column name: ...` to the model header): "
                         + ", ".join(missing))
