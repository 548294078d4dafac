"""The benchmark's synthetic corpus generator and Parquet scale-up (real files, real Parquet)."""
from __future__ import annotations

import csv
from datetime import datetime, UTC
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bench.synth import build_pool, generate, replicate_processed, source_texts


@pytest.fixture(scope="module")
def seed_pool():
    texts, origin = source_texts("seeds")
    return build_pool(texts, origin)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_corpus_other_seed_differs(tmp_path, seed_pool):
    a = generate(60, 7, tmp_path / "a", pool=seed_pool)
    generate(60, 7, tmp_path / "b", pool=seed_pool)
    generate(60, 8, tmp_path / "c", pool=seed_pool)
    fa, fb, fc = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert a.n_articles == 60 and len([k for k in fa if k.endswith(".txt")]) == 60
    assert fa == fb
    assert fa != fc


def test_article_texts_are_distinct_and_varied(tmp_path, seed_pool):
    generate(120, 3, tmp_path, n_drops=3, pool=seed_pool)
    texts = [p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.txt")]
    assert len(texts) == 120
    assert len(set(texts)) == 120
    bodies = {t.split("\n", 1)[1] for t in texts}
    assert len(bodies) == 120
    # not one text with small edits: the articles do not all share their first body paragraphs
    leads = {t.split("\n\n")[1] for t in texts}
    assert len(leads) > 20


def test_manifest_lists_every_file_with_outlet_and_timestamp(tmp_path, seed_pool):
    g = generate(90, 5, tmp_path, n_drops=3, pool=seed_pool)
    assert len(g.drops) == 3
    listed = 0
    for drop in g.drops:
        folder = tmp_path / drop
        with open(folder / "manifest.csv", newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert set(rows[0]) == {"file", "outlet", "url", "published_at", "title"}
        names = {r["file"] for r in rows}
        assert names == {p.name for p in folder.glob("*.txt")}
        for r in rows:
            assert r["outlet"] and r["url"].startswith("https://")
            ts = datetime.strptime(r["published_at"], "%Y-%m-%dT%H:%M:%SZ")
            assert ts.strftime("%Y-%m-%d") == drop
            assert (folder / r["file"]).read_text(encoding="utf-8").split("\n", 1)[0] == r["title"]
        listed += len(rows)
    assert listed == 90


def test_story_clusters_share_entities_across_outlets(tmp_path, seed_pool):
    generate(60, 11, tmp_path, n_drops=1, pool=seed_pool)
    with open(tmp_path / "2024-03-01" / "manifest.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # consecutive files of one story: same quote speaker appears in several articles from different outlets
    texts = [(r["outlet"], (tmp_path / "2024-03-01" / r["file"]).read_text(encoding="utf-8")) for r in rows]
    first_outlet, first = texts[0]
    lead = first.split("\n\n")
    shared = [o for o, t in texts[1:7] if any(p in t for p in lead[1:] if len(p) > 40 and "By " not in p)]
    assert shared and first_outlet not in shared


def test_polnear_pool_when_present(tmp_path):
    try:
        texts, origin = source_texts("polnear")
    except FileNotFoundError:
        pytest.skip("PolNeAR texts not available")
    pool = build_pool(texts, origin)
    assert len(pool.paragraphs) > 1000
    g = generate(30, 1, tmp_path, pool=pool)
    assert g.pool_origin == "polnear" and g.n_words > 30 * 200


def test_replicate_processed_rewrites_ids_consistently(tmp_path):
    from tasks import parquet
    src, dst = tmp_path / "src", tmp_path / "dst"
    now = datetime(2024, 1, 1, tzinfo=UTC)
    # ids "00<i>000...": a copy tag that could be a hex prefix would make copy 1 of article 0 collide with article 1
    arts = [{"article_id": f"00{i}" + "0" * 13, "drop_id": "d1", "source_path": f"d1/{i}.txt", "file_hash": f"h{i:015x}",
             "body": f"Body {i}.", "published_at": now, "outlet": "X"} for i in range(4)]
    sents = [{"article_id": a["article_id"], "sentence_no": 0, "paragraph_no": 0, "start_char": 0,
              "end_char": len(a["body"]), "text": a["body"]} for a in arts]
    parquet.write_batch(src, "r1-00000", "d1", {"articles": arts, "sentences": sents}, "r1")
    parquet.write_batch(src, "stories-r1", "_corpus", {"story_assignments": [
        {"article_id": a["article_id"], "story_id": arts[0]["article_id"], "score": 1.0, "assigned_at": now}
        for a in arts]}, "r1")
    parquet.write_batch(src, "run-r1-success", "_runs", {"runs": [{"run_id": "r1", "status": "success"}]}, "r1")
    parquet.write_part(src, "articles", "d1", "uncommitted", parquet.to_arrow("articles", arts, "r0"))

    rows = replicate_processed(src, dst, 3)
    assert rows == {"articles": 12, "sentences": 12, "story_assignments": 12, "runs": 1}
    art = parquet.read_table(dst, "articles").to_pydict()
    assert len(set(art["article_id"])) == 12 and len(set(art["source_path"])) == 12
    assert set(art["article_id"]) >= {a["article_id"] for a in arts}     # copy 0 keeps the original ids
    sent_ids = set(parquet.read_table(dst, "sentences").column("article_id").to_pylist())
    assert sent_ids == set(art["article_id"])
    sa = parquet.read_table(dst, "story_assignments").to_pydict()
    assert set(sa["article_id"]) == set(art["article_id"])
    assert len(set(sa["story_id"])) == 3 and set(sa["story_id"]) <= set(art["article_id"])
    # every written part is committed and readable with the table's schema
    for f in parquet.committed_files(dst, "articles"):
        assert pq.read_schema(f).names == pq.read_schema(parquet.committed_files(src, "articles")[0]).names
    assert len(parquet.committed_files(dst, "runs")) == 1
    # copies are published apart (1-day span + the story stage's 10-day window + 1): re-assigning stories
    # over the copies cannot merge them
    days = sorted({(p - now).days for p in art["published_at"]})
    assert days == [0, 12, 24]


def test_replicate_processed_dates_undated_articles(tmp_path):
    from tasks import parquet
    src, dst = tmp_path / "src", tmp_path / "dst"
    arts = [{"article_id": f"a{i}", "drop_id": "d1", "source_path": f"d1/{i}.txt", "body": "B.", "outlet": "X"}
            for i in range(2)]
    parquet.write_batch(src, "r1-00000", "d1", {"articles": arts}, "r1")
    replicate_processed(src, dst, 2)
    pub = parquet.read_table(dst, "articles").column("published_at").to_pylist()
    assert None not in pub and len(set(pub)) == 2 and (max(pub) - min(pub)).days == 11


def test_run_child_measures_memory_and_reaps_left_behind_processes():
    import sys

    import psutil

    from bench.__main__ import run_child
    code = ("import subprocess, sys, time\n"
            "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'], start_new_session=True)\n"
            "print(p.pid, flush=True)\n"
            "b = bytearray(300 * 1024 * 1024)\n"
            "time.sleep(1.0)\n")
    r = run_child([sys.executable, "-c", code], sample_s=0.05)
    assert r.ok()
    left_pid = int(r.stdout.split()[0])
    assert r.max_single_rss > 250 * 1024 ** 2
    assert r.peak_tree_rss > 250 * 1024 ** 2
    assert len(r.orphans) == 1 and "time.sleep(60)" in r.orphans[0]
    assert not psutil.pid_exists(left_pid) or psutil.Process(left_pid).status() == psutil.STATUS_ZOMBIE


def test_run_child_kills_a_child_past_its_timeout():
    import sys

    from bench.__main__ import run_child
    r = run_child([sys.executable, "-c", "import time; time.sleep(60)"], sample_s=0.05, timeout_s=0.5)
    assert r.timed_out and not r.ok()


def test_report_table_has_ratios_and_verdicts():
    from bench.__main__ import Report
    rep = Report(started_at="t", corpus="c", n_articles=1, n_words=1)
    rep.add("cold", 30.0, "s", 60.0, 1.0, "<= 1.0")
    rep.add("noop", 9.0, "s", 30.0, 0.1, "<= 0.10", note="slow")
    lines = rep.table().splitlines()
    assert lines[0].split(" | ")[0].strip() == "measure"
    cold = [ln for ln in lines if ln.startswith("cold")][0]
    noop = [ln for ln in lines if ln.startswith("noop")][0]
    assert "0.500" in cold and cold.rstrip().endswith("yes")
    assert "0.300" in noop and noop.rstrip().endswith("NO")
    assert "- noop: slow" in lines
