"""sql/tests/assert_claim_features_lists_distinct.sql: claim_features lists without duplicates pass, a list with one
fails (the shared-item counts of int_claim_scores and claim_conflicts rely on it); and the lists the claims stage
writes hold no duplicates."""
from __future__ import annotations

import duckdb

from tasks.claims import records
from tasks.sentences import split_sentences
from tasks.settings import REPO_ROOT

SQL = (REPO_ROOT / "sql" / "tests" / "assert_claim_features_lists_distinct.sql").read_text(encoding="utf-8")


def _failing(rows: list[tuple]) -> list[tuple]:
    con = duckdb.connect()
    con.execute("create table claim_features (article_id varchar, sentence_no int, words varchar[], content varchar[], "
                "bigrams varchar[], numbers varchar[], names varchar[])")
    con.executemany("insert into claim_features values (?, ?, ?, ?, ?, ?, ?)", rows)
    return con.execute(SQL).fetchall()


def test_distinct_lists_pass_and_a_duplicate_fails():
    ok = ("a", 0, ["rise", "tax"], ["rise", "tax"], ["rise tax"], ["3"], ["leeds"])
    dup = ("a", 1, ["rise", "tax"], ["rise", "tax"], ["rise tax"], ["3", "3"], ["leeds"])
    assert _failing([ok]) == []
    assert _failing([ok, dup]) == [("a", 1)]


def test_the_claims_stage_writes_lists_without_duplicates():
    body = "The council said the council will raise taxes by 3 percent, 3 percent more than last year, the council said."
    rows = records.claim_feature_rows({"a": [dict(s, article_id="a") for s in split_sentences(body)]})
    for r in rows:
        for col in ("words", "content", "bigrams", "numbers", "names"):
            assert len(r[col]) == len(set(r[col])), col
