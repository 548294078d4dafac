"""`newsagree serve` smoke tests: a real Prefect server, the cron deployment, a run triggered by a new drop,
and shutdown on SIGTERM / SIGINT (idle, after a run, and with a run in progress); extraction workers do not
outlive a killed flow-run process."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.nightly import exit_with_parent, task_runner_for
from tasks.runlock import run_lock
from tasks.settings import Settings

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def _start_serve(tmp_path: Path) -> subprocess.Popen:
    (tmp_path / "data" / "raw").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSAGREE_", "PREFECT_API"))}
    env.update({"PYTHONPATH": str(REPO), "PREFECT_HOME": str(tmp_path / "prefect-home"),
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "NEWSAGREE_RUNNER": "thread"})
    log = open(tmp_path / "serve.log", "w")
    try:
        return subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--cron", "0 2 * * *",
                                 "--poll-seconds", "2"],
                                cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    finally:
        log.close()


def _drop(seeds_dir: Path, raw: Path, name: str) -> None:
    """A new drop lands atomically: written under a hidden name, then renamed."""
    shutil.copytree(seeds_dir, raw / ".incoming")
    (raw / ".incoming").rename(raw / name)


def _wait_for_log(proc: subprocess.Popen, log: Path, text: str, count: int = 1, timeout: float = 240) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        content = log.read_text()
        if content.count(text) >= count:
            return content
        time.sleep(0.5)
    content = log.read_text()
    assert content.count(text) >= count, f"{text!r} x{count} not in the serve log:\n{content[-4000:]}"
    return content


def _stop(proc: subprocess.Popen, log: Path, sig: signal.Signals) -> str:
    """Send ``sig``; serve must exit on its own (no SIGKILL needed) with code 0, leaving no process behind."""
    proc.send_signal(sig)
    try:
        proc.wait(60)    # a hang detector, not a performance bound: a clean stop takes a few seconds
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGUSR1)        # dump every thread's stack into the log
        time.sleep(3)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        pytest.fail(f"serve did not stop on {sig.name}:\n" + log.read_text()[-6000:])
    text = log.read_text()
    assert proc.returncode == 0, text[-3000:]
    assert "newsagree serve: stopped" in text, text[-3000:]
    # the Prefect server that serve started, and any flow-run process, are gone with it
    for _ in range(30):
        leftover = subprocess.run(["pgrep", "-a", "-s", str(proc.pid)], capture_output=True, text=True).stdout
        if not leftover.strip():
            break
        time.sleep(1)
    assert leftover.strip() == ""
    return text


def _kill_if_running(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_serve_runs_when_a_drop_appears_and_stops_cleanly_during_a_run(tmp_path, seeds_dir):
    proc = _start_serve(tmp_path)
    log, raw = tmp_path / "serve.log", tmp_path / "data" / "raw"
    wh = tmp_path / "data" / "warehouse.duckdb"
    try:
        _wait_for_log(proc, log, "deployment newsagree-scheduled/nightly registered")
        _drop(seeds_dir, raw, "2025-05-19")
        text = _wait_for_log(proc, log, "triggered run")
        assert "finished: COMPLETED" in text, text[-4000:]
        con = duckdb.connect(str(wh), read_only=True)
        assert con.execute("select count(*) from articles").fetchone()[0] == 5
        con.close()
        assert "Traceback" not in text, text[-4000:]

        # a second drop while another run holds the run lock: the triggered run starts and waits for the
        # lock inside its flow-run process, so SIGTERM lands with that process alive (the shutdown that hung)
        with run_lock(wh.with_name(wh.name + ".lock")):
            _drop(seeds_dir, raw, "2025-05-20")
            _wait_for_log(proc, log, "for flow 'newsagree-scheduled'", count=2)
            text = _stop(proc, log, signal.SIGTERM)
    finally:
        _kill_if_running(proc)
    assert "SIGTERM received: cancelling any run in progress" in text, text[-3000:]
    assert "Cancelled flow run" in text, text[-3000:]      # the runner cancelled the run in progress
    assert "Traceback" not in text, text[-4000:]


def test_serve_stops_cleanly_on_sigint_when_idle(tmp_path):
    proc = _start_serve(tmp_path)
    log = tmp_path / "serve.log"
    try:
        _wait_for_log(proc, log, "deployment newsagree-scheduled/nightly registered")
        time.sleep(2)    # let the runner start polling (a signal before that is handled too, by another path)
        text = _stop(proc, log, signal.SIGINT)
    finally:
        _kill_if_running(proc)
    assert "Traceback" not in text, text[-4000:]


POOL = """
import multiprocessing, time
from concurrent.futures import ProcessPoolExecutor
from flows.nightly import exit_with_parent
ex = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"), initializer=exit_with_parent)
for _ in range(2):
    ex.submit(time.sleep, 300)     # two busy workers, as during an extraction batch
time.sleep(300)
"""


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_pool_workers_exit_when_their_flow_process_is_killed():
    """serve's stop SIGKILLs a run process still alive 30 s after its SIGTERM; its extraction workers
    (busy with a batch) must not be left behind, each holding a spaCy model."""
    assert task_runner_for(Settings.from_env(runner="process", n_process=2))._initializer is exit_with_parent
    parent = subprocess.Popen([sys.executable, "-c", POOL], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                              start_new_session=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            out = subprocess.run(["pgrep", "-P", str(parent.pid), "-f", "spawn_main"], capture_output=True, text=True)
            workers = [int(p) for p in out.stdout.split()]
            time.sleep(0.2)
        assert len(workers) == 2, "the pool did not start its two workers"
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 30
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = [w for w in workers if _alive(w)]
        assert left == [], f"workers {left} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
