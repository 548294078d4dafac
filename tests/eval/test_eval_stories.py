"""BASIL story clustering: B-cubed F1 against the triplets (skips when the gold data is absent)."""
from __future__ import annotations

from tasks.evaluation import stories_basil


def test_basil_bcubed(gold_dir):
    rows = stories_basil.evaluate(gold_dir, None)
    (row,) = rows
    assert row["n"] == 300
    assert row["f1"] >= 0.95, row


def test_polnear_undated_campaign_news_does_not_chain(gold_dir):
    """840 undated articles of one campaign: stories must be events, not the topic (the old model made one of 381)."""
    prof = stories_basil.polnear_story_sizes(gold_dir)
    assert prof["n"] >= 800
    assert prof["over_20"] == 0, prof["largest"]
    assert prof["largest"] <= 0.02 * prof["n"], prof["top_titles"][0]
