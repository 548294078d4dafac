"""Batch planning: a drop that needs several batches is cut into batches of equal work (bytes of text), as many as a
multiple of the workers, so no worker idles while another runs the last or the longest batch."""
from __future__ import annotations

from tasks import batches, ingest
from tasks.planning import balanced_count
from tasks.settings import Settings


def _drop(tmp_path, n, name="d"):
    d = tmp_path / "raw" / name
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (d / f"a{i:04d}.txt").write_text(f"Title {i}\n\nBody {i}.")
    return tmp_path / "raw"


def test_the_number_of_batches_is_rounded_up_to_a_multiple_of_the_workers():
    assert balanced_count(840, 200, 2) == 6         # 5 batches -> 6 of 140
    assert balanced_count(800, 200, 2) == 4         # already even
    assert balanced_count(900, 200, 4) == 8
    assert balanced_count(150, 200, 2) == 1         # one batch: runs in the flow process, never split
    assert balanced_count(840, 200, 1) == 5         # one worker: nothing to balance
    assert balanced_count(0, 200, 2) == 1


def test_plan_on_two_workers_gives_each_the_same_work(tmp_path):
    d = tmp_path / "raw" / "d"
    d.mkdir(parents=True)
    for i in range(421):                          # long and short articles in runs, as real drops have them
        (d / f"a{i:04d}.txt").write_text(f"Title {i}\n\n" + "Body text. " * (20 if (i // 50) % 2 else 200))
    raw = tmp_path / "raw"
    plan = batches.plan_batches(ingest.discover(raw), batch_size=100, workers=2)
    sizes = [sum(f.size for f in b) for b in plan]
    assert len(plan) == 6 and all(len(b) <= 100 for b in plan)
    assert max(sizes) - min(sizes) <= 2 * max(f.size for b in plan for f in b)      # equal work, to a file or two
    one = batches.plan_batches(ingest.discover(raw), batch_size=100)
    assert [len(b) for b in one] == [100, 100, 100, 100, 21]                         # one worker: as before
    assert sorted(f.rel_path for b in plan for f in b) == sorted(f.rel_path for b in one for f in b)


def test_a_drop_that_fits_one_batch_stays_one_batch_and_drops_stay_apart(tmp_path):
    _drop(tmp_path, 30, "a")
    raw = _drop(tmp_path, 5, "b")
    plan = batches.plan_batches(ingest.discover(raw), batch_size=100, workers=2)
    assert [len(b) for b in plan] == [30, 5]
    assert all(len({f.drop_id for f in b}) == 1 for b in plan)


def test_workers_follow_the_runner():
    assert Settings(runner="process", n_process=3).workers == 3
    assert Settings(runner="dask", n_process=2).workers == 2
    assert Settings(runner="thread", n_process=4).workers == 1
