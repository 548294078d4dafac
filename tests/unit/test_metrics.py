"""Shared evaluation metrics on tiny handmade cases."""
from __future__ import annotations

import pytest

from tasks.evaluation.metrics import bcubed, match_exact, match_overlap, per_label_prf, prf, span_prf


def test_prf_basic():
    r = prf(3, 1, 2)
    assert r["precision"] == pytest.approx(0.75)
    assert r["recall"] == pytest.approx(0.6)
    assert r["f1"] == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_prf_empty_denominators():
    assert prf(0, 0, 5)["precision"] == 0.0 and prf(0, 0, 5)["f1"] == 0.0
    assert prf(0, 4, 0)["recall"] == 0.0
    assert prf(0, 0, 0)["f1"] == 1.0


def test_exact_match_respects_labels_and_duplicates():
    gold = [(0, 5, "PER"), (10, 15, "LOC")]
    pred = [(0, 5, "PER"), (0, 5, "PER"), (10, 15, "ORG")]
    assert match_exact(gold, pred) == (1, 2, 1)
    assert match_exact(gold, pred, labels=False) == (2, 1, 0)


def test_overlap_match_is_one_to_one():
    gold = [(0, 10, "PER")]
    pred = [(0, 4, "PER"), (3, 10, "PER")]
    assert match_overlap(gold, pred) == (1, 1, 0)
    assert match_overlap([(0, 3, "PER")], [(3, 6, "PER")]) == (0, 1, 1)  # touching is not overlapping


def test_span_prf_and_per_label():
    gold = [(0, 5, "PER"), (10, 15, "LOC")]
    pred = [(0, 5, "PER"), (11, 15, "LOC")]
    assert span_prf(gold, pred)["f1"] == pytest.approx(0.5)
    assert span_prf(gold, pred, mode="overlap")["f1"] == pytest.approx(1.0)
    per = per_label_prf(gold, pred)
    assert per["PER"]["f1"] == 1.0 and per["LOC"]["f1"] == 0.0
    with pytest.raises(ValueError):
        span_prf(gold, pred, mode="fuzzy")


def test_bcubed_perfect_and_lumped():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed(gold, {"a": "x", "b": "x", "c": "y", "d": "y"})["f1"] == pytest.approx(1.0)
    lumped = bcubed(gold, {"a": "x", "b": "x", "c": "x", "d": "x"})
    assert lumped["recall"] == pytest.approx(1.0)
    assert lumped["precision"] == pytest.approx(0.5)
    split = bcubed(gold, {"a": 1, "b": 2, "c": 3, "d": 4})
    assert split["precision"] == pytest.approx(1.0) and split["recall"] == pytest.approx(0.5)
