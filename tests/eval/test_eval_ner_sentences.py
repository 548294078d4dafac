"""Sentence and NER evaluations on a small subset of the gold sets (skip cleanly without ../shared/eval).

The thresholds here are floors for a small subset (well below the full-set targets reported by
``python -m tasks.evaluation.sentences_gum`` / ``python -m tasks.evaluation.ner_conll``), so that a
broken splitter or entity stage fails the suite without making it slow.
"""
from __future__ import annotations

import pytest

from tasks.evaluation import ner_conll, sentences_gum

pytestmark = pytest.mark.eval


def _rows(rows):
    return {r["metric"]: r for r in rows}


def test_gum_sentences_and_entities_subset(gold_dir):
    if not (gold_dir / "gum_news").is_dir():
        pytest.skip("gum_news gold not available")
    rows = _rows(sentences_gum.evaluate(gold_dir, None, limit=6))
    assert rows["sentence_end"]["n"] > 50
    assert rows["sentence_end"]["f1"] >= 0.93
    assert rows["sentence_end_internal"]["f1"] >= 0.85
    assert rows["ner_overlap"]["f1"] >= rows["ner_exact"]["f1"]
    assert rows["ner_exact"]["f1"] >= 0.45


def test_conll_subset(gold_dir):
    if not (gold_dir / "conll2003" / "eng.testa").is_file():
        pytest.skip("conll2003 gold not available")
    rows = _rows(ner_conll.evaluate(gold_dir, None, limit=40))
    assert rows["exact_micro"]["n"] > 300
    assert rows["exact_micro"]["f1"] >= 0.65
    for t in ("PER", "ORG", "LOC"):
        assert 0.0 <= rows[f"exact_{t}"]["f1"] <= 1.0


def test_conll_reader_decodes_iob1(gold_dir):
    if not (gold_dir / "conll2003" / "eng.testa").is_file():
        pytest.skip("conll2003 gold not available")
    docs = ner_conll.read_conll(gold_dir / "conll2003" / "eng.testa", limit=3)
    first = docs[0]
    texts = [(first["text"][s:e], t) for s, e, t in first["entities"]]
    # "West Indian" is MISC (dropped); "Phil Simmons" is one PER made of two I-PER tokens
    assert ("Phil Simmons", "PER") in texts
    assert ("LEICESTERSHIRE", "ORG") in texts
    assert all(t in ("PER", "ORG", "LOC") for _, t in texts)
