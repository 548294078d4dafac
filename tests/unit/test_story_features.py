"""Story features computed by the extraction workers (table story_features) and the compact story index.

Real extraction (spaCy), real Parquet, real index files: the features path must give exactly the rows the
text path gives, whatever mix of the two a processed dir holds, in one chunk or many.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest

from bench.synth import build_pool, generate, source_texts
from tasks import batches, ingest, parquet, stories
from tasks.settings import DEFAULT_MODEL


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """A processed dir written the way the flow writes it: synthetic story clusters (with wire copies) plus the
    seed articles, read, cleaned and extracted by the worker function, finalised and committed per batch."""
    root = tmp_path_factory.mktemp("features")
    raw = root / "raw"
    texts, origin = source_texts("seeds")
    generate(90, 5, raw, n_drops=3, pool=build_pool(texts, origin))
    shutil.copytree(Path(__file__).resolve().parents[2] / "data" / "raw" / "sample", raw / "sample")
    processed = root / "processed"
    known: dict[str, str] = {}
    for i, files in enumerate(batches.plan_batches(ingest.discover(raw), 40)):
        result = batches.process_files(raw, files, DEFAULT_MODEL)
        outcome = batches.finalise_batch(result, files, known)
        parquet.write_batch(processed, f"b{i:03d}", files[0].drop_id, outcome.tables, "r1")
    return processed


def _copy(src: Path, dst: Path, drop_tables: tuple[str, ...] = ()) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(stories.INDEX_DIR))
    for t in drop_tables:
        shutil.rmtree(dst / t, ignore_errors=True)
    return dst


def _rows(processed: Path, full_refresh: bool = True) -> tuple[list, list]:
    rows = stories.update_stories(processed, [], "r", full_refresh)
    return (sorted((r["article_id"], r["story_id"], r["score"]) for r in rows["story_assignments"]),
            sorted((r["article_id"], r["syndication_group_id"], r["similarity"]) for r in rows["syndication"]))


def _n_articles(processed: Path) -> int:
    return parquet.read_table(processed, "articles", ["article_id"]).num_rows


def test_workers_write_one_feature_row_per_article(extracted):
    ids = parquet.read_table(extracted, "articles", ["article_id"]).column("article_id").to_pylist()
    feats = parquet.read_table(extracted, "story_features").to_pylist()
    assert sorted(r["article_id"] for r in feats) == sorted(ids)
    assert {r["feature_rules"] for r in feats} == {stories.FEATURE_RULES}
    with_sig = [r for r in feats if r["signature"] is not None]
    assert with_sig and all(len(r["signature"]) == stories.N_PERM for r in with_sig)
    assert all(len(r["terms"]) == len(r["counts"]) for r in feats)
    # spaCy's entity keys are in there, not only the proper-name fallback
    assert any(e.startswith("e:") and not e.startswith("e:name:") for r in feats for e in r["entities"])


def test_features_path_equals_text_path(extracted, tmp_path):
    text_only = _copy(extracted, tmp_path / "text", drop_tables=("story_features",))
    with_features = _copy(extracted, tmp_path / "feat")
    sa_text, sy_text = _rows(text_only)
    sa_feat, sy_feat = _rows(with_features)
    assert len(sa_feat) == _n_articles(extracted)
    assert sa_feat == sa_text and sy_feat == sy_text
    # the fixture is not trivial: some stories and syndication groups have several articles
    assert len({s for _, s, _ in sa_feat}) < len(sa_feat)
    assert len({g for _, g, _ in sy_feat}) < len(sy_feat)


def test_mixed_and_stale_feature_rows_fall_back_to_the_text(extracted, tmp_path):
    expected = _rows(_copy(extracted, tmp_path / "ref"))
    mixed = _copy(extracted, tmp_path / "mixed")
    parts = sorted((mixed / "story_features").rglob("part-*.parquet"))
    assert len(parts) > 2
    parts[0].unlink()                                   # a batch written before the table existed
    t = pq.read_table(parts[1])                         # a batch written under other tokenisation rules
    t = t.set_column(t.schema.get_field_index("feature_rules"), "feature_rules",
                     [["other-rules"] * t.num_rows])
    pq.write_table(t, parts[1])
    assert _rows(mixed) == expected


def test_chunked_assignment_equals_all_at_once(extracted, tmp_path, monkeypatch):
    expected = _rows(_copy(extracted, tmp_path / "one"))
    monkeypatch.setattr(stories.io, "STREAM_CHUNK", 7)
    monkeypatch.setattr(stories.index, "LSH_FLUSH", 5)         # merges of the sorted arrays happen mid-run too
    monkeypatch.setattr(stories.blocking, "POSTINGS_FLUSH", 64)
    assert _rows(_copy(extracted, tmp_path / "many")) == expected


def _second_batches_later(inc: Path) -> tuple[set[str], Callable[[], None]]:
    """Hide every committed batch but the first two; returns (their article ids, a function un-hiding the rest)."""
    keys = sorted(parquet.committed_keys(inc))
    hidden = inc.parent / f"hidden-{inc.name}"
    hidden.mkdir()
    for k in keys[2:]:
        (inc / parquet.COMMITS / f"{k}.json").rename(hidden / f"{k}.json")
    first = set(parquet.read_table(inc, "articles", ["article_id"]).column("article_id").to_pylist())

    def unhide() -> None:
        for k in keys[2:]:
            (hidden / f"{k}.json").rename(inc / parquet.COMMITS / f"{k}.json")
    return first, unhide


def test_a_corpus_that_grew_by_more_than_rebuild_growth_is_assigned_as_in_one_drop(extracted, tmp_path):
    expected = _rows(_copy(extracted, tmp_path / "one"))
    inc = _copy(extracted, tmp_path / "inc")
    first, unhide = _second_batches_later(inc)
    _rows(inc, full_refresh=False)
    unhide()
    assert stories.io._outgrown(inc, stories.StoryIndex.load(inc / stories.INDEX_DIR))
    sa, sy = _rows(inc, full_refresh=False)
    assert [r[:2] for r in sa] == [r[:2] for r in expected[0]] and sy == expected[1]


def test_incremental_runs_over_the_saved_index_equal_runs_over_an_index_in_memory(extracted, tmp_path, monkeypatch):
    monkeypatch.setattr(stories.io, "REBUILD_GROWTH", 1e9)      # the incremental path, never a rebuild
    inc = _copy(extracted, tmp_path / "inc")
    keys = sorted(parquet.committed_keys(inc))
    hidden = inc.parent / "hidden"
    hidden.mkdir()
    for k in keys[2:]:                                   # first run: only the first two batches are committed
        (inc / parquet.COMMITS / f"{k}.json").rename(hidden / f"{k}.json")
    first = set(parquet.read_table(inc, "articles", ["article_id"]).column("article_id").to_pylist())
    sa1, sy1 = _rows(inc, full_refresh=False)
    for k in keys[2:]:
        (hidden / f"{k}.json").rename(inc / parquet.COMMITS / f"{k}.json")
    sa2, sy2 = _rows(inc, full_refresh=False)           # index loaded from disk, new articles (+ re-emitted rows)
    assert 0 < len(first) < len(sa2) == _n_articles(inc)
    # the same two steps over an index kept in memory
    arts = [a for _, chunk in stories._iter_articles(inc, {sa[0] for sa in sa2}) for a in chunk]
    ments: dict[str, list[dict]] = {}
    for m in parquet.read_table(inc, "entity_mentions", ["article_id", "entity_key", "label"]).to_pylist():
        ments.setdefault(m["article_id"], []).append(m)
    r1, idx = stories.assign_articles([a for a in arts if a["article_id"] in first], ments)
    r2, idx = stories.assign_articles(arts, ments, idx)
    assert sorted((r["article_id"], r["story_id"], r["score"]) for r in r1["story_assignments"]) == sa1
    expected = sorted((r["article_id"], r["story_id"], r["score"])
                      for r in r1["story_assignments"] + r2["story_assignments"])
    assert sa2 == expected
    assert sy2 == sorted((r["article_id"], r["syndication_group_id"], r["similarity"])
                         for r in r1["syndication"] + r2["syndication"])


def test_index_round_trip_and_old_version_rebuild(extracted, tmp_path):
    processed = _copy(extracted, tmp_path / "p")
    sa, _ = _rows(processed, full_refresh=False)
    folder = processed / stories.INDEX_DIR
    idx = stories.StoryIndex.load(folder)
    assert idx is not None and len(idx.articles) == len(sa) == _n_articles(processed)
    assert {a: idx.articles[a][0] for a, _, _ in sa} == {a: s for a, s, _ in sa}
    assert [m for s in idx.stories.values() for m in s.core]
    # save -> load -> save is stable
    again = stories.StoryIndex.load(Path(idx.save(tmp_path / "copy").parent))
    assert again.ids == idx.ids and again.df == idx.df and len(again.stories) == len(idx.stories)
    for s in idx.stories.values():
        t = again.stories[s.story_id]
        assert (t.days, t.n, t.n_undated) == (s.days, s.n, s.n_undated) and np.array_equal(t.keys, s.keys)
        assert [m.keys.tolist() for m in t.core] == [m.keys.tolist() for m in s.core]
    # an index of another version is ignored: every committed article is assigned again and its rows re-emitted
    with np.load(folder / stories.INDEX_FILE) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(arrays["meta"].tobytes())
    arrays["meta"] = np.frombuffer(json.dumps({**meta, "version": 2}).encode(), dtype=np.uint8)
    np.savez(folder / stories.INDEX_FILE, **arrays)
    assert stories.StoryIndex.load(folder) is None
    parquet.write_batch(processed, "stories-r", "_corpus", stories.update_stories(processed, [], "r", False), "r")
    rows = stories.update_stories(processed, [], "r2", False)
    assert rows == {"story_assignments": [], "syndication": []}      # nothing left to do once rebuilt
    assert stories.StoryIndex.load(folder) is not None
    # the gzip JSON index of version 2 (no index.npz) also leads to a full re-assignment
    (folder / stories.INDEX_FILE).unlink()
    (folder / "index.json.gz").write_bytes(b"")
    sa3, _ = _rows(processed, full_refresh=False)
    assert sa3 == sa
    assert not (folder / "index.json.gz").exists()


def test_duplicates_leave_no_orphan_feature_rows():
    a = {"article_id": "a1", "source_path": "d/1.txt", "drop_id": "d", "title": "t", "body": "b"}
    result = {"articles": [a, {**a, "article_id": "a2", "source_path": "d/2.txt"}], "rejected_files": [],
              "story_features": [stories.feature_row(a), stories.feature_row({**a, "article_id": "a2"})]}

    class F:  # a discovered file
        def __init__(self, rel):
            self.rel_path, self.drop_id, self.size, self.mtime_ns = rel, "d", 1, 1

    out = batches.finalise_batch(result, [F("d/1.txt"), F("d/2.txt")], {"a1": "old/1.txt"})
    assert [r["article_id"] for r in out.tables["story_features"]] == ["a2"]


def test_the_rule_fingerprints_do_not_depend_on_the_process_hash_seed():
    """FEATURE_RULES and the index fingerprint are compared across processes (workers write story_features,
    the next run loads the index): a fingerprint that changed with PYTHONHASHSEED made every run recompute
    every feature row from the text and throw the saved index away (the month pattern was built from a set)."""
    import os
    import subprocess
    import sys
    code = ("from tasks.stories import FEATURE_RULES; from tasks.stories.index import _index_rules; "
            "print(FEATURE_RULES, _index_rules())")
    root = Path(__file__).resolve().parents[2]
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
                           env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}).stdout
            for seed in ("1", "2", "3")}
    assert len(outs) == 1, outs


def test_pass_two_chunks_are_bounded_by_articles_and_by_terms(monkeypatch):
    """Pass 2 re-reads the part files holding a chunk's articles; tiny articles come in few large chunks
    (200k of them in 2,000-article chunks read every part file 100 times), full articles in smaller ones."""
    monkeypatch.setattr(stories.io, "STREAM_CHUNK", 3)
    monkeypatch.setattr(stories.io, "STREAM_TERMS", 100)
    monkeypatch.setattr(stories.io, "STREAM_ARTICLE_COST", 0)
    sizes = {"a": 50, "b": 40, "c": 30, "d": 5, "e": 5, "f": 5, "g": 200}
    assert list(stories.io._chunks(list("abcdefg"), sizes)) == [["a", "b"], ["c", "d", "e"], ["f"], ["g"]]
