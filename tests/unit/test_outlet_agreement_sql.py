"""outlet_agreement stays bounded: a story covered by more than 50 outlets lists the pairs among its 50 outlets
that carry the most claims (an article without a known outlet is an outlet of its own, so a flood of such
articles in one story once made the table quadratic: 98 million pairs for 14,000 articles); smaller stories
list every pair, with exact counts."""
from pathlib import Path

import duckdb

from tasks.settings import SQL_DIR
from tasks.warehouse.models import load_models
from tasks.warehouse.render import _strip_sql, render_incremental


def _model_sql() -> str:
    model = next(m for m in load_models(Path(SQL_DIR)) if m.name == "outlet_agreement")
    return _strip_sql(render_incremental(model.sql))


def _db(stories: dict[str, list[tuple[str | None, list[str]]]]) -> duckdb.DuckDBPyConnection:
    """stories: story_id -> [(outlet or None, claim ids the article carries)]: one article each."""
    con = duckdb.connect()
    con.execute("create table articles (article_id varchar, story_id varchar, outlet varchar)")
    con.execute("create table claim_agreement (story_id varchar, claim_id varchar, outlets varchar[])")
    carried: dict[tuple[str, str], list[str]] = {}
    for sid, arts in stories.items():
        for i, (outlet, claims) in enumerate(arts):
            aid = f"{sid}-a{i}"
            con.execute("insert into articles values (?, ?, ?)", [aid, sid, outlet])
            for c in claims:
                carried.setdefault((sid, c), []).append(outlet or f"unknown:{aid}")
    for (sid, c), outlets in carried.items():
        con.execute("insert into claim_agreement values (?, ?, ?)", [sid, c, outlets])
    return con


def test_small_story_lists_every_pair_with_exact_counts():
    con = _db({"s": [("A", ["c1", "c2"]), ("B", ["c1"]), ("C", []), (None, ["c2"])]})
    rows = con.execute(f"select outlet_a, outlet_b, shared_claims, claims_a, claims_b, jaccard from ({_model_sql()}) "
                       "order by all").fetchall()
    assert len(rows) == 6                                   # 4 outlets (the unknown one counts alone): 4*3/2
    assert ("A", "B", 1, 2, 1, 0.5) in rows
    assert ("A", "C", 0, 2, 0, 0.0) in rows
    assert ("A", "unknown:s-a3", 1, 2, 1, 0.5) in rows


def test_a_story_with_many_outlets_keeps_the_50_that_carry_most():
    arts = [(f"big{i:02d}", ["c1", "c2", "c3"]) for i in range(10)]          # 10 outlets carrying 3 claims
    arts += [(None, ["c1"]) for _ in range(300)]                              # 300 unknown outlets, 1 claim
    con = _db({"s": arts, "t": [("X", ["d1"]), ("Y", ["d1"])]})
    out = f"({_model_sql()})"
    assert con.execute(f"select count(*) from {out} where story_id = 's'").fetchone()[0] == 50 * 49 // 2
    kept = {r[0] for r in con.execute(f"select outlet_a from {out} where story_id = 's' union "
                                      f"select outlet_b from {out} where story_id = 's'").fetchall()}
    assert {f"big{i:02d}" for i in range(10)} <= kept and len(kept) == 50
    # counts of kept pairs are exact: two big outlets share all 3 claims
    assert con.execute(f"select shared_claims, jaccard from {out} where outlet_a = 'big00' and outlet_b = 'big01'"
                       ).fetchall() == [(3, 1.0)]
    assert con.execute(f"select shared_claims, claims_a, claims_b from {out} where story_id = 't'").fetchall() == [(1, 1, 1)]
