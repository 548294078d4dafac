"""Scale-up of processed Parquet for the benchmark.

``replicate_processed(src, dst, factor)`` turns a processed dir of N articles
into one of ``factor * N`` distinct articles without running the NLP again:
every committed part is copied ``factor`` times with its per-article ids
rewritten (article_id, story_id, quote_id, fact_id, syndication group,
source_path, url, file_hash), so joins stay consistent inside a copy, and
its publication dates moved past the story stage's date window (undated
articles get a date), so copies never merge with each other, not even when
the story stage reassigns the replicated corpus.
"""
from __future__ import annotations

import json
import os
from datetime import UTC
from pathlib import Path


# columns rewritten per copy: identifiers of an article and of things that belong to one article or story
ID_COLUMNS = ("article_id", "story_id", "quote_id", "fact_id", "syndication_group_id", "file_hash",
              "claim_id", "quote_group_id", "sentence_id", "mention_id")
PATH_COLUMNS = ("source_path", "url")
# corpus-level or run-level identifiers that copies share
KEEP_COLUMNS = ("run_id", "pipeline_version", "drop_id", "entity_id", "speaker_entity_id", "entity_key")


def _rewrite_table(table, k: int, shift_days: int = 0, undated_day=None):
    """Copy ``k`` of a table: id columns and paths get the prefix "x<k>" (k in hex; never the start of an
    original hex id, and every copy's prefix is distinct), so copies never collide with each other.

    ``published_at`` (undated rows: ``undated_day``) moves ``k * shift_days`` days later, copy 0 included
    when ``undated_day`` is given: with ``shift_days`` beyond the corpus's date span plus the story stage's
    DATE_WINDOW, a copy can neither syndicate with nor join the stories of another copy when the story stage
    reassigns the replicated corpus (undated copies of the same text would all merge into one story, a
    workload of 1/N as many stories, each N times larger)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    if k == 0 and undated_day is None:
        return table
    tag = f"x{k:x}-"
    cols = []
    for name in table.column_names:
        col = table.column(name)
        is_id = name in ID_COLUMNS or (name.endswith("_id") and name not in KEEP_COLUMNS)
        if k and pa.types.is_string(col.type) and is_id:
            col = pc.binary_join_element_wise(pa.scalar(tag), col, "")
        elif k and pa.types.is_string(col.type) and name in PATH_COLUMNS:
            col = pc.binary_join_element_wise(pa.scalar(f"{tag}/"), col, "")
        elif name == "published_at" and pa.types.is_timestamp(col.type) and (undated_day is not None or k):
            if undated_day is not None:
                col = pc.fill_null(col, pa.scalar(undated_day, type=col.type))
            if k and shift_days:
                delta = pa.scalar(k * shift_days * 86_400 * 10**6, type=pa.duration("us")).cast(
                    pa.duration(col.type.unit))
                col = pc.add(col, delta)
        cols.append(col)
    return pa.table(cols, schema=table.schema)


def _date_span(tables: list) -> tuple:
    """(earliest published_at or None, span in days) over the articles of the replicated batches."""
    import pyarrow.compute as pc
    lo = hi = None
    for t in tables:
        if "published_at" in t.column_names and t.num_rows:
            mm = pc.min_max(t.column("published_at")).as_py()
            if mm["min"] is not None:
                lo = mm["min"] if lo is None else min(lo, mm["min"])
                hi = mm["max"] if hi is None else max(hi, mm["max"])
    return lo, 0 if lo is None else (hi - lo).days + 1


def replicate_processed(src: Path, dst: Path, factor: int, skip_tables: tuple[str, ...] = ("runs",)) -> dict:
    """Write ``factor`` id-rewritten copies of every committed batch of ``src`` into ``dst`` (Parquet layout of
    tasks/parquet.py: parts under ``<table>/drop=<drop>/part-<key>.parquet``, then ``_commits/<key>.json``).

    Tables in ``skip_tables`` (run history) are copied once, unchanged. Copies are spread in time (see
    _rewrite_table) so that a story stage re-run over the copies finds the original's stories once per copy.
    Returns rows written per table.
    """
    import pyarrow.parquet as pq
    from tasks import parquet as pqt
    src, dst = Path(src), Path(dst)
    keys = sorted(pqt.committed_keys(src))
    rows: dict[str, int] = {}
    parts_by_key: dict[str, list[tuple[str, str, Path]]] = {}
    for table_dir in sorted(p for p in src.iterdir() if p.is_dir() and not p.name.startswith("_")):
        for key, f in pqt._parts(src, table_dir.name):
            parts_by_key.setdefault(key, []).append((table_dir.name, f.parent.name, f))
    from datetime import datetime
    from tasks.stories import DATE_WINDOW
    # copies are spread in time: copy k is published k * shift_days later (undated articles get one date)
    lo, span = _date_span([pq.read_table(f) for k in keys for t, _, f in parts_by_key.get(k, [])
                                if t == "articles"])
    undated_day = lo or datetime(2020, 1, 1, tzinfo=UTC)
    shift_days = span + DATE_WINDOW + 1
    for key in keys:
        info = json.loads((src / pqt.COMMITS / f"{key}.json").read_text())
        parts = parts_by_key.get(key, [])
        tables = {f: pq.read_table(f) for _, _, f in parts}
        copies = 1 if parts and all(t in skip_tables for t, _, _ in parts) else factor
        for k in range(copies):
            new_key = key if k == 0 else f"{key}-x{k:03x}"
            for table, drop_folder, f in parts:
                if k > 0 and table in skip_tables:
                    continue
                data = _rewrite_table(tables[f], k, shift_days, undated_day)
                folder = dst / table / drop_folder
                folder.mkdir(parents=True, exist_ok=True)
                tmp = folder / f".part-{new_key}.parquet.tmp"
                pq.write_table(data, tmp, compression="zstd")
                os.replace(tmp, folder / f"part-{new_key}.parquet")
                rows[table] = rows.get(table, 0) + data.num_rows
            pqt.commit(dst, new_key, {**info, "replica_of": key, "copy": k})
    return rows
