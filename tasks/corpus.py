"""The corpus stage as one job: assign stories to new articles and commit the rows.

``assign_and_write`` is what the flow's story task runs. Large assignments
(a cold run over a big archive, a full refresh) run it in a child process
(``run_isolated``): the story index of 100k articles and the features of the
articles being assigned take several hundred MB of small Python objects that
the interpreter keeps after they are freed, and the warehouse build that
follows needs that memory. A child process returns it to the OS when it exits.
"""
from __future__ import annotations

from pathlib import Path

from tasks import parquet, stories

# articles (new, or in the corpus) from which the story stage runs in a child process (below: in-process,
# no start-up cost)
ISOLATE_FROM = 2000


def assign_and_write(processed_dir: Path, new_ids: list[str], run_id: str, full_refresh: bool) -> dict:
    """Assign stories, commit the story_assignments/syndication rows, then save the updated story index (in
    that order: see stories.assign_stories); returns rows per table."""
    rows, index = stories.assign_stories(Path(processed_dir), new_ids, run_id, full_refresh)
    written = (parquet.write_batch(Path(processed_dir), f"stories-{run_id}", "_corpus", rows, run_id)
               if any(rows.values()) else {})
    if index is not None:
        index.save(Path(processed_dir) / stories.INDEX_DIR)
    return written


def n_committed_articles(processed_dir: Path) -> int:
    """Committed articles, from the Parquet footers only."""
    import pyarrow.parquet as pq
    return sum(pq.ParquetFile(f).metadata.num_rows for f in parquet.committed_files(processed_dir, "articles"))


def run_isolated(processed_dir: Path, new_ids: list[str], run_id: str, full_refresh: bool) -> dict:
    """``assign_and_write`` in a fresh (spawned) child process when the corpus or the assignment is large
    (the index of a large corpus is large even when few articles are new)."""
    if len(new_ids) < ISOLATE_FROM and n_committed_articles(Path(processed_dir)) < ISOLATE_FROM:
        return assign_and_write(processed_dir, new_ids, run_id, full_refresh)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from tasks.procs import exit_with_parent
    # the child exits with its parent (a flow run killed during this stage must not leave it committing rows)
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                             initializer=exit_with_parent) as ex:
        return ex.submit(assign_and_write, Path(processed_dir), list(new_ids), run_id, full_refresh).result()
