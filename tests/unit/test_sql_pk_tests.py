"""The primary-key data tests (sql/tests/assert_<table>_<key>_unique.sql) return exactly the duplicated keys."""
from __future__ import annotations

import duckdb
import pytest

from tasks.settings import SQL_DIR

KEYS = {"quotes": "quote_id", "facts": "fact_id", "entities": "entity_id",
        "quote_agreement": "quote_group_id", "claim_agreement": "claim_id"}


@pytest.mark.parametrize("table,key", sorted(KEYS.items()))
def test_primary_key_test_finds_duplicates_only(table, key):
    sql = (SQL_DIR / "tests" / f"assert_{table}_{key}_unique.sql").read_text(encoding="utf-8")
    con = duckdb.connect()
    con.execute(f"create table {table} ({key} varchar, story_id varchar)")
    con.execute(f"insert into {table} values ('a', 's1'), ('b', 's1'), ('c', 's2')")
    assert con.execute(sql).fetchall() == []
    con.execute(f"insert into {table} values ('b', 's2')")
    assert con.execute(sql).fetchall() == [("b", 2)]
