"""claim_conflicts, negation: a negation on one side is a conflict only when the other side states what it
negates ("has not confirmed" against "has confirmed"), not when the negation governs something the other
side does not say ("the lone 'no' vote" against "the lone opposition")."""
from pathlib import Path

import duckdb

from tasks.settings import SQL_DIR
from tasks.warehouse.models import load_models
from tasks.warehouse.render import _strip_sql, render_incremental


def _conflicts(text_a: str, text_b: str, negation: int = 1, denial: int = 0) -> list[tuple]:
    model = next(m for m in load_models(Path(SQL_DIR)) if m.name == "claim_conflicts")
    con = duckdb.connect()
    con.execute("create table int_claim_tokens (sentence_key varchar, story_id varchar, article_id varchar, "
                "sentence_no integer, outlet varchar, syndication_group_id varchar, text varchar)")
    con.execute("insert into int_claim_tokens values ('a', 's', 'A', 0, 'Outlet A', 'gA', ?), "
                "('b', 's', 'B', 0, 'Outlet B', 'gB', ?)", [text_a, text_b])
    con.execute("create table int_claim_groups (sentence_key varchar, story_id varchar, claim_id varchar)")
    con.execute("insert into int_claim_groups values ('a', 's', 'cl_a'), ('b', 's', 'cl_b')")
    con.execute("create table int_claim_scores as select 's' as story_id, 'a' as a_key, 'b' as b_key, false as same, "
                f"true as topic_same, 0 as number_mismatch, {negation} as negation_xor, {denial} as denial_xor, "
                "0.8 as topic_probability")
    con.execute("create table int_fact_intervals (story_id varchar, article_id varchar, sentence_no integer, "
                "kind varchar, unit varchar, about varchar, value double, qualifier varchar, lo double, hi double)")
    return con.execute(f"select kind, text_a, text_b from ({_strip_sql(render_incremental(model.sql))})").fetchall()


def test_negation_of_what_the_other_side_states_is_a_conflict():
    rows = _conflicts("The city council has confirmed that the market will reopen next week.",
                      "The city council has not confirmed that the market will reopen next week.")
    assert [r[0] for r in rows] == ["negation"]


def test_negation_of_something_else_is_not_a_conflict():
    assert _conflicts("Senate Minority Leader Harry Reid was the lone opposition.",
                      "The lone “no” vote in the Senate was Senate Minority Leader Harry Reid.") == []
    assert _conflicts("Steele is expected to announce a decision about another run for the chairmanship.",
                      "Steele is expected to announce that he will not seek a second term as chairman.") == []


def test_denial_conflicts_only_on_what_is_denied():
    rows = _conflicts("The Kremlin said the meeting took place in Moscow on Monday.",
                      "The Kremlin denied that the meeting took place in Moscow on Monday.", negation=0, denial=1)
    assert [r[0] for r in rows] == ["denial"]
    assert _conflicts("Hunter was indicted on charges of improperly using campaign funds for private use.",
                      "Hunter was indicted on charges of converting campaign funds and filing false records.",
                      negation=0, denial=1) == []


def test_the_interval_of_a_value_is_defined_once():
    """A number conflict and a fact conflict mean the same thing: incompatible intervals, both read from
    int_fact_intervals; no other model computes an interval of its own."""
    models = {p.stem: p.read_text(encoding="utf-8") for p in Path(SQL_DIR).rglob("*.sql")}
    assert [name for name, sql in models.items() if "end as hi" in sql] == ["int_fact_intervals"]
    assert all("int_fact_intervals" in models[name] for name in ("fact_agreement", "claim_conflicts"))
