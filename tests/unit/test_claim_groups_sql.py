"""int_claim_groups: a claim group holds at most one sentence of an article. A chain through two different
statements of one article (outlet B's long sentence matches A's "the call was useful" and C's "a memorandum
will be drafted", and A's other sentence matches C's) must not put both of A's statements in one group: the
article keeps the sentence with the strongest matches and the other leaves as a group of its own."""
from pathlib import Path

import duckdb

from tasks.settings import SQL_DIR
from tasks.warehouse.models import load_models
from tasks.warehouse.render import _strip_sql, render_incremental


def _model_sql() -> str:
    model = next(m for m in load_models(Path(SQL_DIR)) if m.name == "int_claim_groups")
    return _strip_sql(render_incremental(model.sql))


def _groups(sentences: dict[str, str], edges: list[tuple[str, str, float]]) -> list[set[str]]:
    """sentences: sentence_key -> article_id (one story); edges: undirected matches with their probability."""
    con = duckdb.connect()
    con.execute("create table int_claim_tokens (sentence_key varchar, story_id varchar, article_id varchar)")
    con.execute("create table int_claim_edges (story_id varchar, src varchar, dst varchar, probability double)")
    for key, art in sentences.items():
        con.execute("insert into int_claim_tokens values (?, 's1', ?)", [key, art])
    for a, b, p in edges:
        con.execute("insert into int_claim_edges values ('s1', ?, ?, ?), ('s1', ?, ?, ?)", [a, b, p, b, a, p])
    by_claim: dict[str, set[str]] = {}
    for key, claim in con.execute(f"select sentence_key, claim_id from ({_model_sql()})").fetchall():
        by_claim.setdefault(claim, set()).add(key)
    return sorted(by_claim.values(), key=lambda g: (-len(g), sorted(g)))


def test_chain_through_two_statements_of_one_article_is_cut():
    sentences = {"a_useful": "A", "a_memo": "A", "b_both": "B", "c_memo": "C", "d_memo": "D"}
    edges = [("b_both", "a_useful", 0.54), ("a_memo", "c_memo", 0.62), ("c_memo", "d_memo", 0.70),
             ("b_both", "d_memo", 0.56)]
    groups = _groups(sentences, edges)
    assert groups[0] == {"a_memo", "c_memo", "d_memo", "b_both"}
    assert {"a_useful"} in groups                       # the weaker statement of A stands alone


def test_groups_are_connected_components_when_each_article_has_one_sentence():
    sentences = {"a1": "A", "b1": "B", "c1": "C", "a2": "A", "b2": "B"}
    groups = _groups(sentences, [("a1", "b1", 0.6), ("b1", "c1", 0.6), ("a2", "b2", 0.9)])
    assert groups == [{"a1", "b1", "c1"}, {"a2", "b2"}]
    assert all(len({s[0] for s in g}) == len(g) for g in groups)


def test_an_unmatched_sentence_is_a_group_alone():
    assert _groups({"a1": "A", "b1": "B"}, []) == [{"a1"}, {"b1"}]
