"""BASIL story clustering: B-cubed F1 against the triplets (skips when the gold data is absent)."""
from __future__ import annotations

from tasks.evaluation import stories_basil


def test_basil_bcubed(gold_dir):
    rows = stories_basil.evaluate(gold_dir, None)
    (row,) = rows
    assert row["n"] == 300
    assert row["f1"] >= 0.95, row
