"""A big .jsonl is split over batches of the usual size; its parts roll up in the ledger; an interrupted run
leaves the committed parts alone and plans only the rest."""
from __future__ import annotations

import json
from datetime import datetime, UTC

from tasks import batches, ingest, parquet

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _feed(tmp_path, n=400, pad=200):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    lines = [json.dumps({"title": f"T{i}", "text": f"Item {i} " + "x" * pad}) for i in range(1, n + 1)]
    lines[9] = "{broken"
    lines[20] = ""
    (raw / "d" / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (raw / "d" / "a.txt").write_text("Title\n\nA body.")
    return raw


def _result(raw, files):
    docs, rej = ingest.read_files(raw, files)
    return {"articles": [{"article_id": d["source_path"], "source_path": d["source_path"],
                          "file_hash": d["file_hash"]} for d in docs], "rejected_files": rej}


def test_big_jsonl_is_split_and_every_line_read_once(tmp_path):
    raw = _feed(tmp_path, pad=2000)              # ~820 KB: 205 articles' worth of bytes, 401 lines
    plan = batches.plan_batches(ingest.discover(raw), batch_size=50)
    parts = [f for b in plan for f in b if f.rel_path == "d/feed.jsonl"]
    assert len(parts) == 9 and all(f.lines and f.n_lines == 401 for f in parts)   # by lines: 401 / 50
    assert parts[0].lines[0] == 1 and parts[-1].lines[1] == 401
    assert all(a.lines[1] + 1 == b.lines[0] for a, b in zip(parts, parts[1:]))
    seen = []
    for b in plan:
        r = _result(raw, b)
        seen += [a["source_path"] for a in r["articles"]] + [x["source_path"] for x in r["rejected_files"]]
    feed = [s for s in seen if s.startswith("d/feed.jsonl")]
    assert len(feed) == len(set(feed)) == 399 and "d/feed.jsonl#10" in feed     # 400 lines, one blank
    assert "d/feed.jsonl#21" not in feed and "d/a.txt" in seen


def test_big_jsonl_of_long_lines_is_split_by_bytes(tmp_path):
    raw = _feed(tmp_path, n=40, pad=40_000)       # 40 lines, ~1.6 MB: 400 articles' worth of bytes
    plan = batches.plan_batches(ingest.discover(raw), batch_size=100)
    parts = [f for b in plan for f in b if f.rel_path == "d/feed.jsonl"]
    assert len(parts) == 4 and sum(f.lines[1] - f.lines[0] + 1 for f in parts) == 41


def test_small_or_rejected_jsonl_stays_whole(tmp_path):
    raw = _feed(tmp_path, n=30)
    (raw / "d" / "bin.jsonl").write_bytes(b"\x00\x01\x02" * 40_000)          # binary: one rejection, one batch
    plan = batches.plan_batches(ingest.discover(raw), batch_size=50)
    assert all(f.lines is None for b in plan for f in b)
    (feed,) = [f for b in plan for f in b if f.rel_path == "d/feed.jsonl"]
    assert feed.n_lines == 31                    # kept whole, weighed by its lines


def test_many_tiny_lines_make_batches_of_about_batch_size_articles(tmp_path):
    """Tiny articles weigh a line each, not their bytes: a batch of thousands of them would wait in the flow
    process as hundreds of MB of rows (issue 14's 200k run peaked over its memory budget that way)."""
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    tiny = "\n".join(json.dumps({"title": f"T{i}", "text": f"Talks {i} resumed."}) for i in range(1000))
    (raw / "d" / "big.jsonl").write_text(tiny + "\n")                         # 1,001 lines, ~50 KB
    for k in range(6):                                                        # 150 lines each, ~7 KB
        (raw / "d" / f"small{k}.jsonl").write_text("\n".join(tiny.splitlines()[k * 150:(k + 1) * 150]))
    for workers in (1, 2):                        # balancing for two workers never makes a batch bigger
        plan = batches.plan_batches(ingest.discover(raw), batch_size=200, workers=workers)
        lines = [sum((f.lines[1] - f.lines[0] + 1) if f.lines else f.n_lines for f in b) for b in plan]
        assert max(lines) <= 200 and sum(lines) == 1001 + 6 * 150
        assert len(plan) == 6 + 6                 # 1,001 lines in 6 parts; no two 150-line files share a batch


def test_ledger_of_parts_complete_and_interrupted(tmp_path):
    raw = _feed(tmp_path)
    proc = tmp_path / "processed"
    plan = batches.plan_batches(ingest.discover(raw), batch_size=5)
    known: dict[str, str] = {}
    for i, b in enumerate(plan[:2]):              # an interrupted run: two batches committed
        out = batches.finalise_batch(_result(raw, b), b, known, NOW)
        parquet.write_batch(proc, f"k{i}", "d", {"file_ledger": out.tables["file_ledger"]}, "r")
    ledger = batches.load_ledger(proc)
    assert "d/feed.jsonl" not in ledger and "d/feed.jsonl" in ledger.partial
    new, skipped = batches.select_new(ingest.discover(raw), ledger)
    (feed,) = [f for f in new if f.rel_path == "d/feed.jsonl"]
    committed = [f.lines for b in plan[:2] for f in b if f.rel_path == "d/feed.jsonl"]
    assert feed.done_lines == tuple(committed)
    rest = batches.plan_batches(new, batch_size=5)
    rest_parts = [f.lines for b in rest for f in b if f.rel_path == "d/feed.jsonl"]
    assert rest_parts[0][0] == committed[-1][1] + 1 and rest_parts[-1][1] == 401
    for i, b in enumerate(rest):
        out = batches.finalise_batch(_result(raw, b), b, known, NOW)
        assert out.n_duplicates == 0
        parquet.write_batch(proc, f"m{i}", "d", {"file_ledger": out.tables["file_ledger"]}, "r")
    ledger = batches.load_ledger(proc)
    assert not ledger.partial and ledger["d/feed.jsonl"][:2] == (feed.size, feed.mtime_ns)
    new, skipped = batches.select_new(ingest.discover(raw), ledger)
    assert new == [] and len(skipped) == 2
