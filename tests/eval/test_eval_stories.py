"""Story clustering: B-cubed F1 against BASIL triplets (as given and with every date removed) and ECB+
subtopics (skips when the gold data is absent)."""
from __future__ import annotations

import pytest

from tasks.evaluation import stories_basil, stories_ecbplus


def test_basil_bcubed(gold_dir):
    dated, undated = stories_basil.evaluate(gold_dir, None)
    assert dated["n"] == undated["n"] == 300
    assert dated["f1"] >= 0.97, dated
    assert undated["f1"] >= 0.90, undated        # measured 0.906 (target 0.93 not reached yet); was 0.896


def test_ecbplus_bcubed(gold_dir):
    if not (gold_dir / stories_ecbplus.GOLD_FILE).exists():
        pytest.skip("no ECB+ gold file")
    (row,) = stories_ecbplus.evaluate(gold_dir, None)
    assert row["n"] >= 490
    assert row["f1"] >= 0.86, row                # measured 0.866 (target 0.92 not reached yet); was 0.852


def test_polnear_undated_campaign_news_does_not_chain(gold_dir):
    """840 undated articles of one campaign: stories must be events, not the topic (the old model made one of 381)."""
    prof = stories_basil.polnear_story_sizes(gold_dir)
    assert prof["n"] >= 800
    assert prof["over_20"] == 0, prof["largest"]
    assert prof["largest"] <= 0.02 * prof["n"], prof["top_titles"][0]
