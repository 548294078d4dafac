"""The word, content, bigram, number and name lists the claims stage writes hold no duplicates: int_claim_scores and
claim_conflicts count shared items with list_filter + list_contains, which is the size of the intersection only for
lists without duplicates. (Checked here, on the writer, rather than by a data test: a list_distinct scan of every
claim_features row costs ~0.4 s per build of 845 articles, a third of an incremental build's SQL time.)"""
from __future__ import annotations

from pathlib import Path

from tasks.claims import records
from tasks.sentences import split_sentences
from tasks.settings import REPO_ROOT

SEEDS = REPO_ROOT / "data" / "raw" / "sample"
LISTS = ("words", "content", "bigrams", "numbers", "names")


def _rows(body: str) -> list[dict]:
    return records.claim_feature_rows({"a": [dict(s, article_id="a") for s in split_sentences(body)]})


def test_repeated_words_numbers_and_names_are_listed_once():
    body = ("The council said the council will raise taxes by 3 percent, 3 percent more than last year, the council "
            "said. Leeds and Leeds United said Leeds would pay 3 million, or 3 million more.")
    for r in _rows(body):
        for col in LISTS:
            assert len(r[col]) == len(set(r[col])), (col, r[col])


def test_the_seed_articles_have_no_duplicate_list_items():
    files = sorted(p for p in Path(SEEDS).glob("*") if p.is_file())
    assert files
    for p in files:
        for r in _rows(p.read_text(encoding="utf-8", errors="replace")):
            for col in LISTS:
                assert len(r[col]) == len(set(r[col])), (p.name, col)
