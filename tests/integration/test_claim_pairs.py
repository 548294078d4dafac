"""Claim matching (sql/agreement/int_claim_*.sql) measured on hand-labelled sentence pairs.

tests/fixtures/claim_pairs.tsv holds pairs of sentences from different outlets of one
story, labelled by hand: 1 = both state the same claim (at least one shared main
proposition: "the call lasted two hours", "Russia will work on a memorandum"), 0 = not.
Set ``seeds`` comes from the five seed articles; ``basil:<triplet>`` from BASIL triplets
(the same event reported by NYT, Fox and HuffPost; ../shared/eval/basil, skipped when absent).
A pair is predicted "same" when both sentences land in the same claim group. The matcher is
the same-claim model (tasks/claims/similarity.py, fitted on MSRP train only; these pairs are a
check, never training data) and favours precision: measured seeds P 1.0 R 0.28, BASIL P 0.80
R 0.21 (the lexical matcher before it, whose thresholds were chosen on these pairs: seeds P 0.77
R 0.39, BASIL P 1.0 R 0.58). Pairs with a sentence that is not a statement (a heading, question,
caption ...) are left out: those are never claims. The floors sit below the measured values, so
they catch regressions, not noise.
"""
from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_report import seeds_warehouse_path  # noqa: E402

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "claim_pairs.tsv"


def labelled_pairs(prefix: str) -> list[tuple[int, str, str]]:
    with PAIRS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(int(r["label"]), r["text_a"], r["text_b"]) for r in rows if r["set"].startswith(prefix)]


def is_statement(con: duckdb.DuckDBPyConnection, text: str) -> bool:
    """False when the sentence exists but is not a statement (claim_features.claim_kind)."""
    kinds = con.execute("""select f.claim_kind from sentences as s join claim_features as f using (article_id, sentence_no)
                           where s.text = ?""", [text]).fetchall()
    return not kinds or any(k == "statement" for (k,) in kinds)


def precision_recall(db: Path, pairs: list[tuple[int, str, str]]) -> tuple[float, float, int]:
    """Pairwise precision / recall of "same claim group"; also returns how many pairs were not found."""
    con = duckdb.connect(str(db), read_only=True)
    tp = fp = fn = missing = 0
    try:
        for label, a, b in pairs:
            if not (is_statement(con, a) and is_statement(con, b)):
                continue        # a heading, question, caption, byline or teaser is never a claim
            ka = con.execute("select sentence_key, article_id from int_claim_tokens where text = ?", [a]).fetchall()
            kb = con.execute("select sentence_key, article_id from int_claim_tokens where text = ?", [b]).fetchall()
            combos = [(x[0], y[0]) for x in ka for y in kb if x[1] != y[1]]
            if not combos:
                missing += 1
                continue
            same = con.execute("select count(distinct claim_id) = 1 from int_claim_groups where sentence_key in (?, ?)",
                               list(combos[0])).fetchone()[0]
            tp += same and label == 1
            fp += same and label == 0
            fn += (not same) and label == 1
    finally:
        con.close()
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), missing


def test_fixture_is_balanced_enough():
    seeds, basil = labelled_pairs("seeds"), labelled_pairs("basil")
    assert len(seeds) >= 50 and len(basil) >= 30
    for pairs in (seeds, basil):
        n_pos = sum(label for label, _, _ in pairs)
        assert 0.25 * len(pairs) <= n_pos <= 0.75 * len(pairs)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, prefect_harness) -> Path:
    return seeds_warehouse_path(tmp_path_factory)


def test_claim_pairs_on_seeds(seeds_db):
    precision, recall, missing = precision_recall(seeds_db, labelled_pairs("seeds"))
    assert missing <= 5, "seed sentences changed: relabel tests/fixtures/claim_pairs.tsv"
    assert precision >= 0.9 and recall >= 0.2, (precision, recall)


def test_seeds_have_multi_outlet_claims(seeds_db):
    con = duckdb.connect(str(seeds_db), read_only=True)
    try:
        n, n_exclusive, biggest = con.execute(
            "select count(*), count(*) filter (exclusive), max(n_sentences) from claim_agreement").fetchone()
        vatican = con.execute("select n_outlets from claim_agreement where text ilike '%Vatican%'").fetchall()
        # Kiev and Kyiv are one term: the entity id replaces the surface word
        kiev = con.execute("""select list_distinct(flatten(list(t.words)))
                              from int_claim_tokens as t
                              where t.text like '%Kiev%' or t.text like '%Kyiv%'""").fetchone()[0]
        ids = con.execute("select distinct entity_id from entity_mentions where text in ('Kiev', 'Kyiv')").fetchall()
    finally:
        con.close()
    assert n - n_exclusive >= 5 and n_exclusive < 0.95 * n      # 7 of 93 (3 of 113 with exact word overlap)
    assert biggest <= 2 * 5                                        # no chained blob over the 5 articles
    # the two Vatican sentences ("Pope Leo XIV and the Vatican are very interested in hosting the peace
    # talks" / "the Vatican ... would be very interested in hosting the negotiations") score 0.27 with
    # the MSRP-calibrated model: a known recall loss, not asserted either way
    assert vatican
    assert len(ids) == 1 and "e:" + ids[0][0] in kiev and "kiev" not in kiev and "kyiv" not in kiev


@pytest.fixture(scope="module")
def basil_db(tmp_path_factory, prefect_harness, gold_dir) -> Path:
    """A real nightly run over the BASIL triplets the labelled pairs come from."""
    from flows.nightly import run_nightly
    from tasks.settings import Settings

    triplets = {r.split(":", 1)[1] for r in _sets() if r.startswith("basil:")}
    root = tmp_path_factory.mktemp("claims_basil")
    (root / "raw" / "basil").mkdir(parents=True)
    lines = []
    for path in sorted((gold_dir / "basil" / "articles").glob("*/*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        if d.get("triplet-uuid") in triplets:
            text = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
            lines.append(json.dumps({"id": d["uuid"], "title": d["title"], "outlet": d["source"],
                                     "published_at": d["date"], "text": text}))
    if not lines:
        pytest.skip("BASIL triplets of the labelled pairs not found")
    (root / "raw" / "basil" / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = Settings.from_env(env={}, raw_dir=root / "raw", processed_dir=root / "processed",
                                 warehouse=root / "warehouse.duckdb", runner="thread", n_process=1)
    run_nightly(settings)
    yield settings.warehouse
    shutil.rmtree(root, ignore_errors=True)


def _sets() -> set[str]:
    with PAIRS.open(encoding="utf-8", newline="") as fh:
        return {r["set"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


@pytest.mark.slow
def test_claim_pairs_on_basil(basil_db):
    precision, recall, missing = precision_recall(basil_db, labelled_pairs("basil"))
    assert missing <= 5
    assert precision >= 0.7 and recall >= 0.15, (precision, recall)
