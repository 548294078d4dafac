"""Child processes of the benchmark: run one, time it, sample its process tree's memory, reap what it left.

Also the ``newsagree`` command line and environment the benchmark's runs use, and the bare-spaCy reference.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.synth import REPO


@dataclass
class ChildRun:
    cmd: list[str]
    wall_s: float
    returncode: int
    peak_tree_rss: int          # bytes, max over samples of the sum of RSS of the process and its descendants
    max_single_rss: int         # bytes, ru_maxrss of the child (largest process it waited for)
    stdout: str
    stderr: str
    orphans: list[str] = field(default_factory=list)   # descendants still alive after the child exited (killed)
    timed_out: bool = False

    def ok(self) -> bool:
        return self.returncode == 0


def run_child(cmd: list[str], env: dict | None = None, cwd: Path | None = None, sample_s: float = 0.2,
              timeout_s: float | None = None) -> ChildRun:
    """Run ``cmd``, time it, sample its process tree's RSS, and collect ``wait4`` rusage.

    After ``timeout_s`` the child and its descendants are killed (returncode -9, ``timed_out``).
    """
    import psutil
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
    peak = [0]
    timed_out = [False]
    seen: dict[int, tuple[float, str]] = {}
    stop = threading.Event()

    def sample() -> None:
        try:
            root = psutil.Process(p.pid)
        except psutil.Error:
            return
        while not stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for pr in procs:
                try:
                    if pr.pid not in seen and pr.pid != p.pid:
                        seen[pr.pid] = (pr.create_time(), " ".join(pr.cmdline())[:160])
                    total += pr.memory_info().rss
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total)
            if timeout_s is not None and time.perf_counter() - t0 > timeout_s:
                timed_out[0] = True
                for pr in reversed(procs):
                    try:
                        pr.kill()
                    except psutil.Error:
                        pass
                break
            stop.wait(sample_s)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    th.join()
    orphans = _reap_orphans(seen)
    out.seek(0)
    err.seek(0)
    return ChildRun(cmd=cmd, wall_s=wall, returncode=p.returncode, peak_tree_rss=peak[0],
                    max_single_rss=ru.ru_maxrss * 1024, stdout=out.read().decode(errors="replace"),
                    stderr=err.read().decode(errors="replace"), orphans=orphans, timed_out=timed_out[0])


def _reap_orphans(seen: dict[int, tuple[float, str]]) -> list[str]:
    """Terminate processes the child started that outlived it (same pid and start time as when sampled)."""
    import psutil
    left = []
    for pid, (created, cmd) in seen.items():
        try:
            pr = psutil.Process(pid)
            if pr.create_time() != created:
                continue
            left.append(cmd)
            pr.terminate()
            try:
                pr.wait(5)
            except psutil.TimeoutExpired:
                pr.kill()
        except psutil.Error:
            continue
    return left


def newsagree_cmd() -> list[str]:
    """The installed console script when present, else ``python -m flows.cli`` (PYTHONPATH set by ``child_env``)."""
    script = Path(sys.executable).with_name("newsagree")
    return [str(script)] if script.exists() else [sys.executable, "-m", "flows.cli"]


def child_env(prefect_home: Path, extra: dict | None = None) -> dict:
    prefect_home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PREFECT_HOME"] = str(prefect_home.resolve())   # our own Prefect DB: no lock contention with other users' runs
    for k in [k for k in env if k.startswith("NEWSAGREE_")]:
        del env[k]
    env.update(extra or {})
    return env


def newsagree(args: list[str], raw: Path | None, processed: Path, warehouse: Path, env: dict, cwd: Path,
              timeout_s: float | None = None) -> ChildRun:
    cmd = [*newsagree_cmd(), *args]
    if raw is not None:
        cmd += ["--raw-dir", str(raw)]
    cmd += ["--processed-dir", str(processed), "--warehouse", str(warehouse)]
    r = run_child(cmd, env=env, cwd=cwd, timeout_s=timeout_s)
    if not r.ok() and not r.timed_out:
        # a failing run is still measured (e.g. a data test failing after all the work); the table says so
        print(f"  ! {' '.join(cmd[:3])} exited {r.returncode}: {failure_line(r)}", flush=True)
    return r


def failure_line(r: ChildRun) -> str:
    """The last meaningful stderr line of a failed child (without native-extension leak noise)."""
    lines = [ln for ln in r.stderr.splitlines() if ln.strip() and "leaked" not in ln and "nanobind" not in ln
             and "skipped remainder" not in ln and "refleaks" not in ln]
    fails = [ln for ln in lines if "FAILED" in ln]
    return (fails or lines or [""])[-1][:300]


def status_note(r: ChildRun) -> str:
    if r.timed_out:
        return f"TIMED OUT after {r.wall_s:.0f} s (value is a lower bound); "
    return "" if r.ok() else f"FAILED (exit {r.returncode}: {failure_line(r)}); "


_REFERENCE = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    t0 = time.perf_counter()
    import spacy
    nlp = spacy.load(sys.argv[1])
    t1 = time.perf_counter()
    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in sys.argv[4:]]
    n_tok = 0
    for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=int(sys.argv[3])):
        n_tok += len(doc) + len(doc.ents)
    t2 = time.perf_counter()
    print(json.dumps({"load_s": t1 - t0, "pipe_s": t2 - t1, "n_tokens": n_tok, "components": nlp.pipe_names}))
""")


_CLAIM_MODEL = textwrap.dedent("""
    import json, time
    import psutil
    proc = psutil.Process()
    import numpy  # noqa: F401  (numpy is loaded by every extraction worker before the claim model)
    rss0 = proc.memory_info().rss
    t0 = time.perf_counter()
    from tasks.claims import similarity, vectors
    vocab, table = vectors.load()
    params = similarity.model()
    t1 = time.perf_counter()
    rss1 = proc.memory_info().rss
    print(json.dumps({"load_s": t1 - t0, "rss_mb": (rss1 - rss0) / 2 ** 20, "table_mb": table.nbytes / 2 ** 20,
                      "pieces": len(vocab), "dims": int(table.shape[1]), "features": len(params["weights"])}))
""")


def claim_model_load(env: dict) -> tuple[ChildRun, dict]:
    """Load the claim similarity model (vector table and weights) in a fresh interpreter, as an extraction
    worker does once: its load time and the memory it adds (RSS after minus before, numpy already imported)."""
    r = run_child([sys.executable, "-c", _CLAIM_MODEL], env=env, cwd=REPO)
    if not r.ok():
        raise RuntimeError(f"claim model load failed:\n{r.stderr[-3000:]}")
    return r, json.loads(r.stdout.strip().splitlines()[-1])


def reference_spacy(files: list[Path], model: str, n_process: int, batch_size: int, env: dict) -> tuple[ChildRun, dict]:
    """Bare spaCy over the same texts in a fresh interpreter; returns the child run and its own timings."""
    r = run_child([sys.executable, "-c", _REFERENCE, model, str(n_process), str(batch_size), *map(str, files)],
                  env=env)
    if not r.ok():
        raise RuntimeError(f"reference spaCy failed:\n{r.stderr[-3000:]}")
    return r, json.loads(r.stdout.strip().splitlines()[-1])
