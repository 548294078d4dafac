"""Agreement SQL models on a small hand-built corpus: real story stage, real Parquet, real DuckDB.

The corpus (all hand-written):
- story "call": three outlets report a Putin-Trump phone call, each wording
  Putin's memorandum quote differently (one embeds it in a longer sentence);
- the same call also as one wire text reprinted (lightly edited) by three more
  outlets: one independent source;
- "call2": the same topic four months later (a different event, same quote
  wording on purpose): must be a separate story and no group may span both;
- "rehab": an unrelated story carried by two outlets.

Articles, story assignments and syndication go through the real pipeline
code (``tasks.stories`` + ``tasks.parquet``) and the lead's staging / articles
models; sentences, quotes and entity mentions are hand-built rows (what the
extractors would produce) loaded as tables, then our marts and agreement
models run in depends_on order, followed by their data tests.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import datetime, UTC
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from tasks import facts as fact_extraction, parquet, stories, warehouse
from tasks.claims import records as claim_records
from tasks.schemas import FACTS
from tasks.settings import SQL_DIR

OUR_MODELS = {
    "stg_articles", "stg_story_assignments", "stg_syndication", "articles", "stories", "syndication",
    "int_claim_stopwords", "int_quote_tokens", "int_quote_edges", "int_quote_groups", "quote_variants",
    "quote_agreement", "int_claim_tokens", "int_claim_weights", "int_claim_pairs", "int_claim_scores", "int_claim_edges", "int_claim_groups", "claim_agreement",
    "int_fact_intervals", "claim_conflicts",
    "outlet_agreement", "int_entity_coverage", "entity_coverage",
}
OUR_TESTS = ("assert_stories_", "assert_quote_", "assert_claim_", "assert_entity_coverage_",
             "assert_outlet_agreement_", "assert_syndication_")

D1 = datetime(2025, 5, 19, 12, tzinfo=UTC)
D2 = datetime(2025, 9, 22, 12, tzinfo=UTC)

Q_PUTIN_1 = ("Russia will propose and be ready to work with the Ukrainian side on a memorandum on a "
             "potential future peace agreement")
Q_PUTIN_2 = ("Russia will propose and is ready to work with the Ukrainian side on a memorandum on a "
             "possible future peace agreement")
Q_PUTIN_3 = ("We have agreed with the president of the United States that Russia will propose and is ready "
             "to work with the Ukrainian side on a memorandum on a possible future peace accord")
Q_TRUMP = "Russia and Ukraine will immediately start negotiations toward a ceasefire"

CALL_COMMON = (
    "Russian President Vladimir Putin spoke with U.S. President Donald Trump by telephone for two hours "
    "about the war in Ukraine. Putin said the talks with Kyiv resumed in Istanbul after a three-year pause. "
)

WIRE = (
    "Vladimir Putin and Donald Trump held a two-hour telephone call on the Ukraine war, the Kremlin said. "
    "The Kremlin said Moscow would draft a memorandum for Kyiv describing a possible peace settlement and "
    "ceasefire timelines. Ukrainian officials in Kyiv said they were studying the proposal before the next "
    "round of Istanbul talks. European leaders urged Washington to keep sanctions pressure on Moscow while "
    "the memorandum is drafted. Analysts in Brussels said the call marked the longest conversation between "
    "the two presidents since January and could revive the stalled Istanbul negotiations."
)


def _article(aid: str, outlet: str, title: str, body: str, published: datetime, path: str) -> dict:
    return {"article_id": aid, "drop_id": "d1", "source_path": path, "file_hash": "h" + aid, "outlet": outlet,
            "outlet_source": "metadata", "url": None, "title": title, "byline": None, "dateline": None,
            "published_at": published, "body": body, "n_words": len(body.split()), "n_paragraphs": 1,
            "ingested_at": published}


def corpus() -> list[dict]:
    return [
        _article("a1", "North Press", "Putin tells Trump Russia open to peace memorandum with Ukraine",
                 CALL_COMMON + f"Putin said: “{Q_PUTIN_1}.” Trump said: “{Q_TRUMP}.” "
                 "The Vatican offered to host the next round of talks between Russia and Ukraine.", D1, "d1/a1.txt"),
        _article("a2", "Kremlin Daily", "Putin hails useful call with Trump on Ukraine peace talks",
                 CALL_COMMON + f"“{Q_PUTIN_2},” Putin told reporters in Sochi after the call with Trump. "
                 "Kiev has not responded to the memorandum proposal yet.", D1, "d1/a2.txt"),
        _article("a3", "Daily Guardian", "After Putin call, Trump says ceasefire talks between Russia and Ukraine to begin",
                 CALL_COMMON + f"“{Q_PUTIN_3},” Putin told reporters near Sochi. Trump said: “{Q_TRUMP}.”",
                 D1, "d1/a3.txt"),
        _article("w1", "Outlet X", "Putin, Trump discuss Ukraine memorandum in two-hour call", WIRE, D1, "d1/w1.txt"),
        _article("w2", "Outlet Y", "Putin and Trump discuss Ukraine memorandum",
                 WIRE.replace("the Kremlin said.", "the Kremlin said on Monday."), D1, "d1/w2.txt"),
        _article("w3", "Outlet Z", "Putin, Trump talk Ukraine memorandum",
                 WIRE.replace("European leaders", "EU leaders"), D1, "d1/w3.txt"),
        _article("b1", "North Press", "Putin and Trump speak again as new talks on Ukraine stall",
                 CALL_COMMON.replace("resumed in Istanbul after a three-year pause", "stalled again in Geneva") +
                 f"Putin repeated: “{Q_PUTIN_1}.” Officials said a new prisoner exchange was agreed in Geneva.",
                 D2, "d2/b1.txt"),
        _article("r1", "Showbiz Now", "Pop singer Mara Quill enters rehab after Malibu arrest",
                 "Pop singer Mara Quill checked into a rehabilitation clinic in Malibu after her arrest for "
                 "driving under the influence, her publicist Dana Holt said. Quill cancelled three concerts of "
                 "her Lantern tour. Holt said the singer asked fans for privacy during her treatment.",
                 D1, "d1/r1.txt"),
        _article("r2", "Celebrity Wire", "Mara Quill checks into Malibu rehab clinic, cancels Lantern tour dates",
                 "Mara Quill has entered a rehab clinic in Malibu days after police arrested the singer for "
                 "driving under the influence. Publicist Dana Holt said Quill cancelled three concerts on the "
                 "Lantern tour and asked fans for privacy.", D1, "d1/r2.txt"),
    ]


def split(body: str) -> list[dict]:
    """Hand-built sentence rows (what the sentence splitter would give on these simple texts)."""
    out = []
    for i, m in enumerate(re.finditer(r"[^.”]+(?:[.”]+|$)\s*", body)):
        text = m.group(0).strip()
        if text:
            start = body.index(text, m.start())
            out.append({"sentence_no": i, "paragraph_no": 0, "start_char": start,
                        "end_char": start + len(text), "text": text})
    return out


def quotes_of(a: dict) -> list[dict]:
    out = []
    for text, speaker in ((Q_PUTIN_1, "Vladimir Putin"), (Q_PUTIN_2, "Vladimir Putin"),
                          (Q_PUTIN_3, "Vladimir Putin"), (Q_TRUMP, "Donald Trump")):
        pos = a["body"].find(text)
        if pos >= 0:
            out.append({"quote_id": f"{a['article_id']}-{pos}", "article_id": a["article_id"], "sentence_no": 0,
                        "start_char": pos, "end_char": pos + len(text), "text": text, "kind": "direct",
                        "speaker_text": speaker.split()[-1], "speaker_start": None, "speaker_end": None,
                        "speaker_entity_id": "E_" + speaker.split()[-1].lower(), "speaker_name": speaker,
                        "cue": "said", "confidence": 0.9})
    return out


def mentions_of(a: dict) -> list[dict]:
    out = []
    for form, eid, label in (("Kyiv", "E_kyiv", "GPE"), ("Kiev", "E_kyiv", "GPE"), ("Putin", "E_putin", "PERSON"),
                             ("Mara Quill", "E_quill", "PERSON")):
        for m in re.finditer(re.escape(form), a["body"]):
            out.append({"article_id": a["article_id"], "sentence_no": 0, "start_char": m.start(),
                        "end_char": m.end(), "text": form, "label": label, "entity_id": eid,
                        "entity_key": eid.lower(), "entity_name": form})
    return out


def run_our_models(con: duckdb.DuckDBPyConnection, processed: Path) -> None:
    models = [m for m in warehouse.load_models(SQL_DIR) if m.name in OUR_MODELS]
    names = {m.name for m in models}
    models = [dataclasses.replace(m, depends_on=[d for d in m.depends_on if d in names]) for m in models]
    warehouse.run_models(con, models, processed)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    root = tmp_path_factory.mktemp("agreement")
    processed = root / "processed"
    arts = corpus()
    parquet.write_batch(processed, "b0", "d1", {"articles": arts}, "run-1")
    rows = stories.update_stories(processed, [a["article_id"] for a in arts], "run-1", False)
    parquet.write_batch(processed, "stories-run-1", "_corpus", rows, "run-1")

    con = duckdb.connect(str(root / "w.duckdb"))
    sentences = [{"article_id": a["article_id"], **s} for a in arts for s in split(a["body"])]
    quotes = [q for a in arts for q in quotes_of(a)]
    mentions = [m for a in arts for m in mentions_of(a)]
    features = claim_records.claim_feature_rows({a["article_id"]: split(a["body"]) for a in arts})
    entities = [{"entity_id": "E_kyiv", "name": "Kyiv", "label": "GPE"},
                {"entity_id": "E_putin", "name": "Vladimir Putin", "label": "PERSON"},
                {"entity_id": "E_quill", "name": "Mara Quill", "label": "PERSON"}]
    facts = [f for a in arts for f in fact_extraction.extract_facts(a, split(a["body"]), [])]
    for name, rows_ in (("sentences", sentences), ("claim_features", features), ("facts", facts), ("quotes", quotes), ("entity_mentions", mentions),
                        ("entities", entities)):
        tbl = pa.Table.from_pylist(rows_)  # noqa: F841 - read by DuckDB's replacement scan
        con.execute(f"create table {name} as select * from tbl")
    run_our_models(con, processed)
    yield con
    con.close()


def q(con, sql, params=None):
    return con.execute(sql, params or []).fetchall()


def test_stories_and_syndication(db):
    story = dict(q(db, "select article_id, story_id from articles"))
    assert story["a1"] == story["a2"] == story["a3"] == story["w1"] == story["w2"] == story["w3"]
    assert story["b1"] != story["a1"]              # same topic, different event
    assert story["r1"] == story["r2"] != story["a1"]
    groups = dict(q(db, "select article_id, syndication_group_id from syndication"))
    assert groups["w1"] == groups["w2"] == groups["w3"]
    assert len({groups[x] for x in ("a1", "a2", "a3", "w1")}) == 4
    n_articles, n_outlets, n_sources, title = q(
        db, "select n_articles, n_outlets, n_sources, title from stories where story_id = ?", [story["a1"]])[0]
    assert (n_articles, n_outlets, n_sources) == (6, 6, 4)   # 3 reprints of the wire = 1 independent source
    assert title


def test_quote_agreement_groups_reworded_quote(db):
    rows = q(db, """select story_id, n_outlets, n_articles, n_sources, verbatim, n_variants, min_similarity, outlets
                    from quote_agreement where canonical_text ilike '%memorandum%'""")
    story_a1 = q(db, "select story_id from articles where article_id = 'a1'")[0][0]
    main = [r for r in rows if r[0] == story_a1]
    assert len(main) == 1, rows
    _, n_outlets, n_articles, n_sources, verbatim, n_variants, min_sim, outlets = main[0]
    assert n_outlets == 3 and n_articles == 3 and n_sources == 3 and n_variants == 3
    assert outlets == ["Daily Guardian", "Kremlin Daily", "North Press"]
    assert verbatim is False and 0.7 <= min_sim < 1.0
    # the later event's identical wording is its own group in its own story
    assert len(rows) == 2
    trump = q(db, "select n_outlets, verbatim, speaker_name from quote_agreement where canonical_text = ?", [Q_TRUMP])
    assert trump == [(2, True, "Donald Trump")]


def test_quote_variants_cover_every_quote(db):
    assert q(db, "select count(*) from quote_variants")[0][0] == q(db, "select count(*) from quotes")[0][0]
    assert q(db, "select count(*) from quote_variants where is_canonical")[0][0] == \
        q(db, "select count(*) from quote_agreement")[0][0]


def test_claim_agreement(db):
    story_a1 = q(db, "select story_id from articles where article_id = 'a1'")[0][0]
    vatican = q(db, "select n_outlets, exclusive, support_share from claim_agreement where text ilike '%Vatican%'")
    assert vatican == [(1, True, pytest.approx(1 / 6))]
    common = q(db, """select n_outlets, n_sources, support_share, exclusive from claim_agreement
                      where story_id = ? and text ilike '%resumed in Istanbul%'""", [story_a1])
    assert common == [(3, 3, 0.5, False)]
    wire = q(db, """select n_outlets, n_sources from claim_agreement
                    where story_id = ? and text ilike '%European leaders%' or text ilike '%EU leaders%'""", [story_a1])
    assert wire == [(3, 1)]     # three outlets, one independent source


def test_outlet_agreement(db):
    rows = q(db, """select outlet_a, outlet_b, shared_claims, jaccard from outlet_agreement
                    where outlet_a = 'Outlet X' and outlet_b = 'Outlet Y'""")
    assert len(rows) == 1 and rows[0][2] >= 5 and rows[0][3] > 0.8
    assert q(db, "select count(*) from outlet_agreement where outlet_a >= outlet_b")[0][0] == 0
    rows = q(db, "select shared_claims, jaccard from outlet_agreement where outlet_a = 'Daily Guardian' "
                 "and outlet_b = 'Outlet X'")
    assert rows and rows[0][1] < 0.5


def test_entity_coverage_surface_forms(db):
    story_a1 = q(db, "select story_id from articles where article_id = 'a1'")[0][0]
    (n_outlets, forms, share, name), = q(db, """select n_outlets, surface_forms, outlet_share, name
                                         from entity_coverage where story_id = ? and entity_id = 'E_kyiv'""",
                                         [story_a1])
    by_outlet = {f["outlet"]: f["forms"] for f in forms}
    assert by_outlet["Kremlin Daily"] == ["Kiev", "Kyiv"] and by_outlet["North Press"] == ["Kyiv"]
    assert n_outlets == 6 and share == 1.0 and name == "Kyiv"


def test_data_tests_pass(db):
    failures = {}
    for p in sorted((SQL_DIR / "tests").glob("assert_*.sql")):
        if p.name.startswith(OUR_TESTS):
            rows = db.execute(p.read_text()).fetchall()
            if rows:
                failures[p.stem] = rows[:3]
    assert not failures


def test_data_tests_catch_a_cross_story_group(db):
    """The invariant tests are not vacuous: corrupt a copy of quote_variants and one must fail."""
    db.execute("create temp table qv_backup as select * from quote_variants")
    try:
        db.execute("""update quote_variants set story_id = (select max(story_id) from articles)
                      where quote_id = (select min(quote_id) from quote_variants where outlet = 'North Press')""")
        sql = (SQL_DIR / "tests" / "assert_quote_groups_within_story.sql").read_text()
        assert db.execute(sql).fetchall()
    finally:
        db.execute("delete from quote_variants")
        db.execute("insert into quote_variants select * from qv_backup")


# Regression (PolNeAR train, assert_quote_agreement_counts "counts differ"): two short fragments quoted
# by one outlet are both contained in a longer indirect rendering printed by another, so transitive
# chaining put "women's card big league" in the group whose canonical wording is the "weak like a
# baby" passage, with which it shares no word (min_similarity 0).
FRAG_CARD = "women's card big league"
FRAG_BABY = "weak like a baby"
LONG_BOTH = "Clinton is playing the women's card big league and said that Rubio is weak like a baby"
LONG_BABY = ("weak on illegal immigration, you know that. Weak - Rubio - weak on illegal immigration. "
             "Like weak like a baby")
RALLY = ("Donald Trump told a rally in Florida on Saturday that his rivals for the Republican nomination "
         "were failing. ")


def quote_only_db(root: Path, processed: Path, arts: list[dict], quotes: list[dict]) -> duckdb.DuckDBPyConnection:
    """A warehouse of ``arts`` (already written to ``processed`` with their stories) with hand-built ``quotes``, the
    splitter-like sentences, their claim features and facts and no entity mentions, our models built on it."""
    con = duckdb.connect(str(root / "w.duckdb"))
    sentences = [{"article_id": a["article_id"], **s} for a in arts for s in split(a["body"])]
    empty_mentions = pa.table({"article_id": pa.array([], pa.string()), "sentence_no": pa.array([], pa.int64()),
                               "start_char": pa.array([], pa.int64()), "end_char": pa.array([], pa.int64()),
                               "text": pa.array([], pa.string()), "label": pa.array([], pa.string()),
                               "entity_id": pa.array([], pa.string()), "entity_key": pa.array([], pa.string()),
                               "entity_name": pa.array([], pa.string())})
    features = claim_records.claim_feature_rows({a["article_id"]: split(a["body"]) for a in arts})
    for name, tbl in (("sentences", pa.Table.from_pylist(sentences)), ("quotes", pa.Table.from_pylist(quotes)),
                      ("claim_features", pa.Table.from_pylist(features)), ("entity_mentions", empty_mentions),
                      ("facts", pa.Table.from_pylist(
                          [f for a in arts for f in fact_extraction.extract_facts(a, split(a["body"]), [])],
                          schema=pa.schema([f for f in FACTS if f.name not in ("run_id", "pipeline_version")]))),
                      ("entities", pa.table({"entity_id": pa.array([], pa.string()),
                                             "name": pa.array([], pa.string()),
                                             "label": pa.array([], pa.string())}))):
        con.register("tbl", tbl)
        con.execute(f"create table {name} as select * from tbl")
        con.unregister("tbl")
    run_our_models(con, processed)
    return con


@pytest.fixture(scope="module")
def chain_db(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    root = tmp_path_factory.mktemp("agreement_chain")
    processed = root / "processed"
    arts = [
        _article("c1", "Outlet One", "Trump mocks Clinton and Rubio at Florida rally",
                 RALLY + f"He said Clinton was playing the “{FRAG_CARD}” and called Rubio “{FRAG_BABY}.”",
                 D1, "d1/c1.txt"),
        _article("c2", "Outlet Two", "Trump mocks Clinton and Rubio at a Florida rally",
                 RALLY + f"Trump said that {LONG_BOTH}. He added: “{LONG_BABY}.”", D1, "d1/c2.txt"),
    ]
    parquet.write_batch(processed, "b0", "d1", {"articles": arts}, "run-1")
    rows = stories.update_stories(processed, [a["article_id"] for a in arts], "run-1", False)
    parquet.write_batch(processed, "stories-run-1", "_corpus", rows, "run-1")
    quotes = []
    printed = {"c1": ((FRAG_CARD, "partial"), (FRAG_BABY, "partial")),
               "c2": ((LONG_BOTH, "indirect"), (LONG_BABY, "direct"))}
    for a in arts:
        for text, kind in printed[a["article_id"]]:
            pos = a["body"].find(text)
            if pos >= 0:
                quotes.append({"quote_id": f"{a['article_id']}-{pos}", "article_id": a["article_id"],
                               "sentence_no": 0, "start_char": pos, "end_char": pos + len(text), "text": text,
                               "kind": kind, "speaker_text": "Trump", "speaker_start": None, "speaker_end": None,
                               "speaker_entity_id": "E_trump", "speaker_name": "Donald Trump", "cue": "said",
                               "confidence": 0.9})
    assert len(quotes) == 4
    con = quote_only_db(root, processed, arts, quotes)
    yield con
    con.close()


def test_chained_fragments_do_not_share_a_group(chain_db):
    assert len({r[0] for r in q(chain_db, "select story_id from articles")}) == 1
    groups = dict(q(chain_db, "select text, quote_group_id from quote_variants"))
    # the fragment and the long sentence containing it still group; the disjoint fragment does not
    # join the group of the canonical "weak like a baby" passage
    assert groups[FRAG_BABY] == groups[LONG_BABY] == groups[LONG_BOTH]
    assert groups[FRAG_CARD] != groups[LONG_BABY]
    assert q(chain_db, "select min(min_similarity) from quote_agreement")[0][0] > 0
    sql = (SQL_DIR / "tests" / "assert_quote_agreement_counts.sql").read_text()
    assert chain_db.execute(sql).fetchall() == []
