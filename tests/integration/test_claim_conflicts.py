"""claim_conflicts on a small hand-built story: two outlets give different death tolls, one quotes a
denial the other reports as a confirmation, and a third outlet agrees with the first.

Real story stage, real Parquet, real DuckDB; sentence rows and claim features come from the
pipeline's own code (tasks.sentences is not needed: the texts are simple), then the marts and the
agreement models run (the helpers of test_agreement_sql)."""
from __future__ import annotations

import dataclasses
import sys
from datetime import datetime, UTC
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from tasks import facts, parquet, stories, warehouse
from tasks.claims import records as claim_records
from tasks.settings import SQL_DIR

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_agreement_sql import _article, split  # noqa: E402

D = datetime(2025, 6, 3, 12, tzinfo=UTC)
MODELS = {"stg_articles", "stg_story_assignments", "stg_syndication", "articles", "stories", "syndication",
          "int_claim_stopwords", "int_claim_tokens", "int_claim_weights", "int_claim_pairs", "int_claim_scores",
          "int_claim_edges", "int_claim_groups", "claim_agreement", "int_fact_intervals", "claim_conflicts"}

A = ("Twelve people were killed in the missile strike on the central market in Kharkiv on Tuesday. "
     "The regional governor Oleh Synehubov said rescue work at the market would continue through the night. "
     "The city council has confirmed that the market will reopen next week.")
B = ("Fourteen people were killed in the missile strike on the central market in Kharkiv on Tuesday. "
     "Rescue work at the market continued through the night, regional governor Oleh Synehubov said. "
     "The city council has not confirmed that the market will reopen next week.")
C = ("Twelve people were killed when a missile struck the central market in Kharkiv on Tuesday. "
     "Officials in Kharkiv said schools across the region would stay closed on Wednesday. "
     "Rescue work at the central market in Kharkiv lasted two hours after the missile strike on Tuesday.")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("conflicts")
    processed = root / "processed"
    arts = [_article("k1", "Outlet A", "Missile strike on Kharkiv market kills twelve", A, D, "d/k1.txt"),
            _article("k2", "Outlet B", "Missile strike on Kharkiv market kills fourteen", B, D, "d/k2.txt"),
            _article("k3", "Outlet C", "Twelve killed as missile hits Kharkiv market", C, D, "d/k3.txt")]
    parquet.write_batch(processed, "b0", "d", {"articles": arts}, "run-1")
    rows = stories.update_stories(processed, [a["article_id"] for a in arts], "run-1", False)
    parquet.write_batch(processed, "stories-run-1", "_corpus", rows, "run-1")
    con = duckdb.connect(str(root / "w.duckdb"))
    sents = {a["article_id"]: split(a["body"]) for a in arts}
    tables = {
        "sentences": pa.Table.from_pylist([{"article_id": k, **s} for k, v in sents.items() for s in v]),
        "claim_features": pa.Table.from_pylist(claim_records.claim_feature_rows(sents)),
        "facts": pa.Table.from_pylist([f for a in arts for f in facts.extract_facts(a, sents[a["article_id"]], [])]),
        "entity_mentions": pa.table({"article_id": pa.array([], pa.string()), "sentence_no": pa.array([], pa.int64()),
                                     "text": pa.array([], pa.string()), "entity_id": pa.array([], pa.string())}),
    }
    for name, tbl in tables.items():
        con.register("tbl", tbl)
        con.execute(f"create table {name} as select * from tbl")
        con.unregister("tbl")
    models = [m for m in warehouse.load_models(SQL_DIR) if m.name in MODELS]
    names = {m.name for m in models}
    models = [dataclasses.replace(m, depends_on=[d for d in m.depends_on if d in names]) for m in models]
    warehouse.run_models(con, models, processed)
    yield con
    con.close()


def test_number_and_negation_conflicts(db):
    rows = db.execute("select kind, outlet_a, outlet_b, text_a, text_b, confidence, claim_id_a < claim_id_b "
                      "from claim_conflicts order by kind, outlet_a, outlet_b").fetchall()
    kinds = {(r[0], tuple(sorted((r[1], r[2])))) for r in rows}
    assert ("number", ("Outlet A", "Outlet B")) in kinds
    assert ("negation", ("Outlet A", "Outlet B")) in kinds
    assert len([k for k, _ in kinds if k == "number"]) == 1      # not twelve killed vs "two hours"
    for kind, _, _, text_a, text_b, confidence, ordered in rows:
        assert ordered and 0.5 <= confidence <= 1
        if kind == "number":
            assert {"Twelve" in text_a, "Twelve" in text_b} == {True, False}
            assert {"Fourteen" in text_a, "Fourteen" in text_b} == {True, False}


def test_conflicting_sentences_are_not_one_claim(db):
    groups = db.execute("""select count(distinct g.claim_id) from int_claim_groups as g
                           join int_claim_tokens as t using (sentence_key)
                           where t.text like '%people were killed%'""").fetchone()[0]
    assert groups == 2                       # Outlet A and C agree on twelve; Outlet B says fourteen
    agree = db.execute("select n_outlets, outlets from claim_agreement where text like 'Twelve people%'").fetchall()
    assert agree and agree[0][0] == 2 and "Outlet B" not in agree[0][1]
    same_rescue = db.execute("select n_outlets from claim_agreement where text like '%rescue work%' "
                             "or text like 'Rescue work%'").fetchall()
    assert (2,) in same_rescue               # a reworded sentence is still one claim


def test_conflicts_pass_their_data_test(db):
    sql = (SQL_DIR / "tests" / "assert_claim_conflicts_valid.sql").read_text(encoding="utf-8")
    assert db.execute(sql).fetchall() == []
