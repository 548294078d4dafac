"""Crashes for real: `newsagree run` subprocesses killed with SIGKILL at every stage, then run again.

The subprocesses talk to the session's Prefect test API (PREFECT_API_URL), so
each is a real flow run without paying for a temporary server of its own.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tasks import parquet
from tasks.runlock import run_lock

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "data" / "raw" / "sample").glob("*.txt"))


def _run(root: Path, failpoint: str | None = None, api_url: str = "", *extra: str, env_extra: dict | None = None,
         timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSAGREE_")}
    env.update({"PREFECT_API_URL": api_url, "PYTHONPATH": str(REPO), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                **(env_extra or {})})
    if failpoint:
        env["NEWSAGREE_FAILPOINT"] = failpoint
    cmd = [sys.executable, "-m", "flows.cli", "run", "--runner", "thread", "--raw-dir", str(root / "raw"),
           "--processed-dir", str(root / "processed"), "--warehouse", str(root / "wh.duckdb"), *extra]
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


def _articles(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(r[0] for r in con.execute("select source_path from articles").fetchall())
    finally:
        con.close()


@pytest.fixture(scope="module")
def api_url(prefect_harness) -> str:
    from prefect.settings import PREFECT_API_URL
    return PREFECT_API_URL.value()


@pytest.fixture(scope="module")
def first_drop(tmp_path_factory, api_url) -> Path:
    """A completed run over drop `a` (3 seeds); each crash test starts from a copy."""
    root = tmp_path_factory.mktemp("template")
    (root / "raw" / "a").mkdir(parents=True)
    for f in SEEDS[:3]:
        shutil.copy(f, root / "raw" / "a" / f.name)
    res = _run(root, api_url=api_url)
    assert res.returncode == 0, res.stderr[-3000:]
    return root


@pytest.mark.parametrize("failpoint", [
    "after_discover", "extract_article", "write_part", "after_part", "during_build", "before_swap",
])
def test_kill_at_any_stage_then_next_run_completes(first_drop, tmp_path, api_url, failpoint):
    root = tmp_path / "w"
    shutil.copytree(first_drop, root)
    (root / "raw" / "b").mkdir()
    for f in SEEDS[3:]:
        shutil.copy(f, root / "raw" / "b" / f.name)
    before = _articles(root / "wh.duckdb")
    assert len(before) == 3

    killed = _run(root, failpoint, api_url)
    assert killed.returncode == -9, (killed.returncode, killed.stderr[-2000:])
    # the previous warehouse is still there and readable
    assert _articles(root / "wh.duckdb") == before
    # readers see only complete, committed Parquet files; no half file is visible
    for table in ("articles", "sentences", "file_ledger"):
        for f in parquet.committed_files(root / "processed", table):
            assert not f.name.startswith(".")
        parquet.read_table(root / "processed", table)   # every committed file is readable

    again = _run(root, api_url=api_url)
    assert again.returncode == 0, again.stderr[-3000:]
    after = _articles(root / "wh.duckdb")
    assert after == sorted([f"a/{f.name}" for f in SEEDS[:3]] + [f"b/{f.name}" for f in SEEDS[3:]])
    con = duckdb.connect(str(root / "wh.duckdb"), read_only=True)
    try:   # no duplicate rows anywhere
        assert con.execute("select count(*) - count(distinct article_id) from articles").fetchone()[0] == 0
        assert con.execute("select count(*) from (select article_id, sentence_no from sentences "
                           "group by all having count(*) > 1)").fetchone()[0] == 0
        assert con.execute("select count(*) - count(distinct quote_id) from quotes").fetchone()[0] == 0
        assert con.execute("select count(*) from rejected_files").fetchone()[0] == 0
    finally:
        con.close()
    assert not list((root / "processed").rglob("*.tmp"))
    assert not list(root.glob(".wh.duckdb.*.building*"))


def test_failure_of_one_article_rejects_it_and_the_rest_lands(first_drop, tmp_path, api_url):
    root = tmp_path / "w"
    shutil.copytree(first_drop, root)
    (root / "raw" / "b").mkdir()
    (root / "raw" / "b" / "poison.txt").write_text("Poison headline\n\nThis article makes the extractor fail: XYZZY.\n")
    shutil.copy(SEEDS[3], root / "raw" / "b" / SEEDS[3].name)
    res = _run(root, "extract_article:raise:XYZZY", api_url)
    assert res.returncode == 0, res.stderr[-3000:]
    con = duckdb.connect(str(root / "wh.duckdb"), read_only=True)
    try:
        assert con.execute("select source_path, reason from rejected_files").fetchall() == [
            ("b/poison.txt", "extraction_error")]
        assert "injected fault" in con.execute("select detail from rejected_files").fetchone()[0]
        assert con.execute("select count(*) from articles").fetchone()[0] == 4
    finally:
        con.close()


def test_pipeline_failure_exits_nonzero_with_message_and_failed_flow_state(first_drop, tmp_path, api_url):
    root = tmp_path / "w"
    shutil.copytree(first_drop, root)
    shutil.copytree(root / "raw" / "a", root / "raw" / "c")
    for f in (root / "raw" / "c").iterdir():
        f.write_text(f.read_text() + "\n\nAn extra closing paragraph makes this a new article.\n")
    res = _run(root, "during_build:raise", api_url)
    assert res.returncode == 1
    assert "newsagree run FAILED" in res.stderr and "injected fault at during_build" in res.stderr
    assert len(_articles(root / "wh.duckdb")) == 3      # previous warehouse kept

    import asyncio
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.sorting import FlowRunSort

    async def last_state():
        async with get_client() as client:
            runs = await client.read_flow_runs(sort=FlowRunSort.START_TIME_DESC, limit=20)
            return [r.state.type.value for r in runs if r.state]
    assert "FAILED" in asyncio.run(last_state())


def test_second_run_while_locked_exits_with_clear_message(first_drop, tmp_path, api_url):
    root = tmp_path / "w"
    shutil.copytree(first_drop, root)
    with run_lock(root / "wh.duckdb.lock"):
        res = _run(root, None, api_url)
    assert res.returncode == 75
    assert "another newsagree run is in progress" in res.stderr


def _processes_with(mark: str) -> list[int]:
    """Pids of live processes whose environment holds ``mark`` (every process a run starts inherits it)."""
    pids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            if mark.encode() in (d / "environ").read_bytes():
                stat = (d / "stat").read_text()
                if stat.rsplit(")", 1)[1].split()[0] != "Z":      # zombies have exited
                    pids.append(int(d.name))
        except OSError:
            continue
    return pids


@pytest.mark.parametrize("failpoint, runner", [("after_part:kill", "process"), ("during_build:term", "thread")])
def test_a_killed_run_leaves_no_process_behind(first_drop, tmp_path, failpoint, runner):
    """Issue 14 #5: after `kill -9` or SIGTERM of `newsagree run`, its Prefect API server (uvicorn, ~250 MB)
    lived on with parent 1. Here each run starts its own API (no PREFECT_API_URL), the SIGKILL one also two
    extraction workers (two batches), is killed in the middle, and then no process that carries the run's mark may survive (that the next run
    completes is test_kill_at_any_stage_then_next_run_completes)."""
    import time
    import uuid
    root = tmp_path / "w"
    shutil.copytree(first_drop, root)
    (root / "raw" / "b").mkdir()
    for f in SEEDS[3:]:
        shutil.copy(f, root / "raw" / "b" / f.name)
    mark = f"NEWSAGREE_TEST_RUN_MARK_{uuid.uuid4().hex}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSAGREE_", "PREFECT_API_URL"))}
    env.update({"PYTHONPATH": str(REPO), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", mark: "1",
                "NEWSAGREE_FAILPOINT": failpoint})
    cmd = [sys.executable, "-m", "flows.cli", "run", "--runner", runner, "--workers", "2", "--batch-size", "1",
           "--raw-dir", str(root / "raw"), "--processed-dir", str(root / "processed"),
           "--warehouse", str(root / "wh.duckdb")]
    try:
        # output to a file, not a pipe: a surviving child holding the pipe would keep run() waiting
        with open(tmp_path / "stderr.txt", "w") as err:
            res = subprocess.run(cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=err, timeout=300)
        assert res.returncode in (-9, -15, 1, 143), (res.returncode, (tmp_path / "stderr.txt").read_text()[-2000:])
        deadline = time.monotonic() + 60       # a bound, not a measurement: the kernel signals them at once
        while _processes_with(mark) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _processes_with(mark) == []
    finally:
        for pid in _processes_with(mark):     # never leave them running, even when the test fails
            os.kill(pid, 9)


def test_a_batch_that_never_ends_is_rejected_as_timeout_and_the_run_goes_on(first_drop, tmp_path, api_url):
    """Issue 14: a file that makes extraction run forever (the YAML alias bomb, the nested HTML) hung the run,
    and every later run. With a per-batch time limit its batch's files are rejected as `timeout`, the other
    batches land, the run succeeds, and the next run does not try the file again."""
    root = tmp_path / "w"
    shutil.copytree(first_drop, root)
    (root / "raw" / "b").mkdir()
    (root / "raw" / "b" / "poison.txt").write_text("Poison headline\n\nThis article makes the extractor hang: XYZZY.\n")
    shutil.copy(SEEDS[3], root / "raw" / "b" / SEEDS[3].name)
    limit = {"NEWSAGREE_BATCH_TIMEOUT": "5"}      # CPU seconds; a normal one-file batch takes well under one (model loaded)
    res = _run(root, "extract_article:hang:XYZZY", api_url, "--batch-size", "1", env_extra=limit, timeout=150)
    assert res.returncode == 0, res.stderr[-3000:]
    con = duckdb.connect(str(root / "wh.duckdb"), read_only=True)
    try:
        assert con.execute("select source_path, reason from rejected_files").fetchall() == [("b/poison.txt", "timeout")]
        assert con.execute("select count(*) from articles").fetchone()[0] == 4
    finally:
        con.close()
    again = _run(root, "extract_article:hang:XYZZY", api_url, env_extra=limit, timeout=150)
    assert again.returncode == 0 and "nothing new" in again.stdout, again.stderr[-3000:]


def test_a_truncated_part_is_repaired_by_the_next_run_or_named_with_its_fix(first_drop, tmp_path, api_url):
    """Issue 14 #6 end to end: a truncated `sentences` part whose raw files are still there is extracted again
    by the next run (nothing missing after it); when the raw files are gone too, the run fails naming the
    file and `--full-refresh`, and that full refresh then succeeds."""
    root = tmp_path / "w"
    shutil.copytree(first_drop, root)
    (part,) = parquet.committed_files(root / "processed", "sentences")
    part.write_bytes(part.read_bytes()[:100])
    res = _run(root, None, api_url)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "nothing new" not in res.stdout                    # not a success over the damage
    for table in ("articles", "sentences", "file_ledger"):    # the processed folder is whole again
        assert parquet.read_table(root / "processed", table).num_rows > 0
    con = duckdb.connect(str(root / "wh.duckdb"), read_only=True)
    try:
        assert con.execute("select count(*) from articles a where not exists "
                           "(select 1 from sentences s where s.article_id = a.article_id)").fetchone()[0] == 0
        assert con.execute("select count(*) from articles").fetchone()[0] == 3
    finally:
        con.close()

    (part,) = parquet.committed_files(root / "processed", "sentences")
    part.unlink()
    shutil.move(root / "raw" / "a", root / "a-moved")
    (root / "raw" / "a").mkdir()
    res = _run(root, None, api_url)
    assert res.returncode == 1 and part.name in res.stderr and "--full-refresh" in res.stderr, res.stderr[-3000:]
    res = _run(root, None, api_url, "--full-refresh")
    assert res.returncode == 0, res.stderr[-3000:]
