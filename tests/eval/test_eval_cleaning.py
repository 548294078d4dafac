"""Cleaning of crawled pages against the hand labels (skips when the gold data is absent)."""
from __future__ import annotations

from tasks.evaluation import cleaning_crawls


def test_labels_cover_every_crawl_line(gold_dir):
    labels = cleaning_crawls.load_labels()
    crawls = sorted(p.name for p in (gold_dir / "crawls").glob("*.md"))
    assert sorted(labels) == crawls
    assert set().union(*(set(v.values()) for v in labels.values())) <= {"body", "heading", "junk"}


def test_crawl_cleaning_targets(gold_dir):
    rows = {r["metric"]: r for r in cleaning_crawls.evaluate(gold_dir, None)}
    assert rows["body_lines_kept"]["f1"] >= 0.98, rows["body_lines_kept"]
    assert rows["clean_sentences"]["f1"] >= 0.98, rows["clean_sentences"]
    assert rows["outlet_known"]["f1"] == 1.0 and rows["date_right"]["f1"] == 1.0
    assert rows["body_lines"]["precision"] >= 0.9
    if "seeds_clean" in rows:
        assert rows["seeds_clean"]["f1"] == 1.0
