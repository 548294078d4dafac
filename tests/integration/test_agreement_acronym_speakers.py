"""A body named "Niagara Frontier Transportation Authority (NFTA)" in one outlet's quote and "NFTA" or its long
name alone in another's is one speaker for the quote groups (int_quote_edges); a different body is not.

Real story stage, real Parquet, real DuckDB and our SQL models, on hand-built quote rows (as in
test_agreement_sql)."""
from __future__ import annotations

import duckdb
import pytest

from tasks import parquet, stories
from tests.integration.test_agreement_sql import D1, _article, q, quote_only_db

LEAD = ("Buffalo's transit authority suspended all bus routes south of the city line on Tuesday as the lake-effect "
        "snowstorm dropped three feet of snow on the Southtowns. ")
SAID = "buses will return as soon as roads are safe for our operators and riders"
OTHER = "buses will return as soon as roads are safe for our drivers and riders"
SPEAKERS = {"n1": "Niagara Frontier Transportation Authority (NFTA)", "n2": "NFTA",
            "n3": "Niagara Frontier Transportation Authority", "n4": "Buffalo Bills"}


@pytest.fixture(scope="module")
def acr_db(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    root = tmp_path_factory.mktemp("agreement_acronym")
    processed = root / "processed"
    arts = [_article(aid, f"Outlet {aid}", "Snowstorm halts Southtowns bus routes",
                     LEAD + f"A spokesperson said “{SAID if aid != 'n4' else OTHER}.”", D1, f"d1/{aid}.txt")
            for aid in SPEAKERS]
    parquet.write_batch(processed, "b0", "d1", {"articles": arts}, "run-1")
    rows = stories.update_stories(processed, [a["article_id"] for a in arts], "run-1", False)
    parquet.write_batch(processed, "stories-run-1", "_corpus", rows, "run-1")
    quotes = []
    for a in arts:
        text = SAID if a["article_id"] != "n4" else OTHER
        pos = a["body"].find(text)
        quotes.append({"quote_id": f"{a['article_id']}-{pos}", "article_id": a["article_id"], "sentence_no": 0,
                       "start_char": pos, "end_char": pos + len(text), "text": text, "kind": "direct",
                       "speaker_text": "A spokesperson", "speaker_start": None, "speaker_end": None,
                       # each article's own entity: only the names can tell the speakers are one body
                       "speaker_entity_id": "E_" + a["article_id"], "speaker_name": SPEAKERS[a["article_id"]],
                       "cue": "said", "confidence": 0.9})
    con = quote_only_db(root, processed, arts, quotes)
    yield con
    con.close()


def test_a_body_and_its_acronym_are_one_speaker(acr_db):
    assert len({r[0] for r in q(acr_db, "select story_id from articles")}) == 1
    group = dict(q(acr_db, "select article_id, quote_group_id from quote_variants"))
    assert group["n1"] == group["n2"] == group["n3"]
    # the same words under another body's name stay apart
    assert group["n4"] != group["n1"]
